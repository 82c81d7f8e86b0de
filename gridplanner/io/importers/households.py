"""Households and residents of imported buildings: which field holds them,
and an estimate where the data have none.

The estimate is gross floor area ÷ dwelling size:
``households = footprint area × floors ÷ settings.dwelling_size_m2``, with
floors from a floors field, else from a height field ÷
``settings.floor_height_m``, else an assumed number (reported). Estimated
buildings are flagged ``households_estimated`` so a planner can see, and
replace, every number that did not come from the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from gridplanner.errors import UnknownFieldError
from gridplanner.model.settings import Settings

#: Field names tried, in order, when the user names none (compared case-insensitively).
HOUSEHOLD_FIELDS = ("households", "household", "hh", "户数", "住户数", "总户数", "户", "hu_shu", "hs")
RESIDENT_FIELDS = ("residents", "population", "pop", "persons", "人口", "人口数", "人数",
                   "常住人口", "总人口", "居民数", "户籍人口")
FLOOR_FIELDS = ("floors", "floor", "building:levels", "levels", "storeys", "stories", "num_floors",
                "层数", "楼层", "楼层数", "地上层数", "总层数", "cs")
HEIGHT_FIELDS = ("height", "building:height", "高度", "建筑高度", "楼高")
NAME_FIELDS = ("name", "名称", "名字", "楼栋名称", "建筑名称", "楼号", "小区名称", "社区名称",
               "社区名", "街道名称", "村名", "name:zh", "name_zh", "name_cn", "mc", "xzqmc",
               "sqmc", "jdmc", "label")
#: Average household size in China (2020 census: 2.62 persons).
PERSONS_PER_HOUSEHOLD = 2.62
DEFAULT_FLOORS = 1.0

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def guess_field(columns: Iterable[str], candidates: Sequence[str]) -> str | None:
    """The first column whose name matches a candidate (case-insensitive)."""
    by_lower: dict[str, str] = {}
    for col in columns:
        by_lower.setdefault(str(col).strip().lower(), str(col))
    for cand in candidates:
        if cand.lower() in by_lower:
            return by_lower[cand.lower()]
    return None


def resolve_field(
    columns: Sequence[str], given: str | None, candidates: Sequence[str], what: str,
    label: str, notes: list[str],
) -> str | None:
    """The field the user named (checked), else a guess reported in ``notes``."""
    cols = [str(c) for c in columns if c != "geometry"]
    if given:
        if given not in cols:
            raise UnknownFieldError(
                f"{label}: has no field {given!r} for {what}; its fields are: {', '.join(cols)}"
            )
        return given
    guessed = guess_field(cols, candidates)
    if guessed:
        notes.append(f"{what} read from field {guessed!r} (guessed; choose another with "
                     f"--{what}-field)")
    return guessed


def numbers(series: pd.Series) -> pd.Series:
    """Numbers from a column that may hold text such as ``120户`` or ``3,000``."""
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return pd.to_numeric(series, errors="coerce").astype("float64")
    text = series.astype("object").map(lambda v: None if v is None or v is pd.NA else str(v))
    found = text.map(lambda t: _NUMBER.search(t.replace(",", "")) if t else None)
    return found.map(lambda m: float(m.group()) if m else np.nan).astype("float64")


@dataclass
class HouseholdFill:
    """Columns for the buildings layer, and what the user should be told."""

    households: pd.Series
    residents: pd.Series
    floors: pd.Series
    estimated: pd.Series
    notes: list[str] = field(default_factory=list)


def _column(frame: pd.DataFrame, name: str | None) -> pd.Series:
    if name is None:
        return pd.Series(np.nan, index=frame.index, dtype="float64")
    return numbers(frame[name])


def floors_of(frame: pd.DataFrame, floors_field: str | None, height_field: str | None,
              settings: Settings) -> pd.Series:
    """Floors from the floors field, else from height ÷ floor height; NaN when unknown."""
    floors = _column(frame, floors_field).where(lambda s: s > 0)
    if height_field is not None:
        height = _column(frame, height_field).where(lambda s: s > 0)
        from_height = (height / settings.floor_height_m).round().clip(lower=1)
        floors = floors.fillna(from_height)
    return floors


def fill_households(
    frame: gpd.GeoDataFrame,
    households_field: str | None,
    residents_field: str | None,
    floors: pd.Series,
    settings: Settings,
    *,
    persons_per_household: float = PERSONS_PER_HOUSEHOLD,
    default_floors: float = DEFAULT_FLOORS,
) -> HouseholdFill:
    """Households (given or estimated), residents and floors of each building.

    ``frame`` must be in a metric CRS: footprint areas are in m².
    """
    notes: list[str] = []
    hh = _column(frame, households_field)
    negative = hh < 0
    if negative.any():
        notes.append(f"{int(negative.sum())} negative household counts ignored: features "
                     + _ids(hh.index[negative]))
        hh = hh.mask(negative)
    missing = hh.isna()
    area = pd.Series(frame.geometry.area, index=frame.index).fillna(0.0)
    can_estimate = missing & (area > 0)
    used_floors = floors.fillna(default_floors)
    estimate = (area * used_floors / settings.dwelling_size_m2).round()
    hh = hh.where(~can_estimate, estimate)
    if can_estimate.any():
        notes.append(_estimate_note(int(can_estimate.sum()), settings))
        assumed = can_estimate & floors.isna()
        if assumed.any():
            notes.append(f"floors unknown for {int(assumed.sum())} of them: {default_floors:g} "
                         f"floor{'s' if default_floors != 1 else ''} assumed (give a floors or height field, or --option "
                         "default_floors=N)")
    points = missing & ~can_estimate
    if points.any():
        notes.append(f"{int(points.sum())} buildings without a footprint have no household "
                     "count and cannot be estimated; counted as 0: features " + _ids(hh.index[points]))
    residents = _residents(frame, residents_field, hh.fillna(0.0), persons_per_household, notes)
    return HouseholdFill(hh.fillna(0.0), residents, floors, can_estimate.astype(bool), notes)


def _residents(frame: pd.DataFrame, field_name: str | None, households: pd.Series,
               persons: float, notes: list[str]) -> pd.Series:
    residents = _column(frame, field_name).where(lambda s: s >= 0)
    fill = residents.isna() & (households > 0)
    if fill.any():
        residents = residents.where(~fill, (households * persons).round())
        notes.append(f"residents estimated for {int(fill.sum())} buildings as households × "
                     f"{persons:g} (average household size)")
    return residents.fillna(0.0)


def _estimate_note(count: int, settings: Settings) -> str:
    return (f"households estimated for {count} buildings as footprint × floors ÷ "
            f"{settings.dwelling_size_m2:g} m² per dwelling; flagged households_estimated")


def _ids(index: Iterable, limit: int = 30) -> str:
    ids = [str(i) for i in index]
    head = ", ".join(ids[:limit])
    return head + (f" … and {len(ids) - limit} more" if len(ids) > limit else "")

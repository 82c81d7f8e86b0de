"""The features of a printed atlas: one sheet per community or per cell.

A sheet knows what its page is about: its name (for the title), the
community whose cells are coloured, the map extent (padded around the
community or the cell), the rows of the assignment table and, with
coverage, the share of households within walking reach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from gridplanner.errors import GridPlannerError
from gridplanner.model.plan import Plan
from gridplanner.render.legend import print_label
from gridplanner.render.painter import Box


@dataclass
class Sheet:
    """One atlas feature: a community or a cell, with its table rows."""

    name: str
    community: str | None  # None: the whole plan
    extent: Box
    rows: pd.DataFrame
    cell_fid: int | None = None
    texts: list[list[str]] = field(default_factory=list)


def sheet_title(name: str, lang: str) -> str:
    """"北苑社区网格作战图", "北苑社区第一网格作战图", "Beiyuan grid map"."""
    suffix = print_label("grid_map", lang)
    if lang == "zh_CN":
        return name + (suffix[2:] if name.endswith(suffix[:2]) else suffix)
    return f"{name} {suffix}".strip()


def build_sheets(plan: Plan, rows: pd.DataFrame, per: str, lang: str) -> list[Sheet]:
    """The atlas features: every community (with cells or a boundary), or every cell."""
    cells = plan.cells.frame
    sheets: list[Sheet] = []
    if per == "cell":
        for fid, row in rows.iterrows():
            geom = cells.at[fid, "geometry"]
            if geom is None or geom.is_empty:
                continue
            name = str(row["name"]) or str(row["code"]) or f"#{fid}"
            sheets.append(Sheet(name, str(row["community"]), _padded(geom.bounds, 0.35, 120.0),
                                rows.loc[[fid]], int(fid)))
    else:
        for community in _community_names(plan, rows):
            sub = rows[rows["community"] == community]
            bounds = _community_bounds(plan, community, sub.index)
            if bounds is None:
                continue
            name = community or print_label("no_community", lang)
            sheets.append(Sheet(name, community, _padded(bounds, 0.04, 50.0), sub))
    if not sheets and plan.extent() is not None:
        sheets.append(Sheet(plan.name or print_label("whole_plan", lang), None,
                            _padded(plan.extent(), 0.04, 50.0), rows))
    return sheets


def _community_names(plan: Plan, rows: pd.DataFrame) -> list[str]:
    comms = plan.communities()
    order = sorted(zip(comms["code"].astype(str), comms["name"].astype(str), strict=True))
    names = [n for _, n in order]
    names += sorted(set(rows["community"].astype(str)) - set(names) - {""})
    if (rows["community"] == "").any():
        names.append("")
    return list(dict.fromkeys(names))


def _community_bounds(plan: Plan, community: str, fids: pd.Index) -> Box | None:
    comms = plan.communities()
    geoms = list(comms.geometry[comms["name"].astype(str) == community]) if community else []
    geoms += list(plan.cells.frame.geometry.loc[fids])
    boxes = [g.bounds for g in geoms if g is not None and not g.is_empty]
    if not boxes:
        return None
    b = np.array(boxes)
    return (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())


def _padded(bounds: Box, share: float, minimum: float) -> Box:
    x0, y0, x1, y1 = bounds
    pad = max(max(x1 - x0, y1 - y0) * share, 1.0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w = max((x1 - x0) / 2 + pad, minimum / 2)
    half_h = max((y1 - y0) / 2 + pad, minimum / 2)
    return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def coverage_lines(coverage: Any | None, sheet: Sheet, lang: str) -> list[str]:
    if coverage is None:
        return []
    level = coverage.levels_m[-1]
    table = coverage.buildings
    households = pd.to_numeric(coverage_households(coverage), errors="coerce")
    mask = (table["community"] == sheet.community) if sheet.community else \
        pd.Series(True, index=table.index)
    if sheet.cell_fid is not None:
        mask = table["cell_fid"] == sheet.cell_fid
    mask = mask.fillna(False).astype(bool)
    total = float(households[mask].sum())
    if total <= 0:
        return []
    within = float(households[mask & (table["distance_m"] <= level)].sum())
    return [f"{print_label('coverage_of', lang, level=f'{level:g}')}: {100 * within / total:.0f}%"]


def coverage_households(coverage: Any) -> pd.Series:
    """Households of every building of a coverage result (0 where unknown)."""
    return coverage.buildings.get("households", pd.Series(0.0, index=coverage.buildings.index))


def compute_coverage(plan: Plan) -> Any | None:
    """Walking coverage of the plan's buildings, or None when it cannot be computed."""
    if len(plan.centres) == 0 or len(plan.buildings) == 0:
        return None
    try:
        from gridplanner.analysis.network.coverage import coverage_from_centres
    except ImportError:
        return None
    try:
        result = coverage_from_centres(plan, services=[])
    except GridPlannerError:
        return None
    hh = pd.to_numeric(plan.buildings.frame["households"], errors="coerce").fillna(0.0)
    result.buildings["households"] = hh.reindex(result.buildings.index).fillna(0.0)
    return result

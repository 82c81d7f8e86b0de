"""Walking coverage: how far every building is from its nearest centre.

For every building the walking distance to the nearest centre, overall and
per service (a centre covers a service only if it lists it), and which
centre; then households and residents covered at each level, per grid cell,
per community and for the whole plan. Without a walking network the
distances are straight lines and every result says ``method="straight_line"``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.network.graph import derived, has_network, walk_graph
from gridplanner.analysis.network.joining import (
    anchor_points,
    join_points,
    straight_distances,
    walking_distances,
)
from gridplanner.errors import AnalysisError
from gridplanner.model.schema import split_services

NETWORK = "network"
STRAIGHT_LINE = "straight_line"
#: ``progress(fraction 0..1, text)``; ``cancelled() -> bool``
Progress = Callable[[float, str], None] | None
Cancelled = Callable[[], bool] | None


def level_key(level: float) -> str:
    """Column/JSON suffix of a level: ``300`` for 300.0 m, ``312.5`` otherwise."""
    return str(int(level)) if float(level).is_integer() else f"{level:g}"


def resolve_levels(plan: Any, levels: Sequence[float] | None = None,
                   minutes: Sequence[float] | None = None, speed: float | None = None) -> list[float]:
    """Levels in metres: given, or minutes × speed, or the plan's settings."""
    if levels is not None and minutes is not None:
        raise AnalysisError("give walking levels either in metres or in minutes, not both")
    if minutes is not None:
        v = float(speed if speed is not None else plan.settings.walking_speed)
        if v <= 0:
            raise AnalysisError(f"walking speed must be positive, got {v}")
        levels = [m * 60.0 * v for m in minutes]
    out = sorted(float(x) for x in (levels if levels is not None else plan.settings.levels_m))
    if not out or any(x <= 0 for x in out):
        raise AnalysisError(f"walking levels must be positive distances, got {out}")
    return out


def centre_services(plan: Any) -> list[str]:
    """Services to report: the plan's list, then any other a centre offers."""
    names = list(plan.settings.services)
    for value in plan.centres.frame["services"]:
        names += [s for s in split_services(value) if s not in names]
    return names


def centres_offering(plan: Any, service: str | None) -> pd.DataFrame:
    """Centres with a location, and with ``service`` if one is given."""
    frame = plan.centres.frame
    frame = frame[~(frame.geometry.isna() | frame.geometry.is_empty)]
    if service is None:
        return frame
    has = frame["services"].map(lambda v: service in split_services(v))
    return frame[has.astype(bool)]


def choose_method(plan: Any, method: str = "auto") -> str:
    if method == "auto":
        return NETWORK if has_network(plan) else STRAIGHT_LINE
    if method not in (NETWORK, STRAIGHT_LINE):
        raise AnalysisError(f"unknown distance method {method!r} (network or straight_line)")
    return method


@dataclass
class Prepared:
    """Join points of all buildings and centres, computed once per analysis."""

    graph: Any
    buildings: Any
    centres: Any
    centre_fids: np.ndarray


def building_joins(plan: Any) -> Any:
    """Join points of the plan's buildings, cached until buildings or network change."""
    return derived(plan, "buildings", "joins", lambda graph: join_points(
        graph, anchor_points(plan.buildings.frame.geometry)))


def prepare_joins(plan: Any, method: str = "auto") -> Prepared | None:
    """Join every building and centre to the network (None for straight lines)."""
    if choose_method(plan, method) != NETWORK:
        return None
    return _network_joins(plan)


def _network_joins(plan: Any) -> Prepared:
    graph = walk_graph(plan)
    centres = centres_offering(plan, None)
    bj = building_joins(plan)
    cj = join_points(graph, np.asarray(centres.geometry.values, dtype=object))
    return Prepared(graph, bj, cj, np.asarray(centres.index, dtype=np.int64))


def nearest_centres(plan: Any, service: str | None = None, method: str = "auto",
                    limit: float = np.inf, prepared: Prepared | None = None) -> pd.DataFrame:
    """Distance from every building to its nearest centre (with ``service``).

    Returns a frame indexed by building fid with ``distance_m`` (inf when no
    centre is reachable) and ``nearest_centre`` (centre fid, <NA> if none).
    ``prepared`` (from :func:`prepare_joins`) saves re-joining the points.
    """
    method = choose_method(plan, method)
    buildings = plan.buildings.frame
    centres = centres_offering(plan, service)
    if method == NETWORK and len(centres) and len(buildings):
        prep = prepared if prepared is not None else _network_joins(plan)
        pick = np.flatnonzero(np.isin(prep.centre_fids, np.asarray(centres.index)))
        dist, src = walking_distances(prep.graph, prep.buildings, prep.centres.subset(pick), limit)
    else:
        pts = anchor_points(buildings.geometry)
        dist, src = straight_distances(pts, np.asarray(centres.geometry.values, dtype=object))
        pick = np.arange(len(centres))
        far = ~(dist <= limit)
        dist[far], src[far] = np.inf, -1
    cfids = np.asarray(centres.index, dtype=np.int64)
    if method == NETWORK and len(centres) and len(buildings):
        cfids = prep.centre_fids[pick]
    nearest = pd.array(np.where(src >= 0, cfids[np.maximum(src, 0)] if len(cfids) else 0, 0),
                       dtype="Int64")
    nearest[src < 0] = pd.NA
    return pd.DataFrame({"distance_m": dist, "nearest_centre": nearest}, index=buildings.index)


def _locate(points: np.ndarray, polygons: pd.DataFrame) -> np.ndarray:
    """Position in ``polygons`` of the polygon holding each point, or -1."""
    out = np.full(len(points), -1, dtype=np.int64)
    if len(polygons) == 0 or len(points) == 0:
        return out
    tree = shapely.STRtree(np.asarray(polygons.geometry.values, dtype=object))
    pi, gi = tree.query(points, predicate="within")
    order = np.lexsort((gi, pi))[::-1]  # the first polygon (lowest position) wins
    out[pi[order]] = gi[order]
    return out


def covered_stats(dist: np.ndarray, households: np.ndarray, residents: np.ndarray,
                  levels: Sequence[float]) -> dict[str, float]:
    """Flat counts and shares covered at each level (keys suffixed by level)."""
    hh, rs = float(households.sum()), float(residents.sum())
    row: dict[str, float] = {"buildings": int(len(dist)), "households": hh, "residents": rs}
    for lv in levels:
        k, ok = level_key(lv), dist <= lv
        row[f"buildings_covered_{k}"] = int(ok.sum())
        row[f"households_covered_{k}"] = float(households[ok].sum())
        row[f"residents_covered_{k}"] = float(residents[ok].sum())
        row[f"household_share_{k}"] = float(households[ok].sum() / hh) if hh else 0.0
        row[f"resident_share_{k}"] = float(residents[ok].sum() / rs) if rs else 0.0
    return row


def level_rows(dist: np.ndarray, households: np.ndarray, residents: np.ndarray,
               levels: Sequence[float], speed: float, target: float) -> list[dict[str, Any]]:
    """One row per level: covered counts, shares and whether the target is met."""
    stats = covered_stats(dist, households, residents, levels)
    rows = []
    for lv in levels:
        k = level_key(lv)
        share = stats[f"resident_share_{k}"] if stats["residents"] else stats[f"household_share_{k}"]
        rows.append({
            "level_m": lv, "minutes": round(lv / speed / 60.0, 2),
            "buildings_covered": stats[f"buildings_covered_{k}"],
            "households_covered": stats[f"households_covered_{k}"],
            "residents_covered": stats[f"residents_covered_{k}"],
            "household_share": stats[f"household_share_{k}"],
            "resident_share": stats[f"resident_share_{k}"],
            "meets_target": bool(share >= target),
        })
    return rows


@dataclass
class CoverageResult:
    """Coverage of a plan's buildings by its centres.

    ``buildings`` is indexed by building fid with ``distance_m``,
    ``nearest_centre``, ``covered_<level>``, ``cell_fid``, ``community`` and
    per service ``distance_m_<service>`` / ``nearest_centre_<service>``.
    """

    method: str
    levels_m: list[float]
    walking_speed: float
    target_share: float
    service: str | None
    buildings: pd.DataFrame
    totals: dict[str, Any]
    levels: list[dict[str, Any]]
    services: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    cells: list[dict[str, Any]] = field(default_factory=list)
    communities: list[dict[str, Any]] = field(default_factory=list)
    #: what each centre serves (filled by ``service_areas.describe_centres``)
    centres: list[dict[str, Any]] = field(default_factory=list)
    #: the capacity allocation's summary (``Allocation.to_json``), if computed
    capacity: dict[str, Any] | None = None

    @property
    def uncovered(self) -> list[int]:
        """Fids of buildings beyond the largest level."""
        d = self.buildings["distance_m"].to_numpy()
        return [int(f) for f in self.buildings.index[~(d <= self.levels_m[-1])]]

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method, "service": self.service,
            "levels_m": list(self.levels_m),
            "minutes": [round(lv / self.walking_speed / 60.0, 2) for lv in self.levels_m],
            "walking_speed": self.walking_speed, "target_share": self.target_share,
            "totals": dict(self.totals), "levels": [dict(r) for r in self.levels],
            "services": {k: [dict(r) for r in v] for k, v in self.services.items()},
            "cells": [dict(r) for r in self.cells],
            "communities": [dict(r) for r in self.communities],
            "centres": [dict(r) for r in self.centres],
            "capacity": dict(self.capacity) if self.capacity is not None else None,
            "uncovered": self.uncovered,
        }


def report_step(progress: Progress, cancelled: Cancelled, fraction: float, text: str) -> None:
    """Tell ``progress`` how far we are; stop with AnalysisError if ``cancelled()``."""
    if cancelled is not None and cancelled():
        raise AnalysisError("the analysis was cancelled")
    if progress is not None:
        progress(float(fraction), text)


def coverage_from_centres(plan: Any, levels: Sequence[float] | None = None,
                          service: str | None = None, method: str = "auto",
                          services: Sequence[str] | None = None,
                          progress: Progress = None, cancelled: Cancelled = None) -> CoverageResult:
    """Coverage of every building at every level, overall (or for ``service``)
    and per service, aggregated per grid cell, per community and in total.

    ``progress(fraction, text)`` is called between steps; ``cancelled()``
    returning True stops the analysis with an AnalysisError.
    """
    report_step(progress, cancelled, 0.0, "joining buildings and centres to the network")
    lv = resolve_levels(plan, levels)
    method = choose_method(plan, method)
    s = plan.settings
    b = plan.buildings.frame
    prep = prepare_joins(plan, method) if len(b) and len(plan.centres) else None
    report_step(progress, cancelled, 0.2, "walking distances to the nearest centre")
    table = nearest_centres(plan, service, method, prepared=prep)
    hh = pd.to_numeric(b["households"]).fillna(0).to_numpy(float)
    rs = pd.to_numeric(b["residents"]).fillna(0).to_numpy(float)
    dist = table["distance_m"].to_numpy()
    for level in lv:
        table[f"covered_{level_key(level)}"] = dist <= level
    per_service = {}
    names = list(services) if services is not None else centre_services(plan)
    for i, name in enumerate(names):
        report_step(progress, cancelled, 0.3 + 0.6 * i / max(1, len(names)), f"service {name}")
        st = nearest_centres(plan, name, method, prepared=prep)
        table[f"distance_m_{name}"] = st["distance_m"]
        table[f"nearest_centre_{name}"] = st["nearest_centre"]
        per_service[name] = level_rows(st["distance_m"].to_numpy(), hh, rs, lv,
                                       s.walking_speed, s.target_share)
    report_step(progress, cancelled, 0.9, "totals per grid cell and community")
    pts = anchor_points(b.geometry)
    cells, comms = plan.cells.frame, plan.communities()
    cell_pos, comm_pos = _locate(pts, cells), _locate(pts, comms)
    table["cell_fid"] = pd.array(
        np.where(cell_pos >= 0, np.asarray(cells.index)[np.maximum(cell_pos, 0)] if len(cells) else 0, 0),
        dtype="Int64")
    table.loc[cell_pos < 0, "cell_fid"] = pd.NA
    comm_names = comms["name"].astype(str).to_numpy() if len(comms) else np.array([], dtype=str)
    table["community"] = np.where(comm_pos >= 0, comm_names[np.maximum(comm_pos, 0)]
                                  if len(comms) else "", "")
    rows = level_rows(dist, hh, rs, lv, s.walking_speed, s.target_share)
    totals = covered_stats(dist, hh, rs, lv)
    totals.update(centres=int(len(centres_offering(plan, service))),
                  uncovered_buildings=int((~(dist <= lv[-1])).sum()),
                  meets_target=rows[-1]["meets_target"])
    return CoverageResult(
        method=method, levels_m=lv, walking_speed=s.walking_speed,
        target_share=s.target_share, service=service, buildings=table, totals=totals,
        levels=rows, services=per_service,
        cells=_area_rows(cells, cell_pos, dist, hh, rs, lv, ("code", "name", "community")),
        communities=_area_rows(comms, comm_pos, dist, hh, rs, lv, ("name", "code")),
    )


def _area_rows(areas: pd.DataFrame, pos: np.ndarray, dist: np.ndarray, hh: np.ndarray,
               rs: np.ndarray, levels: list[float], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    rows = []
    for i, fid in enumerate(areas.index):
        mask = pos == i
        row: dict[str, Any] = {"fid": int(fid)}
        row.update({k: str(areas.iloc[i][k]) for k in keys})
        row.update(covered_stats(dist[mask], hh[mask], rs[mask], levels))
        rows.append(row)
    return rows


def buildings_with_coverage(plan: Any, result: CoverageResult) -> gpd.GeoDataFrame:
    """Every building with its source attributes plus ``distance_m``,
    ``nearest_centre`` and one ``covered_<level>`` flag per level."""
    b = plan.buildings.frame.copy()
    cols = ["distance_m", "nearest_centre"] + [f"covered_{level_key(x)}" for x in result.levels_m]
    for c in cols:
        b[c] = result.buildings[c]
    b["distance_m"] = b["distance_m"].where(np.isfinite(b["distance_m"]), np.nan)
    b["method"] = result.method
    geom = b.pop("geometry")
    return gpd.GeoDataFrame(b, geometry=geom.values, crs=plan.crs)

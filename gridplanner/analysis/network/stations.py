"""One station per grid (一网格一阵地): every grid has a Party-mass service station.

A comprehensive grid cell meets the rule when a station (a centre of kind
``party_station`` or ``neighbourhood_centre``, whose "党建+" centre is the
larger station) lies inside it, or within ``station_distance_m`` metres'
walk of one of its buildings (a straight line for a cell without
buildings, or for a plan without a walking network). Dedicated grids
(schools, hospitals, enterprises) keep their own Party organisation and are
not checked. The rule is a setting (``station_rule``), on by default.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.findings import WARNING, Finding
from gridplanner.analysis.network.coverage import nearest_centres
from gridplanner.analysis.network.joining import anchor_points
from gridplanner.analysis.network.scenarios import PlanView
from gridplanner.model.schema import CellKind, CentreKind

STATION_KINDS: tuple[str, ...] = (CentreKind.PARTY_STATION.value, CentreKind.NEIGHBOURHOOD.value)


def station_fids(plan: Any) -> pd.Index:
    """Fids of the plan's centres that count as Party-mass service stations."""
    c = plan.centres.frame
    located = ~(c.geometry.isna() | c.geometry.is_empty)
    return c.index[c["kind"].isin(STATION_KINDS).to_numpy(bool) & located.to_numpy(bool)]


def cells_without_station(plan: Any, distance_m: float | None = None) -> list[int]:
    """Fids of comprehensive cells with no station inside or within ``distance_m``
    (default: the plan's ``station_distance_m``)."""
    limit = float(distance_m if distance_m is not None else plan.settings.station_distance_m)
    cells = plan.cells.frame
    cells = cells[(cells["kind"] != CellKind.DEDICATED.value).to_numpy(bool)
                  & ~(cells.geometry.isna() | cells.geometry.is_empty).to_numpy(bool)]
    if len(cells) == 0:
        return []
    fids = station_fids(plan)
    if len(fids) == 0:
        return [int(f) for f in cells.index]
    geoms = np.asarray(cells.geometry.values, dtype=object)
    spts = np.asarray(plan.centres.frame.loc[fids].geometry.values, dtype=object)
    ok = np.zeros(len(cells), dtype=bool)
    c_in, _ = shapely.STRtree(spts).query(geoms, predicate="intersects")
    ok[c_in] = True
    c_near, _ = shapely.STRtree(spts).query(geoms, predicate="dwithin", distance=limit)
    near = np.zeros(len(cells), dtype=bool)
    near[c_near] = True
    ok |= near & ~_has_buildings(plan, geoms)  # no buildings to walk from: a straight line
    todo = ~ok & near  # beyond a straight limit, no walk is shorter
    if todo.any():
        ok[todo] = _walk_ok(plan, fids, geoms, np.flatnonzero(todo), limit)
    return [int(f) for f in cells.index[~ok]]


def _has_buildings(plan: Any, geoms: np.ndarray) -> np.ndarray:
    pts = anchor_points(plan.buildings.frame.geometry)
    out = np.zeros(len(geoms), dtype=bool)
    if len(pts):
        cell, _ = shapely.STRtree(pts).query(geoms, predicate="contains")
        out[cell] = True
    return out


def _walk_ok(plan: Any, fids: pd.Index, geoms: np.ndarray, todo: np.ndarray,
             limit: float) -> np.ndarray:
    dist = nearest_centres(PlanView(plan, list(fids)), limit=limit)["distance_m"].to_numpy()
    pts = anchor_points(plan.buildings.frame.geometry)
    cell, bld = shapely.STRtree(pts).query(geoms[todo], predicate="contains")
    best = np.full(len(todo), np.inf)
    np.minimum.at(best, cell, dist[bld])
    return best <= limit


def check_stations(plan: Any) -> list[Finding]:
    """A warning for every grid without a station (nothing when the rule is off)."""
    s = plan.settings
    if not getattr(s, "station_rule", True):
        return []
    limit = float(getattr(s, "station_distance_m", 300.0))
    cells = plan.cells.frame
    out = []
    for fid in cells_without_station(plan, limit):
        row = cells.loc[fid]
        label = str(row["code"]) or str(row["name"]) or f"#{fid}"
        out.append(Finding(
            "no_station", WARNING,
            f"Grid {label} has no Party-mass service station inside it or within "
            f"{limit:.0f} m walk (one station per grid)",
            cells=[str(row["code"])] if str(row["code"]) else [], cell_fids=[int(fid)],
            community=str(row["community"]), geometry=row.geometry,
            params={"cell": label, "distance": int(round(limit))}))
    return out

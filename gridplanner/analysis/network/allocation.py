"""Capacity: households allocated to the nearest centre with room.

Every centre may have a capacity in households (``NaN`` means unlimited).
Within a walking level, each building's households go to the nearest
centre that still has room, and overflow to the next centre within the
level; what no centre within the level has room for stays unallocated.

The exact allocation is a transportation problem solved in two stages with
PuLP/CBC: first the most households allocated, then, keeping that, the
fewest household-metres walked. Larger problems, or a missing solver, use
the greedy rule: building-centre pairs in order of distance, each taking
what room is left. Integral data give integral optimal flows, so the
optimum is also the best whole-household allocation.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.network.coverage import (
    NETWORK,
    Prepared,
    centres_offering,
    choose_method,
    prepare_joins,
)
from gridplanner.analysis.network.isochrones import CHUNK, reach_chunk
from gridplanner.analysis.network.joining import anchor_points, same_edge_pairs
from gridplanner.errors import AnalysisError

#: Largest number of building-centre pairs handed to the exact solver.
MAX_EXACT_PAIRS = 20_000
EPS = 1e-6


@dataclass
class Pairs:
    """Building-centre pairs within a level: positions and walking distance."""

    building: np.ndarray
    centre: np.ndarray
    distance: np.ndarray

    def __len__(self) -> int:
        return int(len(self.building))


def _unique_min(b: np.ndarray, c: np.ndarray, d: np.ndarray) -> Pairs:
    order = np.lexsort((d, c, b))
    b, c, d = b[order], c[order], d[order]
    first = np.ones(len(b), dtype=bool)
    first[1:] = (b[1:] != b[:-1]) | (c[1:] != c[:-1])
    return Pairs(b[first].astype(np.int64), c[first].astype(np.int64), d[first].astype(float))


def straight_pairs(bld_pts: np.ndarray, centre_pts: np.ndarray, limit: float) -> Pairs:
    """Pairs within ``limit`` metres in a straight line."""
    if len(bld_pts) == 0 or len(centre_pts) == 0:
        e = np.empty(0, dtype=np.int64)
        return Pairs(e, e, np.empty(0))
    c, b = shapely.STRtree(bld_pts).query(centre_pts, predicate="dwithin", distance=limit)
    d = shapely.distance(centre_pts[c], bld_pts[b])
    return _unique_min(b, c, d)


def network_pairs(prep: Prepared, centre_pos: np.ndarray, centre_pts: np.ndarray,
                  limit: float) -> Pairs:
    """Pairs within ``limit`` metres along the network (cut-off searches per centre)."""
    graph, bj = prep.graph, prep.buildings
    cj = prep.centres.subset(centre_pos)
    order = np.argsort(bj.edge, kind="stable")
    b_edge = bj.edge[order]
    legs = (bj.leg_u(graph), bj.leg_v(graph))
    parts_b, parts_c, parts_d = [], [], []
    for start in range(0, len(cj), CHUNK):
        sl = slice(start, min(start + CHUNK, len(cj)))
        reach = reach_chunk(graph, cj.subset(sl), centre_pts[sl], limit, start)
        lo = np.searchsorted(b_edge, reach.edge, side="left")
        counts = np.searchsorted(b_edge, reach.edge, side="right") - lo
        pair = np.repeat(np.arange(len(reach.edge)), counts)
        offs = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        b = order[np.repeat(lo, counts) + offs]
        d = np.minimum(legs[0][b] + reach.du[pair], legs[1][b] + reach.dv[pair])
        parts_b.append(b)
        parts_c.append(reach.source[pair])
        parts_d.append(d)
    ti, si, direct = same_edge_pairs(graph, bj, cj)
    b, c, d = (np.concatenate(p) for p in ((*parts_b, ti), (*parts_c, si), (*parts_d, direct)))
    ok = d <= limit
    return _unique_min(b[ok], c[ok], d[ok])


@dataclass
class Allocation:
    """Households allocated to centres at one walking level.

    ``flows`` has one row per (building fid, centre fid) with ``households``
    and ``distance_m``; ``centres`` one row per centre (indexed by fid) with
    ``capacity``, ``demand`` (households whose nearest centre it is within
    the level), ``allocated`` and ``over_capacity`` (demand beyond capacity,
    0 when it fits); ``buildings`` the households allocated per building.
    """

    level_m: float
    solver: str
    optimal: bool
    flows: pd.DataFrame
    centres: pd.DataFrame
    buildings: pd.Series
    households_within: float
    households_allocated: float

    @property
    def households_unallocated(self) -> float:
        return float(self.households_within - self.households_allocated)

    def to_json(self) -> dict[str, Any]:
        rows = []
        for fid, r in self.centres.iterrows():
            cap = float(r["capacity"])
            rows.append({"fid": int(fid), "capacity": cap if np.isfinite(cap) else None,
                         "demand": float(r["demand"]), "allocated": float(r["allocated"]),
                         "over_capacity": float(r["over_capacity"])})
        return {"level_m": self.level_m, "solver": self.solver, "optimal": self.optimal,
                "households_within": self.households_within,
                "households_allocated": self.households_allocated,
                "households_unallocated": self.households_unallocated, "centres": rows}


def solve_allocation(pairs: Pairs, demand: np.ndarray, capacity: np.ndarray,
                     solver: str = "auto") -> tuple[np.ndarray, str, bool]:
    """Flow on every pair: the most demand allocated, then the shortest walks.

    ``capacity`` may hold ``inf`` (no limit). Returns (flow per pair, solver
    used, proven optimal).
    """
    if solver not in ("auto", "exact", "greedy"):
        raise AnalysisError(f"unknown solver {solver!r} (auto, exact or greedy)")
    if len(pairs) == 0:
        return np.zeros(0), "none", True
    if np.isinf(capacity[pairs.centre]).all():
        return _nearest_only(pairs, demand), "nearest", True
    if solver == "exact" or (solver == "auto" and len(pairs) <= MAX_EXACT_PAIRS):
        flow = exact_allocation(pairs, demand, capacity)
        if flow is not None:
            return flow, "cbc", True
    return greedy_allocation(pairs, demand, capacity), "greedy", False


def _nearest_only(pairs: Pairs, demand: np.ndarray) -> np.ndarray:
    if len(pairs) == 0:
        return np.zeros(0)
    order = np.lexsort((pairs.centre, pairs.distance, pairs.building))
    first = np.zeros(len(pairs), dtype=bool)
    b = pairs.building[order]
    first[order[np.r_[True, b[1:] != b[:-1]]]] = True
    return np.where(first, demand[pairs.building], 0.0)


def greedy_allocation(pairs: Pairs, demand: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """Pairs in order of distance, each taking what the building still needs
    and the centre still has room for."""
    left = demand.astype(float).copy()
    room = capacity.astype(float).copy()
    flow = np.zeros(len(pairs))
    for k in np.lexsort((pairs.centre, pairs.building, pairs.distance)):
        b, c = pairs.building[k], pairs.centre[k]
        take = min(left[b], room[c])
        if take > 0:
            flow[k] = take
            left[b] -= take
            room[c] -= take
    return flow


def exact_allocation(pairs: Pairs, demand: np.ndarray, capacity: np.ndarray) -> np.ndarray | None:
    """The two-stage optimum with PuLP/CBC, or None when no solver proves it."""
    with warnings.catch_warnings():  # PuLP 3 warns about its 4.0 API on every variable
        warnings.simplefilter("ignore", DeprecationWarning)
        return _exact(pairs, demand, capacity)


def _exact(pairs: Pairs, demand: np.ndarray, capacity: np.ndarray) -> np.ndarray | None:
    import pulp

    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=60)
    if not solver.available():
        return None
    x = [pulp.LpVariable(f"x{k}", lowBound=0, upBound=float(demand[b]))
         for k, b in enumerate(pairs.building)]
    rows = pd.Series(np.arange(len(pairs)))
    by_b = rows.groupby(pairs.building).apply(list)
    by_c = rows.groupby(pairs.centre).apply(list)
    total = pulp.lpSum(x)
    walked = pulp.lpSum(float(d) * v for d, v in zip(pairs.distance, x, strict=True))
    stage1 = pulp.LpProblem("allocate", pulp.LpMaximize)
    stage1 += total
    _constrain(stage1, x, by_b, by_c, demand, capacity)
    stage1.solve(solver)
    if pulp.LpStatus[stage1.status] != "Optimal":
        return None
    best = float(pulp.value(total) or 0.0)
    stage2 = pulp.LpProblem("shortest", pulp.LpMinimize)
    stage2 += walked
    _constrain(stage2, x, by_b, by_c, demand, capacity)
    stage2 += total >= best - 1e-9 * max(1.0, best)
    stage2.solve(solver)
    if pulp.LpStatus[stage2.status] != "Optimal":
        return None
    # the solver's tolerance leaves flows a few millionths off whole households
    return np.round(np.array([max(0.0, v.value() or 0.0) for v in x]), 4)


def _constrain(prob: Any, x: list[Any], by_b: pd.Series, by_c: pd.Series,
               demand: np.ndarray, capacity: np.ndarray) -> None:
    import pulp

    for b, ks in by_b.items():
        if len(ks) > 1:
            prob += pulp.lpSum(x[k] for k in ks) <= float(demand[int(b)])
    for c, ks in by_c.items():
        if np.isfinite(capacity[int(c)]):
            prob += pulp.lpSum(x[k] for k in ks) <= float(capacity[int(c)])


def allocate_capacity(plan: Any, level: float, service: str | None = None,
                      method: str = "auto", solver: str = "auto",
                      prepared: Prepared | None = None) -> Allocation:
    """Allocate every building's households to centres (with ``service``)
    within ``level`` metres, respecting each centre's capacity.

    Parameters
    ----------
    level
        Walking level in metres.
    solver
        ``auto`` (exact up to :data:`MAX_EXACT_PAIRS` pairs), ``exact`` or ``greedy``.
    prepared
        Join points from :func:`~gridplanner.analysis.network.coverage.prepare_joins`.
    """
    if not level > 0:
        raise AnalysisError(f"the walking level must be a positive distance, got {level}")
    method = choose_method(plan, method)
    b = plan.buildings.frame
    centres = centres_offering(plan, service)
    hh = pd.to_numeric(b["households"]).fillna(0).clip(lower=0).to_numpy(float)
    cap = pd.to_numeric(centres["capacity"]).to_numpy(float)
    cap = np.where(np.isnan(cap), np.inf, np.maximum(cap, 0.0))
    pairs = _pairs(plan, centres, level, method, prepared)
    flow, used, optimal = solve_allocation(pairs, hh, cap, solver)
    return _result(level, used, optimal, pairs, flow, hh, cap, b.index, centres.index)


def _pairs(plan: Any, centres: pd.DataFrame, level: float, method: str,
           prepared: Prepared | None) -> Pairs:
    b = plan.buildings.frame
    cpts = np.asarray(centres.geometry.values, dtype=object)
    if method != NETWORK or len(centres) == 0 or len(b) == 0:
        return straight_pairs(anchor_points(b.geometry), cpts, level)
    prep = prepared if prepared is not None else prepare_joins(plan, NETWORK)
    assert prep is not None, "a network plan has join points"
    pos = np.flatnonzero(np.isin(prep.centre_fids, np.asarray(centres.index)))
    lookup = pd.Series(np.arange(len(centres)), index=np.asarray(centres.index))
    pairs = network_pairs(prep, pos, cpts[lookup[prep.centre_fids[pos]].to_numpy()], level)
    pairs.centre = lookup[prep.centre_fids[pos][pairs.centre]].to_numpy()
    return pairs


def _result(level: float, used: str, optimal: bool, pairs: Pairs, flow: np.ndarray,
            hh: np.ndarray, cap: np.ndarray, bfids: pd.Index, cfids: pd.Index) -> Allocation:
    nearest = _nearest_only(pairs, hh)
    demand = np.bincount(pairs.centre, weights=nearest, minlength=len(cfids))
    allocated = np.bincount(pairs.centre, weights=flow, minlength=len(cfids))
    keep = flow > EPS
    flows = pd.DataFrame({"building": np.asarray(bfids)[pairs.building[keep]],
                          "centre": np.asarray(cfids)[pairs.centre[keep]],
                          "households": flow[keep], "distance_m": pairs.distance[keep]})
    centres = pd.DataFrame({"capacity": np.where(np.isinf(cap), np.nan, cap), "demand": demand,
                            "allocated": allocated,
                            "over_capacity": np.maximum(demand - cap, 0.0)},
                           index=pd.Index(np.asarray(cfids), name="fid"))
    per_building = pd.Series(np.bincount(pairs.building, weights=flow, minlength=len(bfids)),
                             index=bfids)
    within = float(hh[np.unique(pairs.building)].sum()) if len(pairs) else 0.0
    return Allocation(float(level), used, optimal, flows, centres, per_building, within,
                      float(flow.sum()))

"""Site suggestion: where new centres would cover the most households.

Two questions, with the existing centres fixed:

* ``max_cover``: k new sites covering the most households not yet within the
  level (the maximal covering location problem, as spopt's MCLP);
* ``target``: the fewest new sites that bring the covered share up to a
  target (partial set covering).

Candidates are points the user gives or points along the network every N
metres near uncovered buildings. The coverage matrix (candidates ×
buildings) comes from cut-off searches (:func:`isochrones.local_reach`).
Problems small enough are solved exactly with PuLP/CBC; larger ones greedily:
for ``max_cover`` greedy is within (1 - 1/e) ≈ 63 % of the optimum.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy import sparse

from gridplanner.analysis.network.allocation import allocate_capacity
from gridplanner.analysis.network.coverage import (
    NETWORK,
    Cancelled,
    Progress,
    _locate,
    building_joins,
    choose_method,
    nearest_centres,
    report_step,
    resolve_levels,
)
from gridplanner.analysis.network.graph import WalkGraph, walk_graph
from gridplanner.analysis.network.isochrones import CHUNK, reach_chunk
from gridplanner.analysis.network.joining import (
    JoinPoints,
    anchor_points,
    join_points,
    same_edge_pairs,
)
from gridplanner.analysis.network.places import nearest_place
from gridplanner.errors import AnalysisError

#: Largest coverage matrix (non-zeros) handed to the exact solver.
MAX_EXACT_NNZ = 200_000
GREEDY_GUARANTEE = "greedy: at least 1 - 1/e (63%) of the best possible households covered"
SET_COVER_GUARANTEE = "greedy: at most ln(n) + 1 times the fewest sites needed"


@dataclass
class SiteSuggestion:
    rank: int
    point: shapely.Point
    candidate: int
    households_added: float
    residents_added: float
    buildings_added: int
    #: grid cell code (or fid) → households this site newly covers there
    cells: dict[str, float] = field(default_factory=dict)
    #: the compound it stands in, or the nearest named street ("" if none)
    place: str = ""
    #: "compound", "street" or "" (what ``place`` names)
    place_kind: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"rank": self.rank, "x": float(self.point.x), "y": float(self.point.y),
                "candidate": int(self.candidate), "households_added": self.households_added,
                "residents_added": self.residents_added, "buildings_added": self.buildings_added,
                "cells": dict(self.cells), "place": self.place, "place_kind": self.place_kind}


@dataclass
class SitingResult:
    objective: str
    level_m: float
    method: str
    solver: str
    optimal: bool
    guarantee: str
    candidates: int
    households_total: float
    households_covered_before: float
    households_covered_after: float
    target_share: float | None
    suggestions: list[SiteSuggestion]

    @property
    def share_before(self) -> float:
        return self.households_covered_before / self.households_total if self.households_total else 0.0

    @property
    def share_after(self) -> float:
        return self.households_covered_after / self.households_total if self.households_total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"objective": self.objective, "level_m": self.level_m, "method": self.method,
                "solver": self.solver, "optimal": self.optimal, "guarantee": self.guarantee,
                "candidates": self.candidates, "households_total": self.households_total,
                "households_covered_before": self.households_covered_before,
                "households_covered_after": self.households_covered_after,
                "share_before": self.share_before, "share_after": self.share_after,
                "target_share": self.target_share, "target_reached": self.target_reached,
                "suggestions": [s.to_json() for s in self.suggestions]}

    @property
    def target_reached(self) -> bool | None:
        if self.target_share is None:
            return None
        return bool(self.share_after + 1e-12 >= self.target_share)

    def to_frame(self, crs: Any = None) -> gpd.GeoDataFrame:
        rows = [{k: v for k, v in s.to_json().items() if k not in ("x", "y", "cells")}
                | {"cells": "; ".join(f"{c}: {h:g}" for c, h in s.cells.items())}
                for s in self.suggestions]
        return gpd.GeoDataFrame(rows, geometry=[s.point for s in self.suggestions], crs=crs)


# -- candidates and the coverage matrix -------------------------------------
def network_candidates(graph: WalkGraph, spacing_m: float,
                       near: np.ndarray | None = None, within_m: float = np.inf) -> np.ndarray:
    """Points along the network every ``spacing_m`` metres (optionally only on
    edges within ``within_m`` of the points ``near``)."""
    if spacing_m <= 0:
        raise AnalysisError(f"candidate spacing must be positive, got {spacing_m}")
    edges = np.arange(graph.n_edges)
    if near is not None and np.isfinite(within_m):
        _, e = graph.tree.query(near, predicate="dwithin", distance=within_m)
        edges = np.unique(e)
    # one point every spacing_m metres of network, walking the edges in order
    length = graph.edge_length[edges]
    end = np.cumsum(length)
    total = float(end[-1]) if len(end) else 0.0
    at = np.arange(0.5 * spacing_m, total, spacing_m) if total > 0 else np.empty(0)
    if len(at) == 0 and total > 0:
        at = np.array([total / 2.0])
    pos = np.minimum(np.searchsorted(end, at, side="right"), len(edges) - 1)
    along = at - (end[pos] - length[pos])
    return shapely.line_interpolate_point(graph.edge_geometry[edges[pos]], along)


def coverage_matrix(graph: WalkGraph | None, cand_pts: np.ndarray, bld_pts: np.ndarray,
                    level: float, progress: Progress = None, cancelled: Cancelled = None,
                    bld_joins: JoinPoints | None = None) -> sparse.csr_matrix:
    """Boolean candidates × buildings matrix: True where the walk is ≤ level.

    Cut-off searches run a chunk of candidates at a time, so memory grows
    with the matrix, not with the number of edges the searches touch.
    """
    k, m = len(cand_pts), len(bld_pts)
    if graph is None:
        cand, bld = shapely.STRtree(bld_pts).query(cand_pts, predicate="dwithin", distance=level)
        return _bool_csr(cand, bld, k, m)
    cj = join_points(graph, cand_pts)
    bj = bld_joins if bld_joins is not None else join_points(graph, bld_pts)
    order = np.argsort(bj.edge, kind="stable")
    legs = (bj.leg_u(graph), bj.leg_v(graph))
    rows, cols = [], []
    for start in range(0, k, CHUNK):
        report_step(progress, cancelled, 0.9 * start / k, "reach of candidate sites")
        sl = slice(start, min(start + CHUNK, k))
        reach = reach_chunk(graph, cj.subset(sl), cand_pts[sl], level, start)
        r, c = _reached_buildings(reach, bj.edge, order, legs, level)
        rows.append(r.astype(np.int32))
        cols.append(c.astype(np.int32))
    ti, si, direct = same_edge_pairs(graph, bj, cj)
    ok = direct <= level
    rows.append(si[ok].astype(np.int32))
    cols.append(ti[ok].astype(np.int32))
    return _bool_csr(np.concatenate(rows), np.concatenate(cols), k, m)


def _reached_buildings(reach: Any, edge: np.ndarray, order: np.ndarray,
                       legs: tuple[np.ndarray, np.ndarray], level: float
                       ) -> tuple[np.ndarray, np.ndarray]:
    b_edge = edge[order]
    lo = np.searchsorted(b_edge, reach.edge, side="left")
    counts = np.searchsorted(b_edge, reach.edge, side="right") - lo
    pair = np.repeat(np.arange(len(reach.edge)), counts)
    b = order[np.repeat(lo, counts) + np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)]
    d = np.minimum(legs[0][b] + reach.du[pair], legs[1][b] + reach.dv[pair])
    ok = d <= level
    return reach.source[pair[ok]], b[ok]


def _bool_csr(rows: np.ndarray, cols: np.ndarray, k: int, m: int) -> sparse.csr_matrix:
    a = sparse.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(k, m))
    a.sum_duplicates()
    a.data[:] = 1.0
    return a


# -- solvers ------------------------------------------------------------------
def greedy_max_cover(a: sparse.csr_matrix, w: np.ndarray, k: int) -> list[int]:
    """Pick k rows of ``a`` one at a time, each adding the most uncovered weight."""
    rem, chosen = w.astype(float).copy(), []
    for _ in range(min(k, a.shape[0])):
        gain = a @ rem
        best = int(np.argmax(gain))
        if gain[best] <= 0:
            break
        chosen.append(best)
        rem[a[best].indices] = 0.0
    return chosen


def greedy_to_target(a: sparse.csr_matrix, w: np.ndarray, need: float) -> list[int]:
    rem, chosen, got = w.astype(float).copy(), [], 0.0
    while got + 1e-9 < need:
        gain = a @ rem
        best = int(np.argmax(gain))
        if gain[best] <= 0:
            break
        chosen.append(best)
        got += gain[best]
        rem[a[best].indices] = 0.0
    return chosen


def exact_cover(a: sparse.csr_matrix, w: np.ndarray, k: int | None = None,
                need: float | None = None) -> list[int] | None:
    """Solve with PuLP/CBC: max weight with k sites, or fewest sites reaching ``need``.

    Returns None when the solver is missing or does not prove optimality.
    """
    with warnings.catch_warnings():  # PuLP 3 warns about its 4.0 API on every variable
        warnings.simplefilter("ignore", DeprecationWarning)
        return _exact_cover(a, w, k, need)


def _exact_cover(a: sparse.csr_matrix, w: np.ndarray, k: int | None,
                 need: float | None) -> list[int] | None:
    import pulp

    n_c, n_b = a.shape
    prob = pulp.LpProblem("sites", pulp.LpMaximize if k is not None else pulp.LpMinimize)
    x = [pulp.LpVariable(f"x{i}", cat="Binary") for i in range(n_c)]
    y = [pulp.LpVariable(f"y{j}", lowBound=0, upBound=1) for j in range(n_b)]
    cover = a.tocsc()
    for j in range(n_b):
        rows = cover.indices[cover.indptr[j]:cover.indptr[j + 1]]
        prob += y[j] <= pulp.lpSum(x[i] for i in rows)
    if k is not None:
        prob += pulp.lpSum(float(w[j]) * y[j] for j in range(n_b))
        prob += pulp.lpSum(x) <= k
    else:
        prob += pulp.lpSum(x)
        prob += pulp.lpSum(float(w[j]) * y[j] for j in range(n_b)) >= need
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=60)
    if not solver.available():
        return None
    prob.solve(solver)
    if pulp.LpStatus[prob.status] != "Optimal":
        return None
    return [i for i in range(n_c) if (x[i].value() or 0) > 0.5]


def order_by_gain(a: sparse.csr_matrix, w: np.ndarray, chosen: list[int]) -> list[int]:
    """The chosen rows reordered so each adds the most of what is left."""
    rem, left, out = w.astype(float).copy(), list(chosen), []
    while left:
        gains = [float(rem[a[i].indices].sum()) for i in left]
        i = left.pop(int(np.argmax(gains)))
        out.append(i)
        rem[a[i].indices] = 0.0
    return out


# -- the plan-level entry point --------------------------------------------------
def suggest_sites(plan: Any, count: int | None = None, target: float | None = None,
                  level: float | None = None, candidates: Sequence[shapely.Point] | None = None,
                  spacing_m: float = 100.0, service: str | None = None,
                  solver: str = "auto", method: str = "auto", progress: Progress = None,
                  cancelled: Cancelled = None, count_capacity: bool = False) -> SitingResult:
    """Suggest new centre sites, existing centres fixed.

    Give ``count`` (k sites covering the most households newly within
    ``level``) or ``target`` (fewest sites reaching that covered share).
    ``solver``: ``auto`` (exact when the matrix is small enough), ``exact``
    or ``greedy``. ``progress``/``cancelled`` as in ``coverage_from_centres``.
    With ``count_capacity``, households the existing centres within the level
    have no room for (see :func:`allocation.allocate_capacity`) count as not
    covered; a new site is taken to have room for what it covers.
    """
    if (count is None) == (target is None):
        raise AnalysisError("ask for either a number of sites or a target share")
    if count is not None and count < 1:
        raise AnalysisError(f"the number of sites must be at least 1, got {count}")
    if target is not None and not 0 < target <= 1:
        raise AnalysisError(f"the target share must be in (0, 1], got {target}")
    if solver not in ("auto", "exact", "greedy"):
        raise AnalysisError(f"unknown solver {solver!r} (auto, exact or greedy)")
    lv = float(level) if level is not None else resolve_levels(plan)[-1]
    method = choose_method(plan, method)
    b = plan.buildings.frame
    pts = anchor_points(b.geometry)
    hh = pd.to_numeric(b["households"]).fillna(0).to_numpy(float)
    rs = pd.to_numeric(b["residents"]).fillna(0).to_numpy(float)
    weight = hh if hh.sum() > 0 else np.ones(len(hh))
    covered = (nearest_centres(plan, service, method, limit=lv)["distance_m"] <= lv).to_numpy()
    rem = np.where(covered, 0.0, weight)
    if count_capacity and hh.sum() > 0:
        given = allocate_capacity(plan, lv, service, method).buildings.to_numpy(float)
        rem = np.maximum(hh - given, 0.0)
        covered = rem <= 1e-3
    open_ = np.flatnonzero(~covered & (weight > 0))
    graph = walk_graph(plan) if method == NETWORK else None
    cand = _candidates(plan, graph, candidates, spacing_m, pts[open_], lv)
    joins = building_joins(plan).subset(open_) if graph is not None and len(open_) else None
    a = coverage_matrix(graph, cand, pts[open_], lv, progress, cancelled, joins) \
        if len(cand) and len(open_) else \
        sparse.csr_matrix((len(cand), len(open_)))
    report_step(progress, cancelled, 0.9, "choosing sites")
    before = float(weight.sum() - rem.sum())
    chosen, optimal, used = _solve(a, rem[open_], count, target, float(weight.sum()), before,
                                   solver)
    sugg = _explain(plan, a, chosen, open_, cand, np.minimum(hh, rem), rs, weight, pts)
    after = before + sum(s.households_added for s in sugg) if hh.sum() > 0 else \
        before + sum(s.buildings_added for s in sugg)
    guarantee = ("optimal (CBC)" if optimal else
                 GREEDY_GUARANTEE if count is not None else SET_COVER_GUARANTEE)
    return SitingResult("max_cover" if count is not None else "target", lv, method, used,
                        optimal, guarantee, int(len(cand)), float(weight.sum()), before,
                        float(after), target, sugg)


def _candidates(plan: Any, graph: WalkGraph | None, given: Any, spacing: float,
                open_pts: np.ndarray, level: float) -> np.ndarray:
    if given is not None:
        pts = np.asarray(list(given), dtype=object)
        if len(pts) == 0 or not (shapely.get_type_id(pts) == 0).all():
            raise AnalysisError("candidate sites must be points")
        return pts
    if len(open_pts) == 0:
        return np.empty(0, dtype=object)
    if graph is not None:
        return network_candidates(graph, spacing, open_pts, level)
    x0, y0, x1, y1 = plan.extent()
    xs, ys = np.meshgrid(np.arange(x0, x1 + spacing, spacing), np.arange(y0, y1 + spacing, spacing))
    grid = shapely.points(xs.ravel(), ys.ravel())
    hit = np.unique(shapely.STRtree(open_pts).query(grid, predicate="dwithin", distance=level)[0])
    return grid[hit]


def _solve(a: sparse.csr_matrix, w: np.ndarray, count: int | None, target: float | None,
           total: float, before: float, solver: str) -> tuple[list[int], bool, str]:
    need = None
    if target is not None:
        need = target * total - before
        if need <= 1e-9:
            return [], True, "none"
        need = min(need, float(w[np.unique(a.indices)].sum()) if a.nnz else 0.0)
        if need <= 0:
            return [], True, "none"
    exact_ok = solver == "exact" or (solver == "auto" and a.nnz <= MAX_EXACT_NNZ)
    if exact_ok and a.nnz:
        chosen = exact_cover(a, w, k=count, need=need)
        if chosen is not None:
            return order_by_gain(a, w, chosen), True, "cbc"
    if count is not None:
        return greedy_max_cover(a, w, count), False, "greedy"
    assert need is not None, "without a count there is a target (checked on entry)"
    return greedy_to_target(a, w, need), False, "greedy"


def _explain(plan: Any, a: sparse.csr_matrix, chosen: list[int], open_: np.ndarray,
             cand: np.ndarray, hh: np.ndarray, rs: np.ndarray, weight: np.ndarray,
             pts: np.ndarray) -> list[SiteSuggestion]:
    cells = plan.cells.frame
    pos = _locate(pts[open_], cells)
    labels = [str(c) if str(c) else f"#{f}" for c, f in zip(cells["code"], cells.index, strict=True)]
    done = np.zeros(len(open_), dtype=bool)
    out: list[SiteSuggestion] = []
    for i in chosen:
        new = a[i].indices[~done[a[i].indices]]
        if len(new) == 0:
            continue  # adds nothing the sites before it did not
        rank = len(out) + 1
        done[new] = True
        gained: dict[str, float] = {}
        for p, h in zip(pos[new], hh[open_[new]], strict=True):
            key = labels[p] if p >= 0 else "(no grid cell)"
            gained[key] = gained.get(key, 0.0) + float(h)
        place, kind = nearest_place(plan, cand[i])
        out.append(SiteSuggestion(rank, cand[i], int(i), float(hh[open_[new]].sum()),
                                  float(rs[open_[new]].sum()), int(len(new)),
                                  dict(sorted(gained.items(), key=lambda kv: -kv[1])),
                                  place, kind))
    return out


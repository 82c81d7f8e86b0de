"""Interactive coverage: move, add or remove a centre and update only what changes.

A :class:`CoverageSession` keeps, for every graph node, the distance to its
nearest centre (up to ``limit``, the largest level) and which centre it is
(a network Voronoi diagram). Moving centre *c* re-opens only the nodes that
were *c*'s, seeds them from their neighbours' unchanged distances plus *c*'s
new join point, and runs a small Dijkstra that also spreads into nodes now
closer to the new place. Buildings on edges touching a changed node are
recomputed. The work is bounded by the balls of radius ``limit`` around the
old and new places, not by the size of the city.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.network.coverage import (
    NETWORK,
    building_joins,
    centres_offering,
    choose_method,
    resolve_levels,
)
from gridplanner.analysis.network.graph import WalkGraph, walk_graph
from gridplanner.analysis.network.joining import (
    JoinPoints,
    anchor_points,
    join_points,
    node_distances,
    straight_distances,
    target_distances,
)
from gridplanner.errors import AnalysisError


@dataclass
class MoveResult:
    """Buildings whose distance or nearest centre changed (fids, new values)."""

    centre: int
    buildings: np.ndarray
    distance_m: np.ndarray
    nearest_centre: np.ndarray  # centre fid, -1 when none within the limit

    def to_json(self) -> dict[str, Any]:
        return {"centre": int(self.centre), "buildings": [int(b) for b in self.buildings],
                "distance_m": [float(d) if np.isfinite(d) else None for d in self.distance_m],
                "nearest_centre": [int(c) if c >= 0 else None for c in self.nearest_centre]}


class CoverageSession:
    """Distances from buildings to their nearest centre, kept up to date.

    Distances beyond ``limit`` are ``inf`` (not covered at any level).
    """

    def __init__(self, graph: WalkGraph | None, building_fids: np.ndarray,
                 building_points: np.ndarray, centre_fids: np.ndarray,
                 centre_points: np.ndarray, limit: float,
                 joins: JoinPoints | None = None):
        self.graph, self.limit = graph, float(limit)
        self.building_fids = np.asarray(building_fids, dtype=np.int64)
        self._bpts = np.asarray(building_points, dtype=object)
        self.centre_fids = np.asarray(centre_fids, dtype=np.int64)
        self._cpts = np.array(centre_points, dtype=object)
        self.method = NETWORK if graph is not None else "straight_line"
        if graph is not None:
            self._bj = joins if joins is not None else join_points(graph, self._bpts)
            self._cj = join_points(graph, self._cpts)
            self._b_order = np.argsort(self._bj.edge, kind="stable")
            self._b_edge = self._bj.edge[self._b_order]
            graph.incidence  # built now, not on the first move  # noqa: B018
            self.node_dist, self.node_src = node_distances(graph, self._cj, self.limit)
            self.dist, self.src = target_distances(graph, self.node_dist, self.node_src,
                                                   self._bj, self._cj, self.limit)
        else:
            self._straight_all()

    @classmethod
    def from_plan(cls, plan: Any, service: str | None = None, limit: float | None = None,
                  method: str = "auto") -> CoverageSession:
        """A session over the plan's buildings and centres (offering ``service``)."""
        lim = float(limit) if limit is not None else resolve_levels(plan)[-1]
        b, c = plan.buildings.frame, centres_offering(plan, service)
        graph = walk_graph(plan) if choose_method(plan, method) == NETWORK else None
        joins = building_joins(plan) if graph is not None and len(b) else None
        return cls(graph, np.asarray(b.index), anchor_points(b.geometry),
                   np.asarray(c.index), np.asarray(c.geometry.values, dtype=object), lim,
                   joins=joins)

    def __contains__(self, fid: int) -> bool:
        return int(fid) in set(self.centre_fids.tolist())

    def distances(self) -> pd.DataFrame:
        """``distance_m`` and ``nearest_centre`` (fid or <NA>) of every building."""
        near = pd.array(np.where(self.src >= 0, self.centre_fids[np.maximum(self.src, 0)]
                                 if len(self.centre_fids) else 0, 0), dtype="Int64")
        near[self.src < 0] = pd.NA
        return pd.DataFrame({"distance_m": self.dist, "nearest_centre": near},
                            index=pd.Index(self.building_fids, name="fid"))

    # -- edits -------------------------------------------------------------
    def move_centre(self, fid: int, point: shapely.Point | None) -> MoveResult:
        """Move centre ``fid`` to ``point`` (None removes it); returns what changed."""
        hits = np.flatnonzero(self.centre_fids == int(fid))
        if len(hits) == 0:
            raise AnalysisError(f"centres: no centre with id {fid} in this coverage session")
        i = int(hits[0])
        self._cpts[i] = point
        if self.graph is None:
            return self._straight_update(i)
        return self._network_update(i, point)

    def remove_centre(self, fid: int) -> MoveResult:
        return self.move_centre(fid, None)

    def add_centre(self, fid: int, point: shapely.Point) -> MoveResult:
        """Add a new centre (for a service session, only one that offers it)."""
        if int(fid) in self:
            raise AnalysisError(f"centres: a centre with id {fid} is already in the session")
        self.centre_fids = np.append(self.centre_fids, int(fid))
        self._cpts = np.append(self._cpts, np.array([None], dtype=object))
        if self.graph is not None:
            cj = self._cj
            self._cj = JoinPoints(np.append(cj.edge, 0), np.append(cj.t, 0.0),
                                  np.append(cj.access, np.inf), np.vstack([cj.xy, [[0.0, 0.0]]]))
        return self.move_centre(fid, point)

    # -- internals ---------------------------------------------------------
    def _network(self) -> WalkGraph:
        assert self.graph is not None, "network internals run only in a network session"
        return self.graph

    def _network_update(self, i: int, point: shapely.Point | None) -> MoveResult:
        g, cj = self._network(), self._cj
        old_edge = int(cj.edge[i])
        if point is None:
            cj.access[i] = np.inf
        else:
            new = join_points(g, np.array([point], dtype=object))
            cj.edge[i], cj.t[i], cj.access[i], cj.xy[i] = new.edge[0], new.t[0], new.access[0], new.xy[0]
        changed = self._resettle(i)
        edges = np.unique(np.concatenate([g.incidence[changed].indices, [old_edge, cj.edge[i]]]))
        lo = np.searchsorted(self._b_edge, edges, side="left")
        hi = np.searchsorted(self._b_edge, edges, side="right")
        bidx = self._b_order[np.concatenate([np.arange(a, b) for a, b in zip(lo, hi, strict=True)])
                             ] if len(edges) else np.empty(0, dtype=np.int64)
        d, s = target_distances(g, self.node_dist, self.node_src, self._bj.subset(bidx), cj,
                                self.limit)
        return self._commit(i, bidx, d, s)

    def _resettle(self, i: int) -> np.ndarray:
        """Re-run the nodes of centre i's cell and around its new place."""
        g, D, S, lim = self._network(), self.node_dist, self.node_src, self.limit
        indptr, indices, data = g.matrix.indptr, g.matrix.indices, g.matrix.data
        cell = np.flatnonzero(S == i)
        D[cell], S[cell] = np.inf, -1
        counts = indptr[cell + 1] - indptr[cell]
        pos = np.repeat(indptr[cell] - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        x, y = np.repeat(cell, counts), indices[pos]
        cand = D[y] + data[pos]
        ok = cand <= lim
        heap = list(zip(cand[ok].tolist(), x[ok].tolist(), S[y][ok].tolist(), strict=True))
        heap += self._centre_seeds(i, cell)
        heapq.heapify(heap)
        changed = set(cell.tolist())
        while heap:
            d, node, s = heapq.heappop(heap)
            if d >= D[node]:
                continue
            D[node], S[node] = d, s
            changed.add(node)
            a, b = indptr[node], indptr[node + 1]
            for nb, w in zip(indices[a:b].tolist(), data[a:b].tolist(), strict=True):
                nd = d + w
                if nd <= lim and nd < D[nb]:
                    heapq.heappush(heap, (nd, nb, s))
        return np.fromiter(changed, dtype=np.int64, count=len(changed))

    def _centre_seeds(self, i: int, cell: np.ndarray) -> list[tuple[float, int, int]]:
        """Direct legs of centre i (new place) and of any centre into the re-opened cell."""
        g, cj = self._network(), self._cj
        inside = np.zeros(g.n_nodes, dtype=bool)
        inside[cell] = True
        seeds: list[tuple[float, int, int]] = []
        for leg, ends in ((cj.leg_u(g), g.edge_u[cj.edge]), (cj.leg_v(g), g.edge_v[cj.edge])):
            pick = (inside[ends] | (np.arange(len(ends)) == i)) & (leg <= self.limit)
            seeds += zip(leg[pick].tolist(), ends[pick].tolist(), np.flatnonzero(pick).tolist(),
                         strict=True)
        return seeds

    def _straight_all(self) -> None:
        live = np.flatnonzero(~shapely.is_missing(self._cpts))
        d, s = straight_distances(self._bpts, self._cpts[live])
        s = np.where(s >= 0, live[np.maximum(s, 0)] if len(live) else -1, -1)
        far = ~(d <= self.limit)
        d[far], s[far] = np.inf, -1
        self.dist, self.src = d, s.astype(np.int64)

    def _straight_update(self, i: int) -> MoveResult:
        before_d, before_s = self.dist.copy(), self.src.copy()
        self._straight_all()
        bidx = np.flatnonzero((before_s != self.src) | (before_d != self.dist))
        d, s = self.dist[bidx], self.src[bidx]
        self.dist, self.src = before_d, before_s
        return self._commit(i, bidx, d, s)

    def _commit(self, i: int, bidx: np.ndarray, d: np.ndarray, s: np.ndarray) -> MoveResult:
        diff = (d != self.dist[bidx]) | (s != self.src[bidx])
        bidx, d, s = bidx[diff], d[diff], s[diff]
        self.dist[bidx], self.src[bidx] = d, s
        near = np.where(s >= 0, self.centre_fids[np.maximum(s, 0)], -1)
        return MoveResult(int(self.centre_fids[i]), self.building_fids[bidx], d, near)


class ServiceSessions:
    """An overall session plus one per service, moved together.

    ``sessions[None]`` covers every centre, ``sessions[name]`` the centres
    offering ``name``; a move updates each session that holds the centre.
    """

    def __init__(self, sessions: dict[str | None, CoverageSession]):
        self.sessions = sessions

    @classmethod
    def from_plan(cls, plan: Any, services: list[str] | None = None,
                  limit: float | None = None) -> ServiceSessions:
        from gridplanner.analysis.network.coverage import centre_services

        names = centre_services(plan) if services is None else list(services)
        out: dict[str | None, CoverageSession] = {None: CoverageSession.from_plan(plan, None, limit)}
        for name in names:
            out[name] = CoverageSession.from_plan(plan, name, limit)
        return cls(out)

    def move_centre(self, fid: int, point: shapely.Point | None) -> dict[str | None, MoveResult]:
        """Move centre ``fid`` in every session holding it; results by service."""
        hits = {k: s.move_centre(fid, point) for k, s in self.sessions.items() if fid in s}
        if not hits:
            raise AnalysisError(f"centres: no centre with id {fid} in these coverage sessions")
        return hits

    def distances(self, service: str | None = None) -> pd.DataFrame:
        return self.sessions[service].distances()

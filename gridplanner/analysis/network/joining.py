"""Join points, and walking distances through them.

The joining rule: a building (its footprint centroid, or its point) or a
centre joins the network at the nearest point of the nearest edge. The walk
is the straight access leg to that join point plus the network distance,
partial edges included: a join point at fraction ``t`` along edge (u, v) of
length L is ``t·L`` from u and ``(1-t)·L`` from v, and two join points on the
same edge are also ``|t1 - t2|·L`` apart along it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from scipy import sparse
from scipy.sparse import csgraph

from gridplanner.analysis.network.graph import ZERO_LENGTH, WalkGraph
from gridplanner.errors import NetworkError


@dataclass
class JoinPoints:
    """Where each of n points joins the network.

    ``edge`` indexes the graph's edges, ``t`` is the fraction along the edge
    from its u end, ``access`` the straight leg in metres, ``xy`` the join point.
    """

    edge: np.ndarray
    t: np.ndarray
    access: np.ndarray
    xy: np.ndarray

    def __len__(self) -> int:
        return int(len(self.edge))

    def subset(self, index: np.ndarray | slice) -> JoinPoints:
        return JoinPoints(self.edge[index], self.t[index], self.access[index], self.xy[index])

    def leg_u(self, graph: WalkGraph) -> np.ndarray:
        """Walk from each point to the u end of its edge (access + t·L)."""
        return self.access + self.t * graph.edge_length[self.edge]

    def leg_v(self, graph: WalkGraph) -> np.ndarray:
        return self.access + (1.0 - self.t) * graph.edge_length[self.edge]


def anchor_points(geometries: Any, layer: str = "buildings") -> np.ndarray:
    """The point a feature joins from: a footprint's centroid, or the point itself.

    ``geometries`` may be a GeoSeries (its index names features in errors).
    """
    geoms = np.asarray(getattr(geometries, "values", geometries), dtype=object)
    bad = shapely.is_missing(geoms) | shapely.is_empty(geoms) if len(geoms) else np.zeros(0, bool)
    if bad.any():
        index = getattr(geometries, "index", None)
        first = index[np.flatnonzero(bad)[0]] if index is not None else np.flatnonzero(bad)[0]
        raise NetworkError(f"{layer}: feature {first} has no geometry, so it cannot join the "
                           f"walking network ({int(bad.sum())} such features)")
    return shapely.centroid(geoms)


def join_points(graph: WalkGraph, points: np.ndarray) -> JoinPoints:
    """Join every point to the nearest point of its nearest edge (STRtree)."""
    pts = np.asarray(points, dtype=object)
    n = len(pts)
    if n == 0:
        empty = np.empty(0)
        return JoinPoints(np.empty(0, dtype=np.int64), empty, empty, np.empty((0, 2)))
    edge, access = nearest_edges(graph, pts)
    lines = graph.edge_geometry[edge]
    t = shapely.line_locate_point(lines, pts, normalized=True)
    t = np.nan_to_num(t, nan=0.0)  # zero-length edges
    xy = shapely.get_coordinates(shapely.line_interpolate_point(lines, t, normalized=True))
    return JoinPoints(edge, np.clip(t, 0.0, 1.0), access, xy)


#: Half-size of the box searched first for a point's nearest edge, metres.
NEAR_BOX_M = 80.0


def nearest_edges(graph: WalkGraph, pts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest edge of every point and the distance to it.

    Edges in a box around each point are measured in numpy (exact: a nearer
    edge would cross the box); points with nothing within the box fall back to
    the tree's nearest search. Equidistant edges: the lowest index wins, so
    results never depend on the tree.
    """
    n = len(pts)
    x, y = shapely.get_x(pts), shapely.get_y(pts)
    r = NEAR_BOX_M
    pi, ei = graph.tree.query(shapely.box(x - r, y - r, x + r, y + r))
    d = _point_edge_distance(graph, pi, ei, x, y)
    edge, dist = _pick_nearest(pi, ei, d, n)
    far = ~(dist <= r)
    if far.any():
        idx, dd = graph.tree.query_nearest(pts[far], all_matches=True, return_distance=True)
        e2, d2 = _pick_nearest(idx[0], idx[1], dd, int(far.sum()))
        edge[far], dist[far] = e2, d2
    return edge, dist


def _point_edge_distance(graph: WalkGraph, pi: np.ndarray, ei: np.ndarray, x: np.ndarray,
                         y: np.ndarray) -> np.ndarray:
    if graph._straight is None:
        graph._straight = shapely.get_num_coordinates(graph.edge_geometry) == 2
    d = np.empty(len(pi))
    straight = graph._straight[ei]
    p = np.column_stack([x[pi[straight]], y[pi[straight]]])
    a = graph.node_xy[graph.edge_u[ei[straight]]]
    ab = graph.node_xy[graph.edge_v[ei[straight]]] - a
    den = np.maximum((ab * ab).sum(axis=1), 1e-18)
    t = np.clip(((p - a) * ab).sum(axis=1) / den, 0.0, 1.0)
    d[straight] = np.hypot(*(p - a - ab * t[:, None]).T)
    bent = ~straight
    d[bent] = shapely.distance(graph.edge_geometry[ei[bent]], shapely.points(x[pi[bent]], y[pi[bent]]))
    return d


def _pick_nearest(pi: np.ndarray, ei: np.ndarray, d: np.ndarray, n: int):
    edge = np.full(n, -1, dtype=np.int64)
    dist = np.full(n, np.inf)
    if len(pi):
        order = np.lexsort((ei, np.round(d, 6), pi))
        first = order[np.r_[True, pi[order][1:] != pi[order][:-1]]]
        edge[pi[first]], dist[pi[first]] = ei[first], d[first]
    return edge, dist


def source_matrix(graph: WalkGraph, sources: JoinPoints):
    """The graph with one extra node per source, linked out to its edge ends.

    Source i is node ``graph.n_nodes + i``; its links only leave it, so no
    path passes through a source.
    """
    n, k = graph.n_nodes, len(sources)
    base = graph.matrix
    leg_u, leg_v = sources.leg_u(graph), sources.leg_v(graph)
    u, v = graph.edge_u[sources.edge], graph.edge_v[sources.edge]
    loop = u == v  # a closed edge: both links would be one; keep the shorter
    leg_u = np.where(loop, np.minimum(leg_u, leg_v), leg_u)
    leg_v = np.where(loop, leg_u, leg_v)
    cols = np.column_stack([u, v]).ravel().astype(base.indices.dtype)
    w = np.maximum(np.column_stack([leg_u, leg_v]).ravel(), ZERO_LENGTH)
    indptr = np.concatenate([base.indptr, base.indptr[-1] + 2 * np.arange(1, k + 1)]
                            ).astype(base.indptr.dtype)
    return sparse.csr_matrix(
        (np.concatenate([base.data, w]), np.concatenate([base.indices, cols]), indptr),
        shape=(n + k, n + k),
    )


def node_distances(
    graph: WalkGraph, sources: JoinPoints, limit: float = np.inf
) -> tuple[np.ndarray, np.ndarray]:
    """Distance from every node to its nearest source, and which source.

    One multi-source Dijkstra (``min_only``); nodes beyond ``limit`` get
    ``inf`` and source -1.
    """
    n, k = graph.n_nodes, len(sources)
    if k == 0:
        return np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    matrix = source_matrix(graph, sources)
    dist, _pred, src = csgraph.dijkstra(
        matrix, directed=True, indices=np.arange(n, n + k), min_only=True,
        return_predecessors=True, limit=limit,
    )
    src = np.where(src >= 0, src - n, -1).astype(np.int64)
    return dist[:n], src[:n]


def target_distances(
    graph: WalkGraph,
    node_dist: np.ndarray,
    node_src: np.ndarray,
    targets: JoinPoints,
    sources: JoinPoints,
    limit: float = np.inf,
) -> tuple[np.ndarray, np.ndarray]:
    """Walking distance from each target to its nearest source, and which source.

    Combines the node distances with the partial edges at both ends, and the
    direct along-edge walk where a source and a target share an edge.
    """
    e = targets.edge
    via_u = targets.leg_u(graph) + node_dist[graph.edge_u[e]]
    via_v = targets.leg_v(graph) + node_dist[graph.edge_v[e]]
    dist = np.minimum(via_u, via_v)
    src = np.where(via_u <= via_v, node_src[graph.edge_u[e]], node_src[graph.edge_v[e]])
    ti, si, direct = same_edge_pairs(graph, targets, sources)
    if len(ti):
        order = np.lexsort((direct, ti))
        ti, si, direct = ti[order], si[order], direct[order]
        first = np.ones(len(ti), dtype=bool)
        first[1:] = ti[1:] != ti[:-1]
        ti, si, direct = ti[first], si[first], direct[first]
        better = direct < dist[ti]
        dist[ti[better]] = direct[better]
        src[ti[better]] = si[better]
    beyond = ~(dist <= limit)
    dist[beyond] = np.inf
    src[beyond] = -1
    return dist, src.astype(np.int64)


def same_edge_pairs(
    graph: WalkGraph, targets: JoinPoints, sources: JoinPoints
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(target, source, direct distance) for every pair joined to the same edge."""
    if len(sources) == 0 or len(targets) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0)
    s_order = np.argsort(sources.edge, kind="stable")
    s_edge = sources.edge[s_order]
    lo = np.searchsorted(s_edge, targets.edge, side="left")
    hi = np.searchsorted(s_edge, targets.edge, side="right")
    counts = hi - lo
    ti = np.repeat(np.arange(len(targets)), counts)
    if len(ti) == 0:
        return ti, ti, np.empty(0)
    offs = np.arange(len(ti)) - np.repeat(np.cumsum(counts) - counts, counts)
    si = s_order[np.repeat(lo, counts) + offs]
    length = graph.edge_length[targets.edge[ti]]
    direct = (
        targets.access[ti] + sources.access[si] + np.abs(targets.t[ti] - sources.t[si]) * length
    )
    return ti, si, direct


def walking_distances(
    graph: WalkGraph, targets: JoinPoints, sources: JoinPoints, limit: float = np.inf
) -> tuple[np.ndarray, np.ndarray]:
    """Walking distance from every target to its nearest source, and which source."""
    if len(sources) == 0:
        return np.full(len(targets), np.inf), np.full(len(targets), -1, dtype=np.int64)
    node_dist, node_src = node_distances(graph, sources, limit)
    return target_distances(graph, node_dist, node_src, targets, sources, limit)


def straight_distances(
    targets: np.ndarray, sources: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Straight-line distance to the nearest source point, and which source."""
    n = len(targets)
    if len(sources) == 0 or n == 0:
        return np.full(n, np.inf), np.full(n, -1, dtype=np.int64)
    tree = shapely.STRtree(np.asarray(sources, dtype=object))
    idx, dist = tree.query_nearest(
        np.asarray(targets, dtype=object), all_matches=False, return_distance=True
    )
    out_d = np.full(n, np.inf)
    out_s = np.full(n, -1, dtype=np.int64)
    out_d[idx[0]] = dist
    out_s[idx[0]] = idx[1]
    return out_d, out_s

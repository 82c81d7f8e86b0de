"""Walking isochrones: the area each centre reaches within each level.

Each centre gets a cut-off search (``limit`` = the largest level) on the
part of the graph within that straight-line distance; all of them run in one
Dijkstra call over a block-diagonal matrix (one block per centre), so the
cost is the sum of the balls, not centres × network. The reached edge pieces
(partial edges cut at the remaining distance) are buffered by a small width
and unioned. Modes: ``overlap`` (a polygon per centre and level),
``dissolve`` (one per level) and ``split`` (every piece goes to its nearest
centre before buffering). Gap areas are communities minus the reached area.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse import csgraph

from gridplanner.analysis.network.coverage import (
    NETWORK,
    Cancelled,
    Progress,
    centres_offering,
    choose_method,
    level_key,
    report_step,
    resolve_levels,
)
from gridplanner.analysis.network.graph import ZERO_LENGTH, WalkGraph, csr_min, walk_graph
from gridplanner.analysis.network.joining import JoinPoints, join_points, node_distances
from gridplanner.errors import AnalysisError

MODES = ("overlap", "dissolve", "split")
#: ``buffer``: reached street pieces buffered and unioned (exact band, ~30 ms a polygon);
#: ``hull``: a concave hull of the reached points, buffered (~1.5 ms a polygon);
#: ``star``: per direction from the centre, the farthest point reached (~0.1 ms).
SHAPES = ("auto", "buffer", "hull", "star")
HULL_RATIO = 0.1
STAR_SECTORS = 48
#: ``auto`` draws street bands up to this many polygons, hulls up to the
#: second number, stars beyond.
AUTO_LIMITS = (600, 3000)
#: Default half-width of the band drawn around reached streets, metres.
DEFAULT_WIDTH_M = 40.0
CHUNK = 512


@dataclass
class Reach:
    """Per (source, edge) pair: distance from the source to both edge ends."""

    source: np.ndarray
    edge: np.ndarray
    du: np.ndarray
    dv: np.ndarray


def local_reach(graph: WalkGraph, sources: JoinPoints, points: np.ndarray,
                limit: float) -> Reach:
    """Cut-off searches from every source, in chunks of one Dijkstra call each."""
    parts = [reach_chunk(graph, sources.subset(sl), np.asarray(points)[sl], limit, sl.start)
             for sl in (slice(i, min(i + CHUNK, len(sources))) for i in range(0, len(sources), CHUNK))]
    if not parts:
        e = np.empty(0, dtype=np.int64)
        return Reach(e, e, np.empty(0), np.empty(0))
    return Reach(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("source", "edge", "du", "dv")))


def reach_chunk(graph: WalkGraph, sources: JoinPoints, points: np.ndarray, limit: float,
                 offset: int) -> Reach:
    # every edge a walk of ``limit`` can touch lies in the box around the
    # source; box queries skip GEOS distance tests (edges in the corners are
    # simply not reached)
    x, y = shapely.get_x(points), shapely.get_y(points)
    c, e = graph.tree.query(shapely.box(x - limit, y - limit, x + limit, y + limit))
    n, k = graph.n_nodes, len(sources)
    if len(e) == 0:
        return Reach(c, e, np.empty(0), np.empty(0))
    keys = np.concatenate([c * n + graph.edge_u[e], c * n + graph.edge_v[e]])
    uniq, inv = np.unique(keys, return_inverse=True)
    lu, lv = inv[: len(e)], inv[len(e):]
    size = len(uniq) + k
    src_u = np.arange(k) * n + graph.edge_u[sources.edge]
    src_v = np.arange(k) * n + graph.edge_v[sources.edge]
    row_parts, col_parts, w_parts = [lu, lv], [lv, lu], [graph.edge_length[e]] * 2
    loop = graph.edge_u[sources.edge] == graph.edge_v[sources.edge]
    legs_u = np.where(loop, np.minimum(sources.leg_u(graph), sources.leg_v(graph)),
                      sources.leg_u(graph))
    for keyset, leg, use in ((src_u, legs_u, np.ones(k, bool)), (src_v, sources.leg_v(graph), ~loop)):
        pos = np.searchsorted(uniq, keyset)
        ok = (pos < len(uniq)) & (uniq[np.minimum(pos, len(uniq) - 1)] == keyset) & use
        row_parts.append(len(uniq) + np.flatnonzero(ok))
        col_parts.append(pos[ok])
        w_parts.append(leg[ok])
    rows, cols, w = np.concatenate(row_parts), np.concatenate(col_parts), np.concatenate(w_parts)
    if graph.simple:  # no parallel edges: no duplicate entries to resolve
        matrix = sparse.csr_matrix((np.maximum(w, ZERO_LENGTH), (rows, cols)), shape=(size, size))
    else:
        matrix = csr_min(rows, cols, w, size)
    dist = csgraph.dijkstra(matrix, directed=True, indices=np.arange(len(uniq), size),
                            min_only=True, limit=limit)
    return Reach(c + offset, e, dist[lu], dist[lv])


def reached_intervals(graph: WalkGraph, reach: Reach, sources: JoinPoints, level: float):
    """(source, edge, start, end) of every edge piece within ``level``."""
    L = graph.edge_length[reach.edge]
    a = np.clip(level - reach.du, 0.0, L)
    b = np.clip(level - reach.dv, 0.0, L)
    full = a + b >= L
    src = [reach.source[full], reach.source[~full], reach.source[~full]]
    edge = [reach.edge[full], reach.edge[~full], reach.edge[~full]]
    start = [np.zeros(full.sum()), np.zeros((~full).sum()), (L - b)[~full]]
    end = [L[full], a[~full], L[~full]]
    rem = level - sources.access  # the centre's own edge, walked from the join point
    own = np.flatnonzero(rem > 0)
    Lo = graph.edge_length[sources.edge[own]]
    pos = sources.t[own] * Lo
    src.append(own)
    edge.append(sources.edge[own])
    start.append(np.maximum(0.0, pos - rem[own]))
    end.append(np.minimum(Lo, pos + rem[own]))
    out = [np.concatenate(x) for x in (src, edge, start, end)]
    keep = out[3] - out[2] > 1e-6
    return tuple(x[keep] for x in out)


def edge_pieces(graph: WalkGraph, edge: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The parts of edges between distances ``start`` and ``end`` from their u end."""
    if len(edge) == 0:
        return np.empty(0, dtype=object)
    geoms = graph.edge_geometry[edge]
    coords, idx = shapely.get_coordinates(geoms, return_index=True)
    step = np.hypot(*np.diff(coords, axis=0, prepend=coords[:1]).T)
    first = np.ones(len(idx), dtype=bool)
    first[1:] = idx[1:] != idx[:-1]
    step[first] = 0.0
    cum = np.cumsum(step)
    cum -= np.repeat(cum[first], np.bincount(idx, minlength=len(edge)))
    inner = (cum > start[idx]) & (cum < end[idx])
    p0 = shapely.get_coordinates(shapely.line_interpolate_point(geoms, start))
    p1 = shapely.get_coordinates(shapely.line_interpolate_point(geoms, end))
    ids = np.concatenate([np.arange(len(edge)), idx[inner], np.arange(len(edge))])
    key = np.concatenate([start - 1.0, cum[inner], end + 1.0])
    xy = np.vstack([p0, coords[inner], p1])
    order = np.lexsort((key, ids))
    return shapely.linestrings(xy[order], indices=ids[order])


def split_intervals(graph: WalkGraph, node_dist: np.ndarray, node_src: np.ndarray, level: float):
    """(source, edge, start, end) pieces, each edge cut between its two nearest centres."""
    u, v, L = graph.edge_u, graph.edge_v, graph.edge_length
    du, dv, su, sv = node_dist[u], node_dist[v], node_src[u], node_src[v]
    with np.errstate(invalid="ignore"):
        mid = np.where(su == sv, L, np.clip((dv + L - du) / 2.0, 0.0, L))
        a = np.minimum(np.clip(level - du, 0.0, L), mid)
        b = np.minimum(np.clip(level - dv, 0.0, L), L - np.where(su == sv, 0.0, mid))
    a, b = np.nan_to_num(a), np.nan_to_num(b)
    edges = np.arange(graph.n_edges)
    whole = (su == sv) & (a + b >= L)
    out = (np.concatenate([su[whole], su[~whole], sv[~whole]]),
           np.concatenate([edges[whole], edges[~whole], edges[~whole]]),
           np.concatenate([np.zeros(whole.sum()), np.zeros((~whole).sum()), (L - b)[~whole]]),
           np.concatenate([L[whole], a[~whole], L[~whole]]))
    keep = (out[3] - out[2] > 1e-6) & (out[0] >= 0)
    return tuple(x[keep] for x in out)


def isochrones(plan: Any, levels: Sequence[float] | None = None, mode: str = "overlap",
               service: str | None = None, width_m: float | None = None,
               rings: bool = False, method: str = "auto", shape: str = "auto",
               progress: Progress = None, cancelled: Cancelled = None) -> gpd.GeoDataFrame:
    """Isochrone polygons of the plan's centres.

    Returns a GeoDataFrame (plan CRS) with ``centre`` (fid, <NA> when
    dissolved), ``name``, ``level_m``, ``minutes``, ``mode``, ``method``.
    ``rings=True`` makes each level the ring beyond the previous level.
    ``shape`` is ``buffer`` (streets reached, buffered by ``width_m``) or
    ``hull`` (their concave hull buffered by ``width_m``; for thousands of
    centres) or ``auto`` (buffer up to :data:`AUTO_BUFFER_MAX` polygons). The
    frame's ``shape`` column says which was drawn.
    ``progress``/``cancelled`` as in :func:`coverage.coverage_from_centres`.
    """
    if mode not in MODES:
        raise AnalysisError(f"unknown isochrone mode {mode!r}; use one of {', '.join(MODES)}")
    if shape not in SHAPES:
        raise AnalysisError(f"unknown isochrone shape {shape!r}; use one of {', '.join(SHAPES)}")
    lv = resolve_levels(plan, levels)
    width = float(width_m if width_m is not None
                  else getattr(plan.settings, "isochrone_width_m", DEFAULT_WIDTH_M))
    method = choose_method(plan, method)
    centres = centres_offering(plan, service)
    pts = np.asarray(centres.geometry.values, dtype=object)
    if shape == "auto":
        n = len(pts) * len(lv)
        shape = "buffer" if n <= AUTO_LIMITS[0] else "hull" if n <= AUTO_LIMITS[1] else "star"
    per_level: dict[float, np.ndarray] = {}
    if method == NETWORK and len(pts):
        graph = walk_graph(plan)
        joins = join_points(graph, pts)
        if mode == "split":
            nd, ns = node_distances(graph, joins, limit=lv[-1])
            for i, r in enumerate(lv):
                report_step(progress, cancelled, i / len(lv), f"{r:g} m")
                s, e, a, b = split_intervals(graph, nd, ns, r)
                pieces = edge_pieces(graph, e, a, b)
                polys = (_buffer_groups(pieces, s, len(pts), width) if shape == "buffer"
                         else _point_groups(shape, *_piece_points(pieces, s), joins, width))
                per_level[r] = separate(polys, joins.xy, r + width)
        else:
            reach = local_reach(graph, joins, pts, lv[-1])
            for i, r in enumerate(lv):
                report_step(progress, cancelled, i / len(lv), f"{r:g} m")
                if shape != "buffer":
                    per_level[r] = _point_groups(shape, *reach_points(graph, reach, joins, r),
                                                 joins, width)
                    continue
                s, e, a, b = reached_intervals(graph, reach, joins, r)
                per_level[r] = _buffer_groups(edge_pieces(graph, e, a, b), s, len(pts), width)
    else:
        for r in lv:
            per_level[r] = shapely.buffer(pts, r) if len(pts) else np.empty(0, dtype=object)
    frame = _frame(plan, centres, per_level, lv, mode, method, rings)
    frame["shape"] = shape if method == NETWORK else "circle"
    return frame


def threaded(func: Any, geoms: np.ndarray, *args: Any, **kwargs: Any) -> np.ndarray:
    """``func(geoms, ...)`` for a vectorised shapely function, split over the
    machine's cores: GEOS releases the GIL, so threads run in parallel (about
    1.6x faster for isochrone buffers on two cores, same result)."""
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(geoms) < 4 * workers:
        return func(geoms, *args, **kwargs)
    chunks = np.array_split(geoms, workers)
    with ThreadPoolExecutor(workers) as pool:
        parts = list(pool.map(lambda chunk: func(chunk, *args, **kwargs), chunks))
    return np.concatenate(parts)


def _buffer_groups(pieces: np.ndarray, group: np.ndarray, k: int, width: float) -> np.ndarray:
    out = np.full(k, None, dtype=object)
    if len(pieces) == 0:
        return out
    present, dense = np.unique(group, return_inverse=True)
    order = np.argsort(dense, kind="stable")
    multi = shapely.multilinestrings(pieces[order], indices=dense[order])
    out[present] = fill_holes(threaded(shapely.buffer, multi, width, quad_segs=2))
    return out


def _piece_points(pieces: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    xy, idx = shapely.get_coordinates(pieces, return_index=True)
    return group[idx], xy


def reach_points(graph: WalkGraph, reach: Reach, sources: JoinPoints,
                 level: float) -> tuple[np.ndarray, np.ndarray]:
    """(source, xy) of the nodes each source reaches within ``level``, the points
    where its reach stops along an edge, and its own join point."""
    n, e = graph.n_nodes, reach.edge
    L = graph.edge_length[e]
    keys = np.concatenate([(reach.source * n + graph.edge_u[e])[reach.du <= level],
                           (reach.source * n + graph.edge_v[e])[reach.dv <= level]])
    keys.sort()  # (np.unique's hash path is very slow on these keys)
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    a, b = level - reach.du, level - reach.dv
    part = a + b < L
    cut_a, cut_b = part & (a > 0), part & (b > 0)
    ce = np.concatenate([e[cut_a], e[cut_b]])
    pos = np.concatenate([a[cut_a], (L - b)[cut_b]])
    cut = graph.points_along(ce, pos)
    group = np.concatenate([keys // n, reach.source[cut_a], reach.source[cut_b],
                            np.flatnonzero(sources.access <= level)])
    xy = np.vstack([graph.node_xy[keys % n], cut, sources.xy[sources.access <= level]])
    return group, xy


def _point_groups(shape: str, group: np.ndarray, xy: np.ndarray, joins: JoinPoints,
                  width: float) -> np.ndarray:
    """A polygon per source around its reached points (hull or star), buffered."""
    k = len(joins)
    out = np.full(k, None, dtype=object)
    if len(group) == 0:
        return out
    present, dense = np.unique(group, return_inverse=True)
    if shape == "star":
        out[present] = _stars(dense, xy, joins.xy[present], width)
        return out
    order = np.argsort(dense, kind="stable")
    points = shapely.multipoints(xy[order], indices=dense[order])
    hull = threaded(shapely.concave_hull, points, ratio=HULL_RATIO)
    out[present] = threaded(shapely.buffer, hull, width, quad_segs=2)
    return out


def _stars(group: np.ndarray, xy: np.ndarray, centre: np.ndarray, width: float) -> np.ndarray:
    """Star polygons: in each of STAR_SECTORS directions, the farthest point
    reached plus ``width`` (in place of a buffer)."""
    k, n_s = len(centre), STAR_SECTORS
    d = xy - centre[group]
    sector = ((np.arctan2(d[:, 1], d[:, 0]) + np.pi) / (2 * np.pi) * n_s).astype(np.int64) % n_s
    radius = np.zeros(k * n_s)
    np.maximum.at(radius, group * n_s + sector, np.hypot(d[:, 0], d[:, 1]))
    radius = _fill_empty_sectors(radius.reshape(k, n_s)) + width
    theta = -np.pi + (np.arange(n_s) + 0.5) * 2 * np.pi / n_s
    ring = np.stack([centre[:, :1] + radius * np.cos(theta), centre[:, 1:] + radius * np.sin(theta)],
                    axis=-1)
    return shapely.polygons(np.concatenate([ring, ring[:, :1]], axis=1))


def _fill_empty_sectors(radius: np.ndarray) -> np.ndarray:
    """Sectors no point fell in take the radius interpolated between their
    nearest non-empty neighbours (around the circle)."""
    k, n_s = radius.shape
    idx = np.arange(n_s)
    out = radius.copy()
    for row in np.flatnonzero((radius == 0).any(axis=1) & (radius > 0).any(axis=1)):
        full = idx[radius[row] > 0]
        out[row] = np.interp(idx, full, radius[row, full], period=n_s)
    return out


def fill_holes(polygons: np.ndarray) -> np.ndarray:
    """Polygons without holes: a block ringed by reached streets is reached."""
    parts, idx = shapely.get_parts(polygons, return_index=True)
    solid = shapely.polygons(shapely.get_exterior_ring(parts))
    out = np.array(polygons, dtype=object)
    counts = np.bincount(idx, minlength=len(out))
    single = np.flatnonzero(counts == 1)
    pos = np.searchsorted(idx, single)
    out[single] = solid[pos]
    for i in np.flatnonzero(counts > 1):
        out[i] = shapely.union_all(solid[idx == i])
    return out


def separate(polygons: np.ndarray, centre_xy: np.ndarray, reach: float) -> np.ndarray:
    """Make split polygons disjoint: where two overlap (the band along their
    shared boundary), each keeps the side of the bisector nearer its centre."""
    out = np.array(polygons, dtype=object)
    live = np.flatnonzero(~shapely.is_missing(out))
    if len(live) < 2:
        return out
    a, b = shapely.STRtree(out[live]).query(out[live], predicate="intersects")
    keep = a < b
    i, j = live[a[keep]], live[b[keep]]
    if len(i) == 0:
        return out
    both = shapely.intersection(out[i], out[j])
    big = 4.0 * reach + np.hypot(*(centre_xy[j] - centre_xy[i]).T)
    to_i = shapely.intersection(both, _half_plane(centre_xy[i], centre_xy[j], big))
    cut: dict[int, list[shapely.Geometry]] = {}  # polygon index -> pieces it gives away
    for k, (pi, pj) in enumerate(zip(i, j, strict=True)):
        cut.setdefault(pj, []).append(to_i[k])
        cut.setdefault(pi, []).append(shapely.difference(both[k], to_i[k]))
    for idx, parts in cut.items():
        out[idx] = shapely.make_valid(shapely.difference(out[idx], shapely.union_all(parts)))
    return out


def _half_plane(near: np.ndarray, far: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Polygons covering the points nearer ``near`` than ``far`` (within ``size``)."""
    mid = (near + far) / 2.0
    d = far - near
    d = d / np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
    n = np.column_stack([-d[:, 1], d[:, 0]])
    s = size[:, None]
    ring = np.stack([mid + n * s, mid + n * s - d * s, mid - n * s - d * s, mid - n * s,
                     mid + n * s], axis=1)
    return shapely.polygons(ring)


def _frame(plan: Any, centres: pd.DataFrame, per_level: dict[float, np.ndarray],
           levels: list[float], mode: str, method: str, rings: bool) -> gpd.GeoDataFrame:
    speed = plan.settings.walking_speed
    rows: list[dict[str, Any]] = []
    inner: np.ndarray | shapely.Geometry | None = None
    for r in levels:
        geoms = per_level[r]
        if mode == "dissolve":
            geoms = np.array([shapely.union_all(geoms[~shapely.is_missing(geoms)])], dtype=object)
        shown = geoms
        if rings and inner is not None:
            shown = shapely.difference(geoms, inner)
        inner = geoms
        ids = [pd.NA] if mode == "dissolve" else list(centres.index)
        names = [""] if mode == "dissolve" else list(centres["name"].astype(str))
        for fid, name, g in zip(ids, names, shown, strict=True):
            if g is None or shapely.is_empty(g):
                continue
            rows.append({"centre": fid, "name": name, "level_m": r, "level": level_key(r),
                         "minutes": round(r / speed / 60.0, 2), "mode": mode,
                         "method": method, "geometry": g})
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=plan.crs) if rows else \
        gpd.GeoDataFrame({"centre": [], "name": [], "level_m": [], "level": [], "minutes": [],
                          "mode": [], "method": []}, geometry=[], crs=plan.crs)
    frame["centre"] = frame["centre"].astype("Int64")
    return frame


def gap_areas(plan: Any, reached: gpd.GeoDataFrame | None = None,
              levels: Sequence[float] | None = None, service: str | None = None,
              min_area_m2: float = 100.0) -> gpd.GeoDataFrame:
    """Parts of every community beyond reach at each level.

    ``reached`` is an isochrone frame (any mode, no rings); computed
    (dissolved) when not given. Columns: ``community``, ``level_m``,
    ``area_m2``, ``method``.
    """
    lv = resolve_levels(plan, levels)
    if reached is None:
        reached = isochrones(plan, lv, mode="dissolve", service=service)
    method = str(reached["method"].iloc[0]) if len(reached) else choose_method(plan)
    rows = []
    for r in lv:
        here = reached[np.isclose(reached["level_m"].astype(float), r)]
        covered = shapely.union_all(here.geometry.values) if len(here) else None
        for _, comm in plan.communities().iterrows():
            gap = comm.geometry if covered is None else shapely.difference(comm.geometry, covered)
            parts = shapely.get_parts(gap)
            parts = parts[shapely.area(parts) >= min_area_m2]
            if len(parts):
                g = shapely.union_all(parts)
                rows.append({"community": str(comm["name"]), "level_m": r,
                             "area_m2": float(g.area), "method": method, "geometry": g})
    if not rows:
        return gpd.GeoDataFrame({"community": [], "level_m": [], "area_m2": [], "method": []},
                                geometry=[], crs=plan.crs)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=plan.crs)

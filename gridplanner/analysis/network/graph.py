"""The walking graph: built once from the network layer as CSR arrays.

Every analysis (coverage, isochrones, site suggestion, network health)
reuses one :class:`WalkGraph` per plan. Nodes are the line end points,
rounded to ``tolerance`` metres so lines that meet at a shared vertex share
a node; every line of the network layer is one edge whose weight is its
length in metres. The graph is cached per plan and dropped as soon as the
network layer (or the plan CRS) changes.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import shapely
from scipy import sparse

from gridplanner.errors import NetworkError

#: Weight given to zero-length edges so the sparse graph keeps them as edges.
ZERO_LENGTH = 1e-9


@dataclass(eq=False)
class WalkGraph:
    """The walking network as arrays.

    Attributes
    ----------
    node_xy : (n, 2) float array of node coordinates (plan CRS, metres).
    edge_u, edge_v : (m,) int arrays, end nodes of every edge.
    edge_length : (m,) float array, edge length in metres.
    edge_fid : (m,) int array, the network layer fid the edge came from.
    edge_geometry : (m,) array of LineStrings, oriented from u to v.
    matrix : symmetric ``csr_matrix`` (n × n); parallel edges keep the shortest.
    """

    node_xy: np.ndarray
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_length: np.ndarray
    edge_fid: np.ndarray
    edge_geometry: np.ndarray
    matrix: sparse.csr_matrix
    #: True when no two edges join the same pair of nodes (and no self-loops)
    simple: bool = True
    _tree: Any = field(default=None, repr=False)
    _incidence: Any = field(default=None, repr=False)
    _straight: Any = field(default=None, repr=False)

    @property
    def n_nodes(self) -> int:
        return int(len(self.node_xy))

    @property
    def n_edges(self) -> int:
        return int(len(self.edge_u))

    @property
    def tree(self) -> shapely.STRtree:
        """Spatial index over the edges (built on first use)."""
        if self._tree is None:
            self._tree = shapely.STRtree(self.edge_geometry)
        return self._tree

    @property
    def incidence(self) -> sparse.csr_matrix:
        """Node × edge incidence matrix (CSR): row i lists the edges at node i."""
        if self._incidence is None:
            m = self.n_edges
            rows = np.concatenate([self.edge_u, self.edge_v])
            cols = np.concatenate([np.arange(m), np.arange(m)])
            inc = sparse.csr_matrix(
                (np.ones(2 * m, dtype=np.int8), (rows, cols)), shape=(self.n_nodes, m)
            )
            self._incidence = inc
        return self._incidence

    def points_along(self, edges: np.ndarray, along: np.ndarray) -> np.ndarray:
        """(n, 2) coordinates ``along`` metres from the u end of ``edges``.

        Straight two-point edges are interpolated in numpy, others by shapely.
        """
        if self._straight is None:
            self._straight = shapely.get_num_coordinates(self.edge_geometry) == 2
        out = np.empty((len(edges), 2))
        straight = self._straight[edges]
        e = edges[straight]
        f = (along[straight] / np.maximum(self.edge_length[e], ZERO_LENGTH))[:, None]
        a, b = self.node_xy[self.edge_u[e]], self.node_xy[self.edge_v[e]]
        out[straight] = a + (b - a) * f
        bent = ~straight
        out[bent] = shapely.get_coordinates(
            shapely.line_interpolate_point(self.edge_geometry[edges[bent]], along[bent]))
        return out

    def degree(self) -> np.ndarray:
        """Number of edge ends at every node (a self-loop counts twice)."""
        return np.bincount(
            np.concatenate([self.edge_u, self.edge_v]), minlength=self.n_nodes
        )

    def total_length(self) -> float:
        return float(self.edge_length.sum())


def csr_min(rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, n: int) -> sparse.csr_matrix:
    """A CSR matrix keeping the smallest weight where (row, col) repeats.

    ``scipy.sparse`` sums duplicates; parallel streets must keep the shorter.
    Zero weights are raised to :data:`ZERO_LENGTH` so they stay edges.
    """
    keep = rows != cols
    rows, cols, weights = rows[keep], cols[keep], weights[keep]
    key = rows.astype(np.int64) * n + cols
    order = np.lexsort((weights, key))
    key = key[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    sel = order[first]
    w = np.maximum(weights[sel], ZERO_LENGTH)
    return sparse.csr_matrix((w, (rows[sel], cols[sel])), shape=(n, n))


def lines_from_frame(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Single 2-D LineStrings of a network frame and the fid of each."""
    if len(frame) == 0:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    geoms = np.asarray(frame.geometry.values, dtype=object)
    fids = np.asarray(frame.index, dtype=np.int64)
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    geoms, fids = geoms[ok], fids[ok]
    if not (shapely.get_type_id(geoms) == 1).all():
        parts, idx = shapely.get_parts(geoms, return_index=True)
        geoms, fids = parts, fids[idx]
    if shapely.has_z(geoms).any():
        geoms = shapely.force_2d(geoms)
    single = shapely.get_type_id(geoms) == 1
    return geoms[single], fids[single]


def build_walk_graph(frame: pd.DataFrame, tolerance: float = 0.01) -> WalkGraph:
    """Build the walking graph from a network layer frame.

    Parameters
    ----------
    frame : GeoDataFrame of lines in a metric CRS (the plan's network layer).
    tolerance : end points closer than this (metres, by rounding) are one node.
    """
    lines, fids = lines_from_frame(frame)
    if len(lines) == 0:
        raise NetworkError("the walking network layer is empty: import a network first")
    coords = shapely.get_coordinates(lines)
    last = np.cumsum(shapely.get_num_coordinates(lines)) - 1
    first_vertex = np.concatenate([[0], last[:-1] + 1])
    xy = np.vstack([coords[first_vertex], coords[last]])
    q = np.round(xy / tolerance).astype(np.int64)
    q -= q.min(axis=0)
    key = (q[:, 0] << 32) | q[:, 1]
    uniq, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    m = len(lines)
    edge_u, edge_v = inverse[:m].astype(np.int64), inverse[m:].astype(np.int64)
    length = shapely.length(lines)
    n = len(uniq)
    matrix = csr_min(
        np.concatenate([edge_u, edge_v]),
        np.concatenate([edge_v, edge_u]),
        np.concatenate([length, length]),
        n,
    )
    return WalkGraph(
        node_xy=xy[first], edge_u=edge_u, edge_v=edge_v, edge_length=length,
        edge_fid=fids, edge_geometry=lines, matrix=matrix, simple=matrix.nnz == 2 * m,
    )


# -- one graph per plan, dropped when the network changes -----------------
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: plan -> {(layer, name): (graph, value)} values derived from a layer and the graph
_DERIVED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: plan -> its invalidator (psygnal keeps only weak references to bound methods)
_WATCHED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class _Invalidator:
    def __init__(self, plan: Any):
        self._plan = weakref.ref(plan)

    def on_layer(self, change: Any) -> None:
        layer = getattr(change, "layer", None)
        plan = self._plan()
        if plan is None:
            return
        if layer == "network":
            self.drop()
        store = _DERIVED.get(plan)
        if store:
            for key in [k for k in store if k[0] == layer]:
                store.pop(key, None)

    def drop(self, *args: Any) -> None:
        plan = self._plan()
        if plan is not None:
            _CACHE.pop(plan, None)
            _DERIVED.pop(plan, None)


def walk_graph(plan: Any) -> WalkGraph:
    """The plan's walking graph, built on first use and cached.

    Raises :class:`NetworkError` if the plan has no walking network.
    """
    graph = _CACHE.get(plan)
    if graph is None:
        graph = build_walk_graph(plan.network.frame)
        _CACHE[plan] = graph
        if plan not in _WATCHED:
            inv = _Invalidator(plan)
            plan.layer_changed.connect(inv.on_layer)
            plan.crs_changed.connect(inv.drop)
            _WATCHED[plan] = inv
    return graph


def derived(plan: Any, layer: str, name: str, compute: Any) -> Any:
    """``compute(graph)`` for a layer of ``plan``, cached until that layer or
    the network changes (e.g. the buildings' join points)."""
    graph = walk_graph(plan)
    store = _DERIVED.setdefault(plan, {})
    hit = store.get((layer, name))
    if hit is None or hit[0] is not graph:
        hit = (graph, compute(graph))
        store[(layer, name)] = hit
    return hit[1]


def has_network(plan: Any) -> bool:
    """Whether the plan holds at least one usable network line."""
    if plan in _CACHE:
        return True
    geoms = np.asarray(plan.network.frame.geometry.values, dtype=object)
    return bool(len(geoms)) and bool((~(shapely.is_missing(geoms) | shapely.is_empty(geoms))).any())


def forget_walk_graph(plan: Any) -> None:
    """Drop the cached graph of ``plan`` (the next analysis rebuilds it)."""
    _CACHE.pop(plan, None)

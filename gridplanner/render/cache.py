"""Geometries turned into Qt paths once per layer change, and found fast.

Converting shapely geometries to ``QPainterPath`` one at a time costs
Python calls per vertex; for 100,000 buildings that is seconds. Instead the
coordinates of a whole layer are taken out with shapely's vectorised
functions and handed to Qt as the binary stream ``QDataStream`` reads a
``QPainterPath`` (or ``QPolygonF``) from, so Qt builds each path in one C++
call. Features are grouped into spatial buckets of about a thousand, one path
per bucket, so a redraw is a few hundred ``drawPath`` calls whatever the
number of features, and buckets outside the view are skipped.

A :class:`LayerCache` is dropped by :class:`CacheStore` whenever its layer
emits a :class:`~gridplanner.model.LayerChange`.
"""

from __future__ import annotations

import weakref
from collections.abc import Hashable, Sequence

import numpy as np
import shapely
from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from gridplanner.model.layer import FeatureTable, LayerChange
from gridplanner.model.plan import Plan

BUCKET_SIZE = 1000
_POLY_IDS = (3, 6)  # Polygon, MultiPolygon
_LINE_IDS = (1, 2, 5)  # LineString, LinearRing, MultiLineString
_POINT_IDS = (0, 4)  # Point, MultiPoint


def _read_stream(data: bytes, target: QPainterPath | QPolygonF) -> None:
    buffer = QByteArray(data)  # must outlive the stream, which only points at it
    stream = QDataStream(buffer, QIODevice.OpenModeFlag.ReadOnly)
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    stream >> target


def path_from_vertices(xy: np.ndarray, move: np.ndarray) -> QPainterPath:
    """A path through ``xy`` that starts a new sub-path where ``move`` is true."""
    path = QPainterPath()
    n = len(xy)
    if n == 0:
        return path
    rec = np.empty(n, dtype=[("t", "<i4"), ("x", "<f8"), ("y", "<f8")])
    rec["t"] = np.where(move, 0, 1)
    rec["x"] = xy[:, 0]
    rec["y"] = xy[:, 1]
    c_start = int(np.flatnonzero(move)[-1])
    head = np.array([n], "<i4").tobytes()
    tail = np.array([c_start, 0], "<i4").tobytes()  # 0 = Qt.OddEvenFill, so holes stay holes
    _read_stream(head + rec.tobytes() + tail, path)
    return path


def polygon_from_points(xy: np.ndarray) -> QPolygonF:
    """A ``QPolygonF`` of the points ``xy`` (for ``drawPoints``)."""
    poly = QPolygonF()
    if len(xy):
        data = np.ascontiguousarray(xy, dtype="<f8")
        _read_stream(np.array([len(xy)], "<u4").tobytes() + data.tobytes(), poly)
    return poly


def path_from_geometries(geoms: Sequence[shapely.Geometry] | np.ndarray) -> QPainterPath:
    """One path of many polygons or lines (points are left out)."""
    xy, move, _ = _vertices(np.asarray(geoms, dtype=object))
    return path_from_vertices(xy, move)


def _vertices(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vertices of polygon rings and line parts, sub-path starts, owning geometry index."""
    if len(geoms) == 0:
        return np.empty((0, 2)), np.empty(0, bool), np.empty(0, np.int64)
    types = shapely.get_type_id(geoms)
    if np.isin(types, (4, 5, 6, 7)).any():
        parts, part_of = shapely.get_parts(geoms, return_index=True)
    else:
        parts, part_of = geoms, np.arange(len(geoms))
    ptypes = shapely.get_type_id(parts)
    is_poly = ptypes == 3
    pieces, owner = [], []
    if is_poly.any():
        rings, ring_of = shapely.get_rings(parts[is_poly], return_index=True)
        pieces.append(rings)
        owner.append(part_of[is_poly][ring_of])
    is_line = np.isin(ptypes, (1, 2))
    if is_line.any():
        pieces.append(parts[is_line])
        owner.append(part_of[is_line])
    if not pieces:
        return np.empty((0, 2)), np.empty(0, bool), np.empty(0, np.int64)
    lines = np.concatenate(pieces)
    line_owner = np.concatenate(owner)
    order = np.argsort(line_owner, kind="stable")
    lines, line_owner = lines[order], line_owner[order]
    xy, idx = shapely.get_coordinates(lines, return_index=True)
    move = np.ones(len(idx), bool)
    move[1:] = idx[1:] != idx[:-1]
    return xy, move, line_owner[idx]


class Bucket:
    """Features of one group close together, drawn as one path (built on first use)."""

    __slots__ = ("_cache", "_path", "_points", "bounds", "centre_points", "has_shapes",
                 "has_points", "positions", "vertex_count")

    def __init__(self, cache: LayerCache, positions: np.ndarray):
        self._cache = cache
        self.positions = positions
        b = cache.bounds[positions]
        self.bounds = (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()),
                       float(b[:, 3].max()))
        is_point = np.isin(cache.types[positions], _POINT_IDS)
        self.has_points = bool(is_point.any())
        self.has_shapes = bool((~is_point).any())
        self.vertex_count = int(cache.coordinate_counts[positions].sum())
        self._path: QPainterPath | None = None
        self._points: QPolygonF | None = None
        self.centre_points: QPolygonF | None = None

    @property
    def path(self) -> QPainterPath:
        """Polygons and lines of the bucket in map units (empty if none)."""
        if self._path is None:
            pos = self.positions[~np.isin(self._cache.types[self.positions], _POINT_IDS)]
            self._path = self._cache.path_of(pos)
        return self._path

    @property
    def points(self) -> QPolygonF:
        """Point features of the bucket in map units (empty if none)."""
        if self._points is None:
            pos = self.positions[np.isin(self._cache.types[self.positions], _POINT_IDS)]
            self._points = polygon_from_points(shapely.get_coordinates(self._cache.geoms[pos]))
        return self._points

    def rect(self) -> QRectF:
        x0, y0, x1, y1 = self.bounds
        return QRectF(x0, y0, x1 - x0, y1 - y0)


class LayerCache:
    """Arrays, spatial index and lazily built Qt paths of one layer."""

    def __init__(self, table: FeatureTable):
        frame = table.frame
        self.name = table.name
        self.frame = frame
        valid = frame.geometry.notna().to_numpy() & ~shapely.is_empty(frame.geometry.values)
        self.geoms = np.asarray(frame.geometry.values, dtype=object)[valid]
        self.fids = np.asarray(frame.index, dtype=np.int64)[valid]
        self.rows = np.flatnonzero(valid)
        self.types = shapely.get_type_id(self.geoms)
        self.bounds = shapely.bounds(self.geoms) if len(self.geoms) else np.empty((0, 4))
        self.tree = shapely.STRtree(self.geoms)
        self._vertices: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._label_points: np.ndarray | None = None
        self._buckets: dict[Hashable, list[Bucket]] = {}
        sizes = np.hypot(self.bounds[:, 2] - self.bounds[:, 0], self.bounds[:, 3] - self.bounds[:, 1])
        self.median_size = float(np.median(sizes)) if len(sizes) else 0.0
        self._fid_order = np.argsort(self.fids, kind="stable")
        self.coordinate_counts = shapely.get_num_coordinates(self.geoms)
        self._centroids: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.geoms)

    # -- lookups ----------------------------------------------------------
    def positions_of(self, fids: Sequence[int]) -> np.ndarray:
        """Positions (into this cache's arrays) of the given fids that have geometry."""
        wanted = np.asarray(list(fids), dtype=np.int64)
        if len(self.fids) == 0 or len(wanted) == 0:
            return np.empty(0, np.int64)
        at = np.searchsorted(self.fids, wanted, sorter=self._fid_order)
        at = np.clip(at, 0, len(self.fids) - 1)
        pos = self._fid_order[at]
        return np.sort(pos[self.fids[pos] == wanted])

    def query(self, box: tuple[float, float, float, float], predicate: str | None = None
              ) -> np.ndarray:
        """Positions of features whose bounds (or geometry, with a predicate) meet ``box``."""
        if len(self.geoms) == 0:
            return np.empty(0, np.int64)
        hits = self.tree.query(shapely.box(*box), predicate=predicate)
        return np.sort(hits)

    def label_points(self) -> np.ndarray:
        """An (N, 2) array of label anchors (a point inside each polygon)."""
        if self._label_points is None:
            pts = shapely.point_on_surface(self.geoms) if len(self.geoms) else np.empty(0)
            self._label_points = shapely.get_coordinates(pts) if len(pts) else np.empty((0, 2))
        return self._label_points

    def centroids(self) -> np.ndarray:
        """Centres of the features' bounding boxes, (N, 2)."""
        if self._centroids is None:
            b = self.bounds
            self._centroids = np.column_stack(((b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2))
        return self._centroids

    # -- paths ------------------------------------------------------------
    def _all_vertices(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if self._vertices is None:
            xy, move, owner = _vertices(self.geoms)
            starts = np.searchsorted(owner, np.arange(len(self.geoms)), side="left")
            ends = np.searchsorted(owner, np.arange(len(self.geoms)), side="right")
            self._vertices = (xy, move, starts, ends)
        return self._vertices

    def path_of(self, positions: np.ndarray) -> QPainterPath:
        """One path of the polygons/lines at ``positions``."""
        xy, move, starts, ends = self._all_vertices()
        if len(positions) == 0:
            return QPainterPath()
        s, e = starts[positions], ends[positions]
        lengths = e - s
        total = int(lengths.sum())
        if total == 0:
            return QPainterPath()
        offsets = np.repeat(s - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        index = np.arange(total) + offsets
        return path_from_vertices(xy[index], move[index])

    def buckets(self, key: Hashable, positions: np.ndarray) -> list[Bucket]:
        """Spatial buckets of the features at ``positions`` (cached under ``key``)."""
        found = self._buckets.get(key)
        if found is None:
            found = self._make_buckets(positions)
            self._buckets[key] = found
        return found

    def _make_buckets(self, positions: np.ndarray) -> list[Bucket]:
        if len(positions) == 0:
            return []
        centres = self.centroids()[positions]
        k = max(1, int(np.ceil(np.sqrt(len(positions) / BUCKET_SIZE))))
        lo, hi = centres.min(axis=0), centres.max(axis=0)
        span = np.where(hi - lo > 0, hi - lo, 1.0)
        cell = np.minimum(((centres - lo) / span * k).astype(np.int64), k - 1)
        code = cell[:, 1] * k + cell[:, 0]
        order = np.argsort(code, kind="stable")
        sorted_pos, sorted_code = positions[order], code[order]
        cuts = np.flatnonzero(np.diff(sorted_code)) + 1
        out = []
        for chunk in np.split(sorted_pos, cuts):
            out.append(self._bucket(np.sort(chunk)))
        return out

    def _bucket(self, pos: np.ndarray) -> Bucket:
        return Bucket(self, pos)


class CacheStore:
    """Layer caches of one plan, each dropped when its layer changes."""

    def __init__(self) -> None:
        self._plan_ref: weakref.ref[Plan] | None = None
        self._caches: dict[str, LayerCache] = {}
        self.generation = 0

    def _bind(self, plan: Plan) -> None:
        old = self._plan_ref() if self._plan_ref is not None else None
        if old is plan:
            return
        if old is not None:
            old.layer_changed.disconnect(self.on_layer_changed)
        self._caches.clear()
        self._plan_ref = weakref.ref(plan)
        plan.layer_changed.connect(self.on_layer_changed)
        self.generation += 1

    def on_layer_changed(self, change: LayerChange) -> None:
        self._caches.pop(change.layer, None)
        self.generation += 1

    def get(self, plan: Plan, layer: str) -> LayerCache:
        """The cache of ``layer`` of ``plan``, built on first use."""
        self._bind(plan)
        cache = self._caches.get(layer)
        if cache is None:
            cache = LayerCache(plan.layer(layer))
            self._caches[layer] = cache
        return cache

"""Snapping for the drawing tools, and the marker that shows where a point snaps.

:class:`Snapper` finds what lies near the cursor in the layers a cell
outline follows (community and compound boundaries, streets, other cells),
using the canvas painter's per-layer STRtrees, and hands those geometries to
the Qt-free :func:`gridplanner.analysis.grids.editing.snap_point`. The tolerance
is in screen pixels (default 10) so it feels the same at every zoom.

:class:`SnapIndicator` is a canvas item: a square on a snapped vertex, a
circle with a cross on a snapped edge, nothing when the point is free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from gridplanner.analysis.grids.editing import SnapResult, snap_point

if TYPE_CHECKING:
    from gridplanner.qt.map.tools.canvas_api import MapCanvasLike

DEFAULT_TOLERANCE_PX = 10.0
SNAP_LAYERS: tuple[str, ...] = ("cells", "boundaries", "network")
SNAP_MODES = ("vertex_segment", "vertex", "segment")


@dataclass
class SnapOptions:
    """The user's snapping options, shared by every drawing tool (Edit → Snapping Options).

    ``tolerance`` is in screen pixels (``unit="px"``, the same feel at every
    zoom) or in ground metres (``unit="m"``); ``mode`` snaps to vertices and
    segments, vertices only or segments only.
    """

    enabled: bool = True
    tolerance: float = DEFAULT_TOLERANCE_PX
    unit: str = "px"
    layers: tuple[str, ...] = SNAP_LAYERS
    mode: str = "vertex_segment"

    def __post_init__(self) -> None:
        if self.unit not in ("px", "m"):
            raise ValueError(f"snapping unit must be px or m, not {self.unit!r}")
        if self.mode not in SNAP_MODES:
            raise ValueError(f"snapping mode must be one of {SNAP_MODES}, not {self.mode!r}")
        if not 0 < float(self.tolerance) <= 1000:
            raise ValueError(f"snapping tolerance {self.tolerance} is outside 0–1000")
        self.layers = tuple(self.layers)


#: The options every Snapper follows unless it was given its own.
SNAP_OPTIONS = SnapOptions()


def set_snap_options(options: SnapOptions) -> None:
    """Make ``options`` the ones every drawing tool's snapper follows."""
    global SNAP_OPTIONS
    SNAP_OPTIONS = options


class Snapper:
    """Snaps map points to vertices and edges of the plan's outline layers.

    Without explicit ``tolerance_px`` or ``layers`` it follows the shared
    :data:`SNAP_OPTIONS` (so the Snapping Options dialog reaches every tool).
    """

    def __init__(self, canvas: MapCanvasLike, tolerance_px: float | None = None,
                 layers: tuple[str, ...] | None = None):
        self.canvas = canvas
        self._tolerance_px = tolerance_px
        self._layers = layers
        self._enabled = True
        #: cell fids to leave out (the cells being edited)
        self.exclude_cells: set[int] = set()

    @property
    def tolerance_px(self) -> float:
        if self._tolerance_px is not None:
            return self._tolerance_px
        if SNAP_OPTIONS.unit == "m":
            return SNAP_OPTIONS.tolerance / max(self.canvas.pixel_size(), 1e-9)
        return SNAP_OPTIONS.tolerance

    @tolerance_px.setter
    def tolerance_px(self, value: float) -> None:
        self._tolerance_px = float(value)

    @property
    def layers(self) -> tuple[str, ...]:
        return self._layers if self._layers is not None else SNAP_OPTIONS.layers

    @layers.setter
    def layers(self, value: tuple[str, ...]) -> None:
        self._layers = tuple(value)

    @property
    def enabled(self) -> bool:
        return self._enabled and SNAP_OPTIONS.enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._enabled = bool(value)

    def tolerance(self) -> float:
        """The tolerance in map units at the current zoom."""
        return self.tolerance_px * self.canvas.pixel_size()

    def candidates(self, x: float, y: float, tolerance: float) -> list[shapely.Geometry]:
        plan = self.canvas.plan
        if plan is None:
            return []
        point = shapely.Point(x, y)
        out: list[shapely.Geometry] = []
        for layer in self.layers:
            if layer not in plan.layers or len(plan.layer(layer)) == 0:
                continue
            cache = self.canvas.map_painter.cache(plan, layer)
            hits = cache.tree.query(point, predicate="dwithin", distance=tolerance)
            if layer == "cells" and self.exclude_cells and len(hits):
                hits = hits[~np.isin(cache.fids[hits], list(self.exclude_cells))]
            out.extend(g for g in cache.geoms[hits] if g is not None and not g.is_empty)
        return out

    def snap(self, x: float, y: float) -> SnapResult:
        """Where (x, y) snaps: a vertex first, else an edge, else the point itself."""
        if not self.enabled:
            return SnapResult(shapely.Point(x, y))
        tol = self.tolerance()
        candidates = self.candidates(x, y, tol)
        if SNAP_OPTIONS.mode == "segment":
            return snap_to_segments((x, y), candidates, tol)
        result = snap_point((x, y), candidates, tol)
        if SNAP_OPTIONS.mode == "vertex" and result.kind == "edge":
            return SnapResult(shapely.Point(x, y))
        return result


def snap_to_segments(xy: tuple[float, float], geometries: list[shapely.Geometry],
                     tolerance: float) -> SnapResult:
    """The nearest point on any segment (outline of a polygon, or a line) within ``tolerance``."""
    point = shapely.Point(xy)
    if not geometries:
        return SnapResult(point)
    geoms = np.asarray(geometries, dtype=object)
    outlines = np.where(shapely.get_dimensions(geoms) == 2, shapely.boundary(geoms), geoms)
    lines = shapely.shortest_line(outlines, point)
    lengths = shapely.length(lines)
    j = int(np.argmin(lengths))
    if lengths[j] > tolerance:
        return SnapResult(point)
    return SnapResult(shapely.get_point(lines[j], 0), "edge", j, None, float(lengths[j]))


class SnapIndicator:
    """A canvas item marking the current snap target (vertex: square, edge: circle)."""

    def __init__(self) -> None:
        self.visible = True
        self.canvas: MapCanvasLike | None = None
        self.result: SnapResult | None = None
        self.colour = QColor("#e6007e")

    def set_result(self, result: SnapResult | None) -> None:
        self.result = result if result is not None and result.kind else None
        if self.canvas is not None:
            self.canvas.update()

    def paint(self, painter: QPainter, canvas: MapCanvasLike) -> None:
        if self.result is None:
            return
        p = canvas.map_to_widget(QPointF(self.result.point.x, self.result.point.y))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(self.colour, 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        r = 6.0
        if self.result.kind == "vertex":
            painter.drawRect(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
        else:
            painter.drawEllipse(p, r, r)
            painter.drawLine(QPointF(p.x() - r, p.y() - r), QPointF(p.x() + r, p.y() + r))
            painter.drawLine(QPointF(p.x() - r, p.y() + r), QPointF(p.x() + r, p.y() - r))
        painter.restore()

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


class Snapper:
    """Snaps map points to vertices and edges of the plan's outline layers."""

    def __init__(self, canvas: MapCanvasLike, tolerance_px: float = DEFAULT_TOLERANCE_PX,
                 layers: tuple[str, ...] = SNAP_LAYERS):
        self.canvas = canvas
        self.tolerance_px = tolerance_px
        self.layers = layers
        self.enabled = True
        #: cell fids to leave out (the cells being edited)
        self.exclude_cells: set[int] = set()

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
        return snap_point((x, y), self.candidates(x, y, tol), tol)


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

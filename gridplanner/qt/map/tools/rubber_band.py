"""Rubber bands: temporary shapes in map units drawn over the canvas.

Any object with ``paint(painter, canvas)`` and a ``visible`` attribute can be
added to the canvas with ``canvas.add_item``; a :class:`RubberBand` is the
usual one (QGIS's ``QgsRubberBand``): a polygon, line or set of points that a
map tool updates as the mouse moves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

if TYPE_CHECKING:
    from gridplanner.qt.map.tools.canvas_api import MapCanvasLike


class RubberBand:
    """A polygon, line or point set in map units, drawn on top of the map."""

    def __init__(self, kind: str = "polygon", colour: QColor | None = None, fill_alpha: int = 40,
                 width: float = 1.5):
        if kind not in ("polygon", "line", "points"):
            raise ValueError(f"rubber band kind must be polygon, line or points, not {kind!r}")
        self.kind = kind
        self.colour = QColor(colour) if colour is not None else QColor("#e0218a")
        self.fill_alpha = fill_alpha
        self.width = width
        self.visible = True
        self.points: list[tuple[float, float]] = []
        self.canvas: MapCanvasLike | None = None

    # -- changing ---------------------------------------------------------
    def _changed(self) -> None:
        if self.canvas is not None:
            self.canvas.update()

    def reset(self) -> None:
        self.points = []
        self._changed()

    def set_points(self, points: Iterable[tuple[float, float]]) -> None:
        self.points = [(float(x), float(y)) for x, y in points]
        self._changed()

    def add_point(self, x: float, y: float) -> None:
        self.points.append((float(x), float(y)))
        self._changed()

    def move_last_point(self, x: float, y: float) -> None:
        if self.points:
            self.points[-1] = (float(x), float(y))
            self._changed()

    def set_rect(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.set_points([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])

    def set_geometry(self, geometry: shapely.Geometry | None) -> None:
        """Show a shapely polygon, line or point (exterior ring only for polygons)."""
        if geometry is None or geometry.is_empty:
            self.reset()
            return
        if geometry.geom_type == "Polygon":
            coords = list(geometry.exterior.coords)[:-1]
        else:
            coords = [tuple(c) for c in shapely.get_coordinates(geometry)]
        self.set_points(coords)

    def geometry(self) -> shapely.Geometry | None:
        """The band as a shapely geometry (None while too few points)."""
        if self.kind == "polygon" and len(self.points) >= 3:
            return shapely.Polygon(self.points)
        if self.kind == "line" and len(self.points) >= 2:
            return shapely.LineString(self.points)
        if self.kind == "points" and self.points:
            return shapely.MultiPoint(self.points)
        return None

    # -- drawing ------------------------------------------------------------
    def paint(self, painter: QPainter, canvas: MapCanvasLike) -> None:
        if not self.points:
            return
        poly = QPolygonF([canvas.map_to_widget(QPointF(x, y)) for x, y in self.points])
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(self.colour, self.width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if self.kind == "polygon":
            fill = QColor(self.colour)
            fill.setAlpha(self.fill_alpha)
            painter.setBrush(fill)
            painter.drawPolygon(poly)
        elif self.kind == "line":
            painter.drawPolyline(poly)
        pen.setWidthF(max(6.0, self.width * 4))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if self.kind == "points":
            painter.setPen(pen)
            painter.drawPoints(poly)
        painter.restore()

"""Dropping rows of a dock onto the map: the event filter the roster and the
organisation features share, and the outline it draws under the cursor.

A subclass says how to read its drag (:meth:`MapDropFilter.read`), what it
would drop on at a map point (:meth:`~MapDropFilter.target`, a geometry
to outline) and what a drop does (:meth:`~MapDropFilter.drop`). The filter
is installed on the canvas, so the canvas class itself knows nothing of it.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, Any

import shapely
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

if TYPE_CHECKING:
    from gridplanner.qt.map.canvas import MapCanvas

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


class DropHighlight:
    """Outline of what a drag would drop on (a canvas overlay item)."""

    def __init__(self, geometry: shapely.Geometry):
        self.geometry = geometry
        self.canvas = None
        self.visible = True

    def paint(self, painter: QPainter, canvas: MapCanvas) -> None:
        path = QPainterPath()
        for polygon in getattr(self.geometry, "geoms", [self.geometry]):
            for ring in [polygon.exterior, *polygon.interiors]:
                coords = list(ring.coords)
                path.moveTo(QPointF(*coords[0][:2]))
                for xy in coords[1:]:
                    path.lineTo(QPointF(*xy[:2]))
                path.closeSubpath()
        painter.save()
        painter.setTransform(canvas.transform(), True)
        pen = QPen(QColor("#e65100"), 3)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QColor(230, 81, 0, 50))
        painter.drawPath(path)
        painter.restore()


class MapDropFilter(QObject):
    """Event filter on the canvas for drags of one dock's rows (see the module doc).

    ``feature`` has ``canvas`` and ``window``. With ``accept_anywhere`` a drag
    is taken over any point (the drop decides); otherwise only over a target.
    """

    accept_anywhere = False

    def __init__(self, feature: Any):
        super().__init__(feature)
        self.feature = feature
        self.highlight: DropHighlight | None = None

    @abstractmethod
    def read(self, mime: Any) -> Any:
        """What the drag carries, or None when it is not this feature's drag."""

    @abstractmethod
    def target(self, x: float, y: float, payload: Any) -> shapely.Geometry | None:
        """The shape a drop at map point (x, y) would land on, to outline."""

    @abstractmethod
    def drop(self, payload: Any, x: float, y: float, event: Any) -> bool:
        """Do the drop at map point (x, y); True when something was assigned."""

    def accept(self, event: Any) -> None:
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.DragLeave:
            self._show(None)
            return False
        if kind not in _DRAG_EVENTS:
            return False
        payload = self.read(event.mimeData())
        if payload is None:
            return False
        point = self.feature.canvas.widget_to_map(event.position())
        if kind == QEvent.Type.Drop:
            self._show(None)
            if self.drop(payload, point.x(), point.y(), event):
                self.accept(event)
            else:
                event.ignore()
            return True
        geometry = self.target(point.x(), point.y(), payload)
        self._show(geometry)
        if geometry is not None or self.accept_anywhere or kind == QEvent.Type.DragEnter:
            self.accept(event)  # enter is always taken so moves keep coming
        else:
            event.ignore()
        return True

    def _show(self, geometry: shapely.Geometry | None) -> None:
        canvas = self.feature.canvas
        if self.highlight is not None:
            canvas.remove_item(self.highlight)
            self.highlight = None
        if geometry is not None:
            self.highlight = DropHighlight(geometry)
            canvas.add_item(self.highlight)

"""Map tools for service centres: place one by click, move one by drag, delete one.

The tools only emit results; the coverage feature turns them into undo
commands and, while a centre is dragged, feeds every intermediate position
to a :class:`~gridplanner.analysis.network.coverage_session.CoverageSession` so the
shading and the tallies follow the mouse.

* :class:`PlaceCentreTool` — a left click emits ``centrePlaced(x, y)``.
* :class:`MoveCentreTool` — press on a centre (within a few pixels), drag,
  release: ``dragStarted(fid)``, ``dragMoved(fid, x, y)`` per mouse move,
  ``centreMoved(fid, x, y)`` on release; Escape emits ``dragCancelled(fid)``;
  a double click on a centre emits ``centreDoubleClicked(fid)`` (edit it).
  A ghost marker and a line from the old place show the move.
* :class:`DeleteCentreTool` — a click on a centre emits ``centrePicked(fid)``.
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QPainter, QPen

from gridplanner.qt.map.tools.base import MapMouseEvent, MapTool

#: how close (screen pixels) a click must be to pick a centre
PICK_PIXELS = 10.0
LEFT = Qt.MouseButton.LeftButton


def centre_at(canvas, x: float, y: float, pixels: float = PICK_PIXELS) -> int | None:
    """The fid of the centre nearest (x, y) within ``pixels`` screen pixels, or None."""
    plan = canvas.plan
    if plan is None or len(plan.centres) == 0:
        return None
    frame = plan.centres.frame
    geoms = np.asarray(frame.geometry.values, dtype=object)
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if not ok.any():
        return None
    d = shapely.distance(geoms[ok], shapely.Point(x, y))
    i = int(np.argmin(d))
    if d[i] > pixels * canvas.pixel_size():
        return None
    return int(np.asarray(frame.index)[ok][i])


class PlaceCentreTool(MapTool):
    """Click to place a new centre (see the module docstring)."""

    centrePlaced = Signal(float, float)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.CrossCursor)

    def press(self, e: MapMouseEvent) -> bool:
        return e.button == LEFT

    def release(self, e: MapMouseEvent) -> bool:
        if e.button != LEFT:
            return False
        self.centrePlaced.emit(e.x, e.y)
        return True


class DeleteCentreTool(MapTool):
    """Click a centre to delete it (see the module docstring)."""

    centrePicked = Signal(int)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.PointingHandCursor)

    def press(self, e: MapMouseEvent) -> bool:
        return e.button == LEFT

    def release(self, e: MapMouseEvent) -> bool:
        if e.button != LEFT:
            return False
        fid = centre_at(self.canvas, e.x, e.y)
        if fid is not None:
            self.centrePicked.emit(fid)
        return fid is not None


class DragGhost:
    """Canvas item: the dragged centre at its new place, joined to its old place."""

    def __init__(self) -> None:
        self.visible = False
        self.canvas = None
        self.start: tuple[float, float] | None = None
        self.end: tuple[float, float] | None = None

    def paint(self, painter: QPainter, canvas) -> None:
        if self.start is None or self.end is None:
            return
        a = canvas.map_to_widget(QPointF(*self.start))
        b = canvas.map_to_widget(QPointF(*self.end))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor("#7f0000"), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(a, b)
        painter.setPen(QPen(QColor("#ffffff"), 2.0))
        painter.setBrush(QColor("#d7301f"))
        painter.drawEllipse(b, 7.0, 7.0)
        painter.restore()


class MoveCentreTool(MapTool):
    """Drag a centre to a new place (see the module docstring)."""

    dragStarted = Signal(int)
    dragMoved = Signal(int, float, float)
    centreMoved = Signal(int, float, float)
    dragCancelled = Signal(int)
    centreDoubleClicked = Signal(int)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.OpenHandCursor)
        self.fid: int | None = None
        self.ghost = DragGhost()

    def press(self, e: MapMouseEvent) -> bool:
        if e.button != LEFT:
            return False
        fid = centre_at(self.canvas, e.x, e.y)
        if fid is None:
            return False
        g = self.canvas.plan.centres.geometry(fid)
        self.fid = fid
        self.ghost.start = self.ghost.end = (g.x, g.y)
        self.ghost.visible = True
        self.canvas.add_item(self.ghost)
        self.canvas.setCursor(QCursor(Qt.CursorShape.ClosedHandCursor))
        self.dragStarted.emit(fid)
        return True

    def move(self, e: MapMouseEvent) -> bool:
        if self.fid is None or not (e.buttons & LEFT):
            return False
        self.ghost.end = (e.x, e.y)
        self.dragMoved.emit(self.fid, e.x, e.y)
        self.canvas.update()
        return True

    def release(self, e: MapMouseEvent) -> bool:
        if self.fid is None or e.button != LEFT:
            return False
        fid, start = self.fid, self.ghost.start
        self._finish()
        if start is not None and (e.x, e.y) != start:
            self.centreMoved.emit(fid, e.x, e.y)
        else:
            self.dragCancelled.emit(fid)
        return True

    def double_click(self, e: MapMouseEvent) -> bool:
        fid = centre_at(self.canvas, e.x, e.y)
        if fid is not None:
            self.centreDoubleClicked.emit(fid)
        return fid is not None

    def key_press(self, e: QKeyEvent) -> bool:
        if e.key() == Qt.Key.Key_Escape and self.fid is not None:
            fid = self.fid
            self._finish()
            self.dragCancelled.emit(fid)
            return True
        return super().key_press(e)

    def reset(self) -> None:
        if self.fid is not None:
            fid = self.fid
            self._finish()
            self.dragCancelled.emit(fid)
        super().reset()

    def _finish(self) -> None:
        self.fid = None
        self.ghost.visible = False
        self.ghost.start = self.ghost.end = None
        self.canvas.remove_item(self.ghost)
        self.canvas.setCursor(self.cursor)

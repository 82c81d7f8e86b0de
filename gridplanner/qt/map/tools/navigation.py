"""Tools that move the view: pan and zoom."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QCursor

from gridplanner.qt.map.tools.base import BoxTool, MapMouseEvent, MapTool, box_between


class PanTool(MapTool):
    """Drag with the left button to move the map."""

    def __init__(self, canvas):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.OpenHandCursor)
        self._last: QPointF | None = None

    def press(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton:
            return False
        self._last = QPointF(e.pos)
        self.canvas.setCursor(Qt.CursorShape.ClosedHandCursor)
        return True

    def move(self, e: MapMouseEvent) -> bool:
        if self._last is None:
            return False
        delta = e.pos - self._last
        self._last = QPointF(e.pos)
        self.canvas.pan_by_pixels(delta.x(), delta.y())
        return True

    def release(self, e: MapMouseEvent) -> bool:
        if self._last is None:
            return False
        self._last = None
        self.canvas.setCursor(self.cursor)
        return True

    def reset(self) -> None:
        self._last = None
        super().reset()


class ZoomTool(BoxTool):
    """Click to zoom in around a point, drag a box to zoom to it; Shift zooms out."""

    zoomed = Signal(tuple)  # the new extent

    BAND_COLOUR = "#1f6fd1"
    BAND_ALPHA = 30

    def __init__(self, canvas):
        super().__init__(canvas, Qt.CursorShape.CrossCursor)

    def release(self, e: MapMouseEvent) -> bool:
        start = self.take_start()
        if start is None:
            return False
        out = bool(e.modifiers & Qt.KeyboardModifier.ShiftModifier)
        dragged = (e.pos - start.pos).manhattanLength() > 4
        if dragged and not out:
            self.canvas.set_extent(box_between(start, e))
        else:
            self.canvas.zoom_by(2.0 if out else 0.5, e.pos)
        self.reset()
        self.zoomed.emit(self.canvas.extent())
        return True

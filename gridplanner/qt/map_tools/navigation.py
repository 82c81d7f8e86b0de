"""Tools that move the view: pan and zoom."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QCursor

from gridplanner.qt.map_tools.base import MapMouseEvent, MapTool


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


class ZoomTool(MapTool):
    """Click to zoom in around a point, drag a box to zoom to it; Shift zooms out."""

    zoomed = Signal(tuple)  # the new extent

    def __init__(self, canvas):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.CrossCursor)
        self._start: MapMouseEvent | None = None
        self._band = None

    def press(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton:
            return False
        self._start = e
        return True

    def move(self, e: MapMouseEvent) -> bool:
        if self._start is None:
            return False
        if self._band is None:
            self._band = self.new_rubber_band("polygon", "#1f6fd1", 30)
        self._band.set_rect(self._start.x, self._start.y, e.x, e.y)
        return True

    def release(self, e: MapMouseEvent) -> bool:
        start, self._start = self._start, None
        if start is None:
            return False
        out = bool(e.modifiers & Qt.KeyboardModifier.ShiftModifier)
        dragged = (e.pos - start.pos).manhattanLength() > 4
        if dragged and not out:
            self.canvas.set_extent((min(start.x, e.x), min(start.y, e.y),
                                    max(start.x, e.x), max(start.y, e.y)))
        else:
            self.canvas.zoom_by(2.0 if out else 0.5, e.pos)
        self.reset()
        self.zoomed.emit(self.canvas.extent())
        return True

    def reset(self) -> None:
        self._start = None
        self._band = None
        super().reset()

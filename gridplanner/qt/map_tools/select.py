"""Tools that pick features: select (click or rectangle) and identify."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor

from gridplanner.qt.map_tools.base import MapMouseEvent, MapTool


def _mode(e: MapMouseEvent) -> str:
    if e.modifiers & Qt.KeyboardModifier.ControlModifier:
        return "toggle"
    if e.modifiers & Qt.KeyboardModifier.ShiftModifier:
        return "add"
    return "replace"


class SelectTool(MapTool):
    """Click a feature or drag a rectangle to select features of the current layer.

    Shift adds to the selection, Ctrl toggles. Emits ``rectangleDrawn`` with
    the (xmin, ymin, xmax, ymax) box and ``featuresPicked`` with the layer and
    fids it selected (the canvas's ``selectionChanged`` follows).
    """

    rectangleDrawn = Signal(tuple)
    featuresPicked = Signal(str, list)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.ArrowCursor)
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
        if (e.pos - self._start.pos).manhattanLength() <= 3:
            return True
        if self._band is None:
            self._band = self.new_rubber_band("polygon", "#e0218a", 35)
        self._band.set_rect(self._start.x, self._start.y, e.x, e.y)
        return True

    def release(self, e: MapMouseEvent) -> bool:
        start, self._start = self._start, None
        if start is None:
            return False
        mode = _mode(e)
        if (e.pos - start.pos).manhattanLength() > 3:
            box = (min(start.x, e.x), min(start.y, e.y), max(start.x, e.x), max(start.y, e.y))
            self.rectangleDrawn.emit(box)
            layer, fids = self.canvas.select_in_box(box, mode=mode)
        else:
            layer, fids = self.canvas.select_at(e.x, e.y, self.tolerance(), mode=mode)
        self.reset()
        if layer:
            self.featuresPicked.emit(layer, fids)
        return True

    def reset(self) -> None:
        self._start = None
        self._band = None
        super().reset()


class IdentifyTool(MapTool):
    """Click to identify the smallest feature under the mouse, in any visible layer."""

    featureIdentified = Signal(str, int)  # layer, fid
    nothingIdentified = Signal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.WhatsThisCursor)

    def press(self, e: MapMouseEvent) -> bool:
        return e.button == Qt.MouseButton.LeftButton

    def release(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton:
            return False
        hits = self.canvas.features_at(e.x, e.y, self.tolerance(), all_layers=True)
        if hits:
            layer, fid = hits[0]
            self.featureIdentified.emit(layer, fid)
        else:
            self.nothingIdentified.emit()
        return True

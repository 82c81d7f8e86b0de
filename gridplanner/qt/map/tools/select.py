"""Tools that pick features: select (click or rectangle) and identify."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor

from gridplanner.qt.map.tools.base import BoxTool, MapMouseEvent, MapTool, box_between


def _mode(e: MapMouseEvent) -> str:
    if e.modifiers & Qt.KeyboardModifier.ControlModifier:
        return "toggle"
    if e.modifiers & Qt.KeyboardModifier.ShiftModifier:
        return "add"
    return "replace"


class SelectTool(BoxTool):
    """Click a feature or drag a rectangle to select features of the current layer.

    Shift adds to the selection, Ctrl toggles. Emits ``rectangleDrawn`` with
    the (xmin, ymin, xmax, ymax) box and ``featuresPicked`` with the layer and
    fids it selected (the canvas's ``selectionChanged`` follows).
    """

    rectangleDrawn = Signal(tuple)
    featuresPicked = Signal(str, list)

    BAND_ALPHA = 35
    BAND_AFTER = 3  # pixels: a shorter drag is a click

    def __init__(self, canvas):
        super().__init__(canvas, Qt.CursorShape.ArrowCursor)

    def release(self, e: MapMouseEvent) -> bool:
        start = self.take_start()
        if start is None:
            return False
        mode = _mode(e)
        if (e.pos - start.pos).manhattanLength() > self.BAND_AFTER:
            box = box_between(start, e)
            self.rectangleDrawn.emit(box)
            layer, fids = self.canvas.select_in_box(box, mode=mode)
        else:
            layer, fids = self.canvas.select_at(e.x, e.y, self.tolerance(), mode=mode)
        self.reset()
        if layer:
            self.featuresPicked.emit(layer, fids)
        return True


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

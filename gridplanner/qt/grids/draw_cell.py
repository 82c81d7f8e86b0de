"""Digitise a cell outline (or a line) vertex by vertex, with snapping.

Left click adds a vertex (snapped to the nearest vertex or edge of
boundaries, streets and cells within the snapping tolerance), Backspace
removes the last one, double click / Enter / right click finishes, Escape
cancels. :class:`DrawCellTool` emits ``cellDrawn(Polygon)``;
:class:`DigitizeTool` with ``kind="line"`` is the base of the split tool.
The tool knows nothing of communities or other cells: clipping the new cell
("avoid overlap") happens where the signal is handled.
"""

from __future__ import annotations

import shapely
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor, QKeyEvent

from gridplanner.qt.map.snapping_indicator import SnapIndicator, Snapper
from gridplanner.qt.map.tools.base import MapMouseEvent, MapTool

XY = tuple[float, float]


class DigitizeTool(MapTool):
    """Click vertices of a polygon or line; emits ``digitized`` with the geometry."""

    digitized = Signal(object)  # shapely Polygon or LineString
    #: the vertex count changed (for a status message)
    vertexCountChanged = Signal(int)

    def __init__(self, canvas, kind: str = "polygon", snapper: Snapper | None = None):
        super().__init__(canvas)
        self.kind = kind
        self.cursor = QCursor(Qt.CursorShape.CrossCursor)
        self.snapper = snapper or Snapper(canvas)
        self.indicator = SnapIndicator()
        self.vertices: list[XY] = []
        self._band = None

    # -- lifecycle ------------------------------------------------------------
    def activate(self) -> None:
        super().activate()
        self.canvas.add_item(self.indicator)

    def deactivate(self) -> None:
        super().deactivate()
        self.canvas.remove_item(self.indicator)

    def reset(self) -> None:
        self.vertices = []
        self._band = None
        self.indicator.set_result(None)
        super().reset()

    # -- helpers --------------------------------------------------------------
    def snapped(self, e: MapMouseEvent) -> XY:
        """The event's map point snapped (and shown by the indicator)."""
        result = self.snapper.snap(e.x, e.y)
        self.indicator.set_result(result)
        return (result.point.x, result.point.y)

    def _show(self, cursor: XY | None = None) -> None:
        if self._band is None:
            self._band = self.new_rubber_band(self.kind, "#e0218a", 40, 1.8)
        points = list(self.vertices) + ([cursor] if cursor is not None else [])
        self._band.set_points(points)

    def geometry(self) -> shapely.Geometry | None:
        """The digitised shape so far, or None while it has too few vertices."""
        if self.kind == "polygon":
            if len(self.vertices) < 3:
                return None
            return shapely.make_valid(shapely.Polygon(self.vertices))
        return shapely.LineString(self.vertices) if len(self.vertices) >= 2 else None

    # -- events ---------------------------------------------------------------
    def press(self, e: MapMouseEvent) -> bool:
        if e.button == Qt.MouseButton.RightButton:
            self.finish()
            return True
        if e.button != Qt.MouseButton.LeftButton:
            return False
        xy = self.snapped(e)
        if not self.vertices or xy != self.vertices[-1]:
            self.vertices.append(xy)
            self.vertexCountChanged.emit(len(self.vertices))
        self._show(xy)
        return True

    def move(self, e: MapMouseEvent) -> bool:
        xy = self.snapped(e)
        if self.vertices:
            self._show(xy)
        return True

    def release(self, e: MapMouseEvent) -> bool:
        return e.button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton)

    def double_click(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton:
            return False
        self.finish()
        return True

    def key_press(self, e: QKeyEvent) -> bool:
        key = e.key()
        if key == Qt.Key.Key_Backspace:
            self.remove_last_vertex()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return True
        return super().key_press(e)

    def remove_last_vertex(self) -> None:
        if self.vertices:
            self.vertices.pop()
            self.vertexCountChanged.emit(len(self.vertices))
            self._show()

    def finish(self) -> None:
        """Emit the shape if it has enough vertices, then start afresh."""
        geometry = self.geometry()
        self.reset()
        if geometry is not None and not geometry.is_empty:
            self.digitized.emit(geometry)


class DrawCellTool(DigitizeTool):
    """Draw a new cell outline; emits ``cellDrawn(Polygon)``."""

    cellDrawn = Signal(object)

    def __init__(self, canvas, snapper: Snapper | None = None):
        super().__init__(canvas, "polygon", snapper)
        self.digitized.connect(self.cellDrawn.emit)

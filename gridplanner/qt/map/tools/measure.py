"""Measuring distance and area on the map, along the ground, with a running total.

Click to add points; the line (or polygon) follows the mouse and the total
so far plus the segment being drawn show beside the cursor and in the
``measured`` signal. A double click or a right click ends the measurement
(it stays on the map until the next click starts a new one); Escape clears
it; Backspace takes the last point back. Lengths and areas are on the
ellipsoid (:func:`gridplanner.io.locate.ground_length`), in metres and m².
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetricsF, QKeyEvent, QPainter

from gridplanner.io.locate import ground_area, ground_length
from gridplanner.qt.map.tools.base import MapMouseEvent, MapTool


def format_length(metres: float) -> str:
    """"850.3 m" or "12.35 km"."""
    return f"{metres / 1000:,.2f} km" if metres >= 10_000 else f"{metres:,.1f} m"


def format_area(square_metres: float) -> str:
    """"1,234 m²" with hectares (and km² when large)."""
    if square_metres >= 1e6:
        return f"{square_metres / 1e6:,.3f} km² ({square_metres / 1e4:,.1f} ha)"
    return f"{square_metres:,.0f} m² ({square_metres / 1e4:,.2f} ha)"


class _Label:
    """The running figures drawn beside the last point."""

    def __init__(self) -> None:
        self.visible = True
        self.text = ""
        self.at: tuple[float, float] | None = None
        self.canvas = None

    def paint(self, painter: QPainter, canvas) -> None:
        if not self.text or self.at is None:
            return
        anchor = canvas.map_to_widget(QPointF(*self.at)) + QPointF(12, -12)
        font = QFont()
        font.setPointSizeF(9)
        metrics = QFontMetricsF(font)
        lines = self.text.split("\n")
        w = max(metrics.horizontalAdvance(t) for t in lines) + 8
        h = metrics.height() * len(lines) + 4
        rect = QRectF(anchor.x(), anchor.y() - h, w, h)
        painter.save()
        painter.setPen(QColor(60, 60, 60))
        painter.setBrush(QColor(255, 255, 240, 230))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(font)
        painter.drawText(rect.adjusted(4, 2, -4, -2), int(Qt.AlignmentFlag.AlignLeft), self.text)
        painter.restore()


class MeasureTool(MapTool):
    """Measure a distance (``mode="distance"``) or an area (``mode="area"``)."""

    #: total so far (m or m²), the segment being drawn (m), a text for the status bar
    measured = Signal(float, float, str)
    #: the final total when the measurement ends
    finished = Signal(float)

    def __init__(self, canvas, mode: str = "distance"):
        super().__init__(canvas)
        if mode not in ("distance", "area"):
            raise ValueError(f"measure mode must be distance or area, not {mode!r}")
        self.mode = mode
        self.cursor = QCursor(Qt.CursorShape.CrossCursor)
        self.points: list[tuple[float, float]] = []
        self.done = False
        self._band = None
        self._label = _Label()

    def _crs(self):
        plan = getattr(self.canvas, "plan", None)
        return plan.crs if plan is not None else None

    def total(self, points: list[tuple[float, float]] | None = None) -> float:
        """Ground length (m) or area (m²) through ``points`` (default: the fixed ones)."""
        pts = self.points if points is None else points
        if self.mode == "area":
            return ground_area(pts, self._crs())
        return ground_length(pts, self._crs())

    def press(self, e: MapMouseEvent) -> bool:
        if e.button == Qt.MouseButton.RightButton:
            self._finish()
            return True
        if e.button != Qt.MouseButton.LeftButton:
            return False
        if self.done:
            self.reset()
        if self._band is None:
            self._band = self.new_rubber_band("polygon" if self.mode == "area" else "line",
                                              "#d35400", 35, 2.0)
            self.canvas.add_item(self._label)
        self.points.append((e.x, e.y))
        self._update((e.x, e.y))
        return True

    def move(self, e: MapMouseEvent) -> bool:
        if self.points and not self.done:
            self._update((e.x, e.y))
            return True
        return False

    def double_click(self, e: MapMouseEvent) -> bool:
        self._finish()
        return True

    def key_press(self, e: QKeyEvent) -> bool:
        if e.key() == Qt.Key.Key_Backspace and self.points and not self.done:
            self.points.pop()
            self._update(self.points[-1] if self.points else None)
            return True
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish()
            return True
        return super().key_press(e)

    def _update(self, cursor: tuple[float, float] | None) -> None:
        live = self.points + ([cursor] if cursor is not None and not self.done else [])
        live = list(dict.fromkeys(live)) if self.mode == "area" else live
        if self._band is not None:
            self._band.set_points(live)
        total = self.total(live)
        segment = ground_length(live[-2:], self._crs()) if len(live) >= 2 else 0.0
        text = self.describe(total, segment)
        self._label.text = text
        self._label.at = live[-1] if live else None
        self.canvas.update()
        self.measured.emit(total, segment, text.replace("\n", "  "))

    def describe(self, total: float, segment: float) -> str:
        if self.mode == "area":
            return QCoreApplication.translate("MeasureTool", "Area %1").replace(
                "%1", format_area(total))
        return (QCoreApplication.translate("MeasureTool", "Total %1").replace(
                    "%1", format_length(total)) + "\n"
                + QCoreApplication.translate("MeasureTool", "Segment %1").replace(
                    "%1", format_length(segment)))

    def _finish(self) -> None:
        if not self.points or self.done:
            return
        self.done = True
        self._update(None)
        self.finished.emit(self.total())

    def reset(self) -> None:
        self.points = []
        self.done = False
        self._band = None
        if self._label.canvas is not None:
            self.canvas.remove_item(self._label)
        self._label.text = ""
        super().reset()

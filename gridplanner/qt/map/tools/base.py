"""The map-tool base class and the mouse event tools receive.

A map tool is a small state machine that turns mouse and key events on the
canvas into a result, the way QGIS's ``QgsMapTool`` does::

    tool = DrawCellTool(canvas)          # a subclass of MapTool
    tool.cellDrawn.connect(on_drawn)     # typed signal: the tool's result
    canvas.set_map_tool(tool)            # activate(); the old tool is deactivated

Contract for subclasses
-----------------------
* ``press(e)``, ``move(e)``, ``release(e)``, ``double_click(e)`` get a
  :class:`MapMouseEvent` (widget position *and* map position, button,
  buttons, modifiers). Return True when the tool used the event; a False
  from ``press``/``move``/``release`` with the middle button or from
  ``wheel`` lets the canvas pan or zoom as usual.
* ``key_press(e)`` gets the ``QKeyEvent``; Escape calls :meth:`reset` by
  default. Return True when handled (arrow keys and +/- otherwise pan/zoom).
* ``activate()`` / ``deactivate()`` are called by the canvas; ``deactivate``
  must leave nothing behind (the default calls :meth:`reset`).
* Rubber bands and other feedback are :class:`~gridplanner.qt.map.tools.rubber_band.RubberBand`
  items the tool creates with :meth:`new_rubber_band` and owns; :meth:`reset`
  removes them from the canvas.
* The tool emits a typed ``Signal`` when it is done (``rectangleDrawn``,
  ``featuresPicked``...) and never opens dialogs or changes the plan; the
  window connects the signal to an undo command. The geometry logic behind
  a tool (snapping, splitting) belongs in a Qt-free function.
* ``cursor`` is the mouse cursor shown while the tool is active.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QWheelEvent

if TYPE_CHECKING:
    from gridplanner.qt.map.tools.canvas_api import MapCanvasLike
    from gridplanner.qt.map.tools.rubber_band import RubberBand


@dataclass
class MapMouseEvent:
    """A mouse event on the canvas, with the position in map units."""

    pos: QPointF  # widget pixels
    map: QPointF  # plan CRS units (metres), y up
    button: Qt.MouseButton
    buttons: Qt.MouseButton
    modifiers: Qt.KeyboardModifier

    @property
    def x(self) -> float:
        return self.map.x()

    @property
    def y(self) -> float:
        return self.map.y()


class MapTool(QObject):
    """Base class of every map tool (see the module docstring for the contract)."""

    activated = Signal()
    deactivated = Signal()

    def __init__(self, canvas: MapCanvasLike):
        super().__init__(canvas)
        self.canvas = canvas
        self.cursor = QCursor(Qt.CursorShape.ArrowCursor)
        self._bands: list[RubberBand] = []
        self.active = False

    # -- lifecycle (called by the canvas) ------------------------------------
    def activate(self) -> None:
        self.active = True
        self.canvas.setCursor(self.cursor)
        self.activated.emit()

    def deactivate(self) -> None:
        self.reset()
        self.active = False
        self.deactivated.emit()

    def reset(self) -> None:
        """Drop any half-done state and remove the tool's rubber bands."""
        for band in self._bands:
            self.canvas.remove_item(band)
        self._bands.clear()

    # -- events (override what the tool needs) -------------------------------
    def press(self, e: MapMouseEvent) -> bool:
        return False

    def move(self, e: MapMouseEvent) -> bool:
        return False

    def release(self, e: MapMouseEvent) -> bool:
        return False

    def double_click(self, e: MapMouseEvent) -> bool:
        return False

    def wheel(self, e: QWheelEvent) -> bool:
        return False

    def key_press(self, e: QKeyEvent) -> bool:
        if e.key() == Qt.Key.Key_Escape:
            self.reset()
            return True
        return False

    # -- helpers -------------------------------------------------------------
    def new_rubber_band(self, kind: str = "polygon", colour: str = "#e0218a",
                        fill_alpha: int = 40, width: float = 1.5) -> RubberBand:
        """A rubber band owned by this tool, already on the canvas."""
        from gridplanner.qt.map.tools.rubber_band import RubberBand

        band = RubberBand(kind, QColor(colour), fill_alpha, width)
        self._bands.append(band)
        self.canvas.add_item(band)
        return band

    def tolerance(self, pixels: float = 4.0) -> float:
        """``pixels`` screen pixels in map units at the current zoom."""
        return pixels * self.canvas.pixel_size()


def box_between(a: MapMouseEvent, b: MapMouseEvent) -> tuple[float, float, float, float]:
    """The (xmin, ymin, xmax, ymax) map box with corners at two mouse events."""
    return (min(a.x, b.x), min(a.y, b.y), max(a.x, b.x), max(a.y, b.y))


class BoxTool(MapTool):
    """Base of the tools that drag a box with the left button (zoom box, select box).

    ``press`` remembers the start and ``move`` shows the box as a rubber band
    in ``BAND_COLOUR``, once the mouse has moved more than ``BAND_AFTER``
    pixels (0: at once). Subclasses finish the drag in ``release``, taking
    the start with :meth:`take_start`.
    """

    BAND_COLOUR = "#e0218a"
    BAND_ALPHA = 40
    BAND_AFTER = 0

    def __init__(self, canvas: MapCanvasLike, cursor: Qt.CursorShape):
        super().__init__(canvas)
        self.cursor = QCursor(cursor)
        self._start: MapMouseEvent | None = None
        self._band: RubberBand | None = None

    def press(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton:
            return False
        self._start = e
        return True

    def move(self, e: MapMouseEvent) -> bool:
        if self._start is None:
            return False
        if self.BAND_AFTER and (e.pos - self._start.pos).manhattanLength() <= self.BAND_AFTER:
            return True
        if self._band is None:
            self._band = self.new_rubber_band("polygon", self.BAND_COLOUR, self.BAND_ALPHA)
        self._band.set_rect(self._start.x, self._start.y, e.x, e.y)
        return True

    def take_start(self) -> MapMouseEvent | None:
        """The press that began the drag (None if none did); the drag is over."""
        start, self._start = self._start, None
        return start

    def reset(self) -> None:
        self._start = None
        self._band = None
        super().reset()

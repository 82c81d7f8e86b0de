"""Paint buildings into a cell: click, brush or lasso.

* click on a building: that building;
* drag: a brush of ``radius_px`` screen pixels (the circle follows the
  mouse; ``[`` and ``]`` or Ctrl+wheel change it) takes every building it
  touches;
* Shift+drag: a lasso takes the buildings whose representative point lies
  inside it;
* Ctrl+click, or a click on no building, picks the cell under the mouse as
  the one to paint into (``cellPicked(fid)``).

One stroke emits one ``buildingsPainted(list of building fids)``; the
window turns it into one undo command for the current cell. The selection
geometry (brush, lasso) is Qt-free, in :mod:`gridplanner.analysis.grids.painting`.
"""

from __future__ import annotations

import shapely
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QPainter, QPen, QWheelEvent

from gridplanner.analysis.grids.painting import buildings_in_lasso, buildings_in_stroke
from gridplanner.qt.map.tools.base import MapMouseEvent, MapTool

XY = tuple[float, float]


class BrushCircle:
    """Canvas item: the brush outline at the mouse position."""

    def __init__(self) -> None:
        self.visible = True
        self.canvas = None
        self.centre: QPointF | None = None
        self.radius_px = 20.0

    def paint(self, painter: QPainter, canvas) -> None:
        if self.centre is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#e6007e"), 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(230, 0, 126, 30))
        painter.drawEllipse(self.centre, self.radius_px, self.radius_px)
        painter.restore()


class PaintTool(MapTool):
    """Click, brush or lasso buildings into the current cell (see the module docstring)."""

    buildingsPainted = Signal(list)
    cellPicked = Signal(int)
    radiusChanged = Signal(float)

    def __init__(self, canvas, radius_px: float = 20.0):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.CrossCursor)
        self.circle = BrushCircle()
        self.circle.radius_px = radius_px
        self._path: list[XY] = []
        self._start: QPointF | None = None
        self._lasso = False
        self._band = None
        self._hits: set[int] = set()
        self._dragged = False

    @property
    def radius_px(self) -> float:
        return self.circle.radius_px

    def set_radius(self, pixels: float) -> None:
        radius = float(min(max(pixels, 2.0), 200.0))
        if radius != self.circle.radius_px:
            self.circle.radius_px = radius
            self.radiusChanged.emit(radius)
            self.canvas.update()

    def activate(self) -> None:
        super().activate()
        self.canvas.add_item(self.circle)

    def deactivate(self) -> None:
        super().deactivate()
        self.circle.centre = None
        self.canvas.remove_item(self.circle)

    def reset(self) -> None:
        self._path = []
        self._start = None
        self._lasso = False
        self._band = None
        self._hits = set()
        super().reset()

    # -- finding buildings ----------------------------------------------------
    def _buildings(self):
        plan = self.canvas.plan
        if plan is None or len(plan.buildings) == 0:
            return None
        return self.canvas.map_painter.cache(plan, "buildings")

    def buildings_at(self, x: float, y: float) -> list[int]:
        """The smallest building under (x, y) (within a few pixels)."""
        hits = self.canvas.features_at(x, y, self.tolerance(3), all_layers=True)
        return [fid for layer, fid in hits if layer == "buildings"][:1]

    def _brush_hits(self, path: list[XY]) -> set[int]:
        cache = self._buildings()
        if cache is None or not path:
            return set()
        radius = self.tolerance(self.radius_px)
        xs, ys = zip(*path, strict=True)
        box = (min(xs) - radius, min(ys) - radius, max(xs) + radius, max(ys) + radius)
        near = cache.query(box)
        pos = near[buildings_in_stroke(cache.geoms[near], path[-2:], radius)]
        return {int(f) for f in cache.fids[pos]}

    def _lasso_hits(self, ring: list[XY]) -> list[int]:
        cache = self._buildings()
        if cache is None or len(ring) < 3:
            return []
        xs, ys = zip(*ring, strict=True)
        near = cache.query((min(xs), min(ys), max(xs), max(ys)))
        pos = near[buildings_in_lasso(cache.geoms[near], ring)]
        return sorted(int(f) for f in cache.fids[pos])

    def _pick_cell(self, x: float, y: float) -> None:
        hits = self.canvas.features_at(x, y, 0.0, all_layers=True)
        cells = [fid for layer, fid in hits if layer == "cells"]
        if cells:
            self.cellPicked.emit(cells[0])

    # -- events ---------------------------------------------------------------
    def press(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton:
            return False
        self._start = QPointF(e.pos)
        self._lasso = bool(e.modifiers & Qt.KeyboardModifier.ShiftModifier)
        self._path = [(e.x, e.y)]
        self._hits = set()
        self._dragged = False
        return True

    def move(self, e: MapMouseEvent) -> bool:
        self.circle.centre = None if self._lasso and self._start is not None else QPointF(e.pos)
        self.canvas.update()
        if self._start is None:
            return True
        self._path.append((e.x, e.y))
        self._dragged |= (e.pos - self._start).manhattanLength() > 3
        if self._band is None:
            kind = "polygon" if self._lasso else "points"
            self._band = self.new_rubber_band(kind, "#e6007e", 35, 1.5)
        if self._lasso:
            self._band.set_points(self._path)
        else:
            self._hits |= self._brush_hits(self._path)
            self._show_hits()
        return True

    def _show_hits(self) -> None:
        cache = self._buildings()
        if cache is None or self._band is None:
            return
        pos = cache.positions_of(sorted(self._hits))
        points = shapely.get_coordinates(shapely.point_on_surface(cache.geoms[pos]))
        self._band.set_points([tuple(p) for p in points])

    def release(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton or self._start is None:
            return False
        dragged = self._dragged or (e.pos - self._start).manhattanLength() > 3
        lasso, path, hits = self._lasso, self._path + [(e.x, e.y)], set(self._hits)
        self.reset()
        if not dragged:
            if e.modifiers & Qt.KeyboardModifier.ControlModifier:
                self._pick_cell(e.x, e.y)
                return True
            found = self.buildings_at(e.x, e.y)
            if found:
                self.buildingsPainted.emit(found)
            else:
                self._pick_cell(e.x, e.y)
            return True
        fids = self._lasso_hits(path) if lasso else sorted(hits | self._brush_hits(path))
        if fids:
            self.buildingsPainted.emit(fids)
        return True

    def wheel(self, e: QWheelEvent) -> bool:
        if not e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        self.set_radius(self.radius_px * (1.2 if e.angleDelta().y() > 0 else 1 / 1.2))
        return True

    def key_press(self, e: QKeyEvent) -> bool:
        if e.key() == Qt.Key.Key_BracketRight:
            self.set_radius(self.radius_px * 1.25)
            return True
        if e.key() == Qt.Key.Key_BracketLeft:
            self.set_radius(self.radius_px / 1.25)
            return True
        return super().key_press(e)


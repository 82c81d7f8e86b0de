"""How grid cells look on the canvas while editing: status colours, paint, code labels.

* Status colours: a canvas item fills each cell with the colour of its
  household status (below / within / above the range), from the tallies
  dock's numbers, so the map and the dock always agree.
* Paint view: while the paint tool is active, buildings are drawn in a
  darker shade of the colour of the cell they were painted into (the cells
  layer colours cells by fid from the same palette), and the cell being
  painted is outlined.
* Code labels: the cells layer's label field is "code" or nothing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from gridplanner.model.layer import LayerChange
from gridplanner.model.plan import Plan
from gridplanner.qt.grids.commands import PAINT_COLUMN
from gridplanner.qt.grids.tallies_dock import STATUS_COLOURS, TalliesDock
from gridplanner.render.styles import CELL_PALETTE, MapStyle


class StatusOverlay:
    """Canvas item: cells filled by household status; ``paint_cell`` outlined."""

    def __init__(self, view: GridView):
        self.view = view
        self.visible = True
        self.canvas = None
        self.show_status = False
        self.paint_cell: int | None = None
        self._key = None
        self._paths: dict[str, QPainterPath] = {}

    def _status_paths(self, canvas) -> dict[str, QPainterPath]:
        frame = self.view.tallies.model.frame
        caches = canvas.map_painter.caches
        key = (caches.generation, id(frame), len(frame))
        if key != self._key:
            cache = canvas.map_painter.cache(canvas.plan, "cells")
            self._paths = {}
            for status in STATUS_COLOURS:
                fids = [int(f) for f in frame.index[frame["status"].astype(str) == status]]
                self._paths[status] = cache.path_of(cache.positions_of(fids))
            self._key = key
        return self._paths

    def paint(self, painter: QPainter, canvas) -> None:
        if canvas.plan is None or len(canvas.plan.cells) == 0:
            return
        painter.save()
        painter.setTransform(canvas.transform())
        if self.show_status:
            painter.setPen(Qt.PenStyle.NoPen)
            for status, path in self._status_paths(canvas).items():
                colour = QColor(STATUS_COLOURS[status])
                colour.setAlpha(150)
                painter.setBrush(colour)
                painter.drawPath(path)
        if self.paint_cell is not None:
            cache = canvas.map_painter.cache(canvas.plan, "cells")
            pos = cache.positions_of([self.paint_cell])
            if len(pos):
                pen = QPen(QColor("#e6007e"), 3.0)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(cache.path_of(pos))
        painter.restore()


def painted_buildings_style(base: MapStyle, cell_fids: list[int]) -> MapStyle:
    """The buildings style with painted buildings in a dark shade of their cell's colour."""
    style = base.copy()
    style.category_field = PAINT_COLUMN
    style.categories = {}
    for fid in cell_fids:
        colour = QColor(CELL_PALETTE[int(fid) % len(CELL_PALETTE)]).darker(150).name()
        style.categories[str(int(fid))] = base.with_(fill=colour, outline="#303030",
                                                     outline_width=0.8)
    return style


class GridView:
    """Keeps the canvas's look of cells in step with the toggles and the plan."""

    def __init__(self, canvas, tallies: TalliesDock):
        self.canvas = canvas
        self.tallies = tallies
        self.plan: Plan | None = None
        self.overlay = StatusOverlay(self)
        self.canvas.add_item(self.overlay)
        self._paint = False
        self._saved_buildings: MapStyle | None = None
        self._saved_cells_fill: tuple | None = None
        tallies.model.modelReset.connect(self.canvas.update)
        tallies.model.dataChanged.connect(lambda *_: self._invalidate())

    def _invalidate(self) -> None:
        self.overlay._key = None
        self.canvas.update()

    def set_plan(self, plan: Plan) -> None:
        if self.plan is not None:
            self.plan.layer_changed.disconnect(self._layer_changed)
        self.plan = plan
        plan.layer_changed.connect(self._layer_changed)
        self.overlay.paint_cell = None
        self._invalidate()

    def _layer_changed(self, change: LayerChange) -> None:
        if change.layer == "cells" and self._paint and change.kind in ("added", "removed",
                                                                       "reset"):
            self._apply_paint_style()

    def show_status(self, on: bool) -> None:
        """Fill cells by household status (their palette fill is hidden meanwhile)."""
        self.overlay.show_status = on
        style = self.canvas.styles["cells"]
        if on:
            self._saved_cells_fill = (style.fill, style.palette)
            style.fill, style.palette = None, ()
        elif self._saved_cells_fill is not None:
            style.fill, style.palette = self._saved_cells_fill
        self.canvas.refresh(0)

    def show_codes(self, on: bool) -> None:
        self.canvas.styles["cells"].label_field = "code" if on else None
        self.canvas.refresh(0)

    def show_paint(self, on: bool) -> None:
        """Show (or stop showing) which cell every building was painted into."""
        self._paint = on
        if on:
            self._saved_buildings = self.canvas.styles["buildings"]
            self.overlay.paint_cell = self.tallies.paint_cell()
            self._apply_paint_style()
        else:
            if self._saved_buildings is not None:
                self.canvas.styles["buildings"] = self._saved_buildings
            self.overlay.paint_cell = None
            self.canvas.refresh(0)

    def _apply_paint_style(self) -> None:
        if self.plan is None or self._saved_buildings is None:
            return
        fids = [int(f) for f in np.asarray(self.plan.cells.frame.index)]
        self.canvas.styles["buildings"] = painted_buildings_style(self._saved_buildings, fids)
        self.canvas.refresh(0)

    def set_paint_cell(self, fid: int) -> None:
        self.overlay.paint_cell = int(fid) if self._paint else None
        self.canvas.update()

"""Edit cell vertices: drag, add (double click an edge), delete (select + Delete).

Topological editing: a vertex shared by neighbouring cells moves in all of
them, and a cell whose edge passes through the dragged vertex gets a vertex
there first, so neighbours stay glued together (the geometry is
:func:`gridplanner.analysis.grids.editing.move_vertex`). While dragging, the
tool shows the new outlines and emits ``previewChanged({fid: geometry})``
so the tallies can follow; on release it emits
``geometriesEdited({fid: geometry}, kind)`` with kind "move", "insert" or
"delete". Edits that would make a cell invalid emit ``editFailed(message)``.
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QPainter, QPen

from gridplanner.analysis.grids.editing import (
    delete_shared_vertex,
    insert_shared_vertex,
    move_vertex,
)
from gridplanner.analysis.grids.painting import nearest_edge_point, nearest_vertex
from gridplanner.errors import AnalysisError
from gridplanner.qt.map.snapping_indicator import SnapIndicator, Snapper
from gridplanner.qt.map.tools.base import MapMouseEvent, MapTool

XY = tuple[float, float]
#: vertices closer than this (metres) are the same vertex
SHARED_TOLERANCE = 0.01
PICK_PX = 8.0


class VertexMarkers:
    """Canvas item: small squares on the vertices of the cells being edited."""

    def __init__(self) -> None:
        self.visible = True
        self.canvas = None
        self.vertices = np.empty((0, 2))
        self.current: XY | None = None

    def paint(self, painter: QPainter, canvas) -> None:
        if len(self.vertices) > 4000:
            return
        painter.save()
        painter.setPen(QPen(QColor("#b0005a"), 1.0))
        painter.setBrush(QColor(255, 255, 255, 220))
        for x, y in self.vertices:
            p = canvas.map_to_widget(QPointF(x, y))
            painter.drawRect(QRectF(p.x() - 3, p.y() - 3, 6, 6))
        if self.current is not None:
            p = canvas.map_to_widget(QPointF(*self.current))
            painter.setBrush(QColor("#e6007e"))
            painter.drawRect(QRectF(p.x() - 5, p.y() - 5, 10, 10))
        painter.restore()


class VertexTool(MapTool):
    """Drag, add and delete vertices of cells (see the module docstring)."""

    previewChanged = Signal(object)
    geometriesEdited = Signal(object, str)
    editFailed = Signal(str)

    def __init__(self, canvas, snapper: Snapper | None = None):
        super().__init__(canvas)
        self.cursor = QCursor(Qt.CursorShape.PointingHandCursor)
        self.snapper = snapper or Snapper(canvas)
        self.indicator = SnapIndicator()
        self.markers = VertexMarkers()
        self.selected: XY | None = None
        self._drag_from: XY | None = None
        self._press_pos: QPointF | None = None
        self._cells: dict[int, shapely.Geometry] = {}
        self._preview: dict[int, shapely.Geometry] = {}

    # -- lifecycle ------------------------------------------------------------
    def activate(self) -> None:
        super().activate()
        self.canvas.add_item(self.markers)
        self.canvas.add_item(self.indicator)

    def deactivate(self) -> None:
        super().deactivate()
        self.canvas.remove_item(self.markers)
        self.canvas.remove_item(self.indicator)

    def reset(self) -> None:
        had_preview = bool(self._preview)
        self._drag_from = None
        self._press_pos = None
        self._preview = {}
        if had_preview:
            self.previewChanged.emit({})  # a drag given up: the tallies show the plan again
        self.indicator.set_result(None)
        super().reset()

    def refresh_markers(self) -> None:
        """After the cells changed (an edit, an undo): markers on the vertices as
        they are now; the selected vertex is dropped when no cell has it any more."""
        if self.selected is None and not len(self.markers.vertices):
            return
        if self.selected is not None:
            x, y = self.selected
            if nearest_vertex(list(self.cells_near(x, y, 1e-6).values()), (x, y), 1e-6) is None:
                self.selected = None
        if self.selected is not None:
            self._show_markers(*self.selected)
            return
        self.markers.current = None
        self.markers.vertices = np.empty((0, 2))
        self.canvas.update()

    # -- finding things -------------------------------------------------------
    def cells_near(self, x: float, y: float, distance: float) -> dict[int, shapely.Geometry]:
        """Cells within ``distance`` of (x, y), by fid."""
        plan = self.canvas.plan
        if plan is None or len(plan.cells) == 0:
            return {}
        cache = self.canvas.map_painter.cache(plan, "cells")
        hits = cache.tree.query(shapely.Point(x, y), predicate="dwithin", distance=distance)
        return {int(cache.fids[h]): cache.geoms[h] for h in hits
                if cache.geoms[h] is not None and not cache.geoms[h].is_empty}

    def vertex_at(self, x: float, y: float) -> XY | None:
        """The nearest cell vertex within the pick tolerance, or None."""
        tol = self.tolerance(PICK_PX)
        return nearest_vertex(list(self.cells_near(x, y, tol).values()), (x, y), tol)

    def _show_markers(self, x: float, y: float) -> None:
        cells = self.cells_near(x, y, self.tolerance(60))
        geoms = np.asarray(list(cells.values()), dtype=object)
        self.markers.vertices = shapely.get_coordinates(geoms) if len(geoms) else np.empty((0, 2))
        self.markers.current = self.selected
        self.canvas.update()

    # -- events ---------------------------------------------------------------
    def press(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton:
            return False
        vertex = self.vertex_at(e.x, e.y)
        self.selected = vertex
        self.markers.current = vertex
        if vertex is not None:
            self._drag_from = vertex
            self._press_pos = QPointF(e.pos)
            self._cells = self.cells_near(vertex[0], vertex[1], SHARED_TOLERANCE)
            self.snapper.exclude_cells = set(self._cells)
        self.canvas.update()
        return True

    def move(self, e: MapMouseEvent) -> bool:
        if self._drag_from is None:
            self._show_markers(e.x, e.y)
            return True
        if (e.pos - self._press_pos).manhattanLength() <= 2:
            return True
        to = self._target(e)
        self._preview = move_vertex(self._cells, self._drag_from, to, SHARED_TOLERANCE,
                                    check=False)
        self._show_preview()
        self.previewChanged.emit(dict(self._preview))
        return True

    def _target(self, e: MapMouseEvent) -> XY:
        result = self.snapper.snap(e.x, e.y)
        self.indicator.set_result(result)
        return (result.point.x, result.point.y)

    def _show_preview(self) -> None:
        for band in self._bands:
            self.canvas.remove_item(band)
        self._bands.clear()
        for geom in self._preview.values():
            for part in shapely.get_parts(geom):
                band = self.new_rubber_band("polygon", "#e0218a", 30, 1.5)
                band.set_geometry(part)

    def release(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton or self._drag_from is None:
            return False
        start, moved = self._drag_from, (e.pos - self._press_pos).manhattanLength() > 2
        to = self._target(e) if moved else start
        cells = self._cells
        self._preview = {}  # the edit below (or its failure) ends the preview
        self.reset()
        self.snapper.exclude_cells = set()
        if moved and to != start:
            try:
                edited = move_vertex(cells, start, to, SHARED_TOLERANCE, check=True)
            except AnalysisError as exc:
                self.previewChanged.emit({})
                self.editFailed.emit(str(exc))
                return True
            self.selected = to
            self.markers.current = to
            self.geometriesEdited.emit(edited, "move")
        self.previewChanged.emit({})
        return True

    def double_click(self, e: MapMouseEvent) -> bool:
        if e.button != Qt.MouseButton.LeftButton:
            return False
        near = self.cells_near(e.x, e.y, self.tolerance(PICK_PX))
        xy = nearest_edge_point(list(near.values()), (e.x, e.y))
        if xy is None:
            return True
        edited = insert_shared_vertex(self.cells_near(xy[0], xy[1], SHARED_TOLERANCE), xy,
                                      SHARED_TOLERANCE)
        if edited:
            self.selected = xy
            self.geometriesEdited.emit(edited, "insert")
        return True

    def key_press(self, e: QKeyEvent) -> bool:
        if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected is not None:
            self.delete_selected()
            return True
        return super().key_press(e)

    def delete_selected(self) -> None:
        """Remove the selected vertex from every cell that has it."""
        xy = self.selected
        if xy is None:
            return
        try:
            edited = delete_shared_vertex(self.cells_near(xy[0], xy[1], SHARED_TOLERANCE), xy,
                                          SHARED_TOLERANCE)
        except AnalysisError as exc:
            self.editFailed.emit(str(exc))
            return
        self.selected = None
        self.markers.current = None
        if edited:
            self.geometriesEdited.emit(edited, "delete")

"""The Grids feature of the window: draw, edit, paint, generate, number, validate cells.

Installs the "Grids" menu and toolbar, the tallies and findings docks, and
the cell map tools (draw, vertex, split, paint). Tools only emit results;
this module turns each into an undo command on ``window.undo_stack`` after
the Qt-free geometry (:mod:`gridplanner.analysis.grids.editing`,
:mod:`gridplanner.analysis.grids.painting`) has done its work. Dialogs go
through ``ask_*`` methods that tests replace. Map look (status colours,
painted buildings, code labels) is in :mod:`gridplanner.qt.grids.view`.
"""

from __future__ import annotations

import geopandas as gpd
import shapely
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer

from gridplanner.analysis.findings import WARNING, Finding
from gridplanner.analysis.grids import editing as ce
from gridplanner.analysis.grids import painting as cx
from gridplanner.errors import GridPlannerError
from gridplanner.model.schema import CellKind
from gridplanner.qt.grids import commands as gc
from gridplanner.qt.grids.actions import GRID_ACTIONS, MENU, TOOLBAR, TOOLS
from gridplanner.qt.grids.draw_cell import DrawCellTool
from gridplanner.qt.grids.icons import PAINTERS, grid_icon
from gridplanner.qt.grids.paint_tool import PaintTool
from gridplanner.qt.grids.split_tool import SplitTool
from gridplanner.qt.grids.tallies_dock import TalliesDock
from gridplanner.qt.grids.vertex_tool import VertexTool
from gridplanner.qt.grids.view import GridView
from gridplanner.qt.map.snapping_indicator import Snapper
from gridplanner.qt.shell.actions import build_actions, retranslate_actions
from gridplanner.qt.shell.features import follow_plan, join_tool_group
from gridplanner.qt.shell.findings_dock import FindingsDock


class GridFeature(QObject):
    """Everything the window does with grid cells (see the module docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.snapper = Snapper(self.canvas)
        self.tools = {"draw_cell": DrawCellTool(self.canvas, self.snapper),
                      "vertex": VertexTool(self.canvas, self.snapper),
                      "split": SplitTool(self.canvas, self.snapper),
                      "paint": PaintTool(self.canvas)}
        self.actions = build_actions(self, GRID_ACTIONS)
        self.tallies = TalliesDock(window)
        self.findings = FindingsDock(self.canvas, window, "GridFindingsDock")
        self.view = GridView(self.canvas, self.tallies)
        self._build_ui()
        self._connect()
        self._validated = False  # the findings dock shows a validation (not generation notes)
        self._recheck = QTimer(self, singleShot=True, interval=250)
        self._recheck.timeout.connect(self._check)
        window.undo_stack.indexChanged.connect(self._after_edit)
        follow_plan(window, self.set_plan)

    # -- building -------------------------------------------------------------
    def _build_ui(self) -> None:
        w = self.window
        join_tool_group(w, [self.actions[name] for name in TOOLS.values()])
        for name in ("avoid_overlap", "snapping", "auto_rebuild", "code_labels"):
            self.actions[name].setChecked(True)
        for name in PAINTERS:
            self.actions[name].setIcon(grid_icon(name))
        menu = w.feature_menu(QT_TRANSLATE_NOOP("MainWindow", "&Grids"))
        for entry in MENU:
            menu.addSeparator() if entry == "-" else menu.addAction(self.actions[entry])
        menu.addSeparator()
        menu.addAction(self.tallies.toggleViewAction())
        menu.addAction(self.findings.toggleViewAction())
        self.toolbar = w.addToolBar(QCoreApplication.translate("MainWindow", "Grids"))
        self.toolbar.setObjectName("GridsToolBar")
        for entry in TOOLBAR:
            self.toolbar.addSeparator() if entry == "-" else \
                self.toolbar.addAction(self.actions[entry])
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tallies)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings)
        w.tabifyDockWidget(w.attribute_dock, self.findings)
        w.attribute_dock.raise_()
        w.resizeDocks([self.tallies], [400], Qt.Orientation.Horizontal)
        w.resizeDocks([self.tallies], [430], Qt.Orientation.Vertical)

    def _connect(self) -> None:
        t = self.tools
        t["draw_cell"].cellDrawn.connect(self.add_drawn_cell)
        t["vertex"].geometriesEdited.connect(self.apply_vertex_edit)
        t["vertex"].previewChanged.connect(self.tallies.show_preview)
        t["vertex"].editFailed.connect(self.message)
        t["split"].splitLineDrawn.connect(self.split_along)
        t["paint"].buildingsPainted.connect(self.paint_buildings)
        t["paint"].cellPicked.connect(self.tallies.set_paint_cell)
        t["paint"].radiusChanged.connect(self.tallies.set_brush_radius)
        self.tallies.brushRadiusChanged.connect(t["paint"].set_radius)
        t["paint"].activated.connect(lambda: self.view.show_paint(True))
        t["paint"].deactivated.connect(lambda: self.view.show_paint(False))
        self.tallies.cellActivated.connect(self._cell_activated)
        self.tallies.newCellRequested.connect(self.new_empty_cell)
        self.tallies.paintCellChanged.connect(self.view.set_paint_cell)
        self.canvas.selectionChanged.connect(self._selection_changed)

    def retranslate(self) -> None:
        """Called by the window on a language switch."""
        retranslate_actions(self.actions, GRID_ACTIONS)
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Grids"))

    def set_plan(self, plan) -> None:
        self.plan = plan
        self.tallies.set_plan(plan)
        self.findings.set_findings([])
        self._validated = False
        self.view.set_plan(plan)

    # -- helpers --------------------------------------------------------------
    def message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def push(self, command) -> None:
        self.window.undo_stack.push(command)

    def selected_cells(self) -> list[int]:
        return self.canvas.selection("cells")

    def use_tool(self, name: str) -> None:
        """Make one of the grid tools active (and check its action)."""
        self.canvas.set_map_tool(self.tools[name])
        self.canvas.set_current_layer("cells")
        action = self.actions[TOOLS[name]]
        action.setChecked(True)
        self.canvas.setFocus()
        if action.statusTip():
            self.message(action.statusTip())

    def _cell_activated(self, fid: int) -> None:
        self.canvas.set_current_layer("cells")
        self.canvas.set_selection("cells", [fid])
        self.canvas.zoom_to_selection()

    def _selection_changed(self, layer: str, fids: list) -> None:
        if layer == "cells":
            self.tallies.select_cell(fids[0] if fids else None)

    # -- drawing and editing ---------------------------------------------------
    def add_drawn_cell(self, polygon) -> int | None:
        """Add a drawn outline as a cell (clipped when "avoid overlap" is on)."""
        community = cx.community_at(polygon, self.plan.communities())
        shape = polygon
        if self.actions["avoid_overlap"].isChecked():
            area = cx.community_geometry(self.plan, community) if community else None
            try:
                shape = ce.clip_new_cell(polygon, list(self.plan.cells.frame.geometry.values),
                                         area)
            except GridPlannerError as exc:
                self.message(str(exc))
                return None
        parts = cx.polygon_parts(shape)
        if not parts:
            self.message(self.tr("The outline has no area."))
            return None
        if len(parts) > 1:
            self.message(self.tr("The free space is in %1 pieces; the largest became the cell.")
                         .replace("%1", str(len(parts))))
        rows = gpd.GeoDataFrame({"community": [community], "kind": [CellKind.COMPREHENSIVE.value],
                                 "name": [""]}, geometry=[parts[0]], crs=self.plan.crs)
        rows["code"] = cx.codes_for_new_cells(self.plan, rows)
        command = gc.AddCellsCommand(self.plan, rows, self.tr("Draw cell"))
        self.push(command)
        self.canvas.set_selection("cells", command.fids)
        return command.fids[0]

    def apply_vertex_edit(self, geometries: dict, kind: str) -> None:
        texts = {"move": self.tr("Move vertex"), "insert": self.tr("Add vertex"),
                 "delete": self.tr("Delete vertex")}
        self.push(gc.SetCellGeometriesCommand(self.plan, geometries, texts.get(kind, "")))

    def split_along(self, line) -> bool:
        """Split the selected cell (else the cell the line crosses) along ``line``."""
        frame = self.plan.cells.frame
        crossed = [int(f) for f, g in zip(frame.index, frame.geometry.values, strict=True)
                   if g is not None and g.intersects(line)]
        fids = [f for f in self.selected_cells() if f in crossed] or crossed
        last = self.tr("The line crosses no cell.")
        for fid in fids:
            try:
                pieces = ce.split_polygon(frame.at[fid, "geometry"], line)
            except GridPlannerError as exc:
                last = str(exc)
                continue
            rows = gpd.GeoDataFrame({"community": [frame.at[fid, "community"]] * (len(pieces) - 1)},
                                    geometry=pieces[1:], crs=self.plan.crs)
            cells = {int(f): g for f, g in zip(frame.index, frame.geometry.values, strict=True)
                     if g is not None}
            self.push(gc.split_command(self.plan, fid, pieces,
                                       [""] + cx.codes_for_new_cells(self.plan, rows),
                                       ce.glue_neighbours(cells, fid, pieces)))
            return True
        self.message(last)
        return False

    def action_merge(self) -> None:
        fids = self.selected_cells()
        frame = self.plan.cells.frame
        if len({str(frame.at[f, "community"]) for f in fids}) > 1:
            self.message(self.tr("Cells of different communities cannot be merged."))
            return
        try:
            merged = ce.merge_polygons([frame.at[f, "geometry"] for f in fids])
        except GridPlannerError as exc:
            self.message(str(exc))
            return
        keep = max(fids, key=lambda f: frame.at[f, "geometry"].area)
        self.push(gc.merge_command(self.plan, [keep] + [f for f in fids if f != keep], merged))
        self.canvas.set_selection("cells", [keep])

    def action_delete(self) -> None:
        if fids := self.selected_cells():
            self.push(gc.DeleteCellsCommand(self.plan, fids))

    def action_attributes(self) -> None:
        fids = self.selected_cells()
        if len(fids) != 1:
            self.message(self.tr("Select one cell to edit its attributes."))
            return
        row = self.plan.cells.row(fids[0])
        values = self.ask_attributes({k: row[k] for k in ("code", "name", "kind", "community",
                                                         "responsible_unit", "notes")})
        if values is None:
            return
        changed = {k: v for k, v in values.items() if str(row[k]) != v}
        if changed:
            self.push(gc.SetCellAttributesCommand(self.plan, fids[0], changed))

    # -- painting --------------------------------------------------------------
    def paint_buildings(self, building_fids: list) -> None:
        """Put buildings in the chosen cell (one undo step, with the outline rebuild)."""
        cell = self.tallies.paint_cell()
        if cell is None:
            self.message(self.tr("Choose or add a cell to paint into first."))
            return
        labels = cx.building_labels(self.plan, gc.PAINT_COLUMN)
        owners = {int(v) for v in labels.reindex(building_fids).dropna()}
        stack = self.window.undo_stack
        stack.beginMacro(self.tr("Paint %n building(s)").replace("%n", str(len(building_fids))))
        stack.push(gc.paint_command(self.plan, building_fids, cell))
        if self.actions["auto_rebuild"].isChecked():  # only the cells the stroke touched change
            self.rebuild_outlines([str(self.plan.cells.frame.at[cell, "community"])],
                                  owners | {int(cell)})
        stack.endMacro()

    def rebuild_outlines(self, communities: list[str] | None = None,
                         only: set[int] | None = None) -> bool:
        """New outlines from the buildings; cells that get their first outline get a code."""
        try:
            result = cx.rebuild_outlines(self.plan, gc.PAINT_COLUMN, communities, only)
        except GridPlannerError as exc:
            self.message(str(exc))
            return False
        if result.problems:
            self.message("; ".join(result.problems))
        if not result.geometries:
            return False
        stack = self.window.undo_stack
        stack.beginMacro(self.tr("Rebuild outlines from buildings"))
        frame = self.plan.cells.frame
        cells = {int(f): g for f, g in zip(frame.index, frame.geometry.values, strict=True)
                 if g is not None}
        glued = ce.glue_changes(cells, result.geometries)  # neighbours keep shared vertices
        stack.push(gc.SetCellGeometriesCommand(self.plan, {**result.geometries, **glued}))
        self._code_uncoded_cells()
        stack.endMacro()
        return True

    def _code_uncoded_cells(self) -> None:
        from gridplanner.analysis.grids.codes import assign_codes

        frame = self.plan.cells.frame
        uncoded = [int(f) for f, c, g in zip(frame.index, frame["code"], frame.geometry.values,
                                             strict=True) if not str(c or "") and g is not None]
        if not uncoded:
            return
        try:
            codes = assign_codes(self.plan)
        except GridPlannerError:
            return
        self.push(gc.SetColumnCommand(self.plan, "cells", "code",
                                      {f: codes[f] for f in uncoded if f in codes}))

    def action_rebuild(self) -> None:
        """Rebuild the communities of the selected cells, else those with painted buildings."""
        frame = self.plan.cells.frame
        fids = [f for f in self.selected_cells() if f in frame.index]
        if not fids:
            painted = cx.painted_cells(self.plan, gc.PAINT_COLUMN).dropna()
            fids = sorted({int(f) for f in painted})
        names = sorted({str(frame.at[f, "community"]) for f in fids})
        self.rebuild_outlines(names or None)

    def new_empty_cell(self) -> int:
        """Add a cell without outline, in the community of the selection or view, to paint."""
        frame = self.plan.cells.frame
        sel = [f for f in self.selected_cells() if f in frame.index]
        if sel:
            community = str(frame.at[sel[0], "community"])
        else:
            x0, y0, x1, y1 = self.canvas.extent()
            centre = shapely.box(x0, y0, x1, y1).centroid.buffer(1.0)
            community = cx.community_at(centre, self.plan.communities()) or next(
                iter(self.plan.communities()["name"].astype(str)), "")
        rows = gpd.GeoDataFrame({"community": [community], "kind": [CellKind.COMPREHENSIVE.value]},
                                geometry=[None], crs=self.plan.crs)
        command = gc.AddCellsCommand(self.plan, rows, self.tr("New cell"))
        self.push(command)
        self.tallies.recompute()
        self.tallies.set_paint_cell(command.fids[0])
        return command.fids[0]

    # -- whole-plan actions ------------------------------------------------------
    def _after_edit(self, _index: int) -> None:
        """After any edit, undo or redo: no stale vertex marker, and findings
        shown from a validation are checked again (once the edits settle)."""
        self.tools["vertex"].refresh_markers()
        if self._validated and self.findings.isVisible():
            self._recheck.start()

    def _check(self) -> list[Finding]:
        from gridplanner.analysis.integrity import check_references, validate_plan

        # broken links and invalid shapes of any layer too; a bad shape never stops the checks
        found = validate_plan(self.plan, check_references(self.plan))
        self.findings.set_findings(found, self.tr("Grid Validation"))
        return found

    def action_validate(self) -> list[Finding]:
        found = self._check()
        self._validated = True
        self.canvas.set_current_layer("cells")
        if not found:
            self.message(self.tr("No problems found."))
        self.findings.show()
        self.findings.raise_()
        return found

    def action_generate(self) -> None:
        result = self.ask_generate()
        if result is not None:
            self.apply_generated(*result)

    def apply_generated(self, result, communities: list[str] | None = None) -> None:
        """Put generated cells in place as one undoable step and report the result."""
        from gridplanner.analysis.grids.partition import replace_cells

        before = self.plan.cells.frame
        replace_cells(self.plan, result.cells, communities or None)
        self.push(gc.ReplaceCellsCommand(self.plan, before, self.plan.cells.frame, done=True))
        self.canvas.set_current_layer("cells")
        m = result.metrics
        self.message(self.tr("%1 cells; %2% within the household range").replace(
            "%1", str(m.get("cells", 0))).replace("%2", f"{m.get('share_within', 0) * 100:.0f}"))
        if result.problems:
            self._validated = False
            self.findings.set_findings([Finding("range_not_met", WARNING, p)
                                        for p in result.problems], self.tr("Grid Generation"))
            self.findings.show()
            self.findings.raise_()

    def action_codes(self) -> None:
        if (values := self.ask_codes()) is not None:
            self.assign_codes(*values)

    def assign_codes(self, scheme: str, renumber: bool, category: str = "000000") -> None:
        from gridplanner.analysis.grids.codes import assign_codes, short_names

        try:
            codes = assign_codes(self.plan, scheme, renumber, category)
        except GridPlannerError as exc:
            self.message(str(exc))
            return
        stack = self.window.undo_stack
        stack.beginMacro(self.tr("Assign codes"))
        if scheme != self.plan.settings.code_scheme:
            stack.push(gc.SetSettingsCommand(self.plan, self.plan.settings.replaced(
                code_scheme=scheme)))
        if codes:
            stack.push(gc.SetColumnCommand(self.plan, "cells", "code", codes))
            names = self.plan.cells.frame["name"].astype(str).str.strip()
            unnamed = [int(f) for f in names.index[names == ""]]
            if unnamed:  # a grid without a name is shown by its short name, 第N网格
                short = short_names(self.plan)
                stack.push(gc.SetColumnCommand(self.plan, "cells", "name",
                                               {f: short[f] for f in unnamed}))
        stack.endMacro()

    # -- toggles and tools ---------------------------------------------------------
    def action_avoid_overlap(self) -> None:
        pass  # read when a cell is drawn

    def action_snapping(self) -> None:
        self.snapper.enabled = self.actions["snapping"].isChecked()

    def action_auto_rebuild(self) -> None:
        pass  # read when buildings are painted

    def action_status_colours(self) -> None:
        self.view.show_status(self.actions["status_colours"].isChecked())

    def action_code_labels(self) -> None:
        self.view.show_codes(self.actions["code_labels"].isChecked())

    def action_tool_draw_cell(self) -> None:
        self.use_tool("draw_cell")

    def action_tool_vertex(self) -> None:
        self.use_tool("vertex")

    def action_tool_split(self) -> None:
        self.use_tool("split")

    def action_tool_paint(self) -> None:
        self.use_tool("paint")

    # -- questions (replace these in tests) --------------------------------------
    def ask_generate(self):
        """(PartitionResult, communities) from the generate dialog, or None."""
        from gridplanner.qt.grids.dialogs import GenerateDialog

        dialog = GenerateDialog(self.plan, self.window)
        if dialog.exec() != GenerateDialog.DialogCode.Accepted or dialog.result_value is None:
            return None
        return dialog.result_value, dialog.params().communities

    def ask_codes(self):
        from gridplanner.qt.grids.dialogs import CodeDialog

        dialog = CodeDialog(self.plan, self.window)
        return dialog.values() if dialog.exec() == CodeDialog.DialogCode.Accepted else None

    def ask_attributes(self, values: dict):
        from gridplanner.qt.grids.dialogs import CellAttributeDialog

        names = sorted(set(self.plan.communities()["name"].astype(str)))
        dialog = CellAttributeDialog(values, self.window, names)
        return dialog.values() if dialog.exec() == CellAttributeDialog.DialogCode.Accepted \
            else None

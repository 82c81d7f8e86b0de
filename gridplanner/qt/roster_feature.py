"""The roster part of the window: workers and branches, who is on which grid.

:class:`RosterFeature` is installed by :mod:`gridplanner.qt.features`. It adds
the Roster menu, the roster dock (editable tables), the cell panel (the
selected cell's team), the roster import and auto-assignment dialogs, and
drag-and-drop assignment: rows dragged from the roster dock and dropped on
a cell of the map put those people on it (a worker moves there, Ctrl keeps
their other cells; a branch is added, as joint branches serve several).
Everything that would open a modal dialog goes through an ``ask_*`` method
that tests replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shapely
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QDialog

from gridplanner.analysis.assignment import Proposal, propose_assignment
from gridplanner.analysis.roster_edit import cell_at, cells_by_target
from gridplanner.errors import GridPlannerError
from gridplanner.model.plan import Plan
from gridplanner.qt.cell_panel import CellPanel
from gridplanner.qt.roster_commands import apply_proposal_command, drop_on_cell
from gridplanner.qt.roster_dock import RosterDock
from gridplanner.qt.roster_model import read_roster_mime, tr, translate

if TYPE_CHECKING:
    from gridplanner.qt.canvas import MapCanvas
    from gridplanner.qt.main_window import MainWindow

MENU_TITLE = QT_TRANSLATE_NOOP("MainWindow", "&Roster")
ACTIONS = (
    ("import", QT_TRANSLATE_NOOP("Roster", "&Import Roster…"), "action_import"),
    ("auto_assign", QT_TRANSLATE_NOOP("Roster", "&Auto-assign…"), "action_auto_assign"),
    ("check", QT_TRANSLATE_NOOP("Roster", "&Check Roster Rules"), "action_check"),
)
TIPS = {
    "import": QT_TRANSLATE_NOOP(
        "Roster", "Import grid workers or Party branches from Excel or CSV"
    ),
    "auto_assign": QT_TRANSLATE_NOOP(
        "Roster", "Propose a leader, a full-time worker and a Party branch for every grid"
    ),
    "check": QT_TRANSLATE_NOOP("Roster", "List the grids that break a roster rule"),
}


class DropHighlight:
    """Outline of the cell a roster drag would drop on (a canvas overlay item)."""

    def __init__(self, geometry: shapely.Geometry):
        self.geometry = geometry
        self.canvas = None
        self.visible = True

    def paint(self, painter: QPainter, canvas: MapCanvas) -> None:
        path = QPainterPath()
        for polygon in getattr(self.geometry, "geoms", [self.geometry]):
            for ring in [polygon.exterior, *polygon.interiors]:
                coords = list(ring.coords)
                path.moveTo(QPointF(*coords[0][:2]))
                for xy in coords[1:]:
                    path.lineTo(QPointF(*xy[:2]))
                path.closeSubpath()
        painter.save()
        painter.setTransform(canvas.transform(), True)
        pen = QPen(QColor("#e65100"), 3)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QColor(230, 81, 0, 50))
        painter.drawPath(path)
        painter.restore()


class CanvasDropFilter(QObject):
    """Event filter on the canvas that takes roster drags (no change to the canvas class)."""

    def __init__(self, feature: RosterFeature):
        super().__init__(feature)
        self.feature = feature
        self.highlight: DropHighlight | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.DragLeave:
            self._show(None)
            return False
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        dragged = read_roster_mime(event.mimeData())
        if dragged is None:
            return False
        point = self.feature.canvas.widget_to_map(event.position())
        plan = self.feature.window.plan
        cell = cell_at(plan, point.x(), point.y()) if plan is not None else None
        if kind == QEvent.Type.Drop:
            self._show(None)
            copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if self.feature.drop_roster(*dragged, point.x(), point.y(), copy=copy):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        self._show(cell)
        if cell is not None or kind == QEvent.Type.DragEnter:
            event.acceptProposedAction()  # enter is always taken so moves keep coming
        else:
            event.ignore()
        return True

    def _show(self, cell: int | None) -> None:
        canvas = self.feature.canvas
        if self.highlight is not None:
            canvas.remove_item(self.highlight)
            self.highlight = None
        if cell is not None:
            self.highlight = DropHighlight(self.feature.window.plan.cells.geometry(cell))
            canvas.add_item(self.highlight)


class RosterFeature(QObject):
    """Roster menu, dock, cell panel and drag-and-drop assignment for one window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.dock = RosterDock(window)
        self.panel = CellPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.attribute_dock, self.dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        window.resizeDocks([self.panel], [300], Qt.Orientation.Horizontal)
        window.resizeDocks([window.attribute_dock, self.dock], [300, 300], Qt.Orientation.Vertical)
        self.actions: dict[str, QAction] = {}
        self._build_menu()
        self.drop_filter = CanvasDropFilter(self)
        self.canvas.setAcceptDrops(True)
        self.canvas.installEventFilter(self.drop_filter)
        window.planChanged.connect(self.set_plan)
        self.canvas.selectionChanged.connect(self._canvas_selection)
        self.dock.rosterSelected.connect(self._roster_selected)
        window.installEventFilter(self)
        if window.plan is not None:
            self.set_plan(window.plan)

    def _build_menu(self) -> None:
        menu = self.window.feature_menu(MENU_TITLE)
        for name, _text, slot in ACTIONS:
            action = QAction(self.window)
            action.setObjectName(f"action_roster_{name}")
            action.triggered.connect(getattr(self, slot))
            self.actions[name] = action
            if name == "check" and not self.findings_available():
                continue
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())
        menu.addAction(self.panel.toggleViewAction())
        self.dock.add_tool(self.actions["import"])
        self.dock.add_tool(self.actions["auto_assign"])
        self.retranslate()

    def retranslate(self) -> None:
        for name, text, _slot in ACTIONS:
            self.actions[name].setText(tr(text))
            self.actions[name].setStatusTip(tr(TIPS[name]))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # -- plan --------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.window.plan

    def set_plan(self, plan: Plan) -> None:
        self.dock.set_plan(plan, self.window.undo_stack)
        self.panel.set_plan(plan, self.window.undo_stack)

    def _canvas_selection(self, layer: str, fids: list) -> None:
        if layer == "cells" and fids:
            self.panel.show_cell(int(fids[0]))

    def _roster_selected(self, target: str, fids: list) -> None:
        """Show on the map the cells of the people chosen in the roster."""
        if self.plan is None or not fids:
            return
        cells_of = cells_by_target(self.plan, target)
        cells = sorted({c for f in fids for c in cells_of.get(int(f), [])})
        if cells:
            self.canvas.set_selection("cells", cells)

    def status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    # -- assigning ---------------------------------------------------------------
    def drop_roster(
        self, target: str, fids: list[int], x: float, y: float, copy: bool = False
    ) -> bool:
        """Assign workers or branches to the cell at map point (x, y); True when done."""
        cell = cell_at(self.plan, x, y)
        if cell is None:
            self.status(translate("Roster", "No grid cell here: drop on a grid cell"))
            return False
        command = drop_on_cell(self.plan, target, fids, cell, copy=copy)
        code = str(self.plan.cells.frame.at[cell, "code"]) or f"#{cell}"
        if command.is_empty():
            self.status(translate("Roster", "Already on grid %1").replace("%1", code))
        else:
            self.window.undo_stack.push(command)
            self.status(command.text())
        self.canvas.set_selection("cells", [cell])
        self.panel.show_cell(cell)
        return True

    # -- actions -----------------------------------------------------------------
    def action_import(self) -> None:
        from gridplanner.qt.roster_import_dialog import RosterImportDialog

        kind = "branches" if self.dock.tabs.currentWidget() is self.dock.branches else "workers"
        dialog = RosterImportDialog(self.plan, self.window.undo_stack, self.window, kind)
        if self.ask_dialog(dialog) and dialog.report is not None:
            self.status("; ".join(dialog.report.lines()[:3]))
            self.dock.show()
            self.dock.raise_()

    def action_auto_assign(self) -> None:
        try:
            proposal = propose_assignment(self.plan)
        except GridPlannerError as exc:
            self.window.show_error(translate("Roster", "Cannot propose an assignment"), str(exc))
            return
        ids = self.ask_accepted(proposal)
        if ids:
            self.apply_proposal(proposal, ids)

    def apply_proposal(self, proposal: Proposal, ids: list[str]) -> bool:
        """Apply the accepted items as one undo step; errors are shown, not raised."""
        try:
            command = apply_proposal_command(self.plan, proposal, ids)
        except GridPlannerError as exc:
            self.window.show_error(translate("Roster", "Cannot apply the assignment"), str(exc))
            return False
        self.window.undo_stack.push(command)
        self.status(command.text())
        return True

    def findings_available(self) -> bool:
        try:
            import gridplanner.qt.findings_dock  # noqa: F401
        except ImportError:
            return False
        return True

    def action_check(self) -> None:
        from gridplanner.analysis.roster_rules import check_roster

        findings = check_roster(self.plan)
        self.show_findings(findings)

    def show_findings(self, findings: list) -> None:
        """Hand roster findings to the findings dock (when the window has one)."""
        dock = getattr(self.window, "findings_dock", None)
        if dock is None:
            self.status(translate("Roster", "%1 roster findings").replace("%1", str(len(findings))))
            return
        dock.show_findings(findings, translate("Roster", "Roster rules"))
        dock.show()
        dock.raise_()

    # -- questions (replace these in tests) -----------------------------------------
    def ask_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_accepted(self, proposal: Proposal) -> list[str] | None:
        """The ids of the proposal items the user accepts, or None."""
        from gridplanner.qt.auto_assign_dialog import AutoAssignDialog

        dialog = AutoAssignDialog(proposal, self.window)
        return dialog.accepted_ids() if self.ask_dialog(dialog) else None

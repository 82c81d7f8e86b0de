"""The roster part of the window: workers and branches, who is on which grid.

:class:`RosterFeature` is installed by :mod:`gridplanner.qt.shell.features`. It adds
the Roster menu, the roster dock (editable tables), the cell panel (the
selected cell's team), the roster import and auto-assignment dialogs, and
drag-and-drop assignment: rows dragged from the roster dock and dropped on
a cell of the map put those people on it (a worker moves there, Ctrl keeps
their other cells; a branch is added, as joint branches serve several).
Everything that would open a modal dialog goes through an ``ask_*`` method
that tests replace.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import shapely
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from gridplanner.analysis.findings import Finding
from gridplanner.analysis.people.assignment import Proposal, propose_assignment
from gridplanner.analysis.people.roster_edit import cell_at, cells_by_target
from gridplanner.analysis.people.roster_rules import check_roster
from gridplanner.errors import GridPlannerError
from gridplanner.model.layer import LayerChange
from gridplanner.model.plan import Plan
from gridplanner.qt.roster.cell_panel import CellPanel
from gridplanner.qt.roster.commands import apply_proposal_command, drop_on_cell
from gridplanner.qt.roster.dock import RosterDock
from gridplanner.qt.roster.map_drop import MapDropFilter
from gridplanner.qt.roster.model import accept_roster_drop, read_roster_mime, tr, translate
from gridplanner.qt.shell.findings_dock import FindingsDock

if TYPE_CHECKING:
    from gridplanner.qt.shell.features import FeatureHost

RECHECK_LAYERS = ("cells", "buildings", "workers", "branches", "assignments")
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


class CanvasDropFilter(MapDropFilter):
    """Takes roster drags (workers, branches) onto a grid cell of the map."""

    feature: RosterFeature

    def read(self, mime: Any) -> Any:
        return read_roster_mime(mime)

    def target(self, x: float, y: float, payload: Any) -> shapely.Geometry | None:
        plan = self.feature.window.plan
        cell = cell_at(plan, x, y) if plan is not None else None
        return plan.cells.geometry(cell) if cell is not None else None

    def drop(self, payload: Any, x: float, y: float, event: Any) -> bool:
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        return self.feature.drop_roster(*payload, x, y, copy=copy)

    def accept(self, event: Any) -> None:
        accept_roster_drop(event)


class RosterFeature(QObject):
    """Roster menu, dock, cell panel and drag-and-drop assignment for one window."""

    def __init__(self, window: FeatureHost):
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self._plan: Plan | None = None
        self.dock = RosterDock(window)
        self.panel = CellPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.attribute_dock, self.dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        window.resizeDocks([self.panel], [300], Qt.Orientation.Horizontal)
        window.resizeDocks([window.attribute_dock, self.dock], [300, 300], Qt.Orientation.Vertical)
        self.findings = FindingsDock(self.canvas, window, "RosterFindingsDock")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings)
        window.tabifyDockWidget(self.dock, self.findings)
        self.findings.hide()
        self.findings.findingActivated.connect(self._finding_activated)
        self._people: dict[int, dict[str, list[int]]] = {}
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(400)
        self._recheck.timeout.connect(self._check_again)
        self.actions: dict[str, QAction] = {}
        self._build_menu()
        self.drop_filter = CanvasDropFilter(self)
        self.canvas.setAcceptDrops(True)
        self.canvas.installEventFilter(self.drop_filter)
        window.planChanged.connect(self.set_plan)
        self.canvas.selectionChanged.connect(self._canvas_selection)
        self.dock.rosterSelected.connect(self._roster_selected)
        for tab in (self.dock.workers, self.dock.branches):
            tab.message.connect(self.status)
        if window.plan is not None:
            self.set_plan(window.plan)

    def _build_menu(self) -> None:
        menu = self.window.feature_menu(MENU_TITLE)
        for name, _text, slot in ACTIONS:
            action = QAction(self.window)
            action.setObjectName(f"action_roster_{name}")
            action.triggered.connect(getattr(self, slot))
            self.actions[name] = action
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())
        menu.addAction(self.panel.toggleViewAction())
        menu.addAction(self.findings.toggleViewAction())
        self.dock.add_tool(self.actions["import"])
        self.dock.add_tool(self.actions["auto_assign"])
        self.retranslate()

    def retranslate(self) -> None:
        for name, text, _slot in ACTIONS:
            self.actions[name].setText(tr(text))
            self.actions[name].setStatusTip(tr(TIPS[name]))

    # -- plan --------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.window.plan

    def set_plan(self, plan: Plan) -> None:
        if self._plan is not None:
            self._plan.layer_changed.disconnect(self._roster_changed)
        self._plan = plan
        plan.layer_changed.connect(self._roster_changed)
        self._show_findings([])
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
        from gridplanner.qt.roster.import_dialog import RosterImportDialog

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

    def action_check(self) -> list[Finding]:
        """Check every roster rule and list the findings; returns them."""
        findings = check_roster(self.plan)
        self._show_findings(findings, translate("Roster", "Roster Rules"))
        self.findings.show()
        self.findings.raise_()
        self.status(
            translate("Roster", "Roster rules: %1 findings").replace("%1", str(len(findings)))
        )
        return findings

    def _show_findings(self, findings: list[Finding], title: str = "") -> None:
        """List findings; the people they name are selected in the roster, not on the map.

        The dock selects a finding's features on the canvas, which draws only
        spatial layers, so workers and branches are kept aside and selected
        in the roster dock when the finding is activated.
        """
        self._people = {}
        shown = []
        for f in findings:
            spatial = {k: v for k, v in f.features.items() if self.plan.layer(k).is_spatial}
            copy = dataclasses.replace(f, features=spatial)
            self._people[id(copy)] = {k: v for k, v in f.features.items() if k not in spatial}
            shown.append(copy)
        self.findings.set_findings(shown, title)

    def _finding_activated(self, finding: Finding) -> None:
        for layer, fids in self._people.get(id(finding), {}).items():
            if layer in ("workers", "branches"):
                self.dock.tabs.setCurrentWidget(self.dock.tab(layer))
                self.dock.tab(layer).select_fids(fids)

    def _roster_changed(self, change: LayerChange) -> None:
        """Keep the roster findings current while their dock is open."""
        if change.layer in RECHECK_LAYERS and self.findings.isVisible():
            self._recheck.start()

    def _check_again(self) -> None:
        if self.findings.isVisible() and self.plan is not None:
            self._show_findings(check_roster(self.plan))

    # -- questions (replace these in tests) -----------------------------------------
    def ask_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_accepted(self, proposal: Proposal) -> list[str] | None:
        """The ids of the proposal items the user accepts, or None."""
        from gridplanner.qt.roster.auto_assign_dialog import AutoAssignDialog

        dialog = AutoAssignDialog(proposal, self.window)
        return dialog.accepted_ids() if self.ask_dialog(dialog) else None

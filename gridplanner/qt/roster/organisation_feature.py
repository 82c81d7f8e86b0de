"""The Party organisation part of the window: micro-grids, the tree, the registers.

:class:`OrganisationFeature` adds the Organisation menu (generate micro-grids,
propose the organisation from the buildings' Party-member column, import a
register, auto-assign the registers, check the organisation rules), the
organisation dock, and drag and drop from the dock onto the map:

- a reporting Party member or a volunteer dropped on a micro-grid is assigned
  to it (and its grid), dropped elsewhere in a grid to the grid;
- a member of staff dropped near a centre is on duty there;
- a Party-member household or a Party group dropped on a micro-grid looks
  after it (a household also lives in the building under the drop, if any).

Every change is one undo step. Questions go through ``ask_*`` methods that
tests replace.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from gridplanner.analysis.findings import Finding
from gridplanner.analysis.people.roster_edit import cell_at
from gridplanner.errors import GridPlannerError
from gridplanner.model.plan import Plan
from gridplanner.qt.roster.map_drop import MapDropFilter
from gridplanner.qt.roster.model import translate
from gridplanner.qt.roster.organisation_dock import OrganisationDock, read_org_mime
from gridplanner.qt.shell.commands import record_change
from gridplanner.qt.shell.findings_dock import FindingsDock

if TYPE_CHECKING:
    from gridplanner.qt.shell.features import FeatureHost

MENU_TITLE = QT_TRANSLATE_NOOP("MainWindow", "&Organisation")
ACTIONS = (
    ("micro", QT_TRANSLATE_NOOP("Organisation", "Generate &Micro-grids…"), "action_micro"),
    ("paint", QT_TRANSLATE_NOOP("Organisation", "Move Selected &Buildings to Micro-grid…"),
     "action_paint"),
    ("propose", QT_TRANSLATE_NOOP("Organisation", "&Propose Organisation…"), "action_propose"),
    ("import", QT_TRANSLATE_NOOP("Organisation", "&Import Register…"), "action_import"),
    ("assign", QT_TRANSLATE_NOOP("Organisation", "&Auto-assign Registers…"), "action_assign"),
    ("check", QT_TRANSLATE_NOOP("Organisation", "&Check Organisation Rules"), "action_check"),
)
ORG_TABLES = ("branches", "party_groups", "party_households", "party_members", "volunteers",
              "staff")
#: how near (screen pixels) a drop must be to a centre to put staff on duty there
CENTRE_PIXELS = 25.0


def micro_at(plan: Plan, x: float, y: float) -> int | None:
    """The micro-grid holding map point (x, y), or None."""
    frame = plan.layer("micro_grids").frame
    if len(frame) == 0:
        return None
    hits = frame.index[frame.geometry.intersects(shapely.Point(x, y))]
    return int(hits[0]) if len(hits) else None


def building_at(plan: Plan, x: float, y: float) -> int | None:
    frame = plan.buildings.frame
    if len(frame) == 0:
        return None
    hits = frame.index[frame.geometry.intersects(shapely.Point(x, y).buffer(0.5))]
    return int(hits[0]) if len(hits) else None


def centre_near(plan: Plan, x: float, y: float, tolerance: float) -> int | None:
    frame = plan.centres.frame
    if len(frame) == 0:
        return None
    d = shapely.distance(np.asarray(frame.geometry.values, dtype=object), shapely.Point(x, y))
    i = int(np.nanargmin(d))
    return int(frame.index[i]) if d[i] <= tolerance else None


class OrgDropFilter(MapDropFilter):
    """Takes organisation drags (people, households, Party groups) onto the map."""

    accept_anywhere = True
    feature: OrganisationFeature

    def read(self, mime: Any) -> Any:
        return read_org_mime(mime)

    def target(self, x: float, y: float, payload: Any) -> Any:
        return self.feature.drop_target(x, y)

    def drop(self, payload: Any, x: float, y: float, event: Any) -> bool:
        return self.feature.drop_rows(payload, x, y)


class OrganisationFeature(QObject):
    """Organisation menu, dock and drag-and-drop for one window."""

    def __init__(self, window: FeatureHost):
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.canvas = window.canvas
        self.dock = OrganisationDock(window)  # type: ignore[arg-type]
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)  # type: ignore[attr-defined]
        self.findings = FindingsDock(self.canvas, window, "OrganisationFindingsDock")
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings)  # type: ignore[attr-defined]
        self.findings.hide()
        self.actions: dict[str, QAction] = {}
        self._build_menu()
        self.drop_filter = OrgDropFilter(self)
        self.canvas.setAcceptDrops(True)
        self.canvas.installEventFilter(self.drop_filter)
        self.dock.rowsSelected.connect(self._rows_selected)
        self.dock.assignRequested.connect(self.assign_to_selection)
        window.planChanged.connect(self.dock.set_plan)
        if window.plan is not None:
            self.dock.set_plan(window.plan)

    def _build_menu(self) -> None:
        menu = self.window.feature_menu(MENU_TITLE)
        for name, _text, slot in ACTIONS:
            action = QAction(self.window)  # type: ignore[arg-type]
            action.setObjectName(f"action_organisation_{name}")
            action.triggered.connect(getattr(self, slot))
            self.actions[name] = action
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())
        menu.addAction(self.findings.toggleViewAction())
        self.retranslate()

    def retranslate(self) -> None:
        for name, text, _slot in ACTIONS:
            self.actions[name].setText(translate("Organisation", text))

    @property
    def plan(self) -> Plan:
        assert self.window.plan is not None, "the window always holds a plan"
        return self.window.plan

    def status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)  # type: ignore[attr-defined]

    def push(self, change, text: str, tables: tuple[str, ...]) -> bool:
        """Run ``change(plan)`` as one undo step; an error is shown and changes nothing."""
        try:
            command = record_change(self.plan, change, text, tables)
        except GridPlannerError as exc:
            self.window.show_error(text, str(exc))
            return False
        self.window.undo_stack.push(command)
        self.status(text)
        return True

    # -- drag and drop -------------------------------------------------------------
    def drop_target(self, x: float, y: float) -> Any:
        """The outline a drop at (x, y) would land on: a micro-grid, else a grid cell."""
        micro = micro_at(self.plan, x, y)
        if micro is not None:
            return self.plan.layer("micro_grids").geometry(micro)
        cell = cell_at(self.plan, x, y)
        return self.plan.cells.geometry(cell) if cell is not None else None

    def drop_rows(self, rows: list[tuple[str, int]], x: float, y: float) -> bool:
        """Assign the dragged rows to what lies at map point (x, y); True when done."""
        from gridplanner.analysis.people.register_assignment import assign_person

        plan = self.plan
        micro, cell = micro_at(plan, x, y), cell_at(plan, x, y)
        tolerance = CENTRE_PIXELS * self.canvas.pixel_size()
        centre = centre_near(plan, x, y, tolerance)
        building = building_at(plan, x, y)
        steps = []
        for layer, fid in rows:
            if layer == "staff":
                if centre is not None:
                    steps.append(lambda p, f=fid: assign_person(p, "staff", f, centre_fid=centre))
            elif layer in ("party_members", "volunteers"):
                if cell is not None:
                    steps.append(lambda p, f=fid, t=layer: assign_person(p, t, f, cell, micro))
            elif layer in ("party_households", "party_groups") and micro is not None:
                values: dict[str, Any] = {"micro_fid": micro}
                if layer == "party_households" and building is not None:
                    values["building_fid"] = building
                steps.append(lambda p, f=fid, t=layer, v=values:
                             p.layer(t).set_attributes(f, v))
        if not steps:
            self.status(translate("Organisation", "Nothing here to assign to: drop people on a "
                                  "grid or micro-grid, staff on a centre"))
            return False
        text = translate("Organisation", "Assign %1 by drag and drop").replace(
            "%1", str(len(steps)))
        return self.push(lambda p: [step(p) for step in steps], text, ORG_TABLES)

    def assign_to_selection(self, rows: list[tuple[str, int]], assign: bool = True) -> bool:
        """Assign ``rows`` to the micro-grid, grid or centre selected on the map (or,
        with ``assign`` False, to nothing), as one undo step; True when done."""
        from gridplanner.analysis.people.register_assignment import assign_person

        micro = self.canvas.selection("micro_grids")[:1]
        cell = self.canvas.selection("cells")[:1]
        centre = self.canvas.selection("centres")[:1]
        steps = []
        for layer, fid in rows:
            if layer == "staff" and (centre or not assign):
                c = centre[0] if assign else None
                steps.append(lambda p, f=fid, c=c: assign_person(p, "staff", f, centre_fid=c))
            elif layer in ("party_members", "volunteers") and (micro or cell or not assign):
                m = micro[0] if assign and micro else None
                g = cell[0] if assign and cell and not micro else None
                steps.append(lambda p, f=fid, t=layer, g=g, m=m: assign_person(p, t, f, g, m))
            elif layer in ("party_households", "party_groups") and (micro or not assign):
                m = micro[0] if assign else None
                steps.append(lambda p, f=fid, t=layer, m=m: p.layer(t).set_attributes(
                    f, {"micro_fid": m}))
        if not steps:
            self.status(translate("Organisation", "Choose people in the dock and select a grid, "
                                  "micro-grid or centre on the map"))
            return False
        text = (translate("Organisation", "Assign %1 to the map selection") if assign
                else translate("Organisation", "Unassign %1")).replace("%1", str(len(steps)))
        return self.push(lambda p: [step(p) for step in steps], text, ORG_TABLES)

    def _rows_selected(self, layer: str, fids: list) -> None:
        """Show on the map where the chosen rows are (their micro-grids or grids)."""
        frame = self.plan.layer(layer).frame if layer in self.plan.layers else None
        if frame is None or not fids:
            return
        for column, target in (("micro_fid", "micro_grids"), ("cell_fid", "cells"),
                               ("centre_fid", "centres")):
            if column in frame.columns:
                values = frame.loc[[f for f in fids if f in frame.index], column].dropna()
                if len(values):
                    self.canvas.set_selection(target, [int(v) for v in values])
                    return

    # -- actions -------------------------------------------------------------------
    def action_micro(self) -> bool:
        from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids
        from gridplanner.qt.roster.organisation_dialogs import MicroGridDialog

        cells = self.plan.cells.frame
        selected = [str(cells.at[f, "code"]) or str(cells.at[f, "name"])
                    for f in self.canvas.selection("cells") if f in cells.index]
        dialog = MicroGridDialog(self.plan.settings, [s for s in selected if s], self.window)
        if not self.ask_dialog(dialog):
            return False
        low, high, codes = dialog.choices()

        def change(plan: Plan) -> None:
            result = generate_micro_grids(plan, codes or None, low, high)
            replace_micro_grids(plan, result.micro)
            plan.settings = plan.settings.replaced(micro_households_min=low,
                                                   micro_households_max=high)

        text = translate("Organisation", "Generate micro-grids")
        done = self.push(change, text, ("micro_grids", "party_groups", "party_households",
                                        "party_members", "volunteers"))
        if done:
            self.status(translate("Organisation", "%1 micro-grids").replace(
                "%1", str(len(self.plan.layer("micro_grids")))))
        return done

    def action_paint(self) -> bool:
        """Move the buildings selected on the map into a micro-grid of their grid (or a
        new one); the grid's micro-grids are redrawn around their buildings."""
        from gridplanner.analysis.grids.micro import (
            apply_micro_repaint,
            building_micro_grids,
            repaint_micro_grids,
        )

        buildings = self.canvas.selection("buildings")
        if not buildings:
            self.status(translate("Organisation", "Select buildings on the map first"))
            return False
        micro = self.plan.layer("micro_grids").frame
        where = building_micro_grids(self.plan)
        cells = {int(micro.at[int(m), "cell_fid"]) for m in where.reindex(buildings).dropna()}
        choices = [(translate("Organisation", "A new micro-grid"), None)]
        choices += [(str(code) or f"#{f}", int(f)) for f, code in
                    micro[micro["cell_fid"].isin(list(cells))]["code"].sort_values().items()]
        target = self.ask_choice(translate("Organisation", "Move Buildings to Micro-grid"),
                                 translate("Organisation", "Micro-grid for %1 building(s):")
                                 .replace("%1", str(len(buildings))), choices)
        if target is False:
            return False
        return self.push(
            lambda p: apply_micro_repaint(p, repaint_micro_grids(p, buildings, target)),
            translate("Organisation", "Move %1 building(s) to a micro-grid").replace(
                "%1", str(len(buildings))),
            ("micro_grids", "party_groups", "party_households", "party_members", "volunteers"))

    def action_propose(self) -> list[str] | None:
        from gridplanner.analysis.people.organisation_proposal import (
            apply_org_proposal,
            propose_organisation,
        )

        proposal = propose_organisation(self.plan)
        ids = self.ask_accepted(translate("Organisation", "Propose Organisation"),
                                proposal.items, proposal.unmet)
        if ids:
            self.push(lambda p: apply_org_proposal(p, proposal, ids),
                      translate("Organisation", "Add %1 to the organisation").replace(
                          "%1", str(len(ids))), ("branches", "party_groups"))
        return ids

    def action_assign(self) -> list[str] | None:
        from gridplanner.analysis.people.register_assignment import (
            apply_register_items,
            propose_registers,
        )

        items = propose_registers(self.plan)
        ids = self.ask_accepted(translate("Organisation", "Auto-assign Registers"), items, [])
        if ids:
            self.push(lambda p: apply_register_items(p, items, ids),
                      translate("Organisation", "Assign %1 people").replace("%1", str(len(ids))),
                      ("party_members", "volunteers"))
        return ids

    def action_import(self) -> None:
        from gridplanner.qt.roster.import_dialog import RosterImportDialog

        dialog = RosterImportDialog(self.plan, self.window.undo_stack, self.window,  # type: ignore[arg-type]
                                    "party-members")
        if self.ask_dialog(dialog) and dialog.report is not None:
            self.status("; ".join(dialog.report.lines()[:3]))
            self.dock.show()
            self.dock.tabs.setCurrentIndex(1)

    def action_check(self) -> list[Finding]:
        from gridplanner.analysis.grids.micro_validation import validate_micro_grids
        from gridplanner.analysis.people.organisation_rules import check_organisation

        findings = validate_micro_grids(self.plan) + check_organisation(self.plan)
        shown = [dataclasses.replace(f, features={k: v for k, v in f.features.items()
                                                  if self.plan.layer(k).is_spatial})
                 for f in findings]  # the map selects spatial features only
        self.findings.set_findings(shown, translate("Organisation", "Organisation Rules"))
        self.findings.show()
        self.findings.raise_()
        self.status(translate("Organisation", "Organisation rules: %1 findings").replace(
            "%1", str(len(findings))))
        return findings

    # -- questions (replace these in tests) -----------------------------------------
    def ask_choice(self, title: str, label: str, choices: list[tuple[str, Any]]) -> Any:
        """The value of the chosen (text, value) pair, or False when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        texts = [t for t, _ in choices]
        text, ok = QInputDialog.getItem(self.window, title, label, texts, 0, False)  # type: ignore[arg-type]
        return dict(choices)[text] if ok else False

    def ask_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_accepted(self, title: str, items: list, unmet: list[str]) -> list[str] | None:
        from gridplanner.qt.roster.organisation_dialogs import ChecklistDialog

        dialog = ChecklistDialog(title, items, unmet, self.window)  # type: ignore[arg-type]
        return dialog.accepted_ids() if self.ask_dialog(dialog) else None


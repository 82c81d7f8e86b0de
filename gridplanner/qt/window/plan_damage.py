"""Opening a damaged plan in the window: the damage listed, repaired only on confirm.

When :func:`~gridplanner.io.plan_file.project.load_plan` refuses a plan
because its file is damaged (text in an id column, a lost column, rows
sharing a fid …), or a plan that opened has rows pointing at a missing
cell, worker or branch, the window lists the damage by table and row and
the user chooses:

- **Repair**: the plan opens with the safe repairs made as one undoable step
  ("Repair damaged plan"), so it shows as changed; saving writes the
  repaired plan, and Undo shows the damaged rows again.
- **Open without repairing**: the plan opens as read (nothing removed); when
  reading had to hide something (a lost column, text in an id column …)
  saving over the damaged file is refused, so the damage cannot become
  permanent by accident; Save As… to another file still works.
- **Cancel**: nothing is opened.

:meth:`PlanDamage.ask_damaged_plan` is the one question; tests replace it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.analysis.findings import ERROR, Finding
from gridplanner.analysis.integrity import LINKS, check_references, repair_references
from gridplanner.errors import GridPlannerError
from gridplanner.io.plan_file.integrity import PlanDamageError, has_damage
from gridplanner.io.plan_file.ondisk import file_state
from gridplanner.io.plan_file.project import load_plan_checked
from gridplanner.io.plan_file.targets import same_file
from gridplanner.model.plan import Plan
from gridplanner.qt.shell.commands import record_change

CONTEXT = "PlanDamage"

#: What each kind of damage is, from the finding's params ({table}, {column},
#: {rows}, {value}, {count}, {stated}, {refers_to}).
PROBLEMS: dict[str, str] = {
    "missing_column": QT_TRANSLATE_NOOP(
        "PlanDamage", "Column {column} is missing: its {count} rows have lost it"),
    "bad_value": QT_TRANSLATE_NOOP(
        "PlanDamage", "{column} holds “{value}”, which is not a number"),
    "duplicate_fid": QT_TRANSLATE_NOOP(
        "PlanDamage", "Feature id {value} is used by {count} rows"),
    "broken_geometry": QT_TRANSLATE_NOOP(
        "PlanDamage", "The shape cannot be read as it is stored ({reason})"),
    "hidden_rows": QT_TRANSLATE_NOOP(
        "PlanDamage", "The file says it holds {stated} rows but it holds {count}"),
    "no_fid_key": QT_TRANSLATE_NOOP("PlanDamage", "The table has lost its feature id key"),
    "wrong_column_type": QT_TRANSLATE_NOOP(
        "PlanDamage", "Column {column} is stored as {value}"),
    "dangling_reference": QT_TRANSLATE_NOOP(
        "PlanDamage", "Points at {refers_to} {value}, which does not exist"),
    "missing_reference": QT_TRANSLATE_NOOP("PlanDamage", "{column} is empty"),
    "bad_target": QT_TRANSLATE_NOOP(
        "PlanDamage", "Names “{value}”, neither a grid worker nor a Party branch"),
    "duplicate_assignment": QT_TRANSLATE_NOOP("PlanDamage", "Repeats {value} on the same cell"),
    "duplicate_code": QT_TRANSLATE_NOOP("PlanDamage", "These cells share the grid code {value}"),
    "broken_link": QT_TRANSLATE_NOOP(
        "PlanDamage", "{column} points at {refers_to} {value}, which does not exist"),
}
REMOVED = QT_TRANSLATE_NOOP("PlanDamage", "The row is removed")
UNLINKED = QT_TRANSLATE_NOOP("PlanDamage", "The link is cleared; the row is kept")
CLEARED = QT_TRANSLATE_NOOP("PlanDamage", "The value is cleared; fill it in again")
ADDED_BACK = QT_TRANSLATE_NOOP("PlanDamage", "The column is added back, empty")
ON_SAVE = QT_TRANSLATE_NOOP("PlanDamage", "Put right when the plan is saved")
NEW_FIDS = QT_TRANSLATE_NOOP(
    "PlanDamage", "The first row keeps the id, the others get new ids: {new_fids}")
SHAPE = QT_TRANSLATE_NOOP("PlanDamage", "Read as well as possible; check it on the map")
NOT_REPAIRED = QT_TRANSLATE_NOOP("PlanDamage", "Not repaired: fix it yourself")
TABLES: dict[str, str] = {
    "boundaries": QT_TRANSLATE_NOOP("PlanDamage", "Boundaries"),
    "buildings": QT_TRANSLATE_NOOP("PlanDamage", "Buildings"),
    "cells": QT_TRANSLATE_NOOP("PlanDamage", "Grid cells"),
    "centres": QT_TRANSLATE_NOOP("PlanDamage", "Centres"),
    "network": QT_TRANSLATE_NOOP("PlanDamage", "Walking network"),
    "workers": QT_TRANSLATE_NOOP("PlanDamage", "Grid workers"),
    "branches": QT_TRANSLATE_NOOP("PlanDamage", "Party branches"),
    "assignments": QT_TRANSLATE_NOOP("PlanDamage", "Assignments"),
    "micro_grids": QT_TRANSLATE_NOOP("PlanDamage", "Micro-grids"),
    "party_groups": QT_TRANSLATE_NOOP("PlanDamage", "Party groups"),
    "party_households": QT_TRANSLATE_NOOP("PlanDamage", "Party-member households"),
    "party_members": QT_TRANSLATE_NOOP("PlanDamage", "Reporting Party members"),
    "volunteers": QT_TRANSLATE_NOOP("PlanDamage", "Volunteers"),
    "staff": QT_TRANSLATE_NOOP("PlanDamage", "Community staff"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def describe_damage(finding: Finding) -> str:
    """What is damaged, in the UI language (the English message without a template)."""
    template = PROBLEMS.get(finding.kind)
    if template is None:
        return finding.message
    params = {k: v for k, v in finding.params.items()}
    refers = str(params.get("refers_to", ""))
    params["refers_to"] = _tr(TABLES[refers]) if refers in TABLES else refers
    try:
        return _tr(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return finding.message


def describe_repair(finding: Finding) -> str:
    """What Repair does about one finding, in the UI language."""
    kind, table = finding.kind, finding.params.get("table")
    if kind in ("dangling_reference", "missing_reference", "bad_target",
                "duplicate_assignment") or (table == "assignments" and kind in (
                    "missing_column", "bad_value")):
        return _tr(REMOVED)
    if kind == "duplicate_fid":
        return _tr(NEW_FIDS).replace("{new_fids}", str(finding.params.get("new_fids", "")))
    return _tr({"bad_value": CLEARED, "missing_column": ADDED_BACK,
                "broken_geometry": SHAPE, "hidden_rows": ON_SAVE, "no_fid_key": ON_SAVE,
                "wrong_column_type": ON_SAVE, "broken_link": UNLINKED}.get(kind, NOT_REPAIRED))


def table_name(table: str) -> str:
    return _tr(TABLES[table]) if table in TABLES else table


class DamageDialog(QDialog):
    """The damage of one plan file, one row per problem, and the three choices."""

    def __init__(self, path: Path, findings: list[Finding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("The plan file is damaged"))
        self.choice = "cancel"
        layout = QVBoxLayout(self)
        errors = sum(1 for f in findings if f.severity == ERROR)
        intro = QLabel(_tr("%1 has %2 problem(s) that would be lost or made permanent by "
                           "saving it as it is. Nothing has been changed yet.")
                       .replace("%1", path.name).replace("%2", str(errors)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_tr("Table"), _tr("Rows"), _tr("Problem"), _tr("Repair")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for f in findings:
            self.tree.addTopLevelItem(QTreeWidgetItem([
                table_name(str(f.params.get("table", ""))), str(f.params.get("rows", "")),
                describe_damage(f), describe_repair(f)]))
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.repair_button = buttons.addButton(_tr("Repair"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = buttons.addButton(_tr("Open Without Repairing"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.repair_button.setDefault(True)
        buttons.clicked.connect(self._clicked)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def _clicked(self, button: QPushButton) -> None:
        self.choice = {self.repair_button: "repair", self.open_button: "read_only"}.get(
            button, "cancel")
        self.accept() if self.choice != "cancel" else self.reject()


class PlanDamage:
    """Mixin for the main window: open a damaged plan, and keep its damage off disk."""

    #: the plan opened without repairing, and its file: saving it over that file is refused
    unrepaired_plan: Plan | None = None
    unrepaired_path: Path | None = None

    def open_damaged_plan(self, path: str | Path, error: PlanDamageError) -> bool:
        """Ask what to do with a damaged plan and do it; True when a plan was opened."""
        answer = self.ask_damaged_plan(Path(path), error.findings)
        if answer not in ("repair", "read_only"):
            return False
        try:
            state = file_state(path)
            plan, damage = load_plan_checked(path)
        except (GridPlannerError, OSError, ValueError) as exc:
            self.show_error(_tr("Cannot open the plan"), str(exc))
            return False
        self.unrepaired_plan = self.unrepaired_path = None
        self.set_plan(plan, path)
        self.disk_state = state
        self._remember(path)
        if answer == "read_only" and has_damage(damage):
            self._protect(plan, Path(path))
            self.statusBar().showMessage(_tr("Opened without repairing: saving over this "
                                             "file is refused; use Save As…"), 15000)
        self.finish_opening(plan, answer)
        return True

    def review_opened_plan(self, path: str | Path, plan: Plan) -> str:
        """Ask about rows pointing at nothing in a plan that opened: "open" when there
        are none, else the answer ("repair", "read_only" or "cancel")."""
        self.unrepaired_plan = self.unrepaired_path = None  # this file read whole
        found = [f for f in check_references(plan) if f.severity == ERROR]
        return self.ask_damaged_plan(Path(path), found) if found else "open"

    def _protect(self, plan: Plan, path: Path) -> None:
        self.unrepaired_plan, self.unrepaired_path = plan, path
        if not getattr(self, "_following_plans", False):
            self.planChanged.connect(self._follow_unrepaired)
            self._following_plans = True

    def _follow_unrepaired(self, plan: Plan) -> None:
        """A plan shown under the damaged file's name without reading it again (the
        recovery copy of its unsaved edits) stays protected; any other plan is not."""
        if self.unrepaired_path is None:
            return
        if self.path is not None and same_file(Path(self.path), self.unrepaired_path):
            self.unrepaired_plan = plan
        else:
            self.unrepaired_plan = self.unrepaired_path = None

    def finish_opening(self, plan: Plan, answer: str) -> None:
        """After the plan is shown: the repairs the user chose, as one undoable step."""
        if answer != "repair":
            return
        tables = {"assignments"} | {t for t, _c, _n in LINKS if t in plan.layers}
        self.undo_stack.push(record_change(plan, repair_references,
                                           _tr("Repair damaged plan"), tables))
        self.statusBar().showMessage(_tr("Repaired; save the plan to keep the repairs"), 15000)

    def save_plan_file(self, path: str | Path | None = None) -> bool:
        """Refuse to save an unrepaired plan over its damaged file; else save as usual."""
        target = path or self.path
        if (self.unrepaired_plan is not None and self.unrepaired_plan is self.plan
                and target is not None and self.unrepaired_path is not None
                and same_file(Path(target), self.unrepaired_path)):
            self.show_error(_tr("Cannot save the plan"), _tr(
                "This plan was opened without repairing its damage, so it is not saved over "
                "%1: that would make the damage permanent. Use Save As… to keep your work in "
                "another file, or open the plan again and choose Repair.").replace(
                    "%1", str(self.unrepaired_path)))
            return False
        return super().save_plan_file(path)  # type: ignore[misc]

    def ask_damaged_plan(self, path: Path, findings: list[Finding]) -> str:
        """"repair", "read_only" or "cancel" (tests replace this)."""
        dialog = DamageDialog(path, findings, self)  # type: ignore[arg-type]
        dialog.exec()
        return dialog.choice

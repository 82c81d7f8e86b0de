"""Undo commands for the roster: edit rows, add and remove them, assign people to cells.

Every command only calls :class:`~gridplanner.model.FeatureTable` methods, so
the roster dock, the cell panel and the map follow through the model's
change events. Compound edits (removing a worker together with the rows that
put them on cells, moving a worker to another cell) are macros: one command
whose steps run in order on redo and in reverse on undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from gridplanner.analysis.people.assignment import Proposal, apply_proposal
from gridplanner.analysis.people.roster_edit import (
    assignments_of,
    check_target,
    new_assignment_rows,
)
from gridplanner.model.plan import Plan
from gridplanner.qt.shell.commands import (
    AttributeCommand,
    MacroCommand,
    SnapshotCommand,
    record_change,
)

ROSTER_TABLES = ("workers", "branches", "assignments")


#: Qt's translate under a name pyside6-lupdate recognises (with a literal context).
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterCommands", text)


def layer_of(target: str) -> str:
    """The roster table of an assignment target ("worker" → "workers")."""
    return {"worker": "workers", "branch": "branches"}[check_target(target)]


class EditRowCommand(AttributeCommand):
    """Set attributes of one roster row; undo puts the old values back."""

    def __init__(
        self,
        plan: Plan,
        layer: str,
        fid: int,
        values: Mapping[str, Any],
        text: str = "",
        parent: QUndoCommand | None = None,
    ):
        super().__init__(
            plan,
            layer,
            {int(fid): values},
            text or translate("RosterCommands", "Edit %1").replace("%1", ", ".join(values)),
            parent,
        )


class AddRowsCommand(QUndoCommand):
    """Append rows to a table; redo after undo brings them back with the same fids."""

    def __init__(
        self,
        plan: Plan,
        layer: str,
        rows: list[Mapping[str, Any]],
        text: str = "",
        parent: QUndoCommand | None = None,
        fids: list[int] | None = None,
    ):
        super().__init__(
            text or translate("RosterCommands", "Add rows (%1)").replace("%1", str(len(rows))),
            parent,
        )
        self.plan, self.layer = plan, layer
        self.rows: list[Mapping[str, Any]] | pd.DataFrame = list(rows)
        if fids is not None:  # rows that other steps of a macro already refer to
            self.rows = pd.DataFrame(self.rows, index=pd.Index(fids, dtype="int64"))
        self.fids: list[int] = []

    def redo(self) -> None:
        table = self.plan.layer(self.layer)
        self.fids = table.add(self.rows)
        self.rows = table.frame.loc[self.fids]

    def undo(self) -> None:
        if self.fids:
            self.plan.layer(self.layer).remove(self.fids)


class RemoveRowsCommand(QUndoCommand):
    """Remove rows of a table; undo adds them back under their old fids."""

    def __init__(
        self,
        plan: Plan,
        layer: str,
        fids: Iterable[int],
        text: str = "",
        parent: QUndoCommand | None = None,
    ):
        self.fids = [int(f) for f in fids]
        super().__init__(
            text
            or translate("RosterCommands", "Remove rows (%1)").replace("%1", str(len(self.fids))),
            parent,
        )
        self.plan, self.layer = plan, layer
        self.removed: pd.DataFrame | None = None

    def redo(self) -> None:
        if self.fids:
            self.removed = self.plan.layer(self.layer).remove(self.fids)

    def undo(self) -> None:
        if self.removed is not None and len(self.removed):
            self.plan.layer(self.layer).add(self.removed)


def add_roster_rows(plan: Plan, layer: str, rows: list[Mapping[str, Any]]) -> AddRowsCommand:
    """Add workers or branches (default values where a row leaves a column out)."""
    text = (
        translate("RosterCommands", "Add grid workers (%1)").replace("%1", str(len(rows)))
        if layer == "workers"
        else translate("RosterCommands", "Add Party branches (%1)").replace("%1", str(len(rows)))
    )
    return AddRowsCommand(plan, layer, rows, text)


def remove_roster_rows(plan: Plan, layer: str, fids: Iterable[int]) -> MacroCommand:
    """Remove workers or branches together with the rows assigning them to cells."""
    fids = [int(f) for f in fids]
    target = "worker" if layer == "workers" else "branch"
    text = (
        translate("RosterCommands", "Delete grid workers (%1)").replace("%1", str(len(fids)))
        if layer == "workers"
        else translate("RosterCommands", "Delete Party branches (%1)").replace("%1", str(len(fids)))
    )
    macro = MacroCommand(text)
    links = assignments_of(plan, target, fids)
    if links:
        macro.add(RemoveRowsCommand(plan, "assignments", links))
    if fids:
        macro.add(RemoveRowsCommand(plan, layer, fids))
    return macro


def assign_to_cell(
    plan: Plan, target: str, fids: Iterable[int], cell_fid: int, move: bool = False
) -> MacroCommand:
    """Put workers or branches on a cell; ``move`` takes them off their other cells."""
    fids = [int(f) for f in fids]
    code = str(plan.cells.frame.at[int(cell_fid), "code"]) or f"#{int(cell_fid)}"
    names = plan.layer(layer_of(target)).frame.loc[fids, "name"].astype(str).tolist()
    who = "、".join(names[:3]) + ("…" if len(names) > 3 else "")
    macro = MacroCommand(
        translate("RosterCommands", "Assign %1 to grid %2").replace("%1", who).replace("%2", code)
    )
    if move:
        others = [
            a
            for a in assignments_of(plan, target, fids)
            if a not in assignments_of(plan, target, fids, cell_fid)
        ]
        if others:
            macro.add(RemoveRowsCommand(plan, "assignments", others))
    rows = new_assignment_rows(plan, target, fids, cell_fid)
    if rows:
        macro.add(AddRowsCommand(plan, "assignments", rows))
    return macro


def set_cell(plan: Plan, target: str, fid: int, cell_fid: int | None) -> MacroCommand:
    """Make ``cell_fid`` the only cell of one worker or branch (None: no cell)."""
    if cell_fid is not None:
        return assign_to_cell(plan, target, [fid], cell_fid, move=True)
    name = str(plan.layer(layer_of(target)).frame.at[int(fid), "name"])
    macro = MacroCommand(translate("RosterCommands", "Take %1 off every grid").replace("%1", name))
    links = assignments_of(plan, target, [fid])
    if links:
        macro.add(RemoveRowsCommand(plan, "assignments", links))
    return macro


def unassign(plan: Plan, assignment_fids: Iterable[int], who: str = "") -> RemoveRowsCommand:
    """Take people off cells by removing their assignment rows."""
    fids = [int(f) for f in assignment_fids]
    text = (
        translate("RosterCommands", "Remove %1 from the grid").replace("%1", who)
        if who
        else translate("RosterCommands", "Remove assignments (%1)").replace("%1", str(len(fids)))
    )
    return RemoveRowsCommand(plan, "assignments", fids, text)


def apply_proposal_command(
    plan: Plan, proposal: Proposal, accepted_ids: Iterable[str] | None = None
) -> SnapshotCommand:
    """Apply the accepted items of an auto-assignment proposal as one undo step."""
    ids = list(accepted_ids) if accepted_ids is not None else proposal.ids()
    text = translate("RosterCommands", "Auto-assign: %1 changes").replace("%1", str(len(ids)))
    return record_change(plan, lambda p: apply_proposal(p, proposal, ids), text, ROSTER_TABLES)


def drop_on_cell(
    plan: Plan, target: str, fids: Iterable[int], cell_fid: int, copy: bool = False
) -> MacroCommand:
    """What dropping workers or branches on a cell does.

    A worker moves to the cell (off any other cell) unless ``copy`` (Ctrl held);
    a branch is added to the cell, since one branch may serve neighbouring
    grids as a joint branch.
    """
    return assign_to_cell(plan, target, fids, cell_fid, move=target == "worker" and not copy)

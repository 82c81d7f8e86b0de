"""Every roster undo command: do → undo → assert → redo → assert."""

from __future__ import annotations

from factories_roster import cell_code, cell_fid, roster_plan, unassigned_plan
from PySide6.QtGui import QUndoStack

from gridplanner.analysis.people.assignment import propose_assignment
from gridplanner.analysis.people.roster_edit import cells_by_target, summarise_cell
from gridplanner.qt.roster.commands import (
    EditRowCommand,
    add_roster_rows,
    apply_proposal_command,
    assign_to_cell,
    drop_on_cell,
    remove_roster_rows,
    set_cell,
    unassign,
)


def _cells_of(plan, target, fid):
    return cells_by_target(plan, target).get(fid, [])


def test_edit_row_undo_redo(qapp):
    plan, stack = roster_plan(), QUndoStack()
    stack.push(EditRowCommand(plan, "workers", 1, {"phone": "13912345678"}))
    assert plan.workers.row(1)["phone"] == "13912345678"
    stack.undo()
    assert plan.workers.row(1)["phone"] == "13800000000"
    stack.redo()
    assert plan.workers.row(1)["phone"] == "13912345678"


def test_add_rows_keep_their_fids_on_redo(qapp):
    plan, stack = roster_plan(), QUndoStack()
    before = len(plan.workers)
    command = add_roster_rows(plan, "workers", [{"name": "新人甲"}, {"name": "新人乙"}])
    stack.push(command)
    fids = list(command.fids)
    assert len(plan.workers) == before + 2
    assert plan.workers.row(fids[0])["role"] == "full_time"  # the default role
    stack.undo()
    assert len(plan.workers) == before and fids[0] not in plan.workers.frame.index
    stack.redo()
    assert plan.workers.row(fids[1])["name"] == "新人乙"


def test_removing_a_worker_takes_their_assignments_along(qapp):
    plan, stack = roster_plan(), QUndoStack()
    links = len(plan.assignments)
    assert _cells_of(plan, "worker", 1)
    stack.push(remove_roster_rows(plan, "workers", [1, 2]))
    assert 1 not in plan.workers.frame.index
    assert len(plan.assignments) == links - 2
    stack.undo()
    assert plan.workers.row(1)["name"] and len(plan.assignments) == links
    assert _cells_of(plan, "worker", 1) == [cell_fid(plan, cell_code(0, 1))]
    stack.redo()
    assert 2 not in plan.workers.frame.index and len(plan.assignments) == links - 2


def test_assign_moves_a_worker_and_adds_a_branch(qapp):
    plan, stack = roster_plan(), QUndoStack()
    first, second = cell_fid(plan, cell_code(0, 1)), cell_fid(plan, cell_code(0, 2))
    stack.push(drop_on_cell(plan, "worker", [1], second))
    assert _cells_of(plan, "worker", 1) == [second]
    stack.undo()
    assert _cells_of(plan, "worker", 1) == [first]
    stack.redo()
    assert _cells_of(plan, "worker", 1) == [second]
    stack.push(drop_on_cell(plan, "worker", [2], second, copy=True))
    assert sorted(_cells_of(plan, "worker", 2)) == sorted([first, second])
    stack.push(drop_on_cell(plan, "branch", [1], second))  # a joint branch over both
    assert sorted(_cells_of(plan, "branch", 1)) == sorted([first, second])
    stack.undo()
    assert _cells_of(plan, "branch", 1) == [first]


def test_assigning_someone_already_there_does_nothing(qapp):
    plan = roster_plan()
    first = cell_fid(plan, cell_code(0, 1))
    assert assign_to_cell(plan, "worker", [1], first).is_empty()


def test_set_cell_to_none_and_unassign(qapp):
    plan, stack = roster_plan(), QUndoStack()
    first = cell_fid(plan, cell_code(0, 1))
    stack.push(set_cell(plan, "worker", 1, None))
    assert _cells_of(plan, "worker", 1) == []
    stack.undo()
    assert _cells_of(plan, "worker", 1) == [first]
    stack.redo()
    stack.undo()
    person = summarise_cell(plan, first).branches[0]
    stack.push(unassign(plan, [person.assignment_fid], person.name))
    assert summarise_cell(plan, first).branches == []
    stack.undo()
    assert [b.name for b in summarise_cell(plan, first).branches] == [person.name]
    stack.redo()
    assert summarise_cell(plan, first).branches == []


def test_applying_part_of_a_proposal_is_one_undo_step(qapp):
    plan, stack = unassigned_plan(), QUndoStack()
    proposal = propose_assignment(plan)
    ids = proposal.ids()[:3]
    stack.push(apply_proposal_command(plan, proposal, ids))
    assert len(plan.assignments) == 3
    assert stack.count() == 1
    stack.undo()
    assert len(plan.assignments) == 0
    assert set(plan.workers.frame["role"]) == {"full_time"}
    stack.redo()
    assert len(plan.assignments) == 3

"""Auto-assignment from the window: the checklist, accepting part of it, undo."""

from __future__ import annotations

from factories_roster import roster_plan, unassigned_plan
from roster_helpers import roster_feature, roster_window_fixture  # noqa: F401

from gridplanner.analysis.people.assignment import FULL_TIME_WORKER, LEADER, propose_assignment
from gridplanner.qt.roster.auto_assign_dialog import AutoAssignDialog, translate_reason


def test_dialog_lists_items_with_reasons_and_returns_the_checked_ones(qtbot):
    proposal = propose_assignment(unassigned_plan())
    dialog = AutoAssignDialog(proposal)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == len(proposal)
    first = dialog.tree.topLevelItem(0)
    assert first.text(0) in ("Full-time worker", "Grid leader")
    assert first.text(4).startswith("Grid ") and first.text(2)
    assert dialog.accepted_ids() == proposal.ids()
    dialog.none_button.click()
    assert dialog.accepted_ids() == []
    assert dialog.count_label.text().startswith("0 of")
    half = proposal.ids()[::2]
    dialog.set_checked(half)
    assert dialog.accepted_ids() == half


def test_accepting_half_of_the_proposal_applies_just_those_items(make_roster_window):
    plan = unassigned_plan()
    window = make_roster_window(plan)
    feature = roster_feature(window)
    proposal = propose_assignment(plan)
    half = proposal.ids()[: len(proposal) // 2]
    seen = {}

    def accept_half(p):
        seen["count"] = len(p)
        return half

    feature.ask_accepted = accept_half
    feature.action_auto_assign()
    assert seen["count"] == len(proposal)
    items = {i.id: i for i in proposal}
    wanted = {(items[i].cell_fids[0], items[i].worker_fid) for i in half}
    a = plan.assignments.frame
    assert set(zip(a["cell_fid"].astype(int), a["target_fid"].astype(int), strict=True)) == wanted
    leaders = {items[i].worker_fid for i in half if items[i].what == LEADER}
    assert set(plan.workers.frame.index[plan.workers.frame["role"] == "leader"]) == leaders
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert len(plan.assignments) == 0
    assert set(plan.workers.frame["role"]) == {"full_time"}
    window.redo_action.trigger()
    assert len(plan.assignments) == len(half)
    assert any(items[i].what == FULL_TIME_WORKER for i in half)


def test_cancelling_changes_nothing(make_roster_window):
    plan = unassigned_plan()
    window = make_roster_window(plan)
    feature = roster_feature(window)
    feature.ask_accepted = lambda p: None
    feature.action_auto_assign()
    assert len(plan.assignments) == 0 and window.undo_stack.count() == 0


def test_a_stale_proposal_is_refused_with_a_message(make_roster_window):
    plan = unassigned_plan()
    window = make_roster_window(plan)
    feature = roster_feature(window)
    proposal = propose_assignment(plan)
    plan.workers.remove([proposal.items[0].worker_fid])
    assert not feature.apply_proposal(proposal, proposal.ids()[:1])
    assert window.errors and "no longer exists" in window.errors[0][1]
    assert len(plan.assignments) == 0


def test_reasons_are_translatable_and_unknown_ones_pass_through():
    assert translate_reason("grid 000000001001001 has no full-time worker (420 households)") \
        == "Grid 000000001001001 has no full-time worker (420 households)"
    assert translate_reason("something new") == "something new"


def test_joint_branch_items_show_in_the_dialog(qtbot):
    plan = roster_plan()
    for fid in (1, 2):
        plan.branches.set_attributes(fid, {"full_members": 1})
    proposal = propose_assignment(plan)
    dialog = AutoAssignDialog(proposal)
    qtbot.addWidget(dialog)
    rows = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    joint = [r for r in rows if r.text(0) == "Joint branch"]
    assert joint and joint[0].text(4).startswith("Branches ")

"""Check Roster Rules: findings listed in the roster findings dock, kept current."""

from __future__ import annotations

from factories_roster import cell_code, cell_fid, roster_plan
from roster_helpers import roster_feature, roster_window_fixture  # noqa: F401

from gridplanner.analysis.people.roster_edit import assignments_of
from gridplanner.qt.roster.commands import drop_on_cell, unassign


def test_check_lists_roster_findings_and_follows_fixes(make_roster_window, qtbot):
    plan = roster_plan()
    window = make_roster_window(plan)
    feature = roster_feature(window)
    assert feature.action_check() == []
    assert feature.findings.isVisible()
    fid = cell_fid(plan, cell_code(1, 3))
    leader = [a for a in assignments_of(plan, "worker", cell_fid=fid)
              if plan.workers.row(int(plan.assignments.row(a)["target_fid"]))["role"] == "leader"]
    worker = int(plan.assignments.row(leader[0])["target_fid"])
    window.undo_stack.push(unassign(plan, leader))
    findings = feature.action_check()
    assert [f.kind for f in findings] == ["no_leader"]
    assert feature.findings.tree.topLevelItemCount() == 1
    assert cell_code(1, 3) in feature.findings.tree.topLevelItem(0).text(3)
    feature.findings.activate(findings[0])
    assert window.canvas.selection("cells") == [fid]
    assert feature.panel.cell_fid == fid  # the panel shows the cell to fix
    window.undo_stack.push(drop_on_cell(plan, "worker", [worker], fid))
    qtbot.waitUntil(lambda: feature.findings.tree.topLevelItemCount() == 0, timeout=3000)


def test_a_finding_about_people_can_be_shown(make_roster_window):
    plan = roster_plan()
    plan.workers.set_attributes(2, {"name": str(plan.workers.row(1)["name"]),
                                    "phone": str(plan.workers.row(1)["phone"])})
    window = make_roster_window(plan)
    feature = roster_feature(window)
    findings = feature.action_check()
    duplicate = next(f for f in findings if f.kind == "duplicate_person")
    shown = feature.findings.findings[findings.index(duplicate)]
    feature.findings.activate(shown)  # the map selects cells; the roster selects the people
    window.canvas.render_now()
    window.canvas.repaint()
    assert window.canvas.selection("cells")
    assert roster_feature(window).dock.workers.selected_fids() == [1, 2]

"""Every roster rule: a plan that keeps them all, and one break per rule."""

from __future__ import annotations

import pandas as pd
import pytest
from factories_roster import cell_code, cell_fid, roster_plan

from gridplanner.analysis.people.roster_rules import (
    cell_neighbours,
    cell_totals,
    check_roster,
    roster_by_cell,
)

A1 = cell_code(0, 1)  # north-west cell of 东风社区
A2 = cell_code(0, 2)  # its east neighbour
A4 = cell_code(0, 4)  # south of A1
A3 = cell_code(0, 3)
B1 = cell_code(1, 1)  # first cell of 西湖社区, east neighbour of A3


@pytest.fixture
def plan():
    return roster_plan()


def kinds(findings):
    return sorted({f.kind for f in findings})


def of_kind(findings, kind):
    return [f for f in findings if f.kind == kind]


def remove_assignments(plan, cell_code_, target, role=None):
    fid = cell_fid(plan, cell_code_)
    a = plan.assignments.frame
    rows = a[(a["cell_fid"] == fid) & (a["target"] == target)]
    if role is not None:
        roles = plan.workers.frame["role"]
        rows = rows[[roles.get(int(t)) == role for t in rows["target_fid"]]]
    plan.assignments.remove(rows.index)


def test_complete_roster_has_no_findings(plan):
    assert check_roster(plan) == []


def test_households_are_counted_per_cell(plan):
    totals = cell_totals(plan)
    assert totals["households"].sum() == pytest.approx(plan.totals()["households"])
    assert (totals["households"] > 0).all()


def test_neighbours_share_an_edge_not_a_corner(plan):
    n = cell_neighbours(plan)
    a1, a2, a4 = (cell_fid(plan, c) for c in (A1, A2, A4))
    assert a2 in n[a1] and a4 in n[a1]
    assert cell_fid(plan, cell_code(0, 5)) not in n[a1]  # diagonal


def test_missing_leader_is_reported_by_code(plan):
    remove_assignments(plan, A1, "worker", "leader")
    (f,) = check_roster(plan)
    assert f.kind == "no_leader" and f.cells == [A1] and f.community == "东风社区"
    assert A1 in f.message


def test_missing_full_time_worker(plan):
    remove_assignments(plan, A2, "worker", "full_time")
    assert kinds(check_roster(plan)) == ["no_full_time_worker"]


def test_missing_branch(plan):
    remove_assignments(plan, A2, "branch")
    findings = check_roster(plan)
    assert [f.cells for f in of_kind(findings, "no_branch")] == [[A2]]


def test_small_branch(plan):
    branch = int(plan.assignments.frame.query("target == 'branch'")["target_fid"].iloc[0])
    plan.branches.set_attributes(branch, {"full_members": 2})
    (f,) = check_roster(plan)
    assert f.kind == "branch_too_small" and f.cells == [A1]
    assert f.features == {"branches": [branch]}


def test_joint_branch_over_neighbours_is_fine_but_not_over_distant_cells(plan):
    def joint_over(codes):
        a = plan.assignments.frame
        rows = a[(a["target"] == "branch") & a["cell_fid"].isin([cell_fid(plan, c) for c in codes])]
        plan.assignments.remove(rows.index)
        (fid,) = plan.branches.add([{"name": "联合党支部", "full_members": 5, "kind": "joint"}])
        plan.assignments.add([{"cell_fid": cell_fid(plan, c), "target": "branch",
                               "target_fid": fid} for c in codes])
    joint_over([A1, A2])
    assert check_roster(plan) == []
    joint_over([A1, cell_code(1, 6)])
    f = of_kind(check_roster(plan), "joint_branch_not_adjacent")
    assert len(f) == 1 and sorted(f[0].cells) == sorted([A1, cell_code(1, 6)])


def test_overloaded_worker(plan):
    plan.settings = plan.settings.replaced(worker_load_max=100)
    findings = check_roster(plan)
    assert kinds(findings) == ["worker_overloaded"]
    assert len(findings) == 12


def test_load_is_shared_among_full_time_workers(plan):
    totals = cell_totals(plan)
    fid = cell_fid(plan, A1)
    hh = totals.at[fid, "households"]
    plan.settings = plan.settings.replaced(worker_load_max=int(hh / 2) + 1)
    (extra,) = plan.workers.add([{"name": "新人", "phone": "13999999999",
                                  "role": "full_time", "community": "东风社区"}])
    plan.assignments.add([{"cell_fid": fid, "target": "worker", "target_fid": extra}])
    overloaded = of_kind(check_roster(plan), "worker_overloaded")
    assert A1 not in {c for f in overloaded for c in f.cells}


def test_worker_in_two_communities(plan):
    teams = roster_by_cell(plan)
    worker = teams[cell_fid(plan, A3)].full_time[0]
    plan.assignments.add([{"cell_fid": cell_fid(plan, B1), "target": "worker",
                           "target_fid": worker}])
    (f,) = check_roster(plan)
    assert f.kind == "worker_multiple_communities"
    assert sorted(f.cells) == sorted([A3, B1])


def test_duplicate_person_and_phone(plan):
    first = plan.workers.frame.iloc[0]
    plan.workers.add([{"name": first["name"], "phone": first["phone"], "role": "part_time",
                       "community": first["community"]}])
    assert kinds(check_roster(plan)) == ["duplicate_person"]
    plan.workers.add([{"name": "另一人", "phone": str(first["phone"])[:3] + "-"
                       + str(first["phone"])[3:], "role": "steward"}])
    assert kinds(check_roster(plan)) == ["duplicate_person", "duplicate_phone"]


def test_dedicated_grid_without_unit(plan):
    fid = cell_fid(plan, A1)
    plan.cells.set_attributes(fid, {"kind": "dedicated"})
    (f,) = check_roster(plan)
    assert f.kind == "dedicated_without_unit" and f.cells == [A1]
    plan.cells.set_attributes(fid, {"responsible_unit": "第一中学"})
    assert check_roster(plan) == []


def test_findings_serialise(plan):
    remove_assignments(plan, A1, "worker", "leader")
    data = check_roster(plan)[0].to_json()
    assert data["kind"] == "no_leader" and data["cells"] == [A1] and len(data["bounds"]) == 4
    assert isinstance(pd.Series(data["cell_fids"]).iloc[0].item(), int)


def test_unstaffed_grids_are_warnings_until_staffing_begins(plan):
    plan.assignments.remove(plan.assignments.fids())
    findings = check_roster(plan)
    missing = [f for f in findings if f.kind in ("no_leader", "no_full_time_worker", "no_branch")]
    assert len(missing) == 3 * len(plan.cells)
    assert {f.severity for f in missing} == {"warning"}
    assert "no one is assigned" in missing[0].message


def test_one_assignment_makes_every_unstaffed_grid_an_error(plan):
    keep = plan.assignments.fids()[0]
    plan.assignments.remove([f for f in plan.assignments.fids() if f != keep])
    missing = [f for f in check_roster(plan) if f.kind == "no_leader"]
    assert missing and {f.severity for f in missing} == {"error"}


def test_small_branch_on_no_grid_is_a_warning(plan):
    fid = plan.branches.add([{"name": "新支部", "full_members": 2}])[0]
    (f,) = [f for f in check_roster(plan) if f.features.get("branches") == [fid]]
    assert f.kind == "branch_too_small" and f.severity == "warning"


def test_a_plan_with_no_roster_gets_one_note_not_one_per_grid(plan):
    plan.assignments.remove(plan.assignments.fids())
    plan.workers.remove(plan.workers.fids())
    plan.branches.remove(plan.branches.fids())
    (finding,) = check_roster(plan)
    assert finding.kind == "no_roster" and finding.severity == "warning"

"""Rosters that already say who works where: 所属网格 and 所属社区 columns."""

from __future__ import annotations

import pytest
from factories_office import cells_file, community_file, roster_files

from gridplanner.analysis.people.assignment import JOINT_BRANCH, LEADER, propose_assignment
from gridplanner.analysis.people.community_rules import check_communities
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model.plan import Plan


@pytest.fixture
def staffed(tmp_path) -> tuple[Plan, object, object]:
    plan = Plan()
    import_file(plan, "boundaries", community_file(tmp_path))
    import_file(plan, "cells", cells_file(tmp_path))
    workers, branches = roster_files(tmp_path)
    w = import_file(plan, "workers", workers, ImportOptions(extra={"column.cell": "所属网格"}))
    b = import_file(plan, "branches", branches)
    return plan, w, b


def _cell(plan: Plan, code: str) -> int:
    cells = plan.cells.frame
    return int(cells.index[cells["code"] == code][0])


def _on(plan: Plan, target: str, name: str) -> list[str]:
    table = plan.workers.frame if target == "worker" else plan.branches.frame
    fid = int(table.index[table["name"] == name][0])
    a = plan.assignments.frame
    cells = a.loc[(a["target"] == target) & (a["target_fid"] == fid), "cell_fid"]
    return sorted(str(plan.cells.frame.at[int(c), "code"]) for c in cells)


def test_grid_column_links_people_to_cells(staffed):
    plan, report, _ = staffed
    assert _on(plan, "worker", "张伟") == ["110105001001001"]
    assert _on(plan, "worker", "李强") == ["110105001001002"]
    # 第4网格 is a short name in both communities: the row's own community decides
    assert _on(plan, "worker", "赵磊") == ["110105001002004"]
    assert any(w.startswith("row 11: no grid cell with code or name '不存在网格'")
               for w in report.warnings), report.warnings


def test_branch_community_column_is_mapped(staffed):
    plan, _, report = staffed
    branches = plan.branches.frame.set_index("name")
    assert branches.at["西湖二网格党支部", "community"] == "西湖社区"
    assert any("'所属社区' as community" in w for w in report.warnings)
    assert _on(plan, "branch", "东风一网格党支部") == ["110105001001001"]


def test_auto_assign_keeps_communities_leaders_first_and_big_branches_whole(staffed):
    plan, _, _ = staffed
    proposal = propose_assignment(plan)
    cells = plan.cells.frame
    branches = plan.branches.frame
    workers = plan.workers.frame
    for item in proposal:
        for fid in item.cell_fids:
            for b in item.branch_fids:
                assert branches.at[b, "community"] == cells.at[fid, "community"]
            if item.worker_fid is not None:
                assert workers.at[item.worker_fid, "community"] == cells.at[fid, "community"]
    leaders = [i for i in proposal if i.what == LEADER and i.community == "东风社区"]
    assert leaders[0].who == "刘洋"  # the imported 网格长 before any promotion
    joints = [i for i in proposal if i.what == JOINT_BRANCH]
    assert all("东风一网格党支部" not in i.reason for i in joints)  # 5 members: never merged
    assert [i.reason for i in joints] == [
        "branches 西湖二网格党支部 (1), 西湖一网格党支部 (2) have fewer than 3 full members "
        "each; together 3"]


def test_rule_flags_a_branch_on_a_grid_of_another_community(staffed):
    plan, _, _ = staffed
    assert check_communities(plan) == []
    branch = int(plan.branches.frame.index[plan.branches.frame["name"] == "东风二网格党支部"][0])
    plan.assignments.add([{"cell_fid": _cell(plan, "110105001002002"), "target": "branch",
                           "target_fid": branch}])
    (finding,) = check_communities(plan)
    assert finding.kind == "branch_other_community" and finding.severity == "error"
    assert finding.message == ("branch 东风二网格党支部 belongs to 东风社区 but is assigned to "
                               "grid 110105001002002 of 西湖社区")

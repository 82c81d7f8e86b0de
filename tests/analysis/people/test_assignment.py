"""Auto-assignment: every grid gets a full-time worker and a leader, balanced."""

from __future__ import annotations

import pytest
from factories_roster import cell_code, cell_fid, roster_plan, unassigned_plan

from gridplanner.analysis.people.assignment import apply_proposal, propose_assignment
from gridplanner.analysis.people.roster_rules import (
    cell_totals,
    check_roster,
    roster_by_cell,
    worker_loads,
)
from gridplanner.errors import ModelError


def team_kinds(plan):
    return {f.kind for f in check_roster(plan)}


def test_every_cell_gets_a_full_time_worker_and_a_leader():
    plan = unassigned_plan()
    proposal = propose_assignment(plan)
    assert proposal.unmet == []
    assert sum(i.what == "full_time_worker" for i in proposal) == 12
    assert sum(i.what == "leader" for i in proposal) == 12
    apply_proposal(plan, proposal)
    teams = roster_by_cell(plan)
    assert all(len(t.full_time) >= 1 and len(t.leaders) == 1 for t in teams.values())
    posts = [w for t in teams.values() for w in t.full_time + t.leaders]
    assert len(posts) == len(set(posts))  # nobody holds two posts
    workers = plan.workers.frame
    for fid, team in teams.items():  # people stay in their own community
        community = plan.cells.frame.at[fid, "community"]
        assert set(workers.loc[team.full_time + team.leaders, "community"]) == {community}
    assert not team_kinds(plan) & {"no_leader", "no_full_time_worker",
                                   "worker_multiple_communities", "worker_overloaded"}
    assert propose_assignment(plan).items == []


def test_spare_workers_go_to_the_heaviest_cells():
    plan = unassigned_plan()
    totals = cell_totals(plan)["households"]
    limit = int(totals.sort_values().iloc[-3]) + 1  # the two largest cells are overloaded
    plan.settings = plan.settings.replaced(worker_load_max=limit)
    proposal = propose_assignment(plan)
    extras = [i for i in proposal if i.what == "extra_worker"]
    assert extras and all(totals[i.cell_fids[0]] >= limit for i in extras)
    apply_proposal(plan, proposal)
    loads = worker_loads(plan)
    assert max(loads.values()) <= limit
    assert "worker_overloaded" not in team_kinds(plan)


def test_shortage_is_reported_not_invented():
    plan = unassigned_plan(workers_per_community=4)
    proposal = propose_assignment(plan)
    assert sum(i.what == "full_time_worker" for i in proposal) == 8
    assert len(proposal.unmet) == 2 * 2 + 2 * 6  # 2 cells/community without worker, 6 leaders
    assert all("no" in m for m in proposal.unmet)


def test_partial_acceptance():
    plan = unassigned_plan()
    proposal = propose_assignment(plan)
    first = proposal.items[0]
    applied = apply_proposal(plan, proposal, accepted_ids=[first.id])
    assert applied == [first.id]
    assert len(plan.assignments) == 1
    assert int(plan.assignments.frame["target_fid"].iloc[0]) == first.worker_fid
    with pytest.raises(ModelError, match="no item 'zz'"):
        apply_proposal(plan, proposal, accepted_ids=["zz"])


def test_small_branches_are_merged_with_the_smallest_neighbour():
    plan = roster_plan()
    a1, a2, a4 = (cell_fid(plan, cell_code(0, s)) for s in (1, 2, 4))
    teams = roster_by_cell(plan)
    plan.branches.set_attributes(teams[a1].branches[0], {"full_members": 1})
    plan.branches.set_attributes(teams[a2].branches[0], {"full_members": 2})
    plan.branches.set_attributes(teams[a4].branches[0], {"full_members": 5})
    assert "branch_too_small" in team_kinds(plan)
    proposal = propose_assignment(plan)
    (item,) = proposal.items
    assert item.what == "joint_branch" and sorted(item.cell_fids) == sorted([a1, a2])
    assert item.full_members == 3
    apply_proposal(plan, proposal)
    assert check_roster(plan) == []
    teams = roster_by_cell(plan)
    assert teams[a1].branches == teams[a2].branches
    joint = plan.branches.frame.loc[teams[a1].branches[0]]
    assert joint["kind"] == "joint" and joint["full_members"] == 3
    assert len(plan.branches) == 11


def test_proposal_json_names_cells_and_people():
    plan = unassigned_plan()
    data = propose_assignment(plan).to_json()
    item = data["items"][0]
    assert set(item) >= {"id", "cell", "what", "who", "reason"}
    assert item["cell"].startswith("000000001") and item["who"]


def test_free_grid_branches_go_to_grids_of_their_community():
    from factories_roster import COMMUNITIES

    plan = unassigned_plan()
    cells = plan.cells.frame
    per_community = cells["community"].value_counts()
    rows = [{"name": f"{c}第{k + 1}网格党支部", "secretary": f"书记{k}", "full_members": 5,
             "kind": "grid", "community": c}
            for c in COMMUNITIES for k in range(int(per_community[c]))]
    plan.branches.add(rows)
    proposal = propose_assignment(plan)
    grid_items = [i for i in proposal if i.what == "grid_branch"]
    assert len(grid_items) == len(cells)
    branches = plan.branches.frame
    for item in grid_items:
        assert branches.at[item.branch_fids[0], "community"] == item.community
        assert cells.at[item.cell_fids[0], "community"] == item.community
    apply_proposal(plan, proposal)
    kinds = {f.kind for f in check_roster(plan)}
    assert "no_branch" not in kinds


def test_a_small_free_grid_branch_is_assigned_then_joined_with_a_neighbour():
    plan = unassigned_plan()
    cells = plan.cells.frame.sort_values("code")
    community = cells["community"].iloc[0]
    n = int((cells["community"] == community).sum())
    plan.branches.add([{"name": f"支部{k}", "full_members": (1, 2)[k] if k < 2 else 6,
                        "kind": "grid", "community": community} for k in range(n)])
    proposal = propose_assignment(plan)
    joint = [i for i in proposal if i.what == "joint_branch"]
    assert len(joint) == 1 and len(joint[0].cell_fids) == 2
    assert joint[0].full_members == 3  # the two small ones; a branch of 6 is never merged
    apply_proposal(plan, proposal)
    small = [f for f in check_roster(plan) if f.kind == "branch_too_small"]
    assert small == []

"""Organisation tallies per grid and community add up to what was put in."""

from __future__ import annotations

import pytest
from factories_roster import cell_code, cell_fid, roster_plan

from gridplanner.analysis.grids.micro import (
    building_micro_grids,
    generate_micro_grids,
    replace_micro_grids,
)
from gridplanner.analysis.grids.tallies import building_cells
from gridplanner.analysis.people.organisation_tallies import (
    organisation_by_cell,
    organisation_by_community,
    organisation_totals,
)


@pytest.fixture
def plan():
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    b = [int(f) for f in plan.buildings.frame.index]
    plan.buildings.set_column("group_党员", {f: float(i % 3) for i, f in enumerate(b)})
    micro = building_micro_grids(plan)
    plan.layer("party_households").add([
        {"name": "甲", "building_fid": b[0], "households": 10},
        {"name": "乙", "micro_fid": int(micro[b[1]])},
        {"name": "丙", "building_fid": b[2]},
    ])
    plan.layer("party_groups").add([{"name": "一组", "buildings": f"{b[3]};{b[4]}"},
                                    {"name": "二组", "micro_fid": int(micro[b[5]])}])
    west, east = cell_fid(plan, cell_code(0, 1)), cell_fid(plan, cell_code(1, 1))
    plan.layer("party_members").add([{"name": "报到1", "cell_fid": west},
                                     {"name": "报到2", "community": "西湖社区"},
                                     {"name": "报到3"}])
    plan.layer("volunteers").add([{"name": "志1", "cell_fid": east},
                                  {"name": "志2", "cell_fid": east}])
    plan.layer("staff").add([{"name": "员1", "centre_fid": 1}, {"name": "员2",
                                                                "community": "西湖社区"}])
    return plan


def test_per_cell_counts_follow_buildings_micro_grids_and_assignments(plan):
    t = organisation_by_cell(plan)
    b = [int(f) for f in plan.buildings.frame.index]
    cells = building_cells(plan)
    micro = plan.layer("micro_grids").frame
    assert t["micro_grids"].sum() == len(micro)
    assert (t["micro_grids"] == micro["cell_fid"].value_counts().reindex(t.index)).all()
    members = plan.buildings.frame["group_党员"].groupby(cells).sum()
    assert t["party_members"].to_dict() == pytest.approx(members.reindex(t.index).to_dict())
    assert t["party_households"].sum() == 3
    assert t.at[int(cells[b[0]]), "households_cared"] >= 10
    assert t["party_groups"].sum() == 2 and t.at[int(cells[b[3]]), "party_groups"] >= 1
    west, east = cell_fid(plan, cell_code(0, 1)), cell_fid(plan, cell_code(1, 1))
    assert t.at[west, "reporting_members"] == 1 and t["reporting_members"].sum() == 1
    assert t.at[east, "volunteers"] == 2


def test_per_community_and_totals(plan):
    c = organisation_by_community(plan)
    t = organisation_by_cell(plan)
    communities = plan.cells.frame["community"]
    for name in ("东风社区", "西湖社区"):
        mine = t[communities.reindex(t.index) == name]
        assert c.at[name, "micro_grids"] == mine["micro_grids"].sum()
        assert c.at[name, "party_members"] == pytest.approx(mine["party_members"].sum())
    assert c.at["东风社区", "reporting_members"] == 1
    assert c.at["西湖社区", "reporting_members"] == 1  # by its own community column
    assert c.at["西湖社区", "volunteers"] == 2
    # staff: one by community, one by the community its centre stands in
    assert c["staff"].sum() == 2
    totals = organisation_totals(plan)
    assert totals["reporting_members"] == 3 and totals["staff"] == 2
    assert totals["party_members"] == pytest.approx(plan.buildings.frame["group_党员"].sum())

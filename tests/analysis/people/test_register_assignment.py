"""Assigning the registers: by hand (grid, micro-grid, centre) and the auto proposal."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from factories_roster import cell_code, cell_fid, roster_plan

from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids
from gridplanner.analysis.grids.tallies import building_cells, tally_cells
from gridplanner.analysis.people.register_assignment import (
    apply_register_items,
    assign_person,
    propose_registers,
)
from gridplanner.errors import ModelError


@pytest.fixture
def plan():
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    return plan


def test_assign_to_a_micro_grid_sets_its_grid_and_community(plan):
    (p,) = plan.layer("party_members").add([{"name": "张伟"}])
    micro = plan.layer("micro_grids").frame
    m = int(micro.index[3])
    old = assign_person(plan, "party-members", p, micro_fid=m)
    row = plan.layer("party_members").frame.loc[p]
    assert int(row["micro_fid"]) == m and int(row["cell_fid"]) == int(micro.at[m, "cell_fid"])
    assert row["community"] == plan.cells.frame.at[int(row["cell_fid"]), "community"]
    assert pd.isna(old["cell_fid"])
    other = int(plan.cells.frame.index[-1])
    if other != int(micro.at[m, "cell_fid"]):
        with pytest.raises(ModelError, match="not in that grid"):
            assign_person(plan, "party_members", p, cell_fid=other, micro_fid=m)


def test_staff_go_to_centres_and_others_to_grids(plan):
    (s,) = plan.layer("staff").add([{"name": "周敏"}])
    (v,) = plan.layer("volunteers").add([{"name": "陈静"}])
    centre = int(plan.centres.frame.index[0])
    assign_person(plan, "staff", s, centre_fid=centre)
    assert int(plan.layer("staff").frame.at[s, "centre_fid"]) == centre
    with pytest.raises(ModelError, match="assigned to a centre, not to a grid"):
        assign_person(plan, "staff", s, cell_fid=1)
    with pytest.raises(ModelError, match="not to a centre"):
        assign_person(plan, "volunteers", v, centre_fid=centre)
    with pytest.raises(ModelError, match="no feature with id 999"):
        assign_person(plan, "volunteers", v, cell_fid=999)
    with pytest.raises(ModelError, match="unknown register"):
        assign_person(plan, "riders", v, cell_fid=1)


def test_reporting_members_are_proposed_to_their_home_buildings_grid(plan):
    buildings = [int(f) for f in plan.buildings.frame.index[:5]]
    plan.layer("party_members").add([{"name": f"党员{i}", "building_fid": b}
                                     for i, b in enumerate(buildings)]
                                    + [{"name": "无住址"}])
    items = propose_registers(plan)
    assert len(items) == 5
    cells = building_cells(plan)
    for item, b in zip(items, buildings, strict=True):
        assert item.what == "reporting_member" and item.cell_fid == int(cells[b])
        assert item.micro_fid is not None
    apply_register_items(plan, items, [items[0].id, items[2].id])
    frame = plan.layer("party_members").frame
    assert frame["cell_fid"].notna().sum() == 2
    assert len(propose_registers(plan)) == 3  # the rest are still proposed


def test_volunteers_are_balanced_by_households(plan):
    c = cell_code(0, 1)
    plan.layer("volunteers").add([{"name": f"志愿者{i}", "community": "东风社区"}
                                  for i in range(12)]
                                 + [{"name": "已分配", "cell_fid": cell_fid(plan, c)}])
    items = propose_registers(plan)
    assert len(items) == 12
    assert {plan.cells.frame.at[i.cell_fid, "community"] for i in items} == {"东风社区"}
    apply_register_items(plan, items)
    households = tally_cells(plan)["households"]
    per_cell = plan.layer("volunteers").frame["cell_fid"].astype(int).value_counts()
    east = plan.cells.frame.index[plan.cells.frame["community"] == "东风社区"]
    load = np.array([households[f] / per_cell.get(f, 0.5) for f in east])
    # greedy on households per volunteer: the spread is within one volunteer's share
    assert load.max() / load.min() < 3.0
    assert per_cell.sum() == 13
    biggest = households[east].idxmax()
    assert per_cell[biggest] == per_cell[east].max()

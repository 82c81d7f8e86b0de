"""The Party organisation tree: each rule broken and reported, proposals from the
building data's Party-member column, and the round trip through the plan file."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from factories import CRS, ORIGIN
from factories_roster import roster_plan

from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids
from gridplanner.analysis.grids.validation import run_checkers
from gridplanner.analysis.people.organisation import (
    households_cared,
    party_member_column,
)
from gridplanner.analysis.people.organisation_proposal import (
    apply_org_proposal,
    propose_organisation,
)
from gridplanner.analysis.people.organisation_rules import check_organisation
from gridplanner.io.plan_file.project import load_plan, save_plan

X0, Y0 = ORIGIN


def org_plan(party_column: str = "党员") -> tuple:
    """The roster plan with one walled compound over the south-west block (4 buildings,
    2 Party members each) and a Party-member column on the buildings."""
    plan = roster_plan()
    compound = shapely.box(X0 + 2, Y0 + 2, X0 + 98, Y0 + 98)
    (cfid,) = plan.boundaries.add(gpd.GeoDataFrame(
        {"level": ["compound"], "name": ["幸福小区"], "parent": ["东风社区"]},
        geometry=[compound], crs=CRS))
    b = plan.buildings.frame
    inside = b.geometry.representative_point().within(compound)
    plan.buildings.set_column(party_column, {int(f): (2 if inside[f] else 0) for f in b.index})
    return plan, cfid, [int(f) for f in b.index[inside]]


def kinds(findings):
    return [f.kind for f in findings]


def test_party_member_column_is_found_by_its_usual_headers():
    for header in ("党员", "党员数", "党员人数", "party_members", "Party Members", "group_党员"):
        assert party_member_column(pd.DataFrame(columns=["name", header])) == header
    assert party_member_column(pd.DataFrame(columns=["name", "households"])) is None


def test_compound_with_members_needs_a_branch_or_a_reason():
    plan, cfid, _ = org_plan()
    found = [f for f in check_organisation(plan) if f.kind == "compound_without_branch"]
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].params["members"] == 8 and found[0].features == {"boundaries": [cfid]}
    assert "compound_without_branch" in kinds(run_checkers(plan))
    plan.boundaries.set_attributes(cfid, {"branch_reason": "与网格党支部合署"})
    assert "compound_without_branch" not in kinds(check_organisation(plan))
    plan.boundaries.set_attributes(cfid, {"branch_reason": "", "walled": False})
    assert "compound_without_branch" not in kinds(check_organisation(plan))
    plan.boundaries.set_attributes(cfid, {"walled": True})
    plan.branches.add([{"name": "幸福小区党支部", "kind": "compound", "compound": "幸福小区",
                        "full_members": 8}])
    assert "compound_without_branch" not in kinds(check_organisation(plan))


def test_party_group_must_sit_under_a_branch():
    plan, _, _ = org_plan()
    (committee,) = plan.branches.add([{"name": "东风社区大党委", "kind": "committee",
                                       "community": "东风社区", "full_members": 30}])
    groups = plan.layer("party_groups")
    (g1, g2, g3) = groups.add([{"name": "一号楼党小组"},
                               {"name": "二号楼党小组", "branch_fid": committee},
                               {"name": "三号楼党小组", "branch_fid": 1}])
    found = {f.features["party_groups"][0]: f for f in check_organisation(plan)
             if f.kind == "party_group_without_branch"}
    assert set(found) == {g1, g2}
    assert "committee" in found[g2].message


def test_missing_parents_are_reported():
    plan, _, _ = org_plan()
    plan.branches.set_attributes(1, {"parent_fid": 999})
    (g,) = plan.layer("party_groups").add([{"name": "组", "branch_fid": 998}])
    plan.layer("party_households").add([{"name": "王", "group_fid": 997}])
    found = [f for f in check_organisation(plan) if f.kind == "org_parent_missing"]
    assert sorted(f.params["parent"] for f in found) == [997, 998, 999]


def test_every_micro_grid_needs_a_party_member_household_or_a_steward():
    plan, _, inside = org_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    micro = plan.layer("micro_grids").frame
    before = [f for f in check_organisation(plan) if f.kind == "micro_grid_without_carer"]
    assert len(before) == len(micro) and before[0].severity == "warning"  # nothing started
    first, second = (int(f) for f in micro.index[:2])
    plan.layer("party_households").add([{"name": "李大姐", "micro_fid": first}])
    plan.layer("micro_grids").set_attributes(second, {"steward": "赵楼长"})
    after = [f for f in check_organisation(plan) if f.kind == "micro_grid_without_carer"]
    assert len(after) == len(micro) - 2 and after[0].severity == "error"
    assert {first, second}.isdisjoint({f.features["micro_grids"][0] for f in after})
    assert after[0].cell_fids  # zoom to the grid in the window


def test_care_range_uses_the_given_count_or_a_share_of_the_micro_grid():
    plan, _, inside = org_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    micro = plan.layer("micro_grids").frame
    m = int(micro.index[0])
    homes = plan.layer("party_households")
    a, b, c = homes.add([{"name": "甲", "micro_fid": m}, {"name": "乙", "micro_fid": m},
                         {"name": "丙", "households": 40}])
    cared = households_cared(plan)
    assert cared[a] == pytest.approx(cared[b])
    assert cared[a] + cared[b] == pytest.approx(
        plan.buildings.frame["households"][
            plan.buildings.frame.geometry.representative_point().within(
                micro.at[m, "geometry"])].sum())
    found = {f.features["party_households"][0]: f for f in check_organisation(plan)
             if f.kind == "care_out_of_range"}
    assert found[c].params == {"name": "丙", "households": 40, "status": "above", "low": 5,
                               "high": 15}


def test_proposal_makes_committee_compound_branch_and_groups_that_pass_the_rules():
    plan, cfid, inside = org_plan()
    plan.buildings.set_column("党员", {inside[0]: 4})  # one building with its own group
    proposal = propose_organisation(plan)
    whats = [i.what for i in proposal]
    assert whats.count("committee") == 2
    assert whats.count("compound_branch") == 1 and whats.count("party_group") == 1
    branch = next(i for i in proposal if i.what == "compound_branch")
    assert branch.compound == "幸福小区" and branch.full_members == 10
    group = next(i for i in proposal if i.what == "party_group")
    assert group.parent_item == branch.id and group.buildings == [inside[0]]
    apply_org_proposal(plan, proposal)
    assert check_organisation(plan) == []
    branches = plan.branches.frame
    new_branch = branches[branches["kind"] == "compound"]
    committee = branches[(branches["kind"] == "committee") & (branches["community"] == "东风社区")]
    assert int(new_branch["parent_fid"].iloc[0]) == int(committee.index[0])
    groups = plan.layer("party_groups").frame
    assert int(groups["branch_fid"].iloc[0]) == int(new_branch.index[0])
    assert propose_organisation(plan).items == []  # nothing left to propose


def test_a_group_accepted_without_its_compound_branch_falls_back_to_the_grid_branch():
    plan, _, inside = org_plan()
    plan.buildings.set_column("党员", {inside[0]: 4})
    proposal = propose_organisation(plan)
    group = next(i for i in proposal if i.what == "party_group")
    apply_org_proposal(plan, proposal, [group.id])
    branch = int(plan.layer("party_groups").frame["branch_fid"].iloc[0])
    assert plan.branches.frame.at[branch, "kind"] == "grid"


def test_organisation_round_trips_through_the_plan_file(tmp_path):
    plan, _, inside = org_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    apply_org_proposal(plan, propose_organisation(plan))
    plan.layer("party_households").add([{"name": "王阿姨", "phone": "13800001111",
                                         "building_fid": inside[0], "group_fid": pd.NA,
                                         "households": 12}])
    path = save_plan(plan, tmp_path / "org.gpkg")
    back = load_plan(path)
    for name in ("branches", "party_groups", "party_households", "micro_grids"):
        a, b = plan.layer(name).frame, back.layer(name).frame
        assert list(a.index) == list(b.index), name
        cols = [c for c in a.columns if c != "geometry"]
        pd.testing.assert_frame_equal(a[cols], b[cols], check_dtype=False, obj=name)
    assert check_organisation(back) == check_organisation(plan) or \
        kinds(check_organisation(back)) == kinds(check_organisation(plan))


def test_an_old_plan_without_the_new_tables_loads_with_empty_ones(tmp_path):
    import sqlite3

    plan, _, _ = org_plan()
    path = save_plan(plan, tmp_path / "old.gpkg")
    with sqlite3.connect(path) as con:
        for name in ("micro_grids", "party_groups", "party_households", "party_members",
                     "volunteers", "staff"):
            con.execute(f'DROP TABLE "{name}"')
            con.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (name,))
            con.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = ?", (name,))
    back = load_plan(path)
    assert len(back.layer("micro_grids")) == 0 and len(back.layer("staff")) == 0
    assert list(back.layer("staff").frame.columns)[:2] == ["name", "phone"]


def test_the_tree_places_every_row_once():
    from gridplanner.analysis.people.organisation_tree import organisation_tree, register_nodes

    plan, _, inside = org_plan()
    plan.buildings.set_column("党员", {inside[0]: 4})
    apply_org_proposal(plan, propose_organisation(plan))
    groups = plan.layer("party_groups").frame
    plan.layer("party_households").add([{"name": "王阿姨", "group_fid": int(groups.index[0])},
                                        {"name": "无组"}])
    plan.layer("volunteers").add([{"name": "陈静", "cell_fid": 1}])
    tree = organisation_tree(plan)
    assert [n.label for n in tree[:2]] == ["东风社区", "西湖社区"] and tree[-1].kind == "unplaced"
    nodes = [n for top in tree for n in top.walk() if n.fid is not None]
    keys = [(n.layer, n.fid) for n in nodes]
    assert len(keys) == len(set(keys))
    assert len([k for k in keys if k[0] == "branches"]) == len(plan.branches)
    committee = next(n for n in tree[0].children if n.kind == "committee")
    compound = next(n for n in committee.children if n.kind == "compound")
    group = compound.children[0]
    assert group.kind == "party_group" and group.children[0].label == "王阿姨"
    assert [n.label for n in tree[-1].children] == ["无组"]
    volunteers = register_nodes(plan)[1]
    assert volunteers.children[0].detail == plan.cells.frame.at[1, "code"]

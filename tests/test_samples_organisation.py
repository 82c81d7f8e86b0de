"""The demo plan carries micro-grids, the Party organisation and the registers."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridplanner.analysis.findings import ERROR
from gridplanner.analysis.grids.micro_validation import validate_micro_grids
from gridplanner.analysis.people.organisation_rules import check_organisation
from gridplanner.analysis.people.organisation_tree import organisation_tree
from gridplanner.io.plan_file.project import load_plan

DEMO = Path(__file__).resolve().parent.parent / "sample_maps" / "demo_subdistrict.gpkg"


@pytest.fixture(scope="module")
def demo():
    return load_plan(DEMO)


def test_demo_has_micro_grids_inside_its_grids_without_errors(demo):
    micro = demo.layer("micro_grids").frame
    assert len(micro) > 30
    cells = demo.cells.frame
    assert set(cells.loc[micro["cell_fid"].astype(int), "community"]) == {"东风社区"}
    errors = [f for f in validate_micro_grids(demo) if f.severity == ERROR]
    assert errors == []


def test_demo_organisation_follows_its_rules(demo):
    assert [f.kind for f in check_organisation(demo) if f.severity == ERROR] == []
    branches = demo.branches.frame
    assert (branches["kind"] == "committee").sum() == 4
    tree = organisation_tree(demo)
    assert tree[-1].kind != "unplaced"  # every row sits in the tree
    groups = demo.layer("party_groups").frame
    assert len(groups) == len(demo.layer("micro_grids")) and groups["branch_fid"].notna().all()
    homes = demo.layer("party_households").frame
    assert homes["phone"].str.fullmatch(r"138-0000-\d{4}").all()


def test_demo_registers(demo):
    members = demo.layer("party_members").frame
    volunteers = demo.layer("volunteers").frame
    staff = demo.layer("staff").frame
    assert len(members) >= 30 and members["building_fid"].notna().all()
    assigned = members[members["cell_fid"].notna()]
    assert len(assigned) and set(assigned["community"]) == {"东风社区"}
    assert "外卖骑手志愿队" in set(volunteers["team"])
    assert staff["centre_fid"].notna().all() and staff["duty_days"].str.len().gt(0).all()
    people = [*members["phone"], *volunteers["phone"], *staff["phone"],
              *demo.workers.frame["phone"]]
    assert len(people) == len(set(people))

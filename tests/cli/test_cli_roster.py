"""`gridplanner assign`: propose, print, accept and save."""

from __future__ import annotations

import json

import pytest
from factories_roster import roster_plan, unassigned_plan

from gridplanner.cli import main
from gridplanner.io.plan_file.project import load_plan, save_plan


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.gpkg"
    save_plan(unassigned_plan(), path)
    return path


def test_assign_prints_the_proposal_without_saving(plan_file, capsys):
    before = plan_file.read_bytes()
    assert main(["assign", str(plan_file), "--auto"]) == 0
    out = capsys.readouterr().out
    assert "full_time_worker" in out and "leader" in out and "000000001001001" in out
    assert plan_file.read_bytes() == before


def test_assign_json_and_accept(plan_file, capsys):
    assert main(["assign", str(plan_file), "--auto", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"items", "unmet"} and len(data["items"]) == 24
    assert main(["assign", str(plan_file), "--auto", "--accept", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["applied"]) == 24 and data["saved"] == str(plan_file)
    plan = load_plan(plan_file)
    assert len(plan.assignments) == 24
    assert (plan.workers.frame["role"] == "leader").sum() == 12
    assert main(["assign", str(plan_file), "--auto"]) == 0
    assert "nothing to assign" in capsys.readouterr().out


def test_accept_only_some_items(plan_file, capsys):
    assert main(["assign", str(plan_file), "--auto", "--accept", "--only", "w1", "l7"]) == 0
    assert "applied 2 of 24" in capsys.readouterr().out
    assert len(load_plan(plan_file).assignments) == 2
    assert main(["assign", str(plan_file), "--auto", "--accept", "--only", "nope"]) == 1
    assert "no item 'nope'" in capsys.readouterr().err


def test_assign_needs_auto(plan_file, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["assign", str(plan_file)])
    assert exc.value.code == 2


def test_joint_branch_through_the_cli(tmp_path, capsys):
    plan = roster_plan()
    # two small neighbouring branches join; branches of 3 or more are never merged
    plan.branches.set_column("full_members", {f: 1 for f in plan.branches.fids()[:2]})
    path = tmp_path / "p.gpkg"
    save_plan(plan, path)
    assert main(["assign", str(path), "--auto", "--accept"]) == 0
    assert "joint_branch" in capsys.readouterr().out
    assert "joint" in set(load_plan(path).branches.frame["kind"])

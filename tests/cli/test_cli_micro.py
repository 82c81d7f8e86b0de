"""`gridplanner grids micro` (public contract: options, exit codes, JSON keys)."""

from __future__ import annotations

import json

import pytest
from factories_roster import cell_code, roster_plan

from gridplanner.cli import main
from gridplanner.io.plan_file.project import load_plan, save_plan


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.gpkg"
    save_plan(roster_plan(), path)
    return path


def test_micro_for_every_cell_saves_numbered_micro_grids(plan_file, capsys):
    assert main(["grids", "micro", str(plan_file)]) == 0
    out = capsys.readouterr().out
    micro = load_plan(plan_file).layer("micro_grids").frame
    assert len(micro) >= 24 and micro["cell_fid"].nunique() == 12
    assert f"{len(micro)} micro-grids in 12 grid cells saved to {plan_file}" in out
    assert f"{cell_code(0, 1)}-01" in out


def test_micro_one_grid_json_and_range_becomes_the_setting(plan_file, capsys):
    code = cell_code(1, 3)
    assert main(["grids", "micro", str(plan_file), "--grid", code, "--min-households", "40",
                 "--max-households", "120", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"micro_grids", "problems", "metrics"}
    assert {r["cell"] for r in data["micro_grids"]} == {code}
    assert set(data["micro_grids"][0]) == {"fid", "code", "cell", "number", "households",
                                           "residents", "buildings"}
    plan = load_plan(plan_file)
    assert (plan.settings.micro_households_min, plan.settings.micro_households_max) == (40, 120)
    assert len(plan.layer("micro_grids")) == len(data["micro_grids"])


def test_micro_bad_input_exits_1_or_2_and_leaves_the_plan(plan_file, capsys):
    before = plan_file.read_bytes()
    assert main(["grids", "micro", str(plan_file), "--grid", "nope"]) == 1
    err = capsys.readouterr().err
    assert "no grid cell with code or name 'nope'" in err and "Traceback" not in err
    assert main(["grids", "micro", str(plan_file), "--min-households", "90",
                 "--max-households", "20"]) == 1
    assert "not a valid range" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["grids", "micro", str(plan_file), "--min-households", "-3"])
    assert exc.value.code == 2
    assert plan_file.read_bytes() == before


def test_validate_reports_micro_grid_rules(plan_file, capsys):
    assert main(["grids", "micro", str(plan_file)]) == 0
    plan = load_plan(plan_file)
    table = plan.layer("micro_grids")
    fid = int(table.frame.index[0])
    table.set_geometry(fid, table.frame.at[fid, "geometry"].buffer(-5))
    save_plan(plan, plan_file)
    capsys.readouterr()
    main(["validate", str(plan_file), "--json"])
    data = json.loads(capsys.readouterr().out)
    gap = [f for f in data["findings"] if f["kind"] == "micro_gap"]
    assert gap and gap[0]["severity"] == "error" and gap[0]["features"]["micro_grids"] == []

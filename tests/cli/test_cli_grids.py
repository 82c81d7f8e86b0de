"""`gridplanner grids generate|code` and `gridplanner validate` (public contract)."""

from __future__ import annotations

import json

import pytest
import shapely

from gridplanner.analysis.grids import validation
from gridplanner.cli import main
from gridplanner.io.plan_file.project import load_plan, save_plan

GRID_ONLY = ["gridplanner.analysis.grids.validation:validate_cells"]


@pytest.fixture
def plan_file(tmp_path, grid_plan):
    path = tmp_path / "plan.gpkg"
    save_plan(grid_plan, path)
    return path


def test_generate_balanced_saves_coded_cells_and_prints_totals(plan_file, capsys):
    assert main(["grids", "generate", str(plan_file), "--method", "balanced", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    plan = load_plan(plan_file)
    cells = plan.cells.frame
    assert len(cells) == 10
    assert all(len(c) == 15 for c in cells["code"])
    assert f"10 cells (balanced) saved to {plan_file}" in out
    assert "households" in out and "within range" in out
    for code in cells["code"]:
        assert code in out


def test_generate_json_reports_cells_problems_and_metrics(plan_file, capsys):
    assert main(["grids", "generate", str(plan_file), "--min-households", "900",
                 "--max-households", "1000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"cells", "problems", "metrics"} <= set(data)
    assert sum(c["households"] for c in data["cells"]) == 3904
    assert data["metrics"]["cells"] == len(data["cells"])
    settings = load_plan(plan_file).settings
    assert (settings.households_min, settings.households_max) == (900, 1000)


def test_generate_reports_communities_that_cannot_meet_the_range(plan_file, capsys):
    assert main(["grids", "generate", str(plan_file), "--min-households", "2500",
                 "--max-households", "3000", "--community", "东风社区"]) == 0
    out = capsys.readouterr().out
    assert "could not meet the range: 东风社区 has" in out
    assert "below the minimum 2500: one cell" in out


def test_generate_square_for_one_community_keeps_the_others(plan_file, capsys):
    assert main(["grids", "generate", str(plan_file)]) == 0
    east = load_plan(plan_file).cells.frame.query("community == '西湖社区'")["code"].tolist()
    assert main(["grids", "generate", str(plan_file), "--method", "square", "--size", "100",
                 "--community", "东风社区"]) == 0
    cells = load_plan(plan_file).cells.frame
    assert cells.query("community == '西湖社区'")["code"].tolist() == east
    assert len(cells.query("community == '东风社区'")) == 12
    capsys.readouterr()


def test_generate_keeps_dedicated_cells(plan_file, capsys):
    plan = load_plan(plan_file)
    plan.cells.add([{"kind": "dedicated", "community": "东风社区", "name": "医院",
                     "geometry": shapely.box(440000, 4420000, 440100, 4420100)}])
    save_plan(plan, plan_file)
    assert main(["grids", "generate", str(plan_file)]) == 0
    cells = load_plan(plan_file).cells.frame
    assert (cells["kind"] == "dedicated").sum() == 1
    capsys.readouterr()


def test_unknown_community_is_one_line_and_exit_1(plan_file, capsys):
    assert main(["grids", "generate", str(plan_file), "--community", "南山社区"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no community named '南山社区'" in err


def test_bad_size_is_a_usage_error(plan_file, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["grids", "generate", str(plan_file), "--method", "hex", "--size", "-3"])
    assert exc.value.code == 2
    capsys.readouterr()


def test_code_schemes_and_renumber(plan_file, capsys):
    assert main(["grids", "generate", str(plan_file)]) == 0
    assert main(["grids", "code", str(plan_file), "--scheme", "cjt349"]) == 0
    plan = load_plan(plan_file)
    assert all(len(c) == 20 for c in plan.cells.frame["code"])
    assert plan.settings.code_scheme == "cjt349"
    before = plan.cells.frame["code"].to_dict()
    assert main(["grids", "code", str(plan_file)]) == 0
    assert load_plan(plan_file).cells.frame["code"].to_dict() == before
    assert "(0 codes changed)" in capsys.readouterr().out
    assert main(["grids", "code", str(plan_file), "--scheme", "db11", "--renumber"]) == 0
    assert all(len(c) == 15 for c in load_plan(plan_file).cells.frame["code"])


def test_validate_exit_codes_and_json(plan_file, capsys, monkeypatch):
    monkeypatch.setattr(validation, "CHECKERS", GRID_ONLY)
    assert main(["validate", str(plan_file), "--json"]) == 1  # no cells yet: gaps
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"findings", "errors", "warnings"}
    assert data["errors"] == 3
    assert {f["kind"] for f in data["findings"]} == {"gap", "building_in_no_cell"}
    assert main(["grids", "generate", str(plan_file)]) == 0
    capsys.readouterr()
    assert main(["validate", str(plan_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"findings": [], "errors": 0, "warnings": 0}


def test_validate_text_names_the_cells(plan_file, capsys, monkeypatch):
    monkeypatch.setattr(validation, "CHECKERS", GRID_ONLY)
    assert main(["grids", "generate", str(plan_file)]) == 0
    plan = load_plan(plan_file)
    a, b = plan.cells.fids()[:2]
    plan.cells.set_attributes(b, {"code": plan.cells.row(a)["code"]})
    save_plan(plan, plan_file)
    capsys.readouterr()
    assert main(["validate", str(plan_file)]) == 1
    out = capsys.readouterr().out
    assert f"error: duplicate_code: 2 cells share the code {plan.cells.row(a)['code']}" in out
    assert "1 error(s)" in out


def test_validate_runs_the_roster_rules_too(plan_file, capsys):
    assert main(["grids", "generate", str(plan_file)]) == 0
    capsys.readouterr()
    main(["validate", str(plan_file), "--json"])
    kinds = {f["kind"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert kinds  # the roster rules report the cells without workers
    assert not kinds & {"gap", "overlap", "crosses_community"}

"""`gridplanner validate` on damaged plans and `gridplanner repair` (public contract).

validate: damage is reported as findings of their own kinds (text and
--json), exit 1 while there is an error; other commands refuse a damaged
plan (exit 1, one line, file unchanged); repair --dry-run changes nothing;
repair keeps the damaged file beside the plan and leaves a sound one.
"""

from __future__ import annotations

import json

import pytest
import shapely
from factories_damage import damage, digest, rebuild_without_key, saved_roster_plan

from gridplanner.cli import main
from gridplanner.io.plan_file.project import load_plan, load_plan_checked, save_plan


@pytest.fixture
def damaged(tmp_path):
    """Assignments 2 and 4 point at a missing worker and cell; 7 holds text."""
    path = saved_roster_plan(tmp_path)
    damage(path, "UPDATE assignments SET target_fid = 999 WHERE fid = 2")
    damage(path, "UPDATE assignments SET cell_fid = 555 WHERE fid = 4")
    damage(path, "UPDATE assignments SET target_fid = 'abc' WHERE fid = 7")
    return path


def _validate_json(path, capsys) -> tuple[int, dict]:
    code = main(["validate", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_validate_reports_each_kind_of_damage_by_table_and_row(damaged, capsys):
    code, data = _validate_json(damaged, capsys)
    assert code == 1
    by_kind = {}
    for f in data["findings"]:
        by_kind.setdefault(f["kind"], []).append(f)
    dangling = sorted(f["features"]["assignments"][0] for f in by_kind["dangling_reference"])
    assert dangling == [2, 4]
    assert {f["params"]["column"] for f in by_kind["dangling_reference"]} == {"cell_fid",
                                                                            "target_fid"}
    bad = by_kind["bad_value"][0]
    assert bad["features"] == {"assignments": [7]} and bad["params"]["value"] == "abc"
    assert bad["severity"] == "error" and data["errors"] >= 3
    main(["validate", str(damaged)])
    text = capsys.readouterr().out
    assert "error: dangling_reference: assignments row 2: worker 999 does not exist" in text
    assert "error: bad_value: assignments row(s) 7: target_fid holds 'abc'" in text


def test_validate_exit_0_on_a_sound_plan(tmp_path, capsys):
    path = saved_roster_plan(tmp_path)
    code, data = _validate_json(path, capsys)
    assert code == 0 and data["errors"] == 0
    assert not {"dangling_reference", "bad_value", "missing_column"} & {
        f["kind"] for f in data["findings"]}


def test_validate_reports_a_missing_column_and_duplicate_fids(tmp_path, capsys):
    path = saved_roster_plan(tmp_path)
    damage(path, "ALTER TABLE assignments DROP COLUMN target_fid")
    rebuild_without_key(path, "branches", "INSERT INTO branches SELECT * FROM branches "
                        "WHERE fid = 5")
    code, data = _validate_json(path, capsys)
    kinds = {f["kind"]: f for f in data["findings"]}
    assert code == 1
    assert kinds["missing_column"]["params"]["column"] == "target_fid"
    assert kinds["duplicate_fid"]["features"] == {"branches": [5]}
    assert "missing_reference" not in kinds  # the lost column is reported once, not per row


def test_validate_reports_invalid_shapes_instead_of_failing(tmp_path, capsys):
    plan = load_plan(saved_roster_plan(tmp_path))
    x0, y0, x1, y1 = plan.cells.geometry(1).bounds
    plan.cells.set_geometry(1, shapely.Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)]))
    for fid in (3, 40):  # self-intersecting footprints straddling cell edges: GEOS cannot
        bx0, by0, bx1, by1 = plan.buildings.geometry(fid).bounds  # intersect them with cells
        plan.buildings.set_geometry(fid, shapely.Polygon(
            [(bx0, by0), (bx1 + 70, by1), (bx1 + 70, by0), (bx0, by1), (bx0 + 30, by0 - 20),
             (bx1 + 10, by1 + 30)]))
    path = tmp_path / "shapes.gpkg"
    save_plan(plan, path)
    code, data = _validate_json(path, capsys)
    assert code == 1
    invalid = [f for f in data["findings"] if f["kind"] == "invalid_geometry"]
    assert any(f["cell_fids"] == [1] for f in invalid)
    assert any(f.get("features") == {"buildings": [3, 40]} for f in invalid)
    kinds = {f["kind"] for f in data["findings"]}
    assert {"gap", "no_station"} <= kinds  # the grid and the other checks still ran


@pytest.mark.parametrize("command", [["info", "{plan}"], ["grids", "code", "{plan}"],
                                     ["export", "{plan}", "--csv", "{out}"]])
def test_other_commands_refuse_a_damaged_plan_and_leave_it(damaged, capsys, command, tmp_path):
    before = digest(damaged)
    argv = [a.format(plan=damaged, out=tmp_path / "out.csv") for a in command]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "internal error" not in err
    assert "damaged" in err and "assignments row" in err and "repair" in err
    assert digest(damaged) == before


def test_repair_dry_run_lists_and_changes_nothing(damaged, capsys):
    before = digest(damaged)
    assert main(["repair", str(damaged), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "assignments: would remove row(s) 2, 4, 7" in out
    assert "dry run" in out
    assert digest(damaged) == before
    assert not list(damaged.parent.glob("*.before-repair*"))


def test_repair_keeps_the_damaged_file_and_leaves_a_sound_plan(damaged, capsys):
    before = digest(damaged)
    assert main(["repair", str(damaged), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["saved"] and data["repairs"][0]["rows"] == [2, 4, 7]
    backup = damaged.parent / "plan.before-repair.gpkg"
    assert data["backup"] == str(backup) and digest(backup) == before
    plan, found = load_plan_checked(damaged)
    assert found == [] and len(plan.assignments) == 33
    _code, data = _validate_json(damaged, capsys)
    assert not {"dangling_reference", "bad_value"} & {f["kind"] for f in data["findings"]}
    assert "no_leader" in {f["kind"] for f in data["findings"]}  # cell 3 lost its leader
    assert main(["repair", str(damaged)]) == 0
    assert "no damage found" in capsys.readouterr().out
    assert not (damaged.parent / "plan.before-repair-2.gpkg").exists()


def test_repair_after_a_dropped_column_empties_only_what_was_lost(tmp_path, capsys):
    path = saved_roster_plan(tmp_path)
    damage(path, "ALTER TABLE assignments DROP COLUMN target_fid")
    assert main(["repair", str(path)]) == 0
    out = capsys.readouterr().out
    assert "column target_fid is missing" in out
    plan = load_plan(path)
    assert len(plan.assignments) == 0 and len(plan.workers) == 24 and len(plan.cells) == 12


def test_rows_pointing_at_nothing_do_not_stop_a_command_but_validate_and_repair_see_them(
        tmp_path, capsys):
    """Regenerating grids leaves the old cells' assignments pointing at nothing."""
    path = saved_roster_plan(tmp_path)
    assert main(["grids", "generate", str(path), "--method", "square", "--size", "200"]) == 0
    assert main(["info", str(path)]) == 0  # nothing is lost by reading: no refusal
    capsys.readouterr()
    code, data = _validate_json(path, capsys)
    dangling = [f for f in data["findings"] if f["kind"] == "dangling_reference"]
    assert code == 1 and len(dangling) == 36
    assert {f["params"]["column"] for f in dangling} == {"cell_fid"}
    assert main(["repair", str(path)]) == 0
    assert "assignments: removed row(s) 1, 2, 3" in capsys.readouterr().out
    plan, found = load_plan_checked(path)
    assert found == [] and len(plan.assignments) == 0 and len(plan.workers) == 24


def test_validate_and_repair_a_plan_in_postgis(tmp_path, postgis_uri, capsys):
    path = saved_roster_plan(tmp_path)
    damage(path, "UPDATE assignments SET target_fid = 999 WHERE fid = 2")
    assert main(["copy", str(path), postgis_uri]) == 0
    capsys.readouterr()
    code, data = _validate_json(postgis_uri, capsys)
    dangling = [f for f in data["findings"] if f["kind"] == "dangling_reference"]
    assert code == 1 and [f["features"] for f in dangling] == [{"assignments": [2]}]
    assert main(["repair", postgis_uri, "--dry-run"]) == 0
    assert "would remove row(s) 2" in capsys.readouterr().out
    assert main(["repair", postgis_uri]) == 0
    assert "repaired" in capsys.readouterr().out
    _code, data = _validate_json(postgis_uri, capsys)
    assert "dangling_reference" not in {f["kind"] for f in data["findings"]}


def test_a_dropped_target_fid_column_is_not_made_permanent_by_the_next_write(tmp_path, capsys):
    path = saved_roster_plan(tmp_path)
    damage(path, "ALTER TABLE assignments DROP COLUMN target_fid")
    before = digest(path)
    for argv in (["grids", "code", str(path), "--renumber"],
                 ["assign", str(path), "--auto", "--accept"]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "column target_fid is missing" in err and "36 row(s)" in err
        assert digest(path) == before  # the rows are still there for the office to restore


def test_a_broken_link_another_rule_reports_is_not_reported_twice(tmp_path, capsys):
    import pandas as pd

    plan = load_plan(saved_roster_plan(tmp_path))
    plan.branches.set_attributes(2, {"parent_fid": 99})
    plan.layer("volunteers").add(pd.DataFrame([{"name": "志愿者", "cell_fid": 77}]))
    path = tmp_path / "links.gpkg"
    save_plan(plan, path)
    _code, data = _validate_json(path, capsys)
    kinds = [(f["kind"], f.get("features")) for f in data["findings"]]
    assert ("org_parent_missing", {"branches": [2]}) in kinds
    assert ("broken_link", {"volunteers": [1]}) in kinds
    assert ("broken_link", {"branches": [2]}) not in kinds
    assert main(["repair", str(path)]) == 0  # repair still clears both
    repaired = load_plan(path)
    assert pd.isna(repaired.branches.frame.at[2, "parent_fid"])
    assert pd.isna(repaired.layer("volunteers").frame.at[1, "cell_fid"])

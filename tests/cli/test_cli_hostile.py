"""The command line on hostile and damaged input: one line naming the file and the
reason, the right exit code, never "internal error", the plan byte-identical."""

from __future__ import annotations

import sqlite3
import warnings

import pytest
from factories import street_grid_plan
from hostile_files import (
    communities_geojson,
    csv_text,
    kml_without_geometry,
    kmz_with_two_kml,
    many_holes_geojson,
    non_finite_geojson,
    sparse_csv,
    xlsx_far_cell,
    zip_with_bad_crc,
)

from gridplanner.cli import main
from gridplanner.io.plan_file.project import save_plan


@pytest.fixture
def plan_path(tmp_path):
    return save_plan(street_grid_plan(), tmp_path / "plan.gpkg")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code, err, *words, exit_code=1):
    assert code == exit_code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "internal error" not in err and "Traceback" not in err
    for word in words:
        assert word in err, err


CASES = [
    ("workers", xlsx_far_cell, "far.xlsx", ("far.xlsx", "max_sheet_rows")),
    ("centres", xlsx_far_cell, "far.xlsx", ("far.xlsx", "max_sheet_rows")),
    ("workers", sparse_csv, "big.csv", ("big.csv", "max_file_mb")),
    ("boundaries", many_holes_geojson, "holes.geojson", ("holes.geojson", "max_holes")),
    ("boundaries", non_finite_geojson, "nan.geojson", ("nan.geojson", "feature 1")),
    ("boundaries", kml_without_geometry, "empty.kml", ("empty.kml", "no feature with a geometry")),
    ("boundaries", kmz_with_two_kml, "two.kmz", ("two.kmz", "doc, more")),
    ("boundaries", zip_with_bad_crc, "bad.zip", ("bad.zip!communities.geojson", "damaged")),
]


@pytest.mark.parametrize(("kind", "make", "name", "words"), CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_hostile_file_is_refused_on_one_line_and_the_plan_is_untouched(
        capsys, tmp_path, plan_path, kind, make, name, words):
    before = plan_path.read_bytes()
    source = make(tmp_path / name)
    code, _out, err = run(capsys, "import", plan_path, kind, source)
    assert_refused(code, err, *words)
    assert plan_path.read_bytes() == before


def test_network_with_infinite_vertex_is_refused(capsys, tmp_path, plan_path):
    before = plan_path.read_bytes()
    source = non_finite_geojson(tmp_path / "streets.geojson", "Infinity", lines=True)
    code, _out, err = run(capsys, "import", plan_path, "network", source)
    assert_refused(code, err, "streets.geojson", "feature 0", "not a finite number")
    assert plan_path.read_bytes() == before


@pytest.mark.parametrize(("kind", "flag", "source"), [
    ("workers", "--name-field", "roster.csv"),
    ("boundaries", "--name-field", "c.geojson"),
    ("buildings", "--households-field", "c.geojson"),
    ("network", "--name-field", "c.geojson"),
    ("centres", "--name-field", "c.geojson"),
])
def test_unknown_field_is_bad_usage_naming_the_field_and_the_ones_there_are(
        capsys, tmp_path, plan_path, kind, flag, source):
    csv_text(tmp_path / "roster.csv", [["姓名", "电话"], ["王小明", "13800000001"]])
    communities_geojson(tmp_path / "c.geojson")
    before = plan_path.read_bytes()
    code, _out, err = run(capsys, "import", plan_path, kind, tmp_path / source, flag, "名字")
    assert_refused(code, err, "'名字'", "姓名" if kind == "workers" else "name", exit_code=2)
    assert plan_path.read_bytes() == before


def test_limit_can_be_raised_from_the_command_line(capsys, tmp_path, plan_path):
    source = csv_text(tmp_path / "r.csv", [["姓名"], ["甲"], ["乙"], ["丙"]])
    code, _out, err = run(capsys, "import", plan_path, "workers", source, "--dry-run",
                          "--option", "limit.max_sheet_rows=2")
    assert_refused(code, err, "row 3", "max_sheet_rows")
    code, out, err = run(capsys, "import", plan_path, "workers", source, "--dry-run",
                         "--option", "limit.max_sheet_rows=10")
    assert code == 0 and "imported 3 workers" in out


def _set_meta(path, key, value):
    with sqlite3.connect(path) as con:
        con.execute("UPDATE gridplanner_meta SET value = ? WHERE key = ?", (value, key))


@pytest.mark.parametrize(("key", "value", "words"), [
    ("settings", "[1, 2]", ("settings are damaged", "not list")),
    ("settings", '{"input_limits": [3]}', ("settings are damaged",)),
    ("crs", "GARBAGE[[", ("saved coordinate system is damaged", "GARBAGE")),
])
def test_damaged_plan_metadata_gives_a_reason(capsys, plan_path, key, value, words):
    _set_meta(plan_path, key, value)
    for command in (("info", plan_path), ("validate", plan_path)):
        code, _out, err = run(capsys, *command)
        assert_refused(code, err, str(plan_path.name), *words)


def test_python_warnings_become_short_lines_after_success(capsys, monkeypatch, plan_path):
    import gridplanner.cli.plan as plan_cli

    real = plan_cli.cmd_info

    def noisy(args):
        warnings.warn("invalid value encountered in centroid", RuntimeWarning, stacklevel=1)
        return real(args)

    monkeypatch.setattr(plan_cli, "cmd_info", noisy)
    code, _out, err = run(capsys, "info", plan_path)
    assert code == 0
    assert err.strip() == "gridplanner info: warning: invalid value encountered in centroid"

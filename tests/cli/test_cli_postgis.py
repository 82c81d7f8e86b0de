"""The command line on a plan kept in PostgreSQL/PostGIS (a real server; skipped
with the reason when none can be started)."""

from __future__ import annotations

import json

import pytest

from gridplanner.cli import main


@pytest.fixture
def demo(repo_root, tmp_path):
    import shutil

    path = tmp_path / "demo.gpkg"
    shutil.copy(repo_root / "sample_maps" / "demo_subdistrict.gpkg", path)
    return path


def _info(target, capsys) -> dict:
    assert main(["info", str(target), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_copy_a_plan_into_postgis_and_back(demo, postgis_uri, tmp_path, capsys):
    before = _info(demo, capsys)
    assert main(["copy", str(demo), postgis_uri]) == 0
    assert "copied" in capsys.readouterr().out
    in_db = _info(postgis_uri, capsys)
    assert in_db["layers"] == before["layers"]
    back = tmp_path / "back.gpkg"
    assert main(["copy", postgis_uri, str(back)]) == 0
    capsys.readouterr()
    assert _info(back, capsys)["layers"] == before["layers"]


def test_copy_refuses_to_replace_a_plan_already_there(demo, postgis_uri, capsys):
    assert main(["copy", str(demo), postgis_uri]) == 0
    assert main(["copy", str(demo), postgis_uri]) == 1
    assert "already holds a plan" in capsys.readouterr().err
    assert main(["copy", str(demo), postgis_uri, "--force"]) == 0


def test_new_plan_in_postgis_then_import(postgis_uri, tmp_path, capsys):
    assert main(["new", postgis_uri, "--name", "城市"]) == 0
    assert "created" in capsys.readouterr().out
    info = _info(postgis_uri, capsys)
    assert info["name"] == "城市" and all(v == 0 for v in _counts(info).values())
    boundaries = tmp_path / "communities.geojson"
    boundaries.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "东社区"},
         "geometry": {"type": "Polygon", "coordinates": [[[116.30, 39.90], [116.31, 39.90],
                                                           [116.31, 39.91], [116.30, 39.91],
                                                           [116.30, 39.90]]]}}]}),
        encoding="utf-8")
    assert main(["import", postgis_uri, "boundaries", str(boundaries)]) == 0
    capsys.readouterr()
    assert _counts(_info(postgis_uri, capsys))["boundaries"] == 1
    import psycopg

    from gridplanner.io.plan_file.postgis import split_uri

    conninfo, schema = split_uri(postgis_uri)
    with psycopg.connect(conninfo) as con:
        srid = con.execute("SELECT srid FROM geometry_columns WHERE f_table_schema = %s AND "
                           "f_table_name = 'boundaries'", (schema,)).fetchone()[0]
    assert srid > 0  # the plan's metric CRS, so QGIS places the layer


def test_a_command_that_saves_writes_only_what_it_changed(demo, postgis_uri, capsys):
    """`grids code` renumbers cells in the database; a second office's edit of a
    centre made in between is kept (no last-save-wins)."""
    import psycopg

    from gridplanner.io.plan_file.postgis import split_uri

    assert main(["copy", str(demo), postgis_uri]) == 0
    conninfo, schema = split_uri(postgis_uri)
    with psycopg.connect(conninfo) as con:
        con.execute(f'UPDATE "{schema}".centres SET name = %s WHERE fid = '
                    f'(SELECT min(fid) FROM "{schema}".centres)', ("另一办公室改名",))
    assert main(["grids", "code", postgis_uri]) == 0
    with psycopg.connect(conninfo) as con:
        names = [r[0] for r in con.execute(f'SELECT name FROM "{schema}".centres')]
    assert "另一办公室改名" in names


def _counts(info: dict) -> dict:
    return {k: v["features"] for k, v in info["layers"].items()}

from __future__ import annotations

import os
import sqlite3

import pytest
import shapely

from gridplanner.errors import ProjectFileError
from gridplanner.io import atomic
from gridplanner.io.plan_file.project import load_plan, save_plan


def test_save_reopen_gives_back_what_was_saved(grid_plan, tmp_path):
    grid_plan.cells.add([{"code": "110101001001001", "name": "一号网格", "kind": "dedicated",
                          "geometry": shapely.box(440000, 4420000, 440100, 4420100)}])
    grid_plan.workers.add([{"name": "张三", "phone": "13800000000", "role": "leader"}])
    grid_plan.buildings.set_attributes(7, {"source_note": "from survey"})
    grid_plan.settings = grid_plan.settings.replaced(households_min=250, levels_m=(400, 800))
    path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    again = load_plan(path)
    assert again.name == grid_plan.name
    assert again.crs == grid_plan.crs
    assert again.settings == grid_plan.settings
    for name, table in grid_plan.layers.items():
        other = again.layer(name).frame
        assert list(other.index) == list(table.frame.index), name
        for col in table.spec.column_names:
            assert other[col].equals(table.frame[col]), (name, col)
        if table.is_spatial and len(table):
            assert all(a.equals(b) for a, b in zip(other.geometry, table.frame.geometry, strict=True))
    assert again.buildings.row(7)["source_note"] == "from survey"


def test_file_opens_as_ordinary_geopackage(grid_plan, tmp_path):
    path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    with sqlite3.connect(path) as con:
        contents = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert contents["buildings"] == "features"
    assert contents["network"] == "features"
    assert contents["workers"] == "attributes"


def test_failed_save_leaves_previous_file_intact(grid_plan, tmp_path, monkeypatch):
    path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "fsync_file", boom)
    grid_plan.buildings.remove(grid_plan.buildings.fids()[:10])
    with pytest.raises(ProjectFileError, match="No space left"):
        save_plan(grid_plan, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.gpkg"]
    assert len(load_plan(path).buildings) == 96


def test_newer_schema_is_refused_with_a_clear_message(grid_plan, tmp_path):
    path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    with sqlite3.connect(path) as con:
        con.execute("UPDATE gridplanner_meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(ProjectFileError, match="newer gridplanner"):
        load_plan(path)


def test_plain_geopackage_is_not_a_plan(tmp_path):
    import geopandas as gpd

    other = tmp_path / "roads.gpkg"
    gpd.GeoDataFrame(geometry=[shapely.Point(0, 0)], crs=4326).to_file(other)
    with pytest.raises(ProjectFileError, match="not a gridplanner plan"):
        load_plan(other)


def test_garbage_file_is_refused(tmp_path):
    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(os.urandom(2048))
    with pytest.raises(ProjectFileError, match="bad.gpkg"):
        load_plan(bad)

"""Every plan layer declares one geometry type; schema 1 plans are upgraded on save."""

from __future__ import annotations

import sqlite3

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from gridplanner.io.plan_file.project import SCHEMA_VERSION, load_plan, save_plan
from gridplanner.model.plan import Plan

CRS = "EPSG:4548"


def _declared(path) -> dict[str, str]:
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns")
        return {str(t): str(g) for t, g in rows}


def _plan() -> Plan:
    plan = Plan(name="types", crs=CRS)
    x, y = 500_000.0, 4_420_000.0
    plan.boundaries.add(gpd.GeoDataFrame({"name": ["东风社区"]},
                                         geometry=[shapely.box(x, y, x + 500, y + 500)]))
    plan.cells.add(gpd.GeoDataFrame({"code": ["a", "b"]}, geometry=[
        shapely.box(x, y, x + 250, y + 500),
        shapely.MultiPolygon([shapely.box(x + 250, y, x + 400, y + 500),
                              shapely.box(x + 420, y, x + 500, y + 500)])]))
    plan.buildings.add(gpd.GeoDataFrame(
        {"name": ["1号楼", "门卫", "2号楼"], "households": [30.0, 0.0, 40.0]},
        geometry=[shapely.box(x + 10, y + 10, x + 30, y + 20), shapely.Point(x + 50, y + 50),
                  shapely.box(x + 60, y + 10, x + 80, y + 20)]))
    plan.network.add(gpd.GeoDataFrame({"highway": ["footway"]},
                                      geometry=[shapely.LineString([(x, y), (x + 500, y)])]))
    plan.centres.add(gpd.GeoDataFrame({"name": ["邻里中心"]},
                                      geometry=[shapely.Point(x + 100, y + 100)]))
    return plan


def test_each_layer_declares_one_concrete_type(tmp_path):
    path = save_plan(_plan(), tmp_path / "p.gpkg")
    declared = _declared(path)
    assert declared["boundaries"] == "MULTIPOLYGON"
    assert declared["cells"] == "MULTIPOLYGON"
    assert declared["buildings"] == "MULTIPOLYGON"
    assert declared["building_points"] == "POINT"
    assert declared["centres"] == "POINT"
    assert declared["network"] == "MULTILINESTRING"
    assert "GEOMETRY" not in declared.values()


def test_the_plan_comes_back_as_it_was_saved(tmp_path):
    plan = _plan()
    path = save_plan(plan, tmp_path / "p.gpkg")
    back = load_plan(path)
    for name in ("boundaries", "cells", "buildings", "network", "centres"):
        before, after = plan.layer(name).frame, back.layer(name).frame
        assert list(after.index) == list(before.index), name
        types = list(after.geometry.geom_type)
        assert types == list(before.geometry.geom_type), name
        assert all(a.equals(b) for a, b in zip(after.geometry, before.geometry, strict=True))
    assert back.buildings.frame.at[2, "name"] == "门卫"


def _write_schema_1(plan: Plan, path) -> None:
    """A plan file as schema 1 wrote it: polygon and line layers declared GEOMETRY."""
    for name, table in plan.layers.items():
        frame = table.frame.reset_index()
        if table.is_spatial:
            gtype = "Point" if name == "centres" else "Unknown"
            pyogrio.write_dataframe(gpd.GeoDataFrame(frame, geometry="geometry", crs=CRS), path,
                                    layer=name, driver="GPKG", geometry_type=gtype)
        else:
            pyogrio.write_dataframe(pd.DataFrame(frame), path, layer=name, driver="GPKG")
    meta = {"application": "gridplanner", "schema_version": "1", "name": plan.name,
            "crs": plan.crs.to_wkt(), "settings": "{}"}
    pyogrio.write_dataframe(pd.DataFrame({"key": list(meta), "value": list(meta.values())}),
                            path, layer="gridplanner_meta", driver="GPKG")


def test_schema_1_plan_opens_and_is_upgraded_on_save(tmp_path):
    old = tmp_path / "old.gpkg"
    plan = _plan()
    _write_schema_1(plan, old)
    assert _declared(old)["cells"] == "GEOMETRY"
    opened = load_plan(old)
    assert len(opened.buildings) == 3 and len(opened.cells) == 2
    save_plan(opened, old)
    assert "GEOMETRY" not in _declared(old).values()
    with sqlite3.connect(old) as con:
        version = con.execute("SELECT value FROM gridplanner_meta WHERE key='schema_version'")
        assert version.fetchone()[0] == str(SCHEMA_VERSION) == "2"
    again = load_plan(old)
    assert again.buildings.frame["name"].tolist() == ["1号楼", "门卫", "2号楼"]
    assert list(again.cells.frame.geometry.geom_type) == ["Polygon", "MultiPolygon"]

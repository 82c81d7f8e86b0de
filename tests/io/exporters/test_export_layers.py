"""GIS layers: GeoPackage, Shapefile (UTF-8, short field names) and GeoJSON."""

from __future__ import annotations

import json

import pyogrio
import pytest
from factories_roster import cell_code, roster_plan

from gridplanner.io.exporters.layers import (
    export_geojson,
    export_gpkg,
    export_shapefiles,
    shapefile_field_names,
)


@pytest.fixture(scope="module")
def plan():
    p = roster_plan()
    p.cells.set_attributes(p.cells.fids()[0], {"responsible_unit": "第一中学"})
    return p


def test_gpkg_has_cells_centres_coverage_and_gaps(plan, tmp_path):
    path = export_gpkg(plan, tmp_path / "out.gpkg")
    layers = {str(name) for name, _ in pyogrio.list_layers(path)}
    assert layers == {"cells", "centres", "coverage", "gaps"}
    cells = pyogrio.read_dataframe(path, layer="cells")
    assert len(cells) == 12 and cells.crs == plan.crs
    assert cells["code"].iloc[0] == cell_code(0, 1) and cells["leader"].iloc[0]
    coverage = pyogrio.read_dataframe(path, layer="coverage")
    assert len(coverage) == len(plan.buildings) and (coverage["distance_m"] >= 0).all()


def test_shapefile_keeps_chinese_and_declares_utf8(plan, tmp_path):
    files = export_shapefiles(plan, tmp_path / "shp")
    names = {f.name for f in files}
    assert {"cells.shp", "cells.cpg", "cells.dbf", "centres.shp", "fields.csv"} <= names
    assert (tmp_path / "shp" / "cells.cpg").read_text().strip().upper() in ("UTF-8", "UTF8")
    cells = pyogrio.read_dataframe(tmp_path / "shp" / "cells.shp")
    assert cells["name"].iloc[0] == "东风社区第1网格"
    assert cells["resp_unit"].iloc[0] == "第一中学"
    assert all(len(c) <= 10 for c in cells.columns)
    assert "lead_phone" in cells.columns and "cov_300" in cells.columns
    mapping = (tmp_path / "shp" / "fields.csv").read_text(encoding="utf-8-sig")
    assert "cells,resp_unit,responsible_unit" in mapping


def test_field_name_mapping_is_stable():
    cols = ["responsible_unit", "averyveryverylongname", "averyveryverylongother"]
    first = shapefile_field_names(cols)
    assert first == shapefile_field_names(list(cols))
    assert first["responsible_unit"] == "resp_unit"
    assert first["averyveryverylongname"] == "averyveryv"
    assert first["averyveryverylongother"] == "averyver_2"


def test_geojson_is_wgs84(plan, tmp_path):
    files = export_geojson(plan, tmp_path / "grid.geojson")
    assert [f.name for f in files] == ["grid.geojson", "grid_centres.geojson",
                                       "grid_coverage.geojson", "grid_gaps.geojson"]
    assert pyogrio.read_info(files[0])["crs"] == "EPSG:4326"
    data = json.loads(files[0].read_text(encoding="utf-8"))
    x, y = data["features"][0]["geometry"]["coordinates"][0][0][0]
    assert 116 < x < 117 and 39 < y < 41  # UTM 50N street grid near Beijing
    assert data["features"][0]["properties"]["name"] == "东风社区第1网格"


def test_centres_layer_says_what_each_centre_serves(tmp_path):
    from gridplanner.analysis.network.coverage import coverage_from_centres
    from gridplanner.analysis.network.coverage_view import CoverageTable

    plan = roster_plan()
    fid = plan.centres.fids()[0]
    plan.centres.set_attributes(fid, {"capacity": 10.0})
    path = export_gpkg(plan, tmp_path / "out.gpkg")
    centres = pyogrio.read_dataframe(path, layer="centres", fid_as_index=True)
    served = {r["fid"]: r for r in CoverageTable.from_result(
        plan, coverage_from_centres(plan, services=[])).centre_rows()}
    row = centres.loc[fid]
    assert row["served_households"] == served[fid]["households"] > 10
    assert row["served_cells"] == len(served[fid]["cells"])
    assert row["over_capacity"] == served[fid]["households"] - 10
    assert set(row["served_communities"].split("、")) == set(served[fid]["communities"])

"""What `export` writes imports back into a new plan with the same features and attributes."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely
from factories_office import CRS, X0, Y0, buildings_file, cells_file, community_file

from gridplanner.io.exporters.layers import export_geojson, export_gpkg, export_shapefiles
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model.plan import Plan

CELL_COLUMNS = ["code", "name", "kind", "community"]
CENTRE_COLUMNS = ["name", "kind", "services"]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("office")
    plan = Plan()
    import_file(plan, "boundaries", community_file(tmp))
    import_file(plan, "buildings", buildings_file(tmp), ImportOptions(name_field="楼栋名称"))
    import_file(plan, "cells", cells_file(tmp))
    path = tmp / "centres.geojson"
    gpd.GeoDataFrame({"名称": ["东风邻里中心", "西湖党群服务站"], "服务": ["health;culture", "elderly_care"]},
                     geometry=[shapely.Point(X0 + 300, Y0 + 200), shapely.Point(X0 + 900, Y0 + 200)],
                     crs=CRS).to_file(path)
    import_file(plan, "centres", path)
    out = tmp / "out"
    out.mkdir()
    files = {"gpkg": (export_gpkg(plan, out / "plan.gpkg"),) * 2,
             "shp": tuple(out / "shp" / f"{n}.shp" for n in ("cells", "centres")),
             "geojson": tuple(export_geojson(plan, out / "plan.geojson")[:2])}
    export_shapefiles(plan, out / "shp")
    return plan, files


def _reimport(kind: str, path, layer: str | None) -> Plan:
    plan = Plan()
    import_file(plan, kind, path, ImportOptions(layer=layer))
    return plan


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "geojson"])
def test_cells_and_centres_come_back(office, fmt):
    plan, files = office
    cells_path, centres_path = files[fmt]
    layer = (lambda name: name) if fmt == "gpkg" else (lambda name: None)
    cells = _reimport("cells", cells_path, layer("cells")).cells.frame
    before = plan.cells.frame
    key = before.set_index("code")
    back = cells.set_index("code")
    assert sorted(back.index) == sorted(key.index)
    for col in ("name", "kind", "community"):
        assert back[col].loc[key.index].tolist() == key[col].tolist(), col
    drift = shapely.hausdorff_distance(back.geometry.loc[key.index].values,
                                       key.geometry.values)
    assert float(drift.max()) < 0.05  # metres; WGS84 GeoJSON at 7 decimals: about 1 cm
    centres = _reimport("centres", centres_path, layer("centres")).centres.frame
    for col in CENTRE_COLUMNS:
        assert centres[col].tolist() == plan.centres.frame[col].tolist(), col
    gaps = shapely.distance(centres.geometry.values, plan.centres.frame.geometry.values)
    assert float(gaps.max()) < 0.05


def test_geojson_collections_are_named_for_their_layer(office):
    _, files = office
    for path, name in zip(files["geojson"], ("cells", "centres"), strict=True):
        assert json.loads(path.read_text(encoding="utf-8"))["name"] == name

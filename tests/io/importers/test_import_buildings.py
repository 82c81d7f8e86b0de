"""Importing buildings: households given, guessed or estimated, and the checks."""

from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely

from gridplanner.errors import ImportDataError
from gridplanner.io.chinese_coords import geometries_from_wgs84
from gridplanner.io.importers.layers import import_buildings
from gridplanner.io.importers.registry import ImportOptions
from gridplanner.io.plan_file.project import load_plan, save_plan
from gridplanner.model import Plan

CRS = "EPSG:4548"  # CGCS2000 GK zone 117°E, metres
X0, Y0 = 440000.0, 4418000.0


def footprint(i: int, w: float = 30.0, h: float = 10.0):
    x, y = X0 + (i % 10) * 50.0, Y0 + (i // 10) * 40.0
    return shapely.box(x, y, x + w, y + h)


def write(tmp_path, name, data, geometry, crs=CRS):
    path = tmp_path / name
    pyogrio.write_dataframe(gpd.GeoDataFrame(data, geometry=geometry, crs=crs), path)
    return path


def test_households_and_residents_fields_are_guessed_and_reported(tmp_path):
    path = write(tmp_path, "b.gpkg", {"楼号": ["1号楼", "2号楼"], "户数": ["120户", "48"],
                                      "人口": [300, 130]}, [footprint(0), footprint(1)])
    plan = Plan("p")
    report = import_buildings(plan, path, ImportOptions())
    frame = plan.buildings.frame
    assert list(frame["households"]) == [120.0, 48.0]
    assert list(frame["residents"]) == [300.0, 130.0]
    assert not frame["households_estimated"].any()
    assert list(frame["name"]) == ["1号楼", "2号楼"]
    assert any("households read from field '户数' (guessed" in w for w in report.warnings)
    assert any("residents read from field '人口' (guessed" in w for w in report.warnings)
    assert plan.crs.to_epsg() == 4548


def test_named_fields_win_over_guesses(tmp_path):
    path = write(tmp_path, "b.geojson", {"households": [1, 2], "HH_2023": [50, 60]},
                 [footprint(0), footprint(1)])
    plan = Plan("p")
    report = import_buildings(plan, path, ImportOptions(households_field="HH_2023"))
    assert list(plan.buildings.frame["households"]) == [50.0, 60.0]
    assert not any("households read" in w for w in report.warnings)
    with pytest.raises(ImportDataError, match="no field 'hh' for households; its fields are"):
        import_buildings(plan, path, ImportOptions(households_field="hh"))


def test_missing_households_are_estimated_flagged_and_counted(tmp_path):
    # 30 m × 10 m footprints: 300 m² × floors ÷ 90 m² per dwelling
    path = write(tmp_path, "b.shp", {"层数": [6, 18, 0], "户数": [None, None, 40.0]},
                 [footprint(0), footprint(1), footprint(2)])
    plan = Plan("p")
    report = import_buildings(plan, path, ImportOptions())
    frame = plan.buildings.frame
    assert list(frame["households"]) == [20.0, 60.0, 40.0]
    assert list(frame["households_estimated"]) == [True, True, False]
    assert list(frame["floors"][:2]) == [6.0, 18.0]
    assert any("households estimated for 2 buildings" in w for w in report.warnings)
    assert plan.totals()["households_estimated"] == 2
    assert list(frame["residents"]) == [round(20 * 2.62), round(60 * 2.62), round(40 * 2.62)]


def test_height_gives_floors_and_dwelling_size_is_the_plans(tmp_path):
    path = write(tmp_path, "b.geojson", {"height": [30.0]}, [footprint(0, 30, 20)])
    plan = Plan("p")
    plan.settings = plan.settings.replaced(dwelling_size_m2=100.0)
    import_buildings(plan, path, ImportOptions())
    row = plan.buildings.frame.iloc[0]
    assert row["floors"] == 10.0  # 30 m ÷ 3 m per floor
    assert row["households"] == 60.0  # 600 m² × 10 ÷ 100 m²
    assert bool(row["households_estimated"])


def test_unknown_floors_use_the_assumption_and_say_so(tmp_path):
    path = write(tmp_path, "b.geojson", {"kind": ["house"]}, [footprint(0, 30, 30)])
    plan = Plan("p")
    report = import_buildings(plan, path, ImportOptions(extra={"default_floors": 6}))
    assert plan.buildings.frame.iloc[0]["households"] == 60.0
    assert any("floors unknown for 1 of them: 6 floors assumed" in w for w in report.warnings)


def test_points_keep_given_households_and_report_missing_ones(tmp_path):
    pts = [shapely.Point(X0, Y0), shapely.Point(X0 + 50, Y0)]
    path = write(tmp_path, "p.geojson", {"hh": [30, None]}, pts)
    plan = Plan("p")
    report = import_buildings(plan, path, ImportOptions())
    assert list(plan.buildings.frame["households"]) == [30.0, 0.0]
    assert any("cannot be estimated" in w and "features 1" in w for w in report.warnings)


def test_lines_given_as_buildings_are_refused_and_nothing_changes(tmp_path, grid_plan):
    path = write(tmp_path, "roads.geojson", {"name": ["a", "b"]},
                 [shapely.LineString([(X0, Y0), (X0 + 100, Y0)]),
                  shapely.LineString([(X0, Y0), (X0, Y0 + 100)])])
    before = grid_plan.buildings.frame.copy()
    with pytest.raises(ImportDataError,
                       match="roads.geojson: holds LineString features; buildings must be polygons or points"):
        import_buildings(grid_plan, path, ImportOptions())
    assert grid_plan.buildings.frame.equals(before)


def test_single_part_multipolygons_become_polygons(tmp_path):
    geoms = [shapely.MultiPolygon([footprint(0)]),
             shapely.MultiPolygon([footprint(1), footprint(2)])]
    path = write(tmp_path, "b.gpkg", {"hh": [10, 20]}, geoms)
    plan = Plan("p")
    import_buildings(plan, path, ImportOptions())
    assert list(plan.buildings.frame.geom_type) == ["Polygon", "MultiPolygon"]


def test_source_attributes_are_kept_and_saved(tmp_path):
    path = write(tmp_path, "b.gpkg", {"hh": [10], "NAME": ["A栋"], "物业": ["万科"],
                                      "Households": [10]}, [footprint(0)])
    plan = Plan("p")
    import_buildings(plan, path, ImportOptions(households_field="hh"))
    frame = plan.buildings.frame
    assert frame.iloc[0]["name"] == "A栋"
    assert frame.iloc[0]["物业"] == "万科"
    assert "src_Households" in frame.columns  # would clash with "households" in a GeoPackage
    again = load_plan(save_plan(plan, tmp_path / "plan.gpkg"))
    assert again.buildings.frame.iloc[0]["物业"] == "万科"


def test_invalid_empty_and_far_buildings_are_reported_by_id(tmp_path):
    geoms = [footprint(i) for i in range(8)]
    x, y = X0 + 100, Y0 + 100
    geoms[2] = shapely.Polygon([(x, y), (x + 20, y + 20), (x + 20, y), (x, y + 20)])  # bow-tie
    geoms[4] = shapely.Polygon()
    geoms[6] = shapely.box(X0 + 80000, Y0, X0 + 80030, Y0 + 10)  # 80 km off
    path = write(tmp_path, "b.geojson", {"hh": [10] * 8}, geoms)
    plan = Plan("p")
    report = import_buildings(plan, path, ImportOptions())
    assert report.repaired == ["feature 2: self-intersection; made valid"]
    assert report.skipped[0] == "feature 4: empty geometry"
    assert re.match(r"feature 6: (79|80)\.\d km from the other features", report.skipped[1])
    assert report.added == 6 and len(plan.buildings) == 6
    assert plan.buildings.frame.geometry.is_valid.all()


def test_gcj02_buildings_land_within_a_metre_of_the_truth(tmp_path):
    lon, lat = np.meshgrid(np.linspace(116.30, 116.34, 5), np.linspace(39.90, 39.93, 4))
    truth = [shapely.Point(a, b).buffer(0.0002, quad_segs=2) for a, b in zip(lon.ravel(), lat.ravel(), strict=True)]
    amap = geometries_from_wgs84(np.array(truth, dtype=object), "gcj02")
    path = write(tmp_path, "amap.geojson", {"hh": [10] * len(truth)}, list(amap), crs="EPSG:4326")
    plan = Plan("p")
    import_buildings(plan, path, ImportOptions(coords="gcj02"))
    want = gpd.GeoSeries(truth, crs=4326).to_crs(plan.crs)
    got = plan.buildings.frame.geometry
    errors = [g.hausdorff_distance(w) for g, w in zip(got, want, strict=True)]
    assert max(errors) < 1.0
    # and without --coords they would be hundreds of metres off
    raw = gpd.GeoSeries(list(amap), crs=4326).to_crs(plan.crs)
    assert min(r.hausdorff_distance(w) for r, w in zip(raw, want, strict=True)) > 100


def test_gbk_shapefile_buildings_keep_chinese_names(tmp_path):
    path = tmp_path / "楼栋.shp"
    gdf = gpd.GeoDataFrame({"名称": ["幸福里1号楼", "幸福里2号楼"], "户数": [36, 48]},
                           geometry=[footprint(0), footprint(1)], crs=CRS)
    pyogrio.write_dataframe(gdf, path, encoding="GBK")
    path.with_suffix(".cpg").unlink()
    plan = Plan("p")
    report = import_buildings(plan, path, ImportOptions())
    assert list(plan.buildings.frame["name"]) == ["幸福里1号楼", "幸福里2号楼"]
    assert list(plan.buildings.frame["households"]) == [36.0, 48.0]
    assert any("GB18030" in w for w in report.warnings)


def test_data_in_another_part_of_the_world_is_refused(tmp_path, grid_plan):
    # Beijing plan; a file whose .prj was lost and numbers read as degrees near Africa
    path = write(tmp_path, "b.geojson", {"hh": [10]}, [shapely.box(1.0, 1.0, 1.001, 1.001)],
                 crs="EPSG:4326")
    before = len(grid_plan.buildings)
    with pytest.raises(ImportDataError, match=r"b.geojson: the features lie [\d,]+ km from the plan"):
        import_buildings(grid_plan, path, ImportOptions())
    assert len(grid_plan.buildings) == before


def test_data_a_little_off_the_plan_is_imported_with_a_warning(tmp_path, grid_plan):
    path = write(tmp_path, "b.geojson", {"hh": [10]},
                 [shapely.box(116.6, 39.95, 116.601, 39.951)], crs="EPSG:4326")
    report = import_buildings(grid_plan, path, ImportOptions())
    assert report.added == 1
    assert any("km from the plan's other data" in w for w in report.warnings)

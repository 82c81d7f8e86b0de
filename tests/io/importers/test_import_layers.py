"""Importing boundaries, and the checks every layer import shares."""

from __future__ import annotations

import geopandas as gpd
import pyogrio
import pytest
import shapely

from gridplanner.errors import CRSError, ImportDataError
from gridplanner.io.importers.layers import import_boundaries, level_of
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.io.plan_file.project import load_plan, save_plan
from gridplanner.model import Plan

LON, LAT = 116.30, 39.90
STEP = 0.01  # about 850 m × 1,100 m per community


def square(i: int, j: int = 0, size: float = STEP):
    x, y = LON + i * STEP, LAT + j * STEP
    return shapely.box(x, y, x + size, y + size)


def write(tmp_path, name: str, data: dict, geometry: list, crs="EPSG:4326"):
    path = tmp_path / name
    gdf = gpd.GeoDataFrame(data, geometry=geometry, crs=crs)
    pyogrio.write_dataframe(gdf, path)
    return path


def bowtie(i: int):
    x, y = LON + i * STEP, LAT
    return shapely.Polygon([(x, y), (x + STEP, y + STEP), (x + STEP, y), (x, y + STEP)])


def test_levels_and_names_come_from_chinese_fields(tmp_path):
    path = write(tmp_path, "b.gpkg", {
        "名称": ["示范街道", "东风社区", "西湖村", "幸福里小区"],
        "类型": ["街道", "社区", "村", "小区"],
    }, [square(0, 0, 3 * STEP), square(0), square(1), square(2, 0, STEP / 4)])
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions(level_field="类型"))
    frame = plan.boundaries.frame
    assert list(frame["level"]) == ["subdistrict", "community", "community", "compound"]
    assert list(frame["name"]) == ["示范街道", "东风社区", "西湖村", "幸福里小区"]
    assert report.added == 4
    assert any("'名称'" in w and "guessed" in w for w in report.warnings)
    assert plan.crs.to_epsg() == 4548
    assert len(plan.communities()) == 2


def test_level_for_every_feature_and_name_field(tmp_path):
    path = write(tmp_path, "c.geojson", {"SQMC": ["东风社区", "西湖社区"], "NAME": ["x", "y"]},
                 [square(0), square(1)])
    plan = Plan("p")
    import_boundaries(plan, path, ImportOptions(level="社区", name_field="SQMC"))
    frame = plan.boundaries.frame
    assert list(frame["level"]) == ["community", "community"]
    assert list(frame["name"]) == ["东风社区", "西湖社区"]
    # the unused NAME field is kept, renamed so a GeoPackage can store it next to "name"
    assert list(frame["src_NAME"]) == ["x", "y"]
    again = load_plan(save_plan(plan, tmp_path / "plan.gpkg"))
    assert list(again.boundaries.frame["src_NAME"]) == ["x", "y"]


def test_unknown_level_names_the_feature_and_changes_nothing(tmp_path):
    path = write(tmp_path, "c.geojson", {"name": ["a", "b"], "level": ["社区", "district"]},
                 [square(0), square(1)])
    plan = Plan("p")
    with pytest.raises(ImportDataError, match="feature 1 has level 'district'"):
        import_boundaries(plan, path, ImportOptions())
    assert plan.crs is None and len(plan.boundaries) == 0
    with pytest.raises(ImportDataError, match="unknown boundary level 'county'"):
        import_boundaries(plan, path, ImportOptions(level="county"))


def test_level_words():
    assert level_of("街道办事处") == "subdistrict"
    assert level_of("Township") == "subdistrict"
    assert level_of("社区居委会") == "community"
    assert level_of("行政村") == "community"
    assert level_of("小区") == "compound"
    assert level_of(None) is None


def test_no_level_means_community_with_a_warning(tmp_path):
    path = write(tmp_path, "c.geojson", {"name": ["a"]}, [square(0)])
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions())
    assert list(plan.boundaries.frame["level"]) == ["community"]
    assert any("--level" in w for w in report.warnings)


def test_bowtie_is_repaired_and_reported_by_id(tmp_path):
    path = write(tmp_path, "c.geojson", {"name": ["a", "领结", "c"]},
                 [square(0), bowtie(1), square(2)])
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions(level="community"))
    assert report.repaired == ["feature 1 (领结): self-intersection; made valid"]
    geom = plan.boundaries.frame.geometry.iloc[1]
    assert geom.is_valid and geom.geom_type == "MultiPolygon" and len(geom.geoms) == 2
    assert plan.boundaries.frame.geometry.is_valid.all()
    assert report.added == 3


def test_empty_geometry_is_skipped_and_reported(tmp_path):
    path = write(tmp_path, "c.gpkg", {"name": ["a", "空", "c"]},
                 [square(0), shapely.Polygon(), square(2)])
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions(level="community"))
    assert report.skipped == ["feature 2 (空): empty geometry"]  # GeoPackage fids start at 1
    assert list(plan.boundaries.frame["name"]) == ["a", "c"]


def test_far_away_feature_is_reported_and_not_imported(tmp_path):
    geoms = [square(i) for i in range(5)] + [shapely.box(LON + 3, LAT, LON + 3.01, LAT + 0.01)]
    path = write(tmp_path, "c.geojson", {"name": [f"c{i}" for i in range(6)]}, geoms)
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions(level="community"))
    assert len(report.skipped) == 1
    assert report.skipped[0].startswith("feature 5 (c5): 25")  # ~256 km away
    assert "check its coordinates" in report.skipped[0]
    assert list(plan.boundaries.frame["name"]) == [f"c{i}" for i in range(5)]
    minx, miny, maxx, maxy = plan.extent()
    assert maxx - minx < 5000


def test_points_given_as_boundaries_are_refused(tmp_path):
    path = write(tmp_path, "p.geojson", {"name": ["a", "b"]},
                 [shapely.Point(LON, LAT), shapely.Point(LON + 0.01, LAT)])
    plan = Plan("p")
    with pytest.raises(ImportDataError, match="p.geojson: holds Point features; boundaries must be polygons"):
        import_boundaries(plan, path, ImportOptions(level="community"))
    assert plan.crs is None


def test_a_stray_line_among_polygons_is_skipped(tmp_path):
    path = write(tmp_path, "mixed.geojson", {"name": ["a", "road", "b"]},
                 [square(0), shapely.LineString([(LON, LAT), (LON + 0.01, LAT)]), square(1)])
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions(level="community"))
    assert report.added == 2
    assert report.skipped == ["feature 1 (road): LineString is not allowed here"]


def test_import_into_a_plan_with_data_reprojects_and_adds(grid_plan, tmp_path):
    # grid_plan is in UTM 50N around 116.3°E 39.9°N
    before = len(grid_plan.boundaries)
    lon, lat = 116.30, 39.93
    path = write(tmp_path, "c.geojson", {"name": ["新社区"]},
                 [shapely.box(lon, lat, lon + 0.005, lat + 0.005)])
    report = import_boundaries(grid_plan, path, ImportOptions(level="community"))
    assert len(grid_plan.boundaries) == before + 1
    assert grid_plan.crs.to_epsg() == 32650
    # only the guessed name field, and the overlap with the plan's communities
    # (reported, not fixed: issue 8)
    assert not [w for w in report.warnings[1:] if "overlaps" not in w]
    assert any("新社区 overlaps" in w for w in report.warnings)


def test_replace_reports_how_many_were_replaced(grid_plan, tmp_path):
    path = write(tmp_path, "c.geojson", {"name": ["新社区"]},
                 [shapely.box(116.30, 39.93, 116.305, 39.935)])
    report = import_boundaries(grid_plan, path, ImportOptions(level="community", replace=True))
    assert report.replaced == 3 and report.added == 1
    assert list(grid_plan.boundaries.frame["name"]) == ["新社区"]


def test_projected_file_without_crs_is_refused_then_accepted(tmp_path):
    gdf = gpd.GeoDataFrame({"name": ["a"]}, geometry=[square(0)], crs="EPSG:4326").to_crs(4548)
    path = tmp_path / "gk.shp"
    pyogrio.write_dataframe(gdf, path)
    path.with_suffix(".prj").unlink()
    plan = Plan("p")
    with pytest.raises(CRSError, match="gk.shp"):
        import_file(plan, "boundaries", path, ImportOptions(level="community"))
    report = import_file(plan, "boundaries", path,
                         ImportOptions(level="community", source_crs="EPSG:4548"))
    assert report.added == 1 and plan.crs.to_epsg() == 4548


def test_bd09_boundaries_land_where_the_truth_is(tmp_path):
    from gridplanner.io.chinese_coords import geometries_from_wgs84

    truth = [square(0), square(1)]
    path = write(tmp_path, "baidu.geojson", {"name": ["a", "b"]},
                 list(geometries_from_wgs84(truth, "bd09")))
    plan = Plan("p")
    import_boundaries(plan, path, ImportOptions(level="community", coords="bd09"))
    want = gpd.GeoSeries(truth, crs=4326).to_crs(plan.crs)
    got = plan.boundaries.frame.geometry
    assert max(g.hausdorff_distance(w) for g, w in zip(got, want, strict=True)) < 1.0


def test_collection_of_outline_and_label_point_keeps_the_outline(tmp_path):
    outline = square(0)
    collection = shapely.GeometryCollection([outline, shapely.Point(LON + 0.005, LAT + 0.005),
                                             shapely.MultiPolygon([square(2)])])
    path = write(tmp_path, "c.gpkg", {"name": ["a"]}, [collection])
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions(level="community"))
    geom = plan.boundaries.frame.geometry.iloc[0]
    assert report.added == 1 and geom.geom_type == "MultiPolygon" and len(geom.geoms) == 2


def test_codes_read_as_numbers_keep_their_digits(tmp_path):
    path = write(tmp_path, "c.geojson", {"name": ["东风社区", "西湖社区"],
                                         "XZQDM": [110105001001.0, 110105001002.0],
                                         "所属街道": ["建外街道", "建外街道"]},
                 [square(0), square(1)])
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions(level="community"))
    frame = plan.boundaries.frame
    assert list(frame["code"]) == ["110105001001", "110105001002"]
    assert list(frame["parent"]) == ["建外街道", "建外街道"]
    assert any("code read from field 'XZQDM'" in w for w in report.warnings)


def test_swapped_lonlat_feature_is_skipped_not_the_whole_file(tmp_path):
    swapped = shapely.box(LAT, LON, LAT + 0.01, LON + 0.01)  # latitude 116°: impossible
    path = write(tmp_path, "c.geojson", {"name": [f"c{i}" for i in range(5)]},
                 [square(0), square(1), swapped, square(2), square(3)])
    plan = Plan("p")
    report = import_boundaries(plan, path, ImportOptions(level="community"))
    assert report.skipped == ["feature 2 (c2): coordinates do not fit WGS 84; check them"]
    assert report.added == 4


def test_file_of_only_empty_geometries_says_nothing_is_left(tmp_path):
    path = write(tmp_path, "e.gpkg", {"name": ["a", "b"]}, [shapely.Polygon(), None])
    plan = Plan("p")
    with pytest.raises(ImportDataError, match="e.gpkg: no features left to import .*empty geometry"):
        import_boundaries(plan, path, ImportOptions(level="community"))
    assert plan.crs is None


def test_prepare_changes_nothing_and_commit_adds_in_one_step(tmp_path):
    from gridplanner.io.importers.layers import commit_import, prepare_boundaries

    path = write(tmp_path, "c.geojson", {"name": ["a", "b"]}, [square(0), square(1)])
    plan = Plan("p")
    seen = []
    plan.layer_changed.connect(seen.append)
    prepared = prepare_boundaries(plan, path, ImportOptions(level="community"))
    assert plan.crs is None and len(plan.boundaries) == 0 and not seen
    assert list(prepared.frame["name"]) == ["a", "b"] and prepared.crs.to_epsg() == 4548
    report = commit_import(plan, prepared)
    assert report.added == 2 and len(plan.boundaries) == 2
    assert [c.kind for c in seen] == ["added"]

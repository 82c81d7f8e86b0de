"""Hostile input: tiny files that ask for unbounded memory are refused before the
work, with the limit and the file named; damaged files end in a reason."""

from __future__ import annotations

import time

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
    xlsx_lying_dimension,
    zip_with_bad_crc,
)

from gridplanner.errors import ImportDataError
from gridplanner.io.importers.readers import list_layers
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model.limits import InputLimits
from gridplanner.model.plan import Plan


@pytest.fixture
def plan():
    return street_grid_plan()


@pytest.mark.parametrize("kind", ["workers", "branches", "centres"])
def test_workbook_with_a_cell_at_xfd1048576_is_refused_at_once(kind, tmp_path):
    path = xlsx_far_cell(tmp_path / "far.xlsx", ("姓名", "支部名称", "lon", "lat"))
    assert path.stat().st_size < 10_000
    started = time.perf_counter()
    with pytest.raises(ImportDataError) as err:
        import_file(Plan(), kind, path)
    assert time.perf_counter() - started < 5
    text = str(err.value)
    assert str(path) in text and "A1:XFD1048576" in text and "max_sheet_rows" in text


def test_workbook_whose_dimension_lies_is_refused_at_the_far_row(tmp_path):
    path = xlsx_lying_dimension(tmp_path / "lie.xlsx", row=300_000)
    with pytest.raises(ImportDataError, match=r"row 300,000 holds data.*max_sheet_rows"):
        import_file(Plan(), "workers", path)


def test_columns_over_the_limit_name_the_cell(tmp_path):
    rows = [["姓名"] + [f"c{i}" for i in range(30)], ["王小明"] + ["x"] * 30]
    path = csv_text(tmp_path / "wide.csv", rows)
    options = ImportOptions(limits=InputLimits(max_sheet_columns=10))
    with pytest.raises(ImportDataError, match=r"wide.csv: cell AE1 \(column 31\).*max_sheet_columns"):
        import_file(Plan(), "workers", path, options)


def test_a_2_gb_csv_is_refused_before_it_is_read(tmp_path):
    path = sparse_csv(tmp_path / "huge.csv")
    started = time.perf_counter()
    with pytest.raises(ImportDataError, match=r"huge.csv: the file is 2,048.0 MB.*max_file_mb"):
        import_file(Plan(), "workers", path)
    assert time.perf_counter() - started < 2


def test_polygon_with_20000_holes_is_refused_before_repair(plan, tmp_path):
    path = many_holes_geojson(tmp_path / "holes.geojson")
    before = len(plan.boundaries)
    started = time.perf_counter()
    with pytest.raises(ImportDataError, match=r"feature 0 has 20,000 holes.*max_holes"):
        import_file(plan, "boundaries", path)
    assert time.perf_counter() - started < 10
    assert len(plan.boundaries) == before  # unchanged


def test_a_limit_can_be_raised_per_import_or_in_the_plan(tmp_path):
    path = communities_geojson(tmp_path / "c.geojson")
    with pytest.raises(ImportDataError, match="max_vertices"):
        import_file(Plan(), "boundaries", path, ImportOptions(extra={"limit.max_vertices": "4"}))
    small = Plan()
    small.settings = small.settings.replaced(input_limits=InputLimits(max_features=1))
    with pytest.raises(ImportDataError, match=r"holds 2 features.*max_features"):
        import_file(small, "boundaries", path)
    with pytest.raises(ImportDataError, match="unknown input limit 'max_cats'"):
        import_file(Plan(), "boundaries", path, ImportOptions(extra={"limit.max_cats": "4"}))
    report = import_file(small, "boundaries", path, ImportOptions(extra={"limit.max_features": 9}))
    assert report.added == 2


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_vertex_names_the_feature(plan, tmp_path, value):
    path = non_finite_geojson(tmp_path / "nan.geojson", value)
    with pytest.raises(ImportDataError, match=r"nan.geojson: feature 1 has a vertex at .*not a finite"):
        import_file(plan, "buildings", path)


@pytest.mark.parametrize("value", ["NaN", "Infinity"])
def test_network_importer_refuses_non_finite_coordinates(plan, tmp_path, value):
    path = non_finite_geojson(tmp_path / "lines.geojson", value, lines=True)
    before = len(plan.network)
    with pytest.raises(ImportDataError, match=r"feature 0 has a vertex .*not a finite number"):
        import_file(plan, "network", path)
    assert len(plan.network) == before


def test_kml_placemark_without_geometry(tmp_path):
    path = kml_without_geometry(tmp_path / "empty.kml")
    with pytest.raises(ImportDataError, match=r"empty.kml.*no feature with a geometry"):
        import_file(Plan(), "boundaries", path)


def test_kmz_with_two_kml_files_is_refused_naming_them_then_read_by_choice(tmp_path):
    path = kmz_with_two_kml(tmp_path / "two.kmz")
    with pytest.raises(ImportDataError, match=r"two.kmz: holds 2 KML files \(doc, more\)"):
        import_file(Plan(), "boundaries", path)
    assert list_layers(path) == ["doc", "more"]
    plan = Plan()
    import_file(plan, "boundaries", path, ImportOptions(layer="more"))
    assert list(plan.boundaries.frame["name"]) == ["乙社区"]


def test_zip_member_with_a_bad_checksum_is_named(tmp_path):
    path = zip_with_bad_crc(tmp_path / "bad.zip")
    with pytest.raises(ImportDataError, match=r"bad.zip!communities.geojson: damaged inside"):
        import_file(Plan(), "boundaries", path)


def test_csv_records_are_split_by_csv_rules_not_by_unicode_lines(tmp_path):
    rows = [["姓名", "电话", "备注"]]
    rows += [[f"张{i}", f"1380000000{i}", "第一行\u2028第二行"] for i in range(4)]
    rows += [["李四", "13900000000", "带引号的\n换行"], ["王五", "13900000001", "a\u2029b\x85c"]]
    plan = Plan()
    import_file(plan, "workers", csv_text(tmp_path / "u2028.csv", rows))
    notes = list(plan.workers.frame["notes"])
    assert len(plan.workers) == 6
    assert notes[0] == "第一行\u2028第二行" and notes[4] == "带引号的\n换行"
    assert notes[5] == "a\u2029b\x85c"


def test_a_leading_tab_is_not_stripped_into_a_formula(tmp_path):
    rows = [["姓名", "电话", "备注"], ["\t=1+1", "138", "\r@SUM(A1)"], [" 王五 ", "139", " 好 "]]
    plan = Plan()
    import_file(plan, "workers", csv_text(tmp_path / "tab.csv", rows))
    frame = plan.workers.frame
    assert list(frame["name"]) == ["\t=1+1", "王五"]
    assert list(frame["notes"]) == ["\r@SUM(A1)", "好"]


def test_csv_guard_quote_is_removed_only_where_an_export_adds_it(tmp_path):
    rows = [["姓名", "电话", "备注"], ["'=1+1", "'+86 138", "'just quoted"], ["''=x", "1", "'-"]]
    plan = Plan()
    import_file(plan, "workers", csv_text(tmp_path / "guarded.csv", rows))
    frame = plan.workers.frame
    assert list(frame["name"]) == ["=1+1", "'=x"]
    assert list(frame["phone"]) == ["+86 138", "1"]
    assert list(frame["notes"]) == ["'just quoted", "-"]


def test_shapefile_with_a_damaged_prj_names_the_file(tmp_path):
    """Found by the fuzz suite: a non-UTF-8 byte in the .prj made pyogrio fail inside."""
    import geopandas as gpd
    import shapely

    path = tmp_path / "b.shp"
    gpd.GeoDataFrame({"name": ["a"]}, geometry=[shapely.box(116.3, 39.9, 116.301, 39.901)],
                     crs="EPSG:4326").to_file(path)
    prj = path.with_suffix(".prj")
    prj.write_bytes(prj.read_bytes().replace(b'DATUM["', b'DATUM["\xdf', 1))
    with pytest.raises(ImportDataError, match=r"b.shp: cannot be read"):
        import_file(Plan(), "buildings", path)


def test_zip_with_a_broken_deflate_stream_is_not_a_readable_zip(tmp_path):
    """Found by the fuzz suite: zlib's own error escaped the zip check."""
    import zipfile

    path = tmp_path / "broken.zip"
    source = communities_geojson(tmp_path / "c.geojson")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(source, "c.geojson")
    data = bytearray(path.read_bytes())
    start = 30 + len("c.geojson")  # the local header, then the deflate stream
    for i in range(start + 2, start + 40):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(ImportDataError, match=r"broken.zip"):
        import_file(Plan(), "boundaries", path)


@pytest.mark.parametrize("kind", ["workers", "centres"])
def test_workbook_needing_an_unknown_zip_version_is_not_a_readable_excel_file(tmp_path, kind):
    """Found by the fuzz suite: zipfile's NotImplementedError escaped."""
    path = xlsx_far_cell(tmp_path / "v.xlsx")
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")  # the first central directory entry
    data[at + 6] = 148  # "version needed to extract": 14.8
    path.write_bytes(bytes(data))
    with pytest.raises(ImportDataError, match=r"v.xlsx: not a readable Excel file"):
        import_file(Plan(), kind, path)


def test_network_line_off_the_globe_is_refused_not_saved_as_infinity(plan, tmp_path):
    """Found by the fuzz suite: a damaged shapefile's vertex at (5.5e141, 2.7e19) became
    an infinite coordinate in the plan."""
    import json

    path = tmp_path / "streets.geojson"
    lines = [[[116.30, 39.93], [116.31, 39.93]], [[116.30, 39.93], [5.5e141, 2.7e19]]]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"highway": "residential"},
         "geometry": {"type": "LineString", "coordinates": c}} for c in lines]}))
    before = len(plan.network)
    with pytest.raises(ImportDataError, match=r"streets.geojson: feature 1 has a vertex at "
                                              r"\(5.5e\+141, 2.7e\+19\), which does not fit"):
        import_file(plan, "network", path)
    assert len(plan.network) == before


def test_centre_off_the_globe_is_refused_not_saved_as_infinity(plan, tmp_path):
    """Found by the fuzz suite: one centre of a GeoPackage at latitude 2.7e19 became an
    infinite point in the plan."""
    import json

    path = tmp_path / "centres.geojson"
    points = [[116.300, 39.930], [116.301, 39.931], [116.302, 2.7e19]]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": f"中心{i}"},
         "geometry": {"type": "Point", "coordinates": c}} for i, c in enumerate(points)]}))
    with pytest.raises(ImportDataError, match=r"centres.geojson: feature 2 has a vertex at "
                                              r"\(116.302, 2.7e\+19\), which does not fit"):
        import_file(plan, "centres", path)

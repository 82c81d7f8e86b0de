"""Reading the files users bring, including the malformed ones they really have."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely

from gridplanner.errors import CRSError, ImportDataError
from gridplanner.io.importers.readers import field_names, list_layers, read_vector, to_plan_crs
from gridplanner.model import Plan

NAMES = ["东风社区", "西湖社区", "幸福里小区3号楼"]


def communities(crs="EPSG:4326") -> gpd.GeoDataFrame:
    boxes = [shapely.box(116.30 + i * 0.01, 39.90, 116.31 + i * 0.01, 39.91) for i in range(3)]
    return gpd.GeoDataFrame({"名称": NAMES, "户数": [120, 300, 80]}, geometry=boxes, crs=crs)


def write_shapefile(gdf, path: Path, encoding: str, keep_cpg: bool = False,
                    ldid: int | None = 0) -> Path:
    """A shapefile as Chinese desktop GIS writes it: text in ``encoding``, no .cpg, no LDID."""
    pyogrio.write_dataframe(gdf, path, encoding=encoding)
    if not keep_cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)
    if ldid is not None:
        dbf = bytearray(path.with_suffix(".dbf").read_bytes())
        dbf[29] = ldid
        path.with_suffix(".dbf").write_bytes(bytes(dbf))
    return path


def zip_shapefile(shp: Path, target: Path, folder: str = "") -> Path:
    with zipfile.ZipFile(target, "w") as zf:
        for part in shp.parent.glob(shp.stem + ".*"):
            zf.write(part, folder + part.name)
    return target


def test_gbk_shapefile_without_cpg_reads_as_proper_chinese(tmp_path):
    shp = write_shapefile(communities(), tmp_path / "gbk.shp", "GBK")
    # What GDAL alone makes of it: mojibake.
    assert pyogrio.read_dataframe(shp)[pyogrio.read_info(shp)["fields"][0]].iloc[0] != NAMES[0]
    gdf = read_vector(shp)
    assert list(gdf["名称"]) == NAMES
    assert list(gdf["户数"]) == [120, 300, 80]
    assert gdf.attrs["encoding"] == "gb18030"
    assert any("GB18030" in w for w in gdf.attrs["warnings"])


def test_utf8_shapefile_without_cpg_is_detected_as_utf8(tmp_path):
    shp = write_shapefile(communities(), tmp_path / "u.shp", "UTF-8")
    gdf = read_vector(shp)
    assert list(gdf["名称"]) == NAMES
    assert gdf.attrs["encoding"] == "utf-8"


def test_cpg_that_lies_is_overruled_and_said(tmp_path):
    shp = write_shapefile(communities(), tmp_path / "lie.shp", "GBK")
    shp.with_suffix(".cpg").write_text("UTF-8")
    gdf = read_vector(shp)
    assert list(gdf["名称"]) == NAMES
    assert any("says its text is UTF-8" in w for w in gdf.attrs["warnings"])


def test_named_encoding_is_honoured(tmp_path):
    shp = write_shapefile(communities(), tmp_path / "gbk.shp", "GBK")
    gdf = read_vector(shp, encoding="gbk")
    assert list(gdf["名称"]) == NAMES
    assert gdf.attrs["encoding"] == "gbk"


@pytest.mark.parametrize("wrong", ["utf-8", "latin-1", "cp1252"])
def test_clearly_wrong_encoding_is_refused_with_the_better_one(tmp_path, wrong):
    shp = write_shapefile(communities(), tmp_path / "gbk.shp", "GBK")
    with pytest.raises(ImportDataError, match="try --encoding gb18030") as err:
        read_vector(shp, encoding=wrong)
    assert "gbk.shp" in str(err.value)


def test_undecidable_text_asks_for_the_encoding(tmp_path):
    gdf = gpd.GeoDataFrame({"name": ["Zürich Straße", "Genève", "Malmö"]},
                           geometry=[shapely.Point(8.5, 47.4)] * 3, crs="EPSG:4326")
    shp = write_shapefile(gdf, tmp_path / "latin.shp", "ISO-8859-1")
    with pytest.raises(ImportDataError, match="--encoding"):
        read_vector(shp)
    assert list(read_vector(shp, encoding="latin-1")["name"]) == ["Zürich Straße", "Genève", "Malmö"]


def test_unknown_encoding_name_is_refused(tmp_path):
    shp = write_shapefile(communities(), tmp_path / "gbk.shp", "GBK")
    with pytest.raises(ImportDataError, match="unknown text encoding 'klingon'"):
        read_vector(shp, encoding="klingon")


def test_zipped_shapefile_in_a_folder_is_read_with_encoding_detected(tmp_path):
    (tmp_path / "src").mkdir()
    shp = write_shapefile(communities(), tmp_path / "src" / "gbk.shp", "GBK")
    archive = zip_shapefile(shp, tmp_path / "download.zip", folder="数据/")
    assert list_layers(archive) == ["gbk"]
    gdf = read_vector(archive)
    assert list(gdf["名称"]) == NAMES
    assert "download.zip" in gdf.attrs["source"]


def test_zip_with_two_shapefiles_needs_a_layer(tmp_path):
    a = write_shapefile(communities(), tmp_path / "a.shp", "UTF-8")
    b = write_shapefile(communities().iloc[:1], tmp_path / "b.shp", "UTF-8")
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for shp in (a, b):
            for part in tmp_path.glob(shp.stem + ".*"):
                zf.write(part, part.name)
    with pytest.raises(ImportDataError, match=r"2 layers \(a, b\).*--layer"):
        read_vector(archive)
    assert len(read_vector(archive, layer="b")) == 1


def test_geopackage_with_two_layers_lists_them(tmp_path):
    path = tmp_path / "two.gpkg"
    pyogrio.write_dataframe(communities(), path, layer="社区边界")
    pyogrio.write_dataframe(communities().iloc[:2], path, layer="buildings")
    assert sorted(list_layers(path)) == sorted(["社区边界", "buildings"])
    with pytest.raises(ImportDataError) as err:
        read_vector(path)
    assert "社区边界" in str(err.value) and "buildings" in str(err.value)
    assert "--layer" in str(err.value)
    with pytest.raises(ImportDataError, match="no layer 'roads'"):
        read_vector(path, layer="roads")
    gdf = read_vector(path, layer="buildings")
    assert len(gdf) == 2 and gdf.attrs["layer"] == "buildings"


def test_single_layer_geopackage_needs_no_layer(tmp_path):
    path = tmp_path / "one.gpkg"
    pyogrio.write_dataframe(communities(), path, layer="x")
    assert list(read_vector(path)["名称"]) == NAMES


def test_kml_is_read_without_style_columns(tmp_path):
    path = tmp_path / "places.kml"
    communities().rename(columns={"名称": "Name"}).to_file(path, driver="KML")
    gdf = read_vector(path)
    assert list(gdf["Name"]) == NAMES
    assert gdf.crs.to_epsg() == 4326
    assert not {"tessellate", "extrude", "visibility"} & set(gdf.columns)
    assert gdf.geometry.geom_type.eq("Polygon").all()


KML_TWO_FOLDERS = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>导出</name>
<Folder><name>社区</name><Placemark><name>东风社区</name><Polygon><outerBoundaryIs><LinearRing>
<coordinates>116.30,39.90,0 116.31,39.90,0 116.31,39.91,0 116.30,39.91,0 116.30,39.90,0</coordinates>
</LinearRing></outerBoundaryIs></Polygon></Placemark></Folder>
<Folder><name>服务站</name><Placemark><name>党群服务站</name>
<Point><coordinates>116.305,39.905,12</coordinates></Point></Placemark></Folder>
</Document></kml>"""


def test_kml_folders_are_layers_and_heights_are_dropped(tmp_path):
    path = tmp_path / "export.kml"
    path.write_text(KML_TWO_FOLDERS, encoding="utf-8")
    assert list_layers(path) == ["社区", "服务站"]
    with pytest.raises(ImportDataError, match=r"2 layers \(社区, 服务站\)"):
        read_vector(path)
    gdf = read_vector(path, layer="服务站")
    assert list(gdf["Name"]) == ["党群服务站"]
    assert not gdf.has_z.any()
    assert gdf.attrs["source"].endswith("(layer 服务站)")


def test_field_names_are_decoded_without_reading_features(tmp_path):
    shp = write_shapefile(communities(), tmp_path / "gbk.shp", "GBK")
    assert field_names(shp) == ["名称", "户数"]


def test_shapefile_without_prj_is_refused_unless_crs_given(tmp_path):
    gdf = communities().to_crs("EPSG:4548")
    shp = write_shapefile(gdf, tmp_path / "noprj.shp", "UTF-8")
    shp.with_suffix(".prj").unlink()
    with pytest.raises(CRSError, match="noprj.shp: the file has no coordinate system.*--source-crs"):
        read_vector(shp)
    got = read_vector(shp, source_crs="EPSG:4548")
    assert got.crs.to_epsg() == 4548


def test_geojson_with_projected_coordinates_and_no_crs_is_refused(tmp_path):
    path = tmp_path / "gk.geojson"
    gk = communities().to_crs("EPSG:4548")
    data = json.loads(gk.to_json(drop_id=True))
    del data["crs"]  # as many tools write it: projected numbers, no crs member
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CRSError, match="gk.geojson: coordinates such as .* not longitude/latitude"):
        read_vector(path)
    assert read_vector(path, source_crs="4548").crs.to_epsg() == 4548


def test_source_crs_overrides_a_declared_one_with_a_note(tmp_path):
    path = tmp_path / "c.geojson"
    communities().to_file(path)
    gdf = read_vector(path, source_crs="EPSG:4490")
    assert gdf.crs.to_epsg() == 4490
    assert any("using" in w for w in gdf.attrs["warnings"])


def test_gcj02_input_is_converted_to_wgs84(tmp_path):
    from gridplanner.io.chinese_coords import geometries_from_wgs84

    truth = communities()
    shifted = truth.copy()
    shifted["geometry"] = geometries_from_wgs84(truth.geometry.values, "gcj02")
    path = tmp_path / "amap.geojson"
    shifted.to_file(path)
    gdf = read_vector(path, coords="gcj02")
    got = shapely.get_coordinates(gdf.geometry.values)
    want = shapely.get_coordinates(truth.geometry.values)
    assert abs(got - want).max() < 1e-7


def test_gcj02_on_projected_data_is_refused(tmp_path):
    path = tmp_path / "p.gpkg"
    pyogrio.write_dataframe(communities().to_crs("EPSG:4548"), path)
    with pytest.raises(CRSError, match="--coords gcj02 is for longitude/latitude"):
        read_vector(path, coords="gcj02")


def test_missing_file_and_folder_are_named(tmp_path):
    with pytest.raises(ImportDataError, match="nothere.shp: no such file"):
        read_vector(tmp_path / "nothere.shp")
    with pytest.raises(ImportDataError, match="is a folder"):
        read_vector(tmp_path)


def test_not_a_gis_file_is_refused(tmp_path):
    path = tmp_path / "notes.geojson"
    path.write_text("this is not json")
    with pytest.raises(ImportDataError, match="notes.geojson"):
        read_vector(path)


def test_to_plan_crs_chooses_a_gauss_kruger_zone_for_an_empty_plan():
    plan = Plan("p")
    out = to_plan_crs(plan, communities())
    assert plan.crs.to_epsg() == 4548  # CGCS2000 3-degree GK zone, central meridian 117°E
    assert out.crs == plan.crs
    assert 900 < shapely.area(out.geometry.values[0]) ** 0.5 < 1000  # a ~0.01° box in metres


def test_lonlat_geojson_without_crs_is_wgs84_with_a_note_about_online_maps(tmp_path):
    path = tmp_path / "plain.geojson"
    data = json.loads(communities().to_json(drop_id=True))
    data.pop("crs", None)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    gdf = read_vector(path)
    assert gdf.crs.to_epsg() == 4326
    assert any("--coords gcj02" in w for w in gdf.attrs["warnings"])
    assert not read_vector(path, coords="gcj02").attrs["warnings"]


def test_kmz_and_a_zip_of_geojson_files(tmp_path):
    kml = tmp_path / "doc.kml"
    kml.write_text(KML_TWO_FOLDERS, encoding="utf-8")
    kmz = tmp_path / "export.kmz"
    with zipfile.ZipFile(kmz, "w") as zf:
        zf.write(kml, "doc.kml")
    assert list(read_vector(kmz, layer="社区")["Name"]) == ["东风社区"]
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in ("东区", "西区"):
            zf.writestr(f"{name}.geojson", communities().to_json())
    assert list_layers(archive) == ["东区", "西区"]
    assert len(read_vector(archive, layer="西区")) == 3

"""Importing service centres from point files and spreadsheets."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from gridplanner.errors import CRSError
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model import Plan

CRS = "EPSG:32650"


def test_xlsx_with_chinese_columns_and_services(tmp_path):
    path = tmp_path / "centres.xlsx"
    pd.DataFrame({
        "名称": ["东风邻里中心", "卫生服务站", "无坐标"],
        "经度": [116.40, 116.41, None],
        "纬度": [39.90, 39.91, None],
        "服务内容": ["托育、日间照料；文体活动室", "社区卫生服务站", ""],
        "负责人": ["王", "李", "张"],
    }).to_excel(path, index=False)
    plan = Plan()
    rep = import_file(plan, "centres", path)
    assert rep.added == 2 and rep.skipped
    f = plan.centres.frame
    assert list(f["name"]) == ["东风邻里中心", "卫生服务站"]
    assert f["services"].iloc[0] == "childcare;elderly_care;culture"
    assert f["services"].iloc[1] == "health"
    assert list(f["负责人"]) == ["王", "李"]
    assert plan.crs.is_projected
    assert f.geometry.iloc[0].distance(f.geometry.iloc[1]) == pytest.approx(1400, rel=0.1)


def test_csv_gbk_with_lon_lat_in_gcj02(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"name": ["东风社区邻里中心"], "lng": [116.404], "lat": [39.915], "services": ["health"]}
                 ).to_csv(path, index=False, encoding="gbk")
    plain, shifted = Plan(), Plan()
    import_file(plain, "centres", path)
    import_file(shifted, "centres", path, ImportOptions(coords="gcj02"))
    assert plain.centres.frame["name"].iloc[0] == "东风社区邻里中心"
    shift = plain.centres.frame.geometry.iloc[0].distance(
        shifted.centres.frame.to_crs(plain.crs).geometry.iloc[0])
    assert 100 < shift < 1000  # GCJ-02 offsets are a few hundred metres


def test_projected_xy_needs_a_crs(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"name": ["a"], "x": [440100.0], "y": [4420100.0]}).to_csv(path, index=False)
    with pytest.raises(CRSError, match="source-crs"):
        import_file(Plan(), "centres", path)
    plan = Plan(crs=CRS)
    import_file(plan, "centres", path, ImportOptions(source_crs=CRS))
    assert plan.centres.frame.geometry.iloc[0].equals(shapely.Point(440100, 4420100))


def test_point_file_polygons_become_points(tmp_path):
    path = tmp_path / "c.gpkg"
    gpd.GeoDataFrame({"name": ["a", "b"], "kind": ["market", "party_station"]},
                     geometry=[shapely.Point(440000, 4420000),
                               shapely.box(440100, 4420100, 440120, 4420120)],
                     crs=CRS).to_file(path)
    plan = Plan(crs=CRS)
    rep = import_file(plan, "centres", path)
    assert rep.added == 2 and rep.repaired
    assert set(plan.centres.frame.geometry.geom_type) == {"Point"}
    assert list(plan.centres.frame["kind"]) == ["market", "party_station"]

"""Valid seed files of every import format and kind, made in code.

The fuzz suite mutates these; each seed imports cleanly into the street-grid
plan of tests/factories.py (they lie on its streets, near 116.30 E 39.93 N).
``make_seeds(folder)`` returns ``[(kind, path), ...]``; ``EXTRA_ARGS`` holds
the options a kind needs on the command line.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import geopandas as gpd
import openpyxl
import pyogrio
import shapely

LON, LAT = 116.2985, 39.9285
D = 0.0012  # about 100 m


def _boxes(n: int, size: float = D * 0.3) -> list[shapely.Polygon]:
    return [shapely.box(LON + i * D, LAT, LON + i * D + size, LAT + size) for i in range(n)]


def _communities() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"名称": ["东风社区", "西湖社区"], "级别": ["社区", "社区"], "代码": ["001", "002"]},
        geometry=[shapely.box(LON, LAT, LON + 3 * D, LAT + 3 * D),
                  shapely.box(LON + 3 * D, LAT, LON + 6 * D, LAT + 3 * D)], crs="EPSG:4326")


def _buildings() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"楼号": [f"{i}号楼" for i in range(5)], "户数": [40, 60, 36, 24, 80],
                             "层数": [6, 6, 18, 3, 11]}, geometry=_boxes(5), crs="EPSG:4326")


def _streets() -> gpd.GeoDataFrame:
    lines = [shapely.LineString([(LON, LAT + j * D), (LON + 5 * D, LAT + j * D)]) for j in range(3)]
    lines += [shapely.LineString([(LON + i * D, LAT), (LON + i * D, LAT + 2 * D)]) for i in range(4)]
    return gpd.GeoDataFrame({"highway": ["residential"] * 3 + ["footway"] * 4,
                             "name": [f"路{i}" for i in range(7)]}, geometry=lines, crs="EPSG:4326")


def _centres() -> gpd.GeoDataFrame:
    pts = [shapely.Point(LON + D * (0.5 + i), LAT + D * 1.5) for i in range(3)]
    return gpd.GeoDataFrame({"名称": ["邻里中心", "党群服务站", "卫生站"],
                             "服务": ["托育;养老", "政务", "卫生"]}, geometry=pts, crs="EPSG:4326")


def _shapefile_zip(gdf: gpd.GeoDataFrame, folder: Path, stem: str) -> Path:
    shp_dir = folder / f"{stem}_shp"
    shp_dir.mkdir(exist_ok=True)
    pyogrio.write_dataframe(gdf, shp_dir / f"{stem}.shp", encoding="GBK")
    (shp_dir / f"{stem}.cpg").unlink(missing_ok=True)
    path = folder / f"{stem}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for part in sorted(shp_dir.iterdir()):
            zf.write(part, part.name)
    return path


def _kml(gdf: gpd.GeoDataFrame, name_field: str) -> str:
    marks = []
    for name, geom in zip(gdf[name_field], gdf.geometry, strict=True):
        coords = " ".join(f"{x},{y}" for x, y in geom.exterior.coords)
        marks.append(f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing>"
                     f"<coordinates>{coords}</coordinates></LinearRing></outerBoundaryIs>"
                     "</Polygon></Placemark>")
    return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
            f"<Document>{''.join(marks)}</Document></kml>")


def _osm_xml(gdf: gpd.GeoDataFrame) -> str:
    nodes, ways, nid = [], [], 1
    for wid, (hw, geom) in enumerate(zip(gdf["highway"], gdf.geometry, strict=True), start=1):
        refs = []
        for x, y in geom.coords:
            nodes.append(f'<node id="{nid}" lat="{y}" lon="{x}" version="1"/>')
            refs.append(f'<nd ref="{nid}"/>')
            nid += 1
        ways.append(f'<way id="{wid}" version="1">{"".join(refs)}<tag k="highway" v="{hw}"/></way>')
    return ('<?xml version="1.0" encoding="UTF-8"?><osm version="0.6">'
            + "".join(nodes) + "".join(ways) + "</osm>")


#: Command-line options a kind needs (the building ledger's key column).
EXTRA_ARGS: dict[str, list[str]] = {"building-data": ["--key-field", "楼栋名称"]}

LEDGER = [["楼栋名称", "户数", "人口", "60岁以上", "党员"],
          ["0-0-0", "48", "130", "20", "3"], ["0-0-1", "52", "140", "11", "0"],
          ["1-0-0", "30", "80", "9", "2"]]
PEOPLE = [["姓名", "手机号码", "所属社区"], ["陈静", "13900000001", "东风社区"],
          ["刘洋", "13900000002", "西湖社区"]]

WORKERS = [["姓名", "手机号码", "岗位", "所属社区", "备注"],
           ["王小明", "13800000001", "网格长", "东风社区", ""],
           ["李红", "13800000002", "专职网格员", "东风社区", "新入职"],
           ["张伟", "13800000003", "兼职网格员", "西湖社区", "=1+1"]]
BRANCHES = [["支部名称", "书记", "正式党员数", "类型"],
            ["第一网格党支部", "王书记", "5", "网格党支部"],
            ["联合党支部", "李书记", "7", "联合党支部"]]
CENTRE_SHEET = [["名称", "经度", "纬度", "服务"],
                ["邻里中心", str(LON + D), str(LAT + D), "托育、养老"],
                ["党群服务站", str(LON + 2 * D), str(LAT + D), "政务"]]


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def make_seeds(folder: Path) -> list[tuple[str, Path]]:
    """Write one valid file per (kind, format) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    com, bld, net, cen = _communities(), _buildings(), _streets(), _centres()
    seeds: list[tuple[str, Path]] = []

    def vector(kind: str, gdf: gpd.GeoDataFrame, stem: str) -> None:
        gj = folder / f"{stem}.geojson"
        gj.write_text(gdf.to_json(ensure_ascii=False), encoding="utf-8")
        gpkg = folder / f"{stem}.gpkg"
        pyogrio.write_dataframe(gdf, gpkg, layer=stem)
        seeds.extend([(kind, gj), (kind, gpkg), (kind, _shapefile_zip(gdf, folder, stem))])

    vector("boundaries", com, "communities")
    vector("buildings", bld, "buildings")
    vector("network", net, "streets")
    vector("centres", cen, "centres")
    cells = gpd.GeoDataFrame({"网格名称": ["第一网格", "第二网格"], "网格编码": ["01", "02"]},
                             geometry=[shapely.box(LON, LAT, LON + 2 * D, LAT + 2 * D),
                                       shapely.box(LON + 2 * D, LAT, LON + 4 * D, LAT + 2 * D)],
                             crs="EPSG:4326")
    cells_json = folder / "cells.geojson"
    cells_json.write_text(cells.to_json(ensure_ascii=False), encoding="utf-8")
    seeds += [("cells", cells_json), ("cells", _shapefile_zip(cells, folder, "cells"))]
    kml = folder / "communities.kml"
    kml.write_text(_kml(com, "名称"), encoding="utf-8")
    kmz = folder / "communities.kmz"
    with zipfile.ZipFile(kmz, "w") as zf:
        zf.writestr("doc.kml", _kml(com, "名称"))
    osm = folder / "streets.osm"
    osm.write_text(_osm_xml(net), encoding="utf-8")
    seeds += [("boundaries", kml), ("boundaries", kmz), ("network", osm)]
    seeds += [("workers", _csv(folder / "workers.csv", WORKERS)),
              ("workers", _csv(folder / "workers_gbk.csv", WORKERS, "gb18030")),
              ("workers", _xlsx(folder / "workers.xlsx", WORKERS)),
              ("branches", _csv(folder / "branches.csv", BRANCHES)),
              ("branches", _xlsx(folder / "branches.xlsx", BRANCHES)),
              ("centres", _csv(folder / "centres.csv", CENTRE_SHEET)),
              ("centres", _xlsx(folder / "centres.xlsx", CENTRE_SHEET)),
              ("building-data", _xlsx(folder / "ledger.xlsx", LEDGER)),
              ("building-data", _csv(folder / "ledger.csv", LEDGER, "gb18030")),
              ("party-members", _csv(folder / "members.csv", PEOPLE)),
              ("volunteers", _xlsx(folder / "volunteers.xlsx", PEOPLE)),
              ("staff", _csv(folder / "staff.csv", PEOPLE))]
    (folder / "seeds.json").write_text(json.dumps([(k, str(p)) for k, p in seeds]))
    return seeds

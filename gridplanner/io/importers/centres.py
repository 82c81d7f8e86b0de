"""Import service centres into ``plan.centres``.

From point files (GeoJSON, Shapefile, GeoPackage, KML: anything
:func:`gridplanner.io.importers.readers.read_vector` reads) or from spreadsheets
(.xlsx/.xls/.csv) with longitude/latitude or x/y columns. Services are read
from a services column, ``;``-separated (also ``,`` ``、`` ``；`` ``/``);
common Chinese service names are mapped to the plan's service codes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gridplanner.errors import CRSError, ImportDataError, UnknownFieldError
from gridplanner.io.chinese_coords import geometries_to_wgs84
from gridplanner.io.crs import WGS84, parse_crs
from gridplanner.io.importers.readers import check_placeable, plan_crs_for, read_vector
from gridplanner.io.importers.registry import (
    ImportOptions,
    ImportReport,
    PreparedImport,
    commit_import,
)
from gridplanner.io.importers.roster import read_table
from gridplanner.model.plan import Plan
from gridplanner.model.schema import join_services

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")
LON_FIELDS = ("lon", "lng", "long", "longitude", "经度", "x_wgs84")
LAT_FIELDS = ("lat", "latitude", "纬度", "y_wgs84")
X_FIELDS = ("x", "东坐标", "x坐标", "easting")
Y_FIELDS = ("y", "北坐标", "y坐标", "northing")
FIELD_GUESSES = {
    "name": ("name", "名称", "中心名称", "站点名称", "centre", "center"),
    "services": ("services", "service", "服务", "服务内容", "服务项目", "功能"),
    "kind": ("kind", "type", "类型", "类别"),
    "capacity": ("capacity", "容量", "规模"),
    "hours": ("hours", "开放时间", "营业时间"),
}
#: Chinese service words → plan service codes (a word inside the name counts).
SERVICE_WORDS = {
    "childcare": ("托育", "幼儿", "幼儿园", "托儿", "四点半"),
    "elderly_care": ("养老", "日间照料", "长者", "老年", "助餐"),
    "health": ("卫生", "医疗", "诊所", "医务", "健康"),
    "food": ("菜市场", "生鲜", "食品", "菜场"),
    "culture": ("文体", "文化", "图书", "活动室", "体育"),
    "public_affairs": ("政务", "便民", "党群", "办事"),
}
_SPLIT = re.compile(r"[;；,，、/|]")


def import_centres(plan: Plan, path: str | Path, options: ImportOptions) -> ImportReport:
    """Read centres from a point file or spreadsheet into ``plan.centres``."""
    path = Path(path)
    if not path.exists():
        raise ImportDataError(f"{path}: no such file")
    report = ImportReport(kind="centres", file=str(path), layer=options.layer)
    if path.suffix.lower() in SHEET_SUFFIXES:
        gdf = read_centre_sheet(path, options, report)
    else:
        gdf = read_centre_points(path, options, report)
    if len(gdf) == 0:
        raise ImportDataError(f"{path}: holds no centres with a location")
    check_placeable(gdf, str(path))
    frame = centre_columns(gdf, options, report)
    crs = plan_crs_for(plan, frame)
    frame = frame.to_crs(crs)
    return commit_import(plan, PreparedImport("centres", frame, crs, options.replace, report))


def read_centre_points(path: Path, options: ImportOptions, report: ImportReport) -> gpd.GeoDataFrame:
    gdf = read_vector(path, layer=options.layer, encoding=options.encoding,
                      source_crs=options.source_crs, coords=options.coords,
                      limits=options.limits)
    report.warnings += list(gdf.attrs.get("warnings", []))
    gdf = gdf[~(gdf.geometry.isna() | gdf.geometry.is_empty)]
    kind = gdf.geometry.geom_type
    areas = kind.isin(["Polygon", "MultiPolygon"])
    if areas.any():
        gdf = gdf.copy()
        gdf.loc[areas, "geometry"] = gdf.geometry[areas].representative_point()
        report.repaired.append(f"{int(areas.sum())} areas placed at a point inside them")
    multi = kind == "MultiPoint"
    if multi.any():
        gdf.loc[multi, "geometry"] = gdf.geometry[multi].centroid
        report.repaired.append(f"{int(multi.sum())} multi-points placed at their centre")
    lines = kind.isin(["LineString", "MultiLineString"])
    if lines.any():
        report.skipped.append(f"{int(lines.sum())} lines (a centre is a point), ids "
                              + ", ".join(str(i) for i in gdf.index[lines][:10]))
    return gdf[~lines.to_numpy()]


def _find(columns: list[str], wanted: tuple[str, ...], given: Any = None,
          where: str = "") -> str | None:
    if given:
        if given not in columns:
            raise UnknownFieldError(f"{where + ': ' if where else ''}has no column {given!r}; "
                                    f"the columns are: {', '.join(map(str, columns))}")
        return str(given)
    lower = {str(c).strip().lower(): c for c in columns}
    return next((lower[w] for w in wanted if w in lower), None)


def read_centre_sheet(path: Path, options: ImportOptions, report: ImportReport) -> gpd.GeoDataFrame:
    table, _enc = read_table(path, options.encoding, options.layer, limits=options.limits)
    cols = [str(c) for c in table.columns]
    table.columns = cols
    xf = _find(cols, LON_FIELDS, options.extra.get("x_field"), str(path))
    yf = _find(cols, LAT_FIELDS, options.extra.get("y_field"), str(path))
    lonlat = xf is not None and yf is not None and not options.extra.get("x_field")
    if xf is None or yf is None:
        xf, yf = _find(cols, X_FIELDS), _find(cols, Y_FIELDS)
        lonlat = False
    if xf is None or yf is None:
        raise ImportDataError(f"{path}: no coordinate columns found (lon/lat, 经度/纬度 or x/y); "
                              f"the columns are: {', '.join(cols)}")
    x = pd.to_numeric(table[xf].replace("", None), errors="coerce")
    y = pd.to_numeric(table[yf].replace("", None), errors="coerce")
    bad = (x.isna() | y.isna()).to_numpy()
    if bad.any():
        rows = ", ".join(str(i + 2) for i in np.flatnonzero(bad)[:10])
        report.skipped.append(f"{int(bad.sum())} rows without coordinates (rows {rows})")
    table = table[~bad]
    crs = _sheet_crs(path, options, lonlat, x[~bad], y[~bad])
    geoms = shapely.points(x[~bad].to_numpy(float), y[~bad].to_numpy(float))
    if crs.is_geographic and options.coords != "wgs84":
        geoms = geometries_to_wgs84(geoms, options.coords)
        crs = WGS84
    table.index = pd.RangeIndex(1, len(table) + 1)
    return gpd.GeoDataFrame(table.drop(columns=[xf, yf]), geometry=geoms, crs=crs)


def _sheet_crs(path: Path, options: ImportOptions, lonlat: bool, x: pd.Series, y: pd.Series):
    if options.source_crs:
        return parse_crs(options.source_crs, source=str(path))
    if lonlat or (x.between(-180, 180).all() and y.between(-90, 90).all()):
        if not (x.between(-180, 180).all() and y.between(-90, 90).all()):
            raise CRSError(f"{path}: longitude/latitude columns hold values outside ±180/±90")
        return WGS84
    raise CRSError(f"{path}: x/y columns are projected coordinates; give their coordinate "
                   "system with --source-crs (e.g. EPSG:4547)")


def normalise_services(value: Any) -> str:
    """``;``-joined service codes from free text such as "卫生服务站、托育"."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    out: list[str] = []
    for word in _SPLIT.split(str(value)):
        word = word.strip()
        if not word:
            continue
        code = next((c for c, ws in SERVICE_WORDS.items() if any(w in word for w in ws)), word)
        if code not in out:
            out.append(code)
    return join_services(out)


def centre_columns(gdf: gpd.GeoDataFrame, options: ImportOptions, report: ImportReport) -> gpd.GeoDataFrame:
    """The centre layer's columns filled from the source's fields."""
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    given = {"name": options.name_field, "services": options.extra.get("services_field"),
             "kind": options.extra.get("kind_field")}
    out = gpd.GeoDataFrame(index=pd.RangeIndex(1, len(gdf) + 1),
                           geometry=list(gdf.geometry.values), crs=gdf.crs)
    used = set()
    for target, guesses in FIELD_GUESSES.items():
        field = _find(cols, guesses, given.get(target), report.file)
        if field is not None:
            out[target] = gdf[field].to_numpy()
            used.add(field)
    if "services" in out:
        out["services"] = out["services"].map(normalise_services)
    else:
        report.warnings.append("no services column: the centres cover no particular service")
    for c in cols:
        if c not in out.columns and c not in used:
            # an exported plan layer carries its fid as a field: kept, but not as the plan's fid
            name = f"src_{c}" if str(c).lower() in ("fid", "ogc_fid", "geom") else c
            out[name] = gdf[c].to_numpy()
    return out

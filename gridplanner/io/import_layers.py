"""Importing boundaries and buildings into a plan.

Both importers read the whole file, check and clean it, and change the plan
in one step at the end (``layer.add`` or ``layer.replace``, after setting
the plan CRS if it had none), so a failed import leaves the plan as it was.

Cleaning, every step reported by source feature id (the fid QGIS shows):
empty geometries are skipped; features of the wrong geometry type are
skipped (the whole file is refused when none fits); features far from the
rest (centroid more than max(20 × the median distance, 5 km) from the
median centre) are skipped as likely coordinate mistakes; invalid polygons
are repaired with ``shapely.make_valid``; one-part multi-geometries become
single ones.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from gridplanner.errors import CRSError, ImportDataError
from gridplanner.io.households import (
    FLOOR_FIELDS,
    HEIGHT_FIELDS,
    HOUSEHOLD_FIELDS,
    NAME_FIELDS,
    RESIDENT_FIELDS,
    fill_households,
    floors_of,
    resolve_field,
)
from gridplanner.io.importing import ImportOptions, ImportReport
from gridplanner.io.readers import lonlat_of, plan_crs_for, plausible_lonlat, read_vector
from gridplanner.model.layer import FeatureTable
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BoundaryLevel

POLYGONAL = ("Polygon", "MultiPolygon")
POINTS = ("Point",)
OUTLIER_FACTOR = 20.0
OUTLIER_MIN_M = 5000.0
_LIST_LIMIT = 20
_EARTH_RADIUS_M = 6371008.8

#: Level words accepted in a level field or --level (lower-cased).
LEVEL_WORDS: dict[str, BoundaryLevel] = {
    **dict.fromkeys(("subdistrict", "township", "town", "street", "街道", "街道办", "街道办事处",
                     "乡镇", "乡", "镇", "苏木"), BoundaryLevel.SUBDISTRICT),
    **dict.fromkeys(("community", "village", "社区", "村", "居委会", "村委会", "社区居委会",
                     "行政村", "嘎查"), BoundaryLevel.COMMUNITY),
    **dict.fromkeys(("compound", "residential compound", "estate", "小区", "院落", "住宅小区"),
                    BoundaryLevel.COMPOUND),
}
_LEVEL_CONTAINS = (("小区", BoundaryLevel.COMPOUND), ("社区", BoundaryLevel.COMMUNITY),
                   ("村", BoundaryLevel.COMMUNITY), ("街道", BoundaryLevel.SUBDISTRICT),
                   ("乡镇", BoundaryLevel.SUBDISTRICT), ("镇", BoundaryLevel.SUBDISTRICT))
LEVEL_FIELDS = ("level", "级别", "层级", "类别", "boundary_level")
CODE_FIELDS = ("code", "编码", "代码", "区划代码", "统计代码", "xzqdm", "dm", "bm", "id_code")
PARENT_FIELDS = ("parent", "上级", "所属街道", "所属社区", "所属乡镇")


# -- entry points -------------------------------------------------------------
def import_boundaries(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Import sub-district, community or compound boundaries (polygons)."""
    report = ImportReport("boundaries", str(path), options.layer)
    gdf, label = _read(path, options, report)
    name_field = resolve_field(gdf.columns, options.name_field, NAME_FIELDS, "name", label,
                               report.warnings)
    code_field = resolve_field(gdf.columns, _extra(options, "code_field"), CODE_FIELDS, "code",
                               label, report.warnings)
    parent_field = resolve_field(gdf.columns, _extra(options, "parent_field"), PARENT_FIELDS,
                                 "parent", label, report.warnings)
    gdf, crs = _prepare(plan, gdf, POLYGONAL, "boundaries", label, name_field, report)
    frame = gpd.GeoDataFrame(
        {
            "level": _levels(gdf, options, label, report),
            "name": _text(gdf, name_field),
            "code": _text(gdf, code_field),
            "parent": _text(gdf, parent_field),
        },
        geometry=gdf.geometry.values, crs=crs, index=gdf.index,
    )
    used = {name_field, options.level_field, code_field, parent_field}
    frame = _with_extras(frame, gdf, used, plan.boundaries.frame.columns)
    _commit(plan, "boundaries", frame, crs, options, report)
    return report


def import_buildings(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Import building footprints or points with households and residents."""
    report = ImportReport("buildings", str(path), options.layer)
    gdf, label = _read(path, options, report)
    cols, notes = list(gdf.columns), report.warnings
    name_field = resolve_field(cols, options.name_field, NAME_FIELDS, "name", label, notes)
    hh_field = resolve_field(cols, options.households_field, HOUSEHOLD_FIELDS, "households",
                             label, notes)
    res_field = resolve_field(cols, options.residents_field, RESIDENT_FIELDS, "residents",
                              label, notes)
    floors_field = resolve_field(cols, _extra(options, "floors_field"), FLOOR_FIELDS, "floors",
                                 label, notes)
    height_field = resolve_field(cols, _extra(options, "height_field"), HEIGHT_FIELDS, "height",
                                 label, notes)
    gdf, crs = _prepare(plan, gdf, POLYGONAL + POINTS, "buildings", label, name_field, report)
    floors = floors_of(gdf, floors_field, height_field, plan.settings)
    fill = fill_households(
        gdf, hh_field, res_field, floors, plan.settings,
        persons_per_household=float(options.extra.get("persons_per_household", 2.62)),
        default_floors=float(options.extra.get("default_floors", 1.0)),
    )
    report.warnings.extend(fill.notes)
    frame = gpd.GeoDataFrame(
        {"name": _text(gdf, name_field), "households": fill.households,
         "residents": fill.residents, "floors": fill.floors,
         "households_estimated": fill.estimated},
        geometry=gdf.geometry.values, crs=crs, index=gdf.index,
    )
    used = {name_field, hh_field, res_field, floors_field}
    frame = _with_extras(frame, gdf, used, plan.buildings.frame.columns)
    _commit(plan, "buildings", frame, crs, options, report)
    return report


# -- reading and cleaning -----------------------------------------------------
def _read(path: Path, options: ImportOptions, report: ImportReport):
    gdf = read_vector(path, layer=options.layer, encoding=options.encoding,
                      source_crs=options.source_crs, coords=options.coords)
    report.layer = gdf.attrs.get("layer")
    report.warnings.extend(gdf.attrs.get("warnings", []))
    return gdf, gdf.attrs.get("source", str(path))


def _prepare(plan: Plan, gdf: gpd.GeoDataFrame, allowed: tuple[str, ...], kind: str,
             label: str, name_field: str | None, report: ImportReport):
    """Checked geometries in the plan's CRS, and that CRS."""
    names = _Namer(gdf, name_field)
    gdf = _drop_empty(gdf, names, report)
    gdf = _keep_types(gdf, allowed, kind, label, names, report)
    gdf = _drop_outliers(gdf, names, report)
    if len(gdf) == 0:
        raise ImportDataError(f"{label}: no features left to import ({len(report.skipped)} "
                              f"skipped: {'; '.join(report.skipped[:3])})")
    crs = plan_crs_for(plan, gdf)
    gdf = gdf.to_crs(crs)
    coords = shapely.get_coordinates(gdf.geometry.values)
    if not np.isfinite(coords).all():
        raise CRSError(f"{label}: some coordinates cannot be placed in {crs.name}; "
                       "check the file's coordinate system")
    if "Polygon" in allowed:
        gdf = _repair(gdf, names, report)
    gdf = gdf.copy()
    gdf["geometry"] = _single_parts(gdf.geometry.values)
    return gdf, crs


class _Namer:
    """Names features in messages: ``feature 12 (东风社区)``."""

    def __init__(self, gdf: gpd.GeoDataFrame, name_field: str | None):
        self.names = gdf[name_field] if name_field else None

    def __call__(self, fid: object) -> str:
        name = self.names.get(fid) if self.names is not None else None
        shown = "" if name is None or pd.isna(name) or str(name) == "" else f" ({name})"
        return f"feature {fid}{shown}"


def _list(target: list[str], fids, names: _Namer, reason: str) -> None:
    fids = list(fids)
    for fid in fids[:_LIST_LIMIT]:
        target.append(f"{names(fid)}: {reason}")
    if len(fids) > _LIST_LIMIT:
        rest = ", ".join(str(f) for f in fids[_LIST_LIMIT:_LIST_LIMIT + 200])
        more = " …" if len(fids) > _LIST_LIMIT + 200 else ""
        target.append(f"{len(fids) - _LIST_LIMIT} more features {reason}: {rest}{more}")


def _drop_empty(gdf, names: _Namer, report: ImportReport):
    values = gdf.geometry.values
    empty = np.asarray(shapely.is_missing(values) | shapely.is_empty(values), dtype=bool)
    if empty.any():
        _list(report.skipped, gdf.index[empty], names, "empty geometry")
    return gdf[~empty]


def _keep_types(gdf, allowed, kind, label, names: _Namer, report: ImportReport):
    if len(gdf) == 0:
        return gdf
    values = np.asarray(gdf.geometry.values, dtype=object).copy()
    other = np.flatnonzero(~np.isin(shapely.get_type_id(values), _type_ids(allowed)))
    for i in other:  # usually none: only odd geometries take the slow path
        values[i] = _coerce_type(values[i], allowed)
    ok = np.ones(len(values), dtype=bool)
    ok[other] = [values[i] is not None for i in other]
    if not ok.any():
        found = ", ".join(sorted(set(gdf.geometry.geom_type.dropna())))
        wanted = " or ".join(a.lower() + "s" for a in allowed if not a.startswith("Multi"))
        raise ImportDataError(f"{label}: holds {found} features; {kind} must be {wanted}")
    if (~ok).any():
        bad = gdf.geometry.geom_type[~ok]
        for gtype in sorted(set(bad)):
            _list(report.skipped, bad.index[bad == gtype], names, f"{gtype} is not allowed here")
    out = gdf[ok].copy()
    out["geometry"] = values[ok]
    return out


def _type_ids(allowed: tuple[str, ...]) -> list[int]:
    ids = {"Point": 0, "LineString": 1, "Polygon": 3, "MultiPoint": 4, "MultiLineString": 5,
           "MultiPolygon": 6}
    return [ids[a] for a in allowed]


def _coerce_type(geom, allowed: tuple[str, ...]):
    """The geometry in an allowed type (polygon parts of a collection, a lone point), or None."""
    gtype = geom.geom_type
    if gtype in allowed:
        return geom
    parts = shapely.get_parts(shapely.get_parts(geom))  # collections may hold multi-parts
    if "Polygon" in allowed:
        polys = [p for p in parts if p.geom_type in POLYGONAL and not p.is_empty]
        if polys:  # e.g. a KML MultiGeometry of an outline plus its label point
            return shapely.multipolygons(polys) if len(polys) > 1 else polys[0]
    if "Point" in allowed and gtype == "MultiPoint" and len(parts) == 1:
        return parts[0]
    return None


def _drop_outliers(gdf, names: _Namer, report: ImportReport):
    """Skip features that cannot be placed on the globe or lie far from all the others."""
    centroids = shapely.centroid(gdf.geometry.values)
    lon, lat = lonlat_of(shapely.get_x(centroids), shapely.get_y(centroids), gdf.crs)
    placed = plausible_lonlat(lon, lat)
    _list(report.skipped, gdf.index[~placed], names,
          f"coordinates do not fit {CRS.from_user_input(gdf.crs).name}; check them")
    gdf, lon, lat = gdf[placed], lon[placed], lat[placed]
    if len(gdf) < 3:
        return gdf
    dist = _haversine(lon, lat, float(np.median(lon)), float(np.median(lat)))
    limit = max(OUTLIER_FACTOR * float(np.median(dist)), OUTLIER_MIN_M)
    far = dist > limit
    for fid, d in zip(gdf.index[far][:_LIST_LIMIT], dist[far][:_LIST_LIMIT], strict=True):
        report.skipped.append(f"{names(fid)}: {d / 1000:.1f} km from the other features "
                              f"(limit {limit / 1000:.1f} km); check its coordinates")
    if far.sum() > _LIST_LIMIT:
        _list(report.skipped, gdf.index[far][_LIST_LIMIT:], names, "far from the other features")
    return gdf[~far]


def _haversine(lon, lat, lon0: float, lat0: float) -> np.ndarray:
    lon, lat = np.radians(np.asarray(lon)), np.radians(np.asarray(lat))
    lon0, lat0 = np.radians(lon0), np.radians(lat0)
    a = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat) * np.cos(lat0) * np.sin((lon - lon0) / 2) ** 2
    return 2 * _EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _repair(gdf, names: _Namer, report: ImportReport):
    values = gdf.geometry.values
    invalid = ~np.asarray(shapely.is_valid(values), dtype=bool)
    if not invalid.any():
        return gdf
    fixed = np.asarray(values, dtype=object).copy()
    dropped = []
    for i in np.flatnonzero(invalid):
        fid = gdf.index[i]
        reason = shapely.is_valid_reason(values[i]).split("[")[0].strip().lower()
        repaired = _coerce_type(shapely.make_valid(values[i]), POLYGONAL)
        if repaired is None or repaired.is_empty or repaired.area <= 0:
            dropped.append(fid)
            continue
        fixed[i] = repaired
        if len(report.repaired) < _LIST_LIMIT:
            report.repaired.append(f"{names(fid)}: {reason or 'invalid'}; made valid")
    if invalid.sum() - len(dropped) > _LIST_LIMIT:
        report.repaired.append(f"{int(invalid.sum()) - len(dropped) - _LIST_LIMIT} more invalid "
                               "geometries made valid")
    _list(report.skipped, dropped, names, "invalid geometry with no area left after repair")
    out = gdf.copy()
    out["geometry"] = fixed
    return out.drop(index=dropped)


def _single_parts(values) -> np.ndarray:
    values = np.asarray(values, dtype=object).copy()
    single = shapely.get_num_geometries(values) == 1
    multi = np.isin(shapely.get_type_id(values), (4, 6))  # MultiPoint, MultiPolygon
    pick = single & multi
    values[pick] = shapely.get_geometry(values[pick], 0)
    return values


# -- attributes ---------------------------------------------------------------
def _extra(options: ImportOptions, key: str) -> str | None:
    value = options.extra.get(key)
    return str(value) if value not in (None, "") else None


def _text(gdf: gpd.GeoDataFrame, field: str | None) -> pd.Series:
    if field is None:
        return pd.Series("", index=gdf.index, dtype="string")
    col = gdf[field]
    if pd.api.types.is_float_dtype(col) and (col.dropna() % 1 == 0).all():
        col = col.astype("Int64")  # codes read as 110101001.0 shown as 110101001
    return col.astype("string").fillna("").str.strip()


def level_of(value: object) -> BoundaryLevel | None:
    """The boundary level a word names (English or Chinese), or None."""
    text = str(value).strip().lower() if value is not None and not pd.isna(value) else ""
    if text in LEVEL_WORDS:
        return LEVEL_WORDS[text]
    for word, level in _LEVEL_CONTAINS:
        if word in text:
            return level
    return None


def _levels(gdf, options: ImportOptions, label: str, report: ImportReport) -> pd.Series:
    accepted = "subdistrict/community/compound (or 街道, 乡镇, 社区, 村, 小区)"
    if options.level:
        level = level_of(options.level)
        if level is None:
            raise ImportDataError(f"unknown boundary level {options.level!r}; use {accepted}")
        return pd.Series(level.value, index=gdf.index, dtype="string")
    field = resolve_field(list(gdf.columns), options.level_field, LEVEL_FIELDS, "level", label,
                          [])
    if field is None:
        report.warnings.append("no level given: every boundary imported as a community "
                               "(use --level or --level-field)")
        return pd.Series(BoundaryLevel.COMMUNITY.value, index=gdf.index, dtype="string")
    levels = gdf[field].map(level_of)
    bad = levels.isna()
    if bad.any():
        fid = levels.index[bad][0]
        raise ImportDataError(
            f"{label}: feature {fid} has level {gdf.at[fid, field]!r} in field {field!r}; "
            f"levels must be {accepted}" + (f" ({int(bad.sum())} features affected)"
                                            if bad.sum() > 1 else "")
        )
    if options.level_field is None:
        report.warnings.append(f"level read from field {field!r} (guessed; choose another "
                               "with --level-field)")
    return levels.map(lambda v: v.value).astype("string")


_RESERVED = {"fid", "geometry", "geom", "ogc_fid"}


def _with_extras(frame: gpd.GeoDataFrame, source: gpd.GeoDataFrame, used: set,
                 existing: pd.Index) -> gpd.GeoDataFrame:
    """``frame`` plus the source attributes, named so a GeoPackage can store them.

    GeoPackage column names are case-insensitive, so clashes are judged in
    lower case: a source field that would collide with a layer column gets a
    ``src_`` prefix, and one matching an existing extra column joins it.
    """
    layer_cols = {str(c).lower(): str(c) for c in existing}
    own = {str(c).lower() for c in frame.columns} | _RESERVED
    taken = set(own)
    extras = {}
    for col in source.columns:
        if col == "geometry" or col in used and str(col).lower() in own:
            continue
        name = str(col)
        if name.lower() in own:
            name = f"src_{name}"
        name = layer_cols.get(name.lower(), name) if name.lower() not in own else name
        while name.lower() in taken:
            name += "_"
        taken.add(name.lower())
        extras[name] = source[col].values
    extra_frame = pd.DataFrame(extras, index=frame.index)
    out = pd.concat([frame.drop(columns="geometry"), extra_frame, frame[["geometry"]]], axis=1)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=frame.crs)


def _commit(plan: Plan, kind: str, frame: gpd.GeoDataFrame, crs: CRS,
            options: ImportOptions, report: ImportReport) -> None:
    """Change the plan in one step, after everything that could fail has run."""
    if len(frame) == 0:
        raise ImportDataError(f"{report.file}: no features left to import "
                              f"({len(report.skipped)} skipped)")
    table = plan.layer(kind)
    frame = frame.set_axis(pd.RangeIndex(1, len(frame) + 1))
    FeatureTable(table.spec, frame, crs)  # validates; raises before anything changes
    _warn_if_far(plan, frame, report)
    if plan.crs is None:
        plan.set_crs(crs)
    if options.replace:
        report.replaced = len(table.replace(frame))
    else:
        table.add(frame)
    report.added = len(frame)


def _warn_if_far(plan: Plan, frame: gpd.GeoDataFrame, report: ImportReport) -> None:
    extent = plan.extent()
    if extent is None:
        return
    mine = shapely.box(*frame.total_bounds)
    gap = shapely.distance(mine, shapely.box(*extent))
    if gap > 10_000:
        report.warnings.append(f"the imported features lie {gap / 1000:.0f} km from the plan's "
                               "other data; check the coordinate system")

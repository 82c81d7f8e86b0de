"""Importing boundaries and buildings into a plan.

Each import runs in two steps: ``prepare_*`` reads the whole file, checks
and cleans it (:mod:`gridplanner.io.importers.clean_geometries`) and builds the new
features without touching the plan; ``commit_import`` then changes the plan
in one step (setting the plan CRS if it had none, then one ``layer.add`` or
``layer.replace``). A failed import therefore leaves the plan as it was.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import CRS

from gridplanner.errors import ImportDataError
from gridplanner.io.importers.clean_geometries import POINTS, POLYGONAL, clean_geometries
from gridplanner.io.importers.households import (
    FLOOR_FIELDS,
    HEIGHT_FIELDS,
    HOUSEHOLD_FIELDS,
    NAME_FIELDS,
    RESIDENT_FIELDS,
    fill_households,
    floors_of,
    resolve_field,
)
from gridplanner.io.importers.readers import read_vector
from gridplanner.io.importers.registry import (
    ImportOptions,
    ImportReport,
    PreparedImport,
    commit_import,
)
from gridplanner.model.layer import FeatureTable
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BoundaryLevel

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
#: New data this far from the plan's data is suspicious / surely misplaced (metres).
FAR_WARN_M = 10_000.0
FAR_REFUSE_M = 1_000_000.0
#: Slivers and gaps up to this many metres are closed on import (``snap_tolerance``).
DEFAULT_SNAP_M = 1.0
PARENT_FIELDS = ("parent", "上级", "所属街道", "所属社区", "所属乡镇")


# -- entry points -------------------------------------------------------------
def import_boundaries(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Import sub-district, community or compound boundaries (polygons)."""
    return commit_import(plan, prepare_boundaries(plan, path, options))


def import_buildings(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Import building footprints or points with households and residents."""
    return commit_import(plan, prepare_buildings(plan, path, options))


def prepare_boundaries(plan: Plan, path: Path, options: ImportOptions) -> PreparedImport:
    """Read and check a boundaries file; the plan is only read, never changed."""
    report = ImportReport("boundaries", str(path), options.layer)
    gdf, label = _read(path, options, report)
    name_field = resolve_field(gdf.columns, options.name_field, NAME_FIELDS, "name", label,
                               report.warnings)
    code_field = resolve_field(gdf.columns, _extra(options, "code_field"), CODE_FIELDS, "code",
                               label, report.warnings)
    parent_field = resolve_field(gdf.columns, _extra(options, "parent_field"), PARENT_FIELDS,
                                 "parent", label, report.warnings)
    gdf, crs = clean_geometries(plan, gdf, POLYGONAL, "boundaries", label, name_field, report)
    frame = gpd.GeoDataFrame(
        {
            "level": _levels(gdf, options, label, report),
            "name": _text(gdf, name_field),
            "code": _text(gdf, code_field),
            "parent": _text(gdf, parent_field),
        },
        geometry=gdf.geometry.values, crs=crs, index=gdf.index,
    )
    frame = _fit_same_level(plan, frame, options, report)
    used = {name_field, options.level_field, code_field, parent_field}
    frame = _with_extras(frame, gdf.loc[frame.index], used, plan.boundaries.frame.columns)
    return _prepared(plan, "boundaries", frame, crs, options, report)


def _fit_same_level(plan: Plan, frame: gpd.GeoDataFrame, options: ImportOptions,
                    report: ImportReport) -> gpd.GeoDataFrame:
    """Overlaps and narrow gaps between boundaries of one level: reported, and unless
    ``extra["fix_overlaps"]`` is false, settled (:mod:`...grids.boundary_overlaps`)."""
    from gridplanner.analysis.grids.boundary_overlaps import fit_boundaries

    fix = str(options.extra.get("fix_overlaps", True)).lower() not in ("false", "0", "no")
    tol = snap_tolerance(options)
    buildings = plan.buildings.frame.geometry.values if plan.crs is not None and \
        plan.crs.equals(frame.crs) else []
    out, overlaps, gaps = frame.copy(), 0, 0
    for level in sorted(set(frame["level"])):
        rows = frame.index[frame["level"] == level]
        fit = fit_boundaries(frame.geometry.loc[rows].values, buildings, tol, fix)
        names = [str(frame.at[r, "name"]) or f"feature {r}" for r in rows]
        for o in fit.overlaps:
            pair = f"{names[o.first]} and {names[o.second]} overlap by {o.area:,.0f} m²"
            if o.owner is None:
                report.warnings.append(f"{pair} (not fixed)")
            else:
                report.repaired.append(f"{pair}: given to {names[o.owner]} ({o.reason})")
        if fit.gaps_closed:
            report.repaired.append(f"{fit.gaps_closed} gaps up to {tol:g} m between {level} "
                                   f"boundaries closed ({fit.gap_m2:,.1f} m²)")
        out.loc[rows, "geometry"] = fit.geometries
        if not options.replace:
            _warn_existing_overlaps(plan, out.loc[rows], level, report)
        overlaps += len(fit.overlaps)
        gaps += fit.gaps_closed
    report.counts.update(overlaps=overlaps, gaps_closed=gaps)
    return out[out.geometry.notna()]


def _osm_buildings_only(gdf: gpd.GeoDataFrame, path: Path, label: str,
                        report: ImportReport) -> gpd.GeoDataFrame:
    """From an OpenStreetMap extract, only the areas tagged ``building``: its
    polygon layer also holds squares, parks and land use."""
    if not path.name.lower().endswith((".pbf", ".osm")) or "building" not in gdf.columns:
        return gdf
    tagged = gdf["building"].notna() & (gdf["building"].astype(str).str.lower() != "no")
    if not tagged.any():
        raise ImportDataError(f"{label}: has no areas tagged as buildings (building=*)")
    if (~tagged).any():
        report.skipped.append(f"{int((~tagged).sum())} areas not tagged as buildings "
                              "(squares, parks, land use)")
    return gdf[tagged]


def prepare_buildings(plan: Plan, path: Path, options: ImportOptions) -> PreparedImport:
    """Read and check a buildings file; the plan is only read, never changed."""
    report = ImportReport("buildings", str(path), options.layer)
    gdf, label = _read(path, options, report)
    gdf = _osm_buildings_only(gdf, path, label, report)
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
    gdf, crs = clean_geometries(plan, gdf, POLYGONAL + POINTS, "buildings", label, name_field, report)
    floors = floors_of(gdf, floors_field, height_field, plan.settings)
    fill = fill_households(
        gdf, hh_field, res_field, floors, plan.settings,
        persons_per_household=_number_option(options, "persons_per_household", 2.62),
        default_floors=_number_option(options, "default_floors", 1.0),
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
    return _prepared(plan, "buildings", frame, crs, options, report)


def _warn_existing_overlaps(plan: Plan, new: gpd.GeoDataFrame, level: str,
                            report: ImportReport) -> None:
    """Imported boundaries overlapping those of the same level already in the plan:
    reported (the plan's own are not changed by an import)."""
    old = plan.boundaries_at(level)
    if len(old) == 0 or plan.crs is None or new.crs is None or not plan.crs.equals(new.crs):
        return
    geoms = old.geometry.values
    left, right = shapely.STRtree(geoms).query(new.geometry.values, predicate="intersects")
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        area = float(shapely.area(shapely.intersection(new.geometry.values[i], geoms[j])))
        if area > 1.0:
            report.warnings.append(
                f"{new['name'].iloc[i] or 'a new boundary'} overlaps {old['name'].iloc[j]}, "
                f"already in the plan, by {area:,.0f} m² (not fixed; import both in one file, "
                "or with --replace, to settle it)")


def snap_tolerance(options: ImportOptions) -> float:
    """The snap tolerance in metres from the options (default 1 m)."""
    value = options.extra.get("snap_tolerance", DEFAULT_SNAP_M)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = float("nan")
    if not 0 <= number <= 50:
        raise ImportDataError(f"the snap tolerance must be between 0 and 50 m, not {value!r}")
    return number


# -- reading and cleaning -----------------------------------------------------
def _read(path: Path, options: ImportOptions, report: ImportReport):
    gdf = read_vector(path, layer=options.layer, encoding=options.encoding,
                      source_crs=options.source_crs, coords=options.coords,
                      limits=options.limits)
    report.layer = gdf.attrs.get("layer")
    report.warnings.extend(gdf.attrs.get("warnings", []))
    return gdf, gdf.attrs.get("source", str(path))


# -- attributes ---------------------------------------------------------------
def _extra(options: ImportOptions, key: str) -> str | None:
    value = options.extra.get(key)
    return str(value) if value not in (None, "") else None


def _number_option(options: ImportOptions, key: str, default: float) -> float:
    value = options.extra.get(key, default)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = float("nan")
    if not number > 0:
        raise ImportDataError(f"option {key} must be a positive number, not {value!r}")
    return number


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


def _prepared(plan: Plan, kind: str, frame: gpd.GeoDataFrame, crs: CRS,
              options: ImportOptions, report: ImportReport) -> PreparedImport:
    table = plan.layer(kind)
    frame = frame.set_axis(pd.RangeIndex(1, len(frame) + 1))
    frame = FeatureTable(table.spec, frame, crs).frame  # conform and validate
    _warn_if_far(plan, frame, report)
    return PreparedImport(kind, frame, crs, options.replace, report)


def _warn_if_far(plan: Plan, frame: gpd.GeoDataFrame, report: ImportReport) -> None:
    """Warn about data some way off the plan's; refuse data in another part of the world."""
    extent = plan.extent()
    if extent is None:
        return
    mine = shapely.box(*frame.total_bounds)
    gap = shapely.distance(mine, shapely.box(*extent))
    if gap > FAR_REFUSE_M:
        raise ImportDataError(
            f"{report.file}: the features lie {gap / 1000:,.0f} km from the plan's other data; "
            "the file's coordinate system is probably wrong (see --source-crs and --coords)"
        )
    if gap > FAR_WARN_M:
        report.warnings.append(f"the imported features lie {gap / 1000:.0f} km from the plan's "
                               "other data; check the coordinate system")

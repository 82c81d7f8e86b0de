"""Checking and cleaning the geometries of a file before they enter a plan.

Every step reports features by their source id (the fid QGIS shows for the
file) and, when known, their name:

- empty or missing geometries are skipped;
- features of a type the layer does not take are skipped (the file is
  refused when none fits); the polygons of a mixed collection are kept;
- features whose coordinates cannot be placed on the globe, or whose
  centroid lies more than max(20 × the median distance, 5 km) from the
  median centre, are skipped as coordinate mistakes;
- invalid polygons are repaired with ``shapely.make_valid``;
- one-part multi-geometries become single ones.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from gridplanner.errors import CRSError, ImportDataError
from gridplanner.io.importers.readers import lonlat_of, plan_crs_for, plausible_lonlat
from gridplanner.io.importers.registry import ImportReport
from gridplanner.model.plan import Plan

POLYGONAL = ("Polygon", "MultiPolygon")
POINTS = ("Point",)
OUTLIER_FACTOR = 20.0
OUTLIER_MIN_M = 5000.0
_LIST_LIMIT = 20
_EARTH_RADIUS_M = 6371008.8


def clean_geometries(plan: Plan, gdf: gpd.GeoDataFrame, allowed: tuple[str, ...], kind: str,
             label: str, name_field: str | None, report: ImportReport):
    """The features fit to import, in the plan's CRS, and that CRS.

    Changes nothing in the plan; every skipped or repaired feature is
    reported in ``report`` by its source id.
    """
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

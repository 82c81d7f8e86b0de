"""The plan's layers for other GIS software: GeoPackage, Shapefile, GeoJSON.

Layers: ``cells`` (with the roster of each cell), ``centres``, and when the
plan has a walking network and centres, ``coverage`` (buildings with their
walking distance to the nearest centre) and ``gaps`` (areas of buildings
beyond the largest walking level). Field names are the machine names of
the plan; Shapefile field names are cut to 10 characters by a fixed,
documented mapping (``SHAPEFILE_FIELDS``) and written beside the layers as
``fields.csv``; Shapefiles get a ``.cpg`` file declaring UTF-8. GeoJSON is
in WGS84 longitude/latitude as RFC 7946 requires.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from gridplanner.errors import ExportError, GridPlannerError
from gridplanner.io.cell_text import guard_frame
from gridplanner.io.exporters.tables import coverage_result, roster_rows, write_atomic
from gridplanner.model.plan import Plan

#: Gap areas: uncovered buildings grown by this many metres and merged.
GAP_BUFFER_M = 25.0

#: Fixed short names for fields longer than the 10 characters dBASE allows.
SHAPEFILE_FIELDS: dict[str, str] = {
    "community": "community",
    "households": "households",
    "residents": "residents",
    "leader_phone": "lead_phone",
    "secretary": "secretary",
    "responsible_unit": "resp_unit",
    "full_members": "full_membr",
    "distance_m": "distance_m",
    "nearest_centre": "near_centr",
    "households_estimated": "hh_estim",
    "buildings": "buildings",
    "capacity": "capacity",
}


def shapefile_field_names(columns: list[str]) -> dict[str, str]:
    """Column → Shapefile field name: the fixed mapping, else a stable cut to 10 characters.

    ``coverage_300`` → ``cov_300``, ``covered_1000`` → ``cvd_1000``; clashes
    get a numeric suffix in column order, so the mapping depends only on the
    column list.
    """
    out: dict[str, str] = {}
    used: set[str] = set()
    for col in columns:
        if col in SHAPEFILE_FIELDS:
            short = SHAPEFILE_FIELDS[col]
        elif col.startswith("coverage_"):
            short = "cov_" + col.removeprefix("coverage_")
        elif col.startswith("covered_"):
            short = "cvd_" + col.removeprefix("covered_")
        else:
            short = col
        short = short[:10]
        n = 1
        while short.lower() in used:
            n += 1
            short = f"{short[:10 - len(str(n)) - 1]}_{n}"
        used.add(short.lower())
        out[col] = short
    return out


# -- layers ------------------------------------------------------------------------------
def export_frames(plan: Plan, lang: str = "zh_CN") -> dict[str, gpd.GeoDataFrame]:
    """The layers to export, in plan coordinates, keyed by layer name."""
    if plan.crs is None or len(plan.cells) == 0 and len(plan.centres) == 0:
        raise ExportError("the plan has no grid cells or centres to export")
    result = coverage_result(plan)
    frames = {"cells": _cells_frame(plan, lang, result)}
    frames["centres"] = _centres_frame(plan, result)
    if result is not None:
        frames["coverage"] = _coverage_frame(plan, result)
        frames["gaps"] = coverage_gaps(plan, result)
    return frames


def _centres_frame(plan: Plan, result: Any | None) -> gpd.GeoDataFrame:
    """The centres, with what each serves as the nearest centre within the largest
    level (``served_*``) and the households beyond its capacity (``over_capacity``)."""
    from gridplanner.analysis.network.service_areas import centre_rows, flat_centre_rows

    frame = plan.centres.frame.copy()
    if result is not None:
        flat = {r["fid"]: r for r in flat_centre_rows(centre_rows(plan, result),
                                                      result.levels_m[-1])}
        for key, column in (("buildings", "served_buildings"), ("households",
                            "served_households"), ("residents", "served_residents"),
                            ("cells", "served_cells"), ("community_names",
                            "served_communities")):
            frame[column] = [flat[f][key] if f in flat else None for f in frame.index]
        capacity = pd.to_numeric(frame["capacity"], errors="coerce")
        over = pd.to_numeric(frame["served_households"], errors="coerce") - capacity
        frame["over_capacity"] = over.where(over > 0, 0.0).where(capacity.notna())
    return gpd.GeoDataFrame(frame.reset_index(), geometry="geometry", crs=plan.crs)


def _cells_frame(plan: Plan, lang: str, result: Any | None) -> gpd.GeoDataFrame:
    cells = plan.cells.frame
    roster = roster_rows(plan, lang, result).drop(columns=["community", "code", "name"])
    frame = cells.drop(columns="geometry").join(roster)
    frame["geometry"] = cells.geometry
    frame = frame.loc[roster.index].reset_index()
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=plan.crs)


def _coverage_frame(plan: Plan, result: Any) -> gpd.GeoDataFrame:
    b = plan.buildings.frame
    frame = pd.DataFrame({"fid": b.index, "name": b["name"].astype(str),
                          "households": b["households"], "residents": b["residents"]})
    dist = result.buildings["distance_m"].reindex(b.index).to_numpy(float)
    frame["distance_m"] = np.where(np.isfinite(dist), np.round(dist, 1), np.nan)
    frame["nearest_centre"] = result.buildings["nearest_centre"].reindex(b.index).to_numpy()
    for lv in result.levels_m:
        key = str(int(lv)) if float(lv).is_integer() else f"{lv:g}"
        frame[f"covered_{key}"] = (dist <= lv).astype(int)
    return gpd.GeoDataFrame(frame, geometry=b.geometry.to_numpy(), crs=plan.crs)


def coverage_gaps(plan: Plan, result: Any, largest_only: bool = False) -> gpd.GeoDataFrame:
    """Gap areas: the parts of each community the walking network does not reach
    within each level (``gridplanner.analysis.network.isochrones``), or when that is not
    available, the areas of buildings beyond the largest level."""
    levels = list(result.levels_m)
    try:
        from gridplanner.analysis.network.isochrones import gap_areas
    except ImportError:
        return building_gap_areas(plan, result)
    try:
        gaps = gap_areas(plan, levels=levels[-1:] if largest_only else levels)
    except GridPlannerError:
        return building_gap_areas(plan, result)
    return gaps if len(plan.communities()) else building_gap_areas(plan, result)


def building_gap_areas(plan: Plan, result: Any) -> gpd.GeoDataFrame:
    """Areas of buildings beyond the largest level: footprints grown by
    ``GAP_BUFFER_M`` and merged, with the buildings and households inside."""
    b = plan.buildings.frame
    far = result.buildings["distance_m"].reindex(b.index).to_numpy(float) > result.levels_m[-1]
    empty = gpd.GeoDataFrame({"buildings": pd.Series(dtype=int),
                              "households": pd.Series(dtype=float)},
                             geometry=gpd.GeoSeries([], crs=plan.crs), crs=plan.crs)
    if not far.any():
        return empty
    geoms = b.geometry.to_numpy()[far]
    merged = shapely.union_all(shapely.buffer(geoms, GAP_BUFFER_M))
    parts = list(getattr(merged, "geoms", [merged]))
    tree = shapely.STRtree(parts)
    owner = tree.query(shapely.point_on_surface(geoms), predicate="within")
    hh = pd.to_numeric(b["households"], errors="coerce").fillna(0).to_numpy()[far]
    counts = np.bincount(owner[1], minlength=len(parts))
    households = np.bincount(owner[1], weights=hh[owner[0]], minlength=len(parts))
    return gpd.GeoDataFrame({"buildings": counts, "households": households},
                            geometry=parts, crs=plan.crs)


# -- writers ----------------------------------------------------------------------------
def _geometry_type(frame: gpd.GeoDataFrame) -> str | None:
    types = set(frame.geometry.geom_type.dropna())
    if types <= {"Polygon", "MultiPolygon"} and types:
        return "MultiPolygon"
    return None


def _prepare(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = frame.copy()
    for col in out.columns:
        if col != "geometry" and out[col].dtype == object:
            out[col] = out[col].map(lambda v: None if v is None or v is pd.NA else str(v))
    if _geometry_type(out) == "MultiPolygon":
        out["geometry"] = [shapely.MultiPolygon([g]) if isinstance(g, shapely.Polygon) else g
                           for g in out.geometry]
    return out


def export_gpkg(plan: Plan, path: str | os.PathLike[str], lang: str = "zh_CN") -> Path:
    """Write every export layer into one GeoPackage (plan CRS)."""
    frames = export_frames(plan, lang)

    def write(tmp: Path) -> None:
        tmp.unlink(missing_ok=True)
        for name, frame in frames.items():
            _write(_prepare(frame), tmp, layer=name, driver="GPKG")

    return write_atomic(path, write)


def export_geojson(plan: Plan, path: str | os.PathLike[str], lang: str = "zh_CN") -> list[Path]:
    """Write cells to ``path`` and the other layers beside it as
    ``<stem>_<layer>.geojson``, in WGS84 (RFC 7946). Returns the files written."""
    target = Path(path)
    written = []
    for name, frame in export_frames(plan, lang).items():
        out = target if name == "cells" else target.with_name(f"{target.stem}_{name}.geojson")

        def write(tmp: Path, frame: gpd.GeoDataFrame = frame, name: str = name) -> None:
            tmp.unlink(missing_ok=True)
            # the collection's "name" is the layer's, not the temporary file's
            _write(_prepare(frame).to_crs(4326), tmp, driver="GeoJSON", layer=name,
                   layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": 7})

        written.append(write_atomic(out, write))
    return written


def export_shapefiles(plan: Plan, directory: str | os.PathLike[str],
                      lang: str = "zh_CN") -> list[Path]:
    """Write one UTF-8 Shapefile per layer into ``directory`` (created if needed),
    plus ``fields.csv`` mapping short field names to full ones."""
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot create the folder ({exc})") from exc
    frames = export_frames(plan, lang)
    mapping_rows = []
    with tempfile.TemporaryDirectory(prefix=".shp-", dir=folder) as tmp_dir:
        for name, frame in frames.items():
            names = shapefile_field_names([c for c in frame.columns if c != "geometry"])
            mapping_rows += [{"layer": name, "field": s, "column": c} for c, s in names.items()]
            out = _prepare(frame).rename(columns=names)
            _write(out, Path(tmp_dir) / f"{name}.shp", driver="ESRI Shapefile",
                   encoding="UTF-8")
        guard_frame(pd.DataFrame(mapping_rows)).to_csv(Path(tmp_dir) / "fields.csv",
                                                       index=False, encoding="utf-8-sig")
        written = []
        for file in sorted(Path(tmp_dir).iterdir()):
            shutil.move(str(file), folder / file.name)
            written.append(folder / file.name)
    return written


def _write(frame: gpd.GeoDataFrame, path: Path, **kwargs: Any) -> None:
    geometry_type = _geometry_type(frame)
    if geometry_type is not None:
        kwargs.setdefault("geometry_type", geometry_type)
    try:
        pyogrio.write_dataframe(frame, path, **kwargs)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError,
            pyogrio.errors.FieldError) as exc:
        raise ExportError(f"{path}: cannot write layer ({exc})") from exc

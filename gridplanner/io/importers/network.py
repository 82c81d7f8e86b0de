"""Import a walking network into ``plan.network``.

Sources: OpenStreetMap extracts (``.osm.pbf`` through pyrosm's walking
network, ``.osm``/``.xml`` through GDAL's OSM driver) and road centre lines
in Shapefile, GeoPackage or GeoJSON. Ways closed to pedestrians (motorways,
``foot=no``, ``access=private``...) are left out, following the rules of
osmnx's "walk" network. Lines are split where they share a vertex, so
streets that meet at a junction vertex are joined in the graph;
``options.extra["node_crossings"] = True`` also splits them where they merely
cross (use it for centre lines drawn without junction vertices).
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from gridplanner.errors import ImportDataError, UnknownFieldError
from gridplanner.io.importers.guards import (
    check_feature_count,
    check_file_size,
    check_geometries,
)
from gridplanner.io.importers.readers import check_placeable, plan_crs_for, read_vector
from gridplanner.io.importers.registry import (
    ImportOptions,
    ImportReport,
    PreparedImport,
    commit_import,
)
from gridplanner.model.limits import InputLimits
from gridplanner.model.plan import Plan

#: highway values that are not walkable (osmnx "walk" filter).
NOT_WALKABLE = frozenset({
    "abandoned", "bus_guideway", "construction", "cycleway", "motor", "no", "planned",
    "platform", "proposed", "raceway", "razed", "motorway", "motorway_link",
})
#: column names that carry the road class in centre-line files.
CLASS_FIELDS = ("highway", "fclass", "type", "road_type", "class")
NAME_FIELDS = ("name", "名称", "NAME", "road_name")
_TAG = re.compile(r'"([^"]+)"=>"((?:[^"\\]|\\.)*)"')


def import_network(plan: Plan, path: str | Path, options: ImportOptions) -> ImportReport:
    """Read a walking network file and store its edges in ``plan.network``.

    The whole file is read, filtered and noded before the plan changes.
    """
    path = Path(path)
    report = ImportReport(kind="network", file=str(path), layer=options.layer)
    gdf = read_network_source(path, options, report)
    gdf = drop_unwalkable(gdf, report)
    if len(gdf) == 0:
        raise ImportDataError(f"{path}: holds no walkable lines (footways, paths, streets)")
    check_placeable(gdf, str(path))
    crs = plan_crs_for(plan, gdf)
    gdf = gdf.to_crs(crs)
    edges = node_lines(gdf, crossings=bool(options.extra.get("node_crossings", False)))
    if len(edges) > len(gdf):
        report.repaired.append(
            f"split {len(gdf)} lines into {len(edges)} edges where they meet"
        )
    return commit_import(plan, PreparedImport("network", edges, crs, options.replace, report))


def read_network_source(path: Path, options: ImportOptions, report: ImportReport) -> gpd.GeoDataFrame:
    """Lines with ``highway``, ``name`` and tag columns, in the file's CRS."""
    if not path.exists():
        raise ImportDataError(f"{path}: no such file")
    name = path.name.lower()
    limits = options.limits or InputLimits()
    if name.endswith((".pbf", ".osm", ".xml")):
        check_file_size(path, limits)
        gdf = _read_pbf(path) if name.endswith(".pbf") else _read_osm_xml(path)
        check_feature_count(len(gdf), limits, str(path))
        check_geometries(gdf.geometry.values, gdf.index, limits, str(path))
    else:
        gdf = _read_centre_lines(path, options, report)
    parts = gdf.explode(index_parts=False)
    lines = parts[parts.geometry.geom_type == "LineString"]
    if len(lines) < len(parts):
        report.skipped.append(f"{len(parts) - len(lines)} features that are not lines")
    return lines


def _read_pbf(path: Path) -> gpd.GeoDataFrame:
    import pyrosm

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gdf = pyrosm.OSM(str(path)).get_network(network_type="walking")
    except Exception as exc:  # pyrosm raises plain exceptions for broken files
        raise ImportDataError(f"{path}: not a readable OpenStreetMap .pbf file ({exc})") from exc
    if gdf is None or len(gdf) == 0:
        raise ImportDataError(f"{path}: holds no walkable ways")
    tags = gdf["tags"] if "tags" in gdf.columns else pd.Series([None] * len(gdf), index=gdf.index)
    for key in ("foot", "access", "service", "area"):
        extra = tags.map(lambda t, k=key: _tag_from(t, k))
        gdf[key] = gdf[key].where(gdf[key].notna(), extra) if key in gdf.columns else extra
    return gdf.set_crs(gdf.crs or "EPSG:4326")


def _tag_from(tags: Any, key: str) -> Any:
    if isinstance(tags, str):
        try:
            tags = json.loads(tags)
        except ValueError:
            return None
    return tags.get(key) if isinstance(tags, dict) else None


def _read_osm_xml(path: Path) -> gpd.GeoDataFrame:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            gdf = pyogrio.read_dataframe(path, layer="lines")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise ImportDataError(f"{path}: not a readable OpenStreetMap XML file ({exc})") from exc
    other = gdf["other_tags"] if "other_tags" in gdf.columns else pd.Series("", index=gdf.index)
    parsed = other.fillna("").map(lambda s: dict(_TAG.findall(s)))
    for key in ("foot", "access", "service", "area"):
        gdf[key] = parsed.map(lambda d, k=key: d.get(k))
    if "highway" not in gdf.columns:
        gdf["highway"] = None
    gdf = gdf[gdf["highway"].notna()]
    return gdf.set_crs(gdf.crs or "EPSG:4326", allow_override=True)


def _read_centre_lines(path: Path, options: ImportOptions, report: ImportReport) -> gpd.GeoDataFrame:
    gdf = read_vector(path, layer=options.layer, encoding=options.encoding,
                      source_crs=options.source_crs, coords=options.coords,
                      limits=options.limits)
    report.warnings += list(gdf.attrs.get("warnings", []))
    field = options.extra.get("highway_field") or next(
        (c for c in CLASS_FIELDS if c in gdf.columns), None)
    fields = ", ".join(str(c) for c in gdf.columns if c != "geometry")
    if field and field not in gdf.columns:
        raise UnknownFieldError(f"{path}: has no field {field!r} for the road class; its fields "
                                f"are: {fields}")
    gdf["highway"] = gdf[field].astype("string").fillna("") if field else ""
    name_field = options.name_field or next((c for c in NAME_FIELDS if c in gdf.columns), None)
    if name_field and name_field not in gdf.columns:
        raise UnknownFieldError(f"{path}: has no field {name_field!r} for street names; its "
                                f"fields are: {fields}")
    if name_field:
        gdf["name"] = gdf[name_field]
    return gdf


def drop_unwalkable(gdf: gpd.GeoDataFrame, report: ImportReport) -> gpd.GeoDataFrame:
    """Lines a pedestrian may use; reports how many were left out and why."""
    def col(name: str) -> pd.Series:
        if name not in gdf.columns:
            return pd.Series("", index=gdf.index, dtype="string")
        return gdf[name].astype("string").fillna("").str.strip().str.lower()

    foot = col("foot")
    reasons = {
        "motorways and ways not open to walking": col("highway").isin(NOT_WALKABLE),
        "ways with foot=no": foot == "no",
        "private ways": ((col("access") == "private") | (col("service") == "private"))
        & ~foot.isin(["yes", "designated", "permissive"]),
        "areas": col("area") == "yes",
    }
    drop = pd.Series(False, index=gdf.index)
    for why, mask in reasons.items():
        new = mask & ~drop
        if new.any():
            report.skipped.append(f"{int(new.sum())} {why}")
        drop |= mask
    return gdf[~drop.to_numpy()]


def node_lines(gdf: gpd.GeoDataFrame, crossings: bool = False) -> gpd.GeoDataFrame:
    """Edges split where lines share a vertex (and where they cross, if asked)."""
    lines = np.asarray(gdf.geometry.values, dtype=object)
    lines = lines[~(shapely.is_empty(lines) | shapely.is_missing(lines))]
    pieces, src = (node_crossings if crossings else node_shared_vertices)(lines)
    keep = gdf.iloc[np.flatnonzero(~(shapely.is_empty(gdf.geometry.values)
                                     | shapely.is_missing(gdf.geometry.values)))]
    cols = {"highway": keep["highway"].to_numpy()[src] if "highway" in keep else "",
            "name": keep["name"].to_numpy()[src] if "name" in keep else ""}
    return gpd.GeoDataFrame(cols, geometry=pieces, crs=gdf.crs)


def node_shared_vertices(lines: np.ndarray, tolerance: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    """Split lines at inner vertices that another line also has.

    Returns the pieces and, for each, the position of the line it came from.
    """
    coords, lidx = shapely.get_coordinates(lines, return_index=True)
    if len(coords) == 0:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    q = np.round(coords / tolerance).astype(np.int64)
    q -= q.min(axis=0)
    key = (q[:, 0] << 32) | q[:, 1]
    pairs = np.unique(np.column_stack([key, lidx]), axis=0)
    kk, counts = np.unique(pairs[:, 0], return_counts=True)
    shared = counts[np.searchsorted(kk, key)] >= 2
    starts = np.concatenate([[0], np.flatnonzero(np.diff(lidx)) + 1])
    nverts = np.diff(np.concatenate([starts, [len(lidx)]]))
    pos = np.arange(len(lidx)) - np.repeat(starts, nverts)
    last = pos == np.repeat(nverts, nverts) - 1
    split = shared & (pos > 0) & ~last
    pid = np.cumsum((pos == 0) | split) - 1
    gidx = np.arange(len(lidx))
    dup = np.flatnonzero(split)
    all_pid = np.concatenate([pid, pid[dup] - 1])
    all_g = np.concatenate([gidx, gidx[dup]])
    order = np.lexsort((all_g, all_pid))
    pieces = shapely.linestrings(coords[all_g[order]], indices=all_pid[order])
    first_vertex = np.concatenate([[0], np.flatnonzero(np.diff(all_pid[order])) + 1])
    return pieces, lidx[all_g[order][first_vertex]]


def node_crossings(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Split lines at every crossing (shapely.node); pieces keep their line."""
    if len(lines) == 0:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    noded = shapely.get_parts(shapely.node(shapely.multilinestrings(lines)))
    noded = noded[shapely.length(noded) > 0]
    mid = shapely.line_interpolate_point(noded, 0.5, normalized=True)
    idx = shapely.STRtree(lines).query_nearest(mid, all_matches=False)
    src = np.empty(len(noded), dtype=np.int64)
    src[idx[0]] = idx[1]
    return noded, src

"""Checks an import makes before the work: input limits and coordinates.

Each check refuses with an :class:`~gridplanner.errors.ImportDataError`
whose message names the file (and layer), the feature or sheet cell, the
limit and its value, so that a hostile or damaged file is refused on one
line before it can take the machine's memory:

- :func:`check_file_size`: a file's bytes (a shapefile's parts summed, a
  zip's or workbook's unpacked members summed as the zip declares them)
  against ``max_file_mb``, before anything is read;
- :func:`check_feature_count`: the feature count GDAL declares, before the
  features are read;
- :func:`check_geometries`: vertices and holes of every geometry, and
  coordinates that are not finite numbers (NaN, infinity), as soon as the
  geometries are read and before any geometry operation.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import numpy as np
import shapely

from gridplanner.errors import ImportDataError
from gridplanner.model.limits import LIMIT_TEXTS, InputLimits

#: Parts of a shapefile read together with the .shp.
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_POLYGON, _MULTIPOLYGON, _COLLECTION = 3, 6, 7
#: What Python's zip reader raises on a damaged zip (a bad header, a broken deflate
#: stream, an unknown format version).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)


def limit_text(name: str, value: int) -> str:
    """``the limit of 2,000 holes of one polygon (input limit max_holes)``."""
    return f"the limit is {value:,} {LIMIT_TEXTS[name]} (input limit {name}, a plan setting)"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def unpacked_size(path: Path) -> int:
    """Bytes a zip (also .kmz, .xlsx) declares for its members once unpacked.

    Python's zip reader never returns more than a member declares, so this
    bounds what reading the members can take.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            return sum(max(info.file_size, 0) for info in zf.infolist())
    except ZIP_ERRORS as exc:
        what = "Excel file" if path.suffix.lower() in (".xlsx", ".xlsm") else "zip file"
        raise ImportDataError(f"{path}: not a readable {what} ({exc})") from exc


def file_size(path: Path) -> int:
    """Bytes a reader takes in for ``path``: its parts or unpacked members."""
    suffix = path.suffix.lower()
    if suffix in (".zip", ".kmz", ".xlsx", ".xlsm"):
        return max(unpacked_size(path), path.stat().st_size)
    if suffix == ".shp":
        total = 0
        for part in SHAPEFILE_PARTS:
            for candidate in (path.with_suffix(part), path.with_suffix(part.upper())):
                if candidate.is_file():
                    total += candidate.stat().st_size
                    break
        return total
    return path.stat().st_size


def check_file_size(path: Path, limits: InputLimits, label: str | None = None) -> None:
    """Refuse a file larger than ``max_file_mb`` before reading any of it."""
    try:
        size = file_size(path)
    except OSError as exc:
        raise ImportDataError(f"{label or path}: cannot be read ({exc.strerror or exc})") from exc
    if size > limits.max_file_bytes:
        raise ImportDataError(
            f"{label or path}: the file is {_mb(size)} to read; "
            f"{limit_text('max_file_mb', limits.max_file_mb)}")


def check_feature_count(count: int, limits: InputLimits, label: str) -> None:
    """Refuse a layer that declares more than ``max_features`` features."""
    if count > limits.max_features:
        raise ImportDataError(f"{label}: holds {count:,} features; "
                              f"{limit_text('max_features', limits.max_features)}")


def hole_counts(values: np.ndarray) -> np.ndarray:
    """Holes (inner rings) of each geometry, summed over the parts of a multi-polygon."""
    values = np.asarray(values, dtype=object)
    types = shapely.get_type_id(values)
    holes = np.zeros(len(values), dtype=np.int64)
    simple = types == _POLYGON
    holes[simple] = shapely.get_num_interior_rings(values[simple])
    multi = np.flatnonzero((types == _MULTIPOLYGON) | (types == _COLLECTION))
    if len(multi):
        parts, owner = shapely.get_parts(values[multi], return_index=True)
        nested = np.isin(shapely.get_type_id(parts), (_MULTIPOLYGON, _COLLECTION))
        if nested.any():  # a collection holding multi-polygons: one level further
            inner, at = shapely.get_parts(parts[nested], return_index=True)
            parts = np.concatenate([parts[~nested], inner])
            owner = np.concatenate([owner[~nested], owner[nested][at]])
        polys = shapely.get_type_id(parts) == _POLYGON
        np.add.at(holes, multi[owner[polys]], shapely.get_num_interior_rings(parts[polys]))
    return holes


def check_geometries(values: np.ndarray, ids, limits: InputLimits, label: str) -> None:
    """Refuse the file at its first geometry over a limit or with a non-finite coordinate.

    Parameters
    ----------
    values : geometries as read (shapely objects or None), not yet repaired.
    ids : the source feature ids, in the same order (named in the message).
    limits : the plan's input limits.
    label : the file (and layer) as messages name it.
    """
    values = np.asarray(values, dtype=object)
    if len(values) == 0:
        return
    ids = list(ids)
    vertices = shapely.get_num_coordinates(values)
    over = np.flatnonzero(vertices > limits.max_vertices)
    if len(over):
        i = int(over[0])
        raise ImportDataError(
            f"{label}: feature {ids[i]} has {int(vertices[i]):,} vertices; "
            f"{limit_text('max_vertices', limits.max_vertices)}")
    holes = hole_counts(values)
    over = np.flatnonzero(holes > limits.max_holes)
    if len(over):
        i = int(over[0])
        raise ImportDataError(
            f"{label}: feature {ids[i]} has {int(holes[i]):,} holes; "
            f"{limit_text('max_holes', limits.max_holes)}")
    coords, which = shapely.get_coordinates(values, return_index=True)
    bad = ~np.isfinite(coords).all(axis=1)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        x, y = coords[first]
        raise ImportDataError(
            f"{label}: feature {ids[int(which[first])]} has a vertex at ({x}, {y}), which is not "
            "a finite number; fix or delete that feature and import again")

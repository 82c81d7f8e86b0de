"""The faithful read of a plan layer: every row with its fid, nothing read as 0.

GDAL's own read of a GeoPackage layer trusts the file: it stops at the
feature count the file states, numbers the rows itself when the table has
lost its fid key, reads text in an INTEGER column as 0 and gives up on a
shape that does not parse. :func:`read_layer` reads around each of these,
guided by the :class:`~gridplanner.io.plan_file.integrity.TableFacts` that
SQLite gave, and records what it had to do in them, so that
:func:`~gridplanner.io.plan_file.integrity.find_damage` can list it.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.raw
import shapely
import shapely.errors

from gridplanner.errors import ProjectFileError
from gridplanner.io.plan_file.integrity import TableFacts

_ROWID = "gridplanner_rowid__"


def read_layer(path: Path, name: str, facts: TableFacts | None) -> pd.DataFrame:
    """Every row of layer ``name`` with its fid, unreadable numbers as empty.

    GDAL's own read is used when it is faithful; a table without its fid key
    or with a stale feature count is read through SQL (GDAL would number the
    rows itself, or stop at the stated count), a shape that cannot be parsed
    is mended where it can be (an open ring closed) and listed in ``facts``.
    """
    sql = f'SELECT rowid AS {_ROWID}, * FROM "{name}"' \
        if facts is not None and facts.faithful_read_needed else None
    try:
        try:
            frame = pyogrio.read_dataframe(path, layer=None if sql else name, sql=sql,
                                           fid_as_index=True)
        except shapely.errors.GEOSException:
            frame = _read_mending_shapes(path, name, sql, facts)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise ProjectFileError(f"{path}: layer {name} cannot be read ({exc})") from exc
    if sql is not None and facts is not None:
        frame = _renumber(frame, facts)
    frame.index = pd.Index(np.asarray(frame.index, dtype="int64"), name="fid")
    if facts is not None:
        for column, rows in facts.bad_values.items():
            hit = frame.index.intersection(list(rows))
            if column in frame.columns and len(hit):
                frame[column] = frame[column].astype("object")
                frame.loc[hit, column] = None
    return frame


def _renumber(frame: pd.DataFrame, facts: TableFacts) -> pd.DataFrame:
    """Fids from the table's key (or its ``fid`` column): duplicates and blanks get new ones."""
    rowids = frame.pop(_ROWID).astype("int64").to_numpy()
    source = facts.key or ("fid" if "fid" in frame.columns else None)
    if source is None:
        fids = rowids.copy()
    else:
        raw = frame.pop(source) if source in frame.columns else pd.Series(frame.index)
        fids = pd.to_numeric(pd.Series(np.asarray(raw)), errors="coerce").to_numpy()
    fids = np.where(np.isfinite(fids.astype("float64")), fids, np.nan)
    taken = pd.Series(fids).duplicated(keep="first").to_numpy() | np.isnan(fids)
    start = int(np.nanmax(fids)) + 1 if (~np.isnan(fids)).any() else 1
    original = fids.copy()
    fids[taken] = np.arange(start, start + int(taken.sum()))
    for old, new in zip(original[taken], fids[taken], strict=True):
        if not np.isnan(old):
            facts.new_fids.setdefault(int(old), []).append(int(new))
    by_rowid = dict(zip(rowids.tolist(), fids.astype("int64").tolist(), strict=True))
    facts.bad_values = {c: {by_rowid.get(r, r): v for r, v in rows.items()}
                        for c, rows in facts.bad_values.items()}
    frame.index = pd.Index(fids.astype("int64"), name="fid")
    return frame


def _read_mending_shapes(path: Path, name: str, sql: str | None,
                         facts: TableFacts | None) -> pd.DataFrame:
    """Read a layer whose stored shapes do not all parse; mend them where possible."""
    meta, fids, wkb, fields = pyogrio.raw.read(path, layer=None if sql else name, sql=sql,
                                               return_fids=True)
    geoms = shapely.from_wkb(wkb, on_invalid="ignore")
    broken = np.flatnonzero(pd.notna(pd.Series(wkb, dtype=object)).to_numpy()
                            & shapely.is_missing(geoms))
    for i in broken:
        reason = _parse_error(wkb[i])
        geoms[i] = shapely.from_wkb(wkb[i], on_invalid="fix")
        if facts is not None:
            facts.broken_geometry[int(fids[i])] = reason
    data = {str(col): values for col, values in zip(meta["fields"], fields, strict=True)}
    frame = pd.DataFrame(data, index=pd.Index(fids, name="fid"))
    crs = meta.get("crs")
    return gpd.GeoDataFrame(frame, geometry=list(geoms), crs=crs)


def _parse_error(wkb: bytes) -> str:
    try:
        shapely.from_wkb(wkb)
    except shapely.errors.GEOSException as exc:
        return str(exc).split(": ", 1)[-1]
    return "unreadable"


def join_point_rows(frame: pd.DataFrame, points: pd.DataFrame,
                    facts: TableFacts | None) -> pd.DataFrame:
    """The rows of a points layer (``building_points``) joined to their table.

    A point row whose fid its table already uses keeps its row and gets a new
    fid (listed in ``facts`` as a duplicate fid), instead of every fid of the
    table being renumbered.
    """
    clash = np.asarray(points.index.isin(frame.index))
    if clash.any():
        start = int(max(frame.index.max(), points.index.max())) + 1
        new = np.asarray(points.index, dtype="int64").copy()
        new[clash] = np.arange(start, start + int(clash.sum()))
        for fid, given in zip(points.index[clash], new[clash], strict=True):
            if facts is not None:
                facts.duplicate_fids[int(fid)] = [int(fid), int(fid)]
                facts.new_fids[int(fid)] = [int(given)]
        points = points.copy()
        points.index = pd.Index(new, name="fid")
    return pd.concat([frame, points]).sort_index()

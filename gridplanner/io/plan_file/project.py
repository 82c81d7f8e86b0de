"""The plan file: one GeoPackage per plan.

Every layer is an ordinary GeoPackage layer (QGIS opens it as it is), the
roster tables are GeoPackage attribute tables, and ``gridplanner_meta`` is a
small key/value table with the schema version, plan name, CRS, settings and
the layer styles (``styles``, JSON; a file without it draws the defaults).

Saving is atomic: the whole plan is written to a temporary file beside the
target, flushed to disk, then renamed over it, so a crash or a full disk in
the middle of a save leaves the previous file intact. A save holds the
plan's lock and can check that the file has not changed since it was read
(:mod:`~gridplanner.io.plan_file.lock`, :mod:`~gridplanner.io.plan_file.ondisk`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from gridplanner.analysis.findings import Finding
from gridplanner.errors import ModelError, ProjectFileError
from gridplanner.io.atomic import clean_stale_temps, write_atomic
from gridplanner.io.crs import saved_crs
from gridplanner.io.plan_file import faithful_read, geometry_types, integrity
from gridplanner.io.plan_file.lock import plan_lock, who_am_i
from gridplanner.io.plan_file.ondisk import FileState, check_unchanged
from gridplanner.model.plan import Plan
from gridplanner.model.schema import LAYER_SPECS
from gridplanner.model.settings import Settings

#: 2: every layer declares one geometry type (:mod:`.geometry_types`); 1 opens and is
#: upgraded at the next save.
SCHEMA_VERSION = 2
META_TABLE = "gridplanner_meta"
APPLICATION = "gridplanner"


def save_plan(plan: Plan, path: str | os.PathLike[str], *, expected: FileState | None = None,
              program: str | None = None) -> Path:
    """Write ``plan`` to ``path`` atomically and return the path.

    The save holds the plan's lock (:mod:`~gridplanner.io.plan_file.lock`),
    removes temporary copies a crashed save left, keeps the file's mode
    and owner, writes through a symbolic link to the real file and refuses
    a read-only file.

    Parameters
    ----------
    expected
        The state of the file when the plan was read from it
        (:func:`~gridplanner.io.plan_file.reading.read_plan`); when the file
        has changed since, nothing is written and PlanChangedError says so.
        None: no check (a new file, or "Save As" over a file the user chose).
    program
        Who is saving, for the lock file and for the plan's ``saved_by``.
    """
    target = Path(path)
    if target.suffix.lower() != ".gpkg":
        raise ProjectFileError(f"{target}: a plan is saved as a .gpkg file")
    with plan_lock(target, program):
        clean_stale_temps(target)
        check_unchanged(target, expected)
        writer = who_am_i(program)
        try:
            write_atomic(target, lambda tmp: _write_all(plan, tmp, writer),
                         error=ProjectFileError, replace_plan=True)
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
            raise ProjectFileError(f"{target}: could not save the plan ({exc})") from exc
    return target


def _write_all(plan: Plan, path: Path, writer: dict[str, object] | None = None) -> None:
    with warnings.catch_warnings():
        # An empty new plan has no CRS yet; GDAL's warning about it is expected.
        warnings.filterwarnings("ignore", message="'crs' was not provided")
        _write_layers(plan, path, writer or {})


def _write_layers(plan: Plan, path: Path, writer: dict[str, object]) -> None:
    crs = plan.crs
    for name, table in plan.layers.items():
        frame = table.frame.reset_index()
        frame = _storable(frame)
        if table.is_spatial:
            gdf = gpd.GeoDataFrame(frame, geometry="geometry", crs=crs)
            kind = LAYER_SPECS[name].geometry or "polygon"
            for layer, part, declared in geometry_types.layers_to_write(name, kind, gdf):
                pyogrio.write_dataframe(part, path, layer=layer, driver="GPKG",
                                        geometry_type=declared,
                                        promote_to_multi=declared.startswith("Multi"))
        else:
            pyogrio.write_dataframe(pd.DataFrame(frame), path, layer=name, driver="GPKG")
    meta = {
        "application": APPLICATION,
        "schema_version": str(SCHEMA_VERSION),
        "name": plan.name,
        "crs": crs.to_wkt() if crs is not None else "",
        "settings": json.dumps(plan.settings.to_dict(), ensure_ascii=False),
        "styles": json.dumps(plan.styles, ensure_ascii=False),
        "layer_order": json.dumps(plan.layer_order),
        "saved_by": json.dumps(writer, ensure_ascii=False),
        "basemaps": json.dumps(getattr(plan, "basemaps", []), ensure_ascii=False),
    }
    pyogrio.write_dataframe(
        pd.DataFrame({"key": list(meta), "value": list(meta.values())}),
        path, layer=META_TABLE, driver="GPKG",
    )


def _storable(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns GDAL can write: nullable ints/bools stay, objects become text."""
    out = frame.copy()
    for col in out.columns:
        if col == "geometry":
            continue
        dtype = out[col].dtype
        if dtype == "object":
            out[col] = out[col].map(lambda v: None if v is None or v is pd.NA else str(v))
    return out


def read_meta(path: str | os.PathLike[str]) -> dict[str, str]:
    """The plan's metadata table, or a ProjectFileError saying why it is not a plan."""
    p = Path(path)
    if not p.exists():
        raise ProjectFileError(f"{p}: no such file")
    try:
        with sqlite3.connect(f"file:{p}?mode=ro", uri=True) as con:
            tables = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
            if META_TABLE not in tables:
                raise ProjectFileError(
                    f"{p}: this GeoPackage is not a gridplanner plan (it has no {META_TABLE} "
                    "table); import its layers into a plan instead"
                )
            rows = con.execute(f'SELECT key, value FROM "{META_TABLE}"').fetchall()
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{p}: not a GeoPackage file ({exc})") from exc
    meta = {str(k): str(v) if v is not None else "" for k, v in rows}
    if meta.get("application") != APPLICATION:
        raise ProjectFileError(f"{p}: not a gridplanner plan")
    return meta


def _read_layer_order(path: Path, text: str | None) -> list[str]:
    """The saved drawing order; older files (or unknown names) fall back to the default."""
    if not text:
        return []
    try:
        order = json.loads(text)
    except ValueError as exc:
        raise ProjectFileError(f"{path}: the saved layer order is damaged ({exc})") from exc
    if not isinstance(order, list):
        raise ProjectFileError(f"{path}: the saved layer order is damaged (not a list)")
    return [str(n) for n in order if str(n) in LAYER_SPECS]


def _read_basemaps(path: Path, text: str | None) -> list[dict]:
    """The saved basemaps (optional: older files have none)."""
    if not text:
        return []
    try:
        basemaps = json.loads(text)
    except ValueError as exc:
        raise ProjectFileError(f"{path}: the saved basemaps are damaged ({exc})") from exc
    if not isinstance(basemaps, list) or not all(isinstance(b, dict) for b in basemaps):
        raise ProjectFileError(f"{path}: the saved basemaps are damaged (not a list of tables)")
    return basemaps


def _read_styles(path: Path, text: str | None) -> dict[str, dict]:
    """The saved layer styles; a file without them (older saves) uses the defaults."""
    if not text:
        return {}
    try:
        styles = json.loads(text)
    except ValueError as exc:
        raise ProjectFileError(f"{path}: the saved layer styles are damaged ({exc})") from exc
    if not isinstance(styles, dict) or not all(isinstance(v, dict) for v in styles.values()):
        raise ProjectFileError(f"{path}: the saved layer styles are damaged (not a table of "
                               "layer styles)")
    return styles


def _stored_geometries(path: Path, name: str, frame: gpd.GeoDataFrame,
                       present: set[str], facts: dict[str, integrity.TableFacts]
                       ) -> gpd.GeoDataFrame:
    """A spatial layer as the model holds it: its points layer joined back and
    one-part multi-geometries made single (:mod:`.geometry_types`)."""
    points_layer = geometry_types.POINT_LAYERS.get(name)
    if points_layer in present:
        points = faithful_read.read_layer(path, points_layer, facts.get(points_layer))
        if frame.crs is not None:
            points = points.set_crs(frame.crs, allow_override=True)
        frame = gpd.GeoDataFrame(faithful_read.join_point_rows(frame, points,
                                                               facts.get(points_layer)),
                                 geometry="geometry", crs=frame.crs)
    frame = frame.copy()
    frame["geometry"] = geometry_types.single_parts(frame.geometry.values)
    return frame


def load_plan(path: str | os.PathLike[str], *, damaged: str = "refuse") -> Plan:
    """Open a plan file; raises ProjectFileError with the reason when it cannot.

    With ``damaged="refuse"`` (the default) a plan whose file is damaged in a
    way reading would hide (a missing column, text in an id column, shared
    fids, an unreadable shape) raises
    :class:`~gridplanner.io.plan_file.integrity.PlanDamageError` listing the
    damage by table and row, so nothing is lost by a later save;
    ``damaged="open"`` returns it anyway (see :func:`load_plan_checked`).
    """
    plan, damage = load_plan_checked(path)
    if damaged == "refuse" and integrity.has_damage(damage):
        raise integrity.PlanDamageError(Path(path), damage)
    return plan


def load_plan_checked(path: str | os.PathLike[str]) -> tuple[Plan, list[Finding]]:
    """Open a plan even when its file is damaged, and list the damage.

    Every row is read as it is stored (:mod:`~gridplanner.io.plan_file.faithful_read`):
    unreadable values come in empty, rows sharing a fid get new fids, and
    the returned findings say so, by table and row; nothing is dropped.
    """
    p = Path(path)
    meta = read_meta(p)
    try:
        version = int(meta.get("schema_version", "0"))
    except ValueError:
        raise ProjectFileError(f"{p}: unreadable schema version {meta.get('schema_version')!r}") from None
    if version > SCHEMA_VERSION:
        raise ProjectFileError(
            f"{p}: this plan was saved by a newer gridplanner (file schema {version}, this "
            f"version reads up to {SCHEMA_VERSION}); update gridplanner to open it"
        )
    try:
        settings = Settings.from_dict(json.loads(meta.get("settings") or "{}"))
    except (ValueError, TypeError, ModelError) as exc:
        raise ProjectFileError(f"{p}: the plan settings are damaged ({exc})") from exc
    styles = _read_styles(p, meta.get("styles"))
    crs = saved_crs(meta.get("crs"), source=str(p))
    plan = Plan(name=meta.get("name", ""), crs=crs, settings=settings)
    plan.set_styles(styles)
    plan.set_layer_order(_read_layer_order(p, meta.get("layer_order")))
    plan.set_basemaps(_read_basemaps(p, meta.get("basemaps")))
    present = {str(row[0]) for row in pyogrio.list_layers(p)}
    facts = integrity.read_facts(p)
    for name, table in plan.layers.items():
        if name not in present:
            continue
        frame = faithful_read.read_layer(p, name, facts.get(name))
        if table.is_spatial and isinstance(frame, gpd.GeoDataFrame):
            frame = _stored_geometries(p, name, frame, present, facts)
        if table.is_spatial and isinstance(frame, gpd.GeoDataFrame) and crs is not None:
            frame = frame.set_crs(plan.crs, allow_override=True)
        table.replace(frame)
    return plan, integrity.find_damage(plan, facts)

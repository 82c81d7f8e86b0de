"""A plan in PostgreSQL/PostGIS: one schema per plan, one table per layer.

A city keeps its plan in one database that every sub-district office (and
QGIS) connects to. The tables are the plan file's layers, with the same
columns, a ``fid`` primary key, a PostGIS geometry column ``geom`` of one
concrete type per layer (MultiPolygon, MultiLineString, Point; buildings,
which may be footprints or points, are a generic ``Geometry``), and a
``gp_version`` that every change of the row increases (a trigger bumps it
for edits made outside gridplanner, e.g. in QGIS). ``gridplanner_meta``
holds the same keys as the GeoPackage plan's metadata table.

Saving is per feature, with optimistic locking: a row is updated or
deleted only when its ``gp_version`` is still the one that was read, and
the whole save is one transaction. When another office changed the same
feature in the meantime nothing is written and :class:`PlanConflictError`
lists both versions; the caller chooses per feature (``resolve``: keep
ours or take theirs) and saves again. No last-save-wins.

The URI is libpq's, plus a ``schema`` query parameter (default ``public``)::

    postgresql://user:password@host:5432/city?schema=xicheng
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gridplanner.errors import ProjectFileError
from gridplanner.model.plan import Plan
from gridplanner.model.schema import LAYER_SPECS
from gridplanner.model.settings import Settings

SCHEMA_VERSION_KEY = "schema_version"
META_TABLE = "gridplanner_meta"
APPLICATION = "gridplanner"
VERSION_COLUMN = "gp_version"
_PG_TYPE = {"polygon": "MultiPolygon", "line": "MultiLineString", "point": "Point",
            "polygon_or_point": "Geometry"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class PlanConflictError(ProjectFileError):
    """Another writer changed features this save would overwrite; nothing was written."""

    def __init__(self, uri: str, conflicts: list[Conflict]):
        self.conflicts = conflicts
        shown = "; ".join(c.describe() for c in conflicts[:5])
        more = f" and {len(conflicts) - 5} more" if len(conflicts) > 5 else ""
        super().__init__(f"{redact(uri)}: {len(conflicts)} feature(s) were changed by another "
                         f"writer since this plan was read ({shown}{more}); nothing was saved")


@dataclass
class Conflict:
    """One feature both writers changed: ours is what we hold, theirs what is stored."""

    layer: str
    fid: int
    kind: str  # "changed", "deleted" (theirs is gone), "added" (both added this fid)
    ours: dict[str, Any] | None
    theirs: dict[str, Any] | None

    def describe(self) -> str:
        what = {"changed": "changed by both", "deleted": "deleted by the other writer",
                "added": "added by both"}[self.kind]
        return f"{self.layer} feature {self.fid} {what}"


@dataclass
class _Snapshot:
    """What was read: per layer, fid -> (gp_version, row hash); and the metadata."""

    rows: dict[str, dict[int, tuple[int, str]]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    #: the frame object each layer had when last read or saved: the model
    #: replaces a layer's frame on every change, so the same object means
    #: nothing to write (no hashing of unchanged layers)
    frames: dict[str, object] = field(default_factory=dict)


# -- URIs -----------------------------------------------------------------
def is_database_uri(target: object) -> bool:
    """True for ``postgresql://`` and ``postgres://`` plan locations."""
    return isinstance(target, str) and target.split("://", 1)[0] in ("postgresql", "postgres")


def split_uri(uri: str) -> tuple[str, str]:
    """(libpq connection string without our ``schema`` parameter, schema name)."""
    parts = urlsplit(uri)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), "public") or "public"
    if not _NAME.match(schema):
        raise ProjectFileError(f"{redact(uri)}: the schema name {schema!r} is not a plain "
                               "identifier (letters, digits, underscore)")
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, "")), schema


def redact(uri: str) -> str:
    """The URI with any password replaced, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", uri)


def _connect(uri: str):
    import psycopg

    conninfo, schema = split_uri(uri)
    try:
        con = psycopg.connect(conninfo, connect_timeout=10)
    except psycopg.Error as exc:
        raise ProjectFileError(f"{redact(uri)}: cannot connect to the database "
                               f"({str(exc).strip().splitlines()[0]})") from exc
    return con, schema


# -- reading --------------------------------------------------------------
class PostgisPlanStore:
    """Load and save one plan kept in a PostgreSQL/PostGIS schema.

    Keep the store for as long as the plan is open: it remembers which
    version of every feature was read, so that :meth:`save` writes only
    what changed and refuses to overwrite another writer's change.
    """

    def __init__(self, uri: str):
        self.uri = uri
        self._snapshot = _Snapshot()

    # -- create ---------------------------------------------------------
    def create(self, plan: Plan, *, replace: bool = False) -> None:
        """Write ``plan`` as a new plan in the URI's schema (refused if one is there)."""
        con, schema = _connect(self.uri)
        with con:
            with con.cursor() as cur:
                _require_postgis(cur, self.uri)
                if _has_plan(cur, schema):
                    if not replace:
                        raise ProjectFileError(f"{redact(self.uri)}: schema {schema} already "
                                               "holds a plan")
                    cur.execute(f'DROP SCHEMA "{schema}" CASCADE')
                cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
                srid = _srid(cur, plan)
                for name, table in plan.layers.items():
                    _create_table(cur, schema, name, table.frame, table.is_spatial, srid)
                    _copy_rows(cur, schema, name, table.frame, table.is_spatial, srid)
                cur.execute(f'CREATE TABLE "{schema}"."{META_TABLE}" '
                            "(key text PRIMARY KEY, value text)")
                meta = plan_meta(plan)
                cur.executemany(f'INSERT INTO "{schema}"."{META_TABLE}" VALUES (%s, %s)',
                                list(meta.items()))
        con.close()
        self._remember(plan, meta)

    # -- load -----------------------------------------------------------
    def load(self) -> Plan:
        """Read the plan and remember the version of every feature."""
        con, schema = _connect(self.uri)
        try:
            with con.cursor() as cur:
                if not _has_plan(cur, schema):
                    raise ProjectFileError(f"{redact(self.uri)}: schema {schema} holds no "
                                           "gridplanner plan")
                cur.execute(f'SELECT key, value FROM "{schema}"."{META_TABLE}"')
                meta = {str(k): "" if v is None else str(v) for k, v in cur.fetchall()}
                plan = plan_from_meta(meta, self.uri)
                snapshot = _Snapshot(meta=dict(meta))
                for name, table in plan.layers.items():
                    frame, versions = _read_table(cur, schema, name, table.is_spatial, plan)
                    if frame is None:
                        continue
                    if table.is_spatial and plan.crs is not None:
                        frame = gpd.GeoDataFrame(frame, geometry="geometry", crs=plan.crs)
                    table.replace(frame)
                    stored = table.frame
                    hashes = _row_hashes(stored)
                    snapshot.rows[name] = {f: (versions.get(f, 1), hashes[f]) for f in hashes}
                    snapshot.frames[name] = stored
        finally:
            con.close()
        self._snapshot = snapshot
        return plan

    # -- save -----------------------------------------------------------
    def save(self, plan: Plan, resolve: Mapping[tuple[str, int], str] | None = None) -> dict:
        """Write what changed since :meth:`load` (or the last save), feature by feature.

        Parameters
        ----------
        resolve
            For features of an earlier :class:`PlanConflictError`:
            ``(layer, fid) -> "ours"`` writes ours over theirs,
            ``"theirs"`` keeps theirs (and drops our change to it).

        Returns
        -------
        dict
            Counts per layer: ``{"cells": {"updated": 2, "added": 0, "deleted": 1}}``.
        """
        resolve = dict(resolve or {})
        con, schema = _connect(self.uri)
        counts: dict[str, dict[str, int]] = {}
        conflicts: list[Conflict] = []
        written: dict[str, dict[int, tuple[int, str]]] = {}
        try:
            with con.transaction(), con.cursor() as cur:
                srid = _srid(cur, plan)
                for name, table in plan.layers.items():
                    if self._snapshot.frames.get(name) is table.frame:
                        continue
                    counts[name], written[name] = _save_layer(
                        cur, schema, name, table, srid, self._snapshot, resolve, conflicts)
                conflicts += _save_meta(cur, schema, plan, self._snapshot, resolve)
                if conflicts:
                    raise PlanConflictError(self.uri, conflicts)
        except PlanConflictError:
            con.close()
            raise
        except Exception as exc:
            con.close()
            import psycopg

            if isinstance(exc, psycopg.Error):
                raise ProjectFileError(f"{redact(self.uri)}: could not save the plan "
                                       f"({str(exc).strip().splitlines()[0]})") from exc
            raise
        con.close()
        for name, rows in written.items():  # the saved rows are the new baseline
            self._snapshot.rows[name] = rows
            self._snapshot.frames[name] = plan.layers[name].frame
        self._snapshot.meta.update(plan_meta(plan))
        return {k: v for k, v in counts.items() if any(v.values())}

    def baseline(self) -> dict[str, Any]:
        """What this store last read or saved, as plain (JSON-ready) data.

        Per layer ``{fid: [version, row hash]}`` and the metadata: kept beside a
        local copy of unsaved edits (the window's crash recovery) so that a later
        save is still checked against the versions those edits were made on.
        """
        return {"rows": {n: {str(f): list(v) for f, v in rows.items()}
                         for n, rows in self._snapshot.rows.items()},
                "meta": dict(self._snapshot.meta)}

    def adopt_baseline(self, data: Mapping[str, Any]) -> None:
        """Check later saves against ``data`` (from :meth:`baseline`) instead of what
        was read: a feature another writer changed since then is still a conflict."""
        rows = {str(n): {int(f): (int(v), str(h)) for f, (v, h) in layer.items()}
                for n, layer in data["rows"].items()}
        self._snapshot = _Snapshot(rows=rows, meta={str(k): str(v)
                                                    for k, v in data["meta"].items()})

    def _remember(self, plan: Plan, meta: dict[str, str]) -> None:
        snapshot = _Snapshot(meta=dict(meta))
        for name, table in plan.layers.items():
            hashes = _row_hashes(table.frame)
            snapshot.rows[name] = {f: (1, h) for f, h in hashes.items()}
            snapshot.frames[name] = table.frame
        self._snapshot = snapshot


def plan_meta(plan: Plan, writer: dict[str, object] | None = None) -> dict[str, str]:
    """The metadata keys a plan is stored with (the GeoPackage plan's, too)."""
    from gridplanner.io.plan_file.project import SCHEMA_VERSION

    crs = plan.crs
    return {
        "application": APPLICATION,
        SCHEMA_VERSION_KEY: str(SCHEMA_VERSION),
        "name": plan.name,
        "crs": crs.to_wkt() if crs is not None else "",
        "settings": json.dumps(plan.settings.to_dict(), ensure_ascii=False),
        "styles": json.dumps(plan.styles, ensure_ascii=False),
        "layer_order": json.dumps(plan.layer_order),
        "basemaps": json.dumps(getattr(plan, "basemaps", []), ensure_ascii=False),
        "saved_by": json.dumps(writer or {}, ensure_ascii=False),
    }


def plan_from_meta(meta: Mapping[str, str], where: str) -> Plan:
    """An empty plan with the name, CRS, settings, styles and order the metadata give."""
    from gridplanner.io.plan_file.project import SCHEMA_VERSION

    if meta.get("application") != APPLICATION:
        raise ProjectFileError(f"{redact(where)}: not a gridplanner plan")
    try:
        version = int(meta.get(SCHEMA_VERSION_KEY, "0"))
    except ValueError:
        raise ProjectFileError(f"{redact(where)}: unreadable schema version") from None
    if version > SCHEMA_VERSION:
        raise ProjectFileError(f"{redact(where)}: this plan was saved by a newer gridplanner "
                               f"(schema {version}, this version reads up to {SCHEMA_VERSION})")
    try:
        settings = Settings.from_dict(json.loads(meta.get("settings") or "{}"))
        styles = json.loads(meta.get("styles") or "{}")
        order = json.loads(meta.get("layer_order") or "[]")
        basemaps = json.loads(meta.get("basemaps") or "[]")
    except (ValueError, TypeError) as exc:
        raise ProjectFileError(f"{redact(where)}: the plan metadata are damaged ({exc})") from exc
    plan = Plan(name=meta.get("name", ""), crs=meta.get("crs") or None, settings=settings)
    if isinstance(styles, dict):
        plan.set_styles(styles)
    if isinstance(order, list):
        plan.set_layer_order([str(n) for n in order if str(n) in LAYER_SPECS])
    if isinstance(basemaps, list) and hasattr(plan, "set_basemaps"):
        plan.set_basemaps([b for b in basemaps if isinstance(b, dict)])
    return plan


# -- helpers: database ----------------------------------------------------
def _require_postgis(cur, uri: str) -> None:
    cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
    if cur.fetchone() is None:
        try:
            cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        except Exception as exc:
            raise ProjectFileError(f"{redact(uri)}: the database has no PostGIS and it could "
                                   "not be added (ask the administrator to run CREATE "
                                   "EXTENSION postgis)") from exc


def _has_plan(cur, schema: str) -> bool:
    cur.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = %s "
                "AND table_name = %s", (schema, META_TABLE))
    return cur.fetchone() is not None


def _srid(cur, plan: Plan) -> int:
    """The SRID of the plan CRS: its EPSG code, else a row added to spatial_ref_sys."""
    if plan.crs is None:
        return 0
    code = plan.crs.to_epsg()
    if code:
        return int(code)
    wkt = plan.crs.to_wkt()
    srid = 910000 + int(hashlib.sha1(wkt.encode()).hexdigest(), 16) % 89999
    cur.execute("INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) "
                "VALUES (%s, 'gridplanner', %s, %s, %s) ON CONFLICT (srid) DO NOTHING",
                (srid, srid, wkt, plan.crs.to_proj4()))
    return srid


_SQL_TYPES = (("int", "bigint"), ("float", "double precision"), ("bool", "boolean"),
              ("datetime", "timestamptz"))


def _sql_type(dtype: Any) -> str:
    name = str(dtype).lower()
    return next((sql for key, sql in _SQL_TYPES if key in name), "text")


def _attribute_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c != "geometry"]


def _create_table(cur, schema: str, name: str, frame: pd.DataFrame, spatial: bool,
                  srid: int) -> None:
    cols = ["fid bigint PRIMARY KEY", f"{VERSION_COLUMN} integer NOT NULL DEFAULT 1"]
    cols += [f'"{c}" {_sql_type(frame[c].dtype)}' for c in _attribute_columns(frame)]
    if spatial:
        kind = _PG_TYPE[LAYER_SPECS[name].geometry or "polygon"]
        cols.append(f"geom geometry({kind}, {srid})")
    cur.execute(f'CREATE TABLE "{schema}"."{name}" ({", ".join(cols)})')
    if spatial:
        cur.execute(f'CREATE INDEX ON "{schema}"."{name}" USING gist (geom)')
    cur.execute(f"""
        CREATE OR REPLACE FUNCTION "{schema}".gp_bump_version() RETURNS trigger AS $$
        BEGIN
            IF NEW.{VERSION_COLUMN} IS NOT DISTINCT FROM OLD.{VERSION_COLUMN} THEN
                NEW.{VERSION_COLUMN} := OLD.{VERSION_COLUMN} + 1;
            END IF;
            RETURN NEW;
        END $$ LANGUAGE plpgsql""")
    cur.execute(f'CREATE TRIGGER gp_bump BEFORE UPDATE ON "{schema}"."{name}" '
                f'FOR EACH ROW EXECUTE FUNCTION "{schema}".gp_bump_version()')


def _add_missing_columns(cur, schema: str, name: str, frame: pd.DataFrame) -> None:
    cur.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                "AND table_name = %s", (schema, name))
    have = {r[0] for r in cur.fetchall()}
    for c in _attribute_columns(frame):
        if c not in have:
            cur.execute(f'ALTER TABLE "{schema}"."{name}" ADD COLUMN "{c}" '
                        f'{_sql_type(frame[c].dtype)}')


def _set_column_srid(cur, schema: str, name: str, srid: int) -> None:
    """A plan made empty (no CRS yet) gets its CRS with the first data: so do its tables."""
    cur.execute("SELECT srid FROM geometry_columns WHERE f_table_schema = %s AND "
                "f_table_name = %s AND f_geometry_column = 'geom'", (schema, name))
    row = cur.fetchone()
    if row is not None and int(row[0]) == 0 and srid:
        kind = _PG_TYPE[LAYER_SPECS[name].geometry or "polygon"]
        cur.execute(f'ALTER TABLE "{schema}"."{name}" ALTER COLUMN geom TYPE '
                    f"geometry({kind}, {srid}) USING ST_SetSRID(geom, {srid})")


def _geometry_sql(name: str, srid: int) -> str:
    kind = LAYER_SPECS[name].geometry or "polygon"
    base = f"ST_SetSRID(ST_GeomFromWKB(%s), {srid})"
    return f"ST_Multi({base})" if kind in ("polygon", "line") else base


def _value(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def _row_values(frame: pd.DataFrame, fid: int, columns: list[str], spatial: bool) -> list[Any]:
    row = frame.loc[fid]
    values = [_value(row[c]) for c in columns]
    if spatial:
        geom = row["geometry"]
        values.append(None if geom is None or geom.is_empty else shapely.to_wkb(geom))
    return values


def _copy_rows(cur, schema: str, name: str, frame: pd.DataFrame, spatial: bool,
               srid: int) -> None:
    if not len(frame):
        return
    columns = _attribute_columns(frame)
    names = ["fid", *[f'"{c}"' for c in columns]]
    marks = ["%s"] * (1 + len(columns))
    if spatial:
        names.append("geom")
        marks.append(_geometry_sql(name, srid))
    sql = (f'INSERT INTO "{schema}"."{name}" ({", ".join(names)}) '
           f'VALUES ({", ".join(marks)})')
    values = [[_value(v) for v in frame[c].tolist()] for c in columns]
    if spatial:
        geoms = np.asarray(frame.geometry.values, dtype=object)
        empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        kept = geoms.copy()
        kept[empty] = None
        values.append(list(shapely.to_wkb(kept)))
    ids = [int(f) for f in frame.index]
    cur.executemany(sql, [[fid, *row] for fid, *row in zip(ids, *values, strict=True)])


def _read_table(cur, schema: str, name: str, spatial: bool, plan: Plan
                ) -> tuple[pd.DataFrame | None, dict[int, int]]:
    cur.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                "AND table_name = %s ORDER BY ordinal_position", (schema, name))
    present = [r[0] for r in cur.fetchall()]
    if not present:
        return None, {}
    columns = [c for c in present if c not in ("fid", VERSION_COLUMN, "geom")]
    select = ["fid", VERSION_COLUMN, *[f'"{c}"' for c in columns]]
    if spatial:
        select.append("ST_AsBinary(geom)")
    cur.execute(f'SELECT {", ".join(select)} FROM "{schema}"."{name}" ORDER BY fid')
    rows = cur.fetchall()
    fids = [int(r[0]) for r in rows]
    versions = {int(r[0]): int(r[1]) for r in rows}
    data = {c: [r[2 + i] for r in rows] for i, c in enumerate(columns)}
    frame = pd.DataFrame(data, index=pd.Index(fids, dtype="int64", name="fid"))
    if spatial:
        wkb = [r[-1] for r in rows]
        geoms = shapely.from_wkb([bytes(w) if w is not None else None for w in wkb])
        frame["geometry"] = [_single_if_one(g) for g in geoms]
    return frame, versions


def _single_if_one(geom: Any) -> Any:
    """A one-part multi-geometry comes back as its part (the model's own shape)."""
    if geom is not None and geom.geom_type.startswith("Multi") and len(geom.geoms) == 1:
        return geom.geoms[0]
    return geom


def _row_hashes(frame: pd.DataFrame) -> dict[int, str]:
    """A hash per fid of everything stored about the feature (vectorised)."""
    if not len(frame):
        return {}
    columns = sorted(_attribute_columns(frame))
    text = pd.DataFrame({c: frame[c].map(lambda v: repr(_value(v))) for c in columns},
                        index=frame.index)
    if "geometry" in frame.columns:
        wkb = shapely.to_wkb(np.asarray(frame.geometry.values, dtype=object), hex=True)
        text["geometry"] = pd.Series(wkb, index=frame.index).fillna("")
    hashed = pd.util.hash_pandas_object(text, index=False)
    return {int(f): format(int(h), "016x") for f, h in zip(frame.index, hashed, strict=True)}


# -- helpers: per-feature save -------------------------------------------
def _save_layer(cur, schema: str, name: str, table, srid: int, snapshot: _Snapshot,
                resolve: Mapping[tuple[str, int], str], conflicts: list[Conflict]
                ) -> tuple[dict[str, int], dict[int, tuple[int, str]]]:
    """Write one layer's changed, added and deleted rows; (counts, new baseline rows)."""
    frame = table.frame
    known = snapshot.rows.get(name, {})
    hashes = _row_hashes(frame)
    counts = {"updated": 0, "added": 0, "deleted": 0}
    versions = {f: v for f, (v, _) in known.items()}
    todo = [f for f, h in hashes.items() if f not in known or known[f][1] != h]
    deleted = [f for f in known if f not in hashes]
    if todo or deleted:
        _add_missing_columns(cur, schema, name, frame)
        if table.is_spatial:
            _set_column_srid(cur, schema, name, srid)
        writer = _RowWriter(cur, schema, name, frame, table.is_spatial, srid)
        for fid in todo:
            choice = resolve.get((name, fid))
            if choice == "theirs":
                continue
            version = writer.write(fid, known[fid][0] if fid in known else None, choice == "ours")
            if version is None:
                conflicts.append(writer.conflict(fid, added=fid not in known))
                continue
            counts["added" if fid not in known else "updated"] += 1
            versions[fid] = version
        for fid in deleted:
            choice = resolve.get((name, fid))
            if choice != "theirs" and writer.delete(fid, known[fid][0], choice == "ours"):
                counts["deleted"] += 1
                versions.pop(fid, None)
            elif choice != "theirs":
                conflicts.append(writer.conflict(fid, added=False))
    rows = {f: (versions.get(f, 1), h) for f, h in hashes.items()}
    return counts, rows


class _RowWriter:
    """Versioned writes of one layer's rows inside the save's transaction."""

    def __init__(self, cur, schema: str, name: str, frame: pd.DataFrame, spatial: bool,
                 srid: int):
        self.cur, self.name, self.frame, self.spatial = cur, name, frame, spatial
        self.table = f'"{schema}"."{name}"'
        self.columns = _attribute_columns(frame)
        self.geom_sql = _geometry_sql(name, srid) if spatial else ""

    def _values(self, fid: int) -> list[Any]:
        return _row_values(self.frame, fid, self.columns, self.spatial)

    def write(self, fid: int, version: int | None, force: bool) -> int | None:
        """Update (when ``version`` still matches, or ``force``) or insert; the new version."""
        if version is not None:
            sets = [f'"{c}" = %s' for c in self.columns]
            if self.spatial:
                sets.append(f"geom = {self.geom_sql}")
            sets.append(f"{VERSION_COLUMN} = {VERSION_COLUMN} + 1")
            check = "" if force else f" AND {VERSION_COLUMN} = %s"
            params = [*self._values(fid), fid] + ([] if force else [version])
            self.cur.execute(f"UPDATE {self.table} SET {', '.join(sets)} WHERE fid = %s{check} "
                             f"RETURNING {VERSION_COLUMN}", params)
            row = self.cur.fetchone()
            if row is not None or not force:
                return None if row is None else int(row[0])
        elif force:  # both added this fid: ours replaces theirs
            self.cur.execute(f"DELETE FROM {self.table} WHERE fid = %s", (fid,))
        names = ["fid", *[f'"{c}"' for c in self.columns]] + (["geom"] if self.spatial else [])
        marks = ["%s"] * (1 + len(self.columns)) + ([self.geom_sql] if self.spatial else [])
        self.cur.execute(f"INSERT INTO {self.table} ({', '.join(names)}) VALUES "
                         f"({', '.join(marks)}) ON CONFLICT (fid) DO NOTHING "
                         f"RETURNING {VERSION_COLUMN}", [fid, *self._values(fid)])
        row = self.cur.fetchone()
        return None if row is None else int(row[0])

    def delete(self, fid: int, version: int, force: bool) -> bool:
        """Delete when the row is still the version read (or ``force``); gone already is fine."""
        if force:
            self.cur.execute(f"DELETE FROM {self.table} WHERE fid = %s", (fid,))
            return True
        self.cur.execute(f"DELETE FROM {self.table} WHERE fid = %s AND {VERSION_COLUMN} = %s",
                         (fid, version))
        if self.cur.rowcount:
            return True
        self.cur.execute(f"SELECT 1 FROM {self.table} WHERE fid = %s", (fid,))
        return self.cur.fetchone() is None

    def conflict(self, fid: int, added: bool) -> Conflict:
        c = _conflict(self.cur, self.table, self.name, fid, self.frame, self.columns,
                      self.spatial)
        if added:
            c.kind = "added"
        return c


def _conflict(cur, table: str, name: str, fid: int, frame: pd.DataFrame | None,
              columns: list[str], spatial: bool) -> Conflict:
    select = [f'"{c}"' for c in columns] + (["ST_AsText(geom)"] if spatial else [])
    cur.execute(f'SELECT {", ".join(select) or "fid"} FROM {table} WHERE fid = %s', (fid,))
    row = cur.fetchone()
    keys = columns + (["geometry"] if spatial else [])
    theirs = dict(zip(keys, row, strict=False)) if row is not None else None
    ours = None
    if frame is not None and fid in frame.index:
        r = frame.loc[fid]
        ours = {c: _value(r[c]) for c in columns}
        if spatial:
            ours["geometry"] = None if r["geometry"] is None else r["geometry"].wkt
    kind = "changed" if theirs is not None and ours is not None else (
        "deleted" if theirs is None else "changed")
    return Conflict(name, int(fid), kind, ours, theirs)


def _save_meta(cur, schema: str, plan: Plan, snapshot: _Snapshot,
               resolve: Mapping[tuple[str, int], str]) -> list[Conflict]:
    """Compare-and-set each metadata key that changed; one conflict per key lost."""
    ours = plan_meta(plan)
    out: list[Conflict] = []
    for key, value in ours.items():
        if key == "saved_by" or snapshot.meta.get(key) == value:
            continue
        before = snapshot.meta.get(key)
        force = resolve.get((META_TABLE, _key_id(key))) == "ours"
        if resolve.get((META_TABLE, _key_id(key))) == "theirs":
            continue
        if before is None or force:
            cur.execute(f'INSERT INTO "{schema}"."{META_TABLE}" VALUES (%s, %s) ON CONFLICT '
                        "(key) DO UPDATE SET value = EXCLUDED.value", (key, value))
            continue
        cur.execute(f'UPDATE "{schema}"."{META_TABLE}" SET value = %s WHERE key = %s AND '
                    "value IS NOT DISTINCT FROM %s", (value, key, before))
        if cur.rowcount == 0:
            cur.execute(f'SELECT value FROM "{schema}"."{META_TABLE}" WHERE key = %s', (key,))
            row = cur.fetchone()
            out.append(Conflict(META_TABLE, _key_id(key), "changed", {key: value},
                                {key: row[0] if row else None}))
    return out


def _key_id(key: str) -> int:
    """A stable small number for a metadata key, so keys resolve like features."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16)


def conflicts_as_json(conflicts: Iterable[Conflict]) -> list[dict[str, Any]]:
    """Conflicts as plain data (for --json and the window's conflict table)."""
    return [{"layer": c.layer, "fid": c.fid, "kind": c.kind, "ours": c.ours,
             "theirs": c.theirs} for c in conflicts]

"""Damage in a plan file, found before it can be lost, and the faithful read.

A plan edited outside gridplanner (QGIS, a script, a half-copied file) can
hold things the model would quietly paper over when the file is read: a
missing column filled with defaults, text in a number column read as 0, a
table without its fid key (so rows share fids), a stale feature count that
hides rows from GDAL, a shape that cannot be read. Saving such a plan would
make the loss permanent. So :func:`read_facts` looks at the file itself with
SQLite (read-only), :func:`read_layer` reads each layer faithfully (every
row, unreadable values as empty, not as 0), and :func:`find_damage` lists
every problem as a :class:`~gridplanner.analysis.findings.Finding` naming the
table and the rows, together with the referential checks of
:mod:`gridplanner.analysis.integrity`.

Errors of :data:`LOSSY_KINDS` are damage that reading alone would hide or
alter; :func:`~gridplanner.io.plan_file.project.load_plan` refuses a plan
with them (:class:`PlanDamageError`) unless the caller asks to open it
anyway. Rows pointing at nothing are errors that are read and saved as they
are: reported, never silently removed. Warnings are put right by the next
save.

File-level kinds (``features = {table: [fid, ...]}``; ``params`` carry
``table``, ``column``, ``rows`` and ``repair``):

======================  ========  ===============================================
kind                    severity  what
======================  ========  ===============================================
missing_column          error     a column every gridplanner plan has is gone
bad_value               error     a number or id column holds text (or a fraction)
duplicate_fid           error     rows share one fid (the table lost its fid key)
broken_geometry         error     a shape cannot be read as it is stored
hidden_rows             warning   the feature count is stale: other programs see
                                  fewer rows than the table holds
no_fid_key              warning   the table has no fid key (rewritten on save)
wrong_column_type       warning   a column is declared with another type
======================  ========  ===============================================
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.analysis.integrity import check_codes, check_references, list_rows
from gridplanner.errors import ProjectFileError
from gridplanner.io.plan_file.geometry_types import POINT_LAYERS
from gridplanner.model.plan import Plan
from gridplanner.model.schema import LAYER_SPECS

#: The columns every plan file written by gridplanner holds (schema 1); a
#: column added later is optional, and older files without it are not damaged.
ALWAYS_WRITTEN: dict[str, tuple[str, ...]] = {
    "boundaries": ("level", "name", "code", "parent"),
    "buildings": ("name", "households", "residents", "floors", "households_estimated"),
    "cells": ("code", "name", "kind", "community", "responsible_unit", "notes"),
    "centres": ("name", "kind", "services", "capacity", "hours", "notes"),
    "network": ("highway", "name"),
    "workers": ("name", "phone", "role", "community", "notes"),
    "branches": ("name", "secretary", "full_members", "kind", "notes"),
    "assignments": ("cell_fid", "target", "target_fid"),
}
_NUMERIC = {"Int64": ("INTEGER", "INT", "BIGINT", "MEDIUMINT", "SMALLINT", "TINYINT"),
            "float64": ("REAL", "DOUBLE", "FLOAT", "INTEGER", "NUMERIC")}


#: Damage that reading alone would hide or alter: a plan with it is refused on
#: open (unless opened anyway), so that no save makes the loss permanent.
#: Rows pointing at nothing are errors too, but they are read and saved as
#: they are (nothing is lost), so they are reported (validate, the window's
#: question on open) without stopping a command.
LOSSY_KINDS = frozenset({"missing_column", "bad_value", "duplicate_fid", "broken_geometry"})


class PlanDamageError(ProjectFileError):
    """The plan file is damaged; ``findings`` list the damage by table and row."""

    def __init__(self, path: str | os.PathLike[str], findings: list[Finding]):
        self.path = Path(path)
        self.findings = list(findings)
        errors = [f for f in self.findings if is_lossy(f)]
        first = errors[0].message if errors else ""
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(
            f"{self.path}: the plan file is damaged: {first}{more}; nothing was changed. "
            f"`gridplanner validate {self.path}` lists the damage and `gridplanner repair "
            f"{self.path}` repairs it (add --dry-run to see what it would do)")


@dataclass
class TableFacts:
    """What SQLite says about one table of the file (read before GDAL reads it)."""

    name: str
    columns: dict[str, str]  # column -> declared type (upper case)
    key: str | None  # the INTEGER PRIMARY KEY column (the fid), if any
    rows: int
    cached_rows: int | None  # gpkg_ogr_contents.feature_count
    bad_values: dict[str, dict[int, object]] = field(default_factory=dict)  # col -> {fid: raw}
    duplicate_fids: dict[int, list[int]] = field(default_factory=dict)  # fid -> row numbers
    new_fids: dict[int, list[int]] = field(default_factory=dict)  # shared fid -> fids given
    broken_geometry: dict[int, str] = field(default_factory=dict)  # fid -> reason (read_layer)

    @property
    def faithful_read_needed(self) -> bool:
        """GDAL's own read would lose rows or fids: read through SQL instead."""
        return self.key is None or (self.cached_rows is not None and self.cached_rows != self.rows)


def read_facts(path: str | os.PathLike[str]) -> dict[str, TableFacts]:
    """The facts of every plan table in the file at ``path`` (read-only)."""
    p = Path(path)
    try:
        con = sqlite3.connect(f"file:{p.resolve().as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{p}: cannot be read ({exc})") from exc
    try:
        tables = {str(r[0]) for r in con.execute("SELECT table_name FROM gpkg_contents")}
        cached = _cached_counts(con)
        names = [*LAYER_SPECS, *POINT_LAYERS.values()]
        return {name: _table_facts(con, name, cached.get(name))
                for name in names if name in tables}
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{p}: the plan file cannot be checked ({exc})") from exc
    finally:
        con.close()


def _cached_counts(con: sqlite3.Connection) -> dict[str, int | None]:
    try:
        rows = con.execute("SELECT table_name, feature_count FROM gpkg_ogr_contents").fetchall()
    except sqlite3.OperationalError:  # not every GeoPackage keeps counts
        return {}
    return {str(name): (int(n) if n is not None else None) for name, n in rows}


def model_table(file_layer: str) -> str:
    """The plan table a file layer belongs to (``building_points`` -> ``buildings``)."""
    return next((t for t, points in POINT_LAYERS.items() if points == file_layer), file_layer)


def _table_facts(con: sqlite3.Connection, name: str, cached: int | None) -> TableFacts:
    info = con.execute(f'PRAGMA table_info("{name}")').fetchall()
    columns = {str(r[1]): str(r[2] or "").upper() for r in info}
    keys = [str(r[1]) for r in info if r[5] == 1 and str(r[2] or "").upper() == "INTEGER"]
    key = keys[0] if len([r for r in info if r[5]]) == 1 and keys else None
    rows = int(con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
    facts = TableFacts(name, columns, key, rows, cached)
    ident = f'"{key}"' if key else "rowid"
    if key is None and "fid" in columns:
        facts.duplicate_fids = _duplicate_fids(con, name)
    for col in LAYER_SPECS[model_table(name)].columns:
        if col.name in columns and col.dtype in _NUMERIC:
            bad = _bad_numbers(con, name, ident, col.name, whole=col.dtype == "Int64")
            if bad:
                facts.bad_values[col.name] = bad
    return facts


def _duplicate_fids(con: sqlite3.Connection, name: str) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for fid, rowid in con.execute(
            f'SELECT fid, rowid FROM "{name}" WHERE fid IN (SELECT fid FROM "{name}" '
            'GROUP BY fid HAVING COUNT(*) > 1) ORDER BY rowid'):
        if isinstance(fid, int):
            out.setdefault(fid, []).append(int(rowid))
    return out


def _bad_numbers(con: sqlite3.Connection, name: str, ident: str, column: str,
                 whole: bool) -> dict[int, object]:
    """Rows whose value in ``column`` cannot be read as a number (a whole one for ids)."""
    cond = "typeof(c) IN ('text', 'blob')"
    if whole:
        cond += " OR (typeof(c) = 'real' AND c != CAST(c AS INTEGER))"
    out: dict[int, object] = {}
    query = f'SELECT {ident}, "{column}" AS c FROM "{name}" WHERE {cond}'
    for row, value in con.execute(query):
        if not _reads_as_number(value, whole):
            out[int(row)] = value
    return out


def _reads_as_number(value: object, whole: bool) -> bool:
    if isinstance(value, bytes):
        return False
    try:
        number = float(str(value).strip())
    except ValueError:
        return False
    return bool(np.isfinite(number)) and (not whole or number == int(number))


# -- what is damaged ------------------------------------------------------------
def file_damage(facts: dict[str, TableFacts]) -> list[Finding]:
    """The file-level damage in ``facts`` (kinds in the module docstring)."""
    out: list[Finding] = []
    for name, t in facts.items():
        out.extend(_column_damage(t))
        out.extend(_fid_damage(t))
        for fid, reason in t.broken_geometry.items():
            out.append(_finding("broken_geometry", ERROR, name, [fid],
                                f"{name} row {fid}: its shape cannot be read as stored "
                                f"({reason})", "the shape is read as well as it can be "
                                "(an open ring is closed); check it on the map",
                                reason=reason))
        if t.cached_rows is not None and t.cached_rows != t.rows:
            out.append(_finding(
                "hidden_rows", WARNING, name, [], f"{name}: the file says it holds "
                f"{t.cached_rows} rows but it holds {t.rows}; other programs may show only "
                f"{min(t.cached_rows, t.rows)}", "the count is written afresh on save",
                count=t.rows, stated=t.cached_rows))
    return out


def _finding(kind: str, severity: str, table: str, rows: Iterable[int], message: str,
             repair: str, column: str = "", **params: object) -> Finding:
    fids = [int(r) for r in rows]
    return Finding(kind, severity, message, features={table: fids} if fids else {},
                   params={"table": table, "column": column, "rows": list_rows(fids),
                           "repair": repair, **params})


def _column_damage(t: TableFacts) -> list[Finding]:
    out = []
    for column in ALWAYS_WRITTEN.get(t.name, ()):
        if column not in t.columns and t.rows:
            out.append(_finding(
                "missing_column", ERROR, t.name, [], f"{t.name}: column {column} is missing, "
                f"so its {t.rows} row(s) have lost their {column}", _missing_repair(t.name,
                column), column=column, count=t.rows))
    specs = {c.name: c for c in LAYER_SPECS[model_table(t.name)].columns}
    for column, values in t.bad_values.items():
        fids = sorted(values)
        sample = values[fids[0]]
        shown = sample.hex() if isinstance(sample, bytes) else str(sample)
        what = "a whole number" if specs[column].dtype == "Int64" else "a number"
        out.append(_finding(
            "bad_value", ERROR, t.name, fids, f"{t.name} row(s) {list_rows(fids)}: {column} "
            f"holds {shown!r}, not {what}", _bad_value_repair(t.name, column),
            column=column, value=shown, count=len(fids)))
    for column, declared in t.columns.items():
        spec = specs.get(column)
        if spec is not None and spec.dtype in _NUMERIC and declared \
                and not declared.startswith(_NUMERIC[spec.dtype]):
            out.append(_finding("wrong_column_type", WARNING, t.name, [],
                                f"{t.name}: column {column} is declared {declared}",
                                "the column is written with its own type on save",
                                column=column, value=declared))
    return out


def _missing_repair(table: str, column: str) -> str:
    if table == "assignments":
        return "rows that no longer say which cell, worker or branch they name are removed"
    return f"the column is added back, empty ({column} must be filled in again)"


def _bad_value_repair(table: str, column: str) -> str:
    if table == "assignments":
        return "rows whose reference cannot be read are removed"
    return f"the value is cleared ({column} must be filled in again)"


def _fid_damage(t: TableFacts) -> list[Finding]:
    out = []
    if t.key is None:
        out.append(_finding("no_fid_key", WARNING, t.name, [], f"{t.name}: the table has no "
                            "fid key", "the table is written with its fid key on save"))
    table = model_table(t.name)
    for fid, rows in t.duplicate_fids.items():
        where = f"file rows {list_rows(rows)}" if t.key is None else \
            f"one in {table}, one in {t.name}"
        given = t.new_fids.get(fid, [])
        new = f"new fids {list_rows(given)}" if given else "new fids"
        out.append(_finding(
            "duplicate_fid", ERROR, table, [fid], f"{table}: fid {fid} is used by "
            f"{len(rows)} rows ({where})", f"the first row keeps fid {fid}, the others get "
            f"{new}; what points at fid {fid} stays on the first",
            value=str(fid), count=len(rows), new_fids=list_rows(given)))
    return out


def find_damage(plan: Plan, facts: dict[str, TableFacts]) -> list[Finding]:
    """File damage plus the referential damage of the plan read from that file.

    A row the file damage already names (an unreadable ``target_fid``, say)
    is not reported again as pointing at nothing.
    """
    damage = file_damage(facts)
    named: set[tuple[str, int]] = {(t, r) for f in damage for t, rs in f.features.items()
                                   for r in rs}
    dropped = {f.params.get("table") for f in damage if f.kind == "missing_column"}
    for f in check_references(plan):
        rows = [(t, r) for t, rs in f.features.items() for r in rs]
        if f.params.get("table") in dropped or all(key in named for key in rows):
            continue
        damage.append(f)
    return damage + check_codes(plan)


def is_lossy(finding: Finding) -> bool:
    """Damage the model cannot hold as stored, so that a save would make it permanent."""
    return finding.severity == ERROR and finding.kind in LOSSY_KINDS


def has_damage(findings: Iterable[Finding]) -> bool:
    """True when a finding is lossy damage (the plan is refused unless opened anyway)."""
    return any(is_lossy(f) for f in findings)

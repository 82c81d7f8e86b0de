"""Plan files damaged in code, the way editing a GeoPackage outside gridplanner does.

``saved_roster_plan`` writes ``factories_roster.roster_plan`` (12 cells, 24
workers, 12 branches, 36 assignments: rows 1-3 are cell 1's leader, worker
and branch) to a GeoPackage; ``damage`` runs SQL on it with Python's sqlite3,
with stand-ins for the SpatiaLite functions GDAL's R-tree triggers call, so
spatial tables can be edited too; ``rebuild_without_key`` recreates a table
without its fid key, as a careless "CREATE TABLE AS SELECT" does.
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from pathlib import Path

from factories_roster import roster_plan

from gridplanner.io.plan_file.project import save_plan


def saved_roster_plan(folder: Path, name: str = "plan.gpkg") -> Path:
    path = folder / name
    save_plan(roster_plan(), path)
    return path


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path)
    con.create_function("ST_IsEmpty", 1, lambda g: 0 if g else 1)
    for fn in ("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        con.create_function(fn, 1, lambda g: 0.0)
    return con


def damage(path: Path, *statements: str, params: tuple = ()) -> None:
    """Run SQL statements on the plan file (the last one with ``params``)."""
    con = _connect(path)
    try:
        for i, sql in enumerate(statements):
            con.execute(sql, params if i == len(statements) - 1 else ())
        con.commit()
    finally:
        con.close()


def rebuild_without_key(path: Path, table: str, extra_sql: str = "") -> None:
    """Recreate ``table`` with a plain (non-key) fid column, then run ``extra_sql``."""
    con = _connect(path)
    try:
        for (trigger,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                      "AND tbl_name = ?", (table,)).fetchall():
            con.execute(f'DROP TRIGGER "{trigger}"')
        con.execute(f'ALTER TABLE "{table}" RENAME TO "{table}_old"')
        con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM "{table}_old"')
        con.execute(f'DROP TABLE "{table}_old"')
        if extra_sql:
            con.execute(extra_sql)
        con.commit()
    finally:
        con.close()


def open_ring_blob(path: Path, table: str, points: list[tuple[float, float]]) -> bytes:
    """A GeoPackage geometry blob of a polygon whose ring is not closed."""
    con = sqlite3.connect(path)
    try:
        srs = con.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                          (table,)).fetchone()[0]
    finally:
        con.close()
    wkb = struct.pack("<BII", 1, 3, 1) + struct.pack("<I", len(points)) + b"".join(
        struct.pack("<dd", x, y) for x, y in points)
    return b"GP" + bytes([0, 0b00000001]) + struct.pack("<i", srs) + wkb


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

"""A seeded mutator over valid import files.

``mutate(seed_path, out_dir, case_seed)`` writes one damaged or hostile
variant of a seed file and says what it did; the same seed always gives the
same file, so a failing case is reproduced from its number. Mutations reach
inside containers: a zip, .kmz or .xlsx has one member changed and is
zipped again (or its raw bytes are damaged), a GeoPackage gets hostile
values written through SQLite (or its bytes flipped).
"""

from __future__ import annotations

import random
import re
import sqlite3
import zipfile
from pathlib import Path

#: Text a hostile user or a broken export puts in a field.
HOSTILE_TEXT = [
    '=HYPERLINK("http://example.invalid","点我")', "\t=1+1", "\r@SUM(A1)", "+86", "-2+3",
    "\u2028", "\u2029", "\x85", "\x00", "\ufeff", "NaN", "Infinity", "-Infinity", "1e400",
    "-1e308", "99999999999999999999", "", " ", "'", '"', "\\", "<>&", "]]>", "%s%n%x",
    "é" * 300, "网格" * 2000, "\ud7ff\ue000", "0x41", "None", "null", "[1,2]", "{}",
]
HOSTILE_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e400", "-1e308", "0", "-0", "1e-320",
                   "99999999999999999999999", "", "abc", "1,5", "١٢٣"]
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_ZIPPED = (".zip", ".kmz", ".xlsx")


def mutate(seed: Path, out_dir: Path, case_seed: int) -> tuple[Path, str]:
    """Write a mutated copy of ``seed`` into ``out_dir``; returns it and a description."""
    rng = random.Random(case_seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / seed.name
    suffix = seed.suffix.lower()
    if suffix in _ZIPPED and rng.random() < 0.75:
        what = _mutate_member(seed, target, rng)
    elif suffix == ".gpkg" and rng.random() < 0.6:
        target.write_bytes(seed.read_bytes())
        what = _mutate_gpkg(target, rng)
    else:
        data, what = mutate_bytes(seed.read_bytes(), rng)
        target.write_bytes(data)
    return target, f"{seed.name}: {what}"


def mutate_bytes(data: bytes, rng: random.Random, rounds: int | None = None) -> tuple[bytes, str]:
    """One to three byte-level or token-level mutations of ``data``."""
    done = []
    for _ in range(rounds or rng.randint(1, 3)):
        op = rng.choice(_OPS)
        data, what = op(data, rng)
        done.append(what)
    return data, "; ".join(done)


def _flip(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    if not data:
        return data, "flip (empty)"
    buf = bytearray(data)
    n = rng.randint(1, 8)
    for _ in range(n):
        i = rng.randrange(len(buf))
        buf[i] ^= 1 << rng.randrange(8)
    return bytes(buf), f"flip {n} bits"


def _truncate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    at = rng.randrange(len(data) + 1)
    return data[:at], f"truncate at {at}"


def _delete(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    if len(data) < 2:
        return data, "delete (short)"
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 64))
    return data[:a] + data[b:], f"delete {a}:{b}"


def _duplicate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    if not data:
        return data, "duplicate (empty)"
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, 256))
    times = rng.choice([1, 2, 10, 100])
    return data[:b] + data[a:b] * times + data[b:], f"duplicate {a}:{b} x{times}"


def _insert_text(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    text = rng.choice(HOSTILE_TEXT)
    at = rng.randrange(len(data) + 1)
    return data[:at] + text.encode("utf-8", "surrogatepass") + data[at:], f"insert {text[:20]!r} at {at}"


def _replace_number(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    found = list(_NUMBER.finditer(data))
    if not found:
        return _insert_text(data, rng)
    m = rng.choice(found)
    new = rng.choice(HOSTILE_NUMBERS)
    return data[:m.start()] + new.encode() + data[m.end():], f"number {m.group()!r} -> {new!r}"


def _replace_quoted(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    found = list(re.finditer(rb'"([^"\\\n]{1,40})"|>([^<]{1,40})<|,([^,\n]{1,40})', data))
    if not found:
        return _insert_text(data, rng)
    m = rng.choice(found)
    group = next(g for g in range(1, 4) if m.group(g) is not None)
    text = rng.choice(HOSTILE_TEXT).replace('"', '\\"')
    new = text.encode("utf-8", "surrogatepass")
    return data[:m.start(group)] + new + data[m.end(group):], f"text -> {text[:20]!r}"


_OPS = [_flip, _truncate, _delete, _duplicate, _insert_text, _replace_number, _replace_quoted,
        _replace_number, _replace_quoted]


def _mutate_member(seed: Path, target: Path, rng: random.Random) -> str:
    with zipfile.ZipFile(seed) as zf:
        members = [(i, zf.read(i)) for i in zf.infolist()]
    index = rng.randrange(len(members))
    info, data = members[index]
    changed, what = mutate_bytes(data, rng)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (member, content) in enumerate(members):
            zf.writestr(member.filename, changed if i == index else content)
    return f"member {info.filename}: {what}"


def _mutate_gpkg(path: Path, rng: random.Random) -> str:
    with sqlite3.connect(path) as con:
        for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
            con.create_function(name, 1, lambda _g: 0)  # the R-tree triggers call these
        tables = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
        table = rng.choice(tables)
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        col = rng.choice([c for c in cols if c != "fid"] or cols)
        rowid = rng.choice([r[0] for r in con.execute(f'SELECT rowid FROM "{table}"')] or [1])
        choice = rng.random()
        if col in ("geom", "geometry") and choice < 0.6:
            blob = con.execute(f'SELECT "{col}" FROM "{table}" WHERE rowid=?', (rowid,)).fetchone()
            data, what = mutate_bytes(bytes(blob[0] or b""), rng, rounds=1)
            value: object = data
        elif choice < 0.8:
            value = rng.choice(HOSTILE_TEXT)
            what = f"text {str(value)[:20]!r}"
        else:
            value = rng.choice([float("nan"), float("inf"), 10 ** 18, -1, None])
            what = f"value {value!r}"
        con.execute(f'UPDATE "{table}" SET "{col}" = ? WHERE rowid = ?', (value, rowid))
    return f"sqlite {table}.{col} row {rowid}: {what}"

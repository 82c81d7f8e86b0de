"""What the integrity check costs when a plan is opened, and what validate costs on damage.

Run with ``pytest tests/bench/test_bench_integrity.py --bench -s``. Prints
the figures; never fails on timing. Target: the check (SQLite facts and the
referential checks) adds under 10 % to opening a district plan (1,000 cells,
8,000 buildings, 3,000 assignments); peer: the same layers read by GDAL
alone, with no check (and no guarantee that every row came back).
"""

from __future__ import annotations

import time

import pyogrio
import pytest
from factories import district_plan

from gridplanner.io.plan_file import integrity
from gridplanner.io.plan_file.project import load_plan_checked, save_plan

pytestmark = pytest.mark.bench
TARGET_SHARE = 0.10


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_bench_integrity_on_open(tmp_path):
    path = tmp_path / "district.gpkg"
    save_plan(district_plan(), path)
    plan, damage = load_plan_checked(path)
    assert damage == []
    facts_s = _best(lambda: integrity.read_facts(path))
    refs_s = _best(lambda: integrity.find_damage(plan, integrity.read_facts(path))) - facts_s
    open_s = _best(lambda: load_plan_checked(path))
    names = [str(n) for n in pyogrio.list_layers(path)[:, 0]]
    gdal_s = _best(lambda: [pyogrio.read_dataframe(path, layer=n) for n in names])
    share = (facts_s + max(refs_s, 0.0)) / open_s
    print(f"\nintegrity on open, district plan (1,000 cells, 8,000 buildings, "
          f"{len(plan.assignments):,} assignments):")
    print(f"  SQLite facts {facts_s * 1000:.0f} ms, referential checks "
          f"{max(refs_s, 0) * 1000:.0f} ms; whole open {open_s:.2f} s "
          f"(check {share:.0%} of it, target < {TARGET_SHARE:.0%})")
    print(f"  peer: GDAL reading the same layers, no check: {gdal_s:.2f} s")


def test_bench_validate_on_damaged_plan(tmp_path):
    import sqlite3

    from gridplanner.analysis.integrity import validate_plan

    path = tmp_path / "district.gpkg"
    save_plan(district_plan(), path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE assignments SET target_fid = target_fid + 100000 "
                    "WHERE fid % 10 = 0")
    plan, damage = load_plan_checked(path)
    start = time.perf_counter()
    findings = validate_plan(plan, damage)
    took = time.perf_counter() - start
    dangling = sum(1 for f in findings if f.kind == "dangling_reference")
    print(f"\nvalidate with {dangling:,} dangling assignments: {took:.2f} s "
          f"({len(findings):,} findings)")

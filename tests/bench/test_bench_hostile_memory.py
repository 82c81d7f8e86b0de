"""Benchmark: peak memory of the hostile imports of issue 14, each in its own
child process (run with --bench).

Every case runs ``gridplanner import`` as a child; ``os.wait4`` gives that
child's own peak resident memory. Printed beside the target (refused within
the memory of an ordinary small import) and the peer figure the campaign
measured before the input limits (5.8 GB for the workbook, 17.5 GB and a
kill for the polygon, 8.5 GB for the CSV). The child runs under an
address-space limit so a regression cannot take the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import street_grid_plan
from hostile_files import (
    communities_geojson,
    many_holes_geojson,
    sparse_csv,
    xlsx_far_cell,
    xlsx_lying_dimension,
)

from gridplanner.io.plan_file.project import save_plan

pytestmark = pytest.mark.bench

ADDRESS_LIMIT = 8 * 1024 ** 3
#: A refused hostile import may take this much more than a small valid one.
HEADROOM_MB = 150
#: Before the limits: what the campaign measured (MB), or None where it was not measured.
BEFORE_MB = {"xlsx XFD1048576": 5_800, "polygon, 20,000 holes": 17_500, "2 GB CSV": 8_500}


def peak_of_child(argv: list[str]) -> tuple[int, float, float, str]:
    """Exit code, peak resident MB, seconds and stderr of one child process."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))

    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "gridplanner", *argv], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=limit)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss / 1024, time.perf_counter() - started, err.strip()


def test_bench_hostile_import_memory(tmp_path):
    plan = save_plan(street_grid_plan(), tmp_path / "plan.gpkg")
    cases = [
        ("valid communities (baseline)", "boundaries", communities_geojson(tmp_path / "ok.geojson")),
        ("xlsx XFD1048576", "workers", xlsx_far_cell(tmp_path / "far.xlsx")),
        ("xlsx XFD1048576", "branches", xlsx_far_cell(tmp_path / "far_b.xlsx", ("支部名称",))),
        ("xlsx XFD1048576", "centres", xlsx_far_cell(tmp_path / "far_c.xlsx", ("名称", "lon"))),
        ("xlsx, dimension lies (row 1,000,000)", "workers",
         xlsx_lying_dimension(tmp_path / "lie.xlsx", row=1_000_000)),
        ("polygon, 20,000 holes", "boundaries", many_holes_geojson(tmp_path / "holes.geojson")),
        ("2 GB CSV", "workers", sparse_csv(tmp_path / "huge.csv")),
    ]
    rows = []
    for name, kind, path in cases:
        code, peak, seconds, err = peak_of_child(["import", str(plan), kind, str(path),
                                                  "--dry-run"])
        rows.append((name, kind, path, code, peak, seconds, err))
    baseline = rows[0][4]
    print(f"\npeak memory of one import in a child process (target: refused, within "
          f"{baseline:.0f} MB + {HEADROOM_MB} MB, the memory of a small valid import):")
    print(f"  {'case':38} {'kind':10} {'size':>10} {'exit':>4} {'peak MB':>8} {'s':>6} "
          f"{'before MB':>10}")
    for name, kind, path, code, peak, seconds, _err in rows:
        size = Path(path).stat().st_size
        before = BEFORE_MB.get(name)
        print(f"  {name:38} {kind:10} {size / 1024:>8,.0f}KB {code:>4} {peak:>8.0f} "
              f"{seconds:>6.1f} {before if before else '':>10}")
    for name, _kind, _path, code, peak, _s, err in rows[1:]:
        print(f"  {name}: {err[:160]}")
        assert code == 1 and "internal error" not in err
        assert peak < baseline + HEADROOM_MB, f"{name}: {peak:.0f} MB"

"""Benchmarks of the grid-cell core (run with --bench; they print, never fail on time).

- balanced partition of one community of 3,000 buildings (target < 10 s);
- validation of 1,000 cells over 8,000 buildings (target < 1 s);
- live tally of one dragged cell (what the map tool pays per mouse move).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
import shapely
from factories import district_plan

from gridplanner.analysis.grids.partition import generate_cells, replace_cells
from gridplanner.analysis.grids.tallies import BuildingIndex
from gridplanner.analysis.grids.validation import validate_cells

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from grid_cases import large_community_plan  # noqa: E402

pytestmark = pytest.mark.bench



def test_bench_balanced_partition_3000_buildings():
    plan = large_community_plan(3000)
    start, cpu = time.perf_counter(), time.process_time()
    result = generate_cells(plan, seed=0)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    m = result.metrics
    print(f"\nbalanced partition, 3,000 buildings, {plan.totals()['households']:.0f} households: "
          f"{seconds:.2f} s ({cpu:.2f} s CPU), {m['cells']} cells, "
          f"std/mean {m['balance_cv']:.3f}, "
          f"{m['share_within'] * 100:.1f}% in range, Polsby-Popper {m['polsby_popper_mean']:.2f}")
    replace_cells(plan, result.cells)
    bad = [f for f in validate_cells(plan) if f.severity == "error"]
    print(f"  errors after validation: {len(bad)}")


def test_bench_validate_1000_cells():
    plan = district_plan(staffed=False)
    validate_cells(plan)  # warm up
    runs, cpus = [], []
    for _ in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        findings = validate_cells(plan)
        runs.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    print(f"\nvalidation of {len(plan.cells)} cells, {len(plan.buildings)} buildings: "
          f"best {min(runs):.3f} s ({min(cpus):.3f} s CPU, {len(findings)} findings)")


def test_bench_live_tally_of_a_dragged_cell():
    plan = district_plan(staffed=False)
    start = time.perf_counter()
    index = BuildingIndex.from_plan(plan)
    build = time.perf_counter() - start
    fid = plan.cells.fids()[500]
    geom = plan.cells.geometry(fid)
    start = time.perf_counter()
    for k in range(200):
        index.tally({fid: shapely.buffer(geom, k % 20, join_style="mitre")})
    per = (time.perf_counter() - start) / 200
    print(f"\nlive tally: index of {len(plan.buildings)} buildings built in {build * 1000:.1f} ms, "
          f"one dragged cell {per * 1000:.2f} ms per update")

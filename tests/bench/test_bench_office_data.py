"""Benchmarks of importing an office's data at district scale (run with --bench; they
print, never fail on time).

- fitting 1,000 hand-digitised grids (10 communities × 100, sides moved by up to
  0.4 m): target < 10 s;
- joining a 100,000-row building ledger to 100,000 buildings: target < 10 s, beside a
  bare pandas merge on the key (the peer: what an analyst does by hand, with no
  duplicate/unmatched/ambiguous checks and no plan update).
"""

from __future__ import annotations

import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from gridplanner.analysis.grids.fitting import fit_cells
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model.plan import Plan

pytestmark = pytest.mark.bench


def _district_cells(per_side: int = 10, communities: int = 10, size: float = 200.0,
                    jitter: float = 0.4):
    rng = np.random.default_rng(1)
    cells, names, areas = [], [], {}
    for c in range(communities):
        x0 = c * per_side * size
        areas[f"社区{c}"] = shapely.box(x0, 0, x0 + per_side * size, per_side * size)
        for i in range(per_side):
            for j in range(per_side):
                d = rng.uniform(-jitter, jitter, 4)
                cells.append(shapely.box(x0 + i * size + d[0], j * size + d[1],
                                         x0 + (i + 1) * size + d[2], (j + 1) * size + d[3]))
                names.append(f"社区{c}")
    return cells, names, areas


def test_bench_fit_1000_cells():
    cells, names, areas = _district_cells()
    start, cpu = time.perf_counter(), time.process_time()
    fit = fit_cells(cells, names, areas, tolerance=1.0)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    union = shapely.union_all(fit.geometries)
    left = shapely.area(shapely.difference(shapely.union_all(list(areas.values())), union))
    print(f"\nfit 1,000 hand-digitised grids: {seconds:.2f} s ({cpu:.2f} s CPU), target < 10 s; "
          f"{fit.slivers + fit.gaps_closed + fit.trimmed} slivers/gaps closed, "
          f"{fit.sliver_m2 + fit.gap_closed_m2 + fit.trimmed_m2:,.0f} m²; "
          f"{len(fit.overlaps)} overlaps and {len(fit.gaps)} gaps left; uncovered {left:.3f} m²")


def test_bench_join_100k_ledger(tmp_path):
    n = 100_000
    side = int(np.ceil(np.sqrt(n)))
    xs, ys = np.meshgrid(np.arange(side) * 30.0, np.arange(side) * 30.0)
    x, y = xs.ravel()[:n] + 500_000, ys.ravel()[:n] + 4_420_000
    plan = Plan(crs="EPSG:4548")
    keys = [f"幸福路{i}号" for i in range(n)]
    plan.buildings.add(gpd.GeoDataFrame(
        {"name": keys, "households": 1.0},
        geometry=shapely.box(x, y, x + 15, y + 10), crs="EPSG:4548"))
    rng = np.random.default_rng(2)
    table = pd.DataFrame({"楼栋": keys, "户数": rng.integers(5, 80, n),
                          "人口": rng.integers(10, 200, n), "独居老人": rng.integers(0, 4, n)})
    path = tmp_path / "ledger.csv"
    table.to_csv(path, index=False)
    start = time.perf_counter()
    report = import_file(plan, "building-data", path, ImportOptions(
        extra={"key_field": "楼栋", "building_field": "name"}))
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    merged = plan.buildings.frame[["name"]].merge(pd.read_csv(path), left_on="name",
                                                  right_on="楼栋", how="left")
    peer = time.perf_counter() - start
    print(f"\njoin a {n:,}-row ledger to {n:,} buildings: {seconds:.2f} s, target < 10 s "
          f"(peer: bare pandas read+merge {peer:.2f} s, {len(merged):,} rows, no checks); "
          f"{report.counts['matched']:,} matched")


def test_bench_fit_100_overlapping_communities():
    from gridplanner.analysis.grids.boundary_overlaps import fit_boundaries

    size, n = 1000.0, 10
    boxes = [shapely.box(i * size - 3, j * size, (i + 1) * size, (j + 1) * size + 2)
             for i in range(n) for j in range(n)]
    rng = np.random.default_rng(3)
    x, y = rng.uniform(0, n * size, 100_000), rng.uniform(0, n * size, 100_000)
    buildings = shapely.box(x, y, x + 12, y + 10)
    start = time.perf_counter()
    fit = fit_boundaries(boxes, buildings, tolerance=1.0)
    seconds = time.perf_counter() - start
    print(f"\nsettle overlaps of 100 communities over 100,000 buildings: {seconds:.2f} s, "
          f"target < 10 s; {len(fit.overlaps)} overlaps settled, {fit.gaps_closed} gaps closed")

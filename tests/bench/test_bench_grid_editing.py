"""Benchmark: what the grid tools compute per user action on a district-sized plan.

1,000 cells and 100,000 buildings: the full tallies table (after every edit),
the preview tallies while a shared vertex is dragged (per mouse move), and a
snap query. Prints figures; never fails on timing.
"""

from __future__ import annotations

import time

import geopandas as gpd
import numpy as np
import shapely

from gridplanner.analysis.grids.editing import move_vertex, snap_point
from gridplanner.analysis.grids.tallies import BuildingIndex
from gridplanner.model import Plan
from gridplanner.qt.grids.tallies_dock import tally_table

CRS = "EPSG:32650"


def _district(n_side: int = 32, buildings: int = 100_000, cell: float = 100.0) -> Plan:
    rng = np.random.default_rng(0)
    plan = Plan(name="bench", crs=CRS)
    boxes = [shapely.box(i * cell, j * cell, (i + 1) * cell, (j + 1) * cell)
             for i in range(n_side) for j in range(n_side)]
    plan.cells.add(gpd.GeoDataFrame({"community": ["c"] * len(boxes)}, geometry=boxes, crs=CRS))
    xy = rng.uniform(0, n_side * cell, size=(buildings, 2))
    foot = shapely.box(xy[:, 0] - 3, xy[:, 1] - 2, xy[:, 0] + 3, xy[:, 1] + 2)
    plan.buildings.add(gpd.GeoDataFrame({"households": rng.integers(5, 40, buildings)},
                                        geometry=foot, crs=CRS))
    return plan


def _ms(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def test_bench_grid_editing():
    plan = _district()
    t = time.perf_counter()
    index = BuildingIndex.from_plan(plan)
    build_ms = (time.perf_counter() - t) * 1000
    full_ms = _ms(lambda: tally_table(plan, index), 3)
    cells = {f: plan.cells.geometry(f) for f in plan.cells.fids()}
    near = {f: g for f, g in cells.items() if g.distance(shapely.Point(1600, 1600)) < 1e-6}
    preview = move_vertex(near, (1600, 1600), (1630, 1610), 0.01, check=False)
    drag_ms = _ms(lambda: (move_vertex(near, (1600, 1600), (1630, 1610), 0.01, check=False),
                           tally_table(plan, index, preview)))
    geoms = list(cells.values())[:20]
    snap_ms = _ms(lambda: snap_point((1603.0, 1598.0), geoms, 10.0))
    print(f"\n1,000 cells / 100,000 buildings: index {build_ms:.0f} ms, full tallies "
          f"{full_ms:.0f} ms, vertex drag step ({len(near)} cells) {drag_ms:.1f} ms, "
          f"snap {snap_ms:.2f} ms")
    assert len(preview) == 4

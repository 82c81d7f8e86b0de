"""Benchmarks of the balanced partition (issue 10; issue 15's partition part).

Run with ``--bench`` (one at a time, e.g. ``nice pytest tests/bench/test_bench_partition.py
--bench -s``). Each prints, for the demo, Helsinki and generated communities of
3,000 / 12,000 / 20,000 buildings: cells, in-range share, std/mean, Polsby-Popper
mean and minimum, street share, holed and multi-part cells and CPU seconds, beside
the targets and the figures before this work; and, when spopt is installed (the
``bench`` extra), the same measures for spopt's RegionKMeansHeuristic on the same
buildings. They never fail on timing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pytest
import shapely

from gridplanner.analysis.grids.editing import voronoi_partition
from gridplanner.analysis.grids.partition import _cut_lines, generate_cells, plan_buildings
from gridplanner.analysis.grids.shape import shape_metrics
from gridplanner.io.plan_file.project import load_plan

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from grid_cases import large_community_plan  # noqa: E402

pytestmark = pytest.mark.bench
SAMPLES = Path(__file__).resolve().parents[2] / "sample_maps"
#: name: (plan factory, CPU target in s, CPU before this work in s)
CASES = {
    "demo": (lambda: load_plan(SAMPLES / "demo_subdistrict.gpkg"), 0.5, 1.8),
    "helsinki": (lambda: load_plan(SAMPLES / "helsinki.gpkg"), None, 1.6),
    "3,000 buildings": (lambda: large_community_plan(3000), 3.0, 9.1),
    "12,000 buildings": (lambda: large_community_plan(12000), 20.0, 63.0),
    "20,000 buildings": (lambda: large_community_plan(20000), 60.0, None),
}


def _line(label: str, m: dict, cpu: float, per_building: float) -> str:
    return (f"  {label:<8} {m['cells']:>4} cells, {m['share_within'] * 100:5.1f}% in range, "
            f"std/mean {m['balance_cv']:.3f}, Polsby-Popper mean {m['polsby_popper_mean']:.2f} "
            f"min {m['polsby_popper_min']:.2f}, street share {m['street_share'] * 100:.0f}%, "
            f"holed {m['holed_cells']:.0f}, multi-part {m['multipart_cells']:.0f}, "
            f"{cpu:.2f} s CPU ({per_building * 1000:.2f} ms per building)")


def _measures(cells, lines, low: float, high: float) -> dict:
    h = np.asarray(cells["households"], dtype=float)
    out = shape_metrics(np.asarray(cells.geometry.values, dtype=object), lines)
    out.update(cells=len(cells), share_within=float(((h >= low) & (h <= high)).mean()),
               balance_cv=float(h.std() / h.mean()))
    return out


def _spopt_cells(plan, k_per_community: dict[str, int]):
    """spopt's RegionKMeansHeuristic on the same buildings (k = our cell count),
    cells drawn as the Voronoi of each region's footprints in its community."""
    import geopandas as gpd
    from libpysal.weights import KNN
    from spopt.region import RegionKMeansHeuristic

    b = plan_buildings(plan)
    rows = []
    for _, comm in plan.communities().iterrows():
        inside = shapely.intersects(comm.geometry, b.points)
        xy = shapely.get_coordinates(b.points[inside])
        k = k_per_community.get(str(comm["name"]), 0)
        if k < 2 or len(xy) <= k:
            continue
        w = KNN.from_array(xy, k=6)
        model = RegionKMeansHeuristic(np.c_[b.households[inside]], k, w)
        model.solve()
        parts = voronoi_partition(comm.geometry, b.geoms[inside], list(model.labels_))
        hh = np.bincount(np.asarray(model.labels_), weights=b.households[inside], minlength=k)
        rows.extend({"households": hh[r], "geometry": g} for r, g in parts.items())
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=plan.crs)


@pytest.mark.parametrize("case", list(CASES))
def test_bench_balanced_partition(case):
    make, target, before = CASES[case]
    plan = make()
    n = len(plan.buildings)
    low, high = plan.settings.households_min, plan.settings.households_max
    cpu = time.process_time()
    result = generate_cells(plan, seed=0)
    cpu = time.process_time() - cpu
    lines = _cut_lines(plan)
    m = _measures(result.cells, lines, low, high)
    aim = f"target < {target:g} s" if target else "no time target"
    was = f"before {before:g} s" if before else "before: not done in 10 min"
    print(f"\nbalanced partition, {case} ({n} buildings): {aim}, {was}; "
          "shape targets Polsby-Popper mean >= 0.55, min >= 0.2, no holed cell")
    print(_line("ours", m, cpu, cpu / max(n, 1)))
    try:
        import spopt  # noqa: F401
    except ImportError:
        print("  spopt    not installed (pip install -e .[bench] to compare)")
        return
    counts = result.cells.groupby("community").size().to_dict()
    cpu = time.process_time()
    peer = _spopt_cells(plan, counts)
    cpu = time.process_time() - cpu
    print(_line("spopt", _measures(peer, lines, low, high), cpu, cpu / max(n, 1)))

"""Benchmark: the roster of a 1,000-cell district to Excel (run with --bench).

Prints seconds per 1,000 rows, without a walking network (roster only) and
with one (network coverage columns computed as part of the export), and the
time of the web map and GeoPackage exports of the same plan.
"""

from __future__ import annotations

import time

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from factories import CRS, ORIGIN, street_grid_plan

from gridplanner.io.export_layers import export_gpkg
from gridplanner.io.export_tables import export_csv, export_xlsx
from gridplanner.io.export_web import export_html

pytestmark = pytest.mark.bench

NX, NY, BLOCK = 40, 50, 100.0


def district_plan():
    """40×50 blocks, 8,000 buildings, 1,000 cells of 1×2 blocks, 2 workers and a branch each."""
    plan = street_grid_plan(nx=NX, ny=NY, block=BLOCK)
    x0, y0 = ORIGIN
    rows = []
    for j in range(NY // 2):
        for i in range(NX):
            community = "东风社区" if i < NX // 2 else "西湖社区"
            rows.append({"code": f"000000001{1 + (i >= NX // 2):03d}{len(rows) + 1:04d}",
                         "name": f"第{len(rows) + 1}网格", "community": community,
                         "geometry": shapely.box(x0 + i * BLOCK, y0 + 2 * j * BLOCK,
                                                 x0 + (i + 1) * BLOCK,
                                                 y0 + 2 * (j + 1) * BLOCK)})
    fids = plan.cells.add(gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS))
    workers, branches, links = [], [], []
    for k, fid in enumerate(fids):
        community = rows[k]["community"]
        for role in ("leader", "full_time"):
            workers.append({"name": f"员{len(workers)}", "phone": f"139{len(workers):08d}",
                            "role": role, "community": community})
            links.append((fid, "worker", len(workers)))
        branches.append({"name": f"第{k + 1}网格党支部", "secretary": f"书记{k}",
                         "full_members": 3})
        links.append((fid, "branch", len(branches)))
    plan.workers.add(pd.DataFrame(workers))
    plan.branches.add(pd.DataFrame(branches))
    plan.assignments.add(pd.DataFrame(links, columns=["cell_fid", "target", "target_fid"]))
    return plan


def timed(func, *args, **kwargs) -> float:
    start = time.perf_counter()
    func(*args, **kwargs)
    return time.perf_counter() - start


def test_bench_export_xlsx(tmp_path):
    plan = district_plan()
    rows = len(plan.cells)
    with_network = timed(export_xlsx, plan, tmp_path / "with_network.xlsx")
    html = timed(export_html, plan, tmp_path / "map.html")
    gpkg = timed(export_gpkg, plan, tmp_path / "layers.gpkg")
    plan.network.remove(plan.network.fids())
    xlsx = timed(export_xlsx, plan, tmp_path / "roster.xlsx")
    csv = timed(export_csv, plan, tmp_path / "roster.csv")
    print(f"\nexport of {rows} cells, {len(plan.buildings)} buildings, "
          f"{len(plan.workers)} workers:")
    print(f"  xlsx, roster only:            {xlsx / rows * 1000:.3f} s per 1,000 rows")
    print(f"  csv, roster only:             {csv / rows * 1000:.3f} s per 1,000 rows")
    print(f"  xlsx with network coverage:   {with_network / rows * 1000:.3f} s per 1,000 rows")
    print(f"  html web map (with coverage): {html:.2f} s, "
          f"{(tmp_path / 'map.html').stat().st_size / 1e6:.1f} MB")
    print(f"  gpkg layers (with coverage):  {gpkg:.2f} s")

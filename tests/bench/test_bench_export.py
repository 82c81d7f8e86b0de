"""Benchmark: the roster of a 1,000-cell district to Excel (run with --bench).

Prints seconds per 1,000 rows, without a walking network (roster only) and
with one (network coverage columns computed as part of the export), and the
time of the web map and GeoPackage exports of the same plan.
"""

from __future__ import annotations

import time

import pytest
from factories import district_plan

from gridplanner.io.exporters.layers import export_gpkg
from gridplanner.io.exporters.tables import export_csv, export_xlsx
from gridplanner.io.exporters.web import export_html

pytestmark = pytest.mark.bench



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

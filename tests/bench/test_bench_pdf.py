"""Benchmark: a 1,000-cell district printed as a per-community PDF atlas (run with --bench).

40×50 blocks of 100 m, 8,000 buildings, ten communities of 100 cells (1×2
blocks each), every cell with a leader, a full-time worker and a branch.
Prints seconds per page for the atlas (layout + drawing + writing), the
layout alone, and the file size; with and without coverage shading.
"""

from __future__ import annotations

import time

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from factories import CRS, ORIGIN, street_grid_plan

from gridplanner.render.print_layout import PrintAtlas, PrintOptions, export_pdf

pytestmark = pytest.mark.bench

NX, NY, BLOCK, COLUMNS_PER_COMMUNITY = 40, 50, 100.0, 4


def district_plan():
    """1,000 cells in ten communities with a full team and a branch each."""
    plan = street_grid_plan(nx=NX, ny=NY, block=BLOCK)
    x0, y0 = ORIGIN
    old = plan.boundaries.frame
    plan.boundaries.remove(list(old.index[old["level"] == "community"]))
    names = [f"第{k + 1}社区" for k in range(NX // COLUMNS_PER_COMMUNITY)]
    width = COLUMNS_PER_COMMUNITY * BLOCK
    plan.boundaries.add(gpd.GeoDataFrame(
        {"level": "community", "name": names, "code": [f"{k + 1:03d}" for k in range(len(names))],
         "parent": "示范街道"},
        geometry=[shapely.box(x0 + k * width, y0, x0 + (k + 1) * width, y0 + NY * BLOCK)
                  for k in range(len(names))], crs=CRS))
    rows = []
    for j in range(NY // 2):
        for i in range(NX):
            k = i // COLUMNS_PER_COMMUNITY
            serial = sum(1 for r in rows if r["community"] == names[k]) + 1
            rows.append({"code": f"000000001{k + 1:03d}{serial:03d}",
                         "name": f"{names[k]}第{serial}网格", "community": names[k],
                         "geometry": shapely.box(x0 + i * BLOCK, y0 + 2 * j * BLOCK,
                                                 x0 + (i + 1) * BLOCK,
                                                 y0 + 2 * (j + 1) * BLOCK)})
    fids = plan.cells.add(gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS))
    workers, branches, links = [], [], []
    for n, fid in enumerate(fids):
        for role in ("leader", "full_time"):
            workers.append({"name": f"员{len(workers)}", "phone": f"139{len(workers):08d}",
                            "role": role, "community": rows[n]["community"]})
            links.append((fid, "worker", len(workers)))
        branches.append({"name": f"{rows[n]['name']}党支部", "secretary": f"书记{n}",
                         "full_members": 3})
        links.append((fid, "branch", len(branches)))
    plan.workers.add(pd.DataFrame(workers, index=pd.RangeIndex(1, len(workers) + 1)))
    plan.branches.add(pd.DataFrame(branches, index=pd.RangeIndex(1, len(branches) + 1)))
    plan.assignments.add(pd.DataFrame(links, columns=["cell_fid", "target", "target_fid"]))
    return plan


@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_bench_pdf_atlas_per_community(paper, tmp_path, qapp):
    plan = district_plan()
    assert len(plan.cells) == 1000
    start = time.perf_counter()
    atlas = PrintAtlas(plan, PrintOptions(paper=paper, per="community"))
    layout = time.perf_counter() - start
    out = tmp_path / f"atlas-{paper}.pdf"
    start = time.perf_counter()
    atlas.write_pdf(out)
    drawing = time.perf_counter() - start
    pages = len(atlas.pages)
    total = layout + drawing
    print(f"\n[bench pdf {paper}] 1,000 cells, {len(atlas.sheets)} communities -> {pages} pages "
          f"({sum(not p.continued for p in atlas.pages)} maps): layout {layout:.2f} s, "
          f"drawing+writing {drawing:.2f} s, total {total:.2f} s = {total / pages:.3f} s/page; "
          f"file {out.stat().st_size / 1e6:.1f} MB ({out.stat().st_size / pages / 1e3:.0f} kB/page)")
    assert pages >= len(atlas.sheets) == 10


def test_bench_pdf_atlas_with_coverage_and_per_cell(tmp_path, qapp):
    plan = district_plan()
    start = time.perf_counter()
    out = export_pdf(plan, tmp_path / "coverage.pdf", per="community", coverage=True)
    took = time.perf_counter() - start
    pages = PrintAtlas(plan, PrintOptions(per="community")).pages
    print(f"\n[bench pdf coverage] 1,000 cells with network coverage shading: {took:.2f} s "
          f"({took / len(pages):.3f} s/page incl. the coverage analysis), "
          f"{out.stat().st_size / 1e6:.1f} MB")
    start = time.perf_counter()
    out = export_pdf(plan, tmp_path / "cells.pdf", per="cell")
    took = time.perf_counter() - start
    print(f"[bench pdf per cell] 1,000 pages: {took:.2f} s = {took / 1000:.3f} s/page, "
          f"{out.stat().st_size / 1e6:.1f} MB")

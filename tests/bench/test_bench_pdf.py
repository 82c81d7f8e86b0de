"""Benchmark: a 1,000-cell district printed as a per-community PDF atlas (run with --bench).

40×50 blocks of 100 m, 8,000 buildings, ten communities of 100 cells (1×2
blocks each), every cell with a leader, a full-time worker and a branch.
Prints seconds per page for the atlas (layout + drawing + writing), the
layout alone, and the file size; with and without coverage shading.
"""

from __future__ import annotations

import time

import pytest
from factories import district_plan

from gridplanner.render.print_layout import PrintAtlas, PrintOptions, export_pdf

pytestmark = pytest.mark.bench



@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_bench_pdf_atlas_per_community(paper, tmp_path, qapp):
    plan = district_plan(communities=10)
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
    plan = district_plan(communities=10)
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

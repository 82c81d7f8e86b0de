"""Benchmark: dragging a centre in the window on a synthetic city (prints, never fails on time).

Per mouse move: the session update, the dock's tallies and a repaint of the
canvas with the shaded buildings. Run with ``pytest tests/bench/test_bench_coverage_drag.py --bench -s``.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from synthetic_city import synthetic_city

pytestmark = pytest.mark.bench


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


@pytest.mark.parametrize("edges", [100_000, 500_000])
def test_bench_coverage_drag(qtbot, edges, tmp_path, monkeypatch):
    from gridplanner.analysis.network.coverage import coverage_from_centres
    from gridplanner.qt.shell.analysis_worker import wait_for_workers
    from gridplanner.qt.window.main_window import MainWindow

    monkeypatch.setenv("GRIDPLANNER_SETTINGS", str(tmp_path / "s.ini"))
    plan = synthetic_city(edges, buildings_per_edge=0.2)
    window = MainWindow(plan)
    window.resize(1400, 900)
    qtbot.addWidget(window)
    window.show()
    f = window.features["coverage"]
    t0 = time.perf_counter()
    result = coverage_from_centres(plan, list(plan.settings.levels_m))
    full = _ms(t0)
    f.result = result
    t0 = time.perf_counter()
    f.show_result()
    show = _ms(t0)
    fid = int(plan.centres.fids()[0])
    g = plan.centres.geometry(fid)
    window.canvas.set_extent((g.x - 1500, g.y - 1500, g.x + 1500, g.y + 1500))
    window.canvas.render_now()
    t0 = time.perf_counter()
    f.drag_started(fid)
    start = _ms(t0)
    times = []
    for i in range(1, 21):
        t0 = time.perf_counter()
        f.drag_moved(fid, g.x + 15 * i, g.y + 10 * i)
        window.canvas.grab()  # forces a real paint offscreen
        times.append(_ms(t0))
    f.drag_cancelled(fid)
    wait_for_workers()
    print(f"\n{edges} edges, {len(plan.buildings)} buildings, {len(plan.centres)} centres: "
          f"full coverage {full:.0f} ms, table+dock+overlay {show:.0f} ms, drag start "
          f"{start:.0f} ms, per move median {np.median(times):.1f} ms "
          f"(max {np.max(times):.1f} ms) incl. a canvas paint")

"""Canvas benchmark on a district-sized plan (100,000 buildings).

Run with ``pytest tests/bench/test_bench_canvas.py --bench -s``. Prints the
figures; never fails on timing. Targets: open < 3 s, full redraw < 200 ms,
pan/zoom frame from the cached image < 16 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pytest

import gridplanner.render  # noqa: F401  (None refcount guard before Qt use)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_buildings import synthetic_plan  # noqa: E402

pytestmark = pytest.mark.bench

N_BUILDINGS = 100_000


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _frames(canvas, step, count: int = 30) -> float:
    """Median milliseconds of one view change drawn from the cached image."""
    times = []
    for _ in range(count):
        start = time.perf_counter()
        step()
        canvas.grab()
        times.append(_ms(start))
    canvas._timer.stop()
    return statistics.median(times)


def test_bench_canvas(qtbot, tmp_path):
    from gridplanner.io.plan_file.project import load_plan, save_plan
    from gridplanner.qt.map.canvas import MapCanvas

    figures: dict[str, float] = {}
    start = time.perf_counter()
    plan = synthetic_plan(N_BUILDINGS)
    figures["build synthetic plan (ms)"] = _ms(start)
    path = tmp_path / "district.gpkg"
    start = time.perf_counter()
    save_plan(plan, path)
    figures["save plan (ms)"] = _ms(start)

    start = time.perf_counter()
    plan = load_plan(path)
    figures["open plan: load_plan (ms)"] = _ms(start)
    assert len(plan.buildings) == N_BUILDINGS

    canvas = MapCanvas()
    canvas.resize(1600, 1200)
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_plan(plan)
    figures["first full redraw incl. path caches (ms)"] = canvas.render_now()
    figures["full redraw, whole district (ms)"] = min(canvas.render_now() for _ in range(3))
    canvas.pan_by_pixels(300, 120)
    figures["redraw after pan, whole district (ms)"] = canvas.render_now()

    x0, y0, x1, y1 = plan.extent()
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    for width in (6000, 2000, 500):
        canvas.set_extent((cx - width / 2, cy - width / 2, cx + width / 2, cy + width / 2))
        canvas.render_now()
        canvas.pan_by_pixels(250, -100)
        figures[f"redraw after pan, {width} m view (ms)"] = canvas.render_now()

    canvas.zoom_to_full()
    canvas.render_now()
    figures["pan frame from cache (ms, median)"] = _frames(canvas,
                                                           lambda: canvas.pan_by_pixels(7, 3))
    figures["zoom frame from cache (ms, median)"] = _frames(canvas, lambda: canvas.zoom_by(0.97))

    print()
    print(f"canvas benchmark, {N_BUILDINGS:,} buildings, 1600×1200")
    for name, value in figures.items():
        print(f"  {name:<45} {value:9.1f}")

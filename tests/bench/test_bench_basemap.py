"""Basemap benchmark: first screen of tiles from a local server, and panning over
a basemap read from the disk cache (the server stopped: offline).

Run with ``pytest tests/bench/test_bench_basemap.py --bench -s``. Prints the
figures; never fails on timing. Targets (issue 9): first screen < 1 s; a pan
frame < 16 ms. Peer: QGIS draws XYZ tiles progressively as they arrive and
pans from its rendered image, the same design as here.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pytest

import gridplanner.render  # noqa: F401  (None refcount guard before Qt use)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from factories import street_grid_plan  # noqa: E402
from tile_fixtures import TileServer  # noqa: E402

pytestmark = pytest.mark.bench

W, H = 1280, 800


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _canvas(qtbot, plan, cache_dir: Path):
    from gridplanner.io.basemap import TileCache
    from gridplanner.qt.map.canvas import MapCanvas

    canvas = MapCanvas()
    canvas.resize(W, H)
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.basemaps.cache = TileCache(cache_dir)
    canvas.set_plan(plan)
    canvas.set_scale(4000)  # street zoom: z17 tiles
    return canvas


def _first_screen(qtbot, canvas) -> float:
    start = time.perf_counter()
    canvas.render_now()
    qtbot.waitUntil(lambda: canvas.basemaps.pending() == 0, timeout=30_000)
    canvas.render_now()
    return _ms(start)


def test_bench_basemap(qtbot, tmp_path):
    from gridplanner.io.basemap import resolve_basemap

    figures: dict[str, float] = {}
    plan = street_grid_plan()
    server = TileServer().start()
    spec = resolve_basemap(server.url, name="local")
    plan.set_basemaps([spec.to_dict()])
    canvas = _canvas(qtbot, plan, tmp_path / "tiles")
    figures["first screen from a local server (ms)"] = _first_screen(qtbot, canvas)
    figures["tiles on the first screen"] = float(len(server.requests))
    canvas.basemaps.shutdown()
    server.stop()

    offline = _canvas(qtbot, plan, tmp_path / "tiles")  # same disk cache, server gone
    figures["first screen from the disk cache (ms)"] = _first_screen(qtbot, offline)
    frames = []
    for i in range(60):
        start = time.perf_counter()
        offline.pan_by_pixels(12 if i < 30 else -12, 5)
        offline.grab()
        frames.append(_ms(start))
    offline._timer.stop()
    figures["pan frame over the cached basemap, median (ms)"] = statistics.median(frames)
    figures["pan frame, 95th percentile (ms)"] = sorted(frames)[int(len(frames) * 0.95)]
    renders = []
    for _ in range(10):
        offline.pan_by_pixels(40, 0)
        renders.append(offline.render_now())
    figures["full redraw with tiles in memory, median (ms)"] = statistics.median(renders)
    offline.basemaps.shutdown()

    print()
    print(f"basemap benchmark ({W}×{H} canvas, street grid plan, 256-px PNG tiles)")
    for name, value in figures.items():
        print(f"  {name:<52} {value:10.1f}")
    print("  targets: first screen < 1000 ms; pan frame < 16 ms")
    assert figures["tiles on the first screen"] > 0

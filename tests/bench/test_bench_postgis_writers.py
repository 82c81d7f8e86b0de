"""Load test of the shared PostGIS store: 8 offices saving one city plan for 60 s.

Prints saves, saves per second, conflicts detected and updates lost (target:
0 lost, every conflict detected). ``GRIDPLANNER_BENCH_WRITERS_S`` shortens the
run. Needs a real PostgreSQL with PostGIS (skipped with the reason otherwise).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io" / "plan_file"))
from test_postgis_concurrency import city_plan_in, run_writers  # noqa: E402

pytestmark = pytest.mark.bench


def test_eight_writers_for_a_minute(repo_root, postgis_uri, tmp_path):
    seconds = float(os.environ.get("GRIDPLANNER_BENCH_WRITERS_S", "60"))
    city_plan_in(postgis_uri, repo_root, tmp_path)
    start = time.monotonic()
    figures = run_writers(postgis_uri, writers=8, seconds=seconds, folder=tmp_path,
                          shared_share=0.2)
    wall = time.monotonic() - start
    print(f"\nPostGIS store, 8 writers x {seconds:.0f} s on one plan: "
          f"{figures['saves']} saves ({figures['saves'] / wall:.1f}/s), "
          f"{figures['conflicts']} conflicts detected and refused, "
          f"{figures['lost']} updates lost (target 0; QGIS on PostGIS: last save wins)")
    assert figures["lost"] == 0

"""The dock's tallies: incremental updates during a drag equal a fresh count (no Qt needed)."""

from __future__ import annotations

import numpy as np
import pytest

from gridplanner.analysis.network.coverage import coverage_from_centres
from gridplanner.analysis.network.coverage_view import (
    CoverageTable,
    distance_classes,
    level_text,
)


def test_level_text_shows_metres_and_minutes():
    assert level_text(500, 1.0) == "500 m · 8.3 min"
    assert level_text(1000, 1.2) == "1,000 m · 13.9 min"


def test_distance_classes():
    d = np.array([0.0, 300.0, 300.1, 999.0, np.inf, np.nan])
    assert distance_classes(d, [300, 500, 1000]).tolist() == [0, 0, 1, 2, 3, 3]


@pytest.mark.parametrize("scope", ["plan", "community"])
def test_updates_keep_tallies_exact(grid_plan, scope):
    result = coverage_from_centres(grid_plan)
    table = CoverageTable.from_result(grid_plan, result)
    table.rows(scope)  # fills the cache that updates correct
    rng = np.random.default_rng(1)
    for _ in range(5):
        pick = rng.choice(len(table.fids), 12, replace=False)
        new = rng.uniform(0, 1500, len(pick))
        new[::4] = np.inf
        table.update(table.fids[pick], new, np.full(len(pick), -1))
    fresh = CoverageTable.from_result(grid_plan, result)
    fresh.distance = table.distance.copy()
    got, want = table.rows(scope), fresh.rows(scope)
    for a, b in zip(got, want, strict=True):
        for la, lb in zip(a["levels"], b["levels"], strict=True):
            assert la["households"] == pytest.approx(lb["households"])
            assert la["residents"] == pytest.approx(lb["residents"])
            assert la["meets_target"] == lb["meets_target"]


def test_changed_levels_recount(grid_plan):
    table = CoverageTable.from_result(grid_plan, coverage_from_centres(grid_plan))
    before = table.rows("plan")[0]["levels"][0]["households"]
    table.levels_m = [50.0]
    after = table.rows("plan")[0]["levels"][0]["households"]
    assert after < before
    assert after == pytest.approx(table.households[table.distance <= 50].sum())


def test_uncovered_lists_buildings_beyond_the_last_level(grid_plan):
    table = CoverageTable.from_result(grid_plan, coverage_from_centres(grid_plan))
    table.levels_m = [120.0]
    far = table.uncovered()
    assert len(far) == int((table.distance > 120).sum())
    assert (far["distance_m"] > 120).all()
    assert far["households"].is_monotonic_decreasing

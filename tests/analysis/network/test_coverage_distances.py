"""Walking distances match an independent networkx computation."""

from __future__ import annotations

import numpy as np
import pytest
from netref import perturbed_grid_plan, reference_distances

from gridplanner.analysis.network.coverage import coverage_from_centres, nearest_centres


def _check(plan, service=None):
    got = nearest_centres(plan, service)
    centres = plan.centres.frame
    if service:
        centres = centres[centres["services"].str.contains(service)]
    ref = reference_distances(list(plan.network.frame.geometry),
                              list(plan.buildings.frame.geometry.centroid),
                              list(centres.geometry))
    np.testing.assert_allclose(got["distance_m"].to_numpy(), ref, atol=0.5)
    return got


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_distances_equal_networkx_on_perturbed_grids(seed):
    _check(perturbed_grid_plan(seed=seed, n_centres=4))


def test_distances_equal_networkx_on_the_plain_street_grid(grid_plan):
    _check(grid_plan)
    _check(grid_plan, "health")


def test_per_service_distances_equal_networkx():
    plan = perturbed_grid_plan(seed=5, n_centres=5)
    _check(plan, "health")
    _check(plan, "food")


def test_building_on_same_edge_as_centre_walks_along_it(grid_plan):
    import shapely

    x0, y0 = 440000.0, 4420000.0
    plan = grid_plan
    plan.centres.replace(plan.centres.frame.iloc[:1].set_geometry(
        [shapely.Point(x0 + 30, y0 - 10)]))
    fid = plan.buildings.add([{"households": 10, "geometry": shapely.Point(x0 + 70, y0 - 5)}])[0]
    got = nearest_centres(plan)
    assert got.loc[fid, "distance_m"] == pytest.approx(10 + 40 + 5)
    assert got.loc[fid, "nearest_centre"] == plan.centres.fids()[0]


def test_coverage_result_counts_households(grid_plan):
    res = coverage_from_centres(grid_plan)
    assert res.method == "network"
    b = grid_plan.buildings.frame
    assert res.totals["households"] == pytest.approx(b["households"].sum())
    shares = [r["household_share"] for r in res.levels]
    assert shares == sorted(shares) and 0 < shares[-1] <= 1
    covered_1000 = b["households"][res.buildings["distance_m"] <= 1000].sum()
    assert res.levels[-1]["households_covered"] == pytest.approx(covered_1000)
    # the centre without health does not cover health
    health = res.buildings["nearest_centre_health"].dropna().unique().tolist()
    assert health == [grid_plan.centres.fids()[1]]
    assert sum(r["households"] for r in res.communities) == pytest.approx(b["households"].sum())
    data = res.to_json()
    assert set(data) >= {"totals", "levels", "services", "cells", "communities"}


def test_without_network_distances_are_straight_lines_and_say_so(grid_plan):
    grid_plan.network.remove(grid_plan.network.fids())
    res = coverage_from_centres(grid_plan)
    assert res.method == "straight_line"
    assert res.to_json()["method"] == "straight_line"
    b = grid_plan.buildings.frame.geometry.centroid
    c = grid_plan.centres.frame.geometry
    straight = np.minimum(b.distance(c.iloc[0]), b.distance(c.iloc[1])).to_numpy()
    np.testing.assert_allclose(res.buildings["distance_m"].to_numpy(), straight)


def test_progress_is_reported_and_cancel_stops(grid_plan):
    from gridplanner.errors import AnalysisError

    seen = []
    coverage_from_centres(grid_plan, progress=lambda f, text: seen.append(f))
    assert seen[0] == 0.0 and seen == sorted(seen) and len(seen) > 3
    with pytest.raises(AnalysisError, match="cancelled"):
        coverage_from_centres(grid_plan, cancelled=lambda: len(seen) > 0)


def test_cached_join_points_follow_building_edits(grid_plan):
    import shapely

    fid = grid_plan.buildings.fids()[0]
    before = nearest_centres(grid_plan)["distance_m"].loc[fid]
    coverage_from_centres(grid_plan)  # fills the cache
    centre = grid_plan.centres.geometry(grid_plan.centres.fids()[0])
    grid_plan.buildings.set_geometry(fid, shapely.Point(centre.x + 3, centre.y))
    after = coverage_from_centres(grid_plan).buildings["distance_m"].loc[fid]
    assert after == pytest.approx(3.0) and before > 100

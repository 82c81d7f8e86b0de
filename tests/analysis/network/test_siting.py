"""Site suggestion checked against brute force on small cases."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import shapely
from netref import perturbed_grid_plan

from gridplanner.analysis.network.coverage import nearest_centres
from gridplanner.analysis.network.siting import coverage_matrix, greedy_max_cover, suggest_sites


@pytest.fixture
def plan():
    p = perturbed_grid_plan(nx_=10, ny=8, seed=11, n_centres=1)
    return p


def _candidates(plan, n=10, seed=0):
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = plan.extent()
    return [shapely.Point(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(n)]


_CACHE: dict = {}


def _covered_households(plan, sites, level):
    """Households within level of the existing centres or of any of ``sites``.

    Each site's reach comes from a full single-centre distance computation
    (no coverage matrix involved); a set covers the union of its members.
    """
    hh = plan.buildings.frame["households"].to_numpy()
    key = ("existing", level)
    if key not in _CACHE:
        _CACHE[key] = nearest_centres(plan, limit=level)["distance_m"].to_numpy() <= level
    covered = _CACHE[key].copy()
    for site in sites:
        k = (site.wkb, level)
        if k not in _CACHE:
            one = plan.__class__(crs=plan.crs)
            one.network.add(plan.network.frame)
            one.buildings.add(plan.buildings.frame)
            one.centres.add([{"name": "site", "geometry": site}])
            _CACHE[k] = nearest_centres(one, limit=level)["distance_m"].to_numpy() <= level
        covered |= _CACHE[k]
    return float(hh[covered].sum())


def test_max_cover_equals_brute_force(plan):
    cands = _candidates(plan)
    res = suggest_sites(plan, count=2, level=250, candidates=cands)
    assert res.solver == "cbc" and res.optimal
    best = max(_covered_households(plan, combo, 250) for combo in itertools.combinations(cands, 2))
    assert res.households_covered_after == pytest.approx(best)
    assert _covered_households(plan, [s.point for s in res.suggestions], 250) == pytest.approx(best)
    first, second = res.suggestions
    assert first.households_added >= second.households_added > 0
    assert sum(first.cells.values()) == pytest.approx(first.households_added)


def test_greedy_keeps_its_guarantee(plan):
    cands = _candidates(plan, 12, seed=1)
    res = suggest_sites(plan, count=3, level=250, candidates=cands, solver="greedy")
    assert res.solver == "greedy" and not res.optimal and "1 - 1/e" in res.guarantee
    before = _covered_households(plan, [], 250)
    best = max(_covered_households(plan, c, 250) for c in itertools.combinations(cands, 3))
    assert res.households_covered_after - before >= (1 - 1 / np.e) * (best - before) - 1e-6


def test_fewest_sites_for_a_target_equals_brute_force(plan):
    cands = _candidates(plan, 9, seed=2)
    total = float(plan.buildings.frame["households"].sum())
    target = 0.6
    res = suggest_sites(plan, target=target, level=250, candidates=cands)
    fewest = next(k for k in range(0, 10) if any(
        _covered_households(plan, c, 250) >= target * total - 1e-6
        for c in itertools.combinations(cands, k)))
    assert len(res.suggestions) == fewest and res.target_reached


def test_matrix_matches_distances(plan):
    from gridplanner.analysis.network.graph import walk_graph
    from gridplanner.analysis.network.joining import anchor_points

    cands = _candidates(plan, 3)
    pts = anchor_points(plan.buildings.frame.geometry.values)
    a = coverage_matrix(walk_graph(plan), np.array(cands, dtype=object), pts, 300).toarray()
    for i, c in enumerate(cands):
        plan.centres.replace(plan.centres.frame.iloc[:1].set_geometry([c]))
        d = nearest_centres(plan)["distance_m"].to_numpy()
        assert ((d <= 300) == a[i].astype(bool)).sum() >= len(d) - 1  # ties at the edge aside


def test_network_candidates_and_explanation(plan):
    res = suggest_sites(plan, count=2, level=300, spacing_m=50)
    assert res.candidates > 20 and len(res.suggestions) == 2
    data = res.to_json()
    assert data["share_after"] > data["share_before"]
    assert res.to_frame(plan.crs).geometry.geom_type.tolist() == ["Point", "Point"]


def test_greedy_helper_on_a_tiny_matrix():
    from scipy import sparse

    a = sparse.csr_matrix(np.array([[1, 1, 0, 0], [0, 1, 1, 0], [0, 0, 1, 1]], dtype=float))
    assert greedy_max_cover(a, np.array([1.0, 1, 5, 1]), 1) == [1]

"""Capacity allocation checked against brute force on small cases."""

from __future__ import annotations

import itertools

import geopandas as gpd
import numpy as np
import pytest
import shapely
from netref import perturbed_grid_plan, reference_distances

from gridplanner.analysis.network.allocation import (
    Pairs,
    allocate_capacity,
    greedy_allocation,
    network_pairs,
    solve_allocation,
)
from gridplanner.analysis.network.coverage import prepare_joins
from gridplanner.analysis.network.joining import anchor_points


def brute_force(pairs: Pairs, demand: np.ndarray, capacity: np.ndarray) -> tuple[float, float]:
    """(most households allocated, fewest household-metres for that) by
    trying every centre (or none) for every single household."""
    units = [b for b in range(len(demand)) for _ in range(int(demand[b]))]
    options = [[None] + [k for k in range(len(pairs)) if pairs.building[k] == b] for b in units]
    best = (-1.0, 0.0)
    for pick in itertools.product(*options):
        used = np.zeros(len(capacity))
        walked = 0.0
        for k in pick:
            if k is not None:
                used[pairs.centre[k]] += 1
                walked += pairs.distance[k]
        if (used <= capacity).all():
            served = float(sum(k is not None for k in pick))
            if served > best[0] or (served == best[0] and walked < best[1] - 1e-9):
                best = (served, walked)
    return best


def random_case(seed: int) -> tuple[Pairs, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    nb, nc = int(rng.integers(2, 5)), int(rng.integers(1, 4))
    demand = rng.integers(1, 3, nb).astype(float)
    while demand.sum() > 7:  # keep the brute force small
        demand[int(np.argmax(demand))] -= 1
    capacity = rng.integers(0, 4, nc).astype(float)
    if rng.random() < 0.3:
        capacity[0] = np.inf
    bs, cs, ds = [], [], []
    for b in range(nb):
        for c in range(nc):
            if rng.random() < 0.7:
                bs.append(b)
                cs.append(c)
                ds.append(float(rng.integers(10, 300)))
    return Pairs(np.array(bs, dtype=np.int64), np.array(cs, dtype=np.int64),
                 np.array(ds)), demand, capacity


@pytest.mark.parametrize("seed", range(25))
def test_exact_allocation_matches_brute_force(seed):
    pairs, demand, capacity = random_case(seed)
    flow, solver, optimal = solve_allocation(pairs, demand, capacity, solver="exact")
    served, walked = brute_force(pairs, demand, capacity)
    assert optimal
    assert flow.sum() == pytest.approx(served, abs=1e-6)
    assert float((flow * pairs.distance).sum()) == pytest.approx(walked, abs=1e-4)
    # feasible: no building gets more than it has, no centre more than its room
    assert (np.bincount(pairs.building, flow, len(demand)) <= demand + 1e-6).all()
    assert (np.bincount(pairs.centre, flow, len(capacity)) <= capacity + 1e-6).all()


@pytest.mark.parametrize("seed", range(25))
def test_greedy_allocation_is_feasible_and_never_beats_the_optimum(seed):
    pairs, demand, capacity = random_case(seed)
    flow = greedy_allocation(pairs, demand, capacity)
    served, _ = brute_force(pairs, demand, capacity)
    assert (np.bincount(pairs.building, flow, len(demand)) <= demand + 1e-9).all()
    assert (np.bincount(pairs.centre, flow, len(capacity)) <= capacity + 1e-9).all()
    assert flow.sum() <= served + 1e-9


def test_greedy_fills_the_nearest_centre_then_overflows_to_the_next():
    # building 0: 10 households, centre 0 at 50 m has room for 4, centre 1 at 200 m
    pairs = Pairs(np.array([0, 0]), np.array([0, 1]), np.array([50.0, 200.0]))
    flow = greedy_allocation(pairs, np.array([10.0]), np.array([4.0, 100.0]))
    assert flow.tolist() == [4.0, 6.0]


def two_centre_plan():
    """Four buildings on a line, a small centre at the west end, a big one east."""
    from factories import CRS

    from gridplanner.model import Plan

    plan = Plan(name="line", crs=CRS)
    xs = [0.0, 100.0, 200.0, 300.0]
    plan.buildings.add(gpd.GeoDataFrame(
        {"households": [30, 30, 30, 30], "residents": [80, 80, 80, 80]},
        geometry=[shapely.Point(440000 + x, 4420000) for x in xs], crs=CRS))
    plan.centres.add(gpd.GeoDataFrame(
        {"name": ["west", "east"], "services": ["health", "health"], "capacity": [40.0, 50.0]},
        geometry=[shapely.Point(440000 - 10, 4420000), shapely.Point(440000 + 310, 4420000)],
        crs=CRS))
    return plan


def test_plan_allocation_flags_over_capacity_by_how_much():
    plan = two_centre_plan()
    result = allocate_capacity(plan, 1000.0)
    c = result.centres
    west, east = c.index[0], c.index[1]
    # nearest: two buildings each (60 households) against 40 and 50
    assert c.loc[west, "demand"] == 60 and c.loc[east, "demand"] == 60
    assert c.loc[west, "over_capacity"] == 20 and c.loc[east, "over_capacity"] == 10
    assert result.households_allocated == pytest.approx(90.0)
    assert result.households_unallocated == pytest.approx(30.0)
    assert result.optimal and result.solver == "cbc"
    assert c["allocated"].tolist() == pytest.approx([40.0, 50.0])


def test_unlimited_centres_serve_their_whole_nearest_demand():
    plan = two_centre_plan()
    for fid in plan.centres.frame.index:
        plan.centres.set_attributes(fid, {"capacity": float("nan")})
    result = allocate_capacity(plan, 1000.0)
    assert result.solver == "nearest"
    assert result.households_allocated == 120.0
    assert (result.centres["over_capacity"] == 0).all()


def test_network_pairs_match_the_reference_distances():
    plan = perturbed_grid_plan(nx_=6, ny=4, seed=3, n_centres=3)
    prep = prepare_joins(plan)
    cpts = np.asarray(plan.centres.frame.geometry.values, dtype=object)
    pairs = network_pairs(prep, np.arange(len(cpts)), cpts, 400.0)
    lines = list(plan.network.frame.geometry)
    bpts = list(anchor_points(plan.buildings.frame.geometry))
    for c in range(len(cpts)):
        ref = reference_distances(lines, bpts, [cpts[c]])
        got = np.full(len(bpts), np.inf)
        sel = pairs.centre == c
        got[pairs.building[sel]] = pairs.distance[sel]
        within = ref <= 400.0 - 1e-6
        assert np.allclose(got[within], ref[within], atol=1e-6)
        assert np.isinf(got[ref > 400.0 + 1e-6]).all()


def test_site_suggestion_can_count_capacity():
    from gridplanner.analysis.network.siting import suggest_sites

    plan = two_centre_plan()
    # every household is within reach, but 30 have no room: only with capacity
    # counted does a new site add anything
    plain = suggest_sites(plan, count=1, level=1000.0,
                          candidates=[shapely.Point(440150, 4420000)])
    assert plain.suggestions == [] and plain.share_before == 1.0
    counted = suggest_sites(plan, count=1, level=1000.0, count_capacity=True,
                            candidates=[shapely.Point(440150, 4420000)])
    assert counted.households_covered_before == pytest.approx(90.0)
    assert counted.suggestions[0].households_added == pytest.approx(30.0)
    assert counted.share_after == pytest.approx(1.0)


def test_suggested_sites_are_named_by_compound_or_nearest_street():
    from factories import CRS

    from gridplanner.analysis.network.places import nearest_place

    plan = two_centre_plan()
    plan.network.add(gpd.GeoDataFrame(
        {"name": ["幸福路", ""]},
        geometry=[shapely.LineString([(440000, 4420050), (440400, 4420050)]),
                  shapely.LineString([(440000, 4420010), (440400, 4420010)])], crs=CRS))
    plan.boundaries.add(gpd.GeoDataFrame(
        {"level": ["compound"], "name": ["阳光小区"]},
        geometry=[shapely.box(440300, 4419900, 440400, 4420100)], crs=CRS))
    assert nearest_place(plan, shapely.Point(440100, 4420000)) == ("幸福路", "street")
    assert nearest_place(plan, shapely.Point(440350, 4420000)) == ("阳光小区", "compound")
    assert nearest_place(plan, shapely.Point(441000, 4421000)) == ("", "")


def test_no_centre_within_reach_allocates_nothing():
    plan = two_centre_plan()
    plan.centres.remove(list(plan.centres.frame.index))
    result = allocate_capacity(plan, 1000.0)
    assert result.households_allocated == 0 and result.households_within == 0
    assert len(result.centres) == 0 and result.solver == "none"
    far = two_centre_plan()
    assert allocate_capacity(far, 5.0).households_allocated == 0  # nothing within 5 m

"""Fitting hand-digitised cells: what is narrower than the tolerance is closed, the rest reported."""

from __future__ import annotations

import shapely

from gridplanner.analysis.grids.fitting import community_by_area, fit_cells, is_narrow


def _area_between(a, b) -> float:
    return float(a.intersection(b).area)


def test_narrow_means_no_wider_than_the_tolerance():
    assert is_narrow(shapely.box(0, 0, 100, 0.8), 1.0)
    assert not is_narrow(shapely.box(0, 0, 100, 1.5), 1.0)
    assert is_narrow(shapely.box(0, 0, 100, 1.0), 1.0)


def test_sliver_overlap_stays_with_the_larger_cell_only():
    big = shapely.box(0, 0, 100, 100)
    small = shapely.box(99.6, 0, 150, 100)  # overlaps big by 0.4 m
    fit = fit_cells([big, small], ["", ""], {}, tolerance=1.0)
    a, b = fit.geometries
    assert fit.slivers == 1 and abs(fit.sliver_m2 - 40.0) < 1e-6
    assert _area_between(a, b) < 1e-6
    assert abs(a.area - big.area) < 1e-6  # the larger keeps it
    assert abs(b.area - (small.area - 40.0)) < 1e-6
    assert not fit.overlaps


def test_gap_between_neighbours_goes_to_one_of_them():
    left = shapely.box(0, 0, 100, 100)
    right = shapely.box(100.7, 0, 200, 100)  # a 0.7 m gap
    fit = fit_cells([left, right], ["", ""], {}, tolerance=1.0)
    a, b = fit.geometries
    assert fit.gaps_closed == 1 and abs(fit.gap_closed_m2 - 70.0) < 1e-3
    assert abs(a.area + b.area - 20_000.0) < 1e-3  # filled, once
    assert _area_between(a, b) < 1e-6
    assert a.distance(b) < 1e-9


def test_wider_overlaps_and_gaps_are_reported_not_moved():
    left = shapely.box(0, 0, 100, 100)
    right = shapely.box(95, 0, 200, 100)  # 5 m overlap
    third = shapely.box(205, 0, 300, 100)  # 5 m gap
    fit = fit_cells([left, right, third], ["", "", ""], {}, tolerance=1.0)
    assert [(i, j) for i, j, _ in fit.overlaps] == [(0, 1)]
    assert abs(fit.overlaps[0][2] - 500.0) < 1e-6
    assert fit.slivers == 0 and fit.gaps_closed == 0
    assert abs(fit.geometries[0].area - 10_000) < 1e-6


def test_cells_are_fitted_to_their_community():
    community = shapely.box(0, 0, 200, 100)
    cells = [shapely.box(-0.3, 0.2, 100.2, 100.4), shapely.box(99.9, -0.5, 199.5, 100)]
    fit = fit_cells(cells, ["东风社区", "东风社区"], {"东风社区": community}, tolerance=1.0)
    union = shapely.union_all(fit.geometries)
    assert abs(union.area - community.area) < 1e-3
    assert community.symmetric_difference(union).area < 1e-3
    assert fit.trimmed >= 2 and fit.gaps_closed >= 1
    assert not fit.crossings


def test_a_cell_reaching_far_into_another_community_is_reported():
    communities = {"甲": shapely.box(0, 0, 100, 100), "乙": shapely.box(100, 0, 200, 100)}
    cell = shapely.box(0, 0, 130, 100)
    assert community_by_area([cell], communities) == ["甲"]
    fit = fit_cells([cell], ["甲"], communities, tolerance=1.0)
    assert [i for i, _ in fit.crossings] == [0]
    assert abs(fit.crossings[0][1] - 3000.0) < 1e-6

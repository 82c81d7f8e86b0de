"""Straight cuts through the gaps between building rows, and the shape measures."""

from __future__ import annotations

import numpy as np
import shapely

from gridplanner.analysis.grids.cuts import straight_cut
from gridplanner.analysis.grids.regionalize import regionalize
from gridplanner.analysis.grids.shape import shape_metrics, street_share

GRID = 1e-4


def rows_of_buildings(rows: int, per_row: int, gap: float = 20.0):
    """Rows of 30 × 10 m buildings along x, ``gap`` metres apart, in a block."""
    foot = []
    for r in range(rows):
        for c in range(per_row):
            x, y = 10 + c * 40, 10 + r * (10 + gap)
            foot.append(shapely.box(x, y, x + 30, y + 10))
    block = shapely.box(0, 0, 20 + per_row * 40, 10 + rows * (10 + gap))
    return block, np.asarray(foot, dtype=object)


def test_a_block_is_cut_straight_between_rows_and_covered_exactly():
    block, foot = rows_of_buildings(6, 3)  # rows along x, the block longer in y
    weight = np.full(len(foot), 20.0)  # 360 households: two parts of at most 300
    parts = straight_cut(block, foot, shapely.point_on_surface(foot), weight, 300.0, GRID)
    assert parts is not None and len(parts) == 2
    polys = [p for p, _ in parts]
    assert abs(sum(p.area for p in polys) - block.area) < 1e-3
    assert shapely.intersection(polys[0], polys[1]).area < 1e-6
    # the cut is one straight segment across the block, in the gap between rows 3 and 4
    seam = shapely.intersection(polys[0].boundary, polys[1].boundary)
    assert abs(seam.length - block.bounds[2]) < 1e-3
    ys = shapely.get_coordinates(seam)[:, 1]
    assert np.ptp(ys) < 1e-6 and 80 < ys[0] < 100
    # no building is cut, each part holds whole rows
    for poly, members in parts:
        assert all(poly.contains(f) for f in foot[members])
        assert weight[members].sum() == 180


def test_without_a_clear_gap_crossed_buildings_go_whole_to_one_side():
    rng = np.random.default_rng(3)
    xy = rng.uniform(5, 195, size=(60, 2))
    foot = shapely.box(xy[:, 0] - 6, xy[:, 1] - 4, xy[:, 0] + 6, xy[:, 1] + 4)
    block = shapely.box(-10, -10, 210, 210)
    weight = np.full(len(foot), 10.0)
    parts = straight_cut(block, foot, shapely.point_on_surface(foot), weight, 200.0, GRID)
    assert parts is not None
    polys = np.asarray([p for p, _ in parts], dtype=object)
    assert abs(shapely.area(polys).sum() - block.area) < 1e-2
    assert sum(len(m) for _, m in parts) == len(foot)
    for poly, members in parts:
        assert weight[members].sum() <= 200
        for f in foot[members]:  # a footprint overlapped by no other one stays whole
            others = np.delete(foot, np.flatnonzero(foot == f))
            if not shapely.intersects(others, f).any():
                assert shapely.difference(f, poly).area < 1e-3


def test_a_light_neighbourhood_gets_one_region_fewer():
    # a 6 × 6 lattice: the west half light (15 per node), the east half heavy (45)
    n = 6
    xy = np.array([(i, j) for j in range(n) for i in range(n)], dtype=float) * 100
    w = np.where(xy[:, 0] < 300, 15.0, 45.0)
    adj = [[q for q in range(n * n) if abs(xy[p] - xy[q]).sum() == 100] for p in range(n * n)]
    k = round(w.sum() / 400)
    labels = regionalize(adj, w, xy, np.full(n * n, 1e4), k, 300, 500, seed=0)
    sums = np.bincount(labels, weights=w)
    sums = sums[np.bincount(labels) > 0]
    assert ((sums >= 300) & (sums <= 500)).all(), sums


def test_shape_metrics_see_rings_parts_and_streets():
    square = shapely.box(0, 0, 100, 100)
    ring = shapely.difference(shapely.box(-20, -20, 120, 120), square)
    two = shapely.MultiPolygon([shapely.box(200, 0, 220, 20), shapely.box(300, 0, 320, 20)])
    m = shape_metrics(np.asarray([square, ring, two], dtype=object))
    assert m["holed_cells"] == 1 and m["multipart_cells"] == 1
    assert m["polsby_popper_min"] < 0.2 < m["polsby_popper_mean"]
    halves = np.asarray([shapely.box(0, 0, 50, 100), shapely.box(50, 0, 100, 100)], dtype=object)
    street = np.asarray([shapely.LineString([(50, -10), (50, 110)])], dtype=object)
    assert street_share(halves, street) > 0.99
    assert street_share(halves, np.asarray([shapely.LineString([(0, 0), (1, 1)])])) < 0.01

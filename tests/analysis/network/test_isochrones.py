"""Isochrone polygons and gap areas."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from netref import perturbed_grid_plan

from gridplanner.analysis.network.coverage import nearest_centres
from gridplanner.analysis.network.graph import walk_graph
from gridplanner.analysis.network.isochrones import gap_areas, isochrones
from gridplanner.analysis.network.joining import anchor_points, join_points


@pytest.fixture
def plan():
    return perturbed_grid_plan(nx_=10, ny=8, seed=4, n_centres=3)


def _join_xy(plan):
    g = walk_graph(plan)
    j = join_points(g, anchor_points(plan.buildings.frame.geometry.values))
    return shapely.points(j.xy), j.access


def test_every_building_within_reach_lies_in_its_centres_polygon(plan):
    iso = isochrones(plan, levels=[300, 500], mode="overlap")
    near = nearest_centres(plan)
    pts, access = _join_xy(plan)
    walk = near["distance_m"].to_numpy() - access  # network part, from the join point
    for level in (300, 500):
        for i in np.flatnonzero(walk <= level - 1):
            fid = near["nearest_centre"].iloc[i]
            poly = iso[(iso["centre"] == fid) & (iso["level_m"] == level)].geometry.iloc[0]
            assert poly.buffer(0.5).contains(pts[i])


def test_split_gives_each_place_to_its_nearest_centre(plan):
    iso = isochrones(plan, levels=[500], mode="split", width_m=5)
    near = nearest_centres(plan)
    pts, access = _join_xy(plan)
    walk = near["distance_m"].to_numpy() - access
    hits = 0
    for i in np.flatnonzero(walk <= 480):
        fid = near["nearest_centre"].iloc[i]
        own = iso[iso["centre"] == fid].geometry.iloc[0]
        hits += own.buffer(0.5).contains(pts[i])
    assert hits >= 0.95 * (walk <= 480).sum()
    polys = list(iso.geometry)
    overlap = sum(a.intersection(b).area for k, a in enumerate(polys) for b in polys[k + 1:])
    assert overlap < 1.0  # split areas do not overlap


def test_levels_nest_and_dissolve_unions_them(plan):
    over = isochrones(plan, levels=[300, 1000])
    diss = isochrones(plan, levels=[300, 1000], mode="dissolve")
    assert len(diss) == 2 and diss["centre"].isna().all()
    a300, a1000 = diss.area.to_numpy()
    assert a300 < a1000
    assert a300 == pytest.approx(shapely.union_all(over[over.level_m == 300].geometry).area)
    rings = isochrones(plan, levels=[300, 1000], mode="dissolve", rings=True)
    assert rings.area.iloc[1] == pytest.approx(a1000 - a300, rel=1e-6)


def test_gap_areas_are_the_unreached_parts_of_communities(plan):
    gaps = gap_areas(plan, levels=[200])
    assert len(gaps) and set(gaps["community"]) <= {"东风社区", "西湖社区"}
    reached = isochrones(plan, levels=[200], mode="dissolve").geometry.iloc[0]
    for g in gaps.geometry:
        assert g.intersection(reached).area < 1.0


def test_without_network_isochrones_are_circles(grid_plan):
    grid_plan.network.remove(grid_plan.network.fids())
    iso = isochrones(grid_plan, levels=[300])
    assert set(iso["method"]) == {"straight_line"}
    assert iso.area.iloc[0] == pytest.approx(np.pi * 300**2, rel=0.01)


def test_hull_shape_is_close_to_the_buffered_streets(plan):
    exact = isochrones(plan, levels=[400], mode="dissolve")
    hull = isochrones(plan, levels=[400], mode="dissolve", shape="hull")
    a, b = exact.geometry.iloc[0], hull.geometry.iloc[0]
    assert a.symmetric_difference(b).area < 0.2 * a.area
    split = isochrones(plan, levels=[400], mode="split", shape="hull")
    assert len(split) == 3


def test_star_shape_is_close_to_the_street_band(plan):
    star = isochrones(plan, levels=[400], shape="star")
    exact = isochrones(plan, levels=[400], shape="buffer")
    assert set(star["shape"]) == {"star"} and set(exact["shape"]) == {"buffer"}
    for s, e in zip(star.geometry, exact.geometry, strict=True):
        assert s.is_valid
        assert s.symmetric_difference(e).area < 0.3 * e.area

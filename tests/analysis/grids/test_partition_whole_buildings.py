"""A building is never split between two cells, whatever cuts through it."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from factories import CRS, ORIGIN, street_grid_plan

from gridplanner.analysis.grids.partition import generate_cells, plan_buildings, replace_cells
from gridplanner.analysis.grids.validation import validate_cells
from gridplanner.analysis.grids.whole_buildings import keep_buildings_whole


def test_a_cut_footprint_goes_wholly_to_the_cell_of_its_point():
    area = shapely.box(0, 0, 100, 50)
    west, east = shapely.box(0, 0, 50, 50), shapely.box(50, 0, 100, 50)
    plan = street_grid_plan(nx=1, ny=1)
    plan.buildings.replace(gpd.GeoDataFrame(
        {"households": [40.0]}, geometry=[shapely.box(40, 10, 70, 20)], crs=CRS))
    b = plan_buildings(plan)  # representative point at x=55: the east cell
    new_west, new_east = keep_buildings_whole([west, east], area, b)
    footprint = shapely.box(40, 10, 70, 20)
    assert new_east.contains(footprint)
    assert shapely.intersection(new_west, footprint).area < 1e-6
    assert abs(new_west.area + new_east.area - area.area) < 1e-3  # still an exact cover
    assert shapely.intersection(new_west, new_east).area < 1e-6


def test_footpaths_through_buildings_do_not_split_them():
    plan = street_grid_plan(nx=6, ny=4, per_block=4, households=(60, 90))
    x0, y0 = ORIGIN
    # a footpath through the middle row of buildings of every block column
    paths = [shapely.LineString([(x0 + 25 + 50 * k, y0), (x0 + 25 + 50 * k, y0 + 400)])
             for k in range(12)]
    plan.network.add(gpd.GeoDataFrame({"highway": ["footway"] * len(paths)},
                                      geometry=paths, crs=CRS))
    footprints = np.asarray(plan.buildings.frame.geometry.values, dtype=object)
    assert shapely.intersects(footprints[:, None], np.asarray(paths)[None, :]).any()
    result = generate_cells(plan, "balanced", low=300, high=500, seed=3)
    replace_cells(plan, result.cells, None)
    kinds = {f.kind for f in validate_cells(plan)}
    assert "building_split" not in kinds
    assert not kinds & {"overlap", "gap", "outside_community", "crosses_community"}


def test_a_footprint_overlapping_another_cells_building_is_left_in_place():
    area = shapely.box(0, 0, 100, 50)
    west, east = shapely.box(0, 0, 50, 50), shapely.box(50, 0, 100, 50)
    plan = street_grid_plan(nx=1, ny=1)
    plan.buildings.replace(gpd.GeoDataFrame(
        {"households": [40.0, 30.0]},
        geometry=[shapely.box(40, 10, 70, 20),    # point in the east cell
                  shapely.box(30, 12, 46, 18)],   # overlaps it, point in the west cell
        crs=CRS))
    b = plan_buildings(plan)
    new_west, new_east = keep_buildings_whole([west, east], area, b)
    # moving the first footprint east would drag part of the second one with it
    assert new_west.equals(west) and new_east.equals(east)


def test_cancel_stops_inside_a_single_large_community():
    import pytest

    from gridplanner.errors import AnalysisError

    plan = street_grid_plan(nx=8, ny=6, per_block=4, households=(60, 90))
    plan.boundaries.remove([2, 3])  # one community over everything
    plan.boundaries.set_attributes(1, {"level": "community", "name": "大社区"})
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1  # the user presses Cancel once work has started

    with pytest.raises(AnalysisError, match="cancelled"):
        generate_cells(plan, "balanced", low=300, high=500, cancelled=cancelled)
    assert len(calls) == 2  # stopped inside the community, not after it

"""Regular square and hexagonal cells clipped to communities."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from gridplanner.analysis.grids.partition import generate_cells, replace_cells
from gridplanner.analysis.grids.regular import cells_from_extent, grid_communities, tile_polygon
from gridplanner.analysis.grids.validation import validate_cells
from gridplanner.errors import AnalysisError

GEOMETRY_RULES = {"overlap", "gap", "crosses_community", "outside_community",
                  "invalid_geometry", "multipart", "non_contiguous", "no_community"}


@pytest.mark.parametrize("shape", ["square", "hex"])
def test_regular_cells_tile_each_community(grid_plan, shape):
    result = generate_cells(grid_plan, method=shape, size=130)
    replace_cells(grid_plan, result.cells)
    assert [f for f in validate_cells(grid_plan) if f.kind in GEOMETRY_RULES] == []
    assert set(grid_plan.cells.frame["kind"]) == {"comprehensive"}
    for name, area in zip(grid_plan.communities()["name"], grid_plan.communities().geometry,
                          strict=True):
        cells = grid_plan.cells.frame[grid_plan.cells.frame["community"] == name]
        assert sum(g.area for g in cells.geometry) == pytest.approx(area.area)


def test_hexagons_have_the_requested_width():
    hexes = cells_from_extent((0, 0, 1000, 1000), 100, "hex")
    b = shapely.bounds(hexes[0])
    assert b[3] - b[1] == pytest.approx(100)
    assert shapely.area(hexes[0]) == pytest.approx(math.sqrt(3) / 2 * 100 ** 2)
    assert shapely.union_all(hexes).contains(shapely.box(0, 0, 1000, 1000))


def test_squares_start_at_the_lower_left_corner():
    squares = cells_from_extent((10, 20, 310, 220), 100)
    assert len(squares) == 6
    assert shapely.bounds(squares[0]).tolist() == [10, 20, 110, 120]


def test_concave_boundary_leaves_no_splinters():
    l_shape = shapely.Polygon([(0, 0), (300, 0), (300, 110), (110, 110), (110, 300), (0, 300)])
    pieces = tile_polygon(l_shape, 100)
    assert min(p.area for p in pieces) >= 0.15 * 100 * 100
    assert sum(p.area for p in pieces) == pytest.approx(l_shape.area)
    assert all(p.geom_type == "Polygon" for p in pieces)


def test_dedicated_area_is_cut_out(grid_plan):
    school = shapely.box(440000, 4420000, 440150, 4420150)
    out = grid_communities(grid_plan.communities(), 100, exclude=school)
    assert shapely.union_all(out.geometry.values).intersection(school).area == 0


@pytest.mark.parametrize("size", [0, -5, float("nan")])
def test_bad_sizes_are_refused(size):
    with pytest.raises(AnalysisError, match="positive"):
        cells_from_extent((0, 0, 10, 10), size)


def test_too_many_cells_is_refused():
    with pytest.raises(AnalysisError, match="larger size"):
        cells_from_extent((0, 0, 100000, 100000), 1)


def test_unknown_shape_is_refused():
    with pytest.raises(AnalysisError, match="square or hex"):
        cells_from_extent((0, 0, 10, 10), 1, "triangle")
    assert np.all(shapely.is_valid(cells_from_extent((0, 0, 50, 50), 10, "hex")))

"""Qt-free helpers of the cell tools: community lookup, brush and lasso, rebuild from paint."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from factories import ORIGIN

from gridplanner.analysis.grids.painting import (
    buildings_in_lasso,
    buildings_in_stroke,
    codes_for_new_cells,
    community_at,
    nearest_edge_point,
    nearest_vertex,
    painted_cells,
    polygon_parts,
    rebuild_outlines,
)
from gridplanner.analysis.grids.validation import validate_cells
from gridplanner.errors import AnalysisError

X0, Y0 = ORIGIN
COLUMN = "painted_cell"


def test_community_at_takes_the_larger_share(grid_plan):
    comms = grid_plan.communities()
    assert community_at(shapely.box(X0 + 250, Y0, X0 + 320, Y0 + 50), comms) == "东风社区"
    assert community_at(shapely.box(X0 + 280, Y0, X0 + 400, Y0 + 50), comms) == "西湖社区"
    assert community_at(shapely.box(X0 - 500, Y0, X0 - 400, Y0 + 50), comms) == ""


def test_brush_and_lasso_pick_buildings():
    boxes = np.asarray([shapely.box(i * 10, 0, i * 10 + 4, 4) for i in range(5)], dtype=object)
    assert list(buildings_in_stroke(boxes, [(2, 10), (22, 10)], 6.5)) == [0, 1, 2]
    assert list(buildings_in_lasso(boxes, [(-1, -1), (15, -1), (15, 5), (-1, 5)])) == [0, 1]
    assert len(buildings_in_lasso(boxes, [(0, 0), (1, 1)])) == 0


def test_polygon_parts_largest_first():
    mixed = shapely.GeometryCollection([shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0),
                                        (5, 5)]), shapely.box(5, 5, 8, 8)])
    assert [p.area for p in polygon_parts(mixed)] == [9.0, 1.0]
    assert polygon_parts(None) == []


def _three_painted_cells(plan):
    fids = plan.cells.add(gpd.GeoDataFrame({"community": ["东风社区"] * 3},
                                           geometry=[None] * 3, crs=plan.crs))
    frame = plan.buildings.frame
    pts = shapely.point_on_surface(frame.geometry.values)
    west = plan.communities().geometry.iloc[0]
    x = shapely.get_x(pts)
    paint = {int(b): fids[min(int((xx - X0) // 100), 2)]
             for b, xx, inside in zip(frame.index, x, shapely.contains(west, pts), strict=True)
             if inside}
    plan.buildings.set_column(COLUMN, paint)
    return fids


def test_rebuild_makes_a_gap_free_grid_of_the_community(grid_plan):
    fids = _three_painted_cells(grid_plan)
    result = rebuild_outlines(grid_plan, COLUMN)
    assert sorted(result.geometries) == fids and result.problems == []
    grid_plan.cells.set_geometries(result.geometries)
    bad = [f for f in validate_cells(grid_plan) if f.community == "东风社区"
           and f.kind in ("gap", "overlap", "crosses_community", "building_split")]
    assert bad == []
    union = shapely.union_all(list(result.geometries.values()))
    assert union.area == pytest.approx(300 * 400)


def test_rebuild_keeps_cells_without_buildings_and_dedicated_cells(grid_plan):
    park = shapely.box(X0 + 100, Y0 + 300, X0 + 200, Y0 + 400)
    (kept,) = grid_plan.cells.add(gpd.GeoDataFrame({"community": ["东风社区"], "kind": ["dedicated"]},
                                                   geometry=[park], crs=grid_plan.crs))
    fids = _three_painted_cells(grid_plan)
    painted = painted_cells(grid_plan, COLUMN)
    inside_park = shapely.contains(park, shapely.point_on_surface(
        grid_plan.buildings.frame.geometry.values))
    grid_plan.buildings.set_column(COLUMN, {int(b): None for b in
                                            grid_plan.buildings.frame.index[inside_park]})
    result = rebuild_outlines(grid_plan, COLUMN)
    assert kept not in result.geometries
    for fid in fids:
        assert result.geometries[fid].intersection(park).area < 1e-6
    assert painted.notna().sum() == 48


def test_rebuild_without_buildings_says_so(grid_plan):
    with pytest.raises(AnalysisError, match="no cell has buildings"):
        rebuild_outlines(grid_plan, COLUMN)


def test_codes_for_new_cells_follow_the_scheme(grid_plan):
    rows = gpd.GeoDataFrame({"community": ["西湖社区", "西湖社区"]},
                            geometry=[shapely.box(X0 + 300, Y0, X0 + 400, Y0 + 100), None],
                            crs=grid_plan.crs)
    assert codes_for_new_cells(grid_plan, rows) == ["000000001002001", ""]


def test_nearest_vertex_and_edge_point():
    cells = [shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10)]
    assert nearest_vertex(cells, (10.5, 9.6), 1.0) == (10.0, 10.0)
    assert nearest_vertex(cells, (15, 5), 1.0) is None
    assert nearest_edge_point(cells, (10.4, 5.0)) == pytest.approx((10.0, 5.0))
    assert nearest_edge_point([], (0, 0)) is None


def _two_hand_cells(plan):
    return plan.cells.add(gpd.GeoDataFrame(
        {"community": ["东风社区"] * 3},
        geometry=[shapely.box(X0, Y0, X0 + 100, Y0 + 400), shapely.box(X0 + 100, Y0, X0 + 200,
                                                                      Y0 + 400),
                  shapely.box(X0 + 200, Y0, X0 + 300, Y0 + 400)], crs=plan.crs))


def test_a_paint_stroke_only_reshapes_the_cells_it_touched(grid_plan):
    a, b, c = _two_hand_cells(grid_plan)
    frame = grid_plan.buildings.frame
    x = shapely.get_x(shapely.point_on_surface(frame.geometry.values))
    moved = [int(f) for f, xx in zip(frame.index, x, strict=True) if X0 + 100 < xx < X0 + 150][:2]
    grid_plan.buildings.set_column(COLUMN, {f: a for f in moved})
    result = rebuild_outlines(grid_plan, COLUMN, ["东风社区"], only={a, b})
    assert set(result.geometries) == {a, b}
    union = shapely.union(result.geometries[a], result.geometries[b])
    assert union.area == pytest.approx(200 * 400)  # c is untouched, a and b share their area
    for f in moved:
        assert result.geometries[a].contains(shapely.point_on_surface(frame.geometry[f]))


def test_a_cell_painted_empty_loses_its_outline(grid_plan):
    a, b, c = _two_hand_cells(grid_plan)
    frame = grid_plan.buildings.frame
    inside_b = shapely.contains(grid_plan.cells.geometry(b),
                                shapely.point_on_surface(frame.geometry.values))
    grid_plan.buildings.set_column(COLUMN, {int(f): a for f in frame.index[inside_b]})
    result = rebuild_outlines(grid_plan, COLUMN, ["东风社区"])
    assert result.geometries[b] is None
    assert result.geometries[a].area == pytest.approx(200 * 400)


def test_repainting_a_few_cells_leaves_gaps_and_unassigned_buildings_alone(grid_plan):
    from gridplanner.analysis.grids.partition import generate_cells, replace_cells
    from gridplanner.analysis.grids.tallies import assign_points, building_points

    replace_cells(grid_plan, generate_cells(grid_plan, seed=0).cells)
    cells = grid_plan.cells.frame
    east = cells[cells["community"] == "东风社区"]
    gone = int(east.index[0])
    grid_plan.cells.remove([gone])  # a gap with unassigned buildings in it
    pts = building_points(grid_plan.buildings.frame.geometry.values)
    cells = grid_plan.cells.frame
    where = assign_points(cells.geometry.values, pts)
    unassigned = set(np.flatnonzero(where < 0))
    assert unassigned
    # one building moves to a neighbouring cell across their shared edge
    geoms = dict(zip(cells.index, cells.geometry.values, strict=True))
    a, b = next((int(x), int(y)) for x in geoms for y in geoms
                if x < y and shapely.intersection(geoms[x], geoms[y]).length > 10)
    edge = shapely.intersection(geoms[a], geoms[b])
    mine = [i for i in np.flatnonzero(where == list(cells.index).index(a))]
    move = min(mine, key=lambda i: pts[i].distance(edge))
    fid = int(grid_plan.buildings.frame.index[move])
    grid_plan.buildings.set_column(COLUMN, {fid: b})
    out = rebuild_outlines(grid_plan, COLUMN, [str(cells.at[a, "community"])], only={a, b})
    assert set(out.geometries) == {a, b}
    before = shapely.union_all([geoms[a], geoms[b]])
    after = shapely.union_all([out.geometries[a], out.geometries[b]])
    assert abs(after.area - before.area) < 1.0  # no gap pulled in, nothing lost
    assert all(len(polygon_parts(g)) == 1 for g in out.geometries.values())
    new = assign_points([out.geometries[a], out.geometries[b]], pts)
    assert new[move] == 1
    assert not any(new[i] >= 0 for i in unassigned)  # no unassigned building pulled in

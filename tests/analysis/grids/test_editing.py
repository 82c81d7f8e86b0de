"""The geometry behind the cell editing tools."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gridplanner.analysis.grids.editing import (
    assign_buildings,
    clip_new_cell,
    delete_shared_vertex,
    delete_vertex,
    insert_shared_vertex,
    insert_vertex,
    merge_polygons,
    move_vertex,
    outlines_from_buildings,
    repaint_cells,
    snap_point,
    split_polygon,
    voronoi_partition,
)
from gridplanner.errors import AnalysisError

A = shapely.box(0, 0, 10, 10)
B = shapely.box(10, 0, 20, 10)
TOP = shapely.box(0, 10, 20, 20)  # its lower edge has no vertex at (10, 10)


def no_overlaps(geoms):
    geoms = list(geoms)
    return all(geoms[i].intersection(geoms[j]).area < 1e-9
               for i in range(len(geoms)) for j in range(i + 1, len(geoms)))


def test_snap_prefers_vertices_then_edges():
    s = snap_point((10.3, 9.8), [A, B], 0.5)
    assert s.kind == "vertex" and s.point.equals(shapely.Point(10, 10))
    assert s.index in (0, 1) and s.distance == pytest.approx(np.hypot(0.3, 0.2))
    e = snap_point((5, 10.4), [A, B], 0.5)
    assert e.kind == "edge" and e.point.equals(shapely.Point(5, 10)) and e.index == 0
    none = snap_point((5, 5), [A, B], 0.5)
    assert none.kind is None and none.point.equals(shapely.Point(5, 5))
    assert snap_point((0, 0), [], 1).kind is None


def test_snap_reports_the_vertex_position():
    s = snap_point((19.9, 0.1), [A, B], 0.5)
    assert s.index == 1
    assert shapely.get_coordinates(B)[s.vertex].tolist() == [20.0, 0.0]


def test_clip_new_cell_avoids_other_cells_and_stays_in_its_community():
    drawn = shapely.box(5, 5, 30, 15)
    community = shapely.box(0, 0, 25, 25)
    clipped = clip_new_cell(drawn, [A, B], community)
    assert clipped.equals(shapely.box(5, 10, 25, 15).union(shapely.box(20, 5, 25, 10)))
    assert clipped.intersection(A).area == 0 and clipped.intersection(B).area == 0
    with pytest.raises(AnalysisError, match="entirely"):
        clip_new_cell(shapely.box(1, 1, 9, 9), [A])


def test_split_by_a_polyline():
    pieces = split_polygon(A, shapely.LineString([(-1, 3), (5, 3), (5, 11)]))
    assert len(pieces) == 2
    assert pieces[0].area == pytest.approx(65) and pieces[1].area == pytest.approx(35)
    with pytest.raises(AnalysisError, match="cross the cell"):
        split_polygon(A, shapely.LineString([(2, 2), (3, 3)]))


def test_merge_needs_a_shared_edge():
    merged = merge_polygons([A, B])
    assert merged.equals(shapely.box(0, 0, 20, 10))
    with pytest.raises(AnalysisError, match="share an edge"):
        merge_polygons([A, shapely.box(10, 10, 20, 20)])
    with pytest.raises(AnalysisError, match="at least two"):
        merge_polygons([A])


def test_moving_a_shared_vertex_moves_it_in_every_cell():
    cells = {1: A, 2: B, 3: TOP}
    moved = move_vertex(cells, (10, 10), (12, 13), 0.01)
    assert set(moved) == {1, 2, 3}
    after = {**cells, **moved}
    assert no_overlaps(after.values())
    total = shapely.union_all(list(after.values()))
    assert total.area == pytest.approx(400)
    assert all(g.is_valid for g in after.values())


def test_a_move_that_makes_a_cell_cross_itself_is_refused():
    with pytest.raises(AnalysisError, match="cell 1 would become invalid"):
        move_vertex({1: A}, (10, 10), (5, -5), 0.01)
    assert move_vertex({1: A}, (10, 10), (5, -5), 0.01, check=False)[1].is_valid is False


def test_insert_and_delete_vertices():
    g = insert_vertex(A, (5, 10.2), 0.5)
    assert len(shapely.get_coordinates(g)) == 6 and g.equals(A)
    back = delete_vertex(g, (5, 10), 0.1)
    assert back.equals(A) and len(shapely.get_coordinates(back)) == 5
    with pytest.raises(AnalysisError, match="no edge"):
        insert_vertex(A, (5, 5), 0.5)
    with pytest.raises(AnalysisError, match="three vertices"):
        delete_vertex(shapely.Polygon([(0, 0), (1, 0), (0, 1)]), (0, 0), 0.1)


def test_shared_vertex_insert_and_delete():
    added = insert_shared_vertex({1: A, 2: B, 3: TOP}, (10, 10), 0.01)
    assert set(added) == {3}  # A and B already have a vertex there
    removed = delete_shared_vertex({1: A, 3: added[3]}, (0, 10), 0.01)
    assert set(removed) == {1, 3}


def test_outlines_from_painted_buildings_cover_the_community():
    community = shapely.Polygon([(0, 0), (200, 0), (200, 120), (80, 160), (0, 120)])
    rng = np.random.default_rng(3)
    xy = rng.uniform(20, 110, (30, 2))
    buildings = list(shapely.box(xy[:, 0], xy[:, 1], xy[:, 0] + 6, xy[:, 1] + 4))
    label = ["甲" if x < 60 else "乙" for x in xy[:, 0]]
    outlines = outlines_from_buildings(community, buildings, label)
    assert set(outlines) == {"甲", "乙"}
    assert no_overlaps(outlines.values())
    assert shapely.union_all(list(outlines.values())).area == pytest.approx(community.area)
    where = assign_buildings([outlines["甲"], outlines["乙"]], buildings)
    assert [("甲", "乙")[w] for w in where] == label


def test_voronoi_cut_runs_between_buildings():
    region = shapely.box(0, 0, 100, 40)
    buildings = [shapely.box(10, 10, 45, 30), shapely.box(55, 10, 90, 30)]
    parts = voronoi_partition(region, buildings)
    cut = parts[0].intersection(parts[1])
    assert cut.length == pytest.approx(40, abs=0.5)
    assert all(abs(x - 50) < 1.0 for x, _ in shapely.get_coordinates(cut))


def test_assign_buildings_by_representative_point():
    l_shape = shapely.Polygon([(8, 1), (9, 1), (9, 8), (18, 8), (18, 9), (8, 9)])
    assert assign_buildings([A, B], [l_shape, shapely.Point(15, 5), shapely.Point(50, 50)]
                            ).tolist() == [int(shapely.point_on_surface(l_shape).x > 10), 1, -1]


def test_painting_leaves_dedicated_cells_out():
    community = shapely.box(0, 0, 100, 100)
    school = shapely.box(0, 0, 30, 30)
    buildings = [shapely.box(50, 10, 60, 20), shapely.box(50, 70, 60, 80)]
    outlines = outlines_from_buildings(community, buildings, ["a", "b"], exclude=[school])
    assert all(g.intersection(school).area == 0 for g in outlines.values())
    total = sum(g.area for g in outlines.values())
    assert total == pytest.approx(community.area - school.area)


def test_repainting_redraws_only_the_cells_concerned():
    left, right = shapely.box(0, 0, 50, 40), shapely.box(50, 0, 100, 40)
    buildings = [shapely.box(10, 10, 20, 20), shapely.box(40, 10, 45, 20),
                 shapely.box(70, 10, 80, 20)]
    out = repaint_cells({"a": left, "b": right}, buildings, ["a", "b", "b"])
    assert out["a"].area + out["b"].area == pytest.approx(4000)
    assert out["a"].area < left.area  # building 2 moved to b, and b's outline with it
    assert out["b"].contains(shapely.point_on_surface(buildings[1]))
    emptied = repaint_cells({"a": left, "b": right}, buildings, ["b", "b", "b"])
    assert emptied["a"].is_empty and emptied["b"].area == pytest.approx(4000)
    with pytest.raises(AnalysisError, match="not among the cells"):
        repaint_cells({"a": left}, buildings, ["a", "a", "z"])

"""Drawing, snapping, vertex editing and splitting cells with synthetic mouse events."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from factories import ORIGIN
from grid_events import click, double_click, drag, key, map_clicks, widget_point
from PySide6.QtCore import Qt

from gridplanner.analysis.grids.tallies import BuildingIndex

X0, Y0 = ORIGIN


@pytest.fixture
def grids(main_window):
    """The grid feature of a window showing the street grid at about 1 m per pixel."""
    feature = main_window.features["grids"]
    main_window.canvas.set_extent((X0 - 50, Y0 - 50, X0 + 650, Y0 + 450))
    main_window.canvas.render_now()
    return feature


def _add_cells(plan, boxes, community="东风社区"):
    frame = gpd.GeoDataFrame({"community": [community] * len(boxes),
                              "code": [""] * len(boxes)},
                             geometry=[shapely.box(*b) for b in boxes], crs=plan.crs)
    return plan.cells.add(frame)


def _undo_redo(window, check_before, check_after):
    window.undo_stack.undo()
    check_before()
    window.undo_stack.redo()
    check_after()


def test_draw_a_cell_vertex_by_vertex(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    grids.use_tool("draw_cell")
    square = [(X0 + 30, Y0 + 30), (X0 + 70, Y0 + 30), (X0 + 70, Y0 + 70), (X0 + 30, Y0 + 70)]
    map_clicks(canvas, square)
    double_click(canvas, widget_point(canvas, *square[-1]))
    assert len(plan.cells) == 1
    fid = plan.cells.fids()[0]
    cell = plan.cells.geometry(fid)
    assert cell.equals(shapely.Polygon(square))
    row = plan.cells.row(fid)
    assert row["community"] == "东风社区"
    assert row["code"] == "000000001001001"  # the next serial in its community
    assert canvas.selection("cells") == [fid]
    _undo_redo(main_window, lambda: len(plan.cells) == 0 or pytest.fail("not undone"),
               lambda: plan.cells.geometry(fid).equals(cell) or pytest.fail("not redone"))


def test_backspace_escape_and_right_click(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    tool = grids.tools["draw_cell"]
    grids.use_tool("draw_cell")
    pts = [(X0 + 30, Y0 + 30), (X0 + 70, Y0 + 30), (X0 + 70, Y0 + 70), (X0 + 50, Y0 + 90)]
    map_clicks(canvas, pts)
    key(canvas, Qt.Key.Key_Backspace)
    assert tool.vertices == pts[:3]
    key(canvas, Qt.Key.Key_Escape)
    assert tool.vertices == [] and tool._bands == []
    map_clicks(canvas, pts[:3])
    click(canvas, widget_point(canvas, X0 + 40, Y0 + 60), Qt.MouseButton.RightButton)
    assert len(plan.cells) == 1
    assert plan.cells.geometry(plan.cells.fids()[0]).equals(shapely.Polygon(pts[:3]))


def test_a_click_5_px_from_a_boundary_vertex_lands_on_it(grids, main_window):
    canvas = main_window.canvas
    tool = grids.tools["draw_cell"]
    grids.use_tool("draw_cell")
    corner = (X0, Y0 + 400)  # north-west corner of both the community and the streets
    click(canvas, widget_point(canvas, *corner, dx=4, dy=3))  # 5 px away
    assert tool.vertices[-1] == pytest.approx(corner)
    assert tool.indicator.result is not None and tool.indicator.result.kind == "vertex"
    # 5 px from the middle of a boundary edge: lands on the edge
    click(canvas, widget_point(canvas, X0 + 45, Y0 + 400, dy=5))
    x, y = tool.vertices[-1]
    assert y == pytest.approx(Y0 + 400) and x == pytest.approx(X0 + 45, abs=1.5)
    assert tool.indicator.result.kind == "edge"
    # 30 px away: no snap
    click(canvas, widget_point(canvas, X0 + 150, Y0 + 330))
    assert tool.indicator.result is None
    grids.actions["snapping"].trigger()  # off
    click(canvas, widget_point(canvas, *corner, dx=4, dy=3))
    assert tool.vertices[-1] != pytest.approx(corner)


def test_avoid_overlap_clips_by_cells_and_community(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    (old,) = _add_cells(plan, [(X0, Y0, X0 + 100, Y0 + 100)])
    grids.use_tool("draw_cell")
    # overlaps the old cell and crosses into the east community (x > X0 + 300)
    drawn = [(X0 + 50, Y0 + 50), (X0 + 350, Y0 + 50), (X0 + 350, Y0 + 150), (X0 + 50, Y0 + 150)]
    map_clicks(canvas, drawn)
    key(canvas, Qt.Key.Key_Return)
    new = [f for f in plan.cells.fids() if f != old]
    assert len(new) == 1
    cell = plan.cells.geometry(new[0])
    assert cell.intersection(plan.cells.geometry(old)).area < 1e-6
    assert cell.bounds[2] == pytest.approx(X0 + 300)
    assert cell.area == pytest.approx(250 * 100 - 50 * 50)
    grids.actions["avoid_overlap"].trigger()  # off: drawn as it is
    map_clicks(canvas, drawn)
    key(canvas, Qt.Key.Key_Return)
    assert max(plan.cells.geometry(f).area for f in plan.cells.fids()) == pytest.approx(300 * 100)


def test_dragging_a_shared_vertex_moves_both_cells_and_tallies_follow(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    west, east = _add_cells(plan, [(X0, Y0, X0 + 100, Y0 + 200), (X0 + 100, Y0, X0 + 200,
                                                                   Y0 + 200)])
    grids.tallies.recompute()
    before = {f: plan.cells.geometry(f) for f in (west, east)}
    grids.use_tool("vertex")
    start = widget_point(canvas, X0 + 100, Y0 + 200, dx=2, dy=1)
    end = widget_point(canvas, X0 + 160, Y0 + 200)
    mid = widget_point(canvas, X0 + 130, Y0 + 200)
    rows = grids.tallies.model.frame
    households_before = rows.at[west, "households"]
    drag(canvas, [start, mid, end], release=False)
    # while dragging, the west cell's numbers follow the preview outline
    index = BuildingIndex.from_plan(plan)
    preview = index.tally({west: shapely.Polygon([(X0, Y0), (X0 + 100, Y0), (X0 + 160, Y0 + 200),
                                                 (X0, Y0 + 200)])})
    assert grids.tallies.model.frame.at[west, "households"] == preview.at[west, "households"]
    assert preview.at[west, "households"] > households_before
    key(canvas, Qt.Key.Key_Escape)  # give up: the tallies show the plan again
    assert grids.tallies.model.frame.at[west, "households"] == households_before
    assert plan.cells.geometry(west).equals(before[west])
    drag(canvas, [start, mid, end])
    w, e = plan.cells.geometry(west), plan.cells.geometry(east)
    assert (X0 + 160, Y0 + 200) in list(w.exterior.coords)
    assert (X0 + 160, Y0 + 200) in list(e.exterior.coords)
    assert w.intersection(e).area < 1e-6 and w.union(e).area == pytest.approx(200 * 200)

    def moved():
        assert plan.cells.geometry(west).equals(w)

    def back():
        assert plan.cells.geometry(west).equals(before[west])
        assert plan.cells.geometry(east).equals(before[east])

    _undo_redo(main_window, back, moved)


def test_double_click_adds_a_shared_vertex_and_delete_removes_it(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    west, east = _add_cells(plan, [(X0, Y0, X0 + 100, Y0 + 200), (X0 + 100, Y0, X0 + 200,
                                                                   Y0 + 200)])
    grids.use_tool("vertex")
    n = {f: len(plan.cells.geometry(f).exterior.coords) for f in (west, east)}
    double_click(canvas, widget_point(canvas, X0 + 100, Y0 + 120, dx=3))
    assert all(len(plan.cells.geometry(f).exterior.coords) == n[f] + 1 for f in (west, east))
    assert grids.tools["vertex"].selected == pytest.approx((X0 + 100, Y0 + 120))
    key(canvas, Qt.Key.Key_Delete)
    assert all(len(plan.cells.geometry(f).exterior.coords) == n[f] for f in (west, east))
    main_window.undo_stack.undo()
    assert len(plan.cells.geometry(west).exterior.coords) == n[west] + 1
    main_window.undo_stack.redo()
    assert len(plan.cells.geometry(west).exterior.coords) == n[west]


def test_a_vertex_move_that_breaks_a_cell_is_refused(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    (fid,) = _add_cells(plan, [(X0 + 20, Y0 + 20, X0 + 80, Y0 + 80)])
    grids.use_tool("vertex")
    before = plan.cells.geometry(fid)
    # drag the south-west corner across the far edge: the ring would cross itself
    drag(canvas, [widget_point(canvas, X0 + 20, Y0 + 20),
                  widget_point(canvas, X0 + 90, Y0 + 50),
                  widget_point(canvas, X0 + 140, Y0 + 50)])
    assert plan.cells.geometry(fid).equals(before)
    assert main_window.undo_stack.count() == 0
    assert "invalid" in main_window.statusBar().currentMessage()


def test_split_a_cell_with_a_line(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    (fid,) = _add_cells(plan, [(X0, Y0, X0 + 200, Y0 + 100)])
    plan.cells.set_attributes(fid, {"name": "一号网格"})
    grids.use_tool("split")
    map_clicks(canvas, [(X0 + 130, Y0 - 20)])
    double_click(canvas, widget_point(canvas, X0 + 130, Y0 + 130))
    assert len(plan.cells) == 2
    areas = sorted(plan.cells.geometry(f).area for f in plan.cells.fids())
    assert areas == pytest.approx([70 * 100, 130 * 100])
    assert plan.cells.geometry(fid).area == pytest.approx(130 * 100)  # keeps the larger
    assert set(plan.cells.frame["name"]) == {"一号网格"}
    (new,) = [f for f in plan.cells.fids() if f != fid]
    assert len(plan.cells.row(new)["code"]) == 15  # the new piece is numbered
    _undo_redo(main_window,
               lambda: (len(plan.cells) == 1 and plan.cells.geometry(fid).area == 20000)
               or pytest.fail("split not undone"),
               lambda: len(plan.cells) == 2 or pytest.fail("split not redone"))


def test_merge_delete_and_attributes(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    a, b, c = _add_cells(plan, [(X0, Y0, X0 + 100, Y0 + 100), (X0 + 100, Y0, X0 + 200, Y0 + 150),
                                (X0, Y0 + 300, X0 + 100, Y0 + 400)])
    canvas.set_selection("cells", [a, c])
    grids.actions["merge_cells"].trigger()
    assert len(plan.cells) == 3  # not adjacent: refused
    assert "share an edge" in main_window.statusBar().currentMessage()
    canvas.set_selection("cells", [a, b])
    grids.actions["merge_cells"].trigger()
    assert sorted(plan.cells.fids()) == [b, c]  # the larger cell stays
    assert plan.cells.geometry(b).area == pytest.approx(100 * 100 + 100 * 150)
    _undo_redo(main_window, lambda: len(plan.cells) == 3 or pytest.fail(),
               lambda: len(plan.cells) == 2 or pytest.fail())
    canvas.set_selection("cells", [c])
    grids.actions["delete_cells"].trigger()
    assert plan.cells.fids() == [b]
    _undo_redo(main_window, lambda: c in plan.cells.fids() or pytest.fail(),
               lambda: plan.cells.fids() == [b] or pytest.fail())
    canvas.set_selection("cells", [b])
    grids.ask_attributes = lambda values: {**values, "name": "二号网格", "kind": "dedicated",
                                           "notes": "学校"}
    grids.actions["cell_attributes"].trigger()
    row = plan.cells.row(b)
    assert (row["name"], row["kind"], row["notes"]) == ("二号网格", "dedicated", "学校")
    main_window.undo_stack.undo()
    assert plan.cells.row(b)["name"] == "" and plan.cells.row(b)["kind"] == "comprehensive"
    main_window.undo_stack.redo()
    assert plan.cells.row(b)["name"] == "二号网格"


def test_a_dragged_vertex_snaps_to_a_street_corner(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    (fid,) = _add_cells(plan, [(X0 + 20, Y0 + 20, X0 + 80, Y0 + 80)])
    grids.use_tool("vertex")
    corner = (X0 + 100, Y0 + 100)  # a street crossing
    drag(canvas, [widget_point(canvas, X0 + 80, Y0 + 80), widget_point(canvas, X0 + 90, Y0 + 90),
                  widget_point(canvas, *corner, dx=-4, dy=3)])
    assert corner in list(plan.cells.geometry(fid).exterior.coords)


def test_status_colours_show_on_the_map(grids, main_window):
    from PySide6.QtGui import QColor

    from gridplanner.qt.grids.tallies_dock import STATUS_COLOURS

    plan, canvas = main_window.plan, main_window.canvas
    (fid,) = _add_cells(plan, [(X0, Y0, X0 + 100, Y0 + 100)])  # 4 buildings: below the range
    grids.tallies.recompute()
    pos = widget_point(canvas, X0 + 50, Y0 + 50).toPoint()  # between the buildings
    canvas.render_now()
    plain = canvas.grab().toImage().pixelColor(pos)
    grids.actions["status_colours"].trigger()
    canvas.render_now()
    seen = canvas.grab().toImage().pixelColor(pos)
    want = QColor(STATUS_COLOURS["below"])  # light blue
    assert want.blue() > want.red()
    assert plain.blue() < plain.red()  # the palette's pale yellow
    assert seen.blue() > seen.red() + 30  # now blue: below the range


def test_undo_leaves_no_stale_vertex_marker(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    west, east = _add_cells(plan, [(X0, Y0, X0 + 100, Y0 + 200), (X0 + 100, Y0, X0 + 200,
                                                                   Y0 + 200)])
    grids.use_tool("vertex")
    tool = grids.tools["vertex"]
    double_click(canvas, widget_point(canvas, X0 + 100, Y0 + 120, dx=3))
    assert tool.selected == pytest.approx((X0 + 100, Y0 + 120))
    assert (abs(tool.markers.vertices - (X0 + 100, Y0 + 120)).sum(axis=1) < 1e-6).any()
    main_window.undo_stack.undo()  # the added vertex is gone: so are its marker and selection
    assert tool.selected is None and tool.markers.current is None
    assert not (abs(tool.markers.vertices - (X0 + 100, Y0 + 120)).sum(axis=1) < 1e-6).any()

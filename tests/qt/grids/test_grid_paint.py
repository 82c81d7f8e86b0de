"""Painting buildings into cells: click, brush, lasso, and outlines rebuilt from them."""

from __future__ import annotations

import pytest
import shapely
from factories import ORIGIN
from grid_events import click, drag, widget_point
from PySide6.QtCore import Qt

from gridplanner.analysis.grids.tallies import building_cells
from gridplanner.analysis.grids.validation import validate_cells
from gridplanner.qt.grids.commands import PAINT_COLUMN

X0, Y0 = ORIGIN
WEST = "东风社区"
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def grids(main_window):
    feature = main_window.features["grids"]
    canvas = main_window.canvas
    canvas.set_extent((X0 - 50, Y0 - 50, X0 + 650, Y0 + 450))
    canvas.set_centre(X0 + 150, Y0 + 200)  # new cells go to the west community
    canvas.render_now()
    return feature


def _west_buildings(plan):
    frame = plan.buildings.frame
    west = plan.communities().geometry.iloc[0]
    pts = shapely.point_on_surface(frame.geometry.values)
    return frame.index[shapely.contains(west, pts)], shapely.get_x(pts)


def _lasso(canvas, x0, x1):
    ring = [(x0, Y0 + 5), (x1, Y0 + 5), (x1, Y0 + 395), (x0, Y0 + 395), (x0, Y0 + 6)]
    drag(canvas, [widget_point(canvas, x, y) for x, y in ring], modifiers=SHIFT)


def test_painting_a_community_into_three_cells_gives_a_gap_free_grid(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    cells = [grids.new_empty_cell() for _ in range(3)]
    assert set(plan.cells.frame["community"]) == {WEST}
    grids.use_tool("paint")
    assert canvas.styles["buildings"].category_field == PAINT_COLUMN  # painted colours shown
    # cell 1: one click on a building, then a brush stroke down the westmost column
    grids.tallies.set_paint_cell(cells[0])
    frame = plan.buildings.frame
    first = frame.index[0]
    c = frame.geometry[first].centroid
    click(canvas, widget_point(canvas, c.x, c.y))
    assert int(plan.buildings.row(first)[PAINT_COLUMN]) == cells[0]
    stroke = [widget_point(canvas, X0 + 50, Y0 + y) for y in range(10, 400, 20)]
    drag(canvas, stroke)
    # cells 2 and 3: lassos over the middle and east columns
    grids.tallies.set_paint_cell(cells[1])
    _lasso(canvas, X0 + 100, X0 + 200)
    grids.tallies.set_paint_cell(cells[2])
    _lasso(canvas, X0 + 200, X0 + 300)
    west, x = _west_buildings(plan)
    painted = plan.buildings.frame.loc[west, PAINT_COLUMN]
    assert painted.notna().all()
    owner = building_cells(plan).loc[west]
    assert [int(v) for v in owner] == [int(v) for v in painted]  # outlines follow the paint
    grids.actions["rebuild"].trigger()
    kinds = {f.kind for f in validate_cells(plan) if f.community in ("", WEST)
             and f.kind in ("gap", "overlap", "crosses_community", "outside_community",
                            "building_in_no_cell", "building_in_two_cells", "multipart",
                            "non_contiguous", "invalid_geometry")}
    assert kinds <= {"building_in_no_cell"}  # only the east community's buildings
    area = sum(plan.cells.geometry(f).area for f in cells)
    assert area == pytest.approx(300 * 400, rel=1e-6)
    assert all(len(plan.cells.row(f)["code"]) == 15 for f in cells)  # numbered once drawn


def test_a_paint_stroke_is_one_undo_step(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    a = grids.new_empty_cell()
    b = grids.new_empty_cell()
    grids.use_tool("paint")
    grids.tallies.set_paint_cell(a)
    _lasso(canvas, X0, X0 + 300)
    grids.tallies.set_paint_cell(b)
    _lasso(canvas, X0 + 200, X0 + 300)
    west, _ = _west_buildings(plan)
    geom_a = plan.cells.geometry(a)
    geom_b = plan.cells.geometry(b)
    assert geom_b.area == pytest.approx(100 * 400, rel=0.05)
    main_window.undo_stack.undo()
    assert set(int(v) for v in plan.buildings.frame.loc[west, PAINT_COLUMN]) == {a}
    assert plan.cells.geometry(a).area == pytest.approx(300 * 400)
    assert plan.cells.geometry(b) is None or plan.cells.geometry(b).is_empty
    main_window.undo_stack.redo()
    assert plan.cells.geometry(a).equals(geom_a) and plan.cells.geometry(b).equals(geom_b)


def test_rebuild_only_on_request_and_ctrl_click_picks_the_cell(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    grids.actions["auto_rebuild"].trigger()  # off
    a = grids.new_empty_cell()
    grids.use_tool("paint")
    _lasso(canvas, X0, X0 + 300)
    assert plan.cells.geometry(a) is None
    grids.actions["rebuild"].trigger()
    assert plan.cells.geometry(a).area == pytest.approx(300 * 400)
    b = grids.new_empty_cell()
    assert grids.tallies.paint_cell() == b
    click(canvas, widget_point(canvas, X0 + 5, Y0 + 5), modifiers=Qt.KeyboardModifier.ControlModifier)
    assert grids.tallies.paint_cell() == a
    assert grids.view.overlay.paint_cell == a
    main_window.undo_stack.undo()  # the new cell
    main_window.undo_stack.undo()  # the rebuild
    assert plan.cells.geometry(a) is None
    main_window.undo_stack.redo()
    assert plan.cells.geometry(a).area == pytest.approx(300 * 400)


def test_painting_without_a_cell_says_so(grids, main_window):
    grids.use_tool("paint")
    grids.paint_buildings([1, 2])
    assert "cell" in main_window.statusBar().currentMessage()
    assert main_window.undo_stack.count() == 0


def test_brush_radius_follows_keys_and_the_dock(grids, main_window):
    from grid_events import key

    tool = grids.tools["paint"]
    grids.use_tool("paint")
    key(main_window.canvas, Qt.Key.Key_BracketRight)
    assert tool.radius_px == pytest.approx(25) and grids.tallies.brush.value() == 25
    grids.tallies.brush.setValue(8)
    assert tool.radius_px == 8


def test_rebuild_leaves_unpainted_communities_alone(grids, main_window):
    plan = main_window.plan
    east = plan.communities().geometry.iloc[1]
    (hand,) = plan.cells.add([{"community": "西湖社区", "geometry": east}])
    grids.actions["auto_rebuild"].trigger()  # off
    a = grids.new_empty_cell()
    grids.use_tool("paint")
    _lasso(main_window.canvas, X0, X0 + 300)
    grids.actions["rebuild"].trigger()
    assert plan.cells.geometry(a).area == pytest.approx(300 * 400)
    assert plan.cells.geometry(hand).equals(east)  # not painted, not selected: untouched


def test_painting_over_generated_cells_reshapes_only_two_of_them(grids, main_window):
    from gridplanner.analysis.grids.partition import generate_cells

    plan, canvas = main_window.plan, main_window.canvas
    grids.apply_generated(generate_cells(plan, "balanced", low=150, high=300, seed=0))
    before = {f: plan.cells.geometry(f) for f in plan.cells.fids()}
    owner = building_cells(plan)
    frame = plan.buildings.frame
    target = int(owner.iloc[0])
    other = next(int(b) for b in frame.index if int(owner[b]) != target
                 and plan.cells.geometry(target).distance(frame.geometry[b]) < 40)
    grids.use_tool("paint")
    grids.tallies.set_paint_cell(target)
    c = frame.geometry[other].centroid
    click(canvas, widget_point(canvas, c.x, c.y))
    changed = {f for f, g in before.items() if not plan.cells.geometry(f).equals(g)}
    assert changed == {target, int(owner[other])}
    assert int(building_cells(plan)[other]) == target
    main_window.undo_stack.undo()
    assert all(plan.cells.geometry(f).equals(g) for f, g in before.items())


def test_the_paint_into_list_is_sorted_and_searchable(grids, main_window, qtbot):
    from gridplanner.analysis.grids.partition import generate_cells

    plan = main_window.plan
    grids.apply_generated(generate_cells(plan, "balanced", low=150, high=300, seed=0))
    grids.new_empty_cell()  # no code yet: listed last
    combo = grids.tallies.paint_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    coded = [t for t in labels if not t.startswith("#")]
    assert coded == sorted(coded) and len(coded) == len(plan.cells) - 1
    assert labels[-1].startswith("#")
    # typing any part of a code offers the cells whose code holds it
    wanted = coded[3]
    completer = combo.completer()
    completer.setCompletionPrefix(wanted[-4:])
    hits = [completer.completionModel().index(i, 0).data()
            for i in range(completer.completionCount())]
    assert wanted in hits and all(wanted[-4:] in h for h in hits)
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), wanted)
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentText() == wanted
    assert grids.tallies.paint_cell() == int(combo.itemData(labels.index(wanted)))

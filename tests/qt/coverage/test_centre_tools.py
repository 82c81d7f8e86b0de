"""Centre tools on a real canvas: place, drag, delete, edit attributes, each undone and redone."""

from __future__ import annotations

import math

import pytest
from grid_events import click, drag, key, widget_point
from PySide6.QtCore import Qt

from gridplanner.qt.coverage.centre_tools import centre_at
from gridplanner.qt.shell.analysis_worker import wait_for_workers

X0, Y0 = 440000.0, 4420000.0


@pytest.fixture
def feature(main_window):
    f = main_window.features["coverage"]
    f.asked = []

    def answer(values):
        f.asked.append(dict(values))
        return dict(values)

    f.ask_centre_attributes = answer
    yield f
    wait_for_workers()


def _near(point, x, y, tol):
    return math.hypot(point.x - x, point.y - y) <= tol


def test_place_centre_by_click_with_undo_redo(main_window, feature):
    canvas, plan, stack = main_window.canvas, main_window.plan, main_window.undo_stack
    feature.use_tool("place")
    before = len(plan.centres)
    pos = widget_point(canvas, X0 + 250, Y0 + 150)
    clicked = canvas.widget_to_map(pos)
    click(canvas, pos)
    assert len(plan.centres) == before + 1
    fid = max(plan.centres.fids())
    g = plan.centres.geometry(fid)
    assert _near(g, clicked.x(), clicked.y(), 1e-6)
    assert _near(g, X0 + 250, Y0 + 150, canvas.pixel_size())
    row = plan.centres.row(fid)
    assert "health" in row["services"] and row["name"]  # defaults offered to the dialog
    assert canvas.selection("centres") == [fid]
    stack.undo()
    assert len(plan.centres) == before and fid not in plan.centres.fids()
    stack.redo()
    assert fid in plan.centres.fids() and _near(plan.centres.geometry(fid), clicked.x(),
                                                clicked.y(), 1e-6)


def test_cancelled_dialog_places_nothing(main_window, feature):
    feature.ask_centre_attributes = lambda values: None
    feature.use_tool("place")
    before = len(main_window.plan.centres)
    click(main_window.canvas, widget_point(main_window.canvas, X0 + 250, Y0 + 150))
    assert len(main_window.plan.centres) == before
    assert main_window.undo_stack.count() == 0


def test_drag_moves_centre_with_undo_redo(main_window, feature):
    canvas, plan, stack = main_window.canvas, main_window.plan, main_window.undo_stack
    feature.use_tool("move")
    start = plan.centres.geometry(1)
    points = [widget_point(canvas, start.x, start.y, dx=i * 6, dy=-i * 3) for i in range(6)]
    end = canvas.widget_to_map(points[-1])
    drag(canvas, points)
    moved = plan.centres.geometry(1)
    assert _near(moved, end.x(), end.y(), 1e-6) and not _near(moved, start.x, start.y, 1.0)
    assert stack.count() == 1
    stack.undo()
    assert _near(plan.centres.geometry(1), start.x, start.y, 1e-9)
    stack.redo()
    assert _near(plan.centres.geometry(1), end.x(), end.y(), 1e-6)


def test_press_away_from_centres_pans_nothing_and_escape_cancels(main_window, feature):
    canvas, plan = main_window.canvas, main_window.plan
    feature.use_tool("move")
    drag(canvas, [widget_point(canvas, X0 + 300, Y0 + 50), widget_point(canvas, X0 + 320, Y0 + 60)])
    assert main_window.undo_stack.count() == 0
    start = plan.centres.geometry(2)
    drag(canvas, [widget_point(canvas, start.x, start.y), widget_point(canvas, start.x, start.y,
                                                                       30, 30)], release=False)
    key(canvas, Qt.Key.Key_Escape)
    assert feature.tools["move"].fid is None
    assert main_window.undo_stack.count() == 0
    assert _near(plan.centres.geometry(2), start.x, start.y, 1e-9)


def test_delete_centre_by_click_with_undo_redo(main_window, feature):
    canvas, plan, stack = main_window.canvas, main_window.plan, main_window.undo_stack
    feature.use_tool("delete")
    g = plan.centres.geometry(2)
    row = plan.centres.row(2).drop("geometry")
    click(canvas, widget_point(canvas, g.x, g.y, dx=3, dy=2))
    assert 2 not in plan.centres.fids() and len(plan.centres) == 1
    stack.undo()
    assert 2 in plan.centres.fids()
    assert plan.centres.row(2)["name"] == row["name"]
    assert _near(plan.centres.geometry(2), g.x, g.y, 1e-9)
    stack.redo()
    assert 2 not in plan.centres.fids()


def test_edit_attributes_with_undo_redo(main_window, feature):
    plan, stack = main_window.plan, main_window.undo_stack
    main_window.canvas.set_selection("centres", [2])
    feature.ask_centre_attributes = lambda values: {**values, "name": "社区卫生服务站",
                                                     "services": "health;elderly_care",
                                                     "capacity": 800.0, "hours": "08:00-17:00"}
    feature.action_attributes()
    row = plan.centres.row(2)
    assert (row["name"], row["services"], row["capacity"]) == ("社区卫生服务站",
                                                                "health;elderly_care", 800.0)
    stack.undo()
    row = plan.centres.row(2)
    assert row["name"] == "卫生服务站" and row["services"] == "health"
    assert math.isnan(row["capacity"])
    stack.redo()
    assert plan.centres.row(2)["hours"] == "08:00-17:00"


def test_attributes_need_one_selected_centre(main_window, feature):
    main_window.canvas.set_selection("centres", [])
    feature.action_attributes()
    assert main_window.undo_stack.count() == 0
    assert "Select one centre" in main_window.statusBar().currentMessage()


def test_centre_at_respects_the_pixel_tolerance(main_window):
    canvas = main_window.canvas
    g = main_window.plan.centres.geometry(1)
    assert centre_at(canvas, g.x + canvas.pixel_size() * 5, g.y) == 1
    assert centre_at(canvas, g.x + canvas.pixel_size() * 40, g.y) is None


def test_centre_dialog_values(qtbot):
    from gridplanner.qt.coverage.centre_dialog import CentreDialog

    dialog = CentreDialog({"name": "A", "kind": "my_own_kind", "services": "health;legal_aid",
                           "capacity": float("nan")}, ["childcare", "health"], ["market"])
    qtbot.addWidget(dialog)
    assert dialog.kind_value() == "my_own_kind"  # a user's own type is kept
    assert set(dialog.service_boxes) == {"childcare", "health", "legal_aid"}
    dialog.service_boxes["childcare"].setChecked(True)
    dialog.more_services.setText("time bank、 e-bike charging")
    dialog.capacity.setValue(300)
    dialog.kind.setCurrentIndex(dialog.kind.findData("market"))
    v = dialog.values()
    assert v["kind"] == "market" and v["capacity"] == 300.0
    assert v["services"] == "childcare;health;legal_aid;time bank;e-bike charging"
    dialog.kind.setEditText("社区食堂")
    assert dialog.kind_value() == "社区食堂"


def test_double_click_with_the_move_tool_edits_the_centre(main_window, feature):
    from grid_events import double_click

    canvas, plan = main_window.canvas, main_window.plan
    feature.ask_centre_attributes = lambda values: {**values, "hours": "全天"}
    feature.use_tool("move")
    g = plan.centres.geometry(1)
    double_click(canvas, widget_point(canvas, g.x, g.y))
    assert plan.centres.row(1)["hours"] == "全天"
    assert main_window.undo_stack.count() == 1  # no move recorded, one attribute edit
    assert plan.centres.geometry(1).equals(g)

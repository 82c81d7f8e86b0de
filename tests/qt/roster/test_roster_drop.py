"""Drag a worker or a branch from the roster onto a cell of the map; the cell panel."""

from __future__ import annotations

from factories_roster import cell_code, cell_fid, roster_plan, unassigned_plan
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QToolButton
from roster_helpers import roster_feature, roster_window_fixture  # noqa: F401

from gridplanner.analysis.people.roster_edit import cells_by_target
from gridplanner.qt.roster.model import roster_mime


def _send_drag(canvas, target, fids, point, modifiers=Qt.KeyboardModifier.NoModifier):
    """Enter, move and drop at map ``point``; returns whether the drop was accepted."""
    pos = canvas.map_to_widget(QPointF(*point))
    data = roster_mime(target, fids)
    args = (Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, data,
            Qt.MouseButton.LeftButton, modifiers)
    enter = QDragEnterEvent(pos.toPoint(), *args)
    QApplication.sendEvent(canvas, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(canvas, QDragMoveEvent(pos.toPoint(), *args))
    drop = QDropEvent(pos, *args)
    QApplication.sendEvent(canvas, drop)
    if drop.isAccepted():  # a copy, so the roster view never removes the dragged rows
        assert drop.dropAction() == Qt.DropAction.CopyAction
    return drop.isAccepted()


def _centre(plan, code):
    c = plan.cells.geometry(cell_fid(plan, code)).centroid
    return c.x, c.y


def test_dropping_a_worker_on_a_cell_assigns_them(make_roster_window):
    plan = unassigned_plan()
    window = make_roster_window(plan)
    feature = roster_feature(window)
    code = cell_code(0, 2)
    name = str(plan.workers.row(3)["name"])
    assert _send_drag(window.canvas, "worker", [3], _centre(plan, code))
    assert cells_by_target(plan, "worker")[3] == [cell_fid(plan, code)]
    assert feature.panel.cell_fid == cell_fid(plan, code)
    assert code in feature.panel.title.text()
    assert name in feature.panel.shown_names()
    assert window.canvas.selection("cells") == [cell_fid(plan, code)]
    window.undo_action.trigger()
    assert 3 not in cells_by_target(plan, "worker")
    assert name not in feature.panel.shown_names()
    window.redo_action.trigger()
    assert name in feature.panel.shown_names()


def test_dropping_moves_a_worker_and_ctrl_keeps_the_old_cell(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    first, second, third = (cell_fid(plan, cell_code(0, s)) for s in (1, 2, 3))
    assert _send_drag(window.canvas, "worker", [1], _centre(plan, cell_code(0, 2)))
    assert cells_by_target(plan, "worker")[1] == [second]
    assert _send_drag(window.canvas, "worker", [1], _centre(plan, cell_code(0, 3)),
                      Qt.KeyboardModifier.ControlModifier)
    assert sorted(cells_by_target(plan, "worker")[1]) == sorted([second, third])
    assert _send_drag(window.canvas, "branch", [1], _centre(plan, cell_code(0, 2)))
    assert sorted(cells_by_target(plan, "branch")[1]) == sorted([first, second])


def test_a_drop_outside_every_cell_changes_nothing(make_roster_window):
    plan = unassigned_plan()
    window = make_roster_window(plan)
    x0, y0, _, _ = plan.cells.total_bounds()
    assert not _send_drag(window.canvas, "worker", [1], (x0 - 500, y0 - 500))
    assert len(plan.assignments) == 0
    assert window.undo_stack.count() == 0


def test_a_drop_highlights_the_cell_under_the_cursor_then_clears(make_roster_window):
    plan = unassigned_plan()
    window = make_roster_window(plan)
    canvas = window.canvas
    pos = canvas.map_to_widget(QPointF(*_centre(plan, cell_code(1, 1)))).toPoint()
    args = (Qt.DropAction.MoveAction, roster_mime("worker", [1]), Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, QDragEnterEvent(pos, *args))
    assert len(canvas.items()) == 1
    QApplication.sendEvent(canvas, QEvent(QEvent.Type.DragLeave))
    assert canvas.items() == []


def test_cell_panel_lists_the_team_and_removes_a_person(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    panel = roster_feature(window).panel
    fid = cell_fid(plan, cell_code(1, 2))
    window.canvas.set_selection("cells", [fid])
    summary = panel.summary
    assert summary is not None and summary.households > 0
    names = panel.shown_names()
    assert len(names) == 3  # leader, full-time worker, branch
    leader = summary.with_role("leader")[0].name
    button = next(b for b in panel.tree.findChildren(QToolButton) if leader in b.toolTip())
    button.click()
    assert leader not in panel.shown_names()
    assert "required" in panel.tree.topLevelItem(0).child(0).text(0)
    window.undo_action.trigger()
    assert panel.shown_names() == names
    window.redo_action.trigger()
    assert leader not in panel.shown_names()


def test_dropping_on_the_cell_panel_assigns_to_the_shown_cell(make_roster_window):
    plan = unassigned_plan()
    window = make_roster_window(plan)
    panel = roster_feature(window).panel
    fid = cell_fid(plan, cell_code(0, 1))
    panel.show_cell(fid)
    data = roster_mime("worker", [5])  # the event does not own its data: keep it alive
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.MoveAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    assert cells_by_target(plan, "worker")[5] == [fid]
    assert str(plan.workers.row(5)["name"]) in panel.shown_names()


def test_selecting_a_worker_in_the_roster_selects_their_cell(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    tab = roster_feature(window).dock.workers
    tab.view.selectRow(tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(3), 0)).row())
    assert window.canvas.selection("cells") == [cell_fid(plan, cell_code(0, 2))]


def test_panel_of_a_dedicated_grid_names_its_unit_and_requires_no_team(make_roster_window):
    plan = unassigned_plan()
    fid = cell_fid(plan, cell_code(0, 1))
    plan.cells.set_attributes(fid, {"kind": "dedicated", "responsible_unit": "市第一中学"})
    window = make_roster_window(plan)
    panel = roster_feature(window).panel
    panel.show_cell(fid)
    assert "市第一中学" in panel.facts.text() and "Dedicated grid" in panel.facts.text()
    assert panel.tree.topLevelItemCount() == 0  # nothing is required of a dedicated grid
    panel.show_cell(cell_fid(plan, cell_code(0, 2)))
    assert "households" in panel.facts.text() and "东风社区" in panel.facts.text()
    assert panel.tree.topLevelItemCount() == 3  # leader, full-time workers, branch: all missing

"""The canvas pans and zooms as a user drives it, and selects what they point at."""

from __future__ import annotations

import pytest
import shapely
from factories import ORIGIN
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from gridplanner.qt.map.canvas import MapCanvas
from gridplanner.qt.map.tools import MapTool, PanTool, SelectTool

X0, Y0 = ORIGIN


@pytest.fixture
def canvas(qtbot, grid_plan):
    widget = MapCanvas()
    widget.resize(800, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_plan(grid_plan)
    widget.render_now()
    return widget


def _mouse(canvas, kind, pos, button=Qt.MouseButton.LeftButton, buttons=None,
           modifiers=Qt.KeyboardModifier.NoModifier):
    buttons = button if buttons is None else buttons
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(canvas.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(canvas, event)


def _drag(canvas, start: QPoint, end: QPoint, button=Qt.MouseButton.LeftButton,
          modifiers=Qt.KeyboardModifier.NoModifier):
    _mouse(canvas, QEvent.Type.MouseButtonPress, start, button, modifiers=modifiers)
    mid = (start + end) / 2
    _mouse(canvas, QEvent.Type.MouseMove, mid, Qt.MouseButton.NoButton, button, modifiers)
    _mouse(canvas, QEvent.Type.MouseMove, end, Qt.MouseButton.NoButton, button, modifiers)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, end, button, Qt.MouseButton.NoButton,
           modifiers)


def _wheel(canvas, pos: QPoint, clicks: int):
    event = QWheelEvent(QPointF(pos), QPointF(canvas.mapToGlobal(pos)), QPoint(0, 0),
                        QPoint(0, 120 * clicks), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas, event)


def test_zoom_to_extent_shows_the_whole_box(canvas):
    box = (X0, Y0, X0 + 600, Y0 + 100)  # wider than the widget's aspect
    canvas.set_extent(box)
    x0, y0, x1, y1 = canvas.extent()
    assert x0 == pytest.approx(box[0]) and x1 == pytest.approx(box[2])
    assert y0 <= box[1] and y1 >= box[3]
    assert canvas.pixel_size() == pytest.approx(600 / 800)
    assert canvas.scale() == pytest.approx(0.75 * canvas.logicalDpiX() / 0.0254)


def test_wheel_zooms_in_around_the_cursor(canvas):
    cursor = QPoint(200, 150)
    before = canvas.widget_to_map(QPointF(cursor))
    pixel = canvas.pixel_size()
    scales = []
    canvas.scaleChanged.connect(scales.append)
    _wheel(canvas, cursor, 2)
    assert canvas.pixel_size() == pytest.approx(pixel * 0.8 ** 2)
    after = canvas.widget_to_map(QPointF(cursor))
    assert (after.x(), after.y()) == pytest.approx((before.x(), before.y()))
    assert scales and scales[-1] == pytest.approx(canvas.scale())
    _wheel(canvas, cursor, -2)
    assert canvas.pixel_size() == pytest.approx(pixel)


def test_pan_tool_drag_moves_the_map_with_the_mouse(canvas):
    canvas.set_map_tool(PanTool(canvas))
    grabbed = canvas.widget_to_map(QPointF(300, 300))
    _drag(canvas, QPoint(300, 300), QPoint(420, 250))
    now = canvas.map_to_widget(grabbed)
    assert (now.x(), now.y()) == pytest.approx((420, 250))
    assert canvas.is_render_pending()  # drawn from the cached image until idle


def test_middle_drag_pans_whatever_the_tool_and_keys_move(canvas):
    canvas.set_map_tool(SelectTool(canvas))
    centre = canvas.centre()
    _drag(canvas, QPoint(400, 300), QPoint(300, 300), Qt.MouseButton.MiddleButton)
    assert canvas.centre().x() == pytest.approx(centre.x() + 100 * canvas.pixel_size())
    assert canvas.selection("buildings") == []
    pixel = canvas.pixel_size()
    canvas.setFocus()
    QApplication.sendEvent(canvas, _key(Qt.Key.Key_Plus))
    assert canvas.pixel_size() == pytest.approx(pixel / 2)
    x = canvas.centre().x()
    QApplication.sendEvent(canvas, _key(Qt.Key.Key_Right))
    assert canvas.centre().x() > x


def _key(key):
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


def test_rectangle_selection_selects_buildings_inside(canvas, grid_plan):
    canvas.set_current_layer("buildings")
    tool = SelectTool(canvas)
    canvas.set_map_tool(tool)
    picked = []
    tool.featuresPicked.connect(lambda layer, fids: picked.append((layer, fids)))
    box = (X0 + 5, Y0 + 5, X0 + 195, Y0 + 95)  # the two south-west blocks
    a = canvas.map_to_widget(QPointF(box[0], box[3])).toPoint()
    b = canvas.map_to_widget(QPointF(box[2], box[1])).toPoint()
    _drag(canvas, a, b)
    frame = grid_plan.buildings.frame
    expected = sorted(int(f) for f in frame.index[frame.geometry.intersects(shapely.box(*box))])
    assert len(expected) == 8
    assert canvas.selection("buildings") == expected
    assert picked == [("buildings", expected)]
    assert tool._bands == []  # the rubber band is gone after the drag


def test_click_selects_one_and_shift_click_adds(canvas, grid_plan):
    canvas.set_current_layer("buildings")
    canvas.set_map_tool(SelectTool(canvas))
    frame = grid_plan.buildings.frame
    first, second = frame.index[0], frame.index[5]
    for fid, mods in ((first, Qt.KeyboardModifier.NoModifier),
                      (second, Qt.KeyboardModifier.ShiftModifier)):
        c = frame.geometry[fid].centroid
        pos = canvas.map_to_widget(QPointF(c.x, c.y)).toPoint()
        _mouse(canvas, QEvent.Type.MouseButtonPress, pos, modifiers=mods)
        _mouse(canvas, QEvent.Type.MouseButtonRelease, pos, buttons=Qt.MouseButton.NoButton,
               modifiers=mods)
    assert canvas.selection("buildings") == sorted([int(first), int(second)])


def test_tools_are_swapped_and_reset(canvas):
    class Recorder(MapTool):
        def __init__(self, c):
            super().__init__(c)
            self.events = []

        def press(self, e):
            self.events.append((round(e.x), round(e.y)))
            self.new_rubber_band("line").add_point(e.x, e.y)
            return True

    tool = Recorder(canvas)
    canvas.set_map_tool(tool)
    target = canvas.map_to_widget(QPointF(X0 + 100, Y0 + 100)).toPoint()
    _mouse(canvas, QEvent.Type.MouseButtonPress, target)
    assert tool.events and abs(tool.events[0][0] - (X0 + 100)) <= canvas.pixel_size()
    assert len(canvas.items()) == 1
    canvas.set_map_tool(PanTool(canvas))
    assert canvas.items() == [] and not tool.active


def test_layer_edit_rerenders_the_map(canvas, grid_plan, qtbot):
    rendered = []
    canvas.renderFinished.connect(rendered.append)
    grid_plan.buildings.remove(list(grid_plan.buildings.frame.index[:10]))
    qtbot.waitUntil(lambda: bool(rendered), timeout=2000)


def test_identify_click_and_zoom_box(canvas, grid_plan):
    from gridplanner.qt.map.tools import IdentifyTool, ZoomTool

    tool = IdentifyTool(canvas)
    canvas.set_map_tool(tool)
    found = []
    tool.featureIdentified.connect(lambda layer, fid: found.append((layer, fid)))
    fid = int(grid_plan.buildings.frame.index[10])
    c = grid_plan.buildings.geometry(fid).centroid
    pos = canvas.map_to_widget(QPointF(c.x, c.y)).toPoint()
    _mouse(canvas, QEvent.Type.MouseButtonPress, pos)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, pos, buttons=Qt.MouseButton.NoButton)
    assert found == [("buildings", fid)]

    canvas.set_map_tool(ZoomTool(canvas))
    box = (X0 + 100, Y0 + 100, X0 + 300, Y0 + 200)
    a = canvas.map_to_widget(QPointF(box[0], box[3])).toPoint()
    b = canvas.map_to_widget(QPointF(box[2], box[1])).toPoint()
    _drag(canvas, a, b)
    x0, y0, x1, y1 = canvas.extent()
    assert x0 <= box[0] + 2 and x1 >= box[2] - 2 and y0 <= box[1] + 2 and y1 >= box[3] - 2
    assert (x1 - x0) == pytest.approx(box[2] - box[0], rel=0.03)


def test_zoom_to_selection_and_layer(canvas, grid_plan):
    fids = [int(f) for f in grid_plan.buildings.frame.index[:4]]
    canvas.set_selection("buildings", fids)
    canvas.zoom_to_selection()
    bounds = grid_plan.buildings.frame.loc[fids].total_bounds
    x0, y0, x1, y1 = canvas.extent()
    assert x0 <= bounds[0] and x1 >= bounds[2] and y0 <= bounds[1] and y1 >= bounds[3]
    assert x1 - x0 < 200
    canvas.zoom_to_layer("boundaries")
    b = grid_plan.boundaries.total_bounds()
    x0, y0, x1, y1 = canvas.extent()
    assert x0 <= b[0] and x1 >= b[2] and y0 <= b[1] and y1 >= b[3]

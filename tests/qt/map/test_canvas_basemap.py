"""The canvas draws the plan's basemaps (loaded off the GUI thread), says when a
server is dead and keeps working, and pans with Space held over any tool."""

from __future__ import annotations

import mercantile
import pytest
from factories import ORIGIN
from pyproj import Transformer
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication
from tile_fixtures import TileServer, dead_url, make_mbtiles, tile_colour

from gridplanner.io.basemap import resolve_basemap
from gridplanner.qt.map.canvas import MapCanvas
from gridplanner.qt.map.tools import SelectTool

X0, Y0 = ORIGIN
CRS = "EPSG:32650"


@pytest.fixture
def canvas(qtbot, grid_plan):
    widget = MapCanvas()
    widget.resize(600, 400)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_plan(grid_plan)
    for name in list(widget.styles):
        widget.styles[name].visible = False  # only the basemap shows
    widget.render_now()
    yield widget
    widget.basemaps.shutdown()


def _bounds():
    t = Transformer.from_crs(CRS, 4326, always_xy=True)
    lon, lat = t.transform([X0 - 2000, X0 + 4000], [Y0 - 2000, Y0 + 4000])
    return (min(lon), min(lat), max(lon), max(lat))


def _colour_at(canvas, px, py, z) -> QColor:
    p = canvas.widget_to_map(QPointF(px, py))
    lon, lat = Transformer.from_crs(CRS, 4326, always_xy=True).transform(p.x(), p.y())
    t = mercantile.tile(lon, lat, z)
    return QColor(*tile_colour(t.z, t.x, t.y))


def test_basemap_tiles_arrive_in_the_background_and_show(canvas, qtbot, tmp_path):
    path = make_mbtiles(tmp_path / "a.mbtiles", zooms=range(13, 17), bounds=_bounds())
    canvas.plan.set_basemaps([resolve_basemap(str(path)).to_dict()])
    canvas.render_now()  # returns at once: tiles are still loading
    qtbot.waitUntil(lambda: canvas.basemaps.pending() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: not canvas.is_render_pending(), timeout=5_000)
    canvas.render_now()
    src = canvas.basemaps.source(canvas.basemaps.specs[0])
    z = src.requests(canvas.extent(), canvas.pixel_size(), canvas.plan.crs)[0].z
    image = canvas._image
    dpr = image.devicePixelRatio()
    want = _colour_at(canvas, 300, 200, z)
    got = image.pixelColor(int(300 * dpr), int(200 * dpr))
    assert abs(got.red() - want.red()) <= 4 and abs(got.green() - want.green()) <= 4


def test_dead_server_is_reported_and_the_map_keeps_working(canvas, qtbot):
    messages = []
    canvas.basemapStatus.connect(messages.append)
    canvas.plan.set_basemaps([resolve_basemap(dead_url(), name="office server").to_dict()])
    canvas.render_now()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert "office server" in messages[0] and "does not answer" in messages[0]
    before = canvas.centre()
    canvas.pan_by_pixels(50, 0)
    assert canvas.render_now() < 1000
    assert canvas.centre() != before


def test_second_view_of_the_same_area_asks_the_server_nothing(qtbot, grid_plan, tmp_path):
    server = TileServer().start()
    try:
        for round_ in range(2):
            widget = MapCanvas()
            widget.resize(400, 300)
            qtbot.addWidget(widget)
            widget.set_plan(grid_plan)
            grid_plan.set_basemaps([resolve_basemap(server.url, name="local").to_dict()])
            widget.render_now()
            qtbot.waitUntil(lambda w=widget: w.basemaps.pending() == 0, timeout=10_000)
            if round_ == 0:
                asked = len(server.requests)
                assert asked > 0
            widget.basemaps.shutdown()
        assert len(server.requests) == asked
    finally:
        server.stop()


def _key(canvas, kind, key=Qt.Key.Key_Space):
    QApplication.sendEvent(canvas, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, " "))


def _mouse(canvas, kind, pos, button, buttons):
    QApplication.sendEvent(canvas, QMouseEvent(kind, QPointF(pos), QPointF(canvas.mapToGlobal(pos)),
                                               button, buttons, Qt.KeyboardModifier.NoModifier))


def test_space_bar_pans_while_another_tool_is_active(canvas):
    tool = SelectTool(canvas)
    canvas.set_map_tool(tool)
    picked = []
    tool.rectangleDrawn.connect(picked.append)
    tool.featuresPicked.connect(lambda *a: picked.append(a))
    start = canvas.centre()
    _key(canvas, QEvent.Type.KeyPress)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(canvas, QEvent.Type.MouseButtonPress, QPoint(300, 200), left, left)
    _mouse(canvas, QEvent.Type.MouseMove, QPoint(350, 220), none, left)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, QPoint(350, 220), left, none)
    _key(canvas, QEvent.Type.KeyRelease)
    moved = canvas.centre() - start
    assert moved.x() == pytest.approx(-50 * canvas.pixel_size())
    assert moved.y() == pytest.approx(20 * canvas.pixel_size())
    assert canvas.selection("buildings") == [] and not picked
    # without Space the same drag is the tool's again
    _mouse(canvas, QEvent.Type.MouseButtonPress, QPoint(300, 200), left, left)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, QPoint(300, 200), left, none)
    assert canvas.centre() == start + moved


def test_basemap_problems_are_told_in_the_ui_language_with_their_name():
    from gridplanner.io.basemap.sources import basemap_error
    from gridplanner.qt.map.canvas_basemap import basemap_message

    text = basemap_message(basemap_error("refused", "x", name="天地图 影像", code=403))
    assert "天地图 影像" in text and "403" in text and "key" in text
    assert basemap_message(ValueError("plain words")) == "plain words"

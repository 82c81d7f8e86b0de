"""The window's basemap menu and dock, and the map tools, driven as a user would."""

from __future__ import annotations

import json

import pytest
from factories import ORIGIN
from pyproj import Transformer
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication
from tile_fixtures import dead_url, make_mbtiles

from gridplanner.io.basemap import BasemapSpec, resolve_basemap
from gridplanner.io.locate import ground_length
from gridplanner.io.plan_file.project import save_plan
from gridplanner.qt.map import context_menus
from gridplanner.qt.map.snapping_indicator import SnapOptions, Snapper
from gridplanner.render.basemap import BasemapRenderer

X0, Y0 = ORIGIN


@pytest.fixture
def feature(main_window):
    f = main_window.features["map"]
    f.answers = []
    f.ask_dialog = lambda dialog: (f.answers.pop(0)(dialog) if f.answers else False)
    yield f
    main_window.canvas.basemaps.shutdown()
    BasemapRenderer.shared_keys.clear()  # keys set by a test stay in it


def _click(canvas, x, y, kind=QEvent.Type.MouseButtonPress, button=Qt.MouseButton.LeftButton):
    pos = canvas.map_to_widget(QPointF(x, y))
    buttons = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    QApplication.sendEvent(canvas, QMouseEvent(kind, pos, canvas.mapToGlobal(pos), button,
                                               buttons, Qt.KeyboardModifier.NoModifier))


def _tap(canvas, x, y):
    _click(canvas, x, y)
    _click(canvas, x, y, QEvent.Type.MouseButtonRelease)


def test_add_basemap_file_is_one_undo_step_and_shows_in_the_dock(main_window, feature, tmp_path):
    t = Transformer.from_crs("EPSG:32650", 4326, always_xy=True)
    lon, lat = t.transform([X0 - 500, X0 + 3000], [Y0 - 500, Y0 + 3000])
    path = make_mbtiles(tmp_path / "a.mbtiles", zooms=range(13, 15),
                        bounds=(lon[0], lat[0], lon[1], lat[1]))
    feature.ask_file = lambda: str(path)
    feature.action_add_file()
    plan = main_window.plan
    assert [b["kind"] for b in plan.basemaps] == ["mbtiles"]
    assert feature.dock.list.count() == 1
    feature.dock.set_opacity(0, 0.4)
    assert plan.basemaps[0]["opacity"] == 0.4
    main_window.undo_stack.undo()
    assert plan.basemaps[0]["opacity"] == 1.0
    main_window.undo_stack.undo()
    assert plan.basemaps == [] and feature.dock.list.count() == 0
    main_window.undo_stack.redo()
    assert len(plan.basemaps) == 1
    assert json.loads(feature.settings.value("basemap/last"))["kind"] == "mbtiles"
    feature.dock.list.setCurrentRow(0)
    feature.dock.zoom_to(0)
    x0, y0, x1, y1 = main_window.canvas.extent()
    assert x0 < X0 < x1 and y0 < Y0 < y1


def test_tianditu_key_is_asked_kept_in_settings_and_never_saved(main_window, feature, tmp_path):
    feature.ask_text = lambda *_a: "SECRETKEY123"
    feature.preset_actions["tianditu-img"].trigger()
    assert main_window.plan.basemaps[0]["key_name"] == "tianditu"
    assert feature.settings.value("basemap_keys/tianditu") == "SECRETKEY123"
    assert main_window.canvas.basemaps.keys["tianditu"] == "SECRETKEY123"
    path = save_plan(main_window.plan, tmp_path / "p.gpkg")
    assert b"SECRETKEY123" not in path.read_bytes()
    feature.ask_text = lambda *_a: None
    feature.preset_actions["tianditu-vec"].trigger()  # key already known: not asked
    assert len(main_window.plan.basemaps) == 2


def test_add_by_url_dialog_checks_the_template(main_window, feature):
    def fill(dialog):
        dialog.url.setText("http://127.0.0.1:9/tiles/{z}/{x}.png")
        dialog.accept()
        assert "{y}" in dialog.error.text() and not dialog.result()
        dialog.url.setText("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png?tk=abc")
        dialog.name.setText("区里的影像")
        dialog.accept()
        return dialog.result()

    feature.answers = [fill]
    feature.action_add_url()
    (spec,) = [BasemapSpec.from_dict(b) for b in main_window.plan.basemaps]
    assert spec.name == "区里的影像" and "abc" not in spec.url and "{key}" in spec.url
    assert main_window.canvas.basemaps.keys[spec.key_name] == "abc"


def test_dead_server_message_reaches_the_status_bar(main_window, feature, qtbot):
    main_window.plan.set_basemaps([resolve_basemap(dead_url(), name="office server").to_dict()])
    main_window.canvas.render_now()
    qtbot.waitUntil(lambda: "does not answer" in main_window.statusBar().currentMessage(),
                    timeout=10_000)
    assert "office server" in feature.dock.status.text()


def test_measure_distance_and_area_on_the_ground(main_window, feature):
    canvas = main_window.canvas
    canvas.set_extent((X0, Y0, X0 + 600, Y0 + 400))
    feature.actions["measure_distance"].trigger()
    tool = feature.tools["distance"]
    assert canvas.map_tool() is tool
    seen = []
    tool.measured.connect(lambda total, seg, text: seen.append((total, text)))
    pts = [(X0 + 50, Y0 + 50), (X0 + 350, Y0 + 50), (X0 + 350, Y0 + 250)]
    for x, y in pts:
        _tap(canvas, x, y)
    want = ground_length([canvas.widget_to_map(canvas.map_to_widget(QPointF(*p))).toTuple()
                          for p in pts], "EPSG:32650")
    assert tool.total() == pytest.approx(want, rel=1e-6)
    assert tool.total() == pytest.approx(500, rel=0.01)
    assert "Total" in seen[-1][1] or "总" in seen[-1][1]
    _click(canvas, *pts[-1], button=Qt.MouseButton.RightButton)
    assert tool.done and tool.total() == pytest.approx(want, rel=1e-6)
    feature.actions["measure_area"].trigger()
    area = feature.tools["area"]
    for x, y in [(X0, Y0), (X0 + 200, Y0), (X0 + 200, Y0 + 100), (X0, Y0 + 100)]:
        _tap(canvas, x, y)
    area.key_press(type("K", (), {"key": lambda self: Qt.Key.Key_Return})())
    assert area.total() == pytest.approx(20_000, rel=0.01)
    assert "m²" in main_window.statusBar().currentMessage()


def test_scale_box_and_crs_in_the_status_bar(main_window, feature):
    feature.scale_box.setEditText("1:2,000")
    assert feature.scale_box.apply_text()
    assert main_window.canvas.scale() == pytest.approx(2000, rel=1e-6)
    feature.scale_box.setEditText("two thousand")
    assert not feature.scale_box.apply_text()
    assert feature.scale_box.currentText() == "1:2,000"
    assert feature.crs_label.text() == "EPSG:32650"


def test_go_to_typed_wgs84_coordinates(main_window, feature):
    lon, lat = Transformer.from_crs("EPSG:32650", 4326, always_xy=True).transform(X0 + 100,
                                                                                  Y0 + 200)

    def fill(dialog):
        dialog.text.setText(f"{lon:.7f}, {lat:.7f}")
        dialog.accept()
        return dialog.result()

    feature.answers = [fill]
    feature.action_goto()
    c = main_window.canvas.centre()
    assert abs(c.x() - (X0 + 100)) < 0.5 and abs(c.y() - (Y0 + 200)) < 0.5


def test_search_by_name_selects_and_zooms(main_window, feature):
    plan = main_window.plan
    fid = int(plan.boundaries.frame.index[0])
    name = str(plan.boundaries.frame.loc[fid, "name"])
    main_window.canvas.set_extent((0, 0, 10, 10))
    hits = feature.search(name)
    assert hits[0].fid == fid
    assert main_window.canvas.selection("boundaries") == [fid]
    b = plan.boundaries.frame.loc[fid].geometry.bounds
    x0, y0, x1, y1 = main_window.canvas.extent()
    assert x0 <= b[0] and x1 >= b[2] and y0 <= b[1] and y1 >= b[3]
    assert feature.search("社区") and feature.search_menu is not None  # several: a menu
    assert feature.search("不存在的名字") == []


def test_ctrl_y_redoes(main_window, feature, qtbot):
    shortcuts = main_window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in shortcuts and QKeySequence("Ctrl+Shift+Z") in shortcuts
    feature.dock.change([resolve_basemap("osm").to_dict()], "add")
    main_window.undo_stack.undo()
    assert main_window.plan.basemaps == []
    main_window.activateWindow()
    qtbot.keyClick(main_window.canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(main_window.plan.basemaps) == 1


def test_map_context_menu_deletes_a_feature_as_one_undo_step(main_window, feature):
    plan = main_window.plan
    fid = int(plan.buildings.frame.index[0])
    centre = plan.buildings.frame.loc[fid].geometry.representative_point()
    canvas = main_window.canvas
    canvas.set_extent((centre.x - 50, centre.y - 50, centre.x + 50, centre.y + 50))
    canvas.set_current_layer("buildings")
    pos = canvas.map_to_widget(QPointF(centre.x, centre.y)).toPoint()
    menu = context_menus.canvas_menu(main_window, pos)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert {"Zoom to Feature", "Identify", "Edit Attributes", "Delete Feature",
            "Copy Coordinates"} <= set(texts) or len(texts) >= 5
    delete = [a for a in menu.actions() if a.text() in ("Delete Feature", "删除要素")][0]
    delete.trigger()
    assert fid not in plan.buildings.frame.index
    main_window.undo_stack.undo()
    assert fid in plan.buildings.frame.index
    copy = [a for a in menu.actions() if a.text() in ("Copy Coordinates", "复制坐标")][0]
    copy.trigger()
    assert f"{centre.x:.0f}"[:4] in QApplication.clipboard().text()


def test_no_map_menu_while_a_drawing_tool_owns_the_right_button(main_window, feature):
    feature.actions["measure_distance"].trigger()
    assert context_menus.canvas_menu(main_window, QPoint(10, 10)) is None


def test_table_and_layer_menus(main_window, feature):
    dock = main_window.attribute_dock
    dock.set_layer("cells" if len(main_window.plan.cells) else "buildings")
    layer = dock.layer
    fid = int(main_window.plan.layer(layer).frame.index[0])
    main_window.canvas.set_selection(layer, [fid])
    menu = context_menus.table_menu(dock)
    zoom, copy = [a for a in menu.actions() if a.text()]
    assert zoom.isEnabled() and copy.isEnabled()
    zoom.trigger()
    assert main_window.canvas.selection(layer) == [fid]
    copy.trigger()
    assert QApplication.clipboard().text()
    lmenu = context_menus.layers_menu(main_window.layers_dock, "buildings")
    main_window.canvas.set_extent((0, 0, 1, 1))
    lmenu.actions()[0].trigger()
    assert main_window.canvas.extent()[2] > X0


def test_snapping_options_reach_every_snapper_and_are_remembered(main_window, feature):
    feature.apply_snapping(SnapOptions(tolerance=5.0, unit="m", layers=("cells",),
                                       mode="vertex"))
    snapper = Snapper(main_window.canvas)
    assert snapper.tolerance() == pytest.approx(5.0)
    assert snapper.layers == ("cells",)
    stored = json.loads(feature.settings.value("map/snapping"))
    assert stored["unit"] == "m" and stored["mode"] == "vertex"
    feature.apply_snapping(SnapOptions())


def test_layout_is_remembered_and_first_start_is_maximised(main_window, feature):
    assert not feature.restore_layout()  # nothing remembered: maximised
    assert main_window.windowState() & Qt.WindowState.WindowMaximized
    feature.save_layout()
    assert feature.restore_layout()

"""Coverage in the window: live drag, method labelling, services, levels, views, sites."""

from __future__ import annotations

import numpy as np
import pytest
from grid_events import drag, widget_point

from gridplanner.analysis.network.coverage import nearest_centres
from gridplanner.qt.shell.analysis_worker import wait_for_workers

X0, Y0 = 440000.0, 4420000.0
WAIT_MS = 15000


@pytest.fixture
def feature(main_window):
    f = main_window.features["coverage"]
    f.ask_centre_attributes = lambda values: dict(values)
    yield f
    wait_for_workers()


def compute(qtbot, feature):
    with qtbot.waitSignal(feature.coverageReady, timeout=WAIT_MS):
        feature.action_compute()
    return feature.table


def plan_share(table, level_index=-1):
    return table.rows("plan")[0]["levels"][level_index]["share"]


def test_drag_updates_distances_live_and_matches_full_recomputation(qtbot, main_window, feature):
    canvas, plan = main_window.canvas, main_window.plan
    table = compute(qtbot, feature)
    before = table.distance.copy()
    dock = feature.dock
    shares_before = [dock.table.item(0, c).text() for c in range(dock.table.columnCount())]
    feature.use_tool("move")
    start = plan.centres.geometry(1)
    target = (X0 + 450, Y0 + 150)
    steps = [widget_point(canvas, start.x + (target[0] - start.x) * t,
                          start.y + (target[1] - start.y) * t) for t in np.linspace(0, 1, 8)]
    drag(canvas, steps, release=False)
    live = feature.table.distance.copy()
    assert plan.centres.geometry(1).equals(start)  # the plan is unchanged while dragging
    changed = ~np.isclose(live, before) & ~(np.isinf(live) & np.isinf(before))
    assert changed.sum() > 5  # the shading follows the mouse
    assert feature.overlay._classes is not None
    assert np.array_equal(feature.overlay._classes, feature.table.classes())
    shares_live = [dock.table.item(0, c).text() for c in range(dock.table.columnCount())]
    assert shares_live != shares_before  # so do the tallies
    # the live distances are what a full computation with the centre there gives
    limit = max(table.levels_m)
    end = canvas.widget_to_map(steps[-1])
    with qtbot.waitSignal(feature.coverageReady, timeout=WAIT_MS):
        from grid_events import LEFT, NONE, send_mouse
        from PySide6.QtCore import QEvent

        send_mouse(canvas, QEvent.Type.MouseButtonRelease, steps[-1], LEFT, NONE)
    assert abs(plan.centres.geometry(1).x - end.x()) < 1e-6
    full = feature.table.distance
    within = full <= limit
    np.testing.assert_allclose(live[within], full[within], atol=1e-6)
    assert np.isinf(live[~within]).all() or (live[~within] > limit).all()
    ref = nearest_centres(plan)["distance_m"].to_numpy()
    np.testing.assert_allclose(full, ref, atol=1e-6)


def test_dragging_a_centre_without_the_service_changes_nothing(qtbot, main_window, feature):
    compute(qtbot, feature)
    feature.dock.set_service("health")
    before = feature.table.distance.copy()
    canvas, plan = main_window.canvas, main_window.plan
    feature.use_tool("move")
    g = plan.centres.geometry(1)  # offers no health service
    drag(canvas, [widget_point(canvas, g.x, g.y), widget_point(canvas, g.x, g.y, 40, 0)],
         release=False)
    np.testing.assert_array_equal(feature.table.distance, before)
    feature.tools["move"].reset()


def test_dock_says_straight_line_without_network(qtbot, main_window, feature):
    plan = main_window.plan
    plan.network.remove(plan.network.fids())
    table = compute(qtbot, feature)
    assert table.method == "straight_line"
    text = feature.dock.method_label.text().lower()
    assert "straight line" in text and "no network" in text
    title, _items = feature.overlay.legend_entries()
    assert "Straight-line" in title and "no network" in title


def test_dock_says_walking_network_with_network(qtbot, feature):
    compute(qtbot, feature)
    assert "walking network" in feature.dock.method_label.text().lower()
    assert "Walking distance (network)" in feature.overlay.legend_entries()[0]


def test_per_service_coverage_differs_when_a_centre_lacks_the_service(qtbot, feature):
    compute(qtbot, feature)
    shares = {}
    for service in ("health", "culture", None):
        feature.dock.set_service(service)
        assert feature.table.service == service
        shares[service] = [plan_share(feature.table, i) for i in range(3)]
    # the culture centre sits in the west, the clinic in the east: different buildings covered
    assert shares["health"] != shares["culture"]
    assert all(a >= max(b, c) - 1e-12 for a, b, c in
               zip(shares[None], shares["health"], shares["culture"], strict=True))
    feature.dock.set_service("health")
    assert (feature.table.nearest[feature.table.nearest >= 0] == 2).all()  # the clinic only


def test_levels_in_minutes_show_both_numbers(qtbot, feature):
    compute(qtbot, feature)
    dock = feature.dock
    dock.unit.setCurrentIndex(dock.unit.findData("min"))
    dock.levels_edit.setText("5, 10")
    dock._levels_edited()
    assert dock.levels_m() == [300.0, 600.0]
    assert "600 m · 10.0 min" in dock.levels_label.text()
    assert feature.table.levels_m == [300.0, 600.0]
    headers = [dock.table.horizontalHeaderItem(i).text() for i in range(dock.table.columnCount())]
    assert any("300 m" in h and "5.0 min" in h for h in headers)
    dock.speed.setValue(1.2)
    assert dock.levels_m() == pytest.approx([360.0, 720.0])
    assert "720 m · 10.0 min" in dock.levels_label.text()


def test_tally_scopes_and_target_colours(qtbot, feature):
    compute(qtbot, feature)
    dock = feature.dock
    dock.scope.setCurrentIndex(dock.scope.findData("community"))
    names = [dock.table.item(r, 0).text() for r in range(dock.table.rowCount())]
    assert names[1:] == sorted(["东风社区", "西湖社区"])
    share_col = 3  # the 300 m share: missed on the small street grid
    colour = dock.table.item(0, share_col).background().color().name()
    dock.target.setValue(1)
    colour_low_target = dock.table.item(0, share_col).background().color().name()
    assert colour != colour_low_target  # missed at 85 %, met at 1 %


def test_uncovered_buildings_listed_and_zoomed_to(qtbot, main_window, feature):
    feature.dock.levels_edit.setText("100")
    feature.dock._levels_edited()
    table = compute(qtbot, feature)
    n = int((~(table.distance <= 100)).sum())
    assert n > 0 and feature.dock.uncovered.topLevelItemCount() == n
    item = feature.dock.uncovered.topLevelItem(0)
    fid = int(item.data(0, 256))
    feature.dock._uncovered_clicked(item)
    assert main_window.canvas.selection("buildings") == [fid]
    g = main_window.plan.buildings.geometry(fid).centroid
    x0, y0, x1, y1 = main_window.canvas.extent()
    assert x0 < g.x < x1 and y0 < g.y < y1


def test_coverage_follows_plan_changes(qtbot, main_window, feature):
    table = compute(qtbot, feature)
    share = plan_share(table, 0)
    with qtbot.waitSignal(feature.coverageReady, timeout=WAIT_MS):
        main_window.undo_stack.push(__import__("gridplanner.qt.coverage.centre_commands", fromlist=["x"])
                                    .DeleteCentresCommand(main_window.plan, [1]))
    assert plan_share(feature.table, 0) < share


@pytest.mark.parametrize("mode", ["overlap", "dissolve", "split"])
def test_isochrones_per_mode(qtbot, feature, mode):
    compute(qtbot, feature)
    feature.actions[f"iso_{mode}"].setChecked(True)
    feature.actions["show_isochrones"].setChecked(True)
    with qtbot.waitSignal(feature.viewReady, timeout=WAIT_MS):
        feature.action_toggle_view()
    iso = feature.overlay.isochrones
    assert set(iso["mode"]) == {mode}
    assert sorted(iso["level_m"].unique()) == [300.0, 500.0, 1000.0]
    if mode == "dissolve":
        assert iso["centre"].isna().all()
    else:
        assert set(iso["centre"].dropna()) == {1, 2}
    assert len(feature.overlay._iso_paths) == len(iso)


def test_gap_areas_and_network_problems_on_the_map(qtbot, main_window, feature):
    feature.dock.levels_edit.setText("150, 250")
    feature.dock._levels_edited()
    feature.actions["show_gaps"].setChecked(True)
    with qtbot.waitSignal(feature.viewReady, timeout=WAIT_MS):
        feature.action_toggle_view()
    assert len(feature.overlay.gaps) > 0 and feature.overlay._gap_paths
    kinds = [k for k, _c, _t in feature.overlay.legend_entries()[1]]
    assert "hatch" in kinds
    with qtbot.waitSignal(feature.viewReady, timeout=WAIT_MS):
        feature.action_check_network()
    # the street grid has no dead ends or pieces; findings dock shows the (empty) result
    assert feature.findings.isVisible()
    assert feature.overlay.show_problems
    main_window.canvas.grab()  # paints every layer of the overlay without error


def test_suggest_sites_and_add_one_as_centre(qtbot, main_window, feature):
    feature.action_suggest_sites()
    dialog = feature.siting
    dialog.count.setValue(1)
    dialog.level.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.suggestionsChanged, timeout=WAIT_MS,
                          check_params_cb=lambda s: bool(s)):
        dialog.start()
    assert dialog.results.topLevelItemCount() == 1
    assert "now" in dialog.status.text()
    assert feature.overlay.suggestions and feature.overlay.suggestions[0][0] == 1
    before = len(main_window.plan.centres)
    sug = dialog.result.suggestions[0]
    dialog.results.itemWidget(dialog.results.topLevelItem(0), 4).click()
    assert len(main_window.plan.centres) == before + 1
    fid = max(main_window.plan.centres.fids())
    assert main_window.plan.centres.geometry(fid).equals(sug.point)
    main_window.undo_stack.undo()
    assert len(main_window.plan.centres) == before
    main_window.undo_stack.redo()
    assert fid in main_window.plan.centres.fids()
    dialog.close()
    assert feature.overlay.suggestions == []


def test_network_problems_shown_and_hidden(qtbot, main_window, feature):
    import geopandas as gpd
    import shapely

    plan = main_window.plan
    stray = shapely.LineString([(X0 + 50, Y0 - 60), (X0 + 120, Y0 - 60)])
    plan.network.add(gpd.GeoDataFrame({"highway": ["footway"]}, geometry=[stray], crs=plan.crs))
    with qtbot.waitSignal(feature.viewReady, timeout=WAIT_MS):
        feature.action_check_network()
    kinds = {f.kind for f in feature.findings.findings}
    assert {"network_component", "dangling_end"} <= kinds
    assert feature.actions["show_problems"].isChecked() and feature.overlay.show_problems
    assert any(k == "line" for k, _c, _t in feature.overlay.legend_entries()[1])
    main_window.canvas.grab()
    feature.actions["show_problems"].setChecked(False)
    feature.action_toggle_view()
    assert not feature.overlay.show_problems


def test_cell_and_service_scopes(qtbot, main_window, feature):
    import geopandas as gpd
    import shapely

    plan = main_window.plan
    plan.cells.add(gpd.GeoDataFrame(
        {"code": ["C1", "C2"], "community": ["东风社区", "西湖社区"]},
        geometry=[shapely.box(X0, Y0, X0 + 300, Y0 + 400),
                  shapely.box(X0 + 300, Y0, X0 + 600, Y0 + 400)], crs=plan.crs))
    compute(qtbot, feature)
    dock = feature.dock
    dock.scope.setCurrentIndex(dock.scope.findData("cell"))
    names = [dock.table.item(r, 0).text() for r in range(dock.table.rowCount())]
    assert names[1:] == ["C1", "C2"]
    rows = feature.table.rows("cell")
    assert sum(r["households"] for r in rows) == pytest.approx(feature.table.households.sum())
    dock.scope.setCurrentIndex(dock.scope.findData("service"))
    assert dock.table.rowCount() == 1 + len(feature.table.service_distances)
    services = {r["name"]: r for r in feature.table.rows("service")}
    assert services["health"]["levels"][0]["share"] != services["culture"]["levels"][0]["share"]
    assert services["childcare"]["levels"][-1]["share"] == 0.0  # no centre offers it


def test_siting_target_share_with_candidates_from_a_file(qtbot, tmp_path, main_window, feature):
    import geopandas as gpd
    import shapely

    plan = main_window.plan
    cands = [shapely.Point(X0 + 350, Y0 + 50), shapely.Point(X0 + 550, Y0 + 50),
             shapely.Point(X0 + 50, Y0 + 350)]
    path = tmp_path / "vacant.gpkg"
    gpd.GeoDataFrame({"name": ["a", "b", "c"]}, geometry=cands, crs=plan.crs).to_file(path)
    feature.action_suggest_sites()
    dialog = feature.siting
    dialog.by_target.setChecked(True)
    dialog.target.setValue(100)
    dialog.level.setCurrentIndex(0)
    dialog.file_edit.setText(str(path))
    dialog.from_file.setChecked(True)
    with qtbot.waitSignal(dialog.suggestionsChanged, timeout=WAIT_MS,
                          check_params_cb=lambda s: bool(s)):
        dialog.start()
    result = dialog.result
    assert result.objective == "target" and result.candidates == 3
    chosen = {(round(s.point.x), round(s.point.y)) for s in result.suggestions}
    assert chosen <= {(round(p.x), round(p.y)) for p in cands}
    dialog.close()


def test_worker_cancel_reports_failure(qtbot):
    import time

    from gridplanner.analysis.network.coverage import report_step
    from gridplanner.qt.shell.analysis_worker import AnalysisWorker

    def job(progress, cancelled):
        for i in range(500):
            report_step(progress, cancelled, i / 500, "step")
            time.sleep(0.01)
        return "finished"

    worker = AnalysisWorker(job)
    with qtbot.waitSignal(worker.failed, timeout=WAIT_MS) as blocker:
        worker.start()
        worker.cancel()
    assert "cancelled" in blocker.args[0]
    worker.wait()


def test_plan_settings_set_the_dock(qtbot, main_window, feature):
    compute(qtbot, feature)
    plan = main_window.plan
    plan.settings = plan.settings.replaced(levels_m=(400.0, 800.0), walking_speed=0.8,
                                           target_share=0.99)
    dock = feature.dock
    assert dock.levels_m() == [400.0, 800.0] and dock.walking_speed() == 0.8
    assert dock.target_share() == pytest.approx(0.99)
    assert feature.table.levels_m == [400.0, 800.0]
    assert "800 m · 16.7 min" in dock.levels_label.text()


def test_a_new_plan_clears_coverage(qtbot, main_window, feature):
    compute(qtbot, feature)
    feature.action_suggest_sites()
    main_window.new_plan()
    assert feature.table is None and feature.siting is None
    assert feature.overlay.table is None
    assert "not computed" in feature.dock.method_label.text()


def test_map_pixels_show_the_distance_colours_and_follow_a_drag(qtbot, main_window, feature):
    from PySide6.QtGui import QColor

    from gridplanner.qt.coverage.overlay import BEYOND_COLOUR, level_colours

    canvas, plan = main_window.canvas, main_window.plan
    feature.dock.levels_edit.setText("100, 200")
    feature.dock._levels_edited()
    table = compute(qtbot, feature)
    colours = [QColor(c) for c in level_colours(2) + [BEYOND_COLOUR]]

    def pixel_class(fid):
        c = plan.buildings.geometry(fid).centroid
        p = widget_point(canvas, c.x, c.y)
        image = canvas.grab().toImage()
        got = image.pixelColor(int(p.x() * image.devicePixelRatio()),
                               int(p.y() * image.devicePixelRatio()))
        return min(range(3), key=lambda i: abs(got.red() - colours[i].red())
                   + abs(got.green() - colours[i].green()) + abs(got.blue() - colours[i].blue()))

    classes = table.classes()
    near = int(table.fids[np.flatnonzero(classes == 0)[0]])
    far = int(table.fids[np.flatnonzero(classes == 2)[0]])
    assert pixel_class(near) == 0 and pixel_class(far) == 2
    # drag the nearest centre of the far building onto it: it turns green before release
    fb = plan.buildings.geometry(far).centroid
    feature.use_tool("move")
    fid = int(table.nearest[np.flatnonzero(table.fids == far)[0]])
    if fid < 0:
        fid = 1
    g = plan.centres.geometry(fid)
    drag(canvas, [widget_point(canvas, g.x, g.y), widget_point(canvas, fb.x + 30, fb.y),
                  widget_point(canvas, fb.x + 25, fb.y)], release=False)
    assert pixel_class(far) == 0
    feature.tools["move"].reset()
    assert pixel_class(far) == 2  # Escape/cancel puts the picture back


def test_levels_typed_in_the_dock_become_the_plans_settings_undoably(qtbot, main_window, feature):
    dock = feature.dock
    dock.levels_edit.setText("400, 800")
    dock._levels_edited()
    compute(qtbot, feature)
    assert main_window.plan.settings.levels_m == (400.0, 800.0)
    depth = main_window.undo_stack.count()
    compute(qtbot, feature)  # unchanged levels: no second step
    assert main_window.undo_stack.count() == depth
    main_window.undo_stack.undo()
    assert main_window.plan.settings.levels_m == (300.0, 500.0, 1000.0)
    assert dock.levels_m() == [300.0, 500.0, 1000.0]


def test_per_service_rows_follow_a_drag_and_match_after_release(qtbot, main_window, feature):
    from grid_events import LEFT, NONE, send_mouse
    from PySide6.QtCore import QEvent

    from gridplanner.analysis.network.coverage_view import SERVICE

    canvas, plan = main_window.canvas, main_window.plan
    compute(qtbot, feature)
    dock = feature.dock
    dock.scope.setCurrentIndex(dock.scope.findData(SERVICE))
    fid = 1
    services = [s for s in plan.centres.frame.at[fid, "services"].split(";") if s]
    before = {s: feature.table.service_distances[s].copy() for s in services}
    feature.use_tool("move")
    start = plan.centres.geometry(fid)
    steps = [widget_point(canvas, start.x + 450 * t, start.y + 150 * t)
             for t in np.linspace(0, 1, 6)]
    drag(canvas, steps, release=False)
    live = {s: feature.table.service_distances[s].copy() for s in services}
    assert any(not np.allclose(np.nan_to_num(live[s], posinf=1e9),
                               np.nan_to_num(before[s], posinf=1e9)) for s in services)
    with qtbot.waitSignal(feature.coverageReady, timeout=WAIT_MS):
        send_mouse(canvas, QEvent.Type.MouseButtonRelease, steps[-1], LEFT, NONE)
    limit = max(feature.table.levels_m)
    for s in services:
        full = feature.table.service_distances[s]
        within = full <= limit
        np.testing.assert_allclose(live[s][within], full[within], atol=1e-6)


STARTUP = """
import sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QTabBar
from factories import street_grid_plan
from gridplanner.qt.window.app import create_app
from gridplanner.qt.window.main_window import MainWindow
app = create_app()
window = MainWindow(street_grid_plan())   # built at its default size,
window.resize(1366, 740)                  # resized before it is first shown,
window.show()                             # as `gridplanner gui` does on a laptop
window.features["coverage"].action_compute()
for _ in range(60):
    app.processEvents()
groups = [tuple(b.tabText(i) for i in range(b.count())) for b in window.findChildren(QTabBar)
          if b.isVisible() and b.parent() is window]
print(len(groups) - len(set(groups)))
"""


def test_showing_the_coverage_dock_leaves_no_stale_tab_bar(tmp_path):
    """The window's start-up run in a process of its own (pytest's event loop
    hides the bug): each dock group must show exactly one tab bar."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    tests = str(Path(__file__).resolve().parents[3] / "tests")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               GRIDPLANNER_SETTINGS=str(tmp_path / "s.ini"),
               GRIDPLANNER_RECOVERY_DIR=str(tmp_path / "recovery"))
    out = subprocess.run([sys.executable, "-c", STARTUP, tests], env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout.strip().splitlines()
    assert out[-1] == "0"  # no group shows a second, stale tab bar

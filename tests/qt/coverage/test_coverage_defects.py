"""Smaller window defects of issue 11: circle presets, isochrone legend, siting wording."""

from __future__ import annotations

import pytest

from gridplanner.qt.shell.analysis_worker import wait_for_workers

WAIT_MS = 15000


@pytest.fixture
def feature(main_window):
    f = main_window.features["coverage"]
    f.ask_centre_attributes = lambda values: dict(values)
    yield f
    wait_for_workers()


def test_standard_circle_presets(main_window, feature):
    dock = feature.dock
    dock.speed.setValue(1.2)
    dock.preset_actions["minutes"].trigger()
    assert dock.levels_m() == pytest.approx([360.0, 720.0, 1080.0])  # 5/10/15 min at 1.2 m/s
    assert dock.levels_edit.text() == "5, 10, 15" and dock.unit.currentData() == "min"
    dock.preset_actions["circles"].trigger()
    assert dock.levels_m() == [300.0, 500.0, 1000.0]
    assert dock.unit.currentData() == "m" and dock.levels_edit.text() == "300, 500, 1000"


@pytest.mark.parametrize("mode", ["overlap", "split"])
def test_isochrone_legend_shows_each_centre_in_its_map_colour(qtbot, feature, mode):
    from gridplanner.qt.coverage.overlay import CENTRE_COLOURS

    feature.actions[f"iso_{mode}"].setChecked(True)
    feature.actions["show_isochrones"].setChecked(True)
    with qtbot.waitSignal(feature.viewReady, timeout=WAIT_MS):
        feature.action_toggle_view()
    entries = feature.overlay.legend_entries()[1]
    by_text = {text: (kind, colour) for kind, colour, text in entries}
    assert by_text["邻里中心"] == ("fill", CENTRE_COLOURS[0])
    assert by_text["卫生服务站"] == ("fill", CENTRE_COLOURS[1])
    paths = feature.overlay._iso_paths
    if mode == "overlap":  # rings as outlines, solid/dashed/dotted by level, faint fill
        rings = [k for k, _c, t in entries if t.startswith("isochrones per centre")]
        assert rings == ["line:1", "line:2", "line:3"]
        assert max(p[1].alpha() for p in paths) <= 12
    else:
        assert min(p[1].alpha() for p in paths) >= 25


def test_siting_says_households_names_the_street_and_keeps_the_service(
        qtbot, main_window, feature):
    plan = main_window.plan
    plan.network.set_column("name", {fid: "幸福路" for fid in plan.network.fids()})
    feature.action_suggest_sites()
    dialog = feature.siting
    dialog.count.setValue(1)
    dialog.level.setCurrentIndex(0)
    dialog.service.setCurrentIndex(dialog.service.findData("health"))
    with qtbot.waitSignal(dialog.suggestionsChanged, timeout=WAIT_MS,
                          check_params_cb=lambda s: bool(s)):
        dialog.start()
    assert dialog.status.text().startswith("Households covered within")
    assert dialog.results.topLevelItem(0).text(0) == "1. 幸福路"
    dialog.service.setCurrentIndex(0)  # changed after the run: the result's service counts
    dialog.results.itemWidget(dialog.results.topLevelItem(0), 4).click()
    fid = max(plan.centres.fids())
    row = plan.centres.row(fid)
    assert row["services"] == "health" and row["name"] == "幸福路 (suggested)"
    assert row["status"] == "planned" and row["scenarios"] == "suggested"
    dialog.close()


def test_siting_can_count_capacity(qtbot, main_window, feature):
    plan = main_window.plan
    for fid in plan.centres.fids():
        plan.centres.set_attributes(fid, {"capacity": 50.0})
    feature.action_suggest_sites()
    dialog = feature.siting
    dialog.count.setValue(1)
    dialog.capacity.setChecked(True)
    assert dialog.params()["count_capacity"] is True
    with qtbot.waitSignal(dialog.suggestionsChanged, timeout=WAIT_MS,
                          check_params_cb=lambda s: bool(s)):
        dialog.start()
    assert dialog.result.share_before < 0.5  # most households find no room
    dialog.close()


def test_web_and_window_share_one_palette():
    from gridplanner.analysis.network import coverage_view
    from gridplanner.qt.coverage import overlay

    assert overlay.level_colours is coverage_view.level_colours
    assert overlay.BEYOND_COLOUR == coverage_view.BEYOND_COLOUR


def test_centres_not_open_yet_are_drawn_hollow_with_a_legend_entry(qtbot, main_window, feature):
    plan = main_window.plan
    plan.centres.set_attributes(2, {"status": "planned", "year": 2027})
    with qtbot.waitSignal(feature.coverageReady, timeout=WAIT_MS):
        feature.action_compute()
    assert feature.overlay.planned_centres
    kinds = [k for k, _c, _t in feature.overlay.legend_entries()[1]]
    assert "hollow" in kinds
    canvas = main_window.canvas
    g = plan.centres.geometry(2)
    image = canvas.grab().toImage()
    from PySide6.QtCore import QPointF

    p = canvas.map_to_widget(QPointF(g.x, g.y))
    assert image.pixelColor(int(p.x()), int(p.y())).name() == "#ffffff"  # hollow centre

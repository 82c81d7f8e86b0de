"""The coverage dock's centre table: what each centre serves, capacity, live drags."""

from __future__ import annotations

import pytest
from grid_events import drag, widget_point

from gridplanner.qt.shell.analysis_worker import wait_for_workers

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


def rows(dock):
    t = dock.centres
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(t.columnCount())]
            for r in range(t.rowCount())}


def test_centre_table_lists_what_each_centre_serves_and_flags_over_capacity(
        qtbot, main_window, feature):
    plan = main_window.plan
    plan.centres.set_attributes(1, {"capacity": 100.0, "status": "planned", "year": 2027})
    table = compute(qtbot, feature)
    dock = feature.dock
    got = rows(dock)
    assert set(got) == {"邻里中心", "卫生服务站"}
    served = {r["fid"]: r for r in table.centre_rows()}[1]
    hh = served["households"]
    centre = got["邻里中心"]
    assert centre[1] == "planned 2027"
    assert centre[3] == f"{hh:,.0f}" and centre[7] == "100"
    assert centre[8] == f"{hh - 100:,.0f}"  # over capacity by
    assert "1 over capacity" in dock.tabs.tabText(2)
    assert int(centre[6]) == len(served["communities"]) >= 1


def test_centre_table_follows_a_drag_and_zooms_to_a_centre(qtbot, main_window, feature):
    compute(qtbot, feature)
    dock, canvas, plan = feature.dock, main_window.canvas, main_window.plan
    dock.tabs.setCurrentWidget(dock.centres)
    before = rows(dock)["邻里中心"][3]
    feature.use_tool("move")
    g = plan.centres.geometry(1)
    drag(canvas, [widget_point(canvas, g.x, g.y), widget_point(canvas, g.x + 250, g.y + 150)],
         release=False)
    assert rows(dock)["邻里中心"][3] != before
    feature.tools["move"].reset()
    first = int(dock.centres.item(0, 0).data(0x0100))  # Qt.UserRole: the centre's fid
    with qtbot.waitSignal(dock.centreActivated, timeout=1000):
        dock.centres.cellClicked.emit(0, 0)
    assert canvas.selection("centres") == [first]


def test_centre_dialog_edits_status_year_floor_area_and_scenarios(qtbot, main_window, feature):
    from gridplanner.qt.coverage.centre_dialog import CentreDialog

    dialog = CentreDialog({"name": "A", "status": "pilot", "year": 2024, "floor_area_m2": 850.0,
                           "scenarios": "now;2025 plan"}, ["health"])
    qtbot.addWidget(dialog)
    assert dialog.status.currentData() == "pilot" and dialog.year.value() == 2024
    assert dialog.floor_area.value() == 850 and dialog.scenarios.text() == "now, 2025 plan"
    dialog.status.setCurrentIndex(dialog.status.findData("planned"))
    dialog.year.setValue(2027)
    dialog.scenarios.setText("2027 plan，suggested")
    v = dialog.values()
    assert (v["status"], v["year"], v["floor_area_m2"], v["scenarios"]) == (
        "planned", 2027, 850.0, "2027 plan;suggested")
    blank = CentreDialog({"name": "B"}, ["health"])
    qtbot.addWidget(blank)
    v = blank.values()
    assert v["status"] == "built" and v["year"] is None and v["scenarios"] == ""
    # editing through the window is one undoable step that changes only what changed
    plan = main_window.plan
    feature.ask_centre_attributes = lambda values: {**values, "status": "under_construction",
                                                    "year": 2026}
    feature.edit_centre(1)
    row = plan.centres.row(1)
    assert row["status"] == "under_construction" and row["year"] == 2026
    main_window.undo_stack.undo()
    assert plan.centres.row(1)["status"] == "built"
    assert main_window.undo_stack.count() == 1


def test_export_coverage_report_writes_pdf_and_xlsx_in_the_ui_language(
        qtbot, main_window, feature, tmp_path):
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # the Export entry is added once the window is built
    titles = [a.text() for m in main_window.menuBar().actions() if m.menu()
              for a in m.menu().actions()]
    assert any("Coverage" in t and "Report" in t for t in titles)
    pdf = tmp_path / "report.pdf"
    feature.ask_report_options = lambda: {"scenario": None, "compare": None, "office": "街道办",
                                          "date": "2026-12-03", "sites": 0, "pdf": pdf,
                                          "xlsx": pdf.with_suffix(".xlsx")}
    feature.action_coverage_report()
    qtbot.waitUntil(lambda: bool(getattr(feature, "report_written", None) or main_window.errors),
                    timeout=WAIT_MS)
    assert feature.report_written == [pdf, pdf.with_suffix(".xlsx")], feature.report_written
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.with_suffix(".xlsx").exists()
    assert feature.report_office == "街道办"
    assert main_window.errors == []


def test_report_dialog_gathers_the_options(qtbot, main_window, tmp_path):
    from gridplanner.qt.coverage.report_dialog import ReportDialog

    plan = main_window.plan
    plan.centres.set_attributes(2, {"scenarios": "2027 plan"})
    dialog = ReportDialog(plan, tmp_path / "plan.gpkg", "示范街道办事处")
    qtbot.addWidget(dialog)
    assert [dialog.scenario.itemData(i) for i in range(1, dialog.scenario.count())] == \
        ["2027 plan"]
    dialog.scenario.setCurrentIndex(1)
    dialog.compare.setCurrentIndex(1)  # every centre
    dialog.path.setText(str(tmp_path / "out"))
    o = dialog.options()
    assert (o["scenario"], o["compare"], o["office"]) == ("2027 plan", "all", "示范街道办事处")
    assert o["pdf"] == tmp_path / "out.pdf" and o["xlsx"] == tmp_path / "out.xlsx"
    dialog.xlsx.setChecked(False)
    dialog.compare.setCurrentIndex(0)
    o = dialog.options()
    assert o["xlsx"] is None and o["compare"] is None


def test_scenarios_compared_in_the_dock_and_on_the_map(qtbot, main_window, feature):
    """The health station is planned (not open now): comparing "open now" with
    "every centre" shows the buildings it will cover as gains."""
    plan = main_window.plan
    plan.centres.set_attributes(2, {"status": "planned", "scenarios": "2027 plan"})
    feature.dock.levels_edit.setText("150, 250")
    feature.dock._levels_edited()
    panel = feature.dock.scenarios
    names = [panel.side_b.itemData(i) for i in range(panel.side_b.count())]
    assert names == ["every", "now", "s:2027 plan"]
    assert panel.side_a.currentData() == "now" and panel.side_b.currentData() == "every"
    with qtbot.waitSignal(feature.viewReady, timeout=WAIT_MS,
                          check_params_cb=lambda kind: kind == "scenarios"):
        panel.compare_button.click()
    c = panel.comparison
    assert c.gained and not c.lost
    assert c.level_m == 250.0
    assert f"{len(c.gained)} buildings gain coverage" in panel.summary.text()
    assert "centres 1 → 2" in panel.summary.text()
    changes = {panel.table.item(r, 0).text(): panel.table.item(r, 3).text()
               for r in range(panel.table.rowCount())}
    assert any(v.startswith("+") for v in changes.values())
    assert feature.overlay._changes is not None and not feature.overlay._changes[0].isEmpty()
    kinds = [t for _k, _c, t in feature.overlay.legend_entries()[1]]
    assert "gains coverage (scenarios compared)" in kinds
    main_window.canvas.grab()  # paints the changes without error


def test_station_rule_setting_is_undoable_and_lists_the_grids(qtbot, main_window, feature):
    import geopandas as gpd
    import shapely

    plan = main_window.plan
    x0, y0, x1, y1 = plan.extent()
    half = (x0 + x1) / 2
    plan.cells.add(gpd.GeoDataFrame(
        {"code": ["W", "E"], "community": ["东风社区", "西湖社区"]},
        geometry=[shapely.box(x0, y0, half, y1), shapely.box(half, y0, x1, y1)], crs=plan.crs))
    feature.ask_station_rule = lambda: {"station_rule": True, "station_distance_m": 100.0}
    with qtbot.waitSignal(feature.viewReady, timeout=WAIT_MS,
                          check_params_cb=lambda kind: kind == "stations"):
        feature.action_station_rule()
    assert plan.settings.station_distance_m == 100.0
    found = feature.findings.findings
    assert [f.cells for f in found] == [["E"]] and found[0].kind == "no_station"
    from gridplanner.qt.shell.finding_texts import describe

    assert describe(found[0]).startswith("Grid E has no Party-mass service station")
    main_window.undo_stack.undo()
    assert plan.settings.station_distance_m == 300.0
    feature.ask_station_rule = lambda: {"station_rule": False, "station_distance_m": 300.0}
    with qtbot.waitSignal(feature.viewReady, timeout=WAIT_MS,
                          check_params_cb=lambda kind: kind == "stations"):
        feature.action_station_rule()
    assert feature.findings.findings == [] and not plan.settings.station_rule

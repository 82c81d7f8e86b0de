"""Generating, numbering and validating grids from the window; the tallies and findings docks."""

from __future__ import annotations

import re

import pytest
import shapely
from factories import ORIGIN
from PySide6.QtCore import Qt

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.analysis.grids.partition import generate_cells
from gridplanner.qt.grids.dialogs import CellAttributeDialog, CodeDialog, GenerateDialog
from gridplanner.qt.grids.tallies_dock import COLUMNS, STATUS_COLOURS

X0, Y0 = ORIGIN


@pytest.fixture
def grids(main_window):
    return main_window.features["grids"]


@pytest.fixture
def generated(grids, main_window):
    plan = main_window.plan
    result = generate_cells(plan, "balanced", low=150, high=300, seed=1)
    grids.ask_generate = lambda: (result, [])
    grids.actions["generate"].trigger()
    return result


def test_generate_is_one_undo_step_and_fills_the_tallies(grids, main_window, generated):
    plan = main_window.plan
    n = len(generated.cells)
    assert len(plan.cells) == n > 2
    grids.tallies.recompute()
    model = grids.tallies.model
    assert model.rowCount() == n
    assert model.frame["households"].sum() == pytest.approx(plan.totals()["households"])
    assert all(len(c) == 15 for c in plan.cells.frame["code"])  # numbered on the way in
    main_window.undo_stack.undo()
    assert len(plan.cells) == 0
    main_window.undo_stack.redo()
    assert len(plan.cells) == n
    assert "%" in main_window.statusBar().currentMessage()


def test_tallies_sort_colour_and_select(grids, main_window, generated):
    plan, canvas = main_window.plan, main_window.canvas
    dock = grids.tallies
    dock.recompute()
    col = COLUMNS.index("households")
    dock.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    values = [dock.proxy.index(r, col).data(Qt.ItemDataRole.UserRole)
              for r in range(dock.proxy.rowCount())]
    assert values == sorted(values)
    first = dock.proxy.index(0, col)
    status = dock.model.frame.iat[dock.proxy.mapToSource(first).row(), COLUMNS.index("status")]
    brush = first.data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == STATUS_COLOURS[status]
    dock.table.clicked.emit(dock.proxy.index(0, 0))
    fid = dock.model.fid_at(dock.proxy.mapToSource(first).row())
    assert canvas.selection("cells") == [fid]
    canvas.set_selection("cells", [plan.cells.fids()[-1]])
    selected = dock.table.selectionModel().selectedRows()
    assert [dock.model.fid_at(dock.proxy.mapToSource(i).row()) for i in selected] == \
        [plan.cells.fids()[-1]]


def test_settings_change_recolours_tallies(grids, main_window, generated):
    plan = main_window.plan
    grids.tallies.recompute()
    plan.settings = plan.settings.replaced(households_min=1, households_max=2)
    grids.tallies.recompute()
    assert set(grids.tallies.model.frame["status"]) == {"above"}
    plain = re.sub(r"<[^>]+>|&nbsp;", "", grids.tallies.summary.text())
    assert "0 within" in plain and STATUS_COLOURS["above"] in grids.tallies.summary.text()


def test_status_colours_and_code_labels_toggle(grids, main_window, generated):
    canvas = main_window.canvas
    grids.actions["status_colours"].trigger()
    assert grids.view.overlay.show_status and canvas.styles["cells"].fill is None
    canvas.render_now()
    image = canvas.grab().toImage()
    assert not image.isNull()
    grids.actions["status_colours"].trigger()
    assert canvas.styles["cells"].palette  # the palette fill is back
    grids.actions["code_labels"].trigger()
    assert canvas.styles["cells"].label_field is None
    grids.actions["code_labels"].trigger()
    assert canvas.styles["cells"].label_field == "code"


def test_validate_lists_findings_and_a_click_zooms_there(grids, main_window):
    plan, canvas = main_window.plan, main_window.canvas
    west = plan.communities().geometry.iloc[0]
    plan.cells.add([{"community": "东风社区", "code": "000000001001001",
                     "geometry": shapely.box(X0, Y0, X0 + 100, Y0 + 100)},
                    {"community": "东风社区", "code": "000000001001001",
                     "geometry": shapely.box(X0 + 50, Y0, X0 + 150, Y0 + 100)}])
    found = grids.action_validate()
    kinds = {f.kind for f in found}
    assert {"overlap", "gap", "duplicate_code"} <= kinds
    dock = grids.findings
    assert dock.tree.topLevelItemCount() == len(found)
    severities = [dock.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                  for i in range(dock.tree.topLevelItemCount())]
    ranks = [found[i].severity != ERROR for i in severities]
    assert ranks == sorted(ranks)  # errors first
    dock.severity.setCurrentIndex(dock.severity.findData(ERROR))
    assert all(f.severity == ERROR for f in dock.visible_findings())
    dock.filter.setText("overlap")
    assert [f.kind for f in dock.visible_findings()] == ["overlap"]
    item = dock.tree.topLevelItem(0)
    canvas.set_extent((X0 + 500, Y0 + 300, X0 + 600, Y0 + 400))
    dock._clicked(item)
    overlap = next(f for f in found if f.kind == "overlap")
    assert canvas.selection("cells") == sorted(overlap.cell_fids)
    x0, y0, x1, y1 = canvas.extent()
    gx0, gy0, gx1, gy1 = overlap.geometry.bounds
    assert x0 <= gx0 and y0 <= gy0 and x1 >= gx1 and y1 >= gy1
    assert west.contains(shapely.box(x0, y0, x1, y1).centroid)


def test_findings_dock_is_generic(qtbot):
    from gridplanner.qt.shell.findings_dock import FindingsDock

    dock = FindingsDock()
    qtbot.addWidget(dock)
    got = []
    dock.findingActivated.connect(got.append)
    dock.set_findings([Finding("no_leader", ERROR, "grid 001 has no leader", ["001"]),
                       Finding("stranded", WARNING, "12 buildings cannot reach the network")],
                      "Roster")
    assert dock.windowTitle() == "Roster"
    assert "1 error(s), 1 warning(s)" in dock.summary.text()
    dock._clicked(dock.tree.topLevelItem(0))
    assert got and got[0].kind in ("no_leader", "stranded")


def test_codes_renumber_and_scheme_undo(grids, main_window, generated):
    plan = main_window.plan
    old = plan.cells.frame["code"].tolist()
    grids.ask_codes = lambda: ("cjt349", True, "123456")
    grids.actions["codes"].trigger()
    codes = plan.cells.frame["code"].tolist()
    assert all(len(c) == 20 and c.startswith("123456") for c in codes)
    assert plan.settings.code_scheme == "cjt349"
    main_window.undo_stack.undo()
    assert plan.cells.frame["code"].tolist() == old and plan.settings.code_scheme == "db11"
    main_window.undo_stack.redo()
    assert plan.cells.frame["code"].tolist() == codes


def test_codes_name_unnamed_cells_in_the_same_undo_step(grids, main_window, generated):
    plan = main_window.plan
    before = plan.cells.frame["name"].tolist()
    grids.ask_codes = lambda: ("db11", True, "000000")
    grids.actions["codes"].trigger()
    cells = plan.cells.frame
    for code, name, old in zip(cells["code"], cells["name"], before, strict=True):
        assert name == (old or f"第{int(code[-3:])}网格")
    main_window.undo_stack.undo()
    assert plan.cells.frame["name"].tolist() == before


def test_generate_dialog_runs_in_a_thread(qtbot, grid_plan):
    dialog = GenerateDialog(grid_plan)
    qtbot.addWidget(dialog)
    dialog.low.setValue(150)
    dialog.high.setValue(300)
    dialog.community.setCurrentIndex(dialog.community.findData("西湖社区"))
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        dialog.run_button.click()
    result = dialog.result_value
    assert set(result.cells["community"]) == {"西湖社区"}
    assert dialog.params().communities == ["西湖社区"]
    assert len(grid_plan.cells) == 0  # the dialog never changes the plan


def test_generate_dialog_cancel_and_bad_range(qtbot, grid_plan):
    dialog = GenerateDialog(grid_plan)
    qtbot.addWidget(dialog)
    dialog.low.setValue(600)
    dialog.high.setValue(300)
    dialog.run_button.click()
    assert dialog.worker is None and "minimum" in dialog.status.text()
    dialog.low.setValue(100)
    dialog.method.setCurrentIndex(dialog.method.findData("square"))
    assert dialog.size.isEnabled()
    with qtbot.waitSignal(dialog.rejected, timeout=30000):
        dialog.run_button.click()
        dialog.cancel()  # the dialog closes once the worker has stopped
    assert dialog.worker is None and dialog.result_value is None


def test_code_and_attribute_dialogs_return_values(qtbot, grid_plan):
    codes = CodeDialog(grid_plan)
    qtbot.addWidget(codes)
    codes.renumber.setChecked(True)
    assert codes.values() == ("db11", True, "000000")
    assert not codes.category.isEnabled()
    codes.scheme.setCurrentIndex(codes.scheme.findData("cjt349"))
    assert codes.category.isEnabled()
    attrs = CellAttributeDialog({"code": "1", "name": "甲", "kind": "dedicated", "notes": "",
                                 "community": ""}, communities=["东风社区", "西湖社区"])
    qtbot.addWidget(attrs)
    assert attrs.community.count() == 3 and attrs.values()["community"] == ""
    attrs.unit.setText("第一小学")
    attrs.community.setCurrentIndex(attrs.community.findData("西湖社区"))
    assert attrs.values() == {"name": "甲", "kind": "dedicated", "community": "西湖社区",
                              "responsible_unit": "第一小学", "notes": ""}


def test_language_change_retranslates_grid_texts(grids, main_window, qapp):
    from PySide6.QtCore import QEvent

    grids.actions["generate"].setText("x")
    grids.tallies.summary.setText("x")
    for widget in (main_window, grids.tallies, grids.findings):
        qapp.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert grids.actions["generate"].text() == "&Generate Grids…"
    assert grids.tallies.summary.text() != "x"
    assert grids.findings.severity.count() == 3


def test_findings_read_in_the_ui_language(qapp):
    from PySide6.QtCore import QTranslator

    from gridplanner.qt.shell.finding_texts import describe

    class Chinese(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            table = {"Cells %1 overlap by %2 m²": "网格 %1 重叠 %2 m²",
                     "Cell %1 has %5 households, below the range": "网格 %1 有 %5 户，低于设定范围"}
            return table.get(source, "") if context == "FindingTexts" else ""

    overlap = Finding("overlap", ERROR, "cells 001 and 002 overlap by 2,500 m²", ["001", "002"],
                      geometry=shapely.box(0, 0, 50, 50))
    low = Finding("households_below_range", WARNING, "cell 003 has 120 households, below the "
                  "range 300–500", ["003"])
    assert describe(overlap) == overlap.message  # English: the checker's own words
    translator = Chinese()
    qapp.installTranslator(translator)
    try:
        assert describe(overlap) == "网格 001, 002 重叠 2,500 m²"
        assert describe(low) == "网格 003 有 120 户，低于设定范围"
    finally:
        qapp.removeTranslator(translator)


def test_demo_subdistrict_balanced_grids_from_the_window(main_window, repo_root):
    from gridplanner.analysis.grids.validation import validate_cells

    assert main_window.open_plan_file(repo_root / "sample_maps" / "demo_subdistrict.gpkg")
    grids = main_window.features["grids"]
    plan = main_window.plan
    before = plan.cells.frame.copy()  # the demo ships with its grids
    grids.ask_generate = lambda: (generate_cells(plan, "balanced", seed=1), [])
    grids.actions["generate"].trigger()
    grids.tallies.recompute()
    frame = grids.tallies.model.frame
    assert len(frame) == len(plan.cells) > 20
    assert set(frame["status"]) == {"within"}
    blocking = {"gap", "overlap", "crosses_community", "outside_community",
                "building_in_no_cell", "building_in_two_cells"}
    assert not [f for f in validate_cells(plan) if f.kind in blocking]
    main_window.undo_stack.undo()
    assert len(plan.cells) == len(before)
    assert all(a.equals(b) for a, b in zip(plan.cells.frame.geometry, before.geometry,
                                           strict=True))


def test_findings_of_a_validation_follow_each_edit(grids, main_window, qtbot):
    from gridplanner.qt.grids.commands import DeleteCellsCommand

    plan = main_window.plan
    a, b = plan.cells.add([{"community": "东风社区", "geometry": shapely.box(X0, Y0, X0 + 100,
                                                                           Y0 + 100)},
                           {"community": "东风社区", "geometry": shapely.box(X0 + 50, Y0,
                                                                           X0 + 150, Y0 + 100)}])
    grids.action_validate()
    assert any(f.kind == "overlap" for f in grids.findings.visible_findings())
    main_window.undo_stack.push(DeleteCellsCommand(plan, [b]))
    qtbot.waitUntil(lambda: not any(f.kind == "overlap"
                                    for f in grids.findings.visible_findings()), timeout=3000)
    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: any(f.kind == "overlap"
                                for f in grids.findings.visible_findings()), timeout=3000)

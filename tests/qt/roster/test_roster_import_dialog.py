"""The roster import dialog: file, sheet/encoding, column mapping with preview, undoable import."""

from __future__ import annotations

import pandas as pd
from factories_roster import add_cells, cell_code
from PySide6.QtGui import QUndoStack

from gridplanner.model import Plan
from gridplanner.qt.roster.import_dialog import RosterImportDialog

GBK_CSV = ("网格员花名册（2024年）,,,\n"
           "姓名,电话,岗位,网格编码\n"
           "王小明,138-0000-0001,网格长,{code}\n"
           "李晓红,13800000002,专职网格员,{code}\n"
           "赵刚,13800000003,兼职网格员,\n")


def _plan_with_cells():
    from factories import street_grid_plan

    plan = street_grid_plan()
    add_cells(plan)
    return plan


def test_mapping_step_maps_chinese_headers_and_imports_a_gbk_csv(qtbot, tmp_path):
    plan, stack = _plan_with_cells(), QUndoStack()
    path = tmp_path / "花名册.csv"
    path.write_bytes(GBK_CSV.format(code=cell_code(0, 1)).encode("gbk"))
    dialog = RosterImportDialog(plan, stack)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    assert dialog.encoding_combo.isEnabled() and not dialog.sheet_combo.isEnabled()
    assert dialog.go_next()
    assert dialog.pages.currentIndex() == 1
    assert dialog.mapping() == {"name": "姓名", "phone": "电话", "role": "岗位", "cell": "网格编码"}
    assert "GB18030" in dialog.read_label.text() and "3 rows" in dialog.read_label.text()
    assert dialog.preview.rowCount() == 3
    assert dialog.preview.item(0, 0).text() == "王小明"  # the title row was skipped
    assert "→ Name" in dialog.preview.horizontalHeaderItem(0).text()
    report = dialog.do_import()
    assert report is not None and report.added == 3
    workers = plan.workers.frame
    assert list(workers["name"]) == ["王小明", "李晓红", "赵刚"]
    assert list(workers["role"]) == ["leader", "full_time", "part_time"]
    assert len(plan.assignments) == 2
    assert stack.count() == 1
    stack.undo()
    assert len(plan.workers) == 0 and len(plan.assignments) == 0
    stack.redo()
    assert len(plan.workers) == 3 and len(plan.assignments) == 2


def test_unmapping_a_column_leaves_it_out(qtbot, tmp_path):
    plan, stack = _plan_with_cells(), QUndoStack()
    path = tmp_path / "roster.csv"
    path.write_bytes(GBK_CSV.format(code=cell_code(0, 1)).encode("gbk"))
    dialog = RosterImportDialog(plan, stack)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    dialog.go_next()
    dialog.field_combos["cell"].setCurrentIndex(0)  # "(not imported)"
    assert "cell" not in dialog.options().extra["columns"]
    dialog.do_import()
    assert len(plan.workers) == 3 and len(plan.assignments) == 0


def test_excel_sheets_are_listed_and_branches_import(qtbot, tmp_path):
    plan, stack = Plan(), QUndoStack()
    path = tmp_path / "branches.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="说明", index=False)
        pd.DataFrame({"支部名称": ["第一网格党支部", "第二网格党支部"], "书记": ["王", "李"],
                      "党员人数": [5, 2]}).to_excel(writer, sheet_name="党支部", index=False)
    dialog = RosterImportDialog(plan, stack, kind="branches")
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    assert [dialog.sheet_combo.itemText(i) for i in range(2)] == ["说明", "党支部"]
    assert not dialog.encoding_combo.isEnabled()
    dialog.sheet_combo.setCurrentIndex(1)
    assert dialog.go_next()
    assert dialog.mapping() == {"name": "支部名称", "secretary": "书记",
                                "full_members": "党员人数"}
    dialog.do_import()
    assert list(plan.branches.frame["full_members"]) == [5, 2]


def test_errors_are_shown_as_messages_and_change_nothing(qtbot, tmp_path):
    plan, stack = _plan_with_cells(), QUndoStack()
    dialog = RosterImportDialog(plan, stack)
    qtbot.addWidget(dialog)
    dialog.set_path(tmp_path / "missing.csv")
    assert not dialog.go_next()
    assert "no such file" in dialog.error_label.text()
    broken = tmp_path / "latin.csv"
    broken.write_bytes(b"name,phone\n" + bytes([0xFF, 0xFE, 0xFA]) * 5 + b",1\n")
    dialog.set_path(broken)
    if dialog.go_next():  # some bytes decode as GB18030: then the import must refuse cleanly
        dialog.field_combos["name"].setCurrentIndex(0)
        assert dialog.do_import() is None
        assert "names" in dialog.error_label.text()
    else:
        assert dialog.error_label.text()
    assert len(plan.workers) == 0 and stack.count() == 0


def test_rows_without_names_give_a_message_not_a_traceback(qtbot, tmp_path):
    plan, stack = _plan_with_cells(), QUndoStack()
    path = tmp_path / "empty.csv"
    path.write_text("姓名,电话\n,13800000001\n", encoding="utf-8")
    dialog = RosterImportDialog(plan, stack)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    assert dialog.go_next()
    assert dialog.do_import() is None
    assert "no usable workers rows" in dialog.error_label.text()
    assert dialog.pages.currentIndex() == 1 and stack.count() == 0


def test_the_roster_menu_runs_the_dialog_as_one_undo_step(qtbot, tmp_path, monkeypatch):
    import gridplanner.qt.window.feature_registry as features
    from gridplanner.qt.window.main_window import MainWindow

    monkeypatch.setattr(features, "FEATURES", {"roster": "gridplanner.qt.roster.feature:RosterFeature"})
    window = MainWindow(_plan_with_cells())
    qtbot.addWidget(window)
    window.ask_save_changes = lambda: "discard"
    feature = window.features["roster"]
    path = tmp_path / "roster.csv"
    path.write_bytes(GBK_CSV.format(code=cell_code(0, 1)).encode("gbk"))

    def drive(dialog):  # what the user does in the dialog
        dialog.set_path(path)
        assert dialog.go_next()
        return dialog.do_import() is not None

    feature.ask_dialog = drive
    feature.actions["import"].trigger()
    assert len(window.plan.workers) == 3
    assert feature.dock.tabs.tabText(0) == "Grid workers (3)"
    assert "imported 3 workers" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert len(window.plan.workers) == 0
    assert feature.dock.tabs.tabText(0) == "Grid workers (0)"

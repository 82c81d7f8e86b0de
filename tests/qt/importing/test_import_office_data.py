"""The Import Data dialog for an office's own data: existing grids and building tables."""

from __future__ import annotations

import pytest
from factories_office import building_table, cells_file
from PySide6.QtCore import Qt

from gridplanner.io.importers.registry import ImportOptions
from gridplanner.qt.importing.dialog import ImportDialog, report_lines
from gridplanner.qt.importing.messages import ui_text


def test_cells_fields_decoded_and_options_built(qtbot, tmp_path):
    dialog = ImportDialog(kind="cells")
    qtbot.addWidget(dialog)
    assert dialog.code_combo.isEnabled() and dialog.snap_spin.isEnabled()
    assert not dialog.key_combo.isEnabled() and not dialog.fix_check.isEnabled()
    dialog.set_path(str(cells_file(tmp_path)))
    fields = [dialog.code_combo.itemText(i) for i in range(dialog.code_combo.count())]
    assert "网格编码" in fields and "所属社区" in fields  # GBK without .cpg, decoded
    dialog.code_combo.setCurrentText("网格编码")
    dialog.community_combo.setCurrentText("所属社区")
    dialog.grid_kind_combo.setCurrentText("网格类型")
    dialog.snap_spin.setValue(0.5)
    kind, _, options = dialog.request()
    assert kind == "cells"
    assert options.extra == {"code_field": "网格编码", "community_field": "所属社区",
                             "kind_field": "网格类型", "snap_tolerance": 0.5}


def test_building_data_headers_and_groups(qtbot, tmp_path):
    dialog = ImportDialog(kind="building-data", building_fields=["name", "地址"])
    qtbot.addWidget(dialog)
    path, _ = building_table(tmp_path)
    dialog.set_path(str(path))
    keys = [dialog.key_combo.itemText(i) for i in range(dialog.key_combo.count())]
    assert keys == ["", "地址", "户数", "人口", "60岁以上", "独居老人", "低保户"]
    assert dialog.checked_groups() == ["60岁以上", "独居老人", "低保户"]
    dialog.groups_list.item(5).setCheckState(Qt.CheckState.Unchecked)  # 低保户
    dialog.key_combo.setCurrentText("地址")
    dialog.building_combo.setCurrentText("地址")
    dialog.households_combo.setCurrentText("户数")
    _, _, options = dialog.request()
    assert options.households_field == "户数"
    assert options.extra == {"key_field": "地址", "building_field": "地址",
                             "group_fields": ["60岁以上", "独居老人"]}


def test_boundaries_fix_overlaps_box(qtbot):
    dialog = ImportDialog(kind="boundaries")
    qtbot.addWidget(dialog)
    assert dialog.fix_check.isEnabled() and dialog.fix_check.isChecked()
    dialog.fix_check.setChecked(False)
    dialog.path_edit.setText("communities.shp")
    assert dialog.request()[2].extra == {"snap_tolerance": 1.0, "fix_overlaps": False}


def test_a_request_is_shown_again_as_entered(qtbot, tmp_path):
    path = cells_file(tmp_path)
    options = ImportOptions(encoding="gbk", source_crs="EPSG:4548", name_field="网格名称",
                            extra={"code_field": "网格编码", "snap_tolerance": 2.5})
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.set_request("cells", path, options)
    kind, file, again = dialog.request()
    assert (kind, file) == ("cells", path)
    assert again.source_crs == "EPSG:4548" and again.name_field == "网格名称"
    assert again.encoding == "gbk"
    assert again.extra["code_field"] == "网格编码" and again.extra["snap_tolerance"] == 2.5


@pytest.mark.parametrize(("message", "expected"), [
    ("code read from field '网格编码' (guessed; choose another with --code-field)",
     "code read from field “网格编码” (guessed; choose another in the “Code field” box)"),
    ("/d/a.gpkg: cannot be read as a GIS file (sqlite3_prepare_v2(SELECT COUNT(*) FROM "
     "sqlite_master) failed: file is not a database)",
     "/d/a.gpkg: the file is damaged or not a GeoPackage"),
    ("p.geojson: coordinates such as (40, 116) do not fit WGS 84, which the file declares; "
     "give it with --source-crs, e.g. EPSG:4326",
     "p.geojson: latitude and longitude look swapped (a point reads 40, 116): the file gives "
     "latitude first. Swap the columns, or choose its coordinate system in the Source CRS box"),
    ("站点.csv: longitude/latitude columns hold values outside ±180/±90",
     "站点.csv: the longitude and latitude columns hold values outside ±180/±90: latitude and "
     "longitude look swapped, or the values are not degrees"),
    ("x.shp: the file has no coordinate system; give it with --source-crs, e.g. EPSG:4326",
     "x.shp: the file has no coordinate system; give it with “Source CRS”, e.g. EPSG:4326"),
])
def test_messages_speak_of_the_dialog_not_of_flags(message, expected):
    assert ui_text(message) == expected
    assert "--" not in ui_text(message)


def test_chinese_ui_reads_chinese(qapp):
    from gridplanner.qt.shell import i18n

    i18n.switch_language(qapp, "zh_CN")
    try:
        text = ui_text("code read from field '网格编码' (guessed; choose another with "
                       "--code-field)")
        assert text == "code取自字段“网格编码”（自动识别；可在“编码字段”框中另选）"
        assert ui_text("/d/a.gpkg: cannot be read (x)") == "/d/a.gpkg：文件已损坏，或不是 GeoPackage 文件"
        broken = ui_text("/d/b.geojson: cannot be read as a GIS file (Unrecognized number)")
        assert broken.startswith("/d/b.geojson：无法作为 GIS 文件读取")
        assert broken.endswith("（读取程序提示：Unrecognized number）")
        assert ui_text("a.shp: no .cpg file; text detected as GB18030").startswith(
            "a.shp：没有 .cpg 文件，文字按 GB18030 编码读取")
        assert ui_text("东风社区 and 西湖社区 overlap by 1,200 m²: given to 东风社区 (longer "
                       "shared edge)").startswith("东风社区 与 西湖社区 重叠 1,200 平方米，已划归 东风社区")
        assert ui_text("12 slivers and gaps up to 1 m closed (6 overlaps), 458.2 m² in "
                       "all").startswith("已闭合 12 处不超过 1 米的碎片和缝隙")
    finally:
        i18n.switch_language(qapp, "en")


def test_report_details_use_the_dialog_words():
    from gridplanner.io.importers.registry import ImportReport

    report = ImportReport("cells", "/d/网格.shp", added=8,
                          warnings=["name read from field '网格名称' (guessed; choose another "
                                    "with --name-field)"])
    lines = report_lines(report)
    assert lines[1] == ("note: name read from field “网格名称” (guessed; choose another in the "
                        "“Name field” box)")


def test_after_an_error_the_dialog_comes_back_as_entered(main_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QDialog

    missing = tmp_path / "台账.xlsx"
    shown, errors = [], []
    main_window.show_error = lambda title, message: errors.append(message)

    def fake_exec(dialog):
        shown.append(dialog.request())
        if len(shown) > 1:
            return QDialog.DialogCode.Rejected
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("building-data"))
        dialog.path_edit.setText(str(missing))
        dialog.key_combo.setCurrentText("地址")
        shown[0] = dialog.request()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)
    main_window.action_import()
    assert len(shown) == 2
    kind, path, options = shown[1]
    assert (kind, path) == ("building-data", missing)
    assert options.extra["key_field"] == "地址"
    assert errors and "--" not in errors[0]


def test_window_imports_office_data_as_undoable_steps(main_window, tmp_path):
    from factories_office import buildings_file, community_file

    from gridplanner.model.plan import Plan

    main_window.set_plan(Plan())
    plan = main_window.plan
    main_window.import_data("boundaries", community_file(tmp_path, overlap=3.0))
    main_window.import_data("buildings", buildings_file(tmp_path),
                            ImportOptions(name_field="楼栋名称"))
    report = main_window.import_data("cells", cells_file(tmp_path),
                                     ImportOptions(extra={"snap_tolerance": 1.0}))
    assert report is not None and len(plan.cells) == 8 and not main_window.errors
    table, _ = building_table(tmp_path)
    report = main_window.import_data("building-data", table,
                                     ImportOptions(extra={"key_field": "地址"}))
    assert report is not None and "group_独居老人" in plan.buildings.frame.columns
    main_window.undo_stack.undo()
    assert "group_独居老人" not in plan.buildings.frame.columns
    main_window.undo_stack.undo()
    assert len(plan.cells) == 0
    main_window.undo_stack.redo()
    assert len(plan.cells) == 8

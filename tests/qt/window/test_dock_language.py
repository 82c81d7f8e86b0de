"""The docks and the import dialog follow a language switch while the window is open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from gridplanner.qt.shell import i18n


@pytest.fixture
def chinese(qapp):
    """Switch to Simplified Chinese; the next test starts in English again."""
    i18n.switch_language(qapp, "zh_CN")
    QCoreApplication.processEvents()  # LanguageChange reaches every widget
    yield qapp
    i18n.switch_language(qapp, "en")
    QCoreApplication.processEvents()


def _header(dock, column: str) -> str:
    col = dock.model._columns.index(column)
    return dock.proxy.headerData(col, Qt.Orientation.Horizontal)


def test_docks_change_language_with_the_window(main_window, grid_plan, qapp):
    layers, table, identify = (main_window.layers_dock, main_window.attribute_dock,
                               main_window.identify_dock)
    table.set_layer("buildings")
    identify.show_feature("buildings", grid_plan.buildings.fids()[0])
    assert layers.windowTitle() == "Layers" and _header(table, "households") == "Households"

    i18n.switch_language(qapp, "zh_CN")
    QCoreApplication.processEvents()
    try:
        assert layers.windowTitle() == "图层"
        assert layers.form.labelForField(layers.fill_button).text() == "填充"
        assert any("楼栋" in layers.list.item(i).text() for i in range(layers.list.count()))
        assert table.windowTitle() == "属性表"
        assert _header(table, "households") == "户数"
        assert table.layer_combo.currentText() == "楼栋"
        assert table.filter_edit.placeholderText() != "Filter rows…"
        assert identify.windowTitle() == "识别结果"
        assert identify.tree.headerItem().text(0) == "字段"
        assert identify.tree.topLevelItem(0).text(0) == "楼栋"  # the listed feature too
    finally:
        i18n.switch_language(qapp, "en")
        QCoreApplication.processEvents()
    assert layers.windowTitle() == "Layers" and _header(table, "households") == "Households"
    assert identify.tree.topLevelItem(0).text(0) == "Buildings"


def test_import_dialog_follows_the_language(qtbot, qapp):
    from gridplanner.qt.importing.dialog import ImportDialog

    dialog = ImportDialog(kind="buildings")
    qtbot.addWidget(dialog)
    label = dialog.form.labelForField(dialog.kind_combo)
    assert label.text() == "Kind" and dialog.kind_combo.currentText() == "Buildings"
    i18n.switch_language(qapp, "zh_CN")
    QCoreApplication.processEvents()
    try:
        assert dialog.windowTitle() == "导入数据"
        assert label.text() != "Kind"
        assert dialog.kind_combo.currentText() == "楼栋"
        assert dialog.kind_combo.currentData() == "buildings"  # the choice is kept
    finally:
        i18n.switch_language(qapp, "en")
        QCoreApplication.processEvents()
    assert label.text() == "Kind"


def test_settings_dialog_and_its_action_in_chinese(main_window, chinese):
    from gridplanner.qt.window.settings_dialog import SettingsDialog

    assert main_window.actions["settings"].text() == "方案设置(&S)…"
    dialog = SettingsDialog(main_window.plan.settings, main_window)
    assert dialog.windowTitle() == "方案设置"
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "并非国家标准" in texts  # the household range is called a convention
    assert dialog.levels.rows[1].text() == "500 m · 8.3 分钟"
    dialog.county_code.setText("11")
    assert dialog.messages["county_code"].text() == "请输入 6 位区县代码"
    dialog.deleteLater()


def test_a_refused_cell_is_explained_in_chinese(main_window, chinese):
    dock = main_window.attribute_dock
    dock.set_layer("buildings")
    col = dock.model._columns.index("households")
    assert not dock.proxy.setData(dock.proxy.index(0, col), "很多")
    assert "须填数字" in main_window.statusBar().currentMessage()

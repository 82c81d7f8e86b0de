"""Plan Settings → Input limits: the plan's import limits, edited and kept."""

from __future__ import annotations

from gridplanner.model.limits import InputLimits
from gridplanner.model.settings import Settings
from gridplanner.qt.window.settings_dialog import SettingsDialog


def test_limits_page_shows_and_edits_the_plan_limits(qtbot):
    settings = Settings(households_min=250, input_limits=InputLimits(max_holes=123))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[-1] == "Input limits"
    assert dialog.limits.spins["max_holes"].value() == 123
    assert dialog.limits.spins["max_file_mb"].suffix() == " MB"
    assert dialog.result_settings() == settings  # nothing changed, nothing lost
    dialog.limits.spins["max_sheet_rows"].setValue(500_000)
    result = dialog.result_settings()
    assert result.input_limits == InputLimits(max_holes=123, max_sheet_rows=500_000)
    assert result.households_min == 250


def test_limits_page_in_chinese(qtbot, qapp):
    from gridplanner.qt.shell import i18n

    i18n.switch_language(qapp, "zh_CN")
    try:
        dialog = SettingsDialog(Settings())
        qtbot.addWidget(dialog)
        assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "导入限制"
        assert dialog.limits.title() == "导入限制"
    finally:
        i18n.switch_language(qapp, "en")

"""Plan Settings: the micro-grid and care ranges are settings, kept when other fields change."""

from __future__ import annotations

from gridplanner.model.settings import Settings
from gridplanner.qt.window.settings_dialog import SettingsDialog


def test_micro_grid_and_care_ranges_are_edited_and_checked(qtbot):
    dialog = SettingsDialog(Settings(micro_households_min=40, care_households_max=12))
    qtbot.addWidget(dialog)
    assert (dialog.micro_min.value(), dialog.micro_max.value()) == (40, 80)
    assert (dialog.care_min.value(), dialog.care_max.value()) == (5, 12)
    dialog.micro_min.setValue(90)
    assert dialog.messages["micro_households"].text() and not dialog.ok_button.isEnabled()
    dialog.micro_min.setValue(35)
    dialog.care_max.setValue(20)
    assert dialog.ok_button.isEnabled()
    s = dialog.result_settings()
    assert (s.micro_households_min, s.micro_households_max) == (35, 80)
    assert (s.care_households_min, s.care_households_max) == (5, 20)


def test_unchanged_dialog_gives_back_the_same_settings(qtbot):
    original = Settings(households_min=310, micro_households_min=33, micro_households_max=70,
                        care_households_min=6, care_households_max=14, dwelling_size_m2=80.0)
    dialog = SettingsDialog(original)
    qtbot.addWidget(dialog)
    assert dialog.result_settings() == original

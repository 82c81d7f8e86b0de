"""The Plan Settings dialog: every number editable, checked on entry, applied as one undo step."""

from __future__ import annotations

import pytest

from gridplanner.model.settings import Settings
from gridplanner.qt.shell.commands import SettingsCommand
from gridplanner.qt.window.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot):
    d = SettingsDialog(Settings())
    qtbot.addWidget(d)
    return d


def test_the_dialog_shows_the_plan_settings_and_minutes_beside_metres(dialog):
    assert dialog.households_min.value() == 300 and dialog.households_max.value() == 500
    assert [r.text() for r in dialog.levels.rows] == ["300 m · 5.0 min", "500 m · 8.3 min",
                                                      "1000 m · 16.7 min"]
    assert dialog.result_settings() == Settings()
    assert dialog.ok_button.isEnabled()
    assert dialog.services.list.count() == 6


def test_typing_minutes_gives_metres_and_the_speed_changes_minutes(dialog):
    row = dialog.levels.rows[1]
    row.minutes_spin.setValue(10.0)
    assert row.metres() == 600.0
    dialog.walking_speed.setValue(0.8)
    assert row.text() == "600 m · 12.5 min"
    assert dialog.result_settings().levels_m == (300.0, 600.0, 1000.0)


def test_wrong_entries_show_a_message_beside_the_field_and_block_ok(dialog):
    dialog.county_code.setText("11A")
    assert "6 digits" in dialog.messages["county_code"].text()
    assert not dialog.ok_button.isEnabled()
    dialog.county_code.setText("110105")
    dialog.subdistrict_code.setText("12")
    assert dialog.messages["subdistrict_code"].text() and not dialog.ok_button.isEnabled()
    dialog.subdistrict_code.setText("012")
    dialog.households_min.setValue(600)
    assert dialog.messages["households"].text() and not dialog.ok_button.isEnabled()
    dialog.households_min.setValue(250)
    assert dialog.ok_button.isEnabled()
    assert all(not m.text() for m in dialog.messages.values())


def test_a_model_error_is_shown_with_its_own_text(dialog, monkeypatch):
    from gridplanner.errors import ModelError

    def refuse(self):
        raise ModelError("target share 0.5 is not allowed here")

    monkeypatch.setattr(Settings, "validate", refuse)
    dialog.check()
    assert dialog.messages["target_share"].text() == "target share 0.5 is not allowed here"
    assert not dialog.ok_button.isEnabled()


def test_hints_call_the_household_range_a_convention(dialog):
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "convention" in texts and "not a national standard" in texts


def test_services_add_remove_rename(dialog):
    dialog.services.list.item(4).setText("Library")  # was culture
    dialog.services.add_service("E-bike charging")
    dialog.services.list.setCurrentRow(0)
    dialog.services.remove_current()
    settings = dialog.result_settings()
    assert settings.services == ("elderly_care", "health", "food", "Library", "public_affairs",
                                 "E-bike charging")
    assert dialog.renames() == {"culture": "Library"}
    dialog.services.add_service("Health")  # the same name as a listed one
    assert "same name" in dialog.messages["services"].text()


def test_levels_can_be_added_and_removed(dialog):
    dialog.levels.add_level(1500)
    dialog.levels.remove_level(dialog.levels.rows[0])
    assert dialog.result_settings().levels_m == (500.0, 1000.0, 1500.0)


def test_settings_command_do_undo_redo_renames_centres(grid_plan):
    import shapely

    [fid] = grid_plan.centres.add([{"name": "邻里中心", "services": "culture;health",
                                    "geometry": shapely.Point(440050, 4420050)}])
    old = grid_plan.settings
    new = old.replaced(households_min=200, services=("Library", "health"))
    command = SettingsCommand(grid_plan, new, {"culture": "Library"})
    command.redo()
    assert grid_plan.settings == new
    assert grid_plan.centres.row(fid)["services"] == "Library;health"
    command.undo()
    assert grid_plan.settings == old
    assert grid_plan.centres.row(fid)["services"] == "culture;health"
    command.redo()
    assert grid_plan.settings.households_min == 200
    assert grid_plan.centres.row(fid)["services"] == "Library;health"


def test_the_window_applies_the_dialog_as_one_undo_step(main_window, grid_plan):
    assert main_window.actions["settings"].shortcut().toString() == "Ctrl+,"
    edit_menu = main_window._menus[1][0]
    assert main_window.actions["settings"] in edit_menu.actions()
    new = grid_plan.settings.replaced(households_min=350, walking_speed=1.2, county_code="110105")
    main_window.ask_settings = lambda: (new, {})
    main_window.action_settings()
    assert grid_plan.settings == new and main_window.undo_stack.count() == 1
    assert main_window.isWindowModified()
    main_window.undo_stack.undo()
    assert grid_plan.settings == Settings()
    main_window.undo_stack.redo()
    assert grid_plan.settings.walking_speed == 1.2
    main_window.ask_settings = lambda: None  # cancelled: nothing happens
    main_window.action_settings()
    assert main_window.undo_stack.count() == 1

"""Crash recovery: unsaved work survives the app dying, and is offered back."""

from __future__ import annotations

import shapely

from gridplanner.io.plan_file.project import save_plan
from gridplanner.qt.shell.commands import AttributeCommand
from gridplanner.qt.window.autosave import recovery_path


def _edit(window, value="改过的名字"):
    fid = window.plan.buildings.fids()[0]
    window.undo_stack.push(AttributeCommand(window.plan, "buildings", {fid: {"name": value}}))
    return fid


def test_unsaved_edits_are_copied_after_a_quiet_moment(main_window, tmp_path):
    path = save_plan(main_window.plan, tmp_path / "plan.gpkg")
    main_window.open_plan_file(path, confirm=False)
    feature = main_window.features["autosave"]
    _edit(main_window)
    assert feature.timer.isActive()  # waits for the user to stop editing
    copy = feature.write_recovery()
    assert copy == recovery_path(path) and copy.exists()
    assert main_window.save_plan_file()
    assert not copy.exists()  # saved: the copy has done its job


def test_after_a_crash_the_copy_is_offered_and_restored_as_unsaved(qtbot, main_window, tmp_path):
    from gridplanner.qt.window.main_window import MainWindow

    path = save_plan(main_window.plan, tmp_path / "plan.gpkg")
    main_window.open_plan_file(path, confirm=False)
    fid = _edit(main_window)
    main_window.plan.cells.add([{"code": "1", "geometry": shapely.box(440000, 4420000,
                                                                      440050, 4420050)}])
    main_window.features["autosave"].write_recovery()
    # the app dies here: nothing saved. A new window opens the same file.
    again = MainWindow()
    qtbot.addWidget(again)
    asked = []
    feature = again.features["autosave"]
    feature.ask_restore = lambda copy: asked.append(copy) or True
    again.open_plan_file(path, confirm=False)
    assert asked == [recovery_path(path)]
    assert again.plan.buildings.row(fid)["name"] == "改过的名字"
    assert len(again.plan.cells) == 1
    assert again.is_modified() and again.path == path
    assert again.save_plan_file()
    assert not recovery_path(path).exists()


def test_declining_the_copy_opens_the_saved_file_and_drops_the_copy(qtbot, main_window,
                                                                     tmp_path):
    from gridplanner.qt.window.main_window import MainWindow

    path = save_plan(main_window.plan, tmp_path / "plan.gpkg")
    main_window.open_plan_file(path, confirm=False)
    fid = _edit(main_window)
    main_window.features["autosave"].write_recovery()
    again = MainWindow()
    qtbot.addWidget(again)
    again.features["autosave"].ask_restore = lambda copy: False
    again.open_plan_file(path, confirm=False)
    assert again.plan.buildings.row(fid)["name"] != "改过的名字"
    assert not again.is_modified()
    assert not recovery_path(path).exists()


def test_a_copy_older_than_the_saved_file_is_not_offered(qtbot, main_window, tmp_path):
    import os

    from gridplanner.qt.window.main_window import MainWindow

    path = save_plan(main_window.plan, tmp_path / "plan.gpkg")
    main_window.open_plan_file(path, confirm=False)
    _edit(main_window)
    copy = main_window.features["autosave"].write_recovery()
    os.utime(copy, (1, 1))  # the file was saved (elsewhere) after the copy
    again = MainWindow()
    qtbot.addWidget(again)
    again.features["autosave"].ask_restore = lambda c: (_ for _ in ()).throw(AssertionError)
    again.open_plan_file(path, confirm=False)
    assert not copy.exists()


def test_discarding_changes_on_close_drops_the_copy(main_window, tmp_path):
    path = save_plan(main_window.plan, tmp_path / "plan.gpkg")
    main_window.open_plan_file(path, confirm=False)
    _edit(main_window)
    copy = main_window.features["autosave"].write_recovery()
    main_window.answers.append("discard")
    assert main_window.maybe_save()
    assert not copy.exists()

"""The window on a plan in PostgreSQL/PostGIS: open, save per feature, conflicts chosen.

Runs against a real PostgreSQL with PostGIS (tests/postgres_server.py); skipped
with the reason when none can be started.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gridplanner.io.plan_file.postgis import PostgisPlanStore
from gridplanner.qt.shell.commands import AttributeCommand, DeleteFeaturesCommand
from gridplanner.qt.shell.settings_store import SettingsStore, uri_without_password
from gridplanner.qt.window.autosave import recovery_path
from gridplanner.qt.window.database_dialogs import with_password

PASSWORD = "s3cret-Pa55"


@pytest.fixture
def db_uri(grid_plan, postgis_uri):
    """A plan with one cell per community, kept in the database."""
    plan = grid_plan
    if not len(plan.layers["cells"]):
        rows = [{"code": f"C{i}", "name": f"第{i + 1}网格", "community": str(r.get("name", "")),
                 "geometry": r["geometry"]}
                for i, (_, r) in enumerate(plan.layers["boundaries"].frame.iterrows())]
        plan.layers["cells"].add(rows)
    plan.name = "示范街道"
    PostgisPlanStore(postgis_uri).create(plan)
    return postgis_uri


def recording_window(qtbot):
    """A second window whose questions are answered by the test (like ``main_window``)."""
    from gridplanner.qt.window.main_window import MainWindow

    window = MainWindow()
    window.errors = []
    window.show_error = lambda title, message: window.errors.append((title, message))
    window.ask_save_changes = lambda: "discard"
    window.features["autosave"].ask_restore = lambda copy: False
    qtbot.addWidget(window)
    return window


def record_conflicts(window, answer):
    """Answer the conflict dialog with ``answer`` ("ours"/"theirs") for every row."""
    window.seen_conflicts = []

    def ask(conflicts):
        window.seen_conflicts.append(conflicts)
        return None if answer is None else {(c.layer, c.fid): answer for c in conflicts}
    window.ask_plan_conflicts = ask


def rename_cell(window, fid, name):
    window.undo_stack.push(AttributeCommand(window.plan, "cells", {fid: {"name": name}}))


def stored_name(uri, fid):
    return PostgisPlanStore(uri).load().layers["cells"].row(fid)["name"]


def test_a_plan_opened_from_its_uri_is_edited_saved_and_reopened(main_window, db_uri):
    assert main_window.open_plan_file(db_uri, confirm=False)
    assert main_window.plan.name == "示范街道" and main_window.path is None
    assert "schema=plan" in main_window.windowTitle()
    fid = main_window.plan.cells.fids()[0]
    rename_cell(main_window, fid, "窗口改过")
    assert main_window.is_modified()
    assert main_window.save_plan_file()
    assert not main_window.is_modified() and main_window.errors == []
    assert stored_name(db_uri, fid) == "窗口改过"
    assert main_window.open_plan_file(db_uri)  # reopened: the edit is there
    assert main_window.plan.cells.row(fid)["name"] == "窗口改过"


def test_two_windows_changing_different_cells_keep_both(qtbot, main_window, db_uri):
    other = recording_window(qtbot)
    assert main_window.open_plan_file(db_uri, confirm=False)
    assert other.open_plan_file(db_uri, confirm=False)
    first, second = main_window.plan.cells.fids()[:2]
    rename_cell(main_window, first, "A改")
    rename_cell(other, second, "B改")
    record_conflicts(other, "ours")
    assert main_window.save_plan_file() and other.save_plan_file()
    assert other.seen_conflicts == []  # different cells: no question
    assert stored_name(db_uri, first) == "A改" and stored_name(db_uri, second) == "B改"


@pytest.mark.parametrize("answer", ["ours", "theirs"])
def test_the_same_cell_changed_in_two_windows_asks_and_keeps_the_choice(
        qtbot, main_window, db_uri, answer):
    other = recording_window(qtbot)
    assert main_window.open_plan_file(db_uri, confirm=False)
    assert other.open_plan_file(db_uri, confirm=False)
    fid, second = main_window.plan.cells.fids()[:2]
    rename_cell(main_window, fid, "A改")
    rename_cell(other, fid, "B改")
    rename_cell(other, second, "B也改了")
    assert main_window.save_plan_file()
    record_conflicts(other, answer)
    other.resize(900, 600)
    other.canvas.set_extent(other.plan.cells.frame.geometry.iloc[0].bounds)
    view = other.canvas.extent()
    assert other.save_plan_file()
    assert other.canvas.extent() == pytest.approx(view, abs=1.0)  # still where the user was
    (conflicts,) = other.seen_conflicts
    (conflict,) = conflicts
    assert (conflict.layer, conflict.fid, conflict.kind) == ("cells", fid, "changed")
    assert conflict.ours["name"] == "B改" and conflict.theirs["name"] == "A改"
    expected = "B改" if answer == "ours" else "A改"
    assert stored_name(db_uri, fid) == expected
    assert stored_name(db_uri, second) == "B也改了"  # the rest of the save landed
    assert other.plan.cells.row(fid)["name"] == expected  # theirs taken: shown in the window
    assert not other.is_modified() and other.errors == []
    rename_cell(other, second, "再改")  # the window's versions are current again
    assert other.save_plan_file() and len(other.seen_conflicts) == 1


def test_cancelling_the_conflict_saves_nothing_and_keeps_the_edits(qtbot, main_window, db_uri):
    other = recording_window(qtbot)
    main_window.open_plan_file(db_uri, confirm=False)
    other.open_plan_file(db_uri, confirm=False)
    fid, second = main_window.plan.cells.fids()[:2]
    rename_cell(main_window, fid, "A改")
    rename_cell(other, fid, "B改")
    rename_cell(other, second, "B也改了")
    assert main_window.save_plan_file()
    record_conflicts(other, None)
    assert not other.save_plan_file()
    assert other.is_modified() and other.plan.cells.row(fid)["name"] == "B改"
    assert stored_name(db_uri, fid) == "A改" and stored_name(db_uri, second) != "B也改了"


def test_a_cell_changed_by_a_command_while_the_window_has_it(main_window, db_uri):
    """The CLI (here its store, as `gridplanner` commands save) and the window."""
    from gridplanner.cli import common

    assert main_window.open_plan_file(db_uri, confirm=False)
    fid = main_window.plan.cells.fids()[0]
    plan = common.open_plan(db_uri, for_update=True)
    plan.layers["cells"].set_attributes(fid, {"name": "命令改"})
    common.write_plan(plan, db_uri)
    common.end_command()
    rename_cell(main_window, fid, "窗口改")
    record_conflicts(main_window, "theirs")
    assert main_window.save_plan_file()
    assert len(main_window.seen_conflicts) == 1
    assert stored_name(db_uri, fid) == "命令改" == main_window.plan.cells.row(fid)["name"]


def test_the_password_is_never_written_to_settings_and_is_asked_again(main_window, db_uri):
    with_secret = with_password(db_uri.replace("://", "://postgres@", 1)
                                if "@" not in db_uri else db_uri, PASSWORD)
    assert PASSWORD in with_secret
    asked = []
    main_window.ask_database = lambda remembered=None: asked.append(remembered) or with_secret
    main_window.action_open_database()
    assert main_window.plan.name == "示范街道" and main_window.errors == []
    assert PASSWORD not in main_window.windowTitle() and "***" in main_window.windowTitle()
    settings = Path(os.environ["GRIDPLANNER_SETTINGS"]).read_text(encoding="utf-8")
    assert PASSWORD not in settings
    (entry,) = [f for f in SettingsStore().recent_files(existing_only=True) if "://" in f]
    assert entry == uri_without_password(with_secret) and PASSWORD not in entry
    main_window.new_plan()
    assert main_window.open_recent(entry)  # asks for the password, fields filled in
    assert asked == [None, entry]
    assert main_window.plan_uri == with_secret


def test_wrong_entries_are_named_by_their_field_and_the_dialog_comes_back(main_window, db_uri):
    wrong = db_uri.replace("schema=plan", "schema=nothere")
    asked = []
    main_window.ask_database = lambda remembered=None: asked.append(remembered) or wrong
    main_window.action_open_database()
    assert len(asked) == 2 and asked[1] == wrong  # shown again with what was entered
    ((title, message),) = main_window.errors
    assert "nothere" in message and "Plan (schema)" in message
    assert "SELECT" not in message and "Traceback" not in message
    main_window.errors.clear()
    assert not main_window.open_plan_file("postgresql://nobody:pw@127.0.0.1:1/x?schema=p")
    ((_, message),) = main_window.errors
    assert "Host, Port" in message and "pw@" not in message


def test_crash_recovery_of_a_database_plan(qtbot, main_window, db_uri):
    assert main_window.open_plan_file(db_uri, confirm=False)
    fid, second = main_window.plan.cells.fids()[:2]
    rename_cell(main_window, fid, "没保存")
    rename_cell(main_window, second, "也没保存")
    copy = main_window.features["autosave"].write_recovery()
    assert copy == recovery_path(db_uri) and copy.exists() and copy.suffix == ".gpkg"
    assert recovery_path(with_password(db_uri, PASSWORD)) == copy
    # the app dies; meanwhile another office changes the first cell
    office = PostgisPlanStore(db_uri)
    plan = office.load()
    plan.layers["cells"].set_attributes(fid, {"name": "别人改"})
    office.save(plan)
    again = recording_window(qtbot)
    again.features["autosave"].ask_restore = lambda c: True
    assert again.open_plan_file(db_uri, confirm=False)
    assert again.is_modified() and again.plan_uri == db_uri
    assert again.plan.cells.row(second)["name"] == "也没保存"
    record_conflicts(again, "theirs")
    assert again.save_plan_file()
    assert len(again.seen_conflicts) == 1  # the other office's change was not overwritten
    assert stored_name(db_uri, fid) == "别人改" and stored_name(db_uri, second) == "也没保存"
    assert not copy.exists()


def test_save_as_a_file_moves_the_window_to_the_file(main_window, db_uri, tmp_path):
    assert main_window.open_plan_file(db_uri, confirm=False)
    target = tmp_path / "local.gpkg"
    assert main_window.save_plan_file(target)
    assert main_window.plan_uri is None and main_window.path == target
    assert str(target) in main_window.windowTitle()


def test_gui_started_with_a_uri_opens_it_and_a_bad_one_brings_up_the_dialog(main_window,
                                                                            db_uri):
    from gridplanner.qt.window.app import open_start_plan

    assert open_start_plan(main_window, db_uri)
    assert main_window.plan_uri == db_uri and main_window.plan.name == "示范街道"
    wrong = db_uri.replace("schema=plan", "schema=typo")
    asked = []
    main_window.ask_database = lambda remembered=None: asked.append(remembered) or db_uri
    assert open_start_plan(main_window, with_password(wrong, PASSWORD))
    assert asked == [uri_without_password(wrong)]  # the fields to correct, no password
    assert "typo" in main_window.errors[0][1] and main_window.plan_uri == db_uri


@pytest.mark.parametrize("answer", ["ours", "theirs"])
def test_a_cell_deleted_by_another_office_while_changed_here(qtbot, main_window, db_uri,
                                                             answer):
    other = recording_window(qtbot)
    main_window.open_plan_file(db_uri, confirm=False)
    other.open_plan_file(db_uri, confirm=False)
    fid = main_window.plan.cells.fids()[0]
    main_window.undo_stack.push(DeleteFeaturesCommand(main_window.plan, "cells", [fid], "del"))
    assert main_window.save_plan_file()
    rename_cell(other, fid, "我还在改")
    record_conflicts(other, answer)
    assert other.save_plan_file()
    ((conflict,),) = other.seen_conflicts
    assert conflict.kind == "deleted" and conflict.theirs is None
    kept = fid in PostgisPlanStore(db_uri).load().layers["cells"].fids()
    assert kept == (answer == "ours")
    assert (fid in other.plan.cells.fids()) == kept  # the window shows what was stored
    if kept:
        assert stored_name(db_uri, fid) == "我还在改"


@pytest.mark.allow_modal
def test_the_open_from_database_dialog_gives_the_uri(qtbot, main_window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gridplanner.qt.window.database_dialogs import OpenDatabaseDialog

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, OpenDatabaseDialog) and w.isVisible())
        assert dialog.user.text() == "planner" and dialog.password.text() == ""
        dialog.password.setText(PASSWORD)
        dialog.accept()

    QTimer.singleShot(200, fill)
    uri = main_window.ask_database("postgresql://planner@dbhost:5432/city?schema=xicheng")
    assert uri == f"postgresql://planner:{PASSWORD}@dbhost:5432/city?schema=xicheng"


def test_rows_pointing_at_nothing_in_the_database_are_repaired_on_confirm(main_window,
                                                                          postgis_uri):
    """An edit made outside gridplanner (QGIS) left an assignment pointing at no cell."""
    import psycopg
    from factories_roster import roster_plan

    from gridplanner.io.plan_file.postgis import split_uri

    plan = roster_plan()
    PostgisPlanStore(postgis_uri).create(plan)
    before = len(plan.layers["assignments"])
    conninfo, schema = split_uri(postgis_uri)
    with psycopg.connect(conninfo) as con:
        con.execute(f'UPDATE "{schema}".assignments SET target_fid = 999 WHERE fid = 2')
    asked = []
    main_window.ask_damaged_plan = lambda path, findings: (asked.append(findings), "repair")[1]
    assert main_window.open_plan_file(postgis_uri, confirm=False)
    assert asked and main_window.is_modified()  # the repair is an undoable, unsaved step
    assert main_window.save_plan_file()
    stored = PostgisPlanStore(postgis_uri).load().layers["assignments"]
    assert len(stored) == before - 1 and 2 not in stored.fids()

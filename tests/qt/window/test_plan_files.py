"""Saving from the window: changed on disk, locked, read-only; Save As… / Reload."""

from __future__ import annotations

import contextlib
import os

import pytest
from PySide6.QtCore import QCoreApplication

from gridplanner.io.plan_file import lock
from gridplanner.io.plan_file.project import load_plan, save_plan
from gridplanner.qt.shell import i18n

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX locks and permissions")


@pytest.fixture
def opened(main_window, grid_plan, tmp_path):
    """The window showing a plan opened from disk, with one unsaved edit."""
    path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    assert main_window.open_plan_file(path, confirm=False)
    main_window.plan.name = "my edit"
    main_window.undo_stack.resetClean()
    return main_window, path


def someone_else_saves(path, name="their edit", program="gridplanner import"):
    plan = load_plan(path)
    plan.name = name
    save_plan(plan, path, program=program)


def test_saving_twice_and_after_save_as_needs_no_question(opened, tmp_path):
    window, path = opened
    assert window.save_plan_file()
    window.plan.name = "second edit"
    assert window.save_plan_file()
    assert window.save_plan_file(tmp_path / "copy.gpkg")
    assert window.save_plan_file()  # now the copy, whose state the window knows
    assert window.conflicts == [] and window.errors == []
    assert load_plan(tmp_path / "copy.gpkg").name == "second edit"


def test_a_change_on_disk_is_not_overwritten_and_save_as_keeps_mine(opened, tmp_path):
    window, path = opened
    someone_else_saves(path)
    window.conflict_answers = ["save_as"]
    window.ask_save_path = lambda: str(tmp_path / "mine.gpkg")
    assert window.save_plan_file()
    assert len(window.conflicts) == 1
    assert "changed on disk by gridplanner import" in window.conflicts[0]
    assert load_plan(path).name == "their edit"  # nothing lost
    assert load_plan(tmp_path / "mine.gpkg").name == "my edit"
    assert window.path == tmp_path / "mine.gpkg" and not window.is_modified()


def test_reload_shows_the_plan_on_disk(opened):
    window, path = opened
    someone_else_saves(path)
    window.conflict_answers = ["reload"]
    assert not window.save_plan_file()
    assert window.plan.name == "their edit"
    assert not window.is_modified()
    window.plan.name = "edit after reload"
    window.undo_stack.resetClean()
    assert window.save_plan_file()  # the reloaded state is the one checked now
    assert load_plan(path).name == "edit after reload"


def test_cancel_saves_nothing_and_keeps_the_edits(opened):
    window, path = opened
    someone_else_saves(path)
    assert not window.save_plan_file()  # the fixture answers "cancel"
    assert window.is_modified() and window.plan.name == "my edit"
    assert load_plan(path).name == "their edit"


@posix_only
def test_a_plan_being_saved_by_another_program_is_refused_with_its_name(opened):
    import fcntl

    window, path = opened
    fd = os.open(lock.lock_path(path), os.O_RDWR | os.O_CREAT)
    os.write(fd, b'{"program": "gridplanner grids generate", "pid": 7, "user": "ann", '
                 b'"host": "pc-7", "since": "2026-12-03 19:05:01"}')
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        assert not window.save_plan_file()
    finally:
        os.close(fd)
    title, message = window.errors[-1]
    assert title == "Cannot save the plan"
    assert "gridplanner grids generate (user ann on computer pc-7, 2026-12-03 19:05:01)" \
        in message
    assert window.is_modified()
    assert window.save_plan_file()  # once it has finished


@posix_only
def test_a_read_only_plan_is_refused_in_words_of_the_window(opened):
    window, path = opened
    os.chmod(path, 0o444)
    assert not window.save_plan_file()
    assert "is read-only" in window.errors[-1][1] and "Save As…" in window.errors[-1][1]
    assert load_plan(path).name == "street grid"


@contextlib.contextmanager
def chinese(qapp):
    i18n.switch_language(qapp, "zh_CN")
    QCoreApplication.processEvents()
    try:
        yield
    finally:
        i18n.switch_language(qapp, "en")
        QCoreApplication.processEvents()


def test_the_conflict_and_read_only_messages_are_in_chinese(opened, qapp):
    window, path = opened
    someone_else_saves(path)
    with chinese(qapp):
        assert not window.save_plan_file()
        assert "另存为" in window.conflicts[-1]
        if os.name == "posix":
            os.chmod(path, 0o444)
            window.disk_state = None
            assert not window.save_plan_file()
            assert "只读" in window.errors[-1][1]


@posix_only
def test_the_recovery_folder_is_private(monkeypatch, tmp_path):
    import stat

    from gridplanner.qt.window import autosave

    monkeypatch.setenv(autosave.ENV_VAR, str(tmp_path / "fresh" / "recovery"))
    folder = autosave.recovery_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_an_import_from_the_command_line_while_the_window_is_open(opened, tmp_path,
                                                                   repo_root):
    import subprocess

    from tests.cli.test_cli_import import building_file
    from tests.cli.test_cli_writers import gridplanner_exe

    window, path = opened
    n = len(window.plan.buildings)
    done = subprocess.run([*gridplanner_exe(repo_root), "import", str(path), "buildings",
                           str(building_file(tmp_path))], capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr
    window.conflict_answers = ["reload"]
    assert not window.save_plan_file()
    assert "changed on disk by gridplanner import" in window.conflicts[-1]
    assert len(window.plan.buildings) == n + 6  # the command's buildings, nothing lost


def test_two_windows_on_one_plan(opened, qtbot, grid_plan):
    from gridplanner.qt.window.main_window import MainWindow

    first, path = opened
    second = MainWindow(grid_plan)
    qtbot.addWidget(second)
    second.errors, second.conflicts = [], []
    second.show_error = lambda title, message: second.errors.append((title, message))
    second.ask_save_conflict = lambda message: second.conflicts.append(message) or "cancel"
    try:
        assert second.open_plan_file(path, confirm=False)
        assert first.save_plan_file()  # the first window saves its edit
        second.plan.name = "second window's edit"
        second.undo_stack.resetClean()
        assert not second.save_plan_file()
        assert "changed on disk by gridplanner window" in second.conflicts[-1]
        assert load_plan(path).name == "my edit"
    finally:
        second.undo_stack.setClean()
        second.close()


def test_a_full_disk_is_said_in_words_of_the_window(opened, monkeypatch):
    window, path = opened
    before = path.read_bytes()

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("gridplanner.io.plan_file.project._write_layers", full)
    assert not window.save_plan_file()
    assert window.errors[-1][1].startswith(f"Not enough disk space to save {path}.")
    assert path.read_bytes() == before and window.is_modified()


def test_the_status_bar_says_when_the_file_changed_on_disk(opened):
    window, path = opened
    assert not window.check_disk_changes()
    someone_else_saves(path, program="gridplanner grids generate")
    assert window.check_disk_changes()
    message = window.statusBar().currentMessage()
    assert message.startswith("plan.gpkg was changed on disk by gridplanner grids generate")
    window.statusBar().clearMessage()
    assert window.check_disk_changes()  # still changed, but said only once
    assert window.statusBar().currentMessage() == ""

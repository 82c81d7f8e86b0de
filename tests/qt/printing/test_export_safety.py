"""The Export dialog never writes over the open plan or any other plan."""

from __future__ import annotations

import os

from gridplanner.io.plan_file import lock
from gridplanner.io.plan_file.project import save_plan
from gridplanner.io.plan_file.targets import plan_target_problem
from gridplanner.qt.printing.export_dialog import ExportDialog


def _dialog(window, grid_plan, tmp_path) -> ExportDialog:
    path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    assert window.open_plan_file(path, confirm=False)
    feature = window.features["printing"]
    opened = []
    feature.ask_dialog = lambda dialog: opened.append(dialog) or 0
    feature.actions["tables"].trigger()
    return opened[-1]


def test_no_default_path_is_the_plan(main_window, grid_plan, tmp_path):
    dialog = _dialog(main_window, grid_plan, tmp_path)
    assert dialog.paths["gpkg"].text() == str(tmp_path / "plan-export.gpkg")
    for key in dialog.paths:
        assert plan_target_problem(dialog.paths[key].text(), main_window.path) is None, key
    dialog.close()


def test_exporting_over_the_open_plan_is_refused(main_window, grid_plan, tmp_path):
    dialog = _dialog(main_window, grid_plan, tmp_path)
    plan_path = main_window.path
    before = plan_path.read_bytes()
    for key in dialog.checks:
        dialog.checks[key].setChecked(key in ("gpkg", "xlsx"))
    dialog.paths["gpkg"].setText(str(plan_path))
    dialog.paths["xlsx"].setText(str(plan_path))
    assert dialog.run() == []
    assert "plan.gpkg is the open plan; an export never replaces it" in dialog.result.text()
    assert plan_path.read_bytes() == before
    dialog.close()


def test_exporting_over_another_plan_or_a_locked_one_is_refused(main_window, grid_plan,
                                                                 tmp_path):
    dialog = _dialog(main_window, grid_plan, tmp_path)
    other = save_plan(grid_plan, tmp_path / "other.gpkg")
    before = other.read_bytes()
    for key in dialog.checks:
        dialog.checks[key].setChecked(key == "gpkg")
    dialog.paths["gpkg"].setText(str(other))
    assert dialog.run() == []
    assert "other.gpkg is a gridplanner plan" in dialog.result.text()
    assert other.read_bytes() == before
    if os.name == "posix":  # a plan another program is creating: no file yet, a held lock
        import fcntl

        fresh = tmp_path / "new.gpkg"
        fd = os.open(lock.lock_path(fresh), os.O_RDWR | os.O_CREAT)
        os.write(fd, b'{"program": "gridplanner new"}')
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            dialog.paths["gpkg"].setText(str(fresh))
            assert dialog.run() == []
            assert "that gridplanner new is saving" in dialog.result.text()
        finally:
            os.close(fd)
        assert not fresh.exists()
    dialog.paths["gpkg"].setText(str(tmp_path / "layers.gpkg"))
    assert dialog.run() == [tmp_path / "layers.gpkg"]
    dialog.close()


def test_the_refusal_is_in_chinese_in_a_chinese_window(main_window, grid_plan, tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication

    from gridplanner.qt.shell import i18n

    dialog = _dialog(main_window, grid_plan, tmp_path)
    i18n.switch_language(qapp, "zh_CN")
    QCoreApplication.processEvents()
    try:
        for key in dialog.checks:
            dialog.checks[key].setChecked(key == "gpkg")
        dialog.paths["gpkg"].setText(str(main_window.path))
        assert dialog.run() == []
        assert "是当前打开的方案，导出不会覆盖方案" in dialog.result.text()
    finally:
        i18n.switch_language(qapp, "en")
        QCoreApplication.processEvents()
        dialog.close()

"""The suite is hermetic and cannot hang: private folders, no surprise modal, a timeout."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_settings_and_recovery_live_in_a_temporary_folder(tmp_path_factory):
    base = Path(str(tmp_path_factory.getbasetemp()))
    for var in ("GRIDPLANNER_SETTINGS", "GRIDPLANNER_RECOVERY_DIR", "XDG_DATA_HOME",
                "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        assert Path(os.environ[var]).is_relative_to(base), var


def _run_inner(tmp_path, body: str) -> subprocess.CompletedProcess:
    inner = tmp_path / "test_inner.py"
    inner.write_text(textwrap.dedent(body), encoding="utf-8")
    # the inner run uses this suite's conftest (fixtures, timeout) from a copy
    (tmp_path / "conftest.py").write_text((TESTS / "conftest.py").read_text(encoding="utf-8"))
    (tmp_path / "factories.py").write_text((TESTS / "factories.py").read_text(encoding="utf-8"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-o", "timeout=5", "-o", "markers=allow_modal", str(inner)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)


def test_an_unexpected_modal_dialog_is_closed_and_fails_the_test(tmp_path):
    done = _run_inner(tmp_path, """
        import pytest
        from PySide6.QtWidgets import QMessageBox

        def test_opens_a_box(qapp):
            QMessageBox.question(None, "Restore unsaved changes?", "?")

        @pytest.mark.allow_modal
        def test_allowed(qapp):
            from PySide6.QtCore import QTimer
            box = QMessageBox(QMessageBox.Icon.Question, "expected", "?")
            QTimer.singleShot(100, box.reject)
            box.exec()
    """)
    assert "1 failed, 1 passed" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Restore unsaved changes?" in done.stdout


def test_a_stuck_test_ends_as_a_failure(tmp_path):
    done = _run_inner(tmp_path, """
        import time

        def test_stuck():
            time.sleep(600)
    """)
    assert done.returncode == 1 and "Timeout" in done.stdout + done.stderr, done.stdout[-2000:]

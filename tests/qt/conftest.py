"""Fixtures for widget tests: a main window on the street-grid plan, closed afterwards."""

from __future__ import annotations

import pytest


@pytest.fixture
def main_window(qtbot, grid_plan):
    """The window showing the street-grid plan; dialogs are replaced by recorders.

    ``window.errors`` collects (title, message) of errors that would have been
    shown; ``window.answers`` is the queue of answers to "save changes?";
    ``window.conflicts`` collects "the plan changed on disk" questions, answered
    from ``window.conflict_answers`` ("cancel" when empty).
    """
    from gridplanner.qt.window.main_window import MainWindow

    window = MainWindow(grid_plan)
    window.errors = []
    window.answers = []
    window.show_error = lambda title, message: window.errors.append((title, message))
    window.reports = []
    window.show_report = window.reports.append
    window.ask_save_changes = lambda: window.answers.pop(0) if window.answers else "discard"
    window.ask_save_path = lambda: None
    window.conflicts = []  # messages of "the plan changed on disk" questions
    window.conflict_answers = []  # "save_as", "reload" or "cancel" (default)
    window.ask_save_conflict = lambda message: (
        window.conflicts.append(message),
        window.conflict_answers.pop(0) if window.conflict_answers else "cancel")[1]
    window.resize(1100, 750)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.canvas.zoom_to_full()
    window.canvas.render_now()
    yield window
    window.answers = ["discard"]
    window.close()

"""Shared set-up of the roster widget tests: a window with only the roster feature."""

from __future__ import annotations

import pytest


@pytest.fixture(name="make_roster_window")
def roster_window_fixture(qtbot, monkeypatch):
    """A factory: ``make_roster_window(plan)`` opens a window showing ``plan``.

    Only the roster feature is installed (other features are other tests'
    business); errors that would be shown are collected in ``window.errors``.
    """
    import gridplanner.qt.window.feature_registry as features
    from gridplanner.qt.window.main_window import MainWindow

    monkeypatch.setattr(features, "FEATURES", {"roster": "gridplanner.qt.roster.feature:RosterFeature"})
    windows = []

    def make(plan):
        window = MainWindow(plan)
        window.errors = []
        window.show_error = lambda title, message: window.errors.append((title, message))
        window.ask_save_changes = lambda: "discard"
        window.resize(1100, 750)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.canvas.zoom_to_full()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def roster_feature(window):
    return window.features["roster"]

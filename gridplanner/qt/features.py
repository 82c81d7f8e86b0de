"""Feature modules: the parts of the window each issue adds (grids, coverage,
roster, printing), installed without growing the main window.

A feature is a ``QObject`` subclass constructed as ``Feature(window)``. In
its constructor it adds its own menu (``window.feature_menu(title)``), its
toolbar actions, docks (``window.addDockWidget``) and map tools, and pushes
its edits onto ``window.undo_stack``. It follows plan replacement through
``window.planChanged`` (emitted after every new/open, with the new Plan).
On a language switch the window calls the feature's ``retranslate()`` (if it
has one) from its own ``changeEvent``; features install no event filters on
the window (a filter outliving its window crashes the next LanguageChange).
Docks and dialogs retranslate themselves in their own ``changeEvent``.

Features are listed as "module:Class" and imported lazily, so a missing
module leaves the rest of the window working.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAction

    from gridplanner.model.plan import Plan
    from gridplanner.qt.main_window import MainWindow

FEATURES: tuple[str, ...] = (
    "gridplanner.qt.grid_feature:GridFeature",
    "gridplanner.qt.coverage_feature:CoverageFeature",
    "gridplanner.qt.roster_feature:RosterFeature",
    "gridplanner.qt.print_feature:PrintFeature",
    "gridplanner.qt.autosave:AutosaveFeature",
)


def install_features(window: MainWindow) -> dict[str, QObject]:
    """Construct every available feature for ``window``; returns them by module name."""
    installed: dict[str, QObject] = {}
    for target in FEATURES:
        module_name, class_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        installed[module_name.rsplit(".", 1)[-1]] = getattr(module, class_name)(window)
    return installed


def follow_plan(window: MainWindow, set_plan: Callable[[Plan], object]) -> None:
    """Call ``set_plan`` with the window's plan now (if it has one) and after every new/open."""
    window.planChanged.connect(set_plan)
    if window.plan is not None:
        set_plan(window.plan)


def join_tool_group(window: MainWindow, actions: Iterable[QAction]) -> None:
    """Make a feature's map-tool actions exclusive with the window's (pan, zoom, select…)."""
    group = window.actions["tool_pan"].actionGroup()
    if group is not None:
        for action in actions:
            group.addAction(action)

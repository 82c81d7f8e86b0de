"""The feature API: how the parts each issue adds (grids, coverage, roster,
printing, crash recovery) plug into the window without growing it.

A feature is a ``QObject`` subclass constructed as ``Feature(window)``, where
``window`` is any :class:`FeatureHost` (the main window is one). In its
constructor it adds its own menu (``window.feature_menu(title)``), its
toolbar actions, docks (``window.addDockWidget``) and map tools, and pushes
its edits onto ``window.undo_stack``. It follows plan replacement through
``window.planChanged`` (emitted after every new/open, with the new Plan).
On a language switch the window calls the feature's ``retranslate()`` (if it
has one) from its own ``changeEvent``; features install no event filters on
the window (a filter outliving its window crashes the next LanguageChange).
Docks and dialogs retranslate themselves in their own ``changeEvent``.

Which features a window installs is the window's business
(:mod:`gridplanner.qt.window.feature_registry`); nothing here knows the
main window, so features depend on this module and never on the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QMenu

    from gridplanner.model.plan import Plan

class FeatureHost(Protocol):
    """What a feature may use of the window it is installed into."""

    plan: Plan | None
    path: Path | None
    canvas: Any  # gridplanner.qt.map.canvas.MapCanvas (map sits above shell)
    undo_stack: QUndoStack
    actions: dict[str, QAction]
    planChanged: Any  # Signal(Plan), emitted after every new/open

    def feature_menu(self, title: str) -> QMenu: ...

    def show_error(self, title: str, message: str) -> None: ...

    def set_plan(self, plan: Plan, path: Path | None = None) -> None: ...


def follow_plan(window: FeatureHost, set_plan: Callable[[Plan], object]) -> None:
    """Call ``set_plan`` with the window's plan now (if it has one) and after every new/open."""
    window.planChanged.connect(set_plan)
    if window.plan is not None:
        set_plan(window.plan)


def join_tool_group(window: FeatureHost, actions: Iterable[QAction]) -> None:
    """Make a feature's map-tool actions exclusive with the window's (pan, zoom, select…)."""
    group = window.actions["tool_pan"].actionGroup()
    if group is not None:
        for action in actions:
            group.addAction(action)

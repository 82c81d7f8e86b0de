"""The window's actions and menus, declared as data.

Each :class:`ActionSpec` names the main-window method it triggers; menus
list action names in order (``"-"`` is a separator, ``"@name"`` a sub-menu
or list filled in by the window, such as recent files). Texts are marked
with ``QT_TRANSLATE_NOOP`` under the ``MainWindow`` context so lupdate
extracts them and :func:`build_actions` translates them at run time.

Later features add their actions by appending to :data:`ACTIONS` and to a
menu in :data:`MENUS`, and by giving the window the method named in
``slot``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from gridplanner.qt.shell.icons import has_icon, icon

CONTEXT = "MainWindow"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    slot: str
    shortcut: str | QKeySequence.StandardKey | None = None
    tip: str = ""
    checkable: bool = False
    group: str | None = None  # actions of one group are exclusive (map tools)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new", QT_TRANSLATE_NOOP("MainWindow", "&New Plan"), "action_new",
               QKeySequence.StandardKey.New),
    ActionSpec("open", QT_TRANSLATE_NOOP("MainWindow", "&Open…"), "action_open",
               QKeySequence.StandardKey.Open),
    ActionSpec("open_database", QT_TRANSLATE_NOOP("MainWindow", "Open from &Database…"),
               "action_open_database", None,
               QT_TRANSLATE_NOOP("MainWindow", "Open a plan kept in a city's PostgreSQL/PostGIS "
                                 "database")),
    ActionSpec("save", QT_TRANSLATE_NOOP("MainWindow", "&Save"), "action_save",
               QKeySequence.StandardKey.Save),
    ActionSpec("save_as", QT_TRANSLATE_NOOP("MainWindow", "Save &As…"), "action_save_as",
               QKeySequence.StandardKey.SaveAs),
    ActionSpec("import", QT_TRANSLATE_NOOP("MainWindow", "&Import Data…"), "action_import",
               "Ctrl+I", QT_TRANSLATE_NOOP("MainWindow", "Import boundaries, buildings, "
                                           "streets, centres or a roster into the plan")),
    ActionSpec("exit", QT_TRANSLATE_NOOP("MainWindow", "E&xit"), "close",
               QKeySequence.StandardKey.Quit),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"), "action_zoom_in",
               QKeySequence.StandardKey.ZoomIn),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"), "action_zoom_out",
               QKeySequence.StandardKey.ZoomOut),
    ActionSpec("zoom_full", QT_TRANSLATE_NOOP("MainWindow", "Zoom to &Full Extent"),
               "action_zoom_full", "Ctrl+Shift+F"),
    ActionSpec("zoom_layer", QT_TRANSLATE_NOOP("MainWindow", "Zoom to &Layer"),
               "action_zoom_layer"),
    ActionSpec("zoom_selection", QT_TRANSLATE_NOOP("MainWindow", "Zoom to &Selection"),
               "action_zoom_selection", "Ctrl+J"),
    ActionSpec("tool_pan", QT_TRANSLATE_NOOP("MainWindow", "&Pan"), "action_tool_pan", "P",
               checkable=True, group="tools"),
    ActionSpec("tool_zoom", QT_TRANSLATE_NOOP("MainWindow", "&Zoom Tool"), "action_tool_zoom",
               "Z", checkable=True, group="tools"),
    ActionSpec("tool_select", QT_TRANSLATE_NOOP("MainWindow", "S&elect Features"),
               "action_tool_select", "S", checkable=True, group="tools"),
    ActionSpec("tool_identify", QT_TRANSLATE_NOOP("MainWindow", "I&dentify Features"),
               "action_tool_identify", "Ctrl+Shift+I", checkable=True, group="tools"),
    ActionSpec("clear_selection", QT_TRANSLATE_NOOP("MainWindow", "&Clear Selection"),
               "action_clear_selection", "Ctrl+Shift+A"),
    ActionSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Plan &Settings…"), "action_settings",
               "Ctrl+,", QT_TRANSLATE_NOOP("MainWindow", "Grid size, walking distances, "
                                           "targets, grid codes and services of this plan")),
)

#: Menus in order: (title, entries). "@undo"/"@redo" come from the undo stack,
#: "@recent" is the recent-files sub-menu, "@docks" the dock toggles.
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "&File"),
     ("new", "open", "open_database", "@recent", "-", "save", "save_as", "-", "import", "-", "exit")),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
     ("@undo", "@redo", "-", "tool_select", "clear_selection", "-", "settings")),
    (QT_TRANSLATE_NOOP("MainWindow", "&View"),
     ("tool_pan", "tool_zoom", "tool_identify", "-", "zoom_in", "zoom_out", "zoom_full",
      "zoom_layer", "zoom_selection", "-", "@docks")),
)

#: The map toolbar.
TOOLBAR: tuple[str, ...] = ("open", "save", "-", "tool_pan", "tool_zoom", "tool_select",
                            "tool_identify", "-", "zoom_in", "zoom_out", "zoom_full")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def build_actions(window: QObject, specs: tuple[ActionSpec, ...] = ACTIONS
                  ) -> dict[str, QAction]:
    """One QAction per spec, parented to ``window`` and connected to its slot."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        action = QAction(tr(spec.text), window)
        action.setObjectName(f"action_{spec.name}")
        if has_icon(spec.name):
            action.setIcon(icon(spec.name))
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(tr(spec.tip))
        action.setCheckable(spec.checkable)
        if spec.group:
            group = groups.setdefault(spec.group, QActionGroup(window))
            group.addAction(action)
        slot: Callable[[], object] = getattr(window, spec.slot)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        actions[spec.name] = action
    return actions


def retranslate_actions(actions: dict[str, QAction], specs: tuple[ActionSpec, ...] = ACTIONS
                        ) -> None:
    """Set every action's text again after the language changed."""
    for spec in specs:
        if spec.name in actions:
            actions[spec.name].setText(tr(spec.text))
            if spec.tip:
                actions[spec.name].setStatusTip(tr(spec.tip))

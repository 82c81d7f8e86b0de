"""The Export menu: print preview, PDF grid maps, tables, layers and the web map.

:class:`PrintFeature` is installed by :mod:`gridplanner.qt.window.feature_registry`. It adds
an Export menu to the window with "Print Preview…" (the print dialog with its
live preview), "Export PDF…" (the same dialog, which writes the atlas) and
"Export Tables, Layers, Web Map…" (:class:`~gridplanner.qt.printing.export_dialog.ExportDialog`).
Dialogs are opened through :meth:`PrintFeature.ask_dialog`, which tests
replace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from gridplanner.qt.shell.features import FeatureHost

CONTEXT = "PrintFeature"
MENU_TITLE = QT_TRANSLATE_NOOP("MainWindow", "&Export")
#: (name, text, slot, shortcut, status tip)
ACTIONS = (
    ("preview", QT_TRANSLATE_NOOP("PrintFeature", "Print Pre&view…"), "action_preview",
     QKeySequence.StandardKey.Print,
     QT_TRANSLATE_NOOP("PrintFeature", "Preview and print the grid maps, one page per "
                       "community or per grid cell")),
    ("pdf", QT_TRANSLATE_NOOP("PrintFeature", "Export &PDF…"), "action_pdf", "Ctrl+Shift+P",
     QT_TRANSLATE_NOOP("PrintFeature", "Write the grid maps with their staffing tables to one "
                       "PDF file")),
    ("tables", QT_TRANSLATE_NOOP("PrintFeature", "Export &Tables, Layers, Web Map…"),
     "action_tables", "Ctrl+E",
     QT_TRANSLATE_NOOP("PrintFeature", "Write the roster to Excel or CSV, the layers to "
                       "GeoPackage, Shapefile or GeoJSON, or a web map")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PrintFeature(QObject):
    """The Export menu of one window."""

    def __init__(self, window: FeatureHost):
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        menu = window.feature_menu(MENU_TITLE)
        for name, _text, slot, shortcut, _tip in ACTIONS:
            action = QAction(window)
            action.setObjectName(f"action_export_{name}")
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(getattr(self, slot))
            menu.addAction(action)
            self.actions[name] = action
            if name == "pdf":
                menu.addSeparator()
        self.retranslate()

    def retranslate(self) -> None:
        for name, text, _slot, _shortcut, tip in ACTIONS:
            self.actions[name].setText(_tr(text))
            self.actions[name].setStatusTip(_tr(tip))

    # -- dialogs (tests replace ask_dialog) ---------------------------------------------
    def ask_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def print_dialog(self):
        from gridplanner.qt.printing.dialog import PrintDialog

        return PrintDialog(self.window.plan, self.window, self.window.path)

    def action_preview(self) -> None:
        self.ask_dialog(self.print_dialog())

    def action_pdf(self) -> None:
        dialog = self.print_dialog()
        dialog.export_button.setDefault(True)
        self.ask_dialog(dialog)
        if dialog.written is not None:
            self.window.statusBar().showMessage(
                self.tr("Saved %1").replace("%1", str(dialog.written)), 8000)

    def action_tables(self) -> None:
        from gridplanner.qt.printing.export_dialog import ExportDialog

        dialog = ExportDialog(self.window.plan, self.window, self.window.path)
        self.ask_dialog(dialog)
        if dialog.written:
            self.window.statusBar().showMessage(
                self.tr("Wrote %1 files").replace("%1", str(len(dialog.written))), 8000)

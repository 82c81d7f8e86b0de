"""The main window: a thin shell around the canvas, the docks and the undo stack.

Menus and actions are data in :mod:`gridplanner.qt.shell.actions`; edits are
undo commands (:mod:`gridplanner.qt.shell.commands`). Everything that would open a
modal dialog goes through an ``ask_*`` / ``show_error`` method, which tests
replace, and the work behind each action is a plain method
(:meth:`open_plan_file`, :meth:`save_plan_file`, :meth:`import_data`); saving,
with its lock and changed-on-disk check, is in :mod:`.plan_files`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from gridplanner.errors import GridPlannerError
from gridplanner.io.importers.registry import ImportOptions, ImportReport
from gridplanner.io.plan_file.integrity import PlanDamageError
from gridplanner.io.plan_file.postgis import is_database_uri
from gridplanner.io.plan_file.reading import read_plan
from gridplanner.model.plan import Plan
from gridplanner.qt.importing.dialog import report_summary, show_import_report
from gridplanner.qt.importing.messages import ui_text
from gridplanner.qt.map.attribute_dock import AttributeDock
from gridplanner.qt.map.canvas import MapCanvas
from gridplanner.qt.map.identify import IdentifyDock
from gridplanner.qt.map.layers_dock import LayersDock
from gridplanner.qt.map.tools import IdentifyTool, PanTool, SelectTool, ZoomTool
from gridplanner.qt.shell.actions import MENUS, TOOLBAR, build_actions, retranslate_actions, tr
from gridplanner.qt.shell.commands import ImportCommand, SettingsCommand
from gridplanner.qt.shell.retranslate import Retranslatable
from gridplanner.qt.window.plan_damage import PlanDamage
from gridplanner.qt.window.plan_database import PlanDatabase
from gridplanner.qt.window.plan_files import PROGRAM, PlanFiles

PLAN_FILTER = "GeoPackage plan (*.gpkg)"


def _settings_store():
    try:
        from gridplanner.qt.shell.settings_store import SettingsStore
    except ImportError:
        return None
    return SettingsStore()


class MainWindow(PlanDatabase, PlanDamage, PlanFiles, Retranslatable, QMainWindow):
    """One window showing one plan."""

    #: emitted after a plan is shown (new, open), with the Plan
    planChanged = Signal(object)
    #: emitted when the user chose to drop the unsaved changes
    changesDiscarded = Signal()

    def __init__(self, plan: Plan | None = None, path: str | Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.resize(1280, 820)
        self.plan: Plan = None  # type: ignore[assignment]  # set_plan below
        self.path: Path | None = None
        self.store = _settings_store()
        self.undo_stack = QUndoStack(self)
        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        self.layers_dock = LayersDock(self.canvas, self, self.undo_stack)
        self.attribute_dock = AttributeDock(self.canvas, self, self.undo_stack)
        self.identify_dock = IdentifyDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layers_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.attribute_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.identify_dock)
        self.identify_dock.hide()
        self.resizeDocks([self.layers_dock], [240], Qt.Orientation.Horizontal)
        self.resizeDocks([self.attribute_dock], [190], Qt.Orientation.Vertical)
        self.tools = {"pan": PanTool(self.canvas), "zoom": ZoomTool(self.canvas),
                      "select": SelectTool(self.canvas), "identify": IdentifyTool(self.canvas)}
        self.tools["identify"].featureIdentified.connect(self._identified)
        self.actions = build_actions(self)
        self.undo_action = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut("Ctrl+Z")
        self.redo_action = self.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcut("Ctrl+Shift+Z")
        self._menus: list[tuple[QMenu, str]] = []
        self._build_menus()
        self._build_status_bar()
        self.undo_stack.cleanChanged.connect(self._update_title)
        from gridplanner.qt.window.feature_registry import install_features

        self.features = install_features(self)
        self._size_side_docks()
        self.set_plan(plan or Plan(name=""), path)
        self.action_tool_pan()

    # -- building -------------------------------------------------------------
    def _size_side_docks(self) -> None:
        """Give the right-hand docks (tallies, coverage, cell panel) room for
        their tables; features add them after the window's own docks."""
        right = [d for d in self.findChildren(QDockWidget)
                 if self.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea
                 and not d.isFloating()]
        if right:
            self.resizeDocks(right, [400] * len(right), Qt.Orientation.Horizontal)

    def _build_menus(self) -> None:
        special = {"@undo": self.undo_action, "@redo": self.redo_action}
        for title, entries in MENUS:
            menu = self.menuBar().addMenu(tr(title))
            self._menus.append((menu, title))
            for entry in entries:
                if entry == "-":
                    menu.addSeparator()
                elif entry == "@recent":
                    self.recent_menu = menu.addMenu(tr("Open &Recent"))
                    self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
                elif entry == "@docks":
                    for dock in (self.layers_dock, self.attribute_dock, self.identify_dock):
                        menu.addAction(dock.toggleViewAction())
                    self._add_language_menu(menu)
                elif entry in special:
                    menu.addAction(special[entry])
                else:
                    menu.addAction(self.actions[entry])
        toolbar = self.addToolBar(tr("Map"))
        toolbar.setObjectName("MapToolBar")
        for entry in TOOLBAR:
            if entry == "-":
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions[entry])

    def _add_language_menu(self, menu: QMenu) -> None:
        try:
            from gridplanner.qt.shell.i18n import LanguageMenu
        except ImportError:
            return
        menu.addSeparator()
        menu.addMenu(LanguageMenu(self))

    def _build_status_bar(self) -> None:
        self.coords_label = QLabel(self)
        self.scale_label = QLabel(self)
        self.coords_label.setMinimumWidth(200)
        self.statusBar().addPermanentWidget(self.coords_label)
        self.statusBar().addPermanentWidget(self.scale_label)
        self.canvas.cursorMoved.connect(
            lambda x, y: self.coords_label.setText(f"{x:,.1f}, {y:,.1f} m"))
        self.canvas.scaleChanged.connect(self._show_scale)

    def _show_scale(self, denominator: float) -> None:
        self.scale_label.setText(self.tr("Scale 1:%1").replace("%1", f"{denominator:,.0f}"))

    def _update_title(self, *_args) -> None:
        name = self.plan.name or (self.path.stem if self.path else self.tr("Untitled plan"))
        where = f" ({location})" if (location := self.plan_location()) else ""
        self.setWindowTitle(f"{name}{where}[*] — gridplanner")
        self.setWindowModified(not self.undo_stack.isClean())

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        """Actions, menus, title and every feature in the current language."""
        retranslate_actions(self.actions)
        for menu, title in self._menus:
            menu.setTitle(tr(title))
        self._update_title()
        for feature in getattr(self, "features", {}).values():
            if hasattr(feature, "retranslate"):
                feature.retranslate()

    # -- the plan ---------------------------------------------------------------
    def set_plan(self, plan: Plan, path: str | Path | None = None) -> None:
        """Show ``plan`` (read from ``path``, if any) with a fresh undo history."""
        if self.plan is not None:
            self.plan.layer_changed.disconnect(self._layers_changed)
        self.plan = plan
        self._follow_location(path)  # a file's path or a database plan's URI
        self.undo_stack.clear()
        self.undo_stack.setClean()  # clear() keeps a reset clean state (after a restore)
        plan.layer_changed.connect(self._layers_changed)
        self.canvas.set_plan(plan)
        self.canvas.set_current_layer(next(
            (n for n in ("cells", "buildings", "boundaries") if len(plan.layer(n))), "buildings"))
        self.layers_dock.reload()
        self.attribute_dock.set_plan(plan)
        self.identify_dock.set_plan(plan)
        self._show_scale(self.canvas.scale())
        self._update_title()
        self.planChanged.emit(plan)

    def _layers_changed(self, _change) -> None:
        self.layers_dock.reload()

    def feature_menu(self, title: str) -> QMenu:
        """The menu bar's menu called ``title`` (translated), created before Help if new."""
        for menu, source in self._menus:
            if source == title:
                return menu
        menu = QMenu(tr(title), self)
        help_menu = next((m for m, t in self._menus if "Help" in t), None)
        if help_menu is not None:
            self.menuBar().insertMenu(help_menu.menuAction(), menu)
        else:
            self.menuBar().addMenu(menu)
        self._menus.append((menu, title))
        return menu

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def new_plan(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_plan(Plan(name=""))
        self.disk_state = None
        return True

    def open_plan_file(self, path: str | Path, confirm: bool = True) -> bool:
        """Open the plan at ``path``; errors are shown, never raised."""
        if isinstance(path, str) and is_database_uri(path):
            return self.open_database_plan(path, confirm)
        if confirm and not self.maybe_save():
            return False
        try:
            plan, state = read_plan(path, PROGRAM)
        except PlanDamageError as exc:  # listed, repaired only on confirm (plan_damage.py)
            return self.open_damaged_plan(path, exc)
        except (GridPlannerError, OSError, ValueError) as exc:
            self.show_error(self.tr("Cannot open the plan"), str(exc))
            return False
        if (answer := self.review_opened_plan(path, plan)) == "cancel":
            return False
        self.set_plan(plan, path)
        self.disk_state = state  # what a save checks the file against (plan_files.py)
        self._remember(path)
        self.finish_opening(plan, answer)
        return True

    def import_data(self, kind: str, path: str | Path, options: ImportOptions | None = None
                    ) -> ImportReport | None:
        """Import a file as one undoable step; errors are shown and the plan is unchanged."""
        was_empty = self.plan.extent() is None
        try:
            command = ImportCommand.execute(self.plan, kind, path, options)
        except (GridPlannerError, OSError) as exc:
            self._import_draft = (kind, path, options)  # the dialog shows it again
            self.show_error(self.tr("Cannot import %1").replace("%1", Path(path).name),
                            ui_text(str(exc)))
            return None
        self._import_draft = None
        self.undo_stack.push(command)
        if was_empty:
            self.canvas.zoom_to_full()
        self.statusBar().showMessage(report_summary(command.report), 15000)
        self.show_report(command.report)
        return command.report

    def show_report(self, report: ImportReport) -> None:
        """Show what an import repaired or skipped (tests replace this)."""
        show_import_report(self, report)

    def _remember(self, path: str | Path) -> None:
        if self.store is not None:
            self.store.add_recent_file(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.store.recent_files(existing_only=True) if self.store is not None else []
        for file in files:
            action = self.recent_menu.addAction(file)
            action.triggered.connect(lambda _c=False, f=file: self.open_recent(f))
        self.recent_menu.setEnabled(bool(files))

    # -- questions (replace these in tests) --------------------------------------
    def ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Plan"), "", PLAN_FILTER)
        return path or None

    def ask_save_path(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Plan As"), "", PLAN_FILTER)
        return path or None

    def ask_save_changes(self) -> str:
        """"save", "discard" or "cancel"."""
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The plan has unsaved changes. Save them first?"), buttons)
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")

    def ask_import(self):
        """(kind, path, options) from the import dialog, or None if cancelled."""
        from gridplanner.qt.importing.dialog import ImportDialog

        buildings = [str(c) for c in self.plan.buildings.frame.columns if c != "geometry"]
        dialog = ImportDialog(self, building_fields=buildings)
        if (draft := getattr(self, "_import_draft", None)) is not None:
            dialog.set_request(*draft)  # after an error, what the user entered
        if dialog.exec() != ImportDialog.DialogCode.Accepted:
            return None
        return dialog.request()

    def ask_settings(self):
        """(Settings, service renames) from the Plan Settings dialog, or None if cancelled."""
        from gridplanner.qt.window.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.plan.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return None
        return dialog.result_settings(), dialog.renames()

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current plan (saved, discarded or clean)."""
        if self.undo_stack.isClean():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save_plan_file()
        if answer == "discard":
            self.changesDiscarded.emit()
        return answer == "discard"

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()

    # -- action slots --------------------------------------------------------------
    def action_new(self) -> None:
        self.new_plan()

    def action_open(self) -> None:
        if self.maybe_save() and (path := self.ask_open_path()):
            self.open_plan_file(path, confirm=False)

    def action_save(self) -> None:
        self.save_plan_file()

    def action_save_as(self) -> None:
        if path := self.ask_save_path():
            self.save_plan_file(path)

    def action_import(self) -> None:
        """Ask, import; after an error the dialog comes back with the user's entries."""
        failed = None
        while (request := self.ask_import()) is not None and request != failed:
            if self.import_data(*request) is not None:
                return
            failed = request

    def action_settings(self) -> None:
        """Apply the settings dialog's changes as one undo step."""
        if (answer := self.ask_settings()) is None:
            return
        settings, renames = answer
        if settings != self.plan.settings or renames:
            self.undo_stack.push(SettingsCommand(self.plan, settings, renames))

    def action_zoom_in(self) -> None:
        self.canvas.zoom_by(0.5)

    def action_zoom_out(self) -> None:
        self.canvas.zoom_by(2.0)

    def action_zoom_full(self) -> None:
        self.canvas.zoom_to_full()

    def action_zoom_layer(self) -> None:
        self.canvas.zoom_to_layer(self.canvas.current_layer or "boundaries")

    def action_zoom_selection(self) -> None:
        self.canvas.zoom_to_selection()

    def action_clear_selection(self) -> None:
        self.canvas.clear_selection()

    def _use_tool(self, name: str) -> None:
        self.canvas.set_map_tool(self.tools[name])
        self.actions[f"tool_{name}"].setChecked(True)

    def action_tool_pan(self) -> None:
        self._use_tool("pan")

    def action_tool_zoom(self) -> None:
        self._use_tool("zoom")

    def action_tool_select(self) -> None:
        self._use_tool("select")

    def action_tool_identify(self) -> None:
        self._use_tool("identify")

    def _identified(self, layer: str, fid: int) -> None:
        self.identify_dock.show_feature(layer, fid)
        self.canvas.set_selection(layer, [fid])

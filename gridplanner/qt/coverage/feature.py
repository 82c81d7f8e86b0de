"""The Coverage feature of the window: centres, walking coverage, gaps, isochrones, sites.

Installs the "Coverage" menu and toolbar, the coverage dock, a findings dock
for network health, the coverage overlay and the centre tools. Analyses are
the headless functions of :mod:`gridplanner.analysis`; they run in an
:class:`~gridplanner.qt.shell.analysis_worker.AnalysisWorker` and a result that
arrives after a newer request is dropped. Once computed, coverage follows
every change of the plan; while a centre is dragged a
:class:`~gridplanner.analysis.network.coverage_session.CoverageSession` updates the
shading and the tallies at every mouse move, and the release pushes one
undoable move after which the full computation runs again. Dialogs go
through ``ask_*`` methods that tests replace.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QDockWidget

from gridplanner.analysis.network.coverage import coverage_from_centres
from gridplanner.analysis.network.coverage_session import CoverageSession
from gridplanner.analysis.network.coverage_view import CoverageTable
from gridplanner.qt.coverage.centre_editing import CentreEditing
from gridplanner.qt.coverage.centre_tools import DeleteCentreTool, MoveCentreTool, PlaceCentreTool
from gridplanner.qt.coverage.centre_views import CentreViews
from gridplanner.qt.coverage.dock import CoverageDock
from gridplanner.qt.coverage.overlay import CoverageOverlay
from gridplanner.qt.coverage.reporting import CoverageReporting
from gridplanner.qt.coverage.views import CoverageViewsMixin
from gridplanner.qt.shell.actions import ActionSpec, build_actions, retranslate_actions
from gridplanner.qt.shell.analysis_worker import AnalysisWorker, install_quit_hook
from gridplanner.qt.shell.features import follow_plan, join_tool_group
from gridplanner.qt.shell.findings_dock import FindingsDock

N = QT_TRANSLATE_NOOP
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("compute_coverage", N("MainWindow", "&Compute Coverage"), "action_compute", "F9",
               N("MainWindow", "Walking distance from every building to its nearest centre")),
    ActionSpec("tool_place_centre", N("MainWindow", "&Place Centre"), "action_tool_place", "C",
               N("MainWindow", "Click on the map to place a new service centre"), checkable=True),
    ActionSpec("tool_move_centre", N("MainWindow", "&Move Centre"), "action_tool_move", "M",
               N("MainWindow", "Drag a centre; coverage follows while it moves"), checkable=True),
    ActionSpec("tool_delete_centre", N("MainWindow", "De&lete Centre"), "action_tool_delete",
               tip=N("MainWindow", "Click a centre to delete it"), checkable=True),
    ActionSpec("centre_attributes", N("MainWindow", "Centre &Attributes…"), "action_attributes"),
    ActionSpec("show_shading", N("MainWindow", "Shade Buildings by &Distance"),
               "action_toggle_view", checkable=True),
    ActionSpec("show_gaps", N("MainWindow", "Show &Gap Areas"), "action_toggle_view",
               checkable=True),
    ActionSpec("show_isochrones", N("MainWindow", "Show &Isochrones"), "action_toggle_view",
               checkable=True),
    ActionSpec("iso_overlap", N("MainWindow", "Isochrones &Overlapping"), "action_iso_mode",
               checkable=True, group="iso"),
    ActionSpec("iso_dissolve", N("MainWindow", "Isochrones &Dissolved"), "action_iso_mode",
               checkable=True, group="iso"),
    ActionSpec("iso_split", N("MainWindow", "Isochrones &Split by Nearest Centre"),
               "action_iso_mode", checkable=True, group="iso"),
    ActionSpec("check_network", N("MainWindow", "Check &Walking Network"), "action_check_network",
               tip=N("MainWindow", "Disconnected pieces, dead ends and zero-length streets")),
    ActionSpec("show_problems", N("MainWindow", "Show &Network Problems"), "action_toggle_view",
               checkable=True),
    ActionSpec("suggest_sites", N("MainWindow", "&Suggest Centre Sites…"), "action_suggest_sites"),
    ActionSpec("station_rule", N("MainWindow", "One S&tation per Grid…"), "action_station_rule",
               tip=N("MainWindow", "Grids without a Party-mass service station inside or "
                     "within a walk")),
    ActionSpec("coverage_report", N("MainWindow", "Coverage &Report…"), "action_coverage_report",
               tip=N("MainWindow", "The coverage report for superiors: PDF with charts and "
                     "maps, and an Excel summary")),
)
MENU = ("compute_coverage", "-", "tool_place_centre", "tool_move_centre", "tool_delete_centre",
        "centre_attributes", "-", "show_shading", "show_gaps", "show_isochrones", "iso_overlap",
        "iso_dissolve", "iso_split", "-", "check_network", "show_problems", "-", "suggest_sites",
        "station_rule")
TOOLBAR = ("compute_coverage", "tool_place_centre", "tool_move_centre", "show_isochrones",
           "show_gaps", "suggest_sites")
TOOLS = {"place": "tool_place_centre", "move": "tool_move_centre", "delete": "tool_delete_centre"}
WATCHED = ("centres", "buildings", "network", "cells", "boundaries")


class CoverageFeature(CentreEditing, CentreViews, CoverageViewsMixin, CoverageReporting,
                      QObject):
    """Everything the window does with centres and coverage (see the module docstring)."""

    #: a coverage table is shown (after a computation finished)
    coverageReady = Signal(object)
    #: isochrones / gaps / network problems are on the map
    viewReady = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        self.plan = None
        self.result = None
        self.table: CoverageTable | None = None
        self.session: CoverageSession | None = None
        self.live = False
        self._tokens: dict[str, int] = {}
        self.workers: dict[str, AnalysisWorker] = {}
        self.tools = {"place": PlaceCentreTool(self.canvas), "move": MoveCentreTool(self.canvas),
                      "delete": DeleteCentreTool(self.canvas)}
        self.actions = build_actions(self, ACTIONS)
        self.dock = CoverageDock(window)
        self.findings = FindingsDock(self.canvas, window, "NetworkFindingsDock")
        self.overlay = CoverageOverlay()
        self.canvas.add_item(self.overlay)
        install_quit_hook()
        self.siting = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._recompute_all)
        self._build_ui()
        self._connect()
        follow_plan(window, self.set_plan)

    # -- building -------------------------------------------------------------
    def _build_ui(self) -> None:
        w, a = self.window, self.actions
        join_tool_group(w, [a[name] for name in TOOLS.values()])
        a["show_shading"].setChecked(True)
        a["iso_overlap"].setChecked(True)
        self.iso_group: QActionGroup = a["iso_overlap"].actionGroup()
        menu = w.feature_menu(N("MainWindow", "&Coverage"))
        for entry in MENU:
            menu.addSeparator() if entry == "-" else menu.addAction(a[entry])
        menu.addSeparator()
        menu.addAction(self.dock.toggleViewAction())
        menu.addAction(self.findings.toggleViewAction())
        # after the printing feature's entries: the Export menu is shared
        QTimer.singleShot(0, self, self._add_export_entry)
        self.toolbar = w.addToolBar(QCoreApplication.translate("MainWindow", "Coverage"))
        self.toolbar.setObjectName("CoverageToolBar")
        for entry in TOOLBAR:
            self.toolbar.addAction(a[entry])
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings)
        w.tabifyDockWidget(w.attribute_dock, self.findings)
        self.findings.hide()
        self.dock.hide()
        # Tabified with the right side's first dock when first shown: a tab group
        # made while the window is still being built leaves a stale tab bar behind
        # after the window's first resize (seen with Qt 6.11).
        self._placed = False
        self.dock.visibilityChanged.connect(self._place_dock)

    def _add_export_entry(self) -> None:
        export = self.window.feature_menu(N("MainWindow", "&Export"))
        if export.actions():
            export.addSeparator()
        export.addAction(self.actions["coverage_report"])

    def _place_dock(self, visible: bool) -> None:
        if not visible or self._placed:
            return
        self._placed = True
        w = self.window
        right = [d for d in w.findChildren(QDockWidget) if d is not self.dock
                 and w.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea
                 and not d.isHidden() and not d.isFloating()]
        if right:  # share the full height of the right side with the first dock there
            w.tabifyDockWidget(right[0], self.dock)
            self.dock.raise_()
        # the tallies table needs the room more than the docks below it
        w.resizeDocks([self.dock], [int(w.height() * 0.6)], Qt.Orientation.Vertical)

    def _connect(self) -> None:
        t = self.tools
        t["place"].centrePlaced.connect(self.place_centre)
        t["delete"].centrePicked.connect(self.delete_centres)
        t["move"].dragStarted.connect(self.drag_started)
        t["move"].dragMoved.connect(self.drag_moved)
        t["move"].centreMoved.connect(self.drag_finished)
        t["move"].dragCancelled.connect(self.drag_cancelled)
        t["move"].centreDoubleClicked.connect(self.edit_centre)
        self.dock.parametersChanged.connect(self._parameters_changed)
        self.dock.computeRequested.connect(self.action_compute)
        self.dock.buildingActivated.connect(self.zoom_to_building)
        self.dock.centreActivated.connect(self.zoom_to_centre)
        self.dock.scenarios.compareRequested.connect(self.compare_scenarios)

    def retranslate(self) -> None:
        retranslate_actions(self.actions, ACTIONS)
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Coverage"))

    def set_plan(self, plan) -> None:
        if self.plan is not None:
            self.plan.layer_changed.disconnect(self._layer_changed)
            self.plan.settings_changed.disconnect(self._settings_changed)
        self.plan = plan
        plan.layer_changed.connect(self._layer_changed)
        plan.settings_changed.connect(self._settings_changed)
        self.tools["move"].reset()
        if self.siting is not None:
            self.siting.close()
            self.siting = None
        self.actions["show_problems"].setChecked(False)
        self.overlay.show_problems = False
        self.live = False
        self.result = self.table = self.session = None
        for kind in list(self._tokens):
            self._tokens[kind] += 1
        self._settings_changed(plan.settings)
        self._centre_info()
        self.dock.show_table(None)
        self.overlay.set_table(None)
        self.overlay.set_isochrones(None)
        self.overlay.set_gaps(None)
        self.overlay.set_problems([])
        self.overlay.set_suggestions([])
        self.overlay.set_changes([], [])
        self.dock.scenarios.show_comparison(None)
        self.findings.set_findings([])

    def _settings_changed(self, settings) -> None:
        """Levels, speed, target and services from the plan's settings."""
        from gridplanner.analysis.network.coverage import centre_services

        self.dock.set_defaults(settings.levels_m, settings.walking_speed, settings.target_share,
                               centre_services(self.plan))
        if self.result is not None:
            self.show_result()
        self._refresh_views()

    def _keep_parameters(self) -> None:
        """Levels, speed and target typed in the dock become the plan's settings
        (one undoable step), so the next session and the command line use them."""
        from gridplanner.errors import ModelError
        from gridplanner.qt.shell.commands import SettingsCommand

        old = self.plan.settings
        wanted = (tuple(sorted(self.dock.levels_m())), self.dock.walking_speed(),
                  self.dock.target_share())
        if wanted == (tuple(old.levels_m), old.walking_speed, old.target_share):
            return
        try:
            new = old.replaced(levels_m=wanted[0], walking_speed=wanted[1],
                               target_share=wanted[2])
        except ModelError as exc:
            self.message(str(exc))
            return
        self.push(SettingsCommand(self.plan, new, text=self.tr("Set walking levels")))

    # -- helpers ----------------------------------------------------------------
    def message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def push(self, command) -> None:
        self.window.undo_stack.push(command)

    def use_tool(self, name: str) -> None:
        self.canvas.set_map_tool(self.tools[name])
        self.actions[TOOLS[name]].setChecked(True)
        self.canvas.setFocus()

    def _run(self, kind: str, fn, done) -> None:
        """Run ``fn(progress, cancelled)`` in a thread; ``done(result)`` unless outdated.

        The worker's signals go to bound methods of this QObject, so results
        that arrive after the window is gone are dropped by Qt.
        """
        token = self._tokens.get(kind, 0) + 1
        self._tokens[kind] = token
        old = self.workers.get(kind)
        if old is not None:
            old.cancel()
        worker = AnalysisWorker(fn)
        worker.job = (kind, token, done)
        self.workers[kind] = worker
        worker.progressed.connect(self._worker_progressed)
        worker.succeeded.connect(self._worker_succeeded)
        worker.failed.connect(self._worker_failed)
        worker.start()

    def _current_job(self):
        worker = self.sender()
        kind, token, done = getattr(worker, "job", (None, None, None))
        if kind is None or self._tokens.get(kind) != token:
            return None
        return kind, done

    def _worker_progressed(self, pct: int, text: str) -> None:
        if self._current_job() is not None:
            self.message(f"{text} {pct}%")

    def _worker_succeeded(self, result) -> None:
        if (job := self._current_job()) is not None:
            self.workers.pop(job[0], None)
            job[1](result)

    def _worker_failed(self, message: str) -> None:
        if (job := self._current_job()) is not None:
            self.workers.pop(job[0], None)
            self.message(message)

    def is_busy(self) -> bool:
        return any(w.isRunning() for w in self.workers.values())

    # -- coverage ------------------------------------------------------------------
    def action_compute(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.compute()

    def compute(self) -> None:
        """Compute coverage (in a thread) and keep it up to date from now on."""
        self.live = True
        self._keep_parameters()
        plan, levels = self.plan, self.dock.levels_m()
        self._run("coverage", lambda p, c: coverage_from_centres(plan, levels, progress=p,
                                                                  cancelled=c),
                  self._coverage_done)

    def _coverage_done(self, result) -> None:
        self.result = result
        self.show_result()
        method = (self.tr("straight line — no network loaded") if result.method == "straight_line"
                  else self.tr("walking network"))
        self.message(self.tr("Coverage computed (%1).").replace("%1", method))

    def show_result(self) -> None:
        """Build the table of the current result for the dock's service, levels and speed."""
        if self.result is None:
            return
        table = CoverageTable.from_result(self.plan, self.result, self.dock.current_service())
        table.levels_m = self.dock.levels_m()
        table.walking_speed = self.dock.walking_speed()
        table.target_share = self.dock.target_share()
        self.table = table
        self.dock.show_table(table)
        self.overlay.set_table(table)
        self.coverageReady.emit(table)

    def _parameters_changed(self) -> None:
        if self.result is not None:
            self.show_result()  # distances do not depend on levels or the service chosen
        self._refresh_views()

    def _layer_changed(self, change) -> None:
        if change.layer in WATCHED and self.session is None:
            if change.layer == "centres":
                from gridplanner.analysis.network.coverage import centre_services

                self.dock.set_services(centre_services(self.plan))
                self._centre_info()
            self._timer.start()

    def _recompute_all(self) -> None:
        if self.live:
            self.compute()
        self._refresh_views()
        if self.overlay.show_problems:
            self.action_check_network()

    # -- site suggestion --------------------------------------------------------------------
    def action_suggest_sites(self) -> None:
        from gridplanner.analysis.network.coverage import centre_services
        from gridplanner.qt.coverage.siting_dialog import SitingDialog

        if self.siting is not None:
            self.siting.close()
        self.siting = SitingDialog(self.plan, self.dock.levels_m(), self.dock.walking_speed(),
                                   centre_services(self.plan), self.dock.current_service(),
                                   self.window)
        self.siting.suggestionsChanged.connect(self.overlay.set_suggestions)
        self.siting.addRequested.connect(self.add_suggested_centre)
        self.siting.show()

    # -- tools ----------------------------------------------------------------------------------
    def action_tool_place(self) -> None:
        self.use_tool("place")

    def action_tool_move(self) -> None:
        if self.result is None:
            self.compute()
        self.use_tool("move")

    def action_tool_delete(self) -> None:
        self.use_tool("delete")

    # -- questions (replace these in tests) ------------------------------------------------------
    def ask_centre_attributes(self, values: dict):
        """The attributes from the centre dialog, or None when cancelled."""
        from gridplanner.qt.coverage.centre_dialog import CentreDialog

        kinds = sorted({str(k) for k in self.plan.centres.frame["kind"] if str(k)})
        dialog = CentreDialog(values, list(self.plan.settings.services), kinds, self.window)
        return dialog.values() if dialog.exec() == CentreDialog.DialogCode.Accepted else None

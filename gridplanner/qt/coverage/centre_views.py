"""What the coverage feature shows about centres: their attributes in the centre
table, and two centre placements (scenarios) compared in the dock and on the map."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoverageFeature", text)


class CentreViews:
    """Mixin of the coverage feature (needs ``plan``, ``dock``, ``overlay``, ``_run``)."""

    def _centre_info(self) -> None:
        """The centres' names, status, year, capacity and services, for the centre table."""
        from gridplanner.analysis.network.scenarios import scenario_names
        from gridplanner.model.schema import OPEN_STATUSES, split_services

        frame = self.plan.centres.frame
        self.overlay.planned_centres = bool(
            (~frame["status"].fillna("built").isin(OPEN_STATUSES)).any())
        self.dock.scenarios.set_scenarios(scenario_names(self.plan))
        self.dock.set_centre_info({
            int(fid): {"name": str(r["name"]), "status": str(r["status"]), "year": r["year"],
                       "capacity": r["capacity"], "services": split_services(r["services"])}
            for fid, r in frame.iterrows()})

    def compare_scenarios(self, a: str, b: str) -> None:
        """Compare two centre placements (dock side keys) in a thread; show table and map."""
        from gridplanner.analysis.network.scenarios import compare_scenarios
        from gridplanner.qt.coverage.scenario_panel import side_arguments

        plan, service = self.plan, self.dock.current_service()
        (sa, wa), (sb, wb) = side_arguments(a), side_arguments(b)
        level = max(self.dock.levels_m())
        self._run("scenarios", lambda p, c: compare_scenarios(plan, sa, sb, level, service,
                                                               wa, wb),
                  self._scenarios_done)

    def _scenarios_done(self, comparison) -> None:
        b = self.plan.buildings
        geoms = [[b.geometry(f) for f in fids if f in b.frame.index]
                 for fids in (comparison.gained, comparison.lost)]
        self.dock.scenarios.show_comparison(comparison)
        self.overlay.set_changes(*geoms)
        self.viewReady.emit("scenarios")

    # -- one station per grid ------------------------------------------------------
    def ask_station_rule(self) -> dict | None:
        """The rule's setting from its dialog, or None when cancelled (tests replace it)."""
        from gridplanner.qt.coverage.station_dialog import StationRuleDialog

        dialog = StationRuleDialog(self.plan.settings, self.window)
        return dialog.values() if dialog.exec() == StationRuleDialog.DialogCode.Accepted else None

    def action_station_rule(self) -> None:
        """Ask for the rule's setting, keep it (undoable), list the grids that break it."""
        from gridplanner.errors import ModelError
        from gridplanner.qt.shell.commands import SettingsCommand

        values = self.ask_station_rule()
        if values is None:
            return
        old = self.plan.settings
        if (old.station_rule, old.station_distance_m) != (values["station_rule"],
                                                          values["station_distance_m"]):
            try:
                new = old.replaced(**values)
            except ModelError as exc:
                self.message(str(exc))
                return
            self.push(SettingsCommand(self.plan, new, text=_tr("Set the station rule")))
        self.check_stations()

    def check_stations(self) -> None:
        """The grids without a station, in the findings dock (in a thread)."""
        from gridplanner.analysis.network.stations import check_stations

        plan = self.plan
        self._run("stations", lambda p, c: check_stations(plan), self._stations_done)

    def _stations_done(self, findings) -> None:
        self.findings.set_findings(findings, _tr("One Station per Grid"))
        self.findings.show()
        self.findings.raise_()
        if not self.plan.settings.station_rule:
            self.message(_tr("The one-station-per-grid rule is off."))
        else:
            self.message(_tr("%1 grids without a Party-mass service station").replace(
                "%1", str(len(findings))))
        self.viewReady.emit("stations")

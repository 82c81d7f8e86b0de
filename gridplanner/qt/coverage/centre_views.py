"""What the coverage feature shows about centres: their attributes in the centre
table, and two centre placements (scenarios) compared in the dock and on the map."""

from __future__ import annotations


class CentreViews:
    """Mixin of the coverage feature (needs ``plan``, ``dock``, ``overlay``, ``_run``)."""

    def _centre_info(self) -> None:
        """The centres' names, status, year, capacity and services, for the centre table."""
        from gridplanner.analysis.network.scenarios import scenario_names
        from gridplanner.model.schema import split_services

        frame = self.plan.centres.frame
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

"""The map views of the coverage feature: isochrones, gap areas and network problems.

A mixin of :class:`~gridplanner.qt.coverage.feature.CoverageFeature` (it
uses the feature's ``actions``, ``overlay``, ``dock``, ``findings``,
``plan`` and ``_run``); each view is computed off the GUI thread when it is
switched on and again after the plan changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal


def _tr(text: str) -> str:
    # the feature's context: self.tr() in a mixin would not match what lupdate extracts
    return QCoreApplication.translate("CoverageFeature", text)


class CoverageViewsMixin:
    """Isochrones, gaps and network problems on the map (see the module docstring)."""

    viewReady: Signal

    def action_toggle_view(self) -> None:
        a = self.actions
        self.overlay.show_shading = a["show_shading"].isChecked()
        self.overlay.show_gaps = a["show_gaps"].isChecked()
        self.overlay.show_isochrones = a["show_isochrones"].isChecked()
        self.overlay.show_problems = a["show_problems"].isChecked()
        if self.overlay.show_problems and not self.overlay.problems:
            self.action_check_network()
        if self.overlay.show_shading and self.result is None:
            self.compute()
        self._refresh_views()
        self.canvas.update()

    def action_iso_mode(self) -> None:
        self._refresh_views()

    def iso_mode(self) -> str:
        for mode in ("overlap", "dissolve", "split"):
            if self.actions[f"iso_{mode}"].isChecked():
                return mode
        return "overlap"

    def _refresh_views(self) -> None:
        """Recompute the isochrones and gaps shown on the map (in a thread)."""
        iso, gaps = self.overlay.show_isochrones, self.overlay.show_gaps
        if not (iso or gaps) or self.plan is None:
            return
        plan, levels, mode = self.plan, self.dock.levels_m(), self.iso_mode()
        service = self.dock.current_service()

        def job(progress, cancelled):
            from gridplanner.analysis.network.isochrones import gap_areas, isochrones

            out = {"iso": None, "gaps": None}
            if iso:
                out["iso"] = isochrones(plan, levels, mode=mode, service=service,
                                        progress=progress, cancelled=cancelled)
            if gaps:
                reached = out["iso"] if iso and mode == "dissolve" else isochrones(
                    plan, levels, mode="dissolve", service=service, cancelled=cancelled)
                out["gaps"] = gap_areas(plan, reached, levels, service)
            return out

        self._run("views", job, self._views_done)

    def _views_done(self, out: dict) -> None:
        if out["iso"] is not None:
            self.overlay.set_isochrones(out["iso"])
        if out["gaps"] is not None:
            self.overlay.set_gaps(out["gaps"])
        self.viewReady.emit("isochrones")

    def action_check_network(self) -> None:
        from gridplanner.analysis.network.graph import has_network
        from gridplanner.analysis.network.health import check_network

        if not has_network(self.plan):
            self.message(_tr("No walking network loaded: import streets first. Coverage "
                                 "uses straight lines meanwhile."))
            return
        plan = self.plan
        self._run("network", lambda p, c: check_network(plan), self._network_done)

    def _network_done(self, health) -> None:
        self.overlay.set_problems(health.findings)
        self.overlay.show_problems = True
        self.actions["show_problems"].setChecked(True)
        self.findings.set_findings(health.findings, _tr("Walking Network"))
        self.findings.show()
        self.findings.raise_()
        self.message(_tr("%1 pieces, %2 dead ends, %3 buildings on pieces cut off from "
                             "the main network").replace("%1", str(health.components))
                     .replace("%2", str(health.dangling_ends))
                     .replace("%3", str(health.stranded_buildings)))
        self.viewReady.emit("network")

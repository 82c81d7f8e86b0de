"""Placing, moving and editing centres in the coverage feature.

A mixin of :class:`~gridplanner.qt.coverage.feature.CoverageFeature`: the
centre tools call these methods; every change is an undo command, and while
a centre is dragged a :class:`CoverageSession` updates the distances (the
shading, the tallies and, when shown, the per-service rows) on every mouse
move. Texts are translated under the ``CoverageFeature`` context, as in the
feature itself.
"""

from __future__ import annotations

from typing import Any

import shapely
from PySide6.QtCore import QCoreApplication

from gridplanner.analysis.network.coverage_session import CoverageSession
from gridplanner.analysis.network.coverage_view import SERVICE
from gridplanner.errors import GridPlannerError
from gridplanner.model.schema import CentreKind, join_services, split_services
from gridplanner.qt.coverage import centre_commands as cc


class CentreEditing:
    """Centre placing, dragging and attribute editing for the coverage feature."""

    plan: Any
    table: Any
    session: CoverageSession | None

    # -- dragging a centre -------------------------------------------------------------
    def drag_started(self, fid: int) -> None:
        if self.table is None:
            self.session = None
            return
        try:
            self.session = CoverageSession.from_plan(self.plan, self.dock.current_service(),
                                                     limit=max(self.table.levels_m))
        except GridPlannerError as exc:
            self.session = None
            self.message(str(exc))
            return
        self._drag_fid = fid if fid in self.session else None
        self.service_sessions = self._service_sessions(fid)

    def _service_sessions(self, fid: int) -> dict[str, CoverageSession]:
        """While the per-service rows are shown, a session per service the dragged
        centre offers, so those rows follow the drag too."""
        if self.table is None or self.dock.scope.currentData() != SERVICE \
                or fid not in self.plan.centres.frame.index:
            return {}
        offered = split_services(self.plan.centres.frame.at[fid, "services"])
        out = {}
        for name in offered:
            if name in self.table.service_distances and name != self.dock.current_service():
                try:
                    out[name] = CoverageSession.from_plan(self.plan, name,
                                                          limit=max(self.table.levels_m))
                except GridPlannerError:
                    continue
        return out

    def drag_moved(self, fid: int, x: float, y: float) -> None:
        if self.table is None:
            return
        point = shapely.Point(x, y)
        for name, session in getattr(self, "service_sessions", {}).items():
            moved = session.move_centre(fid, point)
            self.table.update_service(name, moved.buildings, moved.distance_m)
        if self.session is not None and getattr(self, "_drag_fid", None) == fid:
            change = self.session.move_centre(fid, point)
            pos = self.table.update(change.buildings, change.distance_m, change.nearest_centre)
            self.overlay.update_distances(pos)
        self.dock.refresh_tallies(uncovered=False)

    def drag_finished(self, fid: int, x: float, y: float) -> None:
        self.session = None
        self.service_sessions = {}
        self.push(cc.MoveCentreCommand(self.plan, fid, shapely.Point(x, y)))

    def drag_cancelled(self, _fid: int) -> None:
        self.service_sessions = {}
        if self.session is not None:
            self.session = None
            self.show_result()

    # -- centres ---------------------------------------------------------------------
    def place_centre(self, x: float, y: float) -> int | None:
        """Add a centre at (x, y) with the attributes the user gives (undoable)."""
        n = len(self.plan.centres) + 1
        values = {"name": QCoreApplication.translate("CoverageFeature", "New centre %1").replace("%1", str(n)),
                  "kind": CentreKind.NEIGHBOURHOOD.value,
                  "services": join_services(list(self.plan.settings.services))}
        values = self.ask_centre_attributes(values)
        if values is None:
            return None
        command = cc.AddCentreCommand(self.plan, shapely.Point(x, y), values)
        self.push(command)
        self.canvas.set_selection("centres", [command.fid])
        return command.fid

    def delete_centres(self, fids) -> None:
        fids = [fids] if isinstance(fids, int) else list(fids)
        if fids:
            self.push(cc.DeleteCentresCommand(self.plan, fids))

    def action_attributes(self) -> None:
        fids = [f for f in self.canvas.selection("centres") if f in self.plan.centres.frame.index]
        if len(fids) != 1:
            self.message(QCoreApplication.translate("CoverageFeature",
                                                      "Select one centre to edit its attributes."))
            return
        self.edit_centre(fids[0])

    def edit_centre(self, fid: int) -> None:
        """Ask for the attributes of centre ``fid`` and apply the changes (undoable)."""
        fids = [int(fid)]
        self.canvas.set_selection("centres", fids)
        row = self.plan.centres.row(fids[0])
        old = {k: row[k] for k in ("name", "kind", "services", "capacity", "hours", "notes",
                                   "status", "year", "floor_area_m2", "scenarios")}
        values = self.ask_centre_attributes(old)
        if values is None:
            return
        changed = {k: v for k, v in values.items() if not _same(old.get(k), v)}
        if changed:
            self.push(cc.SetCentreAttributesCommand(self.plan, fids[0], changed))

    def add_suggested_centre(self, suggestion) -> int:
        """Add a suggested site as a planned centre (scenario "suggested") offering
        the service it was suggested for, named after its compound or street."""
        ran = getattr(self.siting, "ran_params", None) or (
            self.siting.params() if self.siting is not None else {})
        service = ran.get("service")
        services = [service] if service else list(self.plan.settings.services)
        place = getattr(suggestion, "place", "")
        name = (QCoreApplication.translate("CoverageFeature", "%1 (suggested)").replace("%1", place)
                if place else QCoreApplication.translate("CoverageFeature", "Suggested site %1")
                .replace("%1", str(suggestion.rank)))
        command = cc.AddCentreCommand(self.plan, suggestion.point, {
            "name": name, "kind": CentreKind.NEIGHBOURHOOD.value,
            "services": join_services(services), "status": "planned",
            "scenarios": "suggested"},
            QCoreApplication.translate("CoverageFeature", "Add suggested centre"))
        self.push(command)
        return command.fid

    def zoom_to_centre(self, fid: int) -> None:
        if fid not in self.plan.centres.frame.index:
            return
        self.canvas.set_selection("centres", [fid])
        g = self.plan.centres.geometry(fid)
        if g is None or g.is_empty:
            return
        half = max(300.0, self.canvas.pixel_size() * 50)
        self.canvas.set_extent((g.x - half, g.y - half, g.x + half, g.y + half))

    def zoom_to_building(self, fid: int) -> None:
        self.canvas.set_selection("buildings", [fid])
        g = self.plan.buildings.geometry(fid)
        x, y = g.centroid.x, g.centroid.y
        half = max(150.0, self.canvas.pixel_size() * 50)
        self.canvas.set_extent((x - half, y - half, x + half, y + half))


def _same(a: object, b: object) -> bool:
    """Whether two attribute values are the same (NaN, None and <NA> alike)."""
    import pandas as pd

    def blank(v: object) -> bool:
        try:
            return v is None or bool(pd.isna(v))
        except (TypeError, ValueError):
            return False

    if blank(a) or blank(b):
        return blank(a) and blank(b)
    return str(a) == str(b)

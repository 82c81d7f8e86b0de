"""Undo commands for service centres: add, move, delete, edit attributes.

Each command only calls :class:`~gridplanner.model.layer.FeatureTable`
methods on ``plan.centres``; the canvas, the coverage overlay and the dock
follow through the model's change events. A centre keeps its fid through
delete → undo and add → undo → redo, so coverage results stay comparable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from gridplanner.model.plan import Plan
from gridplanner.qt.shell.commands import AttributeCommand, DeleteFeaturesCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("CentreCommands", text)


class AddCentreCommand(QUndoCommand):
    """Add one centre at ``point`` with ``attributes``; undo removes it (same fid on redo)."""

    def __init__(self, plan: Plan, point: shapely.Point, attributes: Mapping[str, Any] | None = None,
                 text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text or _tr("Add centre"), parent)
        self.plan = plan
        self.fid = plan.centres.next_fid()
        values = dict(attributes or {})
        row = gpd.GeoDataFrame([values] if values else [{}], geometry=[point], crs=plan.crs)
        row.index = pd.Index(np.array([self.fid], dtype=np.int64), name="fid")
        self.row = row

    def redo(self) -> None:
        self.fid = self.plan.centres.add(self.row)[0]

    def undo(self) -> None:
        self.plan.centres.remove([self.fid])


class MoveCentreCommand(QUndoCommand):
    """Move one centre to ``point``; undo puts it back where it was."""

    def __init__(self, plan: Plan, fid: int, point: shapely.Point, text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(text or _tr("Move centre"), parent)
        self.plan = plan
        self.fid = int(fid)
        self.new = point
        self.old = plan.centres.geometry(self.fid)

    def redo(self) -> None:
        self.plan.centres.set_geometry(self.fid, self.new)

    def undo(self) -> None:
        self.plan.centres.set_geometry(self.fid, self.old)


class DeleteCentresCommand(DeleteFeaturesCommand):
    """Remove centres; undo puts the same rows (and fids) back."""

    def __init__(self, plan: Plan, fids: list[int], text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(plan, "centres", fids,
                         text or _tr("Delete %n centre(s)").replace("%n", str(len(fids))), parent)


class SetCentreAttributesCommand(AttributeCommand):
    """Change attributes (name, kind, services, capacity, hours, notes) of one centre."""

    def __init__(self, plan: Plan, fid: int, values: Mapping[str, Any], text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(plan, "centres", {int(fid): values},
                         text or _tr("Edit centre attributes"), parent)

"""Undo commands for grid cells: add, delete, reshape, attributes, split, merge, paint.

Every command only calls :class:`~gridplanner.model.layer.FeatureTable`
methods, so the canvas and the docks follow through the model's change
events. Compound edits (split, merge, rebuild) are a
:class:`~gridplanner.qt.shell.commands.MacroCommand`: redo runs the steps in order,
undo in reverse, so each compound edit is one step in the undo history. The
general commands of :mod:`gridplanner.qt.shell.commands` do the work of several
commands here.

Building paint assignments live in the buildings layer's extra column
:data:`PAINT_COLUMN` (the fid of the cell a building was painted into).
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
from gridplanner.model.settings import Settings
from gridplanner.qt.shell.commands import (
    AttributeCommand,
    DeleteFeaturesCommand,
    MacroCommand,
    SettingsCommand,
    SnapshotCommand,
)

#: extra column of the buildings layer: fid of the cell a building was painted into
PAINT_COLUMN = "painted_cell"


class AddCellsCommand(QUndoCommand):
    """Add cells (rows with a geometry); undo removes them again, same fids on redo."""

    def __init__(self, plan: Plan, rows: gpd.GeoDataFrame, text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(text or QCoreApplication.translate("GridCommands", "Add cell"), parent)
        self.plan = plan
        rows = rows.copy()
        start = plan.cells.next_fid()
        rows.index = pd.Index(np.arange(start, start + len(rows), dtype=np.int64), name="fid")
        self.rows = rows
        self.fids: list[int] = [int(f) for f in rows.index]

    def redo(self) -> None:
        self.fids = self.plan.cells.add(self.rows)

    def undo(self) -> None:
        self.plan.cells.remove(self.fids)


class DeleteCellsCommand(DeleteFeaturesCommand):
    """Remove cells; undo puts the same rows (and fids) back where they were."""

    def __init__(self, plan: Plan, fids: list[int], text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(plan, "cells", fids, text or QCoreApplication.translate(
            "GridCommands", "Delete %n cell(s)").replace("%n", str(len(fids))), parent)
        self.order: list[int] = []

    def redo(self) -> None:
        self.order = [int(f) for f in self.plan.cells.frame.index]
        super().redo()

    def undo(self) -> None:
        super().undo()
        frame = self.plan.cells.frame
        if [int(f) for f in frame.index] != self.order and set(frame.index) == set(self.order):
            self.plan.cells.replace(frame.loc[self.order])  # the exact previous table


class SetCellGeometriesCommand(QUndoCommand):
    """Change the outlines of several cells at once (a shared vertex moved, a rebuild)."""

    def __init__(self, plan: Plan, geometries: Mapping[int, shapely.Geometry], text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(text or QCoreApplication.translate("GridCommands", "Change cell outlines"), parent)
        self.plan = plan
        self.new = {int(f): g for f, g in geometries.items()}
        self.old: dict[int, Any] = {}

    def redo(self) -> None:
        self.old = self.plan.cells.set_geometries(self.new)

    def undo(self) -> None:
        self.plan.cells.set_geometries(self.old)


class SetCellAttributesCommand(AttributeCommand):
    """Change attributes of one cell (name, kind, responsible unit, notes, ...)."""

    def __init__(self, plan: Plan, fid: int, values: Mapping[str, Any], text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(plan, "cells", {int(fid): values}, text or QCoreApplication.translate(
            "GridCommands", "Edit cell attributes"), parent)


class SetColumnCommand(QUndoCommand):
    """Set one column of many features of a layer (codes of cells, paint of buildings)."""

    def __init__(self, plan: Plan, layer: str, column: str, values: Mapping[int, Any],
                 text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text or QCoreApplication.translate("GridCommands", "Change %1").replace("%1", column), parent)
        self.plan = plan
        self.layer = layer
        self.column = column
        self.new = {int(f): v for f, v in values.items()}
        self.old: dict[int, Any] = {}

    def redo(self) -> None:
        self.old = self.plan.layer(self.layer).set_column(self.column, self.new)

    def undo(self) -> None:
        self.plan.layer(self.layer).set_column(self.column, self.old)


class SetSettingsCommand(SettingsCommand):
    """Replace the plan's settings (e.g. the code scheme)."""

    def __init__(self, plan: Plan, settings: Settings, text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(plan, settings, None, text or QCoreApplication.translate(
            "GridCommands", "Change settings"), parent)


class ReplaceCellsCommand(SnapshotCommand):
    """Every cell replaced at once (generated grids); undo restores the old layer.

    ``done``: the analysis already made the change, so pushing does nothing more.
    """

    def __init__(self, plan: Plan, before: pd.DataFrame, after: pd.DataFrame, text: str = "",
                 done: bool = False, parent: QUndoCommand | None = None):
        super().__init__(plan, {"cells": before}, {"cells": after}, text
                         or QCoreApplication.translate("GridCommands", "Generate grid cells"),
                         done, parent)


def paint_command(plan: Plan, building_fids: list[int], cell_fid: int | None,
                  text: str = "") -> SetColumnCommand:
    """Put buildings into a cell (or take them out with ``cell_fid`` None)."""
    value = pd.NA if cell_fid is None else int(cell_fid)
    return SetColumnCommand(plan, "buildings", PAINT_COLUMN,
                            {int(f): value for f in building_fids},
                            text or QCoreApplication.translate("GridCommands", "Paint %n building(s)").replace(
                                "%n", str(len(building_fids))))


def split_command(plan: Plan, fid: int, pieces: list[shapely.Geometry],
                  codes: list[str] | None = None,
                  neighbours: Mapping[int, shapely.Geometry] | None = None) -> MacroCommand:
    """The cell keeps the first (largest) piece; the others become new cells like it.

    ``codes`` has one entry per piece; the first (the kept cell's) is not used.
    ``neighbours`` are new outlines of neighbouring cells that got the split's
    end points as vertices (:func:`~gridplanner.analysis.grids.editing.glue_neighbours`).
    """
    macro = MacroCommand(QCoreApplication.translate("GridCommands", "Split cell"))
    macro.add(SetCellGeometriesCommand(plan, {fid: pieces[0], **(neighbours or {})}))
    row = plan.cells.row(fid)
    rows = [{**{k: row[k] for k in ("name", "kind", "community", "responsible_unit", "notes")},
             "code": (codes[i + 1] if codes else ""), "geometry": g}
            for i, g in enumerate(pieces[1:])]
    macro.add(AddCellsCommand(plan, gpd.GeoDataFrame(rows, geometry="geometry", crs=plan.crs)))
    return macro


def merge_command(plan: Plan, fids: list[int], merged: shapely.Geometry) -> MacroCommand:
    """The first cell takes the merged outline; the others are deleted."""
    macro = MacroCommand(QCoreApplication.translate("GridCommands", "Merge %n cells").replace("%n", str(len(fids))))
    keep, *drop = [int(f) for f in fids]
    macro.add(SetCellGeometriesCommand(plan, {keep: merged}))
    macro.add(DeleteCellsCommand(plan, drop))
    return macro

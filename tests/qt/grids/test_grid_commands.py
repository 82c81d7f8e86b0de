"""Every grid undo command: do → undo → assert → redo → assert, on a bare undo stack."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from factories import ORIGIN
from PySide6.QtGui import QUndoStack

from gridplanner.qt.grids import commands as gc

X0, Y0 = ORIGIN


@pytest.fixture
def plan(grid_plan):
    grid_plan.cells.add(gpd.GeoDataFrame(
        {"community": ["东风社区", "东风社区"], "code": ["000000001001001", "000000001001002"],
         "name": ["甲", "乙"]},
        geometry=[shapely.box(X0, Y0, X0 + 100, Y0 + 100),
                  shapely.box(X0 + 100, Y0, X0 + 200, Y0 + 100)], crs=grid_plan.crs))
    return grid_plan


@pytest.fixture
def stack(qapp):
    return QUndoStack()


def _cells(plan):
    frame = plan.cells.frame
    return {int(f): (str(frame.at[f, "name"]), str(frame.at[f, "code"]),
                     frame.at[f, "geometry"].wkt if frame.at[f, "geometry"] is not None else None)
            for f in frame.index}


def _check(stack, plan, command, before, after_check):
    stack.push(command)
    after = _cells(plan)
    after_check()
    stack.undo()
    assert _cells(plan) == before
    stack.redo()
    assert _cells(plan) == after
    after_check()


def test_add_and_delete_keep_fids(plan, stack):
    before = _cells(plan)
    rows = gpd.GeoDataFrame({"community": ["东风社区"], "name": ["丙"]},
                            geometry=[shapely.box(X0, Y0 + 100, X0 + 100, Y0 + 200)],
                            crs=plan.crs)
    add = gc.AddCellsCommand(plan, rows)
    _check(stack, plan, add, before, lambda: plan.cells.row(add.fids[0])["name"] == "丙"
           or pytest.fail())
    before = _cells(plan)
    delete = gc.DeleteCellsCommand(plan, [1, add.fids[0]])
    _check(stack, plan, delete, before, lambda: plan.cells.fids() == [2] or pytest.fail())
    stack.undo()
    assert sorted(plan.cells.fids()) == [1, 2, add.fids[0]]  # same fids come back


def test_geometries_attributes_column_settings(plan, stack):
    before = _cells(plan)
    shape = shapely.box(X0, Y0, X0 + 120, Y0 + 100)
    _check(stack, plan, gc.SetCellGeometriesCommand(plan, {1: shape}), before,
           lambda: plan.cells.geometry(1).equals(shape) or pytest.fail())
    before = _cells(plan)
    _check(stack, plan, gc.SetCellAttributesCommand(plan, 2, {"name": "丁", "notes": "x"}),
           before, lambda: plan.cells.row(2)["name"] == "丁" or pytest.fail())
    before = _cells(plan)
    _check(stack, plan, gc.SetColumnCommand(plan, "cells", "code", {1: "9", 2: "8"}), before,
           lambda: list(plan.cells.frame["code"]) == ["9", "8"] or pytest.fail())
    old = plan.settings
    stack.push(gc.SetSettingsCommand(plan, old.replaced(code_scheme="cjt349")))
    assert plan.settings.code_scheme == "cjt349"
    stack.undo()
    assert plan.settings is old
    stack.redo()
    assert plan.settings.code_scheme == "cjt349"


def test_split_and_merge_are_one_step_each(plan, stack):
    before = _cells(plan)
    left, right = shapely.box(X0, Y0, X0 + 60, Y0 + 100), shapely.box(X0 + 60, Y0, X0 + 100,
                                                                         Y0 + 100)
    split = gc.split_command(plan, 1, [left, right], ["", "000000001001003"])
    _check(stack, plan, split, before, lambda: len(plan.cells) == 3 or pytest.fail())
    new = max(plan.cells.fids())
    assert plan.cells.row(new)["name"] == "甲" and plan.cells.row(new)["code"] == "000000001001003"
    assert stack.count() == 1
    before = _cells(plan)
    merged = shapely.box(X0, Y0, X0 + 200, Y0 + 100)
    _check(stack, plan, gc.merge_command(plan, [2, 1, new], merged), before,
           lambda: plan.cells.fids() == [2] or pytest.fail())
    assert plan.cells.geometry(2).equals(merged)


def test_replace_and_paint(plan, stack):
    before = _cells(plan)
    old = plan.cells.frame
    new = old.iloc[:1].copy()
    plan.cells.replace(new)  # as the analysis does it, before the command is pushed
    _check(stack, plan, gc.ReplaceCellsCommand(plan, old, plan.cells.frame, done=True),
           before, lambda: plan.cells.fids() == [1] or pytest.fail())
    stack.push(gc.paint_command(plan, [1, 2, 3], 1))
    painted = plan.buildings.frame[gc.PAINT_COLUMN]
    assert [int(v) for v in painted.loc[[1, 2, 3]]] == [1, 1, 1] and pd.isna(painted.loc[4])
    stack.undo()
    assert plan.buildings.frame[gc.PAINT_COLUMN].loc[[1, 2, 3]].isna().all()
    stack.redo()
    assert int(plan.buildings.frame[gc.PAINT_COLUMN].loc[2]) == 1
    stack.push(gc.paint_command(plan, [2], None))  # take it out again
    assert pd.isna(plan.buildings.frame[gc.PAINT_COLUMN].loc[2])
    stack.undo()
    assert int(plan.buildings.frame[gc.PAINT_COLUMN].loc[2]) == 1

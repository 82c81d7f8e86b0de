"""Per-cell tallies: households, residents, buildings and status, fast enough for dragging."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from gridplanner.analysis.grids.partition import generate_cells, replace_cells
from gridplanner.analysis.grids.tallies import (
    BuildingIndex,
    assign_points,
    building_cells,
    status_for,
    tally_cells,
)


@pytest.fixture
def gridded(grid_plan):
    replace_cells(grid_plan, generate_cells(grid_plan, seed=0).cells)
    return grid_plan


def test_tallies_add_up_to_the_plan_totals(gridded):
    t = tally_cells(gridded)
    totals = gridded.totals()
    assert list(t.index) == gridded.cells.fids()
    assert t["households"].sum() == totals["households"]
    assert t["residents"].sum() == totals["residents"]
    assert t["buildings"].sum() == totals["buildings"]
    assert set(t["status"]) == {"within"}


def test_status_against_the_range():
    assert status_for(np.array([299, 300, 500, 501]), 300, 500).tolist() == [
        "below", "within", "within", "above"]


def test_live_tally_of_a_dragged_cell(gridded):
    index = BuildingIndex.from_plan(gridded)
    fid = gridded.cells.fids()[0]
    before = tally_cells(gridded, index=index).loc[fid]
    grown = shapely.buffer(gridded.cells.geometry(fid), 60, join_style="mitre")
    live = index.tally({fid: grown}, 300, 500).loc[fid]
    assert live["buildings"] > before["buildings"]
    assert live["households"] > before["households"]


def test_building_on_a_shared_edge_counts_once():
    a, b = shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10)
    where = assign_points([a, b], np.array([shapely.Point(10, 5), shapely.Point(15, 5)]))
    assert where.tolist() == [0, 1]


def test_building_cells_series(gridded):
    cells = building_cells(gridded)
    assert cells.notna().all()
    assert cells.index.equals(gridded.buildings.frame.index)
    assert set(cells.dropna().astype(int)) == set(gridded.cells.fids())


def test_missing_counts_count_as_zero(gridded):
    gridded.buildings.set_attributes(1, {"households": float("nan")})
    t = tally_cells(gridded)
    assert t["households"].sum() == pd.to_numeric(
        gridded.buildings.frame["households"]).fillna(0).sum()


def test_empty_plan_has_empty_tallies(grid_plan):
    t = tally_cells(grid_plan)
    assert len(t) == 0 and list(t.columns) == ["households", "residents", "buildings", "status"]

"""Micro-grids: generated inside each grid, numbered within it, validated like cells."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from factories_roster import cell_code, cell_fid, roster_plan

from gridplanner.analysis.grids.micro import (
    building_micro_grids,
    generate_micro_grids,
    renumber_micro_grids,
    replace_micro_grids,
)
from gridplanner.analysis.grids.micro_validation import validate_micro_grids
from gridplanner.analysis.grids.validation import run_checkers
from gridplanner.errors import AnalysisError
from gridplanner.io.plan_file.project import load_plan, save_plan


@pytest.fixture(scope="module")
def plan_with_micro():
    plan = roster_plan()
    result = generate_micro_grids(plan)
    replace_micro_grids(plan, result.micro)
    return plan, result


def kinds(findings):
    return sorted({f.kind for f in findings})


def test_micro_grids_tile_each_cell_without_splitting_buildings(plan_with_micro):
    plan, result = plan_with_micro
    micro = plan.layer("micro_grids").frame
    cells = plan.cells.frame
    assert set(micro["cell_fid"].astype(int)) == set(cells.index)
    for fid, group in micro.groupby("cell_fid"):
        union = shapely.union_all(group.geometry.values)
        cell = cells.at[int(fid), "geometry"]
        assert abs(union.area - cell.area) < 1.0
        assert sum(g.area for g in group.geometry) == pytest.approx(cell.area, abs=1.0)
    # every building in exactly one micro-grid, and the households add up per cell
    where = building_micro_grids(plan)
    assert where.notna().all()
    assert result.micro["households"].sum() == pytest.approx(plan.totals()["households"])
    assert validate_micro_grids(plan) == [] or set(kinds(validate_micro_grids(plan))) <= {
        "micro_households_below_range", "micro_households_above_range"}


def test_micro_grids_fall_in_the_household_range_where_buildings_allow(plan_with_micro):
    plan, result = plan_with_micro
    h = result.micro["households"].to_numpy(float)
    # single buildings hold 20–60 households, so 30–80 is reachable for most micro-grids
    assert ((h >= 30) & (h <= 80)).mean() > 0.7
    assert result.metrics["cells"] == len(result.micro)


def test_micro_grids_are_numbered_within_their_cell_west_to_east_north_to_south(plan_with_micro):
    plan, _ = plan_with_micro
    micro = plan.layer("micro_grids").frame
    code = cell_code(0, 1)
    mine = micro[micro["cell_fid"] == cell_fid(plan, code)].sort_values("number")
    assert list(mine["number"]) == list(range(1, len(mine) + 1))
    assert list(mine["code"]) == [f"{code}-{n:02d}" for n in mine["number"]]
    first = mine.geometry.iloc[0].centroid
    assert all(first.y >= g.centroid.y - 60 for g in mine.geometry)


def test_one_cell_only_and_a_custom_range():
    plan = roster_plan()
    code = cell_code(1, 2)
    result = generate_micro_grids(plan, [code], low=100, high=200)
    assert set(result.micro["cell_fid"]) == {cell_fid(plan, code)}
    assert result.micro["households"].max() <= 200 or result.problems
    with pytest.raises(AnalysisError, match="no grid cell"):
        generate_micro_grids(plan, ["nope"])
    with pytest.raises(AnalysisError, match="not a valid range"):
        generate_micro_grids(plan, low=80, high=30)


def test_regenerating_a_cell_keeps_other_cells_and_relinks_households():
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    micro = plan.layer("micro_grids").frame
    building = int(plan.buildings.frame.index[0])
    old_micro = int(building_micro_grids(plan)[building])
    plan.layer("party_households").add([{"name": "王大妈", "building_fid": building,
                                         "micro_fid": old_micro}])
    cell = int(micro.at[old_micro, "cell_fid"])
    others = len(micro[micro["cell_fid"] != cell])
    replace_micro_grids(plan, generate_micro_grids(plan, [str(plan.cells.frame.at[cell, "code"])],
                                                   low=100, high=300).micro)
    after = plan.layer("micro_grids").frame
    assert len(after[after["cell_fid"] != cell]) == others
    assert old_micro not in after.index
    linked = plan.layer("party_households").frame["micro_fid"].iloc[0]
    assert int(linked) == int(building_micro_grids(plan)[building])


def test_rules_broken_are_reported_with_their_own_kinds():
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    table = plan.layer("micro_grids")
    micro = table.frame
    a, b = (int(f) for f in micro.index[:2])
    cell = int(micro.at[a, "cell_fid"])
    # overlap + gap: grow one micro-grid over its neighbour, shrink the other
    table.set_geometry(a, shapely.union(micro.at[a, "geometry"],
                                        micro.at[b, "geometry"].buffer(-5)))
    table.set_geometry(b, micro.at[b, "geometry"].buffer(-5))
    # outside its cell, duplicate number, orphan
    c = int(micro.index[micro["cell_fid"] == cell][-1])
    table.set_geometry(c, micro.at[c, "geometry"].buffer(20))
    table.set_attributes(c, {"number": int(micro.at[a, "number"])})
    table.add([{"cell_fid": 999, "number": 1, "code": "x",
                "geometry": shapely.box(0, 0, 10, 10)}])
    found = kinds(validate_micro_grids(plan))
    for kind in ("micro_overlap", "micro_gap", "micro_outside_cell", "micro_duplicate_number",
                 "micro_no_cell"):
        assert kind in found, kind
    # validate runs them too
    assert "micro_gap" in kinds(run_checkers(plan))


def test_a_micro_grid_edge_through_a_building_is_reported():
    plan = roster_plan()
    fid = cell_fid(plan, cell_code(0, 1))
    cell = plan.cells.frame.at[fid, "geometry"]
    building = plan.buildings.frame.geometry[
        plan.buildings.frame.geometry.representative_point().within(cell)].iloc[0]
    x = building.centroid.x
    minx, miny, maxx, maxy = cell.bounds
    halves = [shapely.box(minx, miny, x, maxy), shapely.box(x, miny, maxx, maxy)]
    plan.layer("micro_grids").add([{"cell_fid": fid, "number": n + 1, "code": f"m{n}",
                                    "geometry": g} for n, g in enumerate(halves)])
    found = [f for f in validate_micro_grids(plan) if f.kind == "micro_building_split"]
    assert found and found[0].features["buildings"]
    assert not [f for f in validate_micro_grids(plan) if f.kind in ("micro_gap", "micro_overlap")]


def test_household_range_is_a_warning():
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan, low=100, high=400).micro)
    plan.settings = plan.settings.replaced(micro_households_min=300, micro_households_max=400)
    findings = validate_micro_grids(plan)
    below = [f for f in findings if f.kind == "micro_households_below_range"]
    assert below and all(f.severity == "warning" for f in below)
    assert below[0].params["low"] == 300


def test_renumber_and_round_trip(tmp_path, plan_with_micro):
    plan, _ = plan_with_micro
    table = plan.layer("micro_grids")
    first = int(table.frame.index[0])
    table.set_attributes(first, {"number": 99, "code": "x"})
    renumber_micro_grids(plan)
    assert int(table.frame.at[first, "number"]) < 99
    path = save_plan(plan, tmp_path / "micro.gpkg")
    back = load_plan(path).layer("micro_grids").frame
    assert len(back) == len(table.frame)
    assert list(back["code"]) == list(table.frame["code"])
    assert np.allclose(back.geometry.area, table.frame.geometry.area)
    assert back["cell_fid"].dtype == "Int64"


def test_micro_grids_of_cells_that_are_gone_are_dropped_on_the_next_generation():
    from gridplanner.analysis.grids.partition import generate_cells, replace_cells

    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    replace_cells(plan, generate_cells(plan, "balanced", seed=0).cells)
    assert "micro_no_cell" in kinds(validate_micro_grids(plan))
    first = str(plan.cells.frame["code"].iloc[0])
    replace_micro_grids(plan, generate_micro_grids(plan, [first]).micro)
    micro = plan.layer("micro_grids").frame
    assert set(micro["cell_fid"]) == {int(plan.cells.frame.index[0])}
    assert "micro_no_cell" not in kinds(validate_micro_grids(plan))


def test_painting_buildings_into_another_or_a_new_micro_grid():
    from gridplanner.analysis.grids.micro import apply_micro_repaint, repaint_micro_grids

    plan = roster_plan()
    code = cell_code(0, 2)
    replace_micro_grids(plan, generate_micro_grids(plan, [code]).micro)
    micro = plan.layer("micro_grids").frame
    where = building_micro_grids(plan)
    a, b = (int(f) for f in micro.index[:2])
    moving = [int(f) for f in where.index[where == a]][:1]
    (home,) = plan.layer("party_households").add([{"name": "甲", "building_fid": moving[0],
                                                   "micro_fid": a}])
    apply_micro_repaint(plan, repaint_micro_grids(plan, moving, b))
    where = building_micro_grids(plan)
    moved_to = int(where[moving[0]])
    assert plan.layer("micro_grids").frame.at[moved_to, "cell_fid"] == cell_fid(plan, code)
    assert int(plan.layer("party_households").frame.at[home, "micro_fid"]) == moved_to
    errors = [f for f in validate_micro_grids(plan) if f.severity == "error"]
    assert errors == []
    # a new micro-grid from one building, numbered with the others
    count = len(plan.layer("micro_grids"))
    one = [int(where.index[where.notna()][-1])]
    apply_micro_repaint(plan, repaint_micro_grids(plan, one, None))
    frame = plan.layer("micro_grids").frame
    assert len(frame) in (count, count + 1)  # +1, or the same when its old one emptied
    assert sorted(frame["number"]) == list(range(1, len(frame) + 1))
    assert [f for f in validate_micro_grids(plan) if f.severity == "error"] == []
    with pytest.raises(AnalysisError, match="one grid cell"):
        other = plan.buildings.frame.index[-1]
        repaint_micro_grids(plan, [one[0], int(other)], None)


def test_problems_speak_of_micro_grids():
    plan = roster_plan()
    result = generate_micro_grids(plan, [cell_code(0, 1)], low=5, high=10)
    assert result.problems
    assert all("micro-grid" in p and " cell " not in p for p in result.problems)

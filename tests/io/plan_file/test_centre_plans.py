"""Centre status, year, floor area, scenarios and the station rule survive a save;
plans saved before them open with every centre built, in every scenario."""

from __future__ import annotations

import math

import pyogrio

from gridplanner.io.plan_file.project import load_plan, save_plan


def test_centre_plan_columns_and_station_setting_round_trip(grid_plan, tmp_path):
    fid = grid_plan.centres.fids()[0]
    grid_plan.centres.set_attributes(fid, {"status": "planned", "year": 2026,
                                           "floor_area_m2": 850.0, "scenarios": "2026 plan"})
    grid_plan.settings = grid_plan.settings.replaced(station_rule=False, station_distance_m=250.0)
    path = tmp_path / "plan.gpkg"
    save_plan(grid_plan, path)
    back = load_plan(path)
    row = back.centres.row(fid)
    assert (row["status"], int(row["year"]), row["floor_area_m2"], row["scenarios"]) == (
        "planned", 2026, 850.0, "2026 plan")
    other = back.centres.row(grid_plan.centres.fids()[1])
    assert other["status"] == "built" and math.isnan(other["floor_area_m2"])
    assert not back.settings.station_rule and back.settings.station_distance_m == 250.0


def test_a_plan_saved_without_the_columns_opens_with_defaults(grid_plan, tmp_path):
    path = tmp_path / "old.gpkg"
    save_plan(grid_plan, path)
    frame = pyogrio.read_dataframe(path, layer="centres", fid_as_index=True)
    old = frame.drop(columns=["status", "year", "floor_area_m2", "scenarios"])
    pyogrio.write_dataframe(old.reset_index(), path, layer="centres", driver="GPKG")
    back = load_plan(path)
    assert set(back.centres.frame["status"]) == {"built"}
    assert set(back.centres.frame["scenarios"]) == {""}

"""One station per grid: the rule broken and reported."""

from __future__ import annotations

import geopandas as gpd
import shapely
from factories import CRS, ORIGIN, street_grid_plan

from gridplanner.analysis.grids.validation import run_checkers
from gridplanner.analysis.network.stations import cells_without_station, check_stations

X0, Y0 = ORIGIN


def quadrant_plan():
    """The 600 m × 400 m street grid in four cells; its neighbourhood centre
    (a station) stands at the south-west cell's crossing (100, 100)."""
    plan = street_grid_plan()
    boxes = {"SW": (0, 0, 300, 200), "NW": (0, 200, 300, 400),
             "SE": (300, 0, 600, 200), "NE": (300, 200, 600, 400)}
    plan.cells.add(gpd.GeoDataFrame(
        {"code": list(boxes), "community": ["东风社区", "东风社区", "西湖社区", "西湖社区"]},
        geometry=[shapely.box(X0 + a, Y0 + b, X0 + c, Y0 + d) for a, b, c, d in boxes.values()],
        crs=CRS))
    return plan


def codes(plan, fids):
    return sorted(plan.cells.frame.loc[fids, "code"])


def test_grids_beyond_the_walking_distance_have_no_station():
    plan = quadrant_plan()
    # NW's nearest building walks 25 + 75 + 100 = 200 m to the station; SE's 300 m
    assert codes(plan, cells_without_station(plan, 250.0)) == ["NE", "SE"]
    assert codes(plan, cells_without_station(plan, 150.0)) == ["NE", "NW", "SE"]
    assert codes(plan, cells_without_station(plan, 400.0)) == []


def test_a_health_station_is_no_party_mass_station():
    plan = quadrant_plan()
    station = plan.centres.frame.index[plan.centres.frame["kind"] == "neighbourhood_centre"]
    plan.centres.remove(list(station))
    assert codes(plan, cells_without_station(plan, 250.0)) == ["NE", "NW", "SE", "SW"]


def test_validate_reports_the_grids_and_the_rule_can_be_turned_off():
    plan = quadrant_plan()
    plan.settings = plan.settings.replaced(station_distance_m=250.0)
    found = [f for f in run_checkers(plan) if f.kind == "no_station"]
    assert sorted(c for f in found for c in f.cells) == ["NE", "SE"]
    assert all(f.severity == "warning" and "250 m" in f.message for f in found)
    assert found[0].params["distance"] == 250
    plan.settings = plan.settings.replaced(station_rule=False)
    assert check_stations(plan) == []


def test_dedicated_grids_are_not_checked():
    plan = quadrant_plan()
    ne = plan.cells.frame.index[plan.cells.frame["code"] == "NE"][0]
    plan.cells.set_attributes(ne, {"kind": "dedicated"})
    assert codes(plan, cells_without_station(plan, 250.0)) == ["SE"]

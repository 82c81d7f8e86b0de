"""Centre status, scenarios and what each centre serves, on a hand-made case.

Six buildings on a line (x = 0, 100, 200, 300, 400, 520 m; 10 households
and 20 residents each), two communities split at x = 250, straight-line
distances. Centres: "west" at 0 (every scenario, built), "east-now" at 300
(scenario "now", built, capacity 15), "east-2026" at 400 (scenario "2026",
planned for 2026).
"""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from factories import CRS, ORIGIN

from gridplanner.analysis.network.coverage import coverage_from_centres
from gridplanner.analysis.network.scenarios import (
    centres_in,
    compare_scenarios,
    now_and_planned,
    plan_view,
    scenario_names,
)
from gridplanner.analysis.network.service_areas import describe_centres, flat_centre_rows
from gridplanner.errors import AnalysisError
from gridplanner.model import Plan

X0, Y0 = ORIGIN
XS = [0, 100, 200, 300, 400, 520]


@pytest.fixture
def plan():
    p = Plan(name="line", crs=CRS)
    p.settings = p.settings.replaced(levels_m=(50.0, 150.0))
    west, east = shapely.box(X0 - 50, Y0 - 50, X0 + 250, Y0 + 50), \
        shapely.box(X0 + 250, Y0 - 50, X0 + 600, Y0 + 50)
    p.boundaries.add(gpd.GeoDataFrame({"level": ["community"] * 2, "name": ["甲社区", "乙社区"]},
                                      geometry=[west, east], crs=CRS))
    p.cells.add(gpd.GeoDataFrame({"code": ["A1", "B1"], "community": ["甲社区", "乙社区"]},
                                 geometry=[west, east], crs=CRS))
    p.buildings.add(gpd.GeoDataFrame(
        {"households": [10] * 6, "residents": [20] * 6, "group_独居老人": [1, 2, 3, 4, 5, 6]},
        geometry=[shapely.Point(X0 + x, Y0) for x in XS], crs=CRS))
    p.centres.add(gpd.GeoDataFrame(
        {"name": ["west", "east-now", "east-2026"], "services": ["health", "health", "health"],
         "kind": ["party_station"] * 3, "capacity": [float("nan"), 15.0, float("nan")],
         "status": ["built", "built", "planned"], "year": [2019, 2021, 2026],
         "scenarios": ["", "now", "2026"]},
        geometry=[shapely.Point(X0 + x, Y0) for x in (0, 300, 400)], crs=CRS))
    return p


def names(plan, fids):
    return sorted(plan.centres.frame.loc[fids, "name"])


def test_scenarios_and_status_pick_their_centres(plan):
    assert scenario_names(plan) == ["now", "2026"]
    assert names(plan, centres_in(plan, "2026")) == ["east-2026", "west"]
    assert names(plan, centres_in(plan, "2026", when="now")) == ["west"]
    assert names(plan, centres_in(plan, None, when="now")) == ["east-now", "west"]
    with pytest.raises(AnalysisError, match="no centre scenario named '2030'"):
        centres_in(plan, "2030")


def test_comparing_two_scenarios_finds_the_buildings_that_gain_and_lose(plan):
    c = compare_scenarios(plan, "now", "2026", level=150.0)
    fids = list(plan.buildings.frame.index)
    assert c.lost == [fids[2]]  # x = 200: 100 m from east-now, 200 m from the others
    assert c.gained == [fids[5]]  # x = 520: 120 m from east-2026, 220 m from east-now
    at150 = [r for r in c.levels if r["level_m"] == 150.0][0]
    assert at150["households_a"] == 50 and at150["households_b"] == 50
    by = {r["community"]: r for r in c.communities}
    assert by["甲社区"]["households_change"] == -10
    assert by["乙社区"]["households_change"] == 10
    assert by["乙社区"]["share_b"] == pytest.approx(1.0)
    t = c.totals
    assert (t["centres_a"], t["centres_b"]) == (2, 2)
    assert (t["communities_with_centre_a"], t["communities_with_centre_b"]) == (2, 2)
    assert t["share_a"] == pytest.approx(5 / 6) and not t["meets_target_a"]


def test_now_and_when_the_plan_is_built(plan):
    t = now_and_planned(plan, "2026")
    assert t["now"]["centres"] == 1 and t["plan"]["centres"] == 2
    assert t["now"]["households_covered_150"] == 20  # x = 0 and 100
    assert t["plan"]["households_covered_150"] == 50  # plus 300, 400, 520
    assert t["now"]["communities_with_centre"] == 1
    assert t["plan"]["communities_with_centre"] == 2
    assert not t["plan"]["meets_target"]  # 50 of 60 < 85 %


def test_what_each_centre_serves_with_grids_communities_groups_and_capacity(plan):
    result = coverage_from_centres(plan)
    describe_centres(plan, result)
    rows = {r["name"]: r for r in flat_centre_rows(result.centres, 150.0)}
    assert rows["west"]["households"] == 20 and rows["west"]["cell_codes"] == "A1"
    assert rows["east-now"]["community_names"] == "乙社区、甲社区"
    assert rows["east-now"]["cells"] == 2
    assert rows["east-now"]["group:独居老人"] == 3 + 4
    assert rows["east-2026"]["residents"] == 40
    assert rows["east-now"]["capacity"] == 15 and rows["east-now"]["over_capacity"] == 5
    assert rows["east-now"]["allocated"] == 15
    assert rows["east-2026"]["status"] == "planned" and rows["east-2026"]["year"] == 2026
    health = flat_centre_rows(result.centres, 50.0, service="health")
    assert {r["name"]: r["buildings"] for r in health} == {"west": 1, "east-now": 1,
                                                           "east-2026": 1}
    assert result.to_json()["centres"][0]["levels"]["150"]["households"] == 20


def test_a_view_leaves_the_plan_alone(plan):
    view = plan_view(plan, "now")
    assert len(view.centres) == 2 and len(plan.centres) == 3
    assert view.buildings is plan.buildings


def test_the_live_table_says_what_each_centre_serves(plan):
    from gridplanner.analysis.network.coverage_view import CoverageTable

    table = CoverageTable.from_result(plan, coverage_from_centres(plan))
    rows = {plan.centres.frame.at[r["fid"], "name"]: r for r in table.centre_rows(150.0)}
    assert rows["east-now"]["households"] == 20 and rows["east-now"]["cells"] == ["A1", "B1"]
    assert rows["west"]["communities"] == ["甲社区"]
    fids = list(plan.buildings.frame.index)
    table.update(fids[:1], [500.0], [rows["west"]["fid"]])  # a drag moved "west" away
    assert {plan.centres.frame.at[r["fid"], "name"]: r["buildings"]
            for r in table.centre_rows(150.0)}["west"] == 1

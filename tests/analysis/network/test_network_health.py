"""Network health findings and the cached walking graph."""

from __future__ import annotations

import shapely

from gridplanner.analysis.network.graph import walk_graph
from gridplanner.analysis.network.health import check_network

X0, Y0 = 440000.0, 4420000.0


def test_clean_grid_has_one_component_and_no_findings(grid_plan):
    health = check_network(grid_plan)
    assert health.components == 1 and health.main_share == 1.0
    assert health.findings == [] and health.stranded_buildings == 0


def test_island_spur_and_zero_length_edge_are_found(grid_plan):
    island = shapely.LineString([(X0 + 2000, Y0), (X0 + 2100, Y0)])
    spur = shapely.LineString([(X0 + 600, Y0), (X0 + 650, Y0 - 40)])
    dot = shapely.LineString([(X0, Y0), (X0, Y0)])
    fids = grid_plan.network.add([{"highway": "path", "geometry": g} for g in (island, spur, dot)])
    hut = grid_plan.buildings.add([{"households": 5, "geometry": shapely.Point(X0 + 2050, Y0 + 10)}])
    health = check_network(grid_plan)
    kinds = [f.kind for f in health.findings]
    assert kinds.count("network_component") == 1
    comp = next(f for f in health.findings if f.kind == "network_component")
    assert comp.features == {"network": [fids[0]], "buildings": hut}
    assert "100 m" in comp.message and comp.geometry.length == 100
    assert health.stranded_buildings == 1
    spur_ends = [f for f in health.findings if f.kind == "dangling_end"]
    assert sorted(f.features["network"][0] for f in spur_ends) == [fids[0], fids[0], fids[1]]
    assert kinds.count("zero_length_edge") == 1
    assert health.to_json()["components"] == 2


def test_graph_is_cached_and_rebuilt_when_the_network_changes(grid_plan):
    g1 = walk_graph(grid_plan)
    assert walk_graph(grid_plan) is g1
    grid_plan.buildings.add([{"households": 1, "geometry": shapely.Point(X0, Y0)}])
    assert walk_graph(grid_plan) is g1
    grid_plan.network.add([{"geometry": shapely.LineString([(X0, Y0), (X0 - 50, Y0)])}])
    g2 = walk_graph(grid_plan)
    assert g2 is not g1 and g2.n_edges == g1.n_edges + 1

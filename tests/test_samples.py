"""The bundled sample plans open, hold what the README promises, and rebuild identically."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from gridplanner.cli import main as cli_main
from gridplanner.io.plan_file.project import load_plan

SAMPLES = Path(__file__).resolve().parent.parent / "sample_maps"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_samples", SAMPLES / "build_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_samples", module)
    spec.loader.exec_module(module)
    return module


def _summary(plan) -> dict:
    b = plan.buildings.frame
    return {
        "counts": {name: len(t) for name, t in plan.layers.items()},
        "totals": plan.totals(),
        "levels": plan.boundaries.frame["level"].value_counts().sort_index().to_dict(),
        "network_m": round(float(plan.network.frame.geometry.length.sum()), 1),
        "footprint_m2": round(float(b.geometry.area.sum()), 1),
        "crs": plan.crs.to_epsg(),
    }


@pytest.fixture(scope="module")
def demo():
    return load_plan(SAMPLES / "demo_subdistrict.gpkg")


@pytest.fixture(scope="module")
def helsinki():
    return load_plan(SAMPLES / "helsinki.gpkg")


def test_demo_is_a_fictional_chinese_subdistrict(demo):
    assert "虚构" in demo.name
    assert demo.crs.is_projected and demo.crs.axis_info[0].unit_name == "metre"
    assert 4534 <= demo.crs.to_epsg() <= 4554  # a CGCS2000 3-degree Gauss-Krüger zone
    levels = demo.boundaries.frame["level"].value_counts()
    assert levels["subdistrict"] == 1
    assert 3 <= levels["community"] <= 4
    assert 8 <= levels["compound"] <= 15
    assert set(demo.communities()["name"]) >= {"东风社区", "西湖社区", "南山社区", "北苑社区"}
    assert demo.communities()["code"].str.fullmatch(r"\d{3}").all()


def test_demo_buildings_households_and_heights(demo):
    b = demo.buildings.frame
    assert 300 <= len(b) <= 600
    totals = demo.totals()
    assert totals["households"] > 0 and totals["residents"] > totals["households"]
    homes = b[b["households"] > 0]
    midrise = homes[homes["floors"] == 6]
    tall = homes[homes["floors"] >= 18]
    assert midrise["households"].between(24, 36).all() and len(midrise) > 100
    assert tall["households"].between(100, 200).all() and len(tall) > 20
    assert (homes["floors"] <= 3).any()
    assert not b["households_estimated"].any()  # survey figures, not estimates


def test_demo_has_centres_roster_and_branches(demo):
    centres = demo.centres.frame
    assert "示范街道党建+邻里中心" in set(centres["name"])
    services = {s for value in centres["services"] for s in value.split(";")}
    assert services <= set(demo.settings.services) and "health" in services
    workers = demo.workers.frame
    assert workers["phone"].str.fullmatch(r"138-0000-\d{4}").all()
    assert workers["phone"].is_unique and workers["name"].is_unique
    assert {"full_time", "part_time", "steward", "supervisor"} <= set(workers["role"])
    members = demo.branches.frame["full_members"]
    assert (members < 3).any() and (members >= 3).sum() > len(members) // 2


def test_demo_network_is_one_walkable_piece(demo):
    import networkx as nx
    import shapely

    graph = nx.Graph()
    for line in demo.network.frame.geometry:
        xy = shapely.get_coordinates(line).round(3)
        graph.add_edge(tuple(xy[0]), tuple(xy[-1]))
    assert nx.number_connected_components(graph) == 1
    assert {"primary", "footway"} <= set(demo.network.frame["highway"])


def test_helsinki_is_real_osm_data_with_attribution(helsinki):
    assert "OpenStreetMap" in helsinki.name and "ODbL" in helsinki.name
    assert helsinki.crs.to_epsg() == 32635  # UTM 35N
    for name in ("boundaries", "buildings", "network", "centres"):
        assert len(helsinki.layer(name)) > 0
    assert (helsinki.buildings.frame["source"].str.contains("OpenStreetMap")).all()
    assert 4 <= len(helsinki.communities()) <= 6
    totals = helsinki.totals()
    assert totals["households"] > 0
    assert totals["households_estimated"] == totals["buildings"]
    assert totals["residents"] == pytest.approx(totals["households"] * 2.6, rel=0.01)


@pytest.mark.parametrize("which", ["demo", "helsinki"])
def test_communities_tile_the_subdistrict(which, demo, helsinki):
    plan = {"demo": demo, "helsinki": helsinki}[which]
    sub = plan.boundaries_at("subdistrict").geometry.iloc[0]
    communities = plan.communities().geometry
    assert communities.area.sum() == pytest.approx(sub.area, rel=1e-6)
    assert (communities.geom_type == "Polygon").all()  # each one contiguous
    inside = plan.buildings.frame.geometry.representative_point().within(sub)
    assert inside.all()


@pytest.mark.parametrize("name", ["demo_subdistrict.gpkg", "helsinki.gpkg"])
def test_gridplanner_info_reads_the_samples(name, capsys):
    assert cli_main(["info", str(SAMPLES / name), "--json"]) == 0
    assert '"households"' in capsys.readouterr().out


def test_samples_are_small():
    for name in ("demo_subdistrict.gpkg", "helsinki.gpkg"):
        assert (SAMPLES / name).stat().st_size < 15e6


def test_rebuilding_the_demo_gives_the_same_plan(tmp_path, demo):
    path = _build_module().build_sample("demo", tmp_path)
    rebuilt = load_plan(path)
    assert _summary(rebuilt) == _summary(demo)
    pd.testing.assert_frame_equal(rebuilt.workers.frame, demo.workers.frame)


def test_rebuilding_helsinki_gives_the_same_plan(tmp_path, helsinki):
    start = time.perf_counter()
    plan = _build_module().build_plan("helsinki")
    if time.perf_counter() - start > 20:
        pytest.skip("Helsinki rebuild took over 20 s on this machine")
    assert _summary(plan) == _summary(helsinki)

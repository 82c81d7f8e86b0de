"""Importing walking networks: OSM XML/PBF and road centre lines."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from gridplanner.analysis.network.graph import walk_graph
from gridplanner.errors import ImportDataError
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model import Plan

CRS = "EPSG:32650"
X0, Y0 = 440000.0, 4420000.0


def _write(tmp_path, lines, **cols):
    path = tmp_path / "roads.geojson"
    gpd.GeoDataFrame(cols, geometry=lines, crs=CRS).to_file(path, driver="GeoJSON")
    return path


def _cross():
    return [shapely.LineString([(X0, Y0 + 100), (X0 + 200, Y0 + 100)]),
            shapely.LineString([(X0 + 100, Y0), (X0 + 100, Y0 + 200)])]


def test_lines_crossing_without_a_vertex_are_noded_only_when_asked(tmp_path):
    path = _write(tmp_path, _cross(), highway=["residential", "footway"])
    plan = Plan()
    import_file(plan, "network", path)
    assert len(plan.network) == 2
    assert walk_graph(plan).n_nodes == 4
    plan2 = Plan(crs=CRS)
    rep = import_file(plan2, "network", path, ImportOptions(extra={"node_crossings": True}))
    assert len(plan2.network) == 4 and rep.added == 4
    g = walk_graph(plan2)
    assert g.n_nodes == 5 and g.total_length() == pytest.approx(400)
    assert plan2.crs is not None and plan2.crs.is_projected


def test_lines_sharing_an_inner_vertex_are_split_there(tmp_path):
    a = shapely.LineString([(X0, Y0), (X0 + 100, Y0), (X0 + 200, Y0)])
    b = shapely.LineString([(X0 + 100, Y0), (X0 + 100, Y0 + 100)])
    plan = Plan()
    rep = import_file(plan, "network", _write(tmp_path, [a, b], highway=["path", "steps"]))
    assert len(plan.network) == 3
    assert any("split" in m for m in rep.repaired)
    assert sorted(plan.network.frame["highway"]) == ["path", "path", "steps"]
    assert walk_graph(plan).degree().max() == 3


def test_motorways_and_closed_ways_are_left_out(tmp_path):
    lines = [shapely.LineString([(X0, Y0 + 10 * i), (X0 + 100, Y0 + 10 * i)]) for i in range(4)]
    path = _write(tmp_path, lines, highway=["motorway", "footway", "residential", "service"],
                  foot=["", "", "no", ""], access=["", "", "", "private"])
    plan = Plan()
    rep = import_file(plan, "network", path)
    assert list(plan.network.frame["highway"]) == ["footway"]
    assert len(rep.skipped) == 3


def test_a_file_without_walkable_lines_changes_nothing(tmp_path):
    path = _write(tmp_path, _cross(), highway=["motorway", "motorway_link"])
    plan = Plan()
    with pytest.raises(ImportDataError, match="no walkable"):
        import_file(plan, "network", path)
    assert len(plan.network) == 0 and plan.crs is None


OSM_XML = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  <node id="1" lat="39.9000" lon="116.4000" version="1"/>
  <node id="2" lat="39.9000" lon="116.4010" version="1"/>
  <node id="3" lat="39.9010" lon="116.4010" version="1"/>
  <node id="4" lat="39.9010" lon="116.4000" version="1"/>
  <node id="5" lat="39.9020" lon="116.4000" version="1"/>
  <way id="10" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
  <way id="11" version="1"><nd ref="2"/><nd ref="3"/><tag k="highway" v="steps"/></way>
  <way id="12" version="1"><nd ref="3"/><nd ref="4"/><tag k="highway" v="motorway"/></way>
  <way id="13" version="1"><nd ref="4"/><nd ref="1"/><tag k="highway" v="residential"/><tag k="foot" v="no"/></way>
  <way id="14" version="1"><nd ref="4"/><nd ref="5"/><tag k="highway" v="service"/><tag k="access" v="private"/></way>
  <way id="15" version="1"><nd ref="1"/><nd ref="3"/><tag k="highway" v="residential"/><tag k="name" v="Main"/></way>
</osm>
"""


def test_osm_xml_keeps_walkable_ways(tmp_path):
    path = tmp_path / "area.osm"
    path.write_text(OSM_XML, encoding="utf-8")
    plan = Plan()
    import_file(plan, "network", path)
    assert sorted(plan.network.frame["highway"]) == ["footway", "residential", "steps"]
    assert plan.crs.to_epsg() == 4548  # CGCS2000 3-degree zone 117°E
    assert walk_graph(plan).n_nodes == 3


def test_osm_pbf_walking_network():
    pyrosm = pytest.importorskip("pyrosm")
    plan = Plan()
    rep = import_file(plan, "network", pyrosm.get_data("test_pbf"))
    assert rep.added > 200
    kinds = set(plan.network.frame["highway"])
    assert "footway" in kinds and "motorway" not in kinds
    assert walk_graph(plan).total_length() > 10_000

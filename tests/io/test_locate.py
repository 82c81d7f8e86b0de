"""Typed coordinates, name/code search and ground measurements (Qt-free)."""

from __future__ import annotations

import numpy as np
import pytest
from factories import street_grid_plan
from pyproj import Transformer

from gridplanner.errors import CRSError
from gridplanner.io.chinese_coords import wgs84_to_bd09, wgs84_to_gcj02
from gridplanner.io.locate import (
    ground_area,
    ground_length,
    parse_coordinates,
    search_features,
)

CRS = "EPSG:32650"
LON, LAT = 116.397428, 39.90923
TRUTH = Transformer.from_crs(4326, CRS, always_xy=True).transform(LON, LAT)


@pytest.mark.parametrize("system, convert", [("wgs84", None), ("gcj02", wgs84_to_gcj02),
                                              ("bd09", wgs84_to_bd09)])
def test_typed_degrees_land_on_the_place_to_the_metre(system, convert):
    lon, lat = (LON, LAT) if convert is None else (float(v) for v in convert(LON, LAT))
    for text in (f"{lon}, {lat}", f"{lat} {lon}", f"{lon}，{lat}"):
        x, y = parse_coordinates(text, system, CRS)
        assert np.hypot(x - TRUTH[0], y - TRUTH[1]) < 1.0, text


def test_plan_metres_and_bad_input():
    assert parse_coordinates("440000.5; 4420000", "plan", CRS) == (440000.5, 4420000.0)
    with pytest.raises(ValueError, match="two numbers"):
        parse_coordinates("Tiananmen", "wgs84", CRS)
    with pytest.raises(ValueError, match="longitude and latitude"):
        parse_coordinates("400, 500", "wgs84", CRS)
    with pytest.raises(CRSError):
        parse_coordinates("116, 39", "wgs84", None)


def test_search_by_name_and_code_best_first():
    plan = street_grid_plan()
    cells = plan.cells.frame
    assert len(plan.boundaries) and len(plan.buildings)
    community = str(plan.boundaries.frame["name"].iloc[0])
    hits = search_features(plan, community)
    assert hits[0].layer == "boundaries" and hits[0].label == community and hits[0].rank == 0
    if len(cells):
        code = str(cells["code"].iloc[0])
        if code:
            assert any(h.layer == "cells" for h in search_features(plan, code))
    assert search_features(plan, "   ") == []
    assert search_features(plan, "no such place at all") == []


def test_ground_measurements_match_the_ellipsoid():
    x, y = TRUTH
    square = [(x, y), (x + 1000, y), (x + 1000, y + 1000), (x, y + 1000)]
    length = ground_length(square[:2], CRS)
    assert length == pytest.approx(1000, rel=2e-3) and length != 1000.0
    assert ground_area(square, CRS) == pytest.approx(1e6, rel=4e-3)
    assert ground_length([(0, 0), (3, 4)], None) == 5.0
    assert ground_area([(0, 0), (2, 0), (2, 2), (0, 2)], None) == 4.0

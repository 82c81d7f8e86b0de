from __future__ import annotations

import numpy as np
import pytest
import shapely
from pyproj import Geod

from gridplanner.io import chinese_coords as cc

GEOD = Geod(ellps="WGS84")


def china_grid():
    lon, lat = np.meshgrid(np.linspace(74.0, 134.5, 56), np.linspace(18.5, 53.0, 40))
    return lon.ravel(), lat.ravel()


def metres(lon1, lat1, lon2, lat2):
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]


@pytest.mark.parametrize(("forward", "inverse"), [
    (cc.wgs84_to_gcj02, cc.gcj02_to_wgs84),
    (cc.wgs84_to_bd09, cc.bd09_to_wgs84),
    (cc.gcj02_to_bd09, cc.bd09_to_gcj02),
])
def test_round_trip_is_within_a_metre_across_china(forward, inverse):
    lon, lat = china_grid()
    shifted = forward(lon, lat)
    back = inverse(*shifted)
    assert metres(lon, lat, *shifted).min() > 1.0  # the offset really is applied
    assert metres(lon, lat, *back).max() < 1.0
    assert metres(lon, lat, *back).max() < 0.01  # in fact far better


def test_inverse_lands_back_on_the_offset_point():
    lon, lat = china_grid()
    gcj = (lon, lat)
    wgs = cc.gcj02_to_wgs84(*gcj)
    assert metres(*gcj, *cc.wgs84_to_gcj02(*wgs)).max() < 0.01


def test_offsets_have_the_size_map_users_see():
    # Beijing, Shanghai, Chengdu, Urumqi: GCJ-02 moves points by some
    # hundreds of metres, BD-09 moves them further again.
    lon = np.array([116.397, 121.474, 104.066, 87.617])
    lat = np.array([39.909, 31.230, 30.573, 43.826])
    gcj = metres(lon, lat, *cc.wgs84_to_gcj02(lon, lat))
    bd = metres(lon, lat, *cc.wgs84_to_bd09(lon, lat))
    assert ((gcj > 50) & (gcj < 1000)).all()
    assert ((bd > 300) & (bd < 2000)).all()


def test_outside_china_coordinates_are_unchanged():
    lon = np.array([-0.1276, -74.006, 151.209, 2.352, 139.76])
    lat = np.array([51.507, 40.713, -33.868, 48.857, 35.68])
    for func in (cc.wgs84_to_gcj02, cc.gcj02_to_wgs84, cc.wgs84_to_bd09, cc.bd09_to_wgs84):
        out_lon, out_lat = func(lon, lat)
        np.testing.assert_array_equal(out_lon, lon)
        np.testing.assert_array_equal(out_lat, lat)


def test_scalars_work_too():
    lon, lat = cc.gcj02_to_wgs84(116.40324, 39.90940)
    assert np.ndim(lon) == 0 and abs(float(lon) - 116.397) < 0.001 and abs(float(lat) - 39.908) < 0.001


def test_geometries_move_vertex_by_vertex_and_back():
    poly = shapely.Polygon([(116.30, 39.90), (116.32, 39.90), (116.32, 39.92), (116.30, 39.92)])
    geoms = np.array([poly, shapely.Point(121.47, 31.23), None], dtype=object)
    gcj = cc.geometries_from_wgs84(geoms, "gcj02")
    assert gcj[2] is None
    ring = shapely.get_coordinates(gcj[0])
    expect = np.column_stack(cc.wgs84_to_gcj02(*shapely.get_coordinates(poly).T))
    np.testing.assert_allclose(ring, expect)
    back = cc.geometries_to_wgs84(gcj, "gcj02")
    diff = shapely.get_coordinates(back[0]) - shapely.get_coordinates(poly)
    assert np.abs(diff).max() < 1e-7  # ~1 cm
    assert cc.geometries_to_wgs84(geoms, "wgs84") is geoms


def test_unknown_system_is_refused():
    with pytest.raises(ValueError, match="unknown coordinate system"):
        cc.geometries_to_wgs84(shapely.Point(116, 39), "bj54")

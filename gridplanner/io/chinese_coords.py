"""GCJ-02 (Amap, Tencent) and BD-09 (Baidu) coordinates to and from WGS84.

PROJ does not know these offset systems, so the conversion is ours. The
forward formulas (WGS84 → GCJ-02 → BD-09) are public; their inverses have no
closed form, so they are solved by fixed-point iteration until the forward
transform of the answer matches the input to ~1e-9° (a tenth of a millimetre),
which keeps a round trip well within a metre.

Outside the conventional box of China the offset is not applied, as every
map provider does. All functions take and return numpy arrays (or scalars)
of longitude and latitude in degrees.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely

#: Krasovsky 1940 ellipsoid, as the GCJ-02 formula uses it.
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0
#: The box the providers treat as "China" (lon0, lat0, lon1, lat1).
CHINA_BOX = (72.004, 0.8293, 137.8347, 55.8271)
_TOLERANCE_DEG = 1e-9
_MAX_ITERATIONS = 30

COORD_SYSTEMS = ("wgs84", "gcj02", "bd09")

Arrays = tuple[np.ndarray, np.ndarray]


def outside_china(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """True where a point lies outside the box in which the offset applies."""
    lon = np.asarray(lon, dtype="float64")
    lat = np.asarray(lat, dtype="float64")
    x0, y0, x1, y1 = CHINA_BOX
    return (lon < x0) | (lon > x1) | (lat < y0) | (lat > y1)


def _offset_lat(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return ret


def _offset_lon(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return ret


def _as_arrays(lon: np.ndarray, lat: np.ndarray) -> Arrays:
    lon_a, lat_a = np.broadcast_arrays(
        np.asarray(lon, dtype="float64"), np.asarray(lat, dtype="float64")
    )
    return lon_a.copy(), lat_a.copy()


def wgs84_to_gcj02(lon: np.ndarray, lat: np.ndarray) -> Arrays:
    """GCJ-02 longitude and latitude of WGS84 points (the public formula)."""
    lon, lat = _as_arrays(lon, lat)
    dlat = _offset_lat(lon - 105.0, lat - 35.0)
    dlon = _offset_lon(lon - 105.0, lat - 35.0)
    rad = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad) * np.pi)
    out = outside_china(lon, lat)
    return np.where(out, lon, lon + dlon), np.where(out, lat, lat + dlat)


def gcj02_to_bd09(lon: np.ndarray, lat: np.ndarray) -> Arrays:
    """BD-09 longitude and latitude of GCJ-02 points (the public formula)."""
    x, y = _as_arrays(lon, lat)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    bd_lon, bd_lat = z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006
    out = outside_china(x, y)
    return np.where(out, x, bd_lon), np.where(out, y, bd_lat)


def _invert(forward: Callable[[np.ndarray, np.ndarray], Arrays], lon, lat) -> Arrays:
    """Solve forward(w) = target by fixed-point iteration (the offset is smooth and small)."""
    target_lon, target_lat = _as_arrays(lon, lat)
    w_lon, w_lat = target_lon.copy(), target_lat.copy()
    for _ in range(_MAX_ITERATIONS):
        f_lon, f_lat = forward(w_lon, w_lat)
        d_lon, d_lat = f_lon - target_lon, f_lat - target_lat
        w_lon, w_lat = w_lon - d_lon, w_lat - d_lat
        if np.nanmax(np.abs(d_lon), initial=0.0) < _TOLERANCE_DEG and np.nanmax(
            np.abs(d_lat), initial=0.0
        ) < _TOLERANCE_DEG:
            break
    keep = outside_china(target_lon, target_lat)
    return np.where(keep, target_lon, w_lon), np.where(keep, target_lat, w_lat)


def gcj02_to_wgs84(lon: np.ndarray, lat: np.ndarray) -> Arrays:
    """WGS84 longitude and latitude of GCJ-02 points (iterative inverse)."""
    return _invert(wgs84_to_gcj02, lon, lat)


def bd09_to_gcj02(lon: np.ndarray, lat: np.ndarray) -> Arrays:
    """GCJ-02 longitude and latitude of BD-09 points (iterative inverse)."""
    return _invert(gcj02_to_bd09, lon, lat)


def bd09_to_wgs84(lon: np.ndarray, lat: np.ndarray) -> Arrays:
    """WGS84 longitude and latitude of BD-09 points."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def wgs84_to_bd09(lon: np.ndarray, lat: np.ndarray) -> Arrays:
    """BD-09 longitude and latitude of WGS84 points."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


_TO_WGS84 = {"gcj02": gcj02_to_wgs84, "bd09": bd09_to_wgs84}
_FROM_WGS84 = {"gcj02": wgs84_to_gcj02, "bd09": wgs84_to_bd09}


def _converter(coords: str, table: dict) -> Callable[[np.ndarray, np.ndarray], Arrays] | None:
    key = coords.lower().replace("-", "").replace("_", "")
    if key == "wgs84":
        return None
    if key not in table:
        raise ValueError(f"unknown coordinate system {coords!r} (use one of {', '.join(COORD_SYSTEMS)})")
    return table[key]


def _apply(func: Callable[[np.ndarray, np.ndarray], Arrays], geometries):
    def on_xy(xy: np.ndarray) -> np.ndarray:
        lon, lat = func(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])

    return shapely.transform(geometries, on_xy)


def geometries_to_wgs84(geometries, coords: str):
    """Shapely geometries (scalar or array) given in ``coords`` moved to WGS84."""
    func = _converter(coords, _TO_WGS84)
    return geometries if func is None else _apply(func, geometries)


def geometries_from_wgs84(geometries, coords: str):
    """WGS84 shapely geometries (scalar or array) moved into ``coords``."""
    func = _converter(coords, _FROM_WGS84)
    return geometries if func is None else _apply(func, geometries)

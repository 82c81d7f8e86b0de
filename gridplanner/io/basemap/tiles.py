"""Which tiles cover a view, and where their corners fall in the plan's CRS.

Tile services cut the world in web-mercator tiles (z, x, y; mercantile
does the maths). The plan is drawn in a local metric CRS (a Gauss-Krüger or
UTM zone), in which a tile is a slightly rotated, slightly scaled
quadrilateral: :func:`tiles_for_view` gives each tile's four corners in plan
coordinates, and the renderer maps the tile image onto them. Over one tile
(a few hundred metres at street zoom) that map is exact to well under a
pixel.

A GCJ-02 or BD-09 service draws the world shifted by up to ~600 m; its tile
corners are lon/lat in that datum, so they are converted to WGS84 with
:mod:`gridplanner.io.chinese_coords` before projecting. The shift changes by
millimetres across a tile, so imagery lines up with WGS84/CGCS2000 data to
within the conversion's own error (centimetres).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import mercantile
import numpy as np
from pyproj import CRS, Transformer

from gridplanner.io.chinese_coords import (
    bd09_to_wgs84,
    gcj02_to_wgs84,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)

Box = tuple[float, float, float, float]
#: Metres per pixel of a 256-pixel tile at zoom 0 on the equator.
Z0_RESOLUTION = 2 * math.pi * 6378137.0 / 256
MAX_LAT = 85.05112878
MAX_TILES = 400


@dataclass(frozen=True)
class TileRequest:
    """One tile (or raster block) to draw.

    ``corners`` are the plan coordinates of the image's top-left, top-right,
    bottom-right and bottom-left corners.
    """

    source: str
    z: int
    x: int
    y: int
    corners: tuple[tuple[float, float], ...]

    @property
    def key(self) -> tuple[str, int, int, int]:
        return (self.source, self.z, self.x, self.y)


@lru_cache(maxsize=32)
def transformer(src: Any, dst: Any) -> Transformer:
    """A cached always-xy transformer between two CRS (as WKT or EPSG text)."""
    return Transformer.from_crs(CRS.from_user_input(src), CRS.from_user_input(dst), always_xy=True)


def crs_key(crs: Any) -> str:
    """A hashable text for a CRS (EPSG code when it has one)."""
    crs = CRS.from_user_input(crs)
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.to_wkt()


def view_lonlat(box: Box, plan_crs: Any, samples: int = 5) -> Box:
    """The WGS84 lon/lat bounds of a plan-CRS box (edges sampled, not only corners)."""
    x0, y0, x1, y1 = box
    t = np.linspace(0.0, 1.0, samples)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(samples, x1), x0 + (x1 - x0) * t,
                         np.full(samples, x0)])
    ys = np.concatenate([np.full(samples, y0), y0 + (y1 - y0) * t, np.full(samples, y1),
                         y0 + (y1 - y0) * t])
    lon, lat = transformer(crs_key(plan_crs), "EPSG:4326").transform(xs, ys)
    return (float(np.min(lon)), float(np.min(lat)), float(np.max(lon)), float(np.max(lat)))


def zoom_for(pixel_size: float, lat: float, min_zoom: int = 0, max_zoom: int = 19) -> int:
    """The tile zoom whose ground resolution best matches ``pixel_size`` metres."""
    ground = Z0_RESOLUTION * max(math.cos(math.radians(lat)), 1e-6)
    exact = math.log2(ground / max(pixel_size, 1e-6))
    return int(min(max(math.ceil(exact - 0.3), min_zoom), max_zoom))


def to_service(lon: np.ndarray, lat: np.ndarray, coords: str) -> tuple[np.ndarray, np.ndarray]:
    if coords == "gcj02":
        return wgs84_to_gcj02(lon, lat)
    if coords == "bd09":
        return wgs84_to_bd09(lon, lat)
    return np.asarray(lon, float), np.asarray(lat, float)


def from_service(lon: np.ndarray, lat: np.ndarray, coords: str) -> tuple[np.ndarray, np.ndarray]:
    if coords == "gcj02":
        return gcj02_to_wgs84(lon, lat)
    if coords == "bd09":
        return bd09_to_wgs84(lon, lat)
    return np.asarray(lon, float), np.asarray(lat, float)


def tiles_for_view(source: str, box: Box, pixel_size: float, plan_crs: Any, *,
                   coords: str = "wgs84", min_zoom: int = 0, max_zoom: int = 19,
                   max_tiles: int = MAX_TILES) -> list[TileRequest]:
    """The web-mercator tiles covering ``box`` (plan CRS), nearest the centre first.

    Parameters
    ----------
    source
        the source's cache id, copied into every request.
    pixel_size
        plan metres per device pixel; picks the zoom.
    coords
        the datum the service draws in (``wgs84``, ``gcj02``, ``bd09``).
    max_tiles
        the zoom is lowered until the view needs no more tiles than this.
    """
    w, s, e, n = view_lonlat(box, plan_crs)
    lon, lat = to_service(np.array([w, e, w, e]), np.array([s, s, n, n]), coords)
    w, e = float(lon.min()), float(lon.max())
    s, n = max(float(lat.min()), -MAX_LAT), min(float(lat.max()), MAX_LAT)
    if s >= n or w >= e:
        return []
    z = zoom_for(pixel_size, (s + n) / 2, min_zoom, max_zoom)
    while True:
        ul, lr = mercantile.tile(w, n, z), mercantile.tile(e, s, z)
        count = (lr.x - ul.x + 1) * (lr.y - ul.y + 1)
        if count <= max_tiles or z <= min_zoom:
            break
        z -= 1
    tiles = [mercantile.Tile(x, y, z) for x in range(ul.x, lr.x + 1)
             for y in range(ul.y, lr.y + 1)][:max_tiles * 4]
    if not tiles:
        return []
    corners = tile_corners(tiles, plan_crs, coords)
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    mid = corners.mean(axis=1)
    order = np.argsort((mid[:, 0] - cx) ** 2 + (mid[:, 1] - cy) ** 2, kind="stable")
    return [TileRequest(source, t.z, t.x, t.y, tuple(map(tuple, corners[i].tolist())))
            for i in order for t in (tiles[int(i)],)]


def tile_corners(tiles: list[mercantile.Tile], plan_crs: Any, coords: str = "wgs84"
                 ) -> np.ndarray:
    """Plan coordinates of each tile's TL, TR, BR, BL corners: shape (n, 4, 2)."""
    b = np.array([mercantile.bounds(t) for t in tiles])  # west, south, east, north
    lon = np.stack([b[:, 0], b[:, 2], b[:, 2], b[:, 0]], axis=1).ravel()
    lat = np.stack([b[:, 3], b[:, 3], b[:, 1], b[:, 1]], axis=1).ravel()
    lon, lat = from_service(lon, lat, coords)
    x, y = transformer("EPSG:4326", crs_key(plan_crs)).transform(lon, lat)
    return np.stack([np.asarray(x), np.asarray(y)], axis=1).reshape(len(tiles), 4, 2)

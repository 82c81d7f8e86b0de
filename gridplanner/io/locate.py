"""Finding places: typed coordinates, names and codes, and ground measurements.

Qt-free helpers behind the window's map tools:

* :func:`parse_coordinates` reads "116.397, 39.909" (WGS84 or GCJ-02/BD-09
  degrees, in either order when unambiguous) or "440123.4 4420456.7" (plan
  metres) and returns plan coordinates;
* :func:`search_features` finds boundaries, cells, buildings and centres by
  name or code (exact matches first, then prefix, then substring);
* :func:`ground_length` / :func:`ground_area` measure along the ellipsoid
  (pyproj's Geod on CGCS2000/WGS84), so a distance is the one on the ground
  and not the projection's, which differs by up to ~1/2500 at the edge of a
  Gauss-Krüger zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from pyproj import CRS, Geod, Transformer

from gridplanner.errors import CRSError
from gridplanner.io.chinese_coords import bd09_to_wgs84, gcj02_to_wgs84

#: Coordinate systems a user may type in: degrees in one of three datums, or plan metres.
TYPED_SYSTEMS = ("wgs84", "gcj02", "bd09", "plan")
SEARCH_LAYERS = ("boundaries", "cells", "micro_grids", "buildings", "centres")
SEARCH_FIELDS = ("name", "code")
_GEOD = Geod(ellps="WGS84")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _to_wgs84(crs: Any) -> Transformer:
    return Transformer.from_crs(CRS.from_user_input(crs), "EPSG:4326", always_xy=True)


def parse_coordinates(text: str, system: str, plan_crs: Any) -> tuple[float, float]:
    """Plan coordinates of a typed position.

    Parameters
    ----------
    text
        two numbers separated by a comma, space or semicolon; for degrees
        "lon, lat" (or "lat, lon" when the first cannot be a longitude in
        China's range and the second can).
    system
        ``wgs84``, ``gcj02``, ``bd09`` (degrees) or ``plan`` (plan metres).

    Raises
    ------
    ValueError
        with a message for the user when the text is not a position.
    """
    numbers = [float(n) for n in _NUMBER.findall(text.replace("，", ","))]
    if len(numbers) != 2:
        raise ValueError(f"“{text}” is not two numbers (e.g. 116.3974, 39.9093)")
    a, b = numbers
    if system == "plan":
        return a, b
    if system not in TYPED_SYSTEMS:
        raise ValueError(f"unknown coordinate system {system!r}")
    if plan_crs is None:
        raise CRSError("the plan has no coordinate system yet: import data first")
    lon, lat = (b, a) if abs(a) <= 90 < abs(b) <= 180 else (a, b)
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"“{text}” is not a longitude and latitude in degrees")
    if system == "gcj02":
        lon, lat = (float(v) for v in gcj02_to_wgs84(np.array(lon), np.array(lat)))
    elif system == "bd09":
        lon, lat = (float(v) for v in bd09_to_wgs84(np.array(lon), np.array(lat)))
    x, y = Transformer.from_crs("EPSG:4326", CRS.from_user_input(plan_crs),
                                always_xy=True).transform(lon, lat)
    return float(x), float(y)


def plan_to_lonlat(x: float, y: float, plan_crs: Any) -> tuple[float, float]:
    """WGS84 degrees of a plan position."""
    lon, lat = _to_wgs84(plan_crs).transform(x, y)
    return float(lon), float(lat)


@dataclass(frozen=True)
class SearchHit:
    """One feature found: its layer, fid and the text that matched."""

    layer: str
    fid: int
    label: str
    rank: int  # 0 exact, 1 prefix, 2 contains


def search_features(plan: Any, text: str, limit: int = 50,
                    layers: tuple[str, ...] = SEARCH_LAYERS) -> list[SearchHit]:
    """Features whose name or code matches ``text`` (case-insensitive), best first."""
    needle = text.strip().lower()
    if not needle:
        return []
    hits: list[SearchHit] = []
    for name in layers:
        if name not in plan.layers:
            continue
        frame = plan.layer(name).frame
        for field in SEARCH_FIELDS:
            if field not in frame.columns or frame.empty:
                continue
            values = frame[field].astype("string").fillna("")
            lower = values.str.lower()
            found = lower.str.contains(needle, regex=False)
            for fid, value in values[found].items():
                v = str(value)
                rank = 0 if v.lower() == needle else 1 if v.lower().startswith(needle) else 2
                hits.append(SearchHit(name, int(fid), v, rank))
    best: dict[tuple[str, int], SearchHit] = {}
    for hit in hits:
        key = (hit.layer, hit.fid)
        if key not in best or hit.rank < best[key].rank:
            best[key] = hit
    ordered = sorted(best.values(), key=lambda h: (h.rank, SEARCH_LAYERS.index(h.layer)
                                                    if h.layer in SEARCH_LAYERS else 99, h.label))
    return ordered[:limit]


def ground_length(xy: np.ndarray | list, plan_crs: Any) -> float:
    """Length in metres on the ground of the line through ``xy`` (plan coordinates)."""
    xy = np.asarray(xy, dtype="float64").reshape(-1, 2)
    if len(xy) < 2:
        return 0.0
    if plan_crs is None:
        return float(np.hypot(*np.diff(xy, axis=0).T).sum())
    lon, lat = _to_wgs84(plan_crs).transform(xy[:, 0], xy[:, 1])
    return float(_GEOD.line_length(lon, lat))


def ground_area(xy: np.ndarray | list, plan_crs: Any) -> float:
    """Area in m² on the ground of the polygon through ``xy`` (plan coordinates)."""
    xy = np.asarray(xy, dtype="float64").reshape(-1, 2)
    if len(xy) < 3:
        return 0.0
    if plan_crs is None:
        x, y = xy[:, 0], xy[:, 1]
        return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)
    lon, lat = _to_wgs84(plan_crs).transform(xy[:, 0], xy[:, 1])
    area, _ = _GEOD.polygon_area_perimeter(lon, lat)
    return float(abs(area))


def feature_bounds(plan: Any, layer: str, fids: list[int]) -> tuple[float, ...] | None:
    """The bounds of some features of a layer, or None."""
    frame = plan.layer(layer).frame
    rows = frame.loc[[f for f in fids if f in frame.index]]
    if rows.empty or "geometry" not in rows.columns:
        return None
    geoms = rows.geometry
    geoms = geoms[~(geoms.isna() | geoms.is_empty)] if isinstance(geoms, pd.Series) else geoms
    if len(geoms) == 0:
        return None
    return tuple(float(v) for v in geoms.total_bounds)

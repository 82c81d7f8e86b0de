"""Coordinate systems: reading them, and choosing the plan's metric CRS.

Analysis happens in one local metric CRS chosen from the data's extent:
inside China a CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534–4554, the
zones surveying offices deliver), elsewhere the WGS84 UTM zone.
"""

from __future__ import annotations

import math
from typing import Any

from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError as PyprojCRSError

from gridplanner.errors import CRSError

WGS84 = CRS.from_epsg(4326)

# Rough box of mainland China, Hong Kong, Macao and Taiwan in degrees.
_CHINA_BOX = (73.0, 18.0, 135.5, 53.6)


def parse_crs(value: Any, *, source: str = "") -> CRS:
    """A CRS from user input (EPSG code, 'EPSG:4490', WKT, PROJ string)."""
    where = f"{source}: " if source else ""
    if isinstance(value, CRS):
        return value
    text = str(value).strip()
    if text.isdigit():
        text = f"EPSG:{text}"
    try:
        return CRS.from_user_input(text)
    except PyprojCRSError as exc:
        raise CRSError(f"{where}unknown coordinate system {value!r}") from exc


def saved_crs(text: str | None, *, source: str) -> CRS | None:
    """The CRS a plan file saved (WKT), None when it has none yet.

    Raises
    ------
    CRSError
        Naming ``source`` when the saved text is not a coordinate system.
    """
    if not text or not str(text).strip():
        return None
    try:
        return CRS.from_user_input(str(text))
    except PyprojCRSError as exc:
        shown = str(text)[:60] + ("…" if len(str(text)) > 60 else "")
        raise CRSError(f"{source}: the saved coordinate system is damaged (not a coordinate "
                       f"system: {shown!r})") from exc


def in_china(lon: float, lat: float) -> bool:
    x0, y0, x1, y1 = _CHINA_BOX
    return x0 <= lon <= x1 and y0 <= lat <= y1


def metric_crs_for(bounds_lonlat: tuple[float, float, float, float]) -> CRS:
    """The local metric CRS for data with these WGS84 bounds."""
    minx, miny, maxx, maxy = bounds_lonlat
    if any(math.isnan(v) for v in bounds_lonlat):
        raise CRSError("cannot choose a metric CRS: the data have no extent")
    lon = (minx + maxx) / 2.0
    lat = (miny + maxy) / 2.0
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise CRSError(f"centre {lon:.3f}, {lat:.3f} is not a longitude/latitude")
    if in_china(lon, lat):
        zone_cm = int(round(lon / 3.0)) * 3  # central meridians 75°E … 135°E
        zone_cm = min(max(zone_cm, 75), 135)
        return CRS.from_epsg(4534 + (zone_cm - 75) // 3)
    zone = int((lon + 180) // 6) + 1
    zone = min(max(zone, 1), 60)
    return CRS.from_epsg((32600 if lat >= 0 else 32700) + zone)


def lonlat_bounds(
    bounds: tuple[float, float, float, float], crs: Any,
) -> tuple[float, float, float, float]:
    """Bounds in WGS84 degrees of a box given in ``crs``."""
    transformer = Transformer.from_crs(CRS.from_user_input(crs), WGS84, always_xy=True)
    minx, miny, maxx, maxy = transformer.transform_bounds(*bounds)
    return minx, miny, maxx, maxy

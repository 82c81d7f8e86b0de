"""Opening a basemap: the tile source that reads a basemap spec.

Kept apart from :mod:`~gridplanner.io.basemap.fetch` (web and MBTiles
sources) and :mod:`~gridplanner.io.basemap.raster` (imagery), which both
build on ``fetch``, so that neither imports the other back.
"""

from __future__ import annotations

from collections.abc import Mapping

from gridplanner.io.basemap.cache import TileCache
from gridplanner.io.basemap.fetch import MBTilesSource, TileSource, WebTileSource
from gridplanner.io.basemap.sources import BasemapSpec


def open_source(spec: BasemapSpec, cache: TileCache | None = None,
                keys: Mapping[str, str] | None = None) -> TileSource:
    """The :class:`TileSource` reading ``spec`` (raises BasemapError if it cannot)."""
    if spec.kind == "mbtiles":
        return MBTilesSource(spec)
    if spec.kind == "raster":  # rasterio is loaded only when imagery is used
        from gridplanner.io.basemap.raster import RasterSource

        return RasterSource(spec)
    return WebTileSource(spec, cache if cache is not None else TileCache(), keys)

"""Basemaps: tile services and offline imagery behind the plan. Qt-free.

``sources`` describes a basemap (:class:`BasemapSpec`: XYZ/TMS templates,
WMTS such as Tianditu, OSM, MBTiles, GeoTIFF) and the presets; ``tiles``
plans which tiles cover a view and where their corners fall in the plan's
metric CRS (GCJ-02/BD-09 services shifted onto WGS84); ``fetch`` reads
tile bytes from a server, an MBTiles file or a raster, through the disk
``cache`` (size-limited). Imports gridplanner.errors, io.chinese_coords and
io.atomic only; drawing lives in gridplanner.render.basemap.
"""

from gridplanner.io.basemap.cache import TileCache, default_cache_dir
from gridplanner.io.basemap.fetch import TileSource
from gridplanner.io.basemap.opening import open_source
from gridplanner.io.basemap.sources import (
    PRESETS,
    BasemapSpec,
    resolve_basemap,
    split_key,
)
from gridplanner.io.basemap.tiles import TileRequest, tiles_for_view

__all__ = [
    "PRESETS",
    "BasemapSpec",
    "TileCache",
    "TileRequest",
    "TileSource",
    "default_cache_dir",
    "open_source",
    "resolve_basemap",
    "split_key",
    "tiles_for_view",
]

"""Reading tiles: from a tile server (through the disk cache), an MBTiles file or a raster.

Every source answers two questions: :meth:`TileSource.requests` — which
tiles cover this view, with their corners in the plan's CRS — and
:meth:`TileSource.read` — the tile's image, as encoded bytes (PNG/JPEG/WebP
from servers and MBTiles) or an RGBA ``uint8`` array (raster blocks), or
None where the source has no tile. ``read`` is called from worker threads;
each thread gets its own SQLite connection or raster handle.

A server that does not answer is not asked again for ``RETRY_S`` seconds:
the map goes on with the tiles already cached, and :attr:`TileSource.status`
says why the rest are missing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any

import numpy as np

from gridplanner import __version__
from gridplanner.errors import BasemapError
from gridplanner.io.basemap.cache import TileCache
from gridplanner.io.basemap.sources import BasemapSpec, basemap_error
from gridplanner.io.basemap.tiles import Box, TileRequest, crs_key, tiles_for_view, transformer

Payload = bytes | np.ndarray | None
RETRY_S = 30.0
TIMEOUT_S = 8.0
_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def is_image(data: bytes) -> bool:
    """True when ``data`` starts like a PNG, JPEG, GIF or WebP image."""
    return data.startswith(_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def key_from_env(name: str) -> str:
    """A service key from ``$GRIDPLANNER_KEY_<NAME>`` (e.g. GRIDPLANNER_KEY_TIANDITU)."""
    return os.environ.get(f"GRIDPLANNER_KEY_{name.upper()}", "") if name else ""


class TileSource(ABC):
    """Base class: a basemap that can list and read its tiles.

    Subclasses (web tiles, MBTiles, raster imagery) implement :meth:`read`.
    """

    def __init__(self, spec: BasemapSpec):
        self.spec = spec
        self.status = ""
        self._local = threading.local()

    @property
    def cache_id(self) -> str:
        return self.spec.cache_id

    def requests(self, box: Box, pixel_size: float, plan_crs: Any) -> list[TileRequest]:
        """The tiles covering ``box`` (plan CRS) at ``pixel_size`` metres per pixel."""
        return tiles_for_view(self.cache_id, box, pixel_size, plan_crs, coords=self.spec.coords,
                              min_zoom=self.spec.min_zoom, max_zoom=self.spec.max_zoom)

    @abstractmethod
    def read(self, request: TileRequest) -> Payload:
        """The image of one tile: encoded bytes, an RGBA array, or None when it has none."""

    def plan_extent(self, plan_crs: Any) -> Box | None:
        """The area the source covers in plan coordinates (None: the whole world)."""
        return None

    def close(self) -> None:
        """Forget per-thread handles (they close when their thread ends)."""
        self._local = threading.local()


class WebTileSource(TileSource):
    """An XYZ/TMS/WMTS server, read through a :class:`TileCache`."""

    def __init__(self, spec: BasemapSpec, cache: TileCache | None = None,
                 keys: Mapping[str, str] | None = None, timeout: float = TIMEOUT_S):
        super().__init__(spec)
        self.cache = cache
        self.key = (keys or {}).get(spec.key_name, "") or key_from_env(spec.key_name)
        self.timeout = timeout
        self._offline_until = 0.0

    def read(self, request: TileRequest) -> Payload:
        z, x, y = request.z, request.x, request.y
        if self.cache is not None and (data := self.cache.get(self.cache_id, z, x, y)):
            return data
        if time.monotonic() < self._offline_until:
            return None
        url = self.spec.tile_url(z, x, y, self.key)
        data = self._download(url, request)
        if data is None:
            return None
        if not is_image(data):
            raise basemap_error("not_image", f"basemap {self.spec.name}: tile {z}/{x}/{y} is not "
                                f"an image (the server sent {len(data)} bytes of something else)",
                                name=self.spec.name, tile=f"{z}/{x}/{y}")
        if self.cache is not None:
            self.cache.put(self.cache_id, z, x, y, data)
        return data

    def _download(self, url: str, request: TileRequest) -> bytes | None:
        agent = f"gridplanner/{__version__} (+desktop GIS)"
        req = urllib.request.Request(url, headers={"User-Agent": agent})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as response:
                return bytes(response.read())
        except urllib.error.HTTPError as exc:
            if exc.code in (404, 204):
                return None  # no tile here at this zoom
            where = f"tile {request.z}/{request.x}/{request.y}"
            hint = " — check the key" if exc.code in (401, 403) else ""
            raise basemap_error("refused", f"basemap {self.spec.name}: the server refused {where} "
                                f"(HTTP {exc.code}{hint})", name=self.spec.name,
                                code=exc.code) from exc
        except (urllib.error.URLError, OSError) as exc:
            self._offline_until = time.monotonic() + RETRY_S
            reason = getattr(exc, "reason", exc)
            raise basemap_error("dead_server", f"basemap {self.spec.name}: the tile server does "
                                f"not answer ({reason}); showing cached tiles only",
                                name=self.spec.name, why=str(reason)) from exc


class MBTilesSource(TileSource):
    """An MBTiles file: tiles in SQLite, TMS row order, web mercator."""

    def __init__(self, spec: BasemapSpec):
        super().__init__(spec)
        con = self._connection()
        try:
            meta = dict(con.execute("SELECT name, value FROM metadata").fetchall())
            con.execute("SELECT 1 FROM tiles LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:
            raise BasemapError(f"{spec.url}: not an MBTiles file ({exc})") from exc
        zooms = con.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        lo = int(meta.get("minzoom", zooms[0] if zooms[0] is not None else 0))
        hi = int(meta.get("maxzoom", zooms[1] if zooms[1] is not None else 19))
        self.spec = spec.with_changes(min_zoom=lo, max_zoom=max(lo, hi),
                                      attribution=spec.attribution or meta.get("attribution", ""))
        self.format = meta.get("format", "png")
        self.bounds = _bounds(meta.get("bounds", ""))

    def plan_extent(self, plan_crs: Any) -> Box | None:
        if self.bounds is None:
            return None
        return box_to_plan(self.bounds, "EPSG:4326", plan_crs)

    def _connection(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            if not os.path.isfile(self.spec.url):
                raise BasemapError(f"{self.spec.url}: no such MBTiles file")
            try:
                con = sqlite3.connect(f"file:{self.spec.url}?mode=ro", uri=True)
            except sqlite3.Error as exc:
                raise BasemapError(f"{self.spec.url}: cannot open the MBTiles file ({exc})") from exc
            self._local.con = con
        return con

    def read(self, request: TileRequest) -> Payload:
        row = (1 << request.z) - 1 - request.y
        try:
            found = self._connection().execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                (request.z, request.x, row)).fetchone()
        except sqlite3.DatabaseError as exc:
            raise basemap_error("unreadable", f"{self.spec.url}: tile {request.z}/{request.x}/"
                                f"{request.y} cannot be read ({exc})", name=self.spec.name,
                                file=self.spec.url) from exc
        if found is None or found[0] is None:
            return None
        data = bytes(found[0])
        if not is_image(data):
            raise BasemapError(f"{self.spec.url}: tile {request.z}/{request.x}/{request.y} is "
                               "not an image (vector MBTiles are not supported)")
        return data


def _bounds(text: str) -> Box | None:
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        return None
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None


def box_to_plan(box: Box, crs: Any, plan_crs: Any) -> Box:
    """A box in ``crs`` as the bounds of its outline in the plan CRS."""
    x0, y0, x1, y1 = box
    t = np.linspace(0.0, 1.0, 9)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(9, x1), x0 + (x1 - x0) * t, np.full(9, x0)])
    ys = np.concatenate([np.full(9, y0), y0 + (y1 - y0) * t, np.full(9, y1), y0 + (y1 - y0) * t])
    x, y = transformer(crs_key(crs), crs_key(plan_crs)).transform(xs, ys)
    return (float(np.min(x)), float(np.min(y)), float(np.max(x)), float(np.max(y)))

"""Basemap test material made in code: a tile server on 127.0.0.1, PNG tiles,
an MBTiles file and a GeoTIFF orthophoto (no network, no shipped binaries).

Every tile is a solid colour that encodes its z/x/y, so a test can tell
which tile was drawn where; the server counts the requests it answers.
"""

from __future__ import annotations

import http.server
import sqlite3
import struct
import threading
import zlib
from pathlib import Path

import numpy as np


def png_bytes(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A solid-colour RGB PNG, written with zlib (no Qt, no Pillow)."""
    row = b"\x00" + bytes(rgb) * size
    raw = row * size

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def tile_colour(z: int, x: int, y: int) -> tuple[int, int, int]:
    return (40 + (x * 37) % 200, 40 + (y * 53) % 200, 40 + (z * 11) % 200)


class TileServer:
    """A local XYZ server: ``/{z}/{x}/{y}.png``; ``/bad/...`` answers non-image bytes;
    ``/wmts?...`` is a WMTS KVP GetTile endpoint that wants ``tk=GOODKEY``."""

    def __init__(self, delay_s: float = 0.0):
        self.requests: list[str] = []
        self.delay_s = delay_s
        self.key = "GOODKEY"  # the tk the /wmts endpoint accepts
        self._png: dict[tuple[int, int, int], bytes] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                server.requests.append(self.path)
                parts = self.path.strip("/").split("/")
                if parts[0].startswith("wmts"):  # KVP GetTile, key checked like Tianditu's
                    self._wmts()
                    return
                if parts[0] == "bad":
                    body, kind = b"<html>quota exceeded</html>", "text/html"
                else:
                    try:
                        z, x, y = (int(p.split(".")[0]) for p in parts[-3:])
                    except ValueError:
                        self.send_error(404)
                        return
                    body, kind = server.tile(z, x, y), "image/png"
                if server.delay_s:
                    threading.Event().wait(server.delay_s)
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _wmts(self):
                from urllib.parse import parse_qs, urlsplit

                q = {k.upper(): v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                if q.get("TK") != server.key:
                    self.send_error(403)
                    return
                body = server.tile(int(q["TILEMATRIX"]), int(q["TILECOL"]), int(q["TILEROW"]))
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def tile(self, z: int, x: int, y: int) -> bytes:
        key = (z, x, y)
        if key not in self._png:
            self._png[key] = png_bytes(tile_colour(z, x, y))
        return self._png[key]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{{z}}/{{x}}/{{y}}.png"

    def start(self) -> TileServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def dead_url() -> str:
    """A URL on a local port nothing listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"


def make_mbtiles(path: Path, zooms=range(10, 17), bounds=(116.30, 39.90, 116.34, 39.93)) -> Path:
    """An MBTiles file with solid tiles (TMS rows) over ``bounds`` (lon/lat)."""
    import mercantile

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (name text, value text)")
    con.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, "
                "tile_data blob)")
    meta = {"name": "test", "format": "png", "minzoom": str(min(zooms)),
            "maxzoom": str(max(zooms)), "attribution": "© test imagery"}
    con.executemany("INSERT INTO metadata VALUES (?, ?)", list(meta.items()))
    for t in mercantile.tiles(*bounds, zooms=list(zooms)):
        con.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                    (t.z, t.x, (1 << t.z) - 1 - t.y, png_bytes(tile_colour(t.z, t.x, t.y), 256)))
    con.commit()
    con.close()
    return path


def make_orthophoto(path: Path, crs: str, origin: tuple[float, float], size_px: int = 2048,
                    pixel_m: float = 0.5, overviews: bool = True) -> Path:
    """A synthetic aerial photo GeoTIFF: fields, a street grid every 100 m, roofs.

    ``origin`` is the top-left corner in ``crs`` (metres).
    """
    import rasterio
    from affine import Affine
    from rasterio.enums import Resampling

    n = size_px
    yy, xx = np.mgrid[0:n, 0:n].astype("float32") * pixel_m
    rng = np.random.default_rng(7)
    noise = rng.normal(0, 8, (n, n)).astype("float32")
    r = 96 + 20 * np.sin(xx / 37.0) + noise
    g = 120 + 18 * np.cos(yy / 53.0) + noise
    b = 80 + noise
    streets = ((xx % 100.0) < 8.0) | ((yy % 100.0) < 8.0)
    roofs = ((xx % 100.0 > 20) & (xx % 100.0 < 45) & (yy % 50.0 > 15) & (yy % 50.0 < 35))
    for band, street, roof in ((r, 170, 190), (g, 170, 120), (b, 165, 110)):
        band[streets] = street + noise[streets] * 0.3
        band[roofs] = roof + noise[roofs] * 0.5
    data = np.clip(np.stack([r, g, b]), 0, 255).astype("uint8")
    profile = {"driver": "GTiff", "width": n, "height": n, "count": 3, "dtype": "uint8",
               "crs": crs, "transform": Affine(pixel_m, 0.0, origin[0], 0.0, -pixel_m, origin[1]),
               "tiled": True, "blockxsize": 256, "blockysize": 256, "compress": "deflate"}
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(data)
        if overviews:
            ds.build_overviews([2, 4, 8, 16], Resampling.average)
    return path

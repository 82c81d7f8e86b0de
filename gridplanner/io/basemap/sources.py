"""What a basemap is: a tile service, an MBTiles file or a georeferenced raster.

A :class:`BasemapSpec` is plain data, saved in the plan (``Plan.basemaps``,
as ``to_dict()``). A service key (Tianditu's ``tk``) is never part of it:
the URL carries a ``{key}`` placeholder and ``key_name`` says which of the
user's keys fills it at fetch time, so a saved or exported plan never holds
the key in clear text (:func:`split_key` takes a pasted key out of a URL).

Kinds
-----
``xyz``
    a URL template with ``{z}``, ``{x}``, ``{y}`` (``{-y}`` for TMS row
    order) and optionally ``{s}`` (one of ``subdomains``) and ``{key}``.
``wmts``
    a WMTS KVP endpoint in the web-mercator tile matrix set
    (GoogleMapsCompatible, Tianditu's ``w``); ``options`` holds ``layer``,
    ``matrix_set``, ``style`` and ``format``.
``mbtiles``
    an MBTiles file (SQLite, TMS rows, web mercator).
``raster``
    a GeoTIFF or any raster GDAL reads, drawn from its overviews.

``coords`` names the datum the service's tiles are drawn in: ``wgs84``
(also CGCS2000, Tianditu), ``gcj02`` (Amap, Tencent) or ``bd09``; tiles of
the last two are shifted onto WGS84 when drawn.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridplanner.errors import BasemapError
from gridplanner.io.chinese_coords import COORD_SYSTEMS

KINDS = ("xyz", "wmts", "mbtiles", "raster")
RASTER_SUFFIXES = (".tif", ".tiff", ".img", ".jp2", ".vrt", ".ecw", ".sid")
#: Query parameters that carry a service key.
_KEY_PARAMS = ("tk", "key", "token", "access_token", "apikey", "api_key", "ak")
_KEY_RE = re.compile(r"([?&](?:" + "|".join(_KEY_PARAMS) + r")=)([^&#]+)", re.IGNORECASE)

TIANDITU_ATTRIBUTION = "© 天地图 Tianditu (国家地理信息公共服务平台)"


def basemap_error(reason: str, message: str, **params: Any) -> BasemapError:
    """A BasemapError whose ``reason`` and ``params`` let the window say it in the UI language.

    Reasons: ``dead_server``, ``refused``, ``not_image``, ``damaged_tile``,
    ``no_key``, ``unreadable``; ``params`` always has ``name`` (the basemap).
    """
    error = BasemapError(message)
    error.reason = reason  # type: ignore[attr-defined]
    error.params = params  # type: ignore[attr-defined]
    return error


@dataclass
class BasemapSpec:
    """One basemap layer (see the module docstring for the kinds)."""

    name: str
    kind: str = "xyz"
    url: str = ""
    coords: str = "wgs84"
    attribution: str = ""
    opacity: float = 1.0
    visible: bool = True
    min_zoom: int = 0
    max_zoom: int = 19
    subdomains: str = ""
    key_name: str = ""
    options: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise :class:`BasemapError` naming the basemap and the reason."""
        label = self.name or self.url or "basemap"
        if self.kind not in KINDS:
            raise BasemapError(f"basemap {label}: unknown kind {self.kind!r} "
                               f"(one of {', '.join(KINDS)})")
        if self.coords not in COORD_SYSTEMS:
            raise BasemapError(f"basemap {label}: unknown coordinates {self.coords!r} "
                               f"(one of {', '.join(COORD_SYSTEMS)})")
        if not self.url:
            raise BasemapError(f"basemap {label}: no URL or file given")
        if self.kind == "xyz" and not all(t in self.url for t in ("{z}", "{x}")) or (
                self.kind == "xyz" and "{y}" not in self.url and "{-y}" not in self.url):
            raise BasemapError(f"basemap {label}: the URL template needs {{z}}, {{x}} and {{y}}")
        if self.kind == "wmts" and not self.options.get("layer"):
            raise BasemapError(f"basemap {label}: a WMTS basemap needs a layer name")
        if not 0.0 <= float(self.opacity) <= 1.0:
            raise BasemapError(f"basemap {label}: opacity {self.opacity} is outside 0–1")
        if not 0 <= int(self.min_zoom) <= int(self.max_zoom) <= 24:
            raise BasemapError(f"basemap {label}: zoom range {self.min_zoom}–{self.max_zoom} "
                               "is not within 0–24")
        if _KEY_RE.search(self.url) and "{key}" not in self.url:
            raise BasemapError(f"basemap {label}: the URL holds a key in clear text; "
                               "store it as a key instead")

    @property
    def is_file(self) -> bool:
        return self.kind in ("mbtiles", "raster")

    @property
    def cache_id(self) -> str:
        """A stable folder name for this source's cached tiles (the key left out)."""
        text = "|".join([self.kind, self.url, self.coords,
                         *(f"{k}={v}" for k, v in sorted(self.options.items()))])
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", self.name)[:24].strip("-") or "tiles"
        return f"{slug}-{hashlib.sha1(text.encode()).hexdigest()[:12]}"

    def tile_url(self, z: int, x: int, y: int, key: str = "") -> str:
        """The URL of tile (z, x, y) (XYZ row order) with the key filled in."""
        if self.kind == "wmts":
            o = self.options
            query = (f"SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={o['layer']}"
                     f"&STYLE={o.get('style', 'default')}"
                     f"&TILEMATRIXSET={o.get('matrix_set', 'GoogleMapsCompatible')}"
                     f"&FORMAT={o.get('format', 'image/png')}"
                     "&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}")
            template = self.url + ("&" if "?" in self.url else "?") + query
        else:
            template = self.url
        if "{key}" in template and not key:
            raise basemap_error("no_key", f"basemap {self.name}: needs the "
                                f"{self.key_name or 'service'} key and none is set",
                                name=self.name)
        sub = self.subdomains[(x + y) % len(self.subdomains)] if self.subdomains else ""
        return (template.replace("{z}", str(z)).replace("{x}", str(x))
                .replace("{-y}", str((1 << z) - 1 - y)).replace("{y}", str(y))
                .replace("{s}", sub).replace("{key}", key))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the plan file (never holds a key)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BasemapSpec:
        if not isinstance(data, dict):
            raise BasemapError(f"a saved basemap is damaged (not a table: {data!r:.60})")
        known = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        if not isinstance(kwargs.get("options", {}), dict):
            raise BasemapError(f"basemap {kwargs.get('name', '')}: damaged options")
        try:
            return cls(**kwargs)
        except TypeError as exc:
            raise BasemapError(f"a saved basemap is damaged ({exc})") from exc

    def with_changes(self, **changes: Any) -> BasemapSpec:
        return dataclasses.replace(self, **changes)


def _tianditu(layer: str, label: str) -> BasemapSpec:
    return BasemapSpec(
        name=label, kind="wmts", url=f"https://t{{s}}.tianditu.gov.cn/{layer}_w/wmts?tk={{key}}",
        attribution=TIANDITU_ATTRIBUTION, max_zoom=18, subdomains="01234567",
        key_name="tianditu",
        options={"layer": layer, "matrix_set": "w", "style": "default", "format": "tiles"})


#: Basemaps offered by name in the menu and by ``render --basemap NAME``.
PRESETS: dict[str, BasemapSpec] = {
    "osm": BasemapSpec(
        name="OpenStreetMap", url="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        attribution="© OpenStreetMap contributors", max_zoom=19),
    "tianditu-img": _tianditu("img", "天地图 影像 Tianditu imagery"),
    "tianditu-vec": _tianditu("vec", "天地图 矢量 Tianditu streets"),
    "tianditu-cia": _tianditu("cia", "天地图 影像注记 Tianditu imagery labels"),
    "tianditu-cva": _tianditu("cva", "天地图 矢量注记 Tianditu street labels"),
    "amap-vec": BasemapSpec(
        name="高德 矢量 Amap streets", coords="gcj02", subdomains="1234",
        url="https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8"
            "&x={x}&y={y}&z={z}",
        attribution="© 高德地图 AutoNavi", max_zoom=18),
    "amap-img": BasemapSpec(
        name="高德 影像 Amap imagery", coords="gcj02", subdomains="1234",
        url="https://webst0{s}.is.autonavi.com/appmaptile?style=6&x={x}&y={y}&z={z}",
        attribution="© 高德地图 AutoNavi", max_zoom=18),
}


def split_key(url: str) -> tuple[str, str]:
    """Take a pasted key out of ``url``: (URL with ``{key}``, the key or "")."""
    match = _KEY_RE.search(url)
    if not match or match.group(2) == "{key}":
        return url, ""
    return url[:match.start(2)] + "{key}" + url[match.end(2):], match.group(2)


def resolve_basemap(text: str, *, name: str = "", coords: str = "wgs84") -> BasemapSpec:
    """A basemap from a preset name, an ``.mbtiles`` or raster file, or a URL template.

    Raises
    ------
    BasemapError
        when ``text`` is none of these (the message lists the presets).
    """
    text = str(text).strip()
    if text in PRESETS:
        return PRESETS[text].with_changes()
    if text.startswith(("http://", "https://")):
        url, _ = split_key(text)
        key_name = "service" if "{key}" in url else ""
        return BasemapSpec(name=name or _host(text), url=url, coords=coords, key_name=key_name)
    path = Path(text)
    if path.suffix.lower() == ".mbtiles" or path.suffix.lower() in RASTER_SUFFIXES:
        if not path.is_file():
            raise BasemapError(f"{path}: no such basemap file")
        kind = "mbtiles" if path.suffix.lower() == ".mbtiles" else "raster"
        return BasemapSpec(name=name or path.stem, kind=kind, url=str(path.resolve()),
                           coords=coords, max_zoom=24)
    raise BasemapError(f"{text}: not a basemap (use a name: {', '.join(PRESETS)}; an .mbtiles "
                       "or GeoTIFF file; or a tile URL with {z}/{x}/{y})")


def _host(url: str) -> str:
    m = re.match(r"https?://([^/:?]+)", url)
    return m.group(1) if m else url

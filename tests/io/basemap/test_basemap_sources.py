"""Basemap sources, tile maths, the disk cache and reading tiles, offline (Qt-free)."""

from __future__ import annotations

import json

import mercantile
import numpy as np
import pytest
from pyproj import Transformer
from tile_fixtures import TileServer, dead_url, make_mbtiles, make_orthophoto, png_bytes

from gridplanner.errors import BasemapError
from gridplanner.io.basemap import (
    PRESETS,
    BasemapSpec,
    TileCache,
    open_source,
    resolve_basemap,
    split_key,
    tiles_for_view,
)

BEIJING_CRS = "EPSG:4548"  # CGCS2000 / 3-degree Gauss-Kruger CM 117E


@pytest.fixture
def server():
    s = TileServer().start()
    yield s
    s.stop()


def _view_around(lon: float, lat: float, half_m: float = 400.0):
    x, y = Transformer.from_crs(4326, BEIJING_CRS, always_xy=True).transform(lon, lat)
    return (x - half_m, y - half_m, x + half_m, y + half_m)


def test_presets_and_resolving():
    assert resolve_basemap("osm").attribution.startswith("© OpenStreetMap")
    tdt = resolve_basemap("tianditu-img")
    assert tdt.kind == "wmts" and tdt.key_name == "tianditu"
    url = tdt.tile_url(14, 13490, 6200, key="SECRET")
    assert "TILEMATRIX=14" in url and "TILECOL=13490" in url and "tk=SECRET" in url
    with pytest.raises(BasemapError, match="tianditu key"):
        tdt.tile_url(1, 0, 0)
    assert "{key}" in json.dumps(tdt.to_dict()) and "SECRET" not in json.dumps(tdt.to_dict())
    with pytest.raises(BasemapError, match="not a basemap"):
        resolve_basemap("nonsense")
    with pytest.raises(BasemapError, match="no such basemap file"):
        resolve_basemap("/nowhere/photo.tif")
    assert set(PRESETS) >= {"osm", "tianditu-img", "tianditu-vec", "amap-img"}


def test_pasted_key_is_taken_out_of_the_url():
    url, key = split_key("http://t0.tianditu.gov.cn/img_w/wmts?tk=abc123&x={x}&y={y}&z={z}")
    assert key == "abc123" and "tk={key}" in url
    spec = resolve_basemap("http://host/{z}/{x}/{y}.png?token=XYZ")
    assert "XYZ" not in json.dumps(spec.to_dict())
    with pytest.raises(BasemapError, match="clear text"):
        BasemapSpec(name="x", url="http://h/{z}/{x}/{y}?tk=abc")


def test_spec_round_trips_and_damaged_spec_is_refused():
    spec = resolve_basemap("amap-img").with_changes(opacity=0.6, visible=False)
    assert BasemapSpec.from_dict(spec.to_dict()) == spec
    with pytest.raises(BasemapError, match="opacity"):
        BasemapSpec.from_dict({**spec.to_dict(), "opacity": 3})
    with pytest.raises(BasemapError, match="damaged"):
        BasemapSpec.from_dict("not a dict")  # type: ignore[arg-type]


def test_tms_rows_and_subdomains():
    spec = BasemapSpec(name="t", url="http://{s}.h/{z}/{x}/{-y}.png", subdomains="ab")
    assert spec.tile_url(3, 1, 0) == "http://b.h/3/1/7.png"


def test_tiles_cover_the_view_at_street_zoom():
    box = _view_around(116.32, 39.915)
    tiles = tiles_for_view("src", box, 0.6, BEIJING_CRS)
    assert {t.z for t in tiles} == {18}
    covered = np.array([c for t in tiles for c in t.corners])
    assert covered[:, 0].min() <= box[0] and covered[:, 0].max() >= box[2]
    assert covered[:, 1].min() <= box[1] and covered[:, 1].max() >= box[3]
    # nearest the centre first
    first = np.mean(tiles[0].corners, axis=0)
    assert abs(first[0] - (box[0] + box[2]) / 2) < 200


def _homography(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    rows = []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    _, _, vt = np.linalg.svd(np.array(rows))
    return vt[-1].reshape(3, 3)


@pytest.mark.parametrize("coords", ["wgs84", "gcj02", "bd09"])
def test_shifted_services_line_up_to_the_metre(coords):
    """A landmark drawn by a GCJ-02/BD-09 service lands on its WGS84 position."""
    lon, lat = 116.397428, 39.90923  # Tiananmen, WGS84
    from gridplanner.io.basemap.tiles import to_service

    slon, slat = to_service(np.array([lon]), np.array([lat]), coords)
    z = 18
    tile = mercantile.tile(float(slon[0]), float(slat[0]), z)
    # where the landmark sits inside the service's tile image (pixels)
    fx, fy = mercantile.xy(float(slon[0]), float(slat[0]))
    b = mercantile.xy_bounds(tile)
    px = (fx - b.left) / (b.right - b.left) * 256
    py = (b.top - fy) / (b.top - b.bottom) * 256
    box = _view_around(lon, lat, 150)
    tiles = tiles_for_view("s", box, 0.5, BEIJING_CRS, coords=coords, min_zoom=z, max_zoom=z)
    (req,) = [t for t in tiles if (t.z, t.x, t.y) == (z, tile.x, tile.y)]
    h = _homography(np.array([[0, 0], [256, 0], [256, 256], [0, 256]], float),
                    np.array(req.corners))
    u, v, w = h @ np.array([px, py, 1.0])
    truth = Transformer.from_crs(4326, BEIJING_CRS, always_xy=True).transform(lon, lat)
    error = np.hypot(u / w - truth[0], v / w - truth[1])
    assert error < 1.0, f"{coords}: {error:.2f} m off"
    if coords != "wgs84":
        raw = Transformer.from_crs(4326, BEIJING_CRS, always_xy=True).transform(slon[0], slat[0])
        assert np.hypot(raw[0] - truth[0], raw[1] - truth[1]) > 100  # the shift was real


def test_cache_keeps_tiles_and_respects_its_limit(tmp_path):
    cache = TileCache(tmp_path / "c", limit_mb=0.05)  # ~52 kB
    tile = b"x" * 10_000
    for i in range(8):
        cache.put("s", 1, i, 0, tile)
    assert cache.size_bytes() <= 0.05 * 1024 * 1024
    assert cache.get("s", 1, 7, 0) == tile  # the newest stays
    assert cache.get("s", 1, 0, 0) is None  # the oldest went
    assert TileCache(tmp_path / "off", limit_mb=0).get("s", 1, 7, 0) is None


def test_server_tiles_are_cached_so_a_second_run_asks_nothing(server, tmp_path):
    spec = resolve_basemap(server.url, name="local")
    cache = TileCache(tmp_path / "tiles")
    box = _view_around(116.32, 39.915)
    src = open_source(spec, cache)
    reqs = src.requests(box, 1.2, BEIJING_CRS)
    first = [src.read(r) for r in reqs]
    assert all(d and d.startswith(b"\x89PNG") for d in first)
    asked = len(server.requests)
    assert asked == len(reqs)
    again = open_source(spec, TileCache(tmp_path / "tiles"))
    assert [again.read(r) for r in reqs] == first
    assert len(server.requests) == asked  # no new request


def test_dead_server_gives_a_clear_message_then_stays_quiet(tmp_path):
    src = open_source(resolve_basemap(dead_url(), name="office server"), TileCache(tmp_path))
    reqs = src.requests(_view_around(116.32, 39.915), 2.0, BEIJING_CRS)
    with pytest.raises(BasemapError, match="office server.*does not answer"):
        src.read(reqs[0])
    assert src.read(reqs[1]) is None  # not asked again for a while


def test_malformed_tile_is_refused_and_not_cached(server, tmp_path):
    url = server.url.replace("/{z}", "/bad/{z}")
    cache = TileCache(tmp_path)
    src = open_source(resolve_basemap(url, name="bad"), cache)
    req = src.requests(_view_around(116.32, 39.915), 2.0, BEIJING_CRS)[0]
    with pytest.raises(BasemapError, match="not an image"):
        src.read(req)
    assert cache.get(src.cache_id, req.z, req.x, req.y) is None


def test_mbtiles_offline(tmp_path):
    path = make_mbtiles(tmp_path / "area.mbtiles")
    src = open_source(resolve_basemap(str(path)))
    assert src.spec.max_zoom == 16 and src.spec.attribution == "© test imagery"
    reqs = src.requests(_view_around(116.32, 39.915), 0.5, BEIJING_CRS)
    assert {r.z for r in reqs} == {16}
    data = src.read(reqs[0])
    assert data == png_bytes(__import__("tile_fixtures").tile_colour(16, reqs[0].x, reqs[0].y))
    (tmp_path / "junk.mbtiles").write_bytes(b"not sqlite at all" * 10)
    with pytest.raises(BasemapError, match="junk.mbtiles"):
        open_source(resolve_basemap(str(tmp_path / "junk.mbtiles")))


def test_geotiff_reads_from_overviews_in_plan_coordinates(tmp_path):
    x, y = Transformer.from_crs(4326, BEIJING_CRS, always_xy=True).transform(116.32, 39.915)
    path = make_orthophoto(tmp_path / "ortho.tif", BEIJING_CRS, (x, y), size_px=1024)
    src = open_source(resolve_basemap(str(path)))
    whole = (x, y - 512, x + 512, y)
    coarse = src.requests(whole, 2.0, BEIJING_CRS)
    assert {r.z for r in coarse} == {4}  # the 4× overview for 2 m pixels
    fine = src.requests((x, y - 100, x + 100, y), 0.5, BEIJING_CRS)
    assert {r.z for r in fine} == {1}
    block = src.read(fine[0])
    assert block.shape == (256, 256, 4) and block.dtype == np.uint8 and block[..., 3].min() == 255
    tl = fine[0].corners[0]
    assert abs(tl[0] - x) < 1e-6 and abs(tl[1] - y) < 1e-6
    # the same image in another CRS: corners still land where the photo is
    to_utm = Transformer.from_crs(BEIJING_CRS, "EPSG:32650", always_xy=True)
    ux, uy = to_utm.transform([whole[0], whole[2]], [whole[1], whole[3]])
    other = src.requests((ux[0], uy[0], ux[1], uy[1]), 2.0, "EPSG:32650")
    assert other
    tl_utm = to_utm.transform(x, y)
    assert min(np.hypot(r.corners[0][0] - tl_utm[0], r.corners[0][1] - tl_utm[1])
               for r in other) < 1e-3
    (tmp_path / "plain.tif").write_bytes(b"II*\x00garbage")
    with pytest.raises(BasemapError, match="plain.tif"):
        open_source(resolve_basemap(str(tmp_path / "plain.tif")))


def test_wmts_with_a_key_like_tianditu(server, tmp_path, monkeypatch):
    monkeypatch.delenv("GRIDPLANNER_KEY_TIANDITU", raising=False)
    base = resolve_basemap("tianditu-img")
    spec = base.with_changes(url=f"http://127.0.0.1:{server.port}/wmts?tk={{key}}",
                             subdomains="")
    reqs = open_source(spec, TileCache(tmp_path / "a"), {"tianditu": "GOODKEY"}).requests(
        _view_around(116.32, 39.915), 1.0, BEIJING_CRS)
    good = open_source(spec, TileCache(tmp_path / "a"), {"tianditu": "GOODKEY"})
    data = good.read(reqs[0])
    assert data == png_bytes(__import__("tile_fixtures").tile_colour(reqs[0].z, reqs[0].x,
                                                                      reqs[0].y))
    assert "LAYER=img" in server.requests[-1] and "TILEMATRIXSET=w" in server.requests[-1]
    wrong = open_source(spec, TileCache(tmp_path / "b"), {"tianditu": "WRONG"})
    with pytest.raises(BasemapError, match="HTTP 403.*check the key") as caught:
        wrong.read(reqs[0])
    assert caught.value.reason == "refused" and caught.value.params["code"] == 403
    with pytest.raises(BasemapError, match="needs the tianditu key"):
        open_source(spec, TileCache(tmp_path / "c"), {}).read(reqs[0])

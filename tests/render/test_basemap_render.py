"""Basemaps drawn under the plan in PNG renders: the right tile at the right place,
attribution, a dead server or a malformed tile never stops the map, and
`render --basemap`."""

from __future__ import annotations

import mercantile
import pytest
from factories import street_grid_plan
from pyproj import Transformer
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage
from tile_fixtures import TileServer, dead_url, make_mbtiles, tile_colour

from gridplanner.cli import main
from gridplanner.io.basemap import TileCache, resolve_basemap
from gridplanner.io.plan_file.project import save_plan
from gridplanner.model import Plan
from gridplanner.render.basemap import BasemapRenderer
from gridplanner.render.png import render_image

CRS = "EPSG:32650"
BOX = (440000.0, 4420000.0, 440800.0, 4420600.0)
W, H = 400, 300


def _lonlat_bounds():
    t = Transformer.from_crs(CRS, 4326, always_xy=True)
    lon, lat = t.transform([BOX[0], BOX[2]], [BOX[1], BOX[3]])
    return (min(lon) - 0.01, min(lat) - 0.01, max(lon) + 0.01, max(lat) + 0.01)


@pytest.fixture
def mbtiles(tmp_path):
    return make_mbtiles(tmp_path / "area.mbtiles", zooms=range(12, 17), bounds=_lonlat_bounds())


def _renderer(*specs, cache=None) -> BasemapRenderer:
    r = BasemapRenderer(cache)
    r.set_specs(specs)
    return r


def _expected_colour(px: float, py: float, z: int) -> QColor:
    x = BOX[0] + (BOX[2] - BOX[0]) * px / W
    y = BOX[3] - (BOX[3] - BOX[1]) * py / H
    lon, lat = Transformer.from_crs(CRS, 4326, always_xy=True).transform(x, y)
    t = mercantile.tile(lon, lat, z)
    return QColor(*tile_colour(t.z, t.x, t.y))


def _close(a: QColor, b: QColor, tol: int = 4) -> bool:
    return all(abs(u - v) <= tol for u, v in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_mbtiles_basemap_puts_each_tile_where_it_belongs(mbtiles):
    renderer = _renderer(resolve_basemap(str(mbtiles)))
    image = render_image(Plan(crs=CRS), W, H, extent=BOX, scale_bar=False, basemaps=renderer)
    z = renderer.source(renderer.specs[0]).requests(BOX, 2.0, CRS)[0].z
    hits = 0
    for px, py in [(50, 50), (200, 150), (330, 90), (120, 240)]:
        want = _expected_colour(px, py, z)
        near = [_expected_colour(px + dx, py + dy, z) for dx in (-3, 3) for dy in (-3, 3)]
        if all(c == want for c in near):  # not on a tile edge
            assert _close(image.pixelColor(px, py), want), (px, py)
            hits += 1
    assert hits >= 2
    assert renderer.attributions() == ["© test imagery"]
    corner = image.pixelColor(W - 3, H - 3)
    assert corner.lightness() > 200  # the attribution box


def test_plan_is_drawn_over_the_basemap_with_opacity(mbtiles):
    spec = resolve_basemap(str(mbtiles)).with_changes(opacity=0.0)
    image = render_image(street_grid_plan(), W, H, extent=BOX, scale_bar=False,
                         basemaps=_renderer(spec))
    blank = render_image(street_grid_plan(), W, H, extent=BOX, scale_bar=False)
    assert image.pixelColor(200, 150) == blank.pixelColor(200, 150)


def test_dead_server_and_malformed_tiles_leave_a_message_and_the_map(tmp_path):
    server = TileServer().start()
    try:
        bad = resolve_basemap(server.url.replace("/{z}", "/bad/{z}"), name="bad tiles")
        dead = resolve_basemap(dead_url(), name="office server")
        renderer = _renderer(dead, bad, cache=TileCache(tmp_path))
        image = render_image(street_grid_plan(), W, H, extent=BOX, basemaps=renderer)
    finally:
        server.stop()
    assert not image.isNull()
    messages = " ".join(renderer.errors.values())
    assert "office server" in messages and "does not answer" in messages
    assert "bad tiles" in messages and "not an image" in messages


def test_tiles_load_in_the_background_and_are_drawn_when_they_arrive(qtbot, tmp_path):
    server = TileServer(delay_s=0.05).start()
    try:
        renderer = _renderer(resolve_basemap(server.url, name="local"), cache=TileCache(tmp_path))
        image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        from PySide6.QtGui import QPainter

        p = QPainter(image)
        assert renderer.paint(p, CRS, BOX, QRectF(0, 0, W, H)) == 0  # nothing waited for
        p.end()
        qtbot.waitUntil(lambda: renderer.pending() == 0, timeout=10_000)
        p = QPainter(image)
        assert renderer.paint(p, CRS, BOX, QRectF(0, 0, W, H)) > 0
        p.end()
    finally:
        renderer.shutdown()
        server.stop()


def test_cli_render_with_basemap(mbtiles, tmp_path, capsys):
    path = save_plan(street_grid_plan(), tmp_path / "plan.gpkg")
    out = tmp_path / "map.png"
    args = ["render", str(path), "--out", str(out), "--width", "300", "--height", "200"]
    assert main([*args, "--basemap", str(mbtiles)]) == 0
    assert QImage(str(out)).width() == 300
    assert main([*args, "--basemap", "nonsense"]) == 1
    err = capsys.readouterr().err.strip()
    assert "nonsense" in err and "\n" not in err
    assert main([*args, "--basemap", dead_url()]) == 0
    assert "does not answer" in capsys.readouterr().err


def test_printed_pages_show_the_plans_basemap_with_attribution(tmp_path):
    from tile_fixtures import make_orthophoto

    from gridplanner.render.print_layout import PrintAtlas

    plan = street_grid_plan()
    plain = PrintAtlas(plan).render_image(0, dpi=50)
    x0, y0, x1, y1 = plan.extent()
    size = int(max(x1 - x0, y1 - y0) / 2.0) + 200
    tif = make_orthophoto(tmp_path / "o.tif", CRS, (x0 - 100, y1 + 100), size_px=size,
                          pixel_m=2.0)
    plan.set_basemaps([resolve_basemap(str(tif)).with_changes(attribution="© ortho").to_dict()])
    atlas = PrintAtlas(plan)
    assert atlas.basemaps is not None and atlas.basemaps.attributions() == ["© ortho"]
    page = atlas.render_image(0, dpi=50)
    differs = sum(page.pixelColor(x, y) != plain.pixelColor(x, y)
                  for x in range(0, page.width(), 7) for y in range(0, page.height(), 7))
    assert differs > 200  # the photo shows under the map
    plan.set_basemaps([{**plan.basemaps[0], "visible": False}])
    assert PrintAtlas(plan).basemaps is None


def test_tile_drawing_map_lands_every_corner_within_a_centimetre():
    """Tiles are drawn through an affine fit of their corners: at street zoom every
    corner lands within 1 cm, zoomed out within 1/20 of a tile pixel."""
    from PySide6.QtCore import QPointF

    from gridplanner.io.basemap import tiles_for_view
    from gridplanner.render.basemap import tile_transform

    for z_pixel, coords in ((0.3, "gcj02"), (2.0, "wgs84"), (20.0, "wgs84")):
        tiles = tiles_for_view("s", BOX, z_pixel, "EPSG:4548" if coords == "gcj02" else CRS,
                               coords=coords)
        for req in tiles[:20]:
            t = tile_transform(QRectF(0, 0, 256, 256), req.corners)
            tile_pixel = abs(req.corners[1][0] - req.corners[0][0]) / 256
            tolerance = 0.01 if z_pixel < 1 else tile_pixel / 20  # 1 cm; 1/20 pixel
            for (px, py), (x, y) in zip([(0, 0), (256, 0), (256, 256), (0, 256)], req.corners,
                                        strict=True):
                p = t.map(QPointF(px, py))
                assert abs(p.x() - x) < tolerance and abs(p.y() - y) < tolerance

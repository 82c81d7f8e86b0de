"""The map painter draws what a user expects to see, where it should be."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from factories import CRS, ORIGIN
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage

from gridplanner.model import Plan
from gridplanner.render.painter import MapPainter, view_transform
from gridplanner.render.png import padded_extent, render_image, render_png
from gridplanner.render.styles import BACKGROUND, default_styles

X0, Y0 = ORIGIN
W, H = 800, 600


def _pixel(image: QImage, plan: Plan, x: float, y: float, extent=None) -> QColor:
    view = extent or padded_extent(plan)
    p = view_transform(view, QRectF(0, 0, image.width(), image.height())).map(QPointF(x, y))
    return image.pixelColor(int(p.x()), int(p.y()))


def _close(a: QColor, b: QColor, tol: int = 12) -> bool:
    return all(abs(u - v) <= tol for u, v in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


BUILDING = QColor(default_styles()["buildings"].fill)
GROUND = QColor(BACKGROUND)


def test_png_shows_buildings_grey_and_background_between(grid_plan, tmp_path):
    out = render_png(grid_plan, tmp_path / "map.png", W, H)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (W, H)
    # the first building of each block is centred at (25, 25) m inside its block
    for i, j in [(0, 0), (3, 2), (5, 3)]:
        bx, by = X0 + i * 100 + 25, Y0 + j * 100 + 25
        assert _close(_pixel(image, grid_plan, bx, by), BUILDING), (i, j)
        assert _close(_pixel(image, grid_plan, bx + 25, by + 25), GROUND), (i, j)
    # outside the plan (in the margin) is background too
    assert _close(_pixel(image, grid_plan, X0 - 15, Y0 + 200), GROUND)


def test_hidden_layer_and_removed_feature_are_not_drawn(grid_plan):
    bx, by = X0 + 25, Y0 + 25
    styles = default_styles()
    styles["buildings"].visible = False
    image = render_image(grid_plan, W, H, styles=styles, scale_bar=False)
    assert _close(_pixel(image, grid_plan, bx, by), GROUND)

    painter = MapPainter()
    extent = padded_extent(grid_plan)
    assert _close(_pixel(render_image(grid_plan, W, H, extent, painter=painter), grid_plan,
                         bx, by, extent), BUILDING)
    hit = grid_plan.buildings.frame.geometry.contains(shapely.Point(bx, by))
    grid_plan.buildings.remove(list(grid_plan.buildings.frame.index[hit]))
    # the same painter (and its caches) redraws without the removed building
    image = render_image(grid_plan, W, H, extent, painter=painter)
    assert _close(_pixel(image, grid_plan, bx, by, extent), GROUND)


def test_polygon_holes_stay_empty_and_zoomed_view_is_exact():
    plan = Plan(name="hole", crs=CRS)
    ring = shapely.box(X0, Y0, X0 + 100, Y0 + 100).difference(shapely.box(X0 + 30, Y0 + 30,
                                                                            X0 + 70, Y0 + 70))
    plan.buildings.add(gpd.GeoDataFrame({"name": ["courtyard"]}, geometry=[ring], crs=CRS))
    extent = (X0 - 10, Y0 - 10, X0 + 110, Y0 + 80)
    image = render_image(plan, 480, 360, extent, scale_bar=False)
    assert _close(_pixel(image, plan, X0 + 50, Y0 + 50, extent), GROUND)
    assert _close(_pixel(image, plan, X0 + 15, Y0 + 50, extent), BUILDING)


def test_cells_get_translucent_palette_fills_and_code_labels(grid_plan):
    cells = [shapely.box(X0 + i * 300, Y0, X0 + (i + 1) * 300, Y0 + 400) for i in range(2)]
    grid_plan.cells.add(gpd.GeoDataFrame({"code": ["110101001001001", "110101001001002"]},
                                         geometry=cells, crs=CRS))
    image = render_image(grid_plan, W, H, scale_bar=False)
    west = _pixel(image, grid_plan, X0 + 50, Y0 + 50)
    east = _pixel(image, grid_plan, X0 + 350, Y0 + 50)
    assert not _close(west, GROUND, 4) and not _close(east, GROUND, 4)
    assert west != east  # neighbouring cells are told apart


def test_large_layer_switches_to_points_at_small_scale():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from synthetic_buildings import synthetic_plan

    plan = synthetic_plan(5000, seed=1)
    painter = MapPainter()
    from PySide6.QtGui import QPainter

    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    qp = QPainter(image)
    stats = painter.paint(qp, plan, padded_extent(plan), QRectF(0, 0, 400, 300))
    x0, y0, _, _ = plan.extent()
    close = painter.paint(qp, plan, (x0, y0, x0 + 200, y0 + 150), QRectF(0, 0, 400, 300))
    qp.end()
    assert stats.lod_points and not close.lod_points
    assert stats.features >= 5000 and close.features < 2000


@pytest.mark.parametrize("size", [(10, 10), (30000, 10)])
def test_render_png_refuses_silly_sizes(grid_plan, tmp_path, size):
    from gridplanner.errors import ExportError

    with pytest.raises(ExportError, match="outside"):
        render_png(grid_plan, tmp_path / "x.png", *size)


def test_a_grid_label_too_wide_shows_the_short_name():
    import pandas as pd

    from gridplanner.render.painter import short_label

    code = "110105001001003"
    assert short_label(pd.Series({"code": code, "name": "第3网格"}), code, 3) == "第3网格"
    assert short_label(pd.Series({"code": code, "name": ""}), code, 3) == "003"
    long_name = "东风社区幸福里小区第三网格"
    assert short_label(pd.Series({"code": code, "name": long_name}), code, 3) == "003"

"""Headless rendering of a plan to an image file (no window needed)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from gridplanner.errors import ExportError
from gridplanner.io.plan_file.targets import refuse_plan_target
from gridplanner.model.plan import Plan
from gridplanner.render.basemap import BasemapRenderer, draw_attribution
from gridplanner.render.decorations import draw_scale_bar
from gridplanner.render.painter import Box, MapPainter, view_transform
from gridplanner.render.styles import BACKGROUND, MapStyle

_app: QGuiApplication | None = None


def ensure_gui_app() -> None:
    """Create an offscreen QGuiApplication if the process has no Qt application yet."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def padded_extent(plan: Plan, margin: float = 0.04) -> Box:
    """The plan's extent with a small margin (a 1 km square around nothing if empty)."""
    extent = plan.extent()
    if extent is None:
        return (-500.0, -500.0, 500.0, 500.0)
    x0, y0, x1, y1 = extent
    pad = max(x1 - x0, y1 - y0, 1.0) * margin
    return (x0 - pad, y0 - pad, x1 + pad, y1 + pad)


def render_image(plan: Plan, width: int, height: int, extent: Box | None = None,
                 styles: dict[str, MapStyle] | None = None, scale_bar: bool = True,
                 painter: MapPainter | None = None,
                 basemaps: BasemapRenderer | None = None) -> QImage:
    """The plan drawn into a new ``width`` × ``height`` image.

    ``basemaps`` (when given) are drawn under the plan, their tiles read
    first, with their attribution in the bottom-right corner.
    """
    ensure_gui_app()
    image = QImage(int(width), int(height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    target = QRectF(0, 0, width, height)
    view = extent if extent is not None else padded_extent(plan)
    qp = QPainter(image)
    try:
        under = basemaps is not None and basemaps.specs
        if under:
            qp.fillRect(target, QColor(BACKGROUND))
            basemaps.paint(qp, plan.crs, view, target, wait_for_tiles=True)
        (painter or MapPainter()).paint(qp, plan, view, target, styles, background=not under)
        if under:
            draw_attribution(qp, target, basemaps.attributions())
        if scale_bar:
            draw_scale_bar(qp, target, 1.0 / view_transform(view, target).m11())
    finally:
        qp.end()
    return image


def render_png(plan: Plan, path: str | os.PathLike[str], width: int = 1600, height: int = 1200,
               extent: Box | None = None, styles: dict[str, MapStyle] | None = None,
               basemaps: BasemapRenderer | None = None) -> Path:
    """Draw ``plan`` as the canvas does and save it as a PNG file.

    Parameters
    ----------
    extent
        (xmin, ymin, xmax, ymax) in plan units; the whole plan when None.
    basemaps
        basemaps to draw under the plan (see :func:`render_image`).
    """
    if width < 16 or height < 16 or width > 20000 or height > 20000:
        raise ExportError(f"{path}: image size {width}×{height} is outside 16–20000 pixels")
    out = Path(path)
    refuse_plan_target(out)  # a PNG never replaces a plan
    image = render_image(plan, width, height, extent, styles, basemaps=basemaps)
    if not image.save(str(out), "PNG"):
        raise ExportError(f"{out}: could not write the PNG file (check the folder exists)")
    return out

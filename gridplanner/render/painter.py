"""The one map painter: draws a plan into any QPainter (widget, image, PDF).

``MapPainter.paint(painter, plan, view, target, styles, layer_order)`` maps
the ``view`` rectangle (map units, y up) onto the ``target`` rectangle
(device pixels, y down) with one uniform scale (``styles`` defaults to the
plan's saved ones over the default look), draws every visible layer
bottom to top, then the labels top to bottom so upper layers win label
collisions.

Level of detail keeps a redraw fast whatever the size of the plan:

* geometries are Qt paths built once per layer change, grouped in spatial
  buckets (see :mod:`gridplanner.render.cache`); buckets outside the view
  are skipped;
* polygons smaller than ``LOD_POINT_PX`` on screen are drawn as one point
  each (a district's 100,000 buildings seen whole);
* antialiasing is on only while the visible vertices are few;
* labels are drawn only while a layer shows at most ``label_limit``
  features, and never on top of each other.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from gridplanner.model.plan import Plan
from gridplanner.render.cache import CacheStore, LayerCache, polygon_from_points
from gridplanner.render.decorations import halo_text_path
from gridplanner.render.fonts import label_font
from gridplanner.render.styles import (
    BACKGROUND,
    SELECTION_COLOUR,
    MapStyle,
    styles_from_plan,
)
from gridplanner.render.styles import layer_order as ordered_layers

Box = tuple[float, float, float, float]

LOD_POINT_PX = 2.5  # polygons smaller than this on screen become points
LOD_MIN_FEATURES = 2000  # ...but only in layers with at least this many features
AA_VERTEX_LIMIT = 10_000  # antialias while fewer vertices are visible (AA fills cost ~3×)
SYMBOL_LIMIT = 3000  # point symbols drawn one by one below this count

_DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
           "dot": Qt.PenStyle.DotLine, "dashdot": Qt.PenStyle.DashDotLine}


@dataclass
class RenderStats:
    """What one ``paint`` call drew (for benchmarks and tests)."""

    milliseconds: float = 0.0
    buckets: int = 0
    features: int = 0
    labels: int = 0
    lod_points: bool = False


def as_box(view: Box | QRectF) -> Box:
    if isinstance(view, QRectF):
        return (view.left(), view.top(), view.right(), view.bottom())
    x0, y0, x1, y1 = (float(v) for v in view)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def view_transform(view: Box | QRectF, target: QRectF) -> QTransform:
    """Map coordinates → device pixels: ``view`` fitted and centred in ``target``."""
    x0, y0, x1, y1 = as_box(view)
    w, h = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    s = min(target.width() / w, target.height() / h)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    tc = target.center()
    return QTransform(s, 0.0, 0.0, -s, tc.x() - cx * s, tc.y() + cy * s)


def visible_box(transform: QTransform, target: QRectF) -> Box:
    """The map rectangle that ``target`` shows under ``transform``."""
    inv, _ = transform.inverted()
    r = inv.mapRect(QRectF(target))
    return (r.left(), r.top(), r.right(), r.bottom())


def _meets(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _colour(value: str | None, alpha: int = 255) -> QColor:
    colour = QColor(value) if value else QColor(0, 0, 0, 0)
    if value and alpha < 255:
        colour.setAlpha(int(colour.alpha() * alpha / 255))
    return colour


def _pen(style: MapStyle, line_scale: float) -> QPen:
    if not style.outline:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(_colour(style.outline), max(0.0, style.outline_width * line_scale))
    pen.setCosmetic(True)
    pen.setStyle(_DASHES.get(style.dash, Qt.PenStyle.SolidLine))
    # Round caps/joins make Qt's stroker ~10× slower on long many-part paths.
    pen.setJoinStyle(Qt.PenJoinStyle.BevelJoin)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


class MapPainter:
    """Draws plans; keeps the per-layer caches between calls."""

    def __init__(self) -> None:
        self.caches = CacheStore()
        self.label_limit = 600
        self.background = BACKGROUND
        #: Labels as text on a translucent box instead of outlines with a halo:
        #: selectable and small in a PDF.
        self.text_labels = False
        #: Drop labels that would cross the edge of the target (a printed map frame).
        self.labels_inside = False

    def cache(self, plan: Plan, layer: str) -> LayerCache:
        return self.caches.get(plan, layer)

    # -- drawing ----------------------------------------------------------
    def paint(self, painter: QPainter, plan: Plan, view: Box | QRectF, target: QRectF,
              styles: dict[str, MapStyle] | None = None,
              layer_order: Sequence[str] | None = None,
              *, background: bool = True, labels: bool = True, line_scale: float = 1.0,
              label_scale: float | None = None) -> RenderStats:
        """Draw ``plan`` so that ``view`` (map units) fills ``target`` (pixels).

        ``line_scale`` multiplies line widths and symbol sizes and
        ``label_scale`` (default: ``line_scale``) label sizes, halos and
        spacing: device pixels per screen pixel, e.g. 300 / 96 on a 300 dpi
        PDF page.
        """
        started = time.perf_counter()
        styles = styles if styles is not None else styles_from_plan(getattr(plan, "styles", None))
        if layer_order is None:
            layer_order = getattr(plan, "layer_order", None) or None
        names = [n for n in ordered_layers(styles, layer_order) if n in plan.layers]
        target = QRectF(target)
        transform = view_transform(view, target)
        box = visible_box(transform, target)
        pixel_size = 1.0 / transform.m11()
        stats = RenderStats()
        painter.save()
        painter.setClipRect(target)
        if background:
            painter.fillRect(target, QColor(self.background))
        for name in names:
            style = styles[name]
            if not style.visible or not plan.layer(name).is_spatial or len(plan.layer(name)) == 0:
                continue
            painter.setTransform(transform)
            painter.setOpacity(style.opacity)
            self._draw_layer(painter, self.cache(plan, name), style, box, pixel_size,
                             line_scale, stats)
        painter.resetTransform()
        painter.setOpacity(1.0)
        if labels:
            scale = line_scale if label_scale is None else label_scale
            placed = _Occupancy(_Occupancy.CELL * scale)  # shared: upper layers win
            if self.labels_inside:
                placed.block_outside(target)
            for name in reversed(names):
                style = styles[name]
                if style.visible and len(plan.layer(name)):
                    stats.labels += self._draw_labels(painter, self.cache(plan, name), style,
                                                      box, transform, placed, scale)
        painter.restore()
        stats.milliseconds = (time.perf_counter() - started) * 1000
        return stats

    def _groups(self, cache: LayerCache, style: MapStyle
                ) -> list[tuple[Hashable, np.ndarray, MapStyle, int | None]]:
        """Feature groups sharing a look: (key, positions, style, palette index)."""
        n = len(cache)
        categories = (style.category_field if style.categories and style.category_field
                      in cache.frame.columns else None)
        values = (cache.frame[categories].astype("string").fillna("").to_numpy()[cache.rows]
                  if categories else np.full(n, "", dtype=object))
        palette_n = len(style.palette)
        slots = cache.fids % palette_n if palette_n else np.zeros(n, dtype=np.int64)
        out = []
        for value in pd.unique(values):
            sub = style.style_for(str(value)) if categories else style
            in_value = values == value
            for slot in (range(palette_n) if palette_n and not sub.categories else [None]):
                mask = in_value & (slots == slot) if slot is not None else in_value
                pos = np.flatnonzero(mask)
                if len(pos):
                    key = (categories, str(value), palette_n, slot)
                    out.append((key, pos, sub, slot))
        return out

    def _draw_layer(self, p: QPainter, cache: LayerCache, style: MapStyle, box: Box,
                    pixel_size: float, line_scale: float, stats: RenderStats) -> None:
        groups = self._groups(cache, style)
        visible = [(sub, slot, [b for b in cache.buckets(key, pos) if _meets(b.bounds, box)])
                   for key, pos, sub, slot in groups]
        vertices = sum(b.vertex_count for _, _, bs in visible for b in bs)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, vertices < AA_VERTEX_LIMIT)
        as_points = (len(cache) >= LOD_MIN_FEATURES and cache.median_size / pixel_size < LOD_POINT_PX)
        stats.lod_points |= as_points
        for sub, slot, buckets in visible:
            fill = sub.palette[slot] if slot is not None and sub.palette else sub.fill
            brush = QBrush(_colour(fill, sub.fill_alpha)) if fill else QBrush(Qt.BrushStyle.NoBrush)
            pen = _pen(sub, line_scale)
            for bucket in buckets:
                stats.buckets += 1
                stats.features += len(bucket.positions)
                if bucket.has_shapes:
                    if as_points:
                        self._draw_centre_points(p, cache, bucket, fill or sub.outline, pixel_size)
                    else:
                        p.setPen(pen)
                        p.setBrush(brush)
                        p.drawPath(bucket.path)
                if bucket.has_points:
                    self._draw_points(p, bucket.points, sub, fill, line_scale)

    def _draw_centre_points(self, p: QPainter, cache: LayerCache, bucket, colour: str | None,
                            pixel_size: float) -> None:
        points = bucket.centre_points
        if points is None:
            points = polygon_from_points(cache.centroids()[bucket.positions])
            bucket.centre_points = points
        pen = QPen(_colour(colour), max(1.0, cache.median_size / pixel_size))
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.SquareCap)
        p.setPen(pen)
        p.drawPoints(points)

    def _draw_points(self, p: QPainter, points: QPolygonF, style: MapStyle, fill: str | None,
                     line_scale: float) -> None:
        size = style.symbol_size * line_scale
        if points.size() > SYMBOL_LIMIT:
            pen = QPen(_colour(fill or style.outline), size)
            pen.setCosmetic(True)
            cap = Qt.PenCapStyle.SquareCap if style.symbol == "square" else Qt.PenCapStyle.RoundCap
            pen.setCapStyle(cap)
            p.setPen(pen)
            p.drawPoints(points)
            return
        transform = p.transform()
        device = transform.map(points)
        symbol = symbol_path(style.symbol, size)
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(_pen(style, line_scale))
        p.setBrush(QBrush(_colour(fill)) if fill else QBrush(Qt.BrushStyle.NoBrush))
        for i in range(device.size()):
            p.drawPath(symbol.translated(device.at(i)))
        p.restore()

    # -- labels -----------------------------------------------------------
    def _draw_labels(self, p: QPainter, cache: LayerCache, style: MapStyle, box: Box,
                     transform: QTransform, placed: _Occupancy, scale: float = 1.0) -> int:
        wants = style.label_field or any(s.label_field for s in style.categories.values())
        if not wants:
            return 0
        hits = cache.query(box)
        if len(hits) == 0 or len(hits) > self.label_limit:
            return 0
        frame = cache.frame
        field = style.category_field if style.categories else None
        anchors = cache.label_points()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        drawn = 0
        b = cache.bounds[hits]
        hits = hits[np.argsort(-(b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1]), kind="stable")]
        typical_px = transform.m11() * float(np.median(b[:, 2] - b[:, 0]))
        short: bool | None = None
        for pos in hits:  # biggest features first: a community's name beats a compound's
            row = frame.iloc[int(cache.rows[pos])]
            sub = style.style_for(str(row[field])) if field and field in frame.columns else style
            text = _text(row, sub.label_field)
            if not text:
                continue
            b = cache.bounds[pos]
            span = transform.m11() * max(b[2] - b[0], b[3] - b[1])
            if cache.types[pos] not in (0, 4) and span < 18 * scale:
                continue
            as_text = self.text_labels
            font = label_font(sub.label_size * (1.0 if as_text else scale),
                              bold=sub.label_size >= 10)
            metrics = QFontMetricsF(font, p.device()) if as_text else QFontMetricsF(font)
            anchor = transform.map(QPointF(*anchors[pos]))
            if cache.types[pos] in (0, 4):
                anchor += QPointF(0, -sub.symbol_size * scale)
            if sub.label_short:
                if short is None:  # one choice per layer, so labels look alike
                    short = metrics.horizontalAdvance(text) > typical_px
                if short:
                    text = short_label(row, text, sub.label_short)
            for candidate in dict.fromkeys((text, text.split("\n", 1)[0])):
                # a multi-line label that does not fit falls back to its first line
                if self._place_label(p, candidate, font, metrics, anchor, sub.label_colour,
                                     placed, scale):
                    drawn += 1
                    break
        return drawn

    def _place_label(self, p: QPainter, text: str, font, metrics: QFontMetricsF, anchor: QPointF,
                     colour: str, placed: _Occupancy, scale: float) -> bool:
        """Draw one label at ``anchor`` unless it would overlap a placed one."""
        pad = 2 * scale
        if not self.text_labels:
            path = halo_text_path(text, font, anchor)
            if not placed.take(path.boundingRect().adjusted(-pad, -pad, pad, pad)):
                return False
            p.strokePath(path, QPen(QColor(255, 255, 255, 230), 3.0 * scale,
                                    Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
            p.fillPath(path, QColor(colour))
            return True
        flags = int(Qt.AlignmentFlag.AlignCenter)
        size = metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), flags, text).size()
        rect = QRectF(anchor.x() - size.width() / 2, anchor.y() - size.height() / 2,
                      size.width(), size.height())
        box = rect.adjusted(-pad, -pad / 2, pad, pad / 2)
        if not placed.take(box):
            return False
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 200))
        p.drawRoundedRect(box, pad, pad)
        p.setFont(font)
        p.setPen(QColor(colour))
        p.drawText(rect, flags, text)
        return True

    # -- selection --------------------------------------------------------
    def selection_shapes(self, plan: Plan, layer: str, fids: Iterable[int]
                         ) -> tuple[QPainterPath, QPolygonF]:
        """Paths (map units) of the selected polygons/lines, and the selected points."""
        cache = self.cache(plan, layer)
        pos = cache.positions_of(list(fids))
        is_point = np.isin(cache.types[pos], (0, 4))
        path = cache.path_of(pos[~is_point])
        points = polygon_from_points(shapely.get_coordinates(cache.geoms[pos[is_point]]))
        return path, points


def paint_selection(p: QPainter, shapes: tuple[QPainterPath, QPolygonF], transform: QTransform
                    ) -> None:
    """Draw selected features (from :meth:`MapPainter.selection_shapes`) highlighted."""
    path, points = shapes
    p.save()
    p.setTransform(transform)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, path.elementCount() < AA_VERTEX_LIMIT)
    colour = QColor(SELECTION_COLOUR)
    pen = QPen(colour, 2.5)
    pen.setCosmetic(True)
    p.setPen(pen)
    fill = QColor(colour)
    fill.setAlpha(70)
    p.setBrush(fill)
    if not path.isEmpty():
        p.drawPath(path)
    if points.size():
        dot = QPen(colour, 12)
        dot.setCosmetic(True)
        dot.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(dot)
        p.drawPoints(points)
    p.restore()


def symbol_path(kind: str, size: float) -> QPainterPath:
    """A point symbol of ``size`` pixels centred on (0, 0)."""
    path = QPainterPath()
    r = size / 2
    if kind == "square":
        path.addRect(QRectF(-r, -r, size, size))
    elif kind == "star":
        pts = []
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.45
            angle = np.pi / 2 + i * np.pi / 5
            pts.append(QPointF(radius * np.cos(angle), -radius * np.sin(angle)))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    return path


def short_label(row: pd.Series, text: str, keep: int) -> str:
    """A label too wide for its feature: the grid's short name (第3网格) when it has
    one, else the last ``keep`` characters (the serial of a grid code)."""
    name = _text(row, "name")
    if name and len(name) <= 8 and (name.startswith("第") or len(name) < len(text)):
        return name
    return text[-keep:]


def _text(row: pd.Series, field: str | None) -> str:
    if not field or field not in row.index:
        return ""
    value = row[field]
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


class _Occupancy:
    """Screen rectangles already taken by labels, on a coarse grid."""

    CELL = 64.0

    def __init__(self, cell: float = CELL) -> None:
        self.cell = max(float(cell), 1.0)
        self._cells: dict[tuple[int, int], list[QRectF]] = {}

    def block_outside(self, target: QRectF) -> None:
        """Take the bands around ``target``: labels crossing its edge then collide."""
        band = self.cell
        t = target
        for rect in (QRectF(t.left() - band, t.top() - band, t.width() + 2 * band, band),
                     QRectF(t.left() - band, t.bottom(), t.width() + 2 * band, band),
                     QRectF(t.left() - band, t.top(), band, t.height()),
                     QRectF(t.right(), t.top(), band, t.height())):
            self.take(rect)

    def take(self, rect: QRectF) -> bool:
        c = self.cell
        keys = [(i, j)
                for i in range(int(rect.left() // c), int(rect.right() // c) + 1)
                for j in range(int(rect.top() // c), int(rect.bottom() // c) + 1)]
        for key in keys:
            if any(r.intersects(rect) for r in self._cells.get(key, ())):
                return False
        for key in keys:
            self._cells.setdefault(key, []).append(rect)
        return True

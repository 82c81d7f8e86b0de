"""Texts, legend and north arrow of the printed grid maps.

The print layout also runs from the command line, so its texts cannot come
from Qt's translation: like the other exports it takes a ``lang`` code and
looks its words up here, falling back to the shared export labels of
:mod:`gridplanner.io.labels`. Legend entries are drawn from the same
:class:`~gridplanner.render.styles.MapStyle` objects the map is painted with,
so the legend always matches the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from gridplanner.io.labels import check_lang, label
from gridplanner.render.fonts import label_font
from gridplanner.render.painter import symbol_path
from gridplanner.render.styles import MapStyle

PRINT_LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "grid_map": "网格作战图",
        "continued": "（续）",
        "other_cells": "其他社区网格",
        "incomplete": "网格长或网格员待配齐",
        "focus_cell": "本网格",
        "buildings": "楼栋",
        "network": "道路",
        "subdistrict_boundary": "街道界",
        "community_boundary": "社区界",
        "compound_boundary": "小区界",
        "author": "制图",
        "date": "日期",
        "scale": "比例尺",
        "page": "第 {n} / {total} 页",
        "north": "北",
        "cell_count": "网格数",
        "households_total": "户数",
        "residents_total": "人口",
        "table": "网格人员配置表",
        "whole_plan": "全域",
        "no_coverage": "未计算步行覆盖（缺少服务中心或楼栋）",
        "coverage_of": "{level}米覆盖户数占比",
    },
    "en": {
        "grid_map": "Grid map",
        "continued": " (continued)",
        "other_cells": "Cells of other communities",
        "incomplete": "Leader or worker missing",
        "focus_cell": "This grid cell",
        "buildings": "Buildings",
        "network": "Streets",
        "subdistrict_boundary": "Sub-district boundary",
        "community_boundary": "Community boundary",
        "compound_boundary": "Compound boundary",
        "author": "Map by",
        "date": "Date",
        "scale": "Scale",
        "page": "Page {n} of {total}",
        "north": "N",
        "cell_count": "Grid cells",
        "households_total": "Households",
        "residents_total": "Residents",
        "table": "Grid staffing table",
        "whole_plan": "Whole plan",
        "no_coverage": "No walking coverage (no centres or buildings)",
        "coverage_of": "Households within {level} m",
    },
}


def print_label(key: str, lang: str | None = "zh_CN", **values: object) -> str:
    """A text of the printed map in ``lang`` (print words first, then export labels)."""
    table = PRINT_LABELS[check_lang(lang)]
    if key in table:
        text = table[key]
        return text.format(**values) if values else text
    return label(key, lang, **values)


@dataclass
class LegendItem:
    """One legend row: a swatch drawn like ``style`` and its text.

    ``shape`` is "fill" (polygon swatch), "line", "point" or "palette"
    (a few cell colours side by side).
    """

    shape: str
    style: MapStyle
    text: str


def draw_legend(painter: QPainter, rect: QRectF, title: str, items: list[LegendItem],
                mm: float, font_pt: float = 7.5) -> float:
    """Draw the legend in ``rect`` (device pixels; ``mm`` pixels per millimetre).

    Returns the height used, in device pixels.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    title_font = label_font(font_pt + 1.5, bold=True)
    painter.setFont(title_font)
    painter.setPen(QColor("#202020"))
    line = QFontMetricsF(title_font, painter.device()).height()
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    y = rect.top() + line + 1.5 * mm
    font = label_font(font_pt)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    row = max(metrics.height(), 4.2 * mm) + 1.2 * mm
    swatch = QRectF(0, 0, 7 * mm, 3.8 * mm)
    text_left = rect.left() + swatch.width() + 2 * mm
    for item in items:
        if y + row > rect.bottom():
            break
        swatch.moveTo(rect.left(), y + (row - 1.2 * mm - swatch.height()) / 2)
        _draw_swatch(painter, item, swatch, mm)
        painter.setPen(QColor("#202020"))
        text_rect = QRectF(text_left, y, rect.right() - text_left, row - 1.2 * mm)
        text = metrics.elidedText(item.text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         text)
        y += row
    painter.restore()
    return y - rect.top()


def _pen(style: MapStyle, mm: float, minimum: float = 0.15) -> QPen:
    if not style.outline:
        return QPen(Qt.PenStyle.NoPen)
    width = max(minimum, style.outline_width * 0.26) * mm  # a screen pixel ≈ 0.26 mm
    pen = QPen(QColor(style.outline), width)
    pen.setStyle({"dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine,
                  "dashdot": Qt.PenStyle.DashDotLine}.get(style.dash, Qt.PenStyle.SolidLine))
    return pen


def _brush(colour: str | None, alpha: int = 255) -> QBrush:
    if not colour:
        return QBrush(Qt.BrushStyle.NoBrush)
    c = QColor(colour)
    c.setAlpha(int(c.alpha() * alpha / 255))
    return QBrush(c)


def _draw_swatch(p: QPainter, item: LegendItem, r: QRectF, mm: float) -> None:
    s = item.style
    if item.shape == "line":
        p.setPen(_pen(s, mm, 0.25))
        p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))
    elif item.shape == "point":
        size = min(r.height(), s.symbol_size * 0.3 * mm)
        p.setPen(_pen(s, mm) if s.symbol != "square" else QPen(Qt.PenStyle.NoPen))
        p.setBrush(_brush(s.fill))
        p.drawPath(symbol_path(s.symbol, size).translated(r.center()))
    elif item.shape == "palette" and s.palette:
        n = min(4, len(s.palette))
        w = r.width() / n
        for i in range(n):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_brush(s.palette[i], s.fill_alpha))
            p.drawRect(QRectF(r.left() + i * w, r.top(), w, r.height()))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(_pen(s, mm))
        p.drawRect(r)
    else:
        p.setPen(_pen(s, mm))
        p.setBrush(_brush(s.fill, s.fill_alpha))
        p.drawRect(r)


def draw_north_arrow(painter: QPainter, centre: QPointF, size: float, text: str) -> None:
    """A north arrow ``size`` device pixels tall centred on ``centre`` (north is up)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    h, w = size, size * 0.42
    top = QPointF(centre.x(), centre.y() - h / 2)
    bottom = QPointF(centre.x(), centre.y() + h / 2)
    base_y = centre.y() + h * 0.3
    left = QPolygonF([top, QPointF(centre.x() - w / 2, base_y), QPointF(centre.x(), bottom.y()
                                                                         - h * 0.12)])
    right = QPolygonF([top, QPointF(centre.x() + w / 2, base_y), QPointF(centre.x(), bottom.y()
                                                                          - h * 0.12)])
    pen = QPen(QColor("#202020"), max(1.0, size * 0.02))
    painter.setPen(pen)
    painter.setBrush(QColor("#202020"))
    painter.drawPolygon(left)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPolygon(right)
    font = label_font(9.0, bold=True)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    box = QRectF(centre.x() - size, top.y() - metrics.height() - size * 0.04, 2 * size,
                 metrics.height())
    painter.setPen(QColor("#202020"))
    painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)
    painter.restore()

"""Map furniture drawn in screen space: the scale bar (canvas, PNG, print)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from gridplanner.render.fonts import label_font


def nice_length(max_metres: float) -> float:
    """The largest 1, 2 or 5 × 10^k metres not above ``max_metres``."""
    if max_metres <= 0 or not math.isfinite(max_metres):
        return 0.0
    power = 10 ** math.floor(math.log10(max_metres))
    for step in (5, 2, 1):
        if step * power <= max_metres:
            return step * power
    return power


def format_length(metres: float) -> str:
    if metres >= 1000:
        km = metres / 1000
        return f"{km:g} km"
    return f"{metres:g} m"


def draw_scale_bar(painter: QPainter, target: QRectF, pixel_size: float,
                   max_width_px: float = 160.0, margin: float = 12.0,
                   scale: float = 1.0) -> None:
    """Draw a two-segment scale bar in the lower left corner of ``target``.

    Parameters
    ----------
    pixel_size
        Map units (metres) per device pixel.
    scale
        Device pixels per screen pixel for the bar's sizes and spacing
        (``max_width_px`` and ``margin`` are device pixels already); the
        text is 8 pt on any device.
    """
    if pixel_size <= 0:
        return
    length = nice_length(max_width_px * pixel_size)
    if length <= 0:
        return
    width = length / pixel_size
    k = scale
    x0 = target.left() + margin
    y0 = target.bottom() - margin
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    font = label_font(8.0)
    painter.setFont(font)
    text = format_length(length)
    metrics = painter.fontMetrics()
    metrics_h = metrics.height()
    overhang = metrics.horizontalAdvance(text) / 2
    box = QRectF(x0 - 6 * k, y0 - 10 * k - metrics_h - 2 * k, width + 12 * k + overhang,
                 metrics_h + 18 * k)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 190))
    painter.drawRoundedRect(box, 3 * k, 3 * k)
    half = width / 2
    for i, colour in enumerate(("#222222", "#ffffff")):
        painter.setBrush(QColor(colour))
        painter.setPen(QPen(QColor("#222222"), k))
        painter.drawRect(QRectF(x0 + i * half, y0 - 6 * k, half, 5 * k))
    painter.setPen(QColor("#222222"))
    painter.drawText(QPointF(x0, y0 - 10 * k), "0")
    painter.drawText(QPointF(x0 + width - overhang, y0 - 10 * k), text)
    painter.restore()


def halo_text_path(text: str, font, anchor: QPointF) -> QPainterPath:
    """A text outline centred on ``anchor`` (for labels with a white halo).

    Lines separated by ``\\n`` are stacked, each centred horizontally.
    """
    path = QPainterPath()
    lines = text.split("\n")
    if len(lines) == 1:
        path.addText(QPointF(0, 0), font, text)
    else:
        metrics = QFontMetricsF(font)
        for i, line in enumerate(lines):
            x = -metrics.horizontalAdvance(line) / 2
            path.addText(QPointF(x, i * metrics.lineSpacing()), font, line)
    rect = path.boundingRect()
    path.translate(anchor.x() - rect.center().x(), anchor.y() - rect.center().y())
    return path

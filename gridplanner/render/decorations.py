"""Map furniture drawn in screen space: the scale bar (canvas, PNG, print)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

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
                   max_width_px: float = 160.0, margin: float = 12.0) -> None:
    """Draw a two-segment scale bar in the lower left corner of ``target``.

    Parameters
    ----------
    pixel_size
        Map units (metres) per device pixel.
    """
    if pixel_size <= 0:
        return
    length = nice_length(max_width_px * pixel_size)
    if length <= 0:
        return
    width = length / pixel_size
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
    box = QRectF(x0 - 6, y0 - 10 - metrics_h - 2, width + 12 + overhang, metrics_h + 18)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 190))
    painter.drawRoundedRect(box, 3, 3)
    half = width / 2
    for i, colour in enumerate(("#222222", "#ffffff")):
        painter.setBrush(QColor(colour))
        painter.setPen(QPen(QColor("#222222"), 1))
        painter.drawRect(QRectF(x0 + i * half, y0 - 6, half, 5))
    painter.setPen(QColor("#222222"))
    painter.drawText(QPointF(x0, y0 - 10), "0")
    painter.drawText(QPointF(x0 + width - overhang, y0 - 10), text)
    painter.restore()


def halo_text_path(text: str, font, anchor: QPointF) -> QPainterPath:
    """A text outline centred on ``anchor`` (for labels with a white halo)."""
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, text)
    rect = path.boundingRect()
    path.translate(anchor.x() - rect.center().x(), anchor.y() - rect.center().y())
    return path

"""Toolbar icons of the grid tools, drawn with QPainter like :mod:`gridplanner.qt.shell.icons`."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPolygonF

from gridplanner.qt.shell.icons import INK, icon_from_painter, pen

ACCENT = QColor("#e6007e")
FILL = QColor("#bcd7ec")
_CELL = QPolygonF([QPointF(4, 6), QPointF(15, 3), QPointF(20, 12), QPointF(13, 21),
                   QPointF(4, 17)])


def _cell(p: QPainter) -> None:
    p.setPen(pen())
    p.setBrush(FILL)
    p.drawPolygon(_CELL)


def _vertices(p: QPainter, points: list[QPointF], colour: QColor = INK) -> None:
    p.setPen(pen(colour, 1.2))
    p.setBrush(QColor("#ffffff"))
    for pt in points:
        p.drawRect(QRectF(pt.x() - 1.8, pt.y() - 1.8, 3.6, 3.6))


def _draw_cell(p: QPainter) -> None:
    _cell(p)
    _vertices(p, [_CELL.at(i) for i in range(_CELL.size())])


def _vertex(p: QPainter) -> None:
    _cell(p)
    p.setPen(pen(ACCENT, 1.6))
    p.drawLine(QPointF(20, 12), QPointF(22, 20))
    _vertices(p, [QPointF(20, 12)], ACCENT)


def _split(p: QPainter) -> None:
    _cell(p)
    p.setPen(pen(ACCENT, 2.0))
    p.drawLine(QPointF(8, 1), QPointF(17, 23))


def _paint(p: QPainter) -> None:
    p.setPen(pen(INK, 1.0))
    p.setBrush(QColor("#9a9a9a"))
    for x, y in ((3, 14), (9, 17), (3, 19)):
        p.drawRect(QRectF(x, y, 4, 3))
    p.setPen(pen(INK, 2.4))
    p.drawLine(QPointF(21, 2), QPointF(12, 12))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ACCENT)
    p.drawEllipse(QPointF(11, 13), 3.2, 3.2)


def _avoid_overlap(p: QPainter) -> None:
    p.setPen(pen())
    p.setBrush(FILL)
    p.drawRect(QRectF(3, 3, 11, 11))
    p.setBrush(QColor("#f6c6dc"))
    p.drawPolygon(QPolygonF([QPointF(14, 8), QPointF(21, 8), QPointF(21, 21), QPointF(8, 21),
                             QPointF(8, 14), QPointF(14, 14)]))


def _status(p: QPainter) -> None:
    p.setPen(pen(INK, 1.2))
    for i, colour in enumerate(("#9ecae1", "#a1d99b", "#fc9272")):
        p.setBrush(QColor(colour))
        p.drawRect(QRectF(3 + i * 6.5, 8, 6, 9))


def _generate(p: QPainter) -> None:
    p.setPen(pen(INK, 1.3))
    p.setBrush(FILL)
    for cx, cy in ((8, 7), (16, 7), (12, 14), (4, 14), (20, 14), (8, 21), (16, 21)):
        hexagon = QPolygonF([QPointF(cx + 4 * math.cos(a * math.pi / 3),
                                     cy + 4 * math.sin(a * math.pi / 3)) for a in range(6)])
        p.drawPolygon(hexagon)


def _validate(p: QPainter) -> None:
    p.setPen(pen())
    p.setBrush(FILL)
    p.drawRect(QRectF(3, 3, 15, 15))
    p.setPen(pen(QColor("#1a9641"), 2.6))
    p.drawPolyline(QPolygonF([QPointF(8, 13), QPointF(12, 18), QPointF(21, 6)]))


PAINTERS: dict[str, Callable[[QPainter], None]] = {
    "tool_draw_cell": _draw_cell, "tool_vertex": _vertex, "tool_split": _split,
    "tool_paint": _paint, "avoid_overlap": _avoid_overlap, "status_colours": _status,
    "generate": _generate, "validate": _validate,
}


def grid_icon(name: str) -> QIcon:
    """The icon of grid action ``name`` (empty if it has none)."""
    draw = PAINTERS.get(name)
    return QIcon() if draw is None else icon_from_painter(draw)

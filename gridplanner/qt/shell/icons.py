"""Toolbar icons drawn with QPainter (no image files to ship or license).

``icon(name)`` returns a QIcon for the names used in
:mod:`gridplanner.qt.shell.actions`; an unknown name gives an empty icon. Each
icon is drawn on a 24-unit grid and rendered at 24 and 48 pixels by
:func:`icon_from_painter`, which other icon sets (:mod:`gridplanner.qt.grids.icons`)
share together with :func:`pen`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

INK = QColor("#2f3b48")
ACCENT = QColor("#1f6fd1")
PAPER = QColor("#ffffff")


def pen(colour: QColor = INK, width: float = 1.8) -> QPen:
    """A round-capped, round-joined icon pen (``width`` in 24-grid units)."""
    result = QPen(colour, width)
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return result


def _magnifier(p: QPainter, sign: str = "") -> None:
    p.setPen(pen(width=2.2))
    p.setBrush(PAPER)
    p.drawEllipse(QPointF(10, 10), 6.5, 6.5)
    p.drawLine(QPointF(15, 15), QPointF(21, 21))
    p.setPen(pen(ACCENT, 2.0))
    if sign:
        p.drawLine(QPointF(7, 10), QPointF(13, 10))
    if sign == "+":
        p.drawLine(QPointF(10, 7), QPointF(10, 13))


def _pan(p: QPainter) -> None:
    p.setPen(pen(width=2.0))
    p.drawLine(QPointF(12, 3), QPointF(12, 21))
    p.drawLine(QPointF(3, 12), QPointF(21, 12))
    for a, b, c in (((9, 6), (12, 3), (15, 6)), ((9, 18), (12, 21), (15, 18)),
                    ((6, 9), (3, 12), (6, 15)), ((18, 9), (21, 12), (18, 15))):
        p.drawPolyline(QPolygonF([QPointF(*a), QPointF(*b), QPointF(*c)]))


def _select(p: QPainter) -> None:
    dash = pen(ACCENT, 1.4)
    dash.setStyle(Qt.PenStyle.DashLine)
    p.setPen(dash)
    p.setBrush(QColor(31, 111, 209, 40))
    p.drawRect(QRectF(3, 3, 14, 12))
    arrow = QPainterPath(QPointF(11, 9))
    for x, y in ((11, 22), (14.5, 18.5), (17, 23), (19, 22), (16.8, 17.5), (21, 17.2)):
        arrow.lineTo(x, y)
    arrow.closeSubpath()
    p.setPen(pen(width=1.3))
    p.setBrush(PAPER)
    p.drawPath(arrow)


def _identify(p: QPainter) -> None:
    p.setPen(pen(ACCENT, 2.0))
    p.setBrush(PAPER)
    p.drawEllipse(QPointF(12, 12), 9, 9)
    p.drawLine(QPointF(12, 11), QPointF(12, 17))
    p.setPen(pen(ACCENT, 2.8))
    p.drawPoint(QPointF(12, 7.2))


def _full(p: QPainter) -> None:
    p.setPen(pen(width=2.0))
    for x, y, dx, dy in ((3, 3, 1, 1), (21, 3, -1, 1), (3, 21, 1, -1), (21, 21, -1, -1)):
        p.drawPolyline(QPolygonF([QPointF(x, y + 5 * dy), QPointF(x, y), QPointF(x + 5 * dx, y)]))
    p.setPen(pen(ACCENT, 1.6))
    p.setBrush(QColor(31, 111, 209, 50))
    p.drawRect(QRectF(8, 8, 8, 8))


def _open(p: QPainter) -> None:
    p.setPen(pen(width=1.6))
    p.setBrush(QColor("#f2c14e"))
    folder = QPolygonF([QPointF(*xy) for xy in ((2, 6), (9, 6), (11, 8), (20, 8), (20, 19),
                                                (2, 19))])
    p.drawPolygon(folder)
    p.setBrush(QColor("#f7d57e"))
    p.drawPolygon(QPolygonF([QPointF(*xy) for xy in ((5, 11), (22, 11), (19, 19), (2, 19))]))


def _save(p: QPainter) -> None:
    p.setPen(pen(width=1.6))
    p.setBrush(ACCENT)
    p.drawRoundedRect(QRectF(3, 3, 18, 18), 2, 2)
    p.setBrush(PAPER)
    p.drawRect(QRectF(7, 3, 10, 6))
    p.drawRect(QRectF(6, 13, 12, 8))


_PAINTERS: dict[str, Callable[[QPainter], None]] = {
    "open": _open,
    "save": _save,
    "tool_pan": _pan,
    "tool_zoom": lambda p: _magnifier(p),
    "tool_select": _select,
    "tool_identify": _identify,
    "zoom_in": lambda p: _magnifier(p, "+"),
    "zoom_out": lambda p: _magnifier(p, "-"),
    "zoom_full": _full,
}


def has_icon(name: str) -> bool:
    return name in _PAINTERS


def icon_from_painter(draw: Callable[[QPainter], None]) -> QIcon:
    """An icon drawn by ``draw`` on a 24-unit grid, rendered at 24 and 48 pixels."""
    result = QIcon()
    for size in (24, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(size / 24, size / 24)
        draw(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def icon(name: str) -> QIcon:
    """The icon of action ``name`` (empty if it has none)."""
    draw = _PAINTERS.get(name)
    return QIcon() if draw is None else icon_from_painter(draw)

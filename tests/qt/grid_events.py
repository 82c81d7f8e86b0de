"""Synthetic mouse and key events for the grid tool tests (map coordinates in, events out)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.MouseButton.NoButton
NOMOD = Qt.KeyboardModifier.NoModifier


def widget_point(canvas, x: float, y: float, dx: float = 0.0, dy: float = 0.0) -> QPointF:
    """The widget position of map point (x, y), shifted by (dx, dy) pixels."""
    p = canvas.map_to_widget(QPointF(x, y))
    return QPointF(p.x() + dx, p.y() + dy)


def send_mouse(canvas, kind, pos: QPointF, button=LEFT, buttons=None, modifiers=NOMOD) -> None:
    buttons = button if buttons is None else buttons
    event = QMouseEvent(kind, QPointF(pos), QPointF(canvas.mapToGlobal(pos)), button, buttons,
                        modifiers)
    QApplication.sendEvent(canvas, event)


def click(canvas, pos: QPointF, button=LEFT, modifiers=NOMOD) -> None:
    send_mouse(canvas, QEvent.Type.MouseMove, pos, NONE, NONE, modifiers)
    send_mouse(canvas, QEvent.Type.MouseButtonPress, pos, button, modifiers=modifiers)
    send_mouse(canvas, QEvent.Type.MouseButtonRelease, pos, button, NONE, modifiers)


def double_click(canvas, pos: QPointF) -> None:
    click(canvas, pos)
    send_mouse(canvas, QEvent.Type.MouseButtonDblClick, pos)
    send_mouse(canvas, QEvent.Type.MouseButtonRelease, pos, LEFT, NONE)


def drag(canvas, points: list[QPointF], modifiers=NOMOD, release: bool = True) -> None:
    """Press at the first point, move through the others, release at the last."""
    send_mouse(canvas, QEvent.Type.MouseButtonPress, points[0], modifiers=modifiers)
    for p in points[1:]:
        send_mouse(canvas, QEvent.Type.MouseMove, p, NONE, LEFT, modifiers)
    if release:
        send_mouse(canvas, QEvent.Type.MouseButtonRelease, points[-1], LEFT, NONE, modifiers)


def key(canvas, k) -> None:
    QApplication.sendEvent(canvas, QKeyEvent(QEvent.Type.KeyPress, k, NOMOD))


def map_clicks(canvas, coords, **kw) -> None:
    for x, y in coords:
        click(canvas, widget_point(canvas, x, y), **kw)

"""The map canvas: shows a plan, pans and zooms smoothly, hosts map tools.

The view is a centre point and a pixel size (map units per widget pixel).
The map is rendered by :class:`~gridplanner.render.painter.MapPainter` into
a cached image; while the user pans or zooms, ``paintEvent`` only moves and
scales that image (a few milliseconds per frame) and a short idle timer
renders the new view properly. Overlays (selection highlight, rubber bands,
scale bar) are drawn on top at every frame.

Selection and hit-testing live in :mod:`gridplanner.qt.map.canvas_selection`.
Public API used by tools and docks: :meth:`map_to_widget`,
:meth:`widget_to_map`, :meth:`set_extent`, :meth:`extent`, :meth:`scale`,
:meth:`pixel_size`, :meth:`zoom_by`, :meth:`pan_by_pixels`,
:meth:`set_map_tool`, :meth:`add_item` / :meth:`remove_item`,
:meth:`set_selection` / :meth:`selection`, :meth:`features_at`, and the
signals ``scaleChanged(float)``, ``cursorMoved(float, float)``,
``extentChanged()``, ``selectionChanged(str, list)``,
``currentLayerChanged(str)``.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QWidget

from gridplanner.model.layer import LayerChange
from gridplanner.model.plan import Plan
from gridplanner.qt.map.canvas_basemap import CanvasBasemapMixin
from gridplanner.qt.map.canvas_selection import CanvasSelectionMixin
from gridplanner.qt.map.tools.base import MapMouseEvent, MapTool
from gridplanner.render.decorations import draw_scale_bar
from gridplanner.render.painter import MapPainter, paint_selection
from gridplanner.render.styles import (
    BACKGROUND,
    DEFAULT_LAYER_ORDER,
    MapStyle,
    default_styles,
    styles_from_plan,
)

Box = tuple[float, float, float, float]
INCH_M = 0.0254


class MapCanvas(CanvasSelectionMixin, CanvasBasemapMixin, QWidget):
    """A native map view of one plan (see the module docstring)."""

    scaleChanged = Signal(float)
    cursorMoved = Signal(float, float)
    extentChanged = Signal()
    selectionChanged = Signal(str, list)
    currentLayerChanged = Signal(str)
    renderFinished = Signal(float)  # milliseconds
    stylesChanged = Signal(str)  # layer name, "" for all: the plan's saved look changed
    basemapStatus = Signal(str)  # a basemap's one-line problem (dead server, bad tile)

    def __init__(self, parent: QWidget | None = None, map_painter: MapPainter | None = None):
        super().__init__(parent)
        self.map_painter = map_painter or MapPainter()
        self.styles: dict[str, MapStyle] = default_styles()
        self.layer_order: list[str] = list(DEFAULT_LAYER_ORDER)
        self.idle_ms = 120
        self.plan: Plan | None = None
        self._centre = QPointF(0.0, 0.0)
        self._pixel = 1.0
        self._image: QImage | None = None
        self._image_view: tuple[QPointF, float, QSize] | None = None
        self._tool: MapTool | None = None
        self._items: list[Any] = []
        self._selection: dict[str, list[int]] = {}
        self._highlight: tuple[tuple, Any] | None = None
        self._current_layer = ""
        self._drag_last: QPointF | None = None
        self.last_render_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.render_now)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._init_basemaps()

    # -- plan -----------------------------------------------------------------
    def set_plan(self, plan: Plan | None, zoom: bool = True) -> None:
        """Show ``plan`` (zoomed to its extent unless ``zoom`` is False)."""
        if self.plan is not None:
            self.plan.layer_changed.disconnect(self._on_layer_changed)
            self.plan.styles_changed.disconnect(self._on_styles_changed)
            self.plan.layer_order_changed.disconnect(self._on_layer_order_changed)
        self.plan = plan
        self._selection.clear()
        self._highlight = None
        self.styles = styles_from_plan(plan.styles if plan is not None else None)
        if plan is not None:
            plan.layer_changed.connect(self._on_layer_changed)
            plan.styles_changed.connect(self._on_styles_changed)
            plan.layer_order_changed.connect(self._on_layer_order_changed)
            self.layer_order = list(plan.layer_order or DEFAULT_LAYER_ORDER)
            if zoom:
                self.zoom_to_full()
        self._follow_basemaps(plan)
        self.refresh()

    def _on_layer_changed(self, change: LayerChange) -> None:
        fids = self._selection.get(change.layer)
        if fids and change.kind in ("removed", "reset") and self.plan is not None:
            present = set(self.plan.layer(change.layer).frame.index)
            keep = [f for f in fids if f in present]
            if keep != fids:
                self.set_selection(change.layer, keep)
        self._highlight = None
        self.refresh(delay_ms=0)

    def _on_layer_order_changed(self, order: list[str]) -> None:
        self.layer_order = list(order or DEFAULT_LAYER_ORDER)
        self.refresh(delay_ms=0)
        self.stylesChanged.emit("")

    def _on_styles_changed(self, layer: str) -> None:
        """Take the plan's saved look of ``layer`` (of every layer when "")."""
        saved = styles_from_plan(self.plan.styles if self.plan is not None else None)
        if layer:
            self.styles[layer] = saved.get(layer, MapStyle())
        else:
            self.styles = saved
        self.refresh(delay_ms=0)
        self.stylesChanged.emit(layer)

    def refresh(self, delay_ms: int | None = None) -> None:
        """Re-render soon (after ``delay_ms``, default the idle delay)."""
        self._timer.start(self.idle_ms if delay_ms is None else delay_ms)
        self.update()

    def is_render_pending(self) -> bool:
        return self._timer.isActive()

    # -- coordinates ----------------------------------------------------------
    def pixel_size(self) -> float:
        """Map units (metres) per widget pixel."""
        return self._pixel

    def scale(self) -> float:
        """The scale denominator N of 1:N on this screen."""
        dpi = self.logicalDpiX() or 96
        return self._pixel * dpi / INCH_M

    def centre(self) -> QPointF:
        return QPointF(self._centre)

    def transform(self) -> QTransform:
        """Map units → widget pixels."""
        s = 1.0 / self._pixel
        c = self._centre
        return QTransform(s, 0, 0, -s, self.width() / 2 - c.x() * s, self.height() / 2 + c.y() * s)

    def map_to_widget(self, point: QPointF) -> QPointF:
        s = 1.0 / self._pixel
        return QPointF(self.width() / 2 + (point.x() - self._centre.x()) * s,
                       self.height() / 2 - (point.y() - self._centre.y()) * s)

    def widget_to_map(self, point: QPointF) -> QPointF:
        return QPointF(self._centre.x() + (point.x() - self.width() / 2) * self._pixel,
                       self._centre.y() - (point.y() - self.height() / 2) * self._pixel)

    def extent(self) -> Box:
        """(xmin, ymin, xmax, ymax) the widget shows."""
        hw, hh = self.width() * self._pixel / 2, self.height() * self._pixel / 2
        c = self._centre
        return (c.x() - hw, c.y() - hh, c.x() + hw, c.y() + hh)

    # -- moving the view -----------------------------------------------------
    def _set_view(self, centre: QPointF, pixel: float) -> None:
        pixel = float(min(max(pixel, 1e-4), 1e6))
        old_scale = self._pixel
        if centre == self._centre and pixel == old_scale:
            return
        self._centre, self._pixel = QPointF(centre), pixel
        self.extentChanged.emit()
        if pixel != old_scale:
            self.scaleChanged.emit(self.scale())
        self.refresh()

    def set_extent(self, box: Box, margin: float = 0.0) -> None:
        """Show the whole of ``box`` (plus ``margin`` as a share of its size)."""
        x0, y0, x1, y1 = (float(v) for v in box)
        w, h = max(x1 - x0, 0.0), max(y1 - y0, 0.0)
        x0, x1, y0, y1 = x0 - w * margin, x1 + w * margin, y0 - h * margin, y1 + h * margin
        w, h = x1 - x0, y1 - y0
        pixel = max(w / max(self.width(), 1), h / max(self.height(), 1))
        if pixel <= 0:
            pixel = self._pixel
        self._set_view(QPointF((x0 + x1) / 2, (y0 + y1) / 2), pixel)

    def set_centre(self, x: float, y: float) -> None:
        self._set_view(QPointF(x, y), self._pixel)

    def set_scale(self, denominator: float) -> None:
        dpi = self.logicalDpiX() or 96
        self._set_view(self._centre, denominator * INCH_M / dpi)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Multiply the pixel size by ``factor`` (<1 zooms in), keeping ``anchor`` still."""
        if anchor is None:
            self._set_view(self._centre, self._pixel * factor)
            return
        fixed = self.widget_to_map(anchor)
        c = self._centre
        centre = QPointF(fixed.x() + (c.x() - fixed.x()) * factor,
                         fixed.y() + (c.y() - fixed.y()) * factor)
        self._set_view(centre, self._pixel * factor)

    def pan_by_pixels(self, dx: float, dy: float) -> None:
        """Move the map content by (dx, dy) widget pixels."""
        c = self._centre
        self._set_view(QPointF(c.x() - dx * self._pixel, c.y() + dy * self._pixel), self._pixel)

    def zoom_to_full(self) -> None:
        extent = self.plan.extent() if self.plan is not None else None
        if extent is not None:
            self.set_extent(extent, margin=0.03)

    def zoom_to_layer(self, name: str) -> None:
        if self.plan is not None and (b := self.plan.layer(name).total_bounds()) is not None:
            self.set_extent(b, margin=0.05)

    def zoom_to_selection(self) -> None:
        if self.plan is None:
            return
        boxes = []
        for layer, fids in self._selection.items():
            if fids:
                cache = self.map_painter.cache(self.plan, layer)
                b = cache.bounds[cache.positions_of(fids)]
                if len(b):
                    boxes.append((b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()))
        if boxes:
            a = np.array(boxes)
            box = (a[:, 0].min(), a[:, 1].min(), a[:, 2].max(), a[:, 3].max())
            if box[2] - box[0] < 50 * self._pixel and box[3] - box[1] < 50 * self._pixel:
                self.set_centre((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
            else:
                self.set_extent(box, margin=0.1)

    # -- rendering -------------------------------------------------------------
    def render_now(self) -> float:
        """Render the current view into the cache image now; returns milliseconds."""
        self._timer.stop()
        started = time.perf_counter()
        dpr = self.devicePixelRatioF()
        size = self.size()
        # Drawn in device pixels (pens and halos scaled by dpr, fonts by the image's dpi)
        # so lines keep their on-screen width on a 125–200 % display, then shown at dpr.
        image = QImage(max(1, int(size.width() * dpr)), max(1, int(size.height() * dpr)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        dots_per_metre = round((self.logicalDpiX() or 96) * dpr / INCH_M)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor(BACKGROUND))
        if self.plan is not None:
            painter = QPainter(image)
            target = QRectF(0, 0, image.width(), image.height())
            under = self._paint_basemaps(painter, target)
            self.map_painter.paint(painter, self.plan, self.extent(), target, self.styles,
                                   self.layer_order, line_scale=dpr, background=not under)
            painter.end()
        image.setDevicePixelRatio(dpr)
        self._image = image
        self._image_view = (QPointF(self._centre), self._pixel, QSize(size))
        self.last_render_ms = (time.perf_counter() - started) * 1000
        self.update()
        self.renderFinished.emit(self.last_render_ms)
        return self.last_render_ms

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        self._paint_cached_map(painter)
        self._paint_selection(painter)
        for item in self._items:
            if getattr(item, "visible", True):
                item.paint(painter, self)
        self._paint_attribution(painter)
        draw_scale_bar(painter, QRectF(self.rect()), self._pixel)
        painter.end()

    def _paint_cached_map(self, painter: QPainter) -> None:
        if self._image is None or self._image_view is None:
            return
        centre, pixel, size = self._image_view
        if centre == self._centre and pixel == self._pixel and size == self.size():
            painter.drawImage(QPointF(0, 0), self._image)
            return
        top_left = self.map_to_widget(QPointF(centre.x() - size.width() * pixel / 2,
                                              centre.y() + size.height() * pixel / 2))
        k = pixel / self._pixel
        target = QRectF(top_left, QRectF(0, 0, size.width() * k, size.height() * k).size())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, k < 4)
        painter.drawImage(target, self._image, QRectF(self._image.rect()))

    def _paint_selection(self, painter: QPainter) -> None:
        if self.plan is None:
            return
        for layer, fids in self._selection.items():
            style = self.styles.get(layer)
            if not fids or (style is not None and not style.visible):
                continue
            key = (layer, id(fids), len(fids), self.map_painter.caches.generation)
            if self._highlight is None or self._highlight[0] != key:
                self._highlight = (key, self.map_painter.selection_shapes(self.plan, layer, fids))
            paint_selection(painter, self._highlight[1], self.transform())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.extentChanged.emit()
        self.refresh()

    # -- overlay items and tools ----------------------------------------------
    def add_item(self, item: Any) -> None:
        """Draw ``item`` (``paint(painter, canvas)``) over the map until removed."""
        if item not in self._items:
            self._items.append(item)
            item.canvas = self
            self.update()

    def remove_item(self, item: Any) -> None:
        if item in self._items:
            self._items.remove(item)
            item.canvas = None
            self.update()

    def items(self) -> list[Any]:
        return list(self._items)

    def map_tool(self) -> MapTool | None:
        return self._tool

    def set_map_tool(self, tool: MapTool | None) -> None:
        """Make ``tool`` the active tool (the previous one is deactivated)."""
        if tool is self._tool:
            return
        if self._tool is not None:
            self._tool.deactivate()
        self._tool = tool
        if tool is not None:
            tool.activate()
        else:
            self.unsetCursor()

    # -- events ---------------------------------------------------------------
    def _map_event(self, e: QMouseEvent) -> MapMouseEvent:
        pos = e.position()
        return MapMouseEvent(pos, self.widget_to_map(pos), e.button(), e.buttons(), e.modifiers())

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self._space_mouse(e, "press"):
            return
        if e.button() == Qt.MouseButton.MiddleButton:
            self._drag_last = e.position()
            return
        if self._tool is not None:
            self._tool.press(self._map_event(e))

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        point = self.widget_to_map(e.position())
        self.cursorMoved.emit(point.x(), point.y())
        if self._space_mouse(e, "move"):
            return
        if self._drag_last is not None:
            delta = e.position() - self._drag_last
            self._drag_last = e.position()
            self.pan_by_pixels(delta.x(), delta.y())
            return
        if self._tool is not None:
            self._tool.move(self._map_event(e))

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self._space_mouse(e, "release"):
            return
        if self._drag_last is not None and e.button() == Qt.MouseButton.MiddleButton:
            self._drag_last = None
            return
        if self._tool is not None:
            self._tool.release(self._map_event(e))

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self._tool is not None:
            self._tool.double_click(self._map_event(e))

    def wheelEvent(self, e: QWheelEvent) -> None:  # noqa: N802
        if self._tool is not None and self._tool.wheel(e):
            return
        steps = e.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(0.8 ** steps, e.position())

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if self._space_key(e, True):
            return
        if self._tool is not None and self._tool.key_press(e):
            return
        step_x, step_y = self.width() / 4, self.height() / 4
        key = e.key()
        moves = {Qt.Key.Key_Left: (step_x, 0), Qt.Key.Key_Right: (-step_x, 0),
                 Qt.Key.Key_Up: (0, step_y), Qt.Key.Key_Down: (0, -step_y)}
        if key in moves:
            self.pan_by_pixels(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(0.5)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(2.0)
        else:
            super().keyPressEvent(e)

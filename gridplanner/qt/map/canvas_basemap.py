"""Basemaps under the canvas's map, and space-bar panning (a mixin of MapCanvas).

The canvas follows the plan's saved basemaps (``Plan.basemaps``): the
:class:`~gridplanner.render.basemap.BasemapRenderer` draws the tiles it
holds into the cached map image and loads the others in worker threads;
each arrival re-renders the view soon after (arrivals are gathered for
``TILE_REFRESH_MS``), so the GUI thread never waits for a tile. The
attribution is drawn over the map at every frame, and ``basemapStatus``
carries a source's one-line error (dead server, malformed tile) to the
status bar.

Space-bar panning: while Space is held, a left drag pans the map whatever
tool is active (the tool gets no events meanwhile), as in QGIS.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QCursor, QImage, QKeyEvent, QMouseEvent, QPainter

from gridplanner.errors import BasemapError
from gridplanner.io.basemap import BasemapSpec, TileCache
from gridplanner.render.basemap import BasemapRenderer, draw_attribution

TILE_REFRESH_MS = 40


_MESSAGES = {
    "dead_server": QT_TRANSLATE_NOOP("BasemapMessages", "Basemap %1: the tile server does not "
                                     "answer; showing the tiles already saved on this computer"),
    "refused": QT_TRANSLATE_NOOP("BasemapMessages", "Basemap %1: the server refused the tiles "
                                 "(HTTP %2); check the key or the address"),
    "not_image": QT_TRANSLATE_NOOP("BasemapMessages", "Basemap %1: the server sent something "
                                   "that is not a map tile (tile %2)"),
    "damaged_tile": QT_TRANSLATE_NOOP("BasemapMessages", "Basemap %1: tile %2 is damaged and "
                                      "is left out"),
    "no_key": QT_TRANSLATE_NOOP("BasemapMessages", "Basemap %1 needs a key: set it in "
                                "Basemap → Tianditu Key…"),
    "unreadable": QT_TRANSLATE_NOOP("BasemapMessages", "Basemap %1: the file cannot be read "
                                    "(%2)"),
}


def basemap_message(error: Exception) -> str:
    """A basemap problem in the UI language (the error's own text when it has no reason)."""
    reason = getattr(error, "reason", "")
    params = getattr(error, "params", {})
    if reason not in _MESSAGES:
        return str(error)
    second = params.get("code", params.get("tile", params.get("file", "")))
    return (QCoreApplication.translate("BasemapMessages", _MESSAGES[reason])
            .replace("%1", str(params.get("name", ""))).replace("%2", str(second)))


class CanvasBasemapMixin:
    """Basemap drawing and space-bar panning for MapCanvas."""

    def _init_basemaps(self) -> None:
        self.basemaps = BasemapRenderer(TileCache(), parent=self)
        self.basemaps.tileLoaded.connect(self._tile_arrived)
        self.basemaps.errorRaised.connect(lambda e: self.basemapStatus.emit(basemap_message(e)))
        self._tile_timer = QTimer(self)
        self._tile_timer.setSingleShot(True)
        self._tile_timer.timeout.connect(lambda: self.refresh(delay_ms=0))
        self._basemap_image: tuple[tuple, QImage] | None = None
        self._basemap_generation = 0
        self._space_down = False
        self._space_drag: QPointF | None = None
        self._basemap_plan = None

    def _follow_basemaps(self, plan) -> None:
        if self._basemap_plan is not None:
            self._basemap_plan.basemaps_changed.disconnect(self._on_basemaps_changed)
        self._basemap_plan = plan
        if plan is not None and hasattr(plan, "basemaps_changed"):
            plan.basemaps_changed.connect(self._on_basemaps_changed)
        self._on_basemaps_changed(getattr(plan, "basemaps", []) if plan is not None else [])

    def _on_basemaps_changed(self, basemaps: list) -> None:
        specs = []
        for data in basemaps:
            try:
                specs.append(BasemapSpec.from_dict(data))
            except BasemapError as exc:
                self.basemapStatus.emit(str(exc))
        self.basemaps.set_specs(specs)
        self._basemap_generation += 1
        self.refresh(delay_ms=0)

    def _tile_arrived(self) -> None:
        if not self._tile_timer.isActive():
            self._tile_timer.start(TILE_REFRESH_MS)

    def _paint_basemaps(self, painter: QPainter, target: QRectF) -> bool:
        """Draw the basemaps into the render image; True when any is shown.

        The drawn basemap is kept and reused while the view, the basemaps and
        the tiles at hand stay the same, so an edit to the plan redraws only
        the plan's layers.
        """
        if self.plan is None or self.plan.crs is None or not self.basemaps.specs:
            return False
        key = (self._centre.x(), self._centre.y(), self._pixel, target.width(),
               target.height(), self._basemap_generation, self.basemaps.tiles_loaded,
               str(self.plan.crs))
        if self._basemap_image is None or self._basemap_image[0] != key:
            image = QImage(int(target.width()), int(target.height()),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            p = QPainter(image)
            self.basemaps.paint(p, self.plan.crs, self.extent(), QRectF(image.rect()))
            p.end()
            self._basemap_image = (key, image)
        painter.drawImage(target.topLeft(), self._basemap_image[1])
        return True

    def _paint_attribution(self, painter: QPainter) -> None:
        if self.plan is not None and self.plan.crs is not None and self.basemaps.specs:
            texts = self.basemaps.attributions()
            if texts:
                draw_attribution(painter, QRectF(self.rect()).adjusted(0, 0, 0, -22), texts)

    # -- space-bar panning ------------------------------------------------------
    def _space_key(self, e: QKeyEvent, down: bool) -> bool:
        if e.key() != Qt.Key.Key_Space or e.isAutoRepeat():
            return e.key() == Qt.Key.Key_Space
        self._space_down = down
        if down:
            self.setCursor(QCursor(Qt.CursorShape.OpenHandCursor))
        else:
            self._space_drag = None
            tool = self.map_tool()
            if tool is not None:
                self.setCursor(tool.cursor)
            else:
                self.unsetCursor()
        return True

    def _space_mouse(self, e: QMouseEvent, kind: str) -> bool:
        """Pan with a left drag while Space is held; True when the event was used."""
        if kind == "press" and self._space_down and e.button() == Qt.MouseButton.LeftButton:
            self._space_drag = e.position()
            self.setCursor(QCursor(Qt.CursorShape.ClosedHandCursor))
            return True
        if self._space_drag is None:
            return False
        if kind == "move":
            delta = e.position() - self._space_drag
            self._space_drag = e.position()
            self.pan_by_pixels(delta.x(), delta.y())
        elif kind == "release":
            self._space_drag = None
            self.setCursor(QCursor(Qt.CursorShape.OpenHandCursor))
        return True

    def keyReleaseEvent(self, e: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if not self._space_key(e, False):
            super().keyReleaseEvent(e)

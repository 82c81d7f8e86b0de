"""Drawing basemaps under the plan: tiles mapped onto their corners in the plan CRS.

:class:`BasemapRenderer` keeps the open sources
(:mod:`gridplanner.io.basemap`), a memory cache of decoded tiles and a pool
of worker threads. ``paint`` draws every tile it already holds, each
through the projective map from the tile's pixels to its four corners in
the plan's metric CRS (exact to well under a pixel over one tile), and
while a tile is still loading it draws the part of a coarser tile it holds.

Two ways to get the missing tiles:

* ``wait=False`` (the canvas): they are read in the background and
  ``tileLoaded`` is emitted as each arrives, so the GUI thread never waits
  for a server, a disk or a large image;
* ``wait=True`` (PNG and PDF exports): ``paint`` reads them first, in
  parallel, up to ``timeout`` seconds.

A source that fails (dead server, malformed tile, unreadable file) records
a one-line ``status`` (also emitted as ``statusChanged``); the rest of the
map is drawn as usual.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QTransform

from gridplanner.errors import BasemapError
from gridplanner.io.basemap import BasemapSpec, TileCache, TileRequest, TileSource, open_source
from gridplanner.io.basemap.sources import basemap_error
from gridplanner.render.painter import Box, as_box, view_transform, visible_box

MEMORY_TILES = 768
WORKERS = 6
WEB_KINDS = ("xyz", "wmts", "mbtiles")


def decode_tile(payload: bytes | np.ndarray) -> QImage | None:
    """A QImage from encoded bytes or an RGBA array (None when it is not an image)."""
    if isinstance(payload, np.ndarray):
        rgba = np.ascontiguousarray(payload, dtype=np.uint8)
        h, w = rgba.shape[:2]
        return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()
    image = QImage.fromData(payload)
    return None if image.isNull() else image


class BasemapRenderer(QObject):
    """Sources, decoded tiles and loader threads for the basemaps of one view."""

    tileLoaded = Signal()
    statusChanged = Signal(str)
    #: the BasemapError behind a new status (its ``reason``/``params`` let the window
    #: say it in the UI language)
    errorRaised = Signal(object)
    #: Service keys every new renderer starts with (the window puts the user's keys
    #: here, so a print or PNG export made from it can reach Tianditu too).
    shared_keys: dict[str, str] = {}

    def __init__(self, cache: TileCache | None = None, keys: Mapping[str, str] | None = None,
                 parent: QObject | None = None, workers: int = WORKERS):
        super().__init__(parent)
        self.cache = cache
        self.keys = {**BasemapRenderer.shared_keys, **(keys or {})}
        self.specs: list[BasemapSpec] = []
        self._sources: dict[str, TileSource] = {}
        self.errors: dict[str, str] = {}
        self._memory: OrderedDict[tuple, QImage] = OrderedDict()
        self._failed: dict[tuple, str] = {}
        self._pending: dict[tuple, Future] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="basemap")
        self.status = ""
        #: tiles decoded so far (a drawn basemap is stale once this moves)
        self.tiles_loaded = 0

    # -- sources -----------------------------------------------------------
    def set_specs(self, specs: Iterable[BasemapSpec]) -> None:
        """Use these basemaps (bottom to top); sources already open are kept."""
        self.specs = list(specs)
        wanted = {s.cache_id for s in self.specs}
        for cid in [c for c in self._sources if c not in wanted]:
            self._sources.pop(cid).close()
        for spec in self.specs:
            if spec.cache_id in self._sources:
                self._sources[spec.cache_id].spec = _keep_file_limits(
                    self._sources[spec.cache_id].spec, spec)
                continue
            try:
                self._sources[spec.cache_id] = open_source(spec, self.cache, self.keys)
                self.errors.pop(spec.cache_id, None)
            except BasemapError as exc:
                self._report(spec.cache_id, str(exc), exc)

    def set_key(self, name: str, value: str) -> None:
        """Set a service key (for new renderers too) and reopen the sources that use it."""
        self.keys[name] = value
        BasemapRenderer.shared_keys[name] = value
        for cid, src in list(self._sources.items()):
            if src.spec.key_name == name:
                del self._sources[cid]
                self._failed = {k: v for k, v in self._failed.items() if k[0] != cid}
        self.set_specs(self.specs)

    def source(self, spec: BasemapSpec) -> TileSource | None:
        return self._sources.get(spec.cache_id)

    def attributions(self) -> list[str]:
        """The attribution of every visible basemap, once each."""
        texts = (self._sources[s.cache_id].spec.attribution for s in self._visible())
        seen = dict.fromkeys(t for t in texts if t)
        return list(seen)

    def _visible(self) -> list[BasemapSpec]:
        return [s for s in self.specs if s.visible and s.opacity > 0
                and s.cache_id in self._sources]

    def _report(self, cid: str, message: str, error: BasemapError | None = None) -> None:
        self.errors[cid] = message
        if message != self.status:
            self.status = message
            self.statusChanged.emit(message)
            self.errorRaised.emit(error if error is not None else BasemapError(message))

    # -- drawing -------------------------------------------------------------
    def paint(self, painter: QPainter, crs: Any, view: Box | QRectF, target: QRectF, *,
              wait_for_tiles: bool = False, timeout: float = 30.0) -> int:
        """Draw the visible basemaps of ``view`` (plan CRS) into ``target``; tiles drawn."""
        if crs is None or not self.specs:
            return 0
        target = QRectF(target)
        transform = view_transform(as_box(view), target)
        box = visible_box(transform, target)
        pixel = 1.0 / transform.m11()
        drawn = 0
        painter.save()
        painter.setClipRect(target)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for spec in self._visible():
            source = self._sources[spec.cache_id]
            try:
                requests = source.requests(box, pixel, crs)
            except BasemapError as exc:
                self._report(spec.cache_id, str(exc), exc)
                continue
            if wait_for_tiles:
                self._load_now(source, requests, timeout)
            else:
                self._forget_stale(spec.cache_id, requests)
            painter.setOpacity(spec.opacity)
            for req in requests:
                drawn += self._draw_tile(painter, source, req, transform, wait_for_tiles)
        painter.restore()
        return drawn

    def _draw_tile(self, p: QPainter, source: TileSource, req: TileRequest,
                   transform: QTransform, waited: bool) -> int:
        image = self._memory_get(req.key)
        if image is not None:
            _draw_image(p, image, QRectF(image.rect()), req.corners, transform)
            return 1
        if not waited:
            self._load_later(source, req)
        if source.spec.kind in WEB_KINDS:  # a coarser tile while this one loads
            for dz in range(1, 5):
                parent = self._memory_get((req.source, req.z - dz, req.x >> dz, req.y >> dz))
                if parent is not None:
                    n = 1 << dz
                    w, h = parent.width() / n, parent.height() / n
                    part = QRectF((req.x % n) * w, (req.y % n) * h, w, h)
                    _draw_image(p, parent, part, req.corners, transform)
                    break
        return 0

    # -- loading ---------------------------------------------------------------
    def _memory_get(self, key: tuple) -> QImage | None:
        with self._lock:
            image = self._memory.get(key)
            if image is not None:
                self._memory.move_to_end(key)
            return image

    def _load(self, source: TileSource, req: TileRequest) -> bool:
        try:
            payload = source.read(req)
        except BasemapError as exc:
            with self._lock:
                self._failed[req.key] = str(exc)
            self._report(source.cache_id, str(exc), exc)
            return False
        if payload is None:
            with self._lock:
                self._failed[req.key] = ""
            return False
        image = decode_tile(payload)
        if image is None:
            tile = f"{req.z}/{req.x}/{req.y}"
            message = f"basemap {source.spec.name}: tile {tile} is damaged (it cannot be decoded)"
            with self._lock:
                self._failed[req.key] = message
            self._report(source.cache_id, message,
                         basemap_error("damaged_tile", message, name=source.spec.name, tile=tile))
            return False
        with self._lock:
            self._memory[req.key] = image
            self.tiles_loaded += 1
            while len(self._memory) > MEMORY_TILES:
                self._memory.popitem(last=False)
        return True

    def _load_later(self, source: TileSource, req: TileRequest) -> None:
        with self._lock:
            if req.key in self._pending or req.key in self._failed:
                return
            future = self._pool.submit(self._load, source, req)
            self._pending[req.key] = future
        future.add_done_callback(lambda f, key=req.key: self._finished(key, f))

    def _finished(self, key: tuple, future: Future) -> None:
        with self._lock:
            self._pending.pop(key, None)
        if not future.cancelled() and future.result():
            self.tileLoaded.emit()

    def _forget_stale(self, cid: str, requests: Sequence[TileRequest]) -> None:
        """Cancel queued loads of this source that the view no longer needs."""
        keep = {r.key for r in requests}
        with self._lock:
            stale = [f for k, f in self._pending.items() if k[0] == cid and k not in keep]
        for future in stale:
            future.cancel()

    def _load_now(self, source: TileSource, requests: Sequence[TileRequest],
                  timeout: float) -> None:
        missing = [r for r in requests if self._memory_get(r.key) is None
                   and r.key not in self._failed]
        futures = [self._pool.submit(self._load, source, r) for r in missing]
        wait(futures, timeout=timeout)

    def pending(self) -> int:
        """How many tiles are still loading."""
        with self._lock:
            return len(self._pending)

    def forget_failures(self) -> None:
        """Try failed tiles again (after a key change or when the server is back)."""
        with self._lock:
            self._failed.clear()
        self.errors.clear()
        self.status = ""

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def renderer_for_plan(plan: Any) -> BasemapRenderer | None:
    """A renderer of the plan's visible basemaps (disk cache, shared keys), or None."""
    specs = []
    for data in getattr(plan, "basemaps", []):
        try:
            spec = BasemapSpec.from_dict(data)
        except BasemapError:
            continue
        if spec.visible and spec.opacity > 0:
            specs.append(spec)
    if not specs or getattr(plan, "crs", None) is None:
        return None
    renderer = BasemapRenderer(TileCache())
    renderer.set_specs(specs)
    return renderer


def _keep_file_limits(opened: BasemapSpec, new: BasemapSpec) -> BasemapSpec:
    """A new look (opacity, visibility) over the zoom range the file itself reported."""
    if opened.kind in ("mbtiles", "raster"):
        return new.with_changes(min_zoom=opened.min_zoom, max_zoom=opened.max_zoom,
                                attribution=new.attribution or opened.attribution)
    return new


def tile_transform(part: QRectF, corners) -> QTransform:
    """The affine map from ``part`` (tile pixels) onto the tile's corners (plan units).

    Fitted on the top-left, top-right and bottom-left corners, and placed so the
    bottom-right corner's error is split over all four. Over one tile the
    projective map would differ by far less than a pixel, and Qt draws an
    affine image several times faster than a projective one.
    """
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    w, h = max(part.width(), 1e-9), max(part.height(), 1e-9)
    ax, ay = ((x1 - x0) + (x2 - x3)) / 2 / w, ((y1 - y0) + (y2 - y3)) / 2 / w
    bx, by = ((x3 - x0) + (x2 - x1)) / 2 / h, ((y3 - y0) + (y2 - y1)) / 2 / h
    cx, cy = (x0 + x1 + x2 + x3) / 4, (y0 + y1 + y2 + y3) / 4
    mx, my = part.center().x(), part.center().y()
    return QTransform(ax, ay, bx, by, cx - ax * mx - bx * my, cy - ay * mx - by * my)


def _draw_image(p: QPainter, image: QImage, part: QRectF, corners, transform: QTransform) -> None:
    p.setTransform(tile_transform(part, corners) * transform)
    p.drawImage(part, image, part)
    p.resetTransform()


def draw_attribution(p: QPainter, target: QRectF, texts: Sequence[str], scale: float = 1.0
                     ) -> None:
    """The basemaps' attributions, bottom right of ``target``, on a pale box."""
    if not texts:
        return
    text = " | ".join(texts)
    font = QFont()
    font.setPointSizeF(7.5 * scale)
    metrics = QFontMetricsF(font, p.device())
    pad = 3 * scale
    w = metrics.horizontalAdvance(text) + 2 * pad
    h = metrics.height() + pad
    rect = QRectF(target.right() - w, target.bottom() - h, w, h)
    p.save()
    p.resetTransform()
    p.setOpacity(1.0)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(255, 255, 255, 200))
    p.drawRect(rect)
    p.setFont(font)
    p.setPen(QColor(40, 40, 40))
    p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    p.restore()

"""Georeferenced imagery (GeoTIFF or any raster GDAL reads) as a basemap.

The raster is cut into blocks of ``BLOCK`` × ``BLOCK`` screen pixels at the
overview level that matches the view (level = decimation factor: 1 is full
resolution, 2, 4, 8 ... the file's overviews), so a large aerial photo
pans from its overviews instead of reading every pixel. Each block is a
:class:`~gridplanner.io.basemap.tiles.TileRequest` whose corners are the
block's corners projected into the plan's CRS; ``z`` is the decimation and
``x``/``y`` the block's column and row.

Imagery that is not 8-bit is stretched to 0–255 between its 2nd and 98th
percentiles (taken once from a small overview read).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import rasterio
from rasterio.errors import RasterioError
from rasterio.windows import Window

from gridplanner.errors import BasemapError
from gridplanner.io.basemap.fetch import Payload, TileSource, box_to_plan
from gridplanner.io.basemap.sources import BasemapSpec, basemap_error
from gridplanner.io.basemap.tiles import Box, TileRequest, crs_key, transformer

BLOCK = 256
MAX_BLOCKS = 400


class RasterSource(TileSource):
    """A raster file read block by block from its overviews."""

    def __init__(self, spec: BasemapSpec):
        super().__init__(spec)
        ds = self._dataset()
        if ds.crs is None:
            raise BasemapError(f"{spec.url}: the image has no coordinate system (georeference "
                               "it, e.g. with a .prj/.aux.xml or a world file and CRS)")
        self.crs = crs_key(ds.crs)
        self.width, self.height = ds.width, ds.height
        self.affine = ds.transform
        self.levels = sorted({1, *ds.overviews(1)})
        self.bands = (1, 2, 3) if ds.count >= 3 else (1,)
        self.colormap = _colormap(ds) if ds.count == 1 else None
        self.stretch = None if ds.dtypes[0] == "uint8" else _stretch(ds, self.bands)
        self.metres_per_unit = 1.0 if not ds.crs.is_geographic else 111_320.0 * math.cos(
            math.radians((ds.bounds.bottom + ds.bounds.top) / 2))

    def plan_extent(self, plan_crs: Any) -> Box | None:
        x0, y0 = _apply(self.affine, np.array([0.0]), np.array([float(self.height)]))
        x1, y1 = _apply(self.affine, np.array([float(self.width)]), np.array([0.0]))
        box = (float(min(x0[0], x1[0])), float(min(y0[0], y1[0])),
               float(max(x0[0], x1[0])), float(max(y0[0], y1[0])))
        return box_to_plan(box, self.crs, plan_crs)

    def _dataset(self) -> Any:
        ds = getattr(self._local, "ds", None)
        if ds is None:
            try:
                ds = rasterio.open(self.spec.url)
            except (RasterioError, OSError) as exc:
                raise BasemapError(f"{self.spec.url}: cannot read the image ({exc})") from exc
            self._local.ds = ds
        return ds

    def level_for(self, pixel_size: float) -> int:
        """The coarsest overview still at least as sharp as the screen."""
        res = abs(self.affine.a) * self.metres_per_unit
        factor = pixel_size / max(res, 1e-12)
        usable = [d for d in self.levels if d <= max(factor, 1.0)]
        return max(usable) if usable else 1

    def requests(self, box: Box, pixel_size: float, plan_crs: Any) -> list[TileRequest]:
        level = self.level_for(pixel_size)
        x0, y0, x1, y1 = box
        xs = np.array([x0, x1, x1, x0, (x0 + x1) / 2, (x0 + x1) / 2, x0, x1])
        ys = np.array([y0, y0, y1, y1, y0, y1, (y0 + y1) / 2, (y0 + y1) / 2])
        rx, ry = transformer(crs_key(plan_crs), self.crs).transform(xs, ys)
        cols, rows = _apply(~self.affine, np.asarray(rx), np.asarray(ry))
        span = BLOCK * level
        c0 = max(int(np.floor(np.min(cols) / span)), 0)
        r0 = max(int(np.floor(np.min(rows) / span)), 0)
        c1 = min(int(np.floor(np.max(cols) / span)), (self.width - 1) // span)
        r1 = min(int(np.floor(np.max(rows) / span)), (self.height - 1) // span)
        blocks = [(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)][:MAX_BLOCKS]
        if not blocks:
            return []
        return self._requests(blocks, level, plan_crs)

    def _requests(self, blocks: list[tuple[int, int]], level: int, plan_crs: Any
                  ) -> list[TileRequest]:
        span = BLOCK * level
        px, py = [], []
        for c, r in blocks:
            left, top = c * span, r * span
            right, bottom = min(left + span, self.width), min(top + span, self.height)
            px += [left, right, right, left]
            py += [top, top, bottom, bottom]
        mx, my = _apply(self.affine, np.array(px, float), np.array(py, float))
        x, y = transformer(self.crs, crs_key(plan_crs)).transform(mx, my)
        corners = np.stack([np.asarray(x), np.asarray(y)], axis=1).reshape(len(blocks), 4, 2)
        return [TileRequest(self.cache_id, level, c, r, tuple(map(tuple, corners[i].tolist())))
                for i, (c, r) in enumerate(blocks)]

    def read(self, request: TileRequest) -> Payload:
        level, span = request.z, BLOCK * request.z
        left, top = request.x * span, request.y * span
        w, h = min(span, self.width - left), min(span, self.height - top)
        if w <= 0 or h <= 0:
            return None
        shape = (max(1, math.ceil(w / level)), max(1, math.ceil(h / level)))
        ds = self._dataset()
        try:
            window = Window(left, top, w, h)
            data = ds.read(self.bands, window=window, out_shape=(len(self.bands), shape[1], shape[0]))
            mask = ds.dataset_mask(window=window, out_shape=(shape[1], shape[0]))
        except (RasterioError, ValueError) as exc:
            raise basemap_error("unreadable", f"{self.spec.url}: block {request.x},{request.y} "
                                f"cannot be read ({exc})", name=self.spec.name,
                                file=self.spec.url) from exc
        return self._rgba(data, mask)

    def _rgba(self, data: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self.stretch is not None:
            lo, hi = self.stretch
            data = np.clip((data.astype("float64") - lo) * (255.0 / max(hi - lo, 1e-12)), 0, 255)
        data = data.astype("uint8")
        if self.colormap is not None:
            rgb = self.colormap[data[0]]
        elif data.shape[0] == 1:
            rgb = np.repeat(data[0][..., None], 3, axis=2)
        else:
            rgb = np.moveaxis(data, 0, -1)
        out = np.empty(rgb.shape[:2] + (4,), dtype="uint8")
        out[..., :3] = rgb[..., :3]
        out[..., 3] = mask
        return out


def _apply(affine: Any, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a, b, c, d, e, f = affine[:6]
    return a * x + b * y + c, d * x + e * y + f


def _colormap(ds: Any) -> np.ndarray | None:
    try:
        cmap = ds.colormap(1)
    except ValueError:
        return None
    table = np.zeros((256, 4), dtype="uint8")
    for index, rgba in cmap.items():
        if 0 <= index < 256:
            table[index] = rgba
    return table


def _stretch(ds: Any, bands: tuple[int, ...]) -> tuple[float, float]:
    scale = max(1, max(ds.width, ds.height) // 512)
    shape = (len(bands), max(1, ds.height // scale), max(1, ds.width // scale))
    sample = ds.read(bands, out_shape=shape, masked=True).compressed()
    if sample.size == 0:
        return (0.0, 255.0)
    lo, hi = np.percentile(sample, [2, 98])
    return float(lo), float(hi) if hi > lo else float(lo) + 1.0

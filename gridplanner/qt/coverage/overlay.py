"""The coverage picture over the map: shaded buildings, gaps, isochrones, network problems.

One canvas item (``paint(painter, canvas)``) drawn on top of the cached map
at every frame, so updates while a centre is dragged cost only the changed
distance classes, not a map render:

* buildings filled by the walking-distance class (within the first level,
  the second …, beyond all), from the buildings layer's cached geometry;
* gap areas (community parts beyond reach) as red hatched polygons;
* isochrone polygons per centre (overlapping, dissolved or split), nested
  rings for the levels, inner rings stronger;
* network problems: disconnected pieces (thick magenta) and dead ends;
* a legend in the lower right corner stating the distance method.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from gridplanner.analysis.network.coverage_view import (  # noqa: F401 (the palette lives there)
    BEYOND_COLOUR,
    LEVEL_RAMP,
    CoverageTable,
    level_colours,
    level_text,
)
from gridplanner.model.schema import OPEN_STATUSES
from gridplanner.qt.coverage.overlay_legend import (  # noqa: F401 (colours used by tests too)
    CENTRE_COLOURS,
    DISSOLVED_COLOUR,
    GAINED_COLOUR,
    GAP_COLOUR,
    ISO_LINE_STYLES,
    LOST_COLOUR,
    PROBLEM_COLOUR,
    SUGGESTION_COLOUR,
    OverlayLegend,
    _qcolour,
)
from gridplanner.render.cache import BUCKET_SIZE, path_from_geometries, polygon_from_points
from gridplanner.render.fonts import label_font
from gridplanner.render.painter import LOD_MIN_FEATURES, LOD_POINT_PX, symbol_path


def spatial_groups(xy: np.ndarray, size: int = BUCKET_SIZE) -> list[np.ndarray]:
    """Indices of ``xy`` in groups of about ``size`` neighbouring points (a square grid)."""
    if len(xy) == 0:
        return []
    k = max(1, int(np.ceil(np.sqrt(len(xy) / size))))
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = np.where(hi - lo > 0, hi - lo, 1.0)
    cell = np.minimum(((xy - lo) / span * k).astype(np.int64), k - 1)
    code = cell[:, 1] * k + cell[:, 0]
    order = np.argsort(code, kind="stable")
    return np.split(order, np.flatnonzero(np.diff(code[order])) + 1)


class CoverageOverlay(OverlayLegend):
    """Canvas item drawing the coverage picture (see the module docstring)."""

    def __init__(self) -> None:
        self.visible = True
        self.canvas = None
        self.show_shading = True
        self.show_gaps = False
        self.show_isochrones = False
        self.show_problems = False
        self.show_legend = True
        self.table: CoverageTable | None = None
        self.isochrones: pd.DataFrame | None = None
        self.gaps: pd.DataFrame | None = None
        self.problems: list = []
        self._classes: np.ndarray | None = None
        self._base: np.ndarray | None = None  # classes the full shapes were built from
        self._patched = np.empty(0, dtype=np.int64)
        self._patch_shapes: list[tuple[int, QPainterPath, QPolygonF]] | None = None
        self._class_shapes: dict[int, tuple[QPainterPath, QPolygonF]] = {}
        self._cache_key = None
        self._positions: np.ndarray | None = None
        self._iso_paths: list[tuple[QPainterPath, QColor, QColor]] = []
        self._gap_paths: list[QPainterPath] = []
        self._problem_shapes: tuple[QPainterPath, QPolygonF] = (QPainterPath(), QPolygonF())
        self.suggestions: list[tuple[int, float, float]] = []
        #: buildings that gain / lose coverage between two compared scenarios
        self._changes: tuple[QPainterPath, QPainterPath] | None = None
        self.gap_level: float | None = None
        self._lod_key = None
        self._version = 0
        self._lod_points: dict[int, QPolygonF] = {}

    # -- content --------------------------------------------------------------
    def set_table(self, table: CoverageTable | None) -> None:
        """Shade buildings from ``table`` (None clears the shading)."""
        self.table = table
        self._classes = table.classes() if table is not None else None
        self._version += 1
        self._base = self._classes.copy() if self._classes is not None else None
        self._patched = np.empty(0, dtype=np.int64)
        self._patch_shapes = None
        self._class_shapes.clear()
        self._cache_key = None
        self._changed()

    def update_distances(self, changed_positions: np.ndarray) -> None:
        """The table's distances changed at ``changed_positions`` (a dragged centre).

        The full per-class shapes stay; the buildings changed since
        :meth:`set_table` are drawn again on top in their new colours, so a
        mouse move costs the changed buildings, not the whole layer.
        """
        if self.table is None or self._classes is None:
            return
        self._classes = self.table.classes()
        self._version += 1
        self._patched = np.union1d(self._patched, np.asarray(changed_positions, dtype=np.int64))
        self._patch_shapes = None
        self._changed()

    def set_isochrones(self, frame: pd.DataFrame | None) -> None:
        self.isochrones = frame
        self._iso_paths = self._isochrone_paths(frame) if frame is not None else []
        self._changed()

    def set_gaps(self, frame: pd.DataFrame | None, level: float | None = None) -> None:
        """Gap areas (``level_m`` column); only those of ``level`` (default the largest)."""
        self.gaps = frame
        self._gap_paths = []
        if frame is not None and len(frame):
            lv = float(level if level is not None else frame["level_m"].astype(float).max())
            here = frame[np.isclose(frame["level_m"].astype(float), lv)]
            self.gap_level = lv
            self._gap_paths = [path_from_geometries([g]) for g in here.geometry.values]
        self._changed()

    def set_problems(self, findings: Sequence) -> None:
        """Network-health findings: lines are drawn as lines, points as rings."""
        self.problems = list(findings)
        lines, points = [], []
        for f in self.problems:
            g = f.geometry
            if g is None or g.is_empty:
                continue
            if shapely.get_type_id(g) in (0, 4):
                points.append(shapely.get_coordinates(g))
            else:
                lines.append(g)
        self._problem_shapes = (path_from_geometries(lines) if lines else QPainterPath(),
                                polygon_from_points(np.vstack(points)) if points else QPolygonF())
        self._changed()

    def set_suggestions(self, suggestions: Sequence) -> None:
        """Suggested sites (objects with ``rank`` and ``point``) as numbered markers."""
        self.suggestions = [(int(s.rank), float(s.point.x), float(s.point.y)) for s in suggestions]
        self._changed()

    def set_changes(self, gained: Sequence, lost: Sequence) -> None:
        """Buildings (geometries) that gain and lose coverage; empty lists clear them."""
        self._changes = (path_from_geometries(list(gained)) if len(gained) else QPainterPath(),
                         path_from_geometries(list(lost)) if len(lost) else QPainterPath()) \
            if len(gained) or len(lost) else None
        self._changed()

    def _changed(self) -> None:
        if self.canvas is not None:
            self.canvas.update()

    def _isochrone_paths(self, frame: pd.DataFrame) -> list[tuple]:
        """(path, fill, outline, pen style, width) per polygon, largest level first.

        Dissolved and split isochrones do not overlap: each is filled, inner
        levels stronger. Overlapping ones (a polygon per centre) would stack
        into mud at sub-district scale, so they are drawn as outlines in the
        centre's colour over a faint fill: solid for the nearest level, dashed
        and dotted for the farther ones, so the rings stay readable.
        """
        if len(frame) == 0:
            return []
        levels = sorted(frame["level_m"].astype(float).unique())
        alphas = np.linspace(70, 25, len(levels)) if len(levels) > 1 else [60]
        overlap = str(frame["mode"].iloc[0]) == "overlap"
        colour_of = self._centre_colours(frame)
        out = []
        order = frame.assign(_lv=frame["level_m"].astype(float)).sort_values("_lv", ascending=False)
        for _, row in order.iterrows():
            k = levels.index(float(row["level_m"]))
            base = DISSOLVED_COLOUR if pd.isna(row["centre"]) else colour_of[int(row["centre"])]
            fill = _qcolour(base, 10 if overlap else int(alphas[k]))
            style, width = (ISO_LINE_STYLES[min(k, len(ISO_LINE_STYLES) - 1)]
                            if overlap else (Qt.PenStyle.SolidLine, 1.6))
            out.append((path_from_geometries([row.geometry]), fill, _qcolour(base, 230),
                        style, width))
        return out

    # -- painting ---------------------------------------------------------------
    def paint(self, painter: QPainter, canvas) -> None:
        if canvas.plan is None:
            return
        painter.save()
        transform = canvas.transform()
        if self.show_isochrones and self._iso_paths:
            self._paint_isochrones(painter, transform)
        if self.show_shading and self.table is not None:
            painter.setTransform(transform)
            self._paint_buildings(painter, canvas)
            painter.resetTransform()
        if self.show_gaps and self._gap_paths:
            self._paint_gaps(painter, transform)
        if self._changes is not None:
            self._paint_changes(painter, transform)
        if self.show_problems:
            self._paint_problems(painter, transform)
        if self.show_shading and self.table is not None or self.show_isochrones:
            self._paint_centres(painter, canvas)
        if self.suggestions:
            self._paint_suggestions(painter, canvas)
        if self.show_legend:
            self._paint_legend(painter, QRectF(canvas.rect()))
        painter.restore()

    def _building_positions(self, canvas) -> np.ndarray:
        """Position in the buildings layer cache of every table row (-1 when absent)."""
        cache = canvas.map_painter.cache(canvas.plan, "buildings")
        key = (id(cache), id(self.table))
        if key != self._cache_key:
            order = np.argsort(cache.fids, kind="stable")
            fids = self.table.fids
            at = np.clip(np.searchsorted(cache.fids, fids, sorter=order), 0, max(len(order) - 1, 0))
            pos = order[at] if len(order) else np.full(len(fids), -1)
            ok = cache.fids[pos] == fids if len(order) else np.zeros(len(fids), bool)
            self._positions = np.where(ok, pos, -1)
            self._cache_key = key
            self._class_shapes.clear()
            self._patch_shapes = None
        return self._positions

    def _shapes(self, canvas, rows: np.ndarray) -> tuple[QPainterPath, QPolygonF]:
        """Path of the polygons and points of the table rows ``rows``."""
        cache = canvas.map_painter.cache(canvas.plan, "buildings")
        pos = self._building_positions(canvas)[rows]
        pos = np.sort(pos[pos >= 0])
        is_point = np.isin(cache.types[pos], (0, 4))
        path = cache.path_of(pos[~is_point])
        pts = polygon_from_points(shapely.get_coordinates(cache.geoms[pos[is_point]]))
        return path, pts

    def _shapes_of(self, canvas, cls: int) -> list[tuple[tuple, QPainterPath, QPolygonF]]:
        """Shapes of one class in spatial buckets: [(bounds, path, points)]."""
        if cls not in self._class_shapes:
            cache = canvas.map_painter.cache(canvas.plan, "buildings")
            rows = np.flatnonzero((self._base == cls) & (self._building_positions(canvas) >= 0))
            out = []
            for group in spatial_groups(cache.centroids()[self._positions[rows]]):
                b = cache.bounds[self._positions[rows[group]]]
                box = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
                out.append((box, *self._shapes(canvas, rows[group])))
            self._class_shapes[cls] = out
        return self._class_shapes[cls]

    def _patches(self, canvas) -> list[tuple[int, QPainterPath, QPolygonF]]:
        if self._patch_shapes is None:
            rows, classes = self._patched, self._classes[self._patched]
            self._patch_shapes = [(int(c), *self._shapes(canvas, rows[classes == c]))
                                  for c in np.unique(classes)]
        return self._patch_shapes

    def _paint_buildings(self, painter: QPainter, canvas) -> None:
        n = len(self.table.levels_m)
        colours = level_colours(n) + [BEYOND_COLOUR]
        self._building_positions(canvas)
        cache = canvas.map_painter.cache(canvas.plan, "buildings")
        if (len(cache) >= LOD_MIN_FEATURES
                and cache.median_size / canvas.pixel_size() < LOD_POINT_PX):
            self._paint_building_points(painter, canvas, colours)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, len(self.table.fids) < 5000)
        x0, y0, x1, y1 = canvas.extent()
        shapes = [(cls, path, pts) for cls in range(n + 1)
                  for (bx0, by0, bx1, by1), path, pts in self._shapes_of(canvas, cls)
                  if bx0 <= x1 and x0 <= bx1 and by0 <= y1 and y0 <= by1]
        if len(self._patched):
            shapes += self._patches(canvas)
        for cls, path, pts in shapes:
            colour = QColor(colours[min(cls, n)])
            outline = QPen(colour.darker(150), 0.8)
            outline.setCosmetic(True)
            painter.setPen(outline)
            painter.setBrush(colour)
            if not path.isEmpty():
                painter.drawPath(path)
            if pts.size():
                dot = QPen(colour.darker(130), 6.0)
                dot.setCosmetic(True)
                dot.setCapStyle(Qt.PenCapStyle.SquareCap)
                painter.setPen(dot)
                painter.drawPoints(pts)

    def _paint_building_points(self, painter: QPainter, canvas, colours: list[str]) -> None:
        """Buildings too small to see as one dot each (a district seen whole)."""
        key = (self._cache_key, self._version)
        if self._lod_key != key:
            xy = canvas.map_painter.cache(canvas.plan, "buildings").centroids()
            pos = self._positions
            self._lod_points = {int(c): polygon_from_points(xy[pos[(self._classes == c) & (pos >= 0)]])
                                for c in np.unique(self._classes)}
            self._lod_key = key
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for cls, pts in self._lod_points.items():
            pen = QPen(QColor(colours[min(cls, len(colours) - 1)]), 2.0)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.SquareCap)
            painter.setPen(pen)
            painter.drawPoints(pts)

    def _paint_isochrones(self, painter: QPainter, transform) -> None:
        painter.setTransform(transform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for path, fill, outline, style, width in self._iso_paths:
            pen = QPen(outline, width, style)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(path)
        painter.resetTransform()

    def _paint_gaps(self, painter: QPainter, transform) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        brush = QBrush(_qcolour(GAP_COLOUR, 150), Qt.BrushStyle.BDiagPattern)
        pen = QPen(_qcolour(GAP_COLOUR, 230), 1.6, Qt.PenStyle.DashLine)
        for path in self._gap_paths:
            device = transform.map(path)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_qcolour(GAP_COLOUR, 28))
            painter.drawPath(device)
            painter.setBrush(brush)
            painter.setPen(pen)
            painter.drawPath(device)

    def _paint_changes(self, painter: QPainter, transform) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setTransform(transform)
        for path, colour in zip(self._changes, (GAINED_COLOUR, LOST_COLOUR), strict=True):
            if path.isEmpty():
                continue
            pen = QPen(QColor(colour), 3.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(_qcolour(colour, 90))
            painter.drawPath(path)
        painter.resetTransform()

    def _paint_problems(self, painter: QPainter, transform) -> None:
        path, pts = self._problem_shapes
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setTransform(transform)
        if not path.isEmpty():
            pen = QPen(_qcolour(PROBLEM_COLOUR, 200), 5.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        painter.resetTransform()
        painter.setPen(QPen(QColor(PROBLEM_COLOUR), 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for i in range(pts.size()):
            painter.drawEllipse(transform.map(pts.at(i)), 6.0, 6.0)

    def _paint_centres(self, painter: QPainter, canvas) -> None:
        """The centres again on top of the shading, so no building hides one."""
        style = canvas.styles.get("centres")
        if style is None or not style.visible or len(canvas.plan.centres) == 0:
            return
        frame = canvas.plan.centres.frame
        geoms = np.asarray(frame.geometry.values, dtype=object)
        located = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        x0, y0, x1, y1 = canvas.extent()
        xy = shapely.get_coordinates(geoms[located])
        inside = (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)
        if inside.sum() > 3000:
            return
        status = frame["status"].fillna("built").astype(str).to_numpy()[located]
        open_now = np.isin(status, OPEN_STATUSES)
        symbol = symbol_path(style.symbol, style.symbol_size)
        fill = QColor(style.fill or "#d7301f")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for is_open in (False, True):  # not yet open: hollow, dashed (open ones on top)
            if is_open:
                painter.setPen(QPen(QColor(style.outline or "#ffffff"), style.outline_width))
                painter.setBrush(fill)
            else:
                painter.setPen(QPen(fill, 1.6, Qt.PenStyle.DashLine))
                painter.setBrush(QColor("#ffffff"))
            for x, y in xy[inside & (open_now == is_open)]:
                painter.drawPath(symbol.translated(canvas.map_to_widget(QPointF(x, y))))

    def _paint_suggestions(self, painter: QPainter, canvas) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(label_font(8.0, bold=True))
        for rank, x, y in self.suggestions:
            p = canvas.map_to_widget(QPointF(x, y))
            painter.setPen(QPen(QColor("#ffffff"), 2.0))
            painter.setBrush(QColor(SUGGESTION_COLOUR))
            painter.drawEllipse(p, 10.0, 10.0)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(QRectF(p.x() - 10, p.y() - 10, 20, 20),
                             int(Qt.AlignmentFlag.AlignCenter), str(rank))

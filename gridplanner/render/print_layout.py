"""Printed grid maps (网格作战图): an atlas of pages, one per community or per cell.

Each atlas sheet gets a page with a title band, the map (drawn by the same
:class:`~gridplanner.render.painter.MapPainter` as the canvas, focused on the
sheet's community, other communities' cells greyed), a legend with the
sheet's totals, a north arrow and a scale bar, the assignment table and a
footer with scale, date, author and page number. A table too long for the
first page flows onto continuation pages. Layouts are computed in
millimetres, so the PDF (vector, text in the bundled CJK font) and the
window's preview draw the very same page.

``export_pdf(plan, path, paper=..., per=..., orientation=..., lang=...)`` is
what ``gridplanner export --pdf`` calls; :class:`PrintAtlas` is what the
print dialog previews.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from gridplanner.errors import ExportError
from gridplanner.io.atomic import write_atomic
from gridplanner.io.exporters.tables import roster_rows
from gridplanner.io.labels import check_lang
from gridplanner.model.plan import Plan
from gridplanner.render.basemap import draw_attribution, renderer_for_plan
from gridplanner.render.decorations import draw_scale_bar
from gridplanner.render.fonts import label_font
from gridplanner.render.legend import draw_legend, draw_north_arrow, print_label
from gridplanner.render.painter import MapPainter, view_transform
from gridplanner.render.print_sheets import (
    Sheet,
    build_sheets,
    compute_coverage,
    coverage_lines,
    sheet_title,
)
from gridplanner.render.print_styles import FOCUS_COLOUR, legend_items, print_plan, sheet_styles
from gridplanner.render.print_table import (
    TableLayout,
    draw_table,
    row_heights,
    split_rows,
    table_layout,
    table_texts,
    unbreakable_widths,
)

PAPERS: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "a3": (297.0, 420.0)}
ORIENTATIONS: tuple[str, ...] = ("auto", "portrait", "landscape")
PER: tuple[str, ...] = ("community", "cell")
PDF_DPI = 300
LINE_DPI = 120.0  # one "screen pixel" of a style is 1/120 inch on paper


@dataclass
class PrintOptions:
    """What the printed atlas looks like (paper and orientation per page)."""

    paper: str = "a4"
    orientation: str = "auto"
    per: str = "community"
    lang: str = "zh_CN"
    title: str = ""
    author: str = ""
    date: str = ""
    coverage: bool = False

    def validate(self) -> PrintOptions:
        """Checked options (ExportError names the bad value); fills the date."""
        for name, value, allowed in (("paper", self.paper, tuple(PAPERS)),
                                     ("orientation", self.orientation, ORIENTATIONS),
                                     ("per", self.per, PER)):
            if value not in allowed:
                raise ExportError(f"PDF {name} {value!r} is not one of {', '.join(allowed)}")
        self.lang = check_lang(self.lang)
        self.date = self.date or datetime.date.today().isoformat()
        return self


@dataclass
class Page:
    """One page: which sheet, the orientation, the rows of the table on it."""

    sheet: int
    landscape: bool
    rows: tuple[int, int]
    continued: bool
    map_rect: QRectF | None
    legend_rect: QRectF | None
    table_top: float
    table: TableLayout
    header: float
    heights: list[float]


@dataclass
class _Metrics:
    margin: float
    title: float
    footer: float
    gap: float
    legend: float
    title_pt: float
    table_pt: float


def _metrics(paper: str) -> _Metrics:
    if paper == "a3":
        return _Metrics(12.0, 17.0, 7.0, 3.5, 62.0, 20.0, 8.0)
    return _Metrics(9.0, 14.0, 6.0, 3.0, 47.0, 15.0, 6.8)


class PrintAtlas:
    """The pages of a printed atlas of ``plan``; draws any page on any QPainter."""

    def __init__(self, plan: Plan, options: PrintOptions | None = None,
                 coverage: Any | None = None):
        self.plan = plan
        self.options = (options or PrintOptions()).validate()
        self.metrics = _metrics(self.options.paper)
        self.coverage = coverage if coverage is not None or not self.options.coverage \
            else compute_coverage(plan)
        lang = self.options.lang
        rows = roster_rows(plan, lang, self.coverage)
        if self.coverage is None:
            rows = rows[[c for c in rows.columns if not c.startswith("coverage_")]]
        self.rows = rows
        self.view = print_plan(plan, rows, self.coverage)
        self.painter = MapPainter()
        self.painter.background = "#ffffff"
        self.painter.text_labels = True
        self.painter.labels_inside = True
        #: The plan's visible basemaps, drawn under every map (None: no basemap)
        self.basemaps = renderer_for_plan(plan)
        self.sheets = build_sheets(plan, rows, self.options.per, lang)
        columns = table_layout(list(rows.columns), lang, 100.0)
        self._minimum = unbreakable_widths(rows, columns, self.metrics.table_pt)
        for sheet in self.sheets:
            sheet.texts = table_texts(sheet.rows, columns)
        self.pages: list[Page] = []
        for index, sheet in enumerate(self.sheets):
            self.pages += self._sheet_pages(index, sheet)

    # -- layout ---------------------------------------------------------------------
    @property
    def heading(self) -> str:
        return self.options.title.strip() or self.plan.name

    def page_size_mm(self, index: int) -> tuple[float, float]:
        w, h = PAPERS[self.options.paper]
        return (h, w) if self.pages[index].landscape else (w, h)

    def _body(self, landscape: bool) -> QRectF:
        w, h = PAPERS[self.options.paper]
        if landscape:
            w, h = h, w
        m = self.metrics
        return QRectF(m.margin, m.margin + m.title, w - 2 * m.margin,
                      h - 2 * m.margin - m.title - m.footer)

    def _plan_sheet(self, sheet: Sheet, landscape: bool) -> tuple[Page, list[tuple[int, int]],
                                                                  float]:
        m, body = self.metrics, self._body(landscape)
        layout = table_layout(list(self.rows.columns), self.options.lang, body.width(),
                              m.table_pt, self._minimum)
        header, heights = row_heights(layout, sheet.texts)
        needed = header + sum(heights) if heights else 0.0
        x0, y0, x1, y1 = sheet.extent
        map_w = body.width() - m.legend - m.gap
        map_h = body.height() if not heights else max(body.height() * 0.5,
                                                         body.height() - m.gap - needed)
        if heights and needed > body.height() - m.gap - map_h:
            # the table overflows: a wide map gives the room it does not fill to the table
            fitted = map_w * (y1 - y0) / max(x1 - x0, 1e-9)
            map_h = min(map_h, max(fitted, body.height() * 0.4))
        map_rect = QRectF(body.left(), body.top(), map_w, map_h)
        legend = QRectF(map_rect.right() + m.gap, body.top(), m.legend, map_h)
        top = map_rect.bottom() + m.gap
        splits = split_rows(heights, body.bottom() - top, body.height(), header)
        scale = min(map_rect.width() / max(x1 - x0, 1e-9), map_rect.height() / max(y1 - y0, 1e-9))
        page = Page(0, landscape, splits[0], False, map_rect, legend, top, layout, header, heights)
        return page, splits, scale

    def _sheet_pages(self, index: int, sheet: Sheet) -> list[Page]:
        choice = self.options.orientation
        options = [choice == "landscape"] if choice != "auto" else [False, True]
        plans = [self._plan_sheet(sheet, landscape) for landscape in options]
        first, splits, _ = max(plans, key=lambda p: p[2] * (1.0 if not p[0].landscape else 0.97))
        first.sheet = index
        pages = [first]
        for rows in splits[1:]:
            pages.append(Page(index, first.landscape, rows, True, None, None,
                              self._body(first.landscape).top(), first.table, first.header,
                              first.heights))
        return pages

    # -- drawing ----------------------------------------------------------------------
    def draw_page(self, painter: QPainter, index: int) -> None:
        """Draw page ``index`` with (0, 0) at the page's top left corner."""
        page = self.pages[index]
        sheet = self.sheets[page.sheet]
        mm = painter.device().logicalDpiX() / 25.4
        painter.save()
        w, h = self.page_size_mm(index)
        painter.fillRect(QRectF(0, 0, w * mm, h * mm), QColor("#ffffff"))
        self._draw_title(painter, page, sheet, mm, w)
        denominator = None
        if page.map_rect is not None:
            denominator = self._draw_map(painter, page, sheet, mm)
            self._draw_side(painter, page, sheet, mm)
        start, stop = page.rows
        if stop > start:
            draw_table(painter, self.metrics.margin * mm, page.table_top * mm, mm, page.table,
                       page.header, sheet.texts[start:stop], page.heights[start:stop])
        self._draw_footer(painter, index, denominator, mm, w, h)
        painter.restore()

    def _draw_title(self, p: QPainter, page: Page, sheet: Sheet, mm: float, width: float) -> None:
        m, lang = self.metrics, self.options.lang
        title = sheet_title(sheet.name, lang)
        if page.continued:
            title += print_label("continued", lang)
        left, top = m.margin * mm, m.margin * mm
        small = label_font(8.0)
        p.setFont(small)
        p.setPen(QColor("#555555"))
        line = QFontMetricsF(small, p.device()).height()
        heading = self.heading
        if sheet.cell_fid is not None and sheet.community:
            heading = f"{heading} · {sheet.community}" if heading else sheet.community
        p.drawText(QRectF(left, top, (width - 2 * m.margin) * mm, line),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), heading)
        right = [f"{print_label('date', lang)}: {self.options.date}"]
        if self.options.author.strip():
            right.insert(0, f"{print_label('author', lang)}: {self.options.author.strip()}")
        p.drawText(QRectF(left, top, (width - 2 * m.margin) * mm, line * 2),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), "\n".join(right))
        big = label_font(m.title_pt, bold=True)
        p.setFont(big)
        p.setPen(QColor("#111111"))
        p.drawText(QRectF(left, top + line, (width - 2 * m.margin) * mm,
                          (m.title - 1.5) * mm - line),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
        p.setPen(QPen(QColor("#b0223a"), 0.5 * mm))
        y = (m.margin + m.title - 1.2) * mm
        p.drawLine(QPointF(left, y), QPointF((width - m.margin) * mm, y))

    def _draw_map(self, p: QPainter, page: Page, sheet: Sheet, mm: float) -> float:
        r = page.map_rect
        target = QRectF(r.left() * mm, r.top() * mm, r.width() * mm, r.height() * mm)
        dpi = mm * 25.4
        styles = sheet_styles(self.view, sheet.community, self.coverage is not None)
        under = self.basemaps is not None
        if under:
            p.fillRect(target, QColor("#ffffff"))
            self.basemaps.paint(p, self.plan.crs, sheet.extent, target, wait_for_tiles=True)
        self.painter.paint(p, self.view, sheet.extent, target, styles, background=not under,
                           line_scale=dpi / LINE_DPI, label_scale=dpi / screen_dpi())
        if under:
            draw_attribution(p, target, self.basemaps.attributions(), scale=dpi / screen_dpi())
        transform = view_transform(sheet.extent, target)
        if sheet.cell_fid is not None:
            path, _ = self.painter.selection_shapes(self.view, "cells", [sheet.cell_fid])
            p.save()
            p.setClipRect(target)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(QPen(QColor(FOCUS_COLOUR), 0.8 * mm))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(transform.map(path))
            p.restore()
        pixel = 1.0 / transform.m11()
        draw_scale_bar(p, target, pixel, max_width_px=32 * mm, margin=3 * mm,
                       scale=dpi / LINE_DPI)
        draw_north_arrow(p, QPointF(target.right() - 7 * mm, target.top() + 11 * mm), 11 * mm,
                         print_label("north", self.options.lang))
        p.setPen(QPen(QColor("#303030"), 0.3 * mm))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(target)
        return pixel * mm * 1000.0

    def _draw_side(self, p: QPainter, page: Page, sheet: Sheet, mm: float) -> None:
        lang = self.options.lang
        r = page.legend_rect
        rect = QRectF(r.left() * mm, r.top() * mm, r.width() * mm, r.height() * mm)
        items = legend_items(self.view, sheet, self.coverage, lang)
        used = draw_legend(p, rect, print_label("legend", lang), items, mm)
        rows = sheet.rows
        lines = [f"{print_label('cell_count', lang)}: {len(rows)}",
                 f"{print_label('households_total', lang)}: {rows['households'].sum():,.0f}",
                 f"{print_label('residents_total', lang)}: {rows['residents'].sum():,.0f}"]
        lines += coverage_lines(self.coverage, sheet, lang)
        font = label_font(7.5)
        p.setFont(font)
        p.setPen(QColor("#202020"))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        text = "\n".join(lines)
        size = QFontMetricsF(font, p.device()).boundingRect(rect, flags, text)
        box = QRectF(rect.left(), rect.bottom() - size.height(), rect.width(), size.height())
        if box.top() >= rect.top() + used:
            p.drawText(box, flags, text)

    def _draw_footer(self, p: QPainter, index: int, denominator: float | None, mm: float,
                     width: float, height: float) -> None:
        m, lang = self.metrics, self.options.lang
        rect = QRectF(m.margin * mm, (height - m.margin - m.footer + 1.5) * mm,
                      (width - 2 * m.margin) * mm, (m.footer - 1.5) * mm)
        p.setFont(label_font(7.0))
        p.setPen(QColor("#555555"))
        left = []
        if denominator:
            left.append(f"{print_label('scale', lang)} 1:{_round_scale(denominator):,}")
        if self.plan.crs is not None:
            left.append(self.plan.crs.name)
        flags = Qt.AlignmentFlag.AlignVCenter
        p.drawText(rect, int(flags | Qt.AlignmentFlag.AlignLeft), "  ·  ".join(left))
        p.drawText(rect, int(flags | Qt.AlignmentFlag.AlignRight),
                   print_label("page", lang, n=index + 1, total=len(self.pages)))

    # -- output -------------------------------------------------------------------------
    def render_image(self, index: int, dpi: float = 72.0) -> QImage:
        """Page ``index`` as an image at ``dpi`` (the print preview)."""
        w, h = self.page_size_mm(index)
        image = QImage(max(1, round(w / 25.4 * dpi)), max(1, round(h / 25.4 * dpi)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        dpm = int(round(dpi / 0.0254))
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            self.draw_page(painter, index)
        finally:
            painter.end()
        return image

    def page_layout(self, index: int) -> QPageLayout:
        size = QPageSize(QPageSize.PageSizeId.A3 if self.options.paper == "a3"
                         else QPageSize.PageSizeId.A4)
        orientation = (QPageLayout.Orientation.Landscape if self.pages[index].landscape
                       else QPageLayout.Orientation.Portrait)
        return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))

    def write_pdf(self, path: str | os.PathLike[str],
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Path:
        """Write every page to one PDF file (atomically); returns the path."""
        if not self.pages:
            raise ExportError(f"{path}: the plan has nothing to print")

        def write(tmp: Path) -> None:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(PDF_DPI)
            writer.setCreator("gridplanner")
            if self.options.author.strip() and hasattr(writer, "setAuthor"):
                writer.setAuthor(self.options.author.strip())
            writer.setTitle(f"{self.heading} {print_label('grid_map', self.options.lang)}")
            writer.setPageLayout(self.page_layout(0))
            painter = QPainter()
            if not painter.begin(writer):
                raise ExportError(f"{path}: cannot write the PDF file")
            try:
                self.paint_pages(writer, painter, progress, cancelled)
            finally:
                painter.end()

        out = write_atomic(path, write)
        return out

    def paint_pages(self, device: Any, painter: QPainter,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> None:
        """Draw every page on a paged device (QPdfWriter, QPrinter) ``painter`` paints on.

        The device's page layout must be set for the first page before
        ``painter.begin``; later pages set their own (orientation may change).
        """
        total = len(self.pages)
        for i in range(total):
            if cancelled is not None and cancelled():
                raise ExportError("the PDF export was cancelled")
            if i:
                device.setPageLayout(self.page_layout(i))
                device.newPage()
            self.draw_page(painter, i)
            if progress is not None:
                progress(i + 1, total)


def screen_dpi() -> float:
    """The DPI Qt uses to size fonts that have no device (label text paths)."""
    app = QGuiApplication.instance()
    screen = app.primaryScreen() if app is not None else None
    return float(screen.logicalDotsPerInchY()) if screen is not None else 96.0


def _round_scale(denominator: float) -> int:
    digits = max(0, int(np.floor(np.log10(max(denominator, 1.0)))) - 1)
    return int(round(denominator / 10 ** digits) * 10 ** digits)


def export_pdf(plan: Plan, path: str | os.PathLike[str], paper: str = "a4",
               per: str = "community", orientation: str = "auto", lang: str = "zh_CN",
               *, title: str = "", author: str = "", date: str = "", coverage: bool = False,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the printed grid maps of ``plan`` to one PDF file.

    Parameters
    ----------
    paper, orientation, per
        "a4"/"a3"; "auto" (each page by its map's shape), "portrait" or
        "landscape"; one page per "community" or per "cell" (plus
        continuation pages for long tables).
    lang
        Language of titles, legend and table headers ("zh_CN" or "en").
    title, author, date
        Heading above every title (default: the plan's name), author and
        date (default: today) in the title band.
    coverage
        Shade buildings by walking distance to the nearest centre.
    """
    from gridplanner.render.png import ensure_gui_app

    ensure_gui_app()
    options = PrintOptions(paper=paper, orientation=orientation, per=per, lang=lang,
                           title=title, author=author, date=date, coverage=coverage)
    return PrintAtlas(plan, options).write_pdf(path, progress, cancelled)

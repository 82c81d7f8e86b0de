"""The coverage report: the document a sub-district sends its superiors.

A title page (plan, scenario, issuing office, date, the headline share of
residents within the 15-minute walk against the target, and "now" against
"when the plan is built"), then: a bar chart per community with the target
line, one per service, the gap map (drawn by the same map painter as the
window and the wall maps), the centre table with capacity, the grids without
a Party-mass service station, the suggested sites with what they add, and
two scenarios compared when asked. A4 portrait, vector throughout, text in
the bundled fonts; in Chinese or English (``lang``).

``export_report(plan, path, ...)`` is what ``gridplanner report`` and
Export → Coverage Report… call.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from gridplanner.errors import ExportError
from gridplanner.io.atomic import write_atomic
from gridplanner.io.exporters.report_data import ReportFigures, minutes_text, report_figures
from gridplanner.io.exporters.report_labels import percent
from gridplanner.model.plan import Plan
from gridplanner.render.fonts import label_font
from gridplanner.render.report_blocks import (
    BODY_W,
    FOOTER_MM,
    MARGIN_MM,
    PAGE_MM,
    Block,
    Text,
    paginate,
    table,
)
from gridplanner.render.report_sections import body_blocks

PDF_DPI = 300


class CoverageReport:
    """The pages of the report on ``figures``; draws any page on any QPainter."""

    def __init__(self, plan: Plan, figures: ReportFigures):
        self.plan = plan
        self.figures = figures
        self.pages: list[list[tuple[float, Block]]] = [[]] + paginate(body_blocks(plan, figures))

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def draw_page(self, p: QPainter, index: int) -> None:
        """Draw page ``index`` (0 is the title page) with (0, 0) at its top left."""
        mm = p.device().logicalDpiX() / 25.4
        p.save()
        p.fillRect(QRectF(0, 0, PAGE_MM[0] * mm, PAGE_MM[1] * mm), QColor("#ffffff"))
        if index == 0:
            self._title_page(p, mm)
        else:
            for top, block in self.pages[index]:
                block.draw(p, MARGIN_MM, MARGIN_MM + top, mm)
        self._footer(p, index, mm)
        p.restore()

    def _title_page(self, p: QPainter, mm: float) -> None:
        f = self.figures
        y = 52.0
        for text, pt, bold, colour in (
                (f.plan_name, 15.0, False, "#333333"),
                (f.label("title"), 22.0, True, "#7a1426"),
                (f.label("subtitle"), 13.0, False, "#333333")):
            block = Text(text, pt=pt, bold=bold, colour=colour, space_after=4.0)
            block.draw(p, MARGIN_MM, y, mm)
            y += block.height
        p.setPen(QPen(QColor("#b0223a"), 0.6 * mm))
        p.drawLine(QPointF(MARGIN_MM * mm, (y + 2) * mm), QPointF((MARGIN_MM + BODY_W) * mm,
                                                                  (y + 2) * mm))
        y += 10.0
        y = self._headline(p, y, mm)
        colon = f.label("colon")
        for line in (f"{f.label('scenario')}{colon}{f.scenario}",
                     f"{f.label('office')}{colon}{f.office}" if f.office else "",
                     f"{f.label('date')}{colon}{f.date}"):
            if line:
                block = Text(line, pt=11.0, space_after=2.5)
                block.draw(p, MARGIN_MM, y, mm)
                y += block.height
        y += 6.0
        self._summary(p, y, mm)

    def _summary(self, p: QPainter, y: float, mm: float) -> None:
        """Totals, then "now" against "when the plan is built", as two small tables."""
        f, t = self.figures, self.figures.totals
        keys = ("communities", "cells", "buildings", "households", "residents", "centres")
        heading_ = Text(f.label("summary"), pt=11.0, bold=True, space_after=2.0)
        heading_.draw(p, MARGIN_MM, y, mm)
        y += heading_.height
        totals = table([f.label(k) for k in keys], [[f"{t[k]:,.0f}" for k in keys]],
                       [1.0] * len(keys), [True] * len(keys), font_pt=8.5)
        totals.draw(p, MARGIN_MM, y, mm)
        y += totals.height + 2.0
        headers = ["", f.label("centres"), f.label("share"), f.label("communities_with_centre")]
        rows = [[f.label(w), str(f.status[w]["centres"]), percent(f.status[w]["share"]),
                 f"{f.status[w]['communities_with_centre']}/{f.status[w]['communities']}"]
                for w in ("now", "plan")]
        table(headers, rows, [2.0, 1.0, 1.0, 1.6], [False, True, True, True],
              font_pt=8.5).draw(p, MARGIN_MM, y, mm)

    def _headline(self, p: QPainter, y: float, mm: float) -> float:
        f = self.figures
        key = "headline" if f.share_of_residents else "headline_households"
        minutes = minutes_text(f.minutes)
        box = QRectF(MARGIN_MM * mm, y * mm, BODY_W * mm, 46 * mm)
        met = f.meets_target
        p.fillRect(box, QColor("#eef6ee" if met else "#fdf0ec"))
        p.setPen(QPen(QColor("#1a9850" if met else "#d73027"), 0.5 * mm))
        p.drawRect(box)
        Text(f.label(key, minutes=minutes, share=""), pt=13.0, bold=True).draw(
            p, MARGIN_MM + 5, y + 5, mm)
        p.setFont(label_font(30.0, bold=True))
        p.setPen(QColor("#1a9850" if met else "#d73027"))
        p.drawText(QRectF((MARGIN_MM + 5) * mm, (y + 13) * mm, 80 * mm, 16 * mm),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   percent(f.share))
        gap = max(0.0, 100.0 * (f.target - f.share))
        verdict = f.label("met") if met else f.label("not_met", gap=f"{gap:.1f}")
        Text(f"{f.label('target', target=percent(f.target))}{f.label('comma')}{verdict}",
             pt=11.0).draw(
            p, MARGIN_MM + 88, y + 17, mm)
        method = f.coverage.method
        Text(f.label(f"method_{method}", level=f"{f.level_m:g}", minutes=minutes,
                     speed=f"{f.coverage.walking_speed:g}",
                     walk=f"{f.level_m / f.coverage.walking_speed / 60.0:.1f}"), pt=8.5, colour="#555555").draw(
            p, MARGIN_MM + 5, y + 33, mm)
        return y + 54.0

    def _footer(self, p: QPainter, index: int, mm: float) -> None:
        rect = QRectF(MARGIN_MM * mm, (PAGE_MM[1] - MARGIN_MM - FOOTER_MM + 2) * mm,
                      BODY_W * mm, (FOOTER_MM - 2) * mm)
        p.setFont(label_font(7.0))
        p.setPen(QColor("#666666"))
        flags = Qt.AlignmentFlag.AlignVCenter
        p.drawText(rect, int(flags | Qt.AlignmentFlag.AlignLeft),
                   f"{self.figures.plan_name} · {self.figures.label('title')}")
        p.drawText(rect, int(flags | Qt.AlignmentFlag.AlignRight),
                   self.figures.label("page", n=index + 1))

    # -- output -------------------------------------------------------------------------
    def render_image(self, index: int, dpi: float = 72.0) -> QImage:
        """Page ``index`` as an image at ``dpi`` (a preview, or the README's picture)."""
        w, h = (round(x / 25.4 * dpi) for x in PAGE_MM)
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        dpm = int(round(dpi / 0.0254))
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            self.draw_page(painter, index)
        finally:
            painter.end()
        return image

    def write_pdf(self, path: str | os.PathLike[str]) -> Path:
        """Write every page to one PDF file (atomically); returns the path."""

        def write(tmp: Path) -> None:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(PDF_DPI)
            writer.setCreator("gridplanner")
            writer.setTitle(f"{self.figures.plan_name} {self.figures.label('title')}")
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                             QPageLayout.Orientation.Portrait,
                                             QMarginsF(0, 0, 0, 0)))
            painter = QPainter()
            if not painter.begin(writer):
                raise ExportError(f"{path}: cannot write the PDF file")
            try:
                for i in range(self.page_count):
                    if i:
                        writer.newPage()
                    self.draw_page(painter, i)
            finally:
                painter.end()

        return write_atomic(path, write)


def build_report(plan: Plan, scenario: str | None = None, compare: str | None = None,
                 sites: int = 3, office: str = "", date: str = "", lang: str = "zh_CN",
                 progress: Callable[[float, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> CoverageReport:
    """Compute the figures and lay out the report (see :func:`report_figures`)."""
    from gridplanner.render.png import ensure_gui_app

    ensure_gui_app()
    if len(plan.buildings) == 0:
        raise ExportError("the plan has no buildings: there is no coverage to report")
    figures = report_figures(plan, scenario, compare, sites, office, date, lang,
                             progress, cancelled)
    return CoverageReport(plan, figures)


def export_report(plan: Plan, path: str | os.PathLike[str], **options: Any) -> CoverageReport:
    """Write the coverage report of ``plan`` as a PDF; options as :func:`build_report`."""
    if Path(path).suffix.lower() != ".pdf":
        raise ExportError(f"{path}: the coverage report is written as a .pdf file")
    report = build_report(plan, **options)
    report.write_pdf(path)
    return report

"""The assignment table of the printed grid maps: measured, split over pages, drawn.

Widths and heights are in millimetres so a table measured once lays out the
same on the PDF and on the preview; text is wrapped inside its column and a
row is never split between pages. Columns come from the roster export
(:func:`gridplanner.io.exporters.tables.roster_rows`), so the printed table
holds what the Excel sheet holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPaintDevice, QPainter, QPen

from gridplanner.io.exporters.tables import header_labels
from gridplanner.render.fonts import label_font

#: (column, relative width, right-aligned)
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("code", 1.35, False),
    ("name", 1.5, False),
    ("households", 0.6, True),
    ("residents", 0.6, True),
    ("leader", 1.45, False),
    ("workers", 2.7, False),
    ("branch", 1.7, False),
    ("secretary", 0.8, False),
    # the organisation, when the plan holds one (room taken from the workers column)
    ("party_households", 0.6, True),
    ("volunteers", 0.55, True),
)
ORGANISATION = ("party_households", "volunteers")
COVERAGE_WEIGHT = 0.75
NUMERIC = ("households", "residents", "party_households", "volunteers")
PAD_MM = 0.9
MEASURE_DPI = 300.0
_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop


def measure_device(dpi: float = MEASURE_DPI) -> QImage:
    """A tiny image at ``dpi``: fonts are measured on it, whatever the output device."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    dpm = int(round(dpi / 0.0254))
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    return image


@dataclass
class TableLayout:
    """Column keys, headers and widths (mm) of the table, and its font."""

    keys: list[str]
    headers: list[str]
    widths: list[float]
    right: list[bool]
    font_pt: float = 7.0

    @property
    def width(self) -> float:
        return sum(self.widths)


def table_layout(columns: list[str], lang: str, width_mm: float, font_pt: float = 7.0,
                 minimum: dict[str, float] | None = None) -> TableLayout:
    """The table's columns for a frame with ``columns`` (machine names), ``width_mm`` wide.

    ``minimum`` gives columns that must be at least so wide (mm), such as
    the codes, which cannot wrap; the other columns share the rest.
    """
    spec = [c for c in COLUMNS if c[0] in columns]
    spec += [(c, COVERAGE_WEIGHT, True) for c in columns if c.startswith("coverage_")]
    spec += [(c, COVERAGE_WEIGHT, True) for c in columns if c.startswith("group_")]
    keys = [k for k, _, _ in spec]
    weights = {k: w for k, w, _ in spec}
    if "workers" in weights:  # the organisation columns do not squeeze codes and names
        weights["workers"] -= sum(weights.get(k, 0.0) for k in ORGANISATION)
    widths = _share(width_mm, weights, minimum or {})
    return TableLayout(keys=keys, headers=header_labels(keys, lang),
                       widths=[widths[k] for k in keys],
                       right=[r for _, _, r in spec], font_pt=font_pt)


def _share(width: float, weights: dict[str, float], minimum: dict[str, float]
           ) -> dict[str, float]:
    fixed: dict[str, float] = {}
    while True:
        free = {k: w for k, w in weights.items() if k not in fixed}
        room = width - sum(fixed.values())
        total = sum(free.values()) or 1.0
        out = {k: room * w / total for k, w in free.items()}
        short = {k: minimum[k] for k, v in out.items() if k in minimum and v < minimum[k]}
        if not short or len(fixed) + len(short) >= len(weights):
            return {**fixed, **out}
        fixed.update(short)


def text_width_mm(texts: list[str], font_pt: float, device: QPaintDevice | None = None,
                  bold: bool = False) -> float:
    """Width of the widest of ``texts`` (one line each) in mm, with the cell padding."""
    device = device or measure_device()
    metrics = QFontMetricsF(label_font(font_pt, bold=bold), device)
    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0.0)
    # 8 % and 0.6 mm to spare: low-resolution previews hint glyphs wider
    return widest / (device.logicalDpiX() / 25.4) * 1.08 + 2 * PAD_MM + 0.6


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def unbreakable_widths(rows: pd.DataFrame, layout: TableLayout, font_pt: float
                       ) -> dict[str, float]:
    """Least widths (mm) of every column: the widest code or number, and the widest
    word of its header ("Households"), which cannot wrap."""
    out = {}
    for key, header in zip(layout.keys, layout.headers, strict=True):
        whole = key == "code" or key in NUMERIC or key.startswith("coverage_")
        values = [_text(v) for v in rows[key]] if whole and key in rows.columns else []
        out[key] = max(text_width_mm(values, font_pt),
                       text_width_mm(header.split(), font_pt, bold=True))
    return out


def table_texts(rows: pd.DataFrame, layout: TableLayout) -> list[list[str]]:
    """The text of every cell; the leader shows with a phone, people one per line."""
    out = []
    for record in rows.to_dict("records"):
        texts = []
        for key in layout.keys:
            if key == "leader":
                names = _text(record.get("leader")).split("; ")
                phones = _text(record.get("leader_phone")).split("; ")
                text = "\n".join(f"{n} {p}".strip() for n, p in zip(names, phones, strict=False)
                                 if n or p)
            elif key in ("workers", "branch", "secretary"):
                text = _text(record.get(key)).replace("; ", "\n")
            else:
                text = _text(record.get(key))
            texts.append(text)
        out.append(texts)
    return out


def _metrics(layout: TableLayout, device: QPaintDevice, bold: bool = False
             ) -> tuple[QFontMetricsF, float]:
    font = label_font(layout.font_pt, bold=bold)
    return QFontMetricsF(font, device), device.logicalDpiX() / 25.4


def _height(metrics: QFontMetricsF, mm: float, widths: list[float], texts: list[str]) -> float:
    tallest = metrics.height()
    for w, text in zip(widths, texts, strict=True):
        if text:
            box = QRectF(0, 0, max(1.0, (w - 2 * PAD_MM) * mm), 1e7)
            tallest = max(tallest, metrics.boundingRect(box, int(_FLAGS), text).height())
    return tallest / mm + 2 * PAD_MM


def row_heights(layout: TableLayout, texts: list[list[str]],
                device: QPaintDevice | None = None) -> tuple[float, list[float]]:
    """(header height, height of every row) in millimetres."""
    device = device or measure_device()
    bold, mm = _metrics(layout, device, bold=True)
    header = _height(bold, mm, layout.widths, layout.headers)
    plain, _ = _metrics(layout, device)
    return header, [_height(plain, mm, layout.widths, row) for row in texts]


def split_rows(heights: list[float], first: float, rest: float, header: float
               ) -> list[tuple[int, int]]:
    """Row ranges [start, stop) per page: ``first`` mm of table on the first page,
    ``rest`` mm on each continuation page, the header repeated on each."""
    pages: list[tuple[int, int]] = []
    start, room = 0, first - header
    for i, h in enumerate(heights):
        if h > room and i > start:
            pages.append((start, i))
            start, room = i, rest - header
        room -= h
    pages.append((start, len(heights)))
    return pages


def draw_table(painter: QPainter, left: float, top: float, mm: float, layout: TableLayout,
               header: float, texts: list[list[str]], heights: list[float]) -> float:
    """Draw the header and ``texts`` at (left, top) device pixels; returns the bottom."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    width = layout.width * mm
    y = top
    grid = QPen(QColor("#7a7a7a"), max(1.0, 0.12 * mm))
    painter.fillRect(QRectF(left, y, width, header * mm), QColor("#dbe7f0"))
    _draw_row(painter, left, y, mm, layout, layout.headers, header, True, grid)
    y += header * mm
    for i, (row, h) in enumerate(zip(texts, heights, strict=True)):
        if i % 2:
            painter.fillRect(QRectF(left, y, width, h * mm), QColor("#f3f6f8"))
        _draw_row(painter, left, y, mm, layout, row, h, False, grid)
        y += h * mm
    painter.setPen(QPen(QColor("#404040"), max(1.0, 0.25 * mm)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(left, top, width, y - top))
    painter.restore()
    return y


def _draw_row(painter: QPainter, left: float, top: float, mm: float, layout: TableLayout,
              texts: list[str], height: float, bold: bool, grid: QPen) -> None:
    painter.setFont(label_font(layout.font_pt, bold=bold))
    x = left
    for w, text, right in zip(layout.widths, texts, layout.right, strict=True):
        cell = QRectF(x, top, w * mm, height * mm)
        painter.setPen(grid)
        painter.drawRect(cell)
        painter.setPen(QColor("#111111"))
        inner = cell.adjusted(PAD_MM * mm, PAD_MM * mm, -PAD_MM * mm, -PAD_MM * mm)
        align = Qt.AlignmentFlag.AlignRight if right and not bold else Qt.AlignmentFlag.AlignLeft
        painter.drawText(inner, int(Qt.TextFlag.TextWordWrap | align
                                    | Qt.AlignmentFlag.AlignVCenter), text)
        x += w * mm

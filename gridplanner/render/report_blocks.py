"""A small flow layout for the coverage report: blocks laid down A4 pages.

Every block knows its height in millimetres and draws itself at a position
on any QPainter; :func:`paginate` pours blocks onto pages, starting a new
page when one does not fit, and splits tables between pages with the
header repeated. Measuring happens on a fixed-DPI image, so the PDF and a
PNG preview lay out the very same pages.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from gridplanner.render.fonts import label_font
from gridplanner.render.print_table import (
    TableLayout,
    draw_table,
    measure_device,
    row_heights,
    split_rows,
)

PAGE_MM = (210.0, 297.0)
MARGIN_MM = 18.0
FOOTER_MM = 8.0
BODY_W = PAGE_MM[0] - 2 * MARGIN_MM
BODY_H = PAGE_MM[1] - 2 * MARGIN_MM - FOOTER_MM
_FLAGS = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class Block(ABC):
    """Something on a page: ``height`` mm tall, drawn at (x, y) mm.

    Subclasses (text, drawings, tables) implement :meth:`draw`.
    """

    height: float
    #: keep on the same page as the next block (headings); read with getattr

    @abstractmethod
    def draw(self, p: QPainter, x: float, y: float, mm: float) -> None:
        """Paint the block with its top-left corner at (x, y) mm; ``mm`` is pixels per mm."""


@dataclass
class Text(Block):
    text: str
    pt: float = 9.5
    bold: bool = False
    colour: str = "#1a1a1a"
    space_after: float = 2.0
    keep_with_next: bool = False
    width: float = BODY_W
    height: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        device = measure_device()
        mm = device.logicalDpiX() / 25.4
        metrics = QFontMetricsF(label_font(self.pt, bold=self.bold), device)
        box = metrics.boundingRect(QRectF(0, 0, self.width * mm, 1e7), _FLAGS, self.text)
        self.height = box.height() / mm + self.space_after

    def draw(self, p: QPainter, x: float, y: float, mm: float) -> None:
        p.save()
        p.setFont(label_font(self.pt, bold=self.bold))
        p.setPen(QColor(self.colour))
        p.drawText(QRectF(x * mm, y * mm, self.width * mm, (self.height + 5) * mm), _FLAGS,
                   self.text)
        p.restore()


def heading(text: str) -> Text:
    return Text(text, pt=12.0, bold=True, colour="#7a1426", space_after=3.0, keep_with_next=True)


@dataclass
class Drawing(Block):
    """A fixed-size area drawn by ``paint(painter, rect_in_pixels, mm)``."""

    height: float
    paint: Callable[[QPainter, QRectF, float], None]
    width: float = BODY_W
    space_after: float = 3.0

    def draw(self, p: QPainter, x: float, y: float, mm: float) -> None:
        self.paint(p, QRectF(x * mm, y * mm, self.width * mm, (self.height - self.space_after)
                             * mm), mm)


@dataclass
class Table(Block):
    """Rows of text under a header; split between pages when it must be."""

    layout: TableLayout
    texts: list[list[str]]
    rows: tuple[int, int] = (0, -1)
    space_after: float = 4.0
    header: float = field(init=False, default=0.0)
    heights: list[float] = field(init=False, default_factory=list)
    height: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        self.header, self.heights = row_heights(self.layout, self.texts)
        if self.rows == (0, -1):
            self.rows = (0, len(self.texts))
        start, stop = self.rows
        self.height = self.header + sum(self.heights[start:stop]) + self.space_after

    def part(self, start: int, stop: int) -> Table:
        return Table(self.layout, self.texts, (start, stop), self.space_after)

    def draw(self, p: QPainter, x: float, y: float, mm: float) -> None:
        start, stop = self.rows
        draw_table(p, x * mm, y * mm, mm, self.layout, self.header, self.texts[start:stop],
                   self.heights[start:stop])


def table(headers: list[str], rows: list[list[str]], weights: list[float],
          right: list[bool], font_pt: float = 7.5) -> Table:
    """A table over the body width, columns in proportion to ``weights``."""
    total = sum(weights)
    widths = [BODY_W * w / total for w in weights]
    layout = TableLayout([str(i) for i in range(len(headers))], headers, widths, right, font_pt)
    return Table(layout, rows)


def paginate(blocks: list[Block]) -> list[list[tuple[float, Block]]]:
    """Blocks placed on pages: per page, (top in mm from the body's top, block)."""
    pages: list[list[tuple[float, Block]]] = [[]]
    y = 0.0
    for i, b in enumerate(blocks):
        if isinstance(b, Table) and b.height > BODY_H - y:
            start, stop = b.rows
            if stop > start and b.header + b.heights[start] > BODY_H - y and pages[-1]:
                pages.append([])
                y = 0.0
            splits = split_rows(b.heights[start:stop], BODY_H - y, BODY_H, b.header)
            for k, (s, e) in enumerate(splits):
                if k:
                    pages.append([])
                    y = 0.0
                part = b.part(start + s, start + e)
                pages[-1].append((y, part))
                y += part.height
            continue
        nxt = blocks[i + 1] if getattr(b, "keep_with_next", False) and i + 1 < len(blocks) else None
        need = b.height + (min(nxt.height, 40.0) if nxt is not None else 0.0)
        if need > BODY_H - y and pages[-1]:
            pages.append([])
            y = 0.0
        pages[-1].append((y, b))
        y += b.height
    return [p for p in pages if p]

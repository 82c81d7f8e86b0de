"""Bar charts of the coverage report: matplotlib, drawn as vectors on any QPainter.

matplotlib lays the chart out and writes it as SVG with its text kept as
text (``svg.fonttype = none``) in the bundled fonts (DejaVu Sans for
digits and Latin, Droid Sans Fallback for Chinese); Qt's SVG renderer then
draws it on the report's painter, so the PDF holds vector bars and real,
searchable text in the same embedded fonts as the rest of the page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer

from gridplanner.render.fonts import ensure_cjk_font

MET_COLOUR = "#1a9850"
SHORT_COLOUR = "#f46d43"
TARGET_COLOUR = "#b0223a"
_families: list[str] | None = None


def _chart_families() -> list[str]:
    """Register the bundled fonts with matplotlib once; their family names, Latin first."""
    global _families
    if _families is None:
        from matplotlib import font_manager

        from gridplanner.resources import font_files

        names: list[str] = []
        for path in font_files():
            font_manager.fontManager.addfont(str(path))
            name = font_manager.FontProperties(fname=str(path)).get_name()
            if name not in names:
                names.append(name)
        cjk = ensure_cjk_font()
        _families = sorted(names, key=lambda n: n == cjk or "Fallback" in n) or ["sans-serif"]
    return _families


@dataclass
class BarChart:
    """Shares (0..1) per category with a target line."""

    categories: Sequence[str]
    shares: Sequence[float]
    target: float
    ylabel: str
    target_label: str


def chart_svg(chart: BarChart, width_mm: float, height_mm: float) -> bytes:
    """The chart as SVG, sized ``width_mm`` × ``height_mm``."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    rc = {"svg.fonttype": "none", "font.family": _chart_families(), "font.size": 8.0,
          "axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "gridplanner"}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4))
        ax = fig.add_subplot()
        n = len(chart.categories)
        x = list(range(n))
        shares = [100.0 * s for s in chart.shares]
        colours = [MET_COLOUR if s + 1e-9 >= chart.target else SHORT_COLOUR
                   for s in chart.shares]
        bars = ax.bar(x, shares, color=colours, width=0.62)
        ax.bar_label(bars, labels=[f"{s:.1f}%" for s in shares], fontsize=7, padding=2)
        ax.axhline(100.0 * chart.target, color=TARGET_COLOUR, linestyle="--", linewidth=1.2,
                   label=chart.target_label)
        ax.set_xticks(x, list(chart.categories), rotation=30 if n > 6 else 0,
                      ha="right" if n > 6 else "center")
        ax.set_ylim(0, 108)
        ax.set_ylabel(chart.ylabel)
        ax.yaxis.set_major_formatter(PercentFormatter(decimals=0))
        ax.legend(loc="upper right", frameon=False, fontsize=7)
        fig.tight_layout(pad=0.4)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg")
    return buf.getvalue()


def draw_chart(painter: QPainter, rect: QRectF, chart: BarChart, mm: float) -> None:
    """Draw ``chart`` as vectors into ``rect`` (device pixels; ``mm`` pixels a millimetre)."""
    svg = chart_svg(chart, rect.width() / mm, rect.height() / mm)
    renderer = QSvgRenderer(QByteArray(svg))
    painter.save()
    renderer.render(painter, rect)
    painter.restore()

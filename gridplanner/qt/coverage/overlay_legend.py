"""The coverage overlay's colours and its legend (lower right corner of the map).

The legend states the distance method, the colour of every distance class,
gap areas, isochrones (each centre in the colour the map gives it, the levels
as the ring styles), network problems, suggested sites and the buildings
that gain or lose coverage between two scenarios.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen

from gridplanner.analysis.network.coverage import STRAIGHT_LINE
from gridplanner.analysis.network.coverage_view import BEYOND_COLOUR, level_colours, level_text
from gridplanner.render.fonts import label_font

GAP_COLOUR = "#c0182a"
CENTRE_COLOURS = ("#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928",
                  "#1b9e77", "#d95f02", "#7570b3", "#e7298a")
#: outlines of overlapping isochrones, nearest level first: (pen style, width)
ISO_LINE_STYLES = ((Qt.PenStyle.SolidLine, 2.2), (Qt.PenStyle.DashLine, 1.6),
                   (Qt.PenStyle.DotLine, 1.4))
ISO_LEGEND_CENTRES = 8
#: not the greens and reds of the distance classes, so they stand out over the shading
GAINED_COLOUR, LOST_COLOUR = "#2166ac", "#762a83"
PROBLEM_COLOUR = "#d01c8b"
DISSOLVED_COLOUR = "#2166ac"
SUGGESTION_COLOUR = "#5e3c99"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoverageOverlay", text)


def _qcolour(value: str, alpha: int = 255) -> QColor:
    c = QColor(value)
    c.setAlpha(alpha)
    return c


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoverageOverlay", text)


def _qcolour(value: str, alpha: int = 255) -> QColor:
    c = QColor(value)
    c.setAlpha(alpha)
    return c


class OverlayLegend:
    """Mixin of :class:`~gridplanner.qt.coverage.overlay.CoverageOverlay`: its legend."""

    #: whether the plan has centres not open yet (set by the feature)
    planned_centres: bool = False

    @staticmethod
    def _centre_colours(frame: pd.DataFrame) -> dict[int, str]:
        centres = sorted({int(c) for c in frame["centre"].dropna()})
        return {c: CENTRE_COLOURS[i % len(CENTRE_COLOURS)] for i, c in enumerate(centres)}

    # -- legend -------------------------------------------------------------------
    def legend_entries(self) -> tuple[str, list[tuple[str, str, str]]]:
        """(title, [(kind, colour, text)]) of the legend; kind is fill, hatch, line or ring."""
        t = self.table
        method = t.method if t is not None else None
        if method is None and self.isochrones is not None and len(self.isochrones):
            method = str(self.isochrones["method"].iloc[0])
        if method == STRAIGHT_LINE:
            title = _tr("Straight-line distance — no network loaded")
        else:
            title = _tr("Walking distance (network)")
        items: list[tuple[str, str, str]] = []
        if t is not None and self.show_shading:
            colours = level_colours(len(t.levels_m))
            for lv, colour in zip(t.levels_m, colours, strict=True):
                items.append(("fill", colour, _tr("within %1").replace(
                    "%1", level_text(lv, t.walking_speed))))
            items.append(("fill", BEYOND_COLOUR, _tr("beyond %1").replace(
                "%1", level_text(t.levels_m[-1], t.walking_speed))))
            if t.service:
                from gridplanner.qt.coverage.centre_dialog import service_label

                title += " · " + service_label(t.service)
        if self.show_gaps and self._gap_paths:
            speed = t.walking_speed if t is not None else 1.0
            items.append(("hatch", GAP_COLOUR, _tr("gap area: beyond %1").replace(
                "%1", level_text(self.gap_level or 0.0, speed))))
        if self.show_isochrones and self._iso_paths:
            items += self._isochrone_legend()
        if self.show_problems and self.problems:
            items.append(("line", PROBLEM_COLOUR, _tr("network problem")))
        if self.suggestions:
            items.append(("fill", SUGGESTION_COLOUR, _tr("suggested site")))
        if self.planned_centres and (t is not None and self.show_shading
                                     or self.show_isochrones):
            items.append(("hollow", "#d7301f", _tr("centre not open yet (planned, building)")))
        if self._changes is not None:
            items.append(("fill", GAINED_COLOUR, _tr("gains coverage (scenarios compared)")))
            items.append(("fill", LOST_COLOUR, _tr("loses coverage (scenarios compared)")))
        return title, items

    def _isochrone_legend(self) -> list[tuple[str, str, str]]:
        """Levels, then (per centre modes) each centre in the colour the map gives it."""
        frame = self.isochrones
        levels = sorted(frame["level_m"].astype(float).unique())
        alphas = np.linspace(70, 25, len(levels)) if len(levels) > 1 else [60]
        mode = str(frame["mode"].iloc[0])
        names = {"overlap": _tr("isochrones per centre"), "dissolve": _tr("isochrones dissolved"),
                 "split": _tr("isochrones split by nearest centre")}
        out = []
        for k, (lv, alpha) in enumerate(zip(levels, alphas, strict=True)):
            minutes = float(frame.loc[np.isclose(frame["level_m"].astype(float), lv),
                                      "minutes"].iloc[0])
            text = f"{names.get(mode, mode)} ≤ {lv:,.0f} m · {minutes:.1f} min"
            if mode == "overlap":
                style = ISO_LINE_STYLES[min(k, len(ISO_LINE_STYLES) - 1)][0]
                out.append((f"line:{int(style.value)}", "#505050", text))
            else:
                grey = "#505050" if mode == "split" else DISSOLVED_COLOUR
                out.append(("fill", _qcolour(grey, int(alpha) * 2).name(
                    QColor.NameFormat.HexArgb), text))
        if mode != "dissolve":
            colours = self._centre_colours(frame)
            named = frame.dropna(subset=["centre"]).drop_duplicates("centre")
            label = dict(zip(named["centre"].astype(int), named["name"].astype(str), strict=True))
            for fid in list(colours)[:ISO_LEGEND_CENTRES]:
                out.append(("fill", colours[fid], label.get(fid) or f"#{fid}"))
            if len(colours) > ISO_LEGEND_CENTRES:
                out.append(("none", "", _tr("… and %1 more centres").replace(
                    "%1", str(len(colours) - ISO_LEGEND_CENTRES))))
        return out

    def _paint_legend(self, painter: QPainter, rect: QRectF) -> None:
        title, items = self.legend_entries()
        if not items:
            return
        font = label_font(8.5)
        bold = label_font(9.0, bold=True)
        fm, fb = QFontMetricsF(font), QFontMetricsF(bold)
        line = fm.height() + 3
        width = max([fb.horizontalAdvance(title)] + [fm.horizontalAdvance(t) + 24
                                                      for _, _, t in items]) + 16
        height = fb.height() + 8 + line * len(items) + 6
        box = QRectF(rect.right() - width - 12, rect.bottom() - height - 12, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(0, 0, 0, 90), 1.0))
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(box, 4, 4)
        painter.setFont(bold)
        painter.setPen(QColor("#202020"))
        y = box.top() + 4 + fb.ascent()
        painter.drawText(QPointF(box.left() + 8, y), title)
        y = box.top() + fb.height() + 8
        painter.setFont(font)
        for kind, colour, text in items:
            sw = QRectF(box.left() + 8, y + 2, 16, line - 6)
            if kind == "hatch":
                painter.setPen(QPen(QColor(colour), 1.2, Qt.PenStyle.DashLine))
                painter.setBrush(QBrush(QColor(colour), Qt.BrushStyle.BDiagPattern))
            elif kind.startswith("line"):
                style = Qt.PenStyle(int(kind[5:])) if kind.startswith("line:") \
                    else Qt.PenStyle.SolidLine
                painter.setPen(QPen(QColor(colour), 2.0 if kind != "line" else 4.0, style))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                sw = QRectF(sw.left(), sw.center().y(), sw.width(), 0.1)
            elif kind == "hollow":
                painter.setPen(QPen(QColor(colour), 1.4, Qt.PenStyle.DashLine))
                painter.setBrush(QColor("#ffffff"))
            elif kind == "none":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(QPen(QColor(colour).darker(150), 1.0))
                painter.setBrush(QColor(colour))
            painter.drawRect(sw)
            painter.setPen(QColor("#202020"))
            painter.drawText(QPointF(sw.right() + 6, y + fm.ascent()), text)
            y += line

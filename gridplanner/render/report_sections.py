"""The sections of the coverage report after its title page, as flow blocks."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from gridplanner.io.exporters.report_data import ReportFigures, minutes_text
from gridplanner.io.exporters.report_labels import percent, service_label, status_label
from gridplanner.io.exporters.tables import roster_rows
from gridplanner.model.plan import Plan
from gridplanner.render.decorations import draw_scale_bar
from gridplanner.render.legend import LegendItem, draw_legend, print_label
from gridplanner.render.painter import MapPainter, view_transform
from gridplanner.render.png import padded_extent
from gridplanner.render.print_styles import _layer_items, print_plan, sheet_styles
from gridplanner.render.report_blocks import BODY_W, Block, Drawing, Text, heading, table
from gridplanner.render.report_chart import BarChart, draw_chart
from gridplanner.render.styles import MapStyle

LEGEND_MM = 42.0
#: as on the window's map (qt/coverage/overlay_legend.py)
GAINED_COLOUR, LOST_COLOUR = "#2166ac", "#762a83"
CELL_OUTLINE = MapStyle(fill=None, outline="#2b6b96", outline_width=1.0, label_field=None)
SITE_COLOUR = "#6a3d9a"


def _n(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) \
        else f"{float(value):,.0f}"


def body_blocks(plan: Plan, f: ReportFigures) -> list[Block]:
    """Every section after the title page, in order."""
    blocks: list[Block] = []
    blocks += _communities(f)
    blocks += _services(f)
    blocks += _gap_map(plan, f)
    blocks += _centres(f)
    blocks += _sites(f)
    blocks += _stations(f)
    if f.comparison is not None:
        blocks += _comparison(f)
    return blocks


def _chart(f: ReportFigures, names: list[str], shares: list[float], ylabel: str) -> Drawing:
    chart = BarChart(names, shares, f.target, ylabel,
                     f.label("target_line", target=percent(f.target)))
    return Drawing(78.0, lambda p, r, mm: draw_chart(p, r, chart, mm))


def _communities(f: ReportFigures) -> list[Block]:
    minutes = minutes_text(f.minutes)
    rows = f.communities
    out: list[Block] = [heading(f.label("by_community", minutes=minutes))]
    if rows:
        out.append(_chart(f, [r["name"] for r in rows], [r["share"] for r in rows],
                          f.label("share")))
    t = f.totals
    texts = [[r["name"], _n(r["households"]), _n(r["residents"]), _n(r["households_covered"]),
              _n(r["residents_covered"]), percent(r["share"])] for r in rows]
    texts.append([f.label("total"), _n(t["households"]), _n(t["residents"]),
                  _n(sum(r["households_covered"] for r in rows)),
                  _n(sum(r["residents_covered"] for r in rows)), percent(f.share)])
    covered = f.label("covered")
    out.append(table([f.label("community"), f.label("households"), f.label("residents"),
                      f"{covered}{f.label('households')}", f"{covered}{f.label('residents')}",
                      f.label("share")], texts, [2.2, 1, 1, 1, 1, 0.9],
                     [False, True, True, True, True, True]))
    return out


def _services(f: ReportFigures) -> list[Block]:
    if not f.services:
        return []
    names = [service_label(r["service"], f.lang) for r in f.services]
    return [heading(f.label("by_service", minutes=minutes_text(f.minutes))),
            _chart(f, names, [r["share"] for r in f.services], f.label("share"))]


def _gap_map(plan: Plan, f: ReportFigures) -> list[Block]:
    extent = padded_extent(plan)
    if extent is None:
        return []
    x0, y0, x1, y1 = extent
    map_w = BODY_W - LEGEND_MM - 4.0
    map_h = min(150.0, map_w * (y1 - y0) / max(x1 - x0, 1e-9))
    note = f.label("gap_note", level=f"{f.level_m:g}")
    return [heading(f.label("gap_map")),
            Drawing(map_h + 3.0, lambda p, r, mm: _paint_map(p, r, mm, plan, f, extent, map_w)),
            Text(note, pt=8.0, colour="#555555", space_after=5.0)]


def _paint_map(p: QPainter, rect: QRectF, mm: float, plan: Plan, f: ReportFigures,
               extent: tuple[float, float, float, float], map_w: float) -> None:
    result = f.coverage
    view = print_plan(plan, roster_rows(plan, f.lang), result)
    styles = sheet_styles(view, None, coverage=True)
    styles["cells"] = CELL_OUTLINE  # a coverage map: grids as plain outlines, no staffing
    target = QRectF(rect.left(), rect.top(), map_w * mm, rect.height())
    x0, y0, x1, y1 = extent
    scale = min(target.width() / (x1 - x0), target.height() / (y1 - y0))
    target.setWidth((x1 - x0) * scale)
    painter = MapPainter()
    painter.background = "#ffffff"
    dpi = mm * 25.4
    painter.paint(p, view, extent, target, styles, line_scale=dpi / 120.0, label_scale=dpi / 96.0)
    transform = view_transform(extent, target)
    p.save()
    p.setClipRect(target)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    cells = plan.cells.frame
    p.setPen(QPen(QColor("#000000"), 0.7 * mm))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for row in f.no_station:
        geom = cells.at[row["fid"], "geometry"]
        for ring in _rings(geom):
            path = QPainterPath()
            path.addPolygon(transform.map([QPointF(x, y) for x, y in ring]))
            p.drawPath(path)
    if f.comparison is not None:
        _paint_changes(p, transform, plan, f.comparison, mm)
    if f.sites is not None:
        p.setPen(QPen(QColor("#ffffff"), 0.3 * mm))
        p.setBrush(QColor(SITE_COLOUR))
        for s in f.sites.suggestions:
            c = transform.map(QPointF(s.point.x, s.point.y))
            d = 2.6 * mm
            p.drawPolygon([QPointF(c.x(), c.y() - d), QPointF(c.x() + d, c.y()),
                           QPointF(c.x(), c.y() + d), QPointF(c.x() - d, c.y())])
            p.setPen(QColor("#1a1a1a"))
            p.drawText(QPointF(c.x() + d * 1.2, c.y() - d * 0.4), str(s.rank))
            p.setPen(QPen(QColor("#ffffff"), 0.3 * mm))
    p.restore()
    draw_scale_bar(p, target, 1.0 / transform.m11(), max_width_px=30 * mm, margin=3 * mm,
                   scale=dpi / 120.0)
    p.setPen(QPen(QColor("#303030"), 0.3 * mm))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(target)
    items = _legend(view, styles, f)
    legend = QRectF(target.right() + 4 * mm, rect.top(), LEGEND_MM * mm, rect.height())
    draw_legend(p, legend, print_label("legend", f.lang), items, mm, font_pt=7.0)


def _paint_changes(p: QPainter, transform: Any, plan: Plan, comparison: Any, mm: float) -> None:
    """Buildings that gain (blue) and lose (purple) coverage between the compared scenarios."""
    b = plan.buildings.frame
    for fids, colour in ((comparison.gained, GAINED_COLOUR), (comparison.lost, LOST_COLOUR)):
        geoms = [g for g in b.geometry.reindex(fids) if g is not None and not g.is_empty]
        if not geoms:
            continue
        p.setPen(QPen(QColor(colour), 0.5 * mm))
        fill = QColor(colour)
        fill.setAlpha(110)
        p.setBrush(fill)
        for geom in geoms:
            if geom.geom_type == "Point":
                c = transform.map(QPointF(geom.x, geom.y))
                p.drawEllipse(c, 1.2 * mm, 1.2 * mm)
                continue
            for ring in _rings(geom):
                path = QPainterPath()
                path.addPolygon(transform.map([QPointF(x, y) for x, y in ring]))
                p.drawPath(path)


def _legend(view: Plan, styles: dict[str, Any], f: ReportFigures) -> list[LegendItem]:
    items = []
    if len(view.cells):
        items.append(LegendItem("line", CELL_OUTLINE, f.label("cells")))
    if f.no_station:
        items.append(LegendItem("line", MapStyle(outline="#000000", outline_width=2.6),
                                f.label("no_station_short")))
    items += _layer_items(view, styles, f.coverage, f.lang)
    if f.sites is not None and f.sites.suggestions:
        items.append(LegendItem("fill", MapStyle(fill=SITE_COLOUR, outline="#ffffff"),
                                f.label("sites")))
    if f.comparison is not None:
        for colour, key in ((GAINED_COLOUR, "gains"), (LOST_COLOUR, "loses")):
            items.append(LegendItem("fill", MapStyle(fill=colour, outline=colour),
                                    f.label(key)))
    return items


def _rings(geom: Any) -> list[list[tuple[float, float]]]:
    if geom is None or geom.is_empty:
        return []
    parts = shapely.get_parts(geom)
    return [list(part.exterior.coords) for part in parts if part.geom_type == "Polygon"]


def _centres(f: ReportFigures) -> list[Block]:
    out: list[Block] = [heading(f.label("centre_table", level=f"{f.level_m:g}"))]
    texts = []
    for r in f.centres:
        texts.append([r["name"] or f"#{r['fid']}",
                      status_label(r["status"], f.lang) + (f" {r['year']}" if r["year"] else ""),
                      _n(r["floor_area_m2"]), _n(r["households"]), _n(r["residents"]),
                      str(r["cells"]), r["community_names"], _n(r["capacity"]),
                      _n(r["over_capacity"]) if r["over_capacity"] else ""])
    out.append(table([f.label("name"), f.label("status"), f.label("floor_area"),
                      f.label("households"), f.label("residents"), f.label("cells"),
                      f.label("communities"), f.label("capacity"), f.label("over_capacity")],
                     texts, [2.4, 1.1, 0.9, 0.9, 0.9, 0.6, 2.0, 0.9, 0.9],
                     [False, False, True, True, True, True, False, True, True], font_pt=7.0))
    cap = f.coverage.capacity or {}
    if cap.get("households_unallocated", 0) > 0.5:
        out.append(Text(f.label("unallocated", level=f"{f.level_m:g}",
                                households=_n(cap["households_unallocated"])), pt=8.5,
                        colour="#b0223a", space_after=5.0))
    return out


def _stations(f: ReportFigures) -> list[Block]:
    d = f"{f.station_distance_m:g}"
    out: list[Block] = [heading(f.label("no_station", distance=d))]
    if not f.station_rule:
        return out + [Text(f.label("station_rule_off"), space_after=5.0)]
    if not f.totals["cells"]:
        return out + [Text(f.label("no_cells"), space_after=5.0)]
    if not f.no_station:
        return out + [Text(f.label("no_station_none", distance=d), space_after=5.0)]
    by_community: dict[str, list[str]] = {}
    for r in f.no_station:
        by_community.setdefault(r["community"], []).append(r["code"] or r["name"]
                                                           or f"#{r['fid']}")
    texts = [[name, str(len(codes)), "、".join(sorted(codes))]
             for name, codes in sorted(by_community.items())]
    out.append(table([f.label("community"), f.label("cells"), f.label("code")], texts,
                     [1.2, 0.5, 5.0], [False, True, False], font_pt=7.0))
    return out


def _sites(f: ReportFigures) -> list[Block]:
    out: list[Block] = [heading(f.label("sites"))]
    s = f.sites
    if s is None or not s.suggestions:
        return out + [Text(f.label("sites_none"), space_after=5.0)]
    out.append(Text(f.label("sites_after", before=percent(s.share_before),
                            after=percent(s.share_after)), pt=9.0, space_after=2.0))
    texts = [[str(x.rank), x.place or f"({x.point.x:.0f}, {x.point.y:.0f})",
              _n(x.households_added), _n(x.residents_added),
              "、".join(f.label("no_cell") if c == "(no grid cell)" else c
                       for c in list(x.cells)[:6])] for x in s.suggestions]
    out.append(table([f.label("site_rank"), f.label("site_place"), f.label("site_households"),
                      f.label("site_residents"), f.label("site_cells")], texts,
                     [0.5, 2.0, 1.1, 1.1, 2.4], [True, False, True, True, False]))
    return out


def _comparison(f: ReportFigures) -> list[Block]:
    c = f.comparison
    assert c is not None
    out: list[Block] = [heading(f.label("comparison", a=c.a, b=c.b, level=f"{c.level_m:g}"))]
    t = c.totals
    if t:
        out.append(Text(f.label("comparison_totals", a=percent(t["share_a"]),
                                b=percent(t["share_b"]), ca=t["centres_a"], cb=t["centres_b"],
                                ka=t["communities_with_centre_a"],
                                kb=t["communities_with_centre_b"], n=t["communities"]),
                        pt=9.0, space_after=2.0))
    texts = [[r["community"], _n(r["households_a"]), _n(r["households_b"]),
              f"{r['households_change']:+,.0f}", percent(r["share_a"]), percent(r["share_b"])]
             for r in c.communities]
    hh = f.label("households")
    out.append(table([f.label("community"), f"{hh} {c.a}", f"{hh} {c.b}", f.label("change"),
                      f"{f.label('share')} {c.a}", f"{f.label('share')} {c.b}"], texts,
                     [2, 1.2, 1.2, 0.9, 1.1, 1.1], [False, True, True, True, True, True]))
    out.append(Text(f"{f.label('gained', n=len(c.gained))}{f.label('semicolon')}"
                    f"{f.label('lost', n=len(c.lost))}",
                    pt=9.0, space_after=5.0))
    return out

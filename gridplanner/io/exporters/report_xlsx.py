"""The coverage report's figures as an Excel summary, to paste into the office's report.

One workbook: a summary sheet (headline, now and when the plan is built,
per community with a totals row, per service), a sheet of centres (what
each serves and its capacity, with a totals row), the grids without a
station and the suggested sites. Every sheet is set up to print: A4, fitted
to the page width, header row repeated, plan name and page number in the
header and footer. Numbers stay numbers; shares are stored as fractions
with a percent format, so sums and charts in Excel work.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from gridplanner.io.atomic import write_atomic
from gridplanner.io.cell_text import append_row
from gridplanner.io.exporters.report_data import ReportFigures, minutes_text
from gridplanner.io.exporters.report_labels import percent, service_label, status_label
from gridplanner.io.exporters.tables import _text_width

PERCENT = "0.0%"
NUMBER = "#,##0"


def _setup(ws: Any, f: ReportFigures, title_rows: str | None = None,
           landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = f"{f.plan_name} {f.label('title')}"
    ws.oddFooter.right.text = "&P / &N"
    ws.oddFooter.left.text = f.date


def _table(ws: Any, headers: list[str], rows: list[list[Any]], formats: list[str | None],
           total: list[Any] | None = None) -> tuple[int, int]:
    """Header, rows and an optional totals row; returns (first, last) row numbers."""
    from openpyxl.styles import Border, Font, PatternFill, Side

    append_row(ws, headers)
    head = ws.max_row
    for cell in ws[head]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DBE7F0")
    for row in rows:
        append_row(ws, row)
    if total is not None:
        append_row(ws, total)
        thin = Side(style="thin")
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
            cell.border = Border(top=thin)
    for r in range(head + 1, ws.max_row + 1):
        for c, fmt in enumerate(formats, start=1):
            if fmt:
                ws.cell(r, c).number_format = fmt
    return head, ws.max_row


def _summary(wb: Any, f: ReportFigures) -> None:
    from openpyxl.styles import Font

    ws = wb.active
    ws.title = f.label("summary_sheet")[:31]
    append_row(ws, [f"{f.plan_name} {f.label('title')}"])
    ws["A1"].font = Font(bold=True, size=14)
    minutes = minutes_text(f.minutes)
    key = "headline" if f.share_of_residents else "headline_households"
    append_row(ws, [f.label(key, minutes=minutes, share=percent(f.share)),
                    f.label("target", target=percent(f.target)),
                    f.label("met") if f.meets_target else
                    f.label("not_met", gap=f"{100 * max(0.0, f.target - f.share):.1f}")])
    colon = f.label("colon")
    append_row(ws, [f"{f.label('scenario')}{colon}{f.scenario}",
                    f"{f.label('office')}{colon}{f.office}", f"{f.label('date')}{colon}{f.date}"])
    append_row(ws, [])
    _table(ws, ["", f.label("centres"), f.label("share"), f.label("communities_with_centre"),
                f.label("communities")],
           [[f.label(w), f.status[w]["centres"], f.status[w]["share"],
             f.status[w]["communities_with_centre"], f.status[w]["communities"]]
            for w in ("now", "plan")], [None, NUMBER, PERCENT, NUMBER, NUMBER])
    append_row(ws, [])
    covered = f.label("covered")
    rows = [[r["name"], r["households"], r["residents"], r["households_covered"],
             r["residents_covered"], r["share"]] for r in f.communities]
    first, last = _table(
        ws, [f.label("community"), f.label("households"), f.label("residents"),
             f"{covered}{f.label('households')}", f"{covered}{f.label('residents')}",
             f.label("share")], rows, [None, NUMBER, NUMBER, NUMBER, NUMBER, PERCENT],
        [f.label("total"), None, None, None, None, f.share])
    for col in "BCDE":  # the totals are sums, so an edited row updates them
        ws[f"{col}{last}"] = f"=SUM({col}{first + 1}:{col}{last - 1})" if last - 1 > first \
            else 0
        ws[f"{col}{last}"].number_format = NUMBER
    append_row(ws, [])
    _table(ws, [f.label("service"), f"{covered}{f.label('households')}",
                f"{covered}{f.label('residents')}", f.label("share")],
           [[service_label(r["service"], f.lang), r["households_covered"],
             r["residents_covered"], r["share"]] for r in f.services],
           [None, NUMBER, NUMBER, PERCENT])
    _fit(ws, skip_rows=3)
    _setup(ws, f)


def _centres(wb: Any, f: ReportFigures) -> None:
    ws = wb.create_sheet(f.label("centres_sheet")[:31])
    headers = [f.label("name"), f.label("status"), f.label("year"), f.label("floor_area"),
               f.label("buildings"), f.label("households"), f.label("residents"),
               f.label("cells"), f.label("communities"), f.label("capacity"),
               f.label("allocated"), f.label("over_capacity")]
    groups = sorted({k for r in f.centres for k in r if k.startswith("group:")})
    headers += [g[len("group:"):] for g in groups]
    rows = [[r["name"], status_label(r["status"], f.lang), r["year"], r["floor_area_m2"],
             r["buildings"], r["households"], r["residents"], r["cell_codes"],
             r["community_names"], r["capacity"], r["allocated"], r["over_capacity"] or None]
            + [r.get(g) for g in groups] for r in f.centres]
    first, last = _table(ws, headers, rows, [None, None, "0", NUMBER, NUMBER, NUMBER, NUMBER,
                                             None, None, NUMBER, NUMBER, NUMBER]
                         + [NUMBER] * len(groups),
                         [f.label("total")] + [None] * (len(headers) - 1))
    if last - 1 > first:
        from openpyxl.utils import get_column_letter

        sums = [*"DEFGJKL", *(get_column_letter(13 + i) for i in range(len(groups)))]
        for col in sums:
            ws[f"{col}{last}"] = f"=SUM({col}{first + 1}:{col}{last - 1})"
            ws[f"{col}{last}"].number_format = NUMBER
    ws.freeze_panes = "B2"
    _fit(ws)
    _setup(ws, f, "1:1", landscape=True)


def _lists(wb: Any, f: ReportFigures) -> None:
    ws = wb.create_sheet(f.label("no_station_sheet"))
    _table(ws, [f.label("code"), f.label("name"), f.label("community")],
           [[r["code"], r["name"], r["community"]] for r in f.no_station], [None] * 3)
    _fit(ws)
    _setup(ws, f, "1:1")
    if f.sites is None:
        return
    ws = wb.create_sheet(f.label("sites")[:31])
    _table(ws, [f.label("site_rank"), f.label("site_place"), "x", "y",
                f.label("site_households"), f.label("site_residents"), f.label("site_cells")],
           [[s.rank, s.place, round(s.point.x, 1), round(s.point.y, 1), s.households_added,
             s.residents_added, "、".join(s.cells)] for s in f.sites.suggestions],
           [None, None, "0.0", "0.0", NUMBER, NUMBER, None])
    _fit(ws)
    _setup(ws, f, "1:1")


def _fit(ws: Any, skip_rows: int = 0) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=skip_rows + 1):
        for cell in row:
            if cell.value is not None and not str(cell.value).startswith("=SUM"):
                widths[cell.column] = max(widths.get(cell.column, 0), _text_width(cell.value))
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 9), 50)


def export_report_xlsx(figures: ReportFigures, path: str | os.PathLike[str]) -> Path:
    """Write the report's figures as an Excel workbook (atomically); returns the path."""
    from openpyxl import Workbook

    wb = Workbook()
    _summary(wb, figures)
    _centres(wb, figures)
    _lists(wb, figures)
    wb.calculation.fullCalcOnLoad = True  # the totals rows are formulas
    return write_atomic(path, wb.save)

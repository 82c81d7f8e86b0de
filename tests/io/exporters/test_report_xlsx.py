"""The coverage report's Excel summary: totals rows, numbers as numbers, print set-up."""

from __future__ import annotations

import openpyxl
import pytest

from gridplanner.io.exporters.report_data import report_figures
from gridplanner.io.exporters.report_xlsx import export_report_xlsx


@pytest.fixture
def figures(grid_plan):
    fids = list(grid_plan.centres.frame.index)
    grid_plan.centres.set_attributes(fids[0], {"capacity": 100.0})
    grid_plan.settings = grid_plan.settings.replaced(levels_m=(150.0, 300.0))
    return report_figures(grid_plan, sites=1, office="示范街道办事处", date="2026-12-03")


def test_summary_sheet_has_headline_communities_with_totals_and_print_setup(figures, tmp_path):
    path = export_report_xlsx(figures, tmp_path / "summary.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["覆盖汇总", "服务中心"]
    ws = wb["覆盖汇总"]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert f"{100 * figures.share:.1f}%" in cells[1][0]
    names = [r[0] for r in cells]
    for name in ("东风社区", "西湖社区", "合计"):
        assert name in names
    total = cells[names.index("合计")]
    first = names.index("东风社区") + 1
    assert total[1] == f"=SUM(B{first}:B{first + 1})"  # a formula: edits update it
    assert total[5] == pytest.approx(figures.share)
    row = cells[names.index("东风社区")]
    assert isinstance(row[1], (int, float)) and ws.cell(first, 6).number_format == "0.0%"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    centres = wb["服务中心"]
    assert centres.print_title_rows == "$1:$1"  # the header repeats on every page
    assert centres.page_setup.orientation == "landscape"
    header = [c.value for c in centres[1]]
    over = header.index("超容量(户)")
    values = [centres.cell(2, over + 1).value, centres.cell(3, over + 1).value]
    assert figures.centres[0]["over_capacity"] > 0 and values[0] == figures.centres[0][
        "over_capacity"]
    assert centres.cell(centres.max_row, 1).value == "合计"


def test_text_that_looks_like_a_formula_stays_text(grid_plan, tmp_path):
    fid = list(grid_plan.centres.frame.index)[0]
    grid_plan.centres.set_attributes(fid, {"name": "=HYPERLINK(\"x\")"})
    path = export_report_xlsx(report_figures(grid_plan, sites=0), tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(path)["服务中心"]
    assert ws.cell(2, 1).value == "=HYPERLINK(\"x\")" and ws.cell(2, 1).data_type == "s"


def test_population_groups_per_centre(grid_plan, tmp_path):
    b = grid_plan.buildings.frame
    grid_plan.buildings.set_column("group_独居老人", {fid: 2.0 for fid in b.index})
    figures = report_figures(grid_plan, sites=0)
    ws = openpyxl.load_workbook(export_report_xlsx(figures, tmp_path / "g.xlsx"))["服务中心"]
    header = [c.value for c in ws[1]]
    col = header.index("独居老人") + 1
    served = {r["name"]: r["buildings"] for r in figures.centres}
    assert ws.cell(2, col).value == 2.0 * served[ws.cell(2, 1).value]
    assert str(ws.cell(ws.max_row, col).value).startswith("=SUM(")

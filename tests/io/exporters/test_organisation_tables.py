"""The organisation tallies in the Excel/CSV tables and the PDF table's columns."""

from __future__ import annotations

from factories_roster import cell_code, cell_fid, roster_plan
from openpyxl import load_workbook

from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids
from gridplanner.analysis.people.organisation_tallies import organisation_by_cell
from gridplanner.io.exporters.tables import export_xlsx, roster_rows


def org_plan():
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    plan.buildings.set_column("党员", {int(f): 2.0 for f in plan.buildings.frame.index})
    west = cell_fid(plan, cell_code(0, 1))
    plan.layer("volunteers").add([{"name": "志1", "cell_fid": west},
                                  {"name": "志2", "cell_fid": west}])
    return plan, west


def test_xlsx_rows_carry_the_organisation_per_grid(tmp_path):
    plan, west = org_plan()
    path = export_xlsx(plan, tmp_path / "t.xlsx")
    ws = load_workbook(path)["东风社区"]
    header = [c.value for c in ws[1]]
    for title in ("微网格", "居住党员", "党员中心户", "联系户数", "党小组", "双报到党员", "志愿者"):
        assert title in header
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2,
                                                                          values_only=True)}
    expected = organisation_by_cell(plan)
    row = rows[cell_code(0, 1)]
    assert row["志愿者"] == 2
    assert row["微网格"] == expected.at[west, "micro_grids"]
    assert row["居住党员"] == expected.at[west, "party_members"] > 0


def test_plans_without_an_organisation_keep_their_columns():
    plan = roster_plan()
    assert "micro_grids" not in roster_rows(plan).columns
    plan2, _ = org_plan()
    assert {"micro_grids", "volunteers"} <= set(roster_rows(plan2).columns)


"""The roster as Excel and CSV, read back as a user's spreadsheet program would."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from factories_roster import COMMUNITIES, cell_code, roster_plan

from gridplanner.analysis.people.roster_rules import roster_by_cell
from gridplanner.errors import ExportError
from gridplanner.io.exporters.tables import export_csv, export_xlsx, roster_rows, sheet_name


@pytest.fixture(scope="module")
def plan():
    return roster_plan()


def people_of(plan, code):
    cells = plan.cells.frame
    fid = int(cells.index[cells["code"] == code][0])
    team = roster_by_cell(plan)[fid]
    w = plan.workers.frame
    return w.loc[team.leaders[0]], w.loc[team.full_time[0]]


def test_xlsx_has_a_sheet_per_community_and_a_row_per_cell(plan, tmp_path):
    path = export_xlsx(plan, tmp_path / "花名册.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == sorted(COMMUNITIES)
    ws = wb["东风社区"]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:9] == ["网格编码", "网格名称", "户数", "人口", "网格长", "网格长电话",
                          "网格员及电话", "网格党支部", "支部书记"]
    assert header[9:] == ["300米覆盖率(%)", "500米覆盖率(%)", "1000米覆盖率(%)"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [cell_code(0, s) for s in range(1, 7)]  # sorted by code
    leader, worker = people_of(plan, rows[0][0])
    assert rows[0][4] == leader["name"] and rows[0][5] == leader["phone"]
    assert rows[0][6] == f"{worker['name']} {worker['phone']}"
    assert rows[0][7].endswith("党支部") and rows[0][2] > 0
    assert all(0 <= r[9] <= 100 for r in rows)  # network coverage percentages
    assert ws.column_dimensions["G"].width > ws.column_dimensions["C"].width


def test_xlsx_in_english(plan, tmp_path):
    ws = openpyxl.load_workbook(export_xlsx(plan, tmp_path / "r.xlsx", lang="en")).active
    assert [c.value for c in ws[1]][:3] == ["Grid code", "Grid name", "Households"]


def test_csv_starts_with_a_bom_and_has_the_community(plan, tmp_path):
    path = export_csv(plan, tmp_path / "r.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(plan.cells)
    assert rows[0]["社区"] == "东风社区" and rows[0]["网格编码"] == cell_code(0, 1)
    assert rows[-1]["社区"] == "西湖社区"


def test_coverage_is_empty_without_a_network(tmp_path):
    plan = roster_plan()
    plan.network.remove(plan.network.fids())
    rows = roster_rows(plan)
    assert {"coverage_300", "coverage_1000"} <= set(rows.columns)
    assert rows["coverage_300"].isna().all()
    ws = openpyxl.load_workbook(export_xlsx(plan, tmp_path / "r.xlsx")).active
    assert ws.cell(row=2, column=10).value is None


def test_sheet_names_are_valid_and_unique():
    used: set[str] = set()
    assert sheet_name("a/b:c", used) == "a_b_c"
    long = "很" * 40
    first, second = sheet_name(long, used), sheet_name(long, used)
    assert len(first) == 31 and first != second and len(second) <= 31


def test_unwritable_target_is_an_export_error(plan, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_xlsx(plan, tmp_path / "missing" / "r.xlsx")


HOSTILE = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 138", "-1", "@SUM(A1)", "\t=1+1",
           "\r=2", "'=already quoted", "普通姓名"]


@pytest.fixture
def hostile_plan():
    p = roster_plan()
    leaders = [f for f in p.workers.frame.index if p.workers.frame.at[f, "role"] == "leader"]
    for fid, text in zip(leaders, HOSTILE, strict=False):
        p.workers.set_attributes(fid, {"name": text})
    return p, [p.workers.frame.at[f, "name"] for f in leaders[:len(HOSTILE)]]


def test_xlsx_stores_formula_like_text_as_text(hostile_plan, tmp_path):
    import zipfile

    plan, names = hostile_plan
    path = export_xlsx(plan, tmp_path / "r.xlsx")
    with zipfile.ZipFile(path) as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml  # no formula anywhere
    wb = openpyxl.load_workbook(path)
    leaders = {c.value for ws in wb for c in ws["E"][1:]}
    # read back unchanged (XML itself reads a carriage return as a line feed)
    assert {n.replace("\r", "\n") for n in names} <= leaders
    assert all(c.data_type == "s" for ws in wb for c in ws["E"][1:] if c.value)


def test_csv_guards_formula_like_text_and_reads_back_unchanged(hostile_plan, tmp_path):
    from gridplanner.io.importers.roster import read_table

    plan, names = hostile_plan
    path = export_csv(plan, tmp_path / "r.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        raw = [row["网格长"] for row in csv.DictReader(f)]
    for text in raw:  # what Excel or WPS sees: nothing a formula
        assert not text.startswith(("=", "+", "-", "@", "\t", "\r")), text
    assert "'=HYPERLINK(\"http://x\",\"点我\")" in raw and "''=already quoted" in raw
    frame, _ = read_table(path)
    assert set(names) - {"\t=1+1", "\r=2"} <= set(frame["网格长"])
    assert {"\t=1+1", "\r=2"} <= {v for v in frame["网格长"]}  # tab and CR kept

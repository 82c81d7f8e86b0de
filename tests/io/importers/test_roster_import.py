"""Roster import from real Excel and CSV files, Chinese and English headers."""

from __future__ import annotations

import openpyxl
import pytest
from factories import street_grid_plan
from factories_roster import add_cells, cell_code, cell_fid

from gridplanner.errors import ImportDataError
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.io.importers.roster import guess_columns, read_table

A1, A2 = cell_code(0, 1), cell_code(0, 2)

WORKERS_ZH = [
    ["姓名", "手机号码", "岗位", "所属社区", "网格编码", "备注"],
    ["王小明", 13800000001, "网格长", "东风社区", A1, ""],
    ["李红", "13800000002", "专职网格员", "", A1, "新入职"],
    ["张伟", "13800000003", "兼职网格员", "东风社区", f"{A1}、{A2}", ""],
    ["", "13800000004", "楼栋长", "东风社区", A2, ""],
    ["赵强", "13800000005", "厨师", "东风社区", A2, ""],
]


@pytest.fixture
def plan():
    p = street_grid_plan()
    add_cells(p)
    return p


def write_xlsx(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_csv(path, rows, encoding):
    text = "\n".join(",".join(str(v) for v in r) for r in rows) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def workers_at(plan, code):
    fid = cell_fid(plan, code)
    a = plan.assignments.frame
    ids = a[(a["cell_fid"] == fid) & (a["target"] == "worker")]["target_fid"]
    return sorted(plan.workers.frame.loc[[int(i) for i in ids], "name"])


def test_xlsx_with_guessed_chinese_headers(plan, tmp_path):
    path = write_xlsx(tmp_path / "网格员.xlsx", WORKERS_ZH)
    report = import_file(plan, "workers", path)
    w = plan.workers.frame
    assert list(w["name"]) == ["王小明", "李红", "张伟"]
    assert list(w["role"]) == ["leader", "full_time", "part_time"]
    assert w["phone"].iloc[0] == "13800000001"  # typed as a number in Excel
    assert w["community"].iloc[1] == "东风社区"  # filled from the cell
    assert workers_at(plan, A1) == sorted(["王小明", "李红", "张伟"])
    assert workers_at(plan, A2) == ["张伟"]
    assert report.added == 3
    assert "row 5: no name" in report.skipped
    assert any(s.startswith("row 6: unknown role '厨师'") for s in report.skipped)
    assert any("'手机号码' as phone" in m for m in report.warnings)


def test_gbk_csv_with_explicit_mapping(plan, tmp_path):
    rows = [["人员", "联系", "类别", "格"], ["陈静", "13900000001", "专职网格员", A2],
            ["刘洋", "13900000002", "网格指导员", A2]]
    path = write_csv(tmp_path / "roster.csv", rows, "gbk")
    frame, encoding = read_table(path)
    assert encoding == "gb18030" and list(frame.columns) == rows[0]
    options = ImportOptions(extra={"columns": {"name": "人员", "phone": "联系",
                                               "role": "类别", "cell": "格"}})
    report = import_file(plan, "workers", path, options)
    assert list(plan.workers.frame["role"]) == ["full_time", "supervisor"]
    assert workers_at(plan, A2) == sorted(["陈静", "刘洋"])
    assert not any(m.startswith("guessed") for m in report.warnings)


def test_utf8_bom_csv_with_english_headers(plan, tmp_path):
    rows = [["Name", "Phone", "Role", "Community", "Cell"],
            ["Wang Fang", "13700000001", "Leader", "东风社区", A1]]
    path = write_csv(tmp_path / "roster.csv", rows, "utf-8-sig")
    assert read_table(path)[1] == "utf-8-sig"
    import_file(plan, "workers", path)
    assert plan.workers.frame["role"].tolist() == ["leader"]
    assert workers_at(plan, A1) == ["Wang Fang"]


def test_failed_import_changes_nothing(plan, tmp_path):
    rows = [["姓名", "岗位"], ["", "网格长"], ["王五", "司机"]]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportDataError, match="row 2: no name"):
        import_file(plan, "workers", path)
    assert len(plan.workers) == 0 and len(plan.assignments) == 0
    with pytest.raises(ImportDataError, match="is not a column"):
        import_file(plan, "workers", path, ImportOptions(extra={"columns": {"name": "X"}}))
    no_name = write_csv(tmp_path / "x.csv", [["a", "b"], ["1", "2"]], "utf-8")
    with pytest.raises(ImportDataError, match="no name column"):
        import_file(plan, "workers", no_name)
    assert len(plan.workers) == 0


def test_reimport_keeps_people_once_and_replace_starts_over(plan, tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", WORKERS_ZH[:3])
    import_file(plan, "workers", path)
    report = import_file(plan, "workers", path)
    assert len(plan.workers) == 2 and report.added == 0
    assert len(plan.assignments) == 2
    import_file(plan, "workers", path, ImportOptions(replace=True))
    assert len(plan.workers) == 2 and len(plan.assignments) == 2


def test_branches_from_xlsx(plan, tmp_path):
    rows = [["支部名称", "书记", "正式党员数", "类型", "网格"],
            ["第一网格党支部", "王书记", 5, "网格党支部", A1],
            ["联合支部", "李书记", "4", "", f"{A2};{cell_code(0, 3)}"],
            ["坏支部", "赵", "三", "", A1]]
    path = write_xlsx(tmp_path / "branches.xlsx", rows)
    report = import_file(plan, "branches", path)
    b = plan.branches.frame
    assert list(b["name"]) == ["第一网格党支部", "联合支部"]
    assert list(b["kind"]) == ["grid", "joint"]
    assert list(b["full_members"]) == [5, 4]
    assert any(s.startswith("row 4: full members '三'") for s in report.skipped)
    a = plan.assignments.frame
    assert sorted(a[a["target"] == "branch"]["cell_fid"]) == sorted(
        [cell_fid(plan, c) for c in (A1, A2, cell_code(0, 3))])


def test_guess_columns_prefers_exact_headers():
    guess = guess_columns("workers", ["序号", "姓名", "联系电话", "网格名称", "角色"])
    assert guess == {"name": "姓名", "phone": "联系电话", "role": "角色", "cell": "网格名称"}
    assert guess_columns("branches", ["党员人数", "支部书记", "支部名称"]) == {
        "name": "支部名称", "secretary": "支部书记", "full_members": "党员人数"}


def test_unknown_encoding_is_a_clear_error(plan, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["姓名"], ["王"]], "utf-8")
    with pytest.raises(ImportDataError, match="unknown text encoding"):
        import_file(plan, "workers", path, ImportOptions(encoding="nope"))


def test_column_options_override_single_guesses(plan, tmp_path):
    rows = [["姓名", "联系电话", "备用电话", "网格"], ["孙丽", "13500000001", "010-1234", A1]]
    path = write_xlsx(tmp_path / "w.xlsx", rows)
    report = import_file(plan, "workers", path,
                         ImportOptions(extra={"column.phone": "备用电话"}))
    assert plan.workers.frame["phone"].tolist() == ["010-1234"]
    assert workers_at(plan, A1) == ["孙丽"]
    assert any("'姓名' as name" in m for m in report.warnings)


def test_title_rows_above_the_header_are_skipped(plan, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["东风社区网格员花名册"])
    ws.merge_cells("A1:D1")
    ws.append([])
    for r in WORKERS_ZH[:3] + [["", "", "坏角色", "", "", ""]]:
        ws.append(r)
    ws["B4"] = "13800000001"
    wb.save(tmp_path / "titled.xlsx")
    frame, _ = read_table(tmp_path / "titled.xlsx")
    assert list(frame.columns) == WORKERS_ZH[0] and frame.attrs["first_row"] == 4
    report = import_file(plan, "workers", tmp_path / "titled.xlsx")
    assert list(plan.workers.frame["name"]) == ["王小明", "李红"]
    assert report.skipped == ["row 6: no name"]  # numbered as the sheet shows them


def test_csv_with_a_title_row_above_the_header(tmp_path):
    from gridplanner.io.importers.roster import read_table

    path = tmp_path / "roster.csv"
    path.write_bytes("南山社区网格员花名册\n姓名,电话,岗位\n张三,13800000001,网格长\n".encode("gbk"))
    frame, encoding = read_table(path)
    assert encoding in ("gbk", "gb18030")
    assert list(frame.columns) == ["姓名", "电话", "岗位"]
    assert frame.iloc[0].tolist() == ["张三", "13800000001", "网格长"]

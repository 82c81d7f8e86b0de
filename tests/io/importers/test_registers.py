"""Registers (reporting Party members, volunteers, staff) from files as offices keep them."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from factories import CRS, ORIGIN
from factories_roster import cell_code, cell_fid, roster_plan

from gridplanner.errors import ImportDataError
from gridplanner.io.importers.registry import ImportOptions, import_file

X0, Y0 = ORIGIN


@pytest.fixture
def plan():
    plan = roster_plan()
    plan.boundaries.add(gpd.GeoDataFrame(
        {"level": ["compound"], "name": ["幸福小区"], "parent": ["东风社区"]},
        geometry=[shapely.box(X0 + 2, Y0 + 2, X0 + 98, Y0 + 98)], crs=CRS))
    b = plan.buildings.frame
    inside = b.index[b.geometry.representative_point().within(
        shapely.box(X0 + 2, Y0 + 2, X0 + 98, Y0 + 98))]
    names = {int(f): f"{n + 1}号楼" for n, f in enumerate(inside)}
    names[int(b.index[-1])] = "1号楼"  # the same name in another place
    plan.buildings.set_column("name", names)
    return plan


def write_gbk_csv(path, rows, title="东风社区在职党员双报到登记表"):
    lines = [title] + [",".join(r) for r in rows]
    path.write_bytes("\n".join(lines).encode("gbk"))
    return path


def test_party_members_from_a_gbk_csv_with_a_title_row(plan, tmp_path):
    path = write_gbk_csv(tmp_path / "双报到.csv", [
        ("序号", "姓名", "工作单位", "联系电话", "居住地址", "所属网格"),
        ("1", "张伟", "区财政局", "138-0000-0001", "幸福小区1号楼", cell_code(0, 4)),
        ("2", "李娜", "区教育局", "13800000002", "2号楼", ""),
        ("3", "王强", "市供电公司", "13800000003", "不存在的楼", ""),
        ("4", "", "某单位", "13800000004", "", ""),
        ("5", "张伟", "区财政局", "13800000001", "", ""),
    ])
    report = import_file(plan, "party-members", path)
    frame = plan.layer("party_members").frame
    assert list(frame["name"]) == ["张伟", "李娜", "王强"]
    assert report.added == 3 and report.skipped == ["row 6: no name"]
    assert frame["work_unit"].iloc[0] == "区财政局"
    b = plan.buildings.frame
    first = int(frame["building_fid"].iloc[0])
    assert b.at[first, "name"] == "1号楼" and first != int(b.index[-1])
    assert b.at[int(frame["building_fid"].iloc[1]), "name"] == "2号楼"
    assert pd.isna(frame["building_fid"].iloc[2])
    assert int(frame["cell_fid"].iloc[0]) == cell_fid(plan, cell_code(0, 4))
    assert frame["community"].iloc[0] == "东风社区"
    text = " ".join(report.warnings)
    assert "row 5: home '不存在的楼' matches no single building" in text
    assert "row 7: 张伟 is already in the register" in text
    assert "read as gb18030 text" in text or "read as gbk text" in text


def test_volunteers_from_excel_with_an_explicit_mapping(plan, tmp_path):
    path = tmp_path / "志愿者.xlsx"
    pd.DataFrame({"志愿者": ["陈静", "赵磊"], "手机": ["13900000001", "13900000002"],
                  "服务队": ["邻里守望队", "助老服务队"], "特长": ["理发", "维修"],
                  "网格": [cell_code(1, 1), "无此网格"]}).to_excel(path, index=False)
    options = ImportOptions(extra={"columns": {"name": "志愿者", "phone": "手机",
                                               "team": "服务队", "skills": "特长",
                                               "cell": "网格"}})
    report = import_file(plan, "volunteers", path, options)
    frame = plan.layer("volunteers").frame
    assert list(frame["team"]) == ["邻里守望队", "助老服务队"]
    assert int(frame["cell_fid"].iloc[0]) == cell_fid(plan, cell_code(1, 1))
    assert pd.isna(frame["cell_fid"].iloc[1])
    assert any("no grid cell with code or name '无此网格'" in w for w in report.warnings)


def test_staff_with_centre_and_duty_days(plan, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("姓名,岗位,值班地点,值班日\n周敏,社工,邻里中心,周一、周三 周五\n"
                    "吴刚,副主任,不存在中心,周二\n", encoding="utf-8")
    report = import_file(plan, "staff", path)
    frame = plan.layer("staff").frame
    centres = plan.centres.frame
    assert centres.at[int(frame["centre_fid"].iloc[0]), "name"] == "邻里中心"
    assert frame["duty_days"].iloc[0] == "周一;周三;周五"
    assert pd.isna(frame["centre_fid"].iloc[1])
    assert any("no centre named '不存在中心'" in w for w in report.warnings)


def test_a_file_without_usable_rows_changes_nothing(plan, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("姓名,电话\n,138\n", encoding="utf-8")
    with pytest.raises(ImportDataError, match="no usable volunteers rows: row 2: no name"):
        import_file(plan, "volunteers", path)
    assert len(plan.layer("volunteers")) == 0
    bad = ImportOptions(extra={"columns": {"name": "姓名", "team": "队伍"}})
    with pytest.raises(ImportDataError, match="'队伍', which is not a column"):
        import_file(plan, "volunteers", path, bad)
    unknown = ImportOptions(extra={"column.salary": "电话"})
    with pytest.raises(ImportDataError, match="unknown volunteers field 'salary'"):
        import_file(plan, "volunteers", path, unknown)


def test_replace_swaps_the_whole_register(plan, tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("姓名,电话\n甲,1\n乙,2\n", encoding="utf-8")
    import_file(plan, "volunteers", path)
    path.write_text("姓名,电话\n丙,3\n", encoding="utf-8")
    report = import_file(plan, "volunteers", path, ImportOptions(replace=True))
    assert list(plan.layer("volunteers").frame["name"]) == ["丙"] and report.replaced == 2


def test_an_office_sheet_with_compound_and_building_number_in_two_columns(plan, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["东风街道在职党员到社区报到登记表"])
    ws.merge_cells("A1:J1")
    ws.append(["序号", "姓名", "性别", "工作单位", "职务", "联系电话", "居住小区", "楼栋号",
               "报到社区", "备注"])
    ws.append([1, "赵磊", "男", "区财政局", "科员", 13800000011, "幸福小区", 1, "东风社区", ""])
    ws.append([2, "钱芳", "女", "区教育局", "教师", 13800000012, "幸福小区", "2号楼", "东风社区",
               ""])
    ws.append([3, "孙强", "男", "市供电公司", "", 13800000013, "幸福小区", "3栋", "东风社区", ""])
    ws.append([4, "李静", "女", "区卫健委", "", 13800000014, "幸福小区", "99栋", "东风社区", ""])
    path = tmp_path / "双报到登记表.xlsx"
    wb.save(path)
    report = import_file(plan, "party-members", path)
    frame = plan.layer("party_members").frame
    names = plan.buildings.frame["name"]
    found = [names.get(int(f)) if pd.notna(f) else None for f in frame["building_fid"]]
    assert found == ["1号楼", "2号楼", "3号楼", None]
    assert int(frame["building_fid"].iloc[0]) != int(plan.buildings.frame.index[-1])
    assert list(frame["home"])[:2] == ["幸福小区 1", "幸福小区 2号楼"]
    assert frame["phone"].iloc[0] == "13800000011" and frame["community"].iloc[0] == "东风社区"
    assert any("row 6: home '幸福小区 99栋'" in w for w in report.warnings)

"""`gridplanner import PLAN party-members|volunteers|staff FILE` and the register side of
`gridplanner assign` (public contract: options, exit codes, JSON keys)."""

from __future__ import annotations

import json

import pytest
from factories_roster import cell_code, roster_plan

from gridplanner.cli import main
from gridplanner.io.plan_file.project import load_plan, save_plan


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.gpkg"
    plan = roster_plan()
    names = {int(f): f"楼{int(f)}" for f in plan.buildings.frame.index}
    plan.buildings.set_column("name", names)
    save_plan(plan, path)
    return path


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_import_the_three_registers(plan_file, tmp_path, capsys):
    members = write(tmp_path / "m.csv", "姓名,工作单位,居住楼栋\n张伟,区财政局,楼1\n李娜,区教育局,楼9\n",
                    "gbk")
    volunteers = write(tmp_path / "v.csv", "姓名,服务队,特长\n陈静,邻里守望队,理发\n")
    staff = write(tmp_path / "s.csv", "姓名,岗位,值班地点,值班日\n周敏,社工,邻里中心,周一、周三\n")
    assert main(["import", str(plan_file), "party-members", str(members), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["kind"] == "party-members" and report["added"] == 2
    assert main(["import", str(plan_file), "volunteers", str(volunteers)]) == 0
    assert "imported 1 volunteers" in capsys.readouterr().out
    assert main(["import", str(plan_file), "staff", str(staff), "--option",
                 "column.duty_days=值班日"]) == 0
    plan = load_plan(plan_file)
    assert list(plan.layer("party_members").frame["building_fid"]) == [1, 9]
    assert plan.layer("volunteers").frame["skills"].iloc[0] == "理发"
    assert plan.layer("staff").frame["duty_days"].iloc[0] == "周一;周三"


def test_import_a_bad_register_file_exits_1_and_changes_nothing(plan_file, tmp_path, capsys):
    before = plan_file.read_bytes()
    bad = write(tmp_path / "bad.csv", "电话\n138\n")
    assert main(["import", str(plan_file), "volunteers", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "no name column found" in err and "bad.csv" in err and "Traceback" not in err
    assert plan_file.read_bytes() == before


def test_assign_auto_proposes_and_accepts_register_items(plan_file, tmp_path, capsys):
    members = write(tmp_path / "m.csv", "姓名,居住楼栋\n张伟,楼1\n李娜,楼30\n")
    volunteers = write(tmp_path / "v.csv", "姓名,社区\n陈静,西湖社区\n赵磊,西湖社区\n")
    main(["import", str(plan_file), "party-members", str(members)])
    main(["import", str(plan_file), "volunteers", str(volunteers)])
    capsys.readouterr()
    assert main(["assign", str(plan_file), "--auto", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    items = data["register_items"]
    assert [i["what"] for i in items] == ["reporting_member"] * 2 + ["volunteer"] * 2
    assert set(items[0]) >= {"id", "what", "register", "person_fid", "who", "cell", "cell_fid",
                             "micro_fid", "reason", "community"}
    assert main(["assign", str(plan_file), "--auto", "--accept", "--only", items[0]["id"],
                 items[2]["id"], "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] == [items[0]["id"], items[2]["id"]]
    plan = load_plan(plan_file)
    assert plan.layer("party_members").frame["cell_fid"].notna().sum() == 1
    assert plan.layer("volunteers").frame["cell_fid"].notna().sum() == 1
    assert main(["assign", str(plan_file), "--auto", "--accept", "--only", "r99"]) == 1
    assert "no item 'r99'" in capsys.readouterr().err


def test_assign_one_person_by_name(plan_file, tmp_path, capsys):
    staff = write(tmp_path / "s.csv", "姓名,电话\n周敏,13800000001\n周敏,13800000002\n")
    volunteers = write(tmp_path / "v.csv", "姓名\n陈静\n")
    main(["import", str(plan_file), "staff", str(staff)])
    main(["import", str(plan_file), "volunteers", str(volunteers)])
    capsys.readouterr()
    assert main(["assign", str(plan_file), "--register", "staff", "--person", "周敏",
                 "--centre", "邻里中心"]) == 1
    assert "2 entries named '周敏'" in capsys.readouterr().err
    assert main(["assign", str(plan_file), "--register", "staff", "--person", "周敏", "--phone",
                 "138-0000-0002", "--centre", "邻里中心", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["person_fid"] == 2 and data["centre_fid"] == 1
    code = cell_code(1, 2)
    assert main(["assign", str(plan_file), "--register", "volunteers", "--person", "陈静",
                 "--grid", code]) == 0
    assert f"陈静 (volunteers) assigned to {code}" in capsys.readouterr().out
    assert main(["assign", str(plan_file), "--register", "volunteers", "--person", "陈静",
                 "--centre", "邻里中心"]) == 1
    assert "not to a centre" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["assign", str(plan_file), "--register", "volunteers", "--person", "陈静"])
    assert exc.value.code == 2


def test_assign_organisation_proposes_committees_and_groups(tmp_path, capsys):
    plan = roster_plan()
    first = int(plan.buildings.frame.index[0])
    plan.buildings.set_column("党员", {first: 5})
    path = tmp_path / "org.gpkg"
    save_plan(plan, path)
    assert main(["assign", str(path), "--auto", "--organisation", "--accept", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    whats = [i["what"] for i in data["organisation_items"]]
    assert whats == ["committee", "committee", "party_group"]
    back = load_plan(path)
    assert (back.branches.frame["kind"] == "committee").sum() == 2
    group = back.layer("party_groups").frame.iloc[0]
    assert group["buildings"] == str(first) and int(group["members"]) == 5

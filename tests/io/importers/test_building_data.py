"""Joining the office's building ledger (.xlsx / GBK .csv) to the buildings."""

from __future__ import annotations

import pandas as pd
import pytest
from factories_office import building_table, buildings_file, community_file

from gridplanner.analysis.grids.group_tallies import plan_totals
from gridplanner.errors import ImportDataError
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model.plan import Plan


@pytest.fixture
def plan(tmp_path) -> Plan:
    plan = Plan()
    import_file(plan, "boundaries", community_file(tmp_path))
    import_file(plan, "buildings", buildings_file(tmp_path),
                ImportOptions(name_field="楼栋名称", households_field="户数",
                              extra={"persons_per_household": 2}))
    plan.buildings.set_column("households_estimated", {1: True, 2: True})
    return plan


def options(**extra) -> ImportOptions:
    return ImportOptions(extra={"key_field": "地址", **extra})


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_ledger_sets_households_residents_and_groups(tmp_path, plan, suffix):
    path, good = building_table(tmp_path, suffix)
    report = import_file(plan, "building-data", path, options())
    b = plan.buildings.frame.set_index("地址")
    row = good.iloc[0]
    assert b.at[row["地址"], "households"] == row["户数"]
    assert b.at[row["地址"], "residents"] == row["人口"]
    assert b.at[row["地址"], "group_独居老人"] == row["独居老人"]
    assert not b["households_estimated"].loc[good["地址"]].any()
    totals = plan_totals(plan)
    assert totals["低保户"] == good["低保户"].sum()
    assert report.counts["matched"] == len(good)
    assert report.counts["groups"] == ["60岁以上", "独居老人", "低保户"]


def test_unmatched_and_duplicate_keys_are_reported_by_row_and_not_applied(tmp_path, plan):
    path, good = building_table(tmp_path)
    report = import_file(plan, "building-data", path, options())
    text = "\n".join(report.skipped)
    # the sheet has a title row and a blank row above the header (row 3)
    assert "rows 9 and 10: key '东风社区6号楼' appears 2 times; not applied" in text
    assert "row 125: key '东风社区99号楼' matches no building" in text
    assert "row 126: key '西湖社区 旧3号楼' matches no building" in text
    b = plan.buildings.frame.set_index("地址")
    assert b.at["东风社区6号楼", "households"] == 1  # as imported, neither 999 nor the first


def test_keys_matching_several_buildings_are_reported(tmp_path, plan):
    path = tmp_path / "by_name.csv"
    pd.DataFrame({"楼号": ["1号楼", "２号楼"], "户数": [10, 20]}).to_csv(
        path, index=False, encoding="gbk")
    with pytest.raises(ImportDataError, match=r"row 2: key '1号楼' matches 2 buildings"):
        import_file(plan, "building-data", path,
                    ImportOptions(extra={"key_field": "楼号", "building_field": "name"}))
    pd.DataFrame({"楼号": ["1号楼", "东风社区 4号楼", "东风社区3号楼"], "户数": [10, 20, 30]}).to_csv(
        path, index=False, encoding="gbk")
    report = import_file(plan, "building-data", path,
                         ImportOptions(extra={"key_field": "楼号"}))  # matches 地址 best
    assert report.counts["matched"] == 2 and report.counts["unmatched"] == 1


def test_failed_join_changes_nothing(tmp_path, plan):
    path = tmp_path / "junk.csv"
    pd.DataFrame({"地址": ["nowhere"], "户数": [10]}).to_csv(path, index=False)
    before = plan.buildings.frame
    with pytest.raises(ImportDataError, match="no key matches any building attribute"):
        import_file(plan, "building-data", path, options())
    with pytest.raises(ImportDataError, match="no column '楼栋' for a population group"):
        import_file(plan, "building-data", building_table(tmp_path)[0],
                    options(group_fields=["楼栋"]))
    assert plan.buildings.frame is before


def test_no_buildings_yet_is_a_clear_error(tmp_path):
    with pytest.raises(ImportDataError, match="import the buildings first"):
        import_file(Plan(), "building-data", building_table(tmp_path)[0], options())

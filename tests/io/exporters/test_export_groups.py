"""Population groups from a building ledger reach the exported tables and the PDF table."""

from __future__ import annotations

import pandas as pd
from factories_office import building_table, buildings_file, cells_file, community_file
from PySide6.QtCore import Qt

from gridplanner.analysis.grids.group_tallies import tallies_by_cell
from gridplanner.io.exporters.tables import export_csv, roster_rows
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model.plan import Plan


def _plan(tmp_path) -> Plan:
    plan = Plan()
    import_file(plan, "boundaries", community_file(tmp_path))
    import_file(plan, "buildings", buildings_file(tmp_path), ImportOptions(name_field="楼栋名称"))
    import_file(plan, "cells", cells_file(tmp_path))
    import_file(plan, "building-data", building_table(tmp_path)[0],
                ImportOptions(extra={"key_field": "地址"}))
    return plan


def test_groups_per_cell_in_the_roster_table_and_csv(tmp_path):
    plan = _plan(tmp_path)
    rows = roster_rows(plan)
    assert {"group_60岁以上", "group_独居老人", "group_低保户"} <= set(rows.columns)
    expected = tallies_by_cell(plan)["独居老人"]
    assert rows["group_独居老人"].to_dict() == expected.round().astype(int).to_dict()
    path = export_csv(plan, tmp_path / "台账汇总.csv")
    table = pd.read_csv(path, encoding="utf-8-sig")
    assert "独居老人" in table.columns
    assert int(table["独居老人"].sum()) == int(expected.sum())


def test_pdf_table_has_a_column_per_group(qapp):
    from gridplanner.render.print_table import table_layout

    layout = table_layout(["code", "name", "households", "group_独居老人"], "zh_CN", 180.0)
    assert "group_独居老人" in layout.keys
    assert layout.headers[layout.keys.index("group_独居老人")] == "独居老人"


def test_tallies_dock_shows_a_column_per_group(qtbot, tmp_path):
    from gridplanner.qt.grids.tallies_dock import TalliesDock

    plan = _plan(tmp_path)
    dock = TalliesDock()
    qtbot.addWidget(dock)
    dock.set_plan(plan)
    model = dock.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[-3:] == ["60岁以上", "独居老人", "低保户"]
    col = headers.index("独居老人")
    shown = sum(int(model.data(model.index(r, col)).replace(",", ""))
                for r in range(model.rowCount()))
    assert shown == int(tallies_by_cell(plan)["独居老人"].sum())

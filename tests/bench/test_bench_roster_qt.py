"""Roster dock and cell panel at district scale: 1,000 cells, 20,000 workers.

Prints milliseconds for loading the tables, editing one phone (through the
undo stack, model refreshed), assigning by drop, refreshing the cell panel,
sorting and filtering. Never fails on timing.
"""

from __future__ import annotations

import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from gridplanner.model import Plan

pytestmark = pytest.mark.bench
CRS = "EPSG:32650"


def district_plan(side: int = 32, workers: int = 20_000, seed: int = 0) -> Plan:
    rng = np.random.default_rng(seed)
    plan = Plan(crs=CRS)
    boxes = [shapely.box(400000 + i * 300, 4400000 + j * 300, 400300 + i * 300, 4400300 + j * 300)
             for i in range(side) for j in range(side)]
    cells = gpd.GeoDataFrame({"code": [f"000000001{k // 10:03d}{k % 10 + 1:03d}"
                                       for k in range(len(boxes))],
                              "community": [f"社区{k // 10}" for k in range(len(boxes))]},
                             geometry=boxes, crs=CRS)
    plan.cells.add(cells)
    points = [shapely.box(b.bounds[0] + dx, b.bounds[1] + dy, b.bounds[0] + dx + 20,
                          b.bounds[1] + dy + 14)
              for b in boxes for dx, dy in ((40, 40), (160, 160), (40, 200))]
    plan.buildings.add(gpd.GeoDataFrame({"households": rng.integers(20, 200, len(points))},
                                        geometry=points, crs=CRS))
    roles = rng.choice(["full_time", "part_time", "leader", "steward"], workers)
    plan.workers.add(pd.DataFrame({"name": [f"员工{k}" for k in range(workers)],
                                   "phone": [f"139{k:08d}" for k in range(workers)],
                                   "role": roles}))
    plan.branches.add(pd.DataFrame({"name": [f"第{k}支部" for k in range(len(boxes))],
                                    "full_members": rng.integers(1, 9, len(boxes))}))
    cell_fids = plan.cells.fids()
    links = [{"cell_fid": cell_fids[k % len(cell_fids)], "target": "worker", "target_fid": k + 1}
             for k in range(3 * len(cell_fids))]
    links += [{"cell_fid": c, "target": "branch", "target_fid": k + 1}
              for k, c in enumerate(cell_fids)]
    plan.assignments.add(links)
    return plan


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def test_bench_roster_dock_and_panel(qtbot):
    from gridplanner.qt.roster.cell_panel import CellPanel
    from gridplanner.qt.roster.commands import EditRowCommand, drop_on_cell
    from gridplanner.qt.roster.dock import RosterDock

    plan, stack = district_plan(), QUndoStack()
    dock, panel = RosterDock(), CellPanel()
    qtbot.addWidget(dock)
    qtbot.addWidget(panel)
    t = time.perf_counter()
    dock.set_plan(plan, stack)
    load = _ms(t)
    panel.set_plan(plan, stack)
    cell = plan.cells.fids()[500]
    t = time.perf_counter()
    panel.show_cell(cell)
    show = _ms(t)
    t = time.perf_counter()
    stack.push(EditRowCommand(plan, "workers", 10, {"phone": "13700000000"}))
    edit = _ms(t)
    t = time.perf_counter()
    stack.push(drop_on_cell(plan, "worker", [15_000], cell))
    drop = _ms(t)
    tab = dock.workers
    t = time.perf_counter()
    tab.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    sort = _ms(t)
    t = time.perf_counter()
    tab.filter_edit.setText("员工1999")
    filt = _ms(t)
    print(f"\nroster at scale: {len(plan.cells)} cells, {len(plan.workers)} workers, "
          f"{len(plan.assignments)} assignments")
    print(f"  load both tables {load:.0f} ms; cell panel {show:.0f} ms; "
          f"phone edit via undo stack {edit:.0f} ms; drop-assign (+panel, tables) {drop:.0f} ms; "
          f"sort 20k rows {sort:.0f} ms; filter {filt:.0f} ms ({tab.proxy.rowCount()} rows)")
    assert plan.workers.row(10)["phone"] == "13700000000"

"""Attribute table editing on a district-sized plan (100,000 buildings).

Run with ``pytest tests/bench/test_bench_attribute_edit.py --bench -s``.
Prints the figures; never fails on timing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

import gridplanner.render  # noqa: F401  (None refcount guard before Qt use)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_buildings import synthetic_plan  # noqa: E402

pytestmark = pytest.mark.bench


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def test_bench_attribute_edit(qtbot):
    from PySide6.QtGui import QUndoStack

    from gridplanner.qt.map.attribute_dock import AttributeDock
    from gridplanner.qt.map.canvas import MapCanvas

    plan = synthetic_plan(100_000)
    canvas = MapCanvas()
    stack = QUndoStack()
    dock = AttributeDock(canvas, undo_stack=stack)
    qtbot.addWidget(canvas)
    qtbot.addWidget(dock)
    canvas.set_plan(plan)
    dock.set_layer("buildings")
    col = dock.model._columns.index("households")
    start = time.perf_counter()
    assert dock.proxy.setData(dock.proxy.index(10, col), "77")
    one = _ms(start)
    dock.view.setCurrentIndex(dock.proxy.index(100, col))
    start = time.perf_counter()
    assert dock.paste_text("\n".join(str(i % 90) for i in range(1000)))
    paste = _ms(start)
    start = time.perf_counter()
    text = dock.view.copy_text()
    copy = _ms(start)
    start = time.perf_counter()
    stack.undo()
    undo = _ms(start)
    print(f"\n100,000 buildings: one typed cell {one:.0f} ms, paste 1,000 rows {paste:.0f} ms, "
          f"copy 1,000 cells {copy:.0f} ms ({len(text):,} chars), undo the paste {undo:.0f} ms")

"""The attribute table edits like Excel: typed cells checked by type, paste, copy, undo."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from gridplanner.qt.shell.commands import AttributeCommand


@pytest.fixture
def dock(main_window):
    dock = main_window.attribute_dock
    dock.set_layer("buildings")
    return dock


def _cell(dock, row: int, column: str):
    col = dock.model._columns.index(column)
    return dock.proxy.index(row, col)


def _fid(dock, row: int) -> int:
    return dock.model.fid_at(dock.proxy.mapToSource(dock.proxy.index(row, 0)).row())


def test_typing_a_number_edits_the_feature_and_undo_puts_it_back(main_window, dock, grid_plan):
    index = _cell(dock, 2, "households")
    fid = _fid(dock, 2)
    before = grid_plan.buildings.row(fid)["households"]
    grid_plan.buildings.set_attributes(fid, {"households_estimated": True})
    dock.view.setCurrentIndex(index)
    assert dock.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert dock.proxy.setData(index, "1,234")  # what the cell editor does on Enter
    assert grid_plan.buildings.row(fid)["households"] == 1234.0
    assert not grid_plan.buildings.row(fid)["households_estimated"]  # typed, so known
    assert dock.proxy.data(index) == "1234"
    assert dock.view.currentIndex() == index  # the cursor stays on the edited cell
    stack = main_window.undo_stack
    assert stack.count() == 1 and main_window.isWindowModified()
    stack.undo()
    assert grid_plan.buildings.row(fid)["households"] == before
    assert grid_plan.buildings.row(fid)["households_estimated"]
    stack.redo()
    assert grid_plan.buildings.row(fid)["households"] == 1234.0


def test_text_in_a_number_column_is_refused_with_a_message(main_window, dock, grid_plan):
    index = _cell(dock, 0, "residents")
    fid = _fid(dock, 0)
    before = grid_plan.buildings.row(fid)["residents"]
    assert not dock.proxy.setData(index, "many")
    assert grid_plan.buildings.row(fid)["residents"] == before
    assert main_window.undo_stack.count() == 0
    message = main_window.statusBar().currentMessage()
    assert "Residents" in message and "many" in message and str(fid) in message
    assert not dock.proxy.setData(index, "-5")
    assert "negative" in main_window.statusBar().currentMessage()


def test_id_is_not_editable_and_choices_are_checked(main_window, dock, grid_plan):
    assert not dock.proxy.flags(_cell(dock, 0, "fid")) & Qt.ItemFlag.ItemIsEditable
    assert "geometry" not in dock.model._columns
    dock.set_layer("boundaries")
    level = _cell(dock, 0, "level")
    assert not dock.proxy.setData(level, "province")
    assert "community" in dock.last_message
    assert dock.proxy.setData(level, "compound")
    assert grid_plan.boundaries.row(_fid(dock, 0))["level"] == "compound"


def test_pasting_a_column_from_excel_is_one_undo_step(main_window, dock, grid_plan):
    dock.view.setCurrentIndex(_cell(dock, 1, "name"))
    fids = [_fid(dock, r) for r in (1, 2, 3)]
    before = [grid_plan.buildings.row(f)["name"] for f in fids]
    QGuiApplication.clipboard().setText("1号楼\r\n2号楼\r\n3号楼\r\n")  # as Excel copies
    dock.view.keyPressEvent(_key("Paste"))
    assert [grid_plan.buildings.row(f)["name"] for f in fids] == ["1号楼", "2号楼", "3号楼"]
    assert main_window.undo_stack.count() == 1
    assert "3" in dock.last_message
    main_window.undo_stack.undo()
    assert [grid_plan.buildings.row(f)["name"] for f in fids] == before


def test_a_paste_with_one_bad_value_changes_nothing(main_window, dock, grid_plan):
    dock.view.setCurrentIndex(_cell(dock, 0, "households"))
    fids = [_fid(dock, r) for r in (0, 1)]
    before = [grid_plan.buildings.row(f)["households"] for f in fids]
    assert not dock.paste_text("12\nabc\n")
    assert [grid_plan.buildings.row(f)["households"] for f in fids] == before
    assert "abc" in main_window.statusBar().currentMessage()


def test_one_value_fills_every_selected_cell(main_window, dock, grid_plan):
    col = dock.model._columns.index("floors")
    selection = QItemSelection(dock.proxy.index(0, col), dock.proxy.index(4, col))
    dock.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert dock.paste_text("6\n")
    assert all(grid_plan.buildings.row(_fid(dock, r))["floors"] == 6 for r in range(5))
    assert main_window.undo_stack.count() == 1
    main_window.undo_stack.undo()
    assert all(math.isnan(grid_plan.buildings.row(_fid(dock, r))["floors"]) for r in range(5))


def test_delete_empties_the_selected_cells_in_one_step(main_window, dock, grid_plan):
    from PySide6.QtGui import QKeyEvent

    name, floors = dock.model._columns.index("name"), dock.model._columns.index("floors")
    grid_plan.buildings.set_column("floors", {f: 5.0 for f in grid_plan.buildings.fids()})
    selection = QItemSelection(dock.proxy.index(0, 0), dock.proxy.index(1, floors))  # ID too
    dock.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    fids = [_fid(dock, 0), _fid(dock, 1)]
    dock.view.keyPressEvent(QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Delete,
                                      Qt.KeyboardModifier.NoModifier))
    assert [grid_plan.buildings.row(f)["name"] for f in fids] == ["", ""]
    assert all(math.isnan(grid_plan.buildings.row(f)["floors"]) for f in fids)
    assert dock.proxy.data(dock.proxy.index(0, name)) == ""
    assert main_window.undo_stack.count() == 1
    main_window.undo_stack.undo()
    assert all(grid_plan.buildings.row(f)["floors"] == 5.0 for f in fids)


def test_ctrl_c_copies_the_selected_cells_as_tsv(dock, grid_plan):
    name, households = dock.model._columns.index("name"), dock.model._columns.index("households")
    selection = QItemSelection(dock.proxy.index(0, name), dock.proxy.index(1, households))
    dock.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    dock.view.keyPressEvent(_key("Copy"))
    lines = QGuiApplication.clipboard().text().splitlines()
    rows = [grid_plan.buildings.row(_fid(dock, r)) for r in (0, 1)]
    assert lines == [f"{r['name']}\t{r['households']:.0f}" for r in rows]


def test_sorting_and_map_selection_still_work_after_an_edit(main_window, dock, grid_plan):
    col = dock.model._columns.index("households")
    dock.view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    top = _fid(dock, 0)
    assert dock.proxy.setData(_cell(dock, 5, "households"), "99999")
    dock.view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert grid_plan.buildings.row(_fid(dock, 0))["households"] == 99999 and _fid(dock, 0) != top
    main_window.canvas.set_selection("buildings", [top])
    assert dock.selected_fids() == [top]


def test_attribute_command_do_undo_redo(grid_plan):
    fids = grid_plan.buildings.fids()[:3]
    old = {f: grid_plan.buildings.row(f)["name"] for f in fids}
    command = AttributeCommand(grid_plan, "buildings", {f: {"name": f"B{f}"} for f in fids})
    command.redo()
    assert [grid_plan.buildings.row(f)["name"] for f in fids] == [f"B{f}" for f in fids]
    command.undo()
    assert {f: grid_plan.buildings.row(f)["name"] for f in fids} == old
    command.redo()
    assert grid_plan.buildings.row(fids[0])["name"] == f"B{fids[0]}"


def _key(name: str):
    from PySide6.QtGui import QKeyEvent, QKeySequence

    sequence = QKeySequence(getattr(QKeySequence.StandardKey, name))[0]
    return QKeyEvent(QKeyEvent.Type.KeyPress, sequence.key(), sequence.keyboardModifiers())

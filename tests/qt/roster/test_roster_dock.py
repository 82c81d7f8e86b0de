"""The roster dock as a user edits it: in-place edits, combos, rows, the Grid column."""

from __future__ import annotations

from factories_roster import cell_code, cell_fid, roster_plan
from PySide6.QtCore import Qt
from roster_helpers import roster_feature, roster_window_fixture  # noqa: F401

from gridplanner.qt.roster.model import read_roster_mime

EDIT = Qt.ItemDataRole.EditRole


def _index(tab, fid, column):
    model = tab.model
    return tab.proxy.mapFromSource(model.index(model.row_of(fid), model.columns.index(column)))


def test_editing_a_phone_in_the_table_is_undoable(make_roster_window):
    window = make_roster_window(roster_plan())
    tab = roster_feature(window).dock.workers
    index = _index(tab, 1, "phone")
    assert index.data() == "13800000000"
    assert tab.proxy.setData(index, " 13912345678 ", EDIT)
    assert window.plan.workers.row(1)["phone"] == "13912345678"
    assert _index(tab, 1, "phone").data() == "13912345678"
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert window.plan.workers.row(1)["phone"] == "13800000000"
    assert _index(tab, 1, "phone").data() == "13800000000"
    window.redo_action.trigger()
    assert window.plan.workers.row(1)["phone"] == "13912345678"
    assert not tab.proxy.setData(_index(tab, 1, "phone"), "13912345678", EDIT)  # no change
    assert window.undo_stack.count() == 1


def test_role_combo_shows_translated_labels_and_sets_the_role(make_roster_window):
    window = make_roster_window(roster_plan())
    tab = roster_feature(window).dock.workers
    index = _index(tab, 2, "role")
    assert index.data() == "Full-time worker"
    delegate = tab.view.itemDelegateForColumn(tab.model.columns.index("role"))
    editor = delegate.createEditor(tab.view.viewport(), None, index)
    labels = [editor.itemText(i) for i in range(editor.count())]
    assert "Grid leader" in labels and "Building steward" in labels
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "Full-time worker"
    editor.setCurrentIndex(editor.findData("steward"))
    delegate.setModelData(editor, tab.proxy, index)
    assert window.plan.workers.row(2)["role"] == "steward"
    assert _index(tab, 2, "role").data() == "Building steward"
    window.undo_action.trigger()
    assert window.plan.workers.row(2)["role"] == "full_time"
    window.redo_action.trigger()
    assert window.plan.workers.row(2)["role"] == "steward"


def test_grid_column_assigns_in_the_table(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    tab = roster_feature(window).dock.workers
    first, second = cell_code(0, 1), cell_code(0, 2)
    assert _index(tab, 1, "cell").data() == first
    assert tab.proxy.setData(_index(tab, 1, "cell"), cell_fid(plan, second), EDIT)
    assert _index(tab, 1, "cell").data() == second
    window.undo_action.trigger()
    assert _index(tab, 1, "cell").data() == first
    window.redo_action.trigger()
    assert _index(tab, 1, "cell").data() == second
    assert tab.proxy.setData(_index(tab, 1, "cell"), -1, EDIT)  # "(no grid)"
    assert _index(tab, 1, "cell").data() == ""


def test_add_and_delete_rows(make_roster_window):
    window = make_roster_window(roster_plan())
    dock = roster_feature(window).dock
    tab = dock.branches
    before = len(window.plan.branches)
    fid = tab.add_row()
    assert len(window.plan.branches) == before + 1
    assert "(13)" in dock.tabs.tabText(1)
    assert tab.proxy.setData(_index(tab, fid, "name"), "新建联合党支部", EDIT)
    assert tab.proxy.setData(_index(tab, fid, "full_members"), "5", EDIT)
    assert window.plan.branches.row(fid)["full_members"] == 5
    tab.view.clearSelection()  # the new row stays selected after editing it
    tab.view.selectRow(_index(tab, 1, "name").row())
    assert tab.delete_selected() == [1]
    assert 1 not in window.plan.branches.frame.index
    window.undo_action.trigger()
    assert window.plan.branches.row(1)["name"].endswith("党支部")
    assert _index(tab, 1, "cell").data() == cell_code(0, 1)  # its grid came back too
    window.redo_action.trigger()
    assert 1 not in window.plan.branches.frame.index


def test_filter_and_numeric_sort(make_roster_window):
    plan = roster_plan()
    plan.branches.set_attributes(3, {"full_members": 12})
    window = make_roster_window(plan)
    tab = roster_feature(window).dock.branches
    column = tab.model.columns.index("full_members")
    tab.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert tab.proxy.index(0, column).data() == "12"  # not "3" before "12" as text
    workers = roster_feature(window).dock.workers
    workers.filter_edit.setText("Grid leader")
    assert workers.proxy.rowCount() == 12


def test_rows_drag_out_as_roster_data(make_roster_window):
    window = make_roster_window(roster_plan())
    tab = roster_feature(window).dock.workers
    data = tab.model.mimeData([tab.model.index(0, 0), tab.model.index(0, 2),
                               tab.model.index(3, 0)])
    assert read_roster_mime(data) == ("worker", [1, 4])


def test_grid_combo_takes_a_typed_part_of_a_code_or_name(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    tab = roster_feature(window).dock.workers
    index = _index(tab, 1, "cell")
    delegate = tab.view.itemDelegateForColumn(tab.model.columns.index("cell"))
    editor = delegate.createEditor(tab.view.viewport(), None, index)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == cell_fid(plan, cell_code(0, 1))
    editor.setEditText("西湖社区第3网格")  # a cell's name, typed
    delegate.setModelData(editor, tab.proxy, index)
    assert _index(tab, 1, "cell").data() == cell_code(1, 3)
    editor.setEditText("no such grid")
    delegate.setModelData(editor, tab.proxy, index)
    assert _index(tab, 1, "cell").data() == cell_code(1, 3)  # unchanged


def test_only_those_on_no_grid_and_it_follows_assignments(make_roster_window):
    from factories_roster import unassigned_plan

    from gridplanner.qt.roster.commands import drop_on_cell

    plan = unassigned_plan()
    window = make_roster_window(plan)
    tab = roster_feature(window).dock.workers
    tab.unassigned_check.setChecked(True)
    assert tab.proxy.rowCount() == len(plan.workers)
    window.undo_stack.push(drop_on_cell(plan, "worker", [1, 2], cell_fid(plan, cell_code(0, 1))))
    assert tab.proxy.rowCount() == len(plan.workers) - 2  # placed people leave the list
    window.undo_action.trigger()
    assert tab.proxy.rowCount() == len(plan.workers)
    tab.unassigned_check.setChecked(False)
    assert tab.proxy.rowCount() == len(plan.workers)

"""Copy and paste between the roster tables and Excel: one undo step per paste."""

from __future__ import annotations

from factories_roster import cell_code, cell_fid, roster_plan
from PySide6.QtWidgets import QApplication
from roster_helpers import roster_feature, roster_window_fixture  # noqa: F401

from gridplanner.analysis.people.roster_edit import cells_by_target


def _go(tab, fid, column):
    model = tab.model
    index = tab.proxy.mapFromSource(model.index(model.row_of(fid), model.columns.index(column)))
    tab.view.setCurrentIndex(index)


def test_pasting_an_excel_block_edits_rows_and_adds_new_ones(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    tab = roster_feature(window).dock.workers
    last = max(plan.workers.fids())
    before = len(plan.workers)
    _go(tab, last, "phone")
    code = cell_code(1, 1)
    block = (f"13911110000\t专职网格员\t西湖社区\t{code}\r\n"
             f"13922220000\t兼职\t西湖社区\t{code}\r\n")
    # the second line lies past the last row: a new worker without a name yet
    assert tab.paste_text(block)
    assert plan.workers.row(last)["phone"] == "13911110000"
    assert plan.workers.row(last)["role"] == "full_time"
    assert len(plan.workers) == before + 1
    new = max(plan.workers.fids())
    assert plan.workers.row(new)["role"] == "part_time"
    assert cells_by_target(plan, "worker")[new] == [cell_fid(plan, code)]
    assert cells_by_target(plan, "worker")[last] == [cell_fid(plan, code)]
    assert window.undo_stack.count() == 1
    window.undo_action.trigger()
    assert len(plan.workers) == before and plan.workers.row(last)["role"] == "full_time"
    assert plan.workers.row(last)["phone"] != "13911110000"
    assert cells_by_target(plan, "worker")[last] == [cell_fid(plan, cell_code(1, 6))]
    window.redo_action.trigger()
    assert len(plan.workers) == before + 1
    assert cells_by_target(plan, "worker")[new] == [cell_fid(plan, code)]


def test_values_that_cannot_be_read_are_left_out_and_reported(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    feature = roster_feature(window)
    tab = feature.dock.workers
    _go(tab, 1, "role")
    assert tab.paste_text("厨师\t东风社区\n网格长\t西湖社区\n")
    assert plan.workers.row(1)["role"] == "leader"  # unchanged: 厨师 is no role
    assert plan.workers.row(2)["role"] == "leader" and plan.workers.row(2)["community"] == "西湖社区"
    assert "厨师" in window.statusBar().currentMessage()


def test_branch_members_and_types_paste_from_chinese_words(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    tab = roster_feature(window).dock.branches
    _go(tab, 1, "full_members")
    assert tab.paste_text("7\t联合党支部\t" + cell_code(0, 1) + "、" + cell_code(0, 2))
    row = plan.branches.row(1)
    assert row["full_members"] == 7 and row["kind"] == "joint"
    assert sorted(cells_by_target(plan, "branch")[1]) == sorted(
        [cell_fid(plan, cell_code(0, 1)), cell_fid(plan, cell_code(0, 2))])


def test_copy_gives_tab_separated_shown_values(make_roster_window):
    plan = roster_plan()
    window = make_roster_window(plan)
    tab = roster_feature(window).dock.workers
    tab.view.selectRow(0)
    text = tab.copy_selection()
    assert text.split("\t")[0] == str(plan.workers.row(1)["name"])
    assert "Grid leader" in text and cell_code(0, 1) in text
    assert QApplication.clipboard().text() == text

"""Opening a damaged plan in the window: listed by table and row, repaired only on confirm."""

from __future__ import annotations

import pytest
from factories_damage import damage, digest, saved_roster_plan
from PySide6.QtCore import QTimer

from gridplanner.io.plan_file.project import load_plan_checked


@pytest.fixture
def damaged(tmp_path):
    """Assignment 2 names worker 999; assignment 5 holds text in target_fid."""
    path = saved_roster_plan(tmp_path)
    damage(path, "UPDATE assignments SET target_fid = 999 WHERE fid = 2")
    damage(path, "UPDATE assignments SET target_fid = 'x' WHERE fid = 5")
    return path


def _answer(window, choice: str) -> list:
    asked = []
    window.ask_damaged_plan = lambda path, findings: (asked.append((path, findings)), choice)[1]
    return asked


def test_cancel_opens_nothing_and_the_file_is_untouched(main_window, damaged):
    before, shown = digest(damaged), main_window.plan
    asked = _answer(main_window, "cancel")
    assert not main_window.open_plan_file(damaged, confirm=False)
    assert main_window.plan is shown and main_window.errors == []
    path, findings = asked[0]
    assert path == damaged
    rows = {(f.kind, f.params["table"], f.params["rows"]) for f in findings}
    assert ("dangling_reference", "assignments", "2") in rows
    assert ("bad_value", "assignments", "5") in rows
    assert digest(damaged) == before


def test_repair_is_one_undoable_step_and_saving_keeps_it(main_window, damaged):
    _answer(main_window, "repair")
    assert main_window.open_plan_file(damaged, confirm=False)
    plan = main_window.plan
    assert len(plan.assignments) == 34 and main_window.is_modified()
    main_window.undo_stack.undo()  # the damaged rows come back: nothing was dropped silently
    assert len(plan.assignments) == 36
    main_window.undo_stack.redo()
    assert main_window.save_plan_file()
    reopened, found = load_plan_checked(damaged)
    assert found == [] and len(reopened.assignments) == 34


def test_open_without_repairing_refuses_to_save_over_the_damaged_file(main_window, damaged,
                                                                      tmp_path):
    before = digest(damaged)
    _answer(main_window, "read_only")
    assert main_window.open_plan_file(damaged, confirm=False)
    assert len(main_window.plan.assignments) == 36 and not main_window.is_modified()
    main_window.plan.name = "an edit"
    assert not main_window.save_plan_file()
    assert "without repairing" in main_window.errors[-1][1]
    assert digest(damaged) == before
    copy = tmp_path / "copy.gpkg"
    assert main_window.save_plan_file(copy)  # Save As… to another file works
    assert main_window.save_plan_file()  # and the copy can be saved again
    assert digest(damaged) == before


def test_a_sound_plan_asks_nothing(main_window, tmp_path):
    path = saved_roster_plan(tmp_path)
    asked = _answer(main_window, "cancel")
    assert main_window.open_plan_file(path, confirm=False)
    assert asked == [] and len(main_window.plan.assignments) == 36


@pytest.mark.allow_modal
def test_the_dialog_lists_each_problem_with_its_repair(main_window, damaged, qtbot):
    from gridplanner.qt.window.plan_damage import DamageDialog

    _plan, findings = load_plan_checked(damaged)
    dialog = DamageDialog(damaged, findings, main_window)
    qtbot.addWidget(dialog)
    tree = dialog.tree
    rows = [[tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(tree.topLevelItemCount())]
    assert ["Assignments", "2", "Points at Grid workers 999, which does not exist",
            "The row is removed"] in rows
    assert any(r[1] == "5" and "“x”" in r[2] for r in rows)
    QTimer.singleShot(0, dialog.open_button.click)
    dialog.exec()
    assert dialog.choice == "read_only"


def test_the_damage_and_the_refusal_read_in_chinese(main_window, damaged, qapp, qtbot):
    from PySide6.QtCore import QCoreApplication

    from gridplanner.qt.shell import i18n
    from gridplanner.qt.window.plan_damage import DamageDialog

    _plan, findings = load_plan_checked(damaged)
    i18n.switch_language(qapp, "zh_CN")
    QCoreApplication.processEvents()
    try:
        dialog = DamageDialog(damaged, findings, main_window)
        qtbot.addWidget(dialog)
        rows = [[dialog.tree.topLevelItem(i).text(c) for c in range(4)]
                for i in range(dialog.tree.topLevelItemCount())]
        assert ["人员分配", "2", "指向网格员 999，但它不存在", "删除该行"] in rows
        assert dialog.repair_button.text() == "修复"
        _answer(main_window, "read_only")
        assert main_window.open_plan_file(damaged, confirm=False)
        assert not main_window.save_plan_file()
        assert "另存为" in main_window.errors[-1][1]
    finally:
        i18n.switch_language(qapp, "en")
        QCoreApplication.processEvents()


def test_validate_grids_in_the_window_lists_broken_references_and_bad_shapes(
        main_window, tmp_path, qapp):
    import shapely
    from PySide6.QtCore import QCoreApplication

    from gridplanner.qt.shell import i18n
    from gridplanner.qt.shell.finding_texts import describe

    path = saved_roster_plan(tmp_path)
    damage(path, "UPDATE assignments SET target_fid = 999 WHERE fid = 2")
    _answer(main_window, "read_only")
    assert main_window.open_plan_file(path, confirm=False)
    plan = main_window.plan
    bx0, by0, bx1, by1 = plan.buildings.geometry(40).bounds  # GEOS cannot cut this with cells
    plan.buildings.set_geometry(40, shapely.Polygon(
        [(bx0, by0), (bx1 + 70, by1), (bx1 + 70, by0), (bx0, by1), (bx0 + 30, by0 - 20),
         (bx1 + 10, by1 + 30)]))
    found = main_window.features["grids"].action_validate()
    by_kind = {f.kind: f for f in found}
    assert by_kind["dangling_reference"].features == {"assignments": [2]}
    assert by_kind["invalid_geometry"].features == {"buildings": [40]}
    assert "no_full_time_worker" in by_kind  # the roster rules still ran (row 2 counts for none)
    i18n.switch_language(qapp, "zh_CN")
    QCoreApplication.processEvents()
    try:
        assert "不存在" in describe(by_kind["dangling_reference"])
        assert "图形无效" in describe(by_kind["invalid_geometry"])
    finally:
        i18n.switch_language(qapp, "en")
        QCoreApplication.processEvents()


@pytest.fixture
def dangling(tmp_path):
    """Only rows pointing at nothing: assignment 2 names worker 999 (nothing hidden)."""
    path = saved_roster_plan(tmp_path, "dangling.gpkg")
    damage(path, "UPDATE assignments SET target_fid = 999 WHERE fid = 2")
    return path


def test_rows_pointing_at_nothing_are_asked_about_too(main_window, dangling):
    asked = _answer(main_window, "cancel")
    assert not main_window.open_plan_file(dangling, confirm=False)
    assert [f.kind for f in asked[0][1]] == ["dangling_reference"]
    _answer(main_window, "repair")
    assert main_window.open_plan_file(dangling, confirm=False)
    assert len(main_window.plan.assignments) == 35 and main_window.is_modified()
    main_window.undo_stack.undo()
    assert len(main_window.plan.assignments) == 36


def test_kept_rows_pointing_at_nothing_can_be_saved_as_they_are(main_window, dangling):
    _answer(main_window, "read_only")
    assert main_window.open_plan_file(dangling, confirm=False)
    main_window.plan.name = "an edit"
    assert main_window.save_plan_file()  # nothing was hidden, so nothing is lost by saving
    plan, found = load_plan_checked(dangling)
    assert plan.name == "an edit" and [f.kind for f in found] == ["dangling_reference"]


def test_shared_fids_open_with_the_new_fids_named(main_window, tmp_path):
    from factories_damage import rebuild_without_key

    path = saved_roster_plan(tmp_path, "fids.gpkg")
    rebuild_without_key(path, "workers", "INSERT INTO workers SELECT fid, name || ' 二', phone, "
                        "role, community, notes FROM workers WHERE fid = 3")
    asked = _answer(main_window, "repair")
    assert main_window.open_plan_file(path, confirm=False)
    from gridplanner.qt.window.plan_damage import describe_repair

    dup = next(f for f in asked[0][1] if f.kind == "duplicate_fid")
    assert describe_repair(dup).endswith("new ids: 25")
    assert len(main_window.plan.workers) == 25 and main_window.is_modified()
    assert main_window.save_plan_file()
    _plan, found = load_plan_checked(path)
    assert found == []  # the fid key is back, every worker kept


def test_a_dropped_column_opened_without_repair_is_never_saved_over(main_window, tmp_path):
    path = saved_roster_plan(tmp_path, "dropped.gpkg")
    damage(path, "ALTER TABLE assignments DROP COLUMN target_fid")
    before = digest(path)
    asked = _answer(main_window, "read_only")
    assert main_window.open_plan_file(path, confirm=False)
    assert [f.kind for f in asked[0][1]] == ["missing_column"]
    assert len(main_window.plan.assignments) == 36
    main_window.plan.name = "an edit"
    main_window.undo_stack.resetClean()
    assert not main_window.save_plan_file()
    main_window.answers = ["save"]
    assert not main_window.maybe_save()  # closing asks, and the save is still refused
    assert digest(path) == before


def test_unsaved_edits_restored_after_a_crash_stay_off_the_damaged_file(main_window, tmp_path,
                                                                        grid_plan):
    path = saved_roster_plan(tmp_path, "dropped.gpkg")
    damage(path, "ALTER TABLE assignments DROP COLUMN target_fid")
    before = digest(path)
    _answer(main_window, "read_only")
    assert main_window.open_plan_file(path, confirm=False)
    main_window.plan.name = "an edit"
    main_window.undo_stack.resetClean()
    autosave = main_window.features["autosave"]
    copy = autosave.write_recovery()
    assert copy is not None and autosave.restore(copy)  # as after a crash: a new plan object
    assert main_window.plan.name == "an edit"
    assert not main_window.save_plan_file()
    assert digest(path) == before
    other = tmp_path / "other.gpkg"
    from gridplanner.io.plan_file.project import save_plan

    save_plan(grid_plan, other)
    assert main_window.open_plan_file(other, confirm=False)  # another plan: saved as usual
    main_window.plan.name = "edited"
    assert main_window.save_plan_file()

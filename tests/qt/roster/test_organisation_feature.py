"""The organisation dock (tree, registers) and dragging its rows onto the map."""

from __future__ import annotations

import pytest
from factories_roster import cell_code, cell_fid, roster_plan
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids
from gridplanner.qt.roster.organisation_dock import LAYER_ROLE, org_mime, read_org_mime


@pytest.fixture
def make_window(qtbot, monkeypatch):
    import gridplanner.qt.window.feature_registry as features
    from gridplanner.qt.window.main_window import MainWindow

    monkeypatch.setattr(features, "FEATURES", {
        "organisation": "gridplanner.qt.roster.organisation_feature:OrganisationFeature"})
    windows = []

    def make(plan):
        window = MainWindow(plan)
        window.errors = []
        window.show_error = lambda title, message: window.errors.append((title, message))
        window.ask_save_changes = lambda: "discard"
        window.resize(1100, 750)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.canvas.zoom_to_full()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def plan():
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    plan.branches.add([{"name": "东风社区大党委", "kind": "committee", "community": "东风社区",
                        "full_members": 40}])
    plan.layer("party_groups").add([{"name": "一号楼党小组", "branch_fid": 1, "members": 4}])
    plan.layer("party_households").add([{"name": "王阿姨", "group_fid": 1}])
    plan.layer("party_members").add([{"name": "张伟"}])
    plan.layer("volunteers").add([{"name": "陈静"}])
    plan.layer("staff").add([{"name": "周敏"}])
    return plan


def send_drag(canvas, rows, point):
    pos = canvas.map_to_widget(QPointF(*point))
    args = (Qt.DropAction.CopyAction, org_mime(rows), Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos.toPoint(), *args)
    QApplication.sendEvent(canvas, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(canvas, QDragMoveEvent(pos.toPoint(), *args))
    drop = QDropEvent(pos, *args)
    QApplication.sendEvent(canvas, drop)
    return drop.isAccepted()


def feature_of(window):
    return window.features["organisation"]


def test_the_dock_shows_the_tree_and_the_registers(make_window, plan):
    window = make_window(plan)
    dock = feature_of(window).dock
    assert dock.isVisible()
    top = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
    assert top[:2] == ["东风社区", "西湖社区"]
    household = dock.tree.find("party_households", 1)
    assert household is not None and household.parent().text(0) == "一号楼党小组"
    assert dock.registers.topLevelItemCount() == 3
    # the tree follows the model: a new group appears
    plan.layer("party_groups").add([{"name": "二号楼党小组", "branch_fid": 2}])
    dock.refresh()
    assert dock.tree.find("party_groups", 2) is not None
    mime = dock.registers.mimeData([dock.registers.find("volunteers", 1)])
    assert read_org_mime(mime) == [("volunteers", 1)]
    assert dock.registers.find("volunteers", 1).data(0, LAYER_ROLE) == "volunteers"


def test_dropping_people_on_the_map_assigns_them_and_undo_reverts(make_window, plan):
    window = make_window(plan)
    micro = plan.layer("micro_grids").frame
    m = int(micro.index[micro["cell_fid"] == cell_fid(plan, cell_code(0, 2))][0])
    target = micro.at[m, "geometry"].representative_point()
    assert send_drag(window.canvas, [("volunteers", 1), ("party_members", 1)],
                     (target.x, target.y))
    for layer in ("volunteers", "party_members"):
        row = plan.layer(layer).frame.loc[1]
        assert int(row["micro_fid"]) == m and int(row["cell_fid"]) == cell_fid(plan,
                                                                              cell_code(0, 2))
    dock = feature_of(window).dock
    dock.refresh()
    assert dock.registers.find("volunteers", 1).text(2) == micro.at[m, "code"]
    window.undo_action.trigger()
    assert plan.layer("volunteers").frame["cell_fid"].isna().all()
    # staff onto a centre
    centre = plan.centres.geometry(1)
    assert send_drag(window.canvas, [("staff", 1)], (centre.x, centre.y))
    assert int(plan.layer("staff").frame.at[1, "centre_fid"]) == 1
    # a household onto a micro-grid
    assert send_drag(window.canvas, [("party_households", 1)], (target.x, target.y))
    assert int(plan.layer("party_households").frame.at[1, "micro_fid"]) == m


def test_a_drop_on_nothing_changes_nothing(make_window, plan):
    window = make_window(plan)
    x0, y0, _, _ = plan.cells.total_bounds()
    assert not send_drag(window.canvas, [("volunteers", 1)], (x0 - 500, y0 - 500))
    assert window.undo_stack.count() == 0


def test_menu_actions_generate_propose_assign_and_check(make_window, plan):
    window = make_window(plan)
    feature = feature_of(window)
    feature.ask_dialog = lambda dialog: True
    feature.ask_accepted = lambda title, items, unmet: [i.id for i in items]
    window.canvas.set_selection("cells", [cell_fid(plan, cell_code(1, 1))])
    before = len(plan.layer("micro_grids"))
    assert feature.action_micro()
    assert len(plan.layer("micro_grids")) > 0
    window.undo_action.trigger()
    assert len(plan.layer("micro_grids")) == before
    plan.layer("party_members").set_attributes(1, {"building_fid": 1})
    assert feature.action_assign() == ["r1", "r2"]
    assert plan.layer("volunteers").frame["cell_fid"].notna().all()
    findings = feature.action_check()
    assert any(f.kind == "micro_grid_without_carer" for f in findings)
    assert feature.findings.isVisible()
    assert window.errors == []


def test_the_import_dialog_maps_register_columns(qtbot, plan, tmp_path):
    from PySide6.QtGui import QUndoStack

    from gridplanner.qt.roster.import_dialog import RosterImportDialog

    path = tmp_path / "志愿者.csv"
    path.write_text("志愿者花名册\n姓名,志愿服务队,特长,手机\n陈静,邻里守望队,理发,139\n",
                    encoding="utf-8")
    stack = QUndoStack()
    dialog = RosterImportDialog(plan, stack, None, "volunteers")
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    assert dialog.go_next()
    assert dialog.mapping() == {"name": "姓名", "phone": "手机", "team": "志愿服务队",
                                "skills": "特长"}
    report = dialog.do_import()
    assert report is not None and report.added == 1
    assert plan.layer("volunteers").frame["team"].iloc[-1] == "邻里守望队"
    stack.undo()
    assert len(plan.layer("volunteers")) == 1


def test_findings_read_from_their_params(plan):
    from gridplanner.analysis.grids.micro_validation import validate_micro_grids
    from gridplanner.analysis.people.organisation_rules import check_organisation
    from gridplanner.qt.shell.finding_texts import PARAM_TEMPLATES, describe

    table = plan.layer("micro_grids")
    fid = int(table.frame.index[0])
    table.set_geometry(fid, table.frame.at[fid, "geometry"].buffer(-3))
    plan.layer("party_groups").add([{"name": "孤组"}])
    findings = validate_micro_grids(plan) + check_organisation(plan)
    kinds = {f.kind for f in findings}
    assert {"micro_gap", "micro_grid_without_carer", "party_group_without_branch"} <= kinds
    for f in findings:
        assert f.kind in PARAM_TEMPLATES
        text = describe(f)
        assert "{" not in text and text


def test_assign_the_chosen_rows_to_the_map_selection(make_window, plan):
    window = make_window(plan)
    feature = feature_of(window)
    dock = feature.dock
    dock.tabs.setCurrentIndex(1)
    dock.refresh()
    micro = plan.layer("micro_grids").frame
    m = int(micro.index[2])
    window.canvas.set_selection("micro_grids", [m])
    for layer in ("volunteers", "party_members"):
        dock.registers.find(layer, 1).setSelected(True)
    assert sorted(dock.chosen()) == [("party_members", 1), ("volunteers", 1)]
    dock.assign_button.click()
    assert int(plan.layer("volunteers").frame.at[1, "micro_fid"]) == m
    assert int(plan.layer("party_members").frame.at[1, "cell_fid"]) == int(
        micro.at[m, "cell_fid"])
    assert window.undo_stack.count() == 1
    dock.clear_button.click()
    assert plan.layer("volunteers").frame["micro_fid"].isna().all()
    # staff need a centre selected
    dock.registers.clearSelection()
    dock.registers.find("staff", 1).setSelected(True)
    window.canvas.set_selection("centres", [2])
    dock.assign_button.click()
    assert int(plan.layer("staff").frame.at[1, "centre_fid"]) == 2


def test_move_selected_buildings_to_a_micro_grid(make_window, plan):
    from gridplanner.analysis.grids.micro import building_micro_grids

    window = make_window(plan)
    feature = feature_of(window)
    where = building_micro_grids(plan)
    micro = plan.layer("micro_grids").frame
    a = int(micro.index[0])
    same_cell = micro.index[micro["cell_fid"] == micro.at[a, "cell_fid"]]
    b = int(same_cell[1])
    building = int(where.index[where == a][0])
    window.canvas.set_selection("buildings", [building])
    asked = []
    feature.ask_choice = lambda title, label, choices: (asked.append(choices), b)[1]
    assert feature.action_paint()
    assert [v for _, v in asked[0]][0] is None and b in [v for _, v in asked[0]]
    moved = int(building_micro_grids(plan)[building])
    assert plan.layer("micro_grids").frame.at[moved, "cell_fid"] == micro.at[a, "cell_fid"]
    window.undo_action.trigger()
    assert int(building_micro_grids(plan)[building]) == a
    window.canvas.clear_selection()
    assert not feature.action_paint()


def test_the_dock_and_menu_switch_to_chinese(make_window, plan, repo_root, qtbot):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from gridplanner.tools.translations import load_mapping, lookup

    mapping = load_mapping(repo_root / "resources" / "translations" / "zh_CN.d" /
                           "organisation.json")

    class JsonTranslator(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
            return lookup(mapping, context, source) or ""

        def isEmpty(self):  # noqa: N802
            return False

    window = make_window(plan)
    feature = feature_of(window)
    assert feature.dock.windowTitle() == "Party Organisation"
    translator = JsonTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: feature.dock.windowTitle() == "党组织", timeout=2000)
        assert feature.dock.tabs.tabText(0) == "组织架构"
        assert feature.dock.assign_button.text() == "分配到地图所选"
        committee = feature.dock.tree.find("branches", len(plan.branches))
        assert committee.text(1) == "社区大党委"
        qtbot.waitUntil(lambda: feature.actions["micro"].text() == "生成微网格(&M)…",
                        timeout=2000)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_micro_grid_dialog_checks_its_range(qtbot, plan):
    from gridplanner.qt.roster.organisation_dialogs import ChecklistDialog, MicroGridDialog

    dialog = MicroGridDialog(plan.settings, [cell_code(0, 1)])
    qtbot.addWidget(dialog)
    assert dialog.choices() == (30, 80, [cell_code(0, 1)])
    dialog.low.setValue(90)
    dialog._accept()
    assert dialog.error.text() and dialog.result() == 0
    dialog.low.setValue(20)
    dialog.scope.setCurrentIndex(0)
    assert dialog.choices() == (20, 80, [])

    from gridplanner.analysis.people.organisation_proposal import propose_organisation

    plan.buildings.set_column("党员", {1: 5.0})
    items = propose_organisation(plan).items
    checklist = ChecklistDialog("t", items, ["none left"])
    qtbot.addWidget(checklist)
    assert checklist.accepted_ids() == [i.id for i in items]
    checklist.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    assert checklist.accepted_ids() == [i.id for i in items[1:]]

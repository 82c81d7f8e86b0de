"""The roster widgets follow a language change, with the texts of zh_CN.d/roster.json."""

from __future__ import annotations

import pytest
from factories_roster import roster_plan
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from roster_helpers import roster_feature, roster_window_fixture  # noqa: F401

from gridplanner.tools.translations import load_mapping, lookup


class JsonTranslator(QTranslator):
    """Translates from the roster JSON directly (the .qm is built by the i18n step)."""

    def __init__(self, mapping, parent=None):
        super().__init__(parent)
        self.mapping = mapping

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return lookup(self.mapping, context, source) or ""

    def isEmpty(self):  # noqa: N802
        return False


@pytest.fixture
def chinese(repo_root, qapp):
    translator = JsonTranslator(load_mapping(
        repo_root / "resources" / "translations" / "zh_CN.d" / "roster.json"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_roster_dock_and_panel_switch_to_chinese(make_roster_window, chinese, qtbot):
    window = make_roster_window(roster_plan())
    feature = roster_feature(window)
    QCoreApplication.removeTranslator(chinese)  # start in English, then switch
    qtbot.wait(1)
    assert feature.dock.tabs.tabText(0).startswith("Grid workers")
    QCoreApplication.installTranslator(chinese)  # sends LanguageChange to every widget
    qtbot.waitUntil(lambda: feature.dock.tabs.tabText(0).startswith("网格员"), timeout=2000)
    model = feature.dock.workers.model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "岗位"
    assert model.index(0, 2).data() == "网格长"
    assert feature.dock.windowTitle() == "人员花名册"
    assert feature.panel.windowTitle() == "网格详情"
    assert feature.actions["auto_assign"].text() == "自动分配(&A)…"
    window.canvas.set_selection("cells", [1])
    assert "户" in feature.panel.facts.text()

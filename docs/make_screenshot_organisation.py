"""Rebuild docs/screenshot-organisation.png: the demo plan in Chinese with the Party
organisation dock, micro-grids in 东风社区 and the organisation rules.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshot_organisation.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    import shapely

    from gridplanner.io.plan_file.project import load_plan
    from gridplanner.qt.shell import i18n
    from gridplanner.qt.window.app import create_app
    from gridplanner.qt.window.main_window import MainWindow

    app = create_app()
    i18n.switch_language(app, "zh_CN")
    plan = load_plan(ROOT / "sample_maps" / "demo_subdistrict.gpkg")
    window = MainWindow(plan)
    window.resize(1600, 960)
    window.show()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    feature = window.features["organisation"]
    for dock in window.findChildren(QDockWidget):
        area = window.dockWidgetArea(dock)
        if dock is not feature.dock and area == Qt.DockWidgetArea.RightDockWidgetArea:
            dock.hide()
    feature.dock.show()
    window.resizeDocks([feature.dock], [460], Qt.Orientation.Horizontal)
    feature.action_check()
    tree = feature.dock.tree
    tree.collapseAll()
    top = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if tree.topLevelItem(i).text(0) == "东风社区")
    stack = [top]
    while stack:  # open the path down to the first Party-member households
        item = stack.pop()
        item.setExpanded(True)
        if item.childCount():
            stack.append(item.child(item.childCount() - 1 if item is top else 0))
    tree.resizeColumnToContents(0)
    for _ in range(40):
        app.processEvents()
    micro = plan.layer("micro_grids").frame
    box = shapely.union_all(micro.geometry.values).bounds
    window.canvas.set_extent(box, margin=0.05)
    window.canvas.set_selection("micro_grids", [int(micro.index[5])])
    window.canvas.render_now()
    app.processEvents()
    out = ROOT / "docs" / "screenshot-organisation.png"
    window.grab().save(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

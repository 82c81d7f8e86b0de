"""Rebuild docs/screenshot-main.png: the window on the demo plan with balanced
grids, an auto-assigned roster and walking coverage, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    from gridplanner.analysis.people.assignment import apply_proposal, propose_assignment
    from gridplanner.analysis.grids.partition import generate_cells, replace_cells
    from gridplanner.io.plan_file.project import load_plan
    from gridplanner.qt.shell import i18n
    from gridplanner.qt.window.app import create_app
    from gridplanner.qt.window.main_window import MainWindow

    app = create_app()
    i18n.switch_language(app, "zh_CN")
    plan = load_plan(ROOT / "sample_maps" / "demo_subdistrict.gpkg")
    replace_cells(plan, generate_cells(plan, "balanced", seed=1).cells, None)
    apply_proposal(plan, propose_assignment(plan))
    window = MainWindow(plan)
    window.resize(1600, 960)
    window.show()
    coverage = window.features.get("coverage_feature")
    if coverage is not None and hasattr(coverage, "action_compute"):
        coverage.action_compute()
    for _ in range(60):
        app.processEvents()
    window.canvas.zoom_to_full()
    window.canvas.render_now()
    app.processEvents()
    out = ROOT / "docs" / "screenshot-main.png"
    window.grab().save(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

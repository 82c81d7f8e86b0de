"""Rebuild the coverage report pages shown in the README (docs/report-page-*.png).

Run from the repository root: ``.venv/bin/python docs/make_report_pages.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gridplanner.io.plan_file.project import load_plan  # noqa: E402
from gridplanner.render.report import build_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    plan = load_plan(ROOT / "sample_maps" / "demo_subdistrict.gpkg")
    report = build_report(plan, office="示范街道办事处", date="2026-12-03", sites=3)
    for i in range(3):
        out = ROOT / "docs" / f"report-page-{i + 1}.png"
        report.render_image(i, 80).save(str(out))
        print(out)


if __name__ == "__main__":
    main()

"""Rebuild docs/conflict-dialog-zh.png: the save-conflict dialog in Chinese.

Two offices open the demo plan from a real PostgreSQL/PostGIS database, both
change the same grid cell (and one deletes a cell the other renamed); the
second save is refused and the dialog shows both versions. Starts a
throw-away server (tests/postgres_server.py) unless a base URI is given::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_conflict_screenshot.py \
        [postgresql://postgres@127.0.0.1:5432]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def _conflicts(base_uri: str):
    sys.path.insert(0, str(ROOT / "tests"))
    import postgres_server

    from gridplanner.io.plan_file.postgis import PlanConflictError, PostgisPlanStore
    from gridplanner.io.plan_file.project import load_plan

    uri = postgres_server.new_database(base_uri) + "?schema=xicheng"
    PostgisPlanStore(uri).create(load_plan(ROOT / "sample_maps" / "demo_subdistrict.gpkg"))
    office_a, office_b = PostgisPlanStore(uri), PostgisPlanStore(uri)
    plan_a, plan_b = office_a.load(), office_b.load()
    cells_a, cells_b = plan_a.layers["cells"], plan_b.layers["cells"]
    first, second = cells_a.fids()[:2]
    cells_a.set_attributes(first, {"name": "北苑社区第七网格（东）", "responsible_unit": "街道城管科"})
    cells_a.set_attributes(second, {"notes": "与第六网格合并"})
    office_a.save(plan_a)
    cells_b.set_attributes(first, {"name": "北苑社区七网格", "notes": "网格长：王红"})
    cells_b.remove([second])
    try:
        office_b.save(plan_b)
    except PlanConflictError as exc:
        return exc.conflicts
    raise RuntimeError("the second office's save was not refused")


def main() -> int:
    from gridplanner.qt.shell import i18n
    from gridplanner.qt.window.app import create_app
    from gridplanner.qt.window.database_dialogs import ConflictDialog

    app = create_app()
    i18n.switch_language(app, "zh_CN")
    server = None
    if len(sys.argv) > 1:
        base = sys.argv[1]
    else:
        sys.path.insert(0, str(ROOT / "tests"))
        import postgres_server

        server = postgres_server.Server()
        base = server.base_uri()
    try:
        conflicts = _conflicts(base)
    finally:
        if server is not None:
            server.stop()
    dialog = ConflictDialog(conflicts)
    dialog.choose(1, "theirs")
    dialog.resize(980, 360)
    dialog.show()
    app.processEvents()
    out = ROOT / "docs" / "conflict-dialog-zh.png"
    dialog.grab().save(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

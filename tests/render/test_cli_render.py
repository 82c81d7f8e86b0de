"""`gridplanner render` writes the map as a PNG; bad input exits 1 with one line."""

from __future__ import annotations

from PySide6.QtGui import QImage

from gridplanner.cli import main
from gridplanner.io.plan_file.project import save_plan


def test_render_writes_png_of_requested_size(grid_plan, tmp_path, capsys):
    plan_path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    out = tmp_path / "map.png"
    code = main(["render", str(plan_path), "--out", str(out), "--width", "400", "--height", "300"])
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (400, 300)
    assert "wrote" in capsys.readouterr().out


def test_render_missing_plan_is_one_line_error(tmp_path, capsys):
    code = main(["render", str(tmp_path / "nope.gpkg"), "--out", str(tmp_path / "x.png")])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert "nope.gpkg" in err and "\n" not in err and "Traceback" not in err

"""Layer styles live in the plan file: save → reopen gives them back, and
`gridplanner render` draws with them."""

from __future__ import annotations

import json
import sqlite3

import pytest

from gridplanner.cli import main
from gridplanner.errors import ProjectFileError
from gridplanner.io.plan_file.project import META_TABLE, load_plan, save_plan
from gridplanner.render.styles import MapStyle, default_styles, styles_from_plan

RED = "#ff0000"


def test_every_default_style_survives_a_dict_round_trip():
    for name, style in default_styles().items():
        data = json.loads(json.dumps(style.to_dict()))  # what the file holds
        assert MapStyle.from_dict(data) == style, name


def test_unknown_or_wrong_values_fall_back_to_the_default():
    base = default_styles()["cells"]
    style = MapStyle.from_dict({"opacity": "half", "fill": "#123456", "shiny": True}, base)
    assert style.opacity == base.opacity and style.fill == "#123456"
    assert MapStyle.from_dict("not a style", base) == base  # type: ignore[arg-type]


def test_saved_styles_come_back_after_reopening(grid_plan, tmp_path):
    buildings = default_styles()["buildings"].with_(fill=RED, label_field="name", opacity=0.6)
    grid_plan.set_style("buildings", buildings.to_dict())
    grid_plan.set_style("network", default_styles()["network"].with_(visible=False).to_dict())
    again = load_plan(save_plan(grid_plan, tmp_path / "plan.gpkg"))
    assert again.styles == grid_plan.styles
    drawn = styles_from_plan(again.styles)
    assert drawn["buildings"] == buildings
    assert not drawn["network"].visible
    assert drawn["cells"] == default_styles()["cells"]  # never edited: the default look


def test_a_file_without_styles_opens_with_the_defaults(grid_plan, tmp_path):
    path = save_plan(grid_plan, tmp_path / "old.gpkg")
    with sqlite3.connect(path) as con:  # as saved before styles were kept
        con.execute(f"DELETE FROM {META_TABLE} WHERE key = 'styles'")
    again = load_plan(path)
    assert again.styles == {}
    assert styles_from_plan(again.styles) == default_styles()


def test_damaged_styles_are_reported_with_the_file_name(grid_plan, tmp_path):
    path = save_plan(grid_plan, tmp_path / "bad.gpkg")
    with sqlite3.connect(path) as con:
        con.execute(f"UPDATE {META_TABLE} SET value = '{{oops' WHERE key = 'styles'")
    with pytest.raises(ProjectFileError, match="bad.gpkg.*styles"):
        load_plan(path)


def _red_pixels(path) -> int:
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(path))
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if QColor(image.pixel(x, y)).name() == RED)


def test_render_command_draws_with_the_saved_styles(grid_plan, tmp_path, capsys):
    plain = save_plan(grid_plan, tmp_path / "plain.gpkg")
    grid_plan.set_style("buildings", default_styles()["buildings"].with_(
        fill=RED, outline=None, opacity=1.0).to_dict())
    styled = save_plan(grid_plan, tmp_path / "styled.gpkg")
    for plan in (plain, styled):
        assert main(["render", str(plan), "--out", str(plan.with_suffix(".png")),
                     "--width", "400", "--height", "300"]) == 0
    assert _red_pixels(plain.with_suffix(".png")) == 0
    assert _red_pixels(styled.with_suffix(".png")) > 200  # the buildings, in red


def test_layer_order_survives_save_and_reopen(grid_plan, tmp_path):
    order = ["buildings", "boundaries", "network", "cells", "centres"]
    grid_plan.set_layer_order(order)
    again = load_plan(save_plan(grid_plan, tmp_path / "plan.gpkg"))
    assert again.layer_order == order


def test_render_draws_in_the_saved_order(grid_plan, tmp_path):
    """`gridplanner render` stacks the layers as saved: cells under the
    buildings give another picture than cells over them."""
    from PySide6.QtGui import QImage

    images = {}
    for name, order in (("cells_below", ["cells", "buildings"]),
                        ("cells_above", ["buildings", "cells"])):
        grid_plan.cells.replace(grid_plan.communities()[["geometry"]].reset_index(drop=True))
        grid_plan.set_style("cells", {"fill": "#00ff00", "fill_alpha": 255, "opacity": 1.0,
                                      "palette": []})
        grid_plan.set_layer_order(order)
        path = save_plan(grid_plan, tmp_path / f"{name}.gpkg")
        png = tmp_path / f"{name}.png"
        assert main(["render", str(path), "--out", str(png), "--width", "300",
                     "--height", "200"]) == 0
        image = QImage(str(png))
        images[name] = [image.pixelColor(x, y).name() for x in range(0, 300, 2)
                        for y in range(0, 200, 2)]
    green_below = images["cells_below"].count("#00ff00")
    green_above = images["cells_above"].count("#00ff00")
    assert green_above > green_below > 0  # on top, the cells hide the buildings

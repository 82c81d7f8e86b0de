"""The PDF assignment table shows the organisation columns when the plan has one."""

from __future__ import annotations

import pytest
from factories_roster import roster_plan

from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids
from gridplanner.io.exporters.tables import roster_rows


def org_plan():
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    plan.layer("volunteers").add([{"name": "志1", "cell_fid": 1}])
    return plan, 1


def test_the_pdf_table_shows_the_organisation_columns():
    from gridplanner.render.print_table import table_layout

    plan, _ = org_plan()
    layout = table_layout(list(roster_rows(plan, "en").columns), "en", 250.0)
    assert {"party_households", "volunteers"} <= set(layout.keys)
    plain_widths = dict(zip(plain_keys(), plain_layout_widths(), strict=True))
    widths = dict(zip(layout.keys, layout.widths, strict=True))
    assert widths["name"] == pytest.approx(plain_widths["name"])  # names keep their room
    assert "Volunteers" in layout.headers
    assert "volunteers" not in plain_keys()


def _plain():
    from gridplanner.render.print_table import table_layout

    return table_layout(list(roster_rows(roster_plan(), "en").columns), "en", 250.0)


def plain_keys():
    return _plain().keys


def plain_layout_widths():
    return _plain().widths


def test_the_legend_names_micro_grids_when_the_page_has_them():
    from types import SimpleNamespace

    from gridplanner.render.print_styles import legend_items, print_plan

    plan, _ = org_plan()
    rows = roster_rows(plan, "zh_CN")
    view = print_plan(plan, rows)
    items = legend_items(view, SimpleNamespace(community=None, cell_fid=None), None, "zh_CN")
    assert "微网格" in [i.text for i in items]
    bare = roster_plan()
    view = print_plan(bare, roster_rows(bare, "zh_CN"))
    items = legend_items(view, SimpleNamespace(community=None, cell_fid=None), None, "zh_CN")
    assert "微网格" not in [i.text for i in items]

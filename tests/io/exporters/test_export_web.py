"""The web map: escaped user text, toggleable layers, no CDN needed."""

from __future__ import annotations

import json
import re

import pytest
from factories_roster import roster_plan

from gridplanner.io.exporters.web import export_html

EVIL = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    plan = roster_plan()
    plan.workers.set_attributes(plan.workers.fids()[0], {"name": EVIL})
    plan.cells.set_attributes(plan.cells.fids()[1], {"name": "`${document.cookie}`</script>"})
    plan.centres.set_attributes(plan.centres.fids()[0], {"name": "<img src=x onerror=alert(2)>"})
    path = export_html(plan, tmp_path_factory.mktemp("web") / "map.html")
    return path.read_text(encoding="utf-8")


def test_user_text_is_escaped(page):
    assert EVIL not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "${document.cookie}" not in page


def test_page_needs_no_cdn(page):
    remote = re.findall(r'<(?:script|link)[^>]+(?:src|href)="https?://', page)
    assert remote == []
    assert "L.geoJson" in page and "window.L" in page  # Leaflet itself is inlined


def test_layers_are_toggleable_with_a_legend(page):
    assert "L.control.layers" in page
    for name in ("网格", "服务中心", "步行覆盖", "覆盖盲区"):
        assert name in page or json.dumps(name) in page
    assert "gp-legend" in page and "bindPopup" in page


def test_web_map_uses_the_window_colours_for_the_levels(page):
    """The 1,000 m class is orange as in the window, not red; beyond is the window's red."""
    from gridplanner.analysis.network.coverage_view import BEYOND_COLOUR, level_colours

    within = level_colours(3)
    legend = page.replace("\\u7c73", "米")
    for colour in (*within, BEYOND_COLOUR):
        assert colour in legend
    assert "#d73027" not in legend and "#7f0000" not in legend

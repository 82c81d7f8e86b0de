"""Every text of the grid feature has a Chinese translation in zh_CN.d/grids.json."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

from gridplanner.tools.translations import find_tool, load_mapping

GRID_SOURCES = (
    "grids/feature.py", "grids/actions.py", "grids/commands.py", "grids/view.py", "grids/dialogs.py",
    "grids/icons.py", "grids/tallies_dock.py", "shell/findings_dock.py", "shell/finding_texts.py",
    "map/snapping_indicator.py", "grids/draw_cell.py", "grids/vertex_tool.py",
    "grids/split_tool.py", "grids/paint_tool.py",
)


def test_every_grid_string_has_a_chinese_translation(repo_root, tmp_path):
    lupdate = find_tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "grids.ts"
    files = [str(repo_root / "gridplanner" / "qt" / f) for f in GRID_SOURCES]
    subprocess.run([str(lupdate), *files, "-ts", str(ts)], check=True, capture_output=True)
    sources = {(ctx.findtext("name"), m.findtext("source"))
               for ctx in ET.parse(ts).getroot().iter("context") for m in ctx.iter("message")}
    folder = repo_root / "resources" / "translations"
    mapping = load_mapping(folder / "zh_CN.json")
    for extra in sorted((folder / "zh_CN.d").glob("*.json")):  # shared texts (findings) too
        mapping |= load_mapping(extra)
    missing = sorted(s for c, s in sources if (c, s) not in mapping and (None, s) not in mapping)
    assert len(sources) > 100
    assert missing == []

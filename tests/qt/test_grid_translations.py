"""Every text of the grid feature has a Chinese translation in zh_CN.d/grids.json."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

from gridplanner.tools.translations import find_tool, load_mapping

GRID_SOURCES = (
    "grid_feature.py", "grid_actions.py", "grid_commands.py", "grid_view.py", "grid_dialogs.py", "grid_icons.py",
    "tallies_dock.py", "findings_dock.py", "finding_texts.py", "snapping_indicator.py", "map_tools/draw_cell.py",
    "map_tools/vertex_tool.py", "map_tools/split_tool.py", "map_tools/paint_tool.py",
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
    mapping = load_mapping(folder / "zh_CN.json") | load_mapping(folder / "zh_CN.d" / "grids.json")
    missing = sorted(s for c, s in sources if (c, s) not in mapping and (None, s) not in mapping)
    assert len(sources) > 100
    assert missing == []

"""Dependencies point one way: qt → render → (model, analysis, io)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gridplanner"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "qtpy", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


@pytest.mark.parametrize("sub", ["model", "analysis", "io"])
def test_core_packages_import_no_qt(sub):
    offenders = {
        str(f.relative_to(PACKAGE)): sorted(n for n in _imports(f) if n.split(".")[0] in QT_MODULES)
        for f in _files(sub)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("sub", ["model", "analysis", "io", "render"])
def test_lower_layers_do_not_import_upper_ones(sub):
    upper = {"model": ("gridplanner.qt", "gridplanner.render", "gridplanner.analysis",
                       "gridplanner.io", "gridplanner.cli"),
             "analysis": ("gridplanner.qt", "gridplanner.render", "gridplanner.cli"),
             "io": ("gridplanner.qt", "gridplanner.render", "gridplanner.cli"),
             "render": ("gridplanner.qt", "gridplanner.cli", "PySide6.QtWidgets")}[sub]
    bad = {
        str(f.relative_to(PACKAGE)): sorted(n for n in _imports(f) if n.startswith(upper))
        for f in _files(sub)
    }
    assert {k: v for k, v in bad.items() if v} == {}

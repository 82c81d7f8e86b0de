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


def test_import_linter_contracts_are_kept(repo_root):
    """The contracts in pyproject.toml ([tool.importlinter]): the layers, the
    Qt-free core, and the qt packages (window -> features -> map -> shell,
    features independent of one another)."""
    import shutil
    import subprocess
    import sys

    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([exe, "--no-cache"], cwd=repo_root, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_no_module_imports_itself_back():
    """No import circle between two modules (canvas <-> map tools, main window
    <-> features, print dialog <-> print feature were the old ones), type-only
    imports included."""
    import grimp

    graph = grimp.build_graph("gridplanner", cache_dir=None)
    circles = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if not imported.startswith("gridplanner.") or imported == module:
                continue
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain:
                circles.add(tuple(sorted((module, imported))))
    assert sorted(circles) == []

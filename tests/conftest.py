"""Test setup shared by every test tree.

Qt runs offscreen (set here, not by whoever runs the tests); benchmarks in
tests/bench are skipped unless ``--bench`` is given (``make bench``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

sys.path.insert(0, str(Path(__file__).parent))

from factories import street_grid_plan  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--bench", action="store_true", help="run the benchmarks in tests/bench")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--bench"):
        return
    skip = pytest.mark.skip(reason="benchmark: run with --bench (make bench)")
    for item in items:
        if "bench" in item.keywords or "tests/bench" in str(item.fspath).replace("\\", "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """Create the QApplication before any test runs. Headless code (render,
    PDF export) makes a bare QGuiApplication when none exists; if a CLI test
    did that first, widget tests later in the run could not get their
    QApplication. Core tests themselves never touch Qt."""
    return qapp


@pytest.fixture
def grid_plan():
    """A 6×4-block street grid split into two communities, with buildings."""
    return street_grid_plan()


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent

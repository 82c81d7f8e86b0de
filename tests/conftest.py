"""Test setup shared by every test tree.

Qt runs offscreen (set here, not by whoever runs the tests); benchmarks in
tests/bench are skipped unless ``--bench`` is given (``make bench``).

Hermetic and cannot hang: every test and benchmark gets its own app-data,
recovery, cache and settings folders (never the user's, so no "restore
unsaved changes?" box from a real recovery copy), a modal dialog that a test
did not ask for is closed and fails the test (mark it ``allow_modal`` when
the dialog is the point), and pytest-timeout ends a stuck test as a failure
(the ``timeout`` in pyproject.toml; benchmarks get longer).
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


BENCH_TIMEOUT_S = 1800


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--bench"):
        for item in items:
            if "bench" in item.keywords:
                item.add_marker(pytest.mark.timeout(BENCH_TIMEOUT_S))
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


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory, monkeypatch):
    """Settings, recovery copies, app data and caches go to throwaway folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GRIDPLANNER_SETTINGS", str(home / "settings.ini"))
    monkeypatch.setenv("GRIDPLANNER_RECOVERY_DIR", str(home / "recovery"))
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        monkeypatch.setenv(var, str(home / sub))
    return home


@pytest.fixture(autouse=True)
def _no_unexpected_modal(request, qapp):
    """Close any modal dialog a test did not expect, and fail that test.

    A timer looks for an active modal widget every 50 ms; it fires inside the
    dialog's own event loop, rejects the dialog (so the test goes on instead of
    hanging) and records its title. Tests that open a modal on purpose carry
    ``@pytest.mark.allow_modal``.
    """
    if request.node.get_closest_marker("allow_modal"):
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def close_modal() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            seen.append(f"{type(widget).__name__}: {widget.windowTitle()!r}")
            if hasattr(widget, "reject"):
                widget.reject()
            else:
                widget.close()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(close_modal)
    timer.start()
    request.node.stash[MODALS_SEEN] = seen
    yield seen
    timer.stop()


MODALS_SEEN = pytest.StashKey[list]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Fail the test itself (not its teardown) when it opened an unexpected modal."""
    result = yield
    seen = item.stash.get(MODALS_SEEN, [])
    if seen:
        pytest.fail(f"a modal dialog was opened that the test did not expect: {seen}")
    return result


@pytest.fixture(scope="session")
def postgres_base(tmp_path_factory):
    """A running PostgreSQL+PostGIS server (see tests/postgres_server.py); skipped
    with the reason when none can be started here."""
    import postgres_server

    if os.environ.get(postgres_server.ENV_URI):
        yield os.environ[postgres_server.ENV_URI].rstrip("/")
        return
    try:
        server = postgres_server.Server()
    except (RuntimeError, OSError) as exc:
        pytest.skip(f"PostgreSQL with PostGIS could not be started: {exc}")
    yield server.base_uri()
    server.stop()


@pytest.fixture
def postgis_uri(postgres_base):
    """A fresh database with PostGIS; the plan URI names schema ``plan``."""
    import postgres_server

    return postgres_server.new_database(postgres_base) + "?schema=plan"

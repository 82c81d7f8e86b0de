from __future__ import annotations

import pytest

import gridplanner.render  # noqa: F401  (guards None's refcount before any Qt call)


@pytest.fixture(autouse=True)
def _app(qapp):
    """pytest-qt's QApplication, so widget tests in the same run can share it."""
    return qapp

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _app(qapp):
    """pytest-qt's QApplication, so widget tests in the same run can share it."""
    return qapp

"""Run a headless analysis off the GUI thread, with progress and Cancel.

``AnalysisWorker(fn)`` calls ``fn(progress, cancelled)`` in a ``QThread``;
``progress(fraction, text)`` becomes the ``progressed(int percent, str)``
signal and ``cancelled()`` is true once :meth:`cancel` was called (the
analyses raise ``AnalysisError`` then). The result arrives as
``succeeded(object)``, an error meant for the user as ``failed(str)``.

Running workers are kept alive by a module-level set until they finish, so
a worker whose owner is gone is never destroyed while its thread runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from gridplanner.errors import GridPlannerError

_RUNNING: set[AnalysisWorker] = set()


class AnalysisWorker(QThread):
    """One analysis in a thread (see the module docstring)."""

    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[Any, Any], Any], parent=None):
        super().__init__(parent)
        self.fn = fn
        self._cancel = False
        self.finished.connect(self._forget)

    def start(self, *args) -> None:  # noqa: D102 (QThread API)
        _RUNNING.add(self)
        super().start(*args)

    def cancel(self) -> None:
        self._cancel = True
        self.requestInterruption()

    def is_cancelled(self) -> bool:
        return self._cancel

    def run(self) -> None:
        try:
            result = self.fn(lambda f, text="": self.progressed.emit(int(f * 100), str(text)),
                             self.is_cancelled)
        except GridPlannerError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 (a bug must not kill the window silently)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.succeeded.emit(result)

    def _forget(self) -> None:
        _RUNNING.discard(self)


def wait_for_workers(timeout_ms: int = 30000) -> None:
    """Wait until every running worker has finished (window close, tests)."""
    for worker in list(_RUNNING):
        worker.cancel()
        worker.wait(timeout_ms)


def install_quit_hook() -> None:
    """Wait for running workers when the application quits (once per application)."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is not None and not app.property("gridplanner_workers_hook"):
        app.aboutToQuit.connect(wait_for_workers)
        app.setProperty("gridplanner_workers_hook", True)

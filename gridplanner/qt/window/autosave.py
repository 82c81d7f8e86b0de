"""Crash recovery: nothing the user drew is lost when the app or the machine dies.

While the plan has unsaved changes, a copy is written (atomically, like
every save) to a recovery file a short while after the last edit, so a
long drag or a paint stroke is never interrupted. Saving the plan removes
the copy. When a plan is opened and a recovery copy newer than the file
exists, the user is asked whether to restore it; the restored plan shows
as unsaved until they save it.

Recovery files live in the user's application-data folder
(``$GRIDPLANNER_RECOVERY_DIR`` overrides it), one per plan file, named
after the plan and a hash of its full path; a plan never saved is
"untitled".
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from gridplanner.errors import GridPlannerError, ProjectFileError
from gridplanner.io.atomic import write_atomic
from gridplanner.io.plan_file.postgis import is_database_uri, split_uri
from gridplanner.io.plan_file.project import load_plan, save_plan
from gridplanner.qt.shell.settings_store import uri_without_password

if TYPE_CHECKING:
    from gridplanner.model.plan import Plan
    from gridplanner.qt.shell.features import FeatureHost

ENV_VAR = "GRIDPLANNER_RECOVERY_DIR"
#: milliseconds of quiet after the last edit before the copy is written
DELAY_MS = 20_000


def recovery_dir() -> Path:
    """Where recovery copies are kept (created on first use)."""
    override = os.environ.get(ENV_VAR)
    base = Path(override) if override else Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation)) / "recovery"
    if not base.is_dir():  # private: the copies hold names and phone numbers
        base.mkdir(parents=True, mode=0o700, exist_ok=True)
    return base


def recovery_path(plan_path: Path | str | None) -> Path:
    """The recovery copy of the plan saved at ``plan_path`` (None: never saved).

    A plan in a database (``plan_path`` its ``postgresql://`` URI) gets a local
    GeoPackage copy named after its schema and keyed by the URI without its
    password, so that reopening it with or without the password finds the copy.
    """
    if plan_path is None:
        return recovery_dir() / "untitled.recovery.gpkg"
    if is_database_uri(str(plan_path)):
        uri = uri_without_password(str(plan_path))
        digest = hashlib.sha1(uri.encode("utf-8")).hexdigest()[:10]
        schema = re.sub(r"\W", "_", split_uri(uri)[1])
        return recovery_dir() / f"{schema}-db-{digest}.recovery.gpkg"
    digest = hashlib.sha1(str(Path(plan_path).resolve()).encode("utf-8")).hexdigest()[:10]
    return recovery_dir() / f"{Path(plan_path).stem}-{digest}.recovery.gpkg"


def versions_path(copy: Path) -> Path:
    """The feature versions kept beside a database plan's recovery copy."""
    return copy.with_name(copy.name.replace(".recovery.gpkg", ".versions.json"))


class AutosaveFeature(QObject):
    """Writes recovery copies of the window's plan and offers them back."""

    def __init__(self, window: FeatureHost):
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.write_recovery)
        self._restoring = False
        self.written: set[Path] = set()  # copies this window wrote and still owns
        window.undo_stack.indexChanged.connect(self._edited)
        window.undo_stack.cleanChanged.connect(self._clean_changed)
        window.planChanged.connect(self._plan_shown)
        window.changesDiscarded.connect(self.discard_recovery)  # the user chose to drop them

    # -- writing --------------------------------------------------------------
    def _alive(self) -> bool:
        # the undo stack is torn down before this feature when the window closes
        return isValid(self.window) and isValid(self.window.undo_stack)

    def _edited(self, _index: int) -> None:
        if self._alive() and not self.window.undo_stack.isClean():
            self.timer.start()  # restarts: the copy waits for a quiet moment

    def write_recovery(self) -> Path | None:
        """Write the recovery copy now (when there is anything unsaved)."""
        self.timer.stop()
        if not self._alive() or self.window.undo_stack.isClean():
            return None
        target = recovery_path(self._location())
        try:
            save_plan(self.window.plan, target)
            self._write_versions(target)
        except (GridPlannerError, OSError) as exc:
            self.window.statusBar().showMessage(
                self.tr("Could not write the recovery copy: %1").replace("%1", str(exc)), 8000)
            return None
        self.written.add(target)
        return target

    def _clean_changed(self, clean: bool) -> None:
        if clean and self._alive():
            self.timer.stop()
            self.discard_recovery()

    def discard_recovery(self) -> None:
        """Remove the copies this window wrote: the plan they protect is saved."""
        for path in self.written:
            path.unlink(missing_ok=True)
            versions_path(path).unlink(missing_ok=True)
        self.written.clear()

    def _write_versions(self, copy: Path) -> None:
        """Beside a database plan's copy: the feature versions its edits were made on."""
        baseline = getattr(self.window, "recovery_baseline", lambda: None)()
        if baseline is not None:
            write_atomic(versions_path(copy), lambda tmp: tmp.write_text(
                json.dumps(baseline), encoding="utf-8"), ProjectFileError)

    def _read_versions(self, copy: Path) -> None:
        path = versions_path(copy)
        if path.exists() and hasattr(self.window, "adopt_recovery_baseline"):
            try:
                self.window.adopt_recovery_baseline(json.loads(path.read_text("utf-8")))
            except (OSError, ValueError, KeyError, TypeError):
                pass  # without it every restored feature is checked against the store's now

    def _location(self) -> Path | str | None:
        """The plan's file, or the database plan's URI."""
        return getattr(self.window, "plan_uri", None) or self.window.path

    # -- restoring ------------------------------------------------------------
    def _plan_shown(self, _plan: Plan) -> None:
        if self._restoring:
            return
        copy = recovery_path(self._location())
        if not copy.exists():
            return
        original = self.window.path
        if original is not None and original.exists() and \
                copy.stat().st_mtime <= original.stat().st_mtime:
            copy.unlink(missing_ok=True)  # saved after the copy: nothing to recover
            return
        if self.ask_restore(copy):
            self.restore(copy)
        else:
            copy.unlink(missing_ok=True)
            versions_path(copy).unlink(missing_ok=True)

    def restore(self, copy: Path) -> bool:
        """Show the recovered plan under the original file name, as unsaved."""
        try:
            plan = load_plan(copy)
        except GridPlannerError as exc:
            self.window.show_error(self.tr("Cannot restore the recovery copy"), str(exc))
            return False
        self._restoring = True
        try:
            self.window.set_plan(plan, self._location())
        finally:
            self._restoring = False
        self.window.undo_stack.resetClean()  # unsaved until the user saves
        self._read_versions(copy)
        self.written.add(copy)  # still protects the changes until they are saved
        self.window.statusBar().showMessage(self.tr("Unsaved changes restored"), 8000)
        return True

    def ask_restore(self, copy: Path) -> bool:
        """Ask whether to restore ``copy`` (tests replace this)."""
        when = QDateTime.fromSecsSinceEpoch(int(copy.stat().st_mtime)).toString(
            "yyyy-MM-dd HH:mm")
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes found"),
            self.tr("gridplanner closed without saving this plan. A copy of the unsaved "
                    "changes from %1 was kept. Restore it?").replace("%1", when))
        return answer == QMessageBox.StandardButton.Yes

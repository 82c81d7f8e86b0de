"""Saving the window's plan safely: the lock, the changed-on-disk check, the answers.

A save from the window holds the plan's lock and checks that the file is
still the version the window read (:mod:`gridplanner.io.plan_file.ondisk`).
When another window or a command saved it in between, the user chooses:
save under another name ("Save As…") or reload the plan from disk
(dropping the window's unsaved changes). When another program is saving
it right now, or the file is read-only or the disk is full, the message
says so in the UI language. :meth:`PlanFiles.ask_save_conflict` is the
one question; tests replace it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMessageBox

from gridplanner.errors import GridPlannerError, PlanChangedError, PlanLockedError
from gridplanner.io.plan_file.ondisk import FileState, file_state, saved_by
from gridplanner.io.plan_file.project import save_plan
from gridplanner.io.plan_file.targets import same_file
from gridplanner.qt.shell.plan_writers import describe_writer

CONTEXT = "PlanFiles"
#: who the window is, in lock files and in the plan's "saved by"
PROGRAM = "gridplanner window"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def save_error_text(exc: Exception, target: Path) -> str:
    """What went wrong with a save, in the UI language where the reason is known."""
    name = str(target)
    if isinstance(exc, PlanLockedError):
        return (_tr("%1 is being changed by %2 right now. Nothing was saved. Try again when it "
                    "has finished, or use Save As… to keep your changes in another file.")
                .replace("%1", name).replace("%2", describe_writer(exc.holder)))
    reason = getattr(exc, "reason", "")
    if reason == "read_only":
        return _tr("%1 is read-only, so it was not replaced. Use Save As… to save under "
                   "another name, or make the file writable first.").replace("%1", name)
    if reason == "disk_full":
        return _tr("Not enough disk space to save %1. Free some space or save to another "
                   "disk; the file on disk is unchanged.").replace("%1", name)
    return str(exc)


class PlanFiles:
    """Mixin for the main window: :meth:`save_plan_file` and the save conflict."""

    #: the state of ``self.path`` on disk when the window last read or saved it
    disk_state: FileState | None = None
    #: the changed state the status bar already told the user about
    _noticed_state: FileState | None = None

    def save_plan_file(self, path: str | Path | None = None) -> bool:
        """Save to ``path`` (default: the current file, else ask); True when saved.

        Refused, with the user's choice offered, when the file changed on
        disk since the window read it; refused with a message when another
        program is saving it, it is read-only or the disk is full.
        """
        target = path or self.path or self.ask_save_path()
        if not target:
            return False
        target = Path(target)
        if target.suffix.lower() != ".gpkg":
            target = target.with_suffix(".gpkg")
        if not self.plan.name:
            self.plan.name = target.stem
        expected = self.disk_state if same_file(target, self.path) else None
        try:
            save_plan(self.plan, target, expected=expected, program=PROGRAM)
            state = file_state(target)
        except PlanChangedError as exc:
            return self._save_conflict(exc, target)
        except (GridPlannerError, OSError) as exc:
            self.show_error(_tr("Cannot save the plan"), save_error_text(exc, target))
            return False
        self.path = target
        self.disk_state = state
        self.undo_stack.setClean()
        self._remember(target)
        self._update_title()
        self.statusBar().showMessage(_tr("Saved %1").replace("%1", str(target)), 5000)
        return True

    def check_disk_changes(self) -> bool:
        """Say in the status bar when the plan's file changed on disk since it was read.

        Runs when the window becomes active (a stat and a 100-byte read);
        says it once per change. True when the file changed.
        """
        if self.path is None or self.disk_state is None:
            return False
        try:
            current = file_state(self.path)
        except GridPlannerError:
            return False
        if current is None or current == self.disk_state:
            return False
        if current != self._noticed_state:
            self._noticed_state = current
            self.statusBar().showMessage(
                _tr("%1 was changed on disk by %2 since this window opened it; saving will "
                    "ask what to do.").replace("%1", self.path.name)
                .replace("%2", describe_writer(saved_by(self.path))), 15000)
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_disk_changes()
        super().changeEvent(event)  # type: ignore[misc]

    def _save_conflict(self, exc: PlanChangedError, target: Path) -> bool:
        message = (_tr("%1 was changed on disk by %2 after this window opened it. Your changes "
                       "are not saved yet, and saving now would lose that change.\n\n"
                       "Save As… keeps your changes in another file; Reload opens the plan "
                       "as it is on disk and drops your unsaved changes.")
                   .replace("%1", str(target)).replace("%2", describe_writer(exc.writer)))
        answer = self.ask_save_conflict(message)
        if answer == "save_as":
            new_path = self.ask_save_path()
            return bool(new_path) and self.save_plan_file(new_path)
        if answer == "reload":
            self.changesDiscarded.emit()
            self.open_plan_file(target, confirm=False)
        return False

    def ask_save_conflict(self, message: str) -> str:
        """"save_as", "reload" or "cancel" (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("The plan changed on disk"), message,
                          QMessageBox.StandardButton.Cancel, self)
        save_as = box.addButton(_tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        reload = box.addButton(_tr("Reload"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return "save_as" if clicked is save_as else "reload" if clicked is reload else "cancel"

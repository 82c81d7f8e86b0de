"""Undo commands: every edit of the plan from the window goes through one.

Commands only call model methods; the canvas and the docks update because
the model emits :class:`~gridplanner.model.LayerChange`. Frames held for
undo are never changed in place (the model replaces its frame on every
change), so keeping a reference is enough.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from gridplanner.io.importing import ImportOptions, ImportReport, import_file
from gridplanner.model.plan import Plan


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class ReplaceLayerCommand(QUndoCommand):
    """Replace every feature of one layer (redo) and put the old ones back (undo)."""

    def __init__(self, plan: Plan, layer: str, frame: pd.DataFrame, text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(text or _tr("Replace %1").replace("%1", layer), parent)
        self.plan = plan
        self.layer = layer
        self.new_frame = frame
        self.old_frame: pd.DataFrame | None = None

    def redo(self) -> None:
        self.old_frame = self.plan.layer(self.layer).replace(self.new_frame)

    def undo(self) -> None:
        if self.old_frame is not None:
            self.new_frame = self.plan.layer(self.layer).replace(self.old_frame)


class ImportCommand(QUndoCommand):
    """An import already run on the plan, undoable as a whole.

    Build it with :meth:`execute`, which runs the importer (raising its
    error, with the plan unchanged, if it fails) and records the frames of
    the layers it changed; pushing the command then does nothing more.
    """

    def __init__(self, plan: Plan, before: dict[str, pd.DataFrame],
                 after: dict[str, pd.DataFrame], report: ImportReport, text: str):
        super().__init__(text)
        self.plan = plan
        self.before = before
        self.after = after
        self.report = report
        self._first = True

    @classmethod
    def execute(cls, plan: Plan, kind: str, path: str | Path,
                options: ImportOptions | None = None) -> ImportCommand:
        """Run the import of ``kind`` from ``path`` on ``plan`` and return its command."""
        before = {name: table.frame for name, table in plan.layers.items()}
        report = import_file(plan, kind, path, options)
        after = {name: table.frame for name, table in plan.layers.items()
                 if table.frame is not before[name]}
        changed_before = {name: before[name] for name in after}
        text = _tr("Import %1 from %2").replace("%1", kind).replace("%2", Path(path).name)
        return cls(plan, changed_before, after, report, text)

    @property
    def layers(self) -> list[str]:
        return list(self.after)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        for name, frame in self.after.items():
            self.plan.layer(name).replace(frame)

    def undo(self) -> None:
        for name, frame in self.before.items():
            self.plan.layer(name).replace(frame)

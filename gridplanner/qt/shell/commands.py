"""Undo commands: every edit of the plan from the window goes through one.

Commands only call model methods; the canvas and the docks update because
the model emits :class:`~gridplanner.model.LayerChange`. Frames held for
undo are never changed in place (the model replaces its frame on every
change), so keeping a reference is enough.

The general commands here serve the features' own command modules too:
:class:`SnapshotCommand` (a change already made, undone by putting whole
frames back), :class:`MacroCommand` (several steps as one),
:class:`AttributeCommand` (attributes of features of any layer),
:class:`DeleteFeaturesCommand` and :class:`SettingsCommand`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from gridplanner.io.importers.registry import ImportOptions, ImportReport, import_file
from gridplanner.model.plan import Plan
from gridplanner.model.schema import join_services, split_services
from gridplanner.model.settings import Settings


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


def changed_frames(plan: Plan, before: dict[str, pd.DataFrame],
                   ) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """(before, after) frames of the layers of ``before`` whose frame has been replaced."""
    after = {name: plan.layer(name).frame for name in before
             if plan.layer(name).frame is not before[name]}
    return {name: before[name] for name in after}, after


class SnapshotCommand(QUndoCommand):
    """A change made to the plan, undone by putting back the whole frames it replaced.

    ``before`` and ``after`` map layer names to frames. With ``done`` (the
    change was already made, e.g. by :func:`record_change`) the first redo,
    the one pushing the command, does nothing.
    """

    def __init__(self, plan: Plan, before: dict[str, pd.DataFrame],
                 after: dict[str, pd.DataFrame], text: str, done: bool = True,
                 parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.plan = plan
        self.before = before
        self.after = after
        self._first = done

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        for name, frame in self.after.items():
            self.plan.layer(name).replace(frame)

    def undo(self) -> None:
        for name, frame in self.before.items():
            self.plan.layer(name).replace(frame)


def record_change(plan: Plan, change: Callable[[Plan], object], text: str,
                  tables: Iterable[str]) -> SnapshotCommand:
    """Run ``change(plan)`` and return it as a done :class:`SnapshotCommand`.

    Only the layers named in ``tables`` are recorded. If ``change`` raises,
    those layers are put back as they were and the error goes on.
    """
    before = {name: plan.layer(name).frame for name in tables}
    try:
        change(plan)
    except Exception:
        for name, frame in before.items():  # leave the plan as it was
            if plan.layer(name).frame is not frame:
                plan.layer(name).replace(frame)
        raise
    return SnapshotCommand(plan, *changed_frames(plan, before), text)


class MacroCommand(QUndoCommand):
    """Several commands as one undo step: redo runs them in order, undo in reverse.

    The steps are kept and run by this command (not as Qt children), so their
    Python objects and their C++ halves have one owner each.
    """

    def __init__(self, text: str = ""):
        super().__init__(text)
        self.steps: list[QUndoCommand] = []

    def add(self, step: QUndoCommand) -> QUndoCommand:
        """Append ``step``; returns it."""
        self.steps.append(step)
        return step

    def is_empty(self) -> bool:
        return not self.steps

    def redo(self) -> None:
        for step in self.steps:
            step.redo()

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()


class ImportCommand(SnapshotCommand):
    """An import already run on the plan, undoable as a whole.

    Build it with :meth:`execute`, which runs the importer (raising its
    error, with the plan unchanged, if it fails) and records the frames of
    the layers it changed; pushing the command then does nothing more.
    """

    def __init__(self, plan: Plan, before: dict[str, pd.DataFrame],
                 after: dict[str, pd.DataFrame], report: ImportReport, text: str):
        super().__init__(plan, before, after, text)
        self.report = report

    @classmethod
    def execute(cls, plan: Plan, kind: str, path: str | Path,
                options: ImportOptions | None = None) -> ImportCommand:
        """Run the import of ``kind`` from ``path`` on ``plan`` and return its command."""
        before = {name: table.frame for name, table in plan.layers.items()}
        report = import_file(plan, kind, path, options)
        changed_before, after = changed_frames(plan, before)
        text = _tr("Import %1 from %2").replace("%1", kind).replace("%2", Path(path).name)
        return cls(plan, changed_before, after, report, text)

    @property
    def layers(self) -> list[str]:
        return list(self.after)


class SettingsCommand(QUndoCommand):
    """Swap the plan's settings (the Plan Settings dialog applies them as one step).

    ``renames`` (old service → new name) also renames the services the
    plan's centres offer, so a renamed service keeps its centres.
    """

    def __init__(self, plan: Plan, settings: Settings, renames: dict[str, str] | None = None,
                 text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text or _tr("Change plan settings"), parent)
        self.plan = plan
        self.new = settings
        self.old = plan.settings
        self.renames = {k: v for k, v in (renames or {}).items() if k != v}
        self.old_services: dict[int, Any] = {}

    def redo(self) -> None:
        self.plan.settings = self.new
        renamed = self._renamed_services()
        if renamed:
            self.old_services = self.plan.centres.set_column("services", renamed)

    def undo(self) -> None:
        if self.old_services:
            self.plan.centres.set_column("services", self.old_services)
            self.old_services = {}
        self.plan.settings = self.old

    def _renamed_services(self) -> dict[int, str]:
        if not self.renames:
            return {}
        out: dict[int, str] = {}
        for fid, value in self.plan.centres.frame["services"].items():
            services = split_services(value)
            new = [self.renames.get(s, s) for s in services]
            if new != services:
                out[int(fid)] = join_services(new)
        return out


class DeleteFeaturesCommand(QUndoCommand):
    """Remove features of one layer; undo puts the same rows (and fids) back."""

    def __init__(self, plan: Plan, layer: str, fids: Iterable[int], text: str,
                 parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.plan = plan
        self.layer = layer
        self.fids = [int(f) for f in fids]
        self.removed: pd.DataFrame | None = None

    def redo(self) -> None:
        self.removed = self.plan.layer(self.layer).remove(self.fids)

    def undo(self) -> None:
        if self.removed is not None:
            self.plan.layer(self.layer).add(self.removed)


class AttributeCommand(QUndoCommand):
    """Set attribute values of features of one layer (a typed cell, or a paste).

    ``changes`` maps fid → {column: value}. One feature goes through
    :meth:`FeatureTable.set_attributes`; many (a paste) through one
    :meth:`FeatureTable.set_column` per column, so a long paste is one quick step.
    """

    def __init__(self, plan: Plan, layer: str, changes: dict[int, dict[str, Any]],
                 text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text or _tr("Edit %1").replace("%1", layer), parent)
        self.plan = plan
        self.layer = layer
        self.new = {int(f): dict(v) for f, v in changes.items()}
        self.old: dict[int, dict[str, Any]] = {}

    def redo(self) -> None:
        self.old = self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def _apply(self, changes: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
        table = self.plan.layer(self.layer)
        if len(changes) == 1:
            fid, values = next(iter(changes.items()))
            return {fid: table.set_attributes(fid, values)}
        by_column: dict[str, dict[int, Any]] = {}
        for fid, values in changes.items():
            for column, value in values.items():
                by_column.setdefault(column, {})[fid] = value
        old: dict[int, dict[str, Any]] = {}
        for column, values in by_column.items():
            for fid, value in table.set_column(column, values).items():
                old.setdefault(fid, {})[column] = value
        return old


class LayerOrderCommand(QUndoCommand):
    """Set the plan's drawing order (bottom to top), as the layers dock's drag does."""

    def __init__(self, plan: Plan, order: list[str], text: str = "",
                 parent: QUndoCommand | None = None):
        super().__init__(text or _tr("Change the layer order"), parent)
        self.plan = plan
        self.new = list(order)
        self.old = list(plan.layer_order)

    def redo(self) -> None:
        self.plan.set_layer_order(self.new)

    def undo(self) -> None:
        self.plan.set_layer_order(self.old)


class StyleCommand(QUndoCommand):
    """Set the saved look of one layer (``plan.styles[layer]``, a plain dict).

    Consecutive changes of the same property of the same layer (an opacity
    slider being dragged) merge into one undo step.
    """

    ID = 4101

    def __init__(self, plan: Plan, layer: str, style: dict[str, Any], what: str = "",
                 text: str = "", parent: QUndoCommand | None = None):
        super().__init__(text or _tr("Change the style of %1").replace("%1", layer), parent)
        self.plan = plan
        self.layer = layer
        self.new = style
        self.old = plan.styles.get(layer)
        self.what = what

    def id(self) -> int:  # noqa: A003 (Qt API)
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if (not isinstance(other, StyleCommand) or other.layer != self.layer
                or not self.what or other.what != self.what):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.plan.set_style(self.layer, self.new)

    def undo(self) -> None:
        self.plan.set_style(self.layer, self.old)

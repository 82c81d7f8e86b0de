"""The editable table model behind the roster dock (workers or branches).

``RosterTableModel`` shows one roster table plus a "Grid" column (the codes
of the cells a worker or branch is on). Edits in place become undo commands
pushed on the window's stack; the model redraws from the plan's change
events, never from its own edits, so undo and redo show up the same way.
Rows drag out as ``ROSTER_MIME`` (JSON ``{"target": "worker", "fids": [..]}``)
to be dropped on a cell of the map or on the cell panel.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QUndoStack

from gridplanner.analysis.people.roster_edit import cell_codes, cells_by_target
from gridplanner.model.layer import LayerChange
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BranchKind, WorkerRole
from gridplanner.qt.roster.commands import EditRowCommand, set_cell

ROSTER_MIME = "application/x-gridplanner-roster"
CONTEXT = "Roster"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FID_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = {
    "workers": ("name", "phone", "role", "community", "cell", "notes"),
    "branches": ("name", "secretary", "full_members", "kind", "cell", "notes"),
}
TITLES = {
    "name": QT_TRANSLATE_NOOP("Roster", "Name"),
    "phone": QT_TRANSLATE_NOOP("Roster", "Phone"),
    "role": QT_TRANSLATE_NOOP("Roster", "Role"),
    "community": QT_TRANSLATE_NOOP("Roster", "Community"),
    "cell": QT_TRANSLATE_NOOP("Roster", "Grid"),
    "notes": QT_TRANSLATE_NOOP("Roster", "Notes"),
    "secretary": QT_TRANSLATE_NOOP("Roster", "Secretary"),
    "full_members": QT_TRANSLATE_NOOP("Roster", "Full members"),
    "kind": QT_TRANSLATE_NOOP("Roster", "Type"),
}
ROLE_TITLES = {
    WorkerRole.LEADER.value: QT_TRANSLATE_NOOP("Roster", "Grid leader"),
    WorkerRole.FULL_TIME.value: QT_TRANSLATE_NOOP("Roster", "Full-time worker"),
    WorkerRole.PART_TIME.value: QT_TRANSLATE_NOOP("Roster", "Part-time worker"),
    WorkerRole.STEWARD.value: QT_TRANSLATE_NOOP("Roster", "Building steward"),
    WorkerRole.SUPERVISOR.value: QT_TRANSLATE_NOOP("Roster", "Grid supervisor"),
}
KIND_TITLES = {
    BranchKind.GRID.value: QT_TRANSLATE_NOOP("Roster", "Grid branch"),
    BranchKind.JOINT.value: QT_TRANSLATE_NOOP("Roster", "Joint branch"),
    BranchKind.COMPOUND.value: QT_TRANSLATE_NOOP("Roster", "Compound branch"),
    BranchKind.COMMITTEE.value: QT_TRANSLATE_NOOP("Roster", "Community Party committee"),
}


#: Qt's translate under a name pyside6-lupdate recognises (with a literal context).
translate = QCoreApplication.translate


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_title(role: str) -> str:
    """A worker role in the UI language (the stored value when unknown)."""
    return tr(ROLE_TITLES[role]) if role in ROLE_TITLES else role


def kind_title(kind: str) -> str:
    """A branch type in the UI language."""
    return tr(KIND_TITLES[kind]) if kind in KIND_TITLES else kind


def roster_mime(target: str, fids: list[int]) -> QMimeData:
    """Drag data naming workers or branches."""
    data = QMimeData()
    data.setData(ROSTER_MIME, json.dumps({"target": target, "fids": fids}).encode("utf-8"))
    return data


def accept_roster_drop(event) -> None:
    """Accept a roster drag as a copy: the rows stay in the table they came from
    (a move would let the view try to remove them after the drop)."""
    event.setDropAction(Qt.DropAction.CopyAction)
    event.accept()


def read_roster_mime(data: QMimeData | None) -> tuple[str, list[int]] | None:
    """(target, fids) from drag data, or None when it is not a roster drag."""
    if data is None or not data.hasFormat(ROSTER_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(ROSTER_MIME).data()).decode("utf-8"))
        target, fids = str(payload["target"]), [int(f) for f in payload["fids"]]
    except (ValueError, KeyError, TypeError):
        return None
    return (target, fids) if target in ("worker", "branch") and fids else None


class RosterTableModel(QAbstractTableModel):
    """Workers or branches of a plan, editable through undo commands."""

    def __init__(self, layer: str, parent=None):
        super().__init__(parent)
        self.layer = layer
        self.target = "worker" if layer == "workers" else "branch"
        self.columns = COLUMNS[layer]
        self.plan: Plan | None = None
        self.undo_stack: QUndoStack | None = None
        self._fids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._rows: dict[int, dict[str, Any]] = {}
        self._cells: dict[int, list[int]] = {}
        self._codes: dict[int, str] = {}
        self._text: dict[int, str] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- plan ------------------------------------------------------------------
    def set_plan(self, plan: Plan | None, undo_stack: QUndoStack | None) -> None:
        if self.plan is not None:
            self.plan.layer_changed.disconnect(self._on_changed)
        self.plan, self.undo_stack = plan, undo_stack
        if plan is not None:
            plan.layer_changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._read_rows()
        self._read_cells()
        self.endResetModel()

    def _read_rows(self, fids: list[int] | None = None) -> None:
        frame = self.plan.layer(self.layer).frame if self.plan is not None else pd.DataFrame()
        if fids is None:
            frame = frame.sort_index()
            self._fids = [int(f) for f in frame.index]
            self._rows, self._text = {}, {}
        else:
            frame = frame.loc[[f for f in fids if f in frame.index]]
        columns = [c for c in self.columns if c != "cell"]
        for fid, record in zip(frame.index, frame[columns].to_dict("records"), strict=True):
            self._rows[int(fid)] = record
            self._text.pop(int(fid), None)
        if fids is None:
            if self._sort is not None:
                self._fids = self._sorted_fids(*self._sort)
            self._row_of = {f: r for r, f in enumerate(self._fids)}

    def _read_cells(self) -> None:
        if self.plan is None:
            self._cells, self._codes = {}, {}
            return
        self._cells = cells_by_target(self.plan, self.target)
        self._codes = cell_codes(self.plan)
        self._text = {}

    def _on_changed(self, change: LayerChange) -> None:
        if change.layer == self.layer and change.kind == "attributes" and change.fids:
            self._read_rows(list(change.fids))
            for fid in change.fids:
                if (row := self.row_of(fid)) is not None:
                    self.dataChanged.emit(
                        self.index(row, 0), self.index(row, len(self.columns) - 1)
                    )
        elif change.layer == self.layer:
            self.reload()
        elif change.layer in ("assignments", "cells"):
            self._read_cells()
            column = self.columns.index("cell")
            if self._fids:
                self.dataChanged.emit(
                    self.index(0, column), self.index(len(self._fids) - 1, column)
                )

    # -- sorting and filtering -------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column`` (numbers as numbers, labels as shown); -1: by id."""
        if column >= len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [(self._fids[i.row()], i.column()) for i in old]
        self._sort = (column, order) if column >= 0 else None
        self._fids = self._sorted_fids(column, order) if column >= 0 else sorted(self._fids)
        self._row_of = {f: r for r, f in enumerate(self._fids)}
        self.changePersistentIndexList(old, [self.index(self._row_of[f], c) for f, c in held])
        self.layoutChanged.emit()

    def _sorted_fids(self, column: int, order: Qt.SortOrder) -> list[int]:
        name = self.columns[column]
        if name == "full_members":

            def key(f: int) -> Any:
                value = self._rows.get(f, {}).get(name)
                return 0 if value is None or value is pd.NA else int(value)
        elif name == "cell":

            def key(f: int) -> Any:
                return self._cell_data(f, SORT_ROLE)
        else:

            def key(f: int) -> Any:
                return self._display(name, self._rows.get(f, {}).get(name) or "")

        return sorted(self._fids, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def row_text(self, row: int) -> str:
        """Every shown value of a row, lower-cased, for the filter (cached)."""
        fid = self._fids[row]
        text = self._text.get(fid)
        if text is None:
            values = [
                self._display(c, self._rows.get(fid, {}).get(c) or "")
                for c in self.columns
                if c != "cell"
            ]
            text = " ".join([*values, self._cell_data(fid, SORT_ROLE)]).lower()
            self._text[fid] = text
        return text

    # -- lookups ---------------------------------------------------------------
    def fid_at(self, row: int) -> int:
        return self._fids[row]

    def row_of(self, fid: int) -> int | None:
        return self._row_of.get(int(fid))

    def cells_of(self, fid: int) -> list[int]:
        return list(self._cells.get(int(fid), []))

    def cell_choices(self) -> list[tuple[str, int]]:
        """(label, cell fid) of every cell, by code."""
        if self.plan is None:
            return []
        cells = self.plan.cells.frame
        names = cells["name"].astype(str)
        return sorted(
            ((f"{self._codes.get(int(f), '')}  {names[f]}".strip(), int(f)) for f in cells.index),
            key=lambda c: c[0],
        )

    # -- Qt model API ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._fids)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(self.columns[section])
        return None

    def column_title(self, column: str) -> str:
        """The translated header of ``column`` ("Branch name" for a branch's name)."""
        if column == "name" and self.layer == "branches":
            return translate("Roster", "Branch name")
        return tr(TITLES[column])

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._fids):
            return None
        fid = self._fids[index.row()]
        column = self.columns[index.column()]
        if role == FID_ROLE:
            return fid
        if column == "cell":
            return self._cell_data(fid, role)
        value = self._rows.get(fid, {}).get(column)
        if value is None or value is pd.NA:
            value = 0 if column == "full_members" else ""
        if role == Qt.ItemDataRole.EditRole:
            return int(value) if column == "full_members" else str(value)
        if role == SORT_ROLE:
            return int(value) if column == "full_members" else self._display(column, value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "full_members":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, column: str, value: Any) -> str:
        if column == "role":
            return role_title(str(value))
        if column == "kind":
            return kind_title(str(value))
        return str(value)

    def _cell_data(self, fid: int, role: int) -> Any:
        cells = self._cells.get(fid, [])
        if role == Qt.ItemDataRole.EditRole:
            return cells[0] if cells else -1
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return "、".join(self._codes.get(c, f"#{c}") for c in cells)
        return None

    def setData(
        self,
        index: QModelIndex,
        value: Any,  # noqa: N802
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or self.plan is None
            or self.undo_stack is None
        ):
            return False
        fid = self._fids[index.row()]
        column = self.columns[index.column()]
        if column == "cell":
            return self._set_cell(fid, value)
        if column == "full_members":
            try:
                value = max(0, int(value))
            except (TypeError, ValueError):
                return False
        else:
            value = str(value).strip()
        if value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        text = (
            translate("Roster", "Edit %1 of %2")
            .replace("%1", self.column_title(column))
            .replace("%2", str(self._rows[fid].get("name", "")) or f"#{fid}")
        )
        self.undo_stack.push(EditRowCommand(self.plan, self.layer, fid, {column: value}, text))
        return True

    def _set_cell(self, fid: int, value: Any) -> bool:
        cell = None if value is None or int(value) < 0 else int(value)
        if cell is not None and cell not in self._codes:
            return False
        current = self._cells.get(fid, [])
        if (cell is None and not current) or (cell is not None and current == [cell]):
            return False
        command = set_cell(self.plan, self.target, fid, cell)
        if command.is_empty():
            return False
        self.undo_stack.push(command)
        return True

    # -- drag ------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ROSTER_MIME]

    def mimeData(
        self,
        indexes: list[QModelIndex | QPersistentModelIndex],  # noqa: N802
    ) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = roster_mime(self.target, [self._fids[r] for r in rows])
        data.setText("\n".join(str(self._rows[self._fids[r]].get("name", "")) for r in rows))
        return data

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

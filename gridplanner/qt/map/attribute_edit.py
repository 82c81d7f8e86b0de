"""Editing the attribute table: typed values checked by column, copy and paste as TSV.

``parse_cell`` turns what a user typed (or pasted from Excel) into the
value a column holds, by the column's dtype in the layer's schema
(:mod:`gridplanner.model.schema`; other columns by their pandas dtype), and
refuses text that does not fit with a message naming the column.
``AttributeTableView`` is the table view: double-click, F2 or typing edits
a cell, Ctrl+C copies the selected cells as tab-separated text, Ctrl+V
pastes an Excel block (or one value into every selected cell), Delete
empties the selected cells.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QTableView

from gridplanner.errors import ModelError
from gridplanner.model.layer import FeatureTable
from gridplanner.model.schema import BoundaryLevel, BranchKind, CellKind, WorkerRole
from gridplanner.qt.map.layers_dock import layer_title
from gridplanner.qt.shell.commands import AttributeCommand

#: Columns whose values come from a fixed list, per layer.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("boundaries", "level"): tuple(v.value for v in BoundaryLevel),
    ("cells", "kind"): tuple(v.value for v in CellKind),
    ("workers", "role"): tuple(v.value for v in WorkerRole),
    ("branches", "kind"): tuple(v.value for v in BranchKind),
    ("assignments", "target"): ("worker", "branch"),
}
#: Counts that cannot be negative.
NON_NEGATIVE = {"households", "residents", "floors", "capacity", "full_members"}
TRUE_WORDS = {"true", "yes", "y", "1", "是", "对", "真", "✓", "x"}
FALSE_WORDS = {"false", "no", "n", "0", "否", "不", "假", ""}
READ_ONLY = {"fid", "geometry"}


#: Display titles of the plan's own columns (other columns show their name).
COLUMN_TITLES = {
    "fid": QT_TRANSLATE_NOOP("AttributeDock", "ID"),
    "name": QT_TRANSLATE_NOOP("AttributeDock", "Name"),
    "code": QT_TRANSLATE_NOOP("AttributeDock", "Code"),
    "level": QT_TRANSLATE_NOOP("AttributeDock", "Level"),
    "parent": QT_TRANSLATE_NOOP("AttributeDock", "Parent"),
    "households": QT_TRANSLATE_NOOP("AttributeDock", "Households"),
    "residents": QT_TRANSLATE_NOOP("AttributeDock", "Residents"),
    "floors": QT_TRANSLATE_NOOP("AttributeDock", "Floors"),
    "households_estimated": QT_TRANSLATE_NOOP("AttributeDock", "Households estimated"),
    "kind": QT_TRANSLATE_NOOP("AttributeDock", "Kind"),
    "community": QT_TRANSLATE_NOOP("AttributeDock", "Community"),
    "services": QT_TRANSLATE_NOOP("AttributeDock", "Services"),
    "capacity": QT_TRANSLATE_NOOP("AttributeDock", "Capacity"),
    "hours": QT_TRANSLATE_NOOP("AttributeDock", "Opening hours"),
    "notes": QT_TRANSLATE_NOOP("AttributeDock", "Notes"),
    "highway": QT_TRANSLATE_NOOP("AttributeDock", "Street type"),
    "phone": QT_TRANSLATE_NOOP("AttributeDock", "Phone"),
    "role": QT_TRANSLATE_NOOP("AttributeDock", "Role"),
    "secretary": QT_TRANSLATE_NOOP("AttributeDock", "Secretary"),
    "full_members": QT_TRANSLATE_NOOP("AttributeDock", "Full members"),
    "responsible_unit": QT_TRANSLATE_NOOP("AttributeDock", "Responsible unit"),
}


def column_title(name: str) -> str:
    """The translated header of a column (its own name when not one of ours)."""
    if name in COLUMN_TITLES:
        return QCoreApplication.translate("AttributeDock", COLUMN_TITLES[name])
    return name


def format_value(value: Any) -> str:
    """A value as the table shows it (and copies it): numbers without noise, yes/no."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return (QCoreApplication.translate("AttributeDock", "yes") if value
                else QCoreApplication.translate("AttributeDock", "no"))
    if isinstance(value, float | np.floating):
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.3f}".rstrip("0")
    return str(value)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AttributeDock", text)


def column_dtype(table: FeatureTable, column: str) -> str:
    """"string", "float64", "Int64" or "boolean": the schema's, else the data's."""
    for spec_column in table.spec.columns:
        if spec_column.name == column:
            return spec_column.dtype
    dtype = table.frame[column].dtype if column in table.frame.columns else object
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "Int64"
    if pd.api.types.is_float_dtype(dtype):
        return "float64"
    return "string"


def _number(text: str, column: str, title: str) -> float:
    plain = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    try:
        value = float(plain)
    except ValueError:
        raise ModelError(_tr("%1 takes a number; \u201c%2\u201d is not one")
                         .replace("%1", title).replace("%2", text)) from None
    if not math.isfinite(value):
        raise ModelError(_tr("%1 takes a number; \u201c%2\u201d is not one")
                         .replace("%1", title).replace("%2", text))
    if column in NON_NEGATIVE and value < 0:
        raise ModelError(_tr("%1 cannot be negative").replace("%1", title))
    return value


def parse_cell(table: FeatureTable, column: str, text: str, title: str | None = None) -> Any:
    """The value ``text`` stands for in ``column`` of ``table``; ModelError if it does not fit."""
    title = title or column
    if column in READ_ONLY:
        raise ModelError(_tr("%1 cannot be edited").replace("%1", title))
    text = "" if text is None else str(text)
    dtype = column_dtype(table, column)
    if dtype in ("float64", "Int64"):
        if not text.strip():
            return float("nan") if dtype == "float64" else pd.NA
        value = _number(text, column, title)
        if dtype == "float64":
            return value
        if not value.is_integer():
            raise ModelError(_tr("%1 takes a whole number; \u201c%2\u201d is not one")
                             .replace("%1", title).replace("%2", text))
        return int(value)
    if dtype == "boolean":
        word = unicodedata.normalize("NFKC", text).strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ModelError(_tr("%1 takes yes or no; \u201c%2\u201d is neither")
                         .replace("%1", title).replace("%2", text))
    choices = CHOICES.get((table.name, column))
    if choices is not None and text.strip() not in choices:
        raise ModelError(_tr("%1 must be one of: %2").replace("%1", title)
                         .replace("%2", ", ".join(choices)))
    return text.strip() if choices is not None else text


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated text (what Excel puts on the clipboard)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def to_tsv(rows: list[list[str]]) -> str:
    """Tab-separated text, tabs and line breaks inside cells turned into spaces."""
    def clean(cell: str) -> str:
        return cell.replace("\t", " ").replace("\r", " ").replace("\n", " ")

    return "\n".join("\t".join(clean(c) for c in row) for row in rows) + "\n"


class AttributeTableView(QTableView):
    """The table view with Excel-like keys; copying and pasting go to the dock."""

    copyRequested = Signal()
    pasteRequested = Signal()
    clearRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copyRequested.emit()
            event.accept()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.pasteRequested.emit()
            event.accept()
        elif (event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
              and self.state() != QAbstractItemView.State.EditingState):
            self.clearRequested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)

    def selected_block(self) -> tuple[list[int], list[int]]:
        """Sorted view rows and columns touched by the selection (or the current cell)."""
        ranges = self.selectionModel().selection()
        rows: set[int] = set()
        cols: set[int] = set()
        for r in ranges:
            rows.update(range(r.top(), r.bottom() + 1))
            cols.update(range(r.left(), r.right() + 1))
        if not rows and self.currentIndex().isValid():
            rows, cols = {self.currentIndex().row()}, {self.currentIndex().column()}
        return sorted(rows), sorted(cols)

    def copy_text(self) -> str:
        """The selected cells as TSV (cells in the block but not selected are empty)."""
        rows, cols = self.selected_block()
        model, selection = self.model(), self.selectionModel()
        whole = not selection.hasSelection()
        out = []
        for row in rows:
            line = []
            for col in cols:
                index = model.index(row, col)
                chosen = whole or selection.isSelected(index)
                line.append(str(model.data(index) or "") if chosen else "")
            out.append(line)
        return to_tsv(out) if out else ""

    def copy_to_clipboard(self) -> None:
        text = self.copy_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def select_block(self, top: int, left: int, bottom: int, right: int) -> None:
        """Select a rectangle of cells (what a paste changed)."""
        model = self.model()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().select(QItemSelection(model.index(top, left),
                                                    model.index(bottom, right)), flags)
        self.selectionModel().setCurrentIndex(model.index(top, left),
                                              QItemSelectionModel.SelectionFlag.NoUpdate)
        self.scrollTo(model.index(top, left))

    def editable_column(self, col: int) -> bool:
        return bool(self.model().flags(self.model().index(0, col)) & Qt.ItemFlag.ItemIsEditable)


class CellEditing:
    """The editing half of the attribute dock (mixed into ``AttributeDock``).

    Expects ``canvas``, ``layer``, ``model``, ``proxy``, ``view``,
    ``undo_stack``, ``last_message`` and the ``messageShown`` signal.
    """

    def show_message(self, text: str) -> None:
        """Tell the user (status bar of the window, and ``messageShown``)."""
        self.last_message = text
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10000)
        self.messageShown.emit(text)

    def _cell_typed(self, fid: int, column: str, text: str) -> bool:
        return self.edit_cells({fid: {column: text}})

    def edit_cells(self, edits: dict[int, dict[str, str]]) -> bool:
        """Check typed texts (fid → column → text) and apply them as one undo step.

        Nothing changes if any text does not fit its column; the first problem
        is shown in the status bar. Returns True when applied.
        """
        plan = self.canvas.plan
        if plan is None or not self.layer or not edits:
            return False
        table = plan.layer(self.layer)
        changes: dict[int, dict[str, Any]] = {}
        try:
            for fid, values in edits.items():
                for column, text in values.items():
                    value = parse_cell(table, column, text, column_title(column))
                    changes.setdefault(fid, {})[column] = value
                    if self.layer == "buildings" and column == "households":
                        changes[fid]["households_estimated"] = False  # now a known figure
        except ModelError as exc:
            self.show_message(_tr("Feature %1: %2").replace("%1", str(fid))
                              .replace("%2", str(exc)))
            return False
        cells = sum(len(v) for v in edits.values())
        text = (_tr("Edit %1 of feature %2").replace("%1", column_title(column))
                .replace("%2", str(fid)) if cells == 1 else
                _tr("Paste %1 cells into %2").replace("%1", str(cells))
                .replace("%2", layer_title(self.layer)))
        command = AttributeCommand(plan, self.layer, changes, text)
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()
        return True

    def paste_clipboard(self) -> bool:
        return self.paste_text(QGuiApplication.clipboard().text())

    def clear_selected(self) -> bool:
        """Empty the selected cells (Delete), as one undo step; the ID column is left alone."""
        edits: dict[int, dict[str, str]] = {}
        selection = self.view.selectionModel()
        for index in selection.selectedIndexes():
            column = self.model.column_name(index.column())
            if column not in READ_ONLY:
                fid = self.model.fid_at(self.proxy.mapToSource(index).row())
                edits.setdefault(fid, {})[column] = ""
        return self.edit_cells(edits) if edits else False

    def paste_text(self, text: str) -> bool:
        """Paste tab-separated text at the selection (one value fills every selected cell)."""
        rows = parse_tsv(text)
        view_rows, view_cols = self.view.selected_block()
        if not rows or not view_rows:
            return False
        if len(rows) == 1 and len(rows[0]) == 1 and (len(view_rows) > 1 or len(view_cols) > 1):
            targets = [(r, c, rows[0][0]) for r in view_rows for c in view_cols
                       if self.view.selectionModel().isSelected(self.proxy.index(r, c))]
        else:
            top, left = view_rows[0], view_cols[0]
            targets = [(top + i, left + j, cell) for i, line in enumerate(rows)
                       for j, cell in enumerate(line)]
        fit = [(r, c, t) for r, c, t in targets
               if r < self.proxy.rowCount() and c < self.proxy.columnCount()]
        edits: dict[int, dict[str, str]] = {}
        for r, c, cell in fit:
            fid = self.model.fid_at(self.proxy.mapToSource(self.proxy.index(r, c)).row())
            edits.setdefault(fid, {})[self.model.column_name(c)] = cell
        if not self.edit_cells(edits):
            return False
        self.view.select_block(min(r for r, _, _ in fit), min(c for _, c, _ in fit),
                               max(r for r, _, _ in fit), max(c for _, c, _ in fit))
        left_out = len(targets) - len(fit)
        self.show_message(_tr("Pasted %1 cells").replace("%1", str(len(fit))) + (
            "; " + _tr("%1 did not fit in the table").replace("%1", str(left_out))
            if left_out else ""))
        return True

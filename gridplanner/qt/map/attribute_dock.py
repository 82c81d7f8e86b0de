"""The attribute table dock: one layer's features as a sortable, editable table.

``FeatureTableModel`` shows a :class:`~gridplanner.model.FeatureTable`
(fid first, then its columns, no geometry) and follows its changes (an
attribute change updates the changed columns in place, so the current cell
and the selection stay). Cells are edited as in Excel (double-click, F2 or
typing; Ctrl+C copies the selected cells as TSV, Ctrl+V pastes a block from
Excel): values are checked by the column's type
(:mod:`gridplanner.qt.map.attribute_edit`), a refusal is shown in the status
bar, and every edit or paste is one
:class:`~gridplanner.qt.shell.commands.AttributeCommand` on the window's undo stack.
Sorting is done by the model on whole columns with pandas (clicking a
header of a 100,000-row table stays instant); the ``QSortFilterProxyModel``
in front of it filters rows by a search text and hands sorting to the
model. Rows selected in the table are selected on the map and the other
way round, with the echo blocked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gridplanner.model.layer import FeatureTable, LayerChange
from gridplanner.qt.map.attribute_edit import (
    READ_ONLY,
    AttributeTableView,
    CellEditing,
    column_title,
    format_value,
)
from gridplanner.qt.map.canvas import MapCanvas
from gridplanner.qt.map.layers_dock import layer_title
from gridplanner.qt.shell.retranslate import Retranslatable


class FeatureTableModel(QAbstractTableModel):
    """A table model over one FeatureTable; edits go to ``editor(fid, column, text)``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editor: Callable[[int, str, str], bool] | None = None
        self.table: FeatureTable | None = None
        self._columns: list[str] = []
        self._order = np.empty(0, np.int64)
        self._fids = np.empty(0, np.int64)
        self._values: dict[str, np.ndarray] = {}
        self._row_of: dict[int, int] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_table(self, table: FeatureTable | None) -> None:
        if self.table is not None:
            self.table.changed.disconnect(self._on_changed)
        self.table = table
        if table is not None:
            table.changed.connect(self._on_changed)
        self._sort = None
        self._reload()

    def _on_changed(self, change: LayerChange) -> None:
        if (change.kind == "attributes" and change.columns and self.table is not None
                and all(c in self._columns for c in change.columns)
                and len(self.table.frame) == len(self._fids)):
            self._refresh_columns(change.columns)
        else:
            self._reload()

    def _refresh_columns(self, columns: tuple[str, ...]) -> None:
        """New values of some columns, rows and order kept (the current cell stays)."""
        last = len(self._order) - 1
        for name in columns:
            self._values.pop(name, None)
            col = self._columns.index(name)
            if last >= 0:
                self.dataChanged.emit(self.index(0, col), self.index(last, col))

    def column_name(self, column: int) -> str:
        return self._columns[column]

    def _reload(self) -> None:
        self.beginResetModel()
        frame = self.table.frame if self.table is not None else pd.DataFrame()
        self._columns = ["fid"] + [c for c in frame.columns if c != "geometry"]
        self._fids = np.asarray(frame.index, dtype=np.int64)
        self._order = np.arange(len(frame))
        self._values = {}
        self._row_of = None
        if self._sort is not None and self._sort[0] < len(self._columns):
            self._order = self._sorted_order(*self._sort)
        self.endResetModel()

    def _column_values(self, name: str) -> np.ndarray:
        if name not in self._values:
            self._values[name] = (self._fids if name == "fid"
                                  else self.table.frame[name].to_numpy(dtype=object))
        return self._values[name]

    # -- Qt model API ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole,
                                               Qt.ItemDataRole.EditRole):
            return None
        values = self._column_values(self._columns[index.column()])
        return format_value(values[self._order[index.row()]])

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (index.isValid() and self.editor is not None
                and self._columns[index.column()] not in READ_ONLY):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any,  # noqa: N802 (Qt API)
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.editor is None:
            return False
        column = self._columns[index.column()]
        if column in READ_ONLY or format_value(value) == self.data(index):
            return False
        return self.editor(self.fid_at(index.row()), column, "" if value is None else str(value))

    def retranslate(self) -> None:
        """Headers in the current language."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(self._columns[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or column >= len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._order = self._sorted_order(column, order)
        self._row_of = None
        self.layoutChanged.emit()

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        name = self._columns[column]
        series = (pd.Series(self._fids) if name == "fid"
                  else self.table.frame[name].reset_index(drop=True))
        ascending = order == Qt.SortOrder.AscendingOrder
        try:
            ranked = series.sort_values(ascending=ascending, na_position="last", kind="stable")
        except TypeError:
            ranked = series.astype(str).sort_values(ascending=ascending, kind="stable")
        return ranked.index.to_numpy(dtype=np.int64)

    # -- fids ------------------------------------------------------------------
    def fid_at(self, row: int) -> int:
        return int(self._fids[self._order[row]])

    def row_of(self, fid: int) -> int | None:
        if self._row_of is None:
            self._row_of = {int(self._fids[p]): r for r, p in enumerate(self._order)}
        return self._row_of.get(int(fid))


class FeatureProxyModel(QSortFilterProxyModel):
    """Filters rows by text; sorting is passed to the source model (fast, pandas)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class AttributeDock(CellEditing, Retranslatable, QDockWidget):
    """Attribute table of the chosen layer, selection synced with the canvas."""

    MAX_MIRRORED_RANGES = 3000
    TABLES = ("boundaries", "cells", "buildings", "network", "centres",
              "workers", "branches", "assignments", "micro_grids", "party_groups",
              "party_households", "party_members", "volunteers", "staff")

    #: a message for the status bar (an edit refused, a paste done)
    messageShown = Signal(str)
    TITLE_CONTEXT = "AttributeDock"

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None,
                 undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.setObjectName("AttributeDock")
        self.canvas = canvas
        self.undo_stack = undo_stack
        self.last_message = ""
        self._syncing = False
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.layer_combo = QComboBox(body)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setClearButtonEnabled(True)
        top.addWidget(self.layer_combo, 1)
        top.addWidget(self.filter_edit, 1)
        layout.addLayout(top)
        self.model = FeatureTableModel(self)
        self.model.editor = self._cell_typed
        self.proxy = FeatureProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = AttributeTableView(body)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.verticalHeader().setMinimumWidth(14)  # a handle that selects whole rows
        self.view.copyRequested.connect(self.view.copy_to_clipboard)
        self.view.pasteRequested.connect(self.paste_clipboard)
        self.view.clearRequested.connect(self.clear_selected)
        layout.addWidget(self.view, 1)
        self.note = QLabel(body)
        self.note.setVisible(False)
        layout.addWidget(self.note)
        self.setWidget(body)
        for name in self.TABLES:
            self.layer_combo.addItem(layer_title(name), name)
        self.retranslateUi()
        self.layer_combo.currentIndexChanged.connect(self._layer_chosen)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.model.modelReset.connect(self._show_canvas_selection)
        self.model.layoutAboutToBeChanged.connect(self._clear_table_selection)
        self.model.layoutChanged.connect(self._show_canvas_selection)
        canvas.selectionChanged.connect(self._canvas_selection_changed)
        canvas.currentLayerChanged.connect(self._follow_canvas_layer)

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        """Title, layer names, placeholder and column headers in the current language."""
        self.setWindowTitle(self.tr("Attributes"))
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        for i in range(self.layer_combo.count()):
            self.layer_combo.setItemText(i, layer_title(self.layer_combo.itemData(i)))
        self.model.retranslate()

    @property
    def layer(self) -> str:
        return self.layer_combo.currentData() or ""

    def set_plan(self, plan) -> None:
        self._layer_chosen()

    def set_layer(self, name: str) -> None:
        index = self.layer_combo.findData(name)
        if index >= 0:
            self.layer_combo.setCurrentIndex(index)

    def _follow_canvas_layer(self, name: str) -> None:
        if name:
            self.set_layer(name)

    def _layer_chosen(self, *_args) -> None:
        plan = self.canvas.plan
        self.model.set_table(plan.layer(self.layer) if plan is not None and self.layer else None)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        if self.model.rowCount() <= 2000:  # measuring every row of a big table is slow
            self.view.resizeColumnsToContents()

    # -- selection sync --------------------------------------------------------
    def selected_fids(self) -> list[int]:
        """Features with a selected cell (a whole row, or any cell of it)."""
        rows: set[int] = set()
        for r in self.view.selectionModel().selection():
            rows.update(range(r.top(), r.bottom() + 1))
        if not self.proxy.filterRegularExpression().pattern():
            return sorted(self.model.fid_at(r) for r in rows)
        return sorted(self.model.fid_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                      for r in rows)

    def _table_selection_changed(self, *_args) -> None:
        if self._syncing or not self.layer:
            return
        self._syncing = True
        try:
            self.canvas.set_selection(self.layer, self.selected_fids())
        finally:
            self._syncing = False

    def _canvas_selection_changed(self, layer: str, fids: list) -> None:
        if self._syncing or layer != self.layer:
            return
        self._select_rows(fids)

    def _show_canvas_selection(self) -> None:
        if self.layer:
            self._select_rows(self.canvas.selection(self.layer))

    def _select_rows(self, fids: list[int]) -> None:
        ranges = self._row_ranges(fids)
        self._syncing = True
        try:
            selection = QItemSelection()
            if len(ranges) <= self.MAX_MIRRORED_RANGES:
                last = self.proxy.columnCount() - 1
                for start, end in ranges:
                    selection.select(self.proxy.index(start, 0), self.proxy.index(end, last))
                self.note.setVisible(False)
            else:  # mirroring tens of thousands of scattered rows takes seconds
                self.note.setText(self.tr("%1 features are selected on the map; too scattered "
                                          "to mark in the table").replace("%1", f"{len(fids):,}"))
                self.note.setVisible(True)
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.view.selectionModel().select(selection, flags)
            if ranges and not selection.isEmpty():
                self.view.scrollTo(self.proxy.index(ranges[0][0], 0))
        finally:
            self._syncing = False

    def _row_ranges(self, fids: list[int]) -> list[tuple[int, int]]:
        """Runs of consecutive table rows (first, last) holding ``fids``."""
        source_rows = [r for f in fids if (r := self.model.row_of(f)) is not None]
        if self.proxy.filterRegularExpression().pattern():
            source_rows = [self.proxy.mapFromSource(self.model.index(r, 0)).row()
                           for r in source_rows]
        rows = np.sort(np.asarray([r for r in source_rows if r >= 0], dtype=np.int64))
        if len(rows) == 0:
            return []
        breaks = np.flatnonzero(np.diff(rows) != 1)
        starts = np.concatenate(([rows[0]], rows[breaks + 1]))
        ends = np.concatenate((rows[breaks], [rows[-1]]))
        return list(zip(starts.tolist(), ends.tolist(), strict=True))

    def _clear_table_selection(self) -> None:
        self._syncing = True
        try:
            self.view.selectionModel().clearSelection()
        finally:
            self._syncing = False

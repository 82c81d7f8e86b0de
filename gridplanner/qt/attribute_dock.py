"""The attribute table dock: one layer's features as a sortable table.

``FeatureTableModel`` shows a :class:`~gridplanner.model.FeatureTable`
(fid first, then its columns, no geometry) and follows its changes.
Sorting is done by the model on whole columns with pandas (clicking a
header of a 100,000-row table stays instant); the ``QSortFilterProxyModel``
in front of it filters rows by a search text and hands sorting to the
model. Rows selected in the table are selected on the map and the other
way round, with the echo blocked.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridplanner.model.layer import FeatureTable, LayerChange
from gridplanner.qt.canvas import MapCanvas
from gridplanner.qt.layers_dock import layer_title

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
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float | np.floating):
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.3f}".rstrip("0")
    return str(value)


class FeatureTableModel(QAbstractTableModel):
    """A read-only table model over one FeatureTable."""

    def __init__(self, parent=None):
        super().__init__(parent)
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
        self._reload()

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
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        values = self._column_values(self._columns[index.column()])
        return format_value(values[self._order[index.row()]])

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


class AttributeDock(QDockWidget):
    """Attribute table of the chosen layer, selection synced with the canvas."""

    MAX_MIRRORED_RANGES = 3000
    TABLES = ("boundaries", "cells", "buildings", "network", "centres",
              "workers", "branches", "assignments")

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None):
        super().__init__(self.tr("Attributes"), parent)
        self.setObjectName("AttributeDock")
        self.canvas = canvas
        self._syncing = False
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.layer_combo = QComboBox(body)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        self.filter_edit.setClearButtonEnabled(True)
        top.addWidget(self.layer_combo, 1)
        top.addWidget(self.filter_edit, 1)
        layout.addLayout(top)
        self.model = FeatureTableModel(self)
        self.proxy = FeatureProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView(body)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.verticalHeader().hide()
        layout.addWidget(self.view, 1)
        self.note = QLabel(body)
        self.note.setVisible(False)
        layout.addWidget(self.note)
        self.setWidget(body)
        for name in self.TABLES:
            self.layer_combo.addItem(layer_title(name), name)
        self.layer_combo.currentIndexChanged.connect(self._layer_chosen)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.model.modelReset.connect(self._show_canvas_selection)
        self.model.layoutAboutToBeChanged.connect(self._clear_table_selection)
        self.model.layoutChanged.connect(self._show_canvas_selection)
        canvas.selectionChanged.connect(self._canvas_selection_changed)
        canvas.currentLayerChanged.connect(self._follow_canvas_layer)

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
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return sorted(self.model.fid_at(r) for r in rows)

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

"""The tallies dock: households, residents and buildings of every cell, live.

One row per cell with its deviation from the household range (settings
``households_min``/``households_max``), coloured by status (below / within /
above), sortable by any column. The numbers follow every change of cells
or buildings; while a map tool drags a vertex, :meth:`TalliesDock.show_preview`
recomputes only the cells being reshaped, from the tool's preview geometry.

The dock also holds the paint controls: the cell buildings are painted into
(``paintCellChanged(fid)``) and a "New cell" button (``newCellRequested``).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridplanner.analysis.grids.group_tallies import plan_groups, tallies_by_cell
from gridplanner.analysis.grids.tallies import ABOVE, BELOW, WITHIN, BuildingIndex
from gridplanner.model.layer import LayerChange
from gridplanner.model.plan import Plan
from gridplanner.qt.shell.retranslate import Retranslatable

STATUS_COLOURS = {BELOW: "#9ecae1", WITHIN: "#a1d99b", ABOVE: "#fc9272"}
COLUMNS = ("code", "households", "residents", "buildings", "deviation", "status", "community",
           "name")
NUMERIC = {"households", "residents", "buildings", "deviation"}


def tally_table(plan: Plan, index: BuildingIndex,
                geometries: Mapping[int, shapely.Geometry] | None = None) -> pd.DataFrame:
    """The dock's rows: cell attributes, counts, deviation and status, by cell fid."""
    cells = plan.cells.frame
    s = plan.settings
    if geometries is None:
        geometries = dict(zip((int(f) for f in cells.index), cells.geometry.values, strict=True))
    counts = index.tally(geometries, s.households_min, s.households_max)
    out = pd.DataFrame(index=pd.Index([int(f) for f in geometries], name="fid"))
    for col in ("code", "name", "community"):
        out[col] = [str(cells.at[f, col]) if f in cells.index else "" for f in out.index]
    for col in ("households", "residents", "buildings", "status"):
        out[col] = counts[col].to_numpy() if len(counts) else []
    h = out["households"].to_numpy(float)
    out["deviation"] = np.where(h < s.households_min, h - s.households_min,
                                np.where(h > s.households_max, h - s.households_max, 0.0))
    groups = plan_groups(plan)
    if not groups:
        return out[list(COLUMNS)]
    # population groups from a building ledger: counted from the plan's cells (a
    # reshape preview keeps the last numbers until the edit is done)
    by_cell = tallies_by_cell(plan).reindex(out.index).fillna(0.0)
    for name in groups:
        out[f"group_{name}"] = by_cell[name].to_numpy(float)
    return out[list(COLUMNS) + [f"group_{n}" for n in groups]]


class TalliesModel(QAbstractTableModel):
    """The tally rows as a Qt table model (sort role: numbers sort as numbers)."""


    def __init__(self, parent=None):
        super().__init__(parent)
        self.frame = pd.DataFrame(columns=list(COLUMNS))
        self.columns: list[str] = list(COLUMNS)  # then a column per population group
        self.status_text = {BELOW: "below", WITHIN: "within", ABOVE: "above"}
        self.header_text = list(COLUMNS)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame
        self.columns = [str(c) for c in frame.columns]
        self.endResetModel()

    def update_rows(self, rows: pd.DataFrame) -> None:
        """Change the numbers of some rows in place (no reset, the sort stays)."""
        for fid, row in rows.iterrows():
            if fid not in self.frame.index:
                continue
            for col in ("households", "residents", "buildings", "deviation", "status"):
                self.frame.at[fid, col] = row[col]
            r = self.frame.index.get_loc(fid)
            self.dataChanged.emit(self.index(r, 1), self.index(r, COLUMNS.index("status")))

    def fid_at(self, row: int) -> int:
        return int(self.frame.index[row])

    def row_of(self, fid: int) -> int:
        return int(self.frame.index.get_loc(fid)) if fid in self.frame.index else -1

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self.frame)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if section < len(COLUMNS):
                return self.header_text[section]
            return self.columns[section].removeprefix("group_")  # the office's own word
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        value = self.frame.iat[index.row(), index.column()]
        status = self.frame.iat[index.row(), COLUMNS.index("status")]
        if col.startswith("group_"):
            col = "buildings"  # shown, sorted and aligned like a count
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "status":
                return self.status_text.get(str(value), str(value))
            if col == "deviation":
                return f"{value:+,.0f}" if value else "0"
            return f"{value:,.0f}" if col in NUMERIC else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return float(value) if col in NUMERIC else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and col in ("households", "deviation",
                                                               "status"):
            return QBrush(QColor(STATUS_COLOURS.get(str(status), "#ffffff")))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TalliesDock(Retranslatable, QDockWidget):
    """Per-cell tallies, always in view (see the module docstring)."""

    cellActivated = Signal(int)
    paintCellChanged = Signal(int)
    newCellRequested = Signal()
    brushRadiusChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TalliesDock")
        self.plan: Plan | None = None
        self.index: BuildingIndex | None = None
        self._selected: int | None = None
        self.model = TalliesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.recompute)
        self.retranslateUi()

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(body)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableView(body)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.clicked.connect(self._clicked)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.paint_label = QLabel(body)
        self.paint_combo = QComboBox(body)
        # sorted by code, and searchable: type any part of a code or name
        self.paint_combo.setEditable(True)
        self.paint_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.paint_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.paint_combo.completer().setCompletionMode(
            QCompleter.CompletionMode.PopupCompletion)
        self.paint_combo.currentIndexChanged.connect(self._paint_cell_chosen)
        self.new_button = QPushButton(body)
        self.new_button.clicked.connect(self.newCellRequested.emit)
        self.brush_label = QLabel(body)
        self.brush = QSpinBox(body)
        self.brush.setRange(2, 200)
        self.brush.setValue(20)
        self.brush.setSuffix(" px")
        self.brush.valueChanged.connect(lambda v: self.brushRadiusChanged.emit(float(v)))
        row.addWidget(self.paint_label)
        row.addWidget(self.paint_combo, 1)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        brush_row = QHBoxLayout()
        brush_row.addWidget(self.brush_label)
        brush_row.addWidget(self.brush)
        brush_row.addStretch(1)
        layout.addLayout(brush_row)
        self.setWidget(body)

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(self.tr("Grid Tallies"))
        self.paint_label.setText(self.tr("Paint into:"))
        self.new_button.setText(self.tr("New Cell"))
        self.new_button.setToolTip(self.tr("Add an empty cell to paint buildings into"))
        self.brush_label.setText(self.tr("Brush:"))
        self.brush.setToolTip(self.tr("Brush radius in screen pixels ([ and ] change it)"))
        names = {"code": self.tr("Code"), "name": self.tr("Name"),
                 "community": self.tr("Community"), "households": self.tr("Households"),
                 "residents": self.tr("Residents"), "buildings": self.tr("Buildings"),
                 "deviation": self.tr("Deviation"), "status": self.tr("Status")}
        self.model.header_text = [names[c] for c in COLUMNS]
        self.model.status_text = {BELOW: self.tr("below"), WITHIN: self.tr("within"),
                                  ABOVE: self.tr("above")}
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._show_summary()

    # -- the plan -------------------------------------------------------------
    def set_plan(self, plan: Plan) -> None:
        if self.plan is not None:
            self.plan.layer_changed.disconnect(self._layer_changed)
            self.plan.settings_changed.disconnect(self._settings_changed)
        self.plan = plan
        self.index = None
        plan.layer_changed.connect(self._layer_changed)
        plan.settings_changed.connect(self._settings_changed)
        self.recompute()

    def _layer_changed(self, change: LayerChange) -> None:
        if change.layer == "buildings":
            if change.kind != "attributes" or set(change.columns) & {"households", "residents"}:
                self.index = None
            self._timer.start(0)
        elif change.layer == "cells":
            self._timer.start(0)

    def _settings_changed(self, _settings) -> None:
        self._timer.start(0)

    def recompute(self) -> None:
        """Tally every cell again (after a change of cells, buildings or settings)."""
        self._timer.stop()
        if self.plan is None:
            return
        if self.index is None:
            self.index = BuildingIndex.from_plan(self.plan)
        self.model.set_frame(tally_table(self.plan, self.index))
        self.table.resizeColumnsToContents()
        self.select_cell(self._selected)
        self._fill_paint_combo()
        self._show_summary()

    def show_preview(self, geometries: Mapping[int, shapely.Geometry]) -> None:
        """Numbers of the cells being reshaped, from the tool's geometry; {} ends the preview."""
        if self.plan is None or self.index is None:
            return
        if not geometries:
            self.recompute()
            return
        self.model.update_rows(tally_table(self.plan, self.index, geometries))
        self._show_summary()

    def _show_summary(self) -> None:
        frame = self.model.frame
        if self.plan is None or len(frame) == 0:
            self.summary.setText(self.tr("No cells yet."))
            return
        s = self.plan.settings
        counts = frame["status"].value_counts()

        def swatch(status: str) -> str:  # the count on its status colour, as in the table
            return (f'<span style="background-color:{STATUS_COLOURS[status]}">&nbsp;'
                    f"{counts.get(status, 0)}&nbsp;</span>")

        self.summary.setText(
            self.tr("%1 cells, range %2–%3 households: %4 below, %5 within, %6 above")
            .replace("%1", str(len(frame))).replace("%2", str(s.households_min))
            .replace("%3", str(s.households_max)).replace("%4", swatch(BELOW))
            .replace("%5", swatch(WITHIN)).replace("%6", swatch(ABOVE)))

    # -- selection and paint --------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        fid = self.model.fid_at(self.proxy.mapToSource(index).row())
        self.cellActivated.emit(fid)

    def select_cell(self, fid: int | None) -> None:
        """Highlight the row of ``fid`` (from a canvas selection)."""
        self._selected = fid
        row = self.model.row_of(fid) if fid is not None else -1
        if row < 0:
            self.table.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def _fill_paint_combo(self) -> None:
        current = self.paint_cell()
        self.paint_combo.blockSignals(True)
        self.paint_combo.clear()
        cells = self.plan.cells.frame if self.plan is not None else pd.DataFrame()
        items = []
        for fid in cells.index:
            code, name = str(cells.at[fid, "code"]), str(cells.at[fid, "name"])
            items.append((" ".join(t for t in (code or f"#{fid}", name) if t), int(fid)))
        uncoded = lambda item: item[0].startswith("#")  # noqa: E731 - cells without a code last
        for label, fid in sorted(items, key=lambda it: (uncoded(it), it[1] if uncoded(it) else 0,
                                                        it[0])):
            self.paint_combo.addItem(label, fid)
        at = self.paint_combo.findData(current) if current is not None else -1
        self.paint_combo.setCurrentIndex(at if at >= 0 else (0 if len(cells) else -1))
        self.paint_combo.blockSignals(False)
        if self.paint_cell() != current and self.paint_cell() is not None:
            self.paintCellChanged.emit(self.paint_cell())

    def paint_cell(self) -> int | None:
        data = self.paint_combo.currentData()
        return int(data) if data is not None else None

    def set_paint_cell(self, fid: int) -> None:
        at = self.paint_combo.findData(int(fid))
        if at < 0 and self._timer.isActive():  # a cell just added: catch up first
            self.recompute()
            at = self.paint_combo.findData(int(fid))
        if at >= 0:
            self.paint_combo.setCurrentIndex(at)

    def set_brush_radius(self, pixels: float) -> None:
        """Show the paint tool's brush radius (changed with [ and ] on the map)."""
        self.brush.blockSignals(True)
        self.brush.setValue(round(pixels))
        self.brush.blockSignals(False)

    def _paint_cell_chosen(self, _row: int) -> None:
        fid = self.paint_cell()
        if fid is not None:
            self.paintCellChanged.emit(fid)

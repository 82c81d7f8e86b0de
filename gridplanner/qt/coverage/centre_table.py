"""The coverage dock's centre table: what each centre serves, and its capacity.

One row per centre: name, status (and year), the buildings, households and
residents for which it is the nearest centre (offering the dock's service)
within the largest level, how many grids and communities those lie in
(their names in the tooltip), its capacity in households and, when more
households have it as their nearest centre than it has room for, by how
much it is over capacity (red). The numbers come from the live coverage
table, so they follow a centre while it is dragged. Activating a row emits
``centreActivated(fid)``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from gridplanner.analysis.network.coverage_view import CoverageTable

OVER_COLOUR = "#fcbba1"
CONTEXT = "CentreTable"
STATUS_TEXTS = {
    "built": QT_TRANSLATE_NOOP("CentreTable", "built"),
    "under_construction": QT_TRANSLATE_NOOP("CentreTable", "under construction"),
    "planned": QT_TRANSLATE_NOOP("CentreTable", "planned"),
    "pilot": QT_TRANSLATE_NOOP("CentreTable", "pilot"),
}


def status_text(status: str, year: object = None) -> str:
    """A centre's status in the UI language, with its year when known."""
    text = QCoreApplication.translate(CONTEXT, STATUS_TEXTS.get(status, status)) \
        if status in STATUS_TEXTS else status
    if year is not None and not (isinstance(year, float) and math.isnan(year)):
        try:
            text += f" {int(year)}"
        except (TypeError, ValueError):
            pass
    return text


class CentreTable(QTableWidget):
    """What each centre serves (see the module docstring)."""

    centreActivated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setSortingEnabled(False)
        self.info: dict[int, dict] = {}
        self.cellActivated.connect(self._activated)
        self.cellClicked.connect(self._activated)

    def headers(self) -> list[str]:
        return [self.tr("Centre"), self.tr("Status"), self.tr("Buildings"),
                self.tr("Households"), self.tr("Residents"), self.tr("Grids"),
                self.tr("Communities"), self.tr("Capacity"), self.tr("Over capacity by")]

    def set_info(self, info: dict[int, dict]) -> None:
        """Centre attributes by fid: name, status, year, capacity."""
        self.info = dict(info)

    def fill(self, table: CoverageTable | None) -> int:
        """Show the centres of ``table`` (None: empty); returns how many are over capacity."""
        self.setColumnCount(len(self.headers()))
        self.setHorizontalHeaderLabels(self.headers())
        if table is None:
            self.setRowCount(0)
            return 0
        served = {r["fid"]: r for r in table.centre_rows()}
        fids = [f for f in self.info if f in served or not table.service
                or table.service in self.info[f].get("services", ())]
        self.setRowCount(len(fids))
        over_count = 0
        for r, fid in enumerate(fids):
            over_count += self._fill_row(r, fid, served.get(fid))
        return over_count

    def _fill_row(self, r: int, fid: int, row: dict | None) -> int:
        info = self.info.get(fid, {})
        row = row or {"buildings": 0, "households": 0.0, "residents": 0.0, "cells": [],
                      "communities": []}
        cap = info.get("capacity")
        cap = float(cap) if cap is not None and not math.isnan(float(cap)) else None
        over = row["households"] - cap if cap is not None else 0.0
        texts = [info.get("name") or f"#{fid}", status_text(info.get("status", "built"),
                                                            info.get("year")),
                 f"{row['buildings']:,}", f"{row['households']:,.0f}",
                 f"{row['residents']:,.0f}", str(len(row["cells"])),
                 str(len(row["communities"])), "" if cap is None else f"{cap:,.0f}",
                 f"{over:,.0f}" if over > 0 else ""]
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, fid)
            if c >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 5 and row["cells"]:
                item.setToolTip("、".join(row["cells"]))
            if c == 6 and row["communities"]:
                item.setToolTip("、".join(row["communities"]))
            if c == 8 and over > 0:
                item.setBackground(QBrush(QColor(OVER_COLOUR)))
            self.setItem(r, c, item)
        return int(over > 0)

    def _activated(self, row: int, _column: int) -> None:
        item = self.item(row, 0)
        if item is not None:
            self.centreActivated.emit(int(item.data(Qt.ItemDataRole.UserRole)))

"""The coverage dock's lists: the uncovered buildings and the centre table.

A mixin of :class:`~gridplanner.qt.coverage.dock.CoverageDock`; its texts
keep the ``CoverageDock`` translation context.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidgetItem

from gridplanner.analysis.network.coverage_view import CoverageTable


def _tr(text: str) -> str:
    return QCoreApplication.translate("CoverageDock", text)


class DockLists:
    """Uncovered buildings and centres (needs ``uncovered``, ``centres``, ``tabs``,
    ``table_data`` and the ``buildingActivated`` signal)."""

    def _fill_uncovered(self, t: CoverageTable | None) -> None:
        self.uncovered.clear()
        self.uncovered.setHeaderLabels([_tr("Building"), _tr("Households"),
                                        _tr("Distance"), _tr("Community"),
                                        _tr("Cell")])
        if t is None:
            self.tabs.setTabText(1, _tr("Uncovered"))
            return
        frame = t.uncovered()
        items = []
        for row in frame.itertuples(index=False):
            dist = (f"{row.distance_m:,.0f} m" if math.isfinite(row.distance_m)
                    else _tr("no centre reached"))
            item = QTreeWidgetItem([str(row.name) or f"#{row.fid}", f"{row.households:,.0f}", dist,
                                    str(row.community), str(row.cell)])
            item.setData(0, Qt.ItemDataRole.UserRole, int(row.fid))
            items.append(item)
        self.uncovered.addTopLevelItems(items)
        self.tabs.setTabText(1, _tr("Uncovered (%1)").replace("%1", str(len(frame))))

    def set_centre_info(self, info: dict[int, dict]) -> None:
        """Centre attributes for the centre table (name, status, year, capacity, services)."""
        self.centres.set_info(info)
        self._fill_centres(self.table_data)

    def _fill_centres(self, t: CoverageTable | None) -> None:
        over = self.centres.fill(t)
        if t is None:
            self.tabs.setTabText(2, _tr("Centres"))
            return
        level = f"{t.levels_m[-1]:,.0f} m"
        text = _tr("Centres (%1 over capacity)").replace("%1", str(over)) if over \
            else _tr("Centres")
        self.tabs.setTabText(2, text)
        self.centres.setToolTip(_tr("What each centre serves as the nearest centre within "
                                        "%1, and its capacity in households").replace("%1", level))

    def _uncovered_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.buildingActivated.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))

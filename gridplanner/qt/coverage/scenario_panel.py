"""The coverage dock's Scenarios tab: two centre placements compared.

Each side is every centre, the centres open now (built and pilot), or a
named scenario (the ``scenarios`` the centres list). "Compare" asks the
feature for :func:`~gridplanner.analysis.network.scenarios.compare_scenarios`
at the largest level; the table shows households and the covered share per
community on each side and the change, and the map marks the buildings that
gain coverage (blue) and lose it (purple).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.qt.shell.retranslate import Retranslatable

GAIN_COLOUR, LOSS_COLOUR = "#c7e9c0", "#fcbba1"
EVERY, NOW = "every", "now"


def side_arguments(key: str) -> tuple[str | None, str]:
    """(scenario, when) for compare_scenarios from a side's item data."""
    if key == NOW:
        return None, "now"
    if key.startswith("s:"):
        return key[2:], "plan"
    return None, "plan"


class ScenarioPanel(Retranslatable, QWidget):
    """Pick two placements and see what changes (see the module docstring)."""

    compareRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        grid = QGridLayout()
        self.a_caption, self.b_caption = QLabel(self), QLabel(self)
        self.side_a, self.side_b = QComboBox(self), QComboBox(self)
        self.compare_button = QPushButton(self)
        self.compare_button.clicked.connect(self._compare)
        grid.addWidget(self.a_caption, 0, 0)
        grid.addWidget(self.side_a, 0, 1)
        grid.addWidget(self.b_caption, 1, 0)
        grid.addWidget(self.side_b, 1, 1)
        grid.addWidget(self.compare_button, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.comparison = None
        self._names: list[str] = []
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.a_caption.setText(self.tr("From:"))
        self.b_caption.setText(self.tr("To:"))
        self.compare_button.setText(self.tr("Compare"))
        self.set_scenarios(self._names)
        self.show_comparison(self.comparison)

    def set_scenarios(self, names: list[str]) -> None:
        """The named scenarios to offer beside every centre and the centres open now."""
        self._names = list(names)
        for box, default in ((self.side_a, NOW), (self.side_b, EVERY)):
            current = box.currentData() or default
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("Every centre (when the plan is built)"), EVERY)
            box.addItem(self.tr("Open now (built and pilot)"), NOW)
            for name in names:
                box.addItem(name, f"s:{name}")
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def _compare(self) -> None:
        self.compareRequested.emit(self.side_a.currentData(), self.side_b.currentData())

    def show_comparison(self, c) -> None:
        """Show a ScenarioComparison (None: nothing compared yet)."""
        self.comparison = c
        heads = [self.tr("Community"), self.tr("Households\n(from)"), self.tr("Households\n(to)"),
                 self.tr("Change"), self.tr("Share\n(from)"), self.tr("Share\n(to)")]
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        if c is None:
            self.table.setRowCount(0)
            self.summary.setText(self.tr("Choose two placements and press Compare."))
            return
        t = c.totals
        text = self.tr("Within %1 m: %2 buildings gain coverage (blue on the map), %3 lose it "
                       "(purple).").replace("%1", f"{c.level_m:,.0f}") \
            .replace("%2", str(len(c.gained))).replace("%3", str(len(c.lost)))
        if t:
            text += " " + self.tr("Share %1 → %2 (target %3); centres %4 → %5; communities "
                                  "with a centre %6 → %7 of %8.") \
                .replace("%1", f"{100 * t['share_a']:.1f}%") \
                .replace("%2", f"{100 * t['share_b']:.1f}%") \
                .replace("%3", f"{100 * t['target_share']:.0f}%") \
                .replace("%4", str(t["centres_a"])).replace("%5", str(t["centres_b"])) \
                .replace("%6", str(t["communities_with_centre_a"])) \
                .replace("%7", str(t["communities_with_centre_b"])) \
                .replace("%8", str(t["communities"]))
        self.summary.setText(text)
        self.table.setRowCount(len(c.communities))
        for r, row in enumerate(c.communities):
            change = row["households_change"]
            texts = [row["community"], f"{row['households_a']:,.0f}",
                     f"{row['households_b']:,.0f}", f"{change:+,.0f}",
                     f"{100 * row['share_a']:.1f}%", f"{100 * row['share_b']:.1f}%"]
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if col == 3 and change:
                    item.setBackground(QBrush(QColor(GAIN_COLOUR if change > 0
                                                     else LOSS_COLOUR)))
                self.table.setItem(r, col, item)

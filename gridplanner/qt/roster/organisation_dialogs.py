"""Dialogs of the organisation feature: micro-grid generation and a proposal checklist.

Both only gather choices; the feature runs the work and pushes one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.model.settings import Settings
from gridplanner.qt.roster.model import translate

WHAT_TITLES = {
    "committee": QT_TRANSLATE_NOOP("OrganisationDialogs", "Community Party committee"),
    "compound_branch": QT_TRANSLATE_NOOP("OrganisationDialogs", "Compound branch"),
    "party_group": QT_TRANSLATE_NOOP("OrganisationDialogs", "Building Party group"),
    "reporting_member": QT_TRANSLATE_NOOP("OrganisationDialogs", "Reporting Party member"),
    "volunteer": QT_TRANSLATE_NOOP("OrganisationDialogs", "Volunteer"),
}


class MicroGridDialog(QDialog):
    """Household range per micro-grid and which grids to cut."""

    def __init__(self, settings: Settings, selected: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("OrganisationDialogs", "Generate Micro-grids"))
        form = QFormLayout(self)
        self.low = QSpinBox(self)
        self.high = QSpinBox(self)
        for box, value in ((self.low, settings.micro_households_min),
                           (self.high, settings.micro_households_max)):
            box.setRange(1, 5000)
            box.setValue(int(value))
            box.setSuffix(translate("OrganisationDialogs", " households"))
        self.scope = QComboBox(self)
        self.scope.addItem(translate("OrganisationDialogs", "Every grid"), [])
        if selected:
            self.scope.addItem(translate("OrganisationDialogs", "Selected grids (%1)")
                               .replace("%1", ", ".join(selected[:3])
                                        + ("…" if len(selected) > 3 else "")), selected)
            self.scope.setCurrentIndex(1)
        form.addRow(translate("OrganisationDialogs", "Fewest households"), self.low)
        form.addRow(translate("OrganisationDialogs", "Most households"), self.high)
        form.addRow(translate("OrganisationDialogs", "Grids"), self.scope)
        note = QLabel(translate(
            "OrganisationDialogs", "30–80 households per micro-grid is a common local "
            "convention, not a rule. The grids' existing micro-grids are replaced; edges follow "
            "streets and compound walls and never cut a building."), self)
        note.setWordWrap(True)
        form.addRow(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        form.addRow(self.buttons)

    def _accept(self) -> None:
        if self.low.value() > self.high.value():
            self.error.setText(translate("OrganisationDialogs",
                                         "The fewest households must not exceed the most."))
            return
        self.accept()

    def choices(self) -> tuple[int, int, list[str]]:
        """(fewest, most, grid codes; [] for every grid)."""
        return self.low.value(), self.high.value(), list(self.scope.currentData() or [])


class ChecklistDialog(QDialog):
    """Proposal items (what, who, where, why) with check boxes; all checked at first."""

    def __init__(self, title: str, items: list, unmet: list[str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 440)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([translate("OrganisationDialogs", "Proposal"),
                                   translate("OrganisationDialogs", "Who"),
                                   translate("OrganisationDialogs", "Where"),
                                   translate("OrganisationDialogs", "Why")])
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for item in items:
            what = WHAT_TITLES.get(item.what, item.what)
            where = getattr(item, "cell", "") or getattr(item, "compound", "") or item.community
            row = QTreeWidgetItem([translate("OrganisationDialogs", what), item.who, where,
                                   item.reason])
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setCheckState(0, Qt.CheckState.Checked)
            self.tree.addTopLevelItem(row)
        layout.addWidget(self.tree, 1)
        if not items:
            layout.addWidget(QLabel(translate("OrganisationDialogs", "Nothing to propose."),
                                    self))
        for need in unmet or []:
            label = QLabel(need, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accepted_ids(self) -> list[str]:
        return [str(self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole))
                for i in range(self.tree.topLevelItemCount())
                if self.tree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked]

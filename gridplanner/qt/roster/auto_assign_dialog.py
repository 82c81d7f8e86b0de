"""The auto-assignment dialog: the proposal as a checklist the user accepts in part.

It shows each :class:`~gridplanner.analysis.people.assignment.ProposalItem` (what,
grid, who, why) with a check box, and the needs nobody can fill. It changes
nothing: the caller reads :meth:`AutoAssignDialog.accepted_ids` and applies
them as one undo step.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.analysis.people.assignment import (
    EXTRA_WORKER,
    FULL_TIME_WORKER,
    GRID_BRANCH,
    JOINT_BRANCH,
    LEADER,
    Proposal,
)

CONTEXT = "AutoAssign"
WHAT_TITLES = {
    FULL_TIME_WORKER: QT_TRANSLATE_NOOP("AutoAssign", "Full-time worker"),
    LEADER: QT_TRANSLATE_NOOP("AutoAssign", "Grid leader"),
    EXTRA_WORKER: QT_TRANSLATE_NOOP("AutoAssign", "Extra worker"),
    JOINT_BRANCH: QT_TRANSLATE_NOOP("AutoAssign", "Joint branch"),
    GRID_BRANCH: QT_TRANSLATE_NOOP("AutoAssign", "Grid branch"),
}

#: The core's English reasons (assignment.py) and their translatable templates;
#: the groups fill %1, %2, ... in order. Unknown texts are shown as they are.
REASONS: tuple[tuple[str, str], ...] = (
    (
        r"grid (\S+) has no Party branch",
        QT_TRANSLATE_NOOP("AutoAssign", "Grid %1 has no Party branch"),
    ),
    (
        r"grid (\S+) has no full-time worker \((\d+) households\)",
        QT_TRANSLATE_NOOP("AutoAssign", "Grid %1 has no full-time worker (%2 households)"),
    ),
    (
        r"grid (\S+) has no grid leader; promote a full-time worker",
        QT_TRANSLATE_NOOP("AutoAssign", "Grid %1 has no grid leader; promote a full-time worker"),
    ),
    (
        r"(\d+) households per full-time worker is more than (\d+); (\d+) with one more",
        QT_TRANSLATE_NOOP(
            "AutoAssign", "%1 households per full-time worker is more than %2; %3 with one more"
        ),
    ),
    (
        r"branches (.+) have fewer than (\d+) full members each; together (\d+)",
        QT_TRANSLATE_NOOP(
            "AutoAssign", "Branches %1 have fewer than %2 full members each; together %3"
        ),
    ),
    (
        r"grid (\S+) \((.*)\): no unassigned full-time worker left",
        QT_TRANSLATE_NOOP("AutoAssign", "Grid %1 (%2): no unassigned full-time worker left"),
    ),
    (
        r"grid (\S+) \((.*)\): no full-time worker left to lead it",
        QT_TRANSLATE_NOOP("AutoAssign", "Grid %1 (%2): no full-time worker left to lead it"),
    ),
    (
        r"grid (\S+) \((.*)\): (\d+) households per full-time worker, more than (\d+), "
        r"and no worker is left",
        QT_TRANSLATE_NOOP(
            "AutoAssign",
            "Grid %1 (%2): %3 households per full-time worker, more than %4, and no worker is left",
        ),
    ),
    (
        r"branch (.+) \(grid (.+)\) has (\d+) full members, fewer than (\d+), and no "
        r"neighbouring grid branch of fewer than \d+ to join \(larger branches are not merged\)",
        QT_TRANSLATE_NOOP(
            "AutoAssign",
            "Branch %1 (grid %2) has %3 full members, fewer than %4, and no neighbouring small "
            "grid branch to join (branches of %4 or more are not merged)",
        ),
    ),
    (
        r"grid (\S+) has no grid leader; (.+) is one",
        QT_TRANSLATE_NOOP("AutoAssign", "Grid %1 has no grid leader; %2 is one (imported as "
                          "grid leader)"),
    ),
)


#: Qt's translate under a name pyside6-lupdate recognises (with a literal context).
translate = QCoreApplication.translate


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def translate_reason(text: str) -> str:
    """A reason or unmet need from the core, in the UI language when it is a known one."""
    for pattern, template in REASONS:
        match = re.fullmatch(pattern, text)
        if match:
            out = tr(template)
            for i, value in enumerate(match.groups(), start=1):
                out = out.replace(f"%{i}", value)
            return out
    return text


class AutoAssignDialog(QDialog):
    """Check the proposed changes to apply (all are checked at first)."""

    def __init__(self, proposal: Proposal, parent: QWidget | None = None):
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle(translate("AutoAssign", "Auto-assign Grid Workers and Branches"))
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                translate("AutoAssign", "Change"),
                translate("AutoAssign", "Grid"),
                translate("AutoAssign", "Who"),
                translate("AutoAssign", "Community"),
                translate("AutoAssign", "Reason"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        layout.addWidget(self.tree, 3)
        self.unmet_label = QLabel(translate("AutoAssign", "Needs nobody available can fill:"), self)
        self.unmet = QListWidget(self)
        layout.addWidget(self.unmet_label)
        layout.addWidget(self.unmet, 1)
        row = QHBoxLayout()
        self.all_button = QPushButton(translate("AutoAssign", "Select All"), self)
        self.none_button = QPushButton(translate("AutoAssign", "Select None"), self)
        self.count_label = QLabel(self)
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addWidget(self.count_label, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("AutoAssign", "Apply Selected")
        )
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.all_button.clicked.connect(lambda: self.set_all_checked(True))
        self.none_button.clicked.connect(lambda: self.set_all_checked(False))
        self.tree.itemChanged.connect(self._update_count)
        self._fill()

    def _fill(self) -> None:
        self.tree.blockSignals(True)
        for item in self.proposal:
            row = QTreeWidgetItem(
                self.tree,
                [
                    tr(WHAT_TITLES.get(item.what, item.what)),
                    "、".join(item.cells) or item.cell,
                    item.who,
                    item.community,
                    translate_reason(item.reason),
                ],
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked)
            for column in range(5):
                row.setToolTip(column, row.text(column))
        self.tree.blockSignals(False)
        for column in range(4):  # long joint-branch names and grid lists stay readable
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 240))
        for need in self.proposal.unmet:
            self.unmet.addItem(translate_reason(need))
        self.unmet_label.setVisible(bool(self.proposal.unmet))
        self.unmet.setVisible(bool(self.proposal.unmet))
        if len(self.proposal):
            self.intro.setText(
                translate(
                    "AutoAssign",
                    "Every grid needs a grid leader, a full-time worker and a "
                    "Party branch of at least three full members. Uncheck the "
                    "changes you do not want; the rest is applied as one step "
                    "that Undo takes back.",
                )
            )
        else:
            self.intro.setText(
                translate(
                    "AutoAssign",
                    "Nothing to propose: every grid that can be staffed from "
                    "the roster already is.",
                )
            )
        self._update_count()

    def _rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def _update_count(self, *_args) -> None:
        chosen = len(self.accepted_ids())
        self.count_label.setText(
            translate("AutoAssign", "%1 of %2 changes selected")
            .replace("%1", str(chosen))
            .replace("%2", str(len(self.proposal)))
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen > 0)

    def set_all_checked(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in self._rows():
            row.setCheckState(0, state)

    def set_checked(self, ids: list[str]) -> None:
        """Check exactly the items whose id is in ``ids``."""
        wanted = set(ids)
        for row in self._rows():
            row.setCheckState(
                0,
                Qt.CheckState.Checked
                if row.data(0, Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked,
            )

    def accepted_ids(self) -> list[str]:
        """Ids of the checked items, in proposal order."""
        return [
            str(row.data(0, Qt.ItemDataRole.UserRole))
            for row in self._rows()
            if row.checkState(0) == Qt.CheckState.Checked
        ]

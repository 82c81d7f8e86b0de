"""The cell panel: who is on the selected grid cell.

Shows the cell's code, name, community, households and residents, then its
people by post (grid leader, full-time and part-time workers with phones,
other posts, the Party branch with its secretary), each with a button that
takes them off the cell. A post every comprehensive grid must have and
lacks is shown in red. Workers and branches dragged from the roster dock
can be dropped on the panel to put them on the shown cell.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QFont, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.analysis.people.roster_edit import CellPerson, CellSummary, summarise_cell
from gridplanner.errors import ModelError
from gridplanner.model.layer import LayerChange
from gridplanner.model.plan import Plan
from gridplanner.model.schema import CellKind, WorkerRole
from gridplanner.qt.roster.commands import drop_on_cell, unassign
from gridplanner.qt.roster.model import (
    accept_roster_drop,
    kind_title,
    read_roster_mime,
    role_title,
    tr,
    translate,
)
from gridplanner.qt.shell.retranslate import Retranslatable

WATCHED = ("cells", "buildings", "workers", "branches", "assignments")
MISSING = QColor("#c62828")

#: (group title, roles, required on a comprehensive grid)
GROUPS = (
    (QT_TRANSLATE_NOOP("Roster", "Grid leader"), (WorkerRole.LEADER.value,), True),
    (QT_TRANSLATE_NOOP("Roster", "Full-time workers"), (WorkerRole.FULL_TIME.value,), True),
    (QT_TRANSLATE_NOOP("Roster", "Part-time workers"), (WorkerRole.PART_TIME.value,), False),
    (
        QT_TRANSLATE_NOOP("Roster", "Stewards and supervisors"),
        (WorkerRole.STEWARD.value, WorkerRole.SUPERVISOR.value),
        False,
    ),
)


class CellPanel(Retranslatable, QDockWidget):
    """Details and team of one grid cell (see the module docstring)."""

    #: the cell shown changed (fid, or -1 for none)
    cellShown = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CellPanel")
        self.plan: Plan | None = None
        self.undo_stack: QUndoStack | None = None
        self.cell_fid: int | None = None
        self.summary: CellSummary | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(body)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.facts = QLabel(body)
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        self.tree = QTreeWidget(body)
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)
        self.hint = QLabel(body)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.hint)
        self.setWidget(body)
        self.setAcceptDrops(True)
        self.retranslateUi()

    # -- plan and cell ---------------------------------------------------------
    def set_plan(self, plan: Plan | None, undo_stack: QUndoStack | None) -> None:
        if self.plan is not None:
            self.plan.layer_changed.disconnect(self._on_changed)
        self.plan, self.undo_stack = plan, undo_stack
        if plan is not None:
            plan.layer_changed.connect(self._on_changed)
        self.show_cell(None)

    def show_cell(self, fid: int | None) -> None:
        """Show cell ``fid`` (None: no cell)."""
        self.cell_fid = None if fid is None else int(fid)
        self.refresh()
        self.cellShown.emit(-1 if self.cell_fid is None else self.cell_fid)

    def _on_changed(self, change: LayerChange) -> None:
        if change.layer in WATCHED and self.cell_fid is not None:
            self.refresh()

    def refresh(self) -> None:
        summary = None
        if self.plan is not None and self.cell_fid is not None:
            try:
                summary = summarise_cell(self.plan, self.cell_fid)
            except ModelError:  # the cell was deleted
                self.cell_fid = None
        self.summary = summary
        self._fill()

    # -- showing -----------------------------------------------------------------
    def _fill(self) -> None:
        s = self.summary
        self.tree.clear()
        if s is None:
            self.title.setText(translate("Roster", "No grid cell selected"))
            self.facts.setText("")
            self.hint.show()
            self.hint.setText(
                translate(
                    "Roster",
                    "Select a grid cell on the map to see its team. Drag people "
                    "from the roster onto a cell to assign them.",
                )
            )
            return
        self.title.setText(f"{s.code or '#' + str(s.fid)}  {s.name}".strip())
        self.facts.setText(self._facts(s))
        self.hint.hide()
        required = s.kind != CellKind.DEDICATED.value
        for title, roles, needed in GROUPS:
            self._add_group(tr(title), s.with_role(*roles), needed and required)
        self._add_group(translate("Roster", "Party branch"), s.branches, required)
        self.tree.expandAll()

    def _facts(self, s: CellSummary) -> str:
        """One line: community, kind (and responsible unit), households, residents."""
        dedicated = s.kind == CellKind.DEDICATED.value
        kind = (
            translate("Roster", "Dedicated grid")
            if dedicated
            else translate("Roster", "Comprehensive grid")
        )
        if dedicated:
            unit = s.responsible_unit or translate("Roster", "no responsible unit")
            kind = f"{kind} ({unit})"
        parts = [
            s.community or translate("Roster", "no community"),
            kind,
            translate("Roster", "%1 households").replace("%1", f"{s.households:,.0f}"),
            translate("Roster", "%1 residents").replace("%1", f"{s.residents:,.0f}"),
        ]
        return " · ".join(parts)

    def _add_group(self, title: str, people: list[CellPerson], required: bool) -> None:
        if not people and not required:
            return
        group = QTreeWidgetItem(self.tree, [title])
        font = QFont(group.font(0))
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(True)
        if not people:
            item = QTreeWidgetItem(group, [translate("Roster", "(none yet: required)")])
            item.setForeground(0, QBrush(MISSING))
            item.setFirstColumnSpanned(True)
            return
        for person in people:
            self._add_person(group, person)

    def _add_person(self, group: QTreeWidgetItem, person: CellPerson) -> None:
        if person.target == "worker":
            detail = person.phone
            tip = role_title(person.role)
        else:
            detail = (
                translate("Roster", "Secretary %1, %2 members")
                .replace("%1", person.secretary or "—")
                .replace("%2", str(person.full_members))
            )
            tip = f"{kind_title(person.role)}: {detail}"
        item = QTreeWidgetItem(group, [person.name, detail])
        item.setToolTip(0, tip)
        item.setToolTip(1, tip)
        item.setData(0, Qt.ItemDataRole.UserRole, person.assignment_fid)
        button = QToolButton(self.tree)
        button.setText(translate("Roster", "Remove"))
        button.setToolTip(translate("Roster", "Take %1 off this grid").replace("%1", person.name))
        button.setAutoRaise(True)
        button.clicked.connect(lambda _c=False, p=person: self.remove_person(p))
        self.tree.setItemWidget(item, 2, button)

    def shown_names(self) -> list[str]:
        """Names of the people listed (for tests and scripts)."""
        names = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                if child.data(0, Qt.ItemDataRole.UserRole) is not None:
                    names.append(child.text(0))
        return names

    # -- editing -----------------------------------------------------------------
    def remove_person(self, person: CellPerson) -> None:
        """Take one worker or branch off the shown cell (undoable)."""
        if self.plan is not None and self.undo_stack is not None:
            self.undo_stack.push(unassign(self.plan, [person.assignment_fid], person.name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        if self.cell_fid is not None and read_roster_mime(event.mimeData()) is not None:
            accept_roster_drop(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        dragged = read_roster_mime(event.mimeData())
        if dragged is None or self.cell_fid is None or self.plan is None or self.undo_stack is None:
            event.ignore()
            return
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        command = drop_on_cell(self.plan, *dragged, self.cell_fid, copy=copy)
        if not command.is_empty():
            self.undo_stack.push(command)
        accept_roster_drop(event)

    # -- language ----------------------------------------------------------------
    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(translate("Roster", "Grid Cell"))
        self.tree.setToolTip(
            translate("Roster", "Drop workers or branches here to put them on this grid.")
        )
        self.tree.setHeaderLabels(
            [translate("Roster", "Name"), translate("Roster", "Phone / secretary"), ""]
        )
        self._fill()

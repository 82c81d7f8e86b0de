"""The organisation dock: the Party organisation tree and the registers.

Two tabs, each a tree: **Organisation** (community → community Party committee
→ branches → building Party groups → Party-member households, from
:func:`~gridplanner.analysis.people.organisation_tree.organisation_tree`) and
**Registers** (reporting Party members, volunteers, community staff, each
person with where they are assigned). Rows drag out onto the map: a person
onto a grid or micro-grid (staff onto a centre), a household or a Party
group onto a micro-grid. The trees follow the plan's change events.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.analysis.people.organisation_tree import (
    OrgNode,
    organisation_tree,
    register_nodes,
)
from gridplanner.model.layer import LayerChange
from gridplanner.model.plan import Plan
from gridplanner.qt.roster.model import translate
from gridplanner.qt.shell.retranslate import Retranslatable

ORG_MIME = "application/x-gridplanner-organisation"
CONTEXT = "OrganisationDock"
#: layers whose changes rebuild the trees
WATCHED = ("branches", "party_groups", "party_households", "party_members", "volunteers",
           "staff", "micro_grids", "cells", "centres", "assignments", "boundaries")
KIND_TITLES = {
    "community": QT_TRANSLATE_NOOP("OrganisationDock", "Community"),
    "committee": QT_TRANSLATE_NOOP("OrganisationDock", "Community Party committee"),
    "grid": QT_TRANSLATE_NOOP("OrganisationDock", "Grid branch"),
    "joint": QT_TRANSLATE_NOOP("OrganisationDock", "Joint branch"),
    "compound": QT_TRANSLATE_NOOP("OrganisationDock", "Compound branch"),
    "party_group": QT_TRANSLATE_NOOP("OrganisationDock", "Building Party group"),
    "party_household": QT_TRANSLATE_NOOP("OrganisationDock", "Party-member household"),
    "unplaced": QT_TRANSLATE_NOOP("OrganisationDock", "Not placed in the tree"),
    "party_members": QT_TRANSLATE_NOOP("OrganisationDock", "Reporting Party members"),
    "volunteers": QT_TRANSLATE_NOOP("OrganisationDock", "Volunteers"),
    "staff": QT_TRANSLATE_NOOP("OrganisationDock", "Community staff"),
    "person": QT_TRANSLATE_NOOP("OrganisationDock", "Person"),
}
DRAGGABLE = ("party_groups", "party_households", "party_members", "volunteers", "staff")
LAYER_ROLE = int(Qt.ItemDataRole.UserRole)
FID_ROLE = LAYER_ROLE + 1


def tr(text: str) -> str:
    return translate(CONTEXT, text)


def org_mime(rows: list[tuple[str, int]]) -> QMimeData:
    """Mime data carrying (layer, fid) rows of the organisation or the registers."""
    mime = QMimeData()
    mime.setData(ORG_MIME, json.dumps([[layer, int(fid)] for layer, fid in rows]).encode())
    return mime


def read_org_mime(mime: QMimeData | None) -> list[tuple[str, int]] | None:
    """The (layer, fid) rows of an organisation drag, or None for other drags."""
    if mime is None or not mime.hasFormat(ORG_MIME):
        return None
    try:
        rows = json.loads(bytes(mime.data(ORG_MIME).data()).decode())
        return [(str(layer), int(fid)) for layer, fid in rows]
    except (ValueError, TypeError):
        return None


class OrgTree(QTreeWidget):
    """A tree whose rows with a plan row behind them drag as :data:`ORG_MIME`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(3)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def mimeData(self, items) -> QMimeData:  # noqa: N802 (Qt API)
        rows = [(str(i.data(0, LAYER_ROLE)), int(i.data(0, FID_ROLE))) for i in items
                if i.data(0, LAYER_ROLE) in DRAGGABLE and i.data(0, FID_ROLE) is not None]
        return org_mime(rows)

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        return [ORG_MIME]

    def fill(self, nodes: list[OrgNode]) -> None:
        """Show ``nodes``, keeping which rows were expanded."""
        expanded = {self._key(i) for i in self._items() if i.isExpanded()}
        first = self.topLevelItemCount() == 0
        self.clear()
        for node in nodes:
            self.addTopLevelItem(self._item(node))
        for item in self._items():
            if first or self._key(item) in expanded:
                item.setExpanded(True)

    def _item(self, node: OrgNode) -> QTreeWidgetItem:
        title = tr(KIND_TITLES.get(node.kind, node.kind))
        label = node.label or title
        item = QTreeWidgetItem([label, title if node.label else "", node.detail])
        item.setData(0, LAYER_ROLE, node.layer or node.kind)
        item.setData(0, FID_ROLE, node.fid)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.layer in DRAGGABLE and node.fid is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        item.setFlags(flags)
        for child in node.children:
            item.addChild(self._item(child))
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out.append(item)
            stack += [item.child(i) for i in range(item.childCount())]
        return out

    @staticmethod
    def _key(item: QTreeWidgetItem) -> tuple:
        return item.data(0, LAYER_ROLE), item.data(0, FID_ROLE), item.text(0)

    def find(self, layer: str, fid: int) -> QTreeWidgetItem | None:
        return next((i for i in self._items() if i.data(0, LAYER_ROLE) == layer
                     and i.data(0, FID_ROLE) == fid), None)


class OrganisationDock(Retranslatable, QDockWidget):
    """The organisation tree and the registers (see the module docstring)."""

    #: (layer, fids) activated (double-clicked) in a tree
    rowsSelected = Signal(str, list)
    #: the chosen rows are to go to what is selected on the map (True) or nowhere (False)
    assignRequested = Signal(list, bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("OrganisationDock")
        self.plan: Plan | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        self.tabs = QTabWidget(body)
        self.tree = OrgTree(self.tabs)
        self.registers = OrgTree(self.tabs)
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(self.registers, "")
        layout.addWidget(self.tabs)
        buttons = QHBoxLayout()
        self.assign_button = QPushButton(body)
        self.clear_button = QPushButton(body)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.assign_button.clicked.connect(lambda: self.assignRequested.emit(self.chosen(), True))
        self.clear_button.clicked.connect(lambda: self.assignRequested.emit(self.chosen(), False))
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        for tree in (self.tree, self.registers):
            # double-click (or Enter) shows on the map where the rows are; a plain
            # selection leaves the map's selection alone for "Assign to Map Selection"
            tree.itemActivated.connect(lambda _item, _col, t=tree: self._selected(t))
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(translate("OrganisationDock", "Party Organisation"))
        self.tabs.setTabText(0, translate("OrganisationDock", "Organisation"))
        self.tabs.setTabText(1, translate("OrganisationDock", "Registers"))
        self.assign_button.setText(translate("OrganisationDock", "Assign to Map Selection"))
        self.assign_button.setToolTip(translate(
            "OrganisationDock", "Put the chosen people on the grid or micro-grid selected on the "
            "map (staff on the selected centre)"))
        self.clear_button.setText(translate("OrganisationDock", "Unassign"))
        for tree in (self.tree, self.registers):
            tree.setHeaderLabels([translate("OrganisationDock", "Name"),
                                  translate("OrganisationDock", "Kind"),
                                  translate("OrganisationDock", "Members / where")])
        if self.plan is not None:
            self.refresh()

    def set_plan(self, plan: Plan | None) -> None:
        if self.plan is not None:
            self.plan.layer_changed.disconnect(self._changed)
        self.plan = plan
        if plan is not None:
            plan.layer_changed.connect(self._changed)
        self.refresh()

    def _changed(self, change: LayerChange) -> None:
        if change.layer in WATCHED:
            self._timer.start()

    def refresh(self) -> None:
        """Rebuild both trees from the plan."""
        if self.plan is None:
            self.tree.clear()
            self.registers.clear()
            return
        self.tree.fill(organisation_tree(self.plan))
        self.registers.fill(register_nodes(self.plan))

    def chosen(self) -> list[tuple[str, int]]:
        """The (layer, fid) rows chosen in the current tab that can be assigned."""
        tree = self.tabs.currentWidget()
        assert isinstance(tree, OrgTree), "both tabs are trees"
        return [(str(i.data(0, LAYER_ROLE)), int(i.data(0, FID_ROLE)))
                for i in tree.selectedItems()
                if i.data(0, LAYER_ROLE) in DRAGGABLE and i.data(0, FID_ROLE) is not None]

    def _selected(self, tree: OrgTree) -> None:
        rows: dict[str, list[int]] = {}
        for item in tree.selectedItems():
            layer, fid = item.data(0, LAYER_ROLE), item.data(0, FID_ROLE)
            if fid is not None:
                rows.setdefault(str(layer), []).append(int(fid))
        for layer, fids in rows.items():
            self.rowsSelected.emit(layer, fids)

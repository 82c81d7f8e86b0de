"""The roster dock: grid workers and Party branches as editable tables, in tabs.

Each tab is a sortable, filterable :class:`QTableView` over a
:class:`~gridplanner.qt.roster.model.RosterTableModel`. Cells are edited in
place like a spreadsheet (type to overwrite, F2 or double-click to edit);
role, branch type and grid are chosen from combo boxes showing translated
labels. Add and Delete change rows; every edit is one undo step. Rows drag
out onto a cell of the map (or the cell panel) to assign them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gridplanner.model.plan import Plan
from gridplanner.qt.roster.commands import add_roster_rows, remove_roster_rows
from gridplanner.qt.roster.model import (
    FID_ROLE,
    KIND_TITLES,
    ROLE_TITLES,
    RosterTableModel,
    kind_title,
    role_title,
    translate,
)
from gridplanner.qt.roster.paste import copy_text, parse_clipboard, paste_command, plan_paste
from gridplanner.qt.shell.retranslate import Retranslatable

Choices = Callable[[], list[tuple[str, object]]]


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a column with a combo box of (label, value) choices.

    ``searchable`` combos take typing: any part of a label (a grid's code
    or name) narrows the list, as for the Grid column of a district.
    """

    def __init__(self, choices: Choices, parent=None, searchable: bool = False):
        super().__init__(parent)
        self.choices = choices
        self.searchable = searchable

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt API)
        combo = QComboBox(parent)
        for label, value in self.choices():
            combo.addItem(label, value)
        combo.setMaxVisibleItems(20)
        if self.searchable:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.activated.connect(lambda _i, c=combo: self._chosen(c))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:  # noqa: N802
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:  # noqa: N802
        at = editor.currentIndex()
        if editor.isEditable():  # typed text: the item it names, else the first containing it
            text = editor.currentText().strip()
            at = editor.findText(text, Qt.MatchFlag.MatchFixedString)
            if at < 0 and text:
                at = editor.findText(text, Qt.MatchFlag.MatchContains)
            if at < 0:
                return
        model.setData(index, editor.itemData(at), Qt.ItemDataRole.EditRole)


class RosterProxyModel(QSortFilterProxyModel):
    """Filters rows on the text they show; sorting is done by the source model.

    Both go through the model's cached row texts and sort keys, so a 20,000-row
    roster sorts and filters without a Python call per comparison.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""
        self._unassigned_only = False

    def set_needle(self, text: str) -> None:
        self._change_filter(needle=text.strip().lower())

    def set_unassigned_only(self, on: bool) -> None:
        """Show only the rows on no grid (the people still to place)."""
        self._change_filter(unassigned_only=bool(on))

    def _change_filter(self, **values) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter is deprecated
            self.beginFilterChange()
            self._set(**values)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover (Qt < 6.10)
            self._set(**values)
            self.invalidateRowsFilter()

    def _set(self, needle: str | None = None, unassigned_only: bool | None = None) -> None:
        if needle is not None:
            self._needle = needle
        if unassigned_only is not None:
            self._unassigned_only = unassigned_only

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self._unassigned_only and model.cells_of(model.fid_at(source_row)):
            return False
        return not self._needle or self._needle in model.row_text(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class RosterTab(Retranslatable, QWidget):
    """One roster table with its filter, Add and Delete."""

    selectionChangedFids = Signal(list)
    #: a message for the status bar (what a paste could not read)
    message = Signal(str)

    def __init__(self, layer: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.layer = layer
        self.model = RosterTableModel(layer, self)
        self.proxy = RosterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.unassigned_check = QCheckBox(self)
        self.add_button = QToolButton(self)
        self.delete_button = QToolButton(self)
        self.view = QTableView(self)
        self._build()
        self._connect()
        self.retranslateUi()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.unassigned_check)
        top.addWidget(self.add_button)
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        v = self.view
        v.setModel(self.proxy)
        v.setSortingEnabled(True)
        v.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        v.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        v.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        v.setDragEnabled(True)
        v.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        v.setDefaultDropAction(Qt.DropAction.MoveAction)
        v.setAlternatingRowColors(True)
        v.verticalHeader().hide()
        v.verticalHeader().setDefaultSectionSize(24)
        v.horizontalHeader().setStretchLastSection(True)
        v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns = self.model.columns
        choices = {
            "role": lambda: [(role_title(r), r) for r in ROLE_TITLES],
            "kind": lambda: [(kind_title(k), k) for k in KIND_TITLES],
            "cell": self._cell_choices,
        }
        self._delegates = {}
        for name, source in choices.items():
            if name in columns:
                delegate = ChoiceDelegate(source, v, searchable=name == "cell")
                v.setItemDelegateForColumn(columns.index(name), delegate)
                self._delegates[name] = delegate
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        v.addAction(self.delete_action)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.paste_action = QAction(self)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        for action in (self.copy_action, self.paste_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            v.addAction(action)
        v.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # copy, paste, delete

    def _cell_choices(self) -> list[tuple[str, object]]:
        return [(translate("Roster", "(no grid)"), -1)] + list(self.model.cell_choices())

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.set_needle)
        self.unassigned_check.toggled.connect(self.proxy.set_unassigned_only)
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.copy_action.triggered.connect(self.copy_selection)
        self.paste_action.triggered.connect(
            lambda: self.paste_text(QGuiApplication.clipboard().text())
        )
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.selectionChangedFids.emit(self.selected_fids())
        )
        self.model.modelReset.connect(self._fit_columns)

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        workers = self.layer == "workers"
        self.filter_edit.setPlaceholderText(
            translate("Roster", "Filter: name, phone, role, grid…")
            if workers
            else translate("Roster", "Filter: name, secretary, type, grid…")
        )
        self.unassigned_check.setText(translate("Roster", "Only those on no grid"))
        self.unassigned_check.setToolTip(
            translate("Roster", "Show only the rows not yet on a grid, to drag onto the map")
        )
        self.add_button.setText(translate("Roster", "Add"))
        self.add_button.setToolTip(
            translate("Roster", "Add a grid worker")
            if workers
            else translate("Roster", "Add a Party branch")
        )
        self.delete_button.setText(translate("Roster", "Delete"))
        self.delete_button.setToolTip(
            translate("Roster", "Delete the selected rows (and their grid assignments)")
        )
        self.delete_action.setText(translate("Roster", "Delete"))
        self.copy_action.setText(translate("Roster", "Copy"))
        self.paste_action.setText(translate("Roster", "Paste"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )

    def _fit_columns(self) -> None:
        if self.model.rowCount() <= 2000:
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            for c in range(self.model.columnCount()):
                header.resizeSection(c, min(max(header.sectionSize(c), 64), 220))
        if "cell" in self.model.columns:  # room for a 15-digit grid code
            wide = self.view.fontMetrics().horizontalAdvance("000000000000000") + 16
            self.view.setColumnWidth(self.model.columns.index("cell"), wide)

    # -- rows --------------------------------------------------------------------
    def selected_fids(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return sorted(self.model.fid_at(r) for r in rows if r >= 0)

    def select_fid(self, fid: int, edit_column: str | None = None) -> None:
        """Select the row of ``fid`` (and open ``edit_column`` for editing)."""
        row = self.model.row_of(fid)
        if row is None:
            return
        column = self.model.columns.index(edit_column) if edit_column else 0
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if edit_column:
            self.view.edit(index)

    def select_fids(self, fids: list[int]) -> None:
        """Select the rows of ``fids`` (clearing the filter if it hides them)."""
        rows = [r for f in fids if (r := self.model.row_of(f)) is not None]
        if rows and any(
            not self.proxy.mapFromSource(self.model.index(r, 0)).isValid() for r in rows
        ):
            self.filter_edit.clear()
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r in rows:
            selection.select(self.proxy.mapFromSource(self.model.index(r, 0)), flags)
        if rows:
            self.view.scrollTo(self.proxy.mapFromSource(self.model.index(rows[0], 0)))

    def add_row(self) -> int | None:
        """Add an empty worker or branch and start editing its name; returns its fid."""
        model = self.model
        if model.plan is None or model.undo_stack is None:
            return None
        command = add_roster_rows(model.plan, self.layer, [{"name": ""}])
        model.undo_stack.push(command)
        fid = command.fids[0]
        self.select_fid(fid, "name")
        return fid

    def copy_selection(self) -> str:
        """Put the selected cells on the clipboard as tab-separated text (for Excel)."""
        indexes = self.view.selectionModel().selectedIndexes()
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        source_rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in rows]
        text = copy_text(self.model, source_rows, columns)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste_text(self, text: str) -> bool:
        """Paste tab-separated text at the current cell as one undo step."""
        model = self.model
        block = parse_clipboard(text)
        if not block or model.plan is None or model.undo_stack is None:
            return False
        current = self.view.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, 0)
        if not current.isValid() and self.proxy.rowCount() == 0:
            row = 0
        rows = [
            self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            for r in range(self.proxy.rowCount())
        ]
        paste = plan_paste(model, row, column, block, rows)
        command = paste_command(model, paste)
        if paste.problems:
            self.message.emit("; ".join(paste.problems[:3]))
        if command.is_empty():
            return False
        model.undo_stack.push(command)
        return True

    def delete_selected(self) -> list[int]:
        fids = self.selected_fids()
        model = self.model
        if fids and model.plan is not None and model.undo_stack is not None:
            model.undo_stack.push(remove_roster_rows(model.plan, self.layer, fids))
        return fids


class RosterDock(Retranslatable, QDockWidget):
    """Workers and branches in two tabs; the toolbar holds the feature's actions."""

    #: (target, fids) of the rows the user selected
    rosterSelected = Signal(str, list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("RosterDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(body)
        corner = QWidget(self.tabs)
        self.tools = QHBoxLayout(corner)
        self.tools.setContentsMargins(0, 0, 0, 2)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.workers = RosterTab("workers", self.tabs)
        self.branches = RosterTab("branches", self.tabs)
        self.tabs.addTab(self.workers, "")
        self.tabs.addTab(self.branches, "")
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        for tab, target in ((self.workers, "worker"), (self.branches, "branch")):
            tab.selectionChangedFids.connect(
                lambda fids, t=target: self.rosterSelected.emit(t, fids)
            )
            tab.model.modelReset.connect(self.retranslateUi)
        self.retranslateUi()

    def add_tool(self, action: QAction) -> QToolButton:
        """A button for ``action`` beside the tabs."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tools.addWidget(button)
        return button

    def set_plan(self, plan: Plan | None, undo_stack: QUndoStack | None) -> None:
        self.workers.model.set_plan(plan, undo_stack)
        self.branches.model.set_plan(plan, undo_stack)

    def tab(self, layer: str) -> RosterTab:
        return self.workers if layer == "workers" else self.branches

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(translate("Roster", "Roster"))
        self.tabs.setTabText(
            0,
            translate("Roster", "Grid workers (%1)").replace(
                "%1", str(self.workers.model.rowCount())
            ),
        )
        self.tabs.setTabText(
            1,
            translate("Roster", "Party branches (%1)").replace(
                "%1", str(self.branches.model.rowCount())
            ),
        )


__all__ = ["FID_ROLE", "ChoiceDelegate", "RosterDock", "RosterTab"]

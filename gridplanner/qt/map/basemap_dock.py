"""The Basemaps dock: the plan's basemaps with visibility, opacity and order.

Every change is one undo step (:class:`BasemapsCommand` replaces the plan's
basemap list); the canvas follows ``Plan.basemaps_changed``. The list shows
the top basemap first, like the layers dock. A right click offers "Zoom to
Layer" (files: the image's or the MBTiles' extent), "Move Up/Down" and
"Remove Basemap".
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gridplanner.errors import BasemapError
from gridplanner.io.basemap import BasemapSpec

CONTEXT = "BasemapDock"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class BasemapsCommand(QUndoCommand):
    """Replace the plan's basemap list (add, remove, reorder, opacity, visibility)."""

    def __init__(self, plan, new: list[dict], text: str):
        super().__init__(text)
        self.plan = plan
        self.old = copy.deepcopy(plan.basemaps)
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.plan.set_basemaps(self.new)

    def undo(self) -> None:
        self.plan.set_basemaps(self.old)


class BasemapDock(QDockWidget):
    """List of basemaps (top first) with a check box each and an opacity slider."""

    def __init__(self, canvas, parent: QWidget | None = None, undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.setObjectName("BasemapDock")
        self.canvas = canvas
        self.undo_stack = undo_stack
        self.plan = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.list = QListWidget(body)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemChanged.connect(self._item_checked)
        self.list.currentRowChanged.connect(self._show_opacity)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.opacity_label = QLabel(body)
        self.opacity = QSlider(Qt.Orientation.Horizontal, body)
        self.opacity.setRange(0, 100)
        self.opacity.sliderReleased.connect(self._opacity_set)
        self.opacity.valueChanged.connect(self._opacity_moved)
        row.addWidget(self.opacity_label)
        row.addWidget(self.opacity)
        layout.addLayout(row)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.setWidget(body)
        canvas.basemapStatus.connect(self.status.setText)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(_tr("Basemaps"))
        self.opacity_label.setText(_tr("Opacity"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- the plan -------------------------------------------------------------
    def set_plan(self, plan) -> None:
        if self.plan is not None:
            self.plan.basemaps_changed.disconnect(self.reload)
        self.plan = plan
        plan.basemaps_changed.connect(self.reload)
        self.reload()

    def specs(self) -> list[BasemapSpec]:
        out = []
        for data in self.plan.basemaps if self.plan is not None else []:
            try:
                out.append(BasemapSpec.from_dict(data))
            except BasemapError:
                continue
        return out

    def reload(self, *_args) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for index, spec in reversed(list(enumerate(self.specs()))):
            item = QListWidgetItem(spec.name)
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if spec.visible else Qt.CheckState.Unchecked)
            item.setToolTip(spec.attribution or spec.url)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self._show_opacity()

    def current_index(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    # -- edits (each one undo step) ----------------------------------------------
    def change(self, new: list[dict], text: str) -> None:
        if self.plan is None or new == self.plan.basemaps:
            return
        command = BasemapsCommand(self.plan, new, text)
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def set_opacity(self, index: int, opacity: float) -> None:
        new = copy.deepcopy(self.plan.basemaps)
        new[index]["opacity"] = round(float(opacity), 2)
        self.change(new, _tr("Basemap opacity"))

    def set_visible(self, index: int, visible: bool) -> None:
        new = copy.deepcopy(self.plan.basemaps)
        new[index]["visible"] = bool(visible)
        self.change(new, _tr("Show basemap") if visible else _tr("Hide basemap"))

    def remove(self, index: int) -> None:
        new = copy.deepcopy(self.plan.basemaps)
        del new[index]
        self.change(new, _tr("Remove basemap"))

    def move(self, index: int, step: int) -> None:
        new = copy.deepcopy(self.plan.basemaps)
        to = index + step
        if 0 <= to < len(new):
            new[index], new[to] = new[to], new[index]
            self.change(new, _tr("Reorder basemaps"))

    def zoom_to(self, index: int) -> None:
        spec = self.specs()[index]
        source = self.canvas.basemaps.source(spec)
        extent = getattr(source, "plan_extent", None)
        if source is not None and self.plan.crs is not None and extent is not None:
            box = extent(self.plan.crs)
            if box is not None:
                self.canvas.set_extent(box, margin=0.02)

    # -- widgets -------------------------------------------------------------------
    def _item_checked(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        self.set_visible(index, item.checkState() == Qt.CheckState.Checked)

    def _show_opacity(self, *_args) -> None:
        index = self.current_index()
        specs = self.specs()
        enabled = index is not None and index < len(specs)
        self.opacity.setEnabled(enabled)
        if enabled:
            self.opacity.blockSignals(True)
            self.opacity.setValue(round(specs[index].opacity * 100))
            self.opacity.blockSignals(False)

    def _opacity_moved(self, value: int) -> None:
        if not self.opacity.isSliderDown():  # keyboard or click: one step each
            self._opacity_set()

    def _opacity_set(self) -> None:
        index = self.current_index()
        if index is not None:
            self.set_opacity(index, self.opacity.value() / 100)

    def _context_menu(self, pos) -> None:
        index = self.current_index()
        item = self.list.itemAt(pos)
        if item is None:
            return
        index = int(item.data(Qt.ItemDataRole.UserRole))
        menu = QMenu(self)
        self.fill_menu(menu, index)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def fill_menu(self, menu: QMenu, index: int) -> None:
        """The context-menu entries for basemap ``index`` (tests call this directly)."""
        spec = self.specs()[index]
        zoom = menu.addAction(_tr("Zoom to Layer"), lambda: self.zoom_to(index))
        zoom.setEnabled(spec.is_file)
        menu.addAction(_tr("Move Up"), lambda: self.move(index, 1)).setEnabled(
            index < len(self.specs()) - 1)
        menu.addAction(_tr("Move Down"), lambda: self.move(index, -1)).setEnabled(index > 0)
        menu.addSeparator()
        menu.addAction(_tr("Remove Basemap"), lambda: self.remove(index))

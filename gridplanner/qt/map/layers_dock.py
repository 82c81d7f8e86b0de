"""The layers dock: visibility, drawing order and a simple style per layer.

The list shows the top layer first (as QGIS does); dragging an entry
changes the canvas's ``layer_order``, the check box its style's
``visible``, and the controls below edit the current layer's fill,
outline, opacity and label field. The current entry is the canvas's
current layer (what selection and identify work on). Widgets follow the
canvas and block their own echo (napari's layer-controls pattern).

Style edits (visibility, colours, width, opacity, labels) are saved in the
plan (``plan.styles``, written to the plan file) through an undoable
:class:`~gridplanner.qt.shell.commands.StyleCommand` on the window's undo stack;
the canvas redraws because the plan emits ``styles_changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gridplanner.qt.map.canvas import MapCanvas
from gridplanner.qt.shell.commands import LayerOrderCommand, StyleCommand
from gridplanner.qt.shell.retranslate import Retranslatable

LAYER_TITLES = {
    "boundaries": QT_TRANSLATE_NOOP("LayersDock", "Boundaries"),
    "cells": QT_TRANSLATE_NOOP("LayersDock", "Grid cells"),
    "buildings": QT_TRANSLATE_NOOP("LayersDock", "Buildings"),
    "network": QT_TRANSLATE_NOOP("LayersDock", "Walking network"),
    "centres": QT_TRANSLATE_NOOP("LayersDock", "Service centres"),
    "workers": QT_TRANSLATE_NOOP("LayersDock", "Grid workers"),
    "branches": QT_TRANSLATE_NOOP("LayersDock", "Party branches"),
    "assignments": QT_TRANSLATE_NOOP("LayersDock", "Assignments"),
    "micro_grids": QT_TRANSLATE_NOOP("LayersDock", "Micro-grids"),
    "party_groups": QT_TRANSLATE_NOOP("LayersDock", "Party groups"),
    "party_households": QT_TRANSLATE_NOOP("LayersDock", "Party-member households"),
    "party_members": QT_TRANSLATE_NOOP("LayersDock", "Reporting Party members"),
    "volunteers": QT_TRANSLATE_NOOP("LayersDock", "Volunteers"),
    "staff": QT_TRANSLATE_NOOP("LayersDock", "Community staff"),
}


def layer_title(name: str) -> str:
    """The translated display name of a layer."""
    return QCoreApplication.translate("LayersDock", LAYER_TITLES.get(name, name))


def _swatch(colour: str | None) -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(QColor(colour) if colour else QColor(0, 0, 0, 0))
    return QIcon(pix)


class LayersDock(Retranslatable, QDockWidget):
    """Layer list and style controls for one canvas."""

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None,
                 undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.setObjectName("LayersDock")
        self.canvas = canvas
        self.undo_stack = undo_stack
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.list = QListWidget(body)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.fill_button = QPushButton(body)
        self.outline_button = QPushButton(body)
        self.width_spin = QDoubleSpinBox(body)
        self.width_spin.setRange(0.0, 10.0)
        self.width_spin.setSingleStep(0.5)
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal, body)
        self.opacity_slider.setRange(0, 100)
        self.label_combo = QComboBox(body)
        self.form = form
        for widget in (self.fill_button, self.outline_button, self.width_spin,
                       self.opacity_slider, self.label_combo):
            form.addRow(QLabel(body), widget)  # texts set in retranslateUi
        layout.addLayout(form)
        self.setWidget(body)
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.model().rowsMoved.connect(self._order_changed)
        self.fill_button.clicked.connect(lambda: self._pick_colour("fill"))
        self.outline_button.clicked.connect(lambda: self._pick_colour("outline"))
        self.width_spin.valueChanged.connect(lambda v: self._set_style(outline_width=float(v)))
        self.opacity_slider.valueChanged.connect(lambda v: self._set_style(opacity=v / 100))
        self.label_combo.currentIndexChanged.connect(self._label_changed)
        self.canvas.currentLayerChanged.connect(self._follow_current)
        self.canvas.stylesChanged.connect(self._styles_changed)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        """Set every text in the current language (the layer names too)."""
        self.setWindowTitle(self.tr("Layers"))
        texts = (self.tr("Fill"), self.tr("Outline"), self.tr("Outline width"),
                 self.tr("Opacity"), self.tr("Labels"))
        widgets = (self.fill_button, self.outline_button, self.width_spin,
                   self.opacity_slider, self.label_combo)
        for text, widget in zip(texts, widgets, strict=True):
            label = self.form.labelForField(widget)
            if label is not None:
                label.setText(text)
        self.reload()

    # -- list -----------------------------------------------------------------
    def reload(self) -> None:
        """Rebuild the list from the canvas's order and styles."""
        with QSignalBlocker(self.list):
            self.list.clear()
            for name in reversed(self.canvas.layer_order):
                style = self.canvas.styles.get(name)
                if style is None:
                    continue
                count = len(self.canvas.plan.layer(name)) if self.canvas.plan is not None else 0
                item = QListWidgetItem(f"{layer_title(name)} ({count})")
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsDragEnabled)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
                item.setCheckState(Qt.CheckState.Checked if style.visible
                                   else Qt.CheckState.Unchecked)
                item.setIcon(_swatch(style.fill or style.outline))
                self.list.addItem(item)
        self._follow_current(self.canvas.current_layer)

    def _styles_changed(self, _name: str) -> None:
        self.reload()

    def layer_names(self) -> list[str]:
        """Layer names top first, as listed."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def current_name(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def _item_changed(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        visible = item.checkState() == Qt.CheckState.Checked
        if self.canvas.styles[name].visible != visible:
            self._save_style(name, {"visible": visible})

    def _order_changed(self, *args) -> None:
        """A drag in the list reorders the layers: saved in the plan, undoable."""
        plan = self.canvas.plan
        order = list(reversed(self.layer_names()))
        if plan is None or order == self.canvas.layer_order:
            return
        command = LayerOrderCommand(plan, order, self.tr("Change the layer order"))
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def _current_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        name = current.data(Qt.ItemDataRole.UserRole) if current is not None else ""
        self.canvas.set_current_layer(name)
        self._show_style(name)

    def _follow_current(self, name: str) -> None:
        with QSignalBlocker(self.list):
            for i in range(self.list.count()):
                if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                    self.list.setCurrentRow(i)
                    break
            else:
                self.list.setCurrentRow(-1)
        self._show_style(name)

    # -- style ----------------------------------------------------------------
    def _show_style(self, name: str) -> None:
        style = self.canvas.styles.get(name)
        enabled = style is not None
        for widget in (self.fill_button, self.outline_button, self.width_spin,
                       self.opacity_slider, self.label_combo):
            widget.setEnabled(enabled)
        if style is None:
            return
        blockers = [QSignalBlocker(w) for w in (self.width_spin, self.opacity_slider,
                                                self.label_combo)]
        self.fill_button.setIcon(_swatch(style.fill))
        self.fill_button.setText(style.fill or self.tr("none"))
        self.outline_button.setIcon(_swatch(style.outline))
        self.outline_button.setText(style.outline or self.tr("none"))
        self.width_spin.setValue(style.outline_width)
        self.opacity_slider.setValue(round(style.opacity * 100))
        self.label_combo.clear()
        self.label_combo.addItem(self.tr("(no labels)"), None)
        if self.canvas.plan is not None:
            frame = self.canvas.plan.layer(name).frame
            for col in frame.columns:
                if col != "geometry":
                    self.label_combo.addItem(str(col), str(col))
        index = self.label_combo.findData(style.label_field)
        self.label_combo.setCurrentIndex(max(index, 0))
        del blockers

    def _set_style(self, **changes: object) -> None:
        self._save_style(self.current_name(), changes)

    def _save_style(self, name: str, changes: dict[str, object]) -> None:
        """Save ``changes`` to the look of layer ``name`` in the plan, as one undo step."""
        current = self.canvas.styles.get(name)
        plan = self.canvas.plan
        if current is None or plan is None:
            return
        style = current.copy()
        if "fill" in changes:
            style.palette = ()  # a chosen fill replaces the cell palette
        for key, value in changes.items():
            setattr(style, key, value)
            if key == "visible":
                continue
            for sub in style.categories.values():
                if key != "fill" or sub.fill is not None:
                    setattr(sub, key, value)
        what = ",".join(sorted(changes))
        command = StyleCommand(plan, name, style.to_dict(), what, self._command_text(name, what))
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def _command_text(self, name: str, what: str) -> str:
        if what == "visible":
            return self.tr("Show or hide %1").replace("%1", layer_title(name))
        return self.tr("Change the style of %1").replace("%1", layer_title(name))

    def _pick_colour(self, which: str) -> None:
        style = self.canvas.styles.get(self.current_name())
        if style is None:
            return
        start = QColor(getattr(style, which) or "#808080")
        colour = QColorDialog.getColor(start, self, self.tr("Choose a colour"))
        if colour.isValid():
            self._set_style(**{which: colour.name()})

    def _label_changed(self, index: int) -> None:
        self._set_style(label_field=self.label_combo.itemData(index))

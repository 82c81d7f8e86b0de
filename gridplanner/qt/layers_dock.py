"""The layers dock: visibility, drawing order and a simple style per layer.

The list shows the top layer first (as QGIS does); dragging an entry
changes the canvas's ``layer_order``, the check box its style's
``visible``, and the controls below edit the current layer's fill,
outline, opacity and label field. The current entry is the canvas's
current layer (what selection and identify work on). Widgets follow the
canvas and block their own echo (napari's layer-controls pattern).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gridplanner.qt.canvas import MapCanvas

LAYER_TITLES = {
    "boundaries": QT_TRANSLATE_NOOP("LayersDock", "Boundaries"),
    "cells": QT_TRANSLATE_NOOP("LayersDock", "Grid cells"),
    "buildings": QT_TRANSLATE_NOOP("LayersDock", "Buildings"),
    "network": QT_TRANSLATE_NOOP("LayersDock", "Walking network"),
    "centres": QT_TRANSLATE_NOOP("LayersDock", "Service centres"),
}


def layer_title(name: str) -> str:
    """The translated display name of a layer."""
    return QCoreApplication.translate("LayersDock", LAYER_TITLES.get(name, name))


def _swatch(colour: str | None) -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(QColor(colour) if colour else QColor(0, 0, 0, 0))
    return QIcon(pix)


class LayersDock(QDockWidget):
    """Layer list and style controls for one canvas."""

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None):
        super().__init__(self.tr("Layers"), parent)
        self.setObjectName("LayersDock")
        self.canvas = canvas
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
        form.addRow(self.tr("Fill"), self.fill_button)
        form.addRow(self.tr("Outline"), self.outline_button)
        form.addRow(self.tr("Outline width"), self.width_spin)
        form.addRow(self.tr("Opacity"), self.opacity_slider)
        form.addRow(self.tr("Labels"), self.label_combo)
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
            self.canvas.styles[name].visible = visible
            self.canvas.refresh(delay_ms=0)

    def _order_changed(self, *args) -> None:
        self.canvas.layer_order = list(reversed(self.layer_names()))
        self.canvas.refresh(delay_ms=0)

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
        name = self.current_name()
        style = self.canvas.styles.get(name)
        if style is None:
            return
        if "fill" in changes:
            style.palette = ()  # a chosen fill replaces the cell palette
        for key, value in changes.items():
            setattr(style, key, value)
            for sub in style.categories.values():
                if key != "fill" or sub.fill is not None:
                    setattr(sub, key, value)
        self.canvas.refresh(delay_ms=0)
        self._show_style(name)
        item = self.list.currentItem()
        if item is not None:
            item.setIcon(_swatch(style.fill or style.outline))

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

"""Two editors of the Plan Settings dialog: walking levels and services.

``LevelsEditor`` shows each walking level as metres and minutes side by
side ("500 m · 8.3 min"); typing either changes the other at the set
walking speed. Distances stay the primary figure (the standards give
distances; their implied speeds differ). ``ServicesEditor`` is the list of
services coverage is computed for: add, remove, rename in place.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gridplanner.qt.coverage.centre_dialog import service_label

MAX_LEVELS = 6


class LevelRow(QWidget):
    """One walking level: metres · minutes, and a button that removes it."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, metres: float, speed: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.speed = speed
        self.metres_spin = QDoubleSpinBox(self)
        self.metres_spin.setRange(10.0, 20000.0)
        self.metres_spin.setDecimals(0)
        self.metres_spin.setSingleStep(50.0)
        self.metres_spin.setSuffix(" m")
        self.minutes_spin = QDoubleSpinBox(self)
        self.minutes_spin.setRange(0.1, 600.0)
        self.minutes_spin.setDecimals(1)
        self.minutes_spin.setSingleStep(1.0)
        self.minutes_spin.setSuffix(" " + self.tr("min"))
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this level"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.metres_spin, 1)
        layout.addWidget(QLabel("·", self))
        layout.addWidget(self.minutes_spin, 1)
        layout.addWidget(self.remove_button)
        self.metres_spin.setValue(metres)
        self._show_minutes()
        self.metres_spin.valueChanged.connect(self._metres_typed)
        self.minutes_spin.valueChanged.connect(self._minutes_typed)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))

    def metres(self) -> float:
        return float(self.metres_spin.value())

    def text(self) -> str:
        """The level as a user reads it: "500 m · 8.3 min"."""
        return f"{self.metres():.0f} m · {self.minutes_spin.value():.1f} {self.tr('min')}"

    def set_speed(self, speed: float) -> None:
        self.speed = speed
        self._show_minutes()

    def _show_minutes(self) -> None:
        with QSignalBlocker(self.minutes_spin):
            self.minutes_spin.setValue(self.metres() / self.speed / 60.0)

    def _metres_typed(self, _value: float) -> None:
        self._show_minutes()
        self.changed.emit()

    def _minutes_typed(self, minutes: float) -> None:
        with QSignalBlocker(self.metres_spin):
            self.metres_spin.setValue(round(minutes * 60.0 * self.speed))
        self.changed.emit()


class LevelsEditor(QWidget):
    """The walking levels (metres), each shown with its minutes at ``speed``."""

    changed = Signal()

    def __init__(self, levels: tuple[float, ...], speed: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.speed = speed
        self.rows: list[LevelRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add a level"), self)
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        for metres in levels:
            self.add_level(metres)
        self.add_button.clicked.connect(lambda: self.add_level())

    def add_level(self, metres: float | None = None) -> LevelRow | None:
        """Append a level (default: half again the longest), up to six."""
        if len(self.rows) >= MAX_LEVELS:
            return None
        if metres is None:
            metres = round(max((r.metres() for r in self.rows), default=200.0) * 1.5 / 50) * 50
        row = LevelRow(metres, self.speed, self)
        row.changed.connect(self.changed)
        row.removeRequested.connect(self.remove_level)
        self._layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        self._update_buttons()
        self.changed.emit()
        return row

    def remove_level(self, row: LevelRow) -> None:
        if row in self.rows and len(self.rows) > 1:
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
            self._update_buttons()
            self.changed.emit()

    def _update_buttons(self) -> None:
        # an explicit minimum: the dialog's grid, which has word-wrapped hints,
        # would otherwise squash the rows
        self.setMinimumHeight(self._layout.minimumSize().height())
        self.add_button.setEnabled(len(self.rows) < MAX_LEVELS)
        for row in self.rows:
            row.remove_button.setEnabled(len(self.rows) > 1)

    def set_speed(self, speed: float) -> None:
        self.speed = speed
        for row in self.rows:
            row.set_speed(speed)

    def levels(self) -> tuple[float, ...]:
        return tuple(row.metres() for row in self.rows)


class ServicesEditor(QWidget):
    """The plan's services: double-click (or F2) renames, the buttons add and remove."""

    changed = Signal()

    def __init__(self, services: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(120)
        self.list.setMaximumHeight(170)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        for service in services:
            self._add_item(service_label(service), service)
        self.add_button.clicked.connect(self.add_service)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def _add_item(self, text: str, key: str | None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def add_service(self, name: str = "") -> QListWidgetItem:
        """A new service; without a name it opens for typing one."""
        item = self._add_item(name or self.tr("New service"), None)
        self.list.setCurrentItem(item)
        if not name:
            self.list.editItem(item)
        self.changed.emit()
        return item

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def _entries(self) -> list[tuple[str | None, str]]:
        """(original key or None, name as shown) of every listed service."""
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            out.append((item.data(Qt.ItemDataRole.UserRole), item.text().strip()))
        return out

    def services(self) -> tuple[str, ...]:
        """Service keys: an untouched built-in keeps its key, anything typed is its own name."""
        return tuple(key if key is not None and text == service_label(key) else text
                     for key, text in self._entries())

    def renames(self) -> dict[str, str]:
        """Old key → new name of the services renamed here."""
        return {key: name for (key, _t), name in zip(self._entries(), self.services(), strict=True)
                if key is not None and key != name}

    def problem(self) -> str:
        """Why the list cannot be used ("" when it can)."""
        names = self.services()
        if not names:
            return self.tr("List at least one service")
        if any(not n for n in names):
            return self.tr("A service has no name")
        shown = [t.casefold() for _k, t in self._entries()]
        if len(set(names)) < len(names) or len(set(shown)) < len(shown):
            return self.tr("Two services have the same name")
        if any(";" in n for n in names):
            return self.tr("A service name cannot contain ';'")
        return ""

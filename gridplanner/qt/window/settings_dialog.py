"""The Plan Settings dialog: every number of :class:`~gridplanner.model.settings.Settings`.

The dialog only gathers values: :meth:`SettingsDialog.result_settings`
gives the new settings and :meth:`SettingsDialog.renames` the renamed
services; the window applies both as one undoable
:class:`~gridplanner.qt.shell.commands.SettingsCommand`. Entries are checked as
they are typed: a message appears beside the field (codes, services, or the
text of the :class:`~gridplanner.errors.ModelError` that ``Settings.validate``
raises), the page holding it is marked ⚠, and OK stays disabled until
every field is fine. Each field has a
hint; where a figure is a local convention the hint says so.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFrame,
        QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridplanner.errors import ModelError
from gridplanner.model.settings import Settings
from gridplanner.qt.window.settings_limits import LimitsEditor
from gridplanner.qt.window.settings_widgets import LevelsEditor, ServicesEditor

CODE_SCHEMES = ("db11", "cjt349")
TITLE_WIDTH = 200  # pixels for the field titles
#: Words of a ModelError message → the field it belongs to.
_ERROR_FIELDS = (("household", "households"), ("walking level", "levels"),
                 ("walking speed", "walking_speed"), ("target share", "target_share"),
                 ("scheme", "code_scheme"), ("dwelling", "dwelling_size_m2"))


def _spin(low: int, high: int, step: int = 1) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setGroupSeparatorShown(True)
    return spin


def _real(low: float, high: float, decimals: int, step: float, suffix: str = "") -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    return spin


class SettingsDialog(QDialog):
    """Edit a copy of the plan's settings (see the module docstring)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan Settings"))
        self.setMinimumSize(560, 420)
        self.resize(730, 650)
        self.original = settings
        self.messages: dict[str, QLabel] = {}
        self._build_fields(settings)
        self.tabs = QTabWidget(self)
        self._tab_of: dict[str, int] = {}
        self._tab_titles = (self.tr("Grids and codes"), self.tr("Walking and services"),
                            self.tr("Staffing and estimates"), self.tr("Input limits"))
        self._add_page((self._grid_group, self._codes_group))
        self._add_page((self._walking_group, self._services_group))
        self._add_page((self._staffing_group, self._organisation_group, self._estimates_group))
        self._add_page((lambda: self.limits,))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._connect_checks()
        self.check()

    # -- building -----------------------------------------------------------------
    def _build_fields(self, s: Settings) -> None:
        self.households_min = _spin(1, 100000, 10)
        self.households_max = _spin(1, 100000, 10)
        self.residents_max = _spin(1, 1000000, 100)
        self.worker_load_max = _spin(1, 100000, 50)
        self.branch_min_members = _spin(1, 100)
        self.micro_min, self.micro_max = _spin(1, 5000, 5), _spin(1, 5000, 5)
        self.care_min, self.care_max = _spin(1, 1000), _spin(1, 1000)
        for spin, value in ((self.micro_min, s.micro_households_min),
                            (self.micro_max, s.micro_households_max),
                            (self.care_min, s.care_households_min),
                            (self.care_max, s.care_households_max)):
            spin.setValue(value)
            spin.setMaximumWidth(140)
        self.walking_speed = _real(0.1, 5.0, 2, 0.05, " m/s")
        self.target_share = _real(1.0, 100.0, 1, 1.0, " %")
        self.code_scheme = QComboBox()
        self.code_scheme.addItem(self.tr("DB11/T 2157-2023 (15 digits)"), "db11")
        self.code_scheme.addItem(self.tr("CJ/T 349-2010 (20 digits)"), "cjt349")
        self.county_code = QLineEdit()
        self.county_code.setMaxLength(6)
        self.county_code.setPlaceholderText("110105")
        self.subdistrict_code = QLineEdit()
        self.subdistrict_code.setMaxLength(3)
        self.subdistrict_code.setPlaceholderText("001")
        self.dwelling_size = _real(10.0, 1000.0, 1, 5.0, " m²")
        self.floor_height = _real(1.5, 10.0, 2, 0.1, " m")
        self.households_min.setValue(s.households_min)
        self.households_max.setValue(s.households_max)
        self.residents_max.setValue(s.residents_max)
        self.worker_load_max.setValue(s.worker_load_max)
        self.branch_min_members.setValue(s.branch_min_members)
        self.walking_speed.setValue(s.walking_speed)
        self.target_share.setValue(s.target_share * 100.0)
        self.code_scheme.setCurrentIndex(max(0, self.code_scheme.findData(s.code_scheme)))
        self.county_code.setText(s.county_code)
        self.subdistrict_code.setText(s.subdistrict_code)
        self.dwelling_size.setValue(s.dwelling_size_m2)
        self.floor_height.setValue(s.floor_height_m)
        self.levels = LevelsEditor(s.levels_m, s.walking_speed)
        self.services = ServicesEditor(s.services)
        self.limits = LimitsEditor(s.input_limits)

    def _add_page(self, groups) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        index = self.tabs.count()
        for build in groups:
            before = set(self.messages)
            layout.addWidget(build())
            self._tab_of.update({key: index for key in set(self.messages) - before})
        layout.addStretch(1)
        scroll = QScrollArea(self.tabs)  # also keeps every line its full height
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, self._tab_titles[index])

    def _group(self, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title, self)
        rows = QVBoxLayout(box)
        rows.setSpacing(2)
        return box, rows

    def _add(self, rows: QVBoxLayout, key: str, label: str, field: QWidget | Any,
             hint: str = "") -> None:
        """A line: label and field; below it the message (red, only when wrong), then the hint.

        Lines in boxes, not a grid: QGridLayout squashes rows beside word-wrapped labels.
        """
        title = QLabel(label)
        title.setMinimumWidth(TITLE_WIDTH)
        title.setContentsMargins(0, 3, 0, 0)
        line = QHBoxLayout()
        line.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
        if isinstance(field, QSpinBox | QDoubleSpinBox | QLineEdit | QComboBox):
            field.setMaximumWidth(300)
            line.addWidget(field, 1)
            line.addStretch(1)
        elif isinstance(field, QWidget):
            line.addWidget(field, 1)
        else:
            line.addLayout(field, 1)
        rows.addLayout(line)
        message = QLabel()
        message.setObjectName(f"message_{key}")
        message.setWordWrap(True)
        message.setStyleSheet("color: #b00020; font-weight: bold;")
        message.setContentsMargins(TITLE_WIDTH + 6, 0, 0, 0)
        message.setVisible(False)
        rows.addWidget(message)
        self.messages[key] = message
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color: #666666;")
            note.setContentsMargins(TITLE_WIDTH + 6, 0, 0, 8)
            rows.addWidget(note)

    def _grid_group(self) -> QGroupBox:
        box, rows = self._group(self.tr("Grid size"))
        households = QHBoxLayout()
        for spin in (self.households_min, self.households_max):
            spin.setMaximumWidth(140)
        households.addWidget(self.households_min, 1)
        households.addWidget(QLabel("–"))
        households.addWidget(self.households_max, 1)
        households.addStretch(1)
        self._add(rows, "households", self.tr("Households per grid"), households, self.tr(
            "A common convention in local guidance, not a national standard: about 300–500 "
            "households per urban grid; in the countryside a natural village or about 300."))
        self._add(rows, "residents_max", self.tr("Most residents per grid"), self.residents_max,
                  self.tr("Also a convention: usually no more than 2,000–2,500 residents."))
        return box

    def _staffing_group(self) -> QGroupBox:
        box, rows = self._group(self.tr("Staffing"))
        self._add(rows, "worker_load_max", self.tr("Households per full-time worker"),
                  self.worker_load_max,
                  self.tr("How many households one full-time grid worker looks after; a local "
                          "convention, not a rule."))
        self._add(rows, "branch_min_members", self.tr("Full members for a branch"),
                  self.branch_min_members,
                  self.tr("The Party Constitution (art. 30) asks for at least 3 full members; a "
                          "grid with fewer is joined to a neighbour's branch."))
        return box

    def _organisation_group(self) -> QGroupBox:
        box, rows = self._group(self.tr("Below the grid"))
        for key, low, high, label, hint in (
                ("micro_households", self.micro_min, self.micro_max,
                 self.tr("Households per micro-grid"),
                 self.tr("A micro-grid (微网格) of a few buildings: 30–80 households is a "
                         "common local convention, not a rule.")),
                ("care_households", self.care_min, self.care_max,
                 self.tr("Households per Party-member household"),
                 self.tr("A Party-member household (党员中心户) looks after about 5–15 "
                         "households: a convention, not a rule."))):
            line = QHBoxLayout()
            line.addWidget(low, 1)
            line.addWidget(QLabel("–"))
            line.addWidget(high, 1)
            line.addStretch(1)
            self._add(rows, key, label, line, hint)
        return box

    def _codes_group(self) -> QGroupBox:
        box, rows = self._group(self.tr("Grid codes"))
        self._add(rows, "code_scheme", self.tr("Code scheme"), self.code_scheme, self.tr(
            "DB11/T 2157-2023: county + sub-district + community + grid serial. "
            "CJ/T 349-2010: category + administrative code + sub-district + community + serial."))
        self._add(rows, "county_code", self.tr("County code"), self.county_code,
                  self.tr("6 digits from GB/T 2260, e.g. 110105."))
        self._add(rows, "subdistrict_code", self.tr("Sub-district code"), self.subdistrict_code,
                  self.tr("3 digits: 001–099 sub-districts, 100–199 towns, 200–399 townships."))
        return box

    def _estimates_group(self) -> QGroupBox:
        box, rows = self._group(self.tr("Estimating households"))
        self._add(rows, "dwelling_size_m2", self.tr("Dwelling size"), self.dwelling_size,
                  self.tr("Floor area per household: households ≈ footprint × floors ÷ this."))
        self._add(rows, "floor_height_m", self.tr("Floor height"), self.floor_height,
                  self.tr("Turns a building's height into floors."))
        return box

    def _walking_group(self) -> QGroupBox:
        box, rows = self._group(self.tr("Walking distances"))
        self._add(rows, "levels", self.tr("Levels"), self.levels, self.tr(
            "Measured along the walking network; type metres or minutes. GB 50180-2018: "
            "5-minute circle 300 m, 10-minute 500 m, 15-minute 800–1,000 m."))
        self._add(rows, "walking_speed", self.tr("Walking speed"), self.walking_speed, self.tr(
            "Turns minutes into metres: 1.0 m/s by default; older residents walk slower, "
            "routing engines assume about 1.4 m/s."))
        self._add(rows, "target_share", self.tr("Target share"), self.target_share, self.tr(
            "Residents to be within the longest level of every service. Aims in force: 85% "
            "nationally by 2025, 99% in Shanghai by 2035."))
        return box

    def _services_group(self) -> QGroupBox:
        box, rows = self._group(self.tr("Services"))
        self._add(rows, "services", self.tr("Services"), self.services, self.tr(
            "Coverage is computed per service. Double-click to rename; a renamed service is "
            "renamed at the centres that offer it too."))
        return box

    def _connect_checks(self) -> None:
        for spin in (self.households_min, self.households_max, self.residents_max,
                     self.worker_load_max, self.branch_min_members, self.target_share,
                     self.micro_min, self.micro_max, self.care_min, self.care_max,
                     self.dwelling_size, self.floor_height):
            spin.valueChanged.connect(self.check)
        self.walking_speed.valueChanged.connect(self._speed_changed)
        self.code_scheme.currentIndexChanged.connect(self.check)
        self.county_code.textChanged.connect(self.check)
        self.subdistrict_code.textChanged.connect(self.check)
        self.levels.changed.connect(self.check)
        self.services.changed.connect(self.check)

    def _speed_changed(self, speed: float) -> None:
        self.levels.set_speed(speed)
        self.check()

    # -- values and checks ------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The entries as Settings fields (not yet validated)."""
        return {
            "households_min": self.households_min.value(),
            "households_max": self.households_max.value(),
            "residents_max": self.residents_max.value(),
            "levels_m": self.levels.levels(),
            "walking_speed": round(self.walking_speed.value(), 2),
            "target_share": round(self.target_share.value() / 100.0, 4),
            "code_scheme": self.code_scheme.currentData(),
            "county_code": self.county_code.text().strip(),
            "subdistrict_code": self.subdistrict_code.text().strip(),
            "worker_load_max": self.worker_load_max.value(),
            "branch_min_members": self.branch_min_members.value(),
            "dwelling_size_m2": round(self.dwelling_size.value(), 1),
            "floor_height_m": round(self.floor_height.value(), 2),
            "services": self.services.services(),
            "input_limits": self.limits.limits(),
            "micro_households_min": self.micro_min.value(),
            "micro_households_max": self.micro_max.value(),
            "care_households_min": self.care_min.value(),
            "care_households_max": self.care_max.value(),
        }

    def problems(self) -> dict[str, str]:
        """Field key → what is wrong with it (empty when every entry is fine)."""
        v = self.values()
        errors: dict[str, str] = {}
        if v["households_min"] > v["households_max"]:
            errors["households"] = self.tr("The smallest number is above the largest")
        for key in ("micro_households", "care_households"):
            if v[f"{key}_min"] > v[f"{key}_max"]:
                errors[key] = self.tr("The smallest number is above the largest")
        if not re.fullmatch(r"\d{6}", v["county_code"]):
            errors["county_code"] = self.tr("Type the 6 digits of the county code")
        if not re.fullmatch(r"\d{3}", v["subdistrict_code"]):
            errors["subdistrict_code"] = self.tr("Type 3 digits, e.g. 001")
        if len(set(v["levels_m"])) < len(v["levels_m"]):
            errors["levels"] = self.tr("Two levels have the same distance")
        if problem := self.services.problem():
            errors["services"] = problem
        if not errors:
            try:
                self.original.replaced(**v)
            except ModelError as exc:
                text = str(exc)
                key = next((k for word, k in _ERROR_FIELDS if word in text), "households")
                errors[key] = text
        return errors

    def check(self, *_args: object) -> bool:
        """Show the message beside every wrong field; OK only when all are fine."""
        errors = self.problems()
        for key, label in self.messages.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        wrong = {self._tab_of.get(key, 0) for key in errors}
        for index, title in enumerate(self._tab_titles):
            self.tabs.setTabText(index, f"{title} ⚠" if index in wrong else title)
        self.ok_button.setEnabled(not errors)
        return not errors

    def result_settings(self) -> Settings:
        """The settings as entered (raises ModelError when they are not valid)."""
        errors = self.problems()
        if errors:
            raise ModelError(next(iter(errors.values())))
        return self.original.replaced(**self.values())  # settings not shown here stay

    def renames(self) -> dict[str, str]:
        """Old service → new name, for the services renamed in the list."""
        return self.services.renames()

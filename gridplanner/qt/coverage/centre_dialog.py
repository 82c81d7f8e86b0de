"""The centre attribute dialog: name, type, services, capacity, opening hours, notes,
and the plan side: status (built, under construction, planned, pilot) with its
year, floor area, and the named scenarios the centre belongs to.

Types come from :class:`~gridplanner.model.schema.CentreKind` plus every
type already used in the plan, and the user may type a new one. Services
are checkboxes for the plan's services (``plan.settings.services``) and any
other a centre already offers; more can be typed, comma-separated.
:meth:`CentreDialog.values` returns the attributes for
:class:`~gridplanner.qt.coverage.centre_commands.SetCentreAttributesCommand`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from gridplanner.model.schema import CentreKind, CentreStatus, join_services, split_services
from gridplanner.qt.shell.dialog_parts import lay_out_form

KIND_NAMES: dict[str, str] = {
    CentreKind.NEIGHBOURHOOD.value: QT_TRANSLATE_NOOP("Centres", "Neighbourhood centre"),
    CentreKind.PARTY_STATION.value: QT_TRANSLATE_NOOP("Centres", "Party-mass service station"),
    CentreKind.HEALTH.value: QT_TRANSLATE_NOOP("Centres", "Health station"),
    CentreKind.ELDERLY_DAY_CARE.value: QT_TRANSLATE_NOOP("Centres", "Day care for the elderly"),
    CentreKind.CHILDCARE.value: QT_TRANSLATE_NOOP("Centres", "Childcare"),
    CentreKind.MARKET.value: QT_TRANSLATE_NOOP("Centres", "Market"),
    CentreKind.CULTURE_SPORTS.value: QT_TRANSLATE_NOOP("Centres", "Culture and sports room"),
    CentreKind.PUBLIC_SERVICES.value: QT_TRANSLATE_NOOP("Centres", "One-stop public services"),
    CentreKind.OTHER.value: QT_TRANSLATE_NOOP("Centres", "Other"),
}
SERVICE_NAMES: dict[str, str] = {
    "childcare": QT_TRANSLATE_NOOP("Centres", "Childcare"),
    "elderly_care": QT_TRANSLATE_NOOP("Centres", "Elderly care"),
    "health": QT_TRANSLATE_NOOP("Centres", "Health"),
    "food": QT_TRANSLATE_NOOP("Centres", "Food"),
    "culture": QT_TRANSLATE_NOOP("Centres", "Culture and leisure"),
    "public_affairs": QT_TRANSLATE_NOOP("Centres", "Public affairs"),
}


STATUS_NAMES: dict[str, str] = {
    CentreStatus.BUILT.value: QT_TRANSLATE_NOOP("Centres", "Built"),
    CentreStatus.UNDER_CONSTRUCTION.value: QT_TRANSLATE_NOOP("Centres", "Under construction"),
    CentreStatus.PLANNED.value: QT_TRANSLATE_NOOP("Centres", "Planned"),
    CentreStatus.PILOT.value: QT_TRANSLATE_NOOP("Centres", "Pilot"),
}


def _number(value: Any) -> float:
    try:
        out = float(value) if value is not None else math.nan
    except (TypeError, ValueError):
        return math.nan
    return out


def kind_label(kind: str) -> str:
    """The translated name of a centre type (a user's own type as it is)."""
    return QCoreApplication.translate("Centres", KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def service_label(service: str) -> str:
    """The translated name of a service (a user's own service as it is)."""
    if service in SERVICE_NAMES:
        return QCoreApplication.translate("Centres", SERVICE_NAMES[service])
    return service


class CentreDialog(QDialog):
    """Edit one centre's attributes (see the module docstring)."""

    def __init__(self, values: Mapping[str, Any], services: list[str], kinds: list[str] = (),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Centre Attributes"))
        self.name = QLineEdit(str(values.get("name", "") or ""), self)
        self.kind = QComboBox(self)
        self.kind.setEditable(True)
        current_kind = str(values.get("kind", "") or CentreKind.NEIGHBOURHOOD.value)
        for kind in [*KIND_NAMES, *(k for k in kinds if k not in KIND_NAMES)]:
            self.kind.addItem(kind_label(kind), kind)
        i = self.kind.findData(current_kind)
        if i < 0:
            self.kind.addItem(current_kind, current_kind)
            i = self.kind.count() - 1
        self.kind.setCurrentIndex(i)
        offered = split_services(values.get("services", ""))
        names = list(services) + [s for s in offered if s not in services]
        self.service_boxes: dict[str, QCheckBox] = {}
        boxes = QWidget(self)
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(names):
            box = QCheckBox(service_label(name), boxes)
            box.setChecked(name in offered)
            box.setToolTip(name)
            self.service_boxes[name] = box
            grid.addWidget(box, i // 2, i % 2)
        self.more_services = QLineEdit(self)
        self.more_services.setPlaceholderText(self.tr("other services, comma-separated"))
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 1_000_000)
        self.capacity.setSpecialValueText(self.tr("not set"))
        self.capacity.setSuffix(self.tr(" households"))
        cap_f = _number(values.get("capacity"))
        self.capacity.setValue(0 if math.isnan(cap_f) else int(round(cap_f)))
        self.hours = QLineEdit(str(values.get("hours", "") or ""), self)
        self.hours.setPlaceholderText(self.tr("e.g. 08:30-20:30"))
        self.notes = QPlainTextEdit(str(values.get("notes", "") or ""), self)
        self.notes.setFixedHeight(70)
        self._plan_fields(values)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Type:"), self.kind)
        form.addRow(self.tr("Services:"), boxes)
        form.addRow("", self.more_services)
        form.addRow(self.tr("Capacity:"), self.capacity)
        form.addRow(self.tr("Opening hours:"), self.hours)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Floor area:"), self.floor_area)
        form.addRow(self.tr("Scenarios:"), self.scenarios)
        form.addRow(self.tr("Notes:"), self.notes)
        lay_out_form(self, form)

    def _plan_fields(self, values: Mapping[str, Any]) -> None:
        self.status = QComboBox(self)
        for code, text in STATUS_NAMES.items():
            self.status.addItem(QCoreApplication.translate("Centres", text), code)
        self.status.setCurrentIndex(max(0, self.status.findData(
            str(values.get("status") or CentreStatus.BUILT.value))))
        self.year = QSpinBox(self)
        self.year.setRange(1948, 2100)
        self.year.setSpecialValueText(self.tr("not set"))
        self.year.setToolTip(self.tr("The year it opened, or is due to open"))
        year = _number(values.get("year"))
        self.year.setValue(1948 if math.isnan(year) else int(year))
        self.floor_area = QSpinBox(self)
        self.floor_area.setRange(0, 1_000_000)
        self.floor_area.setSpecialValueText(self.tr("not set"))
        self.floor_area.setSuffix(" m²")
        area = _number(values.get("floor_area_m2"))
        self.floor_area.setValue(0 if math.isnan(area) else int(round(area)))
        self.scenarios = QLineEdit(", ".join(split_services(values.get("scenarios"))), self)
        self.scenarios.setPlaceholderText(self.tr("empty: in every scenario"))
        self.scenarios.setToolTip(self.tr("Named placement variants this centre belongs to, "
                                          "comma-separated (e.g. 2025 plan, suggested)"))

    def kind_value(self) -> str:
        """The chosen type's code, or the text typed for a new type."""
        text = self.kind.currentText().strip()
        i = self.kind.findText(text)
        if i >= 0 and self.kind.itemData(i):
            return str(self.kind.itemData(i))
        return text or CentreKind.OTHER.value

    def values(self) -> dict[str, Any]:
        """The attributes as the centres layer stores them."""
        chosen = [n for n, box in self.service_boxes.items() if box.isChecked()]
        extra = [s.strip() for s in self.more_services.text().replace("，", ",")
                 .replace("、", ",").replace(";", ",").split(",") if s.strip()]
        chosen += [s for s in extra if s not in chosen]
        cap = self.capacity.value()
        scenarios = [s.strip() for s in self.scenarios.text().replace("，", ",")
                     .replace("、", ",").replace(";", ",").split(",") if s.strip()]
        area = self.floor_area.value()
        return {"name": self.name.text().strip(), "kind": self.kind_value(),
                "services": join_services(chosen), "capacity": float(cap) if cap else math.nan,
                "hours": self.hours.text().strip(), "notes": self.notes.toPlainText().strip(),
                "status": str(self.status.currentData()),
                "year": self.year.value() if self.year.value() > 1948 else None,
                "floor_area_m2": float(area) if area else math.nan,
                "scenarios": join_services(scenarios)}

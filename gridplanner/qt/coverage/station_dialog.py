"""One station per grid (一网格一阵地): the rule's setting, and the grids that break it.

The dialog edits the plan's ``station_rule`` (on by default) and
``station_distance_m`` (the walk from a grid's buildings within which a
Party-mass service station still counts as the grid's). The feature applies
them as one undoable settings change and lists the grids without a station
in the findings dock (the same check ``gridplanner validate`` runs).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QDoubleSpinBox, QFormLayout, QLabel, QWidget

from gridplanner.qt.shell.dialog_parts import lay_out_form


class StationRuleDialog(QDialog):
    """The one-station-per-grid setting (see the module docstring)."""

    def __init__(self, settings: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("One Station per Grid"))
        self.rule = QCheckBox(self.tr("Every grid has a Party-mass service station"), self)
        self.rule.setChecked(bool(settings.station_rule))
        self.distance = QDoubleSpinBox(self)
        self.distance.setRange(0.0, 5000.0)
        self.distance.setDecimals(0)
        self.distance.setSingleStep(50.0)
        self.distance.setSuffix(" m")
        self.distance.setValue(float(settings.station_distance_m))
        self.rule.toggled.connect(self.distance.setEnabled)
        self.distance.setEnabled(self.rule.isChecked())
        note = QLabel(self.tr("A station (a Party-mass service station or a neighbourhood "
                              "centre) counts when it stands inside the grid or within this "
                              "walk of one of its buildings. Dedicated grids are not checked. "
                              "一网格一阵地 is local practice, not a national standard."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.rule)
        form.addRow(self.tr("Within walking distance:"), self.distance)
        form.addRow(note)
        lay_out_form(self, form)

    def values(self) -> dict[str, Any]:
        return {"station_rule": self.rule.isChecked(),
                "station_distance_m": float(self.distance.value())}

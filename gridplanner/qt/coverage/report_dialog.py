"""Export → Coverage Report…: the parameters of the coverage report.

Which centres (every centre, or one named scenario), an optional scenario to
compare with, the issuing office and date for the title page, how many new
sites to suggest, the PDF file and, if wanted, the Excel summary beside it.
The report is written in the UI language. The dialog only gathers the
parameters (:meth:`ReportDialog.options`); the coverage feature computes and
writes the report off the GUI thread.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from PySide6.QtWidgets import QDialog as _QDialog

from gridplanner.analysis.network.scenarios import scenario_names
from gridplanner.qt.shell.dialog_parts import lay_out_form

ALL = "\u0000all"  # item data of "every centre" (no scenario name can be it)


class ReportDialog(_QDialog):
    """Parameters of the coverage report (see the module docstring)."""

    def __init__(self, plan: Any, plan_path: str | Path | None = None, office: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coverage Report"))
        names = scenario_names(plan)
        self.scenario = QComboBox(self)
        self.scenario.addItem(self.tr("Every centre"), ALL)
        self.compare = QComboBox(self)
        self.compare.addItem(self.tr("(no comparison)"), "")
        self.compare.addItem(self.tr("Every centre"), ALL)
        for name in names:
            self.scenario.addItem(name, name)
            self.compare.addItem(name, name)
        self.office = QLineEdit(office, self)
        self.office.setPlaceholderText(self.tr("e.g. the sub-district office"))
        self.date = QLineEdit(datetime.date.today().isoformat(), self)
        self.sites = QSpinBox(self)
        self.sites.setRange(0, 20)
        self.sites.setValue(3)
        self.sites.setSpecialValueText(self.tr("none"))
        self.sites.setToolTip(self.tr("New centre sites to suggest; households a centre has no "
                                      "room for count as not covered"))
        base = Path(plan_path).with_suffix("") if plan_path else Path.home() / (plan.name or "plan")
        self.path = QLineEdit(str(base.parent / f"{base.name}_coverage_report.pdf"), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.xlsx = QCheckBox(self.tr("Also write the figures as an Excel summary (.xlsx)"), self)
        self.xlsx.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Centres:"), self.scenario)
        form.addRow(self.tr("Compare with:"), self.compare)
        form.addRow(self.tr("Issuing office:"), self.office)
        form.addRow(self.tr("Date:"), self.date)
        form.addRow(self.tr("Suggested sites:"), self.sites)
        form.addRow(self.tr("PDF file:"), row)
        form.addRow("", self.xlsx)
        lay_out_form(self, form)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Coverage Report"),
                                              self.path.text(), self.tr("PDF (*.pdf)"))
        if path:
            self.path.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def options(self) -> dict[str, Any]:
        """The report options (as :func:`gridplanner.render.report.build_report` takes them)
        plus ``pdf`` and ``xlsx`` (None when not wanted) paths."""
        scenario = self.scenario.currentData()
        compare = self.compare.currentData()
        pdf = Path(self.path.text().strip())
        if pdf.suffix.lower() != ".pdf":
            pdf = pdf.with_name(pdf.name + ".pdf")
        return {"scenario": None if scenario == ALL else scenario,
                "compare": None if not compare else ("all" if compare == ALL else compare),
                "office": self.office.text().strip(), "date": self.date.text().strip(),
                "sites": self.sites.value(), "pdf": pdf,
                "xlsx": pdf.with_suffix(".xlsx") if self.xlsx.isChecked() else None}

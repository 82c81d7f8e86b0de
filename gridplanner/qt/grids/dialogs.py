"""Dialogs of the grid feature: generate grids, assign codes, edit a cell's attributes.

Dialogs gather parameters; the work is the analysis functions'. The
generate dialog runs :func:`gridplanner.analysis.grids.partition.generate_cells`
off the GUI thread (:class:`GenerateWorker`) with a progress bar and Cancel,
and hands back the :class:`~gridplanner.analysis.grids.partition.PartitionResult`;
the window applies it as one undoable command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gridplanner.errors import GridPlannerError
from gridplanner.model.plan import Plan
from gridplanner.model.schema import CellKind
from gridplanner.qt.shell.dialog_parts import lay_out_form


@dataclass
class GenerateParams:
    """What the generate dialog asks for (the CLI's ``grids generate`` options)."""

    method: str = "balanced"
    size: float = 250.0
    low: int = 300
    high: int = 500
    communities: list[str] = field(default_factory=list)  # empty = all
    seed: int = 0

    def kwargs(self) -> dict[str, Any]:
        return {"method": self.method, "size": self.size if self.method != "balanced" else None,
                "low": self.low, "high": self.high, "communities": self.communities or None,
                "seed": self.seed}


class GenerateWorker(QThread):
    """Runs ``generate_cells`` in a thread; ``progressed(done, total)``, then done or failed."""

    progressed = Signal(int, int)
    succeeded = Signal(object)  # PartitionResult
    failed = Signal(str)

    def __init__(self, plan: Plan, params: GenerateParams, parent=None):
        super().__init__(parent)
        self.plan = plan
        self.params = params

    def run(self) -> None:
        from gridplanner.analysis.grids.partition import generate_cells

        try:
            result = generate_cells(self.plan, **self.params.kwargs(),
                                    progress=lambda d, t: self.progressed.emit(d, t),
                                    cancelled=self.isInterruptionRequested)
        except GridPlannerError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a failed thread must not leave the dialog hanging
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.succeeded.emit(result)


class GenerateDialog(QDialog):
    """Parameters of automatic grids, run with progress and Cancel; ``result`` when accepted."""

    def __init__(self, plan: Plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.result_value = None
        self.worker: GenerateWorker | None = None
        self._cancelling = False
        self.setWindowTitle(self.tr("Generate Grid Cells"))
        form = QFormLayout()
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Balanced on households"), "balanced")
        self.method.addItem(self.tr("Squares"), "square")
        self.method.addItem(self.tr("Hexagons"), "hex")
        self.method.currentIndexChanged.connect(self._method_changed)
        self.size = QDoubleSpinBox(self)
        self.size.setRange(20, 5000)
        self.size.setDecimals(0)
        self.size.setValue(250)
        self.size.setSuffix(" m")
        s = plan.settings
        self.low = QSpinBox(self)
        self.high = QSpinBox(self)
        for box, value in ((self.low, s.households_min), (self.high, s.households_max)):
            box.setRange(1, 100000)
            box.setValue(int(value))
        self.community = QComboBox(self)
        self.community.addItem(self.tr("All communities"), "")
        for name in sorted(set(plan.communities()["name"].astype(str))):
            self.community.addItem(name, name)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Cell size:"), self.size)
        form.addRow(self.tr("Minimum households:"), self.low)
        form.addRow(self.tr("Maximum households:"), self.high)
        form.addRow(self.tr("Community:"), self.community)
        form.addRow(self.tr("Random seed:"), self.seed)
        self.note = QLabel(self.tr("Existing comprehensive cells of the chosen communities are "
                                   "replaced; dedicated cells are kept."), self)
        self.note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.run_button = QPushButton(self.tr("Generate"), self)
        self.run_button.setDefault(True)
        self.buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._method_changed()

    def _method_changed(self, *_args) -> None:
        balanced = self.method.currentData() == "balanced"
        self.size.setEnabled(not balanced)

    def params(self) -> GenerateParams:
        comm = self.community.currentData()
        return GenerateParams(str(self.method.currentData()), float(self.size.value()),
                              int(self.low.value()), int(self.high.value()),
                              [comm] if comm else [], int(self.seed.value()))

    def start(self) -> None:
        """Run the generation in a worker thread."""
        params = self.params()
        if params.low > params.high:
            self.status.setText(self.tr("The minimum must not be above the maximum."))
            return
        self.run_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Generating…"))
        self.worker = GenerateWorker(self.plan, params, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _succeeded(self, result) -> None:
        self._finish_worker()
        if self._cancelling:
            super().reject()
            return
        self.result_value = result
        self.accept()

    def _failed(self, message: str) -> None:
        self._finish_worker()
        if self._cancelling:
            super().reject()
            return
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self.status.setText(message)

    def _finish_worker(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    def reject(self) -> None:
        """Cancel: a running generation stops at the next community, then the dialog closes."""
        if self.worker is not None and self.worker.isRunning():
            self._cancelling = True
            self.status.setText(self.tr("Cancelling…"))
            self.buttons.setEnabled(False)
            self.worker.requestInterruption()
            return
        self._finish_worker()
        super().reject()

    def cancel(self) -> None:
        self.reject()


class CodeDialog(QDialog):
    """Code scheme and whether to renumber every cell."""

    def __init__(self, plan: Plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Grid Codes"))
        self.scheme = QComboBox(self)
        self.scheme.addItem(self.tr("DB11/T 2157-2023, 15 digits"), "db11")
        self.scheme.addItem(self.tr("CJ/T 349-2010, 20 digits"), "cjt349")
        self.scheme.setCurrentIndex(max(self.scheme.findData(plan.settings.code_scheme), 0))
        self.category = QLineEdit("000000", self)
        self.category.setMaxLength(6)
        self.renumber = QCheckBox(self.tr("Renumber every cell (otherwise valid codes are kept)"),
                                  self)
        self.scheme.currentIndexChanged.connect(self._scheme_changed)
        self._scheme_changed()
        form = QFormLayout()
        form.addRow(self.tr("Scheme:"), self.scheme)
        form.addRow(self.tr("Category (CJ/T 349):"), self.category)
        form.addRow(self.renumber)
        lay_out_form(self, form)

    def _scheme_changed(self, *_args) -> None:
        self.category.setEnabled(self.scheme.currentData() == "cjt349")

    def values(self) -> tuple[str, bool, str]:
        """(scheme, renumber, category)."""
        return (str(self.scheme.currentData()), self.renumber.isChecked(),
                self.category.text().strip() or "000000")


class CellAttributeDialog(QDialog):
    """Name, kind, responsible unit and notes of one cell."""

    FIELDS = ("name", "kind", "community", "responsible_unit", "notes")

    def __init__(self, values: dict[str, Any], parent: QWidget | None = None,
                 communities: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cell Attributes"))
        self.name = QLineEdit(str(values.get("name", "") or ""), self)
        current = str(values.get("community", "") or "")
        self.community = QComboBox(self)
        self.community.setEditable(False)
        for name in dict.fromkeys([*(communities or []), current]):
            self.community.addItem(name or self.tr("(none)"), name)
        self.community.setCurrentIndex(max(self.community.findData(current), 0))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Comprehensive grid"), CellKind.COMPREHENSIVE.value)
        self.kind.addItem(self.tr("Dedicated grid"), CellKind.DEDICATED.value)
        self.kind.setCurrentIndex(max(self.kind.findData(str(values.get("kind", ""))), 0))
        self.unit = QLineEdit(str(values.get("responsible_unit", "") or ""), self)
        self.notes = QPlainTextEdit(str(values.get("notes", "") or ""), self)
        self.notes.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Code:"), QLabel(str(values.get("code", "") or ""), self))
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Community:"), self.community)
        form.addRow(self.tr("Responsible unit:"), self.unit)
        form.addRow(self.tr("Notes:"), self.notes)
        lay_out_form(self, form)

    def values(self) -> dict[str, str]:
        return {"name": self.name.text().strip(), "kind": str(self.kind.currentData()),
                "community": str(self.community.currentData() or ""),
                "responsible_unit": self.unit.text().strip(),
                "notes": self.notes.toPlainText().strip()}

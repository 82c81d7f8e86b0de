"""Where to put the next centre: the site suggestion dialog.

Asks for k new sites (most households newly covered) or a target share
(fewest sites reaching it), the level, the service, and the candidates
(points along the network every N metres, or the points of a file, e.g.
vacant public buildings). The search runs off the GUI thread with a
progress bar and Cancel. Each suggestion is listed with its explanation
(households and residents it adds, the grid cells that gain) and emitted as
``suggestionsChanged(list)`` so the map can show it; "Add as centre" emits
``addRequested(SiteSuggestion)`` and the feature turns it into an undoable
centre. The dialog is not modal: the user looks at the map meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import shapely
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.analysis.network.coverage import STRAIGHT_LINE
from gridplanner.analysis.network.coverage_view import level_text
from gridplanner.errors import ImportDataError
from gridplanner.model.plan import Plan
from gridplanner.qt.coverage.centre_dialog import service_label
from gridplanner.qt.shell.analysis_worker import AnalysisWorker
from gridplanner.qt.shell.dialog_parts import exclusive_radios


def read_candidate_points(plan: Plan, path: str | Path) -> np.ndarray:
    """Candidate sites from a point (or polygon) file, in the plan's CRS."""
    from gridplanner.io.importers.readers import read_vector, to_plan_crs

    gdf = to_plan_crs(plan, read_vector(path))
    if len(gdf) == 0:
        raise ImportDataError(f"{path}: holds no candidate sites")
    return np.asarray(shapely.point_on_surface(np.asarray(gdf.geometry.values, dtype=object)),
                      dtype=object)


class SitingDialog(QDialog):
    """Site suggestion parameters, run and results (see the module docstring)."""

    suggestionsChanged = Signal(list)
    addRequested = Signal(object)

    def __init__(self, plan: Plan, levels_m: list[float], speed: float, services: list[str],
                 service: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.speed = speed
        self.worker: AnalysisWorker | None = None
        self.result = None
        #: the parameters the shown result was computed with ("Add as centre" uses its service)
        self.ran_params: dict[str, Any] = {}
        self.setWindowTitle(self.tr("Suggest Centre Sites"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form(levels_m, services, service))
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.results = QTreeWidget(self)
        self.results.setRootIsDecorated(False)
        self.results.setWordWrap(True)
        self.results.setHeaderLabels([self.tr("Site"), self.tr("Households added"),
                                      self.tr("Residents added"), self.tr("Grid cells that gain"),
                                      ""])
        head = self.results.header()
        head.setStretchLastSection(False)
        for col in (0, 1, 2, 4):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Suggest"), self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        row.addStretch(1)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)

    def _build_form(self, levels_m: list[float], services: list[str],
                    service: str | None) -> QFormLayout:
        form = QFormLayout()
        self.by_count, self.by_target = exclusive_radios(
            self, self.tr("Number of new sites:"), self.tr("Fewest sites to reach a share:"))
        self.count = QSpinBox(self)
        self.count.setRange(1, 500)
        self.count.setValue(3)
        self.target = QDoubleSpinBox(self)
        self.target.setRange(1, 100)
        self.target.setDecimals(0)
        self.target.setValue(round(self.plan.settings.target_share * 100))
        self.target.setSuffix(" %")
        form.addRow(self.by_count, self.count)
        form.addRow(self.by_target, self.target)
        self.level = QComboBox(self)
        for lv in levels_m:
            self.level.addItem(level_text(lv, self.speed), float(lv))
        self.level.setCurrentIndex(self.level.count() - 1)
        form.addRow(self.tr("Within:"), self.level)
        self.service = QComboBox(self)
        self.service.addItem(self.tr("All services"), "")
        for name in services:
            self.service.addItem(service_label(name), name)
        self.service.setCurrentIndex(max(0, self.service.findData(service or "")))
        form.addRow(self.tr("Service:"), self.service)
        self.from_network, self.from_file = exclusive_radios(
            self, self.tr("Points along the network, every"), self.tr("Points from a file:"))
        self.spacing = QDoubleSpinBox(self)
        self.spacing.setRange(10, 2000)
        self.spacing.setValue(100)
        self.spacing.setSuffix(" m")
        form.addRow(self.from_network, self.spacing)
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        form.addRow(self.from_file, file_row)
        self.capacity = QCheckBox(self.tr("Count the centres' capacity (households a centre "
                                          "has no room for count as not covered)"), self)
        form.addRow("", self.capacity)
        return form

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Candidate Sites"), "",
                                              self.tr("GIS files (*.gpkg *.shp *.zip *.geojson "
                                                      "*.json *.kml);;All files (*)"))
        if path:
            self.file_edit.setText(path)
            self.from_file.setChecked(True)

    # -- running --------------------------------------------------------------
    def params(self) -> dict[str, Any]:
        """The keyword arguments for :func:`gridplanner.analysis.network.siting.suggest_sites`."""
        out: dict[str, Any] = {"level": float(self.level.currentData()),
                               "service": self.service.currentData() or None,
                               "spacing_m": float(self.spacing.value()),
                               "count_capacity": self.capacity.isChecked()}
        if self.by_count.isChecked():
            out["count"] = int(self.count.value())
        else:
            out["target"] = float(self.target.value()) / 100.0
        return out

    def start(self) -> None:
        """Run the suggestion in a worker thread."""
        if self.worker is not None:
            return
        params, plan = self.params(), self.plan
        self.ran_params = dict(params)
        path = self.file_edit.text().strip() if self.from_file.isChecked() else ""

        def job(progress, cancelled):
            from gridplanner.analysis.network.siting import suggest_sites

            cands = read_candidate_points(plan, path) if path else None
            return suggest_sites(plan, candidates=cands, progress=progress, cancelled=cancelled,
                                 **params)

        self.results.clear()
        self.suggestionsChanged.emit([])
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Searching…"))
        self.run_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.worker = AnalysisWorker(job)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def _progressed(self, pct: int, _text: str) -> None:
        self.progress.setValue(pct)

    def cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.close()

    def _finish(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def _failed(self, message: str) -> None:
        self._finish()
        self.status.setText(message)

    def _done(self, result) -> None:
        self._finish()
        self.show_result(result)

    # -- results ----------------------------------------------------------------
    def show_result(self, result) -> None:
        """List the suggestions with their explanation and show them on the map."""
        self.result = result
        self.results.clear()
        method = (self.tr("straight line — no network loaded") if result.method == STRAIGHT_LINE
                  else self.tr("walking network"))
        text = self.tr("Households covered within %1: %2% now, %3% with the suggested sites "
                       "(%4). %5.").replace(
            "%1", level_text(result.level_m, self.speed)).replace(
            "%2", f"{result.share_before * 100:.1f}").replace(
            "%3", f"{result.share_after * 100:.1f}").replace("%4", method).replace(
            "%5", result.guarantee)
        if result.target_reached is False:
            text += " " + self.tr("The target cannot be reached with these candidates.")
        if not result.suggestions:
            text += " " + self.tr("No site adds coverage.")
        self.status.setText(text)
        for s in result.suggestions:
            cells = ", ".join(f"{c}: {h:,.0f}" for c, h in list(s.cells.items())[:6])
            if len(s.cells) > 6:
                cells += ", …"
            name = (self.tr("%1. %2").replace("%1", str(s.rank)).replace("%2", s.place)
                    if getattr(s, "place", "") else self.tr("Site %1").replace("%1", str(s.rank)))
            item = QTreeWidgetItem([name,
                                    f"{s.households_added:,.0f}", f"{s.residents_added:,.0f}",
                                    cells or "—", ""])
            item.setToolTip(3, "\n".join(f"{c}: {h:,.0f}" for c, h in s.cells.items()))
            item.setToolTip(0, f"({s.point.x:,.1f}, {s.point.y:,.1f})")
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.results.addTopLevelItem(item)
            button = QPushButton(self.tr("Add as centre"), self.results)
            button.clicked.connect(lambda _c=False, sug=s: self.addRequested.emit(sug))
            self.results.setItemWidget(item, 4, button)
        self.suggestionsChanged.emit(list(result.suggestions))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait(10000)
        self.suggestionsChanged.emit([])
        super().closeEvent(event)

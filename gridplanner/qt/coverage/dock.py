"""The coverage dock: levels, service, target, the tallies and the uncovered buildings.

* The distance method in words: "walking network", or clearly "straight
  line — no network loaded".
* Levels in metres or in minutes with a walking speed; both numbers are
  shown for every level ("500 m · 8.3 min").
* A service filter (all services, or one: a centre without it does not count).
* A table per plan / community / grid cell: households and residents
  covered at each level and the share against the target, coloured.
* The uncovered buildings (beyond the largest level); a click emits
  ``buildingActivated(fid)`` so the window can select and zoom.

The dock only gathers parameters (``parametersChanged``) and shows a
:class:`~gridplanner.analysis.network.coverage_view.CoverageTable`;
:meth:`refresh_tallies` redraws the numbers after the table's distances
changed (a centre being dragged).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from gridplanner.analysis.network.coverage import STRAIGHT_LINE
from gridplanner.analysis.network.coverage_view import (
    CELL,
    COMMUNITY,
    PLAN,
    SERVICE,
    CoverageTable,
    level_text,
)
from gridplanner.qt.coverage.centre_dialog import service_label
from gridplanner.qt.coverage.centre_table import CentreTable
from gridplanner.qt.coverage.dock_lists import DockLists
from gridplanner.qt.coverage.scenario_panel import ScenarioPanel
from gridplanner.qt.shell.retranslate import Retranslatable

MET_COLOUR, MISSED_COLOUR = "#c7e9c0", "#fcbba1"
METHOD_STYLES = {"network": "color:#1a6b2f; font-weight:bold;",
                 STRAIGHT_LINE: "color:#b2182b; font-weight:bold;"}


def parse_numbers(text: str) -> list[float]:
    """Positive numbers from "300, 500 1000" (commas, spaces, Chinese commas)."""
    out = []
    for part in text.replace("，", ",").replace("、", ",").replace(";", ",").replace(" ", ",").split(","):
        if part.strip():
            value = float(part)
            if not math.isfinite(value) or value <= 0:
                raise ValueError(part)
            out.append(value)
    if not out:
        raise ValueError(text)
    return sorted(set(out))


class CoverageDock(DockLists, Retranslatable, QDockWidget):
    """Coverage parameters and results (see the module docstring)."""

    parametersChanged = Signal()
    computeRequested = Signal()
    buildingActivated = Signal(int)
    centreActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CoverageDock")
        self.table_data: CoverageTable | None = None
        self._levels_m: list[float] = [300.0, 500.0, 1000.0]
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.method_label = QLabel(body)
        self.method_label.setWordWrap(True)
        layout.addWidget(self.method_label)
        layout.addLayout(self._build_form(body))
        self.levels_label = QLabel(body)
        self.levels_label.setWordWrap(True)
        layout.addWidget(self.levels_label)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self._build_table_tab(), "")
        self.uncovered = QTreeWidget(body)
        self.uncovered.setRootIsDecorated(False)
        self.uncovered.setUniformRowHeights(True)
        self.uncovered.itemClicked.connect(self._uncovered_clicked)
        self.uncovered.itemActivated.connect(self._uncovered_clicked)
        self.tabs.addTab(self.uncovered, "")
        self.centres = CentreTable(body)
        self.centres.centreActivated.connect(self.centreActivated)
        self.tabs.addTab(self.centres, "")
        self.scenarios = ScenarioPanel(body)
        self.tabs.addTab(self.scenarios, "")
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.retranslateUi()

    # -- building ---------------------------------------------------------------
    def _build_form(self, body: QWidget) -> QFormLayout:
        form = QFormLayout()
        row = QHBoxLayout()
        self.levels_edit = QLineEdit("300, 500, 1000", body)
        self.levels_edit.editingFinished.connect(self._levels_edited)
        self.unit = QComboBox(body)
        self.unit.addItem("m", "m")
        self.unit.addItem("min", "min")
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.speed = QDoubleSpinBox(body)
        self.speed.setRange(0.1, 5.0)
        self.speed.setSingleStep(0.05)
        self.speed.setDecimals(2)
        self.speed.setValue(1.0)
        self.speed.setSuffix(" m/s")
        self.speed.valueChanged.connect(self._speed_changed)
        # a small button with a menu: the levels field keeps the room
        self.preset = QToolButton(body)
        self.preset.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.preset)
        self.preset_actions = {key: menu.addAction("") for key in ("circles", "minutes")}
        for key, action in self.preset_actions.items():
            action.triggered.connect(lambda _c=False, k=key: self._preset_chosen(k))
        self.preset.setMenu(menu)
        row.addWidget(self.levels_edit, 1)
        row.addWidget(self.unit)
        row.addWidget(self.speed)
        row.addWidget(self.preset)
        self.service = QComboBox(body)
        self.service.currentIndexChanged.connect(lambda *_: self.parametersChanged.emit())
        self.target = QDoubleSpinBox(body)
        self.target.setRange(1.0, 100.0)
        self.target.setDecimals(0)
        self.target.setValue(85.0)
        self.target.setSuffix(" %")
        self.target.valueChanged.connect(self._target_changed)
        self.compute_button = QPushButton(body)
        self.compute_button.clicked.connect(self.computeRequested.emit)
        trow = QHBoxLayout()
        trow.addWidget(self.target)
        trow.addStretch(1)
        trow.addWidget(self.compute_button)
        self.levels_caption, self.service_caption, self.target_caption = (
            QLabel(body), QLabel(body), QLabel(body))
        form.addRow(self.levels_caption, row)
        form.addRow(self.service_caption, self.service)
        form.addRow(self.target_caption, trow)
        return form

    def _build_table_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        self.scope = QComboBox(page)
        for scope in (PLAN, COMMUNITY, CELL, SERVICE):
            self.scope.addItem("", scope)
        self.scope.setCurrentIndex(1)
        self.scope.currentIndexChanged.connect(lambda *_: self.refresh_tallies())
        self.count_kind = QComboBox(page)
        self.count_kind.addItem("", "residents")
        self.count_kind.addItem("", "households")
        self.count_kind.currentIndexChanged.connect(lambda *_: self.refresh_tallies())
        row = QHBoxLayout()
        row.addWidget(self.scope, 1)
        row.addWidget(self.count_kind, 1)
        layout.addLayout(row)
        self.table = QTableWidget(page)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        return page

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(self.tr("Walking Coverage"))
        self.levels_caption.setText(self.tr("Levels:"))
        self.service_caption.setText(self.tr("Service:"))
        self.target_caption.setText(self.tr("Target share:"))
        self.compute_button.setText(self.tr("Compute"))
        self.levels_edit.setToolTip(self.tr("Walking distances in metres, or times in minutes "
                                            "at the walking speed, separated by commas"))
        self.unit.setItemText(0, self.tr("m"))
        self.unit.setItemText(1, self.tr("min"))
        self.preset.setText(self.tr("Standard…"))
        self.preset_actions["circles"].setText(
            self.tr("5/10/15-minute circles: 300, 500, 1,000 m"))
        self.preset_actions["minutes"].setText(self.tr("5, 10, 15 minutes at the walking speed"))
        self.preset.setToolTip(self.tr("The life circles of GB 50180-2018 name 300, 500 and "
                                       "1,000 m the 5-, 10- and 15-minute circles"))
        names = {PLAN: self.tr("Whole plan"), COMMUNITY: self.tr("Per community"),
                 CELL: self.tr("Per grid cell"), SERVICE: self.tr("Per service")}
        for i in range(self.scope.count()):
            self.scope.setItemText(i, names[self.scope.itemData(i)])
        if self.service.count():
            self.service.setItemText(0, self.tr("All services"))
        self.count_kind.setItemText(0, self.tr("Residents covered"))
        self.count_kind.setItemText(1, self.tr("Households covered"))
        self.tabs.setTabText(0, self.tr("Tallies"))
        self.tabs.setTabText(3, self.tr("Scenarios"))
        self._show_levels()
        self.show_table(self.table_data)

    # -- parameters -------------------------------------------------------------
    def set_defaults(self, levels_m, speed: float, target: float, services) -> None:
        """Show the plan's settings (levels in metres, speed m/s, target 0–1, services)."""
        for w in (self.speed, self.target, self.unit, self.service):
            w.blockSignals(True)
        self.speed.setValue(float(speed))
        self.target.setValue(round(float(target) * 100))
        self.unit.setCurrentIndex(0)
        self._levels_m = sorted(float(x) for x in levels_m)
        self.levels_edit.setText(", ".join(f"{x:g}" for x in self._levels_m))
        for w in (self.speed, self.target, self.unit, self.service):
            w.blockSignals(False)
        self.set_services(services)
        self.service.setCurrentIndex(0)
        self._show_levels()

    def set_services(self, services) -> None:
        """The services to choose from (the current choice is kept when still offered)."""
        current = self.current_service() if self.service.count() else None
        self.service.blockSignals(True)
        self.service.clear()
        self.service.addItem(self.tr("All services"), "")
        for name in services:
            self.service.addItem(service_label(name), name)
        self.service.setCurrentIndex(max(0, self.service.findData(current or "")))
        self.service.blockSignals(False)
        if (self.current_service() or None) != (current or None):
            self.parametersChanged.emit()

    def levels_m(self) -> list[float]:
        return list(self._levels_m)

    def walking_speed(self) -> float:
        return float(self.speed.value())

    def target_share(self) -> float:
        return float(self.target.value()) / 100.0

    def current_service(self) -> str | None:
        return self.service.currentData() or None

    def set_service(self, name: str | None) -> None:
        i = self.service.findData(name or "")
        self.service.setCurrentIndex(max(i, 0))

    def _in_unit(self, metres: float) -> float:
        return metres / self.walking_speed() / 60.0 if self.unit.currentData() == "min" else metres

    def _levels_edited(self) -> None:
        try:
            values = parse_numbers(self.levels_edit.text())
        except ValueError:
            self.levels_edit.setText(", ".join(f"{self._in_unit(x):g}" for x in self._levels_m))
            return
        minutes = self.unit.currentData() == "min"
        new = [v * 60.0 * self.walking_speed() if minutes else v for v in values]
        if [round(x, 6) for x in new] != [round(x, 6) for x in self._levels_m]:
            self._levels_m = new
            self._show_levels()
            self.parametersChanged.emit()

    def _preset_chosen(self, key: str) -> None:
        """Set the standard circles (``circles``: their distances) or 5/10/15 minutes
        at the walking speed (``minutes``)."""
        minutes = key == "minutes"
        self.unit.blockSignals(True)
        self.unit.setCurrentIndex(1 if minutes else 0)
        self.unit.blockSignals(False)
        self.levels_edit.setText("5, 10, 15" if minutes else "300, 500, 1000")
        self._levels_edited()

    def _unit_changed(self, *_args) -> None:
        self.levels_edit.setText(", ".join(f"{round(self._in_unit(x), 2):g}" for x in self._levels_m))

    def _speed_changed(self, *_args) -> None:
        if self.unit.currentData() == "min":
            self._levels_edited_from_minutes()
        self._show_levels()
        self.parametersChanged.emit()

    def _levels_edited_from_minutes(self) -> None:
        try:
            values = parse_numbers(self.levels_edit.text())
        except ValueError:
            return
        self._levels_m = [v * 60.0 * self.walking_speed() for v in values]

    def _target_changed(self, *_args) -> None:
        if self.table_data is not None:
            self.table_data.target_share = self.target_share()
            self.refresh_tallies()

    def _show_levels(self) -> None:
        speed = self.walking_speed()
        self.levels_label.setText("  |  ".join(level_text(x, speed) for x in self._levels_m))

    # -- results ------------------------------------------------------------------
    def show_table(self, table: CoverageTable | None) -> None:
        """Show a coverage table (None: nothing computed yet)."""
        self.table_data = table
        if table is None:
            self.method_label.setText(self.tr("Coverage not computed yet."))
            self.method_label.setStyleSheet("")
        elif table.method == STRAIGHT_LINE:
            self.method_label.setText(self.tr("Method: straight line — no network loaded. "
                                              "Distances are as the crow flies, not walked."))
            self.method_label.setStyleSheet(METHOD_STYLES[STRAIGHT_LINE])
        else:
            self.method_label.setText(self.tr("Method: walking network (distances along "
                                              "streets and paths)."))
            self.method_label.setStyleSheet(METHOD_STYLES["network"])
        if table is not None:
            table.target_share = self.target_share()
        self.refresh_tallies()

    def refresh_tallies(self, uncovered: bool = True) -> None:
        """Redraw the numbers from the table's current distances (``uncovered``: the
        list of uncovered buildings too; skipped while a centre is dragged)."""
        t = self.table_data
        plan_rows = t.rows(PLAN) if t is not None else []
        self._fill_table(t, plan_rows)
        if uncovered:
            self._fill_uncovered(t)
        if uncovered or self.tabs.currentWidget() is self.centres:
            self._fill_centres(t)
        if t is None:
            self.summary.setText("")
            return
        last = plan_rows[0]["levels"][-1]
        kind = self.count_kind.currentData()
        share = last["household_share" if kind == "households" else "resident_share"]
        met = share + 1e-12 >= t.target_share
        basis = self.tr("households") if kind == "households" else self.tr("residents")
        verdict = self.tr("meets") if met else self.tr("misses")
        self.summary.setText(
            self.tr("%1 of %2 within %3: %4 the %5 target.")
            .replace("%1", f"{share * 100:.1f}%").replace("%2", basis)
            .replace("%3", level_text(t.levels_m[-1], t.walking_speed))
            .replace("%4", verdict).replace("%5", f"{t.target_share * 100:.0f}%"))
        if t.service:
            self.summary.setText(self.summary.text() + " (" + service_label(t.service) + ")")
        self.summary.setStyleSheet(f"background:{MET_COLOUR if met else MISSED_COLOUR};"
                                   "padding:3px;")

    def _headers(self, t: CoverageTable, kind: str) -> list[str]:
        what = self.tr("households") if kind == "households" else self.tr("residents")
        area = self.tr("Service") if self.scope.currentData() == SERVICE else self.tr("Area")
        heads = [area, self.tr("Households") if kind == "households"
                 else self.tr("Residents")]
        for lv in t.levels_m:
            heads += [self.tr("≤ %1 m").replace("%1", f"{lv:,.0f}") + "\n"
                      + self.tr("%1 min").replace("%1", f"{lv / t.walking_speed / 60.0:.1f}")
                      + "\n" + what, self.tr("share")]
        return heads

    def _fill_table(self, t: CoverageTable | None, plan_rows: list[dict]) -> None:
        if t is None:
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self._heads: list[str] = []
            return
        self.table.setUpdatesEnabled(False)
        scope, kind = self.scope.currentData(), self.count_kind.currentData()
        rows = [dict(plan_rows[0], name=self.tr("Whole plan"))]
        if scope == SERVICE:
            rows += [dict(r, name=service_label(r["name"])) for r in t.rows(SERVICE)]
        elif scope != PLAN:
            rows += t.rows(scope)
        heads = self._headers(t, kind)
        if heads != getattr(self, "_heads", None):
            self.table.clear()
            self.table.setColumnCount(len(heads))
            self.table.setHorizontalHeaderLabels(heads)
            self._heads = heads
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self._fill_row(r, row, kind, t.target_share)
        self.table.setUpdatesEnabled(True)

    def _fill_row(self, r: int, row: dict, kind: str, target: float) -> None:
        bold = QFont(self.table.font())
        bold.setBold(True)
        share_key = "household_share" if kind == "households" else "resident_share"
        cells = [row["name"] or "—", f"{row[kind]:,.0f}"]
        for lv in row["levels"]:
            cells += [f"{lv[kind]:,.0f}", f"{lv[share_key] * 100:.1f}%"]
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r == 0:
                item.setFont(bold)
            if c >= 2 and c % 2 == 1:
                lv = row["levels"][(c - 2) // 2]
                ok = lv[share_key] + 1e-12 >= target
                item.setBackground(QBrush(QColor(MET_COLOUR if ok else MISSED_COLOUR)))
                item.setToolTip(self.tr("%1 households, %2 residents covered").replace(
                    "%1", f"{lv['households']:,.0f}").replace("%2", f"{lv['residents']:,.0f}"))
            self.table.setItem(r, c, item)

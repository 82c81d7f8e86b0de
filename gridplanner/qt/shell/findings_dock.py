"""A dock listing findings (validation, roster rules, network health).

Generic: any feature shows a list of :class:`~gridplanner.analysis.findings.Finding`
with :meth:`FindingsDock.set_findings`. Each row shows the severity (icon
and colour), the kind, the message and the cell codes; the user filters by
severity or text. Clicking a finding emits ``findingActivated(Finding)``;
with a canvas given, the dock also selects the finding's cells (or other
features) and zooms to where it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.qt.shell.finding_texts import describe
from gridplanner.qt.shell.retranslate import Retranslatable

#: zooming to a finding shows at least this many metres around it
MIN_ZOOM_M = 150.0
SEVERITY_COLOURS = {ERROR: "#fde0dc", WARNING: "#fff4cc"}
SEVERITY_RANK = {ERROR: 0, WARNING: 1}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: human names of the finding kinds that grid validation reports
KIND_NAMES: dict[str, str] = {
    "empty_cell": QT_TRANSLATE_NOOP("FindingsDock", "Empty cell"),
    "invalid_geometry": QT_TRANSLATE_NOOP("FindingsDock", "Invalid outline"),
    "multipart": QT_TRANSLATE_NOOP("FindingsDock", "Multi-part cell"),
    "non_contiguous": QT_TRANSLATE_NOOP("FindingsDock", "Non-contiguous cell"),
    "overlap": QT_TRANSLATE_NOOP("FindingsDock", "Overlap"),
    "gap": QT_TRANSLATE_NOOP("FindingsDock", "Gap"),
    "no_community": QT_TRANSLATE_NOOP("FindingsDock", "No community"),
    "outside_community": QT_TRANSLATE_NOOP("FindingsDock", "Outside its community"),
    "crosses_community": QT_TRANSLATE_NOOP("FindingsDock", "Crosses a community boundary"),
    "building_in_no_cell": QT_TRANSLATE_NOOP("FindingsDock", "Building in no cell"),
    "building_in_two_cells": QT_TRANSLATE_NOOP("FindingsDock", "Building in two cells"),
    "building_split": QT_TRANSLATE_NOOP("FindingsDock", "Building cut by a boundary"),
    "households_below_range": QT_TRANSLATE_NOOP("FindingsDock", "Households below range"),
    "households_above_range": QT_TRANSLATE_NOOP("FindingsDock", "Households above range"),
    "residents_above_max": QT_TRANSLATE_NOOP("FindingsDock", "Too many residents"),
    "duplicate_code": QT_TRANSLATE_NOOP("FindingsDock", "Duplicate code"),
    "missing_code": QT_TRANSLATE_NOOP("FindingsDock", "Missing code"),
    "invalid_code": QT_TRANSLATE_NOOP("FindingsDock", "Invalid code"),
    "range_not_met": QT_TRANSLATE_NOOP("FindingsDock", "Range not met"),
    "no_roster": QT_TRANSLATE_NOOP("FindingsDock", "No roster yet"),
    "no_leader": QT_TRANSLATE_NOOP("FindingsDock", "No grid leader"),
    "no_full_time_worker": QT_TRANSLATE_NOOP("FindingsDock", "No full-time worker"),
    "no_branch": QT_TRANSLATE_NOOP("FindingsDock", "No Party branch"),
    "branch_too_small": QT_TRANSLATE_NOOP("FindingsDock", "Branch too small"),
    "joint_branch_not_adjacent": QT_TRANSLATE_NOOP("FindingsDock", "Joint branch not adjacent"),
    "dedicated_without_unit": QT_TRANSLATE_NOOP("FindingsDock", "Dedicated grid without unit"),
    "duplicate_person": QT_TRANSLATE_NOOP("FindingsDock", "Duplicate person"),
    "duplicate_phone": QT_TRANSLATE_NOOP("FindingsDock", "Duplicate phone"),
    "worker_multiple_communities": QT_TRANSLATE_NOOP("FindingsDock", "Worker in several communities"),
    "worker_overloaded": QT_TRANSLATE_NOOP("FindingsDock", "Worker overloaded"),
    "network_component": QT_TRANSLATE_NOOP("FindingsDock", "Disconnected network part"),
    "dangling_end": QT_TRANSLATE_NOOP("FindingsDock", "Dead end"),
    "zero_length_edge": QT_TRANSLATE_NOOP("FindingsDock", "Zero-length street"),
    "micro_no_cell": QT_TRANSLATE_NOOP("FindingsDock", "Micro-grid in no grid"),
    "micro_outside_cell": QT_TRANSLATE_NOOP("FindingsDock", "Micro-grid outside its grid"),
    "micro_overlap": QT_TRANSLATE_NOOP("FindingsDock", "Micro-grid overlap"),
    "micro_gap": QT_TRANSLATE_NOOP("FindingsDock", "Micro-grid gap"),
    "micro_duplicate_number": QT_TRANSLATE_NOOP("FindingsDock", "Duplicate micro-grid number"),
    "micro_building_split": QT_TRANSLATE_NOOP("FindingsDock", "Building cut by a micro-grid"),
    "micro_households_below_range": QT_TRANSLATE_NOOP("FindingsDock",
                                                      "Micro-grid households below range"),
    "micro_households_above_range": QT_TRANSLATE_NOOP("FindingsDock",
                                                      "Micro-grid households above range"),
    "org_parent_missing": QT_TRANSLATE_NOOP("FindingsDock", "Missing parent in the tree"),
    "party_group_without_branch": QT_TRANSLATE_NOOP("FindingsDock", "Party group without branch"),
    "micro_grid_without_carer": QT_TRANSLATE_NOOP("FindingsDock",
                                                  "Micro-grid without household or steward"),
    "care_out_of_range": QT_TRANSLATE_NOOP("FindingsDock", "Households cared for out of range"),
    "compound_without_branch": QT_TRANSLATE_NOOP("FindingsDock", "Compound without branch"),
}


def kind_name(kind: str) -> str:
    """The translated name of a finding kind (the kind itself when unknown)."""
    if kind in KIND_NAMES:
        return QCoreApplication.translate("FindingsDock", KIND_NAMES[kind])
    return kind.replace("_", " ")


class _Item(QTreeWidgetItem):
    """A row that sorts by a key stored per column (errors before warnings in any language)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        mine = self.data(column, SORT_ROLE)
        theirs = other.data(column, SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs
        return self.text(column) < other.text(column)


class FindingsDock(Retranslatable, QDockWidget):
    """Findings with severity, filter and zoom-to (see the module docstring)."""

    findingActivated = Signal(object)

    def __init__(self, canvas=None, parent: QWidget | None = None, object_name: str = ""):
        super().__init__(parent)
        self.setObjectName(object_name or "FindingsDock")
        self.canvas = canvas
        self.findings: list[Finding] = []
        self.title = ""
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.severity = QComboBox(body)
        self.severity.currentIndexChanged.connect(self._fill)
        self.filter = QLineEdit(body)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill)
        row.addWidget(self.severity)
        row.addWidget(self.filter, 1)
        layout.addLayout(row)
        self.summary = QLabel(body)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(body)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout.addWidget(self.tree)
        self.setWidget(body)
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(self.title or self.tr("Findings"))
        current = self.severity.currentIndex()
        self.severity.blockSignals(True)
        self.severity.clear()
        self.severity.addItem(self.tr("All"), "")
        self.severity.addItem(self.tr("Errors"), ERROR)
        self.severity.addItem(self.tr("Warnings"), WARNING)
        self.severity.setCurrentIndex(max(current, 0))
        self.severity.blockSignals(False)
        self.filter.setPlaceholderText(self.tr("Filter findings…"))
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Kind"), self.tr("Cells"),
                                   self.tr("Message")])
        self._fill()

    # -- content --------------------------------------------------------------
    def set_findings(self, findings: Sequence[Finding], title: str = "") -> None:
        """Show ``findings`` (replacing the list); ``title`` names where they came from."""
        self.findings = list(findings)
        if title:
            self.title = title
            self.setWindowTitle(title)
        self._fill()

    def visible_findings(self) -> list[Finding]:
        """The findings the current filter lets through, in list order."""
        severity = self.severity.currentData() or ""
        text = self.filter.text().strip().lower()
        out = []
        for f in self.findings:
            if severity and f.severity != severity:
                continue
            hay = " ".join([f.kind, kind_name(f.kind), f.message, describe(f), *f.cells,
                            f.community]).lower()
            if text and text not in hay:
                continue
            out.append(f)
        return out

    def _fill(self, *_args) -> None:
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        style = self.style()
        icons = {ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        names = {ERROR: self.tr("error"), WARNING: self.tr("warning")}
        shown = self.visible_findings()
        for f in shown:
            item = _Item([names.get(f.severity, f.severity), kind_name(f.kind),
                          ", ".join(f.cells), describe(f)])
            number = self.findings.index(f)
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            item.setData(0, SORT_ROLE, (SEVERITY_RANK.get(f.severity, 2), number))
            item.setIcon(0, icons.get(f.severity, icons[WARNING]))
            item.setToolTip(3, f.message)
            brush = QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "#ffffff")))
            for col in range(4):
                item.setBackground(col, brush)
            self.tree.addTopLevelItem(item)
        self.tree.setSortingEnabled(True)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(2, min(self.tree.columnWidth(2), 260))
        errors = sum(1 for f in self.findings if f.severity == ERROR)
        self.summary.setText(self.tr("%1 error(s), %2 warning(s); %3 shown")
                             .replace("%1", str(errors))
                             .replace("%2", str(len(self.findings) - errors))
                             .replace("%3", str(len(shown))))

    # -- going there ----------------------------------------------------------
    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = self.findings[int(item.data(0, Qt.ItemDataRole.UserRole))]
        self.activate(finding)

    def activate(self, finding: Finding) -> None:
        """Select the finding's features and zoom there; emits ``findingActivated``."""
        if self.canvas is not None:
            self.show_on_canvas(finding)
        self.findingActivated.emit(finding)

    def show_on_canvas(self, finding: Finding) -> None:
        canvas = self.canvas
        if finding.cell_fids:
            canvas.set_selection("cells", finding.cell_fids)
        for layer, fids in finding.features.items():
            if layer in getattr(canvas.plan, "layers", {}):
                canvas.set_selection(layer, fids)
        if finding.geometry is not None and not finding.geometry.is_empty:
            x0, y0, x1, y1 = finding.geometry.bounds
            half = max(x1 - x0, y1 - y0, MIN_ZOOM_M) * 0.65
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            canvas.set_extent((cx - half, cy - half, cx + half, cy + half))
        else:
            canvas.zoom_to_selection()

"""The import dialog: gathers what to import and how; it changes nothing itself.

The window reads :meth:`ImportDialog.request` and runs the import as an
undoable :class:`~gridplanner.qt.shell.commands.ImportCommand`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from gridplanner.errors import GridPlannerError
from gridplanner.io.importers.building_data import GROUP_WORDS, table_headers
from gridplanner.io.importers.readers import field_names, list_layers
from gridplanner.io.importers.registry import (
    COORDS_CHOICES,
    IMPORT_KINDS,
    ImportOptions,
    ImportReport,
)
from gridplanner.qt.importing.messages import ui_text
from gridplanner.qt.shell.retranslate import Retranslatable

KIND_TITLES = {
    "boundaries": QT_TRANSLATE_NOOP("ImportDialog", "Boundaries (sub-district, community, compound)"),
    "buildings": QT_TRANSLATE_NOOP("ImportDialog", "Buildings"),
    "network": QT_TRANSLATE_NOOP("ImportDialog", "Streets / walking network"),
    "centres": QT_TRANSLATE_NOOP("ImportDialog", "Service centres"),
    "cells": QT_TRANSLATE_NOOP("ImportDialog", "Existing grid cells (网格)"),
    "building-data": QT_TRANSLATE_NOOP("ImportDialog", "Building data table (楼栋台账, .xlsx/.csv)"),
    "workers": QT_TRANSLATE_NOOP("ImportDialog", "Grid workers (roster)"),
    "branches": QT_TRANSLATE_NOOP("ImportDialog", "Party branches (roster)"),
}
COORDS_TITLES = {
    "wgs84": QT_TRANSLATE_NOOP("ImportDialog", "WGS84 (GPS, OpenStreetMap)"),
    "gcj02": QT_TRANSLATE_NOOP("ImportDialog", "GCJ-02 (Amap, Tencent)"),
    "bd09": QT_TRANSLATE_NOOP("ImportDialog", "BD-09 (Baidu)"),
}
LEVEL_TITLES = {
    "subdistrict": QT_TRANSLATE_NOOP("ImportDialog", "Sub-district / township"),
    "community": QT_TRANSLATE_NOOP("ImportDialog", "Community / village"),
    "compound": QT_TRANSLATE_NOOP("ImportDialog", "Residential compound"),
}
#: which option rows mean something for each kind (the others are disabled)
KIND_ROWS = {
    "boundaries": {"name", "level", "code", "snap", "fix", "spatial"},
    "cells": {"name", "code", "community", "kind", "snap", "spatial"},
    "building-data": {"households", "residents", "key", "building", "groups"},
    "buildings": {"households", "residents", "name", "spatial"},
    "network": {"crossings", "spatial"},
    "centres": {"name", "spatial"},
    "workers": set(),
    "branches": set(),
}
ENCODINGS = ("", "utf-8", "gbk", "gb18030", "big5")
LEVELS = ("", "subdistrict", "community", "compound")
FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "GIS and table files (*.gpkg *.shp *.zip *.geojson *.json *.kml *.kmz *.osm.pbf *.pbf *.osm "
    "*.csv *.xlsx);;All files (*)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _fields_of(path: str, layer: str | None, encoding: str | None) -> list[str]:
    """Attribute names of a file's layer, decoded as the importer will decode
    them (GBK shapefiles included), or [] when it cannot be read: the import
    itself then says why."""
    try:
        return field_names(path, layer=layer or None, encoding=encoding or None)
    except (GridPlannerError, OSError):
        return []


def _headers_of(path: str, encoding: str | None) -> list[str]:
    """Column headers of a table file (.xlsx/.csv), or []."""
    try:
        return table_headers(path, encoding=encoding or None)
    except (GridPlannerError, OSError, ValueError):
        return []


def _layers_of(path: str) -> list[str]:
    try:
        return list_layers(path)
    except (GridPlannerError, OSError):
        return []


class ImportDialog(Retranslatable, QDialog):
    """Choose a kind, a file and the import options."""

    def __init__(self, parent: QWidget | None = None, kind: str | None = None,
                 building_fields: list[str] | None = None):
        super().__init__(parent)
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.form = form
        self.kind_combo = QComboBox(self)
        for key in IMPORT_KINDS:
            self.kind_combo.addItem(key, key)
        self.path_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        self.layer_combo = QComboBox(self)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setEditable(True)
        for enc in ENCODINGS:
            self.encoding_combo.addItem(enc, enc)
        self.crs_edit = QLineEdit(self)
        self.coords_combo = QComboBox(self)
        for key in COORDS_CHOICES:
            self.coords_combo.addItem(key, key)
        self.households_combo, self.residents_combo, self.name_combo = (
            self._field_combo(), self._field_combo(), self._field_combo())
        self.level_combo = QComboBox(self)
        for level in LEVELS:
            self.level_combo.addItem(level, level)
        self.replace_check = QCheckBox(self)
        self.crossings_check = QCheckBox(self)
        self.code_combo, self.community_combo, self.grid_kind_combo, self.key_combo = (
            self._field_combo(), self._field_combo(), self._field_combo(), self._field_combo())
        self.building_combo = self._field_combo()
        self.building_combo.addItems([f for f in building_fields or [] if f])
        self.snap_spin = QDoubleSpinBox(self)
        self.snap_spin.setRange(0.0, 50.0)
        self.snap_spin.setSingleStep(0.5)
        self.snap_spin.setDecimals(1)
        self.snap_spin.setValue(1.0)
        self.groups_list = QListWidget(self)
        self.groups_list.setMaximumHeight(110)
        self.fix_check = QCheckBox(self)
        self.fix_check.setChecked(True)
        self._rows = (self.kind_combo, row, self.layer_combo, self.encoding_combo, self.crs_edit,
                      self.coords_combo, self.households_combo, self.residents_combo,
                      self.name_combo, self.level_combo, self.code_combo, self.community_combo,
                      self.grid_kind_combo, self.snap_spin, self.key_combo, self.building_combo,
                      self.groups_list)
        for field in self._rows:
            form.addRow(QLabel(self), field)  # texts set in retranslateUi
        form.addRow("", self.crossings_check)
        form.addRow("", self.fix_check)
        form.addRow("", self.replace_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self._browse)
        self.path_edit.editingFinished.connect(self._file_changed)
        self.layer_combo.currentIndexChanged.connect(self._layer_changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.retranslateUi()
        if kind:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self._kind_changed()

    def _kind_changed(self, *_args) -> None:
        """Enable only the options that mean something for the chosen kind."""
        wanted = KIND_ROWS.get(self.kind_combo.currentData(), set())
        for key, widget in self._option_widgets():
            widget.setEnabled(key in wanted)
            self.form.setRowVisible(widget, key in wanted)  # only the kind's own options
        self._layer_changed()

    def _option_widgets(self) -> tuple[tuple[str, QWidget], ...]:
        return (("households", self.households_combo), ("residents", self.residents_combo),
                ("name", self.name_combo), ("level", self.level_combo),
                ("crossings", self.crossings_check), ("code", self.code_combo),
                ("community", self.community_combo), ("kind", self.grid_kind_combo),
                ("snap", self.snap_spin), ("fix", self.fix_check), ("key", self.key_combo),
                ("building", self.building_combo), ("groups", self.groups_list),
                ("spatial", self.crs_edit), ("spatial", self.coords_combo),
                ("spatial", self.replace_check))

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        """Every label and choice in the current language."""
        self.setWindowTitle(self.tr("Import Data"))
        titles = (self.tr("Kind"), self.tr("File"), self.tr("Layer"), self.tr("Encoding"),
                  self.tr("Source CRS"), self.tr("Coordinates"), self.tr("Households field"),
                  self.tr("Residents field"), self.tr("Name field"), self.tr("Boundary level"),
                  self.tr("Code field"), self.tr("Community field"), self.tr("Grid type field"),
                  self.tr("Snap tolerance"), self.tr("Key column"), self.tr("Match buildings by"),
                  self.tr("Population groups"))
        for title, field in zip(titles, self._rows, strict=True):
            label = self.form.labelForField(field)
            if label is not None:
                label.setText(title)
        self.browse_button.setText(self.tr("Browse…"))
        self.crs_edit.setPlaceholderText(self.tr("from the file, e.g. EPSG:4490"))
        self.replace_check.setText(self.tr("Replace the layer's features"))
        self.fix_check.setText(self.tr("Fix overlaps and narrow gaps between boundaries"))
        self.snap_spin.setSuffix(self.tr(" m"))
        self.snap_spin.setToolTip(self.tr("Slivers and gaps between neighbours up to this width "
                                          "are closed; wider ones are reported"))
        self.building_combo.setItemText(0, self.tr("(the attribute matching most keys)"))
        self.key_combo.setToolTip(self.tr("The table column with each building's name, number "
                                          "or address"))
        self.crossings_check.setText(
            self.tr("Split streets at every crossing (not only where lines share a vertex)"))
        for i in range(self.kind_combo.count()):
            key = self.kind_combo.itemData(i)
            self.kind_combo.setItemText(i, _tr(KIND_TITLES.get(key, key)))
        for i in range(self.coords_combo.count()):
            key = self.coords_combo.itemData(i)
            self.coords_combo.setItemText(i, _tr(COORDS_TITLES.get(key, key)))
        self.encoding_combo.setItemText(0, self.tr("(detect)"))
        self.level_combo.setItemText(0, self.tr("(from a field or the name)"))
        for i in range(1, self.level_combo.count()):
            key = self.level_combo.itemData(i)
            self.level_combo.setItemText(i, _tr(LEVEL_TITLES.get(key, key)))

    def _field_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.addItem("")
        return combo

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file to import"), "",
                                              _tr(FILE_FILTER))
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        """Show ``path`` and fill the layer and field choosers from it."""
        self.path_edit.setText(path)
        self._file_changed()

    def _file_changed(self) -> None:
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for name in _layers_of(self.path_edit.text()):
            self.layer_combo.addItem(name)
        self.layer_combo.blockSignals(False)
        self._layer_changed()

    def _layer_changed(self, *_args) -> None:
        path = self.path_edit.text()
        if self.kind_combo.currentData() == "building-data":
            fields = _headers_of(path, self.encoding_combo.currentData()) if path else []
        else:
            fields = _fields_of(path, self.layer_combo.currentText() or None,
                                self.encoding_combo.currentData()) if path else []
        for combo in (self.households_combo, self.residents_combo, self.name_combo,
                      self.code_combo, self.community_combo, self.grid_kind_combo,
                      self.key_combo):
            current = combo.currentText()
            combo.clear()
            combo.addItems([""] + fields)
            combo.setCurrentText(current)
        self._fill_groups(fields)

    def _fill_groups(self, headers: list[str]) -> None:
        """The table's columns as check boxes; the usual group headers come checked."""
        checked = {self.groups_list.item(i).text() for i in range(self.groups_list.count())
                   if self.groups_list.item(i).checkState() == Qt.CheckState.Checked}
        self.groups_list.clear()
        if self.kind_combo.currentData() != "building-data":
            return
        words = set(GROUP_WORDS)
        for header in headers:
            item = QListWidgetItem(header, self.groups_list)
            on = header in checked or (not checked and header in words)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked_groups(self) -> list[str]:
        """The columns ticked as population groups."""
        return [self.groups_list.item(i).text() for i in range(self.groups_list.count())
                if self.groups_list.item(i).checkState() == Qt.CheckState.Checked]

    def request(self) -> tuple[str, Path, ImportOptions]:
        """(kind, file, options) as chosen."""
        def text(combo: QComboBox) -> str | None:
            return combo.currentText().strip() or None

        encoding = self.encoding_combo.currentData()
        if self.encoding_combo.currentText() != self.encoding_combo.itemText(
                self.encoding_combo.currentIndex()):
            encoding = self.encoding_combo.currentText()
        options = ImportOptions(
            layer=self.layer_combo.currentText() or None,
            encoding=(encoding or None),
            source_crs=self.crs_edit.text().strip() or None,
            coords=self.coords_combo.currentData(),
            households_field=text(self.households_combo),
            residents_field=text(self.residents_combo),
            name_field=text(self.name_combo),
            level=self.level_combo.currentData() or None,
            replace=self.replace_check.isChecked(),
        )
        if self.kind_combo.currentData() == "network":
            options.extra["node_crossings"] = self.crossings_check.isChecked()
        options.extra.update(self._office_options(text))
        return self.kind_combo.currentData(), Path(self.path_edit.text().strip()), options

    def _office_options(self, text) -> dict[str, object]:
        """The options of the cells, boundaries and building-data imports."""
        kind, extra = self.kind_combo.currentData(), {}
        wanted = KIND_ROWS.get(kind, set())
        for key, option, combo in (("code", "code_field", self.code_combo),
                                   ("community", "community_field", self.community_combo),
                                   ("kind", "kind_field", self.grid_kind_combo),
                                   ("key", "key_field", self.key_combo)):
            if key in wanted and text(combo):
                extra[option] = text(combo)
        chosen = self.building_combo.currentText()
        if "building" in wanted and chosen != self.building_combo.itemText(0) \
                and text(self.building_combo):
            extra["building_field"] = text(self.building_combo)
        if "snap" in wanted:
            extra["snap_tolerance"] = round(self.snap_spin.value(), 3)
        if "fix" in wanted:
            extra["fix_overlaps"] = self.fix_check.isChecked()
        if "groups" in wanted and self.groups_list.count():
            extra["group_fields"] = self.checked_groups()
        return extra

    def set_request(self, kind: str, path: str | Path, options: ImportOptions) -> None:
        """Show a request again (after a failed import), as the user entered it."""
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.encoding_combo.setCurrentText(options.encoding or self.encoding_combo.itemText(0))
        self.set_path(str(path))
        if options.layer:
            self.layer_combo.setCurrentText(options.layer)
        self.crs_edit.setText(options.source_crs or "")
        self.coords_combo.setCurrentIndex(max(0, self.coords_combo.findData(options.coords)))
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(options.level or "")))
        self.replace_check.setChecked(options.replace)
        extra = options.extra
        for combo, value in ((self.households_combo, options.households_field),
                             (self.residents_combo, options.residents_field),
                             (self.name_combo, options.name_field),
                             (self.code_combo, extra.get("code_field")),
                             (self.community_combo, extra.get("community_field")),
                             (self.grid_kind_combo, extra.get("kind_field")),
                             (self.key_combo, extra.get("key_field")),
                             (self.building_combo, extra.get("building_field"))):
            if value:
                combo.setCurrentText(str(value))
        self.snap_spin.setValue(float(extra.get("snap_tolerance", 1.0)))  # type: ignore[arg-type]
        self.fix_check.setChecked(bool(extra.get("fix_overlaps", True)))
        self.crossings_check.setChecked(bool(extra.get("node_crossings", False)))
        groups = extra.get("group_fields")
        if isinstance(groups, list):
            for i in range(self.groups_list.count()):
                item = self.groups_list.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.text() in groups
                                   else Qt.CheckState.Unchecked)


def report_summary(report: ImportReport) -> str:
    """One line in the UI language: what was imported, and what needs a look."""
    what = _tr(KIND_TITLES.get(report.kind, report.kind))
    text = _tr("Imported %1 × %2 from %3").replace("%1", str(report.added)) \
        .replace("%2", what).replace("%3", Path(report.file).name)
    notes = [(len(report.repaired), _tr("%1 repaired")), (len(report.skipped), _tr("%1 skipped")),
             (len(report.warnings), _tr("%1 notes"))]
    extra = [label.replace("%1", str(n)) for n, label in notes if n]
    if not extra:
        return text
    return text + _tr("; ") + _tr(", ").join(extra)  # Chinese punctuation in Chinese


def report_lines(report: ImportReport) -> list[str]:
    """The report's details in the UI language, speaking of the dialog's fields."""
    out = [report_summary(report)]
    for label, items in ((_tr("repaired: %1"), report.repaired), (_tr("skipped: %1"),
                         report.skipped), (_tr("note: %1"), report.warnings)):
        out += [label.replace("%1", ui_text(m)) for m in items]
    return out


def show_import_report(parent: QWidget, report: ImportReport) -> None:
    """The summary, and when anything was repaired, skipped or guessed, the
    list (by feature id) in a box the user can read and copy."""
    if not (report.repaired or report.skipped or report.warnings):
        return
    box = QMessageBox(QMessageBox.Icon.Information, _tr("Import report"),
                      report_summary(report), QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(_tr("Open the details for every feature that was repaired, "
                               "skipped or estimated."))
    box.setDetailedText("\n".join(report_lines(report)))
    box.exec()

"""Import a roster from Excel or CSV in two steps: the file, then its columns.

Step one chooses workers or branches, the file, the sheet (Excel) or the
text encoding (CSV, detected by default). Step two shows the first rows of
the table as read (title rows above the header skipped) and a column for
each roster field, pre-set by :func:`~gridplanner.io.importers.roster.guess_columns`.
Import runs the importer as one undoable command; an error is shown in the
dialog as its message and the plan stays as it was.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.errors import GridPlannerError
from gridplanner.io.importers.registers import REGISTER_SYNONYMS, guess_register_columns
from gridplanner.io.importers.registry import ImportOptions, ImportReport
from gridplanner.io.importers.roster import (
    EXCEL_SUFFIXES,
    HEADER_SYNONYMS,
    guess_columns,
    read_table,
)
from gridplanner.model.plan import Plan
from gridplanner.qt.shell.commands import ImportCommand

CONTEXT = "RosterImport"
PREVIEW_ROWS = 8
ENCODINGS = (
    ("", QT_TRANSLATE_NOOP("RosterImport", "Detect (UTF-8 or GBK)")),
    ("utf-8", "UTF-8"),
    ("gbk", "GBK"),
    ("gb18030", "GB18030"),
)
KINDS = (
    ("workers", QT_TRANSLATE_NOOP("RosterImport", "Grid workers")),
    ("branches", QT_TRANSLATE_NOOP("RosterImport", "Party branches")),
    ("party-members", QT_TRANSLATE_NOOP("RosterImport", "Reporting Party members (双报到)")),
    ("volunteers", QT_TRANSLATE_NOOP("RosterImport", "Volunteers")),
    ("staff", QT_TRANSLATE_NOOP("RosterImport", "Community staff")),
)
FIELD_TITLES = {
    "workers": {
        "name": QT_TRANSLATE_NOOP("RosterImport", "Name"),
        "phone": QT_TRANSLATE_NOOP("RosterImport", "Phone"),
        "role": QT_TRANSLATE_NOOP("RosterImport", "Role"),
        "community": QT_TRANSLATE_NOOP("RosterImport", "Community"),
        "cell": QT_TRANSLATE_NOOP("RosterImport", "Grid (code or name)"),
        "notes": QT_TRANSLATE_NOOP("RosterImport", "Notes"),
    },
    "branches": {
        "name": QT_TRANSLATE_NOOP("RosterImport", "Branch name"),
        "secretary": QT_TRANSLATE_NOOP("RosterImport", "Secretary"),
        "full_members": QT_TRANSLATE_NOOP("RosterImport", "Full members"),
        "kind": QT_TRANSLATE_NOOP("RosterImport", "Type"),
        "community": QT_TRANSLATE_NOOP("RosterImport", "Community"),
        "cell": QT_TRANSLATE_NOOP("RosterImport", "Grids (codes or names)"),
        "notes": QT_TRANSLATE_NOOP("RosterImport", "Notes"),
    },
    "party-members": {
        "name": QT_TRANSLATE_NOOP("RosterImport", "Name"),
        "phone": QT_TRANSLATE_NOOP("RosterImport", "Phone"),
        "work_unit": QT_TRANSLATE_NOOP("RosterImport", "Work unit"),
        "home": QT_TRANSLATE_NOOP("RosterImport", "Home (compound and building)"),
        "building": QT_TRANSLATE_NOOP("RosterImport", "Building (number or name)"),
        "community": QT_TRANSLATE_NOOP("RosterImport", "Community"),
        "cell": QT_TRANSLATE_NOOP("RosterImport", "Grid (code or name)"),
        "notes": QT_TRANSLATE_NOOP("RosterImport", "Notes"),
    },
    "volunteers": {
        "name": QT_TRANSLATE_NOOP("RosterImport", "Name"),
        "phone": QT_TRANSLATE_NOOP("RosterImport", "Phone"),
        "team": QT_TRANSLATE_NOOP("RosterImport", "Team"),
        "skills": QT_TRANSLATE_NOOP("RosterImport", "Skills"),
        "community": QT_TRANSLATE_NOOP("RosterImport", "Community"),
        "cell": QT_TRANSLATE_NOOP("RosterImport", "Grid (code or name)"),
        "notes": QT_TRANSLATE_NOOP("RosterImport", "Notes"),
    },
    "staff": {
        "name": QT_TRANSLATE_NOOP("RosterImport", "Name"),
        "phone": QT_TRANSLATE_NOOP("RosterImport", "Phone"),
        "post": QT_TRANSLATE_NOOP("RosterImport", "Post"),
        "community": QT_TRANSLATE_NOOP("RosterImport", "Community"),
        "centre": QT_TRANSLATE_NOOP("RosterImport", "Centre on duty"),
        "duty_days": QT_TRANSLATE_NOOP("RosterImport", "Duty days"),
        "notes": QT_TRANSLATE_NOOP("RosterImport", "Notes"),
    },
}


def field_names(kind: str) -> list[str]:
    """The fields of ``kind`` that can take a column, in order."""
    return list((REGISTER_SYNONYMS if kind in REGISTER_SYNONYMS else HEADER_SYNONYMS)[kind])


def guess_fields(kind: str, headers: list[str]) -> dict[str, str]:
    """``{field: header}`` guessed for a roster or register kind."""
    if kind in REGISTER_SYNONYMS:
        return guess_register_columns(kind, headers)
    return guess_columns(kind, headers)
FILE_FILTER = QT_TRANSLATE_NOOP(
    "RosterImport", "Tables (*.xlsx *.xlsm *.xls *.csv *.txt);;All files (*)"
)


#: What reading a table may raise besides our own errors (the csv sniffer, pandas).
READ_ERRORS = (GridPlannerError, OSError, ValueError, csv.Error)


#: Qt's translate under a name pyside6-lupdate recognises (with a literal context).
translate = QCoreApplication.translate


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def error_text(path: str, exc: Exception) -> str:
    """The message to show for an error: ours as it is, others naming the file."""
    if isinstance(exc, GridPlannerError):
        return str(exc)
    return (
        translate("RosterImport", "%1: cannot read the table (%2)")
        .replace("%1", path)
        .replace("%2", str(exc))
    )


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of an Excel workbook ([] for other files or unreadable ones)."""
    if Path(path).suffix.lower() not in EXCEL_SUFFIXES or not Path(path).is_file():
        return []
    try:
        with pd.ExcelFile(path) as book:
            return [str(s) for s in book.sheet_names]
    except Exception:  # the importer reports why when it reads the file
        return []


class RosterImportDialog(QDialog):
    """The two-step roster import (see the module docstring)."""

    def __init__(
        self,
        plan: Plan,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        kind: str = "workers",
    ):
        super().__init__(parent)
        self.plan, self.undo_stack = plan, undo_stack
        self.frame: pd.DataFrame | None = None
        self.encoding_used: str | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(translate("RosterImport", "Import Roster"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        layout.addWidget(self.error_label)
        self._build_source_page()
        self._build_columns_page()
        buttons = QHBoxLayout()
        self.back_button = QPushButton(translate("RosterImport", "< Back"), self)
        self.next_button = QPushButton(translate("RosterImport", "Next >"), self)
        self.import_button = QPushButton(translate("RosterImport", "Import"), self)
        self.cancel_button = QPushButton(translate("RosterImport", "Cancel"), self)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.do_import)
        self.cancel_button.clicked.connect(self.reject)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self._show_page(0)

    # -- building ------------------------------------------------------------------
    def _build_source_page(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.kind_combo = QComboBox(page)
        for key, title in KINDS:
            self.kind_combo.addItem(tr(title), key)
        self.path_edit = QLineEdit(page)
        browse = QPushButton(translate("RosterImport", "Browse…"), page)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.sheet_combo = QComboBox(page)
        self.encoding_combo = QComboBox(page)
        for key, title in ENCODINGS:
            self.encoding_combo.addItem(tr(title), key)
        self.replace_check = QCheckBox(
            translate("RosterImport", "Replace the roster instead of adding to it"), page
        )
        form.addRow(translate("RosterImport", "Import"), self.kind_combo)
        form.addRow(translate("RosterImport", "File"), row)
        form.addRow(translate("RosterImport", "Sheet"), self.sheet_combo)
        form.addRow(translate("RosterImport", "Text encoding"), self.encoding_combo)
        form.addRow("", self.replace_check)
        note = QLabel(
            translate(
                "RosterImport",
                "Excel (.xlsx) or CSV in UTF-8 or GBK. Title rows above the header "
                "row are skipped.",
            ),
            page,
        )
        note.setWordWrap(True)
        form.addRow(note)
        browse.clicked.connect(self._browse)
        self.path_edit.editingFinished.connect(lambda: self.set_path(self.path_edit.text()))
        self.pages.addWidget(page)

    def _build_columns_page(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.read_label = QLabel(page)
        self.read_label.setWordWrap(True)
        layout.addWidget(self.read_label)
        self.mapping_form = QFormLayout()
        layout.addLayout(self.mapping_form)
        self.preview = QTableWidget(page)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        layout.addWidget(QLabel(translate("RosterImport", "First rows of the table:"), page))
        layout.addWidget(self.preview, 1)
        self.field_combos: dict[str, QComboBox] = {}
        self.pages.addWidget(page)

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    # -- step one --------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("RosterImport", "Choose a roster file"), "", tr(FILE_FILTER)
        )
        if path:
            self.set_path(path)

    def set_path(self, path: str | Path) -> None:
        """Show ``path`` and list its sheets (Excel)."""
        self.path_edit.setText(str(path))
        sheets = sheet_names(path)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(sheets)
        self.sheet_combo.setEnabled(bool(sheets))
        self.encoding_combo.setEnabled(not sheets)

    def options(self) -> ImportOptions:
        """The import options as chosen (sheet, encoding, replace, column mapping)."""
        sheet = self.sheet_combo.currentText() if self.sheet_combo.isEnabled() else None
        return ImportOptions(
            layer=sheet or None,
            encoding=self.encoding_combo.currentData() or None,
            replace=self.replace_check.isChecked(),
            extra={"columns": self.mapping()},
        )

    def go_next(self) -> bool:
        """Read the table and show the column step; False (with the reason) if it cannot."""
        path = self.path_edit.text().strip()
        if not path:
            self.show_error(translate("RosterImport", "Choose a file to import."))
            return False
        options = self.options()
        try:
            frame, used = read_table(path, encoding=options.encoding, sheet=options.layer)
        except READ_ERRORS as exc:
            self.show_error(error_text(path, exc))
            return False
        self.frame, self.encoding_used = frame, used
        self._fill_mapping(list(frame.columns))
        self._fill_preview()
        self._show_page(1)
        return True

    def go_back(self) -> None:
        self._show_page(0)

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page == 1)
        self.next_button.setVisible(page == 0)
        self.import_button.setVisible(page == 1)
        self.import_button.setDefault(page == 1)
        self.next_button.setDefault(page == 0)
        self.error_label.clear()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    # -- step two --------------------------------------------------------------------
    def _fill_mapping(self, headers: list[str]) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.field_combos = {}
        guesses = guess_fields(self.kind, headers)
        for name in field_names(self.kind):
            combo = QComboBox(self)
            combo.addItem(translate("RosterImport", "(not imported)"), "")
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(guesses.get(name, ""))))
            combo.currentIndexChanged.connect(self._fill_preview)
            self.field_combos[name] = combo
            self.mapping_form.addRow(tr(FIELD_TITLES[self.kind].get(name, name)), combo)
        count = len(self.frame) if self.frame is not None else 0
        where = (
            translate("RosterImport", "read as %1").replace("%1", self.encoding_used.upper())
            if self.encoding_used
            else translate("RosterImport", "sheet %1").replace(
                "%1", self.sheet_combo.currentText() or "1"
            )
        )
        self.read_label.setText(
            translate("RosterImport", "%1 rows, %2. Choose the column holding each field:")
            .replace("%1", str(count))
            .replace("%2", where)
        )

    def mapping(self) -> dict[str, str]:
        """``{field: header}`` for the fields given a column."""
        return {f: str(c.currentData()) for f, c in self.field_combos.items() if c.currentData()}

    def _fill_preview(self, *_args) -> None:
        frame = self.frame if self.frame is not None else pd.DataFrame()
        used = {h: f for f, h in self.mapping().items()}
        self.preview.clear()
        self.preview.setColumnCount(len(frame.columns))
        rows = min(PREVIEW_ROWS, len(frame))
        self.preview.setRowCount(rows)
        titles = FIELD_TITLES[self.kind]
        for c, header in enumerate(frame.columns):
            label = (f"{header}\n→ {tr(titles.get(used[header], used[header]))}" if header in used
                     else header)
            item = QTableWidgetItem(label)
            if header in used:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.preview.setHorizontalHeaderItem(c, item)
            for r in range(rows):
                self.preview.setItem(r, c, QTableWidgetItem(str(frame.iat[r, c])))
        self.preview.resizeColumnsToContents()

    def do_import(self) -> ImportReport | None:
        """Run the import as one undo step; on error show it and change nothing."""
        if not self.mapping().get("name"):
            self.show_error(translate("RosterImport", "Choose the column holding the names."))
            return None
        try:
            command = ImportCommand.execute(
                self.plan, self.kind, self.path_edit.text().strip(), self.options()
            )
        except READ_ERRORS as exc:
            self.show_error(error_text(self.path_edit.text().strip(), exc))
            return None
        self.undo_stack.push(command)
        self.report = command.report
        self.accept()
        return self.report

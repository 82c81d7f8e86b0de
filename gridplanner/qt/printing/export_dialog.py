"""Export the roster and layers: Excel, CSV, GeoPackage, Shapefiles, GeoJSON, web map.

One row per format: a check box, the target file (or folder) and a browse
button. "Export" runs the same exporters as ``gridplanner export``
(:mod:`gridplanner.io.exporters.tables`, :mod:`~gridplanner.io.exporters.layers`,
:mod:`~gridplanner.io.exporters.web`) one after the other and lists what was
written; an error stops at that format and is shown as its message. The
printed maps (PDF) have their own dialog with a preview.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridplanner.errors import GridPlannerError
from gridplanner.io.plan_file.targets import plan_target_problem
from gridplanner.model.plan import Plan
from gridplanner.qt.shell.plan_writers import describe_writer
from gridplanner.qt.shell.retranslate import Retranslatable

CONTEXT = "ExportDialog"


@dataclass(frozen=True)
class Format:
    key: str
    title: str
    suffix: str  # "" for a folder
    filter: str


FORMATS: tuple[Format, ...] = (
    Format("xlsx", QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (one sheet per community)"),
           ".xlsx", QT_TRANSLATE_NOOP("ExportDialog", "Excel files (*.xlsx)")),
    Format("csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV table (UTF-8, opens in Excel)"), ".csv",
           QT_TRANSLATE_NOOP("ExportDialog", "CSV files (*.csv)")),
    Format("gpkg", QT_TRANSLATE_NOOP("ExportDialog", "GeoPackage (cells, centres, coverage)"),
           ".gpkg", QT_TRANSLATE_NOOP("ExportDialog", "GeoPackage files (*.gpkg)")),
    Format("shp", QT_TRANSLATE_NOOP("ExportDialog", "Shapefiles (a folder)"), "", ""),
    Format("geojson", QT_TRANSLATE_NOOP("ExportDialog", "GeoJSON (WGS84)"), ".geojson",
           QT_TRANSLATE_NOOP("ExportDialog", "GeoJSON files (*.geojson)")),
    Format("html", QT_TRANSLATE_NOOP("ExportDialog", "Web map (opens without a server)"),
           ".html", QT_TRANSLATE_NOOP("ExportDialog", "Web pages (*.html)")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def export_one(plan: Plan, key: str, path: str | Path, lang: str, tiles: bool = True
               ) -> list[Path]:
    """Write one format (the keys of :data:`FORMATS`); returns the files written."""
    if key in ("xlsx", "csv"):
        from gridplanner.io.exporters.tables import export_csv, export_xlsx

        return [(export_xlsx if key == "xlsx" else export_csv)(plan, path, lang=lang)]
    if key == "html":
        from gridplanner.io.exporters.web import export_html

        return [export_html(plan, path, lang=lang, tiles="OpenStreetMap" if tiles else None)]
    from gridplanner.io.exporters.layers import export_geojson, export_gpkg, export_shapefiles

    if key == "gpkg":
        return [export_gpkg(plan, path, lang=lang)]
    if key == "shp":
        return list(export_shapefiles(plan, path, lang=lang))
    return list(export_geojson(plan, path, lang=lang))


class ExportDialog(Retranslatable, QDialog):
    """Pick formats and files, then export them all."""

    def __init__(self, plan: Plan, parent: QWidget | None = None,
                 path: str | Path | None = None):
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.plan = plan
        self.plan_path = Path(path) if path else None  # never an export target
        self.written: list[Path] = []
        grid = self._build_rows(Path(path) if path else Path.home() / (plan.name or "plan"))
        self.checks["xlsx"].setChecked(True)
        self.lang = QComboBox(self)
        self.lang.addItems(["", ""])
        self.lang_label = QLabel(self)
        self.tiles = QCheckBox(self)
        self.tiles.setChecked(True)
        options = QHBoxLayout()
        options.addWidget(self.lang_label)
        options.addWidget(self.lang)
        options.addWidget(self.tiles)
        options.addStretch(1)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda _checked=False: self.run())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(options)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.retranslateUi()
        self.resize(720, 360)

    def _build_rows(self, base: Path) -> QGridLayout:
        """A check box, a path and a browse button per format."""
        self.checks: dict[str, QCheckBox] = {}
        self.paths: dict[str, QLineEdit] = {}
        self.browse: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for row, fmt in enumerate(FORMATS):
            self.checks[fmt.key] = QCheckBox(self)
            default = base.with_name(f"{base.stem}-{fmt.key}") if not fmt.suffix \
                else base.with_name(f"{base.stem}-export.gpkg") if fmt.suffix == ".gpkg" \
                else base.with_suffix(fmt.suffix)  # the plan is a .gpkg: never its own path
            self.paths[fmt.key] = QLineEdit(str(default), self)
            self.browse[fmt.key] = QPushButton(self)
            self.browse[fmt.key].clicked.connect(lambda _c=False, f=fmt: self._browse(f))
            grid.addWidget(self.checks[fmt.key], row, 0)
            grid.addWidget(self.paths[fmt.key], row, 1)
            grid.addWidget(self.browse[fmt.key], row, 2)
        return grid

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(self.tr("Export Tables, Layers and Web Map"))
        for fmt in FORMATS:
            self.checks[fmt.key].setText(_tr(fmt.title))
            self.browse[fmt.key].setText(self.tr("Browse…"))
        self.lang_label.setText(self.tr("Language of headers and legends:"))
        self.lang.setItemText(0, self.tr("Chinese"))
        self.lang.setItemText(1, self.tr("English"))
        self.tiles.setText(self.tr("Web map: OpenStreetMap background (needs internet)"))
        self.export_button.setText(self.tr("Export"))

    def _browse(self, fmt: Format) -> None:
        path = self.ask_path(fmt)
        if path:
            self.paths[fmt.key].setText(path)
            self.checks[fmt.key].setChecked(True)

    def ask_path(self, fmt: Format) -> str | None:
        current = self.paths[fmt.key].text()
        if not fmt.suffix:
            return QFileDialog.getExistingDirectory(self, _tr(fmt.title), current) or None
        path, _ = QFileDialog.getSaveFileName(self, _tr(fmt.title), current, _tr(fmt.filter))
        return path or None

    def requests(self) -> list[tuple[str, str]]:
        """(format key, path) of every checked format with a path."""
        return [(f.key, self.paths[f.key].text().strip()) for f in FORMATS
                if self.checks[f.key].isChecked() and self.paths[f.key].text().strip()]

    def target_problem(self, path: str) -> str:
        """Why ``path`` must not be written (it is a plan), in the UI language; "" if fine."""
        problem = plan_target_problem(path, self.plan_path)
        if problem is None:
            return ""
        reason, holder = problem
        if reason == "open_plan":
            text = self.tr("%1 is the open plan; an export never replaces it. Choose another "
                           "file name.")
        elif reason == "locked":
            text = self.tr("%1 is a plan that %2 is saving; an export never replaces a plan. "
                           "Choose another file name.").replace(
                               "%2", describe_writer(holder))
        else:
            text = self.tr("%1 is a gridplanner plan; an export never replaces a plan. Choose "
                           "another file name.")
        return text.replace("%1", path)

    def run(self, export: Callable[..., list[Path]] = export_one) -> list[Path]:
        """Export every checked format; returns the files written (errors shown)."""
        lang = ("zh_CN", "en")[self.lang.currentIndex()]
        written: list[Path] = []
        error = ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for key, path in self.requests():
                if (error := self.target_problem(path)):
                    break
                if key == "shp":
                    Path(path).mkdir(parents=True, exist_ok=True)
                try:
                    written += export(self.plan, key, path, lang, self.tiles.isChecked())
                except (GridPlannerError, OSError) as exc:
                    error = str(exc)
                    break
        finally:
            QApplication.restoreOverrideCursor()
        self.written = written
        lines = [self.tr("Wrote %1").replace("%1", str(p)) for p in written]
        if error:
            lines.append(self.tr("Stopped: %1").replace("%1", error))
        if not self.requests():
            lines = [self.tr("Tick at least one format.")]
        self.result.setText("\n".join(lines))
        return written

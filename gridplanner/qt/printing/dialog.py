"""The print dialog: options of the printed grid maps and a live preview of their pages.

The preview draws pages with :meth:`PrintAtlas.render_image`, the very code
that writes the PDF, so what the user sees is what the file holds. Options
are the ones of ``gridplanner export --pdf`` plus title, author, date and
coverage shading; a change rebuilds the atlas after a short pause. "Export
PDF…" writes the file with a progress dialog and Cancel; "Print…" sends the
same pages to a printer. Questions (file name, printer) go through ``ask_*``
methods that tests replace.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gridplanner.errors import GridPlannerError
from gridplanner.model.plan import Plan
from gridplanner.qt.shell.retranslate import Retranslatable
from gridplanner.render.print_layout import PrintAtlas, PrintOptions, compute_coverage

PREVIEW_DELAY_MS = 250


def _ui_language() -> str:
    try:
        from gridplanner.qt.shell.i18n import current_language
    except ImportError:
        return "zh_CN"
    return current_language()


class PrintDialog(Retranslatable, QDialog):
    """Choose paper, pages and texts of the printed maps; preview; export or print."""

    def __init__(self, plan: Plan, parent: QWidget | None = None, path: str | Path | None = None):
        super().__init__(parent)
        self.setObjectName("PrintDialog")
        self.plan = plan
        self.plan_path = Path(path) if path else None
        self.atlas: PrintAtlas | None = None
        self.error: str = ""
        self.page = 0
        self.written: Path | None = None
        self._coverage: Any | None = None
        self._coverage_done = False
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._resize_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._resize_timer.timeout.connect(lambda: self.show_page(self.page))
        self._build()
        self.retranslateUi()
        self._connect()
        self.resize(1100, 760)
        self.refresh()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        """The option form on the left, the page preview on the right."""
        self.paper = QComboBox(self)
        self.orientation = QComboBox(self)
        self.per = QComboBox(self)
        self.lang = QComboBox(self)
        for combo, count in ((self.paper, 2), (self.orientation, 3), (self.per, 2),
                             (self.lang, 2)):
            for _ in range(count):
                combo.addItem("")
        self.lang.setCurrentIndex(0 if _ui_language() == "zh_CN" else 1)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.plan.name)
        self.author = QLineEdit(self)
        self.date = QLineEdit(datetime.date.today().isoformat(), self)
        self.coverage = QCheckBox(self)
        self.form = QFormLayout()
        for widget in (self.paper, self.orientation, self.per, self.lang, self.title,
                       self.author, self.date):
            self.form.addRow(QLabel(self), widget)
        self.form.addRow(self.coverage)
        self._build_preview()

    def _build_preview(self) -> None:
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #8a8a8a;")
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.preview)
        self.scroll.setWidgetResizable(True)
        self.prev_button = QPushButton("◀", self)
        self.next_button = QPushButton("▶", self)
        self.page_label = QLabel(self)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.message)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.scroll, 1)
        right.addLayout(nav)
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(self.buttons)

    def _connect(self) -> None:
        for combo in (self.paper, self.orientation, self.per, self.lang):
            combo.currentIndexChanged.connect(self.schedule)
        for edit in (self.title, self.author, self.date):
            edit.textChanged.connect(self.schedule)
        self.coverage.toggled.connect(self.schedule)
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_pages)
        self.buttons.rejected.connect(self.reject)

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        self.setWindowTitle(self.tr("Print Grid Maps"))
        texts = {
            self.paper: (self.tr("A4"), self.tr("A3")),
            self.orientation: (self.tr("Automatic (by the map's shape)"), self.tr("Portrait"),
                               self.tr("Landscape")),
            self.per: (self.tr("One page per community"), self.tr("One page per grid cell")),
            self.lang: (self.tr("Chinese"), self.tr("English")),
        }
        for combo, items in texts.items():
            for i, text in enumerate(items):
                combo.setItemText(i, text)
        labels = (self.tr("Paper:"), self.tr("Orientation:"), self.tr("Pages:"),
                  self.tr("Map language:"), self.tr("Title:"), self.tr("Author:"),
                  self.tr("Date:"))
        for row, text in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setText(text)
        self.coverage.setText(self.tr("Shade buildings by walking distance to a centre"))
        self.export_button.setText(self.tr("Export PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.prev_button.setToolTip(self.tr("Previous page"))
        self.next_button.setToolTip(self.tr("Next page"))
        self._show_page_label()

    # -- options and preview -----------------------------------------------------------
    def options(self) -> PrintOptions:
        """The options as chosen in the dialog."""
        return PrintOptions(
            paper=("a4", "a3")[self.paper.currentIndex()],
            orientation=("auto", "portrait", "landscape")[self.orientation.currentIndex()],
            per=("community", "cell")[self.per.currentIndex()],
            lang=("zh_CN", "en")[self.lang.currentIndex()],
            title=self.title.text().strip(), author=self.author.text().strip(),
            date=self.date.text().strip(), coverage=self.coverage.isChecked())

    def schedule(self, *_args: object) -> None:
        """Rebuild the preview after a short pause (typing does not redraw each key)."""
        self._timer.start()

    def refresh(self) -> None:
        """Lay the atlas out again with the current options and show the current page."""
        self._timer.stop()
        options = self.options()
        try:
            if options.coverage and not self._coverage_done:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    self._coverage = compute_coverage(self.plan)
                finally:
                    QApplication.restoreOverrideCursor()
                self._coverage_done = True
            coverage = self._coverage if options.coverage else None
            self.atlas = PrintAtlas(self.plan, options, coverage=coverage)
            self.error = ""
        except GridPlannerError as exc:
            self.atlas, self.error = None, str(exc)
        note = ""
        if options.coverage and self._coverage is None:
            note = self.tr("Walking coverage needs service centres and buildings; "
                           "the buildings are not shaded.")
        self.message.setText(self.error or note)
        has_pages = self.atlas is not None and bool(self.atlas.pages)
        self.export_button.setEnabled(has_pages)
        self.print_button.setEnabled(has_pages)
        self.show_page(min(self.page, self.page_count() - 1))

    def page_count(self) -> int:
        return len(self.atlas.pages) if self.atlas is not None else 0

    def show_page(self, index: int) -> None:
        """Draw page ``index`` into the preview (fitted to the preview's width)."""
        count = self.page_count()
        self.page = max(0, min(index, count - 1))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < count - 1)
        self._show_page_label()
        if count == 0:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Nothing to print: the plan has no map data."))
            return
        width_mm, _ = self.atlas.page_size_mm(self.page)
        room = max(200, self.scroll.viewport().width() - 24)
        dpi = max(20.0, min(150.0, room / (width_mm / 25.4)))
        image = self.atlas.render_image(self.page, dpi)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _show_page_label(self) -> None:
        count = self.page_count()
        text = self.tr("Page %1 of %2").replace("%1", str(self.page + 1 if count else 0))
        self.page_label.setText(text.replace("%2", str(count)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.atlas is not None:
            self._resize_timer.start()  # same pages, drawn to the new width

    # -- output ------------------------------------------------------------------------
    def ask_pdf_path(self) -> str | None:
        stem = self.plan_path.stem if self.plan_path else (self.plan.name or "grid-maps")
        start = str((self.plan_path.parent if self.plan_path else Path.home()) / f"{stem}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), start,
                                              self.tr("PDF files (*.pdf)"))
        return path or None

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def export_pdf(self) -> Path | None:
        """Ask for a file name and write every page to it; returns the path written."""
        if self.atlas is None or not (path := self.ask_pdf_path()):
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        progress = QProgressDialog(self.tr("Writing the PDF…"), self.tr("Cancel"), 0,
                                   self.page_count(), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def step(done: int, total: int) -> None:
            progress.setValue(done)
            QApplication.processEvents()

        try:
            self.written = self.atlas.write_pdf(target, step, progress.wasCanceled)
        except GridPlannerError as exc:
            if not progress.wasCanceled():
                self.show_error(self.tr("Cannot export the PDF"), str(exc))
            return None
        finally:
            progress.close()
        self.message.setText(self.tr("Saved %1").replace("%1", str(self.written)))
        return self.written

    def print_pages(self) -> bool:
        """Send every page to a printer chosen in the system print dialog."""
        from gridplanner.qt.printing.printer import print_atlas

        if self.atlas is None:
            return False
        return print_atlas(self.atlas, self)

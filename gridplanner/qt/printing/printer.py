"""Sending a print atlas to a printer: the print dialog's Print button and the
Export menu both come here, so the dialog and the feature depend on this
module and not on each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from gridplanner.render.print_layout import PrintAtlas


def print_atlas(atlas: PrintAtlas, parent: QWidget | None = None) -> bool:
    """Print every page of ``atlas`` on a printer the user picks; True when sent."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(atlas.page_layout(0))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_on(atlas, printer)


def print_on(atlas: PrintAtlas, printer) -> bool:
    """Draw every page of ``atlas`` on a set-up ``QPrinter`` (full page, no margins)."""
    printer.setFullPage(True)
    printer.setPageLayout(atlas.page_layout(0))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        atlas.paint_pages(printer, painter)
    finally:
        painter.end()
    return True

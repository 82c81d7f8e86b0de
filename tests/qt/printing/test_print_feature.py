"""The Export menu: print preview, PDF and the other exports from the window."""

from __future__ import annotations

import openpyxl
from factories_roster import roster_plan

from gridplanner.qt.printing.export_dialog import ExportDialog


def _feature(window):
    window.set_plan(roster_plan())
    feature = window.features["printing"]
    feature.opened = []

    def fake_exec(dialog):
        feature.opened.append(dialog)
        return 0

    feature.ask_dialog = fake_exec
    return feature


def _menu_texts(window, title):
    menu = next(m for m, t in window._menus if t == title)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_export_menu_lists_preview_pdf_and_other_exports(main_window):
    texts = _menu_texts(main_window, "&Export")
    assert texts[:3] == ["Print Pre&view…", "Export &PDF…", "Export &Tables, Layers, Web Map…"]
    feature = main_window.features["printing"]
    assert feature.actions["tables"].shortcut().toString() == "Ctrl+E"


def test_print_preview_opens_the_dialog_on_the_plan(main_window):
    feature = _feature(main_window)
    feature.actions["preview"].trigger()
    dialog = feature.opened[-1]
    assert dialog.plan is main_window.plan and dialog.page_count() == 2
    dialog.close()


def test_export_pdf_reports_the_file_in_the_status_bar(main_window, tmp_path):
    feature = _feature(main_window)

    def exec_and_export(dialog):
        dialog.ask_pdf_path = lambda: str(tmp_path / "atlas.pdf")
        dialog.export_pdf()
        return 0

    feature.ask_dialog = exec_and_export
    feature.actions["pdf"].trigger()
    assert (tmp_path / "atlas.pdf").exists()
    assert "atlas.pdf" in main_window.statusBar().currentMessage()


def test_export_dialog_writes_the_ticked_formats(main_window, tmp_path, qtbot):
    feature = _feature(main_window)
    feature.actions["tables"].trigger()
    dialog = feature.opened[-1]
    assert isinstance(dialog, ExportDialog)
    for key in dialog.checks:
        dialog.checks[key].setChecked(key in ("xlsx", "csv", "shp"))
    dialog.paths["xlsx"].setText(str(tmp_path / "roster.xlsx"))
    dialog.paths["csv"].setText(str(tmp_path / "roster.csv"))
    dialog.paths["shp"].setText(str(tmp_path / "shp"))
    dialog.lang.setCurrentIndex(1)
    dialog.export_button.click()
    written = dialog.written
    assert tmp_path / "roster.xlsx" in written and tmp_path / "roster.csv" in written
    assert (tmp_path / "shp" / "cells.cpg").exists()
    sheet = openpyxl.load_workbook(tmp_path / "roster.xlsx").active
    assert sheet.cell(row=1, column=1).value == "Grid code"
    assert "roster.xlsx" in dialog.result.text()
    dialog.close()


def test_export_dialog_stops_at_an_error_and_says_why(main_window, tmp_path):
    feature = _feature(main_window)
    feature.actions["tables"].trigger()
    dialog = feature.opened[-1]
    dialog.checks["xlsx"].setChecked(True)
    dialog.paths["xlsx"].setText(str(tmp_path / "missing" / "r.xlsx"))
    assert dialog.run() == []
    assert "does not exist" in dialog.result.text()
    dialog.close()


def test_printing_draws_every_page_on_the_printer(tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from gridplanner.qt.printing.printer import print_on
    from gridplanner.render.print_layout import PrintAtlas, PrintOptions

    atlas = PrintAtlas(roster_plan(), PrintOptions(per="cell"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_on(atlas, printer)
    data = (tmp_path / "printed.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000

"""The print dialog previews the pages the PDF will hold, and writes them."""

from __future__ import annotations

import pytest
from factories_roster import roster_plan

from gridplanner.model import Plan
from gridplanner.qt.printing.dialog import PrintDialog


@pytest.fixture
def dialog(qtbot):
    d = PrintDialog(roster_plan())
    d.errors = []
    d.show_error = lambda title, message: d.errors.append((title, message))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.refresh()
    return d


def test_preview_shows_the_first_page(dialog):
    pixmap = dialog.preview.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 200
    assert dialog.page_count() == 2  # one page per community
    assert dialog.page_label.text() == "Page 1 of 2"
    assert not dialog.prev_button.isEnabled() and dialog.next_button.isEnabled()


def test_options_rebuild_the_preview(dialog, qtbot):
    dialog.per.setCurrentIndex(1)  # one page per grid cell
    qtbot.waitUntil(lambda: dialog.page_count() == 12, timeout=3000)
    dialog.orientation.setCurrentIndex(2)
    dialog.refresh()
    wide = dialog.preview.pixmap()
    assert wide.width() > wide.height()  # landscape
    dialog.orientation.setCurrentIndex(1)
    dialog.refresh()
    tall = dialog.preview.pixmap()
    assert tall.width() < tall.height()
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.page == 2 and dialog.page_label.text() == "Page 3 of 12"


def test_options_reach_the_layout(dialog):
    dialog.paper.setCurrentIndex(1)
    dialog.title.setText("示范街道")
    dialog.author.setText("网格办")
    dialog.lang.setCurrentIndex(1)
    options = dialog.options()
    assert (options.paper, options.lang, options.title, options.author) == \
        ("a3", "en", "示范街道", "网格办")
    dialog.refresh()
    assert dialog.atlas.page_size_mm(0) in ((297.0, 420.0), (420.0, 297.0))


def test_export_pdf_writes_every_page(dialog, tmp_path):
    dialog.ask_pdf_path = lambda: str(tmp_path / "maps")
    dialog.export_button.click()
    out = dialog.written
    assert out == tmp_path / "maps.pdf" and out.read_bytes().startswith(b"%PDF")
    assert "maps.pdf" in dialog.message.text()
    assert dialog.errors == []


def test_export_into_a_missing_folder_shows_the_reason(dialog, tmp_path):
    dialog.ask_pdf_path = lambda: str(tmp_path / "nope" / "maps.pdf")
    assert dialog.export_pdf() is None
    assert dialog.errors and "does not exist" in dialog.errors[0][1]


def test_an_empty_plan_has_nothing_to_print(qtbot):
    d = PrintDialog(Plan(name="empty"))
    qtbot.addWidget(d)
    assert d.page_count() == 0
    assert not d.export_button.isEnabled() and not d.print_button.isEnabled()
    assert "Nothing to print" in d.preview.text()


def test_coverage_shading_adds_coverage_columns(dialog):
    assert len(dialog.plan.centres) > 0
    dialog.coverage.setChecked(True)
    dialog.refresh()
    assert dialog.atlas.coverage is not None
    assert any(c.startswith("coverage_") for c in dialog.atlas.rows.columns)
    assert dialog.message.text() == ""


def test_coverage_without_centres_says_so(qtbot):
    plan = roster_plan()
    plan.centres.remove(plan.centres.fids())
    d = PrintDialog(plan)
    qtbot.addWidget(d)
    d.coverage.setChecked(True)
    d.refresh()
    assert "not shaded" in d.message.text()
    assert d.page_count() == 2


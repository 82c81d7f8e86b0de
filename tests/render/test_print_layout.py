"""The printed grid maps: pages, tables that flow on, and what the page shows."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from factories_roster import COMMUNITIES, roster_plan
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from gridplanner.errors import ExportError
from gridplanner.model import Plan
from gridplanner.render.print_layout import PrintAtlas, PrintOptions, export_pdf, sheet_title
from gridplanner.render.print_table import split_rows

DPI = 40.0


@pytest.fixture(scope="module")
def plan() -> Plan:
    return roster_plan()


def _atlas(plan: Plan, **options) -> PrintAtlas:
    return PrintAtlas(plan, PrintOptions(**options))


def _ink(image: QImage, rect_mm: QRectF, dpi: float = DPI) -> float:
    """Share of pixels that are not white in a rectangle given in millimetres."""
    k = dpi / 25.4
    x0, y0 = int(rect_mm.left() * k) + 1, int(rect_mm.top() * k) + 1
    x1, y1 = int(rect_mm.right() * k) - 1, int(rect_mm.bottom() * k) - 1
    total = inked = 0
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 2):
            total += 1
            inked += image.pixelColor(x, y) != QColor("white")
    return inked / max(total, 1)


def test_one_page_per_community_with_its_cells_in_the_table(plan):
    atlas = _atlas(plan)
    assert {s.name for s in atlas.sheets} == set(COMMUNITIES)
    for sheet in atlas.sheets:
        assert len(sheet.rows) == 6
        assert set(sheet.rows["community"]) == {sheet.name}
    assert len(atlas.pages) == 2 and not any(p.continued for p in atlas.pages)


def test_one_page_per_cell_sorted_by_code(plan):
    atlas = _atlas(plan, per="cell")
    codes = [str(s.rows["code"].iloc[0]) for s in atlas.sheets]
    assert len(atlas.pages) == 12 and codes == sorted(codes)
    assert all(s.cell_fid is not None for s in atlas.sheets)


def test_rows_are_never_split_and_every_page_repeats_the_header():
    heights = [10.0] * 25
    pages = split_rows(heights, first=60.0, rest=100.0, header=8.0)
    assert pages[0] == (0, 5)  # 52 mm of rows fit under the header
    assert pages[1] == (5, 14)
    assert pages[-1][1] == 25
    assert [b for _, b in pages[:-1]] == [a for a, _ in pages[1:]]


def test_a_long_table_flows_onto_continuation_pages(plan, monkeypatch):
    from gridplanner.render import print_layout

    real = print_layout.row_heights

    def tall_rows(layout, texts, device=None):
        header, heights = real(layout, texts, device)
        return header, [40.0] * len(heights)  # as if every cell listed many workers

    monkeypatch.setattr(print_layout, "row_heights", tall_rows)
    atlas = _atlas(plan, orientation="portrait")
    assert len(atlas.pages) > 2
    for sheet_index in range(2):
        pages = [p for p in atlas.pages if p.sheet == sheet_index]
        assert pages[0].map_rect is not None and not pages[0].continued
        assert all(p.continued and p.map_rect is None for p in pages[1:])
        ranges = [p.rows for p in pages]
        assert ranges[0][0] == 0 and ranges[-1][1] == 6
        assert [b for _, b in ranges[:-1]] == [a for a, _ in ranges[1:]]
    image = atlas.render_image(1, DPI)
    assert image.width() < image.height()


def test_orientation_auto_follows_the_shape_and_can_be_forced(plan):
    assert all(p.landscape for p in _atlas(plan, orientation="landscape").pages)
    assert not any(p.landscape for p in _atlas(plan, orientation="portrait").pages)
    atlas = _atlas(plan, paper="a3", orientation="landscape")
    assert atlas.page_size_mm(0) == (420.0, 297.0)


def test_page_shows_map_legend_and_table(plan):
    atlas = _atlas(plan, orientation="landscape")
    page = atlas.pages[0]
    image = atlas.render_image(0, DPI)
    assert (image.width(), image.height()) == (round(297 / 25.4 * DPI), round(210 / 25.4 * DPI))
    assert _ink(image, page.map_rect) > 0.5  # cells and buildings fill the map
    assert _ink(image, page.legend_rect) > 0.02
    table = QRectF(page.map_rect.left(), page.table_top, 270, sum(page.heights[:6]))
    assert _ink(image, table) > 0.05
    blank = QRectF(page.map_rect.left(), page.table_top + page.header + sum(page.heights) + 5,
                   200, 5)
    assert _ink(image, blank) < 0.01


def test_titles_do_not_repeat_the_word_grid():
    assert sheet_title("北苑社区", "zh_CN") == "北苑社区网格作战图"
    assert sheet_title("北苑社区第一网格", "zh_CN") == "北苑社区第一网格作战图"
    assert sheet_title("Beiyuan", "en") == "Beiyuan Grid map"


def test_bad_options_and_an_empty_plan_are_reported(plan, tmp_path):
    with pytest.raises(ExportError, match="paper 'a5'"):
        PrintOptions(paper="a5").validate()
    with pytest.raises(ExportError, match="language"):
        PrintOptions(lang="fr").validate()
    with pytest.raises(ExportError, match="nothing to print"):
        export_pdf(Plan(name="empty"), tmp_path / "empty.pdf")
    assert not (tmp_path / "empty.pdf").exists()


def test_pdf_has_one_page_per_atlas_page(plan, tmp_path):
    out = export_pdf(plan, tmp_path / "atlas.pdf", per="cell", author="网格办", date="2025-01-02")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert 10_000 < len(data) < 4_000_000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert "Pages:           12" in info
        assert "Author:          网格办" in info
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)


def test_cancel_stops_and_leaves_no_file(plan, tmp_path):
    atlas = _atlas(plan, per="cell")
    seen = []
    with pytest.raises(ExportError, match="cancelled"):
        atlas.write_pdf(tmp_path / "c.pdf", progress=lambda d, t: seen.append(d),
                        cancelled=lambda: len(seen) >= 3)
    assert seen == [1, 2, 3]
    assert list(tmp_path.iterdir()) == []


def _legend(atlas: PrintAtlas, sheet: int = 0) -> list[str]:
    from gridplanner.render.print_styles import legend_items

    return [i.text for i in legend_items(atlas.view, atlas.sheets[sheet], atlas.coverage,
                                         atlas.options.lang)]


def test_legend_lists_what_the_plan_holds(plan):
    texts = _legend(_atlas(plan))
    assert texts[:2] == ["综合网格", "其他社区网格"]
    for word in ("楼栋", "道路", "街道界", "社区界", "服务中心"):
        assert word in texts
    assert "小区界" not in texts  # the plan has no compounds
    assert "Comprehensive" in _legend(_atlas(plan, lang="en"))


def test_a_cell_without_its_leader_is_marked_on_the_map(plan):
    from factories_roster import cell_fid

    broken = roster_plan()
    fid = cell_fid(broken, "000000001001001")
    links = broken.assignments.frame
    leader = links[(links["cell_fid"] == fid) & (links["target"] == "worker")].index[:1]
    broken.assignments.remove(list(leader))
    atlas = _atlas(broken)
    classes = atlas.view.cells.frame["print_class"]
    assert classes[fid] == "东风社区|incomplete"
    assert (classes == "东风社区|incomplete").sum() == 1
    assert "网格长或网格员待配齐" in _legend(atlas, [s.name for s in atlas.sheets].index("东风社区"))


def test_coverage_shading_colours_buildings_by_walking_distance(plan):
    from gridplanner.render.print_styles import WALK_COLOURS

    atlas = _atlas(plan, coverage=True)
    assert atlas.coverage is not None
    walk = atlas.view.buildings.frame["print_walk"]
    assert set(walk) <= {"0", "1", "2", "beyond"} and "0" in set(walk)
    texts = _legend(atlas)
    assert "300米内" in texts and "超出1000米" in texts
    assert any(c.startswith("coverage_") for c in atlas.rows.columns)
    image = atlas.render_image(0, 60)
    near = QColor(WALK_COLOURS[0])
    assert any(image.pixelColor(x, y) == near
               for x in range(0, image.width(), 2) for y in range(0, image.height() // 2, 2))


def test_codes_numbers_and_header_words_fit_their_columns(plan):
    from gridplanner.render.print_table import text_width_mm

    for lang in ("en", "zh_CN"):
        atlas = _atlas(plan, lang=lang, orientation="portrait")
        table = atlas.pages[0].table
        widths = dict(zip(table.keys, table.widths, strict=True))
        longest_code = max(atlas.rows["code"], key=len)
        assert widths["code"] >= text_width_mm([longest_code], table.font_pt)
        for key, header in zip(table.keys, table.headers, strict=True):
            assert widths[key] >= text_width_mm(header.split(), table.font_pt, bold=True) - 1e-6
        assert abs(sum(table.widths) - atlas._body(False).width()) < 1e-6

"""`gridplanner export --pdf` on the demo sub-district: the wall maps a user hands out.

Uses poppler's pdftotext / pdffonts / pdftoppm (``apt-get install
poppler-utils``); each test is skipped with a reason when they are missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from factories_print import demo_print_file

from gridplanner.cli import main
from gridplanner.io.plan_file.project import load_plan


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install poppler-utils)")
    return path


def _run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return demo_print_file(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def atlas_pdf(demo, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "网格作战图.pdf"
    assert main(["export", str(demo), "--pdf", str(out), "--paper", "a4",
                 "--per", "community"]) == 0
    return out


def test_pdf_text_has_every_cell_code_and_name(demo, atlas_pdf):
    text = _run(_tool("pdftotext"), str(atlas_pdf), "-")
    cells = load_plan(demo).cells.frame
    assert len(cells) > 20
    for code, name in zip(cells["code"], cells["name"], strict=True):
        assert code in text and name in text
    for community in ("北苑社区", "东风社区", "西湖社区", "南山社区"):
        assert f"{community}网格作战图" in text
    for word in ("图例", "网格编码", "网格长", "网格员及电话", "网格党支部", "比例尺", "第1/"):
        assert word in text.replace(" ", "")


def test_pdf_is_vector_with_the_bundled_font_embedded(atlas_pdf):
    fonts = _run(_tool("pdffonts"), str(atlas_pdf))
    droid = [line for line in fonts.splitlines() if line.startswith("DroidSansFallback")]
    assert droid and " yes " in droid[0]  # embedded
    info = _run(_tool("pdfinfo"), str(atlas_pdf))
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert 4 <= pages <= 8  # one per community, plus continuation pages of long tables
    assert "595 x 842 pts (A4)" in info or "842 x 595 pts (A4)" in info
    assert atlas_pdf.stat().st_size < 250_000 * pages  # vectors and a font subset, no images


def test_pdf_pages_show_map_and_table(atlas_pdf, tmp_path):
    from PySide6.QtGui import QColor, QImage

    _run(_tool("pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", str(atlas_pdf),
         str(tmp_path / "page"))
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert image.width() > 400
    w, h = image.width(), image.height()

    def coloured(y0: float, y1: float) -> float:
        hits = total = 0
        for y in range(int(y0 * h), int(y1 * h), 3):
            for x in range(int(0.05 * w), int(0.7 * w), 3):
                c = image.pixelColor(x, y)
                total += 1
                hits += c != QColor("white")
        return hits / total

    assert coloured(0.1, 0.4) > 0.6  # the map: cells, buildings, streets
    assert coloured(0.93, 0.95) < 0.2  # the page keeps a margin above the footer


def test_pdf_per_cell_in_english_on_a3(demo, tmp_path):
    out = tmp_path / "cells.pdf"
    assert main(["export", str(demo), "--pdf", str(out), "--paper", "a3", "--per", "cell",
                 "--lang", "en", "--orientation", "landscape"]) == 0
    text = _run(_tool("pdftotext"), str(out), "-")
    assert "Grid code" in text and "Grid map" in text and "Legend" in text
    info = _run(_tool("pdfinfo"), str(out))
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages == len(load_plan(demo).cells)
    assert "1191 x 842 pts (A3)" in info

"""Printed maps use only fonts we ship, so a bare machine prints them right."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter
    from gridplanner.render.fonts import label_font
    app = QGuiApplication([])
    writer = QPdfWriter(sys.argv[1])
    painter = QPainter(writer)
    painter.setFont(label_font(12))
    painter.drawText(QPointF(200, 400), "北苑社区 网格 340199001001003 户数 384")
    painter.end()
""")


@pytest.mark.skipif(not shutil.which("pdffonts") or not shutil.which("pdftotext"),
                    reason="poppler-utils (pdffonts, pdftotext) not installed")
def test_pdf_text_needs_no_system_font(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{empty}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    pdf = tmp_path / "labels.pdf"
    env = {"FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen",
           "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", SCRIPT, str(pdf)], check=True, env=env,
                   capture_output=True, timeout=120)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    names = {line.split()[0] for line in fonts.splitlines()[2:] if line.strip()}
    assert names == {"DejaVuSans", "DroidSansFallback"}
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "北苑社区" in text and "340199001001003" in text and "384" in text

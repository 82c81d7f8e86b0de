"""Fonts for map labels: the bundled CJK font, registered once.

Chinese place names need a font with CJK glyphs; Windows and macOS have one,
a bare Linux box or an offscreen renderer may not. Every ``.ttf``, ``.otf``
or ``.ttc`` in ``resources/fonts`` is registered with Qt's font database the
first time a label font is asked for (a ``QGuiApplication`` must exist).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

_registered: list[str] | None = None


def _font_files() -> list[Path]:
    try:
        from gridplanner.resources import font_files
    except ImportError:  # the resources helper is not there: look beside the package
        folder = Path(__file__).resolve().parents[2] / "resources" / "fonts"
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".otf", ".ttc"))
    return font_files()


def ensure_cjk_font() -> str | None:
    """Register the bundled fonts; return the first family name, or None.

    Safe to call many times; does nothing without a ``QGuiApplication``.
    """
    global _registered
    if _registered is not None:
        return _registered[0] if _registered else None
    if QGuiApplication.instance() is None:
        return None
    families: list[str] = []
    for path in _font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    _registered = families
    return families[0] if families else None


def label_font(point_size: float, bold: bool = False) -> QFont:
    """A font for map labels that can show Chinese text."""
    font = QFont()
    cjk = ensure_cjk_font()
    if cjk:
        font.setFamilies([QFont().defaultFamily(), cjk])
    font.setPointSizeF(max(1.0, point_size))
    font.setBold(bold)
    return font

"""Fonts for map labels and printed maps: the bundled fonts, registered once.

Maps must print the same on a machine with no fonts of its own: a bare Linux
box, an offscreen renderer, or a Windows laptop without CJK fonts. Every
``.ttf``, ``.otf`` or ``.ttc`` in ``resources/fonts`` is registered with
Qt's font database the first time a label font is asked for (a
``QGuiApplication`` must exist). Labels use the bundled Latin font (DejaVu
Sans: digits, codes, phone numbers) first and the bundled CJK font (Droid
Sans Fallback, which has no Latin glyphs) for Chinese, so a PDF embeds only
fonts we ship.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

_registered: list[str] | None = None


def _font_files() -> list[Path]:
    from gridplanner.resources import font_files

    return font_files()


def _register() -> list[str]:
    """Register every bundled font once; their family names, Latin ones first."""
    global _registered
    if _registered is not None:
        return _registered
    if QGuiApplication.instance() is None:
        return []
    families: list[str] = []
    for path in _font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id)
                         if f not in families]
    _registered = sorted(families, key=_is_cjk)  # stable: Latin (False) before CJK (True)
    return _registered


def _is_cjk(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def ensure_cjk_font() -> str | None:
    """Register the bundled fonts; return the CJK family's name, or None.

    Safe to call many times; does nothing without a ``QGuiApplication``.
    """
    return next((f for f in _register() if _is_cjk(f)), None)


def label_families() -> list[str]:
    """The families labels ask for, in order: bundled Latin, then bundled CJK."""
    return list(_register())


def label_font(point_size: float, bold: bool = False) -> QFont:
    """A font for map labels that shows Latin digits and Chinese text from
    the bundled fonts (the system default only if none could be registered)."""
    font = QFont()
    families = label_families()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(max(1.0, point_size))
    font.setBold(bold)
    return font

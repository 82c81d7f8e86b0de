"""UI language switching, the saved preference, and the bundled CJK font."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QRectF
from PySide6.QtGui import QFont, QFontDatabase, QPageSize, QPainter, QPdfWriter

from gridplanner.qt.shell import i18n
from gridplanner.qt.shell.settings_store import RECENT_MAX, SettingsStore
from gridplanner.resources import font_files, qm_file
from gridplanner.tools import translations as tr


@pytest.fixture
def store(tmp_path):
    return SettingsStore.at(tmp_path / "settings.ini")


@pytest.fixture
def english_after(qapp):
    """Whatever a test switches to, the next test starts in English again."""
    saved = QLocale()
    yield qapp
    i18n.install_translator(qapp, "en")
    QLocale.setDefault(saved)


def _translated_sample() -> tuple[str, str, str]:
    """(context, source, Chinese) of a message in the shipped .ts; MainWindow &File if there."""
    found = {(c, s): (m.findtext("translation") or "")
             for c, s, m in tr.iter_messages(tr.read_ts(tr.ts_path("zh_CN")))
             if m.get("numerus") != "yes"}
    key = ("MainWindow", "&File") if ("MainWindow", "&File") in found else next(
        k for k, v in found.items() if v and v != k[1])
    return key[0], key[1], found[key]


def test_shipped_languages():
    codes = [code for code, _ in i18n.available_languages()]
    assert codes == ["zh_CN", "en"]
    assert qm_file("zh_CN").is_file() and qm_file("en").is_file()


@pytest.mark.parametrize("name, code", [("zh", "zh_CN"), ("zh_CN", "zh_CN"), ("zh-Hans-CN", "zh_CN"),
                                        ("zh_TW", "zh_CN"), ("en_GB", "en"), ("de_DE", "en"),
                                        ("", "en"), (None, "en")])
def test_system_locale_names_map_to_a_shipped_language(name, code):
    assert i18n.normalise_language(name) == code


def test_saved_preference_overrides_the_system_language(english_after, store):
    store.set_language("zh_CN")
    assert i18n.install_translator(english_after, store=store) == "zh_CN"
    assert i18n.current_language() == "zh_CN"
    store.set_language(None)
    assert i18n.install_translator(english_after, store=store) == i18n.system_language()


def test_switching_language_changes_translated_text(english_after, store):
    context, source, chinese = _translated_sample()
    i18n.switch_language(english_after, "zh_CN", remember=True, store=store)
    assert QCoreApplication.translate(context, source) == chinese
    assert store.language() == "zh_CN"
    i18n.switch_language(english_after, "en")
    assert QCoreApplication.translate(context, source) == source
    assert store.language() == "zh_CN"  # not remembered without remember=True


def test_qt_standard_texts_follow_the_language(english_after):
    i18n.install_translator(english_after, "zh_CN")
    if not i18n._catalogues("zh_CN")[1:]:
        pytest.skip("this PySide6 has no qtbase_zh_CN.qm")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_widgets_retranslate_on_language_change(english_after, qtbot, store):
    menu = i18n.LanguageMenu(store=store)
    qtbot.addWidget(menu)
    assert menu.title() == "&Language"
    i18n.switch_language(english_after, "zh_CN")
    qtbot.waitUntil(lambda: menu.title() == "语言(&L)", timeout=2000)
    i18n.switch_language(english_after, "en")
    qtbot.waitUntil(lambda: menu.title() == "&Language", timeout=2000)


def test_language_menu_saves_the_choice(english_after, qtbot, store):
    menu = i18n.LanguageMenu(store=store)
    qtbot.addWidget(menu)
    chinese = next(a for a in menu.actions() if a.data() == "zh_CN")
    chinese.trigger()
    assert store.language() == "zh_CN"
    assert i18n.current_language() == "zh_CN"
    system = next(a for a in menu.actions() if a.isCheckable() and not a.data())
    system.trigger()
    assert store.language() is None


def test_recent_files_newest_first_without_duplicates(store, tmp_path):
    paths = [tmp_path / f"plan{i}.gpkg" for i in range(RECENT_MAX + 3)]
    for p in paths:
        store.add_recent_file(p)
    store.add_recent_file(paths[5])
    recent = store.recent_files()
    assert len(recent) == RECENT_MAX
    assert recent[0] == str(paths[5].resolve())
    assert len(set(recent)) == len(recent)
    store.remove_recent_file(paths[5])
    assert str(paths[5].resolve()) not in store.recent_files()
    paths[-1].write_bytes(b"")
    assert store.recent_files(existing_only=True) == [str(paths[-1].resolve())]
    store.clear_recent_files()
    assert store.recent_files() == []


def test_bundled_fonts_are_truetype_with_their_licences():
    fonts = font_files()
    assert fonts and all(f.suffix == ".ttf" for f in fonts)  # Qt's PDF writer embeds TrueType
    folder = fonts[0].parent
    licences = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("LICENSE-*.txt")}
    assert "Apache License" in licences["LICENSE-DroidSansFallback.txt"]
    assert "Bitstream" in licences["LICENSE-DejaVu.txt"]
    names = {f.name for f in fonts}
    assert {"DroidSansFallbackFull.ttf", "DejaVuSans.ttf"} <= names


def test_register_fonts_adds_the_cjk_family_once(qapp):
    family = i18n.register_fonts()
    assert family and family in QFontDatabase.families()
    assert i18n.register_fonts() == family
    assert QFontDatabase.families().count(family) == 1
    assert QFontDatabase.writingSystems(family).count(QFontDatabase.WritingSystem.SimplifiedChinese)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_pdf_with_chinese_text_uses_the_bundled_font(qapp, tmp_path):
    family = i18n.register_fonts()
    pdf = tmp_path / "chinese.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.setFont(QFont(family, 18))
    painter.drawText(QRectF(200, 200, 4000, 800), "东风社区 第001网格")
    painter.setFont(QFont())  # the default font falls back to the bundled one
    painter.drawText(QRectF(200, 1200, 4000, 800), "党群服务站")
    painter.end()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "东风社区 第001网格" in text
    assert "党群服务站" in text
    assert pdf.stat().st_size < 1_000_000  # embedded as a subset, not the 4 MB font

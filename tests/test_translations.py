"""The translation files: complete, consistent and compiled in step with their sources.

These read the committed ``.ts`` files, which change only when
``python -m gridplanner.tools.translations update`` runs, so a string added
to the code shows up here once the translations are updated.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from gridplanner.tools import translations as tr
from gridplanner.tools.translations import (
    fill_ts,
    find_tool,
    load_mapping,
    ts_path,
    unfinished_messages,
)

PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[A-Za-z_][A-Za-z0-9_]*\}")


def test_every_chinese_message_is_translated():
    missing = unfinished_messages(ts_path("zh_CN"))
    listing = "\n".join(f"  [{c}] {s!r}" for c, s in missing)
    assert not missing, (
        f"{len(missing)} string(s) have no Chinese translation; add them to "
        f"resources/translations/zh_CN.json and run "
        f"`python -m gridplanner.tools.translations update`:\n{listing}"
    )


def test_both_languages_list_the_same_strings():
    zh = {(c, s) for c, s, _ in tr.iter_messages(tr.read_ts(ts_path("zh_CN")))}
    en = {(c, s) for c, s, _ in tr.iter_messages(tr.read_ts(ts_path("en")))}
    assert zh == en


def test_translations_keep_placeholders_and_accelerators():
    problems = []
    for context, source, msg in tr.iter_messages(tr.read_ts(ts_path("zh_CN"))):
        node = msg.find("translation")
        forms = [f.text or "" for f in node.findall("numerusform")] or [node.text or ""]
        for text in forms:
            if not text:
                continue  # untranslated: reported by test_every_chinese_message_is_translated
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"[{context}] {source!r} -> {text!r}: placeholders differ")
            if re.search(r"&[^&\s]", source) and "&" not in text:
                problems.append(f"[{context}] {source!r} -> {text!r}: lost the & shortcut")
    assert problems == []


def test_json_translations_are_valid(repo_root):
    path = repo_root / "resources" / "translations" / "zh_CN.json"
    json.loads(path.read_text(encoding="utf-8"))  # valid JSON
    mapping = load_mapping(path)
    assert mapping, "zh_CN.json holds no translations"
    assert all(text.strip() for text in mapping.values())


TS_SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s)</source>
        <translation type="unfinished"><numerusform></numerusform></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Not in the JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellDock</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def test_fill_writes_json_translations_into_ts(tmp_path):
    ts = tmp_path / "gridplanner_zh_CN.ts"
    ts.write_text(TS_SAMPLE, encoding="utf-8")
    mapping = {(None, "&File"): "文件(&F)", (None, "%n cell(s)"): "%n 个网格",
               (None, "Open"): "打开", ("CellDock", "Open"): "展开", (None, "Unused"): "未用"}
    result = fill_ts(ts, mapping)
    assert result.filled == 3
    assert result.missing == [("MainWindow", "Not in the JSON")]
    assert result.unused == ["Open", "Unused"]
    messages = {(c, s): m for c, s, m in tr.iter_messages(tr.read_ts(ts))}
    assert messages[("MainWindow", "&File")].findtext("translation") == "文件(&F)"
    assert messages[("CellDock", "Open")].findtext("translation") == "展开"
    assert messages[("MainWindow", "Layers")].findtext("translation") == "图层"  # kept
    numerus = messages[("MainWindow", "%n cell(s)")].find("translation")
    assert [f.text for f in numerus.findall("numerusform")] == ["%n 个网格"]
    assert unfinished_messages(ts) == [("MainWindow", "Not in the JSON")]
    assert fill_ts(ts, mapping).filled == 0  # a second fill changes nothing


needs_lrelease = pytest.mark.skipif(find_tool("lrelease") is None, reason="no lrelease")


@needs_lrelease
def test_compile_works_without_any_strings(tmp_path):
    tr.write_ts(tr.empty_ts("zh_CN"), tmp_path / "gridplanner_zh_CN.ts")
    assert tr.compile_all(tmp_path) == 0
    assert (tmp_path / "gridplanner_zh_CN.qm").stat().st_size > 0


@needs_lrelease
def test_committed_qm_files_match_their_sources(repo_root, tmp_path):
    folder = repo_root / "resources" / "translations"
    for language in tr.LANGUAGES:
        shutil.copy(folder / f"gridplanner_{language}.ts", tmp_path)
    assert tr.compile_all(tmp_path) == 0
    for language in tr.LANGUAGES:
        fresh = (tmp_path / f"gridplanner_{language}.qm").read_bytes()
        committed = (folder / f"gridplanner_{language}.qm").read_bytes()
        assert fresh == committed, f"gridplanner_{language}.qm is stale: run make translations"


@needs_lrelease
@pytest.mark.skipif(find_tool("lupdate") is None, reason="no lupdate")
def test_update_extracts_strings_and_keeps_translations(repo_root, tmp_path):
    folder = repo_root / "resources" / "translations"
    shutil.copytree(folder, tmp_path, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.qm"))
    before = {(c, s): m.findtext("translation")
              for c, s, m in tr.iter_messages(tr.read_ts(tmp_path / "gridplanner_zh_CN.ts"))}
    assert tr.update(tmp_path) == 0
    after = {(c, s): m.findtext("translation")
             for c, s, m in tr.iter_messages(tr.read_ts(tmp_path / "gridplanner_zh_CN.ts"))}
    assert ("LanguageMenu", "&Language") in after  # found in gridplanner/qt/shell/i18n.py
    kept = {k: v for k, v in before.items() if k in after and v}
    assert kept and all(after[k] == v for k, v in kept.items())
    assert (tmp_path / "gridplanner_zh_CN.qm").is_file()


ALIAS_SOURCES = {
    "words.py": '''
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
CONTEXT = "Roster"
N = QT_TRANSLATE_NOOP
def tr(text):
    return QCoreApplication.translate(CONTEXT, text)
def _tr(text):
    return QCoreApplication.translate("Commands", text)
TITLE = N("MainWindow", "&Roster")
label = tr("Name")
undo = _tr("Add centre")
''',
    "user.py": '''
from pkg.words import tr
heading = tr("Phone")
def run():
    window = MainWindow()
    return window.tr("No such file")
''',
}


def test_texts_behind_translating_aliases_get_their_runtime_context(tmp_path):
    from gridplanner.tools.tr_aliases import alias_messages

    package = tmp_path / "pkg"
    package.mkdir()
    for name, text in ALIAS_SOURCES.items():
        (package / name).write_text(text, encoding="utf-8")
    files = sorted(package.glob("*.py"))
    found = {(c, t) for c, t, _ in alias_messages(files, package)}
    assert found == {("MainWindow", "&Roster"), ("Roster", "Name"), ("Commands", "Add centre"),
                     ("Roster", "Phone"), ("MainWindow", "No such file")}
    ts = tmp_path / "gridplanner_zh_CN.ts"
    ts.write_text(TS_SAMPLE.replace("<name>CellDock</name>", "<name></name>")
                  .replace("<source>Open</source>", "<source>Name</source>"), encoding="utf-8")
    assert tr.add_alias_messages(ts, files, package) == 5
    messages = {(c, s) for c, s, _ in tr.iter_messages(tr.read_ts(ts))}
    assert ("Roster", "Name") in messages and ("", "Name") not in messages
    assert ("MainWindow", "&Roster") in messages
    assert tr.add_alias_messages(ts, files, package) == 0


def test_resources_folder_can_be_moved_with_an_environment_variable(monkeypatch, tmp_path,
                                                                    repo_root):
    from gridplanner import resources

    assert resources.resources_dir() == repo_root / "resources"
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "b.otf").write_bytes(b"")
    (tmp_path / "fonts" / "a.ttf").write_bytes(b"")
    monkeypatch.setenv(resources.ENV_VAR, str(tmp_path))
    assert resources.translations_dir() == tmp_path / "translations"
    assert [p.name for p in resources.font_files()] == ["a.ttf", "b.otf"]

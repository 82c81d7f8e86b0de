"""Maintain the Qt translations: extract, fill from one JSON file, compile.

Usage (from the repository root)::

    python -m gridplanner.tools.translations update   # lupdate + fill + compile
    python -m gridplanner.tools.translations fill     # zh_CN.json -> gridplanner_zh_CN.ts
    python -m gridplanner.tools.translations compile  # .ts -> .qm (make run / make test)
    python -m gridplanner.tools.translations check    # list untranslated strings, exit 1 if any

``update`` runs ``pyside6-lupdate`` over every ``.py`` file in
``gridplanner/qt`` and ``gridplanner/render`` and merges the strings into
``resources/translations/gridplanner_zh_CN.ts`` and ``gridplanner_en.ts``
(existing translations are kept). English is the source language, so the
English file needs no translations.

Chinese translations are kept in readable files,
``resources/translations/zh_CN.json`` plus one ``zh_CN.d/<feature>.json`` per
feature (merged; the main file wins): ``{"English source": "中文"}`` for
every context, plus ``"@Context": {"source": "中文"}`` sections for a text
that needs a different translation in one context. Keys starting with ``_``
are comments. ``fill`` writes them into the ``.ts`` (marking them finished);
translations made in Qt Linguist for strings the JSON does not list are kept.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from gridplanner.resources import translations_dir
from gridplanner.tools.tr_aliases import alias_messages

LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
SOURCE_LANGUAGE = "en"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
SOURCE_DIRS: tuple[str, ...] = ("qt", "render")
JSON_NAME = "zh_CN.json"

Mapping = dict[tuple[str | None, str], str]


@dataclass
class FillResult:
    """What ``fill`` did: how many messages it set, and what is still missing."""

    filled: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


# -- locating things ------------------------------------------------------
def ts_path(language: str, folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / f"gridplanner_{language}.ts"


def json_path(folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / JSON_NAME


def source_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Python files whose user-visible strings are translated."""
    files: list[Path] = []
    for sub in SOURCE_DIRS:
        files += sorted((package_dir / sub).rglob("*.py"))
    return [f for f in files if "__pycache__" not in f.parts]


def find_tool(name: str) -> Path | None:
    """``lupdate`` or ``lrelease``: the PySide6 wrapper beside this Python, else on PATH."""
    bindir = Path(sys.executable).parent
    candidates = [bindir / f"pyside6-{name}", bindir / f"pyside6-{name}.exe"]
    try:
        import PySide6

        pkg = Path(PySide6.__file__).parent
        candidates += [pkg / name, pkg / f"{name}.exe", pkg / "Qt" / "libexec" / name]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    return Path(found) if found else None


# -- the JSON mapping -----------------------------------------------------
def load_mapping(path: Path) -> Mapping:
    """Read ``zh_CN.json`` into ``{(context or None, source): translation}``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object of English → Chinese texts")
    mapping: Mapping = {}
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if key.startswith("@") and isinstance(value, dict):
            for source, text in value.items():
                mapping[(key[1:], str(source))] = str(text)
        elif isinstance(value, str):
            mapping[(None, key)] = value
        else:
            raise ValueError(f"{path}: the value for {key!r} must be a string")
    return mapping


def load_all_mappings(folder: Path | None = None) -> Mapping:
    """``zh_CN.json`` merged with every ``zh_CN.d/*.json`` (one file per feature,
    so features keep their texts apart); the main file wins on a clash."""
    folder = folder or translations_dir()
    mapping: Mapping = {}
    for extra in sorted((folder / "zh_CN.d").glob("*.json")):
        mapping.update(load_mapping(extra))
    main = json_path(folder)
    if main.exists():
        mapping.update(load_mapping(main))
    return mapping


def lookup(mapping: Mapping, context: str, source: str) -> str | None:
    return mapping.get((context, source), mapping.get((None, source)))


# -- reading and writing .ts files ---------------------------------------
def read_ts(path: Path) -> ET.ElementTree[ET.Element]:
    return ET.parse(path)


def write_ts(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    root = tree.getroot()
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


def empty_ts(language: str) -> ET.ElementTree[ET.Element]:
    return ET.ElementTree(ET.Element("TS", {"version": "2.1", "language": language,
                                            "sourcelanguage": SOURCE_LANGUAGE}))


def iter_messages(tree: ET.ElementTree[ET.Element]):
    """``(context, source, message element)`` for every live message."""
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            yield name, msg.findtext("source") or "", msg


def _set_translation(msg: ET.Element, text: str) -> bool:
    tr = msg.find("translation")
    if tr is None:
        tr = ET.SubElement(msg, "translation")
    if msg.get("numerus") == "yes":
        forms = tr.findall("numerusform")
        current = [f.text or "" for f in forms]
        if current == [text] and tr.get("type") is None:
            return False
        for f in forms:
            tr.remove(f)
        tr.text = None
        ET.SubElement(tr, "numerusform").text = text
    else:
        if (tr.text or "") == text and tr.get("type") is None:
            return False
        tr.text = text
    tr.attrib.pop("type", None)
    return True


def _is_translated(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") == "unfinished":
        return False
    if msg.get("numerus") == "yes":
        return any((f.text or "").strip() for f in tr.findall("numerusform"))
    return bool((tr.text or "").strip())


def fill_ts(ts: Path, mapping: Mapping) -> FillResult:
    """Write the translations in ``mapping`` into the ``.ts`` file ``ts``."""
    tree = read_ts(ts)
    result = FillResult()
    used: set[tuple[str | None, str]] = set()
    changed = False
    for context, source, msg in iter_messages(tree):
        text = lookup(mapping, context, source)
        if text is None:
            if not _is_translated(msg):
                result.missing.append((context, source))
            continue
        used.add((context, source) if (context, source) in mapping else (None, source))
        if _set_translation(msg, text):
            result.filled += 1
            changed = True
    result.unused = sorted(k[1] if k[0] is None else f"@{k[0]}: {k[1]}"
                           for k in mapping if k not in used)
    if changed:
        write_ts(tree, ts)
    return result


def unfinished_messages(ts: Path) -> list[tuple[str, str]]:
    """``(context, source)`` of every message in ``ts`` without a finished translation."""
    return [(c, s) for c, s, msg in iter_messages(read_ts(ts)) if not _is_translated(msg)]


# -- the commands ---------------------------------------------------------
def update(folder: Path | None = None, *, fill: bool = True, compile_qm: bool = True) -> int:
    """Extract strings into every ``.ts`` (keeping translations), then fill and compile."""
    folder = folder or translations_dir()
    folder.mkdir(parents=True, exist_ok=True)
    files = source_files()
    lupdate = find_tool("lupdate")
    for language in LANGUAGES:
        ts = ts_path(language, folder)
        if not ts.exists():
            write_ts(empty_ts(language), ts)
        if not files:
            continue
        if lupdate is None:
            raise SystemExit("pyside6-lupdate not found: install PySide6 into this environment")
        cmd = [str(lupdate), *map(str, files), "-ts", str(ts), "-source-language",
               SOURCE_LANGUAGE, "-target-language", language, "-no-obsolete",
               "-locations", "none", "-silent"]
        subprocess.run(cmd, check=True)
        add_alias_messages(ts, files)
    if fill:
        fill_command(folder)
    return compile_all(folder) if compile_qm else 0


def fill_command(folder: Path | None = None) -> FillResult:
    folder = folder or translations_dir()
    source = json_path(folder)
    mapping = load_all_mappings(folder)
    result = fill_ts(ts_path("zh_CN", folder), mapping)
    print(f"filled {result.filled} translation(s) from {source.name}; "
          f"{len(result.missing)} still untranslated, {len(result.unused)} unused in the JSON")
    for context, text in result.missing:
        print(f"  untranslated: [{context}] {text!r}")
    for text in contextless_messages(ts_path("zh_CN", folder)):
        print(f"  warning: {text!r} has no context, so Qt will never translate it "
              "(use self.tr() or QCoreApplication.translate('Context', ...) directly)")
    return result


def compile_all(folder: Path | None = None) -> int:
    """Compile every ``.ts`` in ``folder`` to a ``.qm`` beside it; 0 on success."""
    folder = folder or translations_dir()
    sources = sorted(folder.glob("gridplanner_*.ts"))
    lrelease = find_tool("lrelease")
    if lrelease is None:
        stale = [ts for ts in sources if not ts.with_suffix(".qm").exists()]
        print("warning: pyside6-lrelease not found; using the committed .qm files", file=sys.stderr)
        return 1 if stale else 0
    for ts in sources:
        cmd = [str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))]
        subprocess.run(cmd, check=True)
    print(f"compiled {len(sources)} translation file(s) in {folder}")
    return 0


def contextless_messages(ts: Path) -> list[str]:
    """Sources lupdate found without a context (an aliased ``tr``): Qt never finds these."""
    return [s for c, s, _ in iter_messages(read_ts(ts)) if not c]


def add_alias_messages(ts: Path, files: list[Path] | None = None,
                       package_dir: Path = PACKAGE_DIR) -> int:
    """Add the texts passed through translating aliases (see :mod:`tr_aliases`) to ``ts``
    under the context they use at run time; drop their context-less copies."""
    pairs = alias_messages(files if files is not None else source_files(), package_dir)
    tree = read_ts(ts)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    present = {(c, s) for c, s, _ in iter_messages(tree)}
    added = 0
    for context, text, _ in pairs:
        if (context, text) in present:
            continue
        node = contexts.get(context)
        if node is None:
            node = ET.SubElement(root, "context")
            ET.SubElement(node, "name").text = context
            contexts[context] = node
        msg = ET.SubElement(node, "message")
        ET.SubElement(msg, "source").text = text
        ET.SubElement(msg, "translation", {"type": "unfinished"})
        present.add((context, text))
        added += 1
    resolved = {text for _, text, _ in pairs}
    empty = contexts.get("")
    if empty is not None:
        for msg in list(empty.iter("message")):
            if (msg.findtext("source") or "") in resolved:
                empty.remove(msg)
        if empty.find("message") is None:
            root.remove(empty)
    write_ts(tree, ts)
    return added


def unextracted_strings(ts: Path) -> list[str]:
    """Alias calls whose text is not in ``ts`` yet (``update`` has not run since)."""
    present = {(c, s) for c, s, _ in iter_messages(read_ts(ts))}
    return [f"{where}: [{c}] {t!r}" for c, t, where in alias_messages(source_files(), PACKAGE_DIR)
            if (c, t) not in present]


def check(folder: Path | None = None) -> int:
    ts = ts_path("zh_CN", folder)
    for where in unextracted_strings(ts):
        print(f"warning: {where} is not in the .ts yet: run update")
    missing = unfinished_messages(ts)
    for context, text in missing:
        print(f"untranslated: [{context}] {text!r}")
    for text in contextless_messages(ts):
        print(f"warning: {text!r} has no context (call self.tr() or "
              f"QCoreApplication.translate('Context', ...) directly, not an alias)")
    print(f"{len(missing)} untranslated string(s)")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gridplanner.tools.translations",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "fill", "compile", "check"))
    parser.add_argument("--dir", type=Path, default=None,
                        help="translations folder (default: resources/translations)")
    parser.add_argument("--no-compile", action="store_true", help="update: do not compile")
    args = parser.parse_args(argv)
    if args.command == "update":
        return update(args.dir, compile_qm=not args.no_compile)
    if args.command == "fill":
        fill_command(args.dir)
        return 0
    if args.command == "compile":
        return compile_all(args.dir)
    return check(args.dir)


if __name__ == "__main__":
    sys.exit(main())

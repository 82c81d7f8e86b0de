"""Find the texts lupdate misses: calls through a translating alias.

lupdate recognises ``self.tr``, ``QCoreApplication.translate`` and
``QT_TRANSLATE_NOOP`` by name only. Code that wraps them, e.g.::

    CONTEXT = "Roster"
    def tr(text):                       # bare tr(...) -> lupdate: no context
        return QCoreApplication.translate(CONTEXT, text)
    def _tr(text):                      # not seen at all
        return QCoreApplication.translate("CentreCommands", text)
    N = QT_TRANSLATE_NOOP               # N("MainWindow", "&Coverage"): not seen

translates at run time under the wrapper's context, but lupdate puts the
text under no context or skips it. :func:`alias_messages` reads the sources
with ``ast``, resolves each wrapper's context (a literal, or a module-level
string constant, also through ``from module import tr``) and returns the
``(context, text)`` pairs such calls use, so the translations tool can add
them to the ``.ts`` files.
"""

from __future__ import annotations

import ast
from pathlib import Path

NOOP_NAMES = ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3")
NOOP = "\0noop"  # marker: the wrapper takes (context, text) like QT_TRANSLATE_NOOP


def _constants(tree: ast.Module) -> dict[str, str]:
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            out.update({t.id: node.value.value for t in node.targets if isinstance(t, ast.Name)})
    return out


def _wrapper_context(func: ast.FunctionDef, constants: dict[str, str]) -> str | None:
    """The context of ``def f(text): return QCoreApplication.translate(CTX, text)``."""
    if len(func.args.args) != 1 or not func.body:
        return None
    last = func.body[-1]
    call = last.value if isinstance(last, ast.Return) else None
    if not isinstance(call, ast.Call) or len(call.args) < 2:
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if name != "translate":
        return None
    ctx, text = call.args[0], call.args[1]
    if not (isinstance(text, ast.Name) and text.id == func.args.args[0].arg):
        return None
    if isinstance(ctx, ast.Constant) and isinstance(ctx.value, str):
        return ctx.value
    return constants.get(ctx.id) if isinstance(ctx, ast.Name) else None


def module_wrappers(tree: ast.Module) -> dict[str, str]:
    """Wrapper name -> its context (or :data:`NOOP`) defined in one module."""
    constants = _constants(tree)
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            ctx = _wrapper_context(node, constants)
            if ctx is not None:
                found[node.name] = ctx
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) \
                and node.value.id in NOOP_NAMES:
            found.update({t.id: NOOP for t in node.targets if isinstance(t, ast.Name)})
        elif isinstance(node, ast.ImportFrom):
            found.update({a.asname: NOOP for a in node.names
                          if a.asname and a.name in NOOP_NAMES})
    return found


def _module_name(path: Path, package_dir: Path) -> str:
    rel = path.relative_to(package_dir.parent).with_suffix("")
    return ".".join(rel.parts)


def alias_messages(files: list[Path], package_dir: Path) -> list[tuple[str, str, str]]:
    """``(context, text, where)`` for every literal passed to a translating alias."""
    trees = {f: ast.parse(f.read_text(encoding="utf-8")) for f in files}
    by_module = {_module_name(f, package_dir): module_wrappers(t) for f, t in trees.items()}
    out: list[tuple[str, str, str]] = []
    for path, tree in trees.items():
        wrappers = dict(by_module[_module_name(path, package_dir)])
        for stmt in tree.body:
            if isinstance(stmt, ast.ImportFrom) and stmt.module in by_module:
                for alias in stmt.names:
                    if alias.name in by_module[stmt.module]:
                        wrappers[alias.asname or alias.name] = by_module[stmt.module][alias.name]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in wrappers:
                pair = _literal_pair(node, wrappers[node.func.id])
                if pair:
                    out.append((*pair, f"{path.name}:{node.lineno}"))
        out += [(c, t, f"{path.name}:{line}") for c, t, line in _object_tr_calls(tree)]
    return out


def _object_tr_calls(tree: ast.Module) -> list[tuple[str, str, int]]:
    """``window = MainWindow(); window.tr("text")``: lupdate files the text under
    "window", Qt looks it up under "MainWindow" (the object's class)."""
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef):
            continue
        classes = {}
        for node in ast.walk(func):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                    and isinstance(node.value.func, ast.Name) and node.value.func.id[:1].isupper():
                classes.update({t.id: node.value.func.id for t in node.targets
                                if isinstance(t, ast.Name)})
        for node in ast.walk(func):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "tr" and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id in classes and node.args \
                    and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                found.append((classes[node.func.value.id], node.args[0].value, node.lineno))
    return found


def _literal_pair(call: ast.Call, context: str) -> tuple[str, str] | None:
    texts = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
             for a in call.args]
    if context == NOOP:
        return (texts[0], texts[1]) if len(texts) >= 2 and texts[0] and texts[1] else None
    return (context, texts[0]) if texts and texts[0] else None

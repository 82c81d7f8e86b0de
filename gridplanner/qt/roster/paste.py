"""Copy and paste between the roster tables and Excel, as one undo step.

Excel puts a block of cells on the clipboard as tab-separated lines. Pasting
it at the current cell of a roster table fills the cells to the right and
below; lines past the last row become new workers (or branches). Roles and
branch types are read from their stored values, their labels in the UI
language, or the Chinese and English words the importer knows (网格长,
专职 ...); the Grid column takes cell codes or names. Values that cannot be
read are left out and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from gridplanner.io.importers.roster import BRANCH_KIND_ALIASES, ROLE_ALIASES
from gridplanner.model.plan import Plan
from gridplanner.qt.roster.commands import (
    AddRowsCommand,
    EditRowCommand,
    RemoveRowsCommand,
)
from gridplanner.qt.roster.model import (
    KIND_TITLES,
    ROLE_TITLES,
    RosterTableModel,
    kind_title,
    role_title,
    translate,
)
from gridplanner.qt.shell.commands import MacroCommand

_CELL_SPLIT = re.compile(r"[;；,，、/\s]+")


def parse_clipboard(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated clipboard text (Excel's format)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.split("\t") for line in lines]


def copy_text(model: RosterTableModel, rows: list[int], columns: list[int]) -> str:
    """Tab-separated text of the shown values of ``rows`` × ``columns`` (source rows)."""
    lines = []
    for r in rows:
        lines.append("\t".join(str(model.index(r, c).data() or "") for c in columns))
    return "\n".join(lines)


@dataclass
class PastePlan:
    """What a paste changes: values per existing row, new rows, and cells to set."""

    edits: dict[int, dict[str, Any]] = field(default_factory=dict)
    new_rows: list[dict[str, Any]] = field(default_factory=list)
    cells: dict[int, list[int]] = field(default_factory=dict)  # fid -> cell fids ([]: none)
    problems: list[str] = field(default_factory=list)
    count: int = 0


def _choice(text: str, labels: dict[str, str], aliases: dict[str, str]) -> str | None:
    key = text.strip()
    if key in labels:
        return key
    for value, label in labels.items():
        if key == label or key.lower() == label.lower():
            return value
    alias = aliases.get(key.lower())
    return str(alias) if alias is not None else None


def _cell_lookup(plan: Plan) -> dict[str, int]:
    out: dict[str, int] = {}
    for fid, code, name in zip(
        plan.cells.frame.index, plan.cells.frame["code"], plan.cells.frame["name"], strict=True
    ):
        for text in (str(name).strip(), str(code).strip()):
            if text:
                out[text] = int(fid)
    return out


def parse_value(column: str, text: str, cells: dict[str, int]) -> tuple[bool, Any]:
    """(ok, value) of one pasted cell for ``column``."""
    text = text.strip()
    if column == "role":
        labels = {r: role_title(r) for r in ROLE_TITLES}
        value = _choice(text, labels, ROLE_ALIASES)
        return value is not None, value
    if column == "kind":
        labels = {k: kind_title(k) for k in KIND_TITLES}
        value = _choice(text, labels, BRANCH_KIND_ALIASES)
        return value is not None, value
    if column == "full_members":
        return (True, int(text)) if re.fullmatch(r"\d+", text or "0") else (False, None)
    if column == "cell":
        tokens = [t for t in _CELL_SPLIT.split(text) if t]
        found = [cells[t] for t in tokens if t in cells]
        return len(found) == len(tokens), list(dict.fromkeys(found))
    return True, text


def plan_paste(
    model: RosterTableModel,
    start_row: int,
    start_col: int,
    block: list[list[str]],
    rows: list[int] | None = None,
) -> PastePlan:
    """Read ``block`` pasted at (``start_row``, ``start_col``) of the shown rows.

    ``rows`` maps shown rows to source rows (filtered or sorted views); rows
    past its end become new rows.
    """
    rows = list(range(model.rowCount())) if rows is None else rows
    cells = _cell_lookup(model.plan)
    out = PastePlan()
    first_new = model.plan.layer(model.layer).next_fid()
    for i, line in enumerate(block):
        at = start_row + i
        fid = model.fid_at(rows[at]) if at < len(rows) else first_new + len(out.new_rows)
        values: dict[str, Any] = {}
        for j, text in enumerate(line):
            if start_col + j >= len(model.columns):
                break
            column = model.columns[start_col + j]
            ok, value = parse_value(column, text, cells)
            if not ok:
                out.problems.append(
                    translate("Roster", "row %1: cannot read %2 as %3")
                    .replace("%1", str(at + 1))
                    .replace("%2", repr(text))
                    .replace("%3", model.column_title(column))
                )
                continue
            out.count += 1
            if column == "cell":
                out.cells[fid] = value
            else:
                values[column] = value
        if at >= len(rows):
            out.new_rows.append(values)
        elif values:
            out.edits[fid] = values
    return out


def paste_command(model: RosterTableModel, paste: PastePlan) -> MacroCommand:
    """One undo step doing everything ``paste`` describes."""
    plan, layer = model.plan, model.layer
    macro = MacroCommand(translate("Roster", "Paste %1 cells").replace("%1", str(paste.count)))
    frame = plan.layer(layer).frame
    for fid, values in paste.edits.items():
        changed = {k: v for k, v in values.items() if str(frame.at[fid, k]) != str(v)}
        if changed:
            macro.add(EditRowCommand(plan, layer, fid, changed))
    if paste.new_rows:
        start = plan.layer(layer).next_fid()
        new = pd.DataFrame(
            paste.new_rows, index=pd.Index(range(start, start + len(paste.new_rows)), dtype="int64")
        )
        macro.add(AddRowsCommand(plan, layer, new.to_dict("records"), fids=list(new.index)))
    _add_cell_steps(model, paste.cells, macro)
    return macro


def _add_cell_steps(
    model: RosterTableModel, cells: dict[int, list[int]], macro: MacroCommand
) -> None:
    plan, target = model.plan, model.target
    a = plan.assignments.frame
    mine = a[a["target"] == target]
    changed = {f: c for f, c in cells.items() if sorted(model.cells_of(f)) != sorted(c)}
    if not changed:
        return
    old = mine.index[mine["target_fid"].isin(list(changed)).fillna(False).to_numpy(bool)]
    if len(old):
        macro.add(RemoveRowsCommand(plan, "assignments", [int(x) for x in old]))
    rows = [
        {"cell_fid": c, "target": target, "target_fid": f} for f, cs in changed.items() for c in cs
    ]
    if rows:
        macro.add(AddRowsCommand(plan, "assignments", rows))

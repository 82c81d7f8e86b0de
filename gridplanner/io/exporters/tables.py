"""The grid roster as Excel and CSV tables.

One row per grid cell, sorted by code: code and name, households, residents,
leader, workers with phones, branch, secretary, the share of households
within each walking level (empty without a walking network or centres), and,
when the plan holds a Party organisation or registers, its tallies per grid
(micro-grids, resident Party members, Party-member households and the
households they look after, Party groups, reporting Party members, volunteers).
Excel gets one sheet per community with a frozen header row and fitted
column widths; CSV is one table with a community column, in UTF-8 with a
BOM so Excel on Windows opens the Chinese text correctly. No text becomes
a formula (:mod:`gridplanner.io.cell_text`): it is stored as text in the
workbook and guarded with a leading quote in the CSV.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from gridplanner.analysis.people.roster_rules import cell_totals, roster_by_cell
from gridplanner.errors import GridPlannerError
from gridplanner.io.atomic import write_atomic
from gridplanner.io.cell_text import append_row, guard_frame
from gridplanner.io.labels import check_lang, label, level_text, role_label
from gridplanner.model.plan import Plan
from gridplanner.model.schema import WorkerRole

BASE_COLUMNS = ("community", "code", "name", "households", "residents", "leader",
                "leader_phone", "workers", "branch", "secretary")
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
_PERSON_SEPARATOR = "; "


# -- coverage (optional) ---------------------------------------------------------------
def coverage_result(plan: Plan) -> Any | None:
    """Network coverage of the plan, or None without a network, centres or the module."""
    if len(plan.centres) == 0 or len(plan.buildings) == 0 or len(plan.network) == 0:
        return None
    try:
        from gridplanner.analysis.network.coverage import coverage_from_centres
        from gridplanner.analysis.network.graph import has_network
    except ImportError:
        return None
    try:
        if not has_network(plan):
            return None
        return coverage_from_centres(plan, method="network", services=[])
    except GridPlannerError:
        return None


def coverage_shares(plan: Plan, result: Any | None) -> pd.DataFrame:
    """Percent of households within each level, per cell fid (empty without coverage)."""
    index = plan.cells.frame.index
    out = pd.DataFrame(index=index)
    if result is None:
        for lv in plan.settings.levels_m:
            out[f"coverage_{level_text(lv)}"] = pd.Series(None, index=index, dtype=object)
        return out
    rows = {int(r["fid"]): r for r in result.cells}
    for lv in result.levels_m:
        key = f"coverage_{level_text(lv)}"
        suffix = str(int(lv)) if float(lv).is_integer() else f"{lv:g}"
        out[key] = [round(100.0 * rows[f][f"household_share_{suffix}"], 1)
                    if f in rows and rows[f]["households"] else None for f in index]
    return out


# -- the organisation (optional) -------------------------------------------------------
def has_organisation(plan: Plan) -> bool:
    """Whether the plan holds micro-grids, Party groups or households, registers or a
    Party-member column on its buildings."""
    from gridplanner.analysis.people.organisation import party_member_column

    tables = ("micro_grids", "party_groups", "party_households", "party_members", "volunteers")
    return any(len(plan.layer(t)) for t in tables) or \
        party_member_column(plan.buildings.frame) is not None


def organisation_columns(plan: Plan) -> pd.DataFrame:
    """Organisation tallies per cell fid as whole numbers (no columns without any)."""
    if len(plan.cells) == 0 or not has_organisation(plan):
        return pd.DataFrame(index=plan.cells.frame.index)
    from gridplanner.analysis.people.organisation_tallies import organisation_by_cell

    return organisation_by_cell(plan).round().astype("int64")


def group_columns(plan: Plan) -> pd.DataFrame:
    """Population groups per cell fid as whole numbers, one ``group_<name>`` column each
    (none when the buildings carry no groups)."""
    from gridplanner.analysis.grids.group_tallies import plan_groups, tallies_by_cell

    names = plan_groups(plan)
    if len(plan.cells) == 0 or not names:
        return pd.DataFrame(index=plan.cells.frame.index)
    tallies = tallies_by_cell(plan)[names].round().astype("int64")
    return tallies.rename(columns={n: f"group_{n}" for n in names})


# -- the table ------------------------------------------------------------------------
def _person(row: dict[str, Any], lang: str, with_role: bool) -> str:
    text = str(row["name"])
    if with_role and row["role"] != WorkerRole.FULL_TIME.value:
        text += f"({role_label(str(row['role']), lang)})"
    phone = str(row["phone"]).strip()
    return f"{text} {phone}" if phone else text


def roster_rows(plan: Plan, lang: str = "zh_CN", coverage: Any | None = None) -> pd.DataFrame:
    """One row per cell (index: cell fid) with machine-named columns, sorted by code.

    Columns are ``BASE_COLUMNS`` then ``coverage_<level>`` (percent of
    households; empty without coverage).
    """
    lang = check_lang(lang)
    cells = plan.cells.frame
    totals = cell_totals(plan).to_dict("index")
    teams = roster_by_cell(plan)
    workers = plan.workers.frame.to_dict("index")
    branches = plan.branches.frame.to_dict("index")
    join = _PERSON_SEPARATOR.join
    records = []
    for fid, cell in zip(cells.index, cells[["community", "code", "name"]].to_dict("records"),
                         strict=True):
        team = teams[int(fid)]
        leaders = [workers[w] for w in team.leaders]
        bs = [branches[b] for b in team.branches]
        records.append({
            "community": str(cell["community"]),
            "code": str(cell["code"]),
            "name": str(cell["name"]),
            "households": int(round(totals[fid]["households"])),
            "residents": int(round(totals[fid]["residents"])),
            "leader": join(str(p["name"]) for p in leaders),
            "leader_phone": join(str(p["phone"]) for p in leaders),
            "workers": join(_person(workers[w], lang, True)
                            for w in team.full_time + team.others),
            "branch": join(str(b["name"]) for b in bs),
            "secretary": join(str(b["secretary"]) for b in bs),
        })
    frame = pd.DataFrame(records, index=cells.index, columns=list(BASE_COLUMNS))
    frame = frame.join(coverage_shares(plan, coverage))
    frame = frame.join(organisation_columns(plan))
    frame = frame.join(group_columns(plan))
    keys = sorted(zip(frame["code"] == "", frame["code"], frame.index, strict=True))
    return frame.loc[[k[2] for k in keys]]


def header_labels(columns: list[str], lang: str) -> list[str]:
    """Column headers in ``lang`` for machine column names."""
    out = []
    for col in columns:
        if col.startswith("coverage_"):
            out.append(label("coverage", lang, level=col.removeprefix("coverage_")))
        elif col.startswith("group_"):
            out.append(col.removeprefix("group_"))  # the office's own word (独居老人 …)
        else:
            out.append(label(col, lang))
    return out


# -- writing ---------------------------------------------------------------------------
def export_csv(plan: Plan, path: str | os.PathLike[str], lang: str = "zh_CN") -> Path:
    """Write the roster of every cell as one CSV table (UTF-8 with BOM)."""
    lang = check_lang(lang)
    rows = roster_rows(plan, lang, coverage_result(plan))
    rows = rows.sort_values(["community", "code"], kind="stable")
    table = guard_frame(rows.set_axis(header_labels(list(rows.columns), lang), axis=1))

    def write(tmp: Path) -> None:
        table.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")

    return write_atomic(path, write)


def sheet_name(text: str, used: set[str]) -> str:
    """A valid, unique Excel sheet name (≤ 31 characters, no []:*?/\\)."""
    base = (text.translate(_BAD_SHEET_CHARS).strip("'") or "Sheet")[:31]
    name, n = base, 1
    while name.lower() in used:
        n += 1
        name = f"{base[:31 - len(str(n)) - 1]}_{n}"
    used.add(name.lower())
    return name


def _text_width(value: object) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def export_xlsx(plan: Plan, path: str | os.PathLike[str], lang: str = "zh_CN") -> Path:
    """Write the roster as an Excel workbook with one sheet per community."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    lang = check_lang(lang)
    rows = roster_rows(plan, lang, coverage_result(plan))
    columns = [c for c in rows.columns if c != "community"]
    headers = header_labels(columns, lang)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    groups = list(rows.groupby(rows["community"].replace("", label("no_community", lang)),
                               sort=True)) or [(label("no_community", lang), rows)]
    bold = Font(bold=True)
    for community, group in groups:
        ws = wb.create_sheet(sheet_name(str(community), used))
        append_row(ws, headers)
        for cell in ws[1]:
            cell.font = bold
            cell.alignment = Alignment(vertical="center")
        values = group[columns].astype(object).where(group[columns].notna(), None)
        for record in values.itertuples(index=False):
            append_row(ws, record)
        ws.freeze_panes = "A2"
        _fit_widths(ws, headers, values)
    return write_atomic(path, wb.save)


def _fit_widths(ws: Any, headers: list[str], values: pd.DataFrame) -> None:
    from openpyxl.utils import get_column_letter

    for i, header in enumerate(headers, start=1):
        column = values.iloc[:, i - 1]
        longest = max([_text_width(header)] + [_text_width(v) for v in column.head(500)])
        ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 8), 60)

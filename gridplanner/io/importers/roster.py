"""Import the roster (grid workers, Party branches) from Excel or CSV.

Cadres keep their rosters in Excel, so headers are Chinese or English and
CSV files come in UTF-8 (with or without BOM) or GBK/GB18030. The column
mapping is ``options.extra["columns"] = {"name": "姓名", ...}`` (or, from the
command line, ``--option column.name=姓名``); without
one, columns are guessed from their headers and the guesses reported. A
``cell`` column (grid codes or names, several separated by ``;`` ``、``
``,``) creates assignments. Bad rows are skipped and named by their row
number in the sheet; a file with no usable row is
refused and the plan left unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import cast

import pandas as pd

from gridplanner.errors import ImportDataError, UnknownFieldError
from gridplanner.io.cell_text import FORMULA_TRIGGERS
from gridplanner.io.importers.registry import ImportOptions, ImportReport
from gridplanner.io.importers.sheets import read_sheet
from gridplanner.model.limits import InputLimits
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BranchKind, WorkerRole

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")

#: Header synonyms per field, most specific first; matching ignores case and spaces.
HEADER_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "workers": {
        "name": ("姓名", "名字", "网格员姓名", "人员姓名", "name", "full name"),
        "phone": ("电话", "手机", "手机号", "手机号码", "联系电话", "联系方式", "phone",
                  "mobile", "tel", "telephone"),
        "role": ("角色", "岗位", "职务", "身份", "role", "position", "post"),
        "community": ("社区", "所属社区", "社区名称", "community"),
        "cell": ("网格编码", "网格编号", "网格代码", "网格", "所属网格", "网格名称", "cell",
                 "grid", "grid code", "cell code"),
        "notes": ("备注", "说明", "notes", "note", "remarks"),
    },
    "branches": {
        "name": ("支部名称", "党支部名称", "党支部", "支部", "名称", "branch", "branch name",
                 "name"),
        "secretary": ("书记", "支部书记", "党支部书记", "secretary"),
        "full_members": ("正式党员数", "正式党员", "党员人数", "党员数", "full members",
                         "full_members", "members"),
        "kind": ("类型", "支部类型", "kind", "type"),
        "community": ("所属社区", "社区", "社区名称", "community"),
        "cell": ("网格编码", "网格编号", "网格代码", "网格", "所属网格", "网格名称", "cell",
                 "grid", "cells", "grid code"),
        "notes": ("备注", "说明", "notes", "note", "remarks"),
    },
}

ROLE_ALIASES: dict[str, str] = {
    "网格长": WorkerRole.LEADER, "leader": WorkerRole.LEADER, "grid leader": WorkerRole.LEADER,
    "专职网格员": WorkerRole.FULL_TIME, "专职": WorkerRole.FULL_TIME,
    "网格员": WorkerRole.FULL_TIME, "full_time": WorkerRole.FULL_TIME,
    "full-time": WorkerRole.FULL_TIME, "full time": WorkerRole.FULL_TIME,
    "full-time worker": WorkerRole.FULL_TIME, "worker": WorkerRole.FULL_TIME,
    "兼职网格员": WorkerRole.PART_TIME, "兼职": WorkerRole.PART_TIME,
    "part_time": WorkerRole.PART_TIME, "part-time": WorkerRole.PART_TIME,
    "part time": WorkerRole.PART_TIME, "part-time worker": WorkerRole.PART_TIME,
    "楼栋长": WorkerRole.STEWARD, "楼长": WorkerRole.STEWARD, "steward": WorkerRole.STEWARD,
    "building steward": WorkerRole.STEWARD,
    "网格指导员": WorkerRole.SUPERVISOR, "指导员": WorkerRole.SUPERVISOR,
    "supervisor": WorkerRole.SUPERVISOR, "grid supervisor": WorkerRole.SUPERVISOR,
}

BRANCH_KIND_ALIASES: dict[str, str] = {
    "网格党支部": BranchKind.GRID, "网格支部": BranchKind.GRID, "grid": BranchKind.GRID,
    "联合党支部": BranchKind.JOINT, "联合支部": BranchKind.JOINT, "联合": BranchKind.JOINT,
    "joint": BranchKind.JOINT,
    "小区党支部": BranchKind.COMPOUND, "小区支部": BranchKind.COMPOUND,
    "compound": BranchKind.COMPOUND,
}

_CELL_SPLIT = re.compile(r"[;；,，、/\s]+")


# -- reading ----------------------------------------------------------------------
def read_table(path: str | Path, encoding: str | None = None,
               sheet: str | int | None = None,
               limits: InputLimits | None = None) -> tuple[pd.DataFrame, str | None]:
    """Read a roster table as text cells.

    Returns the frame (every value a stripped string, blanks as "") and the
    text encoding used (None for Excel files). CSV encodings are detected
    (UTF-8 with or without BOM, else GB18030, a superset of GBK) unless
    ``encoding`` is given. Title rows above the header (a sheet headed
    "XX社区网格员花名册") are skipped: the header is the first of the top ten
    rows holding a name header (姓名, 支部名称, name ...).
    ``frame.attrs["first_row"]`` is the sheet row number of the first data row.
    ``limits`` (the defaults when not given) bound the file size and the
    sheet's rows and columns, checked before the rows are read.
    """
    p = Path(path)
    if not p.is_file():
        raise ImportDataError(f"{p}: no such file")
    if p.suffix.lower() in EXCEL_SUFFIXES:
        raw, used = _read_excel(p, sheet, limits), None
    else:
        raw, used = _read_csv(p, encoding, limits)
    raw = raw.map(_clean_cell) if raw.size else raw.astype(str)
    at = _header_row(raw)
    frame = raw.iloc[at + 1:].reset_index(drop=True) if len(raw) else raw
    frame.columns = _unique_headers(list(raw.iloc[at]) if len(raw) else [])
    frame = frame[[c for c in frame.columns if not c.startswith("#") or frame[c].ne("").any()]]
    frame.attrs["first_row"] = at + 2
    return frame, used


def _header_row(raw: pd.DataFrame) -> int:
    names = {_norm(w) for kind in HEADER_SYNONYMS.values() for w in kind["name"]}
    for i in range(min(10, len(raw))):
        if any(_norm(v) in names for v in raw.iloc[i] if v):
            return i
    return 0


def _unique_headers(values: list[object]) -> list[str]:
    out: list[str] = []
    for j, value in enumerate(values):
        text = str(value).strip() or f"#{j + 1}"
        name, n = text, 1
        while name in out:
            n += 1
            name = f"{text}.{n}"
        out.append(name)
    return out


def _read_excel(path: Path, sheet: str | int | None,
                limits: InputLimits | None = None) -> pd.DataFrame:
    """One sheet of a workbook as raw cells, within the input limits."""
    return read_sheet(path, sheet=sheet, limits=limits)[0]


def _read_csv(path: Path, encoding: str | None,
              limits: InputLimits | None = None) -> tuple[pd.DataFrame, str]:
    """A CSV file as text cells and the encoding used, within the input limits."""
    frame, used = read_sheet(path, encoding=encoding, limits=limits)
    return frame.fillna(""), used or "utf-8"


def _clean_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # phone numbers typed as numbers in Excel
    text = str(value).strip()
    if text.startswith(FORMULA_TRIGGERS) and str(value)[:1] in "\t\r\n":
        text = str(value).rstrip()  # stripping the tab or CR would make it a formula
    return text[:-2] if re.fullmatch(r"\d{5,}\.0", text) else text


# -- columns ------------------------------------------------------------------------
def _norm(text: str) -> str:
    return re.sub(r"[\s_\-()（）:：*]", "", str(text)).lower()


def guess_columns(kind: str, headers: list[str]) -> dict[str, str]:
    """Guess which header holds each field of ``kind`` ("workers" or "branches").

    Returns ``{field: header}`` for the fields found; an exact synonym beats
    a header that merely contains one.
    """
    return match_headers(HEADER_SYNONYMS[_check_kind(kind)], headers)


def match_headers(synonyms: Mapping[str, Sequence[str]], headers: list[str]) -> dict[str, str]:
    """``{field: header}`` for each field whose synonyms name a header.

    An exact synonym beats a header that merely contains one; each header
    serves one field. Shared by the roster and the register importers.
    """
    normal = {h: _norm(h) for h in headers}
    out: dict[str, str] = {}
    for exact in (True, False):
        for field_name, words in synonyms.items():
            if field_name in out:
                continue
            for word in map(_norm, words):
                hit = next((h for h, n in normal.items() if h not in out.values() and (
                    n == word if exact else (len(word) > 1 and word in n))), None)
                if hit is not None:
                    out[field_name] = hit
                    break
    return out


def _check_kind(kind: str) -> str:
    if kind not in HEADER_SYNONYMS:
        raise ImportDataError(f"unknown roster kind {kind!r} (workers or branches)")
    return kind


def _resolve_columns(kind: str, frame: pd.DataFrame, options: ImportOptions,
                     report: ImportReport, path: Path) -> dict[str, str]:
    """The field → header mapping: ``extra["columns"]`` exactly as given (the
    mapping dialog), else guesses overridden by any ``column.<field>`` options."""
    extra = options.extra or {}
    given = cast("Mapping[object, object]", extra.get("columns") or {})  # the dialog's dict
    exact = {str(k): str(v) for k, v in dict(given).items() if v}
    partial = {str(k).removeprefix("column."): str(v) for k, v in extra.items()
               if str(k).startswith("column.") and v}
    if options.name_field:  # --name-field is the name column
        partial.setdefault("name", options.name_field)
    _check_mapping(kind, frame, {**exact, **partial}, path)
    if exact:
        mapping = {**exact, **partial}
    else:
        headers = [h for h in frame.columns if h not in partial.values()]
        guesses = {f: h for f, h in guess_columns(kind, headers).items() if f not in partial}
        for field_name, header in guesses.items():
            report.warnings.append(f"guessed column {header!r} as {field_name}")
        mapping = {**guesses, **partial}
    if "name" not in mapping:
        raise ImportDataError(
            f"{path}: no name column found among {', '.join(frame.columns) or '(none)'}; "
            "map the columns explicitly")
    return mapping


def _check_mapping(kind: str, frame: pd.DataFrame, mapping: dict[str, str], path: Path) -> None:
    missing = [h for h in mapping.values() if h not in frame.columns]
    if missing:
        raise UnknownFieldError(
            f"{path}: the column mapping names {missing[0]!r}, which is not a column "
            f"(columns: {', '.join(map(str, frame.columns))})")
    unknown = set(mapping) - set(HEADER_SYNONYMS[kind])
    if unknown:
        raise ImportDataError(f"{path}: unknown {kind} field {sorted(unknown)[0]!r} "
                              "in the column mapping")


# -- rows --------------------------------------------------------------------------
def _parse_alias(value: str, aliases: dict[str, str]) -> str | None:
    key = value.strip().lower()
    return str(aliases[key]) if key in aliases else None


def _cell_lookup(plan: Plan) -> dict[str, list[tuple[int, str]]]:
    """Grid code or name → [(cell fid, community)]: short names (第1网格) recur
    in every community."""
    cells = plan.cells.frame
    lookup: dict[str, list[tuple[int, str]]] = {}
    for fid, row in cells.iterrows():
        for text in dict.fromkeys((str(row["code"]).strip(), str(row["name"]).strip())):
            if text:
                lookup.setdefault(text, []).append((int(fid), str(row["community"])))
    return lookup


def _cells_of(value: str, lookup: dict[str, list[tuple[int, str]]], row_no: int,
              report: ImportReport, community: str = "") -> list[int]:
    """The cells a grid column names (codes or names); unknown and ambiguous names
    are reported by row."""
    if not value:
        return []
    out = []
    for token in (t for t in _CELL_SPLIT.split(value) if t):
        found = lookup.get(token, [])
        if len(found) > 1 and community:
            found = [f for f in found if f[1] == community] or found
        if len(found) == 1:
            out.append(found[0][0])
        elif found:
            report.warnings.append(f"row {row_no}: {len(found)} grids are called {token!r} "
                                   "(give the grid code or the community)")
        else:
            report.warnings.append(f"row {row_no}: no grid cell with code or name {token!r}")
    return out


def _named_records(frame: pd.DataFrame, cols: dict[str, str], report: ImportReport,
                   no_name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(sheet row number, values by field) of each row that has a name.

    Blank rows are passed over; a row without a name is reported as skipped
    with ``no_name`` ("no name", "no branch name").
    """
    first_row = int(frame.attrs.get("first_row", 2))
    for i, rec in enumerate(frame.to_dict("records")):
        row_no = i + first_row
        values = {f: rec.get(h, "") for f, h in cols.items()}
        if not any(values.values()):
            continue
        if not values.get("name"):
            report.skipped.append(f"row {row_no}: {no_name}")
            continue
        yield row_no, values


def _worker_rows(frame: pd.DataFrame, cols: dict[str, str], plan: Plan,
                 report: ImportReport) -> list[tuple[dict[str, str], list[int]]]:
    lookup = _cell_lookup(plan)
    communities = plan.cells.frame["community"]
    rows = []
    for row_no, values in _named_records(frame, cols, report, "no name"):
        role = _parse_alias(values.get("role", ""), ROLE_ALIASES) if values.get("role") \
            else WorkerRole.FULL_TIME.value
        if role is None:
            report.skipped.append(f"row {row_no}: unknown role {values['role']!r}")
            continue
        community = values.get("community", "")
        cells = _cells_of(values.get("cell", ""), lookup, row_no, report, community)
        if not community and cells:
            community = str(communities.loc[cells[0]])
        rows.append(({"name": values["name"], "phone": values.get("phone", ""), "role": role,
                      "community": community, "notes": values.get("notes", "")}, cells))
    return rows


def _branch_rows(frame: pd.DataFrame, cols: dict[str, str], plan: Plan,
                 report: ImportReport) -> list[tuple[dict[str, object], list[int]]]:
    lookup = _cell_lookup(plan)
    rows = []
    for row_no, values in _named_records(frame, cols, report, "no branch name"):
        members_text = values.get("full_members", "") or "0"
        if not re.fullmatch(r"\d+", members_text):
            report.skipped.append(
                f"row {row_no}: full members {members_text!r} is not a whole number")
            continue
        community = values.get("community", "")
        cells = _cells_of(values.get("cell", ""), lookup, row_no, report, community)
        if not community and cells:
            community = str(plan.cells.frame.at[cells[0], "community"])
        kind = _parse_alias(values["kind"], BRANCH_KIND_ALIASES) if values.get("kind") \
            else (BranchKind.JOINT.value if len(cells) > 1 else BranchKind.GRID.value)
        if kind is None:
            report.skipped.append(f"row {row_no}: unknown branch type {values['kind']!r}")
            continue
        rows.append(({"name": values["name"], "secretary": values.get("secretary", ""),
                      "full_members": int(members_text), "kind": kind,
                      "community": community, "notes": values.get("notes", "")}, cells))
    return rows


# -- importers ---------------------------------------------------------------------
def import_workers(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Import grid workers (and their cells) from an Excel or CSV roster."""
    return _import(plan, Path(path), options, "workers", _worker_rows)


def import_branches(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Import Party branches (and the cells they cover) from Excel or CSV."""
    return _import(plan, Path(path), options, "branches", _branch_rows)


def _import(plan: Plan, path: Path, options: ImportOptions, kind: str, parse) -> ImportReport:
    sheet = options.layer
    frame, encoding = read_table(path, encoding=options.encoding, sheet=sheet,
                                 limits=options.limits)
    report = ImportReport(kind=kind, file=str(path), layer=sheet)
    if encoding and encoding not in ("utf-8", "utf-8-sig"):
        report.warnings.append(f"read as {encoding} text")
    cols = _resolve_columns(kind, frame, options, report, path)
    rows = parse(frame, cols, plan, report)
    if not rows:
        first = f": {report.skipped[0]}" if report.skipped else ""
        raise ImportDataError(f"{path}: no usable {kind} rows{first}")
    _apply(plan, kind, rows, options, report)
    return report


def _apply(plan: Plan, kind: str, rows: list, options: ImportOptions,
           report: ImportReport) -> None:
    table = plan.workers if kind == "workers" else plan.branches
    target = "worker" if kind == "workers" else "branch"
    existing = {} if options.replace else _existing_keys(table.frame, kind)
    start = 1 if options.replace else table.next_fid()
    new_rows, links, next_fid = [], [], start
    for record, cells in rows:
        key = _key(record, kind)
        fid = existing.get(key)
        if fid is None:
            fid = next_fid
            next_fid += 1
            existing[key] = fid
            new_rows.append(record)
        else:
            report.warnings.append(f"{record['name']} is already in the roster; kept once")
        links += [{"cell_fid": c, "target": target, "target_fid": fid} for c in cells]
    frame = pd.DataFrame(new_rows, index=pd.Index(range(start, next_fid), dtype="int64"))
    assignments = plan.assignments.frame
    if options.replace:
        kept = assignments[assignments["target"] != target]
        report.replaced = len(table)
        table.replace(frame)
        merged = pd.concat([kept, pd.DataFrame(links)], ignore_index=True) if links else kept
        merged.index = pd.RangeIndex(1, len(merged) + 1)
        plan.assignments.replace(merged)
    else:
        table.add(frame)
        known = set(zip(assignments["cell_fid"], assignments["target"],
                        assignments["target_fid"], strict=True))
        links = [lk for lk in links if tuple(lk.values()) not in known]
        plan.assignments.add(links)
    report.added = len(new_rows)


def _key(record: dict, kind: str) -> tuple[str, ...]:
    if kind == "workers":
        return (str(record["name"]), re.sub(r"\D", "", str(record["phone"])))
    return (str(record["name"]),)


def _existing_keys(frame: pd.DataFrame, kind: str) -> dict[tuple[str, ...], int]:
    return {_key(rec, kind): int(fid) for fid, rec in zip(
        frame.index, frame.to_dict("records"), strict=True)}

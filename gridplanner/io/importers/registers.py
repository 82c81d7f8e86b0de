"""Import the registers beside the grid workers from Excel or CSV.

Three kinds, each a table of the plan:

- ``party-members``: in-service Party members reporting to the community where
  they live (双报到): name, phone, work unit, home (a building name, or compound
  and building: "幸福小区3号楼"), community, grid;
- ``volunteers``: name, phone, team, skills, community, grid;
- ``staff``: community staff with their post, the centre they are on duty at
  and their duty days.

Files are read as the roster is (:func:`roster.read_table`: title rows
skipped, UTF-8 or GBK); the column mapping is ``options.extra["columns"]`` or
``column.<field>=HEADER`` options, else guessed from the headers and the
guesses reported. A home is matched to a building by name (within the named
compound when the text starts with one), a grid by code or name, a centre by
name; text that matches nothing is kept and reported by row. A row without a
name is skipped; a person already in the register (same name and phone) is
kept once. A file with no usable row changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import pandas as pd

from gridplanner.analysis.people.organisation import building_compounds
from gridplanner.errors import ImportDataError
from gridplanner.io.importers.registry import ImportOptions, ImportReport
from gridplanner.io.importers.roster import match_headers, read_table
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BoundaryLevel

_NAME = ("姓名", "名字", "党员姓名", "志愿者姓名", "人员姓名", "name", "full name")
_PHONE = ("手机号码", "手机号", "联系电话", "电话", "手机", "联系方式", "phone", "mobile", "tel")
_COMMUNITY = ("报到社区", "所属社区", "社区", "community")
_CELL = ("网格编码", "所属网格", "网格名称", "网格", "grid", "cell", "grid code")
_NOTES = ("备注", "说明", "notes", "note", "remarks")

#: Header synonyms per register kind and field, most specific first.
REGISTER_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "party-members": {
        "name": _NAME, "phone": _PHONE,
        "work_unit": ("工作单位", "所在单位", "单位", "work unit", "employer", "unit"),
        "home": ("居住地址", "家庭住址", "现居住地", "住址", "居住小区", "所在小区", "小区",
                 "home", "address", "home compound"),
        "building": ("居住楼栋", "楼栋号", "楼号", "楼栋", "楼幢", "building", "home building"),
        "community": _COMMUNITY, "cell": _CELL, "notes": _NOTES,
    },
    "volunteers": {
        "name": _NAME, "phone": _PHONE,
        "team": ("志愿服务队", "服务队", "所属队伍", "队伍", "团队", "team"),
        "skills": ("特长", "技能", "专长", "服务项目", "skills", "skill"),
        "community": _COMMUNITY, "cell": _CELL, "notes": _NOTES,
    },
    "staff": {
        "name": _NAME, "phone": _PHONE,
        "post": ("岗位", "职务", "职位", "post", "position", "role"),
        "community": _COMMUNITY,
        "centre": ("值班地点", "服务站", "驻点", "党群服务中心", "中心", "centre", "center",
                   "station"),
        "duty_days": ("值班日", "值班时间", "值班", "duty days", "duty", "days"),
        "notes": _NOTES,
    },
}
#: import kind → plan table
REGISTER_TABLES = {"party-members": "party_members", "volunteers": "volunteers",
                   "staff": "staff"}
_SPLIT = re.compile(r"[;；,，、/\s]+")


def guess_register_columns(kind: str, headers: list[str]) -> dict[str, str]:
    """``{field: header}`` guessed from ``headers``; an exact synonym beats a partial one."""
    return match_headers(REGISTER_SYNONYMS[kind], headers)


def _mapping(kind: str, frame: pd.DataFrame, options: ImportOptions, report: ImportReport,
             path: Path) -> dict[str, str]:
    extra = options.extra or {}
    given = cast("Mapping[object, object]", extra.get("columns") or {})
    exact = {str(k): str(v) for k, v in dict(given).items() if v}
    partial = {str(k).removeprefix("column."): str(v) for k, v in extra.items()
               if str(k).startswith("column.") and v}
    for field_name, header in {**exact, **partial}.items():
        if field_name not in REGISTER_SYNONYMS[kind]:
            raise ImportDataError(f"{path}: unknown {kind} field {field_name!r} in the column "
                                  f"mapping (fields: {', '.join(REGISTER_SYNONYMS[kind])})")
        if header not in frame.columns:
            raise ImportDataError(f"{path}: the column mapping names {header!r}, which is not "
                                  f"a column (columns: {', '.join(frame.columns)})")
    if exact:
        mapping = {**exact, **partial}
    else:
        headers = [h for h in frame.columns if h not in partial.values()]
        guesses = {f: h for f, h in guess_register_columns(kind, headers).items()
                   if f not in partial}
        report.warnings += [f"guessed column {h!r} as {f}" for f, h in guesses.items()]
        mapping = {**guesses, **partial}
    if "name" not in mapping:
        raise ImportDataError(f"{path}: no name column found among "
                              f"{', '.join(frame.columns) or '(none)'}; map the columns "
                              "explicitly")
    return mapping


class _Lookups:
    """Text → fid for grids, centres and buildings (by compound and name)."""

    def __init__(self, plan: Plan):
        cells = plan.cells.frame
        self.cells = {str(t).strip(): int(f) for col in ("name", "code")
                      for f, t in cells[col].items() if str(t).strip()}
        centres = plan.centres.frame
        self.centres = {str(t).strip(): int(f) for f, t in centres["name"].items()
                        if str(t).strip()}
        b = plan.buildings.frame
        compounds = plan.boundaries_at(BoundaryLevel.COMPOUND)
        self.compound_names = {int(f): str(n).strip() for f, n in compounds["name"].items()}
        where = building_compounds(plan) if len(b) and len(compounds) else \
            pd.Series(pd.NA, index=b.index, dtype="Int64")
        self.by_name: dict[str, list[int]] = {}
        self.by_compound: dict[tuple[str, str], list[int]] = {}
        for fid, name in b["name"].astype(str).items():
            name = name.strip()
            if not name:
                continue
            self.by_name.setdefault(name, []).append(int(fid))
            c = where.get(fid, pd.NA)
            if pd.notna(c):
                compound = self.compound_names.get(int(c), "")
                self.by_compound.setdefault((compound, name), []).append(int(fid))
                number = _building_number(name.removeprefix(compound))
                if number:
                    self.by_compound.setdefault((compound, "#" + number), []).append(int(fid))

    def building(self, text: str) -> int | None:
        """The one building ``text`` names: its name, or a compound's name followed by
        the building's name or number ("幸福小区3号楼", "幸福小区 3栋", "幸福小区3")."""
        text = text.strip()
        hits = self.by_name.get(text, [])
        if len(hits) == 1:
            return hits[0]
        for compound in sorted(set(self.compound_names.values()), key=len, reverse=True):
            if compound and text.startswith(compound):
                rest = text[len(compound):].strip(" -—·")
                found = self.by_compound.get((compound, rest), [])
                number = _building_number(rest)
                if not found and number:
                    found = self.by_compound.get((compound, "#" + number), [])
                if len(found) == 1:
                    return found[0]
        return None


_NUMBER = re.compile(r"^\s*(\d+)\s*(号楼|号|栋|幢|座|楼)?\s*$")


def _building_number(text: str) -> str:
    """The number of a building name like "3号楼", "3栋" or "3" ("" for other names)."""
    match = _NUMBER.match(text)
    return str(int(match.group(1))) if match else ""


def _record(kind: str, values: dict[str, str], row_no: int, look: _Lookups, plan: Plan,
            report: ImportReport) -> dict[str, Any]:
    rec: dict[str, Any] = {k: v for k, v in values.items() if k not in ("cell", "centre")}
    cell_text = values.get("cell", "")
    if cell_text:
        fid = look.cells.get(cell_text.strip())
        if fid is None:
            report.warnings.append(f"row {row_no}: no grid cell with code or name {cell_text!r}")
        rec["cell_fid"] = fid
        if fid is not None and not rec.get("community"):
            rec["community"] = str(plan.cells.frame.at[fid, "community"])
    home = " ".join(t for t in (values.get("home", ""), values.get("building", "")) if t)
    rec.pop("building", None)
    if kind == "party-members" and home:
        rec["home"] = home
        rec["building_fid"] = look.building(home.replace(" ", "")) or look.building(home)
        if rec["building_fid"] is None:
            report.warnings.append(f"row {row_no}: home {home!r} matches no single "
                                   "building; kept without a building")
    if kind == "staff":
        centre = values.get("centre", "")
        rec["centre_fid"] = look.centres.get(centre.strip()) if centre else None
        if centre and rec["centre_fid"] is None:
            report.warnings.append(f"row {row_no}: no centre named {centre!r}")
        rec["duty_days"] = ";".join(t for t in _SPLIT.split(values.get("duty_days", "")) if t)
    return rec


def _key(rec: Mapping[str, Any]) -> tuple[str, str]:
    return str(rec.get("name", "")).strip(), re.sub(r"\D", "", str(rec.get("phone", "") or ""))


def import_register(plan: Plan, path: Path, options: ImportOptions, kind: str) -> ImportReport:
    """Import one register (``party-members``, ``volunteers`` or ``staff``) into the plan."""
    if kind not in REGISTER_SYNONYMS:
        raise ImportDataError(f"unknown register {kind!r} (party-members, volunteers, staff)")
    path = Path(path)
    read_kwargs: dict[str, Any] = {"encoding": options.encoding, "sheet": options.layer}
    if getattr(options, "limits", None) is not None:
        read_kwargs["limits"] = options.limits
    frame, encoding = read_table(path, **read_kwargs)
    report = ImportReport(kind=kind, file=str(path), layer=options.layer)
    if encoding and encoding not in ("utf-8", "utf-8-sig"):
        report.warnings.append(f"read as {encoding} text")
    cols = _mapping(kind, frame, options, report, path)
    look = _Lookups(plan)
    table = plan.layer(REGISTER_TABLES[kind])
    seen = set() if options.replace else {_key(r) for r in table.frame.to_dict("records")}
    rows = []
    first_row = int(frame.attrs.get("first_row", 2))
    for i, raw in enumerate(frame.to_dict("records")):
        row_no = i + first_row
        values = {f: str(raw.get(h, "")).strip() for f, h in cols.items()}
        if not any(values.values()):
            continue
        if not values.get("name"):
            report.skipped.append(f"row {row_no}: no name")
            continue
        rec = _record(kind, values, row_no, look, plan, report)
        if _key(rec) in seen:
            report.warnings.append(f"row {row_no}: {rec['name']} is already in the register; "
                                   "kept once")
            continue
        seen.add(_key(rec))
        rows.append(rec)
    if not rows:
        first = f": {report.skipped[0]}" if report.skipped else ""
        raise ImportDataError(f"{path}: no usable {kind} rows{first}")
    new = pd.DataFrame(rows)
    if options.replace:
        report.replaced = len(table)
        new.index = pd.RangeIndex(1, len(new) + 1)
        table.replace(new)
    else:
        table.add(new)
    report.added = len(rows)
    return report


def import_party_members(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """In-service Party members reporting to the community (双报到)."""
    return import_register(plan, path, options, "party-members")


def import_volunteers(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Volunteers (team, skills)."""
    return import_register(plan, path, options, "volunteers")


def import_staff(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Community staff with the centre and days they are on duty."""
    return import_register(plan, path, options, "staff")

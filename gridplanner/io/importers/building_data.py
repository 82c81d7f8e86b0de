"""Joining an office's building ledger (楼栋台账, .xlsx or .csv) to the buildings.

The ledger has one row per building, keyed by its name, number or address
(``options.extra["key_field"]``, the column), and holds households,
residents and any number of population groups (60岁以上, 独居老人, 留守儿童,
残疾人, 低保户, 党员 … whatever columns the office keeps). The key is
matched, after folding full-width characters and dropping spaces, against
one attribute of the buildings (``options.extra["building_field"]``; when
not given, the attribute matching most keys, reported).

Households and residents set by the ledger clear the ``households_estimated``
flag; each group becomes a ``group_<name>`` column (:mod:`gridplanner.model.groups`).
Rows that match no building, keys that match several buildings and keys that
appear twice in the ledger are reported by sheet row number and key and not
applied; everything else is applied in one step, or nothing when no row fits.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd

from gridplanner.errors import ImportDataError, UnknownFieldError
from gridplanner.io.importers.households import HOUSEHOLD_FIELDS, RESIDENT_FIELDS, numbers
from gridplanner.io.importers.registry import ImportOptions, ImportReport
from gridplanner.io.importers.roster import _clean_cell, _unique_headers
from gridplanner.io.importers.sheets import read_sheet
from gridplanner.model.groups import group_column
from gridplanner.model.limits import InputLimits
from gridplanner.model.plan import Plan

#: Headers read as population groups when no group column is named.
GROUP_WORDS = ("60岁以上", "60岁及以上", "60周岁以上", "老年人", "老人", "80岁以上",
               "独居老人", "空巢老人", "留守儿童", "残疾人", "残疾", "低保户", "低保",
               "特困", "优抚对象", "党员", "流动人口", "外来人口", "育龄妇女")
_LIST = 30


def _norm_key(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    return re.sub(r"\s+", "", text).lower()


def _norm_keys(values: pd.Series) -> list[str]:
    """:func:`_norm_key` of every value, vectorised (blank for missing values)."""
    text = values.astype("string").fillna("")
    return text.str.normalize("NFKC").str.replace(r"\s+", "", regex=True).str.lower().tolist()


def import_building_data(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Join a building ledger to the plan's buildings; see the module docstring."""
    path = Path(path)
    report = ImportReport("building-data", str(path), options.layer)
    if len(plan.buildings) == 0:
        raise ImportDataError(f"{path}: the plan has no buildings to join the table to; "
                              "import the buildings first")
    key_field = _option(options, "key_field")
    if not key_field:
        raise ImportDataError(f"{path}: name the column holding the building key (name, "
                              "number or address)")
    table = read_ledger(path, key_field, options.encoding, options.layer, options.limits)
    hh_col = _column(table, options.households_field, HOUSEHOLD_FIELDS, "households", path)
    res_col = _column(table, options.residents_field, RESIDENT_FIELDS, "residents", path)
    groups = _group_columns(table, options, {key_field, hh_col, res_col}, path, report)
    if hh_col is None and res_col is None and not groups:
        raise ImportDataError(f"{path}: no households, residents or group column found among "
                              f"{', '.join(table.columns)}")
    field, index = _building_keys(plan, table[key_field], _option(options, "building_field"),
                                  path, report)
    matches = _match(table, key_field, index, report)
    if not matches:
        raise ImportDataError(f"{path}: no row matches a building by {field!r}"
                              + (f" ({report.skipped[0]})" if report.skipped else ""))
    values = {c: _numbers(table[c]) for c in (hh_col, res_col, *groups) if c}
    _apply(plan, matches, values, hh_col, res_col, groups, report)
    report.layer = None
    return report


def _numbers(series: pd.Series) -> pd.Series:
    """Numbers of a column: plain ones at once, text such as ``120户`` the slow way."""
    direct = pd.to_numeric(series, errors="coerce").astype("float64")
    rest = direct.isna() & series.astype("string").fillna("").str.strip().ne("")
    if rest.any():
        direct[rest] = numbers(series[rest])
    return direct


def read_ledger(path: Path, key_field: str, encoding: str | None = None,
                sheet: str | None = None, limits: InputLimits | None = None) -> pd.DataFrame:
    """The ledger as text cells, headed by the first of the top ten rows holding
    ``key_field``; ``attrs["first_row"]`` is the sheet row of the first data row."""
    if not path.is_file():
        raise ImportDataError(f"{path}: no such file")
    raw = read_sheet(path, encoding=encoding, sheet=sheet, limits=limits)[0].fillna("")
    wanted = _norm_key(key_field)
    at = next((i for i in range(min(10, len(raw)))
               if any(_norm_key(_clean_cell(v)) == wanted for v in raw.iloc[i])), None)
    if at is None:
        first = [str(v) for v in raw.iloc[0] if str(v)] if len(raw) else []
        raise UnknownFieldError(f"{path}: has no column {key_field!r} for the building key; "
                              f"its first row reads: {', '.join(first) or '(empty)'}")
    frame = raw.iloc[at + 1:].reset_index(drop=True)
    headers = _unique_headers([_clean_cell(v) for v in raw.iloc[at]])
    headers = [key_field if _norm_key(h) == wanted else h for h in headers]
    frame.columns = headers
    frame[key_field] = frame[key_field].map(_clean_cell)  # 1001.0 typed in Excel is "1001"
    frame.attrs["first_row"] = at + 2
    return frame


def _option(options: ImportOptions, key: str) -> str | None:
    value = options.extra.get(key)
    return str(value).strip() if value not in (None, "") else None


def _column(table: pd.DataFrame, given: str | None, candidates: tuple[str, ...], what: str,
            path: Path) -> str | None:
    if given:
        if given not in table.columns:
            raise UnknownFieldError(f"{path}: has no column {given!r} for {what}; its columns "
                                  f"are: {', '.join(table.columns)}")
        return given
    lower = {_norm_key(c): c for c in table.columns}
    return next((lower[_norm_key(c)] for c in candidates if _norm_key(c) in lower), None)


def _group_columns(table: pd.DataFrame, options: ImportOptions, used: set, path: Path,
                   report: ImportReport) -> list[str]:
    given = options.extra.get("group_fields") or []
    names = [given] if isinstance(given, str) else [str(g) for g in cast("list", given)]
    for name in names:
        if name not in table.columns:
            raise UnknownFieldError(f"{path}: has no column {name!r} for a population group; "
                                  f"its columns are: {', '.join(table.columns)}")
    if names:
        return names
    words = {_norm_key(w) for w in GROUP_WORDS}
    found = [c for c in table.columns if c not in used and _norm_key(c) in words]
    if found:
        report.warnings.append(f"population groups read from columns {', '.join(found)} "
                               "(guessed; name them as group columns to choose)")
    return found


def _building_keys(plan: Plan, keys: pd.Series, given: str | None, path: Path,
                   report: ImportReport) -> tuple[str, dict[str, list[int]]]:
    """The buildings attribute to match on, and key → building fids."""
    b = plan.buildings.frame
    text_cols = [c for c in b.columns if c != "geometry" and not str(c).startswith("group_")
                 and c not in ("households", "residents", "floors", "households_estimated")]
    if given and given not in b.columns:
        raise UnknownFieldError(f"{path}: the buildings have no attribute {given!r} to match "
                              f"the key on; they have: {', '.join(map(str, text_cols))}")
    wanted = {k for k in _norm_keys(keys) if k}
    best, best_hits, best_index = None, -1, {}
    for col in [given] if given else text_cols:
        index: dict[str, list[int]] = defaultdict(list)
        for fid, norm in zip(b.index.tolist(), _norm_keys(b[col]), strict=True):
            if norm:
                index[norm].append(int(fid))
        hits = len(wanted & set(index))
        if hits > best_hits:
            best, best_hits, best_index = col, hits, dict(index)
    if best is None or best_hits <= 0:
        raise ImportDataError(f"{path}: no key matches any building attribute "
                              f"({', '.join(map(str, text_cols))}); name the attribute to "
                              "match on")
    if not given:
        report.warnings.append(f"keys matched against the buildings' {best!r} attribute "
                               f"({best_hits} of {len(wanted)} keys found; guessed)")
    return str(best), best_index


def _match(table: pd.DataFrame, key_field: str, index: dict[str, list[int]],
           report: ImportReport) -> dict[int, int]:
    """Table position → building fid for the rows that apply; the rest reported."""
    first = int(table.attrs.get("first_row", 2))
    rows_of: dict[str, list[int]] = defaultdict(list)
    for pos, norm in enumerate(_norm_keys(table[key_field])):
        if norm:
            rows_of[norm].append(pos)
    keys = table[key_field].tolist()
    problems: dict[str, list[str]] = {"duplicate": [], "ambiguous": [], "unmatched": []}
    out: dict[int, int] = {}
    for norm, positions in rows_of.items():
        raw = keys[positions[0]]
        rows = " and ".join(str(p + first) for p in positions)
        if len(positions) > 1:
            problems["duplicate"].append(f"rows {rows}: key {raw!r} appears {len(positions)} "
                                         "times; not applied")
        elif norm not in index:
            problems["unmatched"].append(f"row {rows}: key {raw!r} matches no building")
        elif len(index[norm]) > 1:
            fids = ", ".join(map(str, index[norm][:10]))
            problems["ambiguous"].append(f"row {rows}: key {raw!r} matches "
                                         f"{len(index[norm])} buildings ({fids}); not applied")
        else:
            out[positions[0]] = index[norm][0]
    for kind, lines in problems.items():
        report.skipped.extend(lines[:_LIST])
        if len(lines) > _LIST:
            report.skipped.append(f"{len(lines) - _LIST} more rows: {kind} keys")
        report.counts[kind] = len(lines)
    report.counts["matched"] = len(out)
    return out


def _apply(plan: Plan, matches: dict[int, int], values: dict[str, pd.Series],
           hh_col: str | None, res_col: str | None, groups: list[str],
           report: ImportReport) -> None:
    frame = plan.buildings.frame.copy()
    pos = np.fromiter(matches.keys(), dtype=np.int64)
    fids = np.fromiter(matches.values(), dtype=np.int64)
    targets = [(hh_col, "households"), (res_col, "residents")] + [
        (g, group_column(g)) for g in groups]
    for source, column in targets:
        if source is None:
            continue
        got = values[source].to_numpy(dtype=float)[pos]
        ok = np.isfinite(got) & (got >= 0)
        if column not in frame.columns:
            frame[column] = 0.0
        frame.loc[fids[ok], column] = got[ok]
        if column == "households":
            frame.loc[fids[ok], "households_estimated"] = False
            report.counts["households_set"] = int(ok.sum())
    plan.buildings.replace(frame)
    report.added = len(matches)
    report.counts["groups"] = list(groups)


def table_headers(path: str | Path, encoding: str | None = None,
                  sheet: str | None = None) -> list[str]:
    """The column headers of a ledger, for the dialog's choosers: the first of
    the top ten rows with the most filled cells (a title row above has fewer)."""
    raw = read_sheet(Path(path), encoding=encoding, sheet=sheet)[0].fillna("").map(_clean_cell)
    top = raw.iloc[:10]
    if len(top) == 0:
        return []
    filled = (top != "").sum(axis=1)
    row = top.iloc[int(np.argmax(filled.to_numpy()))]
    return [str(v) for v in row if str(v)]

"""Referential integrity of a plan: what its tables point at, and the safe repairs.

A plan's tables refer to one another by feature id: an assignment names a
cell (``cell_fid``) and a worker or a branch (``target`` + ``target_fid``).
A file edited outside gridplanner (QGIS, a script, a bad copy) can leave
rows pointing at nothing. :func:`check_references` reports every such row as
a :class:`~gridplanner.analysis.findings.Finding` of its own kind, naming the
table and the row (``features = {table: [fid, ...]}``, ``params`` carry the
table, row, column and value); nothing is changed. :func:`repair_references`
applies the safe repairs (a row that points at nothing, or repeats another,
is removed) and returns what it did, for the user to read.

Kinds (all about the ``assignments`` table unless said otherwise):

=======================  ========  ==============================================
kind                     severity  what
=======================  ========  ==============================================
dangling_reference       error     the cell, worker or branch named does not exist
missing_reference        error     the row names no cell, worker or branch (empty)
bad_target               error     ``target`` is neither ``worker`` nor ``branch``
duplicate_assignment     warning   the same person or branch on the same cell twice
duplicate_code           warning   several cells share one grid code (:func:`check_codes`)
broken_link              warning   another table's link (:data:`LINKS`: a volunteer's
                                   cell, a branch's parent ...) names a missing row
invalid_geometry         error     a boundary, building, centre or network feature
                                   has an invalid shape (cells: grid validation)
=======================  ========  ==============================================
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
import shapely.errors

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.model.plan import Plan

#: What ``assignments.target`` may name, and the table each one lives in.
TARGET_TABLES: dict[str, str] = {"worker": "workers", "branch": "branches"}

#: Other links between tables: (table, column, the table it names). A link to
#: a row that is gone (cells regenerated, a centre deleted) is a warning: the
#: row itself is sound, and the repair clears the link and keeps the row.
LINKS: tuple[tuple[str, str, str], ...] = (
    ("branches", "parent_fid", "branches"),
    ("micro_grids", "cell_fid", "cells"),
    ("party_groups", "branch_fid", "branches"),
    ("party_groups", "micro_fid", "micro_grids"),
    ("party_households", "building_fid", "buildings"),
    ("party_households", "micro_fid", "micro_grids"),
    ("party_households", "group_fid", "party_groups"),
    ("party_members", "building_fid", "buildings"),
    ("party_members", "cell_fid", "cells"),
    ("party_members", "micro_fid", "micro_grids"),
    ("volunteers", "cell_fid", "cells"),
    ("volunteers", "micro_fid", "micro_grids"),
    ("staff", "centre_fid", "centres"),
)

#: Links whose breakage a validate checker already reports under its own kind
#: (``org_parent_missing``, ``micro_no_cell``): validate does not repeat them.
CHECKED_ELSEWHERE = frozenset({("branches", "parent_fid"), ("party_groups", "branch_fid"),
                               ("party_households", "group_fid"), ("micro_grids", "cell_fid")})

#: Kinds whose rows :func:`repair_references` removes.
REMOVED_KINDS = ("dangling_reference", "missing_reference", "bad_target", "duplicate_assignment")

#: Layers whose shapes :func:`check_geometries` checks (cells have grid validation).
GEOMETRY_LAYERS = ("boundaries", "buildings", "centres", "network")

_MAX_LISTED = 8


@dataclass(frozen=True)
class Repair:
    """One thing a repair did (or, in a dry run, would do)."""

    table: str
    action: str  # "removed"
    rows: tuple[int, ...]
    reason: str

    def describe(self) -> str:
        return f"{self.table}: {self.action} row(s) {list_rows(self.rows)} ({self.reason})"

    def to_json(self) -> dict[str, object]:
        return {"table": self.table, "action": self.action, "rows": list(self.rows),
                "reason": self.reason}


def list_rows(rows: Iterable[int], limit: int = _MAX_LISTED) -> str:
    """``1, 2, 3 … (12 in all)``: a row list short enough for one line."""
    rows = list(rows)
    text = ", ".join(str(int(r)) for r in rows[:limit])
    return text + (f" … ({len(rows)} in all)" if len(rows) > limit else "")


def _row_finding(kind: str, severity: str, row: int, message: str,
                 repair: str, **params: object) -> Finding:
    return Finding(kind, severity, f"assignments row {row}: {message}",
                   features={"assignments": [int(row)]},
                   params={"table": "assignments", "row": int(row), "rows": str(row),
                           "repair": repair, **params})


def check_references(plan: Plan) -> list[Finding]:
    """Every assignment row that points at nothing, names nothing or repeats
    another, and every broken link of :data:`LINKS`.

    Parameters
    ----------
    plan
        The plan as loaded; it is not changed.

    Returns
    -------
    list of Finding
        One finding per damaged row (kinds above), in row order.
    """
    frame = plan.assignments.frame
    if len(frame) == 0:
        return []
    cells = set(plan.cells.fids())
    targets = {kind: set(plan.layer(table).fids()) for kind, table in TARGET_TABLES.items()}
    cell = pd.to_numeric(frame["cell_fid"], errors="coerce")
    target_fid = pd.to_numeric(frame["target_fid"], errors="coerce")
    target = frame["target"].astype("object")
    found = pd.Series(False, index=frame.index)
    for kind, fids in targets.items():
        found |= (target == kind) & target_fid.isin(list(fids))
    suspect = frame.index[(cell.isna() | ~cell.isin(list(cells)) | ~found).to_numpy()]
    out: list[Finding] = []
    for row in suspect:  # the few damaged rows, one by one for their messages
        out.extend(_check_row(int(row), frame.at[row, "cell_fid"], frame.at[row, "target"],
                              frame.at[row, "target_fid"], cells, targets))
    out.extend(_duplicates(frame))
    return out + check_links(plan)


def check_links(plan: Plan) -> list[Finding]:
    """``broken_link`` warnings: a row of :data:`LINKS` naming a row that does not exist."""
    out = []
    for table, column, target in LINKS:
        if table not in plan.layers or target not in plan.layers:
            continue
        frame = plan.layer(table).frame
        if column not in frame.columns or len(frame) == 0:
            continue
        values = pd.to_numeric(frame[column], errors="coerce")
        named = values[values.notna()]
        broken = named[~named.astype("int64").isin(plan.layer(target).fids())]
        for row, value in broken.items():
            out.append(Finding(
                "broken_link", WARNING, f"{table} row {int(row)}: {column} names "
                f"{target} row {int(value)}, which does not exist", features={table: [int(row)]},
                params={"table": table, "row": int(row), "rows": str(int(row)),
                        "column": column, "value": str(int(value)), "refers_to": target,
                        "repair": "the link is cleared; the row is kept"}))
    return out


def _fid(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[call-overload]


def _check_row(row: int, cell_value: object, target: object, target_value: object,
               cells: set[int], targets: dict[str, set[int]]) -> list[Finding]:
    out = []
    remove = "the row is removed"
    cell, target_fid = _fid(cell_value), _fid(target_value)
    if cell is None:
        out.append(_row_finding("missing_reference", ERROR, row, "names no cell (cell_fid is "
                                "empty)", remove, column="cell_fid", value=""))
    elif cell not in cells:
        out.append(_row_finding("dangling_reference", ERROR, row, f"cell {cell} does not "
                                "exist", remove, column="cell_fid", value=str(cell),
                                refers_to="cells"))
    kind = "" if pd.isna(target) else str(target)
    if kind not in TARGET_TABLES:
        out.append(_row_finding("bad_target", ERROR, row, f"target {kind!r} is neither worker "
                                "nor branch", remove, column="target", value=kind))
    elif target_fid is None:
        out.append(_row_finding("missing_reference", ERROR, row, f"names no {kind} (target_fid "
                                "is empty)", remove, column="target_fid", value=""))
    elif target_fid not in targets[kind]:
        out.append(_row_finding("dangling_reference", ERROR, row, f"{kind} {target_fid} "
                                "does not exist", remove, column="target_fid",
                                value=str(target_fid), refers_to=TARGET_TABLES[kind]))
    return out


def _duplicates(frame: pd.DataFrame) -> list[Finding]:
    keys = frame[["cell_fid", "target", "target_fid"]].dropna()
    if len(keys) == 0:
        return []
    repeated = keys[keys.duplicated(keep="first")]
    out = []
    for row, (cell, target, target_fid) in zip(repeated.index, repeated.itertuples(index=False),
                                                strict=True):
        out.append(_row_finding(
            "duplicate_assignment", WARNING, int(row), f"repeats {target} {int(target_fid)} "
            f"on cell {int(cell)}", "the repeated row is removed", column="",
            value=f"{target} {int(target_fid)}"))
    return out


def repair_references(plan: Plan, findings: Iterable[Finding] | None = None,
                      dry_run: bool = False) -> list[Repair]:
    """Apply the safe repairs: remove the assignment rows the findings name,
    clear the broken links (keeping their rows).

    Parameters
    ----------
    plan
        Changed in place, through the model's own methods (so the change
        events fire and the window can undo it); not changed with ``dry_run``.
    findings
        The findings to act on; default :func:`check_references` of ``plan``.
    dry_run
        Only say what would be done.

    Returns
    -------
    list of Repair
        What was (or would be) removed or cleared and why; empty when
        nothing needs repair.
    """
    found = check_references(plan) if findings is None else list(findings)
    done = []
    for (table, column), rows in planned_clearing(found).items():
        if not dry_run:
            plan.layer(table).set_column(column, {r: None for r in rows})
        done.append(Repair(table, f"cleared {column} of", tuple(rows), "broken link"))
    rows, reasons = planned_removals(plan, found)
    if rows:
        if not dry_run:
            plan.assignments.remove(rows)
        done.append(Repair("assignments", "removed", tuple(rows), "; ".join(reasons)))
    return done


def planned_clearing(findings: Iterable[Finding]) -> dict[tuple[str, str], list[int]]:
    """The broken links a repair clears: {(table, column): [row, ...]}."""
    out: dict[tuple[str, str], list[int]] = {}
    for f in findings:
        if f.kind == "broken_link":
            out.setdefault((str(f.params["table"]), str(f.params["column"])), []).append(
                int(f.params["row"]))
    return out


def planned_removals(plan: Plan, findings: Iterable[Finding]) -> tuple[list[int], list[str]]:
    """The assignment rows a repair removes, and the kinds of damage behind it."""
    present = set(plan.assignments.fids())
    rows: set[int] = set()
    reasons: list[str] = []
    for f in findings:
        if f.kind not in REMOVED_KINDS:
            continue
        hit = [r for r in f.features.get("assignments", []) if r in present]
        rows.update(hit)
        if hit and f.kind.replace("_", " ") not in reasons:
            reasons.append(f.kind.replace("_", " "))
    return sorted(rows), reasons


def check_codes(plan: Plan) -> list[Finding]:
    """Grid codes shared by several cells (a warning here: a code is not a key of the file).

    Grid validation reports the same as an error; on open it is listed so
    the planner knows before a roster is joined to the cells by code.
    """
    codes = plan.cells.frame["code"]
    named = codes[codes.notna() & (codes.astype(str).str.strip() != "")].astype(str)
    shared = named[named.duplicated(keep=False)]
    out = []
    for code, group in shared.groupby(shared, sort=True):
        fids = [int(f) for f in group.index]
        out.append(Finding(
            "duplicate_code", WARNING, f"cells rows {list_rows(fids)} share the grid code "
            f"{code}", cells=[str(code)] * len(fids), cell_fids=fids, features={"cells": fids},
            params={"table": "cells", "column": "code", "rows": list_rows(fids),
                    "value": str(code), "repair": ""}))
    return out


def check_geometries(plan: Plan, layers: Iterable[str] = GEOMETRY_LAYERS) -> list[Finding]:
    """One ``invalid_geometry`` finding per layer whose features have invalid shapes.

    Cells are left to grid validation, which reports each invalid cell.
    """
    out = []
    for name in layers:
        table = plan.layer(name)
        if len(table) == 0:
            continue
        geoms = np.asarray(table.frame.geometry.values, dtype=object)
        present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        bad = np.zeros(len(geoms), dtype=bool)
        bad[present] = ~shapely.is_valid(geoms[present])
        if not bad.any():
            continue
        fids = [int(f) for f in table.frame.index[bad]]
        reason = shapely.is_valid_reason(geoms[bad][0])
        out.append(Finding(
            "invalid_geometry", ERROR, f"{name}: {len(fids)} feature(s) have an invalid shape "
            f"(rows {list_rows(fids)}; e.g. {reason})", features={name: fids},
            geometry=shapely.union_all(shapely.envelope(geoms[bad])),
            params={"table": name, "rows": list_rows(fids), "count": len(fids),
                    "reason": str(reason)}))
    return out


def valid_polygonal(geometry: shapely.Geometry | None) -> shapely.Geometry | None:
    """A valid version of a polygonal shape (its polygonal part after make_valid)."""
    if geometry is None or geometry.is_empty or geometry.is_valid:
        return geometry
    fixed = shapely.make_valid(geometry)
    if fixed.geom_type in ("Polygon", "MultiPolygon"):
        return fixed
    parts = [p for p in shapely.get_parts(fixed) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else None


def valid_view(plan: Plan, layers: Iterable[str] | None = None) -> Plan:
    """A copy of ``plan`` whose polygon shapes in ``layers`` (default: all) are valid.

    The checks run on it when some shapes are invalid, so one bad footprint
    is reported as a finding instead of stopping every check with a GEOS
    error. The plan itself is not changed.
    """
    view = Plan(name=plan.name, crs=plan.crs, settings=plan.settings)
    wanted = set(plan.layers if layers is None else layers)
    for name, table in plan.layers.items():
        frame = table.frame
        if name in wanted and table.is_spatial and table.spec.geometry != "line" and len(frame):
            geoms = [valid_polygonal(g) if g is not None and g.geom_type in (
                "Polygon", "MultiPolygon") else g for g in frame.geometry.values]
            frame = frame.copy()
            frame["geometry"] = geoms
        view.layers[name].replace(frame)
    return view


def validate_plan(plan: Plan, damage: Iterable[Finding] = ()) -> list[Finding]:
    """Every finding of ``gridplanner validate``: file damage, shapes, grid and roster rules.

    Parameters
    ----------
    plan
        The plan as loaded (damaged or not); it is not changed.
    damage
        What the file check found (``load_plan_checked``); grid validation
        reports duplicate codes itself, as errors, and the organisation and
        micro-grid rules some broken links (:data:`CHECKED_ELSEWHERE`), so
        those are not repeated.

    Returns
    -------
    list of Finding
        The damage first, then invalid shapes outside the cells, then the
        findings of every checker in ``CHECKERS``. An invalid shape never
        stops the checks: they run on a valid copy of the shapes.
    """
    from gridplanner.analysis.grids.validation import run_checkers

    out = [f for f in damage if f.kind != "duplicate_code" and not (
        f.kind == "broken_link"
        and (f.params.get("table"), f.params.get("column")) in CHECKED_ELSEWHERE)]
    shapes = check_geometries(plan)
    out.extend(shapes)
    bad_layers = [name for f in shapes for name in f.features]
    try:
        out.extend(run_checkers(valid_view(plan, bad_layers) if bad_layers else plan))
    except shapely.errors.GEOSException:
        out.extend(check_geometries(plan, ("cells",)))
        out.extend(run_checkers(valid_view(plan)))
    return out

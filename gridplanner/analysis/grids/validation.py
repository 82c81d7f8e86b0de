"""Grid validation: the rules a finished grid plan must meet, as findings.

The rules follow the topology checks planners know from QGIS (must not
overlap, must not have gaps, must be inside) plus the grid rules of the
domain: every cell belongs to exactly one community and stays inside it;
every building (by its representative point) is in exactly one cell; cells
are single, valid polygons; codes are unique. Household counts outside the
range are warnings: the range is a convention, not a rule.

Areas under ``tolerance`` m² (default 1) are ignored, so floating-point specks
along shared edges are not reported. Everything is vectorised with shapely 2
and STRtrees (1,000 cells take well under a second).

``CHECKERS`` lists every checker ``gridplanner validate`` runs, as
"module:function" strings taking a plan and returning findings; a module
that is not there (yet) is skipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.analysis.grids.codes import code_problem
from gridplanner.analysis.grids.tallies import BuildingIndex, assign_points
from gridplanner.model.plan import Plan
from gridplanner.model.schema import CellKind

CHECKERS: list[str] = [
    "gridplanner.analysis.grids.validation:validate_cells",
    "gridplanner.analysis.grids.boundary_overlaps:check_boundaries",
    "gridplanner.analysis.people.roster_rules:check_roster",
    "gridplanner.analysis.people.community_rules:check_communities",
    "gridplanner.analysis.network.stations:check_stations",
    "gridplanner.analysis.grids.micro_validation:validate_micro_grids",
    "gridplanner.analysis.people.organisation_rules:check_organisation",
]
TOLERANCE_M2 = 1.0
#: share of a building's footprint that may lie outside its cell before it counts as split
SPLIT_SHARE = 0.05


def run_checkers(plan: Plan, checkers: Sequence[str] | None = None) -> list[Finding]:
    """Findings of every checker in ``checkers`` (default :data:`CHECKERS`)."""
    findings: list[Finding] = []
    for target in CHECKERS if checkers is None else checkers:
        module_name, func_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # that checker has not landed yet
            raise
        findings.extend(getattr(module, func_name)(plan))
    return findings


@dataclass
class _Cells:
    fids: np.ndarray
    codes: list[str]
    communities: list[str]
    kinds: list[str]
    geoms: np.ndarray  # made valid, None for missing

    def label(self, i: int) -> str:
        return self.codes[i] or f"fid {int(self.fids[i])}"

    def finding(self, kind: str, severity: str, message: str, idx: Sequence[int],
                geometry: shapely.Geometry | None = None, community: str = "",
                features: dict[str, list[int]] | None = None) -> Finding:
        return Finding(kind, severity, message,
                       cells=[self.codes[i] for i in idx if self.codes[i]],
                       cell_fids=[int(self.fids[i]) for i in idx],
                       features=features or {}, community=community, geometry=geometry)


def _text(values: pd.Series) -> list[str]:
    return ["" if v is None or v is pd.NA else str(v) for v in values]


def validate_cells(plan: Plan, tolerance: float = TOLERANCE_M2) -> list[Finding]:
    """Every grid rule the plan's cells break, errors and warnings.

    Kinds: empty_cell, invalid_geometry, multipart, non_contiguous, overlap,
    gap, no_community, outside_community, crosses_community, building_in_no_cell,
    building_in_two_cells, building_split, households_below_range,
    households_above_range, residents_above_max, duplicate_code, missing_code,
    invalid_code.
    """
    frame = plan.cells.frame
    raw = np.asarray(frame.geometry.values, dtype=object)
    missing = shapely.is_missing(raw) | shapely.is_empty(raw)
    geoms = raw.copy()
    geoms[missing] = None
    cells = _Cells(np.asarray(frame.index, dtype=np.int64), _text(frame["code"]),
                   _text(frame["community"]), _text(frame["kind"]), geoms)
    findings = _check_shapes(cells, raw, missing)
    invalid = ~missing & ~shapely.is_valid(np.where(missing, shapely.Point(), raw))
    if invalid.any():
        cells.geoms[invalid] = shapely.make_valid(raw[invalid])
    findings += _check_overlaps(cells, tolerance)
    findings += _check_communities(plan, cells, tolerance)
    findings += _check_gaps(plan, cells, tolerance)
    index = BuildingIndex.from_plan(plan)
    findings += _check_buildings(plan, cells, index)
    findings += _check_counts(plan, cells, index)
    findings += _check_codes(plan, cells)
    return findings


def _check_shapes(cells: _Cells, raw: np.ndarray, missing: np.ndarray) -> list[Finding]:
    out = []
    for i in np.flatnonzero(missing).tolist():
        out.append(cells.finding("empty_cell", ERROR, f"cell {cells.label(i)} has no outline",
                                 [i], community=cells.communities[i]))
    ok = ~missing
    valid = np.zeros(len(raw), dtype=bool)
    valid[ok] = shapely.is_valid(raw[ok])
    for i in np.flatnonzero(ok & ~valid).tolist():
        reason = shapely.is_valid_reason(raw[i])
        out.append(cells.finding("invalid_geometry", ERROR,
                                 f"cell {cells.label(i)} has an invalid outline: {reason}",
                                 [i], raw[i], cells.communities[i]))
    nparts = np.zeros(len(raw), dtype=np.int64)
    nparts[ok] = shapely.get_num_geometries(raw[ok])
    for i in np.flatnonzero(ok & valid & (nparts > 1)).tolist():
        parts = shapely.get_parts(raw[i])
        touching = shapely.union_all(parts).geom_type == "Polygon" or \
            bool(np.all(shapely.distance(parts[0], parts[1:]) == 0))
        kind, what = (("multipart", "touch only at points") if touching else
                      ("non_contiguous", "are separated"))
        out.append(cells.finding(kind, ERROR, f"cell {cells.label(i)} is in {nparts[i]} pieces "
                                 f"that {what}; a cell must be one contiguous area",
                                 [i], raw[i], cells.communities[i]))
    return out


def _check_overlaps(cells: _Cells, tolerance: float) -> list[Finding]:
    ok = np.flatnonzero(~shapely.is_missing(cells.geoms))
    geoms = cells.geoms[ok]
    if len(geoms) < 2:
        return []
    i, j = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = i < j
    i, j = i[keep], j[keep]
    inter = shapely.intersection(geoms[i], geoms[j])
    area = shapely.area(inter)
    out = []
    for a, b, g, ar in zip(ok[i], ok[j], inter, area, strict=True):
        if ar > tolerance:
            out.append(cells.finding(
                "overlap", ERROR, f"cells {cells.label(a)} and {cells.label(b)} overlap by "
                f"{ar:,.0f} m²", [a, b], g, cells.communities[a]))
    return out


def _community_geoms(plan: Plan) -> dict[str, shapely.Geometry]:
    comms = plan.communities()
    out: dict[str, shapely.Geometry] = {}
    for name, g in zip(_text(comms["name"]), comms.geometry.values, strict=True):
        if g is not None and not g.is_empty:
            g = shapely.make_valid(g)
            out[name] = shapely.union(out[name], g) if name in out else g
    return out


def _check_communities(plan: Plan, cells: _Cells, tolerance: float) -> list[Finding]:
    comms = _community_geoms(plan)
    out, idx, against = [], [], []
    for i, name in enumerate(cells.communities):
        if cells.geoms[i] is None:
            continue
        if name not in comms:
            why = "names no community" if not name else f"names community {name!r}, which " \
                "the plan does not have"
            point = shapely.point_on_surface(cells.geoms[i])
            hint = next((f"; it lies in {c}" for c, g in comms.items() if g.intersects(point)), "")
            out.append(cells.finding("no_community", ERROR, f"cell {cells.label(i)} {why}{hint}",
                                     [i], cells.geoms[i], name))
            continue
        idx.append(i)
        against.append(comms[name])
    if not idx:
        return out
    geoms = cells.geoms[idx]
    outside = shapely.difference(geoms, np.asarray(against, dtype=object))
    out_area = shapely.area(outside)
    total = shapely.area(geoms)
    for k in np.flatnonzero(out_area > tolerance):
        i = idx[k]
        name = cells.communities[i]
        if total[k] - out_area[k] <= tolerance:
            kind, msg = "outside_community", f"cell {cells.label(i)} lies outside its " \
                f"community {name}"
        else:
            kind, msg = "crosses_community", f"cell {cells.label(i)} crosses the boundary " \
                f"of {name}: {out_area[k]:,.0f} m² lie outside it"
        out.append(cells.finding(kind, ERROR, msg, [i], outside[k], name))
    return out


def _check_gaps(plan: Plan, cells: _Cells, tolerance: float) -> list[Finding]:
    ok = np.flatnonzero(~shapely.is_missing(cells.geoms))
    tree = shapely.STRtree(cells.geoms[ok]) if len(ok) else None
    out = []
    for name, area in _community_geoms(plan).items():
        near = ok[tree.query(area, predicate="intersects")] if tree is not None else []
        if tree is None or len(near) == 0:
            out.append(Finding("gap", ERROR, f"community {name} has no grid cells",
                               community=name, geometry=area))
            continue
        gap = shapely.difference(area, shapely.union_all(cells.geoms[near]))
        parts = shapely.get_parts(gap)
        parts = parts[shapely.area(parts) > tolerance] if len(parts) else parts
        if len(parts) == 0:
            continue
        big = parts[shapely.get_type_id(parts) == 3] if len(parts) else parts
        touching = tree.query(big, predicate="dwithin", distance=0.01)
        for k, part in enumerate(big):
            around = sorted(set(int(ok[c]) for c in touching[1][touching[0] == k]))
            out.append(cells.finding(
                "gap", ERROR, f"{part.area:,.0f} m² of community {name} are in no cell",
                around, part, name))
    return out


def _check_buildings(plan: Plan, cells: _Cells, index: BuildingIndex) -> list[Finding]:
    if len(index.fids) == 0:
        return []
    ok = np.flatnonzero(~shapely.is_missing(cells.geoms))
    geoms = cells.geoms[ok]
    pt, cl = (shapely.STRtree(geoms).query(index.points, predicate="intersects") if len(ok)
              else (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)))
    hits = np.bincount(pt, minlength=len(index.points))
    out = []
    none = np.flatnonzero(hits == 0)
    if len(none):
        fids = [int(f) for f in index.fids[none]]
        out.append(Finding("building_in_no_cell", ERROR,
                           f"{len(none)} building(s) lie in no cell (e.g. building {fids[0]})",
                           features={"buildings": fids},
                           geometry=shapely.MultiPoint(list(index.points[none]))))
    for p in np.flatnonzero(hits > 1):
        idx = sorted(int(ok[c]) for c in cl[pt == p])
        fid = int(index.fids[p])
        out.append(cells.finding(
            "building_in_two_cells", ERROR, f"building {fid} lies in cells "
            f"{', '.join(cells.label(i) for i in idx)}", idx, index.points[p],
            features={"buildings": [fid]}))
    return out + _check_split_buildings(plan, cells, ok, index)


def _check_split_buildings(plan: Plan, cells: _Cells, ok: np.ndarray,
                           index: BuildingIndex) -> list[Finding]:
    footprints = np.asarray(plan.buildings.frame.geometry.values, dtype=object)
    where = assign_points(cells.geoms[ok], index.points)
    poly = (where >= 0) & np.isin(shapely.get_type_id(footprints), [3, 6])
    b = np.flatnonzero(poly)
    if len(b) == 0:
        return []
    inside = shapely.area(shapely.intersection(footprints[b], cells.geoms[ok][where[b]]))
    share_out = 1.0 - inside / np.maximum(shapely.area(footprints[b]), 1e-12)
    split = b[share_out > SPLIT_SHARE]
    out = []
    for c in sorted(set(int(ok[where[s]]) for s in split)):
        members = [int(index.fids[s]) for s in split if int(ok[where[s]]) == c]
        out.append(cells.finding(
            "building_split", WARNING, f"cell {cells.label(c)}: the boundary cuts through "
            f"{len(members)} building(s) (e.g. building {members[0]})", [c],
            shapely.union_all(footprints[np.isin(index.fids, members)]),
            cells.communities[c], features={"buildings": members}))
    return out


def _check_counts(plan: Plan, cells: _Cells, index: BuildingIndex) -> list[Finding]:
    s = plan.settings
    ok = np.flatnonzero(~shapely.is_missing(cells.geoms))
    tally = index.tally({int(cells.fids[i]): cells.geoms[i] for i in ok},
                        s.households_min, s.households_max)
    out = []
    for i, (h, r, status) in zip(ok.tolist(), tally[["households", "residents", "status"]].itertuples(
            index=False), strict=True):
        if cells.kinds[i] == CellKind.DEDICATED.value:
            continue
        if status != "within":
            kind = f"households_{status}_range"
            out.append(cells.finding(
                kind, WARNING, f"cell {cells.label(i)} has {h:.0f} households, {status} the "
                f"range {s.households_min}–{s.households_max}", [i], cells.geoms[i],
                cells.communities[i]))
        if r > s.residents_max:
            out.append(cells.finding(
                "residents_above_max", WARNING, f"cell {cells.label(i)} has {r:.0f} residents, "
                f"more than {s.residents_max}", [i], cells.geoms[i], cells.communities[i]))
    return out


def _check_codes(plan: Plan, cells: _Cells) -> list[Finding]:
    out = []
    by_code: dict[str, list[int]] = {}
    for i, code in enumerate(cells.codes):
        if not code:
            out.append(cells.finding("missing_code", WARNING, f"cell {cells.label(i)} has no "
                                     "code", [i], cells.geoms[i], cells.communities[i]))
            continue
        by_code.setdefault(code, []).append(i)
        problem = code_problem(code, plan.settings.code_scheme)
        if problem:
            out.append(cells.finding("invalid_code", WARNING, f"cell fid {int(cells.fids[i])}: "
                                     f"{problem}", [i], cells.geoms[i], cells.communities[i]))
    for code, idx in by_code.items():
        if len(idx) > 1:
            geom = shapely.union_all([cells.geoms[i] for i in idx if cells.geoms[i] is not None])
            out.append(cells.finding("duplicate_code", ERROR, f"{len(idx)} cells share the code "
                                     f"{code}", idx, geom))
    return out

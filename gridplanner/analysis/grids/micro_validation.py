"""Micro-grid validation: the cell rules one level down.

Micro-grids tile their grid cell as cells tile their community. Each kind is
its own, so scripts can tell a micro-grid finding from a cell finding:

=============================  ========  ==========================================
kind                           severity  rule
=============================  ========  ==========================================
micro_no_cell                  error     a micro-grid belongs to an existing cell
micro_outside_cell             error     ... and lies inside it
micro_overlap                  error     micro-grids of a cell do not overlap
micro_gap                      error     a cell with micro-grids is covered by them
micro_building_split           warning   a micro-grid edge does not cut a building
micro_duplicate_number         error     numbers are unique within a cell
micro_households_below_range   warning   households per micro-grid within the
micro_households_above_range   warning   plan's micro-grid range (a convention)
=============================  ========  ==========================================

Cells without any micro-grid are not checked: micro-grids are drawn where a
community wants them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.analysis.grids.tallies import BuildingIndex, assign_points
from gridplanner.model.plan import Plan

TOLERANCE_M2 = 1.0
#: share of a footprint that may lie outside its micro-grid before it counts as split
SPLIT_SHARE = 0.05


def _finding(plan: Plan, kind: str, severity: str, message: str, cell_fid: int | None,
             micro_fids: list[int], geometry: shapely.Geometry | None,
             params: dict[str, Any], **features: list[int]) -> Finding:
    cells = plan.cells.frame
    known = cell_fid is not None and cell_fid in cells.index
    code = str(cells.at[cell_fid, "code"]) if known else ""
    return Finding(kind, severity, message,
                   cells=[code] if code else [],
                   cell_fids=[int(cell_fid)] if cell_fid is not None and known else [],
                   features={"micro_grids": [int(f) for f in micro_fids],
                             **{k: v for k, v in features.items() if v}},
                   community=str(cells.at[cell_fid, "community"]) if known else "",
                   geometry=geometry, params=params)


def _label(frame: pd.DataFrame, fid: int) -> str:
    return str(frame.at[fid, "code"]) or f"#{fid}"


def validate_micro_grids(plan: Plan, tolerance: float = TOLERANCE_M2) -> list[Finding]:
    """Every micro-grid rule the plan breaks (empty when it has no micro-grids)."""
    micro = plan.layer("micro_grids").frame
    if len(micro) == 0:
        return []
    cells = plan.cells.frame
    owner = micro["cell_fid"].fillna(-1).astype("int64").to_numpy()
    geoms = _valid(np.asarray(micro.geometry.values, dtype=object))
    fids = np.asarray(micro.index, dtype=np.int64)
    labels = [str(c) or f"#{f}" for f, c in zip(fids, micro["code"], strict=True)]
    out: list[Finding] = []
    known = np.isin(owner, np.asarray(cells.index, dtype=np.int64))
    for k in np.flatnonzero(~known).tolist():
        out.append(_finding(plan, "micro_no_cell", ERROR,
                            f"micro-grid {labels[k]} belongs to no grid cell", None,
                            [int(fids[k])], geoms[k], {"micro": labels[k]}))
    order = np.argsort(owner, kind="stable")
    order = order[known[order]]
    if len(order) == 0:
        return out + _check_numbers(plan, micro) + _check_buildings(plan, micro)
    starts = np.flatnonzero(np.r_[True, owner[order][1:] != owner[order][:-1]])
    for a, b in zip(starts, np.r_[starts[1:], len(order)], strict=True):
        idx = order[a:b]
        out += _check_cell(plan, int(owner[idx[0]]), idx, geoms, fids, labels, tolerance)
    out += _check_numbers(plan, micro)
    out += _check_buildings(plan, micro)
    return out


def _valid(geoms: np.ndarray) -> np.ndarray:
    geoms = geoms.copy()
    missing = shapely.is_missing(geoms)
    geoms[missing] = shapely.Polygon()
    bad = ~shapely.is_valid(geoms)
    geoms[bad] = shapely.make_valid(geoms[bad])
    return geoms


def _check_cell(plan: Plan, cell_fid: int, idx: np.ndarray, all_geoms: np.ndarray,
                all_fids: np.ndarray, labels: list[str], tolerance: float) -> list[Finding]:
    cell = plan.cells.frame.at[cell_fid, "geometry"]
    cell_code = str(plan.cells.frame.at[cell_fid, "code"]) or f"#{cell_fid}"
    cell = shapely.make_valid(cell) if cell is not None else shapely.Polygon()
    geoms = all_geoms[idx]
    fids = [int(f) for f in all_fids[idx]]
    names = [labels[i] for i in idx]
    out = []
    outside = shapely.area(shapely.difference(geoms, cell))
    for k in np.flatnonzero(outside > tolerance):
        out.append(_finding(plan, "micro_outside_cell", ERROR,
                            f"micro-grid {names[k]} reaches {outside[k]:,.0f} m² outside its "
                            f"grid {cell_code}", cell_fid, [fids[k]],
                            shapely.difference(geoms[k], cell),
                            {"micro": names[k], "cell": cell_code, "area": round(outside[k])}))
    if len(geoms) > 1:
        i, j = shapely.STRtree(geoms).query(geoms, predicate="intersects")
        i, j = i[i < j], j[i < j]
        inter = shapely.intersection(geoms[i], geoms[j])
        for a, b, g, area in zip(i, j, inter, shapely.area(inter), strict=True):
            if area > tolerance:
                out.append(_finding(plan, "micro_overlap", ERROR,
                                    f"micro-grids {names[a]} and {names[b]} overlap by "
                                    f"{area:,.0f} m²", cell_fid, [fids[a], fids[b]], g,
                                    {"micro": names[a], "other": names[b],
                                     "area": round(area)}))
    gap = shapely.difference(cell, shapely.union_all(geoms))
    parts = [p for p in shapely.get_parts(gap) if p.area > tolerance]
    if parts:
        area = sum(p.area for p in parts)
        out.append(_finding(plan, "micro_gap", ERROR,
                            f"{area:,.0f} m² of grid {cell_code} are in no micro-grid",
                            cell_fid, [], shapely.union_all(parts),
                            {"cell": cell_code, "area": round(area)}))
    return out


def _check_numbers(plan: Plan, micro: pd.DataFrame) -> list[Finding]:
    keyed = micro[["cell_fid", "number"]].dropna()
    dup = keyed[keyed.duplicated(keep=False)]
    cells = plan.cells.frame
    out = []
    for (cell_fid, number), rows in dup.groupby(["cell_fid", "number"]):
        cell_fid = int(cell_fid)
        if cell_fid not in cells.index:
            continue
        cell_code = str(cells.at[cell_fid, "code"]) or f"#{cell_fid}"
        out.append(_finding(plan, "micro_duplicate_number", ERROR,
                            f"{len(rows)} micro-grids of grid {cell_code} share the number "
                            f"{int(number)}", cell_fid, [int(f) for f in rows.index], None,
                            {"cell": cell_code, "number": int(number), "count": len(rows)}))
    return out


def _check_buildings(plan: Plan, micro: pd.DataFrame) -> list[Finding]:
    s = plan.settings
    index = BuildingIndex.from_plan(plan)
    geoms = _valid(np.asarray(micro.geometry.values, dtype=object))
    fids = [int(f) for f in micro.index]
    tally = index.tally(dict(zip(fids, geoms, strict=True)), s.micro_households_min,
                        s.micro_households_max)
    out = []
    for fid, h, status in zip(fids, tally["households"], tally["status"], strict=True):
        if status == "within":
            continue
        label = _label(micro, fid)
        cell = micro.at[fid, "cell_fid"]
        out.append(_finding(plan, f"micro_households_{status}_range", WARNING,
                            f"micro-grid {label} has {h:.0f} households, {status} the range "
                            f"{s.micro_households_min}–{s.micro_households_max}",
                            int(cell) if pd.notna(cell) else None, [fid],
                            micro.at[fid, "geometry"],
                            {"micro": label, "households": round(h), "status": status,
                             "low": s.micro_households_min, "high": s.micro_households_max}))
    return out + _check_split(plan, micro, geoms, index)


def _check_split(plan: Plan, micro: pd.DataFrame, geoms: np.ndarray,
                 index: BuildingIndex) -> list[Finding]:
    footprints = np.asarray(plan.buildings.frame.geometry.values, dtype=object)
    if len(footprints) == 0:
        return []
    where = assign_points(geoms, index.points)
    poly = (where >= 0) & np.isin(shapely.get_type_id(footprints), [3, 6])
    b = np.flatnonzero(poly)
    if len(b) == 0:
        return []
    inside = shapely.area(shapely.intersection(footprints[b], geoms[where[b]]))
    share_out = 1.0 - inside / np.maximum(shapely.area(footprints[b]), 1e-12)
    split = b[share_out > SPLIT_SHARE]
    out = []
    for m in sorted(set(int(where[k]) for k in split)):
        members = [int(index.fids[k]) for k in split if int(where[k]) == m]
        fid = int(micro.index[m])
        label = _label(micro, fid)
        cell = micro.at[fid, "cell_fid"]
        out.append(_finding(plan, "micro_building_split", WARNING,
                            f"micro-grid {label}: its edge cuts through {len(members)} "
                            f"building(s) (e.g. building {members[0]})",
                            int(cell) if pd.notna(cell) else None, [fid],
                            shapely.union_all(footprints[np.isin(index.fids, members)]),
                            {"micro": label, "count": len(members), "building": members[0]},
                            buildings=members))
    return out

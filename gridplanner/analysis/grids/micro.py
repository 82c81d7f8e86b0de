"""Micro-grids (微网格): a few buildings inside one grid cell.

A micro-grid groups the buildings one Party-member household (党员中心户)
or building steward looks after; local practice puts 30–80 households in a
micro-grid (a convention, kept in the plan settings as
``micro_households_min``/``micro_households_max``). Micro-grids are made the
same way as cells, one level down: each grid cell is cut into atoms along
streets and compound walls (and between buildings where an atom is too
heavy), and the atoms are grouped into contiguous micro-grids within the
range by the same balanced partition (:func:`partition.partition_area`). So
micro-grids tile their cell with no gap or overlap and never split a building.

Micro-grids are numbered within their cell, west to east and north to south
(as cells are within a community); the code is the cell's code, a dash and
the two-digit number (``110105001001003-02``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.grids.atoms import GRID
from gridplanner.analysis.grids.codes import serial_order
from gridplanner.analysis.grids.partition import (
    buildings_within,
    partition_area,
    partition_metrics,
    plan_buildings,
)
from gridplanner.analysis.grids.tallies import add_totals, assign_points, building_points
from gridplanner.analysis.grids.whole_buildings import lines_outside_buildings
from gridplanner.errors import AnalysisError
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BoundaryLevel, CellKind

MICRO_LAYER = "micro_grids"
#: the partition speaks of cells; here they are micro-grids
_CELL_WORD = re.compile(r"\bcell(s?)\b")
#: tables whose rows point at micro-grids (``micro_fid``)
MICRO_REFERENCES = ("party_groups", "party_households", "party_members", "volunteers")


@dataclass
class MicroResult:
    """New micro-grids and what the partition achieved."""

    #: cell_fid, number, code, households, residents, buildings, geometry
    micro: gpd.GeoDataFrame
    #: one message per cell that could not meet the range
    problems: list[str] = field(default_factory=list)
    #: as :func:`partition.partition_metrics`
    metrics: dict[str, float] = field(default_factory=dict)


def micro_code(cell_code: str, number: int) -> str:
    """``<cell code>-<two-digit number>``; a cell without a code gives ``-NN``."""
    return f"{cell_code}-{int(number):02d}"


def select_cells(plan: Plan, codes: Sequence[str] | None = None) -> list[int]:
    """Fids of the comprehensive cells named by code (or name); all when none given."""
    cells = plan.cells.frame
    if len(cells) == 0:
        raise AnalysisError("the plan has no grid cells; make the grids first")
    if not codes:
        return [int(f) for f in cells.index[cells["kind"].astype(str)
                                             != CellKind.DEDICATED.value]]
    out: list[int] = []
    for code in codes:
        hit = cells.index[(cells["code"].astype(str) == code) | (cells["name"].astype(str) == code)]
        if len(hit) == 0:
            raise AnalysisError(f"no grid cell with code or name {code!r}")
        out.extend(int(f) for f in hit)
    return list(dict.fromkeys(out))


def _cut_lines(plan: Plan) -> np.ndarray:
    """Streets and compound walls micro-grid edges may follow (never through a building)."""
    net = np.asarray(plan.network.frame.geometry.values, dtype=object)
    comp = plan.boundaries_at(BoundaryLevel.COMPOUND)
    rings = shapely.boundary(np.asarray(comp.geometry.values, dtype=object))
    lines = np.concatenate([net, rings]) if len(rings) else net
    lines = lines[~shapely.is_missing(lines)] if len(lines) else lines
    return lines_outside_buildings(lines, np.asarray(plan.buildings.frame.geometry.values,
                                                     dtype=object))


def generate_micro_grids(plan: Plan, cells: Sequence[str] | None = None,
                         low: float | None = None, high: float | None = None, seed: int = 0,
                         progress: Callable[[int, int], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> MicroResult:
    """Micro-grids for the chosen cells (the plan is not changed).

    Parameters
    ----------
    plan
        The plan; its cells are cut, its buildings balanced.
    cells
        Codes (or names) of the cells; default every comprehensive cell.
    low, high
        Households per micro-grid; default the plan's micro-grid range.
    seed
        Random seed of the partition (same seed, same micro-grids).
    progress, cancelled
        ``progress(done, total)`` after each cell; ``cancelled()`` is polled
        between cells and stops with AnalysisError.

    Returns
    -------
    MicroResult
        One row per micro-grid, numbered within its cell.
    """
    s = plan.settings
    low = float(s.micro_households_min if low is None else low)
    high = float(s.micro_households_max if high is None else high)
    if not 0 < low <= high:
        raise AnalysisError(f"household range {low:g}–{high:g} is not a valid range")
    fids = select_cells(plan, cells)
    frame = plan.cells.frame
    lines = _cut_lines(plan)
    everyone = plan_buildings(plan)
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for done, fid in enumerate(fids):
        if cancelled is not None and cancelled():
            raise AnalysisError("micro-grid generation was cancelled")
        geom = frame.at[fid, "geometry"]
        if geom is None or geom.is_empty:
            continue
        code = str(frame.at[fid, "code"]) or f"#{fid}"
        area = shapely.set_precision(shapely.make_valid(geom), GRID)
        b = buildings_within(everyone, area)
        outlines: list[shapely.Geometry] = [area]
        probs: list[str] = []
        if len(b.fids):
            outlines, probs = partition_area(f"grid {code}", area, b, lines, low, high, seed)
        problems.extend(_CELL_WORD.sub(r"micro-grid\1", p) for p in probs)
        for number, i in enumerate(serial_order(outlines), start=1):
            rows.append({"cell_fid": fid, "number": number,
                         "code": micro_code(str(frame.at[fid, "code"]), number),
                         "geometry": outlines[i]})
        if progress is not None:
            progress(done + 1, len(fids))
    micro = gpd.GeoDataFrame(rows, columns=["cell_fid", "number", "code", "geometry"],
                             geometry="geometry", crs=plan.crs)
    micro = add_totals(plan, micro)
    return MicroResult(micro, problems, partition_metrics(micro, low, high))


def replace_micro_grids(plan: Plan, micro: gpd.GeoDataFrame,
                        cell_fids: Sequence[int] | None = None) -> pd.DataFrame:
    """Put ``micro`` in place of the micro-grids of ``cell_fids`` (default: the
    cells ``micro`` covers); returns the previous frame (for undo).

    Micro-grids of cells that no longer exist go too. Rows of other tables that
    pointed at a removed micro-grid are moved to the new micro-grid holding
    their building (Party-member households, reporting members) or cleared.
    """
    table = plan.layer(MICRO_LAYER)
    old = table.frame
    cells = set(int(c) for c in (cell_fids if cell_fids is not None else micro["cell_fid"]))
    # the cells' own micro-grids go, and so do those of cells that no longer exist
    # (left behind when the grids were generated again)
    orphan = ~old["cell_fid"].isin(list(plan.cells.frame.index)).fillna(False).to_numpy(bool)
    drop = old["cell_fid"].isin(list(cells)).fillna(False).to_numpy(bool) | orphan
    add = gpd.GeoDataFrame(micro[["cell_fid", "number", "code", "geometry"]].copy(),
                           geometry="geometry", crs=plan.crs)
    start = table.next_fid()
    add.index = pd.RangeIndex(start, start + len(add))
    kept = old[~drop]
    frame = pd.concat([kept, add]) if len(kept) else add
    previous = table.replace(gpd.GeoDataFrame(frame, geometry="geometry", crs=plan.crs))
    relink_micro_references(plan, {int(f) for f in old.index[drop]})
    return previous


def building_micro_grids(plan: Plan) -> pd.Series:
    """The micro-grid fid of every building (NA when in none), by building fid."""
    micro = plan.layer(MICRO_LAYER).frame
    points = building_points(plan.buildings.frame.geometry.values)
    where = assign_points(micro.geometry.values, points)
    fids = np.asarray(micro.index, dtype=np.int64)
    values = pd.array([int(fids[w]) if w >= 0 else pd.NA for w in where], dtype="Int64")
    return pd.Series(values, index=plan.buildings.frame.index, name="micro")


def relink_micro_references(plan: Plan, gone: set[int]) -> None:
    """Re-point rows that referred to the micro-grids ``gone``: to the micro-grid
    of their building where they name one, else to nothing."""
    if not gone:
        return
    of_building = building_micro_grids(plan) if len(plan.buildings) else pd.Series(dtype="Int64")
    for name in MICRO_REFERENCES:
        table = plan.layer(name)
        frame = table.frame
        hit = frame.index[frame["micro_fid"].isin(list(gone)).fillna(False).to_numpy(bool)]
        if len(hit) == 0:
            continue
        values: dict[int, Any] = {}
        for fid in hit:
            building = frame.at[fid, "building_fid"] if "building_fid" in frame.columns else pd.NA
            new = of_building.get(int(building), pd.NA) if pd.notna(building) else pd.NA
            values[int(fid)] = new
        table.set_column("micro_fid", values)


def renumber_micro_grids(plan: Plan, cell_fids: Sequence[int] | None = None) -> dict[int, Any]:
    """Number the micro-grids of each cell afresh (west→east, north→south) and
    rewrite their codes; returns the old numbers (for undo)."""
    table = plan.layer(MICRO_LAYER)
    frame = table.frame
    cells = plan.cells.frame
    wanted = set(int(c) for c in cell_fids) if cell_fids is not None else None
    numbers: dict[int, Any] = {}
    codes: dict[int, Any] = {}
    for cell_fid, group in frame.groupby("cell_fid"):
        if wanted is not None and int(cell_fid) not in wanted:
            continue
        cell_code = str(cells.at[int(cell_fid), "code"]) if int(cell_fid) in cells.index else ""
        for number, i in enumerate(serial_order(group.geometry.values), start=1):
            fid = int(group.index[i])
            numbers[fid] = number
            codes[fid] = micro_code(cell_code, number)
    if not numbers:
        return {}
    old = table.set_column("number", numbers)
    table.set_column("code", codes)
    return old


NEW_MICRO = "new"


def repaint_micro_grids(plan: Plan, buildings: Sequence[int],
                        target: int | None = None) -> dict[str, Any]:
    """Move ``buildings`` into micro-grid ``target`` (None: a new micro-grid) and redraw
    the micro-grids of their cell around their buildings.

    The painting rule of cells, one level down
    (:func:`gridplanner.analysis.grids.editing.repaint_cells`): the cell's area
    is shared among its micro-grids by nearness to their buildings, so they
    stay inside the cell with no gap or overlap and edges run between
    buildings. A micro-grid left without buildings is removed; the cell's
    micro-grids are then numbered afresh. Returns what changed:
    ``{"cell": fid, "geometries": {fid: geom}, "added": geom | None, "removed": [fid]}``
    (the plan is not changed; :func:`apply_micro_repaint` applies it).
    """
    from gridplanner.analysis.grids.editing import repaint_cells

    micro = plan.layer(MICRO_LAYER).frame
    chosen = [int(b) for b in buildings]
    if not chosen:
        raise AnalysisError("choose the buildings to move first")
    cells = plan.cells.frame
    of_building = pd.Series(assign_points(cells.geometry.values, building_points(
        plan.buildings.frame.loc[chosen].geometry.values)), index=chosen)
    if (of_building < 0).any() or of_building.nunique() != 1:
        raise AnalysisError("the buildings must all lie in one grid cell")
    cell = int(cells.index[int(of_building.iloc[0])])
    if target is not None:
        row = plan.layer(MICRO_LAYER).row(target)
        if pd.isna(row["cell_fid"]) or int(row["cell_fid"]) != cell:
            raise AnalysisError(f"micro-grid {row['code'] or target} is not in the buildings' "
                                "grid cell")
    mine = micro[micro["cell_fid"] == cell]
    outlines: dict[Any, Any] = {int(f): g for f, g in mine.geometry.items()}
    if not outlines:
        outlines = {NEW_MICRO + "0": cells.at[cell, "geometry"]}
    outlines.setdefault(NEW_MICRO, shapely.Polygon())
    area = shapely.union_all(np.asarray(list(outlines.values()), dtype=object))
    b = plan.buildings.frame
    inside = b.index[shapely.intersects(area, building_points(b.geometry.values))]
    where = assign_points(np.asarray(list(outlines.values()), dtype=object),
                          building_points(b.loc[inside].geometry.values))
    keys = list(outlines)
    labels = [keys[w] if w >= 0 else keys[0] for w in where]
    goal = target if target is not None else NEW_MICRO
    labels = [goal if int(f) in set(chosen) else lab for f, lab in zip(inside, labels,
                                                                      strict=True)]
    parts = repaint_cells(outlines, b.loc[inside].geometry.values, labels)
    changed = {k: g for k, g in parts.items() if isinstance(k, int) and not g.is_empty}
    removed = [k for k, g in parts.items() if isinstance(k, int) and g.is_empty]
    added = [g for k, g in parts.items() if not isinstance(k, int) and not g.is_empty]
    return {"cell": cell, "geometries": changed, "added": shapely.union_all(added) if added
            else None, "removed": removed, "buildings": chosen}


def apply_micro_repaint(plan: Plan, change: dict[str, Any]) -> None:
    """Apply :func:`repaint_micro_grids`'s result, then renumber the cell's micro-grids."""
    table = plan.layer(MICRO_LAYER)
    if change["geometries"]:
        table.set_geometries(change["geometries"])
    if change["added"] is not None:
        table.add(gpd.GeoDataFrame({"cell_fid": [change["cell"]], "number": [None],
                                    "code": [""]}, geometry=[change["added"]], crs=plan.crs))
    if change["removed"]:
        table.remove(change["removed"])
    gone = set(change["removed"])
    moved = set(change.get("buildings", []))
    for name in ("party_households", "party_members"):  # people living in moved buildings
        frame = plan.layer(name).frame
        hit = frame["building_fid"].isin(list(moved)).fillna(False).to_numpy(bool)
        gone |= {int(m) for m in frame.loc[hit, "micro_fid"].dropna()}
    relink_micro_references(plan, gone)
    renumber_micro_grids(plan, [change["cell"]])

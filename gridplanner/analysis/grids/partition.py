"""Balanced partition of communities into grid cells of 300–500 households.

Each community is cut into "atoms" along what cell boundaries should follow:
the walking network and the compound boundaries (the community polygon
split by ``polygonize`` of network ∪ compound outlines ∪ community boundary).
Each atom holds the buildings whose representative point lies in it, so a
building is never split. An atom with more households than the maximum is cut
further: its buildings are divided in two along the longer axis (by
households) until each group fits, and each group gets the part of the atom
nearer its buildings (a Voronoi cut between footprints).

(Atoms are made in :mod:`gridplanner.analysis.grids.atoms`.)

The atoms form a graph (neighbours share an edge); :mod:`regionalize` groups
them into contiguous, compact cells within the range. A cell's outline is the
union of its atoms, so the cells tile the community with no gap or overlap.
Area of dedicated cells is cut out first and their buildings are left out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from gridplanner.analysis.grids.atoms import (
    GRID,
    Buildings,
    atom_graph,
    build_atoms,
    drop_specks,
    split_heavy_atoms,
)
from gridplanner.analysis.grids.painting import SIMPLIFY_M, simplify_outlines
from gridplanner.analysis.grids.regionalize import choose_region_count, regionalize
from gridplanner.analysis.grids.shape import shape_metrics
from gridplanner.analysis.grids.tallies import add_totals, assign_points, building_points
from gridplanner.analysis.grids.whole_buildings import keep_buildings_whole, lines_outside_buildings
from gridplanner.errors import AnalysisError
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BoundaryLevel, CellKind

Progress = Callable[[int, int], None]
#: cost of a cell edge inside a street block, per cell width of edge (streets cost nothing)
W_INNER_EDGE = 0.5
#: a neighbour's vertex this near (metres) to a cell's edge becomes a vertex of the cell
SNAP_M = 0.01


@dataclass
class PartitionResult:
    """New comprehensive cells and what the partition achieved."""

    #: community, kind, households, residents, buildings, geometry
    cells: gpd.GeoDataFrame
    #: one message per community (or part) that could not meet the range, with the reason
    problems: list[str] = field(default_factory=list)
    #: cells, households_mean, balance_cv, share_within, polsby_popper_mean
    metrics: dict[str, float] = field(default_factory=dict)


# -- one community -----------------------------------------------------------------
def partition_area(name: str, area: shapely.Geometry, b: Buildings, lines: np.ndarray,
                   low: float, high: float, seed: int = 0,
                   cancelled: Callable[[], bool] | None = None
                   ) -> tuple[list[shapely.Geometry], list[str]]:
    """Cells (outlines) of one community area, and messages about what missed the range.

    Street blocks and compounds are tried first as they are; when they are too
    coarse for every cell to fall in the range, heavy atoms are cut finer
    (at half, then a quarter of the range's width) and the best result kept.
    """
    problems: list[str] = []
    total = float(b.households.sum())
    if total < low:
        problems.append(f"{name} has {total:.0f} households in total, below the minimum "
                        f"{low:.0f}: one cell")
    elif math.ceil(total / high) > math.floor(total / low):
        problems.append(f"{name} has {total:.0f} households in total: no number of cells puts "
                        f"every cell within {low:.0f}–{high:.0f}")
    atoms = build_atoms(area, lines)
    blocks = list(range(len(atoms)))
    best = None
    for split_at in _split_levels(atoms, b, low, high):
        _check_cancelled(cancelled)
        if total > high:  # each level cuts the previous level's atoms further
            atoms, blocks = split_heavy_atoms(atoms, b, split_at, blocks)
        attempt = _attempt(name, atoms, blocks, b, low, high, seed, total)
        if best is None or attempt[0] < best[0]:
            best = attempt
        if attempt[0] == 0 or total <= high:
            break
    else:  # still out of range on the finest atoms: try harder there
        _check_cancelled(cancelled)
        attempt = _attempt(name, atoms, blocks, b, low, high, seed, total, restarts=10)
        if best is None or attempt[0] < best[0]:
            best = attempt
    assert best is not None, "_split_levels always gives at least one level"
    _, atoms, labels, notes = best
    arr = np.asarray(atoms, dtype=object)
    used = labels >= 0
    order = np.argsort(labels[used], kind="stable")
    regions, starts = np.unique(labels[used][order], return_index=True)
    groups = np.split(arr[used][order], starts[1:]) if len(regions) else []
    cells = [drop_specks(shapely.union_all(g, grid_size=GRID)) for g in groups]
    return simplified(keep_buildings_whole(cells, area, b), b), problems + notes


def simplified(cells: list[shapely.Geometry], b: Buildings) -> list[shapely.Geometry]:
    """Cells with their shared edges simplified once for both neighbours.

    Each edge between two cells becomes one simplified line that both keep
    (``shapely.coverage_simplify``; the community edge is left as it is), so
    a cell carries a handful of vertices per side and a vertex drag reshapes
    both neighbours. Kept only when every building stays in its cell and no
    footprint gets cut; else the cells come back unchanged.
    """
    if len(cells) < 2:
        return cells
    arr = noded(np.asarray(cells, dtype=object))
    labels = assign_points(arr, b.points)
    out = simplify_outlines(dict(enumerate(arr)), b.points, labels.tolist(), SIMPLIFY_M)
    new = np.asarray([out[i] for i in range(len(arr))], dtype=object)
    if all(a is c for a, c in zip(new, arr, strict=True)):
        return list(arr)
    feet = b.geoms[shapely.get_type_id(b.geoms) == 3]
    if len(feet) and _cuts_footprints(new, feet) > _cuts_footprints(arr, feet):
        return list(arr)
    return list(new)


def noded(cells: np.ndarray) -> np.ndarray:
    """Cells with every neighbour's vertex on their edges made a vertex of theirs too.

    Where three cells meet, the corner is a vertex of all three (not a point
    in the middle of one cell's edge), so a shared edge has the same vertices
    on both sides: simplifying it and dragging its vertices moves both cells.
    """
    out = cells.copy()
    tree = shapely.STRtree(cells)
    for i, j in zip(*tree.query(cells, predicate="intersects"), strict=True):
        if i == j:
            continue
        theirs = shapely.multipoints(shapely.get_coordinates(cells[j]))
        out[i] = shapely.snap(out[i], theirs, SNAP_M)
    bad = ~shapely.is_valid(out)
    out[bad] = cells[bad]
    return out


def _cuts_footprints(cells: np.ndarray, feet: np.ndarray) -> int:
    """How many footprints the cell boundaries cross (more than float noise)."""
    edges = shapely.union_all(shapely.boundary(cells))
    tree = shapely.STRtree(feet)
    hit = tree.query(edges, predicate="intersects")
    if len(hit) == 0:
        return 0
    inner = shapely.intersection(feet[hit], edges)
    return int((shapely.length(inner) > 0.01).sum())


def _check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    """Stop between steps when the user cancelled (each step is one attempt at
    a community's partition, so a large community stops within seconds)."""
    if cancelled is not None and cancelled():
        raise AnalysisError("cell generation was cancelled")


def _split_levels(base: list[shapely.Polygon], b: Buildings, low: float, high: float
                  ) -> list[float]:
    """Household sizes to cut atoms at, coarsest first.

    Blocks are kept whole first, unless blocks heavier than the range's width
    hold over a third of the households: then they are surely too coarse
    to balance, and that attempt is skipped.
    """
    width = max(high - low, 1.0)
    levels = [high, width / 2, width / 4]
    where = assign_points(np.asarray(base, dtype=object), b.points)
    inside = where >= 0
    hh = np.bincount(where[inside], weights=b.households[inside], minlength=len(base))
    total = hh.sum()
    if total > 0 and hh[hh > width].sum() > total / 3:
        levels = levels[1:]
    return levels


def _attempt(name: str, atoms: list[shapely.Polygon], blocks: list[int], b: Buildings,
             low: float, high: float, seed: int, total: float, restarts: int = 3
             ) -> tuple[int, list, np.ndarray, list[str]]:
    """Regions of ``atoms``: (cells out of range, atoms, region label per atom, notes)."""
    notes: list[str] = []
    where = assign_points(np.asarray(atoms, dtype=object), b.points)
    inside = where >= 0
    hh = np.bincount(where[inside], weights=b.households[inside], minlength=len(atoms))
    count = np.bincount(where[inside], minlength=len(atoms))
    for a in np.flatnonzero((hh > high) & (count == 1)):
        fid = int(b.fids[np.flatnonzero(where == a)[0]])
        notes.append(f"{name}: building {fid} alone has {hh[a]:.0f} households, above the "
                     f"maximum {high:.0f}; its cell cannot be within the range")
    adj, shared = atom_graph(atoms)
    # a cell edge inside a street block (not along a street or wall) costs extra
    inner = [[d if blocks[a] == blocks[c] else 0.0 for c, d in zip(adj[a], shared[a], strict=True)]
             for a in range(len(atoms))]
    labels = _label_components(name, atoms, adj, inner, hh, (low, high), (seed, restarts),
                               total, notes)
    per_region = np.bincount(labels[labels >= 0], weights=hh[labels >= 0])
    used = np.bincount(labels[labels >= 0]) > 0
    misses = int(((per_region < low) | (per_region > high))[used].sum())
    return misses, atoms, labels, notes


def _label_components(name: str, atoms: list, adj: list[list[int]], inner: list[list[float]],
                      hh: np.ndarray, limits: tuple[float, float], seeding: tuple[int, int],
                      total: float, problems: list[str]) -> np.ndarray:
    """Region labels of the atoms, one regionalization per connected part."""
    low, high = limits
    seed, restarts = seeding
    n = len(atoms)
    rows = [a for a, nb in enumerate(adj) for _ in nb]
    cols = [c for nb in adj for c in nb]
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    ncomp, comp = connected_components(graph, directed=False)
    arr = np.asarray(atoms, dtype=object)
    cent = shapely.get_coordinates(shapely.centroid(arr))
    areas = shapely.area(arr)
    labels = np.zeros(n, dtype=np.int64)
    offset = 0
    for c in range(ncomp):
        idx = np.flatnonzero(comp == c)
        h = hh[idx].sum()
        if ncomp > 1 and h == 0 and areas[idx].sum() < 1.0:
            labels[idx] = -1  # a speck touching the rest only at a corner: left out
            continue
        if ncomp > 1 and h < low and total >= low:
            problems.append(f"{name}: a separate part of {areas[idx].sum():.0f} m² with "
                            f"{h:.0f} households touches no other part; it forms its own cell")
        local = {int(a): i for i, a in enumerate(idx)}
        sub_adj = [[local[j] for j in adj[a]] for a in idx]
        k = choose_region_count(h, low, high, int((hh[idx] > 0).sum()) or 1)
        scale = W_INNER_EDGE / math.sqrt(max(areas[idx].sum() / k, 1.0))
        cuts = [[d * scale for d in inner[a]] for a in idx]
        lab = regionalize(sub_adj, hh[idx], cent[idx], areas[idx], k, low, high, seed,
                          restarts=restarts, cut_costs=cuts)
        labels[idx] = lab + offset
        offset += int(lab.max()) + 1
    return labels


# -- the plan -----------------------------------------------------------------------
def plan_buildings(plan: Plan) -> Buildings:
    """Every building of the plan as arrays (representative points computed once)."""
    frame = plan.buildings.frame
    geoms = np.asarray(frame.geometry.values, dtype=object)
    hh = np.nan_to_num(pd.to_numeric(frame["households"], errors="coerce").to_numpy(float))
    res = np.nan_to_num(pd.to_numeric(frame["residents"], errors="coerce").to_numpy(float))
    return Buildings(np.asarray(frame.index, dtype=np.int64), geoms, building_points(geoms),
                     hh, res)


def buildings_within(b: Buildings, area: shapely.Geometry) -> Buildings:
    """The buildings whose representative point lies in ``area``."""
    if len(b.points) == 0:
        return b
    shapely.prepare(area)
    inside = shapely.intersects(area, b.points)
    return Buildings(b.fids[inside], b.geoms[inside], b.points[inside], b.households[inside],
                     b.residents[inside])


def _selected_communities(plan: Plan, names: Sequence[str] | None) -> gpd.GeoDataFrame:
    comms = plan.communities().sort_index()
    if len(comms) == 0:
        raise AnalysisError("the plan has no community boundaries; import them first")
    if names:
        known = set(comms["name"].astype(str))
        missing = [n for n in names if n not in known]
        if missing:
            raise AnalysisError(f"no community named {missing[0]!r} (the plan has: "
                                f"{', '.join(sorted(known))})")
        comms = comms[comms["name"].astype(str).isin(list(names))]
    return comms


def dedicated_area(plan: Plan) -> shapely.Geometry:
    cells = plan.cells.frame
    ded = cells[cells["kind"].astype(str) == CellKind.DEDICATED.value]
    if len(ded) == 0:
        return shapely.Polygon()
    return shapely.union_all(np.asarray(ded.geometry.values, dtype=object))


def _cut_lines(plan: Plan) -> np.ndarray:
    """Streets and compound outlines that cells may follow, less their parts
    inside building footprints: a footpath through a passage, or a wall drawn
    across a building, must not cut the building between two cells."""
    net = np.asarray(plan.network.frame.geometry.values, dtype=object)
    comp = plan.boundaries_at(BoundaryLevel.COMPOUND)
    rings = shapely.boundary(np.asarray(comp.geometry.values, dtype=object))
    lines = np.concatenate([net, rings]) if len(rings) else net
    lines = lines[~shapely.is_missing(lines)] if len(lines) else lines
    return lines_outside_buildings(lines, np.asarray(plan.buildings.frame.geometry.values,
                                                dtype=object))


def generate_cells(plan: Plan, method: str = "balanced", size: float | None = None,
                   low: float | None = None, high: float | None = None,
                   communities: Sequence[str] | None = None, seed: int = 0,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> PartitionResult:
    """New comprehensive cells for the chosen communities (the plan is not changed).

    Parameters
    ----------
    plan
        The plan; dedicated cells are kept out of the new cells.
    method
        ``"balanced"`` (households within [low, high]), ``"square"`` or ``"hex"``.
    size
        Cell size in metres for square/hex cells.
    low, high
        Household range; default the plan's settings.
    communities
        Community names; default all.
    seed
        Random seed of the balanced partition (same seed, same cells).
    progress, cancelled
        ``progress(done, total)`` after each community; ``cancelled()`` is
        polled between communities and stops with AnalysisError.
    """
    from gridplanner.analysis.grids.regular import SHAPES, tile_polygon

    low = float(plan.settings.households_min if low is None else low)
    high = float(plan.settings.households_max if high is None else high)
    if not 0 < low <= high:
        raise AnalysisError(f"household range {low:g}–{high:g} is not a valid range")
    if method not in ("balanced", *SHAPES):
        raise AnalysisError(f"unknown method {method!r} (balanced, square or hex)")
    if method != "balanced" and not size:
        raise AnalysisError(f"the {method} method needs a cell size in metres")
    comms = _selected_communities(plan, communities)
    taken = dedicated_area(plan)
    lines = _cut_lines(plan) if method == "balanced" else np.empty(0, dtype=object)
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    everyone = plan_buildings(plan) if method == "balanced" else None
    for done, (_, comm) in enumerate(comms.iterrows()):
        _check_cancelled(cancelled)
        name = str(comm["name"])
        area = shapely.set_precision(shapely.make_valid(comm.geometry), GRID)
        if not taken.is_empty:
            area = shapely.difference(area, taken, grid_size=GRID)
        if area.area < 1.0:
            problems.append(f"{name} is covered by dedicated cells; no comprehensive cells made")
            continue
        if method == "balanced":
            assert everyone is not None, "built above for the balanced method"
            b = buildings_within(everyone, area)
            outlines, probs = partition_area(name, area, b, lines, low, high, seed, cancelled)
            problems.extend(probs)
        else:
            assert size is not None, "checked above for square and hex cells"
            outlines = tile_polygon(area, float(size), method)
        rows.extend({"community": name, "kind": CellKind.COMPREHENSIVE.value, "geometry": g}
                    for g in outlines)
        if progress is not None:
            progress(done + 1, len(comms))
    cells = gpd.GeoDataFrame(rows, columns=["community", "kind", "geometry"],
                             geometry="geometry", crs=plan.crs)
    cells = add_totals(plan, cells)
    if method == "balanced":
        problems.extend(_range_misses(cells, low, high, problems))
    return PartitionResult(cells, problems, partition_metrics(cells, low, high))


def _range_misses(cells: gpd.GeoDataFrame, low: float, high: float,
                  already: list[str]) -> list[str]:
    """Messages for cells out of range beyond those the notes already explain."""
    out = []
    for community, group in cells.groupby("community", sort=False):
        miss = group[(group["households"] < low) | (group["households"] > high)]
        explained = sum(1 for p in already
                        if p.startswith(f"{community} ") or p.startswith(f"{community}:"))
        if len(miss) <= explained:
            continue
        values = ", ".join(f"{h:.0f}" for h in miss["households"])
        out.append(f"{community}: {len(miss)} of {len(group)} cells outside {low:.0f}–{high:.0f} "
                   f"households ({values}); no balance within the range was found (try a "
                   "wider range or another seed)")
    return out


def partition_metrics(cells: gpd.GeoDataFrame, low: float, high: float) -> dict[str, float]:
    """Balance (std/mean of households, share in range) and shape (Polsby-Popper
    mean and minimum, holed and multi-part cells; see :mod:`.shape`)."""
    if len(cells) == 0:
        return {"cells": 0, "households_mean": 0.0, "balance_cv": 0.0, "share_within": 0.0,
                "polsby_popper_mean": 0.0, "polsby_popper_min": 0.0, "holed_cells": 0,
                "multipart_cells": 0}
    h = cells["households"].to_numpy(float)
    shape = shape_metrics(np.asarray(cells.geometry.values, dtype=object))
    mean = float(h.mean())
    return {
        "cells": int(len(cells)),
        "households_mean": mean,
        "balance_cv": float(h.std() / mean) if mean > 0 else 0.0,
        "share_within": float(((h >= low) & (h <= high)).mean()),
        "polsby_popper_mean": shape["polsby_popper_mean"],
        "polsby_popper_min": shape["polsby_popper_min"],
        "holed_cells": int(shape["holed_cells"]),
        "multipart_cells": int(shape["multipart_cells"]),
    }


def replace_cells(plan: Plan, new_cells: gpd.GeoDataFrame,
                  communities: Sequence[str] | None = None) -> pd.DataFrame:
    """Put ``new_cells`` in place of the comprehensive cells of the communities.

    Comprehensive cells of those communities go, and so do comprehensive cells
    naming no known community that lie in them (all of them when no community
    is given). Dedicated cells and other communities' cells stay. A new cell
    with the same outline as an old one keeps its code; codes are then
    assigned with the plan's scheme. One change event; returns the previous
    frame (undo).
    """
    from gridplanner.analysis.grids.codes import assign_codes, carry_codes

    old = plan.cells.frame
    comms = plan.communities()
    known = set(comms["name"].astype(str))
    names = set(communities) if communities else known
    named = old["community"].astype(str)
    stray = ~named.isin(known)
    if communities and stray.any():
        area = shapely.union_all(comms[comms["name"].astype(str).isin(names)].geometry.values)
        inside = shapely.intersects(area, shapely.point_on_surface(old.geometry.values))
        stray &= np.asarray(inside, dtype=bool)
    drop = (old["kind"].astype(str) != CellKind.DEDICATED.value) & (named.isin(names) | stray)
    keep = old[~drop]
    add = gpd.GeoDataFrame(new_cells[["community", "kind", "geometry"]].copy(),
                           geometry="geometry", crs=plan.crs)
    add["code"] = carry_codes(old[drop], add.geometry.values)
    start = plan.cells.next_fid()
    add.index = pd.RangeIndex(start, start + len(add))
    frame = pd.concat([keep, add]) if len(keep) else add
    frame = gpd.GeoDataFrame(frame, geometry="geometry", crs=plan.crs)
    codes = assign_codes(plan, cells=frame)
    frame["code"] = [codes.get(int(f), "") for f in frame.index]
    return plan.cells.replace(frame)

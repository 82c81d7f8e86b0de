"""A building is never split between two grid cells.

Cells are cut along streets, compound walls and Voronoi lines between
footprints; any of those can still cross a building (a footpath through a
passage, a wall drawn across a block, two footprints sharing a wall). Two
guards keep buildings whole: the cut lines stop at footprints
(:func:`lines_outside_buildings`), and after the cells are formed every
footprint still cut goes wholly to the cell holding its representative point
(:func:`keep_buildings_whole`).
"""

from __future__ import annotations

import numpy as np
import shapely

from gridplanner.analysis.grids.atoms import GRID, Buildings, drop_specks
from gridplanner.analysis.grids.editing import polygon_parts
from gridplanner.analysis.grids.tallies import assign_points


def lines_outside_buildings(lines: np.ndarray, buildings: np.ndarray) -> np.ndarray:
    """``lines`` less their parts inside polygon footprints (empty results dropped)."""
    footprints = buildings[shapely.get_type_id(buildings) == 3]  # polygons only
    footprints = footprints[shapely.is_valid(footprints)]
    if len(lines) == 0 or len(footprints) == 0:
        return lines
    tree = shapely.STRtree(footprints)
    hit_lines, hit_buildings = tree.query(lines, predicate="intersects")
    if len(hit_lines) == 0:
        return lines
    out = lines.copy()
    for i in np.unique(hit_lines):
        cover = shapely.union_all(footprints[hit_buildings[hit_lines == i]])
        out[i] = shapely.difference(lines[i], cover)
    return out[~shapely.is_empty(out)]


def keep_buildings_whole(cells: list[shapely.Geometry], area: shapely.Geometry,
                         b: Buildings) -> list[shapely.Geometry]:
    """Move every cut footprint wholly into the cell holding its representative point.

    Cells follow streets, walls and Voronoi cuts between footprints, and any
    of those can still pass through a building (a footpath through a passage,
    two footprints sharing a wall). The footprint (within the community) goes
    to its own cell and out of the others, so cover is kept and no building
    is split. A move is skipped when it would carry another cell's building
    with it (overlapping footprints) or break a cell into pieces; validation
    reports what is left, as it does a community boundary through a building.
    """
    if len(cells) < 2 or len(b.geoms) == 0:
        return cells
    arr = np.asarray(cells, dtype=object)
    owner = assign_points(arr, b.points)
    idx = np.flatnonzero(np.isin(shapely.get_type_id(b.geoms), (3, 6)) & (owner >= 0))
    cell_i, bld = shapely.STRtree(arr).query(b.geoms[idx], predicate="intersects")[::-1]
    bld = idx[bld]
    other = cell_i != owner[bld]
    cell_i, bld = cell_i[other], bld[other]
    cut = bld[shapely.area(shapely.intersection(arr[cell_i], b.geoms[bld])) > 1e-6]
    points, footprints = shapely.STRtree(b.points), shapely.STRtree(b.geoms)
    for i in np.unique(cut):
        footprint = shapely.intersection(b.geoms[i], area, grid_size=GRID)
        if _carries_others(i, footprint, owner, b, points, footprints):
            continue
        changed = {int(j): drop_specks(shapely.difference(arr[j], footprint, grid_size=GRID))
                   for j in np.unique(cell_i[bld == i])}
        changed[int(owner[i])] = drop_specks(shapely.union(arr[owner[i]], footprint, grid_size=GRID))
        if all(len(polygon_parts(g)) <= len(polygon_parts(arr[j])) for j, g in changed.items()):
            for j, g in changed.items():
                arr[j] = g
    return list(arr)


#: footprints of different cells overlapping by more than this (m²) are not moved
OVERLAP_M2 = 0.05


def _carries_others(i: int, footprint: shapely.Geometry, owner: np.ndarray, b: Buildings,
                    points: shapely.STRtree, footprints: shapely.STRtree) -> bool:
    """Whether moving building ``i``'s footprint would move part of a building
    that belongs to another cell (its point, or a footprint overlapping it)."""
    inside = points.query(footprint, predicate="contains")
    if np.any(owner[inside] != owner[i]):
        return True
    near = footprints.query(footprint, predicate="intersects")
    near = near[(near != i) & (owner[near] != owner[i])]
    # footprints sharing a wall meet in slivers of float noise, not overlaps
    return bool(len(near)) and bool(
        np.any(shapely.area(shapely.intersection(b.geoms[near], footprint)) > OVERLAP_M2))

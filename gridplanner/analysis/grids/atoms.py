"""Atoms: the pieces of a community that grid cells are built from.

A community is cut along the walking network, compound walls and its own
boundary into faces (street blocks, compounds); each holds the buildings
whose representative point lies in it. Heavy atoms are cut further between
their buildings: along straight lines through the gaps between building rows
(:mod:`gridplanner.analysis.grids.cuts`), else by the Voronoi of their
footprints; never through a building.
Every overlay runs on a fixed precision grid (:data:`GRID`), so neighbouring
atoms share their edges exactly and unions of atoms have no slivers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from gridplanner.analysis.grids.cuts import straight_cut
from gridplanner.analysis.grids.editing import polygon_parts, voronoi_partition
from gridplanner.analysis.grids.tallies import assign_points

#: atoms sharing less boundary than this (metres) are not neighbours
MIN_SHARED_EDGE = 0.001
#: precision grid (metres, 0.1 mm) of every overlay, so neighbouring atoms share edges exactly
GRID = 1e-4


@dataclass
class Buildings:
    """The buildings of one community as arrays (positions into the plan's layer)."""

    fids: np.ndarray
    geoms: np.ndarray
    points: np.ndarray
    households: np.ndarray
    residents: np.ndarray


def build_atoms(area: shapely.Geometry, lines: np.ndarray) -> list[shapely.Polygon]:
    """The faces of ``area`` cut by ``lines`` (network, compound outlines)."""
    edges = [shapely.boundary(area)]
    if len(lines):
        near = lines[shapely.intersects(lines, area)]
        clipped = shapely.intersection(near, area, grid_size=GRID)
        edges.extend(g for g in clipped if not g.is_empty)
    noded = shapely.union_all(np.asarray(edges, dtype=object), grid_size=GRID)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    if len(faces) == 0:
        return polygon_parts(area)
    inside = shapely.intersects(area, shapely.point_on_surface(faces))
    faces = list(faces[inside])
    rest = shapely.difference(area, shapely.union_all(np.asarray(faces, dtype=object),
                                                      grid_size=GRID), grid_size=GRID) \
        if faces else area
    faces.extend(p for p in polygon_parts(rest) if p.area > 0.01)
    return faces


def _bisect(members: np.ndarray, b: Buildings, high: float) -> list[np.ndarray]:
    """Divide buildings along the longer axis until every group fits under ``high``."""
    total = b.households[members].sum()
    if total <= high or len(members) <= 1:
        return [members]
    xy = shapely.get_coordinates(b.points[members])
    span = xy.max(axis=0) - xy.min(axis=0)
    axis = int(np.argmax(span))
    order = members[np.lexsort((xy[:, 1 - axis], xy[:, axis]))]
    k = math.ceil(total / high)
    goal = total * (k // 2) / k
    cum = np.cumsum(b.households[order])
    cut = int(np.clip(np.searchsorted(cum, goal) + 1, 1, len(order) - 1))
    return _bisect(order[:cut], b, high) + _bisect(order[cut:], b, high)


def split_heavy_atoms(atoms: list[shapely.Polygon], b: Buildings, high: float,
                      blocks: Sequence[int] | None = None
                      ) -> tuple[list[shapely.Polygon], list[int]]:
    """Atoms with more than ``high`` households cut between their buildings.

    Returns the new atoms and, for each, the block (position in ``atoms``, or
    the given ``blocks`` id) it was cut from, so cuts inside a block can be
    told from street edges.
    """
    where = assign_points(np.asarray(atoms, dtype=object), b.points)
    blocks = list(range(len(atoms))) if blocks is None else list(blocks)
    out: list[shapely.Polygon] = []
    out_blocks: list[int] = []
    for i, atom in enumerate(atoms):
        members = np.flatnonzero(where == i)
        if b.households[members].sum() <= high or len(members) <= 1:
            out.append(atom)
            out_blocks.append(blocks[i])
            continue
        straight = straight_cut(atom, b.geoms[members], b.points[members],
                                b.households[members], high, GRID)
        if straight is not None:
            kept = [p for p, _ in straight]
            out.extend(kept)
            out_blocks.extend([blocks[i]] * len(kept))
            continue
        groups = _bisect(members, b, high)
        labels = np.empty(len(b.geoms), dtype=np.int64)
        for g, idx in enumerate(groups):
            labels[idx] = g
        parts = voronoi_partition(atom, b.geoms[members], list(labels[members]),
                                  grid_size=GRID)
        pieces = [parts[g] for g in range(len(groups)) if g in parts]
        taken = shapely.union_all(np.asarray(pieces[:-1], dtype=object), grid_size=GRID)
        pieces[-1] = shapely.difference(atom, taken, grid_size=GRID)  # exact cover of the atom
        for piece in pieces:
            kept = [p for p in polygon_parts(piece) if p.area > 0.01]
            out.extend(kept)
            out_blocks.extend([blocks[i]] * len(kept))
    return out, out_blocks


def atom_graph(atoms: Sequence[shapely.Polygon]) -> tuple[list[list[int]], list[list[float]]]:
    """Neighbour lists (atoms sharing at least MIN_SHARED_EDGE metres of boundary)
    and the shared length of each neighbour pair, in the same layout.

    Atoms come from overlays on the GRID, so shared edges coincide exactly;
    atoms touching at a corner, or only nearly touching, are not neighbours.
    """
    arr = np.asarray(atoms, dtype=object)
    adj: list[list[int]] = [[] for _ in range(len(arr))]
    if len(arr) < 2:
        return adj, [[] for _ in adj]
    tree = shapely.STRtree(arr)
    i, j = tree.query(arr, predicate="intersects")
    keep = i < j
    i, j = i[keep], j[keep]
    rings = shapely.boundary(arr)
    shared = shapely.length(shapely.intersection(rings[i], rings[j], grid_size=GRID))
    length: list[dict[int, float]] = [{} for _ in range(len(arr))]
    ok = shared >= MIN_SHARED_EDGE
    for a, c, d in zip(i[ok].tolist(), j[ok].tolist(), shared[ok].tolist(), strict=True):
        length[a][c] = d
        length[c][a] = d
    adj = [sorted(m) for m in length]
    return adj, [[length[a][c] for c in adj[a]] for a in range(len(arr))]


def drop_specks(geom: shapely.Geometry) -> shapely.Geometry:
    """Drop specks: holes and parts under 0.5 m² left by floating-point noise."""
    parts = [p for p in polygon_parts(geom) if p.area >= 0.5] or polygon_parts(geom)
    fixed = []
    for p in parts:
        holes = [r for r in p.interiors if shapely.Polygon(r).area >= 0.5]
        fixed.append(shapely.Polygon(p.exterior, holes))
    return fixed[0] if len(fixed) == 1 else shapely.MultiPolygon(fixed)

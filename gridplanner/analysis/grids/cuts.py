"""Straight cuts through the open space between buildings.

A street block (or compound) with more households than a cell may hold is
cut between its buildings. Planners draw such a cut as a straight line along
the gap between two rows of buildings, not as a staircase round every
footprint, so that is what this module does: the block's buildings are
ordered along their main axis, and the block is cut by a straight line
across that axis, in the middle of a gap that no footprint crosses, at the
gap nearest to an even split of the households. Each half is cut again until
every piece holds no more than the limit.

When no clear gap comes near an even split (buildings overlapping along the
axis in both directions), the caller falls back to the Voronoi cut between
footprints (:func:`gridplanner.analysis.grids.editing.voronoi_partition`).
"""

from __future__ import annotations

import math

import numpy as np
import shapely

from gridplanner.analysis.grids.editing import polygon_parts

#: a straight cut keeps at least this much clearance (metres) from every footprint when it can
CLEARANCE = 1.0
#: how far (share of the piece's households) a cut may move from an even split to find a gap
SLACK = 0.3
#: pieces smaller than this (m²) are slivers of the overlay and are dropped
MIN_PIECE = 0.01


def _axes(xy: np.ndarray) -> list[np.ndarray]:
    """Unit directions to cut across: the points' main axis first, then its normal."""
    centred = xy - xy.mean(axis=0)
    cov = centred.T @ centred
    values, vectors = np.linalg.eigh(cov)
    main = vectors[:, int(np.argmax(values))]
    return [main, np.array([-main[1], main[0]])]


def _best_gap(lo: np.ndarray, hi: np.ndarray, centre: np.ndarray, weight: np.ndarray,
              high: float) -> tuple[int, np.ndarray, float] | None:
    """Where to cut along one axis: (number of buildings before the cut, order, position).

    ``lo``/``hi`` are each footprint's extent along the axis and ``centre`` its
    representative point's position. The cut goes in the widest clear gap near
    an even split of ``weight``; None when no gap is near enough.
    """
    order = np.argsort(centre, kind="stable")
    lo, hi, w = lo[order], hi[order], weight[order]
    total = float(w.sum())
    k = math.ceil(total / high)
    goal = total * (k // 2) / k
    cum = np.cumsum(w)[:-1]  # households before the cut after position i
    gap = np.minimum.accumulate(lo[::-1])[::-1][1:] - np.maximum.accumulate(hi)[:-1]
    miss = np.abs(cum - goal) / max(total, 1e-9)
    ok = (gap >= CLEARANCE) & (miss <= SLACK) & (cum > 0) & (cum < total)
    if not ok.any():
        return None
    # nearest to an even split; among equally near ones the wider gap
    score = np.where(ok, miss - np.minimum(gap, 20.0) * 1e-3, np.inf)
    i = int(np.argmin(score))
    position = 0.5 * (np.maximum.accumulate(hi)[i] + np.minimum.accumulate(lo[::-1])[::-1][i + 1])
    return i + 1, order, float(position)


def _half_plane(origin: np.ndarray, axis: np.ndarray, at: float, reach: float) -> shapely.Polygon:
    """The half-plane ``(p - origin)·axis <= at`` as a polygon reaching ``reach`` metres."""
    normal = np.array([-axis[1], axis[0]])
    base = origin + at * axis
    far = base - 2 * reach * axis
    return shapely.Polygon([base + reach * normal, base - reach * normal,
                            far - reach * normal, far + reach * normal])


def straight_cut(piece: shapely.Polygon, footprints: np.ndarray, points: np.ndarray,
                 weight: np.ndarray, high: float, grid_size: float
                 ) -> list[tuple[shapely.Polygon, np.ndarray]] | None:
    """Cut ``piece`` along straight lines until each part holds at most ``high``.

    Parameters
    ----------
    piece
        The polygon to cut (a street block or a part of one).
    footprints, points, weight
        The buildings in it: footprints (or points), representative points
        and households.
    high
        The most households a part may hold.
    grid_size
        Precision grid of the overlays, so the parts share their edges exactly.

    Returns
    -------
    list of (polygon, positions) or None
        The parts, each with the positions (into the given arrays) of the
        buildings whose representative point lies in it; None when some part
        had no clear gap to cut along.
    """
    members = np.arange(len(points))
    coords, owner = shapely.get_coordinates(footprints, return_index=True)
    rep = shapely.get_coordinates(points)
    out: list[tuple[shapely.Polygon, np.ndarray]] = []
    todo = [(piece, members)]
    while todo:
        geom, idx = todo.pop()
        if weight[idx].sum() <= high or len(idx) <= 1:
            out.append((geom, idx))
            continue
        parts = _cut_once(geom, idx, coords, owner, rep, weight, high, grid_size, footprints)
        if parts is None:
            return None
        todo.extend(parts)
    return out


def _fewest_crossings(lo: np.ndarray, hi: np.ndarray, centre: np.ndarray, weight: np.ndarray,
                      high: float) -> float:
    """Where to cut along an axis with no clear gap: between two neighbouring
    buildings, near an even split, through as few footprints as can be."""
    order = np.argsort(centre, kind="stable")
    c, w = centre[order], weight[order]
    total = float(w.sum())
    k = math.ceil(total / high)
    goal = total * (k // 2) / k
    at = 0.5 * (c[:-1] + c[1:])
    miss = np.abs(np.cumsum(w)[:-1] - goal) / max(total, 1e-9)
    crossed = np.searchsorted(np.sort(lo), at) - np.searchsorted(np.sort(hi), at)
    score = crossed + 20.0 * miss + np.where(c[1:] > c[:-1], 0.0, np.inf)
    return float(at[int(np.argmin(score))]) if len(at) else 0.0


def _cut_once(geom: shapely.Polygon, idx: np.ndarray, coords: np.ndarray, owner: np.ndarray,
              rep: np.ndarray, weight: np.ndarray, high: float, grid_size: float,
              footprints: np.ndarray) -> list[tuple[shapely.Polygon, np.ndarray]] | None:
    """One straight cut of ``geom`` between the buildings ``idx``, or None.

    The cut runs along a clear gap when one is near an even split; else along
    the main axis through as few footprints as can be, each crossed footprint
    going wholly to the side of its representative point (a notch in the line).
    """
    origin = rep[idx].mean(axis=0)
    mine = np.isin(owner, idx)
    local = np.searchsorted(idx, owner[mine])  # idx is sorted: position of each vertex's building
    extents = []
    for axis in _axes(rep[idx]):
        proj = (coords[mine] - origin) @ axis
        lo = np.full(len(idx), np.inf)
        hi = np.full(len(idx), -np.inf)
        np.minimum.at(lo, local, proj)
        np.maximum.at(hi, local, proj)
        centre = (rep[idx] - origin) @ axis
        lo, hi = np.minimum(lo, centre), np.maximum(hi, centre)
        extents.append((axis, lo, hi, centre))
        found = _best_gap(lo, hi, centre, weight[idx], high)
        if found is not None:
            return _halves(geom, idx, rep, origin, axis, found[2], centre, [], grid_size)
    axis, lo, hi, centre = extents[0]
    at = _fewest_crossings(lo, hi, centre, weight[idx], high)
    crossed = np.flatnonzero((lo < at) & (hi > at))
    notches = [(footprints[idx[j]], centre[j] <= at) for j in crossed]
    return _halves(geom, idx, rep, origin, axis, at, centre, notches, grid_size)


def _halves(geom: shapely.Polygon, idx: np.ndarray, rep: np.ndarray, origin: np.ndarray,
            axis: np.ndarray, at: float, centre: np.ndarray,
            notches: list[tuple[shapely.Geometry, bool]], grid_size: float
            ) -> list[tuple[shapely.Polygon, np.ndarray]] | None:
    """``geom`` cut at ``at`` along ``axis``: the parts with their buildings, or
    None when the cut leaves one side without buildings."""
    near = centre <= at
    if near.all() or not near.any():
        return None
    x0, y0, x1, y1 = geom.bounds
    reach = 2.0 * math.hypot(x1 - x0, y1 - y0) + 1.0 + abs(at)
    side = _half_plane(origin, axis, at, reach)
    if notches:
        mine = [f for f, first in notches if first]
        theirs = [f for f, first in notches if not first]
        if mine:
            side = shapely.union_all(np.asarray([side, *mine], dtype=object))
        if theirs:
            side = shapely.difference(side, shapely.union_all(np.asarray(theirs, dtype=object)))
    first = shapely.intersection(geom, side, grid_size=grid_size)
    if shapely.get_type_id(first) == 7:  # a notch left a line beside the polygons
        first = shapely.multipolygons(polygon_parts(first))
    second = shapely.difference(geom, first, grid_size=grid_size)
    parts = []
    for half, chosen in ((first, idx[near]), (second, idx[~near])):
        parts.extend(_parts_with_members(half, chosen, rep))
    return parts


def _parts_with_members(geom: shapely.Geometry, idx: np.ndarray, rep: np.ndarray
                        ) -> list[tuple[shapely.Polygon, np.ndarray]]:
    """The polygons of ``geom``, each with the buildings (of ``idx``) whose point lies in it."""
    polys = [p for p in polygon_parts(geom) if p.area > MIN_PIECE]
    if len(polys) <= 1:
        return [(polys[0], idx)] if polys else []
    pts = shapely.points(rep[idx])
    where = np.full(len(idx), -1)
    for j, p in enumerate(polys):
        hit = shapely.intersects(p, pts) & (where < 0)
        where[hit] = j
    where[where < 0] = 0  # a point on a seam of the overlay: the first part keeps it
    return [(p, np.sort(idx[where == j])) for j, p in enumerate(polys)]

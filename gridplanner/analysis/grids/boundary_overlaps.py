"""Community boundaries as they come from civil affairs: overlaps and narrow gaps.

Neighbouring communities drawn by different hands overlap by a few metres
or leave thin gaps along their shared edges; grids generated inside them
inherit the overlap. :func:`fit_boundaries` finds the overlaps and gaps
between boundaries of one level and, when asked, settles them:

- an overlap goes to the one boundary that holds its buildings (the
  footprints reaching out of the overlap into one side, else the buildings
  next to it), else to the one sharing the longer edge with it;
- a gap no wider than the tolerance goes to the neighbour it touches most.

:func:`check_boundaries` is the validation rule: overlapping communities are
named as the cause, with the cells that inherit the overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from gridplanner.analysis.findings import ERROR, Finding
from gridplanner.analysis.grids.fitting import REPORT_M2, is_narrow, polygon_parts, tidy
from gridplanner.model.plan import Plan

#: Buildings this close (m) to an overlap tell which side it belongs to.
NEAR_M = 20.0


@dataclass
class BoundaryOverlap:
    """Two boundaries (positions) overlapping by ``area`` m², and who got it."""

    first: int
    second: int
    area: float
    owner: int | None = None
    reason: str = ""


@dataclass
class BoundaryFit:
    """The boundaries after fitting, the overlaps found and the gaps closed."""

    geometries: np.ndarray
    overlaps: list[BoundaryOverlap] = field(default_factory=list)
    gaps_closed: int = 0
    gap_m2: float = 0.0


def _contact(piece: shapely.Geometry, other: shapely.Geometry) -> float:
    """Length of edge ``piece`` shares with ``other`` (m)."""
    return float(shapely.length(shapely.intersection(piece.boundary,
                                                     shapely.buffer(other, 0.01))))


def _owner(piece: shapely.Geometry, a: shapely.Geometry, b: shapely.Geometry,
           buildings: np.ndarray, tree: shapely.STRtree | None) -> tuple[int, str]:
    """0 for ``a``, 1 for ``b``, and why."""
    rest = (shapely.difference(a, piece), shapely.difference(b, piece))
    if tree is not None:
        inside = buildings[tree.query(piece, predicate="intersects")]
        if len(inside):
            share = [float(shapely.area(shapely.intersection(inside, r)).sum()) for r in rest]
            if max(share) > 0 and share[0] != share[1]:
                return int(share[1] > share[0]), "holds its buildings"
        near = buildings[tree.query(piece, predicate="dwithin", distance=NEAR_M)]
        if len(near):
            counts = [int(shapely.intersects(near, r).sum()) for r in rest]
            if counts[0] != counts[1]:
                return int(counts[1] > counts[0]), "holds the buildings next to it"
    edges = [_contact(piece, r) for r in rest]
    return int(edges[1] > edges[0]), "longer shared edge"


def fit_boundaries(geometries: Sequence[shapely.Geometry] | np.ndarray,
                   buildings: Sequence[shapely.Geometry] | np.ndarray = (),
                   tolerance: float = 1.0, fix: bool = True) -> BoundaryFit:
    """Find (and with ``fix`` settle) overlaps and narrow gaps between boundaries.

    Parameters
    ----------
    geometries
        Boundaries of one level, in a metric CRS.
    buildings
        Building footprints (or points), to decide who holds an overlap.
    tolerance
        Gaps no wider than this (m) are closed when fixing.
    fix
        Settle overlaps and close gaps; without it only find the overlaps.
    """
    geoms = np.asarray([tidy(g) for g in geometries], dtype=object)
    result = BoundaryFit(geoms)
    homes = np.asarray([b for b in buildings if b is not None], dtype=object)
    tree = shapely.STRtree(homes) if len(homes) else None
    live = [i for i, g in enumerate(geoms) if g is not None]
    if len(live) < 2:
        return result
    arr = np.asarray([geoms[i] for i in live], dtype=object)
    left, right = shapely.STRtree(arr).query(arr, predicate="intersects")
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        if a >= b:
            continue
        i, j = live[a], live[b]
        piece = shapely.intersection(geoms[i], geoms[j]) if fix else \
            shapely.intersection(arr[a], arr[b])
        parts = polygon_parts(piece)
        area = sum(p.area for p in parts)
        if area <= REPORT_M2:
            continue
        overlap = BoundaryOverlap(i, j, area)
        if fix:
            merged = shapely.union_all(parts)
            side, overlap.reason = _owner(merged, geoms[i], geoms[j], homes, tree)
            overlap.owner = (i, j)[side]
            loser = (j, i)[side]
            geoms[loser] = tidy(shapely.difference(geoms[loser], merged))
        result.overlaps.append(overlap)
    if fix and tolerance > 0:
        _close_gaps(result, tolerance)
    return result


def _close_gaps(result: BoundaryFit, tol: float) -> None:
    geoms = result.geometries
    live = [i for i, g in enumerate(geoms) if g is not None]
    arr = np.asarray([geoms[i] for i in live], dtype=object)
    covered = shapely.union_all(arr)
    grow = tol / 2 * 1.001
    closed = shapely.buffer(shapely.buffer(covered, grow, join_style="mitre", mitre_limit=10.0),
                            -grow, join_style="mitre", mitre_limit=10.0)
    tree = shapely.STRtree(arr)
    gains: dict[int, list] = {}
    for piece in polygon_parts(shapely.difference(closed, covered)):
        near = tree.query(piece, predicate="dwithin", distance=tol)
        if len(near) < 2 or not is_narrow(piece, tol):
            continue  # a notch in one outline, not a gap between two
        contact = shapely.area(shapely.intersection(shapely.buffer(piece, tol), arr[near]))
        gains.setdefault(live[int(near[int(np.argmax(contact))])], []).append(piece)
        result.gaps_closed += 1
        result.gap_m2 += piece.area
    for i, pieces in gains.items():
        geoms[i] = tidy(shapely.union_all([geoms[i], *pieces]))


def check_boundaries(plan: Plan) -> list[Finding]:
    """Overlapping communities, named as the cause, with the cells that inherit it."""
    comms = plan.communities()
    names = [str(n) for n in comms["name"]]
    fit = fit_boundaries(comms.geometry.values, fix=False)
    cells = plan.cells.frame
    tree = shapely.STRtree(cells.geometry.values) if len(cells) else None
    out = []
    for o in fit.overlaps:
        a, b = comms.geometry.values[o.first], comms.geometry.values[o.second]
        piece = shapely.intersection(shapely.make_valid(a), shapely.make_valid(b))
        hit = [] if tree is None else sorted(tree.query(piece, predicate="intersects").tolist())
        hit = [k for k in hit if shapely.area(shapely.intersection(
            cells.geometry.values[k], piece)) > REPORT_M2]
        codes = [str(cells["code"].iloc[k]) or f"fid {int(cells.index[k])}" for k in hit]
        inherits = f"; cells inheriting it: {', '.join(codes)}" if codes else ""
        out.append(Finding(
            "community_overlap", ERROR,
            f"communities {names[o.first]} and {names[o.second]} overlap by {o.area:,.0f} m²"
            f"{inherits}; fix the boundaries (import them again with overlaps fixed)",
            cells=[c for c in codes if not c.startswith("fid ")],
            cell_fids=[int(cells.index[k]) for k in hit], geometry=piece,
            params={"first": names[o.first], "second": names[o.second],
                    "area": round(o.area), "cells": ", ".join(codes)}))
    return out

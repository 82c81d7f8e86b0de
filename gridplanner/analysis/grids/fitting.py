"""Fitting hand-digitised grid cells together: slivers, narrow gaps, community edges.

Cells that offices digitised by hand never quite meet: neighbours overlap by
a few decimetres, leave thin gaps, and stick out over the community boundary.
:func:`fit_cells` closes what is no wider than the snap tolerance and reports
the rest, so that what is left for ``validate`` is what a planner must decide.

A piece counts as *narrow* when eroding it by half the tolerance leaves
nothing: no point of it is farther than ``tolerance / 2`` from its edge, so it
is nowhere wider than ``tolerance``. Within each community (or, for cells in
no community, among themselves):

1. narrow parts of a cell outside its community are trimmed off; a wider
   part is reported as a crossing;
2. narrow overlaps between two cells stay with the larger cell and are cut
   from the smaller; wider overlaps are reported;
3. narrow gaps (the community's area in no cell, or, without a community,
   what a morphological closing of the cells adds) are given each to the one
   neighbouring cell they touch most; wider gaps are reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

#: Pieces smaller than this (m²) are numerical dust, neither reported nor moved.
DUST_M2 = 1e-4
#: Overlaps and gaps smaller than this (m²) are not reported (as in validation).
REPORT_M2 = 1.0


@dataclass
class FitResult:
    """What :func:`fit_cells` did, by position in the input.

    ``overlaps`` holds (i, j, m²) of overlaps wider than the tolerance,
    ``gaps`` (neighbour positions, m², community) of gaps wider than it, and
    ``crossings`` (i, m² outside) of cells reaching wider than it beyond
    their community.
    """

    geometries: np.ndarray
    slivers: int = 0
    sliver_m2: float = 0.0
    gaps_closed: int = 0
    gap_closed_m2: float = 0.0
    trimmed: int = 0
    trimmed_m2: float = 0.0
    overlaps: list[tuple[int, int, float]] = field(default_factory=list)
    gaps: list[tuple[list[int], float, str]] = field(default_factory=list)
    crossings: list[tuple[int, float]] = field(default_factory=list)


def is_narrow(piece: shapely.Geometry, tolerance: float) -> bool:
    """True when ``piece`` is nowhere wider than ``tolerance`` metres."""
    if piece is None or piece.is_empty:
        return True
    return bool(shapely.is_empty(shapely.buffer(piece, -tolerance / 2 * 1.001,
                                                join_style="mitre")))


def polygon_parts(geometry: shapely.Geometry | None, min_area: float = DUST_M2) -> list:
    """The polygons of any geometry, without dust."""
    if geometry is None or geometry.is_empty:
        return []
    parts = shapely.get_parts(shapely.get_parts(geometry))
    return [p for p in parts if p.geom_type == "Polygon" and p.area > min_area]


def tidy(geometry: shapely.Geometry | None) -> shapely.Geometry | None:
    """A valid polygon or multipolygon without dust parts (None when nothing is left)."""
    if geometry is None:
        return None
    parts = polygon_parts(shapely.make_valid(geometry))
    if not parts:
        return None
    merged = shapely.union_all(parts) if len(parts) > 1 else parts[0]
    parts = polygon_parts(merged)
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts) if parts else None


def community_by_area(geometries: Sequence[shapely.Geometry] | np.ndarray,
                      communities: Mapping[str, shapely.Geometry]) -> list[str]:
    """For each geometry, the community holding most of its area ("" when none)."""
    geoms = np.asarray(geometries, dtype=object)
    out = [""] * len(geoms)
    names = list(communities)
    if not names or len(geoms) == 0:
        return out
    areas = np.asarray([communities[n] for n in names], dtype=object)
    cell_idx, comm_idx = shapely.STRtree(areas).query(geoms, predicate="intersects")
    best: dict[int, float] = {}
    shared = shapely.area(shapely.intersection(geoms[cell_idx], areas[comm_idx]))
    for c, k, a in zip(cell_idx.tolist(), comm_idx.tolist(), shared.tolist(), strict=True):
        if a > best.get(c, 0.0):
            best[c] = a
            out[c] = names[k]
    return out


def fit_cells(geometries: Sequence[shapely.Geometry] | np.ndarray, communities: Sequence[str],
              community_areas: Mapping[str, shapely.Geometry],
              tolerance: float = 1.0) -> FitResult:
    """Close slivers and narrow gaps between cells; report what is wider.

    Parameters
    ----------
    geometries
        Cell polygons in a metric CRS.
    communities
        The community of each cell ("" for none).
    community_areas
        Community polygons by name.
    tolerance
        Snap tolerance in metres: pieces no wider than this are closed.

    Returns
    -------
    FitResult
        The fitted geometries (same order) and what was closed and found.
    """
    geoms = np.asarray([tidy(g) for g in geometries], dtype=object)
    result = FitResult(geoms)
    if tolerance < 0:
        raise ValueError("the snap tolerance must not be negative")
    groups: dict[str, list[int]] = {}
    for i, name in enumerate(communities):
        if geoms[i] is not None:
            groups.setdefault(name if name in community_areas else "", []).append(i)
    for name, idx in groups.items():
        region = tidy(community_areas[name]) if name else None
        if region is not None:
            _trim(result, idx, region, tolerance)
        _overlaps(result, idx, tolerance)
        _gaps(result, idx, region, tolerance, name)
    result.geometries = np.asarray([tidy(g) for g in result.geometries], dtype=object)
    return result


def _trim(result: FitResult, idx: list[int], region: shapely.Geometry, tol: float) -> None:
    geoms = result.geometries
    for i in idx:
        outside = polygon_parts(shapely.difference(geoms[i], region))
        narrow = [p for p in outside if is_narrow(p, tol)]
        wide = sum(p.area for p in outside if not is_narrow(p, tol))
        if narrow:
            geoms[i] = tidy(shapely.difference(geoms[i], shapely.union_all(narrow)))
            result.trimmed += len(narrow)
            result.trimmed_m2 += sum(p.area for p in narrow)
        if wide > REPORT_M2:
            result.crossings.append((i, wide))


def _overlaps(result: FitResult, idx: list[int], tol: float) -> None:
    geoms = result.geometries
    live = [i for i in idx if geoms[i] is not None]
    if len(live) < 2:
        return
    arr = np.asarray([geoms[i] for i in live], dtype=object)
    left, right = shapely.STRtree(arr).query(arr, predicate="intersects")
    cuts: dict[int, list] = {}
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        if a >= b:
            continue
        i, j = live[a], live[b]
        pieces = polygon_parts(shapely.intersection(arr[a], arr[b]))
        narrow = [p for p in pieces if is_narrow(p, tol)]
        wide = sum(p.area for p in pieces if not is_narrow(p, tol))
        if narrow:
            smaller = i if arr[a].area < arr[b].area else j
            cuts.setdefault(smaller, []).extend(narrow)
            result.slivers += len(narrow)
            result.sliver_m2 += sum(p.area for p in narrow)
        if wide > REPORT_M2:
            result.overlaps.append((i, j, wide))
    for i, pieces in cuts.items():
        geoms[i] = tidy(shapely.difference(geoms[i], shapely.union_all(pieces)))


def _gaps(result: FitResult, idx: list[int], region: shapely.Geometry | None, tol: float,
          community: str) -> None:
    geoms = result.geometries
    live = [i for i in idx if geoms[i] is not None]
    if not live:
        return
    arr = np.asarray([geoms[i] for i in live], dtype=object)
    covered = shapely.union_all(arr)
    if region is None:
        closed = shapely.buffer(shapely.buffer(covered, tol / 2 * 1.001, join_style="mitre",
                                               mitre_limit=10.0),
                                -tol / 2 * 1.001, join_style="mitre", mitre_limit=10.0)
        space = shapely.difference(closed, covered)
        holes = [shapely.Polygon(r) for p in polygon_parts(covered) for r in p.interiors]
        space = shapely.union_all([space, *holes])
    else:
        space = shapely.difference(region, covered)
    tree = shapely.STRtree(arr)
    gains: dict[int, list] = {}
    for piece in polygon_parts(space):
        near = tree.query(piece, predicate="dwithin", distance=max(tol, 0.01))
        if is_narrow(piece, tol) and len(near):
            contact = shapely.area(shapely.intersection(
                shapely.buffer(piece, max(tol, 0.01)), arr[near]))
            owner = live[int(near[int(np.argmax(contact))])]
            gains.setdefault(owner, []).append(piece)
            result.gaps_closed += 1
            result.gap_closed_m2 += piece.area
        elif piece.area > REPORT_M2:
            result.gaps.append(([live[int(k)] for k in sorted(near.tolist())], piece.area,
                                community))
    for i, pieces in gains.items():
        geoms[i] = tidy(shapely.union_all([geoms[i], *pieces]))

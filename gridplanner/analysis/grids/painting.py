"""More Qt-free geometry for the cell editing tools: communities, paint, rebuild.

Complements :mod:`gridplanner.analysis.grids.editing`: which community a drawn
cell lies in, which buildings a paint brush or lasso touches, and cell
outlines rebuilt from the buildings painted into them (clipped to their
community, so painting alone gives a gap-free grid).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.grids.editing import outlines_from_buildings
from gridplanner.analysis.grids.tallies import assign_points, building_points
from gridplanner.errors import AnalysisError
from gridplanner.model.plan import Plan
from gridplanner.model.schema import CellKind

XY = tuple[float, float]
#: rebuilt outlines: shared edges simplified within this many metres
SIMPLIFY_M = 1.5
#: parts of a rebuilt outline smaller than this (m²) are slivers of the overlay, dropped
MIN_PART_M2 = 0.01


def polygon_parts(geom: shapely.Geometry | None, min_area: float = 0.0) -> list[shapely.Polygon]:
    """The polygons inside ``geom`` (any type), larger than ``min_area``, largest first."""
    if geom is None or geom.is_empty:
        return []
    parts = [p for p in shapely.get_parts(geom) if p is not None]
    out: list[shapely.Polygon] = []
    for p in parts:
        if isinstance(p, shapely.Polygon):
            if p.area > min_area:
                out.append(p)
        elif hasattr(p, "geoms"):
            out.extend(polygon_parts(p, min_area))
    return sorted(out, key=lambda p: -p.area)


def as_polygonal(geom: shapely.Geometry | None, min_area: float = 0.0
                 ) -> shapely.Geometry | None:
    """A Polygon or MultiPolygon of the polygon parts of ``geom`` larger than
    ``min_area`` (None when none)."""
    parts = polygon_parts(geom, min_area)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def community_at(geometry: shapely.Geometry, communities: pd.DataFrame) -> str:
    """Name of the community holding most of ``geometry`` ("" when none touches it)."""
    if len(communities) == 0 or geometry is None or geometry.is_empty:
        return ""
    geoms = np.asarray(communities.geometry.values, dtype=object)
    overlap = shapely.area(shapely.intersection(geoms, geometry))
    best = int(np.argmax(overlap))
    if overlap[best] <= 0:
        return ""
    return str(communities["name"].iloc[best])


def community_geometry(plan: Plan, name: str) -> shapely.Geometry | None:
    """The (unioned) outline of the community called ``name``, or None."""
    comms = plan.communities()
    rows = comms[comms["name"].astype(str) == str(name)]
    if len(rows) == 0:
        return None
    return shapely.make_valid(shapely.union_all(np.asarray(rows.geometry.values, dtype=object)))


def nearest_vertex(geometries: Sequence[shapely.Geometry], xy: XY, tolerance: float
                   ) -> XY | None:
    """The vertex of ``geometries`` nearest ``xy`` if within ``tolerance``, else None."""
    geoms = np.asarray([g for g in geometries if g is not None], dtype=object)
    if len(geoms) == 0:
        return None
    coords = shapely.get_coordinates(geoms)
    d = np.hypot(coords[:, 0] - xy[0], coords[:, 1] - xy[1])
    i = int(np.argmin(d))
    return (float(coords[i, 0]), float(coords[i, 1])) if d[i] <= tolerance else None


def nearest_edge_point(geometries: Sequence[shapely.Geometry], xy: XY) -> XY | None:
    """The point on the outlines of ``geometries`` nearest ``xy`` (None without any)."""
    rings = [shapely.boundary(g) for g in geometries if g is not None and not g.is_empty]
    if not rings:
        return None
    line = shapely.shortest_line(shapely.Point(xy), shapely.union_all(rings))
    end = shapely.get_point(line, 1)
    return (float(end.x), float(end.y))


def buildings_in_stroke(geometries: np.ndarray, path: Sequence[XY], radius: float) -> np.ndarray:
    """Positions of the buildings a brush of ``radius`` touches along ``path``."""
    if len(geometries) == 0 or not path:
        return np.empty(0, dtype=np.int64)
    stroke = shapely.Point(path[0]) if len(path) == 1 else shapely.LineString(path)
    area = stroke.buffer(radius, quad_segs=8)
    return np.flatnonzero(shapely.intersects(geometries, area))


def buildings_in_lasso(geometries: np.ndarray, ring: Sequence[XY]) -> np.ndarray:
    """Positions of the buildings whose representative point lies inside the lasso."""
    if len(geometries) == 0 or len(ring) < 3:
        return np.empty(0, dtype=np.int64)
    lasso = shapely.make_valid(shapely.Polygon(ring))
    return np.flatnonzero(shapely.intersects(lasso, building_points(geometries)))


def painted_cells(plan: Plan, column: str) -> pd.Series:
    """The painted cell fid of each building (Int64, NA where not painted or cell gone)."""
    frame = plan.buildings.frame
    if column not in frame.columns:
        return pd.Series(pd.array([pd.NA] * len(frame), dtype="Int64"), index=frame.index)
    values = pd.to_numeric(frame[column].astype("string"), errors="coerce").round()
    values = values.astype("Int64")
    return values.where(values.isin(plan.cells.frame.index), pd.NA)


@dataclass
class Rebuild:
    """New outlines by cell fid, and what could not be rebuilt."""

    #: None for a cell whose buildings were all painted into other cells
    geometries: dict[int, shapely.Geometry | None] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def building_labels(plan: Plan, column: str) -> pd.Series:
    """The cell of every building: where it was painted, else the cell holding it (Int64)."""
    return painted_cells(plan, column).fillna(_current_cells(plan))


def rebuild_outlines(plan: Plan, column: str, communities: Sequence[str] | None = None,
                     only: Collection[int] | None = None) -> Rebuild:
    """Outlines of the comprehensive cells derived from their buildings.

    A building counts for the cell it was painted into (``column`` of the
    buildings layer), else for the cell that holds it now. Each community is
    split among its cells by nearness to their buildings. Dedicated cells and
    cells without buildings (a park) keep their outline and are cut out
    first, so the result has no gap and no overlap; a cell whose buildings
    were all painted away gets no outline (None). With ``only``, just those
    cells change (a paint stroke reshapes the cells it took buildings from
    and the one it painted into; the rest of the community stays), sharing
    only the area they hold and the footprints painted into them: a gap
    elsewhere in the community, and any unassigned building in it, stays out.
    """
    cells = plan.cells.frame
    label = building_labels(plan, column)
    names = communities or sorted(set(cells["community"].astype(str)))
    out = Rebuild()
    for name in names:
        _rebuild_community(plan, str(name), label, out, only)
    if not out.geometries and not out.problems:
        raise AnalysisError("no cell has buildings to rebuild its outline from")
    return out


def _current_cells(plan: Plan) -> pd.Series:
    cells = plan.cells.frame
    geoms = np.asarray(cells.geometry.values, dtype=object)
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    fids = np.asarray(cells.index, dtype=np.int64)[ok]
    where = assign_points(geoms[ok], building_points(plan.buildings.frame.geometry.values))
    values = [int(fids[w]) if w >= 0 else pd.NA for w in where]
    return pd.Series(pd.array(values, dtype="Int64"), index=plan.buildings.frame.index)


def _rebuild_community(plan: Plan, name: str, label: pd.Series, out: Rebuild,
                       only: Collection[int] | None = None) -> None:
    area = community_geometry(plan, name)
    if area is None:
        out.problems.append(f"community {name!r}: the plan has no such community")
        return
    cells = plan.cells.frame
    mine = cells[cells["community"].astype(str) == name]
    ours = mine[mine["kind"].astype(str) != CellKind.DEDICATED.value]
    if only is not None:
        ours = ours[ours.index.isin(list(only))]
    blds = plan.buildings.frame
    points = building_points(np.asarray(blds.geometry.values, dtype=object))
    inside = shapely.intersects(area, points) if len(points) else np.zeros(0, bool)
    labelled = label.isin(ours.index).to_numpy() & inside
    with_buildings = set(int(v) for v in label[labelled])
    if not with_buildings:
        return
    fixed, emptied = _fixed_cells(mine, ours, with_buildings, points[labelled])
    if only is not None:  # only the area these cells hold now (and the footprints painted in)
        loose = points[inside & label.isna().to_numpy()]
        region = _area_of(ours, blds.geometry.values[labelled], area, mine, loose)
    else:
        region = area
    region = shapely.difference(region, shapely.union_all(fixed)) if fixed else region
    for fid in emptied:
        out.geometries[fid] = None
    labels = [int(v) for v in label[labelled]]
    painted = outlines_from_buildings(region, blds.geometry.values[labelled], labels)
    parts: dict[int, shapely.Geometry] = simplify_outlines(painted, points[labelled], labels)
    for fid, geom in parts.items():
        poly = as_polygonal(geom, min_area=MIN_PART_M2)
        if poly is None:
            out.problems.append(f"cell {fid}: nothing left of its outline")
            continue
        out.geometries[int(fid)] = poly


def _area_of(cells: pd.DataFrame, footprints: np.ndarray, community: shapely.Geometry,
             everyone: pd.DataFrame, loose: np.ndarray) -> shapely.Geometry:
    """What cells being repainted may share: the area they hold now, the
    footprints painted into them, and the open gaps of the community next to
    those (no cell there, no unassigned building in it). A gap holding an
    unassigned building, or not touching the cells, stays out: a repaint never
    grows a detached exclave nor silently takes buildings nobody painted."""
    def valid(frame: pd.DataFrame) -> list:
        return [g for g in frame.geometry.values if g is not None and not g.is_empty]

    feet = [g for g in footprints if g is not None and shapely.get_type_id(g) in (3, 6)]
    held = shapely.intersection(
        shapely.union_all(np.asarray(valid(cells) + feet, dtype=object)), community)
    taken = valid(everyone)
    gaps = shapely.difference(community, shapely.union_all(np.asarray(taken, dtype=object))) \
        if taken else community
    parts = np.asarray(polygon_parts(gaps, MIN_PART_M2), dtype=object)
    if len(parts):
        open_ = ~np.asarray([shapely.intersects(p, loose).any() if len(loose) else False
                             for p in parts], dtype=bool)
        near = shapely.intersects(parts, held) & open_
        if near.any():
            held = shapely.union_all(np.asarray([held, *parts[near]], dtype=object))
    return held


def _fixed_cells(mine: pd.DataFrame, ours: pd.DataFrame, with_buildings: set[int],
                 points: np.ndarray) -> tuple[list[shapely.Geometry], list[int]]:
    """Outlines that stay as they are, and our cells whose buildings all went elsewhere."""
    fixed, emptied = [], []
    for fid, geom in zip(mine.index, mine.geometry.values, strict=True):
        fid = int(fid)
        if fid in with_buildings or geom is None or geom.is_empty:
            continue
        if fid in ours.index and shapely.intersects(geom, points).any():
            emptied.append(fid)  # painted away: its area goes to the cells that got them
        else:
            fixed.append(geom)
    return fixed, emptied


def simplify_outlines(outlines: dict, points: np.ndarray, labels: Sequence[int],
                      tolerance: float = SIMPLIFY_M) -> dict:
    """Outlines of one community with their shared edges simplified (outer edge kept).

    Shared edges stay shared (``shapely.coverage_simplify``). The simplified
    outlines are used only when every building point stays in its cell and
    every outline stays valid; otherwise ``outlines`` come back unchanged.
    """
    if len(outlines) < 2:
        return outlines
    fids = list(outlines)
    geoms = np.asarray([outlines[f] for f in fids], dtype=object)
    try:
        simple = shapely.coverage_simplify(geoms, tolerance, simplify_boundary=False)
    except shapely.errors.GEOSException:
        return outlines
    if not shapely.is_valid(simple).all() or shapely.is_empty(simple).any():
        return outlines
    where = assign_points(simple, np.asarray(points, dtype=object))
    owner = np.asarray([fids[w] if w >= 0 else -1 for w in where])
    if not np.array_equal(owner, np.asarray(labels)):
        return outlines
    return dict(zip(fids, simple, strict=True))


def codes_for_new_cells(plan: Plan, rows: pd.DataFrame) -> list[str]:
    """Codes the plan's scheme gives ``rows`` (new cells) beside the existing cells.

    Existing valid codes are kept and new cells get the next free serials of
    their community; "" for rows without an outline or when codes cannot be
    made (e.g. the county code setting is not digits).
    """
    from gridplanner.analysis.grids.codes import assign_codes

    start = plan.cells.next_fid()
    new = rows.copy()
    new.index = pd.Index(np.arange(start, start + len(new), dtype=np.int64), name="fid")
    has_shape = [g is not None and not g.is_empty for g in new.geometry.values]
    frame = pd.concat([plan.cells.frame, new[has_shape]])
    try:
        codes = assign_codes(plan, cells=frame)
    except AnalysisError:
        return [""] * len(new)
    return [codes.get(int(f), "") for f in new.index]

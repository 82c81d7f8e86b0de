"""The geometry behind the cell editing tools (Qt-free, pure functions).

The map tools of the window call these and turn the results into undo
commands; nothing here changes a plan. Coordinates and tolerances are in
plan (map) units, i.e. metres. Functions that edit several cells at once
("topological" editing: a vertex shared by neighbouring cells moves in all
of them) take and return ``{fid: geometry}`` mappings and return only the
cells that changed.

Errors a user can cause (a split line that does not cross the cell, merging
cells that do not touch, a move that makes a cell cross itself) raise
:class:`~gridplanner.errors.AnalysisError` with a message fit for the user.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import ops

from gridplanner.analysis.grids.tallies import assign_points, building_points
from gridplanner.errors import AnalysisError

XY = tuple[float, float]


@dataclass(frozen=True)
class SnapResult:
    """Where a point snapped: ``kind`` is "vertex", "edge" or None (no snap)."""

    point: shapely.Point
    kind: str | None = None
    #: position of the snapped-to geometry in the sequence given
    index: int | None = None
    #: position of the vertex in ``shapely.get_coordinates(geometry)`` (vertex snaps)
    vertex: int | None = None
    distance: float = 0.0


def snap_point(xy: XY, geometries: Sequence[shapely.Geometry] | np.ndarray,
               tolerance: float) -> SnapResult:
    """Snap ``xy`` to the nearest vertex, else the nearest edge, within ``tolerance``.

    Vertices win over edges so corners are easy to hit.
    """
    pt = shapely.Point(xy)
    geoms = np.asarray(list(geometries), dtype=object)
    if len(geoms) == 0:
        return SnapResult(pt)
    near = np.flatnonzero(shapely.dwithin(geoms, pt, tolerance))
    if len(near) == 0:
        return SnapResult(pt)
    coords, owner = shapely.get_coordinates(geoms[near], return_index=True)
    d = np.hypot(coords[:, 0] - xy[0], coords[:, 1] - xy[1])
    best = int(np.argmin(d)) if len(d) else -1
    if best >= 0 and d[best] <= tolerance:
        index = int(near[owner[best]])
        first = int(np.flatnonzero(owner == owner[best])[0])
        return SnapResult(shapely.Point(coords[best]), "vertex", index, best - first,
                          float(d[best]))
    lines = shapely.shortest_line(shapely.boundary(geoms[near]), pt)
    lengths = shapely.length(lines)
    j = int(np.argmin(lengths))
    if lengths[j] <= tolerance:
        start = shapely.get_point(lines[j], 0)
        return SnapResult(start, "edge", int(near[j]), None, float(lengths[j]))
    return SnapResult(pt)


def polygon_parts(geom: shapely.Geometry, min_area: float = 0.0) -> list[shapely.Polygon]:
    """The polygons in ``geom`` (any geometry or collection) with area above ``min_area``."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, shapely.Polygon):
        return [geom] if geom.area > min_area else []
    if isinstance(geom, shapely.MultiPolygon | shapely.GeometryCollection):
        return [p for g in shapely.get_parts(geom) for p in polygon_parts(g, min_area)]
    return []


def _as_polygonal(parts: list[shapely.Polygon]) -> shapely.Geometry:
    if not parts:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def clip_new_cell(polygon: shapely.Geometry, others: Sequence[shapely.Geometry] = (),
                  community: shapely.Geometry | None = None,
                  min_area: float = 0.01) -> shapely.Geometry:
    """A newly drawn cell cut to its community and to the space other cells leave.

    Pieces smaller than ``min_area`` (m²) are dropped. The result may have
    several parts when the free space is split; raises AnalysisError when
    nothing is left.
    """
    shape = shapely.make_valid(polygon)
    if community is not None:
        shape = shapely.intersection(shape, community)
    others_arr = np.asarray([g for g in others if g is not None], dtype=object)
    if len(others_arr):
        touching = others_arr[shapely.intersects(others_arr, shape)]
        if len(touching):
            shape = shapely.difference(shape, shapely.union_all(touching))
    parts = polygon_parts(shape, min_area)
    if not parts:
        raise AnalysisError("the new cell lies entirely in other cells or outside its community")
    return _as_polygonal(parts)


def split_polygon(polygon: shapely.Geometry, line: shapely.LineString) -> list[shapely.Polygon]:
    """Cut a cell in two or more by a polyline; pieces largest first."""
    if len(shapely.get_coordinates(line)) < 2:
        raise AnalysisError("a split line needs at least two points")
    pieces = polygon_parts(ops.split(polygon, line))
    if len(pieces) < 2:
        raise AnalysisError("the split line must cross the cell from one edge to another")
    return sorted(pieces, key=lambda p: -p.area)


def glue_neighbours(geometries: Mapping[int, shapely.Geometry], fid: int,
                    pieces: Sequence[shapely.Geometry], tolerance: float = 0.01
                    ) -> dict[int, shapely.Geometry]:
    """Neighbours of a split cell with the split's end points made vertices of theirs.

    Where the split line meets the cell's edge, the pieces get a new vertex;
    a neighbour across that edge gets it too, so the edge keeps the same
    vertices on both sides and a later vertex drag moves both (no gap, no
    overlap). Returns only the neighbours that changed.
    """
    return glue_changes(geometries, {fid: shapely.union_all(list(pieces))}, tolerance)


def glue_changes(geometries: Mapping[int, shapely.Geometry],
                 changed: Mapping[int, shapely.Geometry | None], tolerance: float = 0.01
                 ) -> dict[int, shapely.Geometry]:
    """Cells beside ``changed`` ones (new outlines by fid, e.g. rebuilt from paint)
    with the changed cells' new vertices on their edges made vertices of theirs,
    so shared edges keep the same vertices on both sides. Returns only the
    neighbours that changed."""
    olds = [geometries[k] for k in changed if geometries.get(k) is not None]
    before = {tuple(np.round(xy, 6))
              for xy in shapely.get_coordinates(np.asarray(olds, dtype=object))}
    news = np.asarray([g for g in changed.values() if g is not None], dtype=object)
    new = [tuple(xy) for xy in shapely.get_coordinates(news)
           if tuple(np.round(xy, 6)) not in before]
    others = {k: g for k, g in geometries.items() if k not in changed and g is not None}
    out: dict[int, shapely.Geometry] = {}
    for xy in dict.fromkeys(new):
        changed = insert_shared_vertex({**others, **out}, xy, tolerance)
        out.update(changed)
    return out


def merge_polygons(polygons: Sequence[shapely.Geometry]) -> shapely.Polygon:
    """One cell from several adjacent cells; raises AnalysisError if they do not share edges."""
    if len(polygons) < 2:
        raise AnalysisError("select at least two cells to merge")
    merged = shapely.union_all(np.asarray(list(polygons), dtype=object))
    if not isinstance(merged, shapely.Polygon):
        raise AnalysisError("the cells do not share an edge, so they cannot be merged into one")
    return merged


# -- vertices -------------------------------------------------------------------
def _map_rings(geom: shapely.Geometry, fn: Callable[[np.ndarray], np.ndarray]) -> shapely.Geometry:
    """Apply ``fn`` to the closed coordinate array of every ring of a (multi)polygon."""
    def polygon(p: shapely.Polygon) -> shapely.Polygon:
        shell = fn(np.asarray(p.exterior.coords)[:, :2])
        holes = [fn(np.asarray(r.coords)[:, :2]) for r in p.interiors]
        return shapely.Polygon(shell, holes)

    if isinstance(geom, shapely.Polygon):
        return polygon(geom)
    return shapely.MultiPolygon([polygon(p) for p in shapely.get_parts(geom)])


def _insert_on_edges(coords: np.ndarray, xy: XY, tolerance: float) -> np.ndarray:
    """Insert ``xy`` (projected) into the nearest edge within tolerance, if no vertex is near."""
    p = np.asarray(xy, dtype=float)
    if (np.hypot(*(coords - p).T) <= tolerance).any():
        return coords
    a, b = coords[:-1], coords[1:]
    ab = b - a
    denom = (ab ** 2).sum(1)
    t = np.clip(((p - a) * ab).sum(1) / np.where(denom == 0, 1, denom), 0, 1)
    proj = a + t[:, None] * ab
    d = np.hypot(*(proj - p).T)
    i = int(np.argmin(d))
    if d[i] > tolerance:
        return coords
    return np.vstack([coords[:i + 1], proj[i], coords[i + 1:]])


def insert_vertex(geometry: shapely.Geometry, xy: XY, tolerance: float) -> shapely.Geometry:
    """Add a vertex on the edge nearest ``xy`` (projected onto it, so the outline is unchanged)."""
    out = _map_rings(geometry, lambda c: _insert_on_edges(c, xy, tolerance))
    if len(shapely.get_coordinates(out)) == len(shapely.get_coordinates(geometry)):
        raise AnalysisError("no edge of the cell within reach of the point, or a vertex is there")
    return out


def insert_shared_vertex(geometries: Mapping[int, shapely.Geometry], xy: XY,
                         tolerance: float) -> dict[int, shapely.Geometry]:
    """Add a vertex at ``xy`` to every cell with an edge there; returns the changed cells."""
    out = {}
    for fid in _near(geometries, xy, tolerance):
        g = geometries[fid]
        new = _map_rings(g, lambda c: _insert_on_edges(c, xy, tolerance))
        if len(shapely.get_coordinates(new)) != len(shapely.get_coordinates(g)):
            out[fid] = new
    return out


def _drop_vertex(coords: np.ndarray, xy: XY, tolerance: float) -> np.ndarray:
    d = np.hypot(coords[:-1, 0] - xy[0], coords[:-1, 1] - xy[1])
    i = int(np.argmin(d))
    if d[i] > tolerance:
        return coords
    if len(coords) <= 4:
        raise AnalysisError("a ring needs at least three vertices; this one cannot lose another")
    ring = np.delete(coords[:-1], i, axis=0)
    return np.vstack([ring, ring[:1]])


def delete_vertex(geometry: shapely.Geometry, xy: XY, tolerance: float) -> shapely.Geometry:
    """Remove the vertex nearest ``xy`` (within tolerance)."""
    out = _map_rings(geometry, lambda c: _drop_vertex(c, xy, tolerance))
    if len(shapely.get_coordinates(out)) == len(shapely.get_coordinates(geometry)):
        raise AnalysisError("no vertex of the cell within reach of the point")
    return _checked({0: out})[0]


def delete_shared_vertex(geometries: Mapping[int, shapely.Geometry], xy: XY,
                         tolerance: float) -> dict[int, shapely.Geometry]:
    """Remove the vertex at ``xy`` from every cell that has it; returns the changed cells."""
    out = {}
    for fid in _near(geometries, xy, tolerance):
        g = geometries[fid]
        new = _map_rings(g, lambda c: _drop_vertex(c, xy, tolerance))
        if len(shapely.get_coordinates(new)) != len(shapely.get_coordinates(g)):
            out[fid] = new
    return _checked(out)


def move_vertex(geometries: Mapping[int, shapely.Geometry], old_xy: XY, new_xy: XY,
                tolerance: float, check: bool = True) -> dict[int, shapely.Geometry]:
    """Move the vertex at ``old_xy`` to ``new_xy`` in every cell that shares it.

    Cells whose edge passes through ``old_xy`` without a vertex there get one
    first, so neighbours stay glued together (no gap, no overlap). Returns
    the new geometry of every changed cell; with ``check`` raises
    AnalysisError when a cell would become invalid (cross itself).
    """
    old = np.asarray(old_xy, dtype=float)
    new = np.asarray(new_xy, dtype=float)

    def shift(coords: np.ndarray) -> np.ndarray:
        coords = _insert_on_edges(coords, old_xy, tolerance)
        hit = np.hypot(*(coords - old).T) <= tolerance
        coords = coords.copy()
        coords[hit] = new
        return coords

    out = {fid: _map_rings(geometries[fid], shift)
           for fid in _near(geometries, old_xy, tolerance)}
    return _checked(out) if check else out


def _near(geometries: Mapping[int, shapely.Geometry], xy: XY, tolerance: float) -> list[int]:
    """Keys of the geometries within ``tolerance`` of ``xy`` (one vectorised test)."""
    keys = list(geometries)
    if not keys:
        return []
    geoms = np.asarray([geometries[k] for k in keys], dtype=object)
    hit = shapely.dwithin(geoms, shapely.Point(xy), tolerance)
    return [k for k, h in zip(keys, hit, strict=True) if h]


def _checked(geometries: dict) -> dict:
    for fid, g in geometries.items():
        if not shapely.is_valid(g):
            raise AnalysisError(f"cell {fid} would become invalid: {shapely.is_valid_reason(g)}")
    return geometries


# -- outlines from buildings -------------------------------------------------------
def _site_points(sites: np.ndarray, spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """Points standing for each site: its outline densified, or the point itself."""
    outlines = shapely.segmentize(shapely.boundary(sites), spacing)
    is_point = shapely.get_type_id(sites) == 0
    outlines = np.where(is_point, sites, outlines)
    coords, owner = shapely.get_coordinates(outlines, return_index=True)
    reps = shapely.get_coordinates(building_points(sites))
    coords = np.vstack([reps, coords])
    owner = np.concatenate([np.arange(len(sites)), owner])
    keys = np.round(coords, 3)
    _, first = np.unique(keys, axis=0, return_index=True)
    first = np.sort(first)
    return coords[first], owner[first]


def voronoi_partition(region: shapely.Geometry,
                      sites: Sequence[shapely.Geometry] | np.ndarray,
                      labels: Sequence[Hashable] | None = None,
                      spacing: float | None = None,
                      grid_size: float | None = None) -> dict[Hashable, shapely.Geometry]:
    """Split ``region`` among sites (buildings) so each label gets the area nearest its sites.

    Polygon sites stand as their outlines densified every ``spacing`` metres,
    so the cuts run between buildings rather than through them. Parts are
    dissolved per label and clipped to ``region``; together they cover it.
    ``grid_size`` sets the precision grid of the clipping overlay.
    """
    arr = np.asarray(list(sites), dtype=object)
    labs = list(range(len(arr))) if labels is None else list(labels)
    if len(arr) == 0:
        return {}
    if spacing is None:
        spacing = float(np.clip(np.sqrt(region.area / max(len(arr), 1)) / 8.0, 1.0, 20.0))
    coords, owner = _site_points(arr, spacing)
    if len(coords) < 2 or len(set(labs)) == 1:
        return {labs[0]: region}
    minx, miny, maxx, maxy = region.bounds
    pad = max(maxx - minx, maxy - miny) + 1.0
    extent = shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.MultiPoint(coords),
                                                       extend_to=extent, ordered=True))
    for bad in np.flatnonzero(shapely.get_type_id(cells) != 3):
        # GEOS sometimes returns a cell as a collection with a degenerate line in it
        cells[bad] = _as_polygonal(polygon_parts(cells[bad]))
    keys = list(dict.fromkeys(labs))
    index_of = {key: i for i, key in enumerate(keys)}
    code = np.asarray([index_of[key] for key in labs], dtype=np.int64)[owner]
    order = np.argsort(code, kind="stable")
    bounds = np.searchsorted(code[order], np.arange(len(keys) + 1))
    out: dict[Hashable, shapely.Geometry] = {}
    for i, key in enumerate(keys):
        members = cells[order[bounds[i]:bounds[i + 1]]]
        if len(members):
            part = shapely.intersection(_dissolve(members), region, grid_size=grid_size)
            polygons = polygon_parts(part)  # drop slivers collapsed to lines on the grid
            if polygons:
                out[key] = _as_polygonal(polygons)
    return out


def _dissolve(cells: np.ndarray) -> shapely.Geometry:
    """Union of Voronoi cells: the fast coverage union, or a full union when GEOS
    left the cells not exactly noded."""
    try:
        return shapely.coverage_union_all(cells)
    except shapely.errors.GEOSException:
        return shapely.union_all(cells)


def outlines_from_buildings(community: shapely.Geometry, buildings: Sequence[shapely.Geometry],
                            cell_of_building: Sequence[Hashable],
                            spacing: float | None = None,
                            exclude: Sequence[shapely.Geometry] = ()
                            ) -> dict[Hashable, shapely.Geometry]:
    """Cell outlines from painted buildings.

    Each cell gets the part of the community nearer its buildings than any
    other cell's (cuts run between footprints), so painting alone makes a
    gap-free, overlap-free grid. Area in ``exclude`` (dedicated cells) is cut
    out first. Returns {cell key: outline}.
    """
    area = community
    if len(exclude):
        area = shapely.difference(area, shapely.union_all(np.asarray(list(exclude), dtype=object)))
    return voronoi_partition(area, buildings, cell_of_building, spacing)


def repaint_cells(outlines: Mapping[Hashable, shapely.Geometry],
                  buildings: Sequence[shapely.Geometry], cell_of_building: Sequence[Hashable],
                  spacing: float | None = None) -> dict[Hashable, shapely.Geometry]:
    """New outlines for a few neighbouring cells after buildings were repainted among them.

    Only the area of the given cells is redistributed (by the same Voronoi
    rule as :func:`outlines_from_buildings`), so every other cell stays as it
    is. ``buildings`` are the buildings of these cells with their new cell
    keys. A given cell left without buildings comes back as an empty polygon
    (the tool deletes it).
    """
    keys = list(outlines)
    region = shapely.union_all(np.asarray([outlines[k] for k in keys], dtype=object))
    unknown = set(cell_of_building) - set(keys)
    if unknown:
        raise AnalysisError(f"buildings were painted to cell {sorted(map(str, unknown))[0]}, "
                            "which is not among the cells being redrawn")
    parts = voronoi_partition(region, buildings, cell_of_building, spacing)
    return {k: parts.get(k, shapely.Polygon()) for k in keys}


def assign_buildings(cells: Sequence[shapely.Geometry], buildings: Sequence[shapely.Geometry]
                     ) -> np.ndarray:
    """Position of the cell holding each building's representative point, or -1."""
    return assign_points(np.asarray(list(cells), dtype=object),
                         building_points(np.asarray(list(buildings), dtype=object)))

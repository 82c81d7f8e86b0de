"""Regular grid cells: squares or hexagons of a given size, clipped to communities.

The simplest way to start a grid plan: tile each community with squares
(``size`` = side) or flat-topped hexagons (``size`` = distance between
opposite edges, so both shapes have comparable widths), clip the tiles to the
community and drop what falls outside. Pieces much smaller than a tile that a
concave boundary leaves behind are merged into the neighbour they share the
longest edge with, so there are no splinter cells.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import shapely

from gridplanner.analysis.grids.editing import polygon_parts
from gridplanner.errors import AnalysisError
from gridplanner.model.schema import CellKind

SHAPES = ("square", "hex")
#: pieces smaller than this share of a full tile are merged into a neighbour
SLIVER_SHARE = 0.15


def cells_from_extent(bounds: tuple[float, float, float, float], size: float,
                      shape: str = "square") -> np.ndarray:
    """Tiles of ``shape`` covering ``bounds`` (minx, miny, maxx, maxy).

    Square tiles start at the lower-left corner; hexagons are flat-topped with
    ``size`` between opposite edges. Returns an array of polygons.
    """
    if size <= 0 or not math.isfinite(size):
        raise AnalysisError(f"cell size must be a positive number of metres, got {size}")
    if shape not in SHAPES:
        raise AnalysisError(f"unknown cell shape {shape!r} (square or hex)")
    minx, miny, maxx, maxy = bounds
    count = ((maxx - minx) / size + 2) * ((maxy - miny) / size + 2)
    if count > 2_000_000:
        raise AnalysisError(f"a cell size of {size:g} m makes about {count:,.0f} cells; "
                            "choose a larger size")
    if shape == "square":
        return _squares(minx, miny, maxx, maxy, size)
    return _hexagons(minx, miny, maxx, maxy, size)


def _squares(minx: float, miny: float, maxx: float, maxy: float, size: float) -> np.ndarray:
    xs = minx + size * np.arange(max(1, math.ceil((maxx - minx) / size)))
    ys = miny + size * np.arange(max(1, math.ceil((maxy - miny) / size)))
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    return shapely.box(gx, gy, gx + size, gy + size)


def _hexagons(minx: float, miny: float, maxx: float, maxy: float, size: float) -> np.ndarray:
    # Vertices sit on a lattice of (r/2, size/2) steps, computed from integers,
    # so neighbouring hexagons share exactly the same coordinates.
    r = size / math.sqrt(3.0)  # circumradius of a flat-topped hexagon of width `size`
    ncol = math.ceil((maxx - minx) / (1.5 * r)) + 2
    nrow = math.ceil((maxy - miny) / size) + 2
    col_grid, row_grid = np.meshgrid(np.arange(ncol), np.arange(nrow))
    cols, rows = col_grid.ravel(), row_grid.ravel()
    ix = 3 * cols
    iy = 2 * rows + (cols % 2)
    dx = np.array([2, 1, -1, -2, -1, 1])
    dy = np.array([0, 1, 1, 0, -1, -1])
    ring_x = minx + (r / 2.0) * (ix[:, None] + dx[None, :])
    ring_y = miny + (size / 2.0) * (iy[:, None] + dy[None, :])
    return shapely.polygons(np.stack([ring_x, ring_y], axis=-1))


def tile_polygon(area: shapely.Geometry, size: float, shape: str = "square") -> list[shapely.Polygon]:
    """Single-part pieces of ``area`` cut by tiles, with splinters merged away."""
    if area is None or area.is_empty:
        return []
    tiles = cells_from_extent(area.bounds, size, shape)
    tiles = tiles[shapely.intersects(tiles, area)]
    clipped = shapely.intersection(tiles, area)
    pieces: list[shapely.Polygon] = []
    for g in clipped:
        pieces.extend(polygon_parts(g))
    full = float(shapely.area(tiles[0])) if len(tiles) else size * size
    return _merge_splinters(pieces, SLIVER_SHARE * full)


def _merge_splinters(pieces: list[shapely.Polygon], min_area: float) -> list[shapely.Polygon]:
    """Merge pieces below ``min_area`` into the neighbour sharing the longest edge."""
    pieces = list(pieces)
    stuck: set[int] = set()
    while True:
        arr = np.asarray(pieces, dtype=object)
        areas = shapely.area(arr)
        small = [i for i in np.argsort(areas, kind="stable")
                 if areas[i] < min_area and id(pieces[i]) not in stuck]
        if not small:
            return pieces
        i = int(small[0])
        near = np.flatnonzero(shapely.intersects(arr, pieces[i]))
        near = near[near != i]
        shared = shapely.length(shapely.intersection(shapely.boundary(arr[near]),
                                                     pieces[i].boundary)) if len(near) else []
        merged = None
        if len(near) and np.max(shared) > 0:
            j = int(near[int(np.argmax(shared))])
            merged = shapely.union(pieces[i], pieces[j])
        if isinstance(merged, shapely.Polygon):
            pieces[j] = merged
            del pieces[i]
        else:
            stuck.add(id(pieces[i]))


def grid_communities(communities: gpd.GeoDataFrame, size: float, shape: str = "square",
                     exclude: shapely.Geometry | None = None) -> gpd.GeoDataFrame:
    """Regular cells for each community, as rows for the plan's cells layer.

    Parameters
    ----------
    communities
        Community boundaries (``name`` column, polygon geometry).
    size
        Square side or hexagon width in metres.
    shape
        ``"square"`` or ``"hex"``.
    exclude
        Area already taken (dedicated cells); it is cut out of every community.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``community``, ``kind`` (comprehensive) and geometry.
    """
    rows: list[dict] = []
    for _, row in communities.iterrows():
        area = row.geometry
        if area is None or area.is_empty:
            continue
        if exclude is not None and not exclude.is_empty:
            area = shapely.difference(area, exclude)
        for piece in tile_polygon(area, size, shape):
            rows.append({"community": str(row["name"]), "kind": CellKind.COMPREHENSIVE.value,
                         "geometry": piece})
    return gpd.GeoDataFrame(rows, columns=["community", "kind", "geometry"],
                            geometry="geometry", crs=communities.crs)

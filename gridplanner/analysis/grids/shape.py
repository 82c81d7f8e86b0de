"""How planners judge a grid's shape: compactness, holes, parts, boundaries on streets.

- Polsby-Popper compactness, 4πA/P²: 1 for a disc, about 0.785 for a square,
  under 0.2 for a ring, a frame or a long strip;
- a holed cell (one cell wrapping round another) and a cell in several parts
  are what a planner redraws first;
- the street share: of the boundary between neighbouring cells, the share
  that runs along a street, a compound wall or another cut line given (a
  grid worker walks the street, not through a courtyard).
"""

from __future__ import annotations

import math

import numpy as np
import shapely

#: a cell edge within this distance (metres) of a street or wall runs along it
ON_LINE = 1.0


def polsby_popper(geoms: np.ndarray) -> np.ndarray:
    """4πA/P² of each geometry (0 for an empty one)."""
    geoms = np.asarray(geoms, dtype=object)
    length = shapely.length(geoms)
    return 4 * math.pi * shapely.area(geoms) / np.maximum(length ** 2, 1e-12)


def holed_count(geoms: np.ndarray) -> int:
    """Cells with a hole of at least 1 m² (a cell wrapped round another)."""
    out = 0
    for g in np.asarray(geoms, dtype=object):
        for p in shapely.get_parts(g):
            if any(shapely.Polygon(r).area >= 1.0 for r in getattr(p, "interiors", [])):
                out += 1
                break
    return out


def multipart_count(geoms: np.ndarray) -> int:
    """Cells in more than one part."""
    return int((shapely.get_num_geometries(np.asarray(geoms, dtype=object)) > 1).sum())


def street_share(geoms: np.ndarray, lines: np.ndarray) -> float:
    """Share of the boundary between cells (not the community edge) along ``lines``.

    Returns 1.0 when the cells have no inner boundary.
    """
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) < 2:
        return 1.0
    union = shapely.union_all(geoms)
    rings = shapely.union_all(shapely.boundary(geoms))
    inner = shapely.difference(rings, shapely.buffer(shapely.boundary(union), 0.01))
    total = shapely.length(inner)
    if total <= 0:
        return 1.0
    lines = np.asarray(lines, dtype=object)
    if len(lines) == 0:
        return 0.0
    near = shapely.buffer(shapely.union_all(lines), ON_LINE, quad_segs=2)
    return float(shapely.length(shapely.intersection(inner, near)) / total)


def shape_metrics(geoms: np.ndarray, lines: np.ndarray | None = None) -> dict[str, float]:
    """Polsby-Popper mean and minimum, holed and multi-part cells and, given
    the streets and walls, the street share (see the module notes)."""
    geoms = np.asarray(geoms, dtype=object)
    pp = polsby_popper(geoms) if len(geoms) else np.zeros(1)
    out = {"polsby_popper_mean": float(pp.mean()), "polsby_popper_min": float(pp.min()),
           "holed_cells": float(holed_count(geoms)),
           "multipart_cells": float(multipart_count(geoms))}
    if lines is not None:
        out["street_share"] = street_share(geoms, lines)
    return out

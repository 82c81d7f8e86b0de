"""A seeded plan with many building footprints, for benchmarks.

Buildings are rotated rectangles (10–40 m by 8–16 m) placed on a jittered
lattice inside street blocks, with a street grid and communities around
them, so the plan looks like a district at any zoom level.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from gridplanner.model import Plan

CRS = "EPSG:32650"
ORIGIN = (440000.0, 4420000.0)


def building_footprints(n: int, seed: int = 0, spacing: float = 45.0, block: int = 4,
                        street: float = 20.0) -> tuple[np.ndarray, float]:
    """``n`` footprint polygons and the side length of the square they fill."""
    rng = np.random.default_rng(seed)
    side_count = int(np.ceil(np.sqrt(n)))
    ij = np.stack(np.divmod(np.arange(n), side_count), axis=1).astype(float)
    pitch = spacing * block + street  # one block of `block` × `block` buildings plus a street
    pos = (ij // block) * pitch + (ij % block) * spacing + spacing / 2
    pos += rng.uniform(-6, 6, size=(n, 2))
    length = rng.uniform(10, 40, n)
    width = rng.uniform(8, 16, n)
    angle = rng.normal(0, 0.25, n)
    corners = np.array([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5], [-0.5, -0.5]])
    local = corners[None, :, :] * np.stack([length, width], axis=1)[:, None, :]
    c, s = np.cos(angle)[:, None], np.sin(angle)[:, None]
    xy = np.stack([local[..., 0] * c - local[..., 1] * s, local[..., 0] * s + local[..., 1] * c],
                  axis=-1)
    xy += pos[:, None, :] + np.array(ORIGIN)
    extent = float(np.ceil(side_count / block) * pitch)
    return shapely.polygons(xy), extent


def synthetic_plan(n_buildings: int = 100_000, seed: int = 0) -> Plan:
    """A plan with ``n_buildings`` buildings, streets and a few communities."""
    rng = np.random.default_rng(seed)
    polys, extent = building_footprints(n_buildings, seed)
    x0, y0 = ORIGIN
    plan = Plan(name=f"synthetic {n_buildings}", crs=CRS)
    households = rng.integers(6, 120, n_buildings)
    plan.buildings.add(gpd.GeoDataFrame(
        {"name": [f"B{i}" for i in range(n_buildings)], "households": households,
         "residents": np.round(households * 2.6)},
        geometry=polys, crs=CRS))
    k = 4
    step = extent / k
    boxes = [shapely.box(x0 + i * step, y0 + j * step, x0 + (i + 1) * step, y0 + (j + 1) * step)
             for j in range(k) for i in range(k)]
    plan.boundaries.add(gpd.GeoDataFrame(
        {"level": ["community"] * len(boxes), "name": [f"社区{i + 1}" for i in range(len(boxes))]},
        geometry=boxes, crs=CRS))
    pitch = 45.0 * 4 + 20.0
    lines = int(extent // pitch) + 1
    ticks = x0 + np.arange(lines) * pitch - 10
    streets = [shapely.LineString([(t, y0), (t, y0 + extent)]) for t in ticks]
    streets += [shapely.LineString([(x0, y0 + t - x0), (x0 + extent, y0 + t - x0)]) for t in ticks]
    plan.network.add(gpd.GeoDataFrame({"highway": ["residential"] * len(streets)},
                                      geometry=streets, crs=CRS))
    return plan

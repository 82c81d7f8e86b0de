"""Seeded synthetic cities for benchmarks: perturbed street grids with
buildings and centres, at 10k / 100k / 1M street edges.

A city of ``n_edges`` edges is a square grid of about sqrt(n_edges / 2)
crossings a side, 100 m blocks, crossings moved up to 20 m at random and 3 %
of the street segments removed; one building (a 20 × 14 m footprint) per
five edges placed in the blocks, one centre per 500 edges, every centre
offering a random subset of the six basic services. Same seed, same city.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from gridplanner.model import Plan

CRS = "EPSG:32650"
ORIGIN = (400000.0, 4400000.0)
SERVICES = ("childcare", "elderly_care", "health", "food", "culture", "public_affairs")
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}


def street_network(n_edges: int, seed: int = 0, block: float = 100.0) -> tuple[np.ndarray, int]:
    """LineStrings of a perturbed grid with about ``n_edges`` segments; and its side."""
    rng = np.random.default_rng(seed)
    side = max(2, int(round(np.sqrt(n_edges / 2.0))))
    ii, jj = np.meshgrid(np.arange(side + 1), np.arange(side + 1), indexing="ij")
    x = ORIGIN[0] + ii * block + rng.uniform(-20, 20, ii.shape)
    y = ORIGIN[1] + jj * block + rng.uniform(-20, 20, ii.shape)
    node = lambda i, j: i * (side + 1) + j  # noqa: E731
    h = (node(ii[:-1, :], jj[:-1, :]).ravel(), node(ii[1:, :], jj[1:, :]).ravel())
    v = (node(ii[:, :-1], jj[:, :-1]).ravel(), node(ii[:, 1:], jj[:, 1:]).ravel())
    a = np.concatenate([h[0], v[0]])
    b = np.concatenate([h[1], v[1]])
    keep = rng.random(len(a)) > 0.03
    a, b = a[keep], b[keep]
    xy = np.column_stack([x.ravel(), y.ravel()])
    coords = np.stack([xy[a], xy[b]], axis=1).reshape(-1, 2)
    lines = shapely.linestrings(coords, indices=np.repeat(np.arange(len(a)), 2))
    return lines, side


def synthetic_city(n_edges: int, seed: int = 0, buildings_per_edge: float = 0.2,
                   edges_per_centre: int = 500) -> Plan:
    """A plan with network, buildings, centres and one community."""
    rng = np.random.default_rng(seed + 1)
    lines, side = street_network(n_edges, seed)
    extent = side * 100.0
    n_b = int(len(lines) * buildings_per_edge)
    bx = ORIGIN[0] + rng.uniform(0, extent, n_b)
    by = ORIGIN[1] + rng.uniform(0, extent, n_b)
    hh = rng.integers(20, 120, n_b).astype(float)
    n_c = max(3, len(lines) // edges_per_centre)
    cx = ORIGIN[0] + rng.uniform(0, extent, n_c)
    cy = ORIGIN[1] + rng.uniform(0, extent, n_c)
    services = [";".join(sorted(rng.choice(SERVICES, rng.integers(1, 5), replace=False)))
                for _ in range(n_c)]
    plan = Plan(name=f"synthetic {n_edges}", crs=CRS)
    box = shapely.box(ORIGIN[0], ORIGIN[1], ORIGIN[0] + extent, ORIGIN[1] + extent)
    plan.boundaries.add(gpd.GeoDataFrame({"level": ["community"], "name": ["合成社区"]},
                                         geometry=[box], crs=CRS))
    plan.network.add(gpd.GeoDataFrame({"highway": np.full(len(lines), "residential")},
                                      geometry=lines, crs=CRS))
    plan.buildings.add(gpd.GeoDataFrame(
        {"households": hh, "residents": np.round(hh * 2.6)},
        geometry=shapely.box(bx - 10, by - 7, bx + 10, by + 7), crs=CRS))
    plan.centres.add(gpd.GeoDataFrame(
        {"name": [f"centre {i}" for i in range(n_c)], "services": services},
        geometry=shapely.points(cx, cy), crs=CRS))
    return plan

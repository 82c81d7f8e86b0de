"""Independent reference for walking distances, and perturbed street grids.

The reference inserts every join point into a networkx graph (splitting the
edges) and runs networkx's multi-source Dijkstra: it shares no code with
gridplanner.analysis beyond shapely.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import networkx as nx
import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factories import CRS, street_grid_plan  # noqa: E402


def perturbed_grid_plan(nx_: int = 6, ny: int = 4, seed: int = 1, jitter: float = 18.0,
                        n_centres: int = 3):
    """A street grid whose crossings, buildings and centres are moved at random."""
    rng = np.random.default_rng(seed)
    plan = street_grid_plan(nx=nx_, ny=ny, seed=seed)
    moves: dict[tuple[float, float], tuple[float, float]] = {}

    def move(x: float, y: float) -> tuple[float, float]:
        key = (round(x, 3), round(y, 3))
        if key not in moves:
            dx, dy = rng.uniform(-jitter, jitter, 2)
            moves[key] = (x + dx, y + dy)
        return moves[key]

    net = plan.network.frame
    lines = []
    for g in net.geometry:
        (x0, y0), (x1, y1) = g.coords[0], g.coords[-1]
        a, b = move(x0, y0), move(x1, y1)
        mid = ((a[0] + b[0]) / 2 + rng.uniform(-6, 6), (a[1] + b[1]) / 2 + rng.uniform(-6, 6))
        lines.append(shapely.LineString([a, mid, b]))
    plan.network.replace(gpd.GeoDataFrame({"highway": ["residential"] * len(lines)},
                                          geometry=lines, crs=CRS))
    b = plan.buildings.frame
    shifted = [shapely.affinity.translate(g, *rng.uniform(-7, 7, 2)) for g in b.geometry]
    plan.buildings.set_geometries(dict(zip(b.index, shifted, strict=True)))
    x0, y0, x1, y1 = plan.extent()
    pts = [shapely.Point(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(n_centres)]
    services = ["health;food", "food", "culture"] * n_centres
    plan.centres.replace(gpd.GeoDataFrame({"name": [f"c{i}" for i in range(n_centres)],
                                           "services": services[:n_centres]},
                                          geometry=pts, crs=CRS))
    return plan


def reference_distances(lines: list, targets: list, sources: list) -> np.ndarray:
    """Walking distance from each target point to the nearest source point."""
    g = nx.Graph()
    joins: dict[int, list[tuple[float, object]]] = {i: [] for i in range(len(lines))}

    def attach(point, label):
        d = [ln.distance(point) for ln in lines]
        i = int(np.argmin(d))
        s = lines[i].project(point)
        joins[i].append((s, ("j", label)))
        g.add_edge(label, ("j", label), weight=d[i])

    for k, p in enumerate(targets):
        attach(p, ("t", k))
    for k, p in enumerate(sources):
        attach(p, ("s", k))
    for i, ln in enumerate(lines):
        a = tuple(np.round(ln.coords[0], 2))
        b = tuple(np.round(ln.coords[-1], 2))
        chain = [(0.0, a)] + sorted(joins[i], key=lambda x: x[0]) + [(ln.length, b)]
        for (s0, n0), (s1, n1) in zip(chain[:-1], chain[1:], strict=True):
            w = s1 - s0
            if g.has_edge(n0, n1):
                w = min(w, g[n0][n1]["weight"])
            g.add_edge(n0, n1, weight=w)
    src = [("s", k) for k in range(len(sources))]
    dist = nx.multi_source_dijkstra_path_length(g, src, weight="weight") if src else {}
    return np.array([dist.get(("t", k), np.inf) for k in range(len(targets))])

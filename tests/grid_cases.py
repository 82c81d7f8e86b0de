"""Irregular plans for the grid-cell tests: wobbly communities, bent streets, scattered buildings."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from gridplanner.model import Plan

CRS = "EPSG:32650"
X0, Y0 = 440000.0, 4420000.0


def wobbly_polygon(cx: float, cy: float, radius: float, rng: np.random.Generator,
                   n: int = 24) -> shapely.Polygon:
    """A concave, irregular polygon around (cx, cy)."""
    angles = np.sort(rng.uniform(0, 2 * np.pi, n))
    radii = radius * rng.uniform(0.6, 1.0, n)
    return shapely.Polygon(np.c_[cx + radii * np.cos(angles), cy + radii * np.sin(angles)])


def bent_streets(bounds: tuple[float, float, float, float], spacing: float,
                 rng: np.random.Generator) -> list[shapely.LineString]:
    """Roughly gridded streets with kinks, not aligned with anything."""
    minx, miny, maxx, maxy = bounds
    lines = []
    for x in np.arange(minx + spacing / 2, maxx, spacing):
        ys = np.linspace(miny - 10, maxy + 10, 6)
        lines.append(shapely.LineString(np.c_[x + rng.normal(0, spacing / 10, 6), ys]))
    for y in np.arange(miny + spacing / 2, maxy, spacing):
        xs = np.linspace(minx - 10, maxx + 10, 6)
        lines.append(shapely.LineString(np.c_[xs, y + rng.normal(0, spacing / 10, 6)]))
    return lines


def scatter_buildings(area: shapely.Geometry, count: int, rng: np.random.Generator,
                      households: tuple[int, int] = (10, 80),
                      streets: list[shapely.LineString] | None = None) -> list[dict]:
    """Small rectangular buildings with random households inside ``area``, off the streets."""
    minx, miny, maxx, maxy = area.bounds
    road = shapely.buffer(shapely.union_all(streets), 3.0) if streets else shapely.Polygon()
    shapely.prepare(road)
    rows: list[dict] = []
    taken: list[tuple[float, float]] = []
    while len(rows) < count:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        foot = shapely.box(x - 6, y - 4, x + 6, y + 4)
        clear = all(abs(x - u) > 14 or abs(y - v) > 10 for u, v in taken[-400:]) if \
            count <= 400 else True
        if clear and area.contains(foot) and not road.intersects(foot):
            taken.append((x, y))
            hh = int(rng.integers(households[0], households[1] + 1))
            rows.append({"households": hh, "residents": round(hh * 2.7), "geometry": foot})
    return rows


def irregular_plan(seed: int = 1, buildings: tuple[int, int] = (60, 45),
                   spacing: float = 120.0) -> Plan:
    """Two irregular neighbouring communities cut by bent streets."""
    rng = np.random.default_rng(seed)
    blob = wobbly_polygon(X0, Y0, 600.0, rng, 30)
    cut = shapely.LineString([(X0 + 40, Y0 - 900), (X0 - 60, Y0), (X0 + 30, Y0 + 900)])
    west, east = sorted(shapely.get_parts(shapely.ops.split(blob, cut)),
                        key=lambda p: p.centroid.x)[:2]
    plan = Plan(name="irregular", crs=CRS)
    plan.boundaries.add(gpd.GeoDataFrame(
        {"level": ["community", "community"], "name": ["东风社区", "西湖社区"],
         "code": ["", ""]},
        geometry=[west, east], crs=CRS))
    streets = bent_streets(blob.bounds, spacing, rng)
    rows = scatter_buildings(west, buildings[0], rng, streets=streets) + \
        scatter_buildings(east, buildings[1], rng, streets=streets)
    plan.buildings.add(gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS))
    plan.network.add(gpd.GeoDataFrame({"highway": ["residential"] * len(streets)},
                                      geometry=streets, crs=CRS))
    return plan


def large_community_plan(buildings: int = 3000, seed: int = 7) -> Plan:
    """One big community (about 2.5 km across) for the benchmarks."""
    rng = np.random.default_rng(seed)
    area = wobbly_polygon(X0, Y0, 1400.0, rng, 40)
    plan = Plan(name="large", crs=CRS)
    plan.boundaries.add(gpd.GeoDataFrame({"level": ["community"], "name": ["大社区"]},
                                         geometry=[area], crs=CRS))
    streets = bent_streets(area.bounds, 150.0, rng)
    rows = scatter_buildings(area, buildings, rng, (5, 40), streets)
    plan.buildings.add(gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS))
    plan.network.add(gpd.GeoDataFrame({"highway": ["residential"] * len(streets)},
                                      geometry=streets, crs=CRS))
    return plan

"""Small plans built in code, for tests of every layer of the package.

``street_grid_plan`` makes a perturbation-free street grid in a UTM zone:
streets every ``block`` metres, blocks holding ``per_block`` buildings, two
communities split down the middle street. Everything is deterministic for a
given seed, so tests can hand-work expected numbers.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from gridplanner.model import Plan

CRS = "EPSG:32650"  # UTM 50N (Beijing longitudes)
ORIGIN = (440000.0, 4420000.0)


def street_lines(nx: int, ny: int, block: float, origin=ORIGIN) -> list[shapely.LineString]:
    """One line per street segment between crossings (so the grid is noded)."""
    x0, y0 = origin
    lines = []
    for j in range(ny + 1):
        for i in range(nx):
            lines.append(shapely.LineString([(x0 + i * block, y0 + j * block),
                                             (x0 + (i + 1) * block, y0 + j * block)]))
    for i in range(nx + 1):
        for j in range(ny):
            lines.append(shapely.LineString([(x0 + i * block, y0 + j * block),
                                             (x0 + i * block, y0 + (j + 1) * block)]))
    return lines


def street_grid_plan(
    nx: int = 6,
    ny: int = 4,
    block: float = 100.0,
    per_block: int = 4,
    seed: int = 0,
    households: tuple[int, int] = (20, 60),
) -> Plan:
    rng = np.random.default_rng(seed)
    x0, y0 = ORIGIN
    plan = Plan(name="street grid", crs=CRS)
    half = nx // 2
    west = shapely.box(x0, y0, x0 + half * block, y0 + ny * block)
    east = shapely.box(x0 + half * block, y0, x0 + nx * block, y0 + ny * block)
    plan.boundaries.add(gpd.GeoDataFrame(
        {"level": ["subdistrict", "community", "community"],
         "name": ["示范街道", "东风社区", "西湖社区"],
         "code": ["001", "001", "002"],
         "parent": ["", "示范街道", "示范街道"]},
        geometry=[shapely.union(west, east), west, east], crs=CRS,
    ))
    rows = []
    side = int(np.ceil(np.sqrt(per_block)))
    cell = block / side
    for i in range(nx):
        for j in range(ny):
            for k in range(per_block):
                cx = x0 + i * block + (k % side + 0.5) * cell
                cy = y0 + j * block + (k // side + 0.5) * cell
                hh = int(rng.integers(households[0], households[1] + 1))
                rows.append({
                    "name": f"{i}-{j}-{k}",
                    "households": hh,
                    "residents": round(hh * 2.6),
                    "geometry": shapely.box(cx - 12, cy - 8, cx + 12, cy + 8),
                })
    plan.buildings.add(gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS))
    streets = street_lines(nx, ny, block)
    plan.network.add(gpd.GeoDataFrame(
        {"highway": ["residential"] * len(streets)}, geometry=streets, crs=CRS))
    plan.centres.add(gpd.GeoDataFrame(
        {"name": ["邻里中心", "卫生服务站"],
         "kind": ["neighbourhood_centre", "health_station"],
         "services": ["public_affairs;culture;elderly_care", "health"]},
        geometry=[shapely.Point(x0 + block, y0 + block), shapely.Point(x0 + 5 * block, y0 + 3 * block)],
        crs=CRS,
    ))
    return plan

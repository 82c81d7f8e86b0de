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


def district_plan(communities: int = 2, staffed: bool = True) -> Plan:
    """A district for benchmarks: 40×50 blocks, 8,000 buildings and 1,000 grid
    cells of 1×2 blocks, the blocks split into ``communities`` vertical strips.
    With ``staffed``, every cell has a leader, a full-time worker (phones set)
    and a grid Party branch of 3 full members."""
    import pandas as pd

    nx, ny, block = 40, 50, 100.0
    plan = street_grid_plan(nx=nx, ny=ny, block=block)
    x0, y0 = ORIGIN
    old = plan.boundaries.frame
    plan.boundaries.remove(list(old.index[old["level"] == "community"]))
    columns = nx // communities
    names = [f"第{k + 1}社区" for k in range(communities)]
    plan.boundaries.add(gpd.GeoDataFrame(
        {"level": "community", "name": names, "code": [f"{k + 1:03d}" for k in range(communities)],
         "parent": "示范街道"},
        geometry=[shapely.box(x0 + k * columns * block, y0, x0 + (k + 1) * columns * block,
                              y0 + ny * block) for k in range(communities)], crs=CRS))
    rows, serials = [], [0] * communities
    for j in range(ny // 2):
        for i in range(nx):
            k = i // columns
            serials[k] += 1
            rows.append({"code": f"000000001{k + 1:03d}{serials[k]:03d}",
                         "name": f"{names[k]}第{serials[k]}网格", "community": names[k],
                         "geometry": shapely.box(x0 + i * block, y0 + 2 * j * block,
                                                 x0 + (i + 1) * block, y0 + 2 * (j + 1) * block)})
    fids = plan.cells.add(gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS))
    if not staffed:
        return plan
    workers, branches, links = [], [], []
    for n, fid in enumerate(fids):
        for role in ("leader", "full_time"):
            workers.append({"name": f"员{len(workers)}", "phone": f"139{len(workers):08d}",
                            "role": role, "community": rows[n]["community"]})
            links.append((fid, "worker", len(workers)))
        branches.append({"name": f"{rows[n]['name']}党支部", "secretary": f"书记{n}",
                         "full_members": 3})
        links.append((fid, "branch", len(branches)))
    plan.workers.add(pd.DataFrame(workers, index=pd.RangeIndex(1, len(workers) + 1)))
    plan.branches.add(pd.DataFrame(branches, index=pd.RangeIndex(1, len(branches) + 1)))
    plan.assignments.add(pd.DataFrame(links, columns=["cell_fid", "target", "target_fid"]))
    return plan

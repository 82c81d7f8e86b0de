"""Grid cells and a roster on top of ``factories.street_grid_plan``.

The street grid is 6×4 blocks of 100 m; the west three block columns are
东风社区, the east three 西湖社区. ``add_cells`` puts one cell on every
column of 1×2 blocks: 12 cells, 6 per community, each about 8 buildings
(160–480 households). ``roster_plan`` gives every cell a leader, a full-time
worker and its own three-member Party branch, so it breaks no roster rule.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from factories import CRS, ORIGIN, street_grid_plan

from gridplanner.model import Plan

COMMUNITIES = ("东风社区", "西湖社区")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


def cell_code(community: int, serial: int) -> str:
    """A DB11 code: county 000000, sub-district 001, community, serial."""
    return f"000000001{community + 1:03d}{serial:03d}"


def add_cells(plan: Plan, block: float = 100.0) -> list[int]:
    """Twelve 1×2-block cells, numbered west to east then north to south."""
    x0, y0 = ORIGIN
    rows = []
    serials = [0, 0]
    for j in (1, 0):  # north row first
        for i in range(6):
            community = 0 if i < 3 else 1
            serials[community] += 1
            code = cell_code(community, serials[community])
            rows.append({
                "code": code,
                "name": f"{COMMUNITIES[community]}第{serials[community]}网格",
                "kind": "comprehensive",
                "community": COMMUNITIES[community],
                "geometry": shapely.box(x0 + i * block, y0 + j * 2 * block,
                                        x0 + (i + 1) * block, y0 + (j + 1) * 2 * block),
            })
    return plan.cells.add(gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS))


def person(n: int) -> tuple[str, str]:
    """A deterministic Chinese name and a unique mobile number."""
    return SURNAMES[n % len(SURNAMES)] + "晓" + "一二三四五六七八九十"[n // len(SURNAMES) % 10] \
        + str(n), f"1380000{n:04d}"


def roster_plan() -> Plan:
    """Cells with a full team and a branch each: no roster finding."""
    plan = street_grid_plan()
    fids = add_cells(plan)
    cells = plan.cells.frame
    workers, branches, links = [], [], []
    n = 0
    for fid in fids:
        community = str(cells.at[fid, "community"])
        for role in ("leader", "full_time"):
            name, phone = person(n)
            n += 1
            workers.append({"name": name, "phone": phone, "role": role, "community": community})
            links.append((fid, "worker", len(workers)))
        secretary = person(n)[0]
        n += 1
        branches.append({"name": f"{cells.at[fid, 'name']}党支部", "secretary": secretary,
                         "full_members": 3, "kind": "grid"})
        links.append((fid, "branch", len(branches)))
    plan.workers.add(pd.DataFrame(workers, index=pd.Index(range(1, len(workers) + 1))))
    plan.branches.add(pd.DataFrame(branches, index=pd.Index(range(1, len(branches) + 1))))
    plan.assignments.add(pd.DataFrame(links, columns=["cell_fid", "target", "target_fid"]))
    return plan


def unassigned_plan(workers_per_community: int = 14) -> Plan:
    """Cells and a pool of full-time workers with no assignments yet."""
    plan = street_grid_plan()
    add_cells(plan)
    rows = []
    for c, community in enumerate(COMMUNITIES):
        for k in range(workers_per_community):
            name, phone = person(100 * c + k)
            rows.append({"name": name, "phone": phone, "role": "full_time",
                         "community": community})
    plan.workers.add(pd.DataFrame(rows))
    return plan


def cell_fid(plan: Plan, code: str) -> int:
    cells = plan.cells.frame
    return int(cells.index[cells["code"] == code][0])

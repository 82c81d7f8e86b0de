"""People and places of the fictional demo: centres, grid workers, Party branches.

All names are generated from common surnames and given-name characters and
belong to nobody; phone numbers are 138-0000-xxxx, a fictional range.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import shapely

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩凯"
         "鹏飞晨欣怡佳颖雪梅海燕春林慧琳晓东德福安宁兴荣")
CN_NUMBERS = "零一二三四五六七八九十"

# (quadrant, block index in quadrant, where, name, kind, services, capacity, hours)
CENTRES = (
    ("NE", 2, "sw", "示范街道党建+邻里中心", "neighbourhood_centre",
     "public_affairs;culture;elderly_care;childcare;food", 3000, "08:30-20:30"),
    ("NE", 1, "c", "东风社区党群服务站", "party_station", "public_affairs;culture", 1500,
     "09:00-17:30"),
    ("NW", 0, "se", "北苑社区党群服务站", "party_station", "public_affairs;culture", 1500,
     "09:00-17:30"),
    ("SW", 0, "ne", "西湖社区党群服务站", "party_station", "public_affairs;culture", 1500,
     "09:00-17:30"),
    ("NW", 3, "ne", "北苑社区卫生服务站", "health_station", "health", 2000, "08:00-17:00"),
    ("SE", 2, "c", "南山社区卫生服务站", "health_station", "health", 2000, "08:00-17:00"),
    ("SW", 1, "c", "西湖日间照料中心（长者食堂）", "elderly_day_care", "elderly_care;food", 400,
     "07:30-18:30"),
    ("NE", 1, "se", "东风农贸市场", "market", "food", None, "06:00-19:00"),
    ("NW", 2, "sw", "北苑幼儿园", "childcare", "childcare", 300, "07:30-17:30"),
)


def cn_number(n: int) -> str:
    """1–99 in Chinese numerals (一, 十二, 二十三)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_NUMBERS[tens] + "十")
    return head + (CN_NUMBERS[ones] if ones else "") if n else CN_NUMBERS[0]


def _corner_point(block: shapely.Polygon, where: str) -> shapely.Point:
    x0, y0, x1, y1 = block.bounds
    c = block.centroid
    target = {"c": (c.x, c.y), "sw": (x0, y0), "se": (x1, y0), "ne": (x1, y1),
              "nw": (x0, y1)}[where]
    if where == "c":
        return block.representative_point() if not block.contains(c) else c
    edge = block.exterior.interpolate(block.exterior.project(shapely.Point(target)))
    dx, dy = c.x - edge.x, c.y - edge.y
    d = math.hypot(dx, dy) or 1.0
    return shapely.Point(edge.x + dx / d * 8.0, edge.y + dy / d * 8.0)


def centres_rows(by_quadrant: dict[str, list[shapely.Polygon]]) -> list[dict]:
    """The existing centres, placed on the demo's blocks (local metres)."""
    rows = []
    for q, index, where, name, kind, services, capacity, hours in CENTRES:
        rows.append({"name": name, "kind": kind, "services": services,
                     "capacity": float("nan") if capacity is None else float(capacity),
                     "hours": hours, "notes": "虚构示例",
                     "geometry": _corner_point(by_quadrant[q][index], where)})
    return rows


def _name_maker(rng: np.random.Generator):
    used: set[str] = set()

    def make() -> str:
        while True:
            given = "".join(rng.choice(list(GIVEN), size=int(rng.choice([1, 2], p=[0.35, 0.65]))))
            name = str(rng.choice(list(SURNAMES))) + given
            if name not in used:
                used.add(name)
                return name
    return make


def _community_households(plan) -> dict[str, float]:
    b = plan.buildings.frame
    return b.groupby("community")["households"].sum().to_dict()


def workers_frame(rng: np.random.Generator, plan) -> pd.DataFrame:
    """Grid workers per community: enough full-time workers for the most grids the
    household range allows (one per 300 households), two per grid (a worker and
    the one promoted to grid leader), plus part-timers, stewards and a supervisor."""
    make = _name_maker(rng)
    rows = []
    for community in plan.communities()["name"]:
        grids = max(3, math.ceil(_community_households(plan).get(community, 0) / 300))
        roles = (["supervisor"] + ["full_time"] * (2 * grids + 2)
                 + ["part_time"] * (grids // 2) + ["steward"] * 6)
        for role in roles:
            note = "街道下派干部" if role == "supervisor" else ""
            rows.append({"name": make(), "role": role, "community": community, "notes": note})
    for n, row in enumerate(rows, start=1):
        row["phone"] = f"138-0000-{n:04d}"
    frame = pd.DataFrame(rows, columns=["name", "phone", "role", "community", "notes"])
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def branches_frame(rng: np.random.Generator, plan) -> pd.DataFrame:
    """Compound, grid and joint Party branches; a few have fewer than 3 full members."""
    workers = plan.workers.frame
    compounds = plan.boundaries_at("compound")
    rows = []
    short = {("北苑社区", 3), ("南山社区", 2), ("南山社区", 4)}  # deliberately below 3 members
    for community in plan.communities()["name"]:
        leaders = list(workers[(workers["community"] == community)
                               & (workers["role"] == "full_time")]["name"])
        for name in compounds[compounds["parent"] == community]["name"]:
            rows.append({"name": f"{name}党支部", "kind": "compound",
                         "full_members": int(rng.integers(6, 26)), "community": community})
        grids = max(3, round(_community_households(plan).get(community, 0) / 400))
        for n in range(1, grids + 1):
            members = int(rng.integers(1, 3)) if (community, n) in short else int(rng.integers(3, 13))
            rows.append({"name": f"{community}第{cn_number(n)}网格党支部", "kind": "grid",
                         "full_members": members, "community": community})
        rows.append({"name": f"{community}第一联合党支部", "kind": "joint",
                     "full_members": int(rng.integers(5, 11)), "community": community})
        for row in rows:
            if row["community"] == community and "secretary" not in row:
                row["secretary"] = leaders[len([r for r in rows if "secretary" in r]) % len(leaders)]
    frame = pd.DataFrame(rows, columns=["name", "secretary", "full_members", "kind", "community"])
    frame["notes"] = ""
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame

"""The Party organisation of the fictional demo: grids, micro-grids, the tree, registers.

On top of the demo's buildings, centres, workers and branches:

- resident Party members per building (``group_党员``, about one per eight
  households, as the building data's Party-member column);
- balanced grid cells in every community (seed 0), named 东风社区第一网格 … in
  code order, the names of the grid Party branches;
- a community Party committee per community, every branch under it, compound
  branches naming their compound;
- micro-grids (30–80 households) in 东风社区, each with a building Party group
  under its grid's branch and Party-member households looking after about 12
  households each;
- registers: reporting Party members (双报到) living across the sub-district,
  those of 东风社区 assigned to their home grid; volunteer teams (a delivery
  riders' team among them); community staff on duty at the centres.

All names are generated and belong to nobody; phones are 138-0000-xxxx.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from sample_demo_people import cn_number

from gridplanner.analysis.grids.micro import (
    building_micro_grids,
    generate_micro_grids,
    replace_micro_grids,
)
from gridplanner.analysis.grids.partition import generate_cells, replace_cells
from gridplanner.analysis.people.organisation import building_compounds, join_fids
from gridplanner.analysis.people.register_assignment import (
    apply_register_items,
    propose_registers,
)
from gridplanner.model import Plan

ORG_SEED = 20240612
MICRO_COMMUNITY = "东风社区"
CARE_HOUSEHOLDS = 12
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩凯鹏飞晨欣怡佳颖"
WORK_UNITS = ("区财政局", "区教育局", "区卫生健康委", "市供电公司", "区人民法院", "市第一中学",
              "区税务局", "市自来水公司", "区市场监管局", "区人民医院")
TEAMS = (("邻里守望队", "巡逻;调解"), ("助老服务队", "助餐;陪护"), ("文明劝导队", "宣传;劝导"),
         ("外卖骑手志愿队", "跑腿;信息报送"), ("法律援助队", "法律咨询"))
POSTS = ("社区书记", "社区主任", "社工", "网格管理员", "党建专干")
DUTY_DAYS = ("周一;周三;周五", "周二;周四", "周六;周日", "周一;周二;周三;周四;周五")


class _Names:
    """Fresh fictional names (a private generator, so the demo's other names stay)."""

    def __init__(self, rng: np.random.Generator, used: set[str]):
        self.rng, self.used = rng, set(used)

    def __call__(self) -> str:
        while True:
            given = "".join(self.rng.choice(list(GIVEN), size=int(self.rng.choice([1, 2]))))
            name = str(self.rng.choice(list(SURNAMES))) + given
            if name not in self.used:
                self.used.add(name)
                return name


def _party_members(plan: Plan, rng: np.random.Generator) -> None:
    hh = plan.buildings.frame["households"].fillna(0).to_numpy(float)
    counts = rng.poisson(hh / 8.0).astype(float)
    plan.buildings.set_column("group_党员", dict(zip(plan.buildings.fids(), counts, strict=True)))


def _cells(plan: Plan) -> None:
    replace_cells(plan, generate_cells(plan, "balanced", seed=0).cells, None)
    cells = plan.cells.frame.sort_values(["community", "code"])
    names = {}
    for community, group in cells.groupby("community", sort=False):
        for n, fid in enumerate(group.index, start=1):
            names[int(fid)] = f"{community}第{cn_number(n)}网格"
    plan.cells.set_column("name", names)


def _tree(plan: Plan) -> dict[str, int]:
    """Committees, parents and compound names; returns the grid branch fid by cell name."""
    b = plan.branches.frame
    rows = [{"name": f"{c}大党委", "kind": "committee", "community": c,
             "full_members": int(b[b["community"] == c]["full_members"].sum()),
             "notes": "虚构示例"} for c in plan.communities()["name"]]
    fids = plan.branches.add(rows)
    committee = {r["community"]: f for r, f in zip(rows, fids, strict=True)}
    parents = {int(f): committee.get(str(c)) for f, c in b["community"].items()}
    plan.branches.set_column("parent_fid", parents)
    compound = b[b["kind"] == "compound"]
    plan.branches.set_column("compound", {int(f): str(n).removesuffix("党支部")
                                          for f, n in compound["name"].items()})
    grid = b[b["kind"] == "grid"]
    return {str(n).removesuffix("党支部"): int(f) for f, n in grid["name"].items()}


def _micro_and_groups(plan: Plan, grid_branch: dict[str, int], names: _Names) -> None:
    cells = plan.cells.frame
    codes = list(cells[cells["community"] == MICRO_COMMUNITY].sort_values("code")["code"])
    replace_micro_grids(plan, generate_micro_grids(plan, codes).micro)
    micro = plan.layer("micro_grids").frame
    where = building_micro_grids(plan)
    compounds = building_compounds(plan)
    b = plan.buildings.frame
    compound_branch = {str(c): int(f) for f, c in plan.branches.frame["compound"].items() if c}
    bounds = plan.boundaries.frame
    groups, homes = [], []
    for m, row in micro.iterrows():
        mine = b[where == m]
        mine = mine[mine["households"] > 0].sort_values("group_党员", ascending=False)
        if len(mine) == 0:
            continue
        first = int(mine.index[0])
        c = compounds.get(first, pd.NA)
        branch = compound_branch.get(str(bounds.at[int(c), "name"])) if pd.notna(c) else None
        if branch is None:
            branch = grid_branch.get(str(cells.at[int(row["cell_fid"]), "name"]))
        groups.append({"name": f"{mine.at[first, 'name']}党小组", "branch_fid": branch,
                       "members": int(mine["group_党员"].sum()), "micro_fid": int(m),
                       "buildings": join_fids(mine.index), "leader": names()})
        count = max(1, math.ceil(float(mine["households"].sum()) / CARE_HOUSEHOLDS))
        for k in range(count):
            home = int(mine.index[k % len(mine)])
            homes.append({"name": names(), "building_fid": home, "micro_fid": int(m),
                          "group": len(groups) - 1, "notes": "虚构示例"})
    group_fids = plan.layer("party_groups").add(groups)
    for home in homes:
        home["group_fid"] = group_fids[home.pop("group")]
    for n, home in enumerate(homes, start=1):
        home["phone"] = f"138-0000-{5000 + n:04d}"
    plan.layer("party_households").add(homes)


def _registers(plan: Plan, rng: np.random.Generator, names: _Names) -> None:
    b = plan.buildings.frame
    homes = b[b["households"] > 0]
    picks = rng.choice(np.asarray(homes.index), size=48, replace=False)
    members = [{"name": names(), "phone": f"138-0000-{6000 + n:04d}",
                "work_unit": WORK_UNITS[n % len(WORK_UNITS)],
                "home": str(homes.at[int(f), "name"]), "building_fid": int(f),
                "community": str(homes.at[int(f), "community"])}
               for n, f in enumerate(sorted(int(p) for p in picks))]
    plan.layer("party_members").add(members)
    communities = list(plan.communities()["name"])
    volunteers = [{"name": names(), "phone": f"138-0000-{7000 + n:04d}",
                   "team": TEAMS[n % len(TEAMS)][0], "skills": TEAMS[n % len(TEAMS)][1],
                   "community": communities[n % len(communities)]} for n in range(30)]
    plan.layer("volunteers").add(volunteers)
    items = [i for i in propose_registers(plan) if i.community == MICRO_COMMUNITY]
    apply_register_items(plan, items)
    centres = plan.centres.frame
    staff = []
    for n, (fid, name) in enumerate(centres["name"].items()):
        if "服务站" not in name and "邻里中心" not in name:
            continue
        for k in range(2):
            staff.append({"name": names(), "phone": f"138-0000-{8000 + 2 * n + k:04d}",
                          "post": POSTS[(n + k) % len(POSTS)], "centre_fid": int(fid),
                          "duty_days": DUTY_DAYS[(n + k) % len(DUTY_DAYS)]})
    plan.layer("staff").add(staff)


def add_organisation(plan: Plan) -> None:
    """Add grids, micro-grids, the Party organisation and the registers to the demo."""
    rng = np.random.default_rng(ORG_SEED)
    names = _Names(rng, set(plan.workers.frame["name"].astype(str)))
    _party_members(plan, rng)
    _cells(plan)
    grid_branch = _tree(plan)
    _micro_and_groups(plan, grid_branch, names)
    _registers(plan, rng, names)

"""The demo sub-district with grid cells, names and an accepted auto-assignment.

``demo_print_plan()`` loads ``sample_maps/demo_subdistrict.gpkg``, partitions
every community into balanced cells (:mod:`gridplanner.analysis.grids.partition`),
names them 北苑社区第一网格 … in code order, ties each to the grid Party branch
of the same name where the roster has one, and accepts the automatic
assignment of workers (:mod:`gridplanner.analysis.people.assignment`). Built once
per test session (the partition takes a few seconds).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gridplanner.analysis.grids.partition import generate_cells, replace_cells
from gridplanner.analysis.people.assignment import apply_proposal, propose_assignment
from gridplanner.io.plan_file.project import load_plan, save_plan
from gridplanner.model import Plan

DEMO = Path(__file__).resolve().parent.parent / "sample_maps" / "demo_subdistrict.gpkg"
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (up to 99)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def name_cells(plan: Plan) -> dict[int, str]:
    """Name every cell after its community and its serial in code order."""
    cells = plan.cells.frame.sort_values(["community", "code"])
    names: dict[int, str] = {}
    for _, group in cells.groupby("community", sort=False):
        for k, fid in enumerate(group.index, start=1):
            names[int(fid)] = f"{group.at[fid, 'community']}第{chinese_number(k)}网格"
    plan.cells.set_column("name", names)
    return names


def link_branches(plan: Plan, names: dict[int, str]) -> int:
    """Tie each cell to the branch called "<cell name>党支部"; returns how many."""
    branches = plan.branches.frame
    by_name = {str(n): int(f) for f, n in branches["name"].items()}
    links = [(fid, "branch", by_name[f"{name}党支部"]) for fid, name in names.items()
             if f"{name}党支部" in by_name]
    plan.assignments.add(pd.DataFrame(links, columns=["cell_fid", "target", "target_fid"]))
    return len(links)


_built: list[Path] = []


def _demo_file(folder: str) -> Path:
    if _built and _built[0].exists():  # one partition per test session
        return _built[0]
    plan = load_plan(DEMO)
    result = generate_cells(plan)
    replace_cells(plan, result.cells)
    link_branches(plan, name_cells(plan))
    apply_proposal(plan, propose_assignment(plan))
    path = Path(folder) / "demo_print.gpkg"
    save_plan(plan, path)
    _built[:] = [path]
    return path


def demo_print_file(folder: Path) -> Path:
    """The demo plan with named, staffed cells, saved once in ``folder``."""
    return _demo_file(str(folder))


def demo_print_plan(folder: Path) -> Plan:
    return load_plan(demo_print_file(folder))

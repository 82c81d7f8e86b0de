"""Small queries behind roster editing: who is on a cell, which cell is where.

Qt-free helpers for the roster dock, the cell panel and drag-and-drop
assignment. They read the plan only; changes go through undo commands that
call the model's own methods.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import shapely

from gridplanner.model.plan import Plan
from gridplanner.model.schema import WorkerRole

TARGETS = ("worker", "branch")


@dataclass
class CellPerson:
    """One worker or branch on a cell, with the assignment row that puts it there."""

    target: str  # "worker" or "branch"
    fid: int
    assignment_fid: int
    name: str
    role: str = ""  # worker role or branch kind
    phone: str = ""  # worker phone; branch secretary is in ``secretary``
    secretary: str = ""
    full_members: int = 0


@dataclass
class CellSummary:
    """What a cell's panel shows."""

    fid: int
    code: str
    name: str
    community: str
    kind: str
    households: float = 0.0
    residents: float = 0.0
    responsible_unit: str = ""
    people: list[CellPerson] = field(default_factory=list)

    def with_role(self, *roles: str) -> list[CellPerson]:
        """The workers on the cell whose role is one of ``roles``."""
        return [p for p in self.people if p.target == "worker" and p.role in roles]

    @property
    def branches(self) -> list[CellPerson]:
        return [p for p in self.people if p.target == "branch"]


def check_target(target: str) -> str:
    if target not in TARGETS:
        raise ValueError(f"unknown assignment target {target!r} (worker or branch)")
    return target


def cell_at(plan: Plan, x: float, y: float) -> int | None:
    """The fid of the grid cell containing (x, y) in plan coordinates, or None.

    Where cells overlap the smallest wins (the most specific one).
    """
    cells = plan.cells.frame
    if len(cells) == 0:
        return None
    point = shapely.Point(x, y)
    hits = cells.sindex.query(point, predicate="intersects")
    if len(hits) == 0:
        return None
    areas = shapely.area(cells.geometry.to_numpy()[hits])
    return int(cells.index[hits[int(areas.argmin())]])


def assignments_of(
    plan: Plan, target: str, fids: list[int] | None = None, cell_fid: int | None = None
) -> list[int]:
    """Fids of the assignment rows of ``target`` (only ``fids``, only ``cell_fid``)."""
    a = plan.assignments.frame
    mask = a["target"] == check_target(target)
    if fids is not None:
        mask &= a["target_fid"].isin([int(f) for f in fids])
    if cell_fid is not None:
        mask &= a["cell_fid"] == int(cell_fid)
    return [int(f) for f in a.index[mask.fillna(False).to_numpy(dtype=bool)]]


def cells_by_target(plan: Plan, target: str) -> dict[int, list[int]]:
    """For every worker (or branch) fid, the fids of the cells it is assigned to."""
    a = plan.assignments.frame
    a = a[(a["target"] == check_target(target)) & a["cell_fid"].notna() & a["target_fid"].notna()]
    out: dict[int, list[int]] = {}
    for t, c in zip(a["target_fid"], a["cell_fid"], strict=True):
        cells = out.setdefault(int(t), [])
        if int(c) not in cells:
            cells.append(int(c))
    return out


def cell_codes(plan: Plan) -> dict[int, str]:
    """The code of every cell (``#fid`` when it has none)."""
    cells = plan.cells.frame
    return {int(f): (str(c) or f"#{int(f)}") for f, c in cells["code"].items()}


def cell_households(plan: Plan, fid: int) -> tuple[float, float]:
    """Households and residents of the buildings whose representative point is in cell ``fid``."""
    buildings = plan.buildings.frame
    geometry = plan.cells.geometry(fid)
    if len(buildings) == 0 or geometry is None:
        return 0.0, 0.0
    near = buildings.iloc[buildings.sindex.query(geometry, predicate="intersects")]
    if len(near) == 0:
        return 0.0, 0.0
    inside = shapely.intersects(geometry, near.geometry.representative_point().to_numpy())
    chosen = near[inside]
    households = pd.to_numeric(chosen["households"], errors="coerce").fillna(0).sum()
    residents = pd.to_numeric(chosen["residents"], errors="coerce").fillna(0).sum()
    return float(households), float(residents)


def summarise_cell(plan: Plan, fid: int) -> CellSummary:
    """The code, name, totals and people of one cell."""
    row = plan.cells.row(fid)
    households, residents = cell_households(plan, fid)
    summary = CellSummary(
        int(fid),
        str(row["code"]),
        str(row["name"]),
        str(row["community"]),
        str(row["kind"]),
        households,
        residents,
        str(row["responsible_unit"]),
    )
    a = plan.assignments.frame
    a = a[(a["cell_fid"] == int(fid)).fillna(False).to_numpy(dtype=bool)]
    workers, branches = plan.workers.frame, plan.branches.frame
    for afid, target, tfid in zip(a.index, a["target"], a["target_fid"], strict=True):
        if pd.isna(tfid):
            continue
        tfid = int(tfid)
        if target == "worker" and tfid in workers.index:
            w = workers.loc[tfid]
            summary.people.append(
                CellPerson(
                    "worker", tfid, int(afid), str(w["name"]), str(w["role"]), str(w["phone"])
                )
            )
        elif target == "branch" and tfid in branches.index:
            b = branches.loc[tfid]
            members = 0 if pd.isna(b["full_members"]) else int(b["full_members"])
            summary.people.append(
                CellPerson(
                    "branch",
                    tfid,
                    int(afid),
                    str(b["name"]),
                    str(b["kind"]),
                    secretary=str(b["secretary"]),
                    full_members=members,
                )
            )
    order = {r.value: i for i, r in enumerate(WorkerRole)}
    summary.people.sort(key=lambda p: (p.target != "worker", order.get(p.role, 99), p.name))
    return summary


def new_assignment_rows(
    plan: Plan, target: str, fids: list[int], cell_fid: int
) -> list[dict[str, object]]:
    """Assignment rows putting ``fids`` on ``cell_fid``, leaving out those already there."""
    present = set(
        plan.assignments.frame.loc[
            assignments_of(plan, target, fids, cell_fid), "target_fid"
        ].astype(int)
    )
    return [
        {"cell_fid": int(cell_fid), "target": check_target(target), "target_fid": int(f)}
        for f in dict.fromkeys(int(f) for f in fids)
        if f not in present
    ]

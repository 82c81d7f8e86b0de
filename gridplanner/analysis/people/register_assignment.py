"""Assign the registers (reporting Party members, volunteers, staff) to places.

A reporting Party member or a volunteer is assigned to a grid cell and, within
it, optionally a micro-grid (``cell_fid``, ``micro_fid``); a member of staff
to a centre (``centre_fid``). :func:`assign_person` makes one assignment (the
window's drag and drop, the table, ``gridplanner assign --register``).

:func:`propose_registers` proposes, for people not yet assigned:

1. every reporting Party member with a home building goes to the grid cell
   (and micro-grid) of that building;
2. volunteers are spread over the comprehensive cells of their community (all
   cells for volunteers with no community) one at a time, each to the cell
   with the most households per volunteer, which balances volunteers by
   households.

The proposal is accepted whole or in part (:func:`apply_register_items`), as
the roster's auto-assignment is.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd

from gridplanner.analysis.grids.tallies import building_cells, tally_cells
from gridplanner.analysis.people.organisation import building_micro
from gridplanner.errors import ModelError
from gridplanner.model.plan import Plan
from gridplanner.model.schema import CellKind

#: register table → what its people are assigned to
REGISTER_TARGETS = {"party_members": "cell", "volunteers": "cell", "staff": "centre"}
REPORTING_MEMBER = "reporting_member"
VOLUNTEER = "volunteer"


@dataclass
class RegisterItem:
    """One proposed assignment of a register person; ``id`` is what the user accepts."""

    id: str
    what: str
    register: str
    person_fid: int
    who: str
    cell: str
    cell_fid: int
    micro_fid: int | None
    reason: str
    community: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def register_table(name: str) -> str:
    """The plan table of a register given as ``party-members`` or ``party_members``."""
    table = name.replace("-", "_")
    if table not in REGISTER_TARGETS:
        raise ModelError(f"unknown register {name!r} (party-members, volunteers or staff)")
    return table


def assign_person(plan: Plan, register: str, fid: int, cell_fid: int | None = None,
                  micro_fid: int | None = None, centre_fid: int | None = None
                  ) -> dict[str, Any]:
    """Assign one person; returns the old values (for undo).

    A micro-grid implies its cell. Staff take a centre, the others a cell or
    micro-grid; all None clears the assignment.
    """
    table = plan.layer(register_table(register))
    table.row(fid)
    if REGISTER_TARGETS[table.name] == "centre":
        if cell_fid is not None or micro_fid is not None:
            raise ModelError("community staff are assigned to a centre, not to a grid")
        if centre_fid is not None:
            plan.centres.row(centre_fid)
        return table.set_attributes(fid, {"centre_fid": centre_fid})
    if centre_fid is not None:
        raise ModelError(f"{table.name.replace('_', ' ')} are assigned to a grid or a "
                         "micro-grid, not to a centre")
    if micro_fid is not None:
        micro = plan.layer("micro_grids").row(micro_fid)
        if pd.isna(micro["cell_fid"]):
            raise ModelError(f"micro-grid {micro['code'] or micro_fid} belongs to no grid")
        if cell_fid is not None and int(micro["cell_fid"]) != int(cell_fid):
            raise ModelError(f"micro-grid {micro['code'] or micro_fid} is not in that grid")
        cell_fid = int(micro["cell_fid"])
    values: dict[str, Any] = {"cell_fid": cell_fid, "micro_fid": micro_fid}
    if cell_fid is not None:
        cell = plan.cells.row(cell_fid)
        if not str(table.frame.at[int(fid), "community"]).strip():
            values["community"] = str(cell["community"])
    return table.set_attributes(fid, values)


def _cell_label(plan: Plan, fid: int) -> str:
    return str(plan.cells.frame.at[fid, "code"]) or f"#{fid}"


def propose_registers(plan: Plan) -> list[RegisterItem]:
    """Proposed assignments for unassigned reporting members and volunteers."""
    items: list[RegisterItem] = []
    _propose_members(plan, items)
    _propose_volunteers(plan, items)
    return items


def _propose_members(plan: Plan, items: list[RegisterItem]) -> None:
    members = plan.layer("party_members").frame
    todo = members[members["cell_fid"].isna() & members["building_fid"].notna()]
    if len(todo) == 0:
        return
    cells = building_cells(plan)
    micro = building_micro(plan)
    names = plan.buildings.frame["name"].astype(str)
    for fid, row in todo.iterrows():
        building = int(row["building_fid"])
        cell = cells.get(building, pd.NA)
        if pd.isna(cell):
            continue
        m = micro.get(building, pd.NA)
        label = _cell_label(plan, int(cell))
        items.append(RegisterItem(
            id=f"r{len(items) + 1}", what=REPORTING_MEMBER, register="party_members",
            person_fid=int(fid), who=str(row["name"]), cell=label, cell_fid=int(cell),
            micro_fid=None if pd.isna(m) else int(m),
            community=str(plan.cells.frame.at[int(cell), "community"]),
            reason=f"lives in building {names.get(building, '') or building} in grid {label}"))


def _propose_volunteers(plan: Plan, items: list[RegisterItem]) -> None:
    volunteers = plan.layer("volunteers").frame
    cells = plan.cells.frame
    comprehensive = cells[cells["kind"].astype(str) != CellKind.DEDICATED.value]
    todo = volunteers[volunteers["cell_fid"].isna()]
    if len(todo) == 0 or len(comprehensive) == 0:
        return
    households = tally_cells(plan)["households"]
    count: dict[int, int] = defaultdict(int)
    for c in volunteers["cell_fid"].dropna():
        count[int(c)] += 1
    by_community: dict[str, list[int]] = defaultdict(list)
    for fid, community in comprehensive["community"].astype(str).items():
        by_community[community].append(int(fid))
    everywhere = [int(f) for f in comprehensive.index]
    for fid, row in todo.iterrows():
        community = str(row["community"]).strip()
        pool = by_community.get(community, []) if community else everywhere
        if not pool:
            continue
        # the cell with the most households per volunteer (once this one joins)
        heap = [(-float(households.get(c, 0.0)) / (count[c] + 1), c) for c in pool]
        heapq.heapify(heap)
        _, cell = heap[0]
        count[cell] += 1
        label = _cell_label(plan, cell)
        items.append(RegisterItem(
            id=f"r{len(items) + 1}", what=VOLUNTEER, register="volunteers", person_fid=int(fid),
            who=str(row["name"]), cell=label, cell_fid=cell, micro_fid=None,
            community=str(cells.at[cell, "community"]),
            reason=f"grid {label} has {float(households.get(cell, 0.0)):.0f} households and "
                   f"{count[cell] - 1} volunteer(s)"))


def apply_register_items(plan: Plan, items: Iterable[RegisterItem],
                         accepted_ids: Iterable[str] | None = None) -> list[str]:
    """Apply the accepted items (all when ``accepted_ids`` is None); returns their ids."""
    chosen = list(items)
    if accepted_ids is not None:
        wanted = set(accepted_ids)
        chosen = [i for i in chosen if i.id in wanted]
    for item in chosen:
        table = plan.layer(item.register)
        if item.person_fid not in table.frame.index:
            raise ModelError(f"proposal item {item.id}: {item.who} is no longer in the register")
        if item.cell_fid not in plan.cells.frame.index:
            raise ModelError(f"proposal item {item.id}: grid {item.cell} no longer exists")
    for item in chosen:
        micro = item.micro_fid if item.micro_fid in plan.layer("micro_grids").frame.index \
            else None
        assign_person(plan, item.register, item.person_fid, item.cell_fid, micro)
    return [i.id for i in chosen]

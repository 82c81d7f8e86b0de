"""Tallies of the organisation and the registers per grid cell and community.

Per cell: micro-grids, resident Party members (the buildings' Party-member
column), Party-member households and the households they look after, Party
groups, reporting Party members (双报到) and volunteers assigned there. Per
community the same summed over its cells, with reporting members and
volunteers of the community not yet on a grid, and community staff.

A Party-member household counts in the cell of its micro-grid (else of its
building); a Party group in the cell of its micro-grid (else of its first
building).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from gridplanner.analysis.grids.tallies import building_cells
from gridplanner.analysis.people.organisation import (
    building_party_members,
    community_at,
    fids_in,
    household_micro,
    households_cared,
)
from gridplanner.model.plan import Plan

#: Columns of both tallies, in display order (``staff`` per community only).
ORG_COLUMNS = ("micro_grids", "party_members", "party_households", "households_cared",
               "party_groups", "reporting_members", "volunteers")


def _micro_cells(plan: Plan) -> dict[int, int]:
    micro = plan.layer("micro_grids").frame
    return {int(f): int(c) for f, c in micro["cell_fid"].items() if pd.notna(c)}


def _cell_of(micro: Any, building: Any, micro_cells: dict[int, int],
             cells: pd.Series) -> int | None:
    if pd.notna(micro) and int(micro) in micro_cells:
        return micro_cells[int(micro)]
    if pd.notna(building):
        c = cells.get(int(building), pd.NA)
        return None if pd.isna(c) else int(c)
    return None


def organisation_by_cell(plan: Plan) -> pd.DataFrame:
    """The organisation tallies of every cell, indexed by cell fid (floats)."""
    fids = [int(f) for f in plan.cells.frame.index]
    out = pd.DataFrame(0.0, index=pd.Index(fids, name="fid"), columns=list(ORG_COLUMNS))
    if not fids:
        return out
    micro_cells = _micro_cells(plan)
    cells = building_cells(plan) if len(plan.buildings) else pd.Series(dtype="Int64")

    def add(cell: int | None, column: str, value: float = 1.0) -> None:
        if cell is not None and cell in out.index:
            out.at[cell, column] += value

    for cell in micro_cells.values():
        add(cell, "micro_grids")
    members = building_party_members(plan)
    for building, count in members[members > 0].items():
        add(_cell_of(pd.NA, building, micro_cells, cells), "party_members", float(count))
    homes = plan.layer("party_households").frame
    cared = households_cared(plan)
    for fid, micro in household_micro(plan).items():
        home = _cell_of(micro, homes.at[fid, "building_fid"], micro_cells, cells)
        add(home, "party_households")
        add(home, "households_cared", float(cared.get(fid, 0.0)))
    groups = plan.layer("party_groups").frame
    for micro, buildings in zip(groups["micro_fid"], groups["buildings"], strict=True):
        first = fids_in(buildings)[:1]
        add(_cell_of(micro, first[0] if first else pd.NA, micro_cells, cells), "party_groups")
    for table, column in (("party_members", "reporting_members"), ("volunteers", "volunteers")):
        for micro, cell in zip(plan.layer(table).frame["micro_fid"],
                               plan.layer(table).frame["cell_fid"], strict=True):
            add(micro_cells.get(int(micro)) if pd.notna(micro) else
                (int(cell) if pd.notna(cell) else None), column)
    return out.round(2)


def organisation_by_community(plan: Plan) -> pd.DataFrame:
    """The organisation tallies of every community (and its staff), indexed by name."""
    names = list(dict.fromkeys(str(n) for n in plan.communities()["name"]))
    out = pd.DataFrame(0.0, index=pd.Index(names, name="community"),
                       columns=[*ORG_COLUMNS, "staff"])
    by_cell = organisation_by_cell(plan)
    communities = plan.cells.frame["community"].astype(str)
    for column in ("micro_grids", "party_members", "party_households", "households_cared",
                   "party_groups"):
        sums = by_cell[column].groupby(communities.reindex(by_cell.index)).sum()
        for name, value in sums.items():
            if name in out.index:
                out.at[name, column] = float(value)
    for table, column in (("party_members", "reporting_members"), ("volunteers", "volunteers"),
                          ("staff", "staff")):
        for name in _person_communities(plan, table):
            if name in out.index:
                out.at[name, column] += 1.0
    return out.round(2)


def _person_communities(plan: Plan, table: str) -> list[str]:
    """The community of each person of a register: their own, else their grid's or centre's."""
    frame = plan.layer(table).frame
    cells = plan.cells.frame
    out = []
    for _, row in frame.iterrows():
        name = str(row["community"]).strip()
        if not name and "cell_fid" in row.index and pd.notna(row["cell_fid"]) \
                and int(row["cell_fid"]) in cells.index:
            name = str(cells.at[int(row["cell_fid"]), "community"])
        if not name and "centre_fid" in row.index and pd.notna(row["centre_fid"]) \
                and int(row["centre_fid"]) in plan.centres.frame.index:
            name = community_at(plan, plan.centres.frame.at[int(row["centre_fid"]), "geometry"])
        out.append(name)
    return out


def organisation_totals(plan: Plan) -> dict[str, float]:
    """The plan's totals of every organisation column."""
    frame = organisation_by_community(plan)
    totals = {c: round(float(frame[c].sum()), 2) for c in frame.columns}
    by_cell = organisation_by_cell(plan)
    for c in ("micro_grids", "party_households", "households_cared", "party_groups"):
        totals[c] = round(float(max(totals[c], by_cell[c].sum())), 2)
    totals["party_members"] = float(building_party_members(plan).sum())
    totals["reporting_members"] = float(len(plan.layer("party_members")))
    totals["volunteers"] = float(len(plan.layer("volunteers")))
    totals["staff"] = float(len(plan.layer("staff")))
    return totals

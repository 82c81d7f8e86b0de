"""Propose the Party organisation from the building data's Party-member column.

``propose_organisation(plan)`` returns an :class:`OrgProposal`; the user
accepts all of it or some items (``apply_org_proposal``), as with the roster's
auto-assignment. Items, in the order they are applied:

1. ``committee``: a community Party committee (社区大党委) for every community
   that has branches or Party members but no committee;
2. ``compound_branch``: a compound branch for every walled compound with at
   least ``branch_min_members`` resident Party members and neither a compound
   branch nor a recorded reason (应建尽建), under the community's committee;
3. ``party_group``: a building Party group (楼栋党小组) for every building with
   at least ``branch_min_members`` resident Party members and no group yet,
   under the compound branch of its compound (existing or proposed in item 2)
   or else the Party branch of its grid cell.

Where a group has no branch to sit under the need is listed in ``unmet``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from gridplanner.analysis.grids.tallies import building_cells
from gridplanner.analysis.people.organisation import (
    building_compounds,
    building_party_members,
    committees,
    community_at,
    compound_branches,
    fids_in,
    join_fids,
)
from gridplanner.analysis.people.organisation_rules import compound_party_members
from gridplanner.errors import ModelError
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BoundaryLevel, BranchKind

COMMITTEE = "committee"
COMPOUND_BRANCH = "compound_branch"
PARTY_GROUP = "party_group"


@dataclass
class OrgItem:
    """One proposed part of the organisation; ``id`` is what the user accepts."""

    id: str
    what: str
    who: str
    reason: str
    community: str = ""
    compound: str = ""
    full_members: int = 0
    buildings: list[int] = field(default_factory=list)
    #: the existing branch this sits under (None: see ``parent_item``)
    parent_fid: int | None = None
    #: the proposed item this sits under, when that is accepted too
    parent_item: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class OrgProposal:
    items: list[OrgItem] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[OrgItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def to_json(self) -> dict[str, Any]:
        return {"items": [i.to_json() for i in self.items], "unmet": list(self.unmet)}


def propose_organisation(plan: Plan) -> OrgProposal:
    """What to add so the organisation follows the Party members the data show."""
    proposal = OrgProposal()
    tops = _propose_committees(plan, proposal)
    compounds = _propose_compound_branches(plan, proposal, tops)
    _propose_groups(plan, proposal, compounds)
    return proposal


def _add(proposal: OrgProposal, **kwargs: Any) -> OrgItem:
    item = OrgItem(id=f"o{len(proposal.items) + 1}", **kwargs)
    proposal.items.append(item)
    return item


def _propose_committees(plan: Plan, proposal: OrgProposal) -> dict[str, tuple[int | None, str]]:
    """Committee of each community: (existing fid, "") or (None, proposed item id)."""
    have = committees(plan)
    out: dict[str, tuple[int | None, str]] = {c: (f, "") for c, f in have.items()}
    members = building_party_members(plan)
    for name in plan.communities()["name"].astype(str):
        if name in out:
            continue
        has_branches = (plan.branches.frame["community"].astype(str) == name).any()
        if not has_branches and members.sum() == 0 and len(plan.branches) == 0:
            continue
        item = _add(proposal, what=COMMITTEE, who=f"{name}大党委", community=name,
                    reason=f"community {name} has no community Party committee")
        out[name] = (None, item.id)
    return out


def _propose_compound_branches(plan: Plan, proposal: OrgProposal,
                               tops: dict[str, tuple[int | None, str]]
                               ) -> dict[int, tuple[int | None, str]]:
    """Branch of each compound fid: (existing fid, "") or (None, proposed item id)."""
    minimum = plan.settings.branch_min_members
    members = compound_party_members(plan)
    served = compound_branches(plan)
    out: dict[int, tuple[int | None, str]] = {}
    for fid, row in plan.boundaries_at(BoundaryLevel.COMPOUND).iterrows():
        name = str(row["name"]).strip() or f"#{int(fid)}"
        if served.get(name):
            out[int(fid)] = (served[name][0], "")
            continue
        count = int(round(members.get(int(fid), 0.0)))
        if count < minimum or not bool(row["walled"]) or str(row["branch_reason"]).strip():
            continue
        community = community_at(plan, row.geometry) or str(row["parent"])
        top_fid, top_item = tops.get(community, (None, ""))
        item = _add(proposal, what=COMPOUND_BRANCH, who=f"{name}党支部", community=community,
                    compound=name, full_members=count, parent_fid=top_fid, parent_item=top_item,
                    reason=f"compound {name} has {count} resident Party members "
                           f"(at least {minimum}) and no compound branch")
        out[int(fid)] = (None, item.id)
    return out


def _grid_branch(plan: Plan, cell: Any) -> int | None:
    if pd.isna(cell):
        return None
    a = plan.assignments.frame
    hit = a[(a["target"] == "branch") & (a["cell_fid"] == int(cell))]["target_fid"].dropna()
    return int(hit.iloc[0]) if len(hit) else None


def _propose_groups(plan: Plan, proposal: OrgProposal,
                    compounds: dict[int, tuple[int | None, str]]) -> None:
    minimum = plan.settings.branch_min_members
    members = building_party_members(plan)
    heavy = members[members >= minimum]
    if len(heavy) == 0:
        return
    covered = {b for text in plan.layer("party_groups").frame["buildings"] for b in fids_in(text)}
    where = building_compounds(plan)
    cells = building_cells(plan)
    names = plan.buildings.frame["name"].astype(str)
    for fid, count in heavy.items():
        fid = int(fid)
        if fid in covered:
            continue
        label = names.get(fid, "") or f"#{fid}"
        compound = where.get(fid, pd.NA)
        parent_fid, parent_item = compounds.get(int(compound), (None, "")) \
            if pd.notna(compound) else (None, "")
        fallback = _grid_branch(plan, cells.get(fid, pd.NA))
        if parent_fid is None and not parent_item:
            parent_fid = fallback
        if parent_fid is None and not parent_item:
            proposal.unmet.append(f"building {label} has {count:.0f} Party members but no "
                                  "compound or grid branch to form a Party group under")
            continue
        cell = cells.get(fid, pd.NA)
        community = str(plan.cells.frame.at[int(cell), "community"]) if pd.notna(cell) else ""
        _add(proposal, what=PARTY_GROUP, who=f"{label}党小组", community=community,
             full_members=int(count), buildings=[fid],
             parent_fid=parent_fid if parent_fid is not None else fallback,
             parent_item=parent_item,
             reason=f"building {label} has {count:.0f} resident Party members")


# -- applying ---------------------------------------------------------------------
def apply_org_proposal(plan: Plan, proposal: OrgProposal | Iterable[OrgItem],
                       accepted_ids: Iterable[str] | None = None) -> list[str]:
    """Add the accepted items (all when ``accepted_ids`` is None); returns their ids.

    An item whose proposed parent is not accepted sits under its existing
    fallback (the grid branch), or under nothing (a finding will say so).
    """
    items = list(proposal)
    if accepted_ids is not None:
        wanted = set(accepted_ids)
        unknown = wanted - {i.id for i in items}
        if unknown:
            raise ModelError(f"the proposal has no item {sorted(unknown)[0]!r}")
        items = [i for i in items if i.id in wanted]
    made: dict[str, int] = {}
    for item in items:
        parent = made.get(item.parent_item, item.parent_fid)
        if parent is not None and int(parent) not in plan.branches.frame.index:
            raise ModelError(f"proposal item {item.id}: its branch no longer exists")
        if item.what in (COMMITTEE, COMPOUND_BRANCH):
            kind = BranchKind.COMMITTEE if item.what == COMMITTEE else BranchKind.COMPOUND
            (new,) = plan.branches.add([{
                "name": item.who, "kind": kind.value, "community": item.community,
                "compound": item.compound, "full_members": item.full_members,
                "parent_fid": parent}])
            made[item.id] = new
        else:
            plan.layer("party_groups").add([{
                "name": item.who, "branch_fid": parent, "members": item.full_members,
                "buildings": join_fids(item.buildings)}])
    return [i.id for i in items]

"""The organisation as a tree of nodes, for the window's dock and for scripts.

``organisation_tree(plan)`` returns one node per community: its committee,
the branches under the committee (or placed in the community by their
``community`` column or their grids), the Party groups under each branch and
the Party-member households under each group. What cannot be placed (a group
without a branch, a household without a group) is listed under a last node,
``unplaced``, so nothing in the tables is hidden. ``register_nodes(plan)``
gives one node per register with its people.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from gridplanner.analysis.people.organisation import households_cared
from gridplanner.model.plan import Plan

UNPLACED = "unplaced"


@dataclass
class OrgNode:
    """One node: ``layer`` and ``fid`` name the row it stands for (``fid`` None
    for a grouping node such as a community); ``kind`` says what it is;
    ``detail`` is a branch's or group's members, the households a Party-member
    household looks after, or where a person is assigned."""

    kind: str
    label: str
    layer: str = ""
    fid: int | None = None
    detail: str = ""
    children: list[OrgNode] = field(default_factory=list)

    def walk(self) -> list[OrgNode]:
        """This node and every node below it, depth first."""
        out = [self]
        for child in self.children:
            out += child.walk()
        return out


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) \
        else str(value).strip()


def _branch_communities(plan: Plan) -> dict[int, str]:
    """Each branch's community: its own column, else that of the grids it serves."""
    b = plan.branches.frame
    cells = plan.cells.frame
    a = plan.assignments.frame
    served: dict[int, set[str]] = defaultdict(set)
    for cell, target, fid in zip(a["cell_fid"], a["target"], a["target_fid"], strict=True):
        if target == "branch" and pd.notna(cell) and pd.notna(fid) and int(cell) in cells.index:
            served[int(fid)].add(str(cells.at[int(cell), "community"]))
    out = {}
    for fid, community in b["community"].items():
        name = _text(community) or next(iter(sorted(served.get(int(fid), set()))), "")
        out[int(fid)] = name
    return out


def organisation_tree(plan: Plan) -> list[OrgNode]:
    """Communities with their committee, branches, Party groups and households."""
    branches = plan.branches.frame
    groups = plan.layer("party_groups").frame
    homes = plan.layer("party_households").frame
    communities = list(dict.fromkeys(_text(n) for n in plan.communities()["name"]))
    where = _branch_communities(plan)
    communities += [c for c in dict.fromkeys(where.values()) if c and c not in communities]
    tops = {c: OrgNode("community", c) for c in communities}
    unplaced = OrgNode(UNPLACED, "")
    nodes: dict[int, OrgNode] = {}
    for fid, row in branches.iterrows():
        members = 0 if pd.isna(row["full_members"]) else int(row["full_members"])
        nodes[int(fid)] = OrgNode(str(row["kind"]), _text(row["name"]) or f"#{fid}", "branches",
                                  int(fid), str(members))
    for fid, row in branches.iterrows():
        parent = row["parent_fid"]
        node = nodes[int(fid)]
        if pd.notna(parent) and int(parent) in nodes and int(parent) != int(fid):
            nodes[int(parent)].children.append(node)
        elif where.get(int(fid)) in tops:
            tops[where[int(fid)]].children.append(node)
        else:
            unplaced.children.append(node)
    group_nodes: dict[int, OrgNode] = {}
    for fid, row in groups.iterrows():
        members = 0 if pd.isna(row["members"]) else int(row["members"])
        node = OrgNode("party_group", _text(row["name"]) or f"#{fid}", "party_groups", int(fid),
                       str(members))
        group_nodes[int(fid)] = node
        branch = row["branch_fid"]
        parent = nodes.get(int(branch)) if pd.notna(branch) else None
        (parent.children if parent is not None else unplaced.children).append(node)
    looked_after = households_cared(plan) if len(homes) else pd.Series(dtype=float)
    for fid, row in homes.iterrows():
        share = float(looked_after.get(fid, 0.0))
        cared = f"{share:.0f}" if share else ""
        node = OrgNode("party_household", _text(row["name"]) or f"#{fid}", "party_households",
                       int(fid), cared)
        group = row["group_fid"]
        parent = group_nodes.get(int(group)) if pd.notna(group) else None
        (parent.children if parent is not None else unplaced.children).append(node)
    out = list(tops.values())
    return out + ([unplaced] if unplaced.children else [])


def register_nodes(plan: Plan) -> list[OrgNode]:
    """One node per register (reporting members, volunteers, staff) with its people;
    ``detail`` is where each person is assigned (grid code, micro-grid code, centre)."""
    cells = plan.cells.frame
    micro = plan.layer("micro_grids").frame
    centres = plan.centres.frame
    out = []
    for layer in ("party_members", "volunteers", "staff"):
        top = OrgNode(layer, "")
        for fid, row in plan.layer(layer).frame.iterrows():
            detail = ""
            if "micro_fid" in row.index and pd.notna(row["micro_fid"]) \
                    and int(row["micro_fid"]) in micro.index:
                detail = _text(micro.at[int(row["micro_fid"]), "code"])
            elif "cell_fid" in row.index and pd.notna(row["cell_fid"]) \
                    and int(row["cell_fid"]) in cells.index:
                detail = _text(cells.at[int(row["cell_fid"]), "code"]) or f"#{row['cell_fid']}"
            elif "centre_fid" in row.index and pd.notna(row["centre_fid"]) \
                    and int(row["centre_fid"]) in centres.index:
                detail = _text(centres.at[int(row["centre_fid"]), "name"])
            top.children.append(OrgNode("person", _text(row["name"]) or f"#{fid}", layer,
                                        int(fid), detail))
        out.append(top)
    return out

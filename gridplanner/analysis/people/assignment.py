"""Propose who works on which grid, and joint branches for small ones.

``propose_assignment(plan)`` looks at the roster and returns a
:class:`Proposal`: a list of items the user can accept one by one with
``apply_proposal(plan, proposal, accepted_ids)``. Within each community:

1. every comprehensive cell without a full-time worker gets one from the
   community's unassigned full-time workers (largest cells first; workers
   with no community are a shared reserve used after the community's own);
2. every cell without a grid leader gets one, chosen from the full-time
   workers still unassigned and promoted to leader (nobody is given two
   posts);
3. spare full-time workers go, one at a time, to the cell whose households
   per full-time worker are highest while that exceeds ``worker_load_max``,
   which evens the load out;
4. a cell whose own branch has fewer than ``branch_min_members`` full
   members is merged with the smallest neighbouring branch in the same
   community until the joint branch is big enough.

Workers who are unassigned are interchangeable, so a greedy order gives the
same balance an optimal matching would; needs that no one can fill are
listed in ``Proposal.unmet``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from gridplanner.analysis.people.roster_rules import (
    CellTeam,
    cell_neighbours,
    cell_totals,
    roster_by_cell,
)
from gridplanner.errors import ModelError
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BranchKind, CellKind, WorkerRole

FULL_TIME_WORKER = "full_time_worker"
LEADER = "leader"
EXTRA_WORKER = "extra_worker"
JOINT_BRANCH = "joint_branch"
GRID_BRANCH = "grid_branch"


@dataclass
class ProposalItem:
    """One proposed change; ``id`` is what the user accepts."""

    id: str
    what: str
    cell: str
    who: str
    reason: str
    community: str = ""
    cells: list[str] = field(default_factory=list)
    cell_fids: list[int] = field(default_factory=list)
    worker_fid: int | None = None
    branch_fids: list[int] = field(default_factory=list)
    full_members: int = 0
    secretary: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Proposal:
    """The proposed items, and the needs no available person can fill."""

    items: list[ProposalItem] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[ProposalItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def ids(self) -> list[str]:
        return [item.id for item in self.items]

    def to_json(self) -> dict[str, Any]:
        return {"items": [i.to_json() for i in self.items], "unmet": list(self.unmet)}


@dataclass
class _Context:
    plan: Plan
    teams: dict[int, CellTeam]
    households: pd.Series
    proposal: Proposal = field(default_factory=Proposal)
    counter: int = 0

    def code(self, fid: int) -> str:
        return str(self.plan.cells.frame.at[fid, "code"]) or f"#{fid}"

    def name(self, worker: int) -> str:
        return str(self.plan.workers.frame.at[worker, "name"])

    def add(self, prefix: str, **kwargs: Any) -> ProposalItem:
        self.counter += 1
        item = ProposalItem(id=f"{prefix}{self.counter}", **kwargs)
        self.proposal.items.append(item)
        return item


def propose_assignment(plan: Plan) -> Proposal:
    """What to assign so every grid has a full-time worker, a leader and a branch."""
    ctx = _Context(plan, roster_by_cell(plan), cell_totals(plan)["households"])
    pools, reserve = _worker_pools(plan)
    leaders, leader_reserve = _worker_pools(plan, WorkerRole.LEADER)
    for community, fids in _cells_by_community(plan).items():
        pool = pools.get(community, [])
        # imported grid leaders (网格长) lead before anyone is promoted
        _propose_leaders(ctx, community, fids, leaders.get(community, []), leader_reserve,
                         promote=False)
        _propose_workers(ctx, community, fids, pool, reserve)
        _propose_leaders(ctx, community, fids, pool, reserve)
        _propose_extras(ctx, community, fids, pool, reserve)
    _propose_grid_branches(ctx)
    _propose_joint_branches(ctx)
    return ctx.proposal


def _cells_by_community(plan: Plan) -> dict[str, list[int]]:
    cells = plan.cells.frame
    cells = cells[cells["kind"] != CellKind.DEDICATED.value].sort_values("code")
    out: dict[str, list[int]] = defaultdict(list)
    for fid, community in cells["community"].items():
        out[str(community)].append(int(fid))
    return dict(sorted(out.items()))


def _worker_pools(plan: Plan, role: WorkerRole = WorkerRole.FULL_TIME
                  ) -> tuple[dict[str, list[int]], list[int]]:
    """Unassigned workers of ``role`` by community, and those naming no community."""
    a = plan.assignments.frame
    busy = {int(t) for t in a.loc[a["target"] == "worker", "target_fid"].dropna()}
    w = plan.workers.frame
    free = w[(w["role"] == role.value) & ~w.index.isin(list(busy))]
    pools: dict[str, list[int]] = defaultdict(list)
    for fid, community in free["community"].items():
        pools[str(community).strip()].append(int(fid))
    reserve = pools.pop("", [])
    return pools, reserve


def _take(pool: list[int], reserve: list[int]) -> int | None:
    if pool:
        return pool.pop(0)
    if reserve:
        return reserve.pop(0)
    return None


def _propose_workers(ctx: _Context, community: str, fids: list[int], pool: list[int],
                     reserve: list[int]) -> None:
    needing = [f for f in fids if not ctx.teams[f].full_time]
    needing.sort(key=lambda f: (-float(ctx.households[f]), ctx.code(f)))
    for f in needing:
        worker = _take(pool, reserve)
        if worker is None:
            ctx.proposal.unmet.append(
                f"grid {ctx.code(f)} ({community}): no unassigned full-time worker left")
            continue
        ctx.teams[f].full_time.append(worker)
        ctx.add("w", what=FULL_TIME_WORKER, cell=ctx.code(f), who=ctx.name(worker),
                reason=f"grid {ctx.code(f)} has no full-time worker "
                       f"({ctx.households[f]:.0f} households)",
                community=community, cells=[ctx.code(f)], cell_fids=[f], worker_fid=worker)


def _propose_leaders(ctx: _Context, community: str, fids: list[int], pool: list[int],
                     reserve: list[int], promote: bool = True) -> None:
    """A leader for each grid without one: with ``promote``, a full-time worker
    promoted; without, an imported grid leader (who stays one)."""
    for f in fids:
        if ctx.teams[f].leaders:
            continue
        worker = _take(pool, reserve)
        if worker is None:
            if promote:
                ctx.proposal.unmet.append(
                    f"grid {ctx.code(f)} ({community}): no full-time worker left to lead it")
            continue
        ctx.teams[f].leaders.append(worker)
        reason = (f"grid {ctx.code(f)} has no grid leader; promote a full-time worker" if promote
                  else f"grid {ctx.code(f)} has no grid leader; {ctx.name(worker)} is one")
        ctx.add("l", what=LEADER, cell=ctx.code(f), who=ctx.name(worker), reason=reason,
                community=community, cells=[ctx.code(f)], cell_fids=[f], worker_fid=worker)


def _propose_extras(ctx: _Context, community: str, fids: list[int], pool: list[int],
                    reserve: list[int]) -> None:
    limit = ctx.plan.settings.worker_load_max

    def load(f: int) -> float:
        return float(ctx.households[f]) / max(len(ctx.teams[f].full_time), 1)

    while fids:
        worst = max(fids, key=lambda f: (load(f), ctx.code(f)))
        if load(worst) <= limit or not ctx.teams[worst].full_time:
            return
        worker = _take(pool, reserve)
        if worker is None:
            ctx.proposal.unmet.append(
                f"grid {ctx.code(worst)} ({community}): {load(worst):.0f} households per "
                f"full-time worker, more than {limit}, and no worker is left")
            return
        before = load(worst)
        ctx.teams[worst].full_time.append(worker)
        ctx.add("x", what=EXTRA_WORKER, cell=ctx.code(worst), who=ctx.name(worker),
                reason=f"{before:.0f} households per full-time worker is more than {limit}; "
                       f"{load(worst):.0f} with one more",
                community=community, cells=[ctx.code(worst)], cell_fids=[worst],
                worker_fid=worker)


def _free_grid_branches(plan: Plan) -> dict[str, list[int]]:
    """Grid branches on no cell, by community ("" when the roster names none)."""
    a = plan.assignments.frame
    busy = {int(t) for t in a.loc[a["target"] == "branch", "target_fid"].dropna()}
    b = plan.branches.frame
    free = b[(b["kind"] == BranchKind.GRID.value) & ~b.index.isin(list(busy))]
    community = (free["community"].astype(str).str.strip() if "community" in free.columns
                 else pd.Series("", index=free.index))
    pools: dict[str, list[int]] = defaultdict(list)
    for fid in sorted(free.index):
        pools[community[fid]].append(int(fid))
    return pools


def _propose_grid_branches(ctx: _Context) -> None:
    """Each grid with no branch gets a grid branch of its community that is on
    no grid yet (in roster order); branches naming no community serve any."""
    plan = ctx.plan
    pools = _free_grid_branches(plan)
    members = pd.to_numeric(plan.branches.frame["full_members"], errors="coerce").fillna(0)
    for community, fids in _cells_by_community(plan).items():
        for fid in fids:
            if ctx.teams[fid].branches:
                continue
            pool = pools.get(community) or pools.get("")
            if not pool:  # the roster rules report the grid as having no branch
                continue
            branch = pool.pop(0)
            name = str(plan.branches.frame.at[branch, "name"])
            ctx.add("g", what=GRID_BRANCH, cell=ctx.code(fid), who=name,
                    reason=f"grid {ctx.code(fid)} has no Party branch",
                    community=community, cells=[ctx.code(fid)], cell_fids=[fid],
                    branch_fids=[branch], full_members=int(members[branch]),
                    secretary=str(plan.branches.frame.at[branch, "secretary"]))
            ctx.teams[fid].branches.append(branch)  # the joint-branch step builds on it


def _propose_joint_branches(ctx: _Context) -> None:
    plan = ctx.plan
    branches = plan.branches.frame
    minimum = plan.settings.branch_min_members
    members = pd.to_numeric(branches["full_members"], errors="coerce").fillna(0).astype(int)
    cells_of: dict[int, list[int]] = defaultdict(list)
    for cell_fid, team in ctx.teams.items():
        if len(team.branches) == 1:
            cells_of[team.branches[0]].append(cell_fid)
    community = plan.cells.frame["community"].astype(str)
    neighbours = cell_neighbours(plan)
    done: set[int] = set()
    small = sorted((b for b in cells_of if members[b] < minimum),
                   key=lambda b: (members[b], min(ctx.code(c) for c in cells_of[b])))
    for branch in small:
        if branch in done:
            continue
        group, cells = [branch], list(cells_of[branch])
        total = int(members[branch])
        while total < minimum:
            home = {community[c] for c in cells}
            # a branch big enough on its own (3 or more full members) is never merged
            near = {cells_of_branch for c in cells for n in neighbours[c]
                    if community[n] in home and len(ctx.teams[n].branches) == 1
                    and (cells_of_branch := ctx.teams[n].branches[0]) not in group
                    and cells_of_branch not in done and members[cells_of_branch] < minimum}
            if not near:
                break
            pick = min(near, key=lambda b: (members[b], min(ctx.code(c) for c in cells_of[b])))
            group.append(pick)
            cells += cells_of[pick]
            total += int(members[pick])
        codes = sorted(ctx.code(c) for c in cells)
        if len(group) == 1:
            ctx.proposal.unmet.append(
                f"branch {branches.at[branch, 'name']} (grid {', '.join(codes)}) has "
                f"{int(members[branch])} full members, fewer than {minimum}, and no "
                f"neighbouring grid branch of fewer than {minimum} to join (larger branches "
                "are not merged)")
            continue
        done.update(group)
        _add_joint_item(ctx, group, sorted(cells, key=ctx.code), total, members)


def _add_joint_item(ctx: _Context, group: list[int], cells: list[int], total: int,
                    members: pd.Series) -> None:
    branches = ctx.plan.branches.frame
    names = [str(ctx.plan.cells.frame.at[c, "name"]) or ctx.code(c) for c in cells]
    largest = max(group, key=lambda b: (members[b], -b))
    minimum = ctx.plan.settings.branch_min_members
    merged = ", ".join(f"{branches.at[b, 'name']} ({int(members[b])})" for b in group)
    ctx.add("b", what=JOINT_BRANCH, cell=ctx.code(cells[0]),
            who=f"联合党支部（{'、'.join(names)}）",
            reason=f"branches {merged} have fewer than {minimum} full members each; "
                   f"together {total}",
            community=str(ctx.plan.cells.frame.at[cells[0], "community"]),
            cells=[ctx.code(c) for c in cells], cell_fids=list(cells), branch_fids=list(group),
            full_members=total, secretary=str(branches.at[largest, "secretary"]))


# -- applying ---------------------------------------------------------------------
def apply_proposal(plan: Plan, proposal: Proposal | Iterable[ProposalItem],
                   accepted_ids: Iterable[str] | None = None) -> list[str]:
    """Apply the accepted items (all when ``accepted_ids`` is None); returns their ids."""
    items = list(proposal)
    if accepted_ids is not None:
        wanted = list(accepted_ids)
        known = {i.id for i in items}
        unknown = [i for i in wanted if i not in known]
        if unknown:
            raise ModelError(f"the proposal has no item {unknown[0]!r}")
        items = [i for i in items if i.id in set(wanted)]
    _check_items(plan, items)
    links, leaders = [], {}
    for item in items:
        if item.what in (FULL_TIME_WORKER, LEADER, EXTRA_WORKER):
            assert item.worker_fid is not None, "checked by _check_items"
            links.append({"cell_fid": item.cell_fids[0], "target": "worker",
                          "target_fid": item.worker_fid})
            if item.what == LEADER:
                leaders[int(item.worker_fid)] = WorkerRole.LEADER.value
        elif item.what == GRID_BRANCH:
            links.append({"cell_fid": item.cell_fids[0], "target": "branch",
                          "target_fid": item.branch_fids[0]})
    if leaders:
        plan.workers.set_column("role", leaders)
    if links:
        plan.assignments.add(links)
    for item in items:
        if item.what == JOINT_BRANCH:
            _apply_joint(plan, item)
    return [i.id for i in items]


def _check_items(plan: Plan, items: list[ProposalItem]) -> None:
    cells, workers = plan.cells.frame.index, plan.workers.frame.index
    branches = plan.branches.frame.index
    for item in items:
        if any(c not in cells for c in item.cell_fids):
            raise ModelError(f"proposal item {item.id}: grid {item.cell} no longer exists")
        if item.what in (FULL_TIME_WORKER, LEADER, EXTRA_WORKER) and item.worker_fid is None:
            raise ModelError(f"proposal item {item.id}: names no worker for grid {item.cell}")
        if item.worker_fid is not None and item.worker_fid not in workers:
            raise ModelError(f"proposal item {item.id}: worker {item.who} no longer exists")
        if any(b not in branches for b in item.branch_fids):
            raise ModelError(f"proposal item {item.id}: a branch to merge no longer exists")


def _apply_joint(plan: Plan, item: ProposalItem) -> None:
    branches = plan.branches.frame
    notes = "merged from " + ", ".join(str(branches.at[b, "name"]) for b in item.branch_fids)
    (new,) = plan.branches.add([{"name": item.who, "secretary": item.secretary,
                                 "full_members": item.full_members,
                                 "kind": BranchKind.JOINT.value, "notes": notes}])
    a = plan.assignments.frame
    old = a[(a["target"] == "branch") & a["target_fid"].isin(item.branch_fids)]
    if len(old):
        plan.assignments.remove(old.index)
    plan.assignments.add([{"cell_fid": c, "target": "branch", "target_fid": new}
                          for c in item.cell_fids])
    plan.branches.remove(item.branch_fids)

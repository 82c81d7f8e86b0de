"""Roster rules: every grid has its team and its Party branch.

``check_roster(plan)`` returns :class:`~gridplanner.analysis.findings.Finding`
objects with stable kinds, naming cells by code:

===========================  ========  =============================================
kind                         severity  rule
===========================  ========  =============================================
no_leader                    error     a comprehensive cell has a grid leader
no_full_time_worker          error     ... and at least one full-time worker
no_branch                    error     ... and a Party branch (its own or a joint one)
branch_too_small             error     a branch has ``branch_min_members`` full members
joint_branch_not_adjacent    error     a joint branch covers neighbouring cells only
worker_overloaded            warning   households per full-time worker ≤ ``worker_load_max``
worker_multiple_communities  warning   a person works in one community only
duplicate_person             error     a person (name + phone) is listed once
duplicate_phone              warning   a phone number belongs to one person
dedicated_without_unit       warning   a dedicated grid names its responsible unit
===========================  ========  =============================================

The helpers (households per cell, the team of each cell, neighbouring cells)
are shared with the auto-assignment and the exports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.model.plan import Plan
from gridplanner.model.schema import CellKind, WorkerRole

#: Two cells are neighbours when their shared boundary is longer than this (m);
#: a corner touch measures about 2 × the snap distance.
NEIGHBOUR_MIN_SHARED_M = 2.0
_SNAP_M = 0.5


@dataclass
class CellTeam:
    """Who is assigned to one cell (worker and branch fids)."""

    leaders: list[int] = field(default_factory=list)
    full_time: list[int] = field(default_factory=list)
    others: list[int] = field(default_factory=list)
    branches: list[int] = field(default_factory=list)


def cell_totals(plan: Plan) -> pd.DataFrame:
    """Households and residents per cell (buildings whose representative point lies in it).

    Returns a frame indexed by cell fid with float columns ``households`` and
    ``residents``; cells without buildings have 0.
    """
    cells = plan.cells.frame
    out = pd.DataFrame(0.0, index=cells.index, columns=["households", "residents"])
    buildings = plan.buildings.frame
    if len(cells) == 0 or len(buildings) == 0:
        return out
    points = gpd.GeoDataFrame(
        {
            "households": pd.to_numeric(buildings["households"], errors="coerce").fillna(0.0),
            "residents": pd.to_numeric(buildings["residents"], errors="coerce").fillna(0.0),
        },
        geometry=buildings.geometry.representative_point(),
        crs=buildings.crs,
    )
    polys = gpd.GeoDataFrame(geometry=cells.geometry, crs=cells.crs)
    polys["cell_fid"] = cells.index
    joined = gpd.sjoin(points, polys, how="inner", predicate="intersects")
    joined = joined[~joined.index.duplicated(keep="first")]
    sums = joined.groupby("cell_fid")[["households", "residents"]].sum()
    out.loc[sums.index, ["households", "residents"]] = sums.to_numpy()
    return out


def roster_by_cell(plan: Plan) -> dict[int, CellTeam]:
    """The team and branches of every cell, from the assignments table."""
    teams = {int(f): CellTeam() for f in plan.cells.frame.index}
    workers = plan.workers.frame
    branches = plan.branches.frame
    for row in plan.assignments.frame.itertuples():
        if pd.isna(row.cell_fid) or pd.isna(row.target_fid):
            continue
        team = teams.get(int(row.cell_fid))
        target = int(row.target_fid)
        if team is None:
            continue
        if row.target == "branch":
            if target in branches.index and target not in team.branches:
                team.branches.append(target)
            continue
        if target not in workers.index:
            continue
        role = str(workers.at[target, "role"])
        bucket = {
            WorkerRole.LEADER.value: team.leaders,
            WorkerRole.FULL_TIME.value: team.full_time,
        }.get(role, team.others)
        if target not in bucket:
            bucket.append(target)
    return teams


def cell_neighbours(plan: Plan) -> dict[int, set[int]]:
    """For every cell fid, the fids of the cells sharing a boundary with it."""
    cells = plan.cells.frame
    fids = [int(f) for f in cells.index]
    out: dict[int, set[int]] = {f: set() for f in fids}
    if len(cells) < 2:
        return out
    geoms = cells.geometry.to_numpy()
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="dwithin", distance=_SNAP_M)
    for i, j in zip(left, right, strict=True):
        if i >= j or geoms[i] is None or geoms[j] is None:
            continue
        shared = shapely.intersection(geoms[i].boundary, shapely.buffer(geoms[j], _SNAP_M))
        if shared.length > NEIGHBOUR_MIN_SHARED_M:
            out[fids[i]].add(fids[j])
            out[fids[j]].add(fids[i])
    return out


def worker_loads(plan: Plan, totals: pd.DataFrame | None = None,
                 teams: dict[int, CellTeam] | None = None) -> dict[int, float]:
    """Households each full-time worker looks after (a cell's households shared
    equally among its full-time workers)."""
    totals = cell_totals(plan) if totals is None else totals
    teams = roster_by_cell(plan) if teams is None else teams
    loads: dict[int, float] = defaultdict(float)
    for cell_fid, team in teams.items():
        if not team.full_time:
            continue
        share = float(totals.at[cell_fid, "households"]) / len(team.full_time)
        for w in team.full_time:
            loads[w] += share
    return dict(loads)


def normalise_phone(value: object) -> str:
    """Digits of a phone number (``138-0013-8000`` → ``13800138000``)."""
    return re.sub(r"\D", "", str(value or ""))


def check_roster(plan: Plan) -> list[Finding]:
    """Every roster rule over ``plan``; an empty list when all hold."""
    if len(plan.workers) == 0 and len(plan.branches) == 0:
        if len(_comprehensive(plan)) == 0:
            return []
        # One note instead of three per grid: there is no one to check yet.
        return [Finding("no_roster", WARNING,
                        "the plan has no roster yet: import grid workers and Party branches "
                        "to check every grid's leader, workers and branch")]
    totals = cell_totals(plan)
    teams = roster_by_cell(plan)
    findings: list[Finding] = []
    findings += _check_teams(plan, teams)
    findings += _check_branches(plan, teams)
    findings += _check_loads(plan, totals, teams)
    findings += _check_people(plan, teams)
    findings += _check_dedicated(plan)
    return findings


# -- the rules ----------------------------------------------------------------
def _cell_finding(plan: Plan, kind: str, severity: str, message: str,
                  cell_fids: list[int], params: dict[str, Any] | None = None,
                  **features: list[int]) -> Finding:
    cells = plan.cells.frame
    fids = [f for f in cell_fids if f in cells.index]
    codes = [str(cells.at[f, "code"]) or f"#{f}" for f in fids]
    communities = sorted({str(cells.at[f, "community"]) for f in fids} - {""})
    geometry = shapely.union_all(cells.loc[fids].geometry.to_numpy()) if fids else None
    return Finding(
        kind=kind, severity=severity, message=message, cells=codes, cell_fids=fids,
        features={k: v for k, v in features.items() if v},
        community=communities[0] if len(communities) == 1 else "",
        geometry=geometry, params=dict(params or {}),
    )


def _code(plan: Plan, fid: int) -> str:
    code = str(plan.cells.frame.at[fid, "code"])
    return code or f"#{fid}"


def _comprehensive(plan: Plan) -> list[int]:
    cells = plan.cells.frame
    return [int(f) for f in cells.index[cells["kind"] != CellKind.DEDICATED.value]]


def _check_teams(plan: Plan, teams: dict[int, CellTeam]) -> list[Finding]:
    # Before anyone is assigned to any grid (the plan is still at the drawing
    # stage) an unstaffed grid is a to-do, not a broken rule: warn. Once
    # staffing has begun, every grid without its team is an error.
    started = len(plan.assignments) > 0
    severity = ERROR if started else WARNING
    note = "" if started else " (no one is assigned to any grid yet)"
    out = []
    for fid in _comprehensive(plan):
        team, code = teams[fid], _code(plan, fid)
        if not team.leaders:
            out.append(_cell_finding(plan, "no_leader", severity,
                                     f"grid {code} has no grid leader{note}", [fid],
                                     {"cell": code, "started": started}))
        if not team.full_time:
            out.append(_cell_finding(plan, "no_full_time_worker", severity,
                                     f"grid {code} has no full-time grid worker{note}", [fid],
                                     {"cell": code, "started": started}))
        if not team.branches:
            out.append(_cell_finding(plan, "no_branch", severity,
                                     f"grid {code} has no Party branch (its own or a joint "
                                     f"one){note}", [fid], {"cell": code, "started": started}))
    return out


def _check_branches(plan: Plan, teams: dict[int, CellTeam]) -> list[Finding]:
    cells_of: dict[int, list[int]] = defaultdict(list)
    for cell_fid, team in teams.items():
        for b in team.branches:
            cells_of[b].append(cell_fid)
    minimum = plan.settings.branch_min_members
    neighbours = cell_neighbours(plan) if any(len(v) > 1 for v in cells_of.values()) else {}
    out = []
    for fid, row in plan.branches.frame.iterrows():
        fid = int(fid)
        name = str(row["name"]) or f"#{fid}"
        members = 0 if pd.isna(row["full_members"]) else int(row["full_members"])
        cell_fids = sorted(cells_of.get(fid, []))
        if members < minimum:
            # A branch serving grids breaks the rule; one on no grid yet is a
            # warning: it can still join a joint branch.
            out.append(_cell_finding(
                plan, "branch_too_small", ERROR if cell_fids else WARNING,
                f"branch {name} has {members} full Party members, fewer than {minimum}; "
                "form a joint branch with a neighbouring grid",
                cell_fids, {"branch": name, "members": members, "minimum": minimum},
                branches=[fid]))
        if len(cell_fids) > 1 and not _connected(cell_fids, neighbours):
            codes = ", ".join(_code(plan, c) for c in cell_fids)
            out.append(_cell_finding(
                plan, "joint_branch_not_adjacent", ERROR,
                f"joint branch {name} covers grids that are not neighbours: {codes}",
                cell_fids, {"branch": name, "cells": codes}, branches=[fid]))
    return out


def _connected(fids: list[int], neighbours: dict[int, set[int]]) -> bool:
    wanted = set(fids)
    seen = {fids[0]}
    stack = [fids[0]]
    while stack:
        for n in neighbours.get(stack.pop(), set()) & wanted:
            if n not in seen:
                seen.add(n)
                stack.append(n)
    return seen == wanted


def _check_loads(plan: Plan, totals: pd.DataFrame, teams: dict[int, CellTeam]) -> list[Finding]:
    limit = plan.settings.worker_load_max
    workers = plan.workers.frame
    cells_of: dict[int, list[int]] = defaultdict(list)
    for cell_fid, team in teams.items():
        for w in team.full_time:
            cells_of[w].append(cell_fid)
    out = []
    for w, load in sorted(worker_loads(plan, totals, teams).items()):
        if load > limit:
            name = str(workers.at[w, "name"]) or f"#{w}"
            out.append(_cell_finding(
                plan, "worker_overloaded", WARNING,
                f"grid worker {name} looks after {load:.0f} households, more than {limit}",
                sorted(cells_of[w]), {"worker": name, "load": round(load), "limit": limit},
                workers=[w]))
    return out


def _check_people(plan: Plan, teams: dict[int, CellTeam]) -> list[Finding]:
    workers = plan.workers.frame
    cells = plan.cells.frame
    cells_of: dict[int, list[int]] = defaultdict(list)
    for cell_fid, team in teams.items():
        for w in team.leaders + team.full_time + team.others:
            cells_of[w].append(cell_fid)
    people: dict[tuple[str, str], list[int]] = defaultdict(list)
    phones: dict[str, list[int]] = defaultdict(list)
    for fid, row in workers.iterrows():
        name, phone = str(row["name"]).strip(), normalise_phone(row["phone"])
        people[(name, phone)].append(int(fid))
        if phone:
            phones[phone].append(int(fid))
    out = []
    for (name, phone), fids in people.items():
        cell_fids = sorted({c for w in fids for c in cells_of[w]})
        communities = {str(workers.at[w, "community"]).strip() for w in fids}
        communities |= {str(cells.at[c, "community"]).strip() for c in cell_fids}
        communities.discard("")
        if len(fids) > 1:
            out.append(_cell_finding(
                plan, "duplicate_person", ERROR,
                f"{name} ({phone or 'no phone'}) is listed {len(fids)} times in the roster",
                cell_fids, {"worker": name, "phone": phone, "count": len(fids)}, workers=fids))
        if len(communities) > 1:
            out.append(_cell_finding(
                plan, "worker_multiple_communities", WARNING,
                f"{name} works in {len(communities)} communities: "
                f"{', '.join(sorted(communities))}", cell_fids,
                {"worker": name, "count": len(communities),
                 "communities": ", ".join(sorted(communities))}, workers=fids))
    for phone, fids in phones.items():
        names = sorted({str(workers.at[w, "name"]).strip() for w in fids})
        if len(names) > 1:
            cell_fids = sorted({c for w in fids for c in cells_of[w]})
            out.append(_cell_finding(
                plan, "duplicate_phone", WARNING,
                f"phone {phone} is given for {len(names)} people: {', '.join(names)}",
                cell_fids, {"phone": phone, "count": len(names), "names": ", ".join(names)},
                workers=fids))
    return out


def _check_dedicated(plan: Plan) -> list[Finding]:
    cells = plan.cells.frame
    out = []
    for fid, row in cells.iterrows():
        if row["kind"] == CellKind.DEDICATED.value and not str(row["responsible_unit"]).strip():
            out.append(_cell_finding(
                plan, "dedicated_without_unit", WARNING,
                f"dedicated grid {_code(plan, int(fid))} names no responsible unit",
                [int(fid)], {"cell": _code(plan, int(fid))}))
    return out

"""Rules of the Party organisation below the grid, as validate findings.

==============================  ========  ============================================
kind                            severity  rule
==============================  ========  ============================================
org_parent_missing              error     a branch's parent, a group's branch, a
                                          household's group names an existing row
party_group_without_branch      error     a building Party group sits under a branch
micro_grid_without_carer        error     every micro-grid has a Party-member
                                          household or a steward (a warning while no
                                          micro-grid has either yet)
care_out_of_range               warning   a Party-member household looks after
                                          5–15 households (the plan's care range,
                                          a convention)
compound_without_branch         error     a walled compound with at least
                                          ``branch_min_members`` resident Party
                                          members has a compound branch, or a
                                          reason why not (``branch_reason``)
==============================  ========  ============================================

A branch's own size (≥ 3 full members, art. 30 of the Party Constitution) is
the roster rule ``branch_too_small``, which covers compound branches too.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import shapely

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.analysis.people.organisation import (
    building_compounds,
    building_party_members,
    compound_branches,
    household_micro,
    households_cared,
)
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BoundaryLevel, BranchKind


def check_organisation(plan: Plan) -> list[Finding]:
    """Every organisation rule over ``plan``; an empty list when all hold."""
    out = _check_parents(plan)
    out += _check_groups(plan)
    out += _check_micro_carers(plan)
    out += _check_care(plan)
    out += _check_compounds(plan)
    return out


def _name(frame: pd.DataFrame, fid: int) -> str:
    return str(frame.at[fid, "name"]) or f"#{fid}"


def _finding(kind: str, severity: str, message: str, params: dict[str, Any],
             geometry: shapely.Geometry | None = None, community: str = "",
             **features: list[int]) -> Finding:
    return Finding(kind, severity, message, features={k: v for k, v in features.items() if v},
                   community=community, geometry=geometry, params=params)


def _check_parents(plan: Plan) -> list[Finding]:
    branches = plan.branches.frame
    groups = plan.layer("party_groups").frame
    households = plan.layer("party_households").frame
    out = []
    checks = (("branches", branches, "parent_fid", branches, "branch"),
              ("party_groups", groups, "branch_fid", branches, "Party group"),
              ("party_households", households, "group_fid", groups, "Party-member household"))
    for layer, frame, column, parents, what in checks:
        for fid, parent in zip(frame.index, frame[column], strict=True):
            if pd.notna(parent) and int(parent) not in parents.index:
                name = _name(frame, int(fid))
                out.append(Finding("org_parent_missing", ERROR,
                                   f"{what} {name} sits under #{int(parent)}, which the plan "
                                   "does not have", features={layer: [int(fid)]},
                                   params={"what": what, "name": name, "parent": int(parent)}))
    return out


def _check_groups(plan: Plan) -> list[Finding]:
    branches = plan.branches.frame
    groups = plan.layer("party_groups").frame
    out = []
    for fid, branch in zip(groups.index, groups["branch_fid"], strict=True):
        name = _name(groups, int(fid))
        if pd.isna(branch):
            why = "is under no branch"
        elif int(branch) in branches.index and \
                str(branches.at[int(branch), "kind"]) == BranchKind.COMMITTEE.value:
            why = "sits directly under the community committee, not under a branch"
        else:
            continue
        out.append(_finding("party_group_without_branch", ERROR, f"Party group {name} {why}",
                            {"group": name}, party_groups=[int(fid)]))
    return out


def _check_micro_carers(plan: Plan) -> list[Finding]:
    micro = plan.layer("micro_grids").frame
    if len(micro) == 0:
        return []
    cared = set(int(m) for m in household_micro(plan).dropna())
    stewarded = {int(f) for f, s in zip(micro.index, micro["steward"].astype(str), strict=True)
                 if s.strip()}
    started = bool(cared or stewarded)
    severity = ERROR if started else WARNING
    note = "" if started else " (no micro-grid has one yet)"
    out = []
    for fid in micro.index:
        fid = int(fid)
        if fid in cared or fid in stewarded:
            continue
        code = str(micro.at[fid, "code"]) or f"#{fid}"
        cell = micro.at[fid, "cell_fid"]
        cells = plan.cells.frame
        known = pd.notna(cell) and int(cell) in cells.index
        f = _finding("micro_grid_without_carer", severity,
                     f"micro-grid {code} has no Party-member household and no steward{note}",
                     {"micro": code, "begun": started}, micro.at[fid, "geometry"],
                     str(cells.at[int(cell), "community"]) if known else "",
                     micro_grids=[fid])
        if known:
            f.cell_fids = [int(cell)]
            f.cells = [str(cells.at[int(cell), "code"])] if cells.at[int(cell), "code"] else []
        out.append(f)
    return out


def _check_care(plan: Plan) -> list[Finding]:
    frame = plan.layer("party_households").frame
    if len(frame) == 0:
        return []
    s = plan.settings
    low, high = s.care_households_min, s.care_households_max
    out = []
    for fid, households in households_cared(plan).items():
        if low <= round(households) <= high:
            continue
        name = _name(frame, int(fid))
        status = "below" if households < low else "above"
        out.append(_finding("care_out_of_range", WARNING,
                            f"Party-member household {name} looks after {households:.0f} "
                            f"households, {status} the range {low}–{high}",
                            {"name": name, "households": round(households), "status": status,
                             "low": low, "high": high}, party_households=[int(fid)]))
    return out


def compound_party_members(plan: Plan) -> pd.Series:
    """Resident Party members per compound boundary fid (the building data's
    Party-member column, else the reporting members whose home building is there)."""
    compounds = plan.boundaries_at(BoundaryLevel.COMPOUND)
    where = building_compounds(plan)
    members = building_party_members(plan)
    if members.sum() == 0:
        reg = plan.layer("party_members").frame["building_fid"].dropna().astype(int)
        members = reg.value_counts().reindex(plan.buildings.frame.index, fill_value=0)
        members = members.astype("float64")
    sums = members.groupby(where).sum() if len(where) else pd.Series(dtype=float)
    return pd.Series({int(f): float(sums.get(f, 0.0)) for f in compounds.index}, dtype="float64")


def _check_compounds(plan: Plan) -> list[Finding]:
    compounds = plan.boundaries_at(BoundaryLevel.COMPOUND)
    if len(compounds) == 0:
        return []
    minimum = plan.settings.branch_min_members
    members = compound_party_members(plan)
    served = compound_branches(plan)
    out = []
    for fid, row in compounds.iterrows():
        fid = int(fid)
        count = members.get(fid, 0.0)
        name = str(row["name"]).strip()
        if (not bool(row["walled"]) or count < minimum or served.get(name)
                or str(row["branch_reason"]).strip()):
            continue
        label = name or f"#{fid}"
        out.append(_finding("compound_without_branch", ERROR,
                            f"compound {label} has {count:.0f} resident Party members but no "
                            "compound branch and no reason recorded",
                            {"compound": label, "members": round(count), "minimum": minimum},
                            row.geometry, str(row["parent"]), boundaries=[fid]))
    return out

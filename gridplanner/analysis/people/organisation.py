"""The Party organisation below the grid, as the plan holds it.

The tree, top to bottom (社区大党委—小区党支部/网格党支部—楼栋党小组—党员中心户):

- the community Party committee: a row of ``branches`` with kind ``committee``
  and the community's name in ``community``;
- branches (grid, joint, compound): ``branches`` rows whose ``parent_fid`` is
  their committee; a compound branch names its compound in ``compound``;
- building Party groups: ``party_groups`` rows under a branch (``branch_fid``),
  covering buildings (``buildings``, fids ``;``-separated) or a micro-grid;
- Party-member households: ``party_households`` rows under a group
  (``group_fid``), living in a building (``building_fid``) and looking after
  a micro-grid (``micro_fid``) or a number of households (``households``).

Resident Party members per building come from the building data's
Party-member column (党员, 党员数, ``party_members`` …) when the plan has one.
These helpers are shared by the rules, the proposals, the tallies and the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.grids.tallies import assign_points, building_points
from gridplanner.model.plan import Plan
from gridplanner.model.schema import BoundaryLevel, BranchKind

#: Headers of a buildings column counting resident Party members, most specific first.
PARTY_MEMBER_COLUMNS = ("party_members", "党员数", "党员人数", "党员数量", "党员", "party members",
                        "party")


def party_member_column(frame: pd.DataFrame) -> str | None:
    """The buildings column holding resident Party members, or None."""
    def norm(text: object) -> str:
        return re.sub(r"[\s_\-()（）]", "", str(text)).lower()

    names: dict[str, str] = {}
    for c in frame.columns:
        if c != "geometry":  # the building-data import keeps groups as group_<name>
            names.setdefault(norm(str(c).removeprefix("group_")), str(c))
    for word in PARTY_MEMBER_COLUMNS:
        if norm(word) in names:
            return names[norm(word)]
    return None


def building_party_members(plan: Plan) -> pd.Series:
    """Resident Party members of every building (0 where unknown), by building fid."""
    frame = plan.buildings.frame
    column = party_member_column(frame)
    if column is None:
        return pd.Series(0.0, index=frame.index, dtype="float64")
    return pd.to_numeric(frame[column], errors="coerce").fillna(0.0).clip(lower=0.0)


def fids_in(text: object) -> list[int]:
    """Integer ids of a ``;``-separated list (``"3;7"`` → [3, 7]); junk is ignored."""
    return [int(t) for t in re.split(r"[;,；，\s]+", str(text or "")) if t.strip().isdigit()]


def join_fids(fids: Iterable[int]) -> str:
    return ";".join(str(int(f)) for f in fids)


def _polygons_of(plan: Plan, frame: pd.DataFrame) -> pd.Series:
    """For every building, the fid of the polygon of ``frame`` holding its point (NA if none)."""
    points = building_points(plan.buildings.frame.geometry.values)
    where = assign_points(np.asarray(frame.geometry.values, dtype=object), points)
    fids = np.asarray(frame.index, dtype=np.int64)
    values = pd.array([int(fids[w]) if w >= 0 else pd.NA for w in where], dtype="Int64")
    return pd.Series(values, index=plan.buildings.frame.index)


def building_compounds(plan: Plan) -> pd.Series:
    """The compound boundary fid of every building (NA outside compounds)."""
    return _polygons_of(plan, plan.boundaries_at(BoundaryLevel.COMPOUND))


def building_micro(plan: Plan) -> pd.Series:
    """The micro-grid fid of every building (NA outside micro-grids)."""
    return _polygons_of(plan, plan.layer("micro_grids").frame)


def community_at(plan: Plan, geometry: shapely.Geometry | None) -> str:
    """The name of the community holding most of ``geometry`` ("" if none)."""
    if geometry is None or geometry.is_empty:
        return ""
    point = shapely.point_on_surface(geometry)
    comms = plan.communities()
    for name, g in zip(comms["name"].astype(str), comms.geometry.values, strict=True):
        if g is not None and g.intersects(point):
            return name
    return ""


def committees(plan: Plan) -> dict[str, int]:
    """The committee branch fid of each community (the first one listed)."""
    b = plan.branches.frame
    rows = b[b["kind"].astype(str) == BranchKind.COMMITTEE.value]
    out: dict[str, int] = {}
    for fid, community in zip(rows.index, rows["community"].astype(str), strict=True):
        out.setdefault(community, int(fid))
    return out


def compound_branches(plan: Plan) -> dict[str, list[int]]:
    """Compound branch fids by the compound name they serve."""
    b = plan.branches.frame
    rows = b[b["kind"].astype(str) == BranchKind.COMPOUND.value]
    out: dict[str, list[int]] = {}
    for fid, compound in zip(rows.index, rows["compound"].astype(str), strict=True):
        out.setdefault(compound.strip(), []).append(int(fid))
    return out


def micro_households(plan: Plan) -> pd.Series:
    """Households per micro-grid (by buildings' representative points), by micro fid."""
    micro = plan.layer("micro_grids").frame
    where = building_micro(plan)
    hh = pd.to_numeric(plan.buildings.frame["households"], errors="coerce").fillna(0.0)
    sums = hh.groupby(where).sum() if len(where) else pd.Series(dtype=float)
    return pd.Series({int(f): float(sums.get(f, 0.0)) for f in micro.index}, dtype="float64")


def household_micro(plan: Plan) -> pd.Series:
    """The micro-grid each Party-member household looks after: its own
    ``micro_fid``, else the micro-grid of its building (NA when neither)."""
    frame = plan.layer("party_households").frame
    of_building = building_micro(plan) if len(frame) and len(plan.buildings) else None
    values = []
    for micro, building in zip(frame["micro_fid"], frame["building_fid"], strict=True):
        if pd.isna(micro) and pd.notna(building) and of_building is not None:
            micro = of_building.get(int(building), pd.NA)
        values.append(pd.NA if pd.isna(micro) else int(micro))
    return pd.Series(pd.array(values, dtype="Int64"), index=frame.index)


def households_cared(plan: Plan) -> pd.Series:
    """Households each Party-member household looks after, by its fid.

    The ``households`` column when filled in; otherwise an equal share of its
    micro-grid's households among the Party-member households there; 0 when it
    has neither.
    """
    frame = plan.layer("party_households").frame
    micro = household_micro(plan)
    per_micro = micro_households(plan) if len(frame) else pd.Series(dtype=float)
    sharing = micro.value_counts()
    out = {}
    for fid, given in zip(frame.index, frame["households"], strict=True):
        m = micro.get(fid, pd.NA)
        if pd.notna(given):
            out[int(fid)] = float(given)
        elif pd.notna(m) and int(m) in per_micro.index:
            out[int(fid)] = float(per_micro[int(m)]) / int(sharing.get(m, 1))
        else:
            out[int(fid)] = 0.0
    return pd.Series(out, dtype="float64")

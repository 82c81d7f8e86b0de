"""Totals per cell, community and plan: households, residents, buildings and
every population group (:mod:`gridplanner.model.groups`).

A building counts in the cell, and in the community, that holds its
representative point (as in :mod:`gridplanner.analysis.grids.tallies`), so
the cells of a community add up to the community when they cover it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gridplanner.analysis.grids.tallies import assign_points, building_points
from gridplanner.model.groups import group_columns, group_name
from gridplanner.model.plan import Plan

BY_CHOICES = ("cell", "community")


def _values(plan: Plan) -> pd.DataFrame:
    """Households, residents and each group per building, as floats (NaN → 0)."""
    b = plan.buildings.frame
    cols = ["households", "residents", *group_columns(b.columns)]
    out = pd.DataFrame({c: pd.to_numeric(b[c], errors="coerce") for c in cols}, index=b.index)
    out = out.fillna(0.0).astype(float)
    out["buildings"] = 1
    return out.rename(columns={c: group_name(c) for c in group_columns(cols)})


def plan_groups(plan: Plan) -> list[str]:
    """The population groups the plan's buildings carry, by name."""
    return [group_name(c) for c in group_columns(plan.buildings.frame.columns)]


def _sum_by(values: pd.DataFrame, where: np.ndarray, keys: list, name: str) -> pd.DataFrame:
    inside = where >= 0
    frame = values[inside].groupby(where[inside]).sum()
    frame = frame.reindex(range(len(keys)), fill_value=0)
    frame.index = pd.Index(keys, name=name)
    frame["buildings"] = frame["buildings"].astype("int64")
    order = ["households", "residents", "buildings"]
    return frame[order + [c for c in frame.columns if c not in order]]


def tallies_by_cell(plan: Plan) -> pd.DataFrame:
    """Households, residents, buildings and each group per cell, indexed by cell fid."""
    cells = plan.cells.frame
    points = building_points(plan.buildings.frame.geometry.values)
    where = assign_points(cells.geometry.values, points)
    return _sum_by(_values(plan), where, [int(f) for f in cells.index], "fid")


def tallies_by_community(plan: Plan) -> pd.DataFrame:
    """The same per community (by boundary, first listed wins), indexed by name."""
    comms = plan.communities()
    names = [str(n) for n in comms["name"]]
    points = building_points(plan.buildings.frame.geometry.values)
    where = assign_points(comms.geometry.values, points)
    frame = _sum_by(_values(plan), where, list(range(len(names))), "community")
    frame.index = pd.Index(names, name="community")
    return frame.groupby(level=0, sort=False).sum()


def plan_totals(plan: Plan) -> dict[str, float]:
    """Households, residents, buildings and each group over the whole plan."""
    values = _values(plan)
    return {str(c): float(values[c].sum()) for c in values.columns}

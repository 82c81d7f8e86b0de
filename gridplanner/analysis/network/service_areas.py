"""What each centre serves: "3 communities, 5 grids, 28,000 people".

Per centre, overall and per service it offers, and per walking level: the
buildings, households, residents and population groups for which it is the
nearest centre (with that service) within the level, and the grid cells and
communities they lie in. With a capacity allocation, how much of its
capacity is used and by how much it is exceeded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from gridplanner.analysis.network.allocation import Allocation, allocate_capacity
from gridplanner.analysis.network.coverage import CoverageResult, level_key
from gridplanner.model.groups import group_columns as model_group_columns
from gridplanner.model.groups import group_name
from gridplanner.model.schema import split_services


def group_columns(plan: Any) -> list[str]:
    """The plan's population-group columns on buildings (``group_<name>``,
    see :mod:`gridplanner.model.groups`), in their order."""
    return model_group_columns(plan.buildings.frame.columns)


def _cell_labels(plan: Any) -> dict[int, str]:
    cells = plan.cells.frame
    return {int(f): (str(c) if str(c) else f"#{f}")
            for f, c in zip(cells.index, cells["code"].fillna(""), strict=True)}


def _served(table: pd.DataFrame, centre_col: str, dist_col: str, level: float,
            weights: pd.DataFrame, cell_label: dict[int, str]) -> dict[int, dict[str, Any]]:
    """Per centre fid: what it serves within ``level`` as the nearest centre."""
    ok = (table[dist_col].to_numpy() <= level) & table[centre_col].notna().to_numpy()
    if not ok.any():
        return {}
    centre = table[centre_col].to_numpy()[ok].astype(np.int64)
    sums = weights.loc[ok].groupby(centre).sum()
    counts = pd.Series(centre).value_counts()
    cells = _distinct(centre, table["cell_fid"].to_numpy()[ok], cell_label)
    comms = _distinct(centre, table["community"].to_numpy()[ok])
    records = sums.to_dict("index")
    out: dict[int, dict[str, Any]] = {}
    for fid, row in records.items():
        row = {k: float(v) for k, v in row.items()}
        groups = {k[len("group:"):]: row.pop(k) for k in list(row) if k.startswith("group:")}
        out[int(fid)] = {"buildings": int(counts[fid]), **row, "groups": groups,
                         "cells": cells.get(int(fid), []), "communities": comms.get(int(fid), [])}
    return out


def _distinct(centre: np.ndarray, values: np.ndarray,
              labels: dict[int, str] | None = None) -> dict[int, list[str]]:
    """Per centre, the sorted distinct non-empty ``values`` (cell fids → their labels)."""
    frame = pd.DataFrame({"centre": centre, "value": values}).dropna()
    frame = frame[frame["value"].astype(str) != ""].drop_duplicates()
    if labels is not None:
        frame["value"] = [labels.get(int(v), f"#{v}") for v in frame["value"]]
    else:
        frame["value"] = frame["value"].astype(str)
    return {int(c): sorted(g) for c, g in frame.groupby("centre")["value"]}


def _empty(groups: Sequence[str]) -> dict[str, Any]:
    return {"buildings": 0, "households": 0.0, "residents": 0.0,
            "groups": {group_name(g): 0.0 for g in groups}, "cells": [], "communities": []}


def centre_rows(plan: Any, result: CoverageResult, allocation: Allocation | None = None,
                groups: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """One row per centre of the plan (as in ``result``): its attributes,
    what it serves per level (``levels``: level key → counts, ``cells``,
    ``communities``), the same per service it offers (``services``), and
    with ``allocation`` its capacity use (``capacity_use``)."""
    plan_groups = list(groups) if groups is not None else group_columns(plan)
    b = plan.buildings.frame
    weights = pd.DataFrame({"households": pd.to_numeric(b["households"]).fillna(0),
                            "residents": pd.to_numeric(b["residents"]).fillna(0)}, index=b.index)
    for g in plan_groups:
        weights[f"group:{group_name(g)}"] = pd.to_numeric(b[g], errors="coerce").fillna(0)
    labels = _cell_labels(plan)
    table = result.buildings
    overall = {level_key(lv): _served(table, "nearest_centre", "distance_m", lv, weights, labels)
               for lv in result.levels_m}
    per_service = {}
    for name in result.services:
        col = f"nearest_centre_{name}"
        if col in table.columns:
            per_service[name] = {
                level_key(lv): _served(table, col, f"distance_m_{name}", lv, weights, labels)
                for lv in result.levels_m}
    rows = []
    for fid, c in plan.centres.frame.iterrows():
        if c.geometry is None or c.geometry.is_empty:
            continue
        offers = split_services(c["services"])
        if result.service is not None and result.service not in offers:
            continue
        row = _attributes(int(fid), c)
        row["levels"] = {k: v.get(int(fid), _empty(plan_groups)) for k, v in overall.items()}
        row["services"] = {s: {k: v.get(int(fid), _empty(plan_groups)) for k, v in lv.items()}
                           for s, lv in per_service.items() if s in offers}
        if allocation is not None and int(fid) in allocation.centres.index:
            a = allocation.centres.loc[int(fid)]
            row["capacity_use"] = {"level_m": allocation.level_m, "demand": float(a["demand"]),
                                   "allocated": float(a["allocated"]),
                                   "over_capacity": float(a["over_capacity"])}
        rows.append(row)
    return rows


def _attributes(fid: int, c: pd.Series) -> dict[str, Any]:
    cap = c.get("capacity")
    area = c.get("floor_area_m2")
    year = c.get("year")
    return {"fid": fid, "name": str(c.get("name") or ""), "kind": str(c.get("kind") or ""),
            "status": str(c.get("status") or "built"),
            "year": int(year) if year is not None and not pd.isna(year) else None,
            "floor_area_m2": float(area) if area is not None and np.isfinite(area) else None,
            "capacity": float(cap) if cap is not None and np.isfinite(cap) else None,
            "services": split_services(c.get("services")),
            "scenarios": split_services(c.get("scenarios"))}


def flat_centre_rows(rows: list[dict[str, Any]], level_m: float, service: str | None = None
                     ) -> list[dict[str, Any]]:
    """One flat row per centre at one level (for tables and sheets): name,
    status, households, residents, groups, grid and community counts and
    names, capacity, demand and over-capacity."""
    k = level_key(level_m)
    out = []
    for r in rows:
        served = r["services"].get(service, {}).get(k) if service else r["levels"].get(k)
        if served is None:
            continue
        use = r.get("capacity_use") or {}
        flat = {"fid": r["fid"], "name": r["name"], "kind": r["kind"], "status": r["status"],
                "year": r["year"], "floor_area_m2": r["floor_area_m2"],
                "buildings": served["buildings"], "households": served["households"],
                "residents": served["residents"], "cells": len(served["cells"]),
                "communities": len(served["communities"]),
                "cell_codes": "、".join(served["cells"]),
                "community_names": "、".join(served["communities"]),
                "capacity": r["capacity"], "allocated": use.get("allocated"),
                "over_capacity": use.get("over_capacity")}
        flat |= {f"group:{g}": v for g, v in served["groups"].items()}
        out.append(flat)
    return out


def describe_centres(plan: Any, result: CoverageResult, level: float | None = None,
                     solver: str = "auto", prepared: Any = None) -> Allocation:
    """Fill ``result.centres`` (what each centre serves) and ``result.capacity``
    (households allocated within ``level``, default the largest, respecting
    capacities); returns the allocation."""
    at = float(level) if level is not None else result.levels_m[-1]
    alloc = allocate_capacity(plan, at, result.service, result.method, solver, prepared)
    result.centres = centre_rows(plan, result, alloc)
    result.capacity = alloc.to_json()
    return alloc

"""`gridplanner tallies PLAN [--by cell|community] [--json]`.

One row per grid cell (or community): households, residents, buildings,
each population group, the grid leader, the workers and the Party branch.
JSON keys: ``by``, ``groups`` (the group names), ``rows`` (each with
``code``, ``name``, ``community``, ``households``, ``residents``,
``buildings``, ``groups`` {name: count}, ``leader``, ``workers``, ``branch``;
per community ``name``, ``code``, ``cells`` and the same totals) and ``total``.
Every row and the total also carry ``organisation``: micro-grids, resident
Party members, Party-member households, the households they look after,
Party groups, reporting Party members and volunteers (and, per community and
in the total, community staff).
"""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from gridplanner.analysis.grids.group_tallies import (
    BY_CHOICES,
    plan_groups,
    plan_totals,
    tallies_by_cell,
    tallies_by_community,
)
from gridplanner.analysis.people.roster_rules import roster_by_cell
from gridplanner.cli.common import open_plan, print_json
from gridplanner.model.plan import Plan


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tallies", help="households, residents, buildings, population groups and "
                       "the team of every grid or community")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--by", choices=BY_CHOICES, default="cell",
                   help="one row per grid cell (default) or per community")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_tallies)


def _names(frame: pd.DataFrame, fids: list[int]) -> list[str]:
    return [str(frame.at[f, "name"]) for f in fids if f in frame.index]


def _counts(row: pd.Series, groups: list[str]) -> dict[str, Any]:
    return {"households": float(row["households"]), "residents": float(row["residents"]),
            "buildings": int(row["buildings"]),
            "groups": {g: float(row[g]) for g in groups}}


def _organisation(row: pd.Series) -> dict[str, float]:
    return {str(k): float(v) for k, v in row.items()}


def cell_rows(plan: Plan) -> list[dict[str, Any]]:
    """One row per cell, in code order."""
    from gridplanner.analysis.people.organisation_tallies import organisation_by_cell

    groups = plan_groups(plan)
    tallies = tallies_by_cell(plan)
    org = organisation_by_cell(plan)
    teams = roster_by_cell(plan)
    cells = plan.cells.frame
    workers, branches = plan.workers.frame, plan.branches.frame
    rows = []
    for fid in cells.sort_values(["community", "code"]).index:
        team = teams[int(fid)]
        rows.append({
            "fid": int(fid), "code": str(cells.at[fid, "code"]),
            "name": str(cells.at[fid, "name"]), "community": str(cells.at[fid, "community"]),
            **_counts(tallies.loc[fid], groups),
            "leader": "、".join(_names(workers, team.leaders)),
            "workers": _names(workers, team.full_time + team.others),
            "branch": "、".join(_names(branches, team.branches)),
            "organisation": _organisation(org.loc[fid]),
        })
    return rows


def community_rows(plan: Plan) -> list[dict[str, Any]]:
    """One row per community, with its cells and team counted."""
    from gridplanner.analysis.people.organisation_tallies import organisation_by_community

    org = organisation_by_community(plan)
    groups = plan_groups(plan)
    tallies = tallies_by_community(plan)
    comms = plan.communities()
    codes = dict(zip(comms["name"].astype(str), comms["code"].astype(str), strict=True))
    by_cell = cell_rows(plan)
    rows = []
    for name in tallies.index:
        mine = [r for r in by_cell if r["community"] == name]
        rows.append({
            "name": str(name), "code": codes.get(str(name), ""),
            **_counts(tallies.loc[name], groups), "cells": len(mine),
            "leaders": sum(1 for r in mine if r["leader"]),
            "workers": sorted({w for r in mine for w in r["workers"]}),
            "branches": sorted({r["branch"] for r in mine if r["branch"]}),
            "organisation": _organisation(org.loc[name]) if name in org.index else {},
        })
    return rows


def cmd_tallies(args: argparse.Namespace) -> int:
    plan = open_plan(args.plan)
    rows = cell_rows(plan) if args.by == "cell" else community_rows(plan)
    total = plan_totals(plan)
    groups = plan_groups(plan)
    if args.json:
        from gridplanner.analysis.people.organisation_tallies import organisation_totals

        total = {**total, "organisation": organisation_totals(plan)}
        print_json({"by": args.by, "groups": groups, "rows": rows, "total": total})
        return 0
    head = ["code", "name", "community"] if args.by == "cell" else ["name", "code"]
    cols = head + ["households", "residents", "buildings"]
    print("\t".join(cols + groups + (["leader", "branch"] if args.by == "cell" else ["cells"])))
    for r in rows:
        values = [r[c] for c in cols] + [r["groups"][g] for g in groups]
        values += [r["leader"], r["branch"]] if args.by == "cell" else [r["cells"]]
        print("\t".join(f"{v:.0f}" if isinstance(v, float) else str(v) for v in values))
    print("\t".join(["total"] + [""] * (len(head) - 1)
                    + [f"{total[c]:.0f}" for c in ("households", "residents", "buildings")]
                    + [f"{total[g]:.0f}" for g in groups]))
    return 0

"""`gridplanner new`, `copy`, `info` and `gui`."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from gridplanner.cli.common import open_plan, print_json, write_plan
from gridplanner.errors import ProjectFileError
from gridplanner.io.plan_file.postgis import (
    PostgisPlanStore,
    is_database_uri,
    redact,
    split_uri,
)
from gridplanner.model.plan import Plan


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the window (the default with no command)")
    p.add_argument("plan", nargs="?", help="plan file (.gpkg) to open, or "
                   "postgresql://user@host/db?schema=NAME")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("new", help="create an empty plan file (or a plan in PostGIS)")
    p.add_argument("plan", help="plan file to create (.gpkg), or "
                   "postgresql://user@host/db?schema=NAME")
    p.add_argument("--name", default=None, help="plan name (default: the file name)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("copy", help="copy a plan between files and PostgreSQL/PostGIS "
                       "(e.g. move a sub-district's plan into the city database)")
    p.add_argument("source", help="plan file (.gpkg) or postgresql:// URI to read")
    p.add_argument("target", help="plan file (.gpkg) or postgresql://…?schema=NAME to write")
    p.add_argument("--force", action="store_true", help="replace a plan already at the target")
    p.set_defaults(func=cmd_copy)

    p = sub.add_parser("info", help="layers, counts, CRS, extent and totals of a plan")
    p.add_argument("plan")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_info)


def cmd_gui(args: argparse.Namespace) -> int:
    from gridplanner.qt.window.app import run_app

    return run_app(args.plan)


def cmd_new(args: argparse.Namespace) -> int:
    if is_database_uri(args.plan):
        _, schema = split_uri(args.plan)
        PostgisPlanStore(args.plan).create(Plan(name=args.name or schema), replace=args.force)
        print(f"created {redact(args.plan)}")
        return 0
    path = Path(args.plan)
    if path.exists() and not args.force:
        raise ProjectFileError(f"{path}: already exists (use --force to overwrite)")
    plan = Plan(name=args.name or path.stem)
    write_plan(plan, str(path))
    print(f"created {path}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    """Copy every layer, table and setting of a plan to a new file or database schema."""
    plan = open_plan(args.source)
    if is_database_uri(args.target):
        PostgisPlanStore(args.target).create(plan, replace=args.force)
    else:
        target = Path(args.target)
        if target.exists() and not args.force:
            raise ProjectFileError(f"{target}: already exists (use --force to replace it)")
        write_plan(plan, str(target))
    counts = ", ".join(f"{len(t)} {n}" for n, t in plan.layers.items() if len(t))
    print(f"copied {redact(args.source)} to {redact(args.target)} ({counts or 'empty plan'})")
    return 0


def plan_info(plan: Plan) -> dict:
    layers = {}
    for name, table in plan.layers.items():
        entry: dict = {"features": len(table), "spatial": table.is_spatial}
        if table.is_spatial:
            entry["extent"] = list(table.total_bounds()) if len(table) else None
        layers[name] = entry
    extent = plan.extent()
    lonlat = None
    if extent is not None and plan.crs is not None:
        from gridplanner.io.crs import lonlat_bounds

        lonlat = [round(v, 7) for v in lonlat_bounds(extent, plan.crs)]
    communities = plan.communities()
    return {
        "name": plan.name,
        "crs": plan.crs.to_string() if plan.crs is not None else None,
        "crs_name": plan.crs.name if plan.crs is not None else None,
        "extent": list(extent) if extent else None,
        "extent_wgs84": lonlat,
        "layers": layers,
        "communities": int(len(communities)),
        "totals": plan.totals(),
        "groups": _groups(plan),
        "settings": plan.settings.to_dict(),
    }


def _groups(plan: Plan) -> dict:
    """Population groups per plan, community and cell (cells by code, else fid)."""
    from gridplanner.analysis.grids.group_tallies import (
        plan_groups,
        tallies_by_cell,
        tallies_by_community,
    )

    names = plan_groups(plan)
    if not names:
        return {"names": [], "plan": {}, "communities": {}, "cells": {}}
    totals = plan.buildings.frame
    by_comm = tallies_by_community(plan)
    by_cell = tallies_by_cell(plan)
    codes = plan.cells.frame["code"].astype(str)
    return {
        "names": names,
        "plan": {g: float(pd.to_numeric(totals[f"group_{g}"], errors="coerce").fillna(0).sum())
                 for g in names},
        "communities": {str(c): {g: float(by_comm.at[c, g]) for g in names}
                        for c in by_comm.index},
        "cells": {(codes[f] or f"fid {f}"): {g: float(by_cell.at[f, g]) for g in names}
                  for f in by_cell.index},
    }


def cmd_info(args: argparse.Namespace) -> int:
    info = plan_info(open_plan(args.plan))
    if args.json:
        print_json(info)
        return 0
    print(f"plan: {info['name']}")
    print(f"crs: {info['crs_name'] or '(none yet)'} {info['crs'] or ''}".rstrip())
    if info["extent"]:
        print("extent: " + ", ".join(f"{v:.1f}" for v in info["extent"]))
    print("layers:")
    for name, entry in info["layers"].items():
        print(f"  {name:<12} {entry['features']:>8}")
    t = info["totals"]
    print(f"households: {t['households']:.0f} ({t['households_estimated']} buildings estimated)")
    print(f"residents: {t['residents']:.0f}")
    groups = info["groups"]
    if groups["names"]:
        print("population groups: " + ", ".join(f"{g} {groups['plan'][g]:.0f}"
                                                for g in groups["names"]))
    return 0

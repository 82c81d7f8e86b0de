"""`gridplanner repair`: apply the safe repairs to a damaged plan file.

A plan whose file damage reading would hide (text in an id column, a lost
column, rows sharing a fid, an unreadable shape) is refused by every other
command; rows pointing at a missing cell, worker or branch, broken links and
stale counts are reported by ``validate``. ``repair`` lists all of it by
table and row, says what it does about each, keeps the damaged file beside
the plan (``NAME.before-repair.gpkg``, same mode) and saves the repaired
plan in its place, under the plan's lock; ``--dry-run`` only lists. Exit 0
when the plan is sound afterwards (or would be; what no repair can decide,
such as shared grid codes, is listed as left to the user), 1 when it cannot
be read at all.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from gridplanner.analysis.findings import Finding
from gridplanner.analysis.integrity import (
    Repair,
    check_codes,
    check_references,
    repair_references,
)
from gridplanner.cli import common
from gridplanner.io.plan_file import lock
from gridplanner.io.plan_file.ondisk import file_state
from gridplanner.io.plan_file.postgis import is_database_uri
from gridplanner.io.plan_file.project import load_plan_checked, save_plan
from gridplanner.model.plan import Plan


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("repair", help="list a damaged plan's damage and apply the safe repairs")
    p.add_argument("plan", help="plan file (.gpkg), repaired in place")
    p.add_argument("--dry-run", action="store_true",
                   help="only list the damage and what would be done; change nothing")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_repair)


def backup_path(path: Path) -> Path:
    """Where the damaged file is kept: ``NAME.before-repair.gpkg`` (numbered if taken)."""
    candidate = path.with_name(f"{path.stem}.before-repair{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.before-repair-{n}{path.suffix}")
        n += 1
    return candidate


def open_checked(path: str) -> tuple[Plan, list[Finding]]:
    """A plan (damaged or not) and its damage; a PostGIS plan has only the table links
    checked (its rows are typed and keyed by the database)."""
    if is_database_uri(path):
        plan = common.open_plan(path)
        return plan, check_references(plan) + check_codes(plan)
    return load_plan_checked(Path(path))


def cmd_repair(args: argparse.Namespace) -> int:
    if is_database_uri(args.plan):
        plan, damage = open_checked(args.plan)
        planned = repair_references(plan, dry_run=True)
        if planned and not args.dry_run:
            repair_references(plan)
            common.write_plan(plan, args.plan)
        return _report(args, damage, planned, None, bool(planned))
    path = Path(args.plan)
    if not args.dry_run:
        lock.acquire(path, common.PROGRAM)
    state = file_state(path)
    plan, damage = load_plan_checked(path)
    planned = repair_references(plan, dry_run=True)
    needs_save = bool(planned) or any(f.params.get("repair") for f in damage)
    backup = None
    if needs_save and not args.dry_run:
        repair_references(plan)
        backup = backup_path(path)
        shutil.copy2(path, backup)
        with lock.plan_lock(path, common.PROGRAM):
            save_plan(plan, path, expected=state, program=common.PROGRAM)
    return _report(args, damage, planned, backup, needs_save)


def _report(args: argparse.Namespace, damage: list[Finding], planned: list[Repair],
            backup: Path | None, needs_save: bool) -> int:
    left = [f for f in damage if not f.params.get("repair")]
    if args.json:
        common.print_json({
            "damage": [f.to_json() for f in damage],
            "repairs": [r.to_json() for r in planned],
            "not_repaired": [f.to_json() for f in left],
            "dry_run": bool(args.dry_run), "saved": needs_save and not args.dry_run,
            "backup": str(backup) if backup else None})
        return 0
    _print_report(args.plan, damage, planned, left, args.dry_run, backup, needs_save)
    return 0


def _print_report(path: str, damage: list[Finding], repairs: list[Repair],
                  left: list[Finding], dry_run: bool, backup: Path | None,
                  needs_save: bool) -> None:
    if not damage:
        print(f"{path}: no damage found; nothing to repair")
        return
    for f in damage:
        repair = f.params.get("repair") or "not repaired: fix it in the window"
        print(f"{f.severity}: {f.kind}: {f.message} -> {repair}")
    for r in repairs:
        action = f"would {r.action.replace('removed', 'remove').replace('cleared', 'clear')}" \
            if dry_run else r.action
        print(f"{r.table}: {action} row(s) {', '.join(str(x) for x in r.rows)} ({r.reason})")
    if dry_run:
        print(f"dry run: {path} was not changed")
    elif backup is not None:
        print(f"repaired {path} (the damaged file is kept as {backup})")
    elif needs_save:
        print(f"repaired {path}")
    elif not needs_save:
        print(f"{path}: nothing the repair can change")
    if left:
        print(f"{len(left)} problem(s) left for you to fix (see above)")

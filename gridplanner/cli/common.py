"""Helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from gridplanner.errors import ProjectFileError
from gridplanner.io.atomic import real_target, refuse_read_only
from gridplanner.io.plan_file import lock
from gridplanner.io.plan_file.ondisk import FileState, file_state
from gridplanner.io.plan_file.postgis import PostgisPlanStore, is_database_uri
from gridplanner.io.plan_file.project import save_plan
from gridplanner.io.plan_file.reading import read_plan
from gridplanner.model.plan import Plan

#: who this command is, for lock files and the plan's "saved by" (set by main)
PROGRAM = "gridplanner"
#: the state of every plan file this command read, to see changes on disk at write time
_read_states: dict[str, FileState] = {}
#: plans kept in PostgreSQL/PostGIS that this command read (each remembers its row versions)
_stores: dict[str, PostgisPlanStore] = {}


def _key(path: str | Path) -> str:
    return str(real_target(path).resolve())


def open_plan(path: str, for_update: bool = False) -> Plan:
    """Read a plan; ``for_update``: also take its lock until the command ends.

    A command that will save the plan passes ``for_update`` so that a second
    writer is refused at once (exit 1, naming this command) instead of after
    its work. Every read remembers the file's state, so :func:`write_plan`
    refuses to overwrite a change another program saved in between.
    """
    if is_database_uri(path):  # rows carry versions: the save checks them, no lock needed
        store = _stores.setdefault(path, PostgisPlanStore(path))
        return store.load()
    if for_update:
        lock.acquire(path, PROGRAM)
        refuse_read_only(Path(path), real_target(path), ProjectFileError)  # before the work
    plan, state = read_plan(Path(path), PROGRAM)
    _read_states[_key(path)] = state
    return plan


def write_plan(plan: Plan, path: str) -> None:
    """Save a plan under its lock, refusing when it changed on disk since it was read.

    A plan in PostgreSQL/PostGIS is saved feature by feature instead, and a
    feature another writer changed since it was read is refused
    (:class:`~gridplanner.io.plan_file.postgis.PlanConflictError`).
    """
    if is_database_uri(path):
        store = _stores.get(path)
        if store is None:  # a new plan
            PostgisPlanStore(path).create(plan)
        else:
            store.save(plan)
        return
    with lock.plan_lock(path, PROGRAM):
        save_plan(plan, Path(path), expected=_read_states.get(_key(path)), program=PROGRAM)
        state = file_state(path)
        if state is not None:
            _read_states[_key(path)] = state


def end_command() -> None:
    """Forget what this command read and give back its plan locks."""
    _read_states.clear()
    _stores.clear()
    lock.release_all()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def _default(value: Any) -> Any:
    import numpy as np

    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def parse_float_list(text: str, what: str) -> list[float]:
    import argparse

    try:
        values = [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{what} must be numbers separated by commas") from None
    if not values or any(v <= 0 for v in values):
        raise argparse.ArgumentTypeError(f"{what} must be positive numbers")
    return values

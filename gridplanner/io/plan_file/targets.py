"""What no export may overwrite: the open plan, any gridplanner plan, a locked plan.

:func:`gridplanner.io.atomic.write_atomic` asks :func:`refuse_plan_target`
before every export it writes (holding the target's lock, so no plan save
can land in between), and the few writers that do not go through
it (GDAL layers written in place) ask it themselves; the export dialog asks
:func:`plan_target_problem` to say why in the window's language.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from gridplanner.errors import ExportError, GridPlannerError
from gridplanner.io.plan_file.lock import describe_holder, held_by_other, real_target

SQLITE_MAGIC = b"SQLite format 3\x00"
META_TABLE = "gridplanner_meta"


def is_plan_file(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a gridplanner plan (a SQLite file with its metadata table)."""
    p = Path(path)
    try:
        with open(p, "rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
    except OSError:
        return False
    try:
        con = sqlite3.connect(f"file:{p.resolve().as_posix()}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (META_TABLE,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return True  # a SQLite file we cannot look into: treat it as precious
    return row is not None


def same_file(a: str | os.PathLike[str] | None, b: str | os.PathLike[str] | None) -> bool:
    """True when ``a`` and ``b`` name the same file (through links, case, ``..``)."""
    if not a or not b:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(real_target(a))) == \
            os.path.normcase(os.path.abspath(real_target(b)))


def plan_target_problem(path: str | os.PathLike[str],
                        open_plan: str | os.PathLike[str] | None = None
                        ) -> tuple[str, dict[str, object]] | None:
    """Why ``path`` may not be written by an export, or None when it may.

    Returns ``(reason, holder)`` where reason is ``"open_plan"``, ``"locked"``
    or ``"plan"`` and holder names the program holding a locked plan.
    """
    if same_file(path, open_plan):
        return "open_plan", {}
    holder = held_by_other(path)
    if holder is not None:
        return "locked", holder
    if Path(path).is_file() and is_plan_file(path):
        return "plan", {}
    return None


def refuse_plan_target(path: str | os.PathLike[str],
                       error: type[GridPlannerError] = ExportError,
                       open_plan: str | os.PathLike[str] | None = None) -> None:
    """Raise ``error`` when an export to ``path`` would replace a plan."""
    problem = plan_target_problem(path, open_plan)
    if problem is None:
        return
    reason, holder = problem
    if reason == "open_plan":
        why = "it is the open plan"
    elif reason == "locked":
        why = f"it is a plan being saved by {describe_holder(holder)}"
    else:
        why = "it is a gridplanner plan"
    raise error(f"{path}: not written: {why}, and an export never replaces a plan; "
                "choose another file name")

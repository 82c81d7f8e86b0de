"""Reading a plan together with the state of the file it came from.

:func:`read_plan` is how the window and the commands open a plan: the plan,
plus the :class:`~gridplanner.io.plan_file.ondisk.FileState` a later save
checks (``save_plan(..., expected=state)``), and a clean-up of what a
crashed save left beside the plan.
"""

from __future__ import annotations

import os
from pathlib import Path

from gridplanner.errors import ProjectFileError
from gridplanner.io.atomic import clean_stale_temps, stale_temps
from gridplanner.io.plan_file import lock
from gridplanner.io.plan_file.ondisk import FileState, file_state
from gridplanner.io.plan_file.project import load_plan
from gridplanner.model.plan import Plan

#: how often a read is retried when the file changes while it is being read
READ_ATTEMPTS = 3


def read_plan(path: str | os.PathLike[str], program: str | None = None
              ) -> tuple[Plan, FileState]:
    """Open a plan and the state of the file it came from.

    The state is taken before and after reading; when a save by another
    program lands in between, the read is repeated, so the plan and the
    state always belong to the same version of the file. Temporary copies
    left by a crashed save are removed when nobody is saving the plan.
    """
    clean_if_idle(path, program)
    for _attempt in range(READ_ATTEMPTS):
        before = file_state(path)
        plan = load_plan(path)
        after = file_state(path)
        if before is not None and before == after:
            return plan, after
    raise ProjectFileError(f"{path}: the file kept changing while it was read (another "
                           "program is saving it); try again in a moment")


def clean_if_idle(path: str | os.PathLike[str], program: str | None = None) -> list[Path]:
    """Remove stale temporary copies of the plan unless a save of it is under way.

    The lock is taken only when there is something to clean (a temporary
    copy, or the lock file of a writer that was killed, which the release
    removes), so opening a plan never gets in the way of another program
    saving it.
    """
    if not stale_temps(path) and not lock.lock_path(path).exists():
        return []
    if not lock.try_with_lock(path, program):
        return []
    try:
        return clean_stale_temps(path)
    finally:
        lock.release(path)

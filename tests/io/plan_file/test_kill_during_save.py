"""kill -9 in the middle of a save: the plan reopens in its old or new state, temps go."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest

from gridplanner.io.atomic import stale_temps
from gridplanner.io.plan_file.lock import lock_path
from gridplanner.io.plan_file.project import save_plan
from gridplanner.io.plan_file.reading import read_plan

SAVER = textwrap.dedent("""
    import sys
    from gridplanner.io.plan_file.project import load_plan, save_plan
    path = sys.argv[1]
    plan = load_plan(path)
    i = 0
    while True:
        i += 1
        plan.name = "new" if i % 2 else "old"
        save_plan(plan, path, program="saver")
""")


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
@pytest.mark.parametrize("trial", range(3))
def test_kill_9_during_save_leaves_old_or_new_and_the_next_open_cleans(tmp_path, grid_plan,
                                                                        trial):
    plan_path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    os.chmod(plan_path, 0o600)
    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(plan_path)],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    try:
        while not stale_temps(plan_path):  # a save is under way: its temp folder exists
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the saver never started a save"
            time.sleep(0.001)
        time.sleep(0.002 * trial)  # at different points of the save
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    left = stale_temps(plan_path)
    assert left, "killed mid-save: the temporary folder is still there"
    for temp in left:  # whatever was left is readable by its owner only
        assert stat.S_IMODE(temp.stat().st_mode) & 0o077 == 0
    plan, _state = read_plan(plan_path)
    assert plan.name in ("street grid", "old", "new")
    assert len(plan.buildings) == len(grid_plan.buildings)
    assert stale_temps(plan_path) == []
    assert not lock_path(plan_path).exists()  # the dead saver's lock file went too
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o600
    save_plan(plan, plan_path)  # the dead saver's lock file does not block anyone

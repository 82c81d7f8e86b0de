"""A full disk during a save: a clear one-line message, the plan as it was, no temp left.

The disk is "filled" with a file-size limit (RLIMIT_FSIZE) on a real
`gridplanner` process: GDAL then fails as on a full disk, with "Failed to
commit transaction".
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gridplanner.io.plan_file.project import save_plan
from tests.cli.test_cli_writers import gridplanner_exe


def _limit_file_size(limit: int):
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failing write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE")
def test_a_full_disk_says_so_and_keeps_the_plan(tmp_path, grid_plan, repo_root):
    plan_path = save_plan(grid_plan, tmp_path / "plan.gpkg")
    before = plan_path.read_bytes()
    done = subprocess.run(
        [*gridplanner_exe(repo_root), "grids", "generate", str(plan_path), "--method", "square"],
        capture_output=True, text=True, timeout=240,
        preexec_fn=_limit_file_size(len(before) // 2))  # noqa: PLW1509 (test only)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"not enough disk space to save {plan_path}" in lines[0]
    assert "internal error" not in lines[0]
    assert plan_path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["plan.gpkg"]

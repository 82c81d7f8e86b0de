"""Two writers on one plan, and exports aimed at a plan: nothing is ever lost.

The writers are real `gridplanner` processes. The first is frozen (SIGSTOP)
while it holds the plan's lock, so the second always meets it there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridplanner.cli import common, main
from gridplanner.errors import PlanChangedError
from gridplanner.io.plan_file import lock
from gridplanner.io.plan_file.project import load_plan, save_plan
from tests.cli.test_cli_import import building_file

posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGSTOP/SIGCONT")


def gridplanner_exe(repo_root: Path) -> list[str]:
    exe = Path(sys.executable).parent / "gridplanner"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "gridplanner"]


@pytest.fixture
def plan_path(tmp_path, grid_plan) -> Path:
    return save_plan(grid_plan, tmp_path / "plan.gpkg")


def frozen_while_holding_the_lock(argv: list[str], plan: Path) -> subprocess.Popen:
    """Start a writer and stop it as soon as it holds the plan's lock."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while lock.held_by_other(plan) is None:
        if proc.poll() is not None:
            raise AssertionError(f"the first writer ended before it was caught: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("the first writer never took the lock")
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGSTOP)
    return proc


def resume(proc: subprocess.Popen) -> subprocess.CompletedProcess:
    os.kill(proc.pid, signal.SIGCONT)
    out, err = proc.communicate(timeout=240)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def run(argv: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, timeout=240)


@posix_only
def test_import_while_grids_generate_runs_is_refused_and_nothing_is_lost(
        tmp_path, plan_path, repo_root):
    exe = gridplanner_exe(repo_root)
    buildings = building_file(tmp_path)
    before = load_plan(plan_path)
    first = frozen_while_holding_the_lock(
        [*exe, "grids", "generate", str(plan_path), "--method", "square", "--size", "150"],
        plan_path)
    try:
        second = run([*exe, "import", str(plan_path), "buildings", str(buildings)])
    finally:
        done = resume(first)
    assert second.returncode == 1
    assert len(second.stderr.strip().splitlines()) == 1, second.stderr
    assert "being changed by gridplanner grids generate" in second.stderr
    assert f"pid {first.pid}" in second.stderr
    assert done.returncode == 0, done.stderr
    after = load_plan(plan_path)
    assert len(after.cells) > 0 and len(after.cells) != len(before.cells)  # the winner's cells
    assert len(after.buildings) == len(before.buildings)  # the refused import changed nothing
    again = run([*exe, "import", str(plan_path), "buildings", str(buildings)])
    assert again.returncode == 0, again.stderr
    final = load_plan(plan_path)
    assert len(final.buildings) == len(before.buildings) + 6
    assert len(final.cells) == len(after.cells)  # both changes are there
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert not lock.lock_path(plan_path).exists()


@posix_only
def test_two_imports_at_once_one_wins_the_other_is_refused(tmp_path, plan_path, repo_root):
    exe = gridplanner_exe(repo_root)
    buildings = building_file(tmp_path)
    n = len(load_plan(plan_path).buildings)
    first = frozen_while_holding_the_lock(
        [*exe, "import", str(plan_path), "buildings", str(buildings)], plan_path)
    try:
        second = run([*exe, "import", str(plan_path), "buildings", str(buildings)])
    finally:
        done = resume(first)
    assert (second.returncode, done.returncode) == (1, 0), (second.stderr, done.stderr)
    assert "being changed by gridplanner import" in second.stderr
    assert "internal error" not in second.stderr
    assert len(load_plan(plan_path).buildings) == n + 6
    assert run([*exe, "import", str(plan_path), "buildings", str(buildings)]).returncode == 0
    assert len(load_plan(plan_path).buildings) == n + 12


def test_a_save_by_another_program_between_read_and_write_is_refused(plan_path):
    try:
        plan = common.open_plan(str(plan_path))  # read without the lock (as a reader does)
        other = load_plan(plan_path)
        other.name = "theirs"
        save_plan(other, plan_path, program="gridplanner window")
        plan.name = "mine"
        with pytest.raises(PlanChangedError, match="changed on disk by gridplanner window"):
            common.write_plan(plan, str(plan_path))
        assert load_plan(plan_path).name == "theirs"
    finally:
        common.end_command()


def test_a_command_unlocks_the_plan_even_when_it_fails(tmp_path, plan_path, capsys):
    code = main(["import", str(plan_path), "buildings", str(tmp_path / "missing.geojson")])
    assert code == 1
    assert not lock.lock_path(plan_path).exists()
    assert lock.held_by_other(plan_path) is None


@pytest.mark.parametrize("option", ["--gpkg", "--xlsx", "--csv", "--geojson", "--html"])
def test_export_over_the_plan_is_refused(plan_path, capsys, option):
    before = plan_path.read_bytes()
    code = main(["export", str(plan_path), option, str(plan_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "plan.gpkg: not written: it is a gridplanner plan" in err
    assert len(err.strip().splitlines()) == 1
    assert plan_path.read_bytes() == before


def test_export_over_another_plan_or_through_a_link_is_refused(tmp_path, plan_path, capsys):
    other = save_plan(load_plan(plan_path), tmp_path / "other.gpkg")
    link = tmp_path / "layers.gpkg"
    if os.name == "posix":
        link.symlink_to(plan_path)
    else:
        link = other
    before = other.read_bytes(), plan_path.read_bytes()
    assert main(["export", str(plan_path), "--gpkg", str(other)]) == 1
    assert main(["export", str(plan_path), "--gpkg", str(link)]) == 1
    assert main(["render", str(plan_path), "--out", str(other)]) == 1
    assert (other.read_bytes(), plan_path.read_bytes()) == before
    assert "not written: it is a gridplanner plan" in capsys.readouterr().err
    assert main(["export", str(plan_path), "--gpkg", str(tmp_path / "layers2.gpkg")]) == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_plan_is_refused_before_the_work(tmp_path, plan_path, capsys):
    os.chmod(plan_path, 0o444)
    before = plan_path.read_bytes()
    code = main(["import", str(plan_path), "buildings", str(building_file(tmp_path))])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "plan.gpkg: the file is read-only" in err
    assert plan_path.read_bytes() == before
    assert oct(plan_path.stat().st_mode & 0o777) == "0o444"

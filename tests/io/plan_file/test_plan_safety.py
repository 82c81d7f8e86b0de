"""Writes of a plan: lock, changed-on-disk check, mode and owner, links, read-only, temps."""

from __future__ import annotations

import contextlib
import os
import stat

import pytest

from gridplanner.errors import PlanChangedError, PlanLockedError, ProjectFileError
from gridplanner.io import atomic
from gridplanner.io.plan_file import lock
from gridplanner.io.plan_file.ondisk import file_state, saved_by
from gridplanner.io.plan_file.project import load_plan, save_plan
from gridplanner.io.plan_file.reading import read_plan
from gridplanner.model.plan import Plan

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and links")


@pytest.fixture
def plan_file(tmp_path):
    return save_plan(Plan(name="一号社区"), tmp_path / "plan.gpkg", program="test")


def test_a_save_records_who_saved_and_leaves_no_lock_file(plan_file):
    assert saved_by(plan_file)["program"] == "test"
    assert saved_by(plan_file)["pid"] == os.getpid()
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["plan.gpkg"]


def test_a_change_on_disk_since_reading_is_refused_and_named(plan_file):
    plan, state = read_plan(plan_file)
    other, _ = read_plan(plan_file)
    other.name = "saved by someone else"
    save_plan(other, plan_file, program="gridplanner import")
    plan.name = "my change"
    with pytest.raises(PlanChangedError, match="changed on disk by gridplanner import") as info:
        save_plan(plan, plan_file, expected=state)
    assert info.value.writer["program"] == "gridplanner import"
    assert load_plan(plan_file).name == "saved by someone else"  # nothing lost
    save_plan(plan, plan_file, expected=file_state(plan_file))  # after a reload: fine
    assert load_plan(plan_file).name == "my change"


def test_an_unchanged_file_saves_and_the_state_moves_on(plan_file):
    plan, state = read_plan(plan_file)
    save_plan(plan, plan_file, expected=state)
    new_state = file_state(plan_file)
    assert new_state != state
    with pytest.raises(PlanChangedError):
        save_plan(plan, plan_file, expected=state)  # the old state is stale now
    save_plan(plan, plan_file, expected=new_state)


def test_an_in_place_sqlite_edit_is_seen(plan_file):
    import sqlite3

    _, state = read_plan(plan_file)
    con = sqlite3.connect(plan_file)  # as QGIS edits: in place, same inode
    with con:
        con.execute("UPDATE gridplanner_meta SET value = 'x' WHERE key = 'name'")
    con.close()
    with pytest.raises(PlanChangedError):
        save_plan(Plan(name="mine"), plan_file, expected=state)


@contextlib.contextmanager
def held_elsewhere(plan_path, holder: bytes):
    """The plan's lock held through a separate open file, as another process holds it."""
    import fcntl

    fd = os.open(lock.lock_path(plan_path), os.O_RDWR | os.O_CREAT)
    os.write(fd, holder)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        os.close(fd)


HOLDER = (b'{"program": "gridplanner grids generate", "pid": 4242, "user": "ann",'
          b' "host": "pc-7", "since": "2026-12-03 19:05:01"}')


@posix_only
def test_a_held_lock_refuses_the_save_and_names_the_holder(plan_file):
    before = plan_file.read_bytes()
    with held_elsewhere(plan_file, HOLDER):
        with pytest.raises(PlanLockedError, match=r"gridplanner grids generate \(pid 4242, "
                           r"user ann on pc-7, since 2026-12-03 19:05:01\)") as info:
            save_plan(Plan(name="x"), plan_file)
        assert info.value.holder["host"] == "pc-7"
        assert lock.held_by_other(plan_file)["user"] == "ann"
    assert plan_file.read_bytes() == before
    save_plan(Plan(name="x"), plan_file)  # a lock file nobody holds is no obstacle
    assert not lock.lock_path(plan_file).exists()


def test_the_lock_is_reentrant_and_released_by_the_last_holder(plan_file):
    with lock.plan_lock(plan_file, "outer"):
        save_plan(Plan(name="inner"), plan_file)
        assert lock.lock_path(plan_file).exists()
        assert lock.read_holder(lock.lock_path(plan_file))["program"] == "outer"
    assert not lock.lock_path(plan_file).exists()
    assert lock.held_by_other(plan_file) is None


@posix_only
def test_saving_keeps_a_private_mode(plan_file):
    os.chmod(plan_file, 0o600)
    save_plan(Plan(name="x"), plan_file)
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o600
    os.chmod(plan_file, 0o640)
    save_plan(Plan(name="y"), plan_file)
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o640


@posix_only
def test_a_read_only_plan_is_refused_with_a_clear_message(plan_file):
    os.chmod(plan_file, 0o444)
    before = plan_file.read_bytes()
    with pytest.raises(ProjectFileError, match="plan.gpkg: the file is read-only"):
        save_plan(Plan(name="x"), plan_file)
    assert plan_file.read_bytes() == before
    assert stat.S_IMODE(plan_file.stat().st_mode) == 0o444
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["plan.gpkg"]


@posix_only
def test_saving_through_a_link_writes_the_real_file_and_keeps_the_link(plan_file, tmp_path):
    link = tmp_path / "shortcut.gpkg"
    link.symlink_to(plan_file)
    plan, state = read_plan(link)
    plan.name = "through the link"
    save_plan(plan, link, expected=state)
    assert link.is_symlink() and os.readlink(link) == str(plan_file)
    assert load_plan(plan_file).name == "through the link"
    # the link and the file share one lock
    assert lock.lock_path(link) == lock.lock_path(plan_file)


@posix_only
def test_stale_temporary_copies_are_removed_on_open_and_on_save(plan_file, tmp_path):
    stale = tmp_path / ".plan.gpkg.saving-0123456789"
    stale.mkdir(mode=0o700)
    (stale / "plan.gpkg").write_bytes(b"half a plan with names and phone numbers")
    old_style = tmp_path / ".plan-0123456789.saving.gpkg"
    old_style.write_bytes(b"old temp")
    unrelated = tmp_path / ".other.gpkg.saving-0123456789"
    unrelated.mkdir()
    read_plan(plan_file)
    assert not stale.exists() and not old_style.exists()
    assert unrelated.exists()
    stale.mkdir(mode=0o700)
    save_plan(Plan(name="x"), plan_file)
    assert not stale.exists()


@posix_only
def test_a_save_in_progress_is_not_cleaned_by_an_open(plan_file, tmp_path):
    busy = tmp_path / ".plan.gpkg.saving-0123456789"
    busy.mkdir(mode=0o700)
    with held_elsewhere(plan_file, HOLDER):
        read_plan(plan_file)
        assert busy.exists()
    read_plan(plan_file)
    assert not busy.exists()


@posix_only
def test_temporary_copies_are_private_while_writing(tmp_path):
    seen = {}

    def write(tmp):
        seen["dir"] = stat.S_IMODE(tmp.parent.stat().st_mode)
        tmp.write_text("secret")

    atomic.write_atomic(tmp_path / "roster.csv", write)
    assert seen["dir"] == 0o700


def test_a_full_disk_says_so(plan_file, monkeypatch):
    before = plan_file.read_bytes()

    def full(*_args, **_kwargs):
        import pyogrio

        raise pyogrio.errors.DataSourceError("Failed to commit transaction")

    monkeypatch.setattr("gridplanner.io.plan_file.project._write_layers", full)
    monkeypatch.setattr(atomic.shutil, "disk_usage",
                        lambda _p: type("U", (), {"free": 1024})())
    with pytest.raises(ProjectFileError, match="not enough disk space to save .*plan.gpkg"):
        save_plan(Plan(name="x"), plan_file)
    assert plan_file.read_bytes() == before
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["plan.gpkg"]


def test_an_os_full_disk_says_so(tmp_path):
    def full(tmp):
        tmp.write_text("x")
        raise OSError(28, "No space left on device")

    with pytest.raises(Exception, match="not enough disk space to save .*t.csv"):
        atomic.write_atomic(tmp_path / "t.csv", full)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user needs root")
def test_saving_keeps_the_owner_and_group(plan_file):
    os.chown(plan_file, 1234, 2345)
    save_plan(Plan(name="x"), plan_file)
    st = plan_file.stat()
    assert (st.st_uid, st.st_gid) == (1234, 2345)


def test_an_export_refuses_a_plan_whatever_its_name_but_replaces_an_old_export(plan_file,
                                                                                 grid_plan):
    from gridplanner.errors import ExportError
    from gridplanner.io.exporters.layers import export_gpkg
    from gridplanner.io.exporters.tables import export_csv

    disguised = plan_file.with_name("roster.csv")
    disguised.write_bytes(plan_file.read_bytes())
    with pytest.raises(ExportError, match="roster.csv: not written: it is a gridplanner plan"):
        export_csv(grid_plan, disguised)
    assert disguised.read_bytes() == plan_file.read_bytes()
    layers = plan_file.with_name("layers.gpkg")
    export_gpkg(grid_plan, layers)
    export_gpkg(grid_plan, layers)  # an earlier export is not a plan: replaced


@posix_only
def test_an_export_never_lands_on_a_plan_being_saved(tmp_path, grid_plan):
    from gridplanner.errors import ExportError
    from gridplanner.io.exporters.tables import export_csv

    target = tmp_path / "new-plan.gpkg"  # a plan another program is saving for the first time
    with held_elsewhere(target, HOLDER):
        with pytest.raises(ExportError, match="new-plan.gpkg: not written: it is a plan being "
                           "saved by gridplanner grids generate"):
            export_csv(grid_plan, target)
    assert not target.exists()
    export_csv(grid_plan, target)  # once nobody holds it, it is an ordinary file name
    assert not lock.lock_path(target).exists()


def test_a_save_landing_during_a_read_makes_the_read_start_again(plan_file, monkeypatch):
    from gridplanner.io.plan_file import reading

    calls = []

    def load_while_someone_saves(path):
        plan = load_plan(path)
        if not calls:
            save_plan(Plan(name="saved during the read"), path, program="other")
        calls.append(plan.name)
        return plan

    monkeypatch.setattr(reading, "load_plan", load_while_someone_saves)
    plan, state = read_plan(plan_file)
    assert calls == ["一号社区", "saved during the read"]
    assert plan.name == "saved during the read" and state == file_state(plan_file)

"""The plan's write lock: one writer at a time, and the others told who it is.

Every write of a plan (a save from the window, a command that changes the
plan) holds an advisory lock file beside the real plan file,
``<plan>.gpkg.lock``. The lock itself is the operating system's lock on
that file (``flock`` on POSIX, ``msvcrt.locking`` on Windows), so it dies
with its process: a crashed or killed writer never leaves a plan locked.
The file's text only says who holds it (program, pid, user, host, since),
for the message the next writer gets. A clean release removes the file.

SQLite's own locking cannot do this job: a save replaces the plan file by
a rename (atomic save), so a lock on the old file protects nothing, and a
command's read-modify-write spans many GDAL connections, not one
transaction.

Locks are re-entrant within a process (a command locks at open and saves
later under the same lock). An export takes the lock of its target file
too (:func:`gridplanner.io.atomic.write_atomic`), so a plan save and an
export to one path never overlap.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from gridplanner.errors import PlanLockedError, ProjectFileError

LOCK_SUFFIX = ".lock"
#: where on Windows the one locked byte sits (beyond the text, so it stays readable)
_WIN_LOCK_OFFSET = 1 << 30

_registry_lock = threading.Lock()
_held: dict[str, _Held] = {}


class _Held:
    def __init__(self, fd: int, lock_file: Path):
        self.fd = fd
        self.lock_file = lock_file
        self.count = 1


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` must replace: the end of any chain of links."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def lock_path(plan_path: str | os.PathLike[str]) -> Path:
    """The lock file of the plan at ``plan_path`` (beside the real file behind a link)."""
    real = real_target(plan_path)
    return real.with_name(real.name + LOCK_SUFFIX)


def _key(plan_path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(real_target(plan_path)))


def who_am_i(program: str | None = None) -> dict[str, object]:
    """What a lock file (and a saved plan) records about this process."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        user = ""
    return {
        "program": program or _program_name(),
        "pid": os.getpid(),
        "user": user,
        "host": socket.gethostname(),
        "since": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def _program_name() -> str:
    args = sys.argv[1:3] if sys.argv else []
    words = [a for a in args if a and not a.startswith("-") and "." not in a][:2]
    return " ".join(["gridplanner", *words]) if words else "gridplanner"


def describe_holder(holder: dict[str, object]) -> str:
    """'gridplanner import (pid 42, user ann on pc-7, since 2026-12-03 19:05:01)'."""
    if not holder:
        return "another program"
    parts = [f"pid {holder.get('pid', '?')}"]
    if holder.get("user") or holder.get("host"):
        parts.append(f"user {holder.get('user') or '?'} on {holder.get('host') or '?'}")
    if holder.get("since"):
        parts.append(f"since {holder['since']}")
    return f"{holder.get('program') or 'another program'} ({', '.join(parts)})"


def read_holder(lock_file: Path) -> dict[str, object]:
    """What ``lock_file`` says about its holder (empty when unreadable)."""
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8")[:4096])
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _open_lock_file(lock_file: Path, plan: Path) -> int:
    try:
        return os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except PermissionError:
        if lock_file.exists():  # another user's lock file: look, and clear it if stale
            return os.open(lock_file, os.O_RDONLY)
        raise ProjectFileError(f"{plan}: cannot write into folder {lock_file.parent} "
                               "(not writable); choose another folder") from None
    except OSError as exc:
        raise ProjectFileError(f"{plan}: cannot create the lock file {lock_file.name} "
                               f"({exc.strerror or exc})") from exc


def _acquire_new(plan: Path, lock_file: Path, program: str | None) -> int:
    """Take the OS lock on a fresh or stale lock file; raise PlanLockedError if held."""
    for _attempt in range(10):
        fd = _open_lock_file(lock_file, plan)
        if not _try_lock(fd):
            os.close(fd)
            holder = read_holder(lock_file)
            raise PlanLockedError(
                f"{plan}: the plan is being changed by {describe_holder(holder)}; nothing was "
                "saved; try again when it has finished", path=plan, holder=holder)
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(lock_file))
        except OSError:
            same = False
        if not same:  # the holder removed it as we opened it: start again
            os.close(fd)
            continue
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(who_am_i(program), ensure_ascii=False).encode("utf-8"))
        except OSError:  # a stale lock file of another user, opened read-only
            os.close(fd)
            with contextlib.suppress(OSError):
                lock_file.unlink()
            continue
        return fd
    raise PlanLockedError(f"{plan}: could not take the plan's lock file {lock_file.name}",
                          path=plan)


def acquire(plan_path: str | os.PathLike[str], program: str | None = None) -> None:
    """Take the plan's write lock (re-entrant); raises PlanLockedError when another holds it."""
    key = _key(plan_path)
    with _registry_lock:
        if key in _held:
            _held[key].count += 1
            return
        lock_file = lock_path(plan_path)
        fd = _acquire_new(Path(plan_path), lock_file, program)
        _held[key] = _Held(fd, lock_file)


def release(plan_path: str | os.PathLike[str]) -> None:
    """Give back one hold of the plan's lock; the last one removes the lock file."""
    key = _key(plan_path)
    with _registry_lock:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[key]
        _drop(held)


def _drop(held: _Held) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot remove an open file
        os.close(held.fd)
        with contextlib.suppress(OSError):
            held.lock_file.unlink()
        return
    with contextlib.suppress(OSError):
        held.lock_file.unlink()  # while still locked: nobody can take a file on its way out
    os.close(held.fd)


def release_all() -> None:
    """Give back every lock this process holds (end of a command)."""
    with _registry_lock:
        held = list(_held.values())
        _held.clear()
    for h in held:
        _drop(h)


def holds(plan_path: str | os.PathLike[str]) -> bool:
    """True when this process holds the plan's lock."""
    with _registry_lock:
        return _key(plan_path) in _held


@contextlib.contextmanager
def plan_lock(plan_path: str | os.PathLike[str], program: str | None = None) -> Iterator[None]:
    """Hold the plan's write lock for the ``with`` block."""
    acquire(plan_path, program)
    try:
        yield
    finally:
        release(plan_path)


def held_by_other(plan_path: str | os.PathLike[str]) -> dict[str, object] | None:
    """The holder of the plan's lock when another process holds it, else None."""
    if holds(plan_path):
        return None
    lock_file = lock_path(plan_path)
    if not lock_file.exists():
        return None
    try:
        fd = os.open(lock_file, os.O_RDONLY)
    except OSError:
        return read_holder(lock_file) or {"program": "another program"}
    try:
        if _try_lock(fd):
            return None  # a stale file: nobody holds it
    finally:
        os.close(fd)  # closing drops the lock we may have taken
    return read_holder(lock_file) or {"program": "another program"}


def try_with_lock(plan_path: str | os.PathLike[str], program: str | None = None) -> bool:
    """Take the lock if nobody holds it (True), else False without waiting or raising."""
    try:
        acquire(plan_path, program)
    except ProjectFileError:
        return False
    return True

"""Atomic file writing: a crash or a full disk mid-write never leaves a
half-written file in place of a good one.

The writer fills a temporary file in a private folder beside the target
(``.<name>.saving-<random>``, mode 0700, same file system so the final
rename is atomic), the file is flushed to disk, given the target's mode
and owner, then renamed over the target; on any failure the temporary
folder is removed and the target is untouched. The temporary file does not
exist when the writer is called, so writers that create their own file
(GDAL) work too, and a new target gets the ordinary permissions of a new
file. Nobody but the saving user can read the temporary copy, even one
left behind by a crash (:func:`clean_stale_temps` removes those).

The target is the real file behind a symbolic link (the link stays a
link), a read-only target is refused, a full disk is reported as such (both
errors carry ``reason``: ``"read_only"``, ``"disk_full"``), and
an existing gridplanner plan is never replaced unless the caller saves a
plan (``replace_plan=True``): exports can never overwrite a plan. Every
write holds the target's lock (:mod:`gridplanner.io.plan_file.lock`), so a
plan save and an export to the same path cannot cross.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from gridplanner.errors import ExportError, GridPlannerError, PlanLockedError, ProjectFileError
from gridplanner.io.plan_file.lock import describe_holder, plan_lock, real_target
from gridplanner.io.plan_file.targets import refuse_plan_target

__all__ = ["clean_stale_temps", "real_target", "stale_temps", "write_atomic"]

#: what marks a temporary save folder (and, before it, a temporary save file)
TEMP_MARK = ".saving"
#: errno values that mean the disk (or the user's quota, or a size limit) is full
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
#: texts GDAL and SQLite give for a full disk when they hide the errno
DISK_FULL_TEXTS = ("no space left", "disk is full", "disk quota", "file too large",
                   "failed to commit transaction", "disk i/o error")


def write_atomic(
    path: str | os.PathLike[str],
    write: Callable[[Path], object],
    error: type[GridPlannerError] = ExportError,
    replace_plan: bool = False,
) -> Path:
    """Call ``write(tmp)`` and move ``tmp`` over ``path``; returns ``path``.

    Whatever ``write`` returns is ignored (``Path.write_text`` returns a count).

    Parameters
    ----------
    error
        The error raised (ExportError by default), naming the target, for a
        missing folder, a read-only target, a full disk or any OS error.
    replace_plan
        Allow replacing an existing gridplanner plan (only a plan save does).
    """
    given = Path(path)
    target = real_target(given)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise error(f"{given}: folder {folder} does not exist")
    try:
        with plan_lock(target):  # no plan save lands on this path while we look and write
            if not replace_plan:
                refuse_plan_target(given, error)
            _replace(given, target, folder, write, error)
    except PlanLockedError as exc:
        if replace_plan:
            raise
        raise error(f"{given}: not written: it is a plan being saved by "
                    f"{describe_holder(exc.holder)}, and an export never replaces a plan; "
                    "choose another file name") from exc
    except ProjectFileError as exc:
        if replace_plan or isinstance(exc, error):
            raise
        raise error(str(exc)) from exc  # the folder is not writable (lock file)
    return given


def _replace(given: Path, target: Path, folder: Path, write: Callable[[Path], object],
             error: type[GridPlannerError]) -> None:
    refuse_read_only(given, target, error)
    tmp_dir = folder / f".{target.name}{TEMP_MARK}-{uuid.uuid4().hex[:10]}"
    try:
        os.mkdir(tmp_dir, 0o700)
    except OSError as exc:
        raise _os_error(given, exc, error) from exc
    tmp = tmp_dir / target.name
    try:
        write(tmp)
        fsync_file(tmp)
        keep_mode_and_owner(target, tmp)
        os.replace(tmp, target)
        fsync_dir(folder)
    except OSError as exc:
        raise _os_error(given, exc, error) from exc
    except GridPlannerError:
        raise
    except Exception as exc:  # a writer's own error type (GDAL, openpyxl) for a full disk
        if is_disk_full(exc, tmp_dir):
            raise _with_reason(error(disk_full_message(given, exc)), "disk_full") from exc
        raise
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


def refuse_read_only(given: Path, target: Path, error: type[GridPlannerError]) -> None:
    """Raise ``error`` when ``target`` exists and is read-only (also for root)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise _with_reason(error(f"{given}: the file is read-only, so it was not replaced; "
                                 "save under another name, or make the file writable first"),
                           "read_only")


def keep_mode_and_owner(target: Path, tmp: Path) -> None:
    """Give ``tmp`` the permissions (and, where allowed, owner) of an existing ``target``."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return  # a new file keeps the ordinary permissions it was created with
    os.chmod(tmp, st.st_mode & 0o7777)
    if hasattr(os, "chown"):
        for uid, gid in ((st.st_uid, st.st_gid), (-1, st.st_gid)):
            try:
                os.chown(tmp, uid, gid)
                break
            except OSError:
                continue  # another user's file: the saver becomes its owner
        os.chmod(tmp, st.st_mode & 0o7777)  # chown may clear set-id bits


def is_disk_full(exc: BaseException, folder: Path) -> bool:
    """True when ``exc`` (an OSError or a writer's own error) means the disk is full.

    GDAL and SQLite hide the errno behind "Failed to commit transaction" or
    "disk I/O error"; then a probe write of 1 MiB in ``folder`` tells a full
    disk (or quota, or file-size limit) from other trouble.
    """
    if isinstance(exc, OSError) and exc.errno in DISK_FULL:
        return True
    text = str(exc).lower()
    if any(t in text for t in DISK_FULL_TEXTS[:4]):
        return True
    if any(t in text for t in DISK_FULL_TEXTS[4:]):
        return _no_room(folder)
    return False


def _no_room(folder: Path, size: int = 1 << 20) -> bool:
    probe = folder / f".space-probe-{uuid.uuid4().hex[:8]}"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        return exc.errno in DISK_FULL
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    try:
        return shutil.disk_usage(folder).free < size
    except OSError:
        return False


def disk_full_message(path: Path, exc: BaseException) -> str:
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return (f"not enough disk space to save {path} ({' '.join(detail.split())}); free some "
            "space or save to another disk; the previous file is unchanged")


def _with_reason(exc: GridPlannerError, reason: str) -> GridPlannerError:
    """Tag ``exc`` with why it happened (``read_only``, ``disk_full``) for the window's wording."""
    exc.reason = reason  # type: ignore[attr-defined]
    return exc


def _os_error(path: Path, exc: OSError, error: type[GridPlannerError]) -> GridPlannerError:
    if is_disk_full(exc, path.parent):
        return _with_reason(error(disk_full_message(path, exc)), "disk_full")
    if isinstance(exc, PermissionError):
        return error(f"{path}: cannot write ({exc.strerror}); is it open in another program, "
                     "or is the folder read-only?")
    return error(f"{path}: cannot write ({exc})")


def stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """Temporary copies of ``path`` beside it: private save folders of
    :func:`write_atomic` and the temporary files of earlier versions
    (``.<stem>-<hex>.saving<suffix>``). Stale unless a save is under way."""
    target = real_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    new_style = f".{target.name}{TEMP_MARK}-"
    old_style = re.compile(rf"^\.{re.escape(target.stem)}-[0-9a-f]{{10}}{re.escape(TEMP_MARK)}"
                           rf"{re.escape(target.suffix)}(-journal|-wal|-shm)?$")
    return [e for e in entries if e.name.startswith(new_style) or old_style.match(e.name)]


def clean_stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """Remove temporary copies of ``path`` left by a save that crashed; returns them.

    Call only while holding the plan's lock (no save of it is under way).
    """
    removed: list[Path] = []
    for entry in stale_temps(path):
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
        except OSError:
            continue
    return removed


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not possible on Windows; the rename is still atomic there
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""Atomic file writing: a crash or a full disk mid-write never leaves a
half-written file in place of a good one.

The writer fills a temporary file beside the target (same folder, so the
final rename stays on one file system), the file is flushed to disk, then
renamed over the target; on any failure the temporary file is removed and
the target is untouched. The temporary file does not exist when the writer
is called, so writers that create their own file (GDAL) work too, and the
result gets the ordinary permissions of a new file.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from gridplanner.errors import ExportError, GridPlannerError


def write_atomic(
    path: str | os.PathLike[str],
    write: Callable[[Path], object],
    error: type[GridPlannerError] = ExportError,
) -> Path:
    """Call ``write(tmp)`` and move ``tmp`` over ``path``; returns ``path``.

    Whatever ``write`` returns is ignored (``Path.write_text`` returns a count).

    OS errors become ``error`` (ExportError by default) naming the target.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise error(f"{target}: folder {folder} does not exist")
    tmp = folder / f".{target.stem}-{uuid.uuid4().hex[:10]}.saving{target.suffix}"
    try:
        write(tmp)
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(folder)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise error(f"{target}: cannot write ({exc.strerror}); is it open in "
                    "another program?") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise error(f"{target}: cannot write ({exc})") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


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

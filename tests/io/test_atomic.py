from __future__ import annotations

import os
import stat

import pytest

from gridplanner.errors import ExportError
from gridplanner.io.atomic import write_atomic


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("old")

    def half_then_fail(tmp):
        tmp.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="table.csv.*No space left"):
        write_atomic(target, half_then_fail)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_written_file_has_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        out = write_atomic(tmp_path / "map.html", lambda tmp: tmp.write_text("<html>"))
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644

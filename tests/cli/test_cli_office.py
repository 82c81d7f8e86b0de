"""The office's own data through the command line: cells, building data, rosters by grid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories_office import buildings_file, cells_file, community_file

from gridplanner.cli import main


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(tmp_path, capsys) -> Path:
    path = tmp_path / "plan.gpkg"
    assert run(capsys, "new", path)[0] == 0
    assert run(capsys, "import", path, "boundaries", community_file(tmp_path))[0] == 0
    assert run(capsys, "import", path, "buildings", buildings_file(tmp_path),
               "--name-field", "楼栋名称")[0] == 0
    return path


def test_import_cells_reports_what_it_closed(tmp_path, capsys, office):
    code, out, err = run(capsys, "import", office, "cells", cells_file(tmp_path),
                         "--code-field", "网格编码", "--name-field", "网格名称",
                         "--community-field", "所属社区", "--kind-field", "网格类型",
                         "--snap-tolerance", "1", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["added"] == 8
    assert report["counts"]["slivers_closed"] > 0
    code, out, err = run(capsys, "validate", office)
    assert code == 0, out + err


def test_import_cells_bad_field_and_tolerance_exit_1_plan_untouched(tmp_path, capsys, office):
    before = office.read_bytes()
    code, _, err = run(capsys, "import", office, "cells", cells_file(tmp_path),
                       "--code-field", "编号")
    assert code == 1 and "has no field '编号'" in err and "Traceback" not in err
    code, _, err = run(capsys, "import", office, "cells", cells_file(tmp_path),
                       "--snap-tolerance", "500")
    assert code == 1 and "snap tolerance" in err
    assert office.read_bytes() == before
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "import", office, "cells", cells_file(tmp_path), "--snap-tolerance", "x")
    assert exit_info.value.code == 2

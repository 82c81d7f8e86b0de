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
    assert code == 2 and "has no field '编号'" in err and "Traceback" not in err  # bad usage
    code, _, err = run(capsys, "import", office, "cells", cells_file(tmp_path),
                       "--snap-tolerance", "500")
    assert code == 1 and "snap tolerance" in err
    assert office.read_bytes() == before
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "import", office, "cells", cells_file(tmp_path), "--snap-tolerance", "x")
    assert exit_info.value.code == 2


def test_building_data_then_tallies_equal_an_independent_spatial_join(tmp_path, capsys, office):
    import geopandas as gpd
    import pyogrio
    from factories_office import building_table

    assert run(capsys, "import", office, "cells", cells_file(tmp_path))[0] == 0
    table, good = building_table(tmp_path)
    code, out, err = run(capsys, "import", office, "building-data", table, "--key-field", "地址",
                         "--building-field", "地址", "--group-field", "独居老人",
                         "--group-field", "60岁以上", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["counts"]["matched"] == len(good) and report["counts"]["unmatched"] == 2
    assert report["counts"]["duplicate"] == 1
    code, out, err = run(capsys, "tallies", office, "--json")
    assert code == 0, err
    tallies = json.loads(out)
    assert tallies["groups"] == ["独居老人", "60岁以上"]
    # independent: ledger rows joined to buildings by address, buildings to cells by sjoin
    buildings = pyogrio.read_dataframe(office, layer="buildings")
    cells = pyogrio.read_dataframe(office, layer="cells")
    points = gpd.GeoDataFrame(buildings[["地址"]], geometry=buildings.representative_point(),
                              crs=buildings.crs)
    joined = gpd.sjoin(points, cells[["code", "geometry"]], predicate="within")
    joined = joined.merge(good, on="地址", how="left").fillna(0)
    expected = joined.groupby("code")[["户数", "独居老人", "60岁以上"]].sum()
    # the duplicated key's building keeps its imported count of 1 household
    dup = joined[~joined["地址"].isin(good["地址"])]
    for row in tallies["rows"]:
        extra = float((dup["code"] == row["code"]).sum())
        assert row["households"] == expected.at[row["code"], "户数"] + extra
        assert row["groups"]["独居老人"] == expected.at[row["code"], "独居老人"]
        assert row["groups"]["60岁以上"] == expected.at[row["code"], "60岁以上"]
    code, out, _ = run(capsys, "info", office, "--json")
    info = json.loads(out)
    assert info["groups"]["plan"]["独居老人"] == float(good["独居老人"].sum())
    assert set(info["groups"]["communities"]) == {"东风社区", "西湖社区"}
    code, out, _ = run(capsys, "info", office)
    assert f"population groups: 独居老人 {good['独居老人'].sum():.0f}, 60岁以上" in out
    code, out, _ = run(capsys, "tallies", office, "--by", "community")
    assert code == 0 and "东风社区" in out and "total" in out


def test_building_data_errors_are_one_line(tmp_path, capsys, office):
    from factories_office import building_table

    table, _ = building_table(tmp_path, ".csv")
    before = office.read_bytes()
    code, _, err = run(capsys, "import", office, "building-data", table, "--key-field", "楼号")
    assert code == 2 and "has no column '楼号'" in err  # a named column not there: bad usage
    code, _, err = run(capsys, "import", office, "building-data", table)
    assert code == 1 and "building key" in err
    assert office.read_bytes() == before


def test_grids_code_uses_statistical_codes_and_short_names(tmp_path, capsys, office):
    import pyogrio

    assert run(capsys, "import", office, "cells", cells_file(tmp_path, codes=False))[0] == 0
    assert run(capsys, "grids", "code", office, "--renumber")[0] == 0
    cells = pyogrio.read_dataframe(office, layer="cells")
    assert sorted(cells["code"])[:2] == ["110105001001001", "110105001001002"]
    unnamed = cells[~cells["name"].str.contains("东风|西湖")]
    assert len(unnamed) == 2 and all(n in ("第1网格", "第2网格", "第3网格", "第4网格")
                                     for n in unnamed["name"])
    assert all(str(n) == f"第{int(c[-3:])}网格" for n, c in zip(unnamed["name"],
                                                                unnamed["code"], strict=True))


def test_roster_grid_field_then_validate_names_other_community(tmp_path, capsys, office):
    from factories_office import roster_files

    workers, branches = roster_files(tmp_path)
    assert run(capsys, "import", office, "cells", cells_file(tmp_path))[0] == 0
    code, out, err = run(capsys, "import", office, "workers", workers, "--grid-field", "所属网格",
                         "--json")
    assert code == 0, err
    assert any("row 11" in w for w in json.loads(out)["warnings"])
    code, out, err = run(capsys, "import", office, "branches", branches,
                         "--community-field", "所属社区", "--grid-field", "所属网格")
    assert code == 0, err
    code, out, _ = run(capsys, "validate", office, "--json")
    kinds = {f["kind"] for f in json.loads(out)["findings"]}
    assert "branch_other_community" not in kinds and "worker_other_community" not in kinds


def test_worked_example_end_to_end(tmp_path, capsys, office):
    """The README's worked example: cells, building data, roster by grid, validate 0,
    tallies equal to an independent spatial join, export, and re-import."""
    import geopandas as gpd
    import pyogrio
    from factories_office import building_table, full_roster_files

    table, good = building_table(tmp_path)
    workers, branches = full_roster_files(tmp_path)
    steps = [("import", office, "cells", cells_file(tmp_path)),
             ("import", office, "building-data", table, "--key-field", "地址"),
             ("import", office, "workers", workers, "--grid-field", "所属网格"),
             ("import", office, "branches", branches, "--grid-field", "所属网格",
              "--community-field", "所属社区")]
    for step in steps:
        code, out, err = run(capsys, *step)
        assert code == 0, (step, err)
    code, out, err = run(capsys, "validate", office)
    assert code == 0, out + err
    code, out, _ = run(capsys, "tallies", office, "--json")
    rows = {r["code"]: r for r in json.loads(out)["rows"]}
    assert all(r["leader"] and r["branch"] for c, r in rows.items() if not c.endswith("2004"))
    # independent: buildings' representative points joined to the saved cells
    buildings = pyogrio.read_dataframe(office, layer="buildings")
    cells = pyogrio.read_dataframe(office, layer="cells")
    points = gpd.GeoDataFrame(buildings.drop(columns="geometry"),
                              geometry=buildings.representative_point(), crs=buildings.crs)
    joined = gpd.sjoin(points, cells[["code", "geometry"]], predicate="within")
    sums = joined.groupby("code")[["households", "residents", "group_独居老人"]].sum()
    for c, r in rows.items():
        assert r["households"] == sums.at[c, "households"]
        assert r["residents"] == sums.at[c, "residents"]
        assert r["groups"]["独居老人"] == sums.at[c, "group_独居老人"]
    assert sum(r["buildings"] for r in rows.values()) == len(buildings)
    out_gpkg = tmp_path / "成果.gpkg"
    assert run(capsys, "export", office, "--gpkg", out_gpkg)[0] == 0
    again = tmp_path / "again.gpkg"
    assert run(capsys, "new", again)[0] == 0
    code, _, err = run(capsys, "import", again, "cells", out_gpkg, "--layer", "cells")
    assert code == 0, err
    back = pyogrio.read_dataframe(again, layer="cells").set_index("code")
    assert sorted(back.index) == sorted(cells["code"])
    assert back.loc[cells["code"], "name"].tolist() == cells["name"].tolist()

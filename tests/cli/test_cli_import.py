"""`gridplanner import`: the round trip a user does, and the failures they hit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely

from gridplanner.cli import main
from gridplanner.io.importers import registry as importing

LON, LAT = 116.30, 39.90


def community_file(tmp_path: Path) -> Path:
    path = tmp_path / "communities.geojson"
    gdf = gpd.GeoDataFrame(
        {"名称": ["东风社区", "西湖社区"], "级别": ["社区", "社区"]},
        geometry=[shapely.box(LON, LAT, LON + 0.01, LAT + 0.01),
                  shapely.box(LON + 0.01, LAT, LON + 0.02, LAT + 0.01)],
        crs="EPSG:4326",
    )
    gdf.to_file(path)
    return path


def building_file(tmp_path: Path) -> Path:
    """Six GBK shapefile buildings, no .cpg: four with 户数, two to estimate."""
    path = tmp_path / "buildings.shp"
    geoms = [shapely.box(LON + 0.002 * i, LAT + 0.002, LON + 0.002 * i + 0.0004, LAT + 0.0023)
             for i in range(6)]
    gdf = gpd.GeoDataFrame({"楼号": [f"{i}号楼" for i in range(6)],
                            "户数": [40, 60, 36, 24, None, None], "层数": [6] * 6},
                           geometry=geoms, crs="EPSG:4326")
    pyogrio.write_dataframe(gdf, path, encoding="GBK")
    path.with_suffix(".cpg").unlink()
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_path(tmp_path, capsys) -> Path:
    path = tmp_path / "plan.gpkg"
    assert run(capsys, "new", path)[0] == 0
    return path


def test_new_import_import_info_round_trip(tmp_path, capsys, plan_path):
    code, out, err = run(capsys, "import", plan_path, "boundaries", community_file(tmp_path),
                         "--level-field", "级别")
    assert (code, err) == (0, "")
    assert out.startswith("imported 2 boundaries from")
    code, out, err = run(capsys, "import", plan_path, "buildings", building_file(tmp_path))
    assert code == 0, err
    assert "imported 6 buildings" in out
    assert "households estimated for 2 buildings" in out
    code, out, _ = run(capsys, "info", plan_path, "--json")
    info = json.loads(out)
    assert info["communities"] == 2
    assert info["layers"]["buildings"]["features"] == 6
    assert info["crs"] == "EPSG:4548"
    totals = info["totals"]
    assert totals["buildings"] == 6 and totals["households_estimated"] == 2
    assert totals["households"] > 160  # 160 given plus the two estimates
    estimated = totals["households"] - 160
    # two 34.2 m × 33.3 m footprints × 6 floors ÷ 90 m² per dwelling = 2 × 76
    assert estimated == pytest.approx(152, abs=2)


def test_report_as_json(tmp_path, capsys, plan_path):
    code, out, _ = run(capsys, "import", plan_path, "boundaries", community_file(tmp_path),
                       "--level", "community", "--name-field", "名称", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["added"] == 2 and report["kind"] == "boundaries"


def test_failed_import_leaves_the_plan_file_byte_identical(tmp_path, capsys, plan_path):
    run(capsys, "import", plan_path, "boundaries", community_file(tmp_path), "--level", "社区")
    before = plan_path.read_bytes()
    roads = tmp_path / "roads.geojson"
    gpd.GeoDataFrame({"name": ["路"]}, geometry=[shapely.LineString([(LON, LAT), (LON + 0.01, LAT)])],
                     crs="EPSG:4326").to_file(roads)
    code, out, err = run(capsys, "import", plan_path, "buildings", roads)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "roads.geojson: holds LineString features" in err
    assert "Traceback" not in err
    assert plan_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".gpkg") == ["plan.gpkg"]


def test_geopackage_with_two_layers_asks_for_one(tmp_path, capsys, plan_path):
    src = tmp_path / "many.gpkg"
    gdf = gpd.read_file(community_file(tmp_path))
    pyogrio.write_dataframe(gdf, src, layer="社区")
    pyogrio.write_dataframe(gdf.iloc[:1], src, layer="街道")
    before = plan_path.read_bytes()
    code, _, err = run(capsys, "import", plan_path, "boundaries", src)
    assert code == 1 and "社区" in err and "街道" in err and "--layer" in err
    assert plan_path.read_bytes() == before
    code, out, _ = run(capsys, "import", plan_path, "boundaries", src, "--layer", "街道",
                       "--level", "街道")
    assert code == 0 and "(layer 街道)" in out


def test_file_without_crs_needs_source_crs(tmp_path, capsys, plan_path):
    gdf = gpd.read_file(community_file(tmp_path)).to_crs("EPSG:4548")
    shp = tmp_path / "gk.shp"
    pyogrio.write_dataframe(gdf, shp)
    shp.with_suffix(".prj").unlink()
    code, _, err = run(capsys, "import", plan_path, "boundaries", shp)
    assert code == 1 and "gk.shp: the file has no coordinate system" in err
    code, _, err = run(capsys, "import", plan_path, "boundaries", shp, "--source-crs", "EPSG:4548")
    assert code == 0, err


def test_kind_without_importer_is_not_yet_supported(tmp_path, capsys, plan_path, monkeypatch):
    monkeypatch.setitem(importing.IMPORT_KINDS, "branches", "gridplanner.io.no_such_module:f")
    before = plan_path.read_bytes()
    code, _, err = run(capsys, "import", plan_path, "branches", community_file(tmp_path))
    assert code == 1 and "not yet supported" in err
    assert plan_path.read_bytes() == before


def test_unknown_kind_is_a_usage_error(tmp_path, capsys, plan_path):
    with pytest.raises(SystemExit) as exc:
        main(["import", str(plan_path), "rivers", str(community_file(tmp_path))])
    assert exc.value.code == 2


def test_missing_plan_is_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "import", tmp_path / "none.gpkg", "boundaries",
                       community_file(tmp_path))
    assert code == 1 and "none.gpkg: no such file" in err


def test_installed_command_runs_the_import(tmp_path, repo_root):
    exe = Path(sys.executable).parent / "gridplanner"
    if not exe.exists():
        exe = repo_root / ".venv" / "bin" / "gridplanner"
    plan = tmp_path / "p.gpkg"
    subprocess.run([exe, "new", plan], check=True, capture_output=True)
    done = subprocess.run(
        [exe, "import", plan, "buildings", building_file(tmp_path), "--coords", "wgs84"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "imported 6 buildings" in done.stdout
    info = subprocess.run([exe, "info", plan, "--json"], capture_output=True, text=True,
                          check=True, timeout=120)
    assert json.loads(info.stdout)["totals"]["buildings"] == 6


def test_dry_run_reports_and_leaves_the_file(tmp_path, capsys, plan_path):
    before = plan_path.read_bytes()
    code, out, _ = run(capsys, "import", plan_path, "buildings", building_file(tmp_path),
                       "--dry-run")
    assert code == 0 and "imported 6 buildings" in out and "not changed" in out
    assert plan_path.read_bytes() == before


def test_bad_option_value_is_one_line(tmp_path, capsys, plan_path):
    code, _, err = run(capsys, "import", plan_path, "buildings", building_file(tmp_path),
                       "--option", "default_floors=six")
    assert code == 1 and "option default_floors must be a positive number, not 'six'" in err

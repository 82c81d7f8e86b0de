"""The coverage, isochrones and suggest-sites commands (public contract)."""

from __future__ import annotations

import json

import pandas as pd
import pyogrio
import pytest

from gridplanner.cli import main
from gridplanner.io.plan_file.project import save_plan


@pytest.fixture
def plan_file(tmp_path, grid_plan):
    path = tmp_path / "plan.gpkg"
    save_plan(grid_plan, path)
    return path


def test_coverage_json_has_totals_levels_services_cells_communities(plan_file, capsys):
    assert main(["coverage", str(plan_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "network"
    assert [r["level_m"] for r in data["levels"]] == [300, 500, 1000]
    assert {"totals", "levels", "services", "cells", "communities"} <= set(data)
    assert "health" in data["services"] and len(data["communities"]) == 2
    assert 0 < data["levels"][0]["household_share"] <= data["levels"][-1]["household_share"]


def test_minutes_and_speed_make_levels(plan_file, capsys):
    assert main(["coverage", str(plan_file), "--minutes", "5,10", "--speed", "1.2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["levels_m"] == [360.0, 720.0] and data["minutes"] == [5.0, 10.0]


def test_buildings_out_csv_and_gpkg(plan_file, tmp_path, capsys):
    csv = tmp_path / "b.csv"
    assert main(["coverage", str(plan_file), "--levels", "300,600",
                 "--buildings-out", str(csv)]) == 0
    out = capsys.readouterr().out
    assert "within 300 m" in out and "network distances" in out
    table = pd.read_csv(csv, encoding="utf-8-sig")
    assert {"fid", "name", "households", "distance_m", "nearest_centre",
            "covered_300", "covered_600"} <= set(table.columns)
    assert len(table) == 96
    gpkg = tmp_path / "b.gpkg"
    assert main(["coverage", str(plan_file), "--buildings-out", str(gpkg), "--service",
                 "health"]) == 0
    frame = pyogrio.read_dataframe(gpkg)
    assert "covered_1000" in frame.columns and len(frame) == 96


def test_unknown_service_is_one_line_error(plan_file, capsys):
    assert main(["coverage", str(plan_file), "--service", "spa"]) == 1
    err = capsys.readouterr().err
    assert "spa" in err and err.count("\n") == 1


def test_isochrones_written_to_gpkg(plan_file, tmp_path, capsys):
    out = tmp_path / "iso.gpkg"
    assert main(["isochrones", str(plan_file), "--out", str(out), "--mode", "dissolve",
                 "--gaps"]) == 0
    assert "wrote 3 isochrones" in capsys.readouterr().out
    assert set(pyogrio.list_layers(out)[:, 0]) == {"isochrones", "gaps"}
    assert len(pyogrio.read_dataframe(out, layer="isochrones")) == 3


def test_suggest_sites_json(plan_file, capsys):
    assert main(["suggest-sites", str(plan_file), "--count", "1", "--level", "200",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["suggestions"]) == 1 and data["share_after"] > data["share_before"]
    assert data["suggestions"][0]["households_added"] > 0


def test_suggest_sites_needs_count_or_target(plan_file, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["suggest-sites", str(plan_file)])
    assert exc.value.code == 2
    assert main(["suggest-sites", str(plan_file), "--target", "90%", "--level", "300"]) == 0
    assert "sites within 300 m" in capsys.readouterr().out


def test_network_health_command(plan_file, capsys):
    assert main(["network-health", str(plan_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["components"] == 1 and data["stranded_buildings"] == 0


def test_isochrones_hull_shape(plan_file, tmp_path):
    out = tmp_path / "hull.gpkg"
    assert main(["isochrones", str(plan_file), "--out", str(out), "--shape", "hull"]) == 0
    frame = pyogrio.read_dataframe(out, layer="isochrones")
    assert set(frame["shape"]) == {"hull"} and len(frame) == 6


def test_coverage_json_says_what_each_centre_serves(plan_file, capsys):
    assert main(["coverage", str(plan_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [c["name"] for c in data["centres"]]
    assert names == ["邻里中心", "卫生服务站"]
    centre = data["centres"][0]
    assert set(centre["levels"]) == {"300", "500", "1000"}
    served = centre["levels"]["1000"]
    assert served["households"] > 0 and served["communities"]
    assert "health" in data["centres"][1]["services"]
    assert data["capacity"]["households_unallocated"] == 0  # no capacities: no limit
    assert data["status"]["now"]["centres"] == 2


def test_scenario_and_compare(tmp_path, grid_plan, capsys):
    fids = list(grid_plan.centres.frame.index)
    grid_plan.centres.set_attributes(fids[1], {"scenarios": "2026 plan", "status": "planned"})
    path = tmp_path / "plan.gpkg"
    save_plan(grid_plan, path)
    assert main(["coverage", str(path), "--scenario", "2026 plan", "--compare", "all",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenario"] == "2026 plan" and data["status"]["now"]["centres"] == 1
    assert data["comparison"]["gained"] == [] and data["comparison"]["lost"] == []
    assert main(["coverage", str(path), "--now", "--compare", "all"]) == 0
    out = capsys.readouterr().out
    assert "buildings gaining coverage" in out and "what each centre serves" in out
    assert main(["coverage", str(path), "--scenario", "2030"]) == 1
    assert "no centre scenario named '2030'" in capsys.readouterr().err


def test_validate_reports_grids_without_a_station(tmp_path, grid_plan, capsys):
    import geopandas as gpd
    import shapely

    x0, y0, x1, y1 = grid_plan.extent()
    half = (x0 + x1) / 2
    grid_plan.cells.add(gpd.GeoDataFrame(
        {"code": ["W", "E"], "community": ["东风社区", "西湖社区"]},
        geometry=[shapely.box(x0, y0, half, y1), shapely.box(half, y0, x1, y1)],
        crs=grid_plan.crs))
    grid_plan.settings = grid_plan.settings.replaced(station_distance_m=100.0)
    path = tmp_path / "plan.gpkg"
    save_plan(grid_plan, path)
    main(["validate", str(path), "--json"])
    found = [f for f in json.loads(capsys.readouterr().out)["findings"]
             if f["kind"] == "no_station"]
    assert [f["cells"] for f in found] == [["E"]]  # the neighbourhood centre is in W


def test_report_command_writes_pdf_and_xlsx(plan_file, tmp_path, capsys):
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "summary.xlsx"
    assert main(["report", str(plan_file), "--out", str(pdf), "--xlsx", str(xlsx),
                 "--office", "示范街道办事处", "--sites", "1"]) == 0
    out = capsys.readouterr().out
    assert "coverage report written" in out and "residents within 1000 m" in out
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    assert main(["report", str(plan_file), "--out", str(tmp_path / "r.docx")]) == 1
    assert ".pdf" in capsys.readouterr().err
    assert main(["report", str(plan_file), "--out", str(pdf), "--scenario", "nope"]) == 1
    assert "no centre scenario named 'nope'" in capsys.readouterr().err

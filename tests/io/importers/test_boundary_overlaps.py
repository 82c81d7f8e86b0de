"""Community boundaries from civil affairs: overlaps settled on import, named by validate."""

from __future__ import annotations

import json

import geopandas as gpd
import shapely
from factories_office import CRS, X0, Y0, buildings_file, community_file

from gridplanner.analysis.grids.boundary_overlaps import check_boundaries, fit_boundaries
from gridplanner.cli import main
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model.plan import Plan


def _area_between(plan: Plan) -> float:
    a, b = plan.communities().geometry.values
    return float(a.intersection(b).area)


def test_overlap_goes_to_the_longer_shared_edge_and_is_reported(tmp_path):
    plan = Plan()
    report = import_file(plan, "boundaries", community_file(tmp_path, overlap=3.0))
    assert _area_between(plan) < 1e-6
    text = "\n".join(report.repaired)
    assert "东风社区 and 西湖社区 overlap by 1,200 m²: given to" in text
    assert report.counts["overlaps"] == 1


def test_overlap_goes_to_the_community_holding_its_buildings(tmp_path):
    plan = Plan()
    import_file(plan, "buildings", buildings_file(tmp_path), ImportOptions(name_field="楼栋名称"))
    # 西湖社区 reaches 40 m west over 东风社区, where 东风's buildings stand (x 530..550 of 600)
    path = tmp_path / "overlapping.geojson"
    gpd.GeoDataFrame({"名称": ["东风社区", "西湖社区"], "级别": ["社区", "社区"]},
                     geometry=[shapely.box(X0, Y0, X0 + 600, Y0 + 400),
                               shapely.box(X0 + 560, Y0, X0 + 1200, Y0 + 400)],
                     crs=CRS).to_file(path)
    report = import_file(plan, "boundaries", path)
    assert any("given to 东风社区 (holds" in m for m in report.repaired), report.repaired
    comms = plan.communities().set_index("name")
    assert abs(comms.geometry["东风社区"].area - 600 * 400) < 1e-3
    assert abs(comms.geometry["西湖社区"].area - 600 * 400) < 1e-3


def test_without_fixing_overlaps_are_only_reported_and_validate_names_them(tmp_path, capsys):
    plan_path = tmp_path / "plan.gpkg"
    assert main(["new", str(plan_path)]) == 0
    capsys.readouterr()
    assert main(["import", str(plan_path), "boundaries", str(community_file(tmp_path, 3.0)),
                 "--no-fix-overlaps", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert any("overlap by 1,200 m² (not fixed)" in w for w in report["warnings"])
    assert main(["grids", "generate", str(plan_path), "--method", "square", "--size", "300"]) == 0
    capsys.readouterr()
    assert main(["validate", str(plan_path), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    cause = [f for f in found if f["kind"] == "community_overlap"]
    assert len(cause) == 1
    assert "communities 东风社区 and 西湖社区 overlap by 1,200 m²" in cause[0]["message"]
    assert cause[0]["cell_fids"]  # the cells that inherit it


def test_narrow_gap_between_neighbours_is_closed():
    a = shapely.box(0, 0, 100, 100)
    b = shapely.box(100.6, 0, 200, 100)
    fit = fit_boundaries([a, b], tolerance=1.0)
    assert fit.gaps_closed == 1 and abs(fit.gap_m2 - 60) < 1e-3
    assert fit.geometries[0].distance(fit.geometries[1]) < 1e-9
    wide = fit_boundaries([a, shapely.box(103, 0, 200, 100)], tolerance=1.0)
    assert wide.gaps_closed == 0


def test_clean_boundaries_give_no_finding(tmp_path):
    plan = Plan()
    import_file(plan, "boundaries", community_file(tmp_path))
    assert check_boundaries(plan) == []


def test_overlap_with_a_community_already_in_the_plan_is_reported(tmp_path):
    plan = Plan()
    first = tmp_path / "a.geojson"
    second = tmp_path / "b.geojson"
    gpd.GeoDataFrame({"名称": ["东风社区"]}, geometry=[shapely.box(X0, Y0, X0 + 600, Y0 + 400)],
                     crs=CRS).to_file(first)
    gpd.GeoDataFrame({"名称": ["西湖社区"]}, geometry=[shapely.box(X0 + 595, Y0, X0 + 1200,
                                                                 Y0 + 400)],
                     crs=CRS).to_file(second)
    import_file(plan, "boundaries", first)
    report = import_file(plan, "boundaries", second)
    assert any(w.startswith("西湖社区 overlaps 东风社区, already in the plan, by 2,000 m²")
               for w in report.warnings), report.warnings

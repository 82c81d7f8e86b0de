"""Grid codes: DB11/T 2157-2023 and CJ/T 349-2010, serial order, renumbering."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from shapely import affinity

from gridplanner.analysis.grids.codes import (
    assign_codes,
    carry_codes,
    code_problem,
    parse_code,
    serial_order,
)
from gridplanner.errors import AnalysisError
from gridplanner.model import Plan

CRS = "EPSG:32650"
X0, Y0 = 440000.0, 4420000.0


def block_plan(code: str = "007") -> Plan:
    """One 300×200 m community cut into a 3×2 grid of cells (fids 1..6, shuffled)."""
    plan = Plan(crs=CRS)
    plan.settings = plan.settings.replaced(county_code="110105", subdistrict_code="012")
    plan.boundaries.add(gpd.GeoDataFrame(
        {"level": ["community"], "name": ["东风社区"], "code": [code]},
        geometry=[shapely.box(X0, Y0, X0 + 300, Y0 + 200)], crs=CRS))
    # (column, row from the north) in a scrambled fid order
    spots = [(2, 1), (0, 0), (1, 1), (2, 0), (0, 1), (1, 0)]
    cells = [shapely.box(X0 + c * 100, Y0 + 100 - r * 100, X0 + (c + 1) * 100, Y0 + 200 - r * 100)
             for c, r in spots]
    plan.cells.add(gpd.GeoDataFrame({"community": ["东风社区"] * 6}, geometry=cells, crs=CRS))
    return plan


def spot_of(plan, fid):
    c = plan.cells.geometry(fid).centroid
    return int((c.x - X0) // 100), int((Y0 + 200 - c.y) // 100)


def test_db11_codes_run_west_to_east_then_north_to_south():
    plan = block_plan()
    codes = assign_codes(plan)
    ordered = sorted(codes, key=codes.get)
    assert [spot_of(plan, f) for f in ordered] == [(0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (2, 1)]
    assert sorted(codes.values())[0] == "110105" + "012" + "007" + "001"
    assert all(len(c) == 15 for c in codes.values())


def test_rows_tolerate_ragged_cell_centres():
    base = [shapely.box(0, 0, 100, 100), shapely.box(100, 30, 200, 130),
            shapely.box(200, -20, 300, 80), shapely.box(0, -200, 100, -100)]
    assert serial_order(base) == [0, 1, 2, 3]


def test_cjt349_codes_have_20_digits_and_a_category():
    plan = block_plan()
    codes = assign_codes(plan, "cjt349", category="123456")
    code = sorted(codes.values())[0]
    assert len(code) == 20
    assert parse_code(code, "cjt349") == {"category": "123456", "admin": "110105",
                                          "subdistrict": "012", "community": "007",
                                          "serial": "01"}


def test_community_without_code_uses_its_order():
    plan = block_plan(code="")
    assert sorted(assign_codes(plan).values())[0][9:12] == "001"
    plan = block_plan(code="110105012034")  # a 12-digit statistical code
    assert sorted(assign_codes(plan).values())[0][9:12] == "034"


def test_renumber_keeps_codes_of_unchanged_cells_and_fills_free_serials():
    plan = block_plan()
    codes = assign_codes(plan)
    plan.cells.set_column("code", codes)
    east_top = next(f for f in plan.cells.fids() if spot_of(plan, f) == (2, 0))
    plan.cells.remove([east_top])
    plan.cells.add(gpd.GeoDataFrame(
        {"community": ["东风社区"] * 2},
        geometry=[shapely.box(X0 + 200, Y0 + 150, X0 + 300, Y0 + 200),
                  shapely.box(X0 + 200, Y0 + 100, X0 + 300, Y0 + 150)], crs=CRS))
    again = assign_codes(plan)
    for fid, code in codes.items():
        if fid != east_top:
            assert again[fid] == code
    new = sorted(c for f, c in again.items() if f not in codes)
    assert [c[-3:] for c in new] == ["003", "007"]  # the freed serial first, then the next
    full = assign_codes(plan, renumber=True)
    assert sorted(c[-3:] for c in full.values()) == [f"{i:03d}" for i in range(1, 8)]


def test_duplicate_codes_are_not_kept():
    plan = block_plan()
    plan.cells.set_column("code", {f: "110105012007001" for f in plan.cells.fids()})
    codes = assign_codes(plan)
    assert len(set(codes.values())) == 6


def test_code_checks():
    assert code_problem("110105012007001") is None
    assert "15" in code_problem("1101050120070011")
    assert "digits" in code_problem("11010501200700A")
    assert "serial 0" in code_problem("110105012007000")
    with pytest.raises(AnalysisError, match="no code"):
        parse_code("")
    with pytest.raises(AnalysisError, match="scheme"):
        assign_codes(block_plan(), "gb")


def test_too_many_cells_for_the_serial_digits():
    plan = block_plan()
    plan.cells.add(gpd.GeoDataFrame(
        {"community": ["东风社区"] * 100},
        geometry=[shapely.box(X0 + i, Y0 - 10, X0 + i + 1, Y0 - 9) for i in range(100)],
        crs=CRS))
    with pytest.raises(AnalysisError, match="2-digit serials"):
        assign_codes(plan, "cjt349")


def test_bad_county_code_is_refused():
    plan = block_plan()
    plan.settings = plan.settings.replaced(county_code="11A")
    with pytest.raises(AnalysisError, match="county code"):
        assign_codes(plan)


def test_carry_codes_matches_same_outlines_only():
    plan = block_plan()
    plan.cells.set_column("code", assign_codes(plan))
    old = plan.cells.frame
    same = shapely.Polygon(list(old.geometry.iloc[0].exterior.coords)[::-1])
    moved = affinity.translate(old.geometry.iloc[1], 5, 0)
    assert carry_codes(old, [same, moved]) == [old["code"].iloc[0], ""]


def test_twelve_digit_community_codes_give_real_grid_codes(tmp_path):
    from factories_office import cells_file, community_file

    from gridplanner.io.importers.registry import import_file
    from gridplanner.model.plan import Plan

    plan = Plan()
    import_file(plan, "boundaries", community_file(tmp_path))
    import_file(plan, "cells", cells_file(tmp_path, codes=False))
    codes = assign_codes(plan, renumber=True)
    by_community = plan.cells.frame["community"]
    for fid, code in codes.items():
        stat = "110105001001" if by_community[fid] == "东风社区" else "110105001002"
        assert code.startswith(stat) and len(code) == 15
    plan.settings = _with(plan.settings, "320102", "007")
    assert all(c.startswith("320102007") for c in assign_codes(plan, renumber=True).values())


def _with(settings, county: str, sub: str):
    import dataclasses

    return dataclasses.replace(settings, county_code=county, subdistrict_code=sub)

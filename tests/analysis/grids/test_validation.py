"""Grid validation: every rule, broken on purpose, is reported with the cells concerned."""

from __future__ import annotations

import pytest
import shapely

from gridplanner.analysis.findings import ERROR, WARNING
from gridplanner.analysis.grids import validation
from gridplanner.analysis.grids.partition import generate_cells, replace_cells
from gridplanner.analysis.grids.validation import CHECKERS, run_checkers, validate_cells

X0, Y0 = 440000.0, 4420000.0


@pytest.fixture
def gridded(grid_plan):
    """The street grid with balanced cells: valid to start with."""
    replace_cells(grid_plan, generate_cells(grid_plan, seed=0).cells)
    return grid_plan


def kinds(plan):
    return sorted({f.kind for f in validate_cells(plan)})


def first(plan, kind):
    return next(f for f in validate_cells(plan) if f.kind == kind)


def west_fids(plan):
    frame = plan.cells.frame
    return [int(f) for f in frame.index[frame["community"] == "东风社区"]]


def test_a_generated_grid_is_clean(gridded):
    assert validate_cells(gridded) == []


def test_overlap_is_reported_with_both_cells_and_the_area(gridded):
    a, b = west_fids(gridded)[:2]
    ga, gb = gridded.cells.geometry(a), gridded.cells.geometry(b)
    gridded.cells.set_geometry(a, shapely.union(ga, shapely.buffer(gb, -20)))
    f = first(gridded, "overlap")
    assert f.severity == ERROR
    assert set(f.cell_fids) == {a, b}
    assert set(f.cells) == {gridded.cells.row(a)["code"], gridded.cells.row(b)["code"]}
    assert f.geometry.area == pytest.approx(shapely.buffer(gb, -20).area, rel=1e-6)
    assert "overlap by" in f.message


def test_gap_is_reported_with_its_polygon(gridded):
    fid = west_fids(gridded)[0]
    g = gridded.cells.geometry(fid)
    hole = shapely.box(*shapely.buffer(g.centroid, 10).bounds)
    gridded.cells.set_geometry(fid, shapely.difference(g, hole))
    f = first(gridded, "gap")
    assert f.geometry.area == pytest.approx(400, rel=1e-6)
    assert f.community == "东风社区"
    assert fid in f.cell_fids


def test_tiny_specks_are_not_gaps(gridded):
    fid = west_fids(gridded)[0]
    g = gridded.cells.geometry(fid)
    speck = shapely.box(*shapely.buffer(g.centroid, 0.3).bounds)
    gridded.cells.set_geometry(fid, shapely.difference(g, speck))
    assert "gap" not in kinds(gridded)


def test_community_without_cells_is_a_gap(grid_plan):
    assert [f.message for f in validate_cells(grid_plan) if f.kind == "gap"] == [
        "community 东风社区 has no grid cells", "community 西湖社区 has no grid cells"]


def test_cell_crossing_its_community_boundary(gridded):
    fid = west_fids(gridded)[0]
    g = gridded.cells.geometry(fid)
    gridded.cells.set_geometry(fid, shapely.union(g, shapely.box(X0 - 50, Y0, X0 + 1, Y0 + 400)))
    f = first(gridded, "crosses_community")
    assert f.cell_fids == [fid]
    assert f.geometry.area == pytest.approx(50 * 400, rel=1e-6)


def test_cell_outside_its_community(gridded):
    fid = west_fids(gridded)[0]
    gridded.cells.set_attributes(fid, {"community": "西湖社区"})
    assert first(gridded, "outside_community").cell_fids == [fid]


def test_cell_with_no_community(gridded):
    fid = west_fids(gridded)[0]
    gridded.cells.set_attributes(fid, {"community": ""})
    f = first(gridded, "no_community")
    assert f.cell_fids == [fid] and "names no community; it lies in 东风社区" in f.message
    gridded.cells.set_attributes(fid, {"community": "南山社区"})
    assert "'南山社区'" in first(gridded, "no_community").message


def test_invalid_outline(gridded):
    fid = west_fids(gridded)[0]
    bowtie = shapely.Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    gridded.cells.set_geometry(fid, bowtie)
    f = first(gridded, "invalid_geometry")
    assert f.cell_fids == [fid] and "Self-intersection" in f.message


def test_cell_in_two_separate_pieces(gridded):
    a, b = west_fids(gridded)[:2]
    ga, gb = gridded.cells.geometry(a), gridded.cells.geometry(b)
    far = shapely.box(X0 + 5, Y0 + 5, X0 + 6, Y0 + 6)
    if ga.distance(far) == 0:
        a, ga = b, gb
    gridded.cells.set_geometry(a, shapely.MultiPolygon([ga, far]))
    assert first(gridded, "non_contiguous").cell_fids == [a]


def test_pieces_touching_at_a_corner_are_multipart(gridded):
    fid = west_fids(gridded)[0]
    two = shapely.MultiPolygon([shapely.box(X0, Y0, X0 + 10, Y0 + 10),
                                shapely.box(X0 + 10, Y0 + 10, X0 + 20, Y0 + 20)])
    gridded.cells.set_geometry(fid, two)
    assert first(gridded, "multipart").cell_fids == [fid]


def test_building_in_no_cell(gridded):
    fid = west_fids(gridded)[0]
    removed = gridded.cells.geometry(fid)
    gridded.cells.remove([fid])
    f = first(gridded, "building_in_no_cell")
    assert f.features["buildings"]
    assert shapely.contains(removed, f.geometry)


def test_building_in_two_cells(gridded):
    a, b = west_fids(gridded)[:2]
    gridded.cells.set_geometry(a, shapely.union(gridded.cells.geometry(a),
                                                gridded.cells.geometry(b)))
    found = [f for f in validate_cells(gridded) if f.kind == "building_in_two_cells"]
    assert found and all(set(f.cell_fids) == {a, b} for f in found)


def test_building_cut_by_a_boundary_is_a_warning(gridded):
    building = gridded.buildings.frame.geometry.iloc[0]
    cell = next(f for f in gridded.cells.fids()
                if gridded.cells.geometry(f).contains(shapely.point_on_surface(building)))
    g = gridded.cells.geometry(cell)
    gridded.cells.set_geometry(cell, shapely.difference(g, shapely.box(
        building.bounds[0], building.bounds[1], building.centroid.x - 2, building.bounds[3])))
    f = first(gridded, "building_split")
    assert f.severity == WARNING and f.cell_fids == [cell]
    assert int(gridded.buildings.frame.index[0]) in f.features["buildings"]


def test_households_out_of_range_are_warnings(gridded):
    gridded.settings = gridded.settings.replaced(households_min=450, residents_max=1000)
    found = [f for f in validate_cells(gridded) if f.kind == "households_below_range"]
    assert found and all(f.severity == WARNING for f in found)
    assert "below the range 450–500" in found[0].message
    assert "residents_above_max" in kinds(gridded)


def test_dedicated_cells_are_not_held_to_the_range(gridded):
    fid = west_fids(gridded)[0]
    gridded.cells.set_attributes(fid, {"kind": "dedicated"})
    gridded.settings = gridded.settings.replaced(households_min=490, households_max=495)
    warned = {c for f in validate_cells(gridded) if f.kind.startswith("households_")
              for c in f.cell_fids}
    assert fid not in warned and warned


def test_duplicate_missing_and_malformed_codes(gridded):
    a, b, c, d = west_fids(gridded)[:4]
    code = gridded.cells.row(a)["code"]
    gridded.cells.set_attributes(b, {"code": code})
    gridded.cells.set_attributes(c, {"code": ""})
    gridded.cells.set_attributes(d, {"code": "12AB"})
    dup = first(gridded, "duplicate_code")
    assert dup.severity == ERROR and set(dup.cell_fids) == {a, b} and code in dup.message
    assert first(gridded, "missing_code").cell_fids == [c]
    assert first(gridded, "invalid_code").cell_fids == [d]


def test_findings_serialise_with_codes_and_bounds(gridded):
    a, b = west_fids(gridded)[:2]
    gridded.cells.set_attributes(b, {"code": gridded.cells.row(a)["code"]})
    data = first(gridded, "duplicate_code").to_json()
    assert data["kind"] == "duplicate_code" and data["severity"] == "error"
    assert data["cells"] and len(data["bounds"]) == 4


def test_checkers_list_includes_roster_rules_and_skips_missing_modules(gridded):
    assert "gridplanner.analysis.people.roster_rules:check_roster" in CHECKERS
    findings = run_checkers(gridded, ["gridplanner.analysis.grids.validation:validate_cells",
                                      "gridplanner.analysis.not_written_yet:check"])
    assert findings == []


def test_a_broken_checker_is_not_hidden(gridded, monkeypatch):
    monkeypatch.setattr(validation, "CHECKERS", ["gridplanner.analysis.grids.validation:nope"])
    with pytest.raises(AttributeError):
        run_checkers(gridded)

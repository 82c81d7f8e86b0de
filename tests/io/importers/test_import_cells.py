"""Importing an office's existing grids: a GBK shapefile of hand-digitised cells."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from factories_office import (
    COMMUNITIES,
    buildings_file,
    cells_file,
    community_file,
)

from gridplanner.analysis.grids.codes import assign_codes
from gridplanner.analysis.grids.tallies import assign_points, building_points
from gridplanner.analysis.grids.validation import validate_cells
from gridplanner.errors import ImportDataError
from gridplanner.io.importers.registry import ImportOptions, import_file
from gridplanner.model.plan import Plan

GRID_RULES = {"overlap", "gap", "crosses_community", "outside_community", "no_community",
              "building_in_no_cell", "building_in_two_cells", "invalid_geometry"}


@pytest.fixture
def office_plan(tmp_path) -> Plan:
    plan = Plan()
    import_file(plan, "boundaries", community_file(tmp_path))
    import_file(plan, "buildings", buildings_file(tmp_path), ImportOptions(name_field="楼栋名称"))
    return plan


def test_hand_digitised_cells_fit_and_pass_validation(tmp_path, office_plan):
    report = import_file(office_plan, "cells", cells_file(tmp_path))
    cells = office_plan.cells.frame
    assert report.added == 8 and len(cells) == 8
    assert report.counts["slivers_closed"] > 0 and report.counts["closed_m2"] > 0
    assert any("slivers and gaps up to 1 m closed" in m for m in report.repaired)
    errors = [f for f in validate_cells(office_plan) if f.kind in GRID_RULES]
    assert errors == []
    # every building in exactly one cell
    points = building_points(office_plan.buildings.frame.geometry.values)
    hits = shapely.STRtree(cells.geometry.values).query(points, predicate="intersects")
    assert np.bincount(hits[0], minlength=len(points)).tolist() == [1] * len(points)


def test_codes_names_and_text_kept_exactly_as_given(tmp_path, office_plan):
    import_file(office_plan, "cells", cells_file(tmp_path))
    cells = office_plan.cells.frame.sort_index()
    assert cells["code"].tolist()[:2] == ["110105001001001", "110105001001002"]
    assert cells["name"].tolist()[:3] == ["东风第1网格", "东风第2网格", "东风第3网格"]
    assert cells["name"].tolist()[3] == "第4网格"  # no name in the file: its short name
    assert cells["community"].tolist() == [COMMUNITIES[0][0]] * 4 + [COMMUNITIES[1][0]] * 4
    assert cells["kind"].tolist() == ["comprehensive"] * 7 + ["dedicated"]
    assert "网格名称" not in cells.columns  # the mapped fields are not kept twice


def test_wider_overlap_is_reported_by_code_and_left_for_validate(tmp_path, office_plan):
    report = import_file(office_plan, "cells", cells_file(tmp_path, wide_overlap=6))
    text = "\n".join(report.warnings)
    assert "cell 110105001001001 and cell 110105001001002 overlap by" in text
    assert report.counts["overlaps"] == 1
    kinds = {f.kind for f in validate_cells(office_plan)}
    assert "overlap" in kinds


def test_community_is_the_one_holding_most_of_the_area(tmp_path, office_plan):
    import geopandas as gpd
    import pyogrio

    path = cells_file(tmp_path)
    gdf = pyogrio.read_dataframe(path, encoding="gbk")
    gdf.loc[0, "所属社区"] = "西湖社区"  # wrong in the file
    pyogrio.write_dataframe(gpd.GeoDataFrame(gdf), path, encoding="GBK")
    report = import_file(office_plan, "cells", path)
    assert office_plan.cells.frame.sort_index()["community"].iloc[0] == "东风社区"
    assert any("the file says community 西湖社区" in w for w in report.warnings)


def test_cell_crossing_into_another_community_is_reported(tmp_path, office_plan):
    import geopandas as gpd
    import pyogrio

    path = cells_file(tmp_path)
    gdf = pyogrio.read_dataframe(path, encoding="gbk")
    b = gdf.geometry.iloc[1].bounds  # 东风 grid 2, on the community's east edge
    gdf.loc[1, "geometry"] = shapely.box(b[0], b[1], b[2] + 40, b[3])
    pyogrio.write_dataframe(gpd.GeoDataFrame(gdf), path, encoding="GBK")
    report = import_file(office_plan, "cells", path)
    assert any(w.startswith("cell 110105001001002 crosses its community boundary")
               for w in report.warnings), report.warnings
    assert report.counts["crossings"] == 1


def test_zero_tolerance_closes_nothing(tmp_path, office_plan):
    report = import_file(office_plan, "cells", cells_file(tmp_path),
                         ImportOptions(extra={"snap_tolerance": 0}))
    assert report.counts["slivers_closed"] == 0
    assert any(f.kind in ("overlap", "gap") for f in validate_cells(office_plan))


def test_bad_tolerance_and_bad_type_change_nothing(tmp_path, office_plan):
    with pytest.raises(ImportDataError, match="snap tolerance"):
        import_file(office_plan, "cells", cells_file(tmp_path),
                    ImportOptions(extra={"snap_tolerance": "abc"}))
    assert len(office_plan.cells) == 0


def test_imported_cells_can_be_recoded(tmp_path, office_plan):
    import_file(office_plan, "cells", cells_file(tmp_path, codes=False))
    codes = assign_codes(office_plan, renumber=True)
    assert len(set(codes.values())) == 8
    cells = office_plan.cells.frame
    where = assign_points(cells.geometry.values,
                          building_points(office_plan.buildings.frame.geometry.values))
    assert (where >= 0).all()


def test_importing_over_existing_cells_warns_and_replace_swaps(tmp_path, office_plan):
    import_file(office_plan, "cells", cells_file(tmp_path))
    report = import_file(office_plan, "cells", cells_file(tmp_path))
    assert len(office_plan.cells) == 16
    assert any(w.startswith("8 imported cells overlap cells already in the plan")
               for w in report.warnings)
    report = import_file(office_plan, "cells", cells_file(tmp_path), ImportOptions(replace=True))
    assert len(office_plan.cells) == 8 and report.replaced == 16
    assert not any("already in the plan" in w for w in report.warnings)

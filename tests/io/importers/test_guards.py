"""Input-limit checks and formula guards, unit by unit."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from gridplanner.errors import ImportDataError
from gridplanner.io.cell_text import FORMULA_TRIGGERS, guard_csv, needs_guard, unguard_csv
from gridplanner.io.importers.guards import check_file_size, check_geometries, hole_counts
from gridplanner.io.importers.sheets import column_letter
from gridplanner.model.limits import InputLimits


def _with_holes(n: int) -> shapely.Polygon:
    holes = [shapely.box(i * 2 + 1, 1, i * 2 + 2, 2).exterior.coords for i in range(n)]
    return shapely.Polygon(shapely.box(0, 0, 2 * n + 2, 3).exterior.coords, holes)


def test_holes_are_counted_over_the_parts_of_multi_polygons_and_collections():
    p = _with_holes(2)
    collection = shapely.GeometryCollection([p, shapely.Point(0, 0), shapely.MultiPolygon([p, p])])
    values = np.array([p, shapely.MultiPolygon([p, p]), None, shapely.Point(1, 1), collection,
                       shapely.MultiPolygon()], dtype=object)
    assert hole_counts(values).tolist() == [2, 4, 0, 0, 6, 0]


def test_geometry_checks_name_the_first_feature_over_a_limit():
    values = np.array([_with_holes(1), _with_holes(5)], dtype=object)
    limits = InputLimits(max_holes=3)
    with pytest.raises(ImportDataError, match=r"f.geojson: feature 12 has 5 holes"):
        check_geometries(values, [11, 12], limits, "f.geojson")
    with pytest.raises(ImportDataError, match=r"feature 11 has 10 vertices.*max_vertices"):
        check_geometries(values, [11, 12], InputLimits(max_vertices=9), "f.geojson")
    check_geometries(values, [11, 12], InputLimits(), "f.geojson")  # within the defaults


def test_file_size_counts_a_shapefile_s_parts(tmp_path):
    for suffix, size in ((".shp", 600_000), (".dbf", 600_000), (".shx", 10)):
        (tmp_path / f"a{suffix}").write_bytes(b"x" * size)
    check_file_size(tmp_path / "a.shp", InputLimits(max_file_mb=2))
    with pytest.raises(ImportDataError, match=r"a.shp: the file is 1.1 MB.*max_file_mb"):
        check_file_size(tmp_path / "a.shp", InputLimits(max_file_mb=1))


@pytest.mark.parametrize(("n", "name"), [(1, "A"), (26, "Z"), (27, "AA"), (703, "AAA"),
                                         (16384, "XFD")])
def test_column_letters(n, name):
    assert column_letter(n) == name


@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "a", "中", " "]),
               max_size=8) | st.text(max_size=20))
def test_csv_guard_round_trips_and_never_starts_a_formula(text):
    guarded = guard_csv(text)
    assert unguard_csv(guarded) == text
    assert not guarded.startswith(FORMULA_TRIGGERS)
    assert needs_guard(text) == (guarded != text)

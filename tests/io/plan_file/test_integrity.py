"""Damage in a plan file: found on open, listed by table and row, nothing dropped.

Each plan is written by gridplanner and then damaged with sqlite3, the way a
script or another program leaves it (tests/factories_damage.py).
"""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest
from factories_damage import (
    damage,
    digest,
    open_ring_blob,
    rebuild_without_key,
    saved_roster_plan,
)

from gridplanner.io.plan_file.integrity import LOSSY_KINDS, PlanDamageError
from gridplanner.io.plan_file.project import load_plan, load_plan_checked, save_plan

# (case, SQL, kind, table, rows the finding names)
CASES = [
    ("worker missing", "UPDATE assignments SET target_fid = 999 WHERE fid = 2",
     "dangling_reference", "assignments", [2]),
    ("branch missing", "UPDATE assignments SET target_fid = 77 WHERE fid = 3",
     "dangling_reference", "assignments", [3]),
    ("cell missing", "UPDATE assignments SET cell_fid = 555 WHERE fid = 4",
     "dangling_reference", "assignments", [4]),
    ("empty reference", "UPDATE assignments SET cell_fid = NULL WHERE fid = 5",
     "missing_reference", "assignments", [5]),
    ("bad target", "UPDATE assignments SET target = 'boss' WHERE fid = 6",
     "bad_target", "assignments", [6]),
    ("text in id", "UPDATE assignments SET target_fid = 'abc' WHERE fid = 7",
     "bad_value", "assignments", [7]),
    ("fraction in id", "UPDATE assignments SET cell_fid = 2.5 WHERE fid = 8",
     "bad_value", "assignments", [8]),
    ("text in households", "UPDATE buildings SET households = 'many' WHERE fid = 9",
     "bad_value", "buildings", [9]),
    ("text in members", "UPDATE branches SET full_members = 'three' WHERE fid = 4",
     "bad_value", "branches", [4]),
    ("dropped column", "ALTER TABLE assignments DROP COLUMN target_fid",
     "missing_column", "assignments", []),
]


def _count(path, table: str) -> int:
    with sqlite3.connect(path) as con:
        return int(con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])


def _finding(findings, kind: str, table: str):
    hits = [f for f in findings if f.kind == kind and f.params.get("table") == table]
    assert hits, [(f.kind, f.message) for f in findings]
    return hits[0]


@pytest.mark.parametrize(("case", "sql", "kind", "table", "rows"), CASES,
                         ids=[c[0] for c in CASES])
def test_damage_is_named_by_table_and_row_and_nothing_dropped(tmp_path, case, sql, kind, table,
                                                              rows):
    path = saved_roster_plan(tmp_path)
    damage(path, sql)
    before = digest(path)
    if kind in LOSSY_KINDS:  # reading would hide it: refused unless opened anyway
        with pytest.raises(PlanDamageError) as caught:
            load_plan(path)
        assert table in str(caught.value) and "damaged" in str(caught.value)
    else:  # read and saved as it is: reported, never silently removed
        assert len(load_plan(path).layer(table)) == _count(path, table)
    plan, damage_found = load_plan_checked(path)
    found = _finding(damage_found, kind, table)
    assert found.severity == "error"
    assert sorted(found.features.get(table, [])) == rows
    for name in ("assignments", "workers", "branches", "cells", "buildings"):
        assert len(plan.layer(name)) == _count(path, name), name
    assert digest(path) == before  # opening never writes


def test_text_in_an_id_column_is_read_as_empty_not_as_zero(tmp_path):
    path = saved_roster_plan(tmp_path)
    damage(path, "UPDATE assignments SET target_fid = 'abc' WHERE fid = 2")
    plan, found = load_plan_checked(path)
    assert pd.isna(plan.assignments.frame.at[2, "target_fid"])  # GDAL alone reads 0
    finding = _finding(found, "bad_value", "assignments")
    assert finding.params["column"] == "target_fid" and finding.params["value"] == "abc"
    # the row is not reported a second time as naming no worker
    assert not [f for f in found if f.kind == "missing_reference"]


def test_a_dropped_column_keeps_every_row_and_names_the_column(tmp_path):
    path = saved_roster_plan(tmp_path)
    damage(path, "ALTER TABLE assignments DROP COLUMN target_fid")
    plan, found = load_plan_checked(path)
    assert len(plan.assignments) == 36
    finding = _finding(found, "missing_column", "assignments")
    assert finding.params["column"] == "target_fid" and finding.params["count"] == 36
    assert len(found) == 1  # not 36 more rows "naming no worker"


def test_numbers_stored_as_text_are_not_damage(tmp_path):
    path = saved_roster_plan(tmp_path)
    damage(path, "UPDATE assignments SET target_fid = '2' WHERE fid = 2")
    plan = load_plan(path)
    assert plan.assignments.frame.at[2, "target_fid"] == 2


def test_rows_sharing_a_fid_are_all_kept_and_the_first_keeps_it(tmp_path):
    path = saved_roster_plan(tmp_path)
    rebuild_without_key(path, "workers", "INSERT INTO workers SELECT fid, name || ' 二', phone, "
                        "role, community, notes FROM workers WHERE fid = 3")
    with pytest.raises(PlanDamageError) as caught:
        load_plan(path)
    dup = _finding(caught.value.findings, "duplicate_fid", "workers")
    assert dup.features == {"workers": [3]} and dup.params["count"] == 2
    assert dup.params["new_fids"] == "25" and "new fids 25" in dup.params["repair"]
    assert _finding(caught.value.findings, "no_fid_key", "workers").severity == "warning"
    plan, _found = load_plan_checked(path)
    frame = plan.workers.frame
    assert len(frame) == 25 and not frame.index.has_duplicates
    assert not frame.at[3, "name"].endswith("二")
    assert frame.at[25, "name"].endswith("二")
    assert list(frame.index[:24]) == list(range(1, 25))  # fids kept, assignments still right


def test_a_stale_feature_count_no_longer_hides_rows(tmp_path):
    path = saved_roster_plan(tmp_path)
    damage(path, "UPDATE gpkg_ogr_contents SET feature_count = 20 WHERE table_name = 'workers'")
    plan = load_plan(path)  # a warning only: nothing is lost by reading or saving
    assert len(plan.workers) == 24  # GDAL alone stops at 20
    _plan, found = load_plan_checked(path)
    hidden = _finding(found, "hidden_rows", "workers")
    assert hidden.severity == "warning" and hidden.params["stated"] == 20


def test_an_unreadable_shape_is_named_and_mended(tmp_path):
    path = saved_roster_plan(tmp_path)
    plan = load_plan(path)
    x0, y0, x1, y1 = plan.cells.geometry(1).bounds
    blob = open_ring_blob(path, "cells", [(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    damage(path, "UPDATE cells SET geom = ? WHERE fid = 1", params=(blob,))
    with pytest.raises(PlanDamageError) as caught:
        load_plan(path)
    broken = _finding(caught.value.findings, "broken_geometry", "cells")
    assert broken.features == {"cells": [1]} and "closed" in broken.params["reason"]
    plan, _found = load_plan_checked(path)
    assert len(plan.cells) == 12
    assert plan.cells.geometry(1).area == pytest.approx((x1 - x0) * (y1 - y0))


def test_duplicate_codes_and_repeated_assignments_are_warnings(tmp_path):
    path = saved_roster_plan(tmp_path)
    damage(path, "UPDATE cells SET code = (SELECT code FROM cells WHERE fid = 1) WHERE fid = 2")
    damage(path, "INSERT INTO assignments (cell_fid, target, target_fid) "
           "VALUES (1, 'worker', 1)")
    plan = load_plan(path)  # not refused: nothing is lost and nothing points at nothing
    assert len(plan.assignments) == 37
    _plan, found = load_plan_checked(path)
    codes = _finding(found, "duplicate_code", "cells")
    assert codes.severity == "warning" and codes.features == {"cells": [1, 2]}
    repeated = _finding(found, "duplicate_assignment", "assignments")
    assert repeated.features == {"assignments": [37]}


def test_a_column_declared_with_another_type_is_a_warning(tmp_path):
    path = saved_roster_plan(tmp_path)
    rebuild = ("CREATE TABLE a2 (fid INTEGER PRIMARY KEY, cell_fid INTEGER, target TEXT, "
               "target_fid TEXT)")
    damage(path, rebuild, "INSERT INTO a2 SELECT fid, cell_fid, target, CAST(target_fid AS TEXT) "
           "FROM assignments", "DROP TABLE assignments", "ALTER TABLE a2 RENAME TO assignments")
    plan, found = load_plan_checked(path)
    assert _finding(found, "wrong_column_type", "assignments").params["column"] == "target_fid"
    assert plan.assignments.frame["target_fid"].notna().all()


def test_saving_what_was_opened_anyway_keeps_every_row(tmp_path):
    path = saved_roster_plan(tmp_path)
    rebuild_without_key(path, "workers", "INSERT INTO workers SELECT fid, name || ' 二', phone, "
                        "role, community, notes FROM workers WHERE fid = 3")
    plan = load_plan(path, damaged="open")
    out = tmp_path / "saved.gpkg"
    save_plan(plan, out)
    again = load_plan(out)  # sound now: its fid key is back
    assert len(again.workers) == 25 and len(again.assignments) == 36


def test_a_sound_plan_has_no_damage(tmp_path):
    path = saved_roster_plan(tmp_path)
    _plan, found = load_plan_checked(path)
    assert found == []


def test_a_point_building_sharing_a_footprints_fid_keeps_both_and_every_other_fid(tmp_path):
    import shapely

    from gridplanner.io.plan_file.project import load_plan as load

    path = saved_roster_plan(tmp_path)
    plan = load(path)
    plan.buildings.set_geometry(96, shapely.Point(plan.buildings.geometry(96).centroid))
    save_plan(plan, path)
    damage(path, "UPDATE building_points SET fid = 5 WHERE fid = 96")
    with pytest.raises(PlanDamageError) as caught:
        load(path)
    dup = _finding(caught.value.findings, "duplicate_fid", "buildings")
    assert dup.features == {"buildings": [5]} and dup.params["new_fids"] == "96"
    opened, _found = load_plan_checked(path)
    frame = opened.buildings.frame
    assert len(frame) == 96 and list(frame.index[:95]) == list(range(1, 96))
    assert frame.loc[96].geometry.geom_type == "Point"  # the clashing point, renumbered
    assert frame.loc[5].geometry.geom_type == "Polygon"


def test_a_broken_link_of_a_register_is_a_warning_and_repair_clears_only_it(tmp_path):
    from gridplanner.analysis.integrity import check_references, repair_references

    plan = load_plan(saved_roster_plan(tmp_path))
    plan.layer("volunteers").add(pd.DataFrame([{"name": "志愿者甲", "cell_fid": 3},
                                      {"name": "志愿者乙", "cell_fid": 99}]))
    path = tmp_path / "links.gpkg"
    save_plan(plan, path)
    opened = load_plan(path)  # a warning does not stop the plan opening
    links = [f for f in check_references(opened) if f.kind == "broken_link"]
    assert [(f.severity, f.features, f.params["value"]) for f in links] == [
        ("warning", {"volunteers": [2]}, "99")]
    done = repair_references(opened)
    assert [(r.table, r.rows) for r in done] == [("volunteers", (2,))]
    frame = opened.layer("volunteers").frame
    assert len(frame) == 2 and pd.isna(frame.at[2, "cell_fid"]) and frame.at[1, "cell_fid"] == 3

"""A plan in PostgreSQL/PostGIS: round trip, per-feature saves, conflicts detected.

Runs against a real PostgreSQL with PostGIS (tests/postgres_server.py); skipped
with the reason when none can be started.
"""

from __future__ import annotations

import psycopg
import pytest
import shapely

from gridplanner.errors import ProjectFileError
from gridplanner.io.plan_file.postgis import PlanConflictError, PostgisPlanStore, split_uri


def _cells(plan):
    return plan.layer("cells") if hasattr(plan, "layer") else plan.layers["cells"]


def _a_plan_with_cells(grid_plan):
    from gridplanner.analysis.grids.regular import cells_from_extent  # noqa: F401

    plan = grid_plan
    if not len(plan.layers["cells"]):
        comm = plan.layers["boundaries"].frame
        rows = [{"code": f"C{i}", "name": f"第{i + 1}网格", "community": str(r.get("name", "")),
                 "geometry": r["geometry"]} for i, (_, r) in enumerate(comm.iterrows())]
        plan.layers["cells"].add(rows)
    return plan


def test_round_trip_keeps_every_layer_row_and_setting(grid_plan, postgis_uri):
    plan = _a_plan_with_cells(grid_plan)
    plan.name = "示范街道"
    store = PostgisPlanStore(postgis_uri)
    store.create(plan)
    back = PostgisPlanStore(postgis_uri).load()
    assert back.name == "示范街道"
    assert back.crs == plan.crs
    assert back.settings.to_dict() == plan.settings.to_dict()
    for name, table in plan.layers.items():
        got = back.layers[name].frame
        assert list(got.index) == list(table.frame.index), name
        if table.is_spatial and len(table.frame):
            same = shapely.equals(got.geometry.values, table.frame.geometry.values)
            assert same.all(), name


def test_the_tables_are_qgis_ready(grid_plan, postgis_uri):
    """One concrete geometry type per layer in geometry_columns, so QGIS asks nothing."""
    PostgisPlanStore(postgis_uri).create(_a_plan_with_cells(grid_plan))
    conninfo, schema = split_uri(postgis_uri)
    with psycopg.connect(conninfo) as con:
        rows = dict(con.execute("SELECT f_table_name, type FROM geometry_columns WHERE "
                                "f_table_schema = %s", (schema,)).fetchall())
    assert rows["cells"] == "MULTIPOLYGON"
    assert rows["centres"] == "POINT"
    assert rows["network"] == "MULTILINESTRING"


def test_a_save_writes_only_the_changed_features(grid_plan, postgis_uri):
    plan = _a_plan_with_cells(grid_plan)
    PostgisPlanStore(postgis_uri).create(plan)
    store = PostgisPlanStore(postgis_uri)
    mine = store.load()
    fid = mine.layers["cells"].fids()[0]
    mine.layers["cells"].set_attributes(fid, {"name": "改过的网格"})
    counts = store.save(mine)
    assert counts == {"cells": {"updated": 1, "added": 0, "deleted": 0}}
    assert PostgisPlanStore(postgis_uri).load().layers["cells"].row(fid)["name"] == "改过的网格"
    assert store.save(mine) == {}  # nothing changed since


def test_two_offices_editing_different_cells_both_keep_their_edits(grid_plan, postgis_uri):
    PostgisPlanStore(postgis_uri).create(_a_plan_with_cells(grid_plan))
    a, b = PostgisPlanStore(postgis_uri), PostgisPlanStore(postgis_uri)
    plan_a, plan_b = a.load(), b.load()
    first, second = plan_a.layers["cells"].fids()[:2]
    plan_a.layers["cells"].set_attributes(first, {"name": "A改"})
    plan_b.layers["cells"].set_attributes(second, {"name": "B改"})
    a.save(plan_a)
    b.save(plan_b)  # no last-save-wins: b's save does not undo a's edit
    final = PostgisPlanStore(postgis_uri).load().layers["cells"]
    assert final.row(first)["name"] == "A改"
    assert final.row(second)["name"] == "B改"


def test_the_same_cell_changed_by_both_is_a_conflict_and_the_user_chooses(grid_plan, postgis_uri):
    PostgisPlanStore(postgis_uri).create(_a_plan_with_cells(grid_plan))
    a, b = PostgisPlanStore(postgis_uri), PostgisPlanStore(postgis_uri)
    plan_a, plan_b = a.load(), b.load()
    fid = plan_a.layers["cells"].fids()[0]
    other = plan_b.layers["cells"].fids()[1]
    plan_a.layers["cells"].set_attributes(fid, {"name": "A改"})
    plan_b.layers["cells"].set_attributes(fid, {"name": "B改"})
    plan_b.layers["cells"].set_attributes(other, {"name": "B也改了这个"})
    a.save(plan_a)
    with pytest.raises(PlanConflictError) as err:
        b.save(plan_b)
    (conflict,) = err.value.conflicts
    assert (conflict.layer, conflict.fid) == ("cells", fid)
    assert conflict.ours["name"] == "B改" and conflict.theirs["name"] == "A改"
    stored = PostgisPlanStore(postgis_uri).load().layers["cells"]
    assert stored.row(fid)["name"] == "A改"
    assert stored.row(other)["name"] != "B也改了这个"  # nothing of the refused save landed
    b.save(plan_b, resolve={("cells", fid): "ours"})
    stored = PostgisPlanStore(postgis_uri).load().layers["cells"]
    assert stored.row(fid)["name"] == "B改" and stored.row(other)["name"] == "B也改了这个"


def test_an_edit_made_in_qgis_is_detected_too(grid_plan, postgis_uri):
    """QGIS writes the table directly; the trigger bumps the row's version."""
    PostgisPlanStore(postgis_uri).create(_a_plan_with_cells(grid_plan))
    store = PostgisPlanStore(postgis_uri)
    plan = store.load()
    fid = plan.layers["cells"].fids()[0]
    conninfo, schema = split_uri(postgis_uri)
    with psycopg.connect(conninfo) as con:
        con.execute(f'UPDATE "{schema}".cells SET name = %s WHERE fid = %s', ("QGIS改", fid))
    plan.layers["cells"].set_attributes(fid, {"name": "我改"})
    with pytest.raises(PlanConflictError):
        store.save(plan)


def test_deleting_a_cell_another_office_changed_is_a_conflict(grid_plan, postgis_uri):
    PostgisPlanStore(postgis_uri).create(_a_plan_with_cells(grid_plan))
    a, b = PostgisPlanStore(postgis_uri), PostgisPlanStore(postgis_uri)
    plan_a, plan_b = a.load(), b.load()
    fid = plan_a.layers["cells"].fids()[0]
    plan_a.layers["cells"].set_attributes(fid, {"name": "A改"})
    a.save(plan_a)
    plan_b.layers["cells"].remove([fid])
    with pytest.raises(PlanConflictError):
        b.save(plan_b)
    assert fid in PostgisPlanStore(postgis_uri).load().layers["cells"].fids()


def test_bad_uris_and_missing_plans_give_reasons(postgis_uri):
    with pytest.raises(ProjectFileError, match="holds no gridplanner plan"):
        PostgisPlanStore(postgis_uri).load()
    with pytest.raises(ProjectFileError, match="plain identifier"):
        PostgisPlanStore(postgis_uri.replace("schema=plan", "schema=a;drop")).load()
    with pytest.raises(ProjectFileError, match="cannot connect"):
        PostgisPlanStore("postgresql://nobody:secret@127.0.0.1:1/x").load()

"""Basemaps are saved in the plan (source, opacity, order), never a key; older plans load."""

from __future__ import annotations

import json
import sqlite3

import pytest
from factories import street_grid_plan

from gridplanner.errors import ModelError
from gridplanner.io.basemap import BasemapSpec, resolve_basemap
from gridplanner.io.plan_file.project import load_plan, save_plan


def test_basemaps_round_trip_in_order_without_the_key(tmp_path):
    plan = street_grid_plan()
    seen = []
    plan.basemaps_changed.connect(seen.append)
    tdt = resolve_basemap("tianditu-img").with_changes(opacity=0.7)
    osm = resolve_basemap("osm").with_changes(visible=False)
    plan.set_basemaps([tdt.to_dict(), osm.to_dict()])
    assert seen and seen[-1][0]["opacity"] == 0.7
    path = save_plan(plan, tmp_path / "p.gpkg")
    back = load_plan(path)
    assert [BasemapSpec.from_dict(b) for b in back.basemaps] == [tdt, osm]
    with sqlite3.connect(path) as con:
        (text,) = con.execute("SELECT value FROM gridplanner_meta WHERE key='basemaps'").fetchone()
    assert "{key}" in text and "tk=" in text  # placeholder only
    json.loads(text)


def test_plan_without_basemaps_loads_with_none(tmp_path):
    plan = street_grid_plan()
    path = save_plan(plan, tmp_path / "p.gpkg")
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM gridplanner_meta WHERE key='basemaps'")
    assert load_plan(path).basemaps == []


def test_basemaps_must_be_a_list_of_tables():
    with pytest.raises(ModelError):
        street_grid_plan().set_basemaps([1, 2])  # type: ignore[list-item]

from __future__ import annotations

import pytest
import shapely

from gridplanner.errors import CRSError, ModelError
from gridplanner.model import Plan, Settings


def test_changes_emit_events_with_fids(grid_plan):
    seen = []
    grid_plan.layer_changed.connect(seen.append)
    fids = grid_plan.cells.add([{"code": "x", "geometry": shapely.box(0, 0, 10, 10)}])
    grid_plan.cells.set_attributes(fids[0], {"name": "一网格"})
    grid_plan.cells.set_geometry(fids[0], shapely.box(0, 0, 5, 5))
    removed = grid_plan.cells.remove(fids)
    assert [c.kind for c in seen] == ["added", "attributes", "geometry", "removed"]
    assert all(c.fids == tuple(fids) for c in seen)
    assert removed.iloc[0]["name"] == "一网格"


def test_removed_rows_restore_with_their_fids(grid_plan):
    layer = grid_plan.buildings
    before = layer.frame.copy()
    removed = layer.remove([3, 5])
    assert 3 not in layer.frame.index
    assert layer.add(removed) == [3, 5]
    assert sorted(layer.fids()) == sorted(before.index.tolist())
    assert layer.row(5)["households"] == before.loc[5, "households"]


def test_wrong_geometry_type_is_refused_with_feature_id(grid_plan):
    with pytest.raises(ModelError, match="cells: feature .* is a Point"):
        grid_plan.cells.add([{"geometry": shapely.Point(1, 1)}])
    assert len(grid_plan.cells) == 0


def test_settings_validate_on_entry():
    with pytest.raises(ModelError):
        Settings(households_min=600, households_max=500)
    s = Settings(levels_m=(1000, 300, 500))
    assert s.levels_m == (300.0, 500.0, 1000.0)
    assert s.minutes(600) == pytest.approx(10.0)


def test_plan_crs_must_be_metric():
    plan = Plan()
    with pytest.raises(CRSError):
        plan.set_crs(4326)
    plan.set_crs(32650)
    assert plan.crs.to_epsg() == 32650


def test_totals(grid_plan):
    t = grid_plan.totals()
    assert t["buildings"] == 6 * 4 * 4
    assert t["households"] == grid_plan.buildings.frame["households"].sum()

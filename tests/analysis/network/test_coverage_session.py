"""Moving a centre updates exactly the distances a full recomputation gives."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from netref import perturbed_grid_plan

from gridplanner.analysis.network.coverage import nearest_centres
from gridplanner.analysis.network.coverage_session import CoverageSession
from gridplanner.errors import AnalysisError


def _fresh(plan, limit, service=None):
    ref = nearest_centres(plan, service, limit=limit)
    return ref["distance_m"].to_numpy(), ref["nearest_centre"].fillna(-1).to_numpy()


@pytest.mark.parametrize("method", ["network", "straight_line"])
def test_moves_match_full_recomputation(method):
    plan = perturbed_grid_plan(nx_=10, ny=8, seed=7, n_centres=5)
    if method == "straight_line":
        plan.network.remove(plan.network.fids())
    session = CoverageSession.from_plan(plan, limit=500)
    rng = np.random.default_rng(3)
    x0, y0, x1, y1 = plan.extent()
    for step in range(8):
        fid = int(rng.choice(plan.centres.fids()))
        p = shapely.Point(rng.uniform(x0, x1), rng.uniform(y0, y1))
        before = session.distances()["distance_m"].to_numpy().copy()
        res = session.move_centre(fid, p)
        plan.centres.set_geometry(fid, p)
        d, near = _fresh(plan, 500)
        got = session.distances()
        np.testing.assert_allclose(got["distance_m"].to_numpy(), d, atol=1e-6)
        same = np.isfinite(d)
        assert (got["nearest_centre"].fillna(-1).to_numpy()[same] == near[same]).all() or step
        changed = ~np.isclose(before, d, equal_nan=True) & ~(np.isinf(before) & np.isinf(d))
        assert set(plan.buildings.frame.index[changed]) <= set(res.buildings.tolist())


def test_remove_and_add_centre():
    plan = perturbed_grid_plan(nx_=8, ny=6, seed=8, n_centres=3)
    session = CoverageSession.from_plan(plan, limit=400)
    fid = plan.centres.fids()[0]
    p = plan.centres.geometry(fid)
    session.remove_centre(fid)
    plan.centres.remove([fid])
    np.testing.assert_allclose(session.distances()["distance_m"], _fresh(plan, 400)[0])
    new = session.add_centre(99, p)
    assert len(new.buildings) > 0 and set(new.nearest_centre) == {99}
    with pytest.raises(AnalysisError, match="no centre with id 12345"):
        session.move_centre(12345, p)


def test_service_session_only_holds_centres_with_the_service():
    plan = perturbed_grid_plan(nx_=8, ny=6, seed=9, n_centres=3)
    session = CoverageSession.from_plan(plan, service="health", limit=600)
    health = [f for f in plan.centres.fids() if "health" in plan.centres.row(f)["services"]]
    assert sorted(session.centre_fids.tolist()) == health
    np.testing.assert_allclose(session.distances()["distance_m"], _fresh(plan, 600, "health")[0])


def test_service_sessions_move_together():
    from gridplanner.analysis.network.coverage_session import ServiceSessions

    plan = perturbed_grid_plan(nx_=8, ny=6, seed=10, n_centres=3)
    both = ServiceSessions.from_plan(plan, services=["health", "food"], limit=500)
    fid = next(f for f in plan.centres.fids() if "health" in plan.centres.row(f)["services"])
    p = shapely.Point(*plan.extent()[:2])
    res = both.move_centre(fid, p)
    assert None in res and "health" in res
    plan.centres.set_geometry(fid, p)
    for name in (None, "health", "food"):
        np.testing.assert_allclose(both.distances(name)["distance_m"], _fresh(plan, 500, name)[0])

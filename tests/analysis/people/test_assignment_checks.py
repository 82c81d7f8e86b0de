"""Applying a proposal refuses an item that names no worker, before changing anything."""

from __future__ import annotations

import dataclasses

import pytest
from factories_roster import unassigned_plan

from gridplanner.analysis.people.assignment import apply_proposal, propose_assignment
from gridplanner.errors import ModelError


def test_a_worker_item_without_a_worker_is_refused_and_nothing_is_assigned():
    plan = unassigned_plan()
    items = list(propose_assignment(plan))
    leader = next(i for i in items if i.what == "leader")
    broken = dataclasses.replace(leader, worker_fid=None)
    with pytest.raises(ModelError, match=f"proposal item {broken.id}: names no worker"):
        apply_proposal(plan, [items[0], broken])
    assert len(plan.assignments) == 0

"""Plans, not only the present: centre status and named scenarios.

A centre is built, under construction, planned or a pilot (``status``);
built centres and pilots are open "now", every centre counts "when the plan
is built". A centre may also belong to named placement variants
(``scenarios``, ``;``-separated; empty means every scenario), so one plan
file holds "now", "2025 plan" and "suggested" side by side. Every analysis
runs on a :class:`PlanView`: the plan with only some of its centres.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from gridplanner.analysis.network.coverage import (
    _locate,
    covered_stats,
    level_key,
    nearest_centres,
    resolve_levels,
)
from gridplanner.analysis.network.graph import _CACHE, _DERIVED, has_network, walk_graph
from gridplanner.analysis.network.joining import anchor_points
from gridplanner.errors import AnalysisError
from gridplanner.model.layer import FeatureTable
from gridplanner.model.schema import CENTRES, OPEN_STATUSES, split_services

NOW = "now"
PLANNED = "plan"
WHEN = (NOW, PLANNED)


def scenario_names(plan: Any) -> list[str]:
    """Every scenario a centre of the plan names, in order of first use."""
    names: list[str] = []
    for value in plan.centres.frame["scenarios"]:
        names += [s for s in split_services(value) if s not in names]
    return names


def centres_in(plan: Any, scenario: str | None = None, when: str = PLANNED) -> pd.Index:
    """Fids of the centres in ``scenario`` (None: all) open ``when`` (now or plan).

    Raises AnalysisError for a scenario no centre names.
    """
    if when not in WHEN:
        raise AnalysisError(f"unknown time {when!r} (now or plan)")
    frame = plan.centres.frame
    keep = np.ones(len(frame), dtype=bool)
    if scenario is not None:
        if scenario not in scenario_names(plan):
            known = ", ".join(scenario_names(plan)) or "none"
            raise AnalysisError(f"the plan has no centre scenario named {scenario!r} "
                                f"(scenarios: {known})")
        tags = frame["scenarios"].map(split_services)
        keep &= tags.map(lambda t: not t or scenario in t).to_numpy(bool)
    if when == NOW:
        keep &= frame["status"].fillna("built").isin(OPEN_STATUSES).to_numpy(bool)
    return frame.index[keep]


class PlanView:
    """The plan with only some of its centres; everything else is the plan's own.

    Shares the plan's walking graph and building join points, so an analysis
    on a view costs what it costs on the plan.
    """

    def __init__(self, plan: Any, centre_fids: Sequence[int]):
        self._plan = plan
        table = FeatureTable(CENTRES, crs=plan.crs)
        table.replace(plan.centres.frame.loc[list(centre_fids)])
        self.centres = table
        if has_network(plan):
            walk_graph(plan)
            _CACHE[self] = _CACHE[plan]
            _DERIVED[self] = _DERIVED.setdefault(plan, {})

    def __getattr__(self, name: str) -> Any:
        return getattr(self._plan, name)


def plan_view(plan: Any, scenario: str | None = None, when: str = PLANNED) -> Any:
    """The plan as it is in ``scenario`` (None: every centre) ``when`` (now or plan).

    With no scenario and ``when="plan"`` the plan itself is returned.
    """
    if scenario is None and when == PLANNED:
        return plan
    return PlanView(plan, centres_in(plan, scenario, when))


def communities_with_centre(plan: Any) -> int:
    """How many communities hold at least one centre."""
    comms, centres = plan.communities(), plan.centres.frame
    pts = np.asarray(centres.geometry.values, dtype=object)
    pos = _locate(pts[~pd.isna(pts)], comms) if len(centres) else np.empty(0, dtype=np.int64)
    return int(len(np.unique(pos[pos >= 0])))


def now_and_planned(plan: Any, scenario: str | None = None, levels: Sequence[float] | None = None,
                    service: str | None = None) -> dict[str, dict[str, Any]]:
    """Tallies "now" (built and pilot centres) and "when the plan is built":
    centres, households and residents covered per level, the resident share
    at the largest level against the target, and communities with a centre."""
    lv = resolve_levels(plan, levels)
    out = {}
    for when in WHEN:
        view = plan_view(plan, scenario, when)
        dist = nearest_centres(view, service)["distance_m"].to_numpy()
        stats = _stats(plan, dist, lv)
        share = stats[f"resident_share_{level_key(lv[-1])}"] if stats["residents"] else \
            stats[f"household_share_{level_key(lv[-1])}"]
        stats.update(centres=int(len(view.centres)), share=share,
                     meets_target=bool(share >= plan.settings.target_share),
                     communities_with_centre=communities_with_centre(view),
                     communities=int(len(plan.communities())))
        out[when] = stats
    return out


def _stats(plan: Any, dist: np.ndarray, levels: list[float]) -> dict[str, Any]:
    b = plan.buildings.frame
    hh = pd.to_numeric(b["households"]).fillna(0).to_numpy(float)
    rs = pd.to_numeric(b["residents"]).fillna(0).to_numpy(float)
    return dict(covered_stats(dist, hh, rs, levels))


@dataclass
class ScenarioComparison:
    """Two centre placements side by side at one walking level.

    ``levels`` has one row per level (covered in a and b, and the change);
    ``communities`` the same per community at ``level_m``; ``gained`` and
    ``lost`` the fids of buildings within ``level_m`` in b but not in a,
    and the other way round.
    """

    a: str
    b: str
    level_m: float
    levels: list[dict[str, Any]]
    communities: list[dict[str, Any]]
    gained: list[int] = field(default_factory=list)
    lost: list[int] = field(default_factory=list)
    #: per side: centres, communities with a centre, and the share at
    #: ``level_m`` against the target (``centres_a``, ``share_b`` …)
    totals: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "level_m": self.level_m,
                "levels": [dict(r) for r in self.levels],
                "communities": [dict(r) for r in self.communities],
                "gained": list(self.gained), "lost": list(self.lost),
                "totals": dict(self.totals)}


def _label(scenario: str | None, when: str) -> str:
    return (scenario or "all") + (f" ({when})" if when == NOW else "")


def compare_scenarios(plan: Any, a: str | None, b: str | None, level: float | None = None,
                      service: str | None = None, when_a: str = PLANNED,
                      when_b: str = PLANNED) -> ScenarioComparison:
    """Compare the centres of scenario ``a`` with those of ``b`` (None: all
    centres): households and residents covered per level and per community,
    and the buildings that gain or lose coverage within ``level`` (default:
    the largest level)."""
    lv = resolve_levels(plan)
    at = float(level) if level is not None else lv[-1]
    if at not in lv:
        lv = sorted([*lv, at])
    va, vb = plan_view(plan, a, when_a), plan_view(plan, b, when_b)
    da = nearest_centres(va, service)["distance_m"].to_numpy()
    db = nearest_centres(vb, service)["distance_m"].to_numpy()
    bld = plan.buildings.frame
    hh = pd.to_numeric(bld["households"]).fillna(0).to_numpy(float)
    rs = pd.to_numeric(bld["residents"]).fillna(0).to_numpy(float)
    sa, sb = covered_stats(da, hh, rs, lv), covered_stats(db, hh, rs, lv)
    rows = [_change_row(sa, sb, level_key(x)) | {"level_m": x} for x in lv]
    comms = plan.communities()
    pos = _locate(anchor_points(bld.geometry), comms)
    crow = []
    for i, name in enumerate(comms["name"].astype(str)):
        m = pos == i
        ca = covered_stats(da[m], hh[m], rs[m], [at])
        cb = covered_stats(db[m], hh[m], rs[m], [at])
        crow.append({"community": name} | _change_row(ca, cb, level_key(at)))
    ina, inb = da <= at, db <= at
    fids = np.asarray(bld.index)
    here = next(r for r in rows if r["level_m"] == at)
    target = plan.settings.target_share
    totals = {"centres_a": int(len(va.centres)), "centres_b": int(len(vb.centres)),
              "communities_with_centre_a": communities_with_centre(va),
              "communities_with_centre_b": communities_with_centre(vb),
              "communities": int(len(comms)), "share_a": here["share_a"],
              "share_b": here["share_b"], "target_share": target,
              "meets_target_a": bool(here["share_a"] + 1e-12 >= target),
              "meets_target_b": bool(here["share_b"] + 1e-12 >= target)}
    return ScenarioComparison(_label(a, when_a), _label(b, when_b), at, rows, crow,
                              [int(f) for f in fids[inb & ~ina]],
                              [int(f) for f in fids[ina & ~inb]], totals)


def _change_row(sa: dict[str, Any], sb: dict[str, Any], k: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for what in ("households", "residents"):
        ca, cb = sa[f"{what}_covered_{k}"], sb[f"{what}_covered_{k}"]
        out |= {f"{what}_a": ca, f"{what}_b": cb, f"{what}_change": cb - ca}
    share = "resident_share" if sa["residents"] else "household_share"
    out |= {"share_a": sa[f"{share}_{k}"], "share_b": sb[f"{share}_{k}"],
            "buildings_a": sa[f"buildings_covered_{k}"], "buildings_b": sb[f"buildings_covered_{k}"]}
    return out

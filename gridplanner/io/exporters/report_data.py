"""The figures of the coverage report a sub-district sends its superiors.

One :class:`ReportFigures` holds everything the PDF (``render/report.py``)
and the Excel summary (``report_xlsx.py``) show, computed once: the
headline share of residents within the largest walking level against the
target, per community and per service, "now" against "when the plan is
built", what each centre serves and its capacity, grids without a station,
suggested sites with what they add, and optionally two scenarios compared.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gridplanner.analysis.network.coverage import (
    CoverageResult,
    coverage_from_centres,
    level_key,
    report_step,
)
from gridplanner.analysis.network.scenarios import (
    ScenarioComparison,
    compare_scenarios,
    now_and_planned,
    plan_view,
)
from gridplanner.analysis.network.service_areas import describe_centres, flat_centre_rows
from gridplanner.analysis.network.siting import SitingResult, suggest_sites
from gridplanner.analysis.network.stations import cells_without_station
from gridplanner.errors import GridPlannerError
from gridplanner.io.exporters.report_labels import report_label
from gridplanner.io.labels import check_lang

#: The life circles of GB 50180-2018 by their default distance: metres → minutes.
STANDARD_CIRCLES: dict[float, int] = {300.0: 5, 500.0: 10, 1000.0: 15}


def circle_minutes(level_m: float, speed: float) -> float:
    """The circle a level stands for: 5/10/15 minutes for the standard
    300/500/1,000 m, else the walking time at ``speed``."""
    if float(level_m) in STANDARD_CIRCLES:
        return float(STANDARD_CIRCLES[float(level_m)])
    return round(level_m / speed / 60.0, 1)


def minutes_text(minutes: float) -> str:
    return f"{minutes:g}"


@dataclass
class ReportFigures:
    lang: str
    plan_name: str
    office: str
    date: str
    scenario: str
    level_m: float
    minutes: float
    coverage: CoverageResult
    share: float
    share_of_residents: bool
    totals: dict[str, Any]
    status: dict[str, dict[str, Any]]
    communities: list[dict[str, Any]]
    services: list[dict[str, Any]]
    centres: list[dict[str, Any]]
    no_station: list[dict[str, Any]]
    sites: SitingResult | None = None
    comparison: ScenarioComparison | None = None
    station_rule: bool = True
    station_distance_m: float = 300.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def target(self) -> float:
        return float(self.coverage.target_share)

    @property
    def meets_target(self) -> bool:
        return bool(self.share + 1e-12 >= self.target)

    def label(self, key: str, **values: object) -> str:
        return report_label(key, self.lang, **values)


def _community_rows(result: CoverageResult, level: float) -> list[dict[str, Any]]:
    k = level_key(level)
    rows = []
    for r in result.communities:
        share = r[f"resident_share_{k}"] if r["residents"] else r[f"household_share_{k}"]
        rows.append({"name": r["name"], "households": r["households"], "residents": r["residents"],
                     "households_covered": r[f"households_covered_{k}"],
                     "residents_covered": r[f"residents_covered_{k}"], "share": share})
    return rows


def _service_rows(result: CoverageResult, level: float) -> list[dict[str, Any]]:
    rows = []
    for name, levels in result.services.items():
        row = next(r for r in levels if r["level_m"] == level)
        share = row["resident_share"] if result.totals["residents"] else row["household_share"]
        rows.append({"service": name, "households_covered": row["households_covered"],
                     "residents_covered": row["residents_covered"], "share": share})
    return rows


def _no_station(view: Any) -> list[dict[str, Any]]:
    cells = view.cells.frame
    return [{"fid": f, "code": str(cells.at[f, "code"]), "name": str(cells.at[f, "name"]),
             "community": str(cells.at[f, "community"])} for f in cells_without_station(view)]


def report_figures(plan: Any, scenario: str | None = None, compare: str | None = None,
                   sites: int = 3, office: str = "", date: str = "", lang: str = "zh_CN",
                   progress: Callable[[float, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ReportFigures:
    """Compute every figure of the report.

    Parameters
    ----------
    scenario, compare
        Report on the centres of ``scenario`` (None: every centre) and
        compare them with those of ``compare`` ("all" or None for every centre).
    sites
        How many new sites to suggest (0: none).
    office, date
        Issuing office and date on the title page (date default: today).
    """
    lang = check_lang(lang)
    view = plan_view(plan, scenario)
    report_step(progress, cancelled, 0.0, "coverage")
    result = coverage_from_centres(view)
    level = result.levels_m[-1]
    describe_centres(view, result)
    report_step(progress, cancelled, 0.5, "now and when the plan is built")
    status = now_and_planned(plan, scenario)
    comparison = None
    if compare is not None:
        other = None if compare == "all" else compare
        comparison = compare_scenarios(plan, scenario, other)
    report_step(progress, cancelled, 0.7, "suggested sites")
    siting = _sites(view, sites)
    t = result.totals
    by_residents = bool(t["residents"])
    share = t[f"resident_share_{level_key(level)}"] if by_residents else \
        t[f"household_share_{level_key(level)}"]
    totals = {"buildings": t["buildings"], "households": t["households"],
              "residents": t["residents"], "centres": t["centres"],
              "communities": len(plan.communities()), "cells": len(plan.cells)}
    s = plan.settings
    return ReportFigures(
        lang=lang, plan_name=plan.name or "", office=office,
        date=date or datetime.date.today().isoformat(),
        scenario=scenario or report_label("all_centres", lang), level_m=level,
        minutes=circle_minutes(level, s.walking_speed), coverage=result, share=share,
        share_of_residents=by_residents, totals=totals, status=status,
        communities=_community_rows(result, level), services=_service_rows(result, level),
        centres=flat_centre_rows(result.centres, level),
        no_station=_no_station(view) if s.station_rule else [],
        sites=siting, comparison=comparison, station_rule=bool(s.station_rule),
        station_distance_m=float(s.station_distance_m))


def _sites(view: Any, count: int) -> SitingResult | None:
    if count <= 0 or len(view.buildings) == 0:
        return None
    try:
        return suggest_sites(view, count=count, count_capacity=True)
    except GridPlannerError:
        return None

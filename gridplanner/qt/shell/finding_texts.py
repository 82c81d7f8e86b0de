"""Findings described in the UI language.

The checks (Qt-free) write their messages in English. For the grid
validation kinds, :func:`describe` rebuilds the message from the finding's
own data (cell codes, community, geometry area, building ids) with a
translatable template, so a Chinese UI shows Chinese text. Roster and
network findings carry their values in ``Finding.params`` and are rebuilt
from ``{name}`` templates. When a template has no translation, or for other
kinds, the original message is shown.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gridplanner.analysis.findings import Finding

CONTEXT = "FindingTexts"
TEMPLATES: dict[str, str] = {
    "no_roster": QT_TRANSLATE_NOOP(
        "FindingTexts", "The plan has no roster yet: import grid workers and Party branches to "
        "check every grid's leader, workers and branch"),
    "empty_cell": QT_TRANSLATE_NOOP("FindingTexts", "Cell %1 has no outline"),
    "invalid_geometry": QT_TRANSLATE_NOOP("FindingTexts", "Cell %1 has an invalid outline"),
    "multipart": QT_TRANSLATE_NOOP("FindingTexts",
                                   "Cell %1 is in pieces that touch only at points"),
    "non_contiguous": QT_TRANSLATE_NOOP("FindingTexts", "Cell %1 is in separate pieces"),
    "overlap": QT_TRANSLATE_NOOP("FindingTexts", "Cells %1 overlap by %2 m²"),
    "gap": QT_TRANSLATE_NOOP("FindingTexts", "%2 m² of community %3 are in no cell"),
    "no_community": QT_TRANSLATE_NOOP("FindingTexts",
                                      "Cell %1 names no community of the plan"),
    "outside_community": QT_TRANSLATE_NOOP("FindingTexts",
                                           "Cell %1 lies outside its community %3"),
    "crosses_community": QT_TRANSLATE_NOOP(
        "FindingTexts", "Cell %1 crosses the boundary of %3: %2 m² lie outside it"),
    "building_in_no_cell": QT_TRANSLATE_NOOP("FindingTexts", "%4 building(s) lie in no cell"),
    "building_in_two_cells": QT_TRANSLATE_NOOP("FindingTexts",
                                               "A building lies in cells %1"),
    "building_split": QT_TRANSLATE_NOOP("FindingTexts",
                                        "Cell %1: the boundary cuts through %4 building(s)"),
    "households_below_range": QT_TRANSLATE_NOOP(
        "FindingTexts", "Cell %1 has %5 households, below the range"),
    "households_above_range": QT_TRANSLATE_NOOP(
        "FindingTexts", "Cell %1 has %5 households, above the range"),
    "residents_above_max": QT_TRANSLATE_NOOP(
        "FindingTexts", "Cell %1 has %5 residents, more than the maximum"),
    "duplicate_code": QT_TRANSLATE_NOOP("FindingTexts", "Cells %1 share one code"),
    "missing_code": QT_TRANSLATE_NOOP("FindingTexts", "Cell %1 has no code"),
    "invalid_code": QT_TRANSLATE_NOOP("FindingTexts", "Cell %1 has an invalid code"),
}
_COUNT = re.compile(r"has ([\d,.]+) (?:households|residents)")


def _cells(finding: Finding) -> str:
    names = list(finding.cells) or [f"#{f}" for f in finding.cell_fids]
    return ", ".join(names)


def _area(finding: Finding) -> str:
    geom = finding.geometry
    return f"{geom.area:,.0f}" if geom is not None and not geom.is_empty else "?"


#: Kinds whose finding carries ``params``: the template's ``{name}`` fields are
#: filled from them (roster rules, network health).
PARAM_TEMPLATES: dict[str, str] = {
    "no_leader": QT_TRANSLATE_NOOP("FindingTexts", "Grid {cell} has no grid leader"),
    "no_full_time_worker": QT_TRANSLATE_NOOP("FindingTexts",
                                             "Grid {cell} has no full-time grid worker"),
    "no_branch": QT_TRANSLATE_NOOP("FindingTexts",
                                   "Grid {cell} has no Party branch (its own or a joint one)"),
    "branch_too_small": QT_TRANSLATE_NOOP(
        "FindingTexts", "Branch {branch} has {members} full Party members, fewer than "
        "{minimum}; form a joint branch with a neighbouring grid"),
    "joint_branch_not_adjacent": QT_TRANSLATE_NOOP(
        "FindingTexts", "Joint branch {branch} covers grids that are not neighbours: {cells}"),
    "worker_overloaded": QT_TRANSLATE_NOOP(
        "FindingTexts", "Grid worker {worker} looks after {load} households, more than {limit}"),
    "duplicate_person": QT_TRANSLATE_NOOP(
        "FindingTexts", "{worker} ({phone}) is listed {count} times in the roster"),
    "worker_multiple_communities": QT_TRANSLATE_NOOP(
        "FindingTexts", "{worker} works in {count} communities: {communities}"),
    "duplicate_phone": QT_TRANSLATE_NOOP(
        "FindingTexts", "Phone {phone} is given for {count} people: {names}"),
    "dedicated_without_unit": QT_TRANSLATE_NOOP(
        "FindingTexts", "Dedicated grid {cell} names no responsible unit"),
    "community_overlap": QT_TRANSLATE_NOOP(
        "FindingTexts", "Communities {first} and {second} overlap by {area} m²; fix the "
        "boundaries (import them again with overlaps fixed). Cells affected: {cells}"),
    "branch_other_community": QT_TRANSLATE_NOOP(
        "FindingTexts", "Branch {name} belongs to {own} but is assigned to grid {cells} of "
        "{communities}"),
    "worker_other_community": QT_TRANSLATE_NOOP(
        "FindingTexts", "Grid worker {name} belongs to {own} but is assigned to grid {cells} of "
        "{communities}"),
    "micro_no_cell": QT_TRANSLATE_NOOP("FindingTexts", "Micro-grid {micro} belongs to no grid"),
    "micro_outside_cell": QT_TRANSLATE_NOOP(
        "FindingTexts", "Micro-grid {micro} reaches {area} m² outside its grid {cell}"),
    "micro_overlap": QT_TRANSLATE_NOOP(
        "FindingTexts", "Micro-grids {micro} and {other} overlap by {area} m²"),
    "micro_gap": QT_TRANSLATE_NOOP("FindingTexts", "{area} m² of grid {cell} are in no micro-grid"),
    "micro_duplicate_number": QT_TRANSLATE_NOOP(
        "FindingTexts", "{count} micro-grids of grid {cell} share the number {number}"),
    "micro_households_below_range": QT_TRANSLATE_NOOP(
        "FindingTexts", "Micro-grid {micro} has {households} households, below the range "
        "{low}–{high}"),
    "micro_households_above_range": QT_TRANSLATE_NOOP(
        "FindingTexts", "Micro-grid {micro} has {households} households, above the range "
        "{low}–{high}"),
    "micro_building_split": QT_TRANSLATE_NOOP(
        "FindingTexts", "Micro-grid {micro}: its edge cuts through {count} building(s)"),
    "org_parent_missing": QT_TRANSLATE_NOOP(
        "FindingTexts", "{name} sits under #{parent}, which the plan does not have"),
    "party_group_without_branch": QT_TRANSLATE_NOOP(
        "FindingTexts", "Party group {group} does not sit under a Party branch"),
    "micro_grid_without_carer": QT_TRANSLATE_NOOP(
        "FindingTexts", "Micro-grid {micro} has no Party-member household and no steward"),
    "care_out_of_range": QT_TRANSLATE_NOOP(
        "FindingTexts", "Party-member household {name} looks after {households} households, "
        "outside the range {low}–{high}"),
    "compound_without_branch": QT_TRANSLATE_NOOP(
        "FindingTexts", "Compound {compound} has {members} resident Party members but no "
        "compound branch and no reason recorded"),
    "zero_length_edge": QT_TRANSLATE_NOOP(
        "FindingTexts", "Network line {line} has no length (its points coincide)"),
    "dangling_end": QT_TRANSLATE_NOOP(
        "FindingTexts", "Network line {line} ends without meeting another line"),
    "no_station": QT_TRANSLATE_NOOP(
        "FindingTexts", "Grid {cell} has no Party-mass service station inside it or within "
        "{distance} m walk (one station per grid)"),
    "network_component": QT_TRANSLATE_NOOP(
        "FindingTexts", "A piece of network of {length} m ({lines} lines) is not joined to "
        "the main network; {stranded} buildings join it"),
    # plan-file damage and broken links (gridplanner.analysis.integrity)
    "dangling_reference": QT_TRANSLATE_NOOP(
        "FindingTexts", "{table} row {row}: {column} names {refers_to} row {value}, which does "
        "not exist"),
    "missing_reference": QT_TRANSLATE_NOOP("FindingTexts", "{table} row {row}: {column} is empty"),
    "bad_target": QT_TRANSLATE_NOOP(
        "FindingTexts", "{table} row {row}: “{value}” is neither a grid worker nor a Party branch"),
    "duplicate_assignment": QT_TRANSLATE_NOOP(
        "FindingTexts", "{table} row {row} repeats {value} on the same cell"),
    "broken_link": QT_TRANSLATE_NOOP(
        "FindingTexts", "{table} row {row}: {column} names {refers_to} row {value}, which does "
        "not exist"),
    "invalid_geometry": QT_TRANSLATE_NOOP(
        "FindingTexts", "{count} feature(s) of {table} have an invalid shape (rows {rows})"),
}
NOT_STARTED = QT_TRANSLATE_NOOP("FindingTexts", "(no one is assigned to any grid yet)")
DEAD_ENDS = QT_TRANSLATE_NOOP("FindingTexts", "{count} dead ends in the walking network")


def _from_params(finding: Finding) -> str | None:
    """The message rebuilt from ``finding.params``, or None without a template."""
    template = PARAM_TEMPLATES.get(finding.kind)
    if finding.kind == "dangling_end" and "count" in finding.params:
        template = DEAD_ENDS
    if template is None or not finding.params:
        return None
    try:
        text = QCoreApplication.translate(CONTEXT, template).format(**finding.params)
    except (KeyError, IndexError, ValueError):
        return None  # a translation that lost a field: the English message is better
    if finding.params.get("started") is False:
        text += " " + QCoreApplication.translate(CONTEXT, NOT_STARTED)
    return text


def describe(finding: Finding) -> str:
    """The finding's message in the UI language (the original when none is available)."""
    rebuilt = _from_params(finding)
    if rebuilt is not None:
        return rebuilt
    template = TEMPLATES.get(finding.kind)
    if template is None:
        return finding.message
    text = QCoreApplication.translate(CONTEXT, template)
    if text == template:  # no translation: the checker's own message says more
        return finding.message
    count = _COUNT.search(finding.message)
    buildings = len(next(iter(finding.features.values()), []))
    values = {"%1": _cells(finding), "%2": _area(finding), "%3": finding.community,
              "%4": str(buildings), "%5": count.group(1) if count else "?"}
    for key, value in values.items():
        text = text.replace(key, value)
    return text

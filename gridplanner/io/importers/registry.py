"""What every importer takes and returns, and the registry of import kinds.

An importer is ``func(plan, path, options) -> ImportReport``. It reads and
checks the whole file first and changes the plan in one step at the end, so
a failed import changes nothing. Kinds are looked up lazily so each lives in
its own module; a kind whose module is not there answers "not yet supported".
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
from pyproj import CRS

from gridplanner.errors import CRSError, ImportDataError, ModelError, NotSupportedYetError
from gridplanner.model.limits import InputLimits
from gridplanner.model.plan import Plan

COORDS_CHOICES = ("wgs84", "gcj02", "bd09")


@dataclass
class ImportOptions:
    layer: str | None = None
    encoding: str | None = None
    source_crs: str | None = None
    coords: str = "wgs84"  # for geographic input: wgs84, gcj02 (Amap) or bd09 (Baidu)
    households_field: str | None = None
    residents_field: str | None = None
    name_field: str | None = None
    #: boundaries: the level of every feature, or None to read it from a field
    level: str | None = None
    level_field: str | None = None
    #: replace the layer's features instead of adding to them
    replace: bool = False
    #: importer-specific options (column mappings, noding...)
    extra: dict[str, object] = field(default_factory=dict)
    #: how much of the file may be read; None: the defaults (``import_file`` and
    #: the command line fill in the plan's, see :func:`with_plan_limits`)
    limits: InputLimits | None = None


LIMIT_PREFIX = "limit."


def with_plan_limits(plan: Plan, options: ImportOptions) -> ImportOptions:
    """``options`` with ``limits`` set: the plan's input limits, changed by any
    ``limit.<name>=N`` importer option (``--option limit.max_holes=5000``)."""
    limits = options.limits or plan.settings.input_limits
    changes = {str(k).removeprefix(LIMIT_PREFIX): v for k, v in options.extra.items()
               if str(k).startswith(LIMIT_PREFIX)}
    if changes:
        known = set(InputLimits().to_dict())
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ImportDataError(f"unknown input limit {unknown[0]!r}; the limits are: "
                                  + ", ".join(sorted(known)))
        try:
            limits = limits.replaced(**changes)
        except ModelError as exc:
            raise ImportDataError(str(exc)) from None
    options.limits = limits
    return options


@dataclass
class ImportReport:
    """What an import did, to show the user (all messages name features by id)."""

    kind: str
    file: str
    layer: str | None = None
    added: int = 0
    replaced: int = 0
    repaired: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: figures an importer reports beyond ``added`` (``slivers_closed``,
    #: ``unmatched`` ...), for the window's summary and ``--json``
    counts: dict[str, object] = field(default_factory=dict)

    def lines(self) -> list[str]:
        where = f"{self.file}" + (f" (layer {self.layer})" if self.layer else "")
        out = [f"imported {self.added} {self.kind} from {where}"]
        out += [f"repaired: {m}" for m in self.repaired]
        out += [f"skipped: {m}" for m in self.skipped]
        out += [f"warning: {m}" for m in self.warnings]
        return out


@dataclass
class PreparedImport:
    """A checked import, ready to enter the plan in one step.

    ``frame`` is in ``crs`` (the plan's CRS, or the one an empty plan will
    get) and conforms to the layer's schema. The window can prepare off the
    GUI thread and commit through an undo command.
    """

    kind: str
    frame: gpd.GeoDataFrame
    crs: CRS
    replace: bool
    report: ImportReport


def commit_import(plan: Plan, prepared: PreparedImport) -> ImportReport:
    """Put a prepared import into the plan in one step; returns its report."""
    table = plan.layer(prepared.kind)
    if plan.crs is None:
        plan.set_crs(prepared.crs)
    elif not plan.crs.equals(prepared.crs):
        raise CRSError(f"{prepared.report.file}: prepared for {prepared.crs.name}, but the plan "
                       f"is now in {plan.crs.name}; import it again")
    report = prepared.report
    if prepared.replace:
        report.replaced = len(table.replace(prepared.frame))
    else:
        table.add(prepared.frame)
    report.added = len(prepared.frame)
    return report


Importer = Callable[[Plan, Path, ImportOptions], ImportReport]

#: kind -> "module:function"
IMPORT_KINDS: dict[str, str] = {
    "boundaries": "gridplanner.io.importers.layers:import_boundaries",
    "buildings": "gridplanner.io.importers.layers:import_buildings",
    "network": "gridplanner.io.importers.network:import_network",
    "centres": "gridplanner.io.importers.centres:import_centres",
    "cells": "gridplanner.io.importers.cells:import_cells",
    "building-data": "gridplanner.io.importers.building_data:import_building_data",
    "workers": "gridplanner.io.importers.roster:import_workers",
    "branches": "gridplanner.io.importers.roster:import_branches",
    "party-members": "gridplanner.io.importers.registers:import_party_members",
    "volunteers": "gridplanner.io.importers.registers:import_volunteers",
    "staff": "gridplanner.io.importers.registers:import_staff",
}


def importer_for(kind: str) -> Importer:
    try:
        target = IMPORT_KINDS[kind]
    except KeyError:
        raise NotSupportedYetError(f"unknown import kind {kind!r}") from None
    module_name, func_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise NotSupportedYetError(f"importing {kind} is not yet supported") from None
        raise
    return getattr(module, func_name)


def import_file(plan: Plan, kind: str, path: str | Path, options: ImportOptions | None = None) -> ImportReport:
    """Run the importer of ``kind`` on ``path``."""
    options = with_plan_limits(plan, options or ImportOptions())
    return importer_for(kind)(plan, Path(path), options)

"""Importing the grid cells an office already has (网格 from an earlier survey).

Fields are guessed from Chinese and English names (网格编码, 网格名称,
所属社区, 网格类型 …) or named in the options (``code_field``,
``community_field``, ``kind_field`` in ``options.extra``, the name field in
``options.name_field``). Codes and names are kept exactly as given; a cell
without a name gets its short name 第N网格.

Hand-digitised cells never fit: :func:`gridplanner.analysis.grids.fitting.fit_cells`
closes slivers and gaps up to the snap tolerance (``options.extra
["snap_tolerance"]``, default 1 m) and the report lists, by cell code, the
wider overlaps and gaps and the cells that cross a community boundary. Each
cell goes to the community holding most of its area; the file's community
field is used only where the plan has no community boundaries there.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.grids.codes import short_names
from gridplanner.analysis.grids.fitting import REPORT_M2, FitResult, community_by_area, fit_cells
from gridplanner.errors import ImportDataError
from gridplanner.io.importers.clean_geometries import POLYGONAL, clean_geometries
from gridplanner.io.importers.households import resolve_field
from gridplanner.io.importers.layers import (
    _extra,
    _prepared,
    _read,
    _text,
    _with_extras,
    snap_tolerance,
)
from gridplanner.io.importers.registry import (
    ImportOptions,
    ImportReport,
    PreparedImport,
    commit_import,
)
from gridplanner.model.plan import Plan
from gridplanner.model.schema import CellKind

CODE_FIELDS = ("网格编码", "网格编号", "网格代码", "网格码", "编码", "code", "grid_code",
               "cell_code", "wgbm", "wgbh", "wgdm", "bm")
NAME_FIELDS = ("网格名称", "网格名", "网格简称", "名称", "name", "grid_name", "wgmc", "mc")
COMMUNITY_FIELDS = ("所属社区", "社区", "社区名称", "所属村", "村名", "community", "sqmc",
                    "sssq")
KIND_FIELDS = ("网格类型", "网格类别", "类型", "类别", "kind", "type", "wglx")
UNIT_FIELDS = ("责任单位", "所属单位", "responsible_unit", "resp_unit", "unit")
KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(("综合网格", "综合", "comprehensive", "general", "普通网格", ""),
                    CellKind.COMPREHENSIVE.value),
    **dict.fromkeys(("专属网格", "专属", "专业网格", "dedicated", "special"),
                    CellKind.DEDICATED.value),
}
_LIST = 20


def import_cells(plan: Plan, path: Path, options: ImportOptions) -> ImportReport:
    """Import existing grid cells (polygons) with their codes, names and communities."""
    return commit_import(plan, prepare_cells(plan, path, options))


def prepare_cells(plan: Plan, path: Path, options: ImportOptions) -> PreparedImport:
    """Read, fit and check a cells file; the plan is only read, never changed."""
    report = ImportReport("cells", str(path), options.layer)
    gdf, label = _read(path, options, report)
    cols, notes = list(gdf.columns), report.warnings
    code_f = resolve_field(cols, _extra(options, "code_field"), CODE_FIELDS, "code", label, notes)
    name_f = resolve_field(cols, options.name_field, NAME_FIELDS, "name", label, notes)
    comm_f = resolve_field(cols, _extra(options, "community_field"), COMMUNITY_FIELDS,
                           "community", label, notes)
    kind_f = resolve_field(cols, _extra(options, "kind_field"), KIND_FIELDS, "kind", label, notes)
    unit_f = resolve_field(cols, _extra(options, "unit_field"), UNIT_FIELDS, "unit", label, [])
    gdf, crs = clean_geometries(plan, gdf, POLYGONAL, "cells", label, name_f, report)
    frame = gpd.GeoDataFrame(
        {"code": _text(gdf, code_f), "name": _text(gdf, name_f),
         "kind": _kinds(gdf, kind_f, label), "community": _text(gdf, comm_f),
         "responsible_unit": _text(gdf, unit_f)},
        geometry=gdf.geometry.values, crs=crs, index=gdf.index,
    )
    frame = _place_and_fit(plan, frame, snap_tolerance(options), report)
    if not options.replace:
        _warn_existing(plan, frame, report)
    names = short_names(plan, frame)
    frame["name"] = [n or names.get(int(f), "") for f, n in zip(frame.index, frame["name"],
                                                                 strict=True)]
    used = [f for f in (code_f, name_f, comm_f, kind_f, unit_f) if f]
    frame = _with_extras(frame, gdf.loc[frame.index].drop(columns=used), set(),
                         plan.cells.frame.columns)
    return _prepared(plan, "cells", frame, crs, options, report)


def _kinds(gdf: gpd.GeoDataFrame, field: str | None, label: str) -> pd.Series:
    if field is None:
        return pd.Series(CellKind.COMPREHENSIVE.value, index=gdf.index, dtype="string")
    text = _text(gdf, field)
    kinds = text.str.lower().map(lambda v: KIND_WORDS.get(v) or _kind_contains(v))
    bad = kinds.isna()
    if bad.any():
        fid = kinds.index[bad][0]
        raise ImportDataError(f"{label}: feature {fid} has grid type {text[fid]!r} in field "
                              f"{field!r}; types must be 综合网格/comprehensive or "
                              "专属网格/dedicated")
    return kinds.astype("string")


def _kind_contains(value: str) -> str | None:
    if "专属" in value or "专业" in value:
        return CellKind.DEDICATED.value
    if "综合" in value:
        return CellKind.COMPREHENSIVE.value
    return None


def _community_areas(plan: Plan, crs) -> dict[str, object]:
    comms = plan.communities()
    out: dict[str, object] = {}
    for name, geom in zip(comms["name"].astype(str), comms.geometry.values, strict=True):
        if geom is not None and not geom.is_empty:
            out[name] = geom if name not in out else out[name].union(geom)  # type: ignore[attr-defined]
    return out


def _place_and_fit(plan: Plan, frame: gpd.GeoDataFrame, tolerance: float,
                   report: ImportReport) -> gpd.GeoDataFrame:
    areas = _community_areas(plan, frame.crs)
    given = frame["community"].astype(str).tolist()
    spatial = community_by_area(frame.geometry.values, areas)
    placed = []
    for fid, said, found in zip(frame.index, given, spatial, strict=True):
        if found and said and said != found:
            report.warnings.append(f"{_label(frame, fid)}: the file says community {said}, "
                                   f"most of its area lies in {found}; put in {found}")
        placed.append(found or said)
    fit = fit_cells(frame.geometry.values, placed, areas, tolerance)
    _report_fit(frame, fit, tolerance, report)
    keep = np.asarray([g is not None for g in fit.geometries])
    for fid in frame.index[~keep]:
        report.skipped.append(f"{_label(frame, fid)}: nothing left after closing slivers")
    out = frame.copy()
    out["community"] = pd.array(placed, dtype="string")
    out["geometry"] = fit.geometries
    return out[keep]


def _warn_existing(plan: Plan, frame: gpd.GeoDataFrame, report: ImportReport) -> None:
    """Imported cells landing on cells the plan already has: added, not swapped."""
    old = plan.cells.frame
    if len(old) == 0 or len(frame) == 0 or plan.crs is None:
        return
    new = frame.geometry.to_crs(plan.crs).values if frame.crs is not None else frame.geometry.values
    hit, _ = shapely.STRtree(old.geometry.values).query(new, predicate="intersects")
    over = sorted({int(i) for i in hit
                   if shapely.area(shapely.intersection(new[i], shapely.union_all(
                       old.geometry.values))) > REPORT_M2})
    if over:
        report.warnings.append(
            f"{len(over)} imported cells overlap cells already in the plan (e.g. "
            f"{_label(frame, frame.index[over[0]])}); they are added beside them: import with "
            "--replace to swap the plan's cells for the file's")


def _label(frame: gpd.GeoDataFrame, fid: object) -> str:
    code = str(frame.at[fid, "code"])
    return f"cell {code}" if code else f"feature {fid}"


def _report_fit(frame: gpd.GeoDataFrame, fit: FitResult, tol: float,
                report: ImportReport) -> None:
    fids = list(frame.index)

    def name(i: int) -> str:
        return _label(frame, fids[i])

    closed = fit.slivers + fit.gaps_closed + fit.trimmed
    if closed:
        report.repaired.append(
            f"{closed} slivers and gaps up to {tol:g} m closed ({fit.slivers} overlaps, "
            f"{fit.gaps_closed} gaps, {fit.trimmed} edges over a community boundary), "
            f"{fit.sliver_m2 + fit.gap_closed_m2 + fit.trimmed_m2:,.1f} m² in all")
    for i, j, area in fit.overlaps[:_LIST]:
        report.warnings.append(f"{name(i)} and {name(j)} overlap by {area:,.0f} m² (wider "
                               f"than {tol:g} m; left for validate)")
    for near, area, community in fit.gaps[:_LIST]:
        where = f" of community {community}" if community else ""
        around = ", ".join(name(i) for i in near) or "no cell"
        report.warnings.append(f"a gap of {area:,.0f} m²{where} next to {around} (wider than "
                               f"{tol:g} m; left for validate)")
    for i, area in fit.crossings[:_LIST]:
        report.warnings.append(f"{name(i)} crosses its community boundary: {area:,.0f} m² "
                               f"lie outside it (more than {tol:g} m)")
    more = max(0, len(fit.overlaps) - _LIST) + max(0, len(fit.gaps) - _LIST) \
        + max(0, len(fit.crossings) - _LIST)
    if more:
        report.warnings.append(f"{more} more overlaps, gaps or crossings; run validate")
    report.counts.update(slivers_closed=closed,
                         closed_m2=round(fit.sliver_m2 + fit.gap_closed_m2 + fit.trimmed_m2, 2),
                         overlaps=len(fit.overlaps), gaps=len(fit.gaps),
                         crossings=len(fit.crossings))

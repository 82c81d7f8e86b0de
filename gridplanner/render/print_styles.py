"""How the printed maps look: a print copy of the plan and its per-page styles.

The print copy holds the plan's spatial layers plus three columns the
map painter can label and categorise on: ``print_label`` (code, name and
leader of each cell, one per line), ``print_class`` (``"<community>|<class>"``
with class comprehensive, dedicated or incomplete — a cell without its
leader or full-time worker) and, with coverage shading, ``print_walk`` on
buildings (index of the first walking level within reach, or "beyond").
Each page styles the cells of its own community in colour and greys the
others, with nothing but a style: the plan is copied once per atlas.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from gridplanner.analysis.network.coverage_view import BEYOND_COLOUR, LEVEL_RAMP, level_colours
from gridplanner.analysis.people.roster_rules import roster_by_cell
from gridplanner.io.labels import label, level_text
from gridplanner.model.plan import Plan
from gridplanner.model.schema import SPATIAL_LAYERS, BoundaryLevel, CellKind
from gridplanner.render.legend import LegendItem, print_label
from gridplanner.render.styles import MapStyle, default_styles

CLASSES: tuple[str, ...] = ("comprehensive", "dedicated", "incomplete")
#: the window's walking-distance palette, so wall maps, the report, the web map
#: and the window read alike
WALK_COLOURS: tuple[str, ...] = LEVEL_RAMP
FOCUS_COLOUR = "#ff7f00"  # outline of the cell a per-cell page is about
OTHER_CELLS = MapStyle(fill="#e3e3e3", outline="#a8a8a8", outline_width=0.8, fill_alpha=140,
                       label_field=None)


def print_plan(plan: Plan, rows: pd.DataFrame, coverage: Any | None = None) -> Plan:
    """A copy of the spatial layers of ``plan`` with the print columns added."""
    view = Plan(name=plan.name, crs=plan.crs, settings=plan.settings)
    for name in SPATIAL_LAYERS:
        frame = plan.layer(name).frame
        if len(frame) == 0:
            continue
        if name == "cells":
            frame = frame.assign(print_label=cell_labels(frame, rows),
                                 print_class=cell_classes(plan))
        elif name == "buildings" and coverage is not None:
            frame = frame.assign(print_walk=walk_classes(coverage, frame.index))
        view.layer(name).replace(frame)
    return view


def cell_labels(cells: pd.DataFrame, rows: pd.DataFrame) -> list[str]:
    """Code, name and leader of every cell, one per line."""
    leaders = rows["leader"].reindex(cells.index).fillna("").astype(str)
    out = []
    for code, name, leader in zip(cells["code"].astype(str), cells["name"].astype(str),
                                  leaders, strict=True):
        out.append("\n".join(t for t in (code, name, leader.replace("; ", "、")) if t))
    return out


def cell_classes(plan: Plan) -> list[str]:
    """``"<community>|<class>"`` of every cell."""
    cells = plan.cells.frame
    teams = roster_by_cell(plan)
    out = []
    for fid, kind, community in zip(cells.index, cells["kind"].astype(str),
                                    cells["community"].astype(str), strict=True):
        team = teams.get(int(fid))
        if kind == CellKind.DEDICATED.value:
            cls = "dedicated"
        elif team is None or not team.leaders or not team.full_time:
            cls = "incomplete"
        else:
            cls = "comprehensive"
        out.append(f"{community}|{cls}")
    return out


def walk_classes(coverage: Any, index: pd.Index) -> list[str]:
    """Index of the first walking level each building is within, or "beyond"."""
    dist = coverage.buildings["distance_m"].reindex(index).to_numpy(float)
    levels = np.asarray(coverage.levels_m, dtype=float)
    pos = np.searchsorted(levels, np.nan_to_num(dist, nan=np.inf), side="left")
    return [str(int(p)) if p < len(levels) else "beyond" for p in pos]


def _cell_styles() -> dict[str, MapStyle]:
    base = default_styles()["cells"]
    focus = base.with_(label_field="print_label", label_size=6.5, label_short=0,
                       label_colour="#0d3350", fill_alpha=110)
    return {
        "comprehensive": focus,
        "dedicated": focus.with_(palette=(), fill="#c994c7", outline="#7a0177", dash="dash"),
        "incomplete": focus.with_(outline="#d7301f", outline_width=2.2, dash="dash"),
    }


def sheet_styles(view: Plan, focus: str | None, coverage: bool = False) -> dict[str, MapStyle]:
    """Styles of one page: cells of community ``focus`` (all if None) coloured."""
    styles = default_styles()
    looks = _cell_styles()
    communities = set(view.cells.frame["community"].astype(str)) if len(view.cells) else set()
    shown = communities if focus is None else {focus}
    # the palette must sit on the top style too: the painter counts its slots there
    cells = OTHER_CELLS.with_(category_field="print_class", palette=looks["comprehensive"].palette)
    cells.categories = {f"{c}|{cls}": looks[cls] for c in shown for cls in CLASSES}
    styles["cells"] = cells
    boundaries = styles["boundaries"]
    boundaries.label_field = None
    for sub in boundaries.categories.values():
        sub.label_field = None
    styles["centres"] = styles["centres"].with_(label_size=6.5, symbol_size=12.0)
    if coverage:
        styles["buildings"] = _walk_style(styles["buildings"], view.settings.levels_m)
    return styles


def _walk_style(base: MapStyle, levels: tuple[float, ...]) -> MapStyle:
    style = base.with_(category_field="print_walk", fill=BEYOND_COLOUR)
    style.categories = {str(i): base.with_(fill=_walk_colour(i, len(levels)))
                        for i in range(len(levels))}
    style.categories["beyond"] = base.with_(fill=BEYOND_COLOUR)
    return style


def _walk_colour(i: int, n: int) -> str:
    return level_colours(n)[i]


def legend_items(view: Plan, sheet: Any, coverage: Any | None, lang: str) -> list[LegendItem]:
    """The legend of one page: only what the plan holds."""
    focus = sheet.community
    styles = sheet_styles(view, focus, coverage is not None)
    looks = _cell_styles()
    classes = set(view.cells.frame["print_class"]) if len(view.cells) else set()
    mine = {c.split("|", 1)[1] for c in classes if focus is None or c.startswith(f"{focus}|")}
    items = []
    if "comprehensive" in mine:
        items.append(LegendItem("palette", looks["comprehensive"], label("comprehensive", lang)))
    if "dedicated" in mine:
        items.append(LegendItem("fill", looks["dedicated"], label("dedicated", lang)))
    if "incomplete" in mine:
        items.append(LegendItem("palette", looks["incomplete"], print_label("incomplete", lang)))
    if focus is not None and any(not c.startswith(f"{focus}|") for c in classes):
        items.append(LegendItem("fill", OTHER_CELLS, print_label("other_cells", lang)))
    if getattr(sheet, "cell_fid", None) is not None:
        items.append(LegendItem("line", MapStyle(outline=FOCUS_COLOUR, outline_width=3.0),
                                print_label("focus_cell", lang)))
    items += _layer_items(view, styles, coverage, lang)
    return items


def _layer_items(view: Plan, styles: dict[str, MapStyle], coverage: Any | None, lang: str
                 ) -> list[LegendItem]:
    items = []
    if len(view.buildings):
        b = styles["buildings"]
        if coverage is not None:
            for i, level in enumerate(coverage.levels_m):
                items.append(LegendItem("fill", b.style_for(str(i)),
                                        label("within", lang, level=level_text(level))))
            items.append(LegendItem("fill", b.style_for("beyond"),
                                    label("beyond", lang, level=level_text(coverage.levels_m[-1]))))
        else:
            items.append(LegendItem("fill", b, print_label("buildings", lang)))
    if len(view.network):
        items.append(LegendItem("line", styles["network"], print_label("network", lang)))
    if len(view.layer("micro_grids")) and "micro_grids" in styles:
        items.append(LegendItem("line", styles["micro_grids"], label("micro_grids", lang)))
    levels = set(view.boundaries.frame["level"].astype(str)) if len(view.boundaries) else set()
    bstyle = styles["boundaries"]
    for level in (BoundaryLevel.SUBDISTRICT, BoundaryLevel.COMMUNITY, BoundaryLevel.COMPOUND):
        if level.value in levels:
            items.append(LegendItem("line", bstyle.style_for(level.value),
                                    print_label(f"{level.value}_boundary", lang)))
    if len(view.centres):
        items.append(LegendItem("point", styles["centres"], label("centres", lang)))
    return items

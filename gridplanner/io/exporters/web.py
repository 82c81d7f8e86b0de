"""The plan as one self-contained web map (folium / Leaflet).

Layers — grid cells, service centres, and with a walking network the
buildings coloured by walking distance and the coverage gaps — can be
switched on and off; clicking a cell shows its team. Every text a user
typed (names, phones, notes) is HTML-escaped before it reaches the page,
and popups are passed to Leaflet as JSON strings, never as markup pasted
into a script, so ``<script>`` in a name shows as text.

Offline: folium's default page loads Leaflet, jQuery, Bootstrap and Font
Awesome from CDNs. This map uses none of the folium parts that need jQuery
or Bootstrap (popups and the legend are plain Leaflet), and inlines
Leaflet's JS and CSS from the XStatic-Leaflet package when it is installed,
so the page opens from disk with no network. Only the background tiles
(OpenStreetMap by default; ``tiles=None`` for none) need a connection.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from gridplanner.analysis.network.coverage_view import BEYOND_COLOUR, level_colours
from gridplanner.errors import ExportError
from gridplanner.io.exporters.layers import coverage_gaps
from gridplanner.io.exporters.tables import coverage_result, roster_rows, write_atomic
from gridplanner.io.labels import check_lang, label, level_text
from gridplanner.model.plan import Plan

LEAFLET_JS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"
CELL_STYLE = {"color": "#1f4e9c", "weight": 2, "fillColor": "#6fa8dc", "fillOpacity": 0.15}
DEDICATED_STYLE = {"color": "#b45f06", "weight": 2, "fillColor": "#f6b26b", "fillOpacity": 0.2}
GAP_STYLE = {"color": "#990000", "weight": 1, "fillColor": "#e06666", "fillOpacity": 0.35}
CENTRE_STYLE = {"radius": 7, "color": "#ffffff", "weight": 2, "fillColor": "#cc0000",
                "fillOpacity": 0.95}


def escape(value: object) -> str:
    """User text made safe for HTML (and for a JS template string)."""
    text = "" if value is None or value is pd.NA else str(value)
    return html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;")


def js_string(value: str) -> str:
    """A JSON string literal that is safe inside a ``<script>`` element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


class _GeoJsonLayer(MacroElement):
    """Features with per-feature style, popup and tooltip, added to a folium parent.

    Feature properties carry only two integers (``i`` row, ``s`` style), so no
    user text goes into the GeoJSON; popups and tooltips are JSON strings.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var styles = {{ this.styles }};
            var popups = {{ this.popups }};
            var tips = {{ this.tips }};
            L.geoJson({{ this.data }}, {
                style: function(f) { return styles[f.properties.s]; },
                pointToLayer: function(f, ll) { return L.circleMarker(ll, styles[f.properties.s]); },
                onEachFeature: function(f, layer) {
                    var p = popups[f.properties.i];
                    if (p) { layer.bindPopup(p, {maxWidth: 380}); }
                    var t = tips[f.properties.i];
                    if (t) { layer.bindTooltip(t, {sticky: true}); }
                }
            }).addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, frame: gpd.GeoDataFrame, style_keys: list[int], styles: list[dict],
                 popups: list[str] | None = None, tips: list[str] | None = None):
        super().__init__()
        self._name = "GridPlannerGeoJson"
        features = []
        for i, (geom, s) in enumerate(zip(frame.geometry, style_keys, strict=True)):
            if geom is None or geom.is_empty:
                continue
            features.append({"type": "Feature", "properties": {"i": i, "s": int(s)},
                             "geometry": geom.__geo_interface__})
        self.data = json.dumps({"type": "FeatureCollection", "features": features},
                               separators=(",", ":"))
        self.styles = json.dumps(styles)
        n = len(frame)
        self.popups = "[" + ",".join(js_string(p) for p in (popups or [""] * n)) + "]"
        self.tips = "[" + ",".join(js_string(t) for t in (tips or [""] * n)) + "]"


class _Legend(MacroElement):
    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>
        .gp-legend { background: rgba(255,255,255,0.92); padding: 6px 10px; font: 12px/1.5
          "Microsoft YaHei", "PingFang SC", sans-serif; border-radius: 4px;
          box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
        .gp-legend i { display: inline-block; width: 14px; height: 10px; margin-right: 6px;
          border: 1px solid #555; vertical-align: middle; }
        .gp-legend b { display: block; margin-bottom: 2px; }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function() {
                var div = L.DomUtil.create("div", "gp-legend");
                div.innerHTML = {{ this.content }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, entries: list[tuple[str, str]], title: str):
        super().__init__()
        self._name = "GridPlannerLegend"
        rows = "".join(f'<div><i style="background:{c}"></i>{escape(t)}</div>' for c, t in entries)
        self.content = js_string(f"<b>{escape(title)}</b>{rows}")


class _OfflineMap(folium.Map):
    """A folium map that needs Leaflet only (no jQuery, Bootstrap or icon fonts)."""

    default_js = [("leaflet", LEAFLET_JS_URL)]
    default_css = [("leaflet_css", LEAFLET_CSS_URL)]


# -- content ---------------------------------------------------------------------------
def _table_html(rows: list[tuple[str, object]]) -> str:
    cells = "".join(f"<tr><th style='text-align:left;padding-right:8px'>{escape(k)}</th>"
                    f"<td>{escape(v)}</td></tr>" for k, v in rows if str(v).strip())
    return f"<table>{cells}</table>"


def _cells_layer(plan: Plan, lang: str, result: Any | None) -> folium.FeatureGroup:
    cells = plan.cells.frame
    roster = roster_rows(plan, lang, result)
    keys = ["code", "name", "community", "households", "residents", "leader", "leader_phone",
            "workers", "branch", "secretary"] + [c for c in roster.columns
                                                 if c.startswith("coverage_")]
    popups, tips = [], []
    for fid in cells.index:
        r = roster.loc[fid]
        rows = [(label(k, lang) if not k.startswith("coverage_") else
                 label("coverage", lang, level=k.removeprefix("coverage_")),
                 "" if pd.isna(r[k]) else r[k]) for k in keys]
        if str(cells.at[fid, "responsible_unit"]).strip():
            rows.append((label("responsible_unit", lang), cells.at[fid, "responsible_unit"]))
        popups.append(_table_html(rows))
        tips.append(escape(f"{r['code']} {r['name']}".strip()))
    kinds = [1 if k == "dedicated" else 0 for k in cells["kind"]]
    group = folium.FeatureGroup(name=label("cells", lang), show=True)
    _GeoJsonLayer(cells.to_crs(4326), kinds, [CELL_STYLE, DEDICATED_STYLE], popups,
                  tips).add_to(group)
    return group


def _centres_layer(plan: Plan, lang: str) -> folium.FeatureGroup:
    centres = plan.centres.frame
    popups = [_table_html([(label("centre", lang), r["name"]), ("", r["kind"]),
                           (label("services", lang), r["services"])])
              for _, r in centres.iterrows()]
    tips = [escape(n) for n in centres["name"]]
    group = folium.FeatureGroup(name=label("centres", lang), show=True)
    _GeoJsonLayer(centres.to_crs(4326), [0] * len(centres), [CENTRE_STYLE], popups,
                  tips).add_to(group)
    return group


def _coverage_layers(plan: Plan, lang: str, result: Any) -> list[folium.FeatureGroup]:
    b = plan.buildings.frame
    dist = result.buildings["distance_m"].reindex(b.index).to_numpy(float)
    levels = list(result.levels_m)
    band = np.searchsorted(np.asarray(levels), dist, side="left")  # len(levels) = beyond
    styles = [{"radius": 3, "stroke": False, "fillColor": c, "fillOpacity": 0.9}
              for c in _level_colours(len(levels))]
    tips = [escape(f"{d:.0f} m") if np.isfinite(d) else "—" for d in dist]
    points = gpd.GeoDataFrame(geometry=b.geometry.representative_point(),
                              crs=plan.crs).to_crs(4326)
    cover = folium.FeatureGroup(name=label("coverage_layer", lang), show=True)
    _GeoJsonLayer(points, [int(x) for x in band], styles, None, tips).add_to(cover)
    gaps = coverage_gaps(plan, result, largest_only=True)
    gap_group = folium.FeatureGroup(name=label("gaps", lang), show=True)
    gap_tips = [escape(_gap_tip(r, lang)) for _, r in gaps.iterrows()]
    _GeoJsonLayer(gaps.to_crs(4326), [0] * len(gaps), [GAP_STYLE], None,
                  gap_tips).add_to(gap_group)
    return [cover, gap_group]


def _gap_tip(row: pd.Series, lang: str) -> str:
    if "households" in row:
        return f"{label('households', lang)}: {row['households']:.0f}"
    text = f"{row.get('community', '')} {label('beyond', lang, level=level_text(row['level_m']))}"
    return text.strip()


def _level_colours(n_levels: int) -> list[str]:
    """The window's colours of the levels, then "beyond" (one palette everywhere)."""
    return level_colours(n_levels) + [BEYOND_COLOUR]


def _legend(plan: Plan, lang: str, result: Any | None) -> _Legend:
    entries = [(str(CELL_STYLE["fillColor"]), label("comprehensive", lang)),
               (str(DEDICATED_STYLE["fillColor"]), label("dedicated", lang)),
               (str(CENTRE_STYLE["fillColor"]), label("centres", lang))]
    if result is not None:
        levels = list(result.levels_m)
        colours = _level_colours(len(levels))
        entries += [(c, label("within", lang, level=level_text(lv)))
                    for c, lv in zip(colours, levels, strict=False)]
        entries.append((colours[-1], label("beyond", lang, level=level_text(levels[-1]))))
        entries.append((str(GAP_STYLE["fillColor"]), label("gaps", lang)))
    return _Legend(entries, plan.name or label("legend", lang))


# -- building and writing ----------------------------------------------------------------
def build_map(plan: Plan, lang: str = "zh_CN", tiles: str | None = "OpenStreetMap") -> folium.Map:
    """The folium map of the plan (not yet written)."""
    lang = check_lang(lang)
    extent = plan.extent()
    if extent is None or plan.crs is None:
        raise ExportError("the plan has no data to show on a web map")
    bounds = gpd.GeoSeries(gpd.points_from_xy([extent[0], extent[2]], [extent[1], extent[3]]),
                           crs=plan.crs).to_crs(4326)
    fmap = _OfflineMap(location=[float(bounds.y.mean()), float(bounds.x.mean())],
                       tiles=tiles, zoom_start=15, control_scale=True)
    fmap.fit_bounds([[float(bounds.y.min()), float(bounds.x.min())],
                     [float(bounds.y.max()), float(bounds.x.max())]])
    result = coverage_result(plan)
    groups = []
    if result is not None:
        groups += _coverage_layers(plan, lang, result)
    if len(plan.cells):
        groups.insert(0, _cells_layer(plan, lang, result))
    if len(plan.centres):
        groups.append(_centres_layer(plan, lang))
    for group in groups:
        group.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    _legend(plan, lang, result).add_to(fmap)
    return fmap


def leaflet_assets() -> tuple[str, str] | None:
    """Leaflet's JS and CSS (images inlined) from XStatic-Leaflet, or None."""
    try:
        import xstatic.pkg.leaflet as xs
    except ImportError:
        return None
    base = Path(xs.BASE_DIR)
    try:
        js = (base / "leaflet.js").read_text(encoding="utf-8")
        css = (base / "leaflet.css").read_text(encoding="utf-8")
    except OSError:
        return None

    def inline(match: re.Match[str]) -> str:
        image = base / match.group(1)
        if not image.is_file():
            return match.group(0)
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    js = js.replace("//# sourceMappingURL=leaflet.js.map", "")
    return js.replace("</script", "<\\/script"), re.sub(r"url\((images/[\w.-]+\.png)\)",
                                                         inline, css)


def render_html(fmap: folium.Map, offline: bool = True) -> str:
    """The page as text, with Leaflet inlined when ``offline`` and available."""
    page = fmap.get_root().render()
    assets = leaflet_assets() if offline else None
    if assets is not None:
        js, css = assets
        page = page.replace(f'<script src="{LEAFLET_JS_URL}"></script>',
                            f"<script>{js}</script>")
        page = page.replace(f'<link rel="stylesheet" href="{LEAFLET_CSS_URL}"/>',
                            f"<style>{css}</style>")
    return page


def export_html(plan: Plan, path: str | os.PathLike[str], lang: str = "zh_CN",
                tiles: str | None = "OpenStreetMap", offline: bool = True) -> Path:
    """Write the web map to ``path``; it opens from disk in any browser."""
    page = render_html(build_map(plan, lang, tiles), offline)
    return write_atomic(path, lambda tmp: tmp.write_text(page, encoding="utf-8"))

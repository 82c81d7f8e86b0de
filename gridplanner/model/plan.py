"""The plan: every layer, table and setting of one grid plan.

All spatial layers share one coordinate system, the plan's local metric CRS
(a UTM or Gauss-Krüger zone chosen from the data's extent when the first
data arrive), so areas, buffers and distances are in metres everywhere.
"""

from __future__ import annotations

import copy
from typing import Any

import geopandas as gpd
import pandas as pd
from psygnal import Signal
from pyproj import CRS

from gridplanner.errors import CRSError, ModelError
from gridplanner.model.layer import FeatureTable, LayerChange
from gridplanner.model.schema import LAYER_SPECS, BoundaryLevel
from gridplanner.model.settings import Settings


class Plan:
    """A grid plan. Emits ``layer_changed`` for every change to any layer."""

    layer_changed = Signal(object)  # LayerChange
    settings_changed = Signal(object)  # Settings
    name_changed = Signal(str)
    crs_changed = Signal(object)
    styles_changed = Signal(str)  # layer name, "" when every style changed
    layer_order_changed = Signal(object)  # list[str], bottom to top
    basemaps_changed = Signal(object)  # list[dict], bottom to top

    def __init__(self, name: str = "", crs: Any = None, settings: Settings | None = None):
        self._name = name
        self._crs: CRS | None = CRS.from_user_input(crs) if crs is not None else None
        self._settings = settings or Settings()
        #: How each layer is drawn, as plain dicts (``MapStyle.to_dict()`` in
        #: gridplanner.render.styles); a layer not listed uses the default look.
        #: Change it through :meth:`set_style` / :meth:`set_styles`.
        self.styles: dict[str, dict[str, Any]] = {}
        #: Drawing order, bottom to top; empty means the default order.
        #: Change it through :meth:`set_layer_order`.
        self.layer_order: list[str] = []
        #: Basemaps under the plan's layers, bottom to top, as plain dicts
        #: (``BasemapSpec.to_dict()`` in gridplanner.io.basemap; never a key).
        #: Change it through :meth:`set_basemaps`.
        self.basemaps: list[dict[str, Any]] = []
        self.layers: dict[str, FeatureTable] = {}
        for spec in LAYER_SPECS.values():
            table = FeatureTable(spec, crs=self._crs)
            table.changed.connect(self._relay)
            self.layers[spec.name] = table

    def _relay(self, change: LayerChange) -> None:
        self.layer_changed.emit(change)

    # -- properties -------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        if value != self._name:
            self._name = str(value)
            self.name_changed.emit(self._name)

    @property
    def crs(self) -> CRS | None:
        return self._crs

    def set_crs(self, crs: Any) -> None:
        """Set the plan's metric CRS; only allowed while no spatial data are loaded."""
        new = CRS.from_user_input(crs)
        if not new.is_projected:
            raise CRSError(f"the plan CRS must be a projected metric CRS, not {new.name}")
        if self._crs is not None and new != self._crs and not self.is_empty():
            raise CRSError("the plan already holds data in another CRS; reproject on import")
        self._crs = new
        for table in self.layers.values():
            table.set_crs(new)
        self.crs_changed.emit(new)

    @property
    def settings(self) -> Settings:
        return self._settings

    @settings.setter
    def settings(self, value: Settings) -> None:
        value.validate()
        self._settings = value
        self.settings_changed.emit(value)

    # -- styles -----------------------------------------------------------
    def set_style(self, layer: str, style: dict[str, Any] | None) -> dict[str, Any] | None:
        """Set (or, with None, drop) the saved look of one layer; returns the old one."""
        if style is not None and not isinstance(style, dict):
            raise ModelError(f"the style of layer {layer} must be a dict, not {type(style).__name__}")
        old = self.styles.pop(layer, None)
        if style is not None:
            self.styles[layer] = copy.deepcopy(style)
        self.styles_changed.emit(layer)
        return old

    def set_styles(self, styles: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """Replace every saved style at once; returns the old ones."""
        bad = [k for k, v in styles.items() if not isinstance(v, dict)]
        if bad:
            raise ModelError(f"the style of layer {bad[0]} must be a dict")
        old, self.styles = self.styles, copy.deepcopy(dict(styles))
        self.styles_changed.emit("")
        return old

    def set_layer_order(self, order: list[str]) -> list[str]:
        """Set the drawing order (bottom to top; [] for the default); returns the old one."""
        unknown = [n for n in order if n not in LAYER_SPECS]
        if unknown:
            raise ModelError(f"the plan has no layer named {unknown[0]!r} to order")
        old, self.layer_order = self.layer_order, list(order)
        self.layer_order_changed.emit(list(order))
        return old

    def set_basemaps(self, basemaps: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Replace the basemaps (bottom to top, plain dicts); returns the old list."""
        if not isinstance(basemaps, list) or not all(isinstance(b, dict) for b in basemaps):
            raise ModelError("basemaps must be a list of tables (one per basemap)")
        old, self.basemaps = self.basemaps, copy.deepcopy(basemaps)
        self.basemaps_changed.emit(copy.deepcopy(basemaps))
        return old

    # -- layers -----------------------------------------------------------
    def layer(self, name: str) -> FeatureTable:
        try:
            return self.layers[name]
        except KeyError:
            raise KeyError(f"the plan has no layer named {name!r}") from None

    @property
    def boundaries(self) -> FeatureTable:
        return self.layers["boundaries"]

    @property
    def buildings(self) -> FeatureTable:
        return self.layers["buildings"]

    @property
    def cells(self) -> FeatureTable:
        return self.layers["cells"]

    @property
    def centres(self) -> FeatureTable:
        return self.layers["centres"]

    @property
    def network(self) -> FeatureTable:
        return self.layers["network"]

    @property
    def workers(self) -> FeatureTable:
        return self.layers["workers"]

    @property
    def branches(self) -> FeatureTable:
        return self.layers["branches"]

    @property
    def assignments(self) -> FeatureTable:
        return self.layers["assignments"]

    def is_empty(self) -> bool:
        return all(len(t) == 0 for t in self.layers.values() if t.is_spatial)

    def boundaries_at(self, level: BoundaryLevel | str) -> gpd.GeoDataFrame:
        frame = self.boundaries.frame
        return frame[frame["level"] == str(level)]

    def communities(self) -> gpd.GeoDataFrame:
        return self.boundaries_at(BoundaryLevel.COMMUNITY)

    def extent(self) -> tuple[float, float, float, float] | None:
        """Bounds of all spatial data in plan coordinates, or None if empty."""
        boxes = [b for t in self.layers.values() if (b := t.total_bounds()) is not None]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def totals(self) -> dict[str, float]:
        b = self.buildings.frame
        return {
            "buildings": int(len(b)),
            "households": float(pd.to_numeric(b["households"]).fillna(0).sum()),
            "residents": float(pd.to_numeric(b["residents"]).fillna(0).sum()),
            "households_estimated": int(b["households_estimated"].fillna(False).sum()),
        }

"""Selection and feature queries of the map canvas (a mixin of MapCanvas).

Selection is per layer (fids); the *current layer* is what rectangle and
click selection work on. Queries use the painter's per-layer STRtree, so they
cost the same whatever the size of the layer.
"""

from __future__ import annotations

from collections.abc import Iterable

import shapely

from gridplanner.render.styles import MapStyle

Box = tuple[float, float, float, float]


class CanvasSelectionMixin:
    """Per-layer selection, the current layer, and hit-testing for MapCanvas."""

    @property
    def current_layer(self) -> str:
        """The layer selection and identify work on first ("" = any)."""
        return self._current_layer

    def set_current_layer(self, name: str) -> None:
        if name != self._current_layer:
            self._current_layer = name
            self.currentLayerChanged.emit(name)

    def selection(self, layer: str) -> list[int]:
        return list(self._selection.get(layer, []))

    def set_selection(self, layer: str, fids: Iterable[int]) -> None:
        """Select ``fids`` of ``layer`` (replacing its selection); emits selectionChanged."""
        new = sorted({int(f) for f in fids})
        if new == self._selection.get(layer, []):
            return
        self._selection[layer] = new
        self._highlight = None
        self.update()
        self.selectionChanged.emit(layer, list(new))

    def clear_selection(self) -> None:
        for layer in [k for k, v in self._selection.items() if v]:
            self.set_selection(layer, [])

    def _pick_layers(self) -> list[str]:
        if self.plan is None:
            return []
        if self._current_layer:
            return [self._current_layer]
        return [n for n in reversed(self.layer_order)
                if n in self.plan.layers and self.styles.get(n, MapStyle()).visible
                and self.plan.layer(n).is_spatial and len(self.plan.layer(n))]

    def features_at(self, x: float, y: float, tolerance: float | None = None,
                    all_layers: bool = False) -> list[tuple[str, int]]:
        """(layer, fid) of features within ``tolerance`` of (x, y), most specific first.

        Looks in the current layer, or in every visible layer when there is
        none or ``all_layers`` is true; the smallest feature comes first, so
        a click inside a building finds the building before its community.
        """
        tol = 4 * self._pixel if tolerance is None else tolerance
        found: list[tuple[float, int, str, int]] = []
        point = shapely.Point(x, y)
        saved = self._current_layer
        if all_layers:
            self._current_layer = ""
        try:
            layers = self._pick_layers()
        finally:
            self._current_layer = saved
        for rank, layer in enumerate(layers):
            cache = self.map_painter.cache(self.plan, layer)
            if not len(cache):
                continue
            hits = cache.tree.query(point, predicate="dwithin", distance=tol)
            areas = shapely.area(cache.geoms[hits])
            found += [(float(a), rank, layer, int(cache.fids[h]))
                      for a, h in zip(areas, hits, strict=True)]
        found.sort(key=lambda t: (t[0], t[1]))
        return [(layer, fid) for _, _, layer, fid in found]

    def select_at(self, x: float, y: float, tolerance: float, mode: str = "replace"
                  ) -> tuple[str, list[int]]:
        hits = self.features_at(x, y, tolerance)
        layer = hits[0][0] if hits else (self._current_layer or "")
        fids = [hits[0][1]] if hits else []
        return self._apply_selection(layer, fids, mode)

    def select_in_box(self, box: Box, layer: str | None = None, mode: str = "replace"
                      ) -> tuple[str, list[int]]:
        """Select the features of ``layer`` (default: current or topmost) meeting ``box``."""
        names = [layer] if layer else self._pick_layers()
        for name in names:
            cache = self.map_painter.cache(self.plan, name)
            hits = cache.query(box, predicate="intersects")
            if len(hits) or layer or len(names) == 1:
                return self._apply_selection(name, [int(f) for f in cache.fids[hits]], mode)
        return ("", [])

    def _apply_selection(self, layer: str, fids: list[int], mode: str) -> tuple[str, list[int]]:
        if not layer:
            self.clear_selection()
            return ("", [])
        old = set(self._selection.get(layer, []))
        if mode == "add":
            new = old | set(fids)
        elif mode == "toggle":
            new = old ^ set(fids)
        else:
            new = set(fids)
            for other in [k for k in self._selection if k != layer]:
                self.set_selection(other, [])
        self.set_selection(layer, new)
        return (layer, sorted(new))


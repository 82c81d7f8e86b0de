"""How each layer is drawn: a small, copyable style per layer.

A :class:`MapStyle` holds colours as ``#rrggbb`` / ``#aarrggbb`` strings (not
QColor) so styles can be compared, copied and saved without Qt. A style may
be *categorised*: ``category_field`` names a column and ``categories`` maps
its values to sub-styles (the boundaries layer draws sub-districts,
communities and compounds differently). ``palette`` colours features in turn
by fid (grid cells), so neighbouring cells are told apart.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, replace
from typing import Any

#: Bottom to top.
DEFAULT_LAYER_ORDER: tuple[str, ...] = ("cells", "micro_grids", "buildings", "network", "boundaries",
                                          "centres")

BACKGROUND = "#f4f3ee"
SELECTION_COLOUR = "#ffd400"

#: Soft, distinguishable fills for grid cells (alpha applied by ``fill_alpha``).
CELL_PALETTE: tuple[str, ...] = (
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3",
    "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5",
)


@dataclass
class MapStyle:
    """The look of one layer (or of one category of a layer).

    Parameters
    ----------
    fill
        Fill colour of polygons and point symbols; None for no fill.
    outline
        Outline (or line) colour; None for no outline.
    outline_width
        Outline width in screen pixels (0 = hairline).
    dash
        Qt pen style name: "solid", "dash", "dot", "dashdot".
    visible
        Whether the layer is drawn at all.
    label_field
        Column whose value labels each feature, or None.
    opacity
        0–1, applied to the whole layer.
    fill_alpha
        0–255 alpha applied on top of ``fill`` (translucent cells).
    symbol
        Point symbol: "circle", "square", "star".
    symbol_size
        Point symbol diameter in screen pixels.
    palette
        Colours used in turn by fid instead of ``fill``.
    category_field, categories
        Per-value sub-styles; values not listed use this style.
    label_colour, label_size
        Label text colour and point size.
    label_short
        When > 0 and a label is wider than its feature on screen, show only
        its last ``label_short`` characters (the serial of a 15-digit grid code).
    """

    fill: str | None = "#c8c8c8"
    outline: str | None = "#6e6e6e"
    outline_width: float = 1.0
    dash: str = "solid"
    visible: bool = True
    label_field: str | None = None
    opacity: float = 1.0
    fill_alpha: int = 255
    symbol: str = "circle"
    symbol_size: float = 9.0
    palette: tuple[str, ...] = ()
    category_field: str | None = None
    categories: dict[str, MapStyle] = field(default_factory=dict)
    label_colour: str = "#202020"
    label_size: float = 9.0
    label_short: int = 0

    def copy(self) -> MapStyle:
        return copy.deepcopy(self)

    def with_(self, **changes: object) -> MapStyle:
        """A copy with some fields changed."""
        return replace(self.copy(), **changes)

    def style_for(self, category: str | None) -> MapStyle:
        """The sub-style of a category value (or this style)."""
        if category is not None and category in self.categories:
            return self.categories[category]
        return self

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able values (lists, strings, numbers), categories nested."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "palette":
                value = list(value)
            elif f.name == "categories":
                value = {str(k): v.to_dict() for k, v in value.items()}
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], base: MapStyle | None = None) -> MapStyle:
        """A style from :meth:`to_dict` output laid over ``base`` (default: a plain style).

        Unknown keys are ignored and values of the wrong type keep the base's
        value, so a file written by another version still opens.
        """
        style = base.copy() if base is not None else cls()
        if not isinstance(data, dict):
            return style
        for f in fields(cls):
            if f.name not in data:
                continue
            value = _checked(f.name, data[f.name], getattr(style, f.name), style)
            setattr(style, f.name, value)
        return style


def _checked(name: str, value: Any, current: Any, style: MapStyle) -> Any:
    """``value`` converted to the type of the field ``name``, or ``current`` if it cannot be."""
    if name == "categories":
        if not isinstance(value, dict):
            return current
        return {str(k): MapStyle.from_dict(v, current.get(str(k), style.with_(categories={})))
                for k, v in value.items() if isinstance(v, dict)}
    if name == "palette":
        return tuple(str(c) for c in value) if isinstance(value, list | tuple) else current
    if name in ("fill", "outline", "label_field", "category_field"):
        return None if value is None else str(value)
    if isinstance(current, bool):
        return bool(value)
    if isinstance(current, int | float) and not isinstance(value, bool):
        try:
            return type(current)(value)
        except (TypeError, ValueError):
            return current
    return str(value) if isinstance(current, str) and value is not None else current


def default_styles() -> dict[str, MapStyle]:
    """The default look of every spatial layer of a plan."""
    boundary = MapStyle(fill=None, outline="#7a3b8f", outline_width=2.0, label_field="name",
                        label_colour="#5a2470", label_size=11.0)
    boundary.category_field = "level"
    boundary.categories = {
        "subdistrict": boundary.with_(outline="#4b2a63", outline_width=3.5, dash="dashdot",
                                      label_field=None),
        "community": boundary.with_(outline="#b0223a", outline_width=2.8, label_colour="#8a1228",
                                    label_size=11.0),
        "compound": boundary.with_(outline="#8a6a3a", outline_width=1.2, dash="dash",
                                   label_colour="#6b4f25", label_size=8.0),
    }
    return {
        "cells": MapStyle(fill="#80b1d3", outline="#2b6b96", outline_width=1.4, fill_alpha=90,
                          palette=CELL_PALETTE, label_field="code", label_colour="#123e5c",
                          label_size=9.0, label_short=3),
        "micro_grids": MapStyle(fill=None, outline="#2b6b96", outline_width=0.8, dash="dot",
                                label_field="code", label_colour="#2b6b96", label_size=7.0,
                                label_short=2),
        "buildings": MapStyle(fill="#a9a9a9", outline="#7d7d7d", outline_width=0.0,
                              symbol="square", symbol_size=4.0),
        "network": MapStyle(fill=None, outline="#8f8f8f", outline_width=1.3),
        "boundaries": boundary,
        "centres": MapStyle(fill="#d7301f", outline="#ffffff", outline_width=1.5, symbol="star",
                            symbol_size=14.0, label_field="name", label_colour="#7f0000",
                            label_size=9.0),
    }


def styles_from_plan(saved: dict[str, dict] | None) -> dict[str, MapStyle]:
    """The default styles with a plan's saved ones (``plan.styles``) laid over them."""
    styles = default_styles()
    for name, data in (saved or {}).items():
        styles[name] = MapStyle.from_dict(data, styles.get(name))
    return styles


def layer_order(styles: dict[str, MapStyle], order: tuple[str, ...] | list[str] | None = None
                ) -> list[str]:
    """Bottom-to-top order of the layers that have a style."""
    base = list(order) if order is not None else list(DEFAULT_LAYER_ORDER)
    return [n for n in base if n in styles] + [n for n in styles if n not in base]

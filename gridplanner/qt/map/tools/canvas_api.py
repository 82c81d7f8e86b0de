"""What a map tool may use of the canvas it works on.

Map tools (here and in the feature packages) type their canvas as
:class:`MapCanvasLike`, so the tools never import the canvas module and the
canvas can import the tool base class without a circle. The real
:class:`~gridplanner.qt.map.canvas.MapCanvas` satisfies the protocol;
tests may hand a tool any object that does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QCursor

    from gridplanner.model.plan import Plan
    from gridplanner.render.painter import MapPainter

Box = tuple[float, float, float, float]


class MapCanvasLike(Protocol):
    """The canvas as map tools see it: coordinates, feedback items, view, hits."""

    plan: Plan | None
    map_painter: MapPainter

    # coordinates
    def pixel_size(self) -> float: ...
    def map_to_widget(self, point: QPointF) -> QPointF: ...
    def widget_to_map(self, point: QPointF) -> QPointF: ...

    # feedback drawn over the map (rubber bands, markers)
    def add_item(self, item: Any) -> None: ...
    def remove_item(self, item: Any) -> None: ...
    def update(self) -> None: ...
    def setCursor(self, cursor: QCursor | Any) -> None: ...

    # the view
    def extent(self) -> Box: ...
    def set_extent(self, box: Box, margin: float = 0.0) -> None: ...
    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None: ...
    def pan_by_pixels(self, dx: float, dy: float) -> None: ...
    def set_map_tool(self, tool: Any) -> None: ...

    # what lies under the mouse, and selection
    def features_at(self, x: float, y: float, tolerance: float | None = None,
                    all_layers: bool = False) -> list[tuple[str, int]]: ...
    def select_at(self, x: float, y: float, tolerance: float, mode: str = "replace"
                  ) -> tuple[str, list[int]]: ...
    def select_in_box(self, box: Box, layer: str | None = None, mode: str = "replace"
                      ) -> tuple[str, list[int]]: ...

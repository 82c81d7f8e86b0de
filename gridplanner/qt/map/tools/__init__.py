"""Map tools: small state machines that turn canvas events into results.

See :mod:`gridplanner.qt.map.tools.base` for the contract a new tool
(drawing a cell, splitting, placing a centre) follows; a tool knows the
canvas only through the :class:`~gridplanner.qt.map.tools.canvas_api.MapCanvasLike`
protocol. Tools of one feature live in that feature's package.
"""

from gridplanner.qt.map.tools.base import MapMouseEvent, MapTool
from gridplanner.qt.map.tools.navigation import PanTool, ZoomTool
from gridplanner.qt.map.tools.rubber_band import RubberBand
from gridplanner.qt.map.tools.select import IdentifyTool, SelectTool

__all__ = ["IdentifyTool", "MapMouseEvent", "MapTool", "PanTool", "RubberBand", "SelectTool",
           "ZoomTool"]

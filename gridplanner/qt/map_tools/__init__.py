"""Map tools: small state machines that turn canvas events into results.

See :mod:`gridplanner.qt.map_tools.base` for the contract a new tool
(drawing a cell, splitting, placing a centre) follows.
"""

from gridplanner.qt.map_tools.base import MapMouseEvent, MapTool
from gridplanner.qt.map_tools.navigation import PanTool, ZoomTool
from gridplanner.qt.map_tools.rubber_band import RubberBand
from gridplanner.qt.map_tools.select import IdentifyTool, SelectTool

__all__ = ["IdentifyTool", "MapMouseEvent", "MapTool", "PanTool", "RubberBand", "SelectTool",
           "ZoomTool"]

"""Split a cell with a drawn line.

Click the vertices of a line across a cell (snapping as when drawing a
cell); double click, Enter or right click finishes it, Escape cancels.
The tool emits ``splitLineDrawn(LineString)``; which cell it cuts and the
cutting itself (:func:`gridplanner.analysis.grids.editing.split_polygon`) are
done where the signal is handled.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from gridplanner.qt.grids.draw_cell import DigitizeTool
from gridplanner.qt.map.snapping_indicator import Snapper


class SplitTool(DigitizeTool):
    """Draw a split line; emits ``splitLineDrawn(LineString)``."""

    splitLineDrawn = Signal(object)

    def __init__(self, canvas, snapper: Snapper | None = None):
        super().__init__(canvas, "line", snapper)
        self.digitized.connect(self.splitLineDrawn.emit)

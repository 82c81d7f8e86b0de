"""The grid feature's actions, menu and toolbar, as data (see :mod:`gridplanner.qt.shell.actions`).

Each :class:`~gridplanner.qt.shell.actions.ActionSpec` names the
:class:`~gridplanner.qt.grids.feature.GridFeature` method it triggers.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gridplanner.qt.shell.actions import ActionSpec

GRID_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("tool_draw_cell", QT_TRANSLATE_NOOP("MainWindow", "&Draw Cell"),
               "action_tool_draw_cell", "D",
               QT_TRANSLATE_NOOP("MainWindow", "Draw a cell vertex by vertex; double click or "
                                 "Enter finishes"), checkable=True),
    ActionSpec("tool_vertex", QT_TRANSLATE_NOOP("MainWindow", "Edit &Vertices"),
               "action_tool_vertex", "V",
               QT_TRANSLATE_NOOP("MainWindow", "Drag shared vertices, double click an edge to "
                                 "add one, Delete removes the selected one"), checkable=True),
    ActionSpec("tool_split", QT_TRANSLATE_NOOP("MainWindow", "S&plit Cell"),
               "action_tool_split", "K",
               QT_TRANSLATE_NOOP("MainWindow", "Draw a line across a cell to split it"),
               checkable=True),
    ActionSpec("tool_paint", QT_TRANSLATE_NOOP("MainWindow", "&Paint Buildings"),
               "action_tool_paint", "B",
               QT_TRANSLATE_NOOP("MainWindow", "Click, brush or Shift+drag a lasso over buildings "
                                 "to put them in the chosen cell"), checkable=True),
    ActionSpec("avoid_overlap", QT_TRANSLATE_NOOP("MainWindow", "&Avoid Overlap"),
               "action_avoid_overlap",
               tip=QT_TRANSLATE_NOOP("MainWindow", "Clip new cells by existing cells and their "
                                     "community"), checkable=True),
    ActionSpec("snapping", QT_TRANSLATE_NOOP("MainWindow", "&Snapping"), "action_snapping",
               tip=QT_TRANSLATE_NOOP("MainWindow", "Snap to vertices and edges within 10 pixels"),
               checkable=True),
    ActionSpec("merge_cells", QT_TRANSLATE_NOOP("MainWindow", "&Merge Selected Cells"),
               "action_merge", "Ctrl+M"),
    ActionSpec("delete_cells", QT_TRANSLATE_NOOP("MainWindow", "De&lete Selected Cells"),
               "action_delete", "Ctrl+Del"),
    ActionSpec("cell_attributes", QT_TRANSLATE_NOOP("MainWindow", "Cell &Attributes…"),
               "action_attributes", "Ctrl+Shift+E"),
    ActionSpec("rebuild", QT_TRANSLATE_NOOP("MainWindow", "&Rebuild Outlines from Buildings"),
               "action_rebuild",
               tip=QT_TRANSLATE_NOOP("MainWindow", "Derive each cell's outline from its buildings, "
                                     "clipped to its community (the communities of the "
                                     "selected or painted cells)")),
    ActionSpec("auto_rebuild", QT_TRANSLATE_NOOP("MainWindow", "Rebuild Outlines &While Painting"),
               "action_auto_rebuild", checkable=True),
    ActionSpec("status_colours",
               QT_TRANSLATE_NOOP("MainWindow", "Colour Cells by &Household Status"),
               "action_status_colours", checkable=True),
    ActionSpec("code_labels", QT_TRANSLATE_NOOP("MainWindow", "Show Cell &Codes"),
               "action_code_labels", checkable=True),
    ActionSpec("generate", QT_TRANSLATE_NOOP("MainWindow", "&Generate Grids…"), "action_generate"),
    ActionSpec("codes", QT_TRANSLATE_NOOP("MainWindow", "Assign &Codes…"), "action_codes"),
    ActionSpec("validate", QT_TRANSLATE_NOOP("MainWindow", "Va&lidate Grids"), "action_validate",
               "Ctrl+Shift+V"),
)
MENU = ("generate", "codes", "validate", "-", "tool_draw_cell", "tool_vertex", "tool_split",
        "tool_paint", "-", "merge_cells", "delete_cells", "cell_attributes", "-", "rebuild",
        "auto_rebuild", "-", "avoid_overlap", "snapping", "status_colours", "code_labels")
TOOLBAR = ("tool_draw_cell", "tool_vertex", "tool_split", "tool_paint", "avoid_overlap",
           "status_colours", "-", "generate", "validate")
TOOLS = {"draw_cell": "tool_draw_cell", "vertex": "tool_vertex", "split": "tool_split",
         "paint": "tool_paint"}

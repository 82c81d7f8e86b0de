"""Style edits in the layers dock are saved in the plan and undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_style_edits_go_to_the_plan_and_undo(main_window, grid_plan):
    dock, canvas, stack = main_window.layers_dock, main_window.canvas, main_window.undo_stack
    canvas.set_current_layer("buildings")
    for value in (80, 60, 40):  # a slider drag: one undo step
        dock.opacity_slider.setValue(value)
    assert grid_plan.styles["buildings"]["opacity"] == 0.4
    assert canvas.styles["buildings"].opacity == 0.4
    assert stack.count() == 1 and main_window.isWindowModified()
    item = dock.list.item(dock.layer_names().index("network"))
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not canvas.styles["network"].visible and stack.count() == 2
    stack.undo()
    assert canvas.styles["network"].visible
    assert dock.list.item(dock.layer_names().index("network")).checkState() == Qt.CheckState.Checked
    stack.undo()
    assert "buildings" not in grid_plan.styles
    assert canvas.styles["buildings"].opacity == 1.0 and dock.opacity_slider.value() == 100
    stack.redo()
    assert canvas.styles["buildings"].opacity == 0.4 and dock.opacity_slider.value() == 40


def test_a_plan_shown_in_the_window_brings_its_styles(main_window, grid_plan):
    grid_plan.set_style("cells", {"fill": "#00ff00", "palette": []})
    main_window.set_plan(grid_plan)
    assert main_window.canvas.styles["cells"].fill == "#00ff00"
    assert main_window.canvas.styles["cells"].palette == ()


def test_reordering_layers_is_saved_in_the_plan_and_undoable(main_window):
    dock = main_window.layers_dock
    names = dock.layer_names()  # top first
    item = dock.list.takeItem(0)
    dock.list.addItem(item)  # the top layer goes to the bottom
    dock._order_changed()
    expected = list(reversed(names[1:] + names[:1]))
    assert main_window.plan.layer_order == expected
    assert main_window.canvas.layer_order == expected
    main_window.undo_stack.undo()
    assert main_window.plan.layer_order == []
    assert dock.layer_names() == names
    main_window.undo_stack.redo()
    assert main_window.canvas.layer_order == expected

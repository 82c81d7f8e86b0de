"""Right-click menus: on the map, on the layer list and on attribute-table rows.

* Map (while a navigation, select or identify tool is active; drawing tools
  keep the right button): for the feature under the cursor "Zoom to
  Feature", "Identify", "Edit Attributes", "Delete Feature" (an undo step);
  always "Copy Coordinates" and "Go to Coordinates…".
* Layer list: "Zoom to Layer", "Fill Colour…", "Outline Colour…".
* Attribute rows: "Zoom to Selected Rows", "Copy".

Each ``*_menu`` function builds and returns the menu without showing it, so
tests can read and trigger its actions; the ``show_*`` slots pop it up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from gridplanner.io.locate import plan_to_lonlat
from gridplanner.qt.map.layers_dock import layer_title
from gridplanner.qt.shell.commands import DeleteFeaturesCommand

CONTEXT = "MapContextMenu"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def coordinates_text(x: float, y: float, crs) -> str:
    """"x, y" in plan metres, and WGS84 degrees when the plan has a CRS."""
    text = f"{x:.2f}, {y:.2f}"
    if crs is not None:
        lon, lat = plan_to_lonlat(x, y, crs)
        text += f" ({lon:.6f}, {lat:.6f})"
    return text


def canvas_menu(window, pos: QPoint) -> QMenu | None:
    """The map's context menu at widget position ``pos`` (None while a drawing tool is active)."""
    canvas = window.canvas
    tool = canvas.map_tool()
    if tool is not None and tool not in getattr(window, "tools", {}).values():
        return None
    point = canvas.widget_to_map(QPointF(pos))
    menu = QMenu(canvas)
    hits = canvas.features_at(point.x(), point.y(), all_layers=True) if canvas.plan else []
    if hits:
        layer, fid = hits[0]
        menu.setTitle(f"{layer_title(layer)} {fid}")
        menu.addAction(_tr("Zoom to Feature"), lambda: zoom_to_feature(canvas, layer, fid))
        menu.addAction(_tr("Identify"), lambda: identify(window, layer, fid))
        menu.addAction(_tr("Edit Attributes"), lambda: edit_attributes(window, layer, fid))
        menu.addAction(_tr("Delete Feature"), lambda: delete_feature(window, layer, fid))
        menu.addSeparator()
    text = coordinates_text(point.x(), point.y(), canvas.plan.crs if canvas.plan else None)
    menu.addAction(_tr("Copy Coordinates"), lambda: QGuiApplication.clipboard().setText(text))
    goto = getattr(window, "features", {}).get("map")
    if goto is not None:
        menu.addAction(_tr("Go to Coordinates…"), goto.action_goto)
    return menu


def zoom_to_feature(canvas, layer: str, fid: int) -> None:
    canvas.set_selection(layer, [fid])
    canvas.zoom_to_selection()


def identify(window, layer: str, fid: int) -> None:
    window.canvas.set_selection(layer, [fid])
    window.identify_dock.show()
    window.identify_dock.show_feature(layer, fid)


def edit_attributes(window, layer: str, fid: int) -> None:
    dock = window.attribute_dock
    dock.show()
    dock.set_layer(layer)
    window.canvas.set_selection(layer, [fid])
    dock.view.setFocus(Qt.FocusReason.OtherFocusReason)


def delete_feature(window, layer: str, fid: int) -> None:
    text = _tr("Delete %1 %2").replace("%1", layer_title(layer)).replace("%2", str(fid))
    window.undo_stack.push(DeleteFeaturesCommand(window.plan, layer, [fid], text))


def layers_menu(dock, name: str) -> QMenu:
    """The layer list's context menu for layer ``name``."""
    menu = QMenu(dock)
    menu.addAction(_tr("Zoom to Layer"), lambda: dock.canvas.zoom_to_layer(name))
    menu.addSeparator()
    menu.addAction(_tr("Fill Colour…"), lambda: _style(dock, name, "fill"))
    menu.addAction(_tr("Outline Colour…"), lambda: _style(dock, name, "outline"))
    return menu


def _style(dock, name: str, which: str) -> None:
    dock.canvas.set_current_layer(name)
    dock._pick_colour(which)


def table_menu(dock) -> QMenu:
    """The attribute table's context menu for the selected rows."""
    menu = QMenu(dock)
    fids = dock.selected_fids()
    zoom = menu.addAction(_tr("Zoom to Selected Rows"),
                          lambda: _zoom_rows(dock, dock.layer, dock.selected_fids()))
    zoom.setEnabled(bool(fids) and dock.canvas.plan is not None
                    and dock.canvas.plan.layer(dock.layer).is_spatial)
    menu.addAction(_tr("Copy"), dock.view.copy_to_clipboard).setEnabled(bool(fids))
    return menu


def _zoom_rows(dock, layer: str, fids: list[int]) -> None:
    dock.canvas.set_selection(layer, fids)
    dock.canvas.zoom_to_selection()


def install_context_menus(window) -> None:
    """Give the canvas, the layer list and the attribute table their right-click menus."""
    canvas = window.canvas
    canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def on_canvas(pos: QPoint) -> None:
        if (menu := canvas_menu(window, pos)) is not None:
            menu.popup(canvas.mapToGlobal(pos))

    canvas.customContextMenuRequested.connect(on_canvas)
    layers = window.layers_dock
    layers.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def on_layers(pos: QPoint) -> None:
        item = layers.list.itemAt(pos)
        if item is not None:
            layers.list.setCurrentItem(item)
            layers_menu(layers, layers.current_name()).popup(layers.list.mapToGlobal(pos))

    layers.list.customContextMenuRequested.connect(on_layers)
    table = window.attribute_dock
    table.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.view.customContextMenuRequested.connect(
        lambda pos: table_menu(table).popup(table.view.viewport().mapToGlobal(pos)))

"""Basemaps and the everyday map tools, installed into the window as one feature.

:class:`MapFeature` adds:

* a **Basemap** menu (OpenStreetMap, Tianditu with the user's key, Amap
  shifted from GCJ-02, a tile service by URL, an MBTiles or GeoTIFF file,
  the Tianditu key, the tile cache) and the Basemaps dock;
* in **View**: Measure Distance / Measure Area, Go to Coordinates…, Find;
  in **Edit**: Snapping Options…; a Find box on its own toolbar;
* the status bar's typed scale box and CRS, and basemap problems;
* Ctrl+Y for redo (beside Ctrl+Shift+Z), right-click menus
  (:mod:`~gridplanner.qt.map.context_menus`), and the window's size, dock
  layout and last basemap remembered between runs.

Dialogs go through ``ask_*`` methods, which tests replace. Keys, the cache
limit, snapping options and the layout live in the user's settings (the
``GRIDPLANNER_SETTINGS`` file in tests), never in the plan.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu

from gridplanner.errors import BasemapError
from gridplanner.io.basemap import BasemapSpec, TileCache, resolve_basemap
from gridplanner.io.basemap.cache import DEFAULT_LIMIT_MB, default_cache_dir
from gridplanner.io.locate import SearchHit, feature_bounds, search_features
from gridplanner.qt.map import context_menus
from gridplanner.qt.map.basemap_dock import BasemapDock
from gridplanner.qt.map.layers_dock import layer_title
from gridplanner.qt.map.map_dialogs import AddBasemapDialog, GoToDialog, SnappingDialog
from gridplanner.qt.map.snapping_indicator import SnapOptions, set_snap_options
from gridplanner.qt.map.status_widgets import CrsLabel, ScaleBox
from gridplanner.qt.map.tools.measure import MeasureTool
from gridplanner.qt.shell.features import follow_plan, join_tool_group

CONTEXT = "MapFeature"
BASEMAP_MENU = QT_TRANSLATE_NOOP("MainWindow", "&Basemap")
PRESET_TEXTS = {
    "osm": QT_TRANSLATE_NOOP("MapFeature", "OpenStreetMap"),
    "tianditu-img": QT_TRANSLATE_NOOP("MapFeature", "Tianditu Imagery"),
    "tianditu-vec": QT_TRANSLATE_NOOP("MapFeature", "Tianditu Streets"),
    "tianditu-cia": QT_TRANSLATE_NOOP("MapFeature", "Tianditu Imagery Labels"),
    "tianditu-cva": QT_TRANSLATE_NOOP("MapFeature", "Tianditu Street Labels"),
    "amap-img": QT_TRANSLATE_NOOP("MapFeature", "Amap Imagery (GCJ-02, aligned)"),
    "amap-vec": QT_TRANSLATE_NOOP("MapFeature", "Amap Streets (GCJ-02, aligned)"),
}
#: (name, text, slot, shortcut, menu: "basemap" | "view" | "edit")
ACTIONS = (
    ("add_url", QT_TRANSLATE_NOOP("MapFeature", "Add Tile Service by &URL…"), "action_add_url",
     None, "basemap"),
    ("add_file", QT_TRANSLATE_NOOP("MapFeature", "Add &MBTiles or Image File…"),
     "action_add_file", None, "basemap"),
    ("set_key", QT_TRANSLATE_NOOP("MapFeature", "Tianditu &Key…"), "action_set_key", None,
     "basemap"),
    ("cache_limit", QT_TRANSLATE_NOOP("MapFeature", "Tile &Cache Size…"), "action_cache_limit",
     None, "basemap"),
    ("measure_distance", QT_TRANSLATE_NOOP("MapFeature", "Measure &Distance"),
     "action_measure_distance", "Ctrl+Shift+M", "view"),
    ("measure_area", QT_TRANSLATE_NOOP("MapFeature", "Measure &Area"), "action_measure_area",
     "Ctrl+Shift+R", "view"),
    ("goto", QT_TRANSLATE_NOOP("MapFeature", "&Go to Coordinates…"), "action_goto", "Ctrl+G",
     "view"),
    ("find", QT_TRANSLATE_NOOP("MapFeature", "&Find by Name or Code"), "action_find", "Ctrl+F",
     "view"),
    ("snapping", QT_TRANSLATE_NOOP("MapFeature", "Snapping &Options…"), "action_snapping", None,
     "edit"),
)
KEY_PREFIX = "basemap_keys/"
KEY_LAST = "basemap/last"
KEY_CACHE = "basemap/cache_mb"
KEY_SNAP = "map/snapping"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class MapFeature(QObject):
    """Basemaps and map tools of one window (see the module docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.canvas = window.canvas
        store = getattr(window, "store", None)
        self.settings: QSettings = store.qsettings if store is not None else QSettings()
        self._configure_basemaps()
        self._load_snapping()
        self.dock = BasemapDock(self.canvas, window, window.undo_stack)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.splitDockWidget(window.layers_dock, self.dock, Qt.Orientation.Vertical)
        self.tools = {"distance": MeasureTool(self.canvas, "distance"),
                      "area": MeasureTool(self.canvas, "area")}
        for tool in self.tools.values():
            tool.measured.connect(lambda _t, _s, text: window.statusBar().showMessage(text))
        self.actions: dict[str, QAction] = {}
        self.preset_actions: dict[str, QAction] = {}
        self._build_menus()
        self._build_status_bar()
        window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        context_menus.install_context_menus(window)
        self.canvas.basemapStatus.connect(lambda m: window.statusBar().showMessage(m, 15000))
        self.retranslate()
        follow_plan(window, self._plan_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_layout)

    # -- building ---------------------------------------------------------------
    def _configure_basemaps(self) -> None:
        limit = float(self.settings.value(KEY_CACHE, DEFAULT_LIMIT_MB))
        renderer = self.canvas.basemaps
        renderer.cache = TileCache(default_cache_dir(), limit)
        self.settings.beginGroup(KEY_PREFIX.rstrip("/"))
        keys = {k: str(self.settings.value(k)) for k in self.settings.childKeys()}
        renderer.keys.update(keys)
        type(renderer).shared_keys.update(keys)  # prints and PNG exports use them too
        self.settings.endGroup()

    def _build_menus(self) -> None:
        w = self.window
        menus = {"basemap": w.feature_menu(BASEMAP_MENU), "view": w.feature_menu("&View"),
                 "edit": w.feature_menu("&Edit")}
        basemap = menus["basemap"]
        for name in PRESET_TEXTS:
            action = basemap.addAction("")
            action.triggered.connect(lambda _c=False, n=name: self.add_basemap(resolve_basemap(n)))
            self.preset_actions[name] = action
        basemap.addSeparator()
        menus["view"].addSeparator()
        for name, _text, slot, shortcut, where in ACTIONS:
            action = QAction(w)
            action.setObjectName(f"action_map_{name}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(getattr(self, slot))
            menus[where].addAction(action)
            self.actions[name] = action
        basemap.addSeparator()
        basemap.addAction(self.dock.toggleViewAction())
        for name in ("measure_distance", "measure_area"):
            self.actions[name].setCheckable(True)
        join_tool_group(w, [self.actions["measure_distance"], self.actions["measure_area"]])
        toolbar = w.addToolBar(_tr("Find"))
        toolbar.setObjectName("FindToolBar")
        toolbar.addAction(self.actions["measure_distance"])
        toolbar.addAction(self.actions["measure_area"])
        self.search_box = QLineEdit(toolbar)
        self.search_box.setObjectName("SearchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(240)
        self.search_box.returnPressed.connect(lambda: self.search(self.search_box.text()))
        toolbar.addWidget(self.search_box)
        self.toolbar = toolbar
        self.search_menu: QMenu | None = None

    def _build_status_bar(self) -> None:
        bar = self.window.statusBar()
        old = getattr(self.window, "scale_label", None)
        if old is not None:
            old.hide()  # the scale box replaces it
        self.crs_label = CrsLabel(bar)
        self.scale_box = ScaleBox(self.canvas, bar)
        bar.addPermanentWidget(self.scale_box)
        bar.addPermanentWidget(self.crs_label)

    def retranslate(self) -> None:
        for name, text in PRESET_TEXTS.items():
            self.preset_actions[name].setText(_tr(text))
        for name, text, *_rest in ACTIONS:
            self.actions[name].setText(_tr(text))
        self.search_box.setPlaceholderText(_tr("Find name or code…"))
        self.toolbar.setWindowTitle(_tr("Find"))

    # -- the plan ---------------------------------------------------------------------
    def _plan_changed(self, plan) -> None:
        previous = getattr(self, "_plan", None)
        if previous is not None:
            previous.crs_changed.disconnect(self.crs_label.show_crs)
        self._plan = plan
        plan.crs_changed.connect(self.crs_label.show_crs)
        self.crs_label.show_crs(plan.crs)
        last = self.settings.value(KEY_LAST, "")
        if not plan.basemaps and last:
            try:
                plan.set_basemaps([BasemapSpec.from_dict(json.loads(str(last))).to_dict()])
            except (BasemapError, ValueError):
                self.settings.remove(KEY_LAST)
        self.dock.set_plan(plan)

    # -- basemaps --------------------------------------------------------------------
    def add_basemap(self, spec: BasemapSpec) -> None:
        """Put ``spec`` on top of the plan's basemaps (one undo step); remembered as the last."""
        if spec.key_name and not self.canvas.basemaps.keys.get(spec.key_name):
            if not self.action_set_key(spec.key_name):
                return
        new = [*self.window.plan.basemaps, spec.to_dict()]
        self.dock.change(new, _tr("Add basemap %1").replace("%1", spec.name))
        self.settings.setValue(KEY_LAST, json.dumps(spec.to_dict(), ensure_ascii=False))
        self.window.statusBar().showMessage(_tr("Basemap %1 added").replace("%1", spec.name), 5000)

    def store_key(self, name: str, value: str) -> None:
        """Keep a service key in the user's settings and use it now."""
        self.settings.setValue(KEY_PREFIX + name, value)
        self.canvas.basemaps.set_key(name, value)

    def action_add_url(self) -> None:
        dialog = AddBasemapDialog(self.window)
        if self.ask_dialog(dialog) and dialog.spec is not None:
            if dialog.key_value:
                self.store_key(dialog.spec.key_name, dialog.key_value)
            self.add_basemap(dialog.spec)

    def action_add_file(self) -> None:
        path = self.ask_file()
        if not path:
            return
        try:
            spec = resolve_basemap(path)
        except BasemapError as exc:
            self.window.show_error(_tr("Cannot add the basemap"), str(exc))
            return
        self.add_basemap(spec)

    def action_set_key(self, name: str = "tianditu") -> bool:
        key = self.ask_text(_tr("Tianditu Key"), _tr("Your Tianditu key (tk), from the "
                                                     "Tianditu developer console:"))
        if not key:
            return False
        self.store_key(name if isinstance(name, str) else "tianditu", key.strip())
        return True

    def action_cache_limit(self) -> None:
        current = int(float(self.settings.value(KEY_CACHE, DEFAULT_LIMIT_MB)))
        value, ok = QInputDialog.getInt(self.window, _tr("Tile Cache Size"),
                                        _tr("Largest size of the tile cache on disk (MB):"),
                                        current, 0, 100_000)
        if ok:
            self.settings.setValue(KEY_CACHE, value)
            self.canvas.basemaps.cache = TileCache(default_cache_dir(), value)

    # -- tools -----------------------------------------------------------------------
    def action_measure_distance(self) -> None:
        self.canvas.set_map_tool(self.tools["distance"])
        self.actions["measure_distance"].setChecked(True)

    def action_measure_area(self) -> None:
        self.canvas.set_map_tool(self.tools["area"])
        self.actions["measure_area"].setChecked(True)

    def action_goto(self) -> None:
        dialog = GoToDialog(self.window.plan.crs, self.window)
        if self.ask_dialog(dialog) and dialog.point is not None:
            self.go_to(*dialog.point)

    def go_to(self, x: float, y: float) -> None:
        """Centre the map on (x, y) plan metres, at street scale if zoomed far out."""
        if self.canvas.scale() > 5000:
            self.canvas.set_scale(2000)
        self.canvas.set_centre(x, y)

    def action_find(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self, text: str) -> list[SearchHit]:
        """Find features by name or code: one hit is shown at once, several in a menu."""
        hits = search_features(self.window.plan, text) if text.strip() else []
        if not hits:
            if text.strip():
                self.window.statusBar().showMessage(
                    _tr("Nothing is called or coded “%1”").replace("%1", text.strip()), 8000)
            return hits
        if len(hits) == 1 or hits[0].rank == 0 and hits[1].rank > 0:
            self.show_hit(hits[0])
            return hits
        menu = QMenu(self.search_box)
        for hit in hits[:25]:
            menu.addAction(f"{hit.label} — {layer_title(hit.layer)}",
                           lambda h=hit: self.show_hit(h))
        self.search_menu = menu
        menu.popup(self.search_box.mapToGlobal(self.search_box.rect().bottomLeft()))
        return hits

    def show_hit(self, hit: SearchHit) -> None:
        """Select the feature found and zoom to it."""
        self.canvas.set_selection(hit.layer, [hit.fid])
        box = feature_bounds(self.window.plan, hit.layer, [hit.fid])
        if box is None:
            return
        x0, y0, x1, y1 = box
        pad = max(x1 - x0, y1 - y0, 150.0) * 0.3
        self.canvas.set_extent((x0 - pad, y0 - pad, x1 + pad, y1 + pad))

    def _load_snapping(self) -> None:
        text = self.settings.value(KEY_SNAP, "")
        try:
            data = json.loads(str(text)) if text else {}
            set_snap_options(SnapOptions(**data))
        except (ValueError, TypeError):
            set_snap_options(SnapOptions())

    def action_snapping(self) -> None:
        from gridplanner.qt.map import snapping_indicator

        titles = {n: layer_title(n) for n in ("cells", "boundaries", "network", "buildings")}
        dialog = SnappingDialog(snapping_indicator.SNAP_OPTIONS, titles, self.window)
        if self.ask_dialog(dialog):
            self.apply_snapping(dialog.options)

    def apply_snapping(self, options: SnapOptions) -> None:
        set_snap_options(options)
        data = {"enabled": options.enabled, "tolerance": options.tolerance, "unit": options.unit,
                "layers": list(options.layers), "mode": options.mode}
        self.settings.setValue(KEY_SNAP, json.dumps(data))

    # -- the window's layout -------------------------------------------------------------
    def save_layout(self) -> None:
        """Remember the window's size and place and its docks and toolbars."""
        self.settings.setValue(KEY_GEOMETRY, self.window.saveGeometry())
        self.settings.setValue(KEY_STATE, self.window.saveState())
        self.settings.sync()

    def restore_layout(self) -> bool:
        """Restore the remembered layout; on a first start open maximised. True if restored."""
        geometry = self.settings.value(KEY_GEOMETRY)
        state = self.settings.value(KEY_STATE)
        if geometry is not None and self.window.restoreGeometry(geometry):
            if state is not None:
                self.window.restoreState(state)
            return True
        self.window.setWindowState(self.window.windowState() | Qt.WindowState.WindowMaximized)
        return False

    # -- questions (tests replace these) ---------------------------------------------------
    def ask_dialog(self, dialog) -> bool:
        return bool(dialog.exec())

    def ask_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, _tr("Add Basemap File"), "",
            _tr("Basemap files (*.mbtiles *.tif *.tiff *.img *.jp2 *.vrt)"))
        return path or None

    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self.window, title, label, QLineEdit.EchoMode.Password)
        return text if ok and text.strip() else None


__all__ = ["MapFeature"]

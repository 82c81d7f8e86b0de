"""The import dialog gathers a kind, a file and options, and changes nothing itself."""

from __future__ import annotations

import geopandas as gpd
import shapely
from factories import CRS, ORIGIN

from gridplanner.qt.importing.dialog import ImportDialog


def test_dialog_fills_choosers_from_the_file_and_builds_options(qtbot, tmp_path):
    x0, y0 = ORIGIN
    path = tmp_path / "blocks.gpkg"
    frame = gpd.GeoDataFrame({"户数": [10], "人口": [26], "楼名": ["1号楼"]},
                             geometry=[shapely.box(x0, y0, x0 + 20, y0 + 10)], crs=CRS)
    frame.to_file(path, layer="楼栋")
    frame.to_file(path, layer="other")
    dialog = ImportDialog(kind="buildings")
    qtbot.addWidget(dialog)
    dialog.set_path(str(path))
    layers = [dialog.layer_combo.itemText(i) for i in range(dialog.layer_combo.count())]
    assert layers == ["楼栋", "other"]
    fields = [dialog.households_combo.itemText(i) for i in range(dialog.households_combo.count())]
    assert "户数" in fields and "楼名" in fields
    dialog.households_combo.setCurrentText("户数")
    dialog.name_combo.setCurrentText("楼名")
    dialog.coords_combo.setCurrentIndex(dialog.coords_combo.findData("gcj02"))
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("gbk"))
    dialog.replace_check.setChecked(True)
    kind, file, options = dialog.request()
    assert kind == "buildings" and file == path
    assert options.layer == "楼栋" and options.households_field == "户数"
    assert options.name_field == "楼名" and options.residents_field is None
    assert options.coords == "gcj02" and options.encoding == "gbk" and options.replace


def test_unreadable_file_leaves_choosers_empty(qtbot, tmp_path):
    bad = tmp_path / "x.shp"
    bad.write_text("nope")
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.set_path(str(bad))
    assert dialog.households_combo.count() == 1  # just the empty choice: no fields
    kind, file, options = dialog.request()
    assert file == bad and options.households_field is None and options.encoding is None


def test_only_the_options_of_the_chosen_kind_are_enabled(qtbot):
    dialog = ImportDialog(kind="network")
    qtbot.addWidget(dialog)
    assert dialog.crossings_check.isEnabled() and not dialog.households_combo.isEnabled()
    dialog.crossings_check.setChecked(True)
    dialog.path_edit.setText("streets.osm.pbf")
    kind, _, options = dialog.request()
    assert kind == "network" and options.extra == {"node_crossings": True}
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("buildings"))
    assert dialog.households_combo.isEnabled() and not dialog.crossings_check.isEnabled()
    assert dialog.request()[2].extra == {}

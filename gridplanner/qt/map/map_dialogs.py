"""Small dialogs of the map tools: add a tile service, go to coordinates, snapping options.

Each only gathers values (``result()``) and checks them, naming the field
that is wrong in the UI language; the feature does the work.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gridplanner.errors import BasemapError, CRSError
from gridplanner.io.basemap import BasemapSpec, split_key
from gridplanner.io.locate import parse_coordinates
from gridplanner.qt.map.snapping_indicator import SNAP_LAYERS, SnapOptions

CONTEXT = "MapDialogs"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _coords_combo(parent: QWidget, with_plan: bool) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(_tr("WGS84 / CGCS2000 degrees (GPS, Tianditu)"), "wgs84")
    combo.addItem(_tr("GCJ-02 degrees (Amap, Tencent)"), "gcj02")
    combo.addItem(_tr("BD-09 degrees (Baidu)"), "bd09")
    if with_plan:
        combo.addItem(_tr("Plan metres (x, y)"), "plan")
    return combo


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        message = self.problem()
        self.error.setText(message)
        if not message:
            super().accept()

    def problem(self) -> str:
        return ""


class AddBasemapDialog(_Dialog):
    """A tile service by URL template: name, URL, the datum it draws in, attribution, key."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, _tr("Add Tile Service"))
        self.name = QLineEdit(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")
        self.coords = _coords_combo(self, with_plan=False)
        self.attribution = QLineEdit(self)
        self.key = QLineEdit(self)
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(_tr("Name:"), self.name)
        self.form.addRow(_tr("URL template:"), self.url)
        self.form.addRow(_tr("Coordinates of the tiles:"), self.coords)
        self.form.addRow(_tr("Attribution:"), self.attribution)
        self.form.addRow(_tr("Key (if the service needs one):"), self.key)
        note = QLabel(_tr("Use {z}, {x} and {y} ({-y} for TMS rows) in the URL, "
                                        "and {key} where the key goes. The key is kept in your "
                                        "settings, never in the plan file."), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.spec: BasemapSpec | None = None
        self.key_value = ""

    def problem(self) -> str:
        url, pasted = split_key(self.url.text().strip())
        self.key_value = self.key.text().strip() or pasted
        if not url:
            return _tr("URL template: enter the address of the tiles.")
        if not url.startswith(("http://", "https://")):
            return _tr("URL template: it must start with http:// or https://.")
        if "{z}" not in url or "{x}" not in url or ("{y}" not in url and "{-y}" not in url):
            return _tr("URL template: it needs {z}, {x} and {y}.")
        name = self.name.text().strip() or url.split("/")[2]
        try:
            self.spec = BasemapSpec(name=name, url=url, coords=self.coords.currentData(),
                                    attribution=self.attribution.text().strip(),
                                    key_name=f"url:{name}" if "{key}" in url else "")
        except BasemapError as exc:
            return str(exc)
        if "{key}" in url and not self.key_value:
            return _tr("Key: this URL has {key}; enter the key.")
        return ""


class GoToDialog(_Dialog):
    """A position typed as degrees (WGS84, GCJ-02, BD-09) or plan metres."""

    def __init__(self, plan_crs, parent: QWidget | None = None):
        super().__init__(parent, _tr("Go to Coordinates"))
        self.plan_crs = plan_crs
        self.text = QLineEdit(self)
        self.text.setPlaceholderText("116.3974, 39.9093")
        self.system = _coords_combo(self, with_plan=True)
        self.form.addRow(_tr("Coordinates:"), self.text)
        self.form.addRow(_tr("System:"), self.system)
        self.point: tuple[float, float] | None = None

    def problem(self) -> str:
        try:
            self.point = parse_coordinates(self.text.text(), self.system.currentData(),
                                           self.plan_crs)
        except CRSError:
            return _tr("The plan has no coordinate system yet: import data first.")
        except ValueError:
            return _tr("Coordinates: enter two numbers, e.g. 116.3974, 39.9093 "
                                     "(degrees) or 440120, 4420350 (plan metres).")
        return ""


class SnappingDialog(_Dialog):
    """Tolerance (pixels or metres), which layers, and vertex/segment."""

    def __init__(self, options: SnapOptions, layer_titles: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent, _tr("Snapping Options"))
        self.enabled = QCheckBox(_tr("Snap while drawing"), self)
        self.enabled.setChecked(options.enabled)
        self.tolerance = QDoubleSpinBox(self)
        self.tolerance.setRange(0.1, 1000.0)
        self.tolerance.setValue(options.tolerance)
        self.unit = QComboBox(self)
        self.unit.addItem(_tr("screen pixels"), "px")
        self.unit.addItem(_tr("metres on the ground"), "m")
        self.unit.setCurrentIndex(self.unit.findData(options.unit))
        self.mode = QComboBox(self)
        self.mode.addItem(_tr("vertices and segments"), "vertex_segment")
        self.mode.addItem(_tr("vertices only"), "vertex")
        self.mode.addItem(_tr("segments only"), "segment")
        self.mode.setCurrentIndex(self.mode.findData(options.mode))
        self.layer_boxes: dict[str, QCheckBox] = {}
        self.form.addRow(self.enabled)
        self.form.addRow(_tr("Tolerance:"), self.tolerance)
        self.form.addRow(_tr("Unit:"), self.unit)
        self.form.addRow(_tr("Snap to:"), self.mode)
        for name in (*SNAP_LAYERS, "buildings"):
            box = QCheckBox(layer_titles.get(name, name), self)
            box.setChecked(name in options.layers)
            self.layer_boxes[name] = box
            self.form.addRow("" if len(self.layer_boxes) > 1 else
                             _tr("Layers:"), box)
        self.options = options

    def problem(self) -> str:
        layers = tuple(n for n, b in self.layer_boxes.items() if b.isChecked())
        if self.enabled.isChecked() and not layers:
            return _tr("Layers: choose at least one layer to snap to.")
        self.options = SnapOptions(self.enabled.isChecked(), self.tolerance.value(),
                                   self.unit.currentData(), layers, self.mode.currentData())
        return ""


def set_field_focus(dialog: QDialog) -> None:
    """Focus the first line edit of a dialog (for typing at once)."""
    edits = dialog.findChildren(QLineEdit)
    if edits:
        edits[0].setFocus(Qt.FocusReason.OtherFocusReason)

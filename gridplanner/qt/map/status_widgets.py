"""Status-bar widgets of the map: a typed scale box and the plan's CRS.

:class:`ScaleBox` shows the canvas scale as "1:N" and takes a typed scale
("1:2000", "2000", "1:2,000") or a common one from its list; a text that is
not a scale is put back as it was. :class:`CrsLabel` names the plan's
coordinate system (EPSG code and name, tooltip with the full name).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

COMMON_SCALES = (500, 1000, 2000, 5000, 10_000, 25_000, 50_000, 100_000)


def parse_scale(text: str) -> float | None:
    """The denominator of a typed scale, or None when the text is not one."""
    cleaned = text.replace(",", "").replace("，", "").replace(" ", "").replace("：", ":")
    match = re.fullmatch(r"(?:1:)?(\d+(?:\.\d+)?)", cleaned)
    if not match:
        return None
    value = float(match.group(1))
    return value if 1 <= value <= 1e9 else None


class ScaleBox(QComboBox):
    """An editable "1:N" box bound to a canvas's scale."""

    def __init__(self, canvas, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ScaleBox")
        self.canvas = canvas
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(10)
        for n in COMMON_SCALES:
            self.addItem(f"1:{n:,}", n)
        self.lineEdit().editingFinished.connect(self.apply_text)
        self.textActivated.connect(lambda _t: self.apply_text())
        canvas.scaleChanged.connect(self.show_scale)
        self.show_scale(canvas.scale())
        self.setToolTip(QCoreApplication.translate("ScaleBox", "Map scale: type 1:2000 and "
                                                               "press Enter"))

    def show_scale(self, denominator: float) -> None:
        self.blockSignals(True)
        self.setEditText(f"1:{denominator:,.0f}")
        self.blockSignals(False)

    def apply_text(self) -> bool:
        """Set the canvas to the typed scale; True when the text was a scale."""
        value = parse_scale(self.currentText())
        if value is None:
            self.show_scale(self.canvas.scale())
            return False
        self.canvas.set_scale(value)
        self.show_scale(self.canvas.scale())
        return True


class CrsLabel(QLabel):
    """The plan's coordinate system, e.g. "EPSG:4548 CGCS2000 / 3-degree GK CM 117E"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CrsLabel")
        self.show_crs(None)

    def show_crs(self, crs) -> None:
        if crs is None:
            self.setText(QCoreApplication.translate("CrsLabel", "No CRS yet"))
            self.setToolTip("")
            return
        epsg = crs.to_epsg()
        code = f"EPSG:{epsg}" if epsg else QCoreApplication.translate("CrsLabel", "custom CRS")
        self.setText(code)
        self.setToolTip(f"{code} {crs.name}")

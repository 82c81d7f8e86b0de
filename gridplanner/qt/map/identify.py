"""The identify panel: the attributes of the feature clicked with the identify tool."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from gridplanner.model.plan import Plan
from gridplanner.qt.map.attribute_edit import column_title, format_value
from gridplanner.qt.map.layers_dock import layer_title
from gridplanner.qt.shell.retranslate import Retranslatable


class IdentifyDock(Retranslatable, QDockWidget):
    """Lists the attributes of identified features (one entry per feature)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("IdentifyDock")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.setWidget(self.tree)
        self.plan: Plan | None = None
        self.shown: tuple[str, int] | None = None
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 (Qt naming)
        """Title, headers and the listed feature in the current language."""
        self.setWindowTitle(self.tr("Identify Results"))
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        if self.shown is not None and self.plan is not None:
            layer, fid = self.shown
            if fid in self.plan.layer(layer).frame.index:
                self._fill(layer, fid)

    def set_plan(self, plan: Plan | None) -> None:
        self.plan = plan
        self.clear()

    def clear(self) -> None:
        self.tree.clear()
        self.shown = None

    def show_feature(self, layer: str, fid: int) -> None:
        """Show the attributes of feature ``fid`` of ``layer`` (replacing the list)."""
        self.clear()
        if self.plan is None:
            return
        self._fill(layer, fid)
        self.show()
        self.raise_()

    def _fill(self, layer: str, fid: int) -> None:
        self.tree.clear()
        self.shown = (layer, fid)
        row = self.plan.layer(layer).row(fid)
        top = QTreeWidgetItem([layer_title(layer), f"fid {fid}"])
        self.tree.addTopLevelItem(top)
        for name, value in row.items():
            if name == "geometry":
                text = value.geom_type if value is not None else ""
                area = getattr(value, "area", 0.0)
                if area:
                    QTreeWidgetItem(top, [self.tr("area (m²)"), f"{area:,.0f}"])
                QTreeWidgetItem(top, [self.tr("geometry"), text])
                continue
            item = QTreeWidgetItem(top, [column_title(str(name)), format_value(value)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(name))
            item.setToolTip(0, str(name))  # the field's own name, as in the file
        top.setExpanded(True)

    def values(self) -> dict[str, str]:
        """Field → shown value of the listed feature (for tests)."""
        top = self.tree.topLevelItem(0)
        if top is None:
            return {}
        return {(top.child(i).data(0, Qt.ItemDataRole.UserRole) or top.child(i).text(0)):
                top.child(i).text(1) for i in range(top.childCount())}

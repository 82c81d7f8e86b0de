"""The identify panel: the attributes of the feature clicked with the identify tool."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from gridplanner.model.plan import Plan
from gridplanner.qt.attribute_dock import format_value
from gridplanner.qt.layers_dock import layer_title


class IdentifyDock(QDockWidget):
    """Lists the attributes of identified features (one entry per feature)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Identify Results"), parent)
        self.setObjectName("IdentifyDock")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.setWidget(self.tree)
        self.plan: Plan | None = None

    def set_plan(self, plan: Plan | None) -> None:
        self.plan = plan
        self.clear()

    def clear(self) -> None:
        self.tree.clear()

    def show_feature(self, layer: str, fid: int) -> None:
        """Show the attributes of feature ``fid`` of ``layer`` (replacing the list)."""
        self.tree.clear()
        if self.plan is None:
            return
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
            QTreeWidgetItem(top, [str(name), format_value(value)])
        top.setExpanded(True)
        self.show()
        self.raise_()

    def values(self) -> dict[str, str]:
        """Field → shown value of the listed feature (for tests)."""
        top = self.tree.topLevelItem(0)
        if top is None:
            return {}
        return {top.child(i).text(0): top.child(i).text(1) for i in range(top.childCount())}

"""The Input limits page of the Plan Settings dialog.

Each limit of :class:`~gridplanner.model.limits.InputLimits` is a spin box
with a line saying what it protects against. An import refuses a file over
a limit before reading it, naming the file and the limit; raising a limit
lets such a file in at the cost of the memory it takes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget

from gridplanner.model.limits import InputLimits

CONTEXT = "LimitsEditor"  # translation context
#: Field → (title, hint, largest value, step); texts are translated in the LimitsEditor context.
FIELDS: dict[str, tuple[str, str, int, int]] = {
    "max_file_mb": (
        QT_TRANSLATE_NOOP("LimitsEditor", "File size read into memory"),
        QT_TRANSLATE_NOOP("LimitsEditor", "Megabytes of one file (a shapefile's parts "
                          "together, a zip, KMZ or workbook unpacked). A district's buildings "
                          "are a few tens of megabytes."),
        1_000_000, 64),
    "max_features": (
        QT_TRANSLATE_NOOP("LimitsEditor", "Features in one file"),
        QT_TRANSLATE_NOOP("LimitsEditor", "Buildings, boundaries, streets or centres in one "
                          "file or layer."),
        1_000_000_000, 100_000),
    "max_sheet_rows": (
        QT_TRANSLATE_NOOP("LimitsEditor", "Rows of a sheet"),
        QT_TRANSLATE_NOOP("LimitsEditor", "Rows of one Excel or CSV sheet (rosters, "
                          "registers, building tables)."),
        100_000_000, 10_000),
    "max_sheet_columns": (
        QT_TRANSLATE_NOOP("LimitsEditor", "Columns of a sheet"),
        QT_TRANSLATE_NOOP("LimitsEditor", "Columns of one Excel or CSV sheet."),
        16_384, 50),
    "max_vertices": (
        QT_TRANSLATE_NOOP("LimitsEditor", "Vertices of one geometry"),
        QT_TRANSLATE_NOOP("LimitsEditor", "Points of one boundary, building or street; a "
                          "detailed community boundary has a few thousand."),
        1_000_000_000, 50_000),
    "max_holes": (
        QT_TRANSLATE_NOOP("LimitsEditor", "Holes of one polygon"),
        QT_TRANSLATE_NOOP("LimitsEditor", "Courtyards and other holes of one area; repairing "
                          "a polygon with very many holes can take hours and gigabytes."),
        10_000_000, 500),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class LimitsEditor(QGroupBox):
    """Spin boxes for the plan's input limits; :meth:`limits` gives them back."""

    changed = Signal()

    def __init__(self, limits: InputLimits, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Input limits"))
        self.spins: dict[str, QSpinBox] = {}
        grid = QGridLayout(self)
        intro = QLabel(self.tr(
            "An import refuses a file over a limit before reading it, naming the file and the "
            "limit, so a damaged or hostile file cannot take the computer's memory. Raise a "
            "limit only for a file you trust."))
        intro.setWordWrap(True)
        grid.addWidget(intro, 0, 0, 1, 2)
        values = limits.to_dict()
        for row, (key, (title, hint, high, step)) in enumerate(FIELDS.items(), start=1):
            spin = QSpinBox(self)
            spin.setObjectName(f"limit_{key}")
            spin.setRange(1, high)
            spin.setSingleStep(step)
            spin.setGroupSeparatorShown(True)
            if key == "max_file_mb":
                spin.setSuffix(" MB")
            spin.setValue(int(values[key]))
            spin.setToolTip(tr(hint))
            spin.valueChanged.connect(self.changed)
            label = QLabel(tr(title))
            label.setToolTip(tr(hint))
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            self.spins[key] = spin
        grid.setColumnStretch(1, 1)

    def limits(self) -> InputLimits:
        """The limits as entered."""
        return InputLimits(**{key: spin.value() for key, spin in self.spins.items()})

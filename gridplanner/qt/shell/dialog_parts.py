"""Small pieces the attribute and parameter dialogs share.

:func:`lay_out_form` gives a dialog its usual body: a form above OK and
Cancel, wired to ``accept`` and ``reject``. :func:`exclusive_radios` makes
radio buttons that exclude each other, the first one checked.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


def lay_out_form(dialog: QDialog, form: QFormLayout) -> QDialogButtonBox:
    """Lay ``form`` out above OK/Cancel buttons that accept or reject ``dialog``.

    Returns the button box (to rename or disable a button).
    """
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, parent=dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return buttons


def exclusive_radios(parent: QWidget, *texts: str) -> list[QRadioButton]:
    """Radio buttons with ``texts``, in one exclusive group, the first one checked."""
    radios = [QRadioButton(text, parent) for text in texts]
    radios[0].setChecked(True)
    group = QButtonGroup(parent)
    for radio in radios:
        group.addButton(radio)
    return radios

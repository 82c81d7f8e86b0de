"""Widgets that set their texts again when the application language changes.

Qt sends every widget a ``QEvent.LanguageChange`` after a translator is
installed or removed. A widget that mixes in :class:`Retranslatable` (before
its Qt base class) answers it by calling its own ``retranslateUi()``::

    class LayersDock(Retranslatable, QDockWidget):
        def retranslateUi(self) -> None:
            self.setWindowTitle(self.tr("Layers"))
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent


class Retranslatable:
    """Mixin: call ``self.retranslateUi()`` on a language change.

    Put it before the Qt widget class in the bases so that its
    ``changeEvent`` runs first and then hands the event on to Qt's.
    """

    #: Every class using the mixin defines it: set each user-visible text in
    #: the current language (declared here only for type checkers).
    retranslateUi: Callable[[], None]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Retranslate on ``LanguageChange``; pass every event on to the base."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)  # type: ignore[misc]

"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path


def _install_translations(app) -> None:
    try:
        from gridplanner.qt import i18n
    except ImportError:
        return
    i18n.install_translator(app)
    if hasattr(i18n, "register_fonts"):
        i18n.register_fonts()


def create_app(argv: list[str] | None = None):
    """The QApplication (created once), with translations and fonts installed."""
    from PySide6.QtWidgets import QApplication

    from gridplanner.render.fonts import ensure_cjk_font

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setOrganizationName("gridplanner")
        app.setApplicationName("gridplanner")
    _install_translations(app)
    ensure_cjk_font()
    return app


def run_app(plan_path: str | None) -> int:
    """Open the window (on ``plan_path`` if given) and run until it closes."""
    from gridplanner.qt.main_window import MainWindow

    app = create_app()
    window = MainWindow()
    window.show()
    if plan_path:
        if Path(plan_path).exists():
            window.open_plan_file(plan_path)
        else:
            window.show_error(window.tr("Cannot open the plan"),
                              window.tr("%1: no such file").replace("%1", plan_path))
    return int(app.exec())

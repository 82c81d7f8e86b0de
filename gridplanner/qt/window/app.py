"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from gridplanner.io.plan_file.postgis import is_database_uri


def _install_translations(app) -> None:
    try:
        from gridplanner.qt.shell import i18n
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


def install_error_handler(window) -> None:
    """Show an unexpected error (a bug, not bad input: that has its own
    messages) in a message box instead of losing it in a console; the
    details go to stderr. The window and the user's drawing stay as they are,
    and the undo stack lets them save their work."""
    import traceback

    def handle(kind, value, tb) -> None:
        traceback.print_exception(kind, value, tb)
        if issubclass(kind, KeyboardInterrupt):
            return
        window.show_error(
            QCoreApplication.translate("MainWindow", "Unexpected error"),
            QCoreApplication.translate(
                "MainWindow", "Something went wrong: %1\n\nYour plan is still open; save it "
                "under a new name to keep your work.").replace("%1", f"{kind.__name__}: {value}"))

    sys.excepthook = handle


def run_app(plan_path: str | None) -> int:
    """Open the window (on ``plan_path`` if given) and run until it closes."""
    from gridplanner.qt.window.main_window import MainWindow

    app = create_app()
    window = MainWindow()
    install_error_handler(window)
    if (mapping := window.features.get("map")) is not None:
        mapping.restore_layout()  # remembered size and docks; maximised on a first start
    window.show()
    if plan_path:
        open_start_plan(window, plan_path)
    return int(app.exec())


def open_start_plan(window, plan_path: str) -> bool:
    """Open the plan named on the command line: a file, or a database plan's URI.

    A database plan that cannot be opened (a wrong or missing password, a
    server name mistyped) brings up Open from Database with the fields
    filled in from the URI, after the reason was shown.
    """
    if is_database_uri(plan_path):
        if window.open_plan_file(plan_path, confirm=False):
            return True
        from gridplanner.qt.shell.settings_store import uri_without_password

        window.action_open_database(uri_without_password(plan_path))
        return window.plan_uri is not None
    if Path(plan_path).exists():
        return bool(window.open_plan_file(plan_path))
    window.show_error(QCoreApplication.translate("MainWindow", "Cannot open the plan"),
                      QCoreApplication.translate("MainWindow", "%1: no such file")
                      .replace("%1", plan_path))
    return False


def main() -> int:
    """``gridplanner-gui [PLAN or postgresql://…?schema=NAME]``: the window alone (no console window on Windows)."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    return run_app(args[0] if args else None)

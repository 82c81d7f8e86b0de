"""Export → Coverage Report… in the window: ask, compute off the GUI thread, write.

The figures (coverage, capacity allocation, scenarios, suggested sites) are
computed in an analysis worker; the PDF and the Excel summary are then laid
out and written on the GUI thread (a few seconds), in the UI language. A
file that cannot be written is reported in a message box naming it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from gridplanner.errors import GridPlannerError

CONTEXT = "CoverageReport"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class CoverageReporting:
    """Mixin of the coverage feature: the coverage report action."""

    report_office: str = ""
    report_written: list[Any]

    def ask_report_options(self) -> dict[str, Any] | None:
        """The report's options from the dialog, or None when cancelled (tests replace it)."""
        from gridplanner.qt.coverage.report_dialog import ReportDialog

        dialog = ReportDialog(self.plan, getattr(self.window, "path", None), self.report_office,
                              self.window)
        return dialog.options() if dialog.exec() == ReportDialog.DialogCode.Accepted else None

    def action_coverage_report(self) -> None:
        from gridplanner.io.exporters.report_data import report_figures
        from gridplanner.qt.shell.i18n import current_language

        options = self.ask_report_options()
        if options is None:
            return
        self.report_office = options["office"]
        lang = "zh_CN" if current_language().startswith("zh") else "en"
        plan = self.plan
        args = {k: options[k] for k in ("scenario", "compare", "sites", "office", "date")}
        self.message(_tr("Computing the coverage report…"))
        self._run("report", lambda p, c: report_figures(plan, lang=lang, progress=p,
                                                        cancelled=c, **args),
                  lambda figures: self._write_report(figures, options))

    def _write_report(self, figures: Any, options: dict[str, Any]) -> None:
        from gridplanner.io.exporters.report_xlsx import export_report_xlsx
        from gridplanner.render.report import CoverageReport

        written = []
        try:
            written.append(CoverageReport(self.plan, figures).write_pdf(options["pdf"]))
            if options.get("xlsx") is not None:
                written.append(export_report_xlsx(figures, options["xlsx"]))
        except (GridPlannerError, OSError) as exc:
            self.window.show_error(_tr("Coverage Report"), str(exc))
            return
        self.report_written = written
        self.message(_tr("Coverage report written: %1").replace(
            "%1", ", ".join(str(p) for p in written)))

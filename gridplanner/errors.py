"""Every error gridplanner raises on purpose, in one place.

Each carries a message meant to be shown to the user as it is: it names the
file, layer or feature and the reason. The CLI prints ``str(error)`` on one
line and exits 1; the window shows it in a message box.
"""

from __future__ import annotations


class GridPlannerError(Exception):
    """Base class: a user or data error with a message fit for the user."""


class ProjectFileError(GridPlannerError):
    """The plan file cannot be opened or saved (not a plan, newer schema, I/O)."""


class ImportDataError(GridPlannerError):
    """A file being imported cannot be used; the plan is left unchanged."""


class CRSError(GridPlannerError):
    """A coordinate reference system is missing, unknown or unsuitable."""


class ModelError(GridPlannerError):
    """A change to the plan was refused by validation on entry."""


class NetworkError(GridPlannerError):
    """The walking network is missing or unusable for an analysis."""


class AnalysisError(GridPlannerError):
    """An analysis cannot run with the given parameters or data."""


class ExportError(GridPlannerError):
    """An export could not be written."""


class NotSupportedYetError(GridPlannerError):
    """A feature that a later part of the roadmap fills in."""

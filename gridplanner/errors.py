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


class PlanLockedError(ProjectFileError):
    """Another program is writing the plan (its lock file is held).

    ``holder`` is what the lock file says about that program (program, pid,
    user, host, since); empty when it cannot be read.
    """

    def __init__(self, message: str, path: object = None, holder: dict | None = None):
        super().__init__(message)
        self.path = path
        self.holder = holder or {}


class PlanChangedError(ProjectFileError):
    """The plan file changed on disk since it was read; saving would lose that change.

    ``writer`` is what the changed file says about who saved it (may be empty).
    """

    def __init__(self, message: str, path: object = None, writer: dict | None = None):
        super().__init__(message)
        self.path = path
        self.writer = writer or {}


class ImportDataError(GridPlannerError):
    """A file being imported cannot be used; the plan is left unchanged."""


class UnknownFieldError(ImportDataError):
    """A field or column named for an import is not in the file.

    The message names the field and lists the ones there are; the command
    line treats it as bad usage (exit 2).
    """


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


class BasemapError(GridPlannerError):
    """A basemap source cannot be used (unknown name, unreadable file, dead server, bad tile)."""


class NotSupportedYetError(GridPlannerError):
    """A feature that a later part of the roadmap fills in."""

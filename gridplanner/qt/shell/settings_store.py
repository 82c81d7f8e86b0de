"""The user's preferences kept between runs: UI language and recent files.

A thin wrapper over ``QSettings`` (INI format, per user) so the keys live in
one place. Tests and portable installs can point it at a file of their own
with the ``GRIDPLANNER_SETTINGS`` environment variable (an ``.ini`` path), so
nothing a test does reaches the real user's settings.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QSettings

ORGANIZATION = "gridplanner"
APPLICATION = "gridplanner"
ENV_VAR = "GRIDPLANNER_SETTINGS"

KEY_LANGUAGE = "ui/language"
KEY_RECENT = "files/recent"
RECENT_MAX = 10


class SettingsStore:
    """Read and write the user's preferences.

    Parameters
    ----------
    settings
        The ``QSettings`` to use; by default ``$GRIDPLANNER_SETTINGS`` (an INI
        file) when set, else the per-user INI file of the application.
    """

    def __init__(self, settings: QSettings | None = None):
        self._settings = settings if settings is not None else default_qsettings()

    @classmethod
    def at(cls, path: str | os.PathLike[str]) -> SettingsStore:
        """A store kept in the INI file ``path``."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def qsettings(self) -> QSettings:
        return self._settings

    # -- language ---------------------------------------------------------
    def language(self) -> str | None:
        """The saved UI language code (``zh_CN``, ``en``) or None for the system's."""
        value = self._settings.value(KEY_LANGUAGE, "")
        return str(value) if value else None

    def set_language(self, code: str | None) -> None:
        """Save the UI language; None or "" goes back to following the system."""
        if code:
            self._settings.setValue(KEY_LANGUAGE, code)
        else:
            self._settings.remove(KEY_LANGUAGE)
        self._settings.sync()

    # -- recent files -----------------------------------------------------
    def recent_files(self, *, existing_only: bool = False) -> list[str]:
        """Recently opened plan files, newest first."""
        value: Any = self._settings.value(KEY_RECENT, [])
        if isinstance(value, str):  # QSettings gives a bare string for one item
            value = [value] if value else []
        files = [str(v) for v in (value or []) if v]
        if existing_only:  # a plan in a database is checked when it is opened
            files = [f for f in files if _is_uri(f) or Path(f).exists()]
        return files

    def add_recent_file(self, path: str | os.PathLike[str]) -> list[str]:
        """Put ``path`` first in the recent list (no duplicates); returns the list.

        A database plan's URI is kept without its password.
        """
        full = _recent_entry(path)
        files = [f for f in self.recent_files() if not _same_file(f, full)]
        files = [full, *files][:RECENT_MAX]
        self._write_recent(files)
        return files

    def remove_recent_file(self, path: str | os.PathLike[str]) -> list[str]:
        full = _recent_entry(path)
        files = [f for f in self.recent_files() if not _same_file(f, full)]
        self._write_recent(files)
        return files

    def clear_recent_files(self) -> None:
        self._write_recent([])

    def _write_recent(self, files: list[str]) -> None:
        if files:
            self._settings.setValue(KEY_RECENT, files)
        else:
            self._settings.remove(KEY_RECENT)
        self._settings.sync()


def default_qsettings() -> QSettings:
    """``$GRIDPLANNER_SETTINGS`` if set, else the per-user INI settings file."""
    override = os.environ.get(ENV_VAR)
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANIZATION, APPLICATION)


def uri_without_password(uri: str) -> str:
    """A ``postgresql://user:password@host/…`` URI with the password left out."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri
    auth, _, host = parts.netloc.rpartition("@")
    return urlunsplit(parts._replace(netloc=f"{auth.split(':', 1)[0]}@{host}"))


def _is_uri(entry: str) -> bool:
    return entry.split("://", 1)[0] in ("postgresql", "postgres")


def _recent_entry(path: str | os.PathLike[str]) -> str:
    if _is_uri(str(path)):
        return uri_without_password(str(path))
    return str(Path(path).resolve())


def _same_file(a: str, b: str) -> bool:
    if _is_uri(a) or _is_uri(b):
        return a == b
    return os.path.normcase(os.path.normpath(a)) == os.path.normcase(os.path.normpath(b))

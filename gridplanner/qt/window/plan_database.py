"""The window on a plan kept in PostgreSQL/PostGIS (a city's shared store).

A database plan is opened from a ``postgresql://…?schema=NAME`` URI (the
command line, File → Open from Database…, or the recent files) and saved
feature by feature through one :class:`~gridplanner.io.plan_file.postgis.
PostgisPlanStore` kept with the window for as long as the plan is open: it
remembers the version of every feature read, so a save never overwrites
another office's change. When one did change a feature this window changed
too, the conflict dialog shows both versions and the user keeps theirs or
ours per feature; the save is then repeated with that choice, and when
any of theirs was taken the plan is read again so the window shows it.

The password lives only in memory: recent files keep the URI without it
and reopening asks for it again; titles and messages show it redacted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from gridplanner.errors import GridPlannerError
from gridplanner.io.plan_file.postgis import (
    Conflict,
    PlanConflictError,
    PostgisPlanStore,
    is_database_uri,
    redact,
    split_uri,
)
from gridplanner.qt.shell.settings_store import uri_without_password

CONTEXT = "CityStore"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def database_error_text(exc: Exception, uri: str) -> str:
    """What went wrong opening or saving a database plan, naming the dialog's fields."""
    from gridplanner.qt.window.database_dialogs import uri_fields

    text, fields = str(exc), uri_fields(uri)
    reason = text.rsplit("(", 1)[-1].rstrip(")") if "(" in text else text
    if "cannot connect to the database" in text:
        return (_tr("Cannot connect to database %1 on %2, port %3, as user %4: %5\n\nCheck "
                    "Host, Port, Database, User and Password.")
                .replace("%1", fields["database"]).replace("%2", fields["host"])
                .replace("%3", str(fields["port"])).replace("%4", fields["user"] or "—")
                .replace("%5", reason))
    if "holds no gridplanner plan" in text:
        return (_tr("Database %1 holds no plan called %2. Check Database and Plan (schema).")
                .replace("%1", fields["database"]).replace("%2", fields["schema"]))
    if "not a plain identifier" in text:
        return (_tr("The plan (schema) name %1 may hold only letters, digits and "
                    "underscores, and must not start with a digit.")
                .replace("%1", fields["schema"]))
    if "PostGIS" in text:
        return (_tr("Database %1 has no PostGIS. Ask the database administrator to install "
                    "it.").replace("%1", fields["database"]))
    if "could not save the plan" in text:
        return (_tr("Could not save to database %1: %2\n\nNothing was saved; your changes "
                    "are still here.").replace("%1", fields["database"]).replace("%2", reason))
    return redact(text)


class PlanDatabase:
    """Mixin for the main window: open, save and resolve conflicts of a database plan."""

    #: the open database plan's URI (password included: kept in memory only), or None
    plan_uri: str | None = None
    #: the store the open database plan was read with (it holds the feature versions)
    db_store: PostgisPlanStore | None = None
    #: the last "Open from Database" entries that failed, shown again in the dialog
    _database_draft: str | None = None

    # -- where the plan lives ---------------------------------------------------
    def _follow_location(self, location: str | Path | None) -> None:
        """Set ``path`` or ``plan_uri`` for the plan being shown (called by set_plan)."""
        if location is not None and is_database_uri(str(location)):
            if self.plan_uri != str(location):
                self.db_store = None
            self.plan_uri, self.path = str(location), None
            return
        self.plan_uri = self.db_store = None
        self.path = Path(location) if location else None

    def plan_location(self) -> str:
        """The open plan's file, or its database URI with the password redacted; "" if new."""
        if self.plan_uri is not None:
            return redact(self.plan_uri)
        return str(self.path) if self.path else ""

    # -- opening ---------------------------------------------------------------
    def open_database_plan(self, uri: str, confirm: bool = True) -> bool:
        """Open the plan kept at ``uri``; errors are shown, never raised."""
        if confirm and not self.maybe_save():
            return False
        store = PostgisPlanStore(uri)
        try:
            plan = store.load()
        except (GridPlannerError, OSError, ValueError) as exc:
            self.show_error(_tr("Cannot open the plan"), database_error_text(exc, uri))
            return False
        # rows pointing at nothing (an edit in QGIS): listed, repaired only on confirm
        if (answer := self.review_opened_plan(Path(split_uri(uri)[1]), plan)) == "cancel":
            return False
        self.db_store, self.plan_uri = store, uri  # kept by set_plan: the same URI
        self.set_plan(plan, uri)
        self.disk_state = None
        self._remember(uri)
        self.statusBar().showMessage(
            _tr("Opened %1 from the database").replace("%1", redact(uri)), 8000)
        self.finish_opening(plan, answer)  # its message, if any, comes last
        return True

    def action_open_database(self, remembered: str | None = None) -> None:
        """Ask where the plan is and open it; after an error the dialog comes back."""
        if not self.maybe_save():
            return
        draft = remembered or self._database_draft
        failed = None
        while (uri := self.ask_database(draft)) is not None and uri != failed:
            if self.open_database_plan(uri, confirm=False):
                self._database_draft = None
                return
            self._database_draft = draft = uri_without_password(uri)
            failed = uri

    def open_recent(self, entry: str) -> bool:
        """Open a recent plan; a database plan asks for its password again first."""
        if is_database_uri(entry):
            self.action_open_database(entry)
            return self.plan_uri is not None and uri_without_password(self.plan_uri) == entry
        return bool(self.open_plan_file(entry))

    # -- saving ----------------------------------------------------------------
    def save_plan_file(self, path: str | Path | None = None) -> bool:
        """Save a database plan through its store; a file as the file mixins do."""
        if self.plan_uri is not None and (path is None or str(path) == self.plan_uri):
            return self.save_to_database()
        saved = super().save_plan_file(path)  # type: ignore[misc]
        if saved and self.plan_uri is not None and self.path is not None:
            self.plan_uri = self.db_store = None  # Save As… a file: the window is on it now
            self._update_title()
        return bool(saved)

    def save_to_database(self, resolve: dict[tuple[str, int], str] | None = None) -> bool:
        """Write the changed features; on a conflict ask, then save again with the choice."""
        assert self.plan_uri is not None
        if self.db_store is None:
            self.db_store = PostgisPlanStore(self.plan_uri)
            self.db_store.load()  # the versions to check against (the plan is ours)
        try:
            counts = self.db_store.save(self.plan, resolve=resolve)
        except PlanConflictError as exc:
            choice = self.ask_plan_conflicts(exc.conflicts)
            if choice is None:
                self.statusBar().showMessage(_tr("Not saved: the conflicts are still open"),
                                             8000)
                return False
            return self.save_to_database({**(resolve or {}), **choice})
        except (GridPlannerError, OSError) as exc:
            self.show_error(_tr("Cannot save the plan"), database_error_text(exc, self.plan_uri))
            return False
        self.undo_stack.setClean()
        if resolve and "theirs" in resolve.values():
            self.reload_from_database()
        self._remember(self.plan_uri)
        self._update_title()
        written = sum(sum(c.values()) for c in counts.values())
        self.statusBar().showMessage(
            _tr("Saved %1 feature(s) to %2").replace("%1", str(written))
            .replace("%2", redact(self.plan_uri)), 8000)
        return True

    def reload_from_database(self) -> bool:
        """Read the database plan again (with a clean undo history): theirs taken is shown."""
        assert self.plan_uri is not None
        store = PostgisPlanStore(self.plan_uri)
        try:
            plan = store.load()
        except (GridPlannerError, OSError, ValueError) as exc:
            self.show_error(_tr("Cannot open the plan"), database_error_text(exc, self.plan_uri))
            return False
        view, layer = self.canvas.extent(), self.canvas.current_layer
        self.db_store = store
        self.set_plan(plan, self.plan_uri)
        self.canvas.set_extent(view)  # the same place and layer: only the features changed
        if layer:
            self.canvas.set_current_layer(layer)
        return True

    # -- crash recovery (autosave.py) -------------------------------------------
    def recovery_baseline(self) -> dict | None:
        """The feature versions the unsaved edits were made on (None: not a database plan)."""
        return self.db_store.baseline() if self.db_store is not None else None

    def adopt_recovery_baseline(self, data: dict) -> None:
        """Restored edits are saved against the versions they were made on."""
        if self.plan_uri is not None:
            if self.db_store is None:
                self.db_store = PostgisPlanStore(self.plan_uri)
            self.db_store.adopt_baseline(data)

    # -- questions (replace these in tests) ------------------------------------
    def ask_database(self, remembered: str | None = None) -> str | None:
        """The plan's URI from the Open from Database dialog, or None if cancelled."""
        from gridplanner.qt.window.database_dialogs import OpenDatabaseDialog

        dialog = OpenDatabaseDialog(self, remembered)  # type: ignore[arg-type]
        while dialog.exec() == OpenDatabaseDialog.DialogCode.Accepted:
            if (missing := dialog.missing_field()) is None:
                return dialog.uri()
            self.show_error(_tr("Open Plan from Database"),
                            _tr("Fill in %1.").replace("%1", missing))
        return None

    def ask_plan_conflicts(self, conflicts: list[Conflict]) -> dict[tuple[str, int], str] | None:
        """``{(layer, fid): "ours" | "theirs"}`` from the conflict dialog, or None."""
        from gridplanner.qt.window.database_dialogs import show_conflict_dialog

        return show_conflict_dialog(conflicts, self)  # type: ignore[arg-type]

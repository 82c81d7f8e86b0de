"""Dialogs for a plan kept in PostgreSQL/PostGIS: where it is, and a save conflict.

:class:`OpenDatabaseDialog` gathers host, port, database, user, password and
schema and builds the plan's URI; :class:`ConflictDialog` lists the features
another office changed since this window read them, with both versions of
every attribute that differs, and lets the user keep theirs or ours per row.
Neither dialog talks to the database; :mod:`.plan_database` does.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridplanner.io.plan_file.postgis import META_TABLE, Conflict
from gridplanner.qt.map.attribute_edit import column_title, format_value
from gridplanner.qt.map.layers_dock import layer_title

CONTEXT = "CityStore"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def build_uri(host: str, port: int, database: str, user: str, password: str,
              schema: str) -> str:
    """The plan's ``postgresql://`` URI from the dialog's fields (password included)."""
    auth = quote(user, safe="")
    if user and password:
        auth += ":" + quote(password, safe="")
    netloc = f"{auth}@" if auth else ""
    netloc += host.strip() or "localhost"
    if port:
        netloc += f":{int(port)}"
    query = f"?schema={quote(schema.strip(), safe='')}" if schema.strip() else ""
    return f"postgresql://{netloc}/{quote(database.strip(), safe='')}{query}"


def uri_fields(uri: str) -> dict[str, Any]:
    """The dialog's fields read back from a URI (the password only if it holds one)."""
    parts = urlsplit(uri)
    query = dict(parse_qsl(parts.query))
    return {"host": parts.hostname or "localhost", "port": parts.port or 5432,
            "database": unquote(parts.path.lstrip("/")),
            "user": unquote(parts.username or ""), "password": unquote(parts.password or ""),
            "schema": query.get("schema", "public")}


def with_password(uri: str, password: str) -> str:
    """``uri`` with ``password`` put in (a URI without a user is returned unchanged)."""
    fields = uri_fields(uri)
    if not fields["user"] or not password:
        return uri
    fields["password"] = password
    return build_uri(**fields)


class OpenDatabaseDialog(QDialog):
    """File → Open from Database…: where the plan is kept."""

    def __init__(self, parent: QWidget | None = None, uri: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("Open Plan from Database"))
        self.host = QLineEdit("localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.schema = QLineEdit("public", self)
        form = QFormLayout()
        for label, widget in ((_tr("Host:"), self.host), (_tr("Port:"), self.port),
                              (_tr("Database:"), self.database), (_tr("User:"), self.user),
                              (_tr("Password:"), self.password),
                              (_tr("Plan (schema):"), self.schema)):
            form.addRow(label, widget)
        note = QLabel(_tr("The password is used for this connection only; it is never "
                          "saved. Leave it empty when the server does not ask for one."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        if uri:
            self.set_uri(uri)

    def set_uri(self, uri: str) -> None:
        """Fill the fields from a URI (a remembered plan, or the last one tried)."""
        fields = uri_fields(uri)
        self.host.setText(fields["host"])
        self.port.setValue(int(fields["port"]))
        self.database.setText(fields["database"])
        self.user.setText(fields["user"])
        self.password.setText(fields["password"])
        self.schema.setText(fields["schema"])

    def uri(self) -> str:
        """The plan's URI from the fields, password included."""
        return build_uri(self.host.text(), self.port.value(), self.database.text(),
                         self.user.text(), self.password.text(), self.schema.text())

    def missing_field(self) -> str | None:
        """The label of the first required field left empty, or None."""
        for label, widget in ((_tr("Database:"), self.database),
                              (_tr("Plan (schema):"), self.schema)):
            if not widget.text().strip():
                return label.rstrip(":：")
        return None


def _shown(value: Any) -> str:
    text = format_value(value)
    return text if len(text) <= 80 else text[:77] + "…"


def conflict_rows(conflict: Conflict) -> list[tuple[str, str, str]]:
    """(attribute, our value, their value) for every attribute that differs."""
    if conflict.kind == "deleted" or conflict.theirs is None:
        return [("", _tr("changed here"), _tr("deleted by the other office"))]
    if conflict.ours is None:
        return [("", _tr("deleted here"), _tr("changed by the other office"))]
    keys = [k for k in conflict.ours if k in conflict.theirs]
    rows = []
    for key in keys:
        ours, theirs = conflict.ours.get(key), conflict.theirs.get(key)
        if _shown(ours) != _shown(theirs) and not (key == "geometry" and _same_wkt(ours, theirs)):
            rows.append((_tr("geometry") if key == "geometry" else column_title(key),
                         _shown(ours), _shown(theirs)))
    return rows or [("", _tr("(same values)"), _tr("(same values)"))]


def feature_label(conflict: Conflict) -> str:
    """The feature's id and, when it has one, its name (ours, else theirs)."""
    name = next((str(v["name"]) for v in (conflict.ours, conflict.theirs)
                 if v and v.get("name")), "")
    return f"{conflict.fid} {name}".strip()


def _same_wkt(a: Any, b: Any) -> bool:
    import shapely

    try:
        return bool(shapely.equals(shapely.from_wkt(a), shapely.from_wkt(b)))
    except Exception:  # noqa: BLE001 (a value that is not WKT: compare as text)
        return False


class ConflictDialog(QDialog):
    """Both versions of every feature another office changed too; the user chooses."""

    COLUMNS = (QT_TRANSLATE_NOOP("CityStore", "Layer"), QT_TRANSLATE_NOOP("CityStore", "Feature"),
               QT_TRANSLATE_NOOP("CityStore", "Kind"),
               QT_TRANSLATE_NOOP("CityStore", "Attribute"),
               QT_TRANSLATE_NOOP("CityStore", "Mine"), QT_TRANSLATE_NOOP("CityStore", "Theirs"),
               QT_TRANSLATE_NOOP("CityStore", "Keep"))
    KINDS = {"changed": QT_TRANSLATE_NOOP("CityStore", "changed by both"),
             "deleted": QT_TRANSLATE_NOOP("CityStore", "deleted by the other office"),
             "added": QT_TRANSLATE_NOOP("CityStore", "added by both"),
             "deleted_here": QT_TRANSLATE_NOOP("CityStore", "deleted here, changed there")}

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None):
        super().__init__(parent)
        self.conflicts = conflicts
        self.setWindowTitle(_tr("Another office changed the same features"))
        intro = QLabel(_tr("Since you opened this plan, another office saved changes to %1 "
                           "feature(s) you changed too. Nothing has been saved yet. Choose per "
                           "feature which version to keep.").replace("%1", str(len(conflicts))),
                       self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.choices: list[QComboBox] = []
        for conflict in conflicts:
            self._add(conflict)
        self.table.resizeColumnsToContents()
        for column in (4, 5):  # the two versions share the room left
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch)
        self.table.setCurrentCell(-1, -1)
        all_mine = QPushButton(_tr("Keep All Mine"), self)
        all_theirs = QPushButton(_tr("Take All Theirs"), self)
        all_mine.clicked.connect(lambda: self.choose_all("ours"))
        all_theirs.clicked.connect(lambda: self.choose_all("theirs"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(_tr("Save with These Choices"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(all_mine)
        row.addWidget(all_theirs)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(900, 420)

    def _add(self, conflict: Conflict) -> None:
        rows = conflict_rows(conflict)
        first = self.table.rowCount()
        self.table.setRowCount(first + len(rows))
        layer = (_tr("Plan settings") if conflict.layer == META_TABLE
                 else layer_title(conflict.layer))
        fid = (next(iter(conflict.ours or conflict.theirs or {"": ""}))
               if conflict.layer == META_TABLE else feature_label(conflict))
        kind = "deleted_here" if conflict.ours is None else conflict.kind
        head = (layer, fid, _tr(self.KINDS.get(kind, kind)))
        for i, (attribute, ours, theirs) in enumerate(rows):
            cells = (*(head if i == 0 else ("", "", "")), attribute, ours, theirs)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(first + i, column, item)
        choice = QComboBox(self.table)
        choice.addItem(_tr("Keep mine"), "ours")
        choice.addItem(_tr("Take theirs"), "theirs")
        self.table.setCellWidget(first, len(self.COLUMNS) - 1, choice)
        if len(rows) > 1:
            self.table.setSpan(first, len(self.COLUMNS) - 1, len(rows), 1)
        self.choices.append(choice)

    def choose_all(self, choice: str) -> None:
        """Set every row to ``"ours"`` or ``"theirs"``."""
        for box in self.choices:
            box.setCurrentIndex(box.findData(choice))

    def choose(self, index: int, choice: str) -> None:
        """Set the ``index``-th feature's choice to ``"ours"`` or ``"theirs"``."""
        box = self.choices[index]
        box.setCurrentIndex(box.findData(choice))

    def resolution(self) -> dict[tuple[str, int], str]:
        """``{(layer, fid): "ours" | "theirs"}`` as the store's ``save(resolve=…)`` takes it."""
        return {(c.layer, c.fid): str(box.currentData())
                for c, box in zip(self.conflicts, self.choices, strict=True)}


def show_conflict_dialog(conflicts: list[Conflict], parent: QWidget | None) -> dict | None:
    """Run the conflict dialog; the user's resolution, or None when cancelled."""
    dialog = ConflictDialog(conflicts, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.resolution()

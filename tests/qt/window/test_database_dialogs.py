"""The conflict dialog and the Open from Database dialog (no server needed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gridplanner.io.plan_file.postgis import META_TABLE, Conflict
from gridplanner.qt.shell import i18n
from gridplanner.qt.window.database_dialogs import (
    ConflictDialog,
    OpenDatabaseDialog,
    build_uri,
    uri_fields,
    with_password,
)

SQUARE = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)))"


def _conflicts():
    ours = {"code": "110102001001001", "name": "我改的", "notes": "", "geometry": SQUARE}
    theirs = {"code": "110102001001001", "name": "他们改的", "notes": "已核实",
              "geometry": SQUARE.replace("(((", "((( ")}
    return [Conflict("cells", 7, "changed", ours, theirs),
            Conflict("cells", 9, "deleted", {"name": "第九网格"}, None),
            Conflict(META_TABLE, 123, "changed", {"name": "甲"}, {"name": "乙"})]


def _column(dialog, title, row):
    titles = [dialog.table.horizontalHeaderItem(c).text()
              for c in range(dialog.table.columnCount())]
    item = dialog.table.item(row, titles.index(title))
    return item.text() if item else ""


def test_the_table_shows_both_versions_of_what_differs_only(qtbot):
    dialog = ConflictDialog(_conflicts())
    qtbot.addWidget(dialog)
    # feature 7: name and notes differ; code and the (equal) geometry are not listed
    assert dialog.table.rowCount() == 2 + 1 + 1
    assert [_column(dialog, "Attribute", r) for r in (0, 1)] == ["Name", "Notes"]
    assert (_column(dialog, "Mine", 0), _column(dialog, "Theirs", 0)) == ("我改的", "他们改的")
    assert _column(dialog, "Feature", 0) == "7 我改的"
    assert _column(dialog, "Kind", 2) == "deleted by the other office"
    assert _column(dialog, "Layer", 3) == "Plan settings" and _column(dialog, "Feature", 3) == "name"


def test_choices_per_row_and_for_all(qtbot):
    dialog = ConflictDialog(_conflicts())
    qtbot.addWidget(dialog)
    assert set(dialog.resolution().values()) == {"ours"}  # keep mine unless told
    dialog.choose(1, "theirs")
    assert dialog.resolution()[("cells", 9)] == "theirs"
    assert dialog.resolution()[("cells", 7)] == "ours"
    dialog.choose_all("theirs")
    assert set(dialog.resolution().values()) == {"theirs"}
    dialog.choose_all("ours")
    assert dialog.resolution() == {("cells", 7): "ours", ("cells", 9): "ours",
                                   (META_TABLE, 123): "ours"}


def test_the_dialog_speaks_chinese(qtbot, qapp):
    i18n.switch_language(qapp, "zh_CN")
    QCoreApplication.processEvents()
    try:
        dialog = ConflictDialog(_conflicts())
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "其他单位修改了相同的要素"
        assert _column(dialog, "我的版本", 0) == "我改的"
        assert dialog.choices[0].currentText() == "保留我的"
        assert dialog.save_button.text() == "按所选保存"
    finally:
        i18n.switch_language(qapp, "en")
        QCoreApplication.processEvents()


def test_the_open_dialog_builds_the_uri_and_reads_it_back(qtbot):
    dialog = OpenDatabaseDialog(uri="postgresql://planner@db.city.gov:6543/city?schema=xicheng")
    qtbot.addWidget(dialog)
    assert dialog.host.text() == "db.city.gov" and dialog.port.value() == 6543
    assert dialog.password.text() == "" and dialog.schema.text() == "xicheng"
    dialog.password.setText("p@ss:word")
    uri = dialog.uri()
    assert uri_fields(uri)["password"] == "p@ss:word" and uri_fields(uri)["user"] == "planner"
    dialog.schema.setText(" ")
    assert dialog.missing_field() == "Plan (schema)"


def test_uri_helpers():
    uri = build_uri("localhost", 5432, "city", "planner", "", "dongcheng")
    assert uri == "postgresql://planner@localhost:5432/city?schema=dongcheng"
    assert with_password(uri, "x y") == "postgresql://planner:x%20y@localhost:5432/city?schema=dongcheng"
    assert with_password("postgresql://localhost/city", "pw") == "postgresql://localhost/city"

"""`make run` names the system libraries Qt's xcb plugin lacks and the apt command."""

from __future__ import annotations

import sys

import pytest

from gridplanner.tools import qt_libs


def test_missing_libraries_are_named_with_their_packages():
    known = set(qt_libs.XCB_LIBRARIES) - {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    missing = qt_libs.missing_libraries(known, plugin_files=[])
    assert missing == {"libxcb-cursor.so.0": "libxcb-cursor0",
                       "libxkbcommon-x11.so.0": "libxkbcommon-x11-0"}
    text = qt_libs.report(missing)
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in text
    assert qt_libs.missing_libraries(set(qt_libs.XCB_LIBRARIES), plugin_files=[]) == {}


def test_package_names_guessed_for_unlisted_libraries():
    assert qt_libs.package_for("libxcb-sync.so.1") == "libxcb-sync1"
    assert qt_libs.package_for("libxcb-xkb.so.1") == "libxcb-xkb1"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_no_display_is_said_plainly(monkeypatch, capsys):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert qt_libs.main([]) == 1
    assert "DISPLAY" in capsys.readouterr().err
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert qt_libs.main([]) == 0

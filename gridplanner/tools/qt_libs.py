"""Say which system libraries Qt's Linux window plugin (xcb) lacks, and how to install them.

``make run`` calls this before opening the window: on a fresh Linux desktop
Qt otherwise stops with "Could not load the Qt platform plugin xcb", which
does not say what to install. Exit status 0 when nothing is missing (or not
on Linux / X11), 1 with the list and the ``apt-get`` command otherwise.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

#: shared library (soname) -> Debian/Ubuntu package, as Qt 6's xcb plugin needs them
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _known_libraries() -> set[str]:
    try:
        out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, timeout=10,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {line.split()[0] for line in out.splitlines()[1:] if line.strip()}


def _plugin_files() -> list[str]:
    """Qt's xcb plugin and the Qt library behind it, in the installed PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(list(spec.submodule_search_locations)[0]) / "Qt"
    files = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob(
        "libQt6XcbQpa.so*"))[:1]]
    return [str(f) for f in files if f.exists()]


def _not_found_by_ldd(files: list[str]) -> set[str]:
    missing: set[str] = set()
    for file in files:
        try:
            out = subprocess.run(["ldd", file], capture_output=True, text=True, timeout=10,
                                 check=False).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        missing |= {line.split()[0] for line in out.splitlines() if "not found" in line}
    return missing


def package_for(soname: str) -> str:
    """The Debian/Ubuntu package of a library (libxcb-foo.so.1 -> libxcb-foo1)."""
    if soname in XCB_LIBRARIES:
        return XCB_LIBRARIES[soname]
    stem, _, version = soname.partition(".so.")
    return f"{stem}{'-' if stem[-1].isdigit() else ''}{version.split('.')[0]}"


def missing_libraries(known: set[str] | None = None, plugin_files: list[str] | None = None
                      ) -> dict[str, str]:
    """Libraries the xcb plugin cannot load here (soname -> package).

    What ``ldd`` reports missing for the plugin, plus the libraries Qt opens
    at run time (:data:`XCB_LIBRARIES`) that the system's library cache lacks.
    """
    known = _known_libraries() if known is None else known
    files = _plugin_files() if plugin_files is None else plugin_files
    missing = {name: package_for(name) for name in _not_found_by_ldd(files)}
    for soname, package in XCB_LIBRARIES.items():
        if soname in known or soname in missing:
            continue
        stem = soname.split(".so")[0].removeprefix("lib")
        if known or not ctypes.util.find_library(stem):
            missing[soname] = package
    return missing


def report(missing: dict[str, str]) -> str:
    """The message for the user: what is missing and the command that installs it."""
    packages = " ".join(sorted(set(missing.values())))
    names = ", ".join(missing)
    return (f"Qt's window plugin (xcb) needs system libraries this machine lacks: {names}.\n"
            f"Install them with:\n  sudo apt-get install {packages}\n"
            "(other distributions: the packages providing these libraries), then run "
            "`make run` again.")


def main(argv: list[str] | None = None) -> int:
    if not sys.platform.startswith("linux"):
        return 0
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return 0
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("No graphical display here (DISPLAY is not set): run gridplanner on a desktop, "
              "or use its command line (gridplanner --help).", file=sys.stderr)
        return 1
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return 0
    missing = missing_libraries()
    if missing:
        print(report(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where gridplanner's bundled resources live: translations, fonts, icons, styles.

The resources folder is ``resources/`` at the top of the repository (beside
the ``gridplanner`` package), which is where an editable install
(``pip install -e .``) and a source checkout find it; a wheel may install it
as data files under ``<prefix>/share/gridplanner/resources``. It can be
pointed elsewhere with the ``GRIDPLANNER_RESOURCES`` environment variable.
Qt-free: anything may import it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "GRIDPLANNER_RESOURCES"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found = []
    override = os.environ.get(ENV_VAR)
    if override:
        found.append(Path(override))
    found.append(_PACKAGE_DIR.parent / "resources")  # source checkout / editable install
    # a wheel that ships it as data files (pyproject: [tool.setuptools.data-files])
    found.append(Path(sys.prefix) / "share" / "gridplanner" / "resources")
    return found


def resources_dir() -> Path:
    """The resources folder (the first existing candidate).

    Returns
    -------
    Path
        ``$GRIDPLANNER_RESOURCES`` if set and present, else the repository's
        ``resources/``; when none exists the repository path is returned so
        callers can report what is missing.
    """
    candidates = _candidates()
    for path in candidates:
        if path.is_dir():
            return path
    return _PACKAGE_DIR.parent / "resources"


def translations_dir() -> Path:
    """Folder of the ``.ts`` translation sources and compiled ``.qm`` files."""
    return resources_dir() / "translations"


def fonts_dir() -> Path:
    """Folder of the bundled fonts (each with its licence file)."""
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def styles_dir() -> Path:
    return resources_dir() / "styles"


def font_files() -> list[Path]:
    """Every bundled font file (TrueType first), sorted by name."""
    folder = fonts_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES and p.is_file()]
    return sorted(files, key=lambda p: (p.suffix.lower() != ".ttf", p.name))


def qm_file(language: str) -> Path:
    """The compiled translation for a language code such as ``zh_CN``."""
    return translations_dir() / f"gridplanner_{language}.qm"

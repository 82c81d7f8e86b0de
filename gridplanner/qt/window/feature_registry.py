"""Which features the main window installs, and installing them.

Features are listed by name as "module:Class" and imported lazily, so the
window imports no feature module and a missing module leaves the rest of the
window working. The API a feature sees is
:class:`gridplanner.qt.shell.features.FeatureHost`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from gridplanner.qt.shell.features import FeatureHost

FEATURES: dict[str, str] = {
    "map": "gridplanner.qt.map.map_feature:MapFeature",
    "grids": "gridplanner.qt.grids.feature:GridFeature",
    "coverage": "gridplanner.qt.coverage.feature:CoverageFeature",
    "roster": "gridplanner.qt.roster.feature:RosterFeature",
    "organisation": "gridplanner.qt.roster.organisation_feature:OrganisationFeature",
    "printing": "gridplanner.qt.printing.feature:PrintFeature",
    "autosave": "gridplanner.qt.window.autosave:AutosaveFeature",
}


def install_features(window: FeatureHost) -> dict[str, QObject]:
    """Construct every available feature for ``window``; returns them by name."""
    installed: dict[str, QObject] = {}
    for name, target in FEATURES.items():
        module_name, class_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        installed[name] = getattr(module, class_name)(window)
    return installed

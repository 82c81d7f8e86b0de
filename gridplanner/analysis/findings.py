"""Findings of every check (grid validation, roster rules, network health).

A finding names what it is about so the window can zoom to it and scripts
can act on it: ``kind`` is a stable machine name (``overlap``, ``gap``,
``no_leader`` ...), ``severity`` is ``error`` or ``warning``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import shapely

ERROR = "error"
WARNING = "warning"


@dataclass
class Finding:
    kind: str
    severity: str
    message: str
    #: codes of the grid cells concerned (may be empty)
    cells: list[str] = field(default_factory=list)
    #: fids of the cells concerned, for selection and zoom in the window
    cell_fids: list[int] = field(default_factory=list)
    #: other features concerned, as {"layer": [fid, ...]}
    features: dict[str, list[int]] = field(default_factory=dict)
    community: str = ""
    #: where it is, in plan coordinates (for zoom-to and for maps)
    geometry: shapely.Geometry | None = None
    #: the values the message is made of (names, counts), so the window can
    #: say the same thing in the user's language
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "cells": list(self.cells),
            "cell_fids": [int(f) for f in self.cell_fids],
            "community": self.community,
        }
        if self.features:
            out["features"] = {k: [int(v) for v in vs] for k, vs in self.features.items()}
        if self.params:
            out["params"] = dict(self.params)
        if self.geometry is not None and not self.geometry.is_empty:
            out["bounds"] = [float(v) for v in self.geometry.bounds]
        return out


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)

"""What the window shows of a coverage result, recomputable from new distances.

:class:`CoverageTable` holds, for every building, its households, residents,
grid cell and community once, so the tallies a dock shows (per plan,
community or cell, at every level) can be recomputed in a few milliseconds
from a fresh distance array, e.g. while a centre is being dragged and a
:class:`~gridplanner.analysis.network.coverage_session.CoverageSession` hands back
new distances. Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from gridplanner.analysis.network.coverage import CoverageResult

PLAN, COMMUNITY, CELL, SERVICE = "plan", "community", "cell", "service"
#: Fills of the walking-distance classes, nearest first, and of "beyond every
#: level": the one palette of the window, its legend and the web map.
LEVEL_RAMP = ("#1a9641", "#77c35c", "#c4e687", "#fee08b", "#fdae61")
BEYOND_COLOUR = "#d7191c"


def level_colours(n: int) -> list[str]:
    """Fill colours of ``n`` levels, nearest first (green to orange)."""
    if n <= len(LEVEL_RAMP):
        idx = np.round(np.linspace(0, len(LEVEL_RAMP) - 1, n)).astype(int) if n > 1 else [0]
        return [LEVEL_RAMP[i] for i in idx]
    return [LEVEL_RAMP[min(i, len(LEVEL_RAMP) - 1)] for i in range(n)]
SCOPES = (PLAN, COMMUNITY, CELL, SERVICE)


def level_text(level_m: float, speed: float) -> str:
    """A level as both numbers, e.g. ``"500 m · 8.3 min"``."""
    return f"{level_m:,.0f} m · {level_m / speed / 60.0:.1f} min"


def distance_classes(distance: np.ndarray, levels: Sequence[float]) -> np.ndarray:
    """Index of the first level each distance is within (``len(levels)`` = beyond all)."""
    d = np.where(np.isfinite(distance), distance, np.inf)
    return np.searchsorted(np.asarray(sorted(levels), dtype=float), d, side="left")


@dataclass
class CoverageTable:
    """Per-building figures of a coverage result, and tallies over them."""

    method: str
    levels_m: list[float]
    walking_speed: float
    target_share: float
    service: str | None
    fids: np.ndarray
    distance: np.ndarray
    nearest: np.ndarray  # centre fid, -1 when none
    households: np.ndarray
    residents: np.ndarray
    cell: np.ndarray  # cell label ("" when in no cell)
    cell_fid: np.ndarray  # -1 when in no cell
    community: np.ndarray
    names: np.ndarray
    cell_labels: dict[int, str] = field(default_factory=dict)
    #: distance of every building to the nearest centre offering each service
    service_distances: dict[str, np.ndarray] = field(default_factory=dict)
    _groups: dict = field(default_factory=dict, repr=False)
    _sums: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_result(cls, plan: Any, result: CoverageResult,
                    service: str | None = None) -> CoverageTable:
        """The table of ``result`` using the overall distances or those of ``service``."""
        t = result.buildings
        col = f"distance_m_{service}" if service else "distance_m"
        near_col = f"nearest_centre_{service}" if service else "nearest_centre"
        if col not in t.columns:
            col, near_col = "distance_m", "nearest_centre"
        b = plan.buildings.frame.reindex(t.index)
        cells = plan.cells.frame
        labels = {int(f): (str(c) or str(n) or f"#{f}")
                  for f, c, n in zip(cells.index, cells["code"], cells["name"], strict=True)}
        cell_fid = t["cell_fid"].fillna(-1).to_numpy(dtype=np.int64)
        return cls(
            method=result.method, levels_m=list(result.levels_m),
            walking_speed=result.walking_speed, target_share=result.target_share,
            service=service if col != "distance_m" else None,
            fids=np.asarray(t.index, dtype=np.int64),
            distance=t[col].to_numpy(dtype=float).copy(),
            nearest=t[near_col].fillna(-1).to_numpy(dtype=np.int64).copy(),
            households=pd.to_numeric(b["households"]).fillna(0).to_numpy(float),
            residents=pd.to_numeric(b["residents"]).fillna(0).to_numpy(float),
            cell=np.array([labels.get(int(f), "") for f in cell_fid], dtype=object),
            cell_fid=cell_fid,
            community=t["community"].astype(str).to_numpy(dtype=object),
            names=b["name"].astype(str).to_numpy(dtype=object),
            cell_labels=labels,
            service_distances={c[len("distance_m_"):]: t[c].to_numpy(dtype=float).copy()
                               for c in t.columns if c.startswith("distance_m_")},
        )

    # -- updating ------------------------------------------------------------
    def update(self, fids: np.ndarray, distance: np.ndarray, nearest: np.ndarray) -> np.ndarray:
        """Set new distances of some buildings (a dragged centre); returns their positions.

        Cached tallies are corrected by the changed buildings only, so a mouse
        move costs the buildings it changes, not the whole plan.
        """
        order = np.argsort(self.fids, kind="stable")
        at = order[np.searchsorted(self.fids, np.asarray(fids, dtype=np.int64), sorter=order)]
        old = self.distance[at].copy()
        self.distance[at] = distance
        self.nearest[at] = nearest
        for (scope, levels), sums in self._sums.items():
            code = self.groups(scope)[1][at]
            ok = code >= 0
            for i, lv in enumerate(levels):
                delta = ((self.distance[at] <= lv).astype(float) - (old <= lv))[ok]
                np.add.at(sums["cov_h"][i], code[ok], delta * self.households[at][ok])
                np.add.at(sums["cov_r"][i], code[ok], delta * self.residents[at][ok])
        return at

    def update_service(self, name: str, fids: np.ndarray, distance: np.ndarray) -> None:
        """New distances to the nearest centre offering ``name`` for some buildings."""
        if name not in self.service_distances:
            return
        order = np.argsort(self.fids, kind="stable")
        at = order[np.searchsorted(self.fids, np.asarray(fids, dtype=np.int64), sorter=order)]
        self.service_distances[name][at] = distance

    def classes(self) -> np.ndarray:
        return distance_classes(self.distance, self.levels_m)

    # -- tallies -------------------------------------------------------------
    def share_basis(self) -> str:
        """``residents`` when residents are known, else ``households``."""
        return "residents" if self.residents.sum() > 0 else "households"

    def groups(self, scope: str) -> tuple[list[str], np.ndarray]:
        """Names of the areas of ``scope`` and the area index of every building (-1: none)."""
        key = (scope, len(self.fids))
        cached = self._groups.get(key)
        if cached is not None:
            return cached
        if scope == PLAN:
            out = ([""], np.zeros(len(self.fids), dtype=np.int64))
        elif scope == COMMUNITY:
            names = sorted({str(c) for c in self.community if str(c)})
            at = {n: i for i, n in enumerate(names)}
            out = (names, np.array([at.get(str(c), -1) for c in self.community], dtype=np.int64))
        elif scope == CELL:
            fids = sorted(self.cell_labels)
            at_fid = {f: i for i, f in enumerate(fids)}
            out = ([self.cell_labels[f] for f in fids],
                   np.array([at_fid.get(int(f), -1) for f in self.cell_fid], dtype=np.int64))
        else:
            raise ValueError(f"unknown scope {scope!r}")
        self._groups[key] = out
        return out

    def rows(self, scope: str = PLAN) -> list[dict[str, Any]]:
        """Tally rows: name, households, residents, and per level the covered
        ``households``, ``residents`` and ``share`` (of residents when known),
        ``household_share``, ``resident_share`` and ``meets_target``.

        ``scope`` is plan, community, cell or service (the whole plan once per
        service, each from the centres offering it).
        """
        if scope == SERVICE:
            return [self._rows_for(PLAN, d, name)[0]
                    for name, d in self.service_distances.items()]
        return self._rows_for(scope, self.distance)

    def _sums_for(self, scope: str, distance: np.ndarray, name: str | None,
                  cache: bool) -> dict[str, Any]:
        """Totals and covered sums per area and level (cached for the own distances)."""
        key = (scope, tuple(self.levels_m))
        if cache and key in self._sums:
            return self._sums[key]
        names, code = self.groups(scope)
        n = len(names)
        keep = code >= 0
        code = code[keep]
        hh, rs, d = self.households[keep], self.residents[keep], distance[keep]
        sums = {"names": [name] if name is not None else names,
                "tot_h": np.bincount(code, weights=hh, minlength=n),
                "tot_r": np.bincount(code, weights=rs, minlength=n),
                "count": np.bincount(code, minlength=n),
                "cov_h": [np.bincount(code, weights=hh * (d <= lv), minlength=n)
                          for lv in self.levels_m],
                "cov_r": [np.bincount(code, weights=rs * (d <= lv), minlength=n)
                          for lv in self.levels_m]}
        if cache:
            self._sums = {k: v for k, v in self._sums.items() if k[1] == key[1]}
            self._sums[key] = sums
        return sums

    def _rows_for(self, scope: str, distance: np.ndarray, name: str | None = None
                  ) -> list[dict[str, Any]]:
        sums = self._sums_for(scope, distance, name, cache=distance is self.distance)
        tot_h, tot_r = sums["tot_h"], sums["tot_r"]
        by_res = self.residents.sum() > 0
        rows: list[dict[str, Any]] = [
            {"name": nm, "buildings": int(sums["count"][i]), "households": float(tot_h[i]),
             "residents": float(tot_r[i]), "levels": []} for i, nm in enumerate(sums["names"])]
        for lv, cov_h, cov_r in zip(self.levels_m, sums["cov_h"], sums["cov_r"], strict=True):
            with np.errstate(invalid="ignore", divide="ignore"):
                h_share = np.where(tot_h > 0, cov_h / tot_h, 0.0)
                r_share = np.where(tot_r > 0, cov_r / tot_r, 0.0)
            share = r_share if by_res else h_share
            for i, row in enumerate(rows):
                row["levels"].append({
                    "level_m": lv, "households": float(cov_h[i]), "residents": float(cov_r[i]),
                    "share": float(share[i]), "household_share": float(h_share[i]),
                    "resident_share": float(r_share[i]),
                    "meets_target": bool(share[i] + 1e-12 >= self.target_share)})
        return rows

    def uncovered(self) -> pd.DataFrame:
        """Buildings beyond the largest level, farthest (and most households) first."""
        far = ~(self.distance <= self.levels_m[-1])
        frame = pd.DataFrame({"fid": self.fids[far], "name": self.names[far],
                              "households": self.households[far],
                              "residents": self.residents[far],
                              "distance_m": self.distance[far],
                              "community": self.community[far], "cell": self.cell[far]})
        return frame.sort_values(["households", "distance_m"], ascending=[False, False],
                                 kind="stable").reset_index(drop=True)

    def centre_rows(self, level_m: float | None = None) -> list[dict[str, Any]]:
        """What each centre serves as the nearest (with the table's service)
        within ``level_m`` (default: the largest level): centre fid,
        buildings, households, residents, and the grid cells and communities
        they lie in. Recomputed from the current distances (a drag shows live)."""
        level = float(level_m if level_m is not None else self.levels_m[-1])
        ok = (self.distance <= level) & (self.nearest >= 0)
        if not ok.any():
            return []
        frame = pd.DataFrame({"centre": self.nearest[ok], "households": self.households[ok],
                              "residents": self.residents[ok], "cell": self.cell[ok],
                              "community": self.community[ok]})
        rows = []
        for fid, g in frame.groupby("centre", sort=True):
            rows.append({"fid": int(fid), "buildings": int(len(g)),
                         "households": float(g["households"].sum()),
                         "residents": float(g["residents"].sum()),
                         "cells": sorted({str(c) for c in g["cell"] if str(c)}),
                         "communities": sorted({str(c) for c in g["community"] if str(c)})})
        return rows

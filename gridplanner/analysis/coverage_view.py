"""What the window shows of a coverage result, recomputable from new distances.

:class:`CoverageTable` holds, for every building, its households, residents,
grid cell and community once, so the tallies a dock shows (per plan,
community or cell, at every level) can be recomputed in a few milliseconds
from a fresh distance array, e.g. while a centre is being dragged and a
:class:`~gridplanner.analysis.coverage_session.CoverageSession` hands back
new distances. Qt-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from gridplanner.analysis.coverage import CoverageResult

PLAN, COMMUNITY, CELL = "plan", "community", "cell"
SCOPES = (PLAN, COMMUNITY, CELL)


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
        )

    # -- updating ------------------------------------------------------------
    def update(self, fids: np.ndarray, distance: np.ndarray, nearest: np.ndarray) -> np.ndarray:
        """Set new distances of some buildings (a dragged centre); returns their positions."""
        order = np.argsort(self.fids, kind="stable")
        at = order[np.searchsorted(self.fids, np.asarray(fids, dtype=np.int64), sorter=order)]
        self.distance[at] = distance
        self.nearest[at] = nearest
        return at

    def classes(self) -> np.ndarray:
        return distance_classes(self.distance, self.levels_m)

    # -- tallies -------------------------------------------------------------
    def share_basis(self) -> str:
        """``residents`` when residents are known, else ``households``."""
        return "residents" if self.residents.sum() > 0 else "households"

    def rows(self, scope: str = PLAN) -> list[dict[str, Any]]:
        """Tally rows: name, households, residents, and per level the covered
        ``households``, ``residents`` and ``share`` (of residents when known)."""
        if scope == PLAN:
            groups = [("", np.ones(len(self.fids), dtype=bool))]
        elif scope == COMMUNITY:
            names = sorted({str(c) for c in self.community if str(c)})
            groups = [(n, self.community == n) for n in names]
        elif scope == CELL:
            groups = [(self.cell_labels[f], self.cell_fid == f) for f in sorted(self.cell_labels)]
        else:
            raise ValueError(f"unknown scope {scope!r}")
        return [self._row(name, mask) for name, mask in groups]

    def _row(self, name: str, mask: np.ndarray) -> dict[str, Any]:
        hh, rs, d = self.households[mask], self.residents[mask], self.distance[mask]
        basis = rs if self.residents.sum() > 0 else hh
        row: dict[str, Any] = {"name": name, "buildings": int(mask.sum()),
                               "households": float(hh.sum()), "residents": float(rs.sum()),
                               "levels": []}
        for lv in self.levels_m:
            ok = d <= lv
            h_share = float(hh[ok].sum() / hh.sum()) if hh.sum() > 0 else 0.0
            r_share = float(rs[ok].sum() / rs.sum()) if rs.sum() > 0 else 0.0
            share = float(basis[ok].sum() / basis.sum()) if basis.sum() > 0 else 0.0
            row["levels"].append({"level_m": lv, "households": float(hh[ok].sum()),
                                  "residents": float(rs[ok].sum()), "share": share,
                                  "household_share": h_share, "resident_share": r_share,
                                  "meets_target": share + 1e-12 >= self.target_share})
        return row

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

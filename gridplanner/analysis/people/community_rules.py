"""The rule that people and branches stay in their own community.

Every grid belongs to exactly one community, and so do its worker team and
its Party branch. A worker or branch whose roster names a community (所属社区)
but who is assigned to a grid of another community is flagged:

=========================  ========  =============================================
kind                       severity  rule
=========================  ========  =============================================
branch_other_community     error     a branch serves grids of its own community
worker_other_community     warning   a worker works on grids of their own community
=========================  ========  =============================================

People and branches that name no community (a supervisor sent down from the
sub-district) are not flagged.
"""

from __future__ import annotations

import pandas as pd

from gridplanner.analysis.findings import ERROR, WARNING, Finding
from gridplanner.model.plan import Plan


def _own(frame: pd.DataFrame) -> pd.Series:
    if "community" not in frame.columns:
        return pd.Series("", index=frame.index, dtype="string")
    return frame["community"].astype("string").fillna("").str.strip()


def check_communities(plan: Plan) -> list[Finding]:
    """A finding per worker or branch assigned to a grid of another community."""
    cells = plan.cells.frame
    a = plan.assignments.frame
    out: list[Finding] = []
    for target, table, kind, severity, what in (
            ("branch", plan.branches.frame, "branch_other_community", ERROR, "branch"),
            ("worker", plan.workers.frame, "worker_other_community", WARNING, "worker")):
        own = _own(table)
        rows = a[a["target"] == target].dropna(subset=["cell_fid", "target_fid"])
        wrong: dict[int, list[int]] = {}
        for cell_fid, target_fid in zip(rows["cell_fid"], rows["target_fid"], strict=True):
            c, t = int(cell_fid), int(target_fid)
            if c not in cells.index or t not in table.index or not own[t]:
                continue
            if str(cells.at[c, "community"]) != own[t]:
                wrong.setdefault(t, []).append(c)
        for t, cell_fids in sorted(wrong.items()):
            name = str(table.at[t, "name"])
            codes = [str(cells.at[c, "code"]) or f"fid {c}" for c in cell_fids]
            grid_comms = sorted({str(cells.at[c, "community"]) for c in cell_fids})
            out.append(Finding(
                kind, severity,
                f"{what} {name} belongs to {own[t]} but is assigned to grid "
                f"{', '.join(codes)} of {', '.join(grid_comms)}",
                cells=[c for c in codes if not c.startswith("fid ")], cell_fids=cell_fids,
                community=own[t],
                params={"name": name, "own": own[t], "cells": ", ".join(codes),
                        "communities": ", ".join(grid_comms)}))
    return out

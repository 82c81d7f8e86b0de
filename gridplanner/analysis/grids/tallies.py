"""Per-cell tallies: households, residents, buildings and status vs the range.

A building belongs to the cell that holds its representative point (a point
on its footprint, :func:`shapely.point_on_surface`), so a building is never
counted in two cells even when a boundary clips its footprint. When the point
lies exactly on a boundary shared by two cells the cell listed first wins.

For live updates while a map tool drags a vertex, build a
:class:`BuildingIndex` once (an STRtree over the building points) and call
:meth:`BuildingIndex.tally` with only the geometries that changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from gridplanner.model.plan import Plan

BELOW, WITHIN, ABOVE = "below", "within", "above"
TALLY_COLUMNS = ("households", "residents", "buildings", "status")


def building_points(geometries: Sequence[shapely.Geometry] | np.ndarray) -> np.ndarray:
    """Representative points of building footprints (points stay as they are)."""
    geoms = np.asarray(geometries, dtype=object)
    if len(geoms) == 0:
        return np.empty(0, dtype=object)
    return shapely.point_on_surface(geoms)


def assign_points(cells: Sequence[shapely.Geometry] | np.ndarray,
                  points: np.ndarray) -> np.ndarray:
    """Position in ``cells`` of the cell holding each point, or -1.

    Parameters
    ----------
    cells
        Cell polygons (None or empty geometries hold nothing).
    points
        Points, e.g. from :func:`building_points`.

    Returns
    -------
    numpy.ndarray
        int64 array, one entry per point; on a shared edge the lower position wins.
    """
    out = np.full(len(points), -1, dtype=np.int64)
    geoms = np.asarray(cells, dtype=object)
    if len(geoms) == 0 or len(points) == 0:
        return out
    tree = shapely.STRtree(geoms)
    pt_idx, cell_idx = tree.query(points, predicate="intersects")
    if len(pt_idx):
        order = np.lexsort((cell_idx, pt_idx))
        pt_idx, cell_idx = pt_idx[order], cell_idx[order]
        first = np.r_[True, pt_idx[1:] != pt_idx[:-1]]
        out[pt_idx[first]] = cell_idx[first]
    return out


def status_for(households: np.ndarray | pd.Series, low: float, high: float) -> np.ndarray:
    """"below", "within" or "above" the household range for each value."""
    h = np.asarray(households, dtype=float)
    return np.where(h < low, BELOW, np.where(h > high, ABOVE, WITHIN))


@dataclass
class BuildingIndex:
    """Building points with their counts, indexed for fast per-cell queries."""

    fids: np.ndarray
    points: np.ndarray
    households: np.ndarray
    residents: np.ndarray
    tree: shapely.STRtree

    @classmethod
    def from_frame(cls, buildings: pd.DataFrame) -> BuildingIndex:
        """Index a buildings frame (the plan's ``buildings`` layer frame)."""
        geoms = np.asarray(buildings.geometry.values, dtype=object) if len(buildings) else \
            np.empty(0, dtype=object)
        points = building_points(geoms)
        hh = pd.to_numeric(buildings.get("households"), errors="coerce") if len(buildings) else []
        res = pd.to_numeric(buildings.get("residents"), errors="coerce") if len(buildings) else []
        return cls(
            fids=np.asarray(buildings.index, dtype=np.int64),
            points=points,
            households=np.nan_to_num(np.asarray(hh, dtype=float)),
            residents=np.nan_to_num(np.asarray(res, dtype=float)),
            tree=shapely.STRtree(points),
        )

    @classmethod
    def from_plan(cls, plan: Plan) -> BuildingIndex:
        return cls.from_frame(plan.buildings.frame)

    def members(self, geometry: shapely.Geometry) -> np.ndarray:
        """Positions of the buildings whose point lies in ``geometry``."""
        if geometry is None or geometry.is_empty:
            return np.empty(0, dtype=np.int64)
        return np.sort(self.tree.query(geometry, predicate="intersects"))

    def tally(self, geometries: Mapping[int, shapely.Geometry], low: float = 300,
              high: float = 500) -> pd.DataFrame:
        """Households, residents, buildings and status of each given cell.

        A point on an edge shared by two of the given cells counts in the
        one given first, as in :func:`assign_points`.
        """
        fids = [int(f) for f in geometries]
        where = np.full(len(self.points), -1, dtype=np.int64)
        geoms = np.asarray(list(geometries.values()), dtype=object)
        if len(fids) and len(self.points):
            # query the (prebuilt) point tree with the cells: cost grows with the
            # cells' size, not with the number of buildings in the plan
            cell_idx, pt_idx = self.tree.query(geoms, predicate="intersects")
            order = np.lexsort((cell_idx, pt_idx))
            pt_idx, cell_idx = pt_idx[order], cell_idx[order]
            first = np.r_[True, pt_idx[1:] != pt_idx[:-1]] if len(pt_idx) else []
            where[pt_idx[first]] = cell_idx[first]
        return _tally_frame(fids, where, self.households, self.residents, low, high)


def _tally_frame(fids: list[int], where: np.ndarray, households: np.ndarray,
                 residents: np.ndarray, low: float, high: float) -> pd.DataFrame:
    n = len(fids)
    inside = where >= 0
    hh = np.bincount(where[inside], weights=households[inside], minlength=n)[:n]
    res = np.bincount(where[inside], weights=residents[inside], minlength=n)[:n]
    count = np.bincount(where[inside], minlength=n)[:n]
    frame = pd.DataFrame(
        {"households": hh, "residents": res, "buildings": count.astype(np.int64)},
        index=pd.Index(fids, name="fid", dtype="int64"),
    )
    frame["status"] = status_for(hh, low, high)
    return frame


def tally_cells(plan: Plan, geometries: Mapping[int, shapely.Geometry] | None = None,
                index: BuildingIndex | None = None) -> pd.DataFrame:
    """Per-cell totals of a plan, with status against the plan's household range.

    Parameters
    ----------
    plan
        The plan; its settings give the household range.
    geometries
        Cell geometries by fid to use instead of the plan's cells (e.g. while
        a vertex is being dragged).
    index
        A prepared :class:`BuildingIndex` to reuse between calls.

    Returns
    -------
    pandas.DataFrame
        Indexed by cell fid, columns households, residents, buildings, status.
    """
    if geometries is None:
        frame = plan.cells.frame
        geometries = dict(zip((int(f) for f in frame.index), frame.geometry.values, strict=True))
    index = index or BuildingIndex.from_plan(plan)
    s = plan.settings
    return index.tally(geometries, s.households_min, s.households_max)


def building_cells(plan: Plan) -> pd.Series:
    """The cell fid of every building (NA when in no cell), indexed by building fid."""
    cells = plan.cells.frame
    points = building_points(plan.buildings.frame.geometry.values)
    where = assign_points(cells.geometry.values, points)
    fids = np.asarray(cells.index, dtype=np.int64)
    values = pd.array([int(fids[w]) if w >= 0 else pd.NA for w in where], dtype="Int64")
    return pd.Series(values, index=plan.buildings.frame.index, name="cell")


def add_totals(plan: Plan, cells: pd.DataFrame) -> pd.DataFrame:
    """A copy of a cells frame with households, residents and buildings columns."""
    index = BuildingIndex.from_plan(plan)
    t = index.tally(dict(enumerate(cells.geometry.values)))
    out = cells.copy()
    for col in ("households", "residents", "buildings"):
        out[col] = t[col].to_numpy() if len(out) else []
    return out

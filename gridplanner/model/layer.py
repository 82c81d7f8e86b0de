"""One layer or attribute table of the plan, with change events.

A ``FeatureTable`` wraps a (Geo)DataFrame whose index is the feature id
(``fid``, stable for the life of the plan and saved as the GeoPackage fid).
All changes go through its methods; each validates its input and emits
``changed`` with a :class:`LayerChange`, so views (the canvas, the attribute
table) and undo commands never touch the frame directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from psygnal import Signal

from gridplanner.errors import ModelError
from gridplanner.model.schema import (
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    GEOMETRY_POLYGON_OR_POINT,
    LayerSpec,
)

_ALLOWED_TYPES = {
    GEOMETRY_POLYGON: {"Polygon", "MultiPolygon"},
    GEOMETRY_POINT: {"Point"},
    GEOMETRY_LINE: {"LineString", "MultiLineString"},
    GEOMETRY_POLYGON_OR_POINT: {"Polygon", "MultiPolygon", "Point"},
}


@dataclass(frozen=True)
class LayerChange:
    """What changed: ``kind`` is one of reset, added, removed, geometry, attributes."""

    layer: str
    kind: str
    fids: tuple[int, ...] = ()
    columns: tuple[str, ...] = ()


def conform_frame(frame: pd.DataFrame, spec: LayerSpec, crs: Any = None) -> pd.DataFrame:
    """A copy of ``frame`` with the spec's columns present and typed.

    Extra columns are kept after the spec's own. The index becomes an int64
    ``fid`` index; a frame without a usable index is numbered from 1.
    """
    out = frame.copy()
    if not pd.api.types.is_integer_dtype(out.index.dtype) or out.index.has_duplicates:
        out.index = pd.RangeIndex(1, len(out) + 1)
    out.index = pd.Index(np.asarray(out.index, dtype="int64"), name="fid")
    for col in spec.columns:
        if col.name not in out.columns:
            out[col.name] = col.default
        out[col.name] = _coerce(out[col.name], col.dtype, col.default)
    geometry_name = None
    if spec.geometry is not None:
        if not isinstance(out, gpd.GeoDataFrame) or out.geometry.name not in out.columns:
            if "geometry" not in out.columns:
                out["geometry"] = None
            out = gpd.GeoDataFrame(out, geometry="geometry", crs=crs)
        if out.geometry.name != "geometry":
            out = out.rename_geometry("geometry")
        if crs is not None:
            out = out.set_crs(crs, allow_override=True)
        geometry_name = "geometry"
    ordered = spec.column_names
    extra = [c for c in out.columns if c not in ordered and c != geometry_name]
    cols = ordered + extra + ([geometry_name] if geometry_name else [])
    return out[cols]


def _coerce(series: pd.Series, dtype: str, default: object) -> pd.Series:
    if dtype == "string":
        s = series.astype("object").where(series.notna(), default if default is not None else "")
        return s.astype(str).astype("string")
    if dtype == "float64":
        return pd.to_numeric(series, errors="coerce").astype("float64")
    if dtype == "Int64":
        return pd.to_numeric(series, errors="coerce").round().astype("Int64")
    if dtype == "boolean":
        return series.fillna(bool(default)).astype(bool).astype("boolean")
    return series


class FeatureTable:
    """A layer (with geometry) or an attribute-only table of the plan."""

    changed = Signal(object)  # LayerChange

    def __init__(self, spec: LayerSpec, frame: pd.DataFrame | None = None, crs: Any = None):
        self.spec = spec
        self._crs = crs
        base = frame if frame is not None else pd.DataFrame(columns=spec.column_names)
        self._frame = conform_frame(base, spec, crs)
        self._check_geometries(self._frame)

    # -- reading ----------------------------------------------------------
    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def frame(self) -> pd.DataFrame:
        """The data; treat as read-only and change it through the methods."""
        return self._frame

    @property
    def is_spatial(self) -> bool:
        return self.spec.geometry is not None

    @property
    def crs(self) -> Any:
        return self._crs

    def __len__(self) -> int:
        return len(self._frame)

    def fids(self) -> list[int]:
        return [int(i) for i in self._frame.index]

    def row(self, fid: int) -> pd.Series:
        try:
            return self._frame.loc[int(fid)]
        except KeyError:
            raise ModelError(f"{self.name}: no feature with id {fid}") from None

    def geometry(self, fid: int) -> shapely.Geometry:
        return self.row(fid)["geometry"]

    def next_fid(self) -> int:
        return int(self._frame.index.max()) + 1 if len(self._frame) else 1

    def total_bounds(self) -> tuple[float, float, float, float] | None:
        if not self.is_spatial or len(self._frame) == 0:
            return None
        b = self._frame.geometry.total_bounds
        if np.isnan(b).any():
            return None
        minx, miny, maxx, maxy = (float(x) for x in b)
        return minx, miny, maxx, maxy

    # -- changing ---------------------------------------------------------
    def set_crs(self, crs: Any) -> None:
        self._crs = crs
        if self.is_spatial:
            self._frame = self._frame.set_crs(crs, allow_override=True)

    def replace(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Replace every feature; returns the previous frame (for undo)."""
        new = conform_frame(frame, self.spec, self._crs)
        self._check_geometries(new)
        old, self._frame = self._frame, new
        self.changed.emit(LayerChange(self.name, "reset"))
        return old

    def add(self, rows: pd.DataFrame | Sequence[Mapping[str, Any]]) -> list[int]:
        """Append features; rows keep their index as fid when it is free."""
        frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
        if len(frame) == 0:
            return []
        frame = frame.copy()
        keep_index = (
            pd.api.types.is_integer_dtype(frame.index.dtype)
            and not frame.index.has_duplicates
            and not frame.index.isin(self._frame.index).any()
            and not isinstance(frame.index, pd.RangeIndex)
        )
        if not keep_index:
            start = self.next_fid()
            frame.index = pd.RangeIndex(start, start + len(frame))
        new = conform_frame(frame, self.spec, self._crs)
        self._check_geometries(new)
        new = new[[c for c in new.columns if c in self._frame.columns] + [
            c for c in new.columns if c not in self._frame.columns]]
        merged = pd.concat([self._frame, new]) if len(self._frame) else new
        self._frame = self._finish(merged)
        fids = tuple(int(i) for i in new.index)
        self.changed.emit(LayerChange(self.name, "added", fids))
        return list(fids)

    def remove(self, fids: Iterable[int]) -> pd.DataFrame:
        """Remove features; returns the removed rows so undo can restore them."""
        ids = [int(f) for f in fids]
        missing = [f for f in ids if f not in self._frame.index]
        if missing:
            raise ModelError(f"{self.name}: no feature with id {missing[0]}")
        removed = self._frame.loc[ids].copy()
        self._frame = self._frame.drop(index=ids)
        self.changed.emit(LayerChange(self.name, "removed", tuple(ids)))
        return removed

    def set_geometry(self, fid: int, geometry: shapely.Geometry) -> shapely.Geometry:
        """Replace one feature's geometry; returns the old geometry."""
        return self.set_geometries({fid: geometry})[int(fid)]

    def set_geometries(self, geometries: Mapping[int, shapely.Geometry]) -> dict[int, Any]:
        if not self.is_spatial:
            raise ModelError(f"{self.name} has no geometry")
        ids = [int(f) for f in geometries]
        for f in ids:
            self.row(f)
        probe = gpd.GeoDataFrame(geometry=list(geometries.values()), crs=self._crs)
        self._check_geometries(probe)
        old = {f: self._frame.at[f, "geometry"] for f in ids}
        frame = self._frame.copy()
        for f, g in zip(ids, geometries.values(), strict=True):
            frame.at[f, "geometry"] = g
        self._frame = frame
        self.changed.emit(LayerChange(self.name, "geometry", tuple(ids)))
        return old

    def set_attributes(self, fid: int, values: Mapping[str, Any]) -> dict[str, Any]:
        """Change attributes of one feature; returns the old values."""
        f = int(fid)
        self.row(f)
        if "geometry" in values:
            raise ModelError("use set_geometry to change a geometry")
        old = {k: (self._frame.at[f, k] if k in self._frame.columns else None) for k in values}
        frame = self._frame.copy()
        for key, value in values.items():
            if key not in frame.columns:
                frame[key] = pd.Series(pd.NA, index=frame.index, dtype="object")
            frame.at[f, key] = value
        self._frame = self._finish(frame)
        self.changed.emit(LayerChange(self.name, "attributes", (f,), tuple(values)))
        return old

    def set_column(self, column: str, values: Mapping[int, Any]) -> dict[int, Any]:
        """Set one column for many features at once; returns the old values."""
        ids = [int(f) for f in values]
        frame = self._frame.copy()
        if column not in frame.columns:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="object")
        old = {f: frame.at[f, column] for f in ids}
        frame.loc[ids, column] = list(values.values())
        self._frame = self._finish(frame)
        self.changed.emit(LayerChange(self.name, "attributes", tuple(ids), (column,)))
        return old

    # -- internals --------------------------------------------------------
    def _finish(self, frame: pd.DataFrame) -> pd.DataFrame:
        out = conform_frame(frame, self.spec, self._crs)
        return out

    def _check_geometries(self, frame: pd.DataFrame) -> None:
        if self.spec.geometry is None or len(frame) == 0:
            return
        allowed = _ALLOWED_TYPES[self.spec.geometry]
        names = pd.Series(frame.geometry.geom_type, index=frame.index)
        bad = names[names.notna() & ~names.isin(list(allowed))]
        if len(bad):
            fid = bad.index[0]
            raise ModelError(
                f"{self.name}: feature {fid} is a {bad.iloc[0]}, "
                f"this layer takes {', '.join(sorted(allowed))}"
            )

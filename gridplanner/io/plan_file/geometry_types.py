"""One concrete geometry type per plan layer, as QGIS and ArcGIS Pro expect.

A GeoPackage layer declared as generic ``GEOMETRY`` makes QGIS ask which
sub-layer to show. Since schema 2 every plan layer declares one type:

============================  =================
layer                         declared type
============================  =================
boundaries, cells, micro-grids  MultiPolygon
buildings                     MultiPolygon
building_points               Point
centres                       Point
network                       MultiLineString
============================  =================

Buildings may be footprints or points; the points are written to a layer of
their own, ``building_points`` (same columns, same fids), and read back into
the one buildings layer of the plan. Polygons and lines are stored as
multi-geometries and come back as single ones when they have one part, so
the plan model sees exactly what it saved.

Schema 1 files (every polygon and line layer declared ``GEOMETRY``) open as
they are and are written as schema 2 at the next save.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from gridplanner.model.schema import (
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    GEOMETRY_POLYGON_OR_POINT,
)

#: The declared type of a layer, by the schema's geometry kind.
DECLARED: dict[str, str] = {
    GEOMETRY_POLYGON: "MultiPolygon",
    GEOMETRY_POLYGON_OR_POINT: "MultiPolygon",
    GEOMETRY_LINE: "MultiLineString",
    GEOMETRY_POINT: "Point",
}
#: Where the point features of a polygon-or-point layer are stored, by layer.
POINT_LAYERS: dict[str, str] = {"buildings": "building_points"}


def layers_to_write(name: str, kind: str, gdf: gpd.GeoDataFrame
                    ) -> list[tuple[str, gpd.GeoDataFrame, str]]:
    """(GeoPackage layer, features, declared type) to write for one plan layer.

    The footprints of a polygon-or-point layer go to ``name`` and its points
    to :data:`POINT_LAYERS` [name] (only when there are any).
    """
    declared = DECLARED[kind]
    if kind != GEOMETRY_POLYGON_OR_POINT:
        return [(name, gdf, declared)]
    is_point = np.asarray(gdf.geometry.geom_type == "Point")
    out = [(name, gdf[~is_point], declared)]
    if is_point.any():
        out.append((POINT_LAYERS[name], gdf[is_point], "Point"))
    return out


def single_parts(values: np.ndarray) -> np.ndarray:
    """One-part MultiPolygons and MultiLineStrings as Polygons and LineStrings."""
    values = np.asarray(values, dtype=object).copy()
    if len(values) == 0:
        return values
    present = ~shapely.is_missing(values)
    multi = np.zeros(len(values), dtype=bool)
    multi[present] = np.isin(shapely.get_type_id(values[present]), (5, 6)) & (
        shapely.get_num_geometries(values[present]) == 1)
    values[multi] = shapely.get_geometry(values[multi], 0)
    return values

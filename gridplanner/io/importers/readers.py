"""Reading vector files users bring: GeoJSON, Shapefile (also zipped),
GeoPackage and KML, through pyogrio.

``read_vector`` returns a GeoDataFrame indexed by the source feature id, in
the file's own CRS (or WGS84 when GCJ-02/BD-09 input was converted), with
what happened on the way in ``gdf.attrs``: ``source`` (a label naming the
file and layer), ``layer``, ``encoding`` (the text encoding used for a
shapefile) and ``warnings`` (messages for the import report).

Shapefiles from Chinese GIS software often carry GBK text with no ``.cpg``
file; GDAL would then read them as Latin-1 and produce mojibake. We look at
the DBF's text bytes ourselves (:mod:`gridplanner.io.importers.dbf_text`) and never
guess silently.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from pyproj import CRS, Transformer

from gridplanner.errors import CRSError, ImportDataError
from gridplanner.io.chinese_coords import COORD_SYSTEMS, geometries_to_wgs84
from gridplanner.io.crs import WGS84, lonlat_bounds, metric_crs_for, parse_crs
from gridplanner.io.importers.dbf_text import SAMPLE_BYTES, check_given_encoding, shapefile_encoding
from gridplanner.io.importers.guards import (
    ZIP_ERRORS,
    check_feature_count,
    check_file_size,
    check_geometries,
)
from gridplanner.model.limits import InputLimits
from gridplanner.model.plan import Plan

VECTOR_SUFFIXES = (".shp", ".geojson", ".json", ".gpkg", ".kml", ".kmz")
_CRS_HELP = (
    "give it with --source-crs, e.g. EPSG:4326 for GPS/OpenStreetMap longitude-latitude, "
    "EPSG:4490 for CGCS2000 longitude-latitude or EPSG:4547 for CGCS2000 3-degree zone 114°E"
)
#: Display fields the KML drivers add to every feature; not data.
_KML_STYLE_COLUMNS = ("tessellate", "extrude", "visibility", "drawOrder", "icon", "altitudeMode",
                      "begin", "end", "timestamp", "snippet")


class _Source:
    """Where pyogrio finds one layer of a file, and how to name it to the user."""

    def __init__(self, path: Path, gdal_path: str, member: str | None, layer: str | None):
        self.path = path
        self.gdal_path = gdal_path
        self.member = member  # the file inside a .zip, if any
        self.layer = layer
        self.show_layer = layer is not None

    @property
    def is_shapefile(self) -> bool:
        name = self.member or self.gdal_path
        return name.lower().endswith(".shp")

    @property
    def is_kml(self) -> bool:
        return (self.member or self.gdal_path).lower().endswith((".kml", ".kmz"))

    @property
    def label(self) -> str:
        where = str(self.path) + (f"!{self.member}" if self.member else "")
        return where + (f" (layer {self.layer})" if self.layer and self.show_layer else "")

    def sidecar(self, suffix: str, limit: int = SAMPLE_BYTES) -> bytes | None:
        """The first bytes of a shapefile's .dbf/.cpg beside it (or in the zip)."""
        if self.member is not None:
            wanted = str(PurePosixPath(self.member).with_suffix("")).lower() + suffix
            try:
                with zipfile.ZipFile(self.path) as zf:
                    for info in zf.infolist():
                        if info.filename.lower() == wanted:
                            with zf.open(info) as handle:
                                return handle.read(limit)
            except ZIP_ERRORS as exc:
                raise ImportDataError(f"{self.path}!{wanted}: damaged inside the zip file "
                                      f"({exc})") from exc
            return None
        base = Path(self.gdal_path)
        for candidate in (base.with_suffix(suffix), base.with_suffix(suffix.upper())):
            if candidate.exists():
                with open(candidate, "rb") as handle:
                    return handle.read(limit)
        return None


# -- finding layers ---------------------------------------------------------
def _zip_members(path: Path, suffixes: tuple[str, ...] = VECTOR_SUFFIXES) -> list[str]:
    """The members of a zip (or .kmz) with one of ``suffixes``; a member whose
    data do not match its checksum is refused by name."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = [i.filename for i in zf.infolist() if not i.is_dir()]
            damaged = zf.testzip()
    except ZIP_ERRORS as exc:
        raise ImportDataError(f"{path}: not a readable zip file ({exc})") from exc
    if damaged is not None:
        raise ImportDataError(f"{path}!{damaged}: damaged inside the zip file (its data do not "
                              "match their checksum); copy or download the file again")
    return [
        n for n in names
        if n.lower().endswith(suffixes) and not n.startswith("__MACOSX/")
        and not PurePosixPath(n).name.startswith("._")
    ]


def _kml_members(path: Path) -> list[str]:
    """The KML files inside a .kmz."""
    return _zip_members(path, (".kml",))


def _spatial_layers(gdal_path: str, label: str) -> list[str]:
    try:
        rows = pyogrio.list_layers(gdal_path)
    except (pyogrio.errors.DataSourceError, OSError) as exc:
        raise ImportDataError(f"{label}: cannot be read as a GIS file ({_short(exc)})") from exc
    except MemoryError:
        raise
    except Exception as exc:  # pyogrio's own slips on damaged data
        raise ImportDataError(f"{label}: cannot be read; the file is damaged "
                              f"({type(exc).__name__}: {_short(exc)})") from exc
    return [str(name) for name, geom in rows if geom is not None]


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise ImportDataError(f"{path}: no such file")
    if path.is_dir():
        raise ImportDataError(f"{path}: is a folder; choose the .shp, .gpkg, .geojson or .kml file")


def list_layers(path: str | Path) -> list[str]:
    """Names of the layers with geometry in a file, for a layer chooser."""
    p = Path(path)
    _check_exists(p)
    if p.suffix.lower() == ".zip":
        members = _zip_members(p)
        shps = [m for m in members if m.lower().endswith(".shp")]
        if shps:
            return [PurePosixPath(m).stem for m in shps]
        if len(members) == 1:
            return _spatial_layers(f"/vsizip/{p.as_posix()}/{members[0]}", f"{p}!{members[0]}")
        return [PurePosixPath(m).stem for m in members]
    if p.suffix.lower() == ".kmz" and len(kmls := _kml_members(p)) > 1:
        return [PurePosixPath(m).stem for m in kmls]
    if p.suffix.lower() == ".shp":
        return [p.stem]
    return _spatial_layers(str(p), str(p))


def field_names(path: str | Path, *, layer: str | None = None,
                encoding: str | None = None) -> list[str]:
    """The attribute fields of one layer (text decoded as ``read_vector`` would), for
    field choosers; reads no features."""
    src = _resolve(Path(path), layer)
    used = _encoding_for(src, encoding, [])
    info = _through_gdal(src, used, pyogrio.read_info, src.gdal_path, layer=src.layer,
                         encoding=used)
    return [str(f) for f in info["fields"]]


def _resolve(path: Path, layer: str | None) -> _Source:
    """Which file (inside a zip) and which layer to read."""
    _check_exists(path)
    suffix = path.suffix.lower()
    if suffix == ".kmz":
        kmls = _kml_members(path)
        if len(kmls) > 1:  # GDAL would read the first one and say nothing of the others
            return _pick_member(path, kmls, layer, "KML files")
    if suffix != ".zip":
        return _pick_layer(_Source(path, str(path), None, None), layer)
    members = _zip_members(path)
    if not members:
        raise ImportDataError(f"{path}: the zip file holds no .shp, .gpkg, .geojson or .kml file")
    shps = [m for m in members if m.lower().endswith(".shp")]
    candidates = shps or members
    if len(candidates) == 1:
        member = candidates[0]
        src = _Source(path, f"/vsizip/{path.as_posix()}/{member}", member, None)
        return src if shps else _pick_layer(src, layer)
    if shps:
        return _pick_member(path, shps, layer, "layers")
    return _pick_member(path, candidates, layer, "layers")


def _pick_member(path: Path, members: list[str], layer: str | None, what: str) -> _Source:
    """The member of a zip or .kmz that ``layer`` names by its file name (without
    suffix); its only layer, or the layer of that name, is read."""
    names = {PurePosixPath(m).stem: m for m in members}
    if layer is None or layer not in names:
        if layer is None:
            raise ImportDataError(f"{path}: holds {len(names)} {what} ({', '.join(names)}); "
                                  "choose one with --layer")
        raise _layer_error(path, layer, list(names))
    member = names[layer]
    src = _Source(path, f"/vsizip/{path.as_posix()}/{member}", member, layer)
    if src.is_shapefile:
        return src
    inner = _spatial_layers(src.gdal_path, src.label)
    if not inner:
        raise ImportDataError(f"{src.label}: has no layer with geometry")
    src.layer = layer if layer in inner else inner[0]
    if len(inner) > 1 and layer not in inner:
        raise ImportDataError(f"{path}!{member}: holds {len(inner)} layers "
                              f"({', '.join(inner)}); unpack it and choose one of them")
    return src


def _pick_layer(src: _Source, layer: str | None) -> _Source:
    if src.is_shapefile:
        return src
    names = _spatial_layers(src.gdal_path, src.label)
    if not names:
        raise ImportDataError(f"{src.label}: has no layer with geometry")
    if layer is None and len(names) == 1:
        layer = names[0]
    if layer is None or layer not in names:
        raise _layer_error(src.path, layer, names)
    src.layer = layer
    src.show_layer = len(names) > 1
    return src


def _layer_error(path: Path, layer: str | None, names: list[str]) -> ImportDataError:
    listed = ", ".join(names)
    if layer is None:
        return ImportDataError(
            f"{path}: holds {len(names)} layers ({listed}); choose one with --layer"
        )
    return ImportDataError(f"{path}: has no layer {layer!r}; its layers are: {listed}")


# -- reading ------------------------------------------------------------------
def read_vector(
    path: str | Path,
    *,
    layer: str | None = None,
    encoding: str | None = None,
    source_crs: Any = None,
    coords: str = "wgs84",
    limits: InputLimits | None = None,
) -> gpd.GeoDataFrame:
    """Read one layer of a vector file, checked and ready to reproject.

    Parameters
    ----------
    path : a .geojson/.json, .shp, .zip (holding a shapefile), .gpkg or .kml file.
    layer : which layer, when the file holds several (an ImportDataError
        lists them when it is needed and missing).
    encoding : text encoding of a shapefile's DBF; detected when not given.
    source_crs : the CRS to use when the file has none (or to override it).
    coords : ``wgs84``, or ``gcj02``/``bd09`` for longitude/latitude exported
        from Amap/Tencent or Baidu; those are converted to WGS84.
    limits : the plan's input limits (defaults when not given): the file size
        and feature count are checked before reading, vertices, holes and
        finite coordinates of every geometry right after.

    Returns
    -------
    GeoDataFrame indexed by the source feature id, 2-D geometries; see the
    module docstring for ``attrs``.
    """
    if coords not in COORD_SYSTEMS:
        raise ImportDataError(f"unknown coordinates {coords!r}; use {', '.join(COORD_SYSTEMS)}")
    limits = limits or InputLimits()
    check_file_size(Path(path), limits)
    src = _resolve(Path(path), layer)
    notes: list[str] = []
    used_encoding = _encoding_for(src, encoding, notes)
    gdf = _read_frame(src, used_encoding, limits)
    gdf = _settle_crs(gdf, src.label, source_crs, notes)
    if coords == "wgs84" and source_crs in (None, "") and _geojson_without_crs(src):
        notes.append(f"{src.label} names no coordinate system: read as WGS84 longitude/latitude "
                     "(the GeoJSON standard); if it came from Amap/Tencent or Baidu, import "
                     "it with --coords gcj02 or --coords bd09")
    gdf = _to_wgs84_from(gdf, coords, src.label) if coords != "wgs84" else gdf
    gdf.attrs.update(
        source=src.label,
        layer=src.layer if src.show_layer else None,
        encoding=used_encoding,
        warnings=notes,
        coords=coords,
    )
    return gdf


def _geojson_without_crs(src: _Source) -> bool:
    """A GeoJSON file with no ``crs`` member (looked for at its start and end)."""
    if src.member is not None or src.path.suffix.lower() not in (".geojson", ".json"):
        return False
    with open(src.path, "rb") as handle:
        head = handle.read(4096)
        handle.seek(max(0, src.path.stat().st_size - 4096))
        tail = handle.read()
    return b'"crs"' not in head and b'"crs"' not in tail


def _encoding_for(src: _Source, given: str | None, notes: list[str]) -> str | None:
    if not src.is_shapefile:
        if given:
            notes.append(f"--encoding {given} ignored: {src.label} is not a shapefile and is read as UTF-8")
        return None
    dbf = src.sidecar(".dbf")
    if dbf is None:
        raise ImportDataError(f"{src.label}: the shapefile's .dbf file is missing")
    if given:
        return check_given_encoding(dbf, given, src.label)
    cpg = src.sidecar(".cpg")
    return shapefile_encoding(dbf, cpg, src.label, notes)


def _read_frame(src: _Source, encoding: str | None, limits: InputLimits) -> gpd.GeoDataFrame:
    info = _through_gdal(src, encoding, pyogrio.read_info, src.gdal_path, layer=src.layer,
                         encoding=encoding)
    check_feature_count(int(info.get("features", -1)), limits, src.label)
    # Malformed shapes in the file (a ring of two points) are repaired
    # where GEOS can, else read as empty and reported by feature id.
    gdf = _through_gdal(src, encoding, pyogrio.read_dataframe, src.gdal_path, layer=src.layer,
                        encoding=encoding, fid_as_index=True, on_invalid="fix")
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf.columns:
        raise ImportDataError(f"{src.label}: has no geometry column")
    if len(gdf) == 0:
        raise ImportDataError(f"{src.label}: has no features")
    check_feature_count(len(gdf), limits, src.label)
    check_geometries(gdf.geometry.values, gdf.index, limits, src.label)
    if shapely.is_missing(gdf.geometry.values).all():
        raise ImportDataError(f"{src.label}: has no feature with a geometry (a point, line "
                              f"or area) among its {len(gdf):,} features")
    if src.is_kml:
        gdf = gdf.drop(columns=[c for c in _KML_STYLE_COLUMNS if c in gdf.columns])
    gdf = gdf.dropna(axis="columns", how="all").copy() if _has_null_columns(gdf) else gdf
    if gdf.geometry.name != "geometry":
        gdf = gdf.rename_geometry("geometry")
    if shapely.has_z(gdf.geometry.values).any():
        gdf["geometry"] = shapely.force_2d(gdf.geometry.values)
    return gdf


def _through_gdal(src: _Source, text_encoding: str | None, func: Any, *args: Any,
                  **kwargs: Any) -> Any:
    """``func(*args, **kwargs)`` of pyogrio on the user's file; whatever a damaged
    file makes GDAL or pyogrio raise becomes an ImportDataError naming the file."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return func(*args, **kwargs)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as exc:
        raise ImportDataError(f"{src.label}: cannot be read ({_short(exc)})") from exc
    except shapely.errors.ShapelyError as exc:
        raise ImportDataError(f"{src.label}: holds geometry that cannot be read "
                              f"({_short(exc)})") from exc
    except UnicodeDecodeError as exc:
        raise ImportDataError(f"{src.label}: text is not valid "
                              f"{text_encoding or 'UTF-8'} ({exc.reason})") from exc
    except MemoryError:
        raise
    except Exception as exc:  # pyogrio's own slips on damaged data (a broken .prj)
        raise ImportDataError(f"{src.label}: cannot be read; the file is damaged "
                              f"({type(exc).__name__}: {_short(exc)})") from exc


def _has_null_columns(gdf: gpd.GeoDataFrame) -> bool:
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    return bool(cols) and bool(gdf[cols].isna().all().any())


def _settle_crs(gdf: gpd.GeoDataFrame, label: str, source_crs: Any, notes: list[str]):
    if source_crs not in (None, ""):
        crs = parse_crs(source_crs, source=label)
        if gdf.crs is not None and not CRS.from_user_input(gdf.crs).equals(crs):
            notes.append(f"{label} declares {gdf.crs.name}; using {crs.name} as asked")
        gdf = gdf.set_crs(crs, allow_override=True)
    elif gdf.crs is None:
        raise CRSError(f"{label}: the file has no coordinate system (no .prj or crs); {_CRS_HELP}")
    _check_coordinates(gdf, label, explicit=source_crs not in (None, ""))
    return gdf


def _check_coordinates(gdf: gpd.GeoDataFrame, label: str, explicit: bool) -> None:
    """Refuse a file whose coordinates mostly do not fit its CRS (a missing or wrong CRS).

    A few stray features are left to the importer, which skips and reports them.
    """
    values = gdf.geometry.values
    present = ~(shapely.is_missing(values) | shapely.is_empty(values))
    if not present.any():
        return  # every geometry empty; the importer reports that
    corners = shapely.bounds(values[present])[:, :2]
    lon, lat = lonlat_of(corners[:, 0], corners[:, 1], gdf.crs)
    bad = ~plausible_lonlat(lon, lat)
    if bad.mean() <= 0.5:
        return
    x, y = corners[np.argmax(bad)]
    crs = CRS.from_user_input(gdf.crs)
    said = "was given as" if explicit else "declares"
    raise CRSError(
        f"{label}: coordinates such as ({x:.0f}, {y:.0f}) do not fit {crs.name}, which the file "
        f"{said}" + (" (they are not longitude/latitude; GeoJSON without a crs is read as WGS84)"
                     if crs.is_geographic else "")
        + f"; the real coordinate system is missing; {_CRS_HELP}"
    )


def lonlat_of(x: np.ndarray, y: np.ndarray, crs: Any) -> tuple[np.ndarray, np.ndarray]:
    """Longitude/latitude of points in ``crs`` (inf where they cannot be placed)."""
    crs = CRS.from_user_input(crs)
    if crs.is_geographic and crs.equals(WGS84):
        return np.asarray(x, dtype="float64"), np.asarray(y, dtype="float64")
    with np.errstate(all="ignore"):
        lon, lat = Transformer.from_crs(crs, WGS84, always_xy=True).transform(x, y, errcheck=False)
    return np.asarray(lon, dtype="float64"), np.asarray(lat, dtype="float64")


def check_placeable(gdf: gpd.GeoDataFrame, label: str) -> None:
    """Refuse features with a vertex that cannot be placed on the globe (a damaged
    file): in the plan's CRS it would become infinite and the plan could not be drawn."""
    coords, which = shapely.get_coordinates(gdf.geometry.values, return_index=True)
    if len(coords) == 0:
        return
    lon, lat = lonlat_of(coords[:, 0], coords[:, 1], gdf.crs)
    bad = np.flatnonzero(~plausible_lonlat(lon, lat))
    if len(bad):
        x, y = coords[bad[0]]
        raise ImportDataError(
            f"{label}: feature {gdf.index[which[bad[0]]]} has a vertex at ({x:.6g}, {y:.6g}), "
            f"which does not fit {gdf.crs.name}; fix or delete that feature and import again")


def plausible_lonlat(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """True where a longitude/latitude pair is finite and on the globe."""
    finite = np.isfinite(lon) & np.isfinite(lat)
    with np.errstate(invalid="ignore"):
        return finite & (np.abs(lat) <= 90.0) & (lon >= -180.0) & (lon <= 360.0)


def _to_wgs84_from(gdf: gpd.GeoDataFrame, coords: str, label: str) -> gpd.GeoDataFrame:
    crs = CRS.from_user_input(gdf.crs)
    if not crs.is_geographic:
        raise CRSError(
            f"{label}: --coords {coords} is for longitude/latitude exported from online maps, "
            f"but the file is in the projected system {crs.name}"
        )
    gdf = gdf.to_crs(WGS84) if not crs.equals(WGS84) else gdf
    out = gdf.copy()
    out["geometry"] = geometries_to_wgs84(gdf.geometry.values, coords)
    return out.set_crs(WGS84, allow_override=True)


def _short(exc: BaseException) -> str:
    return str(exc).split("; It might help")[0].strip()


# -- plan CRS -----------------------------------------------------------------
def plan_crs_for(plan: Plan, gdf: gpd.GeoDataFrame) -> CRS:
    """The plan's CRS, or (for an empty plan) the metric CRS the data call for."""
    if plan.crs is not None:
        return plan.crs
    bounds = shapely.total_bounds(gdf.geometry.values)
    if np.isnan(bounds).any():
        raise CRSError("cannot choose the plan's coordinate system: the data have no extent")
    lonlat = lonlat_bounds(tuple(bounds), gdf.crs)
    return metric_crs_for(lonlat)


def to_plan_crs(plan: Plan, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``gdf`` in the plan's CRS; an empty plan without a CRS gets one first.

    Importers that must leave the plan untouched on failure use
    :func:`plan_crs_for` and set the CRS only when they commit.
    """
    crs = plan_crs_for(plan, gdf)
    if plan.crs is None:
        plan.set_crs(crs)
    return gdf.to_crs(crs)

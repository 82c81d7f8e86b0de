"""Hostile and damaged input files, made in code, for the import tests, the fuzz
suite and the memory benchmark (the cases of issue 14's campaign).

Every function writes into a given folder and returns the path. Coordinates
lie in Beijing (116.39 E, 39.9 N) unless a case is about coordinates.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl

LON, LAT = 116.39, 39.90
KML_NS = "http://www.opengis.net/kml/2.2"
_SENTINEL = 12345.5


def _square(x: float, y: float, d: float) -> list[list[float]]:
    return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]


def geojson(path: Path, features: list[dict]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               ensure_ascii=False), encoding="utf-8")
    return path


def polygon_feature(name: str, rings: list, **props) -> dict:
    return {"type": "Feature", "properties": {"name": name, **props},
            "geometry": {"type": "Polygon", "coordinates": rings}}


def communities_geojson(path: Path) -> Path:
    """Two valid community squares side by side."""
    return geojson(path, [polygon_feature(f"社区{i}", [_square(LON + i * 0.01, LAT, 0.01)])
                          for i in range(2)])


def many_holes_geojson(path: Path, holes: int = 20_000) -> Path:
    """One polygon with ``holes`` small holes that overlap their neighbours (invalid:
    repairing it is what took 17.5 GB)."""
    side = int(holes ** 0.5) + 1
    step = 0.01 / (side + 1)
    rings = [_square(LON, LAT, 0.01)]
    for i in range(holes):
        x = LON + step * (i % side + 0.5)
        y = LAT + step * (i // side + 0.5)
        rings.append(_square(x, y, step * 1.3))
    return geojson(path, [polygon_feature("孔洞", rings)])


def non_finite_geojson(path: Path, value: str = "NaN", lines: bool = False) -> Path:
    """A GeoJSON (JSON5-style literal) with one vertex at NaN or Infinity."""
    good = _square(LON, LAT, 0.001)
    if lines:
        feats = [{"type": "Feature", "properties": {"name": "路"},
                  "geometry": {"type": "LineString", "coordinates": [[LON, LAT], [LON + 0.01, _SENTINEL]]}},
                 {"type": "Feature", "properties": {"name": "街"},
                  "geometry": {"type": "LineString", "coordinates": [[LON, LAT], [LON, LAT + 0.01]]}}]
    else:
        feats = [polygon_feature("甲", [_square(LON + 0.002, LAT, 0.001)]),
                 polygon_feature("乙", [[good[0], [LON + 0.001, _SENTINEL], *good[2:]]])]
    return _write_non_finite(path, feats, value)


def _write_non_finite(path: Path, feats: list[dict], value: str) -> Path:
    text = json.dumps({"type": "FeatureCollection", "features": feats})
    path.write_text(text.replace(str(_SENTINEL), value, 1), encoding="utf-8")
    return path


def _kml_document(placemarks: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><kml xmlns="{KML_NS}"><Document>'
            f"{placemarks}</Document></kml>")


def kml_polygon(name: str, x: float = LON, y: float = LAT) -> str:
    coords = " ".join(f"{a},{b}" for a, b in _square(x, y, 0.005))
    return (f"<Placemark><name>{name}</name><Polygon><outerBoundaryIs><LinearRing>"
            f"<coordinates>{coords}</coordinates></LinearRing></outerBoundaryIs></Polygon>"
            "</Placemark>")


def kml_without_geometry(path: Path) -> Path:
    path.write_text(_kml_document("<Placemark><name>无图形</name></Placemark>"), encoding="utf-8")
    return path


def kmz_with_two_kml(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("doc.kml", _kml_document(kml_polygon("甲社区")))
        zf.writestr("more.kml", _kml_document(kml_polygon("乙社区", LON + 0.01)))
    return path


def zip_with_bad_crc(path: Path) -> Path:
    """A zip whose GeoJSON member was changed after its checksum was written."""
    src = communities_geojson(path.with_suffix(".src.geojson"))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.write(src, "communities.geojson")
    src.unlink()
    data = bytearray(path.read_bytes())
    at = data.find("社区0".encode())
    data[at + 6:at + 7] = b"9"  # "社区0" -> "社区9" in the stored bytes only
    path.write_bytes(bytes(data))
    return path


def xlsx_far_cell(path: Path, header: tuple[str, ...] = ("姓名", "电话")) -> Path:
    """A ~5 KB workbook whose one extra cell sits at XFD1048576 (declared so)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(header))
    ws.append(["王小明", "13800000001"])
    ws["XFD1048576"] = "x"
    wb.save(path)
    return path


def xlsx_lying_dimension(path: Path, row: int = 900_000) -> Path:
    """A workbook that declares A1:B2 but holds a cell at row ``row``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "电话"])
    ws.append(["王小明", "13800000001"])
    ws.cell(row=row, column=1, value="远")
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = members[sheet].replace(f'ref="A1:B{row}"'.encode(), b'ref="A1:B2"')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def sparse_csv(path: Path, size: int = 2 * 1024 ** 3) -> Path:
    """A CSV of ``size`` bytes (sparse on disk: a header, then a hole)."""
    with open(path, "wb") as handle:
        handle.write("姓名,电话\n王小明,13800000001\n".encode())
        handle.truncate(size)
    return path


def csv_text(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    import csv

    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path

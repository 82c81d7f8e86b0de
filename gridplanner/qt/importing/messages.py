"""Import messages as the window shows them: in the UI language, about the dialog.

The importers (Qt-free) write their messages for the command line, in
English and naming options such as ``--code-field``. :func:`ui_text`
rebuilds the common ones from a translatable template that speaks of the
Import Data dialog's own fields ("the Code field box"), calls a GeoPackage
that SQLite cannot read "damaged or not a GeoPackage" instead of quoting
SQL, and says when latitude and longitude look swapped. Anything else keeps
its wording, with every remaining command-line option replaced by the name
of the dialog field that sets it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ImportMessages"

#: Command-line option → the Import Data dialog field that sets it.
FIELD_OF_OPTION: dict[str, str] = {
    "source-crs": QT_TRANSLATE_NOOP("ImportMessages", "Source CRS"),
    "coords": QT_TRANSLATE_NOOP("ImportMessages", "Coordinates"),
    "layer": QT_TRANSLATE_NOOP("ImportMessages", "Layer"),
    "encoding": QT_TRANSLATE_NOOP("ImportMessages", "Encoding"),
    "households-field": QT_TRANSLATE_NOOP("ImportMessages", "Households field"),
    "households": QT_TRANSLATE_NOOP("ImportMessages", "Households field"),
    "residents-field": QT_TRANSLATE_NOOP("ImportMessages", "Residents field"),
    "residents": QT_TRANSLATE_NOOP("ImportMessages", "Residents field"),
    "name-field": QT_TRANSLATE_NOOP("ImportMessages", "Name field"),
    "name": QT_TRANSLATE_NOOP("ImportMessages", "Name field"),
    "code-field": QT_TRANSLATE_NOOP("ImportMessages", "Code field"),
    "code": QT_TRANSLATE_NOOP("ImportMessages", "Code field"),
    "community-field": QT_TRANSLATE_NOOP("ImportMessages", "Community field"),
    "community": QT_TRANSLATE_NOOP("ImportMessages", "Community field"),
    "kind-field": QT_TRANSLATE_NOOP("ImportMessages", "Grid type field"),
    "kind": QT_TRANSLATE_NOOP("ImportMessages", "Grid type field"),
    "level": QT_TRANSLATE_NOOP("ImportMessages", "Boundary level"),
    "level-field": QT_TRANSLATE_NOOP("ImportMessages", "Boundary level"),
    "snap-tolerance": QT_TRANSLATE_NOOP("ImportMessages", "Snap tolerance"),
    "key-field": QT_TRANSLATE_NOOP("ImportMessages", "Key column"),
    "building-field": QT_TRANSLATE_NOOP("ImportMessages", "Match buildings by"),
    "group-field": QT_TRANSLATE_NOOP("ImportMessages", "Population groups"),
    "grid-field": QT_TRANSLATE_NOOP("ImportMessages", "Grid column"),
    "replace": QT_TRANSLATE_NOOP("ImportMessages", "Replace the layer's features"),
    "fix-overlaps": QT_TRANSLATE_NOOP("ImportMessages", "Fix overlaps"),
    "no-fix-overlaps": QT_TRANSLATE_NOOP("ImportMessages", "Fix overlaps"),
}

#: (pattern over the English message, template with %1… for its groups). A
#: group named ``f<n>`` is an option or field word, shown as the dialog field.
TEMPLATES: tuple[tuple[str, str], ...] = (
    (r"(?P<file>.+\.gpkg)(?: \(layer .*\))?: cannot be read.*",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: the file is damaged or not a GeoPackage")),
    (r"(?P<file>.+?): coordinates such as \((?P<a>-?[\d.]+), (?P<b>-?[\d.]+)\) do not fit "
     r"(?:WGS 84|China Geodetic Coordinate System 2000).*",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: latitude and longitude look swapped (a point "
                       "reads %2, %3): the file gives latitude first. Swap the columns, or "
                       "choose its coordinate system in the Source CRS box")),
    (r"(?P<file>.+?): longitude/latitude columns hold values outside ±180/±90",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: the longitude and latitude columns hold values "
                       "outside ±180/±90: latitude and longitude look swapped, or the values "
                       "are not degrees")),
    (r"(?P<file>.+?): cannot be read as a GIS file \((?P<detail>.+)\)",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: cannot be read as a GIS file; check that it is "
                       "a complete Shapefile, GeoJSON, GeoPackage or KML (reader said: %2)")),
    (r"(?P<file>.+?): no \.cpg file; text detected as (?P<enc>[\w-]+)",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: no .cpg file; the text was read as %2 (choose "
                       "another in the Encoding box if names look wrong)")),
    (r"residents estimated for (?P<n>[\d,]+) buildings as households × (?P<k>[\d.]+) "
     r"\(average household size\)",
     QT_TRANSLATE_NOOP("ImportMessages", "residents estimated for %1 buildings as households "
                       "× %2 (average household size)")),
    (r"(?P<n>[\d,]+) slivers and gaps up to (?P<tol>[\d.]+) m closed \((?P<detail>.+)\), "
     r"(?P<area>[\d,.]+) m² in all",
     QT_TRANSLATE_NOOP("ImportMessages", "%1 slivers and gaps up to %2 m closed (%3), %4 m² in "
                       "all")),
    (r"(?P<one>.+?) and (?P<two>.+?) overlap by (?P<area>[\d,.]+) m²: given to (?P<to>.+?) "
     r"\((?P<why>.+)\)",
     QT_TRANSLATE_NOOP("ImportMessages", "%1 and %2 overlap by %3 m²: given to %4 (%5)")),
    (r"(?P<file>.+?): no such file",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: no such file")),
    (r"(?P<what>.+?) read from field '(?P<field>.+)' \(guessed; choose another with "
     r"--(?P<f1>[\w-]+)\)",
     QT_TRANSLATE_NOOP("ImportMessages", "%1 read from field “%2” (guessed; choose another in "
                       "the %3 box)")),
    (r"(?P<file>.+?): has no field '(?P<field>.+)' for (?P<f1>[\w ]+); its fields are: "
     r"(?P<fields>.+)",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: has no field “%2” for the %3 box; its fields "
                       "are: %4")),
    (r"the snap tolerance must be between 0 and 50 m, not (?P<value>.+)",
     QT_TRANSLATE_NOOP("ImportMessages", "The snap tolerance must be between 0 and 50 m, "
                       "not %1")),
    (r"(?P<file>.+?): name the column holding the building key \(name, number or address\)",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: choose the column holding the building key "
                       "(name, number or address) in the Key column box")),
    (r"(?P<file>.+?): has no column '(?P<col>.+)' for the building key; its first row reads: "
     r"(?P<row>.+)",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: has no column “%2” (the Key column); its first "
                       "row reads: %3")),
    (r"(?P<file>.+?): no key matches any building attribute \((?P<cols>.+)\); name the "
     r"attribute to match on",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: no key matches any attribute of the buildings "
                       "(%2); choose the attribute in the Match buildings by box")),
    (r"(?P<file>.+?): the plan has no buildings to join the table to; import the buildings "
     r"first",
     QT_TRANSLATE_NOOP("ImportMessages", "%1: the plan has no buildings yet to join the table "
                       "to; import the buildings first")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(option: str) -> str:
    """The dialog field (translated, in quotes) that sets a command-line option."""
    key = option.removeprefix("--").strip().replace("_", "-").replace(" ", "-")
    label = FIELD_OF_OPTION.get(key)
    return _tr("“%1”").replace("%1", _tr(label)) if label else option


def _swapped(a: str, b: str) -> bool:
    try:
        first, second = abs(float(a)), abs(float(b))
    except ValueError:
        return False
    return first <= 90 < second <= 180


def ui_text(message: str) -> str:
    """``message`` from an importer, for the window (see the module docstring)."""
    text = " ".join(str(message).split())
    for pattern, template in TEMPLATES:
        match = re.fullmatch(pattern, text)
        if match is None:
            continue
        groups = match.groupdict()
        if "a" in groups and not _swapped(groups["a"], groups["b"]):
            continue
        values = [field_label(v) if re.fullmatch(r"f\d+", k) else v for k, v in groups.items()]
        out = _tr(template)
        for i, value in enumerate(values, start=1):
            out = out.replace(f"%{i}", value)
        return out
    return re.sub(r"--(no-)?([a-z][\w-]*)",
                  lambda m: field_label(m.group(2)) if m.group(2) in FIELD_OF_OPTION
                  else m.group(0), text)

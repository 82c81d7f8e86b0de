"""`gridplanner import PLAN KIND FILE`: bring a GIS file into a plan.

The plan file is written (atomically) only after the whole import has
succeeded; on any data error the command prints one line and exits 1 with
the plan file untouched.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gridplanner.cli.common import open_plan, print_json, write_plan
from gridplanner.io.chinese_coords import COORD_SYSTEMS
from gridplanner.io.importers.registry import (
    IMPORT_KINDS,
    ImportOptions,
    ImportReport,
    importer_for,
    with_plan_limits,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import boundaries, buildings, existing grid cells, a building ledger, network, "
        "centres or the roster from a file",
        description="Import a GeoJSON, Shapefile (.shp or zipped), GeoPackage or KML file "
        "into a plan. The plan is saved only when the whole import succeeds.",
    )
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("kind", choices=list(IMPORT_KINDS), help="what the file holds")
    p.add_argument("file", help="file to import")
    p.add_argument("--layer", help="layer to read when the file holds several")
    p.add_argument("--encoding", help="text encoding of a shapefile (e.g. gbk, utf-8); "
                   "detected when not given")
    p.add_argument("--source-crs", metavar="CRS",
                   help="coordinate system of a file that has none (e.g. EPSG:4547)")
    p.add_argument("--coords", choices=COORD_SYSTEMS, default="wgs84",
                   help="longitude/latitude flavour: wgs84 (GPS, OSM), gcj02 (Amap, Tencent) "
                   "or bd09 (Baidu); default wgs84")
    p.add_argument("--households-field", metavar="F", help="field with households (户数)")
    p.add_argument("--residents-field", metavar="F", help="field with residents (人口)")
    p.add_argument("--name-field", metavar="F", help="field with the feature name")
    p.add_argument("--floors-field", metavar="F", help="buildings: field with the number of floors")
    p.add_argument("--height-field", metavar="F", help="buildings: field with the height in metres")
    p.add_argument("--code-field", metavar="F",
                   help="boundaries: field with the area code; cells: field with the grid code")
    p.add_argument("--community-field", metavar="F",
                   help="cells: field naming each grid's community (used where the plan has "
                   "no community boundaries); branches: column with the community")
    p.add_argument("--kind-field", metavar="F",
                   help="cells: field with the grid type (综合网格 / 专属网格)")
    p.add_argument("--snap-tolerance", metavar="M", type=float,
                   help="cells, boundaries: slivers and gaps up to M metres between neighbours "
                   "are closed (default 1)")
    p.add_argument("--grid-field", metavar="COL",
                   help="workers, branches: the column naming each person's or branch's grid "
                   "(所属网格: a grid code or name; guessed when not given)")
    p.add_argument("--fix-overlaps", action=argparse.BooleanOptionalAction, default=None,
                   help="boundaries: give each overlap between neighbours to the one holding "
                   "its buildings (else the longer shared edge) and close narrow gaps "
                   "(default on; --no-fix-overlaps only reports them)")
    p.add_argument("--key-field", metavar="COL",
                   help="building-data: the table column with the building key (name, number "
                   "or address)")
    p.add_argument("--building-field", metavar="FIELD",
                   help="building-data: the buildings' attribute the key matches (guessed: "
                   "the one matching most keys)")
    p.add_argument("--group-field", metavar="COL", action="append", default=None,
                   help="building-data: a column counting a population group, e.g. 独居老人 "
                   "(repeatable; guessed from the headers when not given)")
    p.add_argument("--parent-field", metavar="F",
                   help="boundaries: field with the name of the parent area")
    p.add_argument("--level", help="boundaries: level of every feature "
                   "(subdistrict, community, compound; or 街道, 社区, 小区)")
    p.add_argument("--level-field", metavar="F", help="boundaries: field holding each level")
    p.add_argument("--replace", action="store_true",
                   help="replace the layer's features instead of adding to them")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                   type=_key_value, help="importer-specific option (repeatable), e.g. "
                   "default_floors=6 or persons_per_household=2.5; limit.NAME=N raises one of "
                   "the plan's input limits for this import (max_file_mb, max_features, "
                   "max_sheet_rows, max_sheet_columns, max_vertices, max_holes)")
    p.add_argument("--dry-run", action="store_true",
                   help="check the file and print the report without saving the plan")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    p.set_defaults(func=cmd_import)


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value.strip()


def options_from_args(args: argparse.Namespace) -> ImportOptions:
    """ImportOptions from the parsed command line."""
    extra: dict[str, object] = dict(args.option)
    for key in ("floors_field", "height_field", "code_field", "parent_field", "community_field",
                "kind_field", "snap_tolerance", "key_field", "building_field", "fix_overlaps"):
        if getattr(args, key, None) is not None:
            extra[key] = getattr(args, key)
    if getattr(args, "grid_field", None):
        extra["column.cell"] = args.grid_field
    if getattr(args, "kind", None) in ("workers", "branches") and args.community_field:
        extra["column.community"] = args.community_field
    if getattr(args, "group_field", None):
        extra["group_fields"] = list(args.group_field)
    return ImportOptions(
        layer=args.layer,
        encoding=args.encoding,
        source_crs=args.source_crs,
        coords=args.coords,
        households_field=args.households_field,
        residents_field=args.residents_field,
        name_field=args.name_field,
        level=args.level,
        level_field=args.level_field,
        replace=args.replace,
        extra=extra,
    )


def report_json(report: ImportReport) -> dict:
    return {
        "kind": report.kind,
        "file": report.file,
        "layer": report.layer,
        "added": report.added,
        "replaced": report.replaced,
        "repaired": list(report.repaired),
        "skipped": list(report.skipped),
        "warnings": list(report.warnings),
        **({"counts": dict(report.counts)} if report.counts else {}),
    }


def cmd_import(args: argparse.Namespace) -> int:
    importer = importer_for(args.kind)  # "not yet supported" before touching anything
    plan = open_plan(args.plan, for_update=not args.dry_run)
    options = with_plan_limits(plan, options_from_args(args))
    report = importer(plan, Path(args.file), options)
    if not args.dry_run:
        write_plan(plan, args.plan)
    if args.json:
        print_json(report_json(report))
    else:
        print("\n".join(report.lines()))
        if args.dry_run:
            print(f"dry run: {args.plan} not changed")
    return 0

"""`gridplanner assign` (auto-assignment of the roster) and `gridplanner export`.

``assign PLAN --auto`` prints the proposal (``--json`` for JSON: keys
``items``, ``unmet`` and, with ``--accept``, ``applied`` and ``saved``);
``--accept`` applies it (or only the ``--only`` items) and saves the plan
atomically. ``export PLAN`` writes any of .xlsx, .csv, .gpkg, a Shapefile
folder, .geojson, .html and .pdf; the PDF comes from
``gridplanner.render.print_layout:export_pdf`` when that module is present.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import Any

from gridplanner.cli.common import open_plan, print_json, write_plan
from gridplanner.errors import NotSupportedYetError
from gridplanner.io.labels import LANGUAGES

PDF_EXPORTER = "gridplanner.render.print_layout:export_pdf"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("assign", help="propose (and accept) who works on which grid",
                       description="Propose a full-time worker and a leader for every grid, "
                       "extra workers where households per worker are too many, and joint "
                       "Party branches for grids whose branch is too small.")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--auto", action="store_true", required=True,
                   help="propose assignments automatically")
    p.add_argument("--accept", action="store_true", help="apply the proposal and save the plan")
    p.add_argument("--only", nargs="+", metavar="ID",
                   help="with --accept: apply only these proposal items")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_assign)

    p = sub.add_parser("export", help="write the roster and layers to Excel, CSV, GIS files, "
                       "a web map or PDF")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--xlsx", metavar="F", help="Excel workbook, one sheet per community")
    p.add_argument("--csv", metavar="F", help="CSV table (UTF-8 with BOM)")
    p.add_argument("--gpkg", metavar="F", help="GeoPackage with cells, centres, coverage, gaps")
    p.add_argument("--shp", metavar="DIR", help="folder of Shapefiles (UTF-8)")
    p.add_argument("--geojson", metavar="F", help="GeoJSON (WGS84); other layers beside it")
    p.add_argument("--html", metavar="F", help="web map that opens without a server")
    p.add_argument("--pdf", metavar="F", help="printed grid maps (PDF)")
    p.add_argument("--paper", choices=("a4", "a3"), default="a4", help="PDF paper size")
    p.add_argument("--per", choices=("community", "cell"), default="community",
                   help="PDF: one page per community or per grid cell")
    p.add_argument("--orientation", choices=("auto", "portrait", "landscape"), default="auto",
                   help="PDF page orientation")
    p.add_argument("--lang", choices=LANGUAGES, default="zh_CN",
                   help="language of headers and legends (default zh_CN)")
    p.add_argument("--no-tiles", action="store_true",
                   help="web map without the online OpenStreetMap background")
    p.add_argument("--json", action="store_true", help="print the files written as JSON")
    p.set_defaults(func=cmd_export, parser=p)


# -- assign ------------------------------------------------------------------------------
def cmd_assign(args: argparse.Namespace) -> int:
    from gridplanner.analysis.people.assignment import apply_proposal, propose_assignment

    plan = open_plan(args.plan, for_update=args.accept)
    proposal = propose_assignment(plan)
    data: dict[str, Any] = proposal.to_json()
    if args.accept:
        applied = apply_proposal(plan, proposal, args.only)
        write_plan(plan, args.plan)
        data.update(applied=applied, saved=str(args.plan))
    if args.json:
        print_json(data)
        return 0
    for item in proposal:
        print(f"{item.id:<5} {item.cell:<20} {item.what:<17} {item.who}  — {item.reason}")
    for need in proposal.unmet:
        print(f"unmet: {need}")
    if not proposal.items and not proposal.unmet:
        print("nothing to assign: every grid has its team and branch")
    if args.accept:
        print(f"applied {len(data['applied'])} of {len(proposal)} items; saved {args.plan}")
    return 0


# -- export ------------------------------------------------------------------------------
def pdf_exporter() -> Any:
    """The print-layout PDF exporter, or NotSupportedYetError while it is missing."""
    module_name, func_name = PDF_EXPORTER.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name in (module_name, "gridplanner.render"):
            raise NotSupportedYetError("PDF export is not yet supported") from None
        raise
    func = getattr(module, func_name, None)
    if func is None:
        raise NotSupportedYetError("PDF export is not yet supported")
    return func


def cmd_export(args: argparse.Namespace) -> int:
    targets = {k: getattr(args, k) for k in ("xlsx", "csv", "gpkg", "shp", "geojson", "html",
                                             "pdf")}
    if not any(targets.values()):
        args.parser.error("give at least one of --xlsx, --csv, --gpkg, --shp, --geojson, "
                          "--html, --pdf")
    plan = open_plan(args.plan)
    written: list[str] = []
    for kind, path in targets.items():
        if path and kind != "pdf":
            for out in _export_one(plan, kind, path, args):
                written.append(str(out))
                if not args.json:
                    print(f"wrote {out}")
    if targets["pdf"]:
        export_pdf = pdf_exporter()
        out = export_pdf(plan, Path(targets["pdf"]), paper=args.paper, per=args.per,
                         orientation=args.orientation, lang=args.lang)
        written.append(str(out or targets["pdf"]))
        if not args.json:
            print(f"wrote {written[-1]}")
    if args.json:
        print_json({"written": written})
    return 0


def _export_one(plan: Any, kind: str, path: str, args: argparse.Namespace) -> list[Path]:
    lang = args.lang
    if kind in ("xlsx", "csv"):
        from gridplanner.io.exporters.tables import export_csv, export_xlsx

        return [(export_xlsx if kind == "xlsx" else export_csv)(plan, path, lang=lang)]
    if kind == "html":
        from gridplanner.io.exporters.web import export_html

        return [export_html(plan, path, lang=lang, tiles=None if args.no_tiles
                            else "OpenStreetMap")]
    from gridplanner.io.exporters.layers import export_geojson, export_gpkg, export_shapefiles

    if kind == "gpkg":
        return [export_gpkg(plan, path, lang=lang)]
    if kind == "shp":
        return export_shapefiles(plan, path, lang=lang)
    return export_geojson(plan, path, lang=lang)

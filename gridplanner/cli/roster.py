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
from gridplanner.errors import ModelError, NotSupportedYetError
from gridplanner.io.labels import LANGUAGES

PDF_EXPORTER = "gridplanner.render.print_layout:export_pdf"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("assign", help="propose (and accept) who works on which grid",
                       description="Propose a full-time worker and a leader for every grid, "
                       "extra workers where households per worker are too many, and joint "
                       "Party branches for grids whose branch is too small.")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--auto", action="store_true",
                   help="propose assignments automatically (also reporting Party members to "
                   "their home building's grid and volunteers balanced by households)")
    p.add_argument("--accept", action="store_true", help="apply the proposal and save the plan")
    p.add_argument("--only", nargs="+", metavar="ID",
                   help="with --accept: apply only these proposal items")
    p.add_argument("--organisation", action="store_true",
                   help="with --auto: also propose community committees, compound branches "
                   "and building Party groups from the buildings' Party-member column")
    p.add_argument("--register", choices=("party-members", "volunteers", "staff"),
                   help="assign one person of this register (with --person and --grid, "
                   "--micro, --centre or --clear) and save the plan")
    p.add_argument("--person", metavar="NAME", help="with --register: the person's name")
    p.add_argument("--phone", help="with --register: the phone, when two people share a name")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--grid", metavar="CODE", help="grid cell code or name")
    target.add_argument("--micro", metavar="CODE", help="micro-grid code")
    target.add_argument("--centre", metavar="NAME", help="centre name (staff)")
    target.add_argument("--clear", action="store_true", help="remove the assignment")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_assign, parser=p)

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

    if args.register:
        return _assign_person(args)
    if not args.auto:
        args.parser.error("give --auto, or --register with --person")
    plan = open_plan(args.plan, for_update=args.accept)
    proposal = propose_assignment(plan)
    extra = _extra_proposals(plan, args.organisation)
    data: dict[str, Any] = proposal.to_json()
    data.update({k: [i.to_json() for i in v] for k, v in extra.items()})
    if args.accept:
        only = None if args.only is None else [i for i in args.only
                                               if not i.startswith(("r", "o"))]
        applied = apply_proposal(plan, proposal, only)
        applied += _apply_extra(plan, extra, args.only)
        write_plan(plan, args.plan)
        data.update(applied=applied, saved=str(args.plan))
    if args.json:
        print_json(data)
        return 0
    for item in [*proposal, *(i for v in extra.values() for i in v)]:
        print(f"{item.id:<5} {getattr(item, 'cell', '') or item.community:<20} "
              f"{item.what:<17} {item.who}  — {item.reason}")
    for need in proposal.unmet:
        print(f"unmet: {need}")
    total = len(proposal) + sum(len(v) for v in extra.values())
    if not total and not proposal.unmet:
        print("nothing to assign: every grid has its team and branch")
    if args.accept:
        print(f"applied {len(data['applied'])} of {total} items; saved {args.plan}")
    return 0


def _extra_proposals(plan: Any, organisation: bool) -> dict[str, list[Any]]:
    """Register items (``register_items``, when the plan has registers) and, when
    asked, organisation items (``organisation_items``)."""
    from gridplanner.analysis.people.organisation_proposal import propose_organisation
    from gridplanner.analysis.people.register_assignment import propose_registers

    out: dict[str, list[Any]] = {}
    if len(plan.layer("party_members")) or len(plan.layer("volunteers")):
        out["register_items"] = propose_registers(plan)
    if organisation:
        out["organisation_items"] = propose_organisation(plan).items
    return out


def _apply_extra(plan: Any, extra: dict[str, list[Any]], only: list[str] | None) -> list[str]:
    from gridplanner.analysis.people.organisation_proposal import apply_org_proposal
    from gridplanner.analysis.people.register_assignment import apply_register_items

    if only is not None:
        known = {i.id for v in extra.values() for i in v}
        unknown = [i for i in only if i.startswith(("r", "o")) and i not in known]
        if unknown:
            raise ModelError(f"the proposal has no item {unknown[0]!r}")
    applied = apply_register_items(plan, extra.get("register_items", []), only)
    if "organisation_items" in extra:
        ids = None if only is None else [i for i in only if i.startswith("o")]
        applied += apply_org_proposal(plan, extra["organisation_items"], ids)
    return applied


def _assign_person(args: argparse.Namespace) -> int:
    """``assign PLAN --register KIND --person NAME --grid|--micro|--centre|--clear``."""
    import pandas as pd

    from gridplanner.analysis.people.register_assignment import assign_person, register_table

    if not args.person or not (args.grid or args.micro or args.centre or args.clear):
        args.parser.error("--register needs --person and one of --grid, --micro, --centre, "
                          "--clear")
    plan = open_plan(args.plan, for_update=True)
    table = register_table(args.register)
    fid = _find(plan.layer(table).frame, "name", args.person, f"{args.register} register",
                phone=args.phone)
    cell = micro = centre = None
    if args.grid:
        cells = plan.cells.frame
        cell = _find(cells, "code", args.grid, "grid cells", also="name")
    elif args.micro:
        micro = _find(plan.layer("micro_grids").frame, "code", args.micro, "micro-grids")
    elif args.centre:
        centre = _find(plan.centres.frame, "name", args.centre, "centres")
    assign_person(plan, table, fid, cell, micro, centre)
    write_plan(plan, args.plan)
    row = plan.layer(table).frame.loc[fid]
    data = {"register": args.register, "person_fid": fid, "name": str(row["name"]),
            **{k: (None if pd.isna(row[k]) else int(row[k]))
               for k in ("cell_fid", "micro_fid", "centre_fid") if k in row.index},
            "saved": str(args.plan)}
    if args.json:
        print_json(data)
    else:
        where = args.grid or args.micro or args.centre or "nowhere"
        print(f"{row['name']} ({args.register}) assigned to {where}; saved {args.plan}")
    return 0


def _find(frame: Any, column: str, text: str, what: str, also: str | None = None,
          phone: str | None = None) -> int:
    hits = frame.index[frame[column].astype(str).str.strip() == text.strip()]
    if len(hits) == 0 and also:
        hits = frame.index[frame[also].astype(str).str.strip() == text.strip()]
    if phone and len(hits) > 1:
        digits = "".join(ch for ch in phone if ch.isdigit())
        hits = [h for h in hits if "".join(ch for ch in str(frame.at[h, "phone"])
                                           if ch.isdigit()) == digits]
    if len(hits) == 0:
        raise ModelError(f"no {text!r} in the {what}")
    if len(hits) > 1:
        raise ModelError(f"{len(hits)} entries named {text!r} in the {what}; give --phone")
    return int(hits[0])


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

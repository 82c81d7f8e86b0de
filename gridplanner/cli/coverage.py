"""`gridplanner coverage`, `isochrones` and `suggest-sites`: walking coverage headless."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import numpy as np
import pyogrio

from gridplanner.cli.common import open_plan, parse_float_list, print_json
from gridplanner.errors import AnalysisError, ExportError, ImportDataError
from gridplanner.io.plan_file.targets import refuse_plan_target


def _levels(text: str) -> list[float]:
    return parse_float_list(text, "levels")


def _minutes(text: str) -> list[float]:
    return parse_float_list(text, "minutes")


def _share(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100.0 if text.endswith("%") else 1.0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a share: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("the target share must be in (0, 1], e.g. 0.85 or 85%")
    return value


def _add_levels(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--levels", type=_levels, metavar="M,M,...",
                   help="walking distances in metres (default: the plan's, 300,500,1000)")
    g.add_argument("--minutes", type=_minutes, metavar="MIN,MIN,...",
                   help="walking times in minutes, turned into metres with --speed")
    p.add_argument("--speed", type=float, metavar="M/S",
                   help="walking speed for --minutes in m/s (default: the plan's, 1.0)")
    p.add_argument("--service", metavar="NAME", help="only centres offering this service")


def _add_scenario(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", metavar="NAME",
                   help="only the centres of this scenario (default: every centre)")
    p.add_argument("--compare", metavar="NAME",
                   help="compare with the centres of this scenario ('all' for every centre)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("coverage", help="walking distance from every building to its nearest centre")
    p.add_argument("plan", help="plan file (.gpkg)")
    _add_levels(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--buildings-out", metavar="FILE", help="write every building with "
                   "distance_m, nearest_centre and covered_<level> (.csv or .gpkg)")
    _add_scenario(p)
    p.add_argument("--now", action="store_true",
                   help="only centres open now (built and pilot), not planned ones")
    p.add_argument("--solver", choices=("auto", "exact", "greedy"), default="auto",
                   help="capacity allocation: exact (PuLP) where the size allows, or greedy")
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("isochrones", help="write the area each centre reaches on foot")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--out", required=True, metavar="FILE.gpkg", help="GeoPackage to write")
    p.add_argument("--mode", choices=("overlap", "dissolve", "split"), default="overlap",
                   help="a polygon per centre (overlap), one per level (dissolve), or each "
                   "place to its nearest centre (split); default overlap")
    _add_levels(p)
    p.add_argument("--width", type=float, metavar="M", help="half-width of the band along "
                   "reached streets in metres (default 40)")
    p.add_argument("--shape", choices=("auto", "buffer", "hull"), default="auto",
                   help="band along reached streets (buffer), their concave hull (hull, fast "
                   "for thousands of centres) or buffer up to 600 polygons (auto, default)")
    p.add_argument("--rings", action="store_true", help="each level as a ring beyond the previous")
    p.add_argument("--gaps", action="store_true", help="also write the gap areas of communities")
    p.set_defaults(func=cmd_isochrones)

    p = sub.add_parser("network-health", help="check the walking network: pieces not joined, "
                       "dead ends, zero-length lines, stranded buildings")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_network_health)

    p = sub.add_parser("report", help="the coverage report (PDF, and an Excel summary) a "
                       "sub-district sends its superiors")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--out", required=True, metavar="FILE.pdf",
                   help="the report as PDF (or .xlsx for the summary workbook only)")
    p.add_argument("--xlsx", metavar="FILE.xlsx", help="also write the figures as Excel")
    _add_scenario(p)
    p.add_argument("--office", default="", metavar="TEXT", help="issuing office on the title page")
    p.add_argument("--date", default="", metavar="TEXT", help="date on the title page (today)")
    p.add_argument("--sites", type=int, default=3, metavar="K",
                   help="new sites to suggest, counting capacity (default 3; 0 for none)")
    p.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"),
                   help="language of the report (default zh_CN)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("suggest-sites", help="suggest new centre sites (maximal covering)")
    p.add_argument("plan", help="plan file (.gpkg)")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--count", type=int, metavar="K", help="number of new sites")
    g.add_argument("--target", type=_share, metavar="SHARE",
                   help="covered share of households to reach with the fewest sites (0.85 or 85%%)")
    p.add_argument("--level", type=float, metavar="M",
                   help="walking distance in metres (default: the plan's largest level)")
    p.add_argument("--candidates", metavar="FILE", help="point file of candidate sites "
                   "(default: points along the network every --spacing metres)")
    p.add_argument("--spacing", type=float, default=100.0, metavar="M",
                   help="spacing of network candidates in metres (default 100)")
    p.add_argument("--service", metavar="NAME", help="existing centres offering this service")
    p.add_argument("--solver", choices=("auto", "exact", "greedy"), default="auto")
    p.add_argument("--count-capacity", action="store_true",
                   help="households the existing centres have no room for count as not covered")
    p.add_argument("--out", metavar="FILE.gpkg", help="write the suggested sites")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_suggest_sites)


def _resolve(plan: Any, args: argparse.Namespace) -> list[float]:
    from gridplanner.analysis.network.coverage import centre_services, resolve_levels

    if args.service and args.service not in centre_services(plan):
        offered = ", ".join(centre_services(plan))
        raise AnalysisError(f"no centre offers service {args.service!r}; known services: {offered}")
    return resolve_levels(plan, args.levels, args.minutes, args.speed)


def cmd_coverage(args: argparse.Namespace) -> int:
    from gridplanner.analysis.network.coverage import buildings_with_coverage, coverage_from_centres
    from gridplanner.analysis.network.scenarios import (
        compare_scenarios,
        now_and_planned,
        plan_view,
    )
    from gridplanner.analysis.network.service_areas import describe_centres

    plan = open_plan(args.plan)
    if args.speed is not None:
        plan.settings = plan.settings.replaced(walking_speed=args.speed)
    levels = _resolve(plan, args)
    when = "now" if args.now else "plan"
    view = plan_view(plan, args.scenario, when)
    result = coverage_from_centres(view, levels, service=args.service)
    describe_centres(view, result, solver=args.solver)
    tallies = now_and_planned(plan, args.scenario, levels, args.service)
    comparison = (compare_scenarios(plan, args.scenario, _scenario(args.compare), None,
                                    args.service, when_a=when) if args.compare else None)
    if args.buildings_out:
        write_buildings(buildings_with_coverage(plan, result), Path(args.buildings_out), plan.crs)
    if args.json:
        data = result.to_json() | {"scenario": args.scenario, "when": when, "status": tallies}
        if comparison is not None:
            data["comparison"] = comparison.to_json()
        print_json(data)
        return 0
    _print_coverage(result)
    _print_centres(result)
    _print_status(tallies, result.levels_m[-1])
    if comparison is not None:
        _print_comparison(comparison)
    if args.buildings_out:
        print(f"buildings written to {args.buildings_out}")
    return 0


def _print_coverage(result: Any) -> None:
    t = result.totals
    what = f" for {result.service}" if result.service else ""
    print(f"coverage{what} ({result.method.replace('_', ' ')} distances): "
          f"{t['buildings']} buildings, {t['households']:.0f} households, "
          f"{t['residents']:.0f} residents, {t['centres']} centres")
    for row in result.levels:
        print(f"  within {row['level_m']:.0f} m ({row['minutes']:g} min): "
              f"{row['households_covered']:.0f} households ({100 * row['household_share']:.1f}%), "
              f"{row['residents_covered']:.0f} residents ({100 * row['resident_share']:.1f}%)")
    for name, rows in result.services.items():
        shares = ", ".join(f"{r['level_m']:.0f} m {100 * r['household_share']:.1f}%" for r in rows)
        print(f"  {name}: {shares}")
    mark = "met" if t["meets_target"] else "not met"
    print(f"target {100 * result.target_share:.0f}% within {result.levels_m[-1]:.0f} m: {mark}; "
          f"{t['uncovered_buildings']} buildings beyond reach")


def cmd_report(args: argparse.Namespace) -> int:
    from gridplanner.io.exporters.report_data import report_figures
    from gridplanner.io.exporters.report_xlsx import export_report_xlsx

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ExportError(f"{out}: write the report as .pdf (or the summary as .xlsx)")
    if args.sites < 0:
        raise AnalysisError(f"the number of sites must not be negative, got {args.sites}")
    xlsx = Path(args.xlsx) if args.xlsx else (out if suffix == ".xlsx" else None)
    if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
        raise ExportError(f"{xlsx}: the summary workbook is written as .xlsx")
    plan = open_plan(args.plan)
    options = {"scenario": args.scenario, "compare": args.compare, "sites": args.sites,
               "office": args.office, "date": args.date, "lang": args.lang}
    if suffix == ".pdf":
        from gridplanner.render.report import export_report

        figures = export_report(plan, out, **options).figures
    else:
        figures = report_figures(plan, **options)
    if xlsx is not None:
        export_report_xlsx(figures, xlsx)
    written = ", ".join(str(p) for p in dict.fromkeys(x for x in (out if suffix == ".pdf"
                                                                   else None, xlsx) if x))
    print(f"coverage report written to {written}: {100 * figures.share:.1f}% "
          f"{'residents' if figures.share_of_residents else 'households'} within "
          f"{figures.level_m:.0f} m (target {100 * figures.target:.0f}%)")
    return 0


def _scenario(name: str | None) -> str | None:
    return None if name in (None, "all") else name


def _print_centres(result: Any) -> None:
    from gridplanner.analysis.network.service_areas import flat_centre_rows

    level = result.levels_m[-1]
    rows = flat_centre_rows(result.centres, level, result.service)
    if not rows:
        return
    print(f"what each centre serves as the nearest within {level:.0f} m:")
    for r in rows:
        cap = "" if r["capacity"] is None else f", capacity {r['capacity']:.0f}"
        over = f", OVER CAPACITY by {r['over_capacity']:.0f}" if r["over_capacity"] else ""
        print(f"  {r['name'] or '#' + str(r['fid'])} [{r['status']}]: {r['households']:.0f} "
              f"households, {r['residents']:.0f} residents, {r['cells']} grids, "
              f"{r['communities']} communities{cap}{over}")
    cap = result.capacity
    if cap and cap["households_unallocated"] > 0:
        print(f"  {cap['households_unallocated']:.0f} households within {level:.0f} m find no "
              f"centre with room ({cap['solver']})")


def _print_status(tallies: dict[str, Any], level: float) -> None:
    now, built = tallies["now"], tallies["plan"]
    print(f"now: {now['centres']} centres open, {100 * now['share']:.1f}% within {level:.0f} m, "
          f"{now['communities_with_centre']}/{now['communities']} communities with a centre; "
          f"when the plan is built: {built['centres']} centres, {100 * built['share']:.1f}%, "
          f"{built['communities_with_centre']}/{built['communities']}")


def _print_comparison(c: Any) -> None:
    print(f"{c.a} -> {c.b} within {c.level_m:.0f} m:")
    for r in c.communities:
        print(f"  {r['community']}: {r['households_a']:.0f} -> {r['households_b']:.0f} households "
              f"({r['households_change']:+.0f})")
    print(f"  buildings gaining coverage: {len(c.gained)}; losing: {len(c.lost)}")


def write_buildings(frame: Any, path: Path, crs: Any) -> None:
    """Write the buildings table as .csv (no geometry) or .gpkg."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".gpkg"):
        raise ExportError(f"{path}: write buildings as .csv or .gpkg")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: folder {path.parent} does not exist")
    refuse_plan_target(path)  # never write over a plan
    from gridplanner.io.cell_text import guard_frame

    out = frame.reset_index()
    try:
        if suffix == ".csv":
            table = guard_frame(out.drop(columns="geometry"))  # no text becomes a formula
            table.to_csv(path, index=False, encoding="utf-8-sig")
        else:
            pyogrio.write_dataframe(out, path, layer="buildings_coverage", driver="GPKG")
    except (OSError, pyogrio.errors.DataSourceError) as exc:
        raise ExportError(f"{path}: could not be written ({exc})") from exc


def cmd_isochrones(args: argparse.Namespace) -> int:
    from gridplanner.analysis.network.isochrones import gap_areas, isochrones

    out = Path(args.out)
    if out.suffix.lower() != ".gpkg":
        raise ExportError(f"{out}: isochrones are written to a .gpkg file")
    plan = open_plan(args.plan)
    if args.speed is not None:
        plan.settings = plan.settings.replaced(walking_speed=args.speed)
    levels = _resolve(plan, args)
    frame = isochrones(plan, levels, mode=args.mode, service=args.service,
                       width_m=args.width, rings=args.rings, shape=args.shape)
    layers = {"isochrones": frame}
    if args.gaps:
        plain = frame if not args.rings else isochrones(plan, levels, mode="dissolve",
                                                        service=args.service, width_m=args.width,
                                                        shape=args.shape)
        layers["gaps"] = gap_areas(plan, plain, levels)
    refuse_plan_target(out)  # the unlink below must never remove a plan
    try:
        out.unlink(missing_ok=True)
        for name, layer in layers.items():
            pyogrio.write_dataframe(layer, out, layer=name, driver="GPKG", append=out.exists(),
                                    geometry_type="MultiPolygon", promote_to_multi=True)
    except (OSError, pyogrio.errors.DataSourceError) as exc:
        raise ExportError(f"{out}: could not be written ({exc})") from exc
    method = frame["method"].iloc[0] if len(frame) else "none"
    print(f"wrote {len(frame)} isochrones ({args.mode}, {method.replace('_', ' ')}) to {out}")
    return 0


def cmd_network_health(args: argparse.Namespace) -> int:
    from gridplanner.analysis.network.health import check_network

    health = check_network(open_plan(args.plan))
    if args.json:
        print_json(health.to_json())
        return 0
    print(f"walking network: {health.edges} lines, {health.length_m / 1000:.1f} km, "
          f"{health.components} connected pieces (main {100 * health.main_share:.1f}% of length)")
    print(f"dead ends: {health.dangling_ends}; zero-length lines: {health.zero_length_edges}; "
          f"buildings stranded off the main network: {health.stranded_buildings}")
    for f in health.findings[:20]:
        print(f"  {f.severity}: {f.message}")
    if len(health.findings) > 20:
        print(f"  ... and {len(health.findings) - 20} more (see --json)")
    return 0


def cmd_suggest_sites(args: argparse.Namespace) -> int:
    from gridplanner.analysis.network.siting import suggest_sites

    plan = open_plan(args.plan)
    cands = _read_candidates(plan, Path(args.candidates)) if args.candidates else None
    if args.service:
        _resolve(plan, argparse.Namespace(levels=None, minutes=None, speed=None,
                                          service=args.service))
    result = suggest_sites(plan, count=args.count, target=args.target, level=args.level,
                           candidates=cands, spacing_m=args.spacing, service=args.service,
                           solver=args.solver, count_capacity=args.count_capacity)
    if args.out:
        refuse_plan_target(args.out)  # a layer written into a plan would change it
        try:
            pyogrio.write_dataframe(result.to_frame(plan.crs), args.out, layer="suggested_sites",
                                    driver="GPKG")
        except (OSError, pyogrio.errors.DataSourceError) as exc:
            raise ExportError(f"{args.out}: could not be written ({exc})") from exc
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"{len(result.suggestions)} sites within {result.level_m:.0f} m "
          f"({result.solver}; {result.guarantee}); covered households (not residents) "
          f"{100 * result.share_before:.1f}% -> {100 * result.share_after:.1f}%")
    if result.households_covered_before >= result.households_total:
        print("every household is already within reach")
    elif result.candidates == 0:
        print(f"no candidate site lies within {result.level_m:.0f} m of an uncovered building")
    for s in result.suggestions:
        cells = ", ".join(f"{c} +{h:.0f}" for c, h in list(s.cells.items())[:5])
        where = f"{s.place} " if s.place else ""
        print(f"  {s.rank}. {where}({s.point.x:.1f}, {s.point.y:.1f}): +{s.households_added:.0f} "
              f"households in {s.buildings_added} buildings [{cells}]")
    if result.target_share is not None and not result.target_reached:
        print(f"target {100 * result.target_share:.0f}% cannot be reached with these candidates")
    return 0


def _read_candidates(plan: Any, path: Path) -> np.ndarray:
    import shapely

    from gridplanner.io.importers.readers import read_vector, to_plan_crs

    gdf = to_plan_crs(plan, read_vector(path))
    geoms = gdf.geometry.values
    if len(gdf) == 0:
        raise ImportDataError(f"{path}: holds no candidate sites")
    return np.asarray(shapely.point_on_surface(np.asarray(geoms, dtype=object)), dtype=object)

"""`gridplanner grids generate|code|micro` and `gridplanner validate`."""

from __future__ import annotations

import argparse

from gridplanner.cli.common import open_plan, print_json, write_plan


def register(sub: argparse._SubParsersAction) -> None:
    grids = sub.add_parser("grids", help="generate and number grid cells")
    gsub = grids.add_subparsers(dest="grids_command", metavar="COMMAND")
    grids.set_defaults(func=lambda args: _usage(grids))

    p = gsub.add_parser("generate", help="make comprehensive cells for communities")
    p.add_argument("plan", help="plan file (.gpkg), saved in place")
    p.add_argument("--method", choices=("square", "hex", "balanced"), default="balanced",
                   help="regular squares/hexagons, or cells balanced on households")
    p.add_argument("--size", type=_positive, default=None,
                   help="square side or hexagon width in metres (square/hex; default 250)")
    p.add_argument("--min-households", type=_positive, default=None, dest="low",
                   help="lowest households per cell (default: the plan's setting; "
                   "a value given here becomes the plan's setting)")
    p.add_argument("--max-households", type=_positive, default=None, dest="high",
                   help="highest households per cell (default: the plan's setting; "
                   "a value given here becomes the plan's setting)")
    p.add_argument("--community", action="append", default=None,
                   help="community name (repeat for several; default all)")
    p.add_argument("--seed", type=int, default=0, help="random seed of the balanced partition")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_generate)

    p = gsub.add_parser("code", help="assign grid codes")
    p.add_argument("plan", help="plan file (.gpkg), saved in place")
    p.add_argument("--scheme", choices=("db11", "cjt349"), default=None,
                   help="code scheme (default: the plan's setting)")
    p.add_argument("--renumber", action="store_true",
                   help="number every cell afresh instead of keeping valid codes")
    p.add_argument("--category", default="000000", help="6-digit category (cjt349 only)")
    p.set_defaults(func=cmd_code)

    p = gsub.add_parser("micro", help="make micro-grids (微网格) inside grid cells",
                        description="Cut grid cells into micro-grids of a few buildings, "
                        "balanced on households (default the plan's micro-grid range, 30–80, "
                        "a convention), numbered within each cell. The cells' old micro-grids "
                        "are replaced.")
    p.add_argument("plan", help="plan file (.gpkg), saved in place")
    p.add_argument("--grid", action="append", default=None, metavar="CODE",
                   help="grid cell code or name (repeat for several; default every "
                   "comprehensive cell)")
    p.add_argument("--min-households", type=_positive, default=None, dest="low",
                   help="lowest households per micro-grid (default: the plan's setting; "
                   "a value given here becomes the plan's setting)")
    p.add_argument("--max-households", type=_positive, default=None, dest="high",
                   help="highest households per micro-grid (default: the plan's setting; "
                   "a value given here becomes the plan's setting)")
    p.add_argument("--seed", type=int, default=0, help="random seed of the partition")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_micro)

    p = sub.add_parser("validate", help="check the grid cells (and roster) of a plan")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_validate)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage()
    return 2


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be positive")
    return value


def cmd_generate(args: argparse.Namespace) -> int:
    from gridplanner.analysis.grids.partition import generate_cells, replace_cells

    plan = open_plan(args.plan, for_update=True)
    size = args.size or (250.0 if args.method != "balanced" else None)
    result = generate_cells(plan, args.method, size, args.low, args.high, args.community,
                            args.seed)
    replace_cells(plan, result.cells, args.community)
    if args.low or args.high:  # the plan remembers the range its cells were made for
        s = plan.settings
        plan.settings = s.replaced(households_min=int(round(args.low or s.households_min)),
                                   households_max=int(round(args.high or s.households_max)))
    write_plan(plan, args.plan)
    frame = plan.cells.frame
    new = frame.loc[frame.index[-len(result.cells):]] if len(result.cells) else frame.iloc[:0]
    rows = [{"fid": int(fid), "code": str(code), "community": str(comm),
             "households": float(h), "residents": float(r), "buildings": int(b)}
            for fid, code, comm, h, r, b in zip(
                new.index, new["code"], new["community"], result.cells["households"],
                result.cells["residents"], result.cells["buildings"], strict=True)]
    if args.json:
        print_json({"cells": rows, "problems": result.problems, "metrics": result.metrics})
        return 0
    print(f"{len(rows)} cells ({args.method}) saved to {args.plan}")
    for row in rows:
        print(f"  {row['code']}  {row['community']}  {row['households']:>7.0f} households  "
              f"{row['residents']:>7.0f} residents  {row['buildings']:>4} buildings")
    m = result.metrics
    print(f"balance: std/mean {m['balance_cv']:.2f}, {m['share_within'] * 100:.0f}% of cells "
          f"within range; compactness (Polsby-Popper mean) {m['polsby_popper_mean']:.2f}")
    for line in result.problems:
        print(f"could not meet the range: {line}")
    return 0


def cmd_micro(args: argparse.Namespace) -> int:
    from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids

    plan = open_plan(args.plan, for_update=True)
    s = plan.settings
    low = int(round(args.low or s.micro_households_min))
    high = int(round(args.high or s.micro_households_max))
    if args.low or args.high:  # checked (and remembered) before any work is done
        from gridplanner.errors import ModelError

        try:
            s = s.replaced(micro_households_min=low, micro_households_max=high)
            s.validate()
        except ModelError as exc:
            raise ModelError(f"--min-households/--max-households: {exc}") from None
        plan.settings = s
    result = generate_micro_grids(plan, args.grid, low, high, args.seed)
    replace_micro_grids(plan, result.micro)
    write_plan(plan, args.plan)
    frame = plan.layer("micro_grids").frame
    new = frame.loc[frame.index[-len(result.micro):]] if len(result.micro) else frame.iloc[:0]
    cells = plan.cells.frame
    rows = [{"fid": int(fid), "code": str(code), "cell": str(cells.at[int(cell), "code"]),
             "number": int(number), "households": float(h), "residents": float(r),
             "buildings": int(b)}
            for fid, code, cell, number, h, r, b in zip(
                new.index, new["code"], new["cell_fid"], new["number"],
                result.micro["households"], result.micro["residents"],
                result.micro["buildings"], strict=True)]
    if args.json:
        print_json({"micro_grids": rows, "problems": result.problems,
                    "metrics": result.metrics})
        return 0
    print(f"{len(rows)} micro-grids in {len({r['cell'] for r in rows})} grid cells saved to "
          f"{args.plan}")
    for row in rows:
        print(f"  {row['code']}  {row['households']:>5.0f} households  "
              f"{row['buildings']:>3} buildings")
    m = result.metrics
    print(f"{m['share_within'] * 100:.0f}% of micro-grids within {low}–{high} households")
    for line in result.problems:
        print(f"could not meet the range: {line}")
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    from gridplanner.analysis.grids.codes import assign_codes

    plan = open_plan(args.plan, for_update=True)
    old = plan.cells.frame["code"].astype(str).to_dict()
    codes = assign_codes(plan, args.scheme, args.renumber, args.category)
    if args.scheme and args.scheme != plan.settings.code_scheme:
        plan.settings = plan.settings.replaced(code_scheme=args.scheme)
    if codes:
        plan.cells.set_column("code", codes)
        _name_unnamed_cells(plan)
    write_plan(plan, args.plan)
    changed = sum(1 for f, c in codes.items() if old.get(f) != c)
    print(f"{len(codes)} cells numbered ({changed} codes changed) in {args.plan}")
    return 0


def _name_unnamed_cells(plan) -> None:
    """Cells without a name get their short name 第N网格 from their new code."""
    from gridplanner.analysis.grids.codes import short_names

    names = plan.cells.frame["name"].astype(str).str.strip()
    unnamed = [int(f) for f in names.index[names == ""]]
    if unnamed:
        short = short_names(plan)
        plan.cells.set_column("name", {f: short[f] for f in unnamed})


def cmd_validate(args: argparse.Namespace) -> int:
    from gridplanner.analysis.findings import ERROR
    from gridplanner.analysis.integrity import validate_plan
    from gridplanner.cli.repair import open_checked

    plan, damage = open_checked(args.plan)  # damage is reported, not refused
    findings = validate_plan(plan, damage)
    errors = sum(1 for f in findings if f.severity == ERROR)
    warnings = len(findings) - errors
    if args.json:
        print_json({"findings": [f.to_json() for f in findings], "errors": errors,
                    "warnings": warnings})
    else:
        for f in findings:
            where = f" [{', '.join(f.cells)}]" if f.cells else ""
            print(f"{f.severity}: {f.kind}: {f.message}{where}")
        print(f"{errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0

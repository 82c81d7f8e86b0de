"""`gridplanner render`: the map as the canvas draws it, as a PNG, headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from gridplanner.cli.common import open_plan


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help="draw a plan's map to a PNG image (no window needed)")
    p.add_argument("plan", help="plan file (.gpkg)")
    p.add_argument("--out", required=True, help="PNG file to write")
    p.add_argument("--width", type=int, default=1600, help="image width in pixels (1600)")
    p.add_argument("--height", type=int, default=1200, help="image height in pixels (1200)")
    p.add_argument("--extent", type=parse_extent, default=None,
                   metavar="XMIN,YMIN,XMAX,YMAX",
                   help="area to draw in plan coordinates (default: the whole plan)")
    p.set_defaults(func=cmd_render)


def parse_extent(text: str) -> list[float]:
    try:
        values = [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("extent must be four numbers") from None
    if len(values) != 4 or values[0] >= values[2] or values[1] >= values[3]:
        raise argparse.ArgumentTypeError(
            "extent must be XMIN,YMIN,XMAX,YMAX with XMIN<XMAX and YMIN<YMAX")
    return values


def cmd_render(args: argparse.Namespace) -> int:
    from gridplanner.render.png import render_png

    plan = open_plan(args.plan)
    extent = tuple(args.extent) if args.extent else None
    out = render_png(plan, Path(args.out), args.width, args.height, extent=extent)
    print(f"wrote {out} ({args.width}×{args.height})")
    return 0

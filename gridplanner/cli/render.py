"""`gridplanner render`: the map as the canvas draws it, as a PNG, headless."""

from __future__ import annotations

import argparse
import sys
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
    p.add_argument("--basemap", action="append", default=None, metavar="NAME|FILE",
                   help="draw this basemap under the plan: a name (osm, tianditu-img, "
                        "tianditu-vec, amap-img ...), an .mbtiles or GeoTIFF file, or a tile "
                        "URL with {z}/{x}/{y}; repeat to stack; 'none' for no basemap "
                        "(default: the basemaps saved in the plan)")
    p.add_argument("--basemap-key", default="", metavar="KEY",
                   help="the service key a basemap needs (Tianditu's tk; or set "
                        "GRIDPLANNER_KEY_TIANDITU)")
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
    specs = basemap_specs(plan, args.basemap)
    basemaps = None
    if specs:
        from gridplanner.io.basemap import TileCache
        from gridplanner.render.basemap import BasemapRenderer

        keys = {s.key_name: args.basemap_key for s in specs if s.key_name and args.basemap_key}
        basemaps = BasemapRenderer(TileCache(), keys)
        basemaps.set_specs(specs)
    try:
        out = render_png(plan, Path(args.out), args.width, args.height, extent=extent,
                         basemaps=basemaps)
    finally:
        if basemaps is not None:
            basemaps.shutdown()
    for message in dict.fromkeys(basemaps.errors.values() if basemaps else ()):
        print(f"warning: {message}", file=sys.stderr)
    print(f"wrote {out} ({args.width}×{args.height})")
    return 0


def basemap_specs(plan, names: list[str] | None) -> list:
    """The basemaps to draw: those named (``none``: no basemap) or the plan's visible ones."""
    from gridplanner.io.basemap import BasemapSpec, resolve_basemap

    if names is None:
        return [s for s in (BasemapSpec.from_dict(d) for d in plan.basemaps) if s.visible]
    return [resolve_basemap(n) for n in names if n.strip().lower() != "none"]

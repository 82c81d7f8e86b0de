"""The demo plan: a FICTIONAL sub-district in the Chinese setting (示范街道（虚构示例）).

Everything here is invented: streets, compounds, buildings, people and phone
numbers (138-0000-xxxx is not a real range). It is placed in the CGCS2000
3-degree Gauss-Krüger zone of a Chinese city (central meridian 117°E, near
Hefei) only so that web maps land somewhere sensible; it does not depict
that place.

Layout: a main-road cross (人民路, 建设路) splits the sub-district into four
communities; tertiary streets with T-junctions split each into four blocks.
Blocks hold walled or open compounds of 6-storey slabs (24–36 households) or
18–33-storey towers (100–200 households), an old low-rise quarter, a school,
a hospital, a park and a market street. The walking network is the roads
plus compound ring paths, gates and lanes, noded at every crossing.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.affinity
import shapely.ops
from pyproj import Transformer
from sample_demo_org import add_organisation
from sample_demo_people import branches_frame, centres_rows, workers_frame

from gridplanner.io.crs import metric_crs_for
from gridplanner.model import Plan

PLAN_NAME = "示范街道（虚构示例）"
SUBDISTRICT = "示范街道（虚构示例）"
ORIGIN_LONLAT = (117.245, 31.835)
SEED = 20240601
HALF_W, HALF_H = 1100.0, 850.0
COMMUNITIES = {  # quadrant -> (name, code, block uses from north-west to south-east)
    "NW": ("北苑社区", "001", [("midrise", "北苑一区", True), ("split", "北苑二区|春晖花园", True),
                             ("school", "北苑小学", False), ("lowrise", "北苑老街片区", False)]),
    "NE": ("东风社区", "002", [("highrise", "锦绣华庭", True), ("market", "东风商业街", False),
                             ("midrise", "东风新村", False), ("midrise", "阳光花园", True)]),
    "SW": ("西湖社区", "003", [("midrise", "西湖花园", True), ("park", "西湖公园", False),
                             ("highrise", "湖畔名居", True), ("midrise", "柳岸小区", False)]),
    "SE": ("南山社区", "004", [("midrise", "南山雅苑", True), ("highrise", "翠竹园", True),
                             ("hospital", "南山医院", False), ("midrise", "和平里小区", False)]),
}


# -- roads ----------------------------------------------------------------
def _curve(fn, start: float, stop: float, horizontal: bool, step: float = 40.0):
    t = np.linspace(start, stop, max(3, int(abs(stop - start) / step) + 1))
    v = fn(t)
    return shapely.LineString(np.column_stack([t, v] if horizontal else [v, t]))


def _ew(y0, amp, period, slope=0.0):
    return lambda x: y0 + amp * np.sin(x / period) + slope * x


def _ns(x0, amp, period, slope=0.0):
    return lambda y: x0 + amp * np.sin(y / period) + slope * y


def trim(line: shapely.LineString, a: shapely.Geometry, b: shapely.Geometry) -> shapely.LineString:
    """The part of ``line`` between its crossings with ``a`` and ``b``, overshooting
    by a metre so the junctions get noded (the stubs are dropped later)."""
    d = sorted(line.project(shapely.get_parts(line.intersection(g))[0]) for g in (a, b))
    return shapely.ops.substring(line, max(d[0] - 1.0, 0.0), min(d[1] + 1.0, line.length))


def road_lines() -> list[dict]:
    """Main and tertiary roads as dicts with highway, name, geometry (local metres)."""
    ext = 60.0
    north = _curve(_ew(HALF_H, 25, 380), -HALF_W - ext, HALF_W + ext, True)
    south = _curve(_ew(-HALF_H, 15, 300, 0.01), -HALF_W - ext, HALF_W + ext, True)
    west = _curve(_ns(-HALF_W, 18, 260), -HALF_H - ext, HALF_H + ext, False)
    east = _curve(_ns(HALF_W, 12, 420, -0.03), -HALF_H - ext, HALF_H + ext, False)
    renmin = trim(_curve(_ew(0, 30, 500, 0.02), -HALF_W - ext, HALF_W + ext, True), west, east)
    jianshe = trim(_curve(_ns(40, 20, 350, 0.05), -HALF_H - ext, HALF_H + ext, False), north, south)
    roads = [("secondary", "北环路", north), ("secondary", "南湖路", south),
             ("secondary", "西山路", west), ("secondary", "东风大道", east),
             ("primary", "人民路", renmin), ("primary", "建设路", jianshe)]
    tertiary = [  # (name, horizontal, offset, x/y range side, crossing roads)
        ("和平街", _curve(_ew(430, 12, 200), -HALF_W - ext, 200, True), west, jianshe),
        ("幸福路", _curve(_ew(470, 10, 240), -100, HALF_W + ext, True), jianshe, east),
        ("文化路", _curve(_ew(-400, 14, 210), -HALF_W - ext, 200, True), west, jianshe),
        ("长江路", _curve(_ew(-450, 9, 260), -100, HALF_W + ext, True), jianshe, east),
        ("育才路", _curve(_ns(-560, 10, 150), -100, HALF_H + ext, False), renmin, north),
        ("光明路", _curve(_ns(-520, 14, 190), -HALF_H - ext, 100, False), south, renmin),
        ("朝阳路", _curve(_ns(560, 16, 230), -100, HALF_H + ext, False), renmin, north),
        ("新华路", _curve(_ns(620, 8, 170), -HALF_H - ext, 100, False), south, renmin),
    ]
    roads += [("tertiary", name, trim(line, a, b)) for name, line, a, b in tertiary]
    return [{"highway": h, "name": n, "geometry": g} for h, n, g in roads]


def subdistrict_and_blocks(roads: list[dict]) -> tuple[shapely.Polygon, list[shapely.Polygon]]:
    noded = shapely.union_all([r["geometry"] for r in roads])
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    outline = shapely.union_all(faces)
    blocks = sorted(faces, key=lambda f: (-round(f.centroid.y, -1), round(f.centroid.x, -1)))
    return outline, blocks


def quadrant(block: shapely.Polygon) -> str:
    c = block.centroid
    return ("N" if c.y > 0.02 * c.x else "S") + ("W" if c.x < 40 + 0.05 * c.y else "E")


# -- buildings --------------------------------------------------------------
def _rows_of(area: shapely.Polygon, size: tuple[float, float], gap: tuple[float, float],
             angle: float, rng: np.random.Generator, keep: float) -> list[shapely.Polygon]:
    """Footprints of ``size`` laid in rows across ``area`` (rotated by ``angle``)."""
    c = area.centroid
    local = shapely.affinity.rotate(area, -angle, origin=c)
    x0, y0, x1, y1 = local.bounds
    out = []
    for y in np.arange(y0 + gap[1] / 2, y1, size[1] + gap[1]):
        for x in np.arange(x0 + gap[0] / 2, x1, size[0] + gap[0]):
            jx, jy = rng.uniform(-3, 3, 2)
            box = shapely.box(x + jx, y + jy, x + jx + size[0], y + jy + size[1])
            if local.contains(box) and rng.random() < keep:
                out.append(shapely.affinity.rotate(box, angle, origin=c))
    return out


def residential_buildings(area, kind: str, rng) -> list[dict]:
    angle = float(rng.uniform(-8, 8))
    rows = []
    if kind == "midrise":
        units = int(rng.choice([2, 3]))
        for g in _rows_of(area, (20.0 * units, 12.0), (18.0, 30.0), angle, rng, 0.85):
            rows.append({"floors": 6.0, "households": 6 * units * 2.0, "use": "residential"})
            rows[-1]["geometry"] = g
    elif kind == "highrise":
        for g in _rows_of(area, (34.0, 18.0), (32.0, 60.0), angle, rng, 0.85):
            floors = int(rng.integers(18, 34))
            per_floor = 4 if floors >= 26 else 6
            rows.append({"floors": float(floors), "households": float(floors * per_floor),
                         "use": "residential", "geometry": g})
    elif kind == "lowrise":
        for g in _rows_of(area, (18.0, 12.0), (16.0, 14.0), angle, rng, 0.5):
            floors = int(rng.integers(1, 4))
            rows.append({"floors": float(floors), "households": float(rng.integers(1, 2 * floors + 1)),
                         "use": "residential", "geometry": g})
    return rows


def institution_buildings(block, kind: str, name: str, rng) -> list[dict]:
    """A few non-residential buildings (no households) for school, hospital, market."""
    c = block.centroid
    layouts = {"school": [("教学楼", (-60, 20, 70, 18), 4), ("综合楼", (-60, -40, 50, 16), 3),
                          ("体育馆", (40, -30, 40, 30), 2)],
               "hospital": [("门诊楼", (-50, 10, 60, 25), 5), ("住院部", (30, -20, 30, 45), 12),
                            ("医技楼", (-50, -45, 45, 20), 4)],
               "market": [("农贸市场", (-120, -20, 60, 40), 1), ("商业楼", (0, 30, 80, 20), 4),
                          ("商业楼二期", (110, -10, 60, 20), 5)]}.get(kind, [])
    out = []
    for label, (dx, dy, w, h), floors in layouts:
        geom = shapely.box(c.x + dx, c.y + dy, c.x + dx + w, c.y + dy + h)
        if block.contains(geom):
            out.append({"name": f"{name}{label}", "floors": float(floors), "households": 0.0,
                        "residents": 0.0, "use": kind, "geometry": geom})
    return out


# -- network inside blocks -------------------------------------------------
def compound_paths(compound: shapely.Polygon, block: shapely.Polygon, walled: bool,
                   rng) -> list[dict]:
    ring = compound.buffer(-5.0, join_style="mitre").exterior
    paths = [{"highway": "service", "name": "", "geometry": ring}]
    c = compound.centroid
    x0, y0, x1, y1 = compound.bounds
    n_lanes = 2 if walled else 3
    for y in np.linspace(y0, y1, n_lanes + 2)[1:-1]:
        lane = shapely.LineString([(x0 - 5, y + rng.uniform(-6, 6)), (x1 + 5, y)])
        paths.append({"highway": "footway", "name": "",
                      "geometry": lane.intersection(compound.buffer(-4.0))})
    gate_dirs = [(0, 1), (0, -1)] if walled else [(0, 1), (0, -1), (1, 0), (-1, 0)]
    for dx, dy in gate_dirs:
        far = shapely.Point(c.x + dx * 2000, c.y + dy * 2000)
        inner = _first_hit(ring, c, far)
        outer = block.exterior.interpolate(block.exterior.project(inner))
        gate = _extended(shapely.LineString([inner, outer]), 2.0)
        paths.append({"highway": "footway", "name": "小区大门" if walled else "", "geometry": gate})
    return paths


def _first_hit(ring, origin, far) -> shapely.Point:
    hit = shapely.LineString([origin, far]).intersection(ring)
    parts = shapely.get_parts(hit)
    return min(parts, key=lambda p: p.distance(origin)).centroid


def _extended(line: shapely.LineString, by: float) -> shapely.LineString:
    (ax, ay), (bx, by_) = line.coords[0], line.coords[-1]
    length = max(line.length, 1e-9)
    return shapely.LineString([(ax, ay), (bx + (bx - ax) / length * by, by_ + (by_ - ay) / length * by)])


def area_paths(block: shapely.Polygon, kind: str, rng) -> list[dict]:
    """Irregular alleys (low-rise quarter), park paths, or a service lane crossing the block."""
    x0, y0, x1, y1 = block.bounds
    lines = []
    if kind == "lowrise":
        for y in np.linspace(y0, y1, 6)[1:-1]:
            xs = np.linspace(x0 - 20, x1 + 20, 9)
            lines.append(shapely.LineString(np.column_stack([xs, y + rng.uniform(-9, 9, len(xs))])))
        for x in np.linspace(x0, x1, 5)[1:-1]:
            ys = np.linspace(y0 - 20, y1 + 20, 7)
            lines.append(shapely.LineString(np.column_stack([x + rng.uniform(-9, 9, len(ys)), ys])))
        highway = "footway"
    elif kind == "park":
        c = block.centroid
        loop = shapely.Point(c.x, c.y).buffer(min(x1 - x0, y1 - y0) / 3.2, quad_segs=6).exterior
        lines = [loop, shapely.LineString([(x0 - 20, c.y - 30), (x1 + 20, c.y + 25)]),
                 shapely.LineString([(c.x + 15, y0 - 20), (c.x - 20, y1 + 20)])]
        highway = "path"
    else:
        c = block.centroid
        lines = [shapely.LineString([(x0 - 20, c.y - 5), (x1 + 20, c.y + 5)]),
                 shapely.LineString([(c.x, y0 - 20), (c.x, c.y)])]
        highway = "service"
    clip = block.buffer(2.0)
    return [{"highway": highway, "name": "", "geometry": line.intersection(clip)}
            for line in lines]


def noded_network(lines: list[dict], outline: shapely.Polygon) -> gpd.GeoDataFrame:
    """Node every crossing, keep each piece's road attributes, drop stubs < 3 m."""
    source = gpd.GeoDataFrame(lines, geometry="geometry")
    source = source[~source.geometry.is_empty].explode(index_parts=False).reset_index(drop=True)
    pieces = shapely.get_parts(shapely.union_all(np.asarray(source.geometry)))
    pieces = pieces[shapely.within(shapely.line_interpolate_point(pieces, 0.5, normalized=True),
                                   outline.buffer(1.0))]
    for _ in range(2):
        ends = np.round(np.vstack([shapely.get_coordinates(shapely.get_point(pieces, i))
                                   for i in (0, -1)]), 3)
        keys, counts = np.unique(ends, axis=0, return_counts=True)
        degree = dict(zip(map(tuple, keys), counts, strict=True))
        n = len(pieces)
        dangling = np.array([min(degree[tuple(ends[i])], degree[tuple(ends[n + i])]) == 1
                             for i in range(n)])
        pieces = pieces[~(dangling & (shapely.length(pieces) < 3.0))]
    mids = shapely.line_interpolate_point(pieces, 0.5, normalized=True)
    tree = shapely.STRtree(np.asarray(source.geometry))
    nearest = tree.query_nearest(mids, return_distance=False, all_matches=False)[1]
    order = np.lexsort(np.round(shapely.get_coordinates(mids), 2).T[::-1])
    frame = gpd.GeoDataFrame({"highway": source["highway"].to_numpy()[nearest][order],
                              "name": source["name"].to_numpy()[nearest][order]},
                             geometry=pieces[order])
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


# -- assembling the plan ------------------------------------------------------
def _community_of(blocks: list[shapely.Polygon]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {q: [] for q in COMMUNITIES}
    for i, block in enumerate(blocks):
        groups[quadrant(block)].append(i)
    for q, idx in groups.items():  # north pair west→east, then south pair west→east
        by_y = sorted(idx, key=lambda i: -blocks[i].centroid.y)
        half = len(by_y) // 2
        groups[q] = (sorted(by_y[:half], key=lambda i: blocks[i].centroid.x)
                     + sorted(by_y[half:], key=lambda i: blocks[i].centroid.x))
    return groups


def _split(block: shapely.Polygon) -> tuple[shapely.Polygon, shapely.Polygon, shapely.LineString]:
    x0, y0, x1, y1 = block.bounds
    cy = block.centroid.y
    cut = shapely.LineString([(x0 - 30, cy - 8), (x1 + 30, cy + 8)])
    parts = sorted(shapely.get_parts(shapely.ops.split(block, cut)),
                   key=lambda p: -p.centroid.y)
    return parts[0], parts[1], cut.intersection(block.buffer(2.0))


def build_layout(rng) -> dict:
    """Every geometry of the demo in local metres, with attributes."""
    roads = road_lines()
    outline, blocks = subdistrict_and_blocks(roads)
    lines = list(roads)
    boundaries, buildings = [], []
    for q, indices in _community_of(blocks).items():
        cname, ccode, uses = COMMUNITIES[q]
        boundaries.append({"level": "community", "name": cname, "code": ccode,
                           "parent": SUBDISTRICT, "walled": 0, "gates": 0,
                           "geometry": shapely.union_all([blocks[i] for i in indices])})
        for n, (i, (kind, name, walled)) in enumerate(zip(indices, uses, strict=True)):
            block = blocks[i]
            if kind == "split":
                north, south, cut = _split(block)
                lines.append({"highway": "residential", "name": "", "geometry": cut})
                parts = [(north, "midrise", name.split("|")[0]), (south, "highrise", name.split("|")[1])]
            elif kind in ("midrise", "highrise"):
                parts = [(block, kind, name)]
            else:
                parts = []
                lines += area_paths(block, kind, rng)
                homes = residential_buildings(block.buffer(-14.0), "lowrise", rng) \
                    if kind == "lowrise" else institution_buildings(block, kind, name, rng)
                _name_buildings(homes, name, cname)
                buildings += homes
            for k, (area, bkind, bname) in enumerate(parts):
                compound = area.buffer(-12.0, join_style="mitre")
                gates = 2 if walled else 4
                boundaries.append({"level": "compound", "name": bname,
                                   "code": f"{ccode}{n + 1:02d}{k + 1}", "parent": cname,
                                   "walled": int(walled), "gates": gates, "geometry": compound})
                lines += compound_paths(compound, area, walled, rng)
                homes = residential_buildings(compound.buffer(-16.0), bkind, rng)
                _name_buildings(homes, bname, cname)
                buildings += homes
    boundaries.insert(0, {"level": "subdistrict", "name": SUBDISTRICT, "code": "001", "parent": "",
                          "walled": 0, "gates": 0, "geometry": outline})
    for b in buildings:
        if "residents" not in b:
            b["residents"] = float(round(b["households"] * rng.uniform(2.2, 3.1)))
    return {"boundaries": boundaries, "buildings": buildings,
            "network": noded_network(lines, outline), "outline": outline, "blocks": blocks}


def _name_buildings(rows: list[dict], compound: str, community: str) -> None:
    rows.sort(key=lambda r: (-round(r["geometry"].centroid.y, -1), r["geometry"].centroid.x))
    for n, row in enumerate(rows, start=1):
        row.setdefault("name", f"{compound}{n}号楼")
        row["compound"] = compound
        row["community"] = community


def _to_plan_crs(frame: gpd.GeoDataFrame, offset: tuple[float, float], crs) -> gpd.GeoDataFrame:
    out = frame.copy()
    out["geometry"] = shapely.transform(np.asarray(out.geometry), lambda xy: xy + np.array(offset))
    return gpd.GeoDataFrame(out, geometry="geometry", crs=crs)


def build_demo_plan() -> Plan:
    """The fictional demo sub-district (deterministic; no network access)."""
    lon, lat = ORIGIN_LONLAT
    crs = metric_crs_for((lon, lat, lon, lat))
    offset = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    rng = np.random.default_rng(SEED)
    layout = build_layout(rng)
    plan = Plan(name=PLAN_NAME, crs=crs)
    plan.settings = plan.settings.replaced(county_code="340199", subdistrict_code="001")
    frames = {
        "boundaries": gpd.GeoDataFrame(layout["boundaries"], geometry="geometry"),
        "buildings": gpd.GeoDataFrame(layout["buildings"], geometry="geometry"),
        "network": layout["network"],
    }
    for name, frame in frames.items():
        frame = _to_plan_crs(frame.reset_index(drop=True), offset, crs)
        frame.index = pd.RangeIndex(1, len(frame) + 1)
        plan.layer(name).add(frame)
    by_quadrant = {q: [layout["blocks"][i] for i in idx]
                   for q, idx in _community_of(layout["blocks"]).items()}
    centres = gpd.GeoDataFrame(centres_rows(by_quadrant), geometry="geometry")
    plan.centres.add(_to_plan_crs(centres, offset, crs))
    plan.workers.add(workers_frame(rng, plan))
    plan.branches.add(branches_frame(rng, plan))
    add_organisation(plan)
    return plan

"""The coverage job done the plain networkx way, from a plan file.

Reads the plan's network, buildings and centres with pyogrio, builds a
networkx graph of the street segments, joins every building (footprint
centroid) and centre at the nearest point of the nearest segment (a join
node linked to both ends of that segment, the partial edges included), runs
a multi-source Dijkstra from the centres with the largest level as cut-off
(once over all centres, then once per service over the centres offering
it, as ``gridplanner coverage`` reports both), and writes the households
and residents covered at each level, overall and per service, as JSON.
It is the reference for tests/bench/test_bench_coverage_process.py:

    python tests/bench/nx_coverage_job.py PLAN.gpkg OUT.json 300,500,1000
"""

from __future__ import annotations

import json
import sys

import networkx as nx
import numpy as np
import pyogrio
import shapely


def segments(lines: np.ndarray) -> np.ndarray:
    coords, index = shapely.get_coordinates(lines, return_index=True)
    same = index[:-1] == index[1:]
    starts, ends = coords[:-1][same], coords[1:][same]
    keep = np.any(starts != ends, axis=1)
    return shapely.linestrings(np.stack([starts[keep], ends[keep]], axis=1))


def main(plan: str, out: str, levels: list[float]) -> None:
    net = pyogrio.read_dataframe(plan, layer="network")
    bld = pyogrio.read_dataframe(plan, layer="buildings")
    cen = pyogrio.read_dataframe(plan, layer="centres")
    segs = segments(np.asarray(net.geometry.values))
    ends = shapely.get_coordinates(segs).reshape(-1, 2, 2).round(3)
    lengths = shapely.length(segs)
    graph = nx.Graph()
    for (a, b), length in zip(ends, lengths, strict=True):
        graph.add_edge(tuple(a), tuple(b), weight=float(length))
    tree = shapely.STRtree(segs)

    def join(points: np.ndarray, tag: str) -> list:
        nearest = tree.query_nearest(points, return_distance=False, all_matches=False)[1]
        t = shapely.line_locate_point(segs[nearest], points)
        access = shapely.distance(points, segs[nearest])
        names = []
        for k, (i, along, leg) in enumerate(zip(nearest, t, access, strict=True)):
            name = (tag, k)
            a, b = ends[i]
            graph.add_edge(name, tuple(a), weight=float(leg + along))
            graph.add_edge(name, tuple(b), weight=float(leg + lengths[i] - along))
            names.append(name)
        return names

    centres = join(np.asarray(cen.geometry.values), "c")
    homes = join(shapely.centroid(np.asarray(bld.geometry.values)), "b")
    hh = bld["households"].to_numpy(float)
    res = bld["residents"].to_numpy(float)

    def covered(sources: list) -> list[dict]:
        dist = nx.multi_source_dijkstra_path_length(graph, sources, cutoff=max(levels))
        d = np.array([dist.get(h, np.inf) for h in homes])
        return [{"level_m": lv, "households_covered": float(hh[d <= lv].sum()),
                 "residents_covered": float(res[d <= lv].sum()),
                 "buildings_covered": int((d <= lv).sum())} for lv in levels]

    offered = [set(filter(None, str(s).split(";"))) for s in cen["services"]]
    services = {}
    for service in sorted(set().union(*offered)):
        sources = [c for c, have in zip(centres, offered, strict=True) if service in have]
        services[service] = covered(sources)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"levels": covered(centres), "services": services}, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], [float(x) for x in sys.argv[3].split(",")])

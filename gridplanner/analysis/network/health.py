"""Network health: what in the walking network would distort coverage.

Findings (see :mod:`gridplanner.analysis.findings`), each with a geometry
the map can show:

* ``network_component`` — a piece of network not joined to the main one,
  with its length and the buildings stranded on it (buildings whose join
  point lies on it cannot reach centres on the main network);
* ``dangling_end`` — a dead end (a node with one edge); often a street that
  should meet another but stops short;
* ``zero_length_edge`` — an edge of no length (duplicate points).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from scipy.sparse import csgraph

from gridplanner.analysis.findings import WARNING, Finding
from gridplanner.analysis.network.graph import WalkGraph, walk_graph
from gridplanner.analysis.network.joining import anchor_points, join_points

#: More dangling ends than this are reported as one summary finding.
MAX_DANGLING_FINDINGS = 500


@dataclass
class NetworkHealth:
    """Summary figures and the findings of a network health check."""

    nodes: int
    edges: int
    length_m: float
    components: int
    main_share: float
    dangling_ends: int
    zero_length_edges: int
    stranded_buildings: int
    findings: list[Finding] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "edges": self.edges, "length_m": self.length_m,
                "components": self.components, "main_share": self.main_share,
                "dangling_ends": self.dangling_ends,
                "zero_length_edges": self.zero_length_edges,
                "stranded_buildings": self.stranded_buildings,
                "findings": [f.to_json() for f in self.findings]}


def component_labels(graph: WalkGraph) -> tuple[np.ndarray, np.ndarray]:
    """Component of every node, and the length of every component (metres)."""
    _, labels = csgraph.connected_components(graph.matrix, directed=False)
    length = np.bincount(labels[graph.edge_u], weights=graph.edge_length)
    return labels, length


def check_network(plan: Any, graph: WalkGraph | None = None) -> NetworkHealth:
    """Check the plan's walking network (raises NetworkError without one)."""
    g = graph if graph is not None else walk_graph(plan)
    labels, comp_len = component_labels(g)
    main = int(np.argmax(comp_len))
    b = plan.buildings.frame
    b_comp = np.empty(0, dtype=np.int64)
    if len(b):
        joins = join_points(g, anchor_points(b.geometry))
        b_comp = labels[g.edge_u[joins.edge]]
    findings = _component_findings(g, labels, comp_len, main, b_comp, np.asarray(b.index))
    dangling = np.flatnonzero(g.degree() == 1)
    findings += _dangling_findings(g, dangling)
    zero = np.flatnonzero(g.edge_length <= 1e-6)
    for e in zero:
        findings.append(Finding(
            "zero_length_edge", WARNING,
            f"network line {g.edge_fid[e]} has no length (its points coincide)",
            features={"network": [int(g.edge_fid[e])]}, params={"line": int(g.edge_fid[e])},
            geometry=shapely.Point(g.node_xy[g.edge_u[e]])))
    total = float(comp_len.sum())
    return NetworkHealth(
        nodes=g.n_nodes, edges=g.n_edges, length_m=total, components=int(len(comp_len)),
        main_share=float(comp_len[main] / total) if total else 1.0,
        dangling_ends=int(len(dangling)), zero_length_edges=int(len(zero)),
        stranded_buildings=int((b_comp != main).sum()), findings=findings)


def _component_findings(g: WalkGraph, labels: np.ndarray, comp_len: np.ndarray, main: int,
                        b_comp: np.ndarray, b_fids: np.ndarray) -> list[Finding]:
    edge_comp = labels[g.edge_u]
    order = np.argsort(-comp_len)
    out = []
    for c in order:
        if c == main:
            continue
        edges = np.flatnonzero(edge_comp == c)
        stranded = b_fids[b_comp == c]
        msg = (f"a piece of network of {comp_len[c]:.0f} m ({len(edges)} lines) is not joined "
               f"to the main network")
        if len(stranded):
            msg += f"; {len(stranded)} buildings join it and cannot reach centres elsewhere"
        features = {"network": sorted({int(f) for f in g.edge_fid[edges]})}
        if len(stranded):
            features["buildings"] = [int(f) for f in stranded]
        out.append(Finding("network_component", WARNING, msg, features=features,
                           params={"length": round(float(comp_len[c])), "lines": len(edges),
                                   "stranded": len(stranded)},
                           geometry=shapely.multilinestrings(g.edge_geometry[edges])))
    return out


def _dangling_findings(g: WalkGraph, nodes: np.ndarray) -> list[Finding]:
    if len(nodes) == 0:
        return []
    inc = g.incidence[nodes]
    edge_of = inc.indices  # one edge per dangling node (degree 1)
    if len(nodes) > MAX_DANGLING_FINDINGS:
        return [Finding("dangling_end", WARNING,
                        f"{len(nodes)} dead ends in the walking network",
                        params={"count": len(nodes)},
                        features={"network": sorted({int(f) for f in g.edge_fid[edge_of]})},
                        geometry=shapely.multipoints(g.node_xy[nodes]))]
    return [Finding("dangling_end", WARNING,
                    f"network line {g.edge_fid[e]} ends without meeting another line",
                    features={"network": [int(g.edge_fid[e])]}, params={"line": int(g.edge_fid[e])},
                    geometry=shapely.Point(g.node_xy[n]))
            for n, e in zip(nodes, edge_of, strict=True)]

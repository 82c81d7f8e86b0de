"""Contiguous, balanced, compact regions over an adjacency graph (numeric core).

The partition of a community into grid cells works on "atoms" (street blocks,
compounds, pieces of them). This module only sees the atoms as graph nodes
with a weight (households), a position and an area; it returns a region label
per node. The method follows the max-p family of heuristics (spopt, GeoDa):

1. seeds: a weighted k-means on node positions (started from nodes drawn by
   weight with the seeded random generator), one seed node nearest each centre;
2. construction: the region with the fewest households takes the unassigned
   neighbouring node nearest its centre, until every node is taken, so the
   regions grow evenly and stay contiguous by construction;
3. local search: a boundary node moves to a neighbouring region when that
   lowers the cost and the region it leaves stays connected; repeated until
   no move helps;
4. repair: a region still out of range is merged with a neighbour (else
   with two, else with all its neighbours into one region fewer or more, as
   a light or heavy neighbourhood needs) and the group re-split along a
   random spanning tree of its nodes, cutting tree edges so every part is in
   range at the lowest cost (the "ReCom" move of redistricting tools such as
   gerrychain); then step 3 again, until every region is in range. Only
   groups whose households can fall in range are tried, nearest an even load
   first, so a repair costs the same in a small and a large community.

The cost of a region is a heavy penalty for households outside [low, high]
(a fixed part, so being slightly out still costs more than any shape gain),
a small one for distance from the mean, and its normalised moment of inertia
(1 for a disc, larger for stretched or ragged shapes). Several restarts run
and the cheapest result is kept. Everything is deterministic for a seed.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from collections.abc import Sequence

import numpy as np
from scipy.spatial import cKDTree

#: a cell out of range costs W_OUT, plus linear and quadratic terms in the share of the
#: mid-range it misses by (the quadratic one lets two near misses beat one big miss)
W_OUT, W_RANGE, W_RANGE2, W_BALANCE, W_COMPACT = 0.5, 5.0, 50.0, 0.5, 0.25
#: groups of regions (nearest an even load first) that one repair re-splits at most
MAX_GROUPS = 4
#: neighbours that a light or heavy region is re-split with at most
MAX_RING = 5
#: rounds of repair and local search at most
REPAIR_ROUNDS = 8


def choose_region_count(total: float, low: float, high: float, nodes: int) -> int:
    """How many regions to make of ``total`` households (at least 1, at most ``nodes``)."""
    if total <= high or nodes <= 1:
        return 1
    mid = 0.5 * (low + high)
    k = max(1, round(total / mid))
    k_lo, k_hi = math.ceil(total / high), math.floor(total / low)
    if k_lo <= k_hi:
        k = min(max(k, k_lo), k_hi)
    return int(max(1, min(k, nodes)))


class _State:
    """Region sums kept up to date so a move is costed in O(1) (plain floats: fast)."""

    def __init__(self, labels: np.ndarray, w: np.ndarray, xy: np.ndarray, area: np.ndarray,
                 k: int, low: float, high: float):
        self.labels: list[int] = [int(v) for v in labels]
        self.low, self.high = low, high
        self.mid = 0.5 * (low + high)
        self.target = float(w.sum()) / k
        own = area ** 2 / (2 * math.pi)  # inertia of each node as a disc
        #: per node: households, area, area·x, area·y, area·r², own inertia
        self.node = np.c_[w, area, area * xy[:, 0], area * xy[:, 1],
                          area * (xy ** 2).sum(axis=1), own].tolist()
        sums = np.zeros((k, 6))
        np.add.at(sums, labels, np.asarray(self.node))
        self.sums = sums.tolist()
        self.count = np.bincount(labels, minlength=k).tolist()
        #: nodes of each region, kept up to date by :meth:`move`
        self.members: list[set[int]] = [set() for _ in range(k)]
        for i, r in enumerate(self.labels):
            self.members[r].add(i)

    def cost_of(self, s: Sequence[float]) -> float:
        h, a, ax, ay, ar2, own = s
        out = max(0.0, self.low - h) + max(0.0, h - self.high)
        cost = W_BALANCE * ((h - self.target) / self.mid) ** 2
        if out > 0:
            miss = out / self.mid
            cost += W_OUT + W_RANGE * miss + W_RANGE2 * miss * miss
        if a > 0:
            inertia = ar2 - (ax * ax + ay * ay) / a + own
            cost += W_COMPACT * (2 * math.pi * inertia / (a * a))
        return cost

    def move_delta(self, i: int, src: int, dst: int) -> float:
        d, s, t = self.node[i], self.sums[src], self.sums[dst]
        before = self.cost_of(s) + self.cost_of(t)
        after = self.cost_of([x - y for x, y in zip(s, d, strict=True)]) + \
            self.cost_of([x + y for x, y in zip(t, d, strict=True)])
        return after - before

    def move(self, i: int, src: int, dst: int) -> None:
        d = self.node[i]
        self.sums[src] = [x - y for x, y in zip(self.sums[src], d, strict=True)]
        self.sums[dst] = [x + y for x, y in zip(self.sums[dst], d, strict=True)]
        self.count[src] -= 1
        self.count[dst] += 1
        self.labels[i] = dst
        self.members[src].discard(i)
        self.members[dst].add(i)

    def total(self) -> float:
        return float(sum(self.cost_of(s) for s, c in zip(self.sums, self.count, strict=True)
                         if c))

    def new_region(self) -> int:
        """An empty region (a repair that re-splits a group into one more part)."""
        self.sums.append([0.0] * 6)
        self.count.append(0)
        self.members.append(set())
        return len(self.sums) - 1


def _kmeans_seeds(xy: np.ndarray, w: np.ndarray, k: int, rng: np.random.Generator) -> list[int]:
    """Seed nodes: the node nearest each centre of a weighted k-means.

    The centres start at ``k`` distinct nodes drawn with probability by weight
    (a k-means++ start costs O(n·k), too slow for a large community); Lloyd
    iterations then spread them. Each centre takes the nearest node not yet taken.
    """
    weight = w + 1e-9
    n = len(xy)
    start = rng.choice(n, size=k, replace=False, p=weight / weight.sum()) if \
        np.count_nonzero(w) >= k else rng.choice(n, size=k, replace=False)
    c = xy[start].astype(float)
    for _ in range(15):
        lab = cKDTree(c).query(xy)[1]
        tw = np.bincount(lab, weights=weight, minlength=k)
        has = tw > 0
        for dim in (0, 1):
            c[has, dim] = np.bincount(lab, weights=weight * xy[:, dim], minlength=k)[has] / tw[has]
    nearest = min(n, 16)
    _, near = cKDTree(xy).query(c, k=nearest)
    near = np.asarray(near).reshape(k, nearest)
    seeds: list[int] = []
    taken = np.zeros(n, dtype=bool)
    for j in range(k):
        free = near[j][~taken[near[j]]]
        if len(free):
            s = int(free[0])
        else:  # all 16 nearest taken: the nearest free node anywhere
            d = ((xy - c[j]) ** 2).sum(-1)
            d[taken] = np.inf
            s = int(np.argmin(d))
        taken[s] = True
        seeds.append(s)
    return seeds


def _grow(adj: Sequence[Sequence[int]], w: np.ndarray, xy: np.ndarray, seeds: list[int]) -> np.ndarray:
    """Grow regions from seeds, the lightest region taking its nearest free neighbour."""
    n = len(w)
    labels = np.full(n, -1, dtype=np.int64)
    centre = xy[seeds].astype(float)
    frontier: list[set[int]] = []
    heap: list[tuple[float, int]] = []
    for r, s in enumerate(seeds):
        labels[s] = r
    for r, s in enumerate(seeds):
        frontier.append({j for j in adj[s] if labels[j] < 0})
        heap.append((float(w[s]), r))
    heapq.heapify(heap)
    while heap:
        h, r = heapq.heappop(heap)
        cand = sorted(j for j in frontier[r] if labels[j] < 0)
        if not cand:
            continue  # this region is closed in
        d2 = ((xy[cand] - centre[r]) ** 2).sum(-1)
        j = cand[int(np.argmin(d2))]
        labels[j] = r
        frontier[r] = set(cand)
        frontier[r].discard(j)
        frontier[r].update(q for q in adj[j] if labels[q] < 0)
        heapq.heappush(heap, (h + float(w[j]), r))
    return labels


def _connected_without(adj: Sequence[Sequence[int]], labels: list[int], i: int,
                       members: int) -> bool:
    """Does region labels[i] (of ``members`` nodes without i) stay connected when i leaves?"""
    r = labels[i]
    nbrs = [j for j in adj[i] if labels[j] == r]
    if len(nbrs) <= 1:
        return True
    seen = {nbrs[0]}
    queue = deque([nbrs[0]])
    while queue:
        u = queue.popleft()
        for v in adj[u]:
            if v != i and v not in seen and labels[v] == r:
                seen.add(v)
                queue.append(v)
    return len(seen) == members


def _cut_delta(adj: Sequence[Sequence[int]], cuts: Sequence[Sequence[float]],
               labels: list[int], i: int, src: int, dst: int) -> float:
    """Change in the cost of region edges when node i moves from src to dst."""
    d = 0.0
    for j, c in zip(adj[i], cuts[i], strict=True):
        if c:
            lj = labels[j]
            d += c * ((lj != dst) - (lj != src))
    return d


def _cut_total(adj: Sequence[Sequence[int]], cuts: Sequence[Sequence[float]] | None,
               labels: list[int]) -> float:
    if cuts is None:
        return 0.0
    return 0.5 * sum(c for i, nb in enumerate(adj) for j, c in zip(nb, cuts[i], strict=True)
                     if labels[i] != labels[j])


def _local_search(adj: Sequence[Sequence[int]], state: _State, rng: np.random.Generator,
                  cuts: Sequence[Sequence[float]] | None = None, max_passes: int = 40) -> None:
    """Move boundary nodes while that lowers the cost; later passes only revisit
    nodes next to a move (the others cannot have a new improving move)."""
    todo = np.arange(len(state.labels))
    for _ in range(max_passes):
        touched: set[int] = set()
        for i in rng.permutation(todo):
            i = int(i)
            src = state.labels[i]
            targets = sorted({state.labels[j] for j in adj[i]} - {src})
            if not targets or state.count[src] <= 1:
                continue
            deltas = [state.move_delta(i, src, t) for t in targets]
            if cuts is not None:
                deltas = [d + _cut_delta(adj, cuts, state.labels, i, src, t)
                          for d, t in zip(deltas, targets, strict=True)]
            best = int(np.argmin(deltas))
            if deltas[best] < -1e-9 and _connected_without(adj, state.labels, i,
                                                             state.count[src] - 1):
                state.move(i, src, targets[best])
                touched.add(i)
                touched.update(adj[i])
        if not touched:
            return
        todo = np.fromiter(sorted(touched), dtype=np.int64)


def _random_tree(adj: Sequence[Sequence[int]], nodes: list[int], rng: np.random.Generator
                 ) -> tuple[list[int], list[int]] | None:
    """BFS order and parents (local positions) of a random spanning tree of ``nodes``.

    Kruskal's algorithm on randomly ordered edges; None if ``nodes`` are not connected.
    """
    local = {v: i for i, v in enumerate(nodes)}
    m = len(nodes)
    edges = [(local[u], local[v]) for u in nodes for v in adj[u]
             if v in local and local[v] > local[u]]
    root = list(range(m))

    def find(a: int) -> int:
        while root[a] != a:
            root[a] = root[root[a]]
            a = root[a]
        return a

    tree: list[list[int]] = [[] for _ in range(m)]
    joined = 0
    for e in rng.permutation(len(edges)):
        a, b = edges[e]
        ra, rb = find(a), find(b)
        if ra != rb:
            root[ra] = rb
            tree[a].append(b)
            tree[b].append(a)
            joined += 1
    if joined != m - 1:
        return None
    order, parent = [0], [-1] * m
    seen = [False] * m
    seen[0] = True
    for u in order:
        for v in tree[u]:
            if not seen[v]:
                seen[v] = True
                parent[v] = u
                order.append(v)
    return order, parent


def _tree_partition(adj: Sequence[Sequence[int]], nodes: list[int], k: int, state: _State,
                    rng: np.random.Generator) -> tuple[float, list[list[int]]] | None:
    """Split ``nodes`` into ``k`` connected in-range parts by cutting a random spanning tree.

    Returns (cost of the parts, parts) for the cheapest cut found, or None.
    """
    sums = np.asarray([state.node[v] for v in nodes])
    total = sums.sum(axis=0)
    if k == 1:
        ok = state.low <= total[0] <= state.high
        return (state.cost_of(total.tolist()), [list(nodes)]) if ok else None
    found = _random_tree(adj, nodes, rng)
    if found is None:
        return None
    order, parent = found
    sub = sums.copy()
    for i in order[::-1][:-1]:
        sub[parent[i]] += sub[i]
    rest_lo, rest_hi = (k - 1) * state.low, (k - 1) * state.high
    cuts = [int(i) for i in order[1:] if state.low <= sub[i][0] <= state.high
            and rest_lo <= total[0] - sub[i][0] <= rest_hi]
    cuts.sort(key=lambda i: state.cost_of(sub[i].tolist()))
    children: dict[int, list[int]] = {}
    for i in order[1:]:
        children.setdefault(int(parent[i]), []).append(int(i))
    for i in cuts[:3]:
        stack, part = [i], []
        while stack:
            u = stack.pop()
            part.append(nodes[u])
            stack.extend(children.get(u, []))
        inside = set(part)
        rest = _tree_partition(adj, [v for v in nodes if v not in inside], k - 1, state, rng)
        if rest is not None:
            return state.cost_of(sub[i].tolist()) + rest[0], [part, *rest[1]]
    return None


def _out_of_range(state: _State, r: int) -> bool:
    return state.count[r] > 0 and not state.low <= state.sums[r][0] <= state.high


def _neighbour_regions(adj: Sequence[Sequence[int]], state: _State, regions: set[int]
                       ) -> list[int]:
    labels = state.labels
    return sorted({labels[j] for r in regions for i in state.members[r] for j in adj[i]}
                  - regions)


def _options(state: _State, groups: Sequence[tuple[int, ...]], extra: tuple[int, ...]
             ) -> list[tuple[tuple[int, ...], int]]:
    """(group, parts) pairs whose households could make that many regions in
    range, nearest an even load first; ``parts`` is the group's size plus
    one of ``extra`` (e.g. (0,) or (-1, 0, 1): one region fewer or more)."""
    scored = []
    for group in groups:
        h = sum(state.sums[g][0] for g in group)
        for d in extra:
            parts = len(group) + d
            if parts >= 1 and parts * state.low <= h <= parts * state.high:
                scored.append((abs(h / parts - state.target), group, parts))
    scored.sort()
    return [(g, p) for _, g, p in scored[:MAX_GROUPS]]


def _resplit(adj: Sequence[Sequence[int]], state: _State,
             options: list[tuple[tuple[int, ...], int]], rng: np.random.Generator,
             tries: int) -> bool:
    """Re-split the cheapest group of regions that a random spanning tree cuts
    into in-range parts at a lower cost; True when one was."""
    best = None
    for group, parts in options:
        nodes = sorted(v for g in group for v in state.members[g])
        before = sum(state.cost_of(state.sums[g]) for g in group)
        for _ in range(tries):
            found = _tree_partition(adj, nodes, parts, state, rng)
            if found and found[0] < before and (best is None or found[0] < best[0]):
                best = (found[0], group, found[1])
    if best is None:
        return False
    _, group, split = best
    labels = list(group) + [state.new_region() for _ in range(len(split) - len(group))]
    for g, part in zip(labels, split, strict=False):
        for v in part:
            if state.labels[v] != g:
                state.move(v, state.labels[v], g)
    return True


def _repair_region(adj: Sequence[Sequence[int]], state: _State, r: int,
                   rng: np.random.Generator, tries: int) -> bool:
    """Re-split region r with one neighbour, else with two, else with all of
    them into one region fewer or more (a light or heavy neighbourhood needs
    fewer or more regions than the seeds gave it); True when it worked."""
    near = _neighbour_regions(adj, state, {r})
    pairs: list[tuple[int, ...]] = [(r, q) for q in near]
    if _resplit(adj, state, _options(state, pairs, (0,)), rng, tries):
        return True
    triples = sorted({(r, q, p) for _, q in pairs
                      for p in _neighbour_regions(adj, state, {r, q})})
    if _resplit(adj, state, _options(state, triples, (0,)), rng, tries):
        return True
    ring: list[tuple[int, ...]] = [(r, *near[:MAX_RING])] + [(r, *near[i:i + 2]) for i in range(len(near) - 1)]
    return _resplit(adj, state, _options(state, ring + pairs, (-1, 1)), rng, tries)


def _repair(adj: Sequence[Sequence[int]], state: _State, rng: np.random.Generator,
            tries: int = 4) -> bool:
    """Re-split out-of-range regions with neighbours; True when anything changed."""
    changed = False
    for r in range(len(state.sums)):
        if _out_of_range(state, r):
            changed |= _repair_region(adj, state, r, rng, tries)
    return changed


def regionalize(adj: Sequence[Sequence[int]], weights: np.ndarray, xy: np.ndarray,
                areas: np.ndarray, k: int, low: float, high: float, seed: int = 0,
                restarts: int = 3, cut_costs: Sequence[Sequence[float]] | None = None
                ) -> np.ndarray:
    """Label each node of one connected graph with a region 0..k-1.

    Parameters
    ----------
    adj
        Neighbour lists (the graph must be connected).
    weights, xy, areas
        Households, position (n×2) and area of each node.
    k
        Number of regions (see :func:`choose_region_count`).
    low, high
        The household range each region should fall in.
    seed
        Random seed; the same inputs and seed give the same labels.
    restarts
        Independent constructions to try; the cheapest result is kept.
    cut_costs
        Optional cost of each edge (same layout as ``adj``) when its two nodes
        end up in different regions, e.g. to keep region edges on streets.
    """
    n = len(weights)
    w = np.asarray(weights, dtype=float)
    xy = np.asarray(xy, dtype=float)
    xy = xy - xy.mean(axis=0) if n else xy
    areas = np.asarray(areas, dtype=float)
    k = int(max(1, min(k, n)))
    if k == 1:
        return np.zeros(n, dtype=np.int64)
    best: np.ndarray | None = None
    best_cost: tuple[int, float] = (n + 1, math.inf)
    for attempt in range(max(1, restarts)):
        rng = np.random.default_rng([seed, attempt])
        labels = _grow(adj, w, xy, _kmeans_seeds(xy, w, k, rng))
        if (labels < 0).any():  # not connected: leave the rest to the first region
            labels[labels < 0] = 0
        state = _State(labels, w, xy, areas, k, low, high)
        _local_search(adj, state, rng, cut_costs)
        for _ in range(REPAIR_ROUNDS):
            if not any(_out_of_range(state, r) for r in range(len(state.sums))) or \
                    not _repair(adj, state, rng):
                break
            _local_search(adj, state, rng, cut_costs)
        misses = sum(_out_of_range(state, r) for r in range(len(state.sums)))
        cost = (misses, state.total() + _cut_total(adj, cut_costs, state.labels))
        if best is None or cost < best_cost:  # fewest regions out of range, then cheapest
            best, best_cost = np.asarray(state.labels, dtype=np.int64), cost
    assert best is not None, "at least one attempt is made"
    return best

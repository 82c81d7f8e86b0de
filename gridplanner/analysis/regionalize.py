"""Contiguous, balanced, compact regions over an adjacency graph (numeric core).

The partition of a community into grid cells works on "atoms" (street blocks,
compounds, pieces of them). This module only sees the atoms as graph nodes
with a weight (households), a position and an area; it returns a region label
per node. The method follows the max-p family of heuristics (spopt, GeoDa):

1. seeds: a weighted k-means on node positions (k-means++ start from the
   seeded random generator), one seed node nearest each centre;
2. construction: the region with the fewest households takes the unassigned
   neighbouring node nearest its centre, until every node is taken, so the
   regions grow evenly and stay contiguous by construction;
3. local search: a boundary node moves to a neighbouring region when that
   lowers the cost and the region it leaves stays connected; repeated until
   no move helps.

The cost of a region is a heavy penalty for households outside [low, high],
a small one for distance from the mean, and its normalised moment of inertia
(1 for a disc, larger for stretched or ragged shapes). Several restarts run
and the cheapest result is kept. Everything is deterministic for a seed.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence

import numpy as np

W_RANGE, W_BALANCE, W_COMPACT = 50.0, 0.5, 0.25


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
    """Region sums kept up to date so a move is costed in O(1)."""

    def __init__(self, labels: np.ndarray, w: np.ndarray, xy: np.ndarray, area: np.ndarray,
                 k: int, low: float, high: float):
        self.labels = labels
        self.w, self.xy, self.area = w, xy, area
        self.low, self.high = low, high
        self.mid = 0.5 * (low + high)
        self.target = float(w.sum()) / k
        self.r2 = (xy ** 2).sum(axis=1)
        self.h = np.bincount(labels, weights=w, minlength=k)
        self.a = np.bincount(labels, weights=area, minlength=k)
        self.ax = np.bincount(labels, weights=area * xy[:, 0], minlength=k)
        self.ay = np.bincount(labels, weights=area * xy[:, 1], minlength=k)
        self.ar2 = np.bincount(labels, weights=area * self.r2, minlength=k)
        self.own = area ** 2 / (2 * math.pi)  # inertia of each node as a disc

        self.own_sum = np.bincount(labels, weights=self.own, minlength=k)

    def cost_of(self, h: float, a: float, ax: float, ay: float, ar2: float, own: float) -> float:
        out = max(0.0, self.low - h) + max(0.0, h - self.high)
        cost = W_RANGE * (out / self.mid) ** 2 + W_BALANCE * ((h - self.target) / self.mid) ** 2
        if a > 0:
            inertia = ar2 - (ax * ax + ay * ay) / a + own
            cost += W_COMPACT * (2 * math.pi * inertia / (a * a))
        return cost

    def region_cost(self, r: int) -> float:
        return self.cost_of(self.h[r], self.a[r], self.ax[r], self.ay[r], self.ar2[r],
                            self.own_sum[r])

    def move_delta(self, i: int, src: int, dst: int) -> float:
        ai = self.area[i]
        d = np.array([self.w[i], ai, ai * self.xy[i, 0], ai * self.xy[i, 1], ai * self.r2[i],
                      self.own[i]])
        s = np.array([self.h[src], self.a[src], self.ax[src], self.ay[src], self.ar2[src],
                      self.own_sum[src]])
        t = np.array([self.h[dst], self.a[dst], self.ax[dst], self.ay[dst], self.ar2[dst],
                      self.own_sum[dst]])
        before = self.cost_of(*s) + self.cost_of(*t)
        after = self.cost_of(*(s - d)) + self.cost_of(*(t + d))
        return after - before

    def move(self, i: int, src: int, dst: int) -> None:
        ai = self.area[i]
        for arr, v in ((self.h, self.w[i]), (self.a, ai), (self.ax, ai * self.xy[i, 0]),
                       (self.ay, ai * self.xy[i, 1]), (self.ar2, ai * self.r2[i]),
                       (self.own_sum, self.own[i])):
            arr[src] -= v
            arr[dst] += v
        self.labels[i] = dst

    def total(self) -> float:
        return float(sum(self.region_cost(r) for r in range(len(self.h))))


def _kmeans_seeds(xy: np.ndarray, w: np.ndarray, k: int, rng: np.random.Generator) -> list[int]:
    """Seed nodes: the node nearest each centre of a weighted k-means."""
    weight = w + 1e-9
    prob = weight / weight.sum()
    centres = [xy[rng.choice(len(xy), p=prob)]]
    for _ in range(1, k):
        d2 = np.min(((xy[:, None, :] - np.array(centres)[None, :, :]) ** 2).sum(-1), axis=1)
        p = d2 * weight
        centres.append(xy[rng.choice(len(xy), p=p / p.sum())] if p.sum() > 0 else xy[0])
    c = np.array(centres)
    for _ in range(15):
        lab = np.argmin(((xy[:, None, :] - c[None, :, :]) ** 2).sum(-1), axis=1)
        for j in range(k):
            m = lab == j
            if m.any():
                c[j] = np.average(xy[m], axis=0, weights=weight[m])
    seeds: list[int] = []
    for j in range(k):
        d2 = ((xy - c[j]) ** 2).sum(-1)
        d2[seeds] = np.inf
        seeds.append(int(np.argmin(d2)))
    return seeds


def _grow(adj: Sequence[Sequence[int]], w: np.ndarray, xy: np.ndarray, seeds: list[int]) -> np.ndarray:
    """Grow regions from seeds, the lightest region taking its nearest free neighbour."""
    n, k = len(w), len(seeds)
    labels = np.full(n, -1, dtype=np.int64)
    h = np.zeros(k)
    centre = xy[seeds].astype(float).copy()
    for r, s in enumerate(seeds):
        labels[s] = r
        h[r] = w[s]
    frontier = [set(j for j in adj[s] if labels[j] < 0) for s in seeds]
    left = n - k
    while left > 0:
        live = [r for r in range(k) if frontier[r]]
        if not live:
            break
        r = min(live, key=lambda q: (h[q], q))
        cand = sorted(frontier[r])
        d2 = ((xy[cand] - centre[r]) ** 2).sum(-1)
        j = cand[int(np.argmin(d2))]
        labels[j] = r
        h[r] += w[j]
        left -= 1
        for f in frontier:
            f.discard(j)
        frontier[r].update(q for q in adj[j] if labels[q] < 0)
    return labels


def _connected_without(adj: Sequence[Sequence[int]], labels: np.ndarray, i: int) -> bool:
    """Does region labels[i] stay connected when node i leaves it?"""
    r = labels[i]
    nbrs = [j for j in adj[i] if labels[j] == r]
    if len(nbrs) <= 1:
        return True
    members = int(np.count_nonzero(labels == r)) - 1
    seen = {nbrs[0]}
    queue = deque([nbrs[0]])
    while queue:
        u = queue.popleft()
        for v in adj[u]:
            if v != i and v not in seen and labels[v] == r:
                seen.add(v)
                queue.append(v)
    return len(seen) == members


def _local_search(adj: Sequence[Sequence[int]], state: _State, rng: np.random.Generator,
                  max_passes: int = 40) -> None:
    n = len(state.labels)
    for _ in range(max_passes):
        improved = False
        for i in rng.permutation(n):
            src = int(state.labels[i])
            targets = sorted({int(state.labels[j]) for j in adj[i]} - {src})
            if not targets or np.count_nonzero(state.labels == src) <= 1:
                continue
            deltas = [state.move_delta(i, src, t) for t in targets]
            best = int(np.argmin(deltas))
            if deltas[best] < -1e-9 and _connected_without(adj, state.labels, i):
                state.move(i, src, targets[best])
                improved = True
        if not improved:
            return


def regionalize(adj: Sequence[Sequence[int]], weights: np.ndarray, xy: np.ndarray,
                areas: np.ndarray, k: int, low: float, high: float, seed: int = 0,
                restarts: int = 3) -> np.ndarray:
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
    """
    n = len(weights)
    w = np.asarray(weights, dtype=float)
    xy = np.asarray(xy, dtype=float)
    xy = xy - xy.mean(axis=0) if n else xy
    areas = np.asarray(areas, dtype=float)
    k = int(max(1, min(k, n)))
    if k == 1:
        return np.zeros(n, dtype=np.int64)
    best, best_cost = None, math.inf
    for attempt in range(max(1, restarts)):
        rng = np.random.default_rng([seed, attempt])
        labels = _grow(adj, w, xy, _kmeans_seeds(xy, w, k, rng))
        if (labels < 0).any():  # not connected: leave the rest to the first region
            labels[labels < 0] = 0
        state = _State(labels, w, xy, areas, k, low, high)
        _local_search(adj, state, rng)
        cost = state.total()
        if cost < best_cost - 1e-12:
            best, best_cost = state.labels.copy(), cost
    return best

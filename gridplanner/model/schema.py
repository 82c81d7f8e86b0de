"""Layer and table schemas of a plan, and the vocabularies they use.

A schema lists each column with its dtype and default. Frames entering the
model are conformed to it (missing columns added with defaults, dtypes
coerced), so every other part of the code can rely on the columns existing.
Extra columns are kept: buildings carry their source attributes through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BoundaryLevel(StrEnum):
    SUBDISTRICT = "subdistrict"
    COMMUNITY = "community"
    COMPOUND = "compound"


class CellKind(StrEnum):
    COMPREHENSIVE = "comprehensive"
    DEDICATED = "dedicated"


class WorkerRole(StrEnum):
    LEADER = "leader"
    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    STEWARD = "steward"
    SUPERVISOR = "supervisor"


class BranchKind(StrEnum):
    GRID = "grid"
    JOINT = "joint"
    COMPOUND = "compound"
    #: the community Party committee (社区大党委), the root of a community's tree
    COMMITTEE = "committee"


class CentreStatus(StrEnum):
    BUILT = "built"
    UNDER_CONSTRUCTION = "under_construction"
    PLANNED = "planned"
    PILOT = "pilot"


#: Statuses of centres open today ("now"); the others open when the plan is built.
OPEN_STATUSES: tuple[str, ...] = (CentreStatus.BUILT.value, CentreStatus.PILOT.value)


class CentreKind(StrEnum):
    NEIGHBOURHOOD = "neighbourhood_centre"
    PARTY_STATION = "party_station"
    HEALTH = "health_station"
    ELDERLY_DAY_CARE = "elderly_day_care"
    CHILDCARE = "childcare"
    MARKET = "market"
    CULTURE_SPORTS = "culture_sports"
    PUBLIC_SERVICES = "public_services"
    OTHER = "other"


#: The "six basics" plus a few common extras; users may add their own.
DEFAULT_SERVICES: tuple[str, ...] = (
    "childcare",
    "elderly_care",
    "health",
    "food",
    "culture",
    "public_affairs",
)

SERVICE_SEPARATOR = ";"

GEOMETRY_POLYGON = "polygon"
GEOMETRY_POINT = "point"
GEOMETRY_LINE = "line"
GEOMETRY_POLYGON_OR_POINT = "polygon_or_point"


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # pandas dtype name: "string", "Int64", "float64", "boolean"
    default: object = None


@dataclass(frozen=True)
class LayerSpec:
    """What a layer or table holds.

    ``geometry`` is None for attribute-only tables (the roster).
    """

    name: str
    geometry: str | None
    columns: tuple[Column, ...] = field(default_factory=tuple)
    label_field: str | None = None

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


BOUNDARIES = LayerSpec(
    "boundaries",
    GEOMETRY_POLYGON,
    (
        Column("level", "string", BoundaryLevel.COMMUNITY.value),
        Column("name", "string", ""),
        Column("code", "string", ""),
        Column("parent", "string", ""),
        #: compounds: walled (gated), and why a compound with enough resident
        #: Party members has no compound branch (the "or a reason" of 应建尽建)
        Column("walled", "boolean", True),
        Column("branch_reason", "string", ""),
    ),
    label_field="name",
)

BUILDINGS = LayerSpec(
    "buildings",
    GEOMETRY_POLYGON_OR_POINT,
    (
        Column("name", "string", ""),
        Column("households", "float64", 0.0),
        Column("residents", "float64", 0.0),
        Column("floors", "float64", float("nan")),
        Column("households_estimated", "boolean", False),
    ),
)

CELLS = LayerSpec(
    "cells",
    GEOMETRY_POLYGON,
    (
        Column("code", "string", ""),
        Column("name", "string", ""),
        Column("kind", "string", CellKind.COMPREHENSIVE.value),
        Column("community", "string", ""),
        Column("responsible_unit", "string", ""),
        Column("notes", "string", ""),
    ),
    label_field="code",
)

CENTRES = LayerSpec(
    "centres",
    GEOMETRY_POINT,
    (
        Column("name", "string", ""),
        Column("kind", "string", CentreKind.NEIGHBOURHOOD.value),
        Column("services", "string", ""),
        Column("capacity", "float64", float("nan")),
        Column("hours", "string", ""),
        Column("notes", "string", ""),
        #: built / under construction / planned / pilot, and the year it opened
        #: or is due; older plans load every centre as built
        Column("status", "string", CentreStatus.BUILT.value),
        Column("year", "Int64", None),
        Column("floor_area_m2", "float64", float("nan")),
        #: named placement variants the centre belongs to (``;``-separated);
        #: empty means it is in every scenario
        Column("scenarios", "string", ""),
    ),
    label_field="name",
)

NETWORK = LayerSpec(
    "network",
    GEOMETRY_LINE,
    (
        Column("highway", "string", ""),
        Column("name", "string", ""),
    ),
)

WORKERS = LayerSpec(
    "workers",
    None,
    (
        Column("name", "string", ""),
        Column("phone", "string", ""),
        Column("role", "string", WorkerRole.FULL_TIME.value),
        Column("community", "string", ""),
        Column("notes", "string", ""),
    ),
)

BRANCHES = LayerSpec(
    "branches",
    None,
    (
        Column("name", "string", ""),
        Column("secretary", "string", ""),
        Column("full_members", "Int64", 0),
        Column("kind", "string", BranchKind.GRID.value),
        Column("notes", "string", ""),
        #: the organisation tree: the committee (or branch) above this one
        Column("parent_fid", "Int64", None),
        Column("community", "string", ""),
        #: compound branches: the name of the compound they serve
        Column("compound", "string", ""),
    ),
)

#: Who is on which cell: one row per (cell, worker) or (cell, branch).
ASSIGNMENTS = LayerSpec(
    "assignments",
    None,
    (
        Column("cell_fid", "Int64", None),
        Column("target", "string", "worker"),  # "worker" or "branch"
        Column("target_fid", "Int64", None),
    ),
)

#: Micro-grids (微网格): a few buildings inside one grid cell, numbered within it.
MICRO_GRIDS = LayerSpec(
    "micro_grids",
    GEOMETRY_POLYGON,
    (
        Column("code", "string", ""),
        Column("name", "string", ""),
        Column("cell_fid", "Int64", None),
        Column("number", "Int64", None),
        Column("steward", "string", ""),
        Column("notes", "string", ""),
    ),
    label_field="code",
)

#: Building Party groups (楼栋党小组), under a branch.
PARTY_GROUPS = LayerSpec(
    "party_groups",
    None,
    (
        Column("name", "string", ""),
        Column("leader", "string", ""),
        Column("branch_fid", "Int64", None),
        Column("members", "Int64", 0),
        Column("micro_fid", "Int64", None),
        #: building fids the group covers, ``;``-separated
        Column("buildings", "string", ""),
        Column("notes", "string", ""),
    ),
)

#: Party-member households (党员中心户), each looking after a few households.
PARTY_HOUSEHOLDS = LayerSpec(
    "party_households",
    None,
    (
        Column("name", "string", ""),
        Column("phone", "string", ""),
        Column("building_fid", "Int64", None),
        Column("micro_fid", "Int64", None),
        Column("group_fid", "Int64", None),
        #: households looked after; empty means an equal share of its micro-grid
        Column("households", "Int64", None),
        Column("notes", "string", ""),
    ),
)

#: In-service Party members reporting to the community where they live (双报到).
PARTY_MEMBERS = LayerSpec(
    "party_members",
    None,
    (
        Column("name", "string", ""),
        Column("phone", "string", ""),
        Column("work_unit", "string", ""),
        Column("home", "string", ""),
        Column("building_fid", "Int64", None),
        Column("community", "string", ""),
        Column("cell_fid", "Int64", None),
        Column("micro_fid", "Int64", None),
        Column("notes", "string", ""),
    ),
)

VOLUNTEERS = LayerSpec(
    "volunteers",
    None,
    (
        Column("name", "string", ""),
        Column("phone", "string", ""),
        Column("team", "string", ""),
        Column("skills", "string", ""),
        Column("community", "string", ""),
        Column("cell_fid", "Int64", None),
        Column("micro_fid", "Int64", None),
        Column("notes", "string", ""),
    ),
)

#: Community staff and their duty days at a centre.
STAFF = LayerSpec(
    "staff",
    None,
    (
        Column("name", "string", ""),
        Column("phone", "string", ""),
        Column("post", "string", ""),
        Column("community", "string", ""),
        Column("centre_fid", "Int64", None),
        #: e.g. "Mon;Wed;Fri" or "周一;周三"
        Column("duty_days", "string", ""),
        Column("notes", "string", ""),
    ),
)

#: The registers beside the grid workers, by table name.
REGISTERS: tuple[str, ...] = ("party_members", "volunteers", "staff")

LAYER_SPECS: dict[str, LayerSpec] = {
    spec.name: spec
    for spec in (BOUNDARIES, BUILDINGS, CELLS, CENTRES, NETWORK, WORKERS, BRANCHES, ASSIGNMENTS,
                 MICRO_GRIDS, PARTY_GROUPS, PARTY_HOUSEHOLDS, PARTY_MEMBERS, VOLUNTEERS, STAFF)
}

SPATIAL_LAYERS: tuple[str, ...] = tuple(n for n, s in LAYER_SPECS.items() if s.geometry)
TABLES: tuple[str, ...] = tuple(n for n, s in LAYER_SPECS.items() if not s.geometry)


def split_services(value: object) -> list[str]:
    """The services of a centre as a list (stored ``;``-separated)."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [s.strip() for s in str(value).split(SERVICE_SEPARATOR) if s.strip()]


def join_services(services: list[str] | tuple[str, ...]) -> str:
    return SERVICE_SEPARATOR.join(s.strip() for s in services if s.strip())

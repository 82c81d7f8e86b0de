"""Grid codes: DB11/T 2157-2023 (default) and CJ/T 349-2010.

DB11/T 2157-2023, 15 digits::

    county (6, GB/T 2260) + sub-district (3) + community (3) + serial (3)

CJ/T 349-2010 as used here, 20 digits::

    category (6) + admin code (6) + sub-district (3) + community (3) + serial (2)

The county comes from ``settings.county_code``, the sub-district from
``settings.subdistrict_code``; the community code is the last three digits of
the community boundary's ``code`` field, or its position (1, 2, ...) among the
communities ordered by feature id when the field holds no digits. When the
boundary carries a 12-digit statistical division code (county 6 +
sub-district/town 3 + committee 3) and the settings still hold the default
county (000000), county and sub-district come from that code, so grids get
real codes without typing anything into settings; a county set in the
settings overrides it.

Serial order ("west to east, then north to south"), precisely: the cells of a
community are banded into rows by the y of their centroid. Taking cells from
north to south, a row starts at the northernmost cell not yet placed and takes
every cell whose centroid lies less than half the median cell height (of the
community's cell bounding boxes) below that first cell. Rows are numbered
north to south and, within a row, cells west to east by centroid x.

Renumbering keeps every code that is still valid for its cell (right scheme,
right community prefix, not duplicated) unless a full renumber is asked for;
cells without one get the lowest free serials, in serial order, so the
serials of a community stay 1..n without holes after cells are redrawn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
import shapely

from gridplanner.errors import AnalysisError
from gridplanner.model.plan import Plan

SCHEMES = {
    "db11": (("county", 6), ("subdistrict", 3), ("community", 3), ("serial", 3)),
    "cjt349": (("category", 6), ("admin", 6), ("subdistrict", 3), ("community", 3),
               ("serial", 2)),
}
DEFAULT_CATEGORY = "000000"


def code_length(scheme: str) -> int:
    return sum(n for _, n in _fields(scheme))


def _fields(scheme: str) -> tuple[tuple[str, int], ...]:
    try:
        return SCHEMES[scheme]
    except KeyError:
        raise AnalysisError(f"unknown grid code scheme {scheme!r} (db11 or cjt349)") from None


def parse_code(code: str, scheme: str = "db11") -> dict[str, str]:
    """Split a code into its named parts; raises AnalysisError saying what is wrong."""
    reason = code_problem(code, scheme)
    if reason:
        raise AnalysisError(reason)
    parts, pos = {}, 0
    for name, n in _fields(scheme):
        parts[name] = code[pos:pos + n]
        pos += n
    return parts


def code_problem(code: str, scheme: str = "db11") -> str | None:
    """Why ``code`` is not a valid code of ``scheme``, or None when it is."""
    n = code_length(scheme)
    text = "" if code is None or code is pd.NA else str(code)
    if not text:
        return "the cell has no code"
    if not text.isdigit():
        return f"code {text!r} has characters other than digits"
    if len(text) != n:
        return f"code {text!r} has {len(text)} digits, the {scheme} scheme uses {n}"
    if int(text[-_fields(scheme)[-1][1]:]) == 0:
        return f"code {text!r} has serial 0; serials start at 1"
    return None


def community_codes(plan: Plan) -> dict[str, str]:
    """The 3-digit code of every community, by community name."""
    frame = plan.communities().sort_index()
    out: dict[str, str] = {}
    for order, (_, row) in enumerate(frame.iterrows(), start=1):
        digits = re.sub(r"\D", "", str(row.get("code") or ""))
        code = digits[-3:].zfill(3) if digits else str(order).zfill(3)
        out.setdefault(str(row["name"]), code)
    return out


def statistical_codes(plan: Plan) -> dict[str, str]:
    """The 12-digit statistical division code of every community that has one, by name."""
    out: dict[str, str] = {}
    for name, code in zip(plan.communities()["name"], plan.communities()["code"], strict=True):
        digits = re.sub(r"\s", "", str(code or ""))
        if len(digits) == 12 and digits.isdigit() and int(digits[:6]) > 0:
            out.setdefault(str(name), digits)
    return out


def code_prefix(plan: Plan, community: str, scheme: str = "db11",
                category: str = DEFAULT_CATEGORY) -> str:
    """Everything in a cell code before the serial, for a community."""
    s = plan.settings
    county = _digits(s.county_code, 6, "county code")
    sub = _digits(s.subdistrict_code, 3, "sub-district code")
    statistical = statistical_codes(plan).get(community)
    if statistical and int(county) == 0:
        county, sub = statistical[:6], statistical[6:9]
    comm = community_codes(plan).get(community, "000")
    if scheme == "db11":
        return county + sub + comm
    _fields(scheme)
    return _digits(category, 6, "category code") + county + sub + comm


def _digits(value: str, n: int, what: str) -> str:
    text = str(value or "").strip()
    if not text.isdigit() or len(text) > n:
        raise AnalysisError(f"the {what} {text!r} must be up to {n} digits")
    return text.zfill(n)


def serial_order(geometries: Sequence[shapely.Geometry] | np.ndarray) -> list[int]:
    """Positions of ``geometries`` in serial order (rows north→south, west→east)."""
    geoms = np.asarray(geometries, dtype=object)
    if len(geoms) == 0:
        return []
    cent = shapely.centroid(geoms)
    x, y = shapely.get_x(cent), shapely.get_y(cent)
    b = shapely.bounds(geoms)
    heights = b[:, 3] - b[:, 1]
    tol = 0.5 * float(np.nanmedian(heights)) if np.isfinite(heights).any() else 0.0
    remaining = sorted(range(len(geoms)), key=lambda i: (-y[i], x[i], i))
    order: list[int] = []
    while remaining:
        top = y[remaining[0]]
        row = [i for i in remaining if top - y[i] < tol or i == remaining[0]]
        chosen = set(row)
        order.extend(sorted(row, key=lambda i: (x[i], -y[i], i)))
        remaining = [i for i in remaining if i not in chosen]
    return order


def assign_codes(plan: Plan, scheme: str | None = None, renumber: bool = False,
                 category: str = DEFAULT_CATEGORY,
                 cells: pd.DataFrame | None = None) -> dict[int, str]:
    """Codes for every cell of the plan, by cell fid (the plan is not changed).

    Parameters
    ----------
    plan
        The plan whose cells to number.
    scheme
        ``"db11"`` or ``"cjt349"``; default the plan's setting.
    renumber
        Give every cell a fresh serial in serial order instead of keeping
        the codes that are still valid.
    category
        The 6-digit category for the cjt349 scheme.
    cells
        A cells frame to number instead of the plan's (e.g. before it is applied).
    """
    scheme = scheme or plan.settings.code_scheme
    serial_digits = _fields(scheme)[-1][1]
    cells = plan.cells.frame if cells is None else cells
    out: dict[int, str] = {}
    for community, group in cells.groupby(cells["community"].astype(str), sort=True):
        prefix = code_prefix(plan, str(community), scheme, category)
        fids = [int(f) for f in group.index]
        order = [fids[i] for i in serial_order(group.geometry.values)]
        kept: dict[int, str] = {}
        if not renumber:
            kept = _kept_codes(group, prefix, scheme)
        used = {int(c[len(prefix):]) for c in kept.values()}
        free = (n for n in range(1, 10 ** serial_digits) if n not in used)
        for fid in order:
            if fid in kept:
                out[fid] = kept[fid]
                continue
            serial = next(free, None)
            if serial is None:
                raise AnalysisError(
                    f"community {community}: more than {10 ** serial_digits - 1} cells; the "
                    f"{scheme} scheme has {serial_digits}-digit serials")
            out[fid] = prefix + str(serial).zfill(serial_digits)
    return out


def _kept_codes(group: pd.DataFrame, prefix: str, scheme: str) -> dict[int, str]:
    kept: dict[int, str] = {}
    seen: set[str] = set()
    for fid, code in zip(group.index, group["code"], strict=True):
        text = "" if code is None or code is pd.NA else str(code)
        if code_problem(text, scheme) or not text.startswith(prefix) or text in seen:
            continue
        seen.add(text)
        kept[int(fid)] = text
    return kept


def carry_codes(old: pd.DataFrame, new_geometries: Sequence[shapely.Geometry],
                tolerance: float = 0.01) -> list[str]:
    """For each new geometry, the code of an old cell with the same outline, else "".

    Outlines count as the same when their symmetric difference is below
    ``tolerance`` m² (vertex order and start point do not matter).
    """
    geoms = np.asarray(list(new_geometries), dtype=object)
    out = [""] * len(geoms)
    if len(old) == 0 or len(geoms) == 0:
        return out
    old_geoms = np.asarray(old.geometry.values, dtype=object)
    codes = [("" if c is None or c is pd.NA else str(c)) for c in old["code"]]
    tree = shapely.STRtree(old_geoms)
    new_idx, old_idx = tree.query(geoms, predicate="intersects")
    if len(new_idx) == 0:
        return out
    diff = shapely.area(shapely.symmetric_difference(geoms[new_idx], old_geoms[old_idx]))
    for n, o, d in zip(new_idx, old_idx, diff, strict=True):
        if d < tolerance and codes[o] and not out[n]:
            out[n] = codes[o]
    return out


def short_name(serial: int) -> str:
    """The short display name of a grid: 第N网格."""
    return f"第{int(serial)}网格"


def short_names(plan: Plan, cells: pd.DataFrame | None = None,
                scheme: str | None = None) -> dict[int, str]:
    """A short name (第N网格) for every cell, by fid.

    N is the serial of the cell's code when the code is valid for the
    scheme, else the cell's place in serial order within its community.
    Callers keep the names a cell already has; this gives the default.
    """
    scheme = scheme or plan.settings.code_scheme
    digits = _fields(scheme)[-1][1]
    cells = plan.cells.frame if cells is None else cells
    out: dict[int, str] = {}
    for _community, group in cells.groupby(cells["community"].astype(str), sort=True):
        fids = [int(f) for f in group.index]
        order = [fids[i] for i in serial_order(group.geometry.values)]
        codes = {int(f): str(c) for f, c in zip(group.index, group["code"], strict=True)}
        taken = {int(c[-digits:]) for c in codes.values() if not code_problem(c, scheme)}
        free = (n for n in range(1, len(fids) + len(taken) + 2) if n not in taken)
        for fid in order:
            code = codes[fid]
            out[fid] = short_name(int(code[-digits:]) if not code_problem(code, scheme)
                                  else next(free))
    return out

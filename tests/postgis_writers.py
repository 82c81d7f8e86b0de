"""Concurrent offices writing one city plan in PostGIS: the load test's workers.

Each writer loads the plan, then until its time is up renames a cell (mostly
in "its own" part of the plan, sometimes in a part every writer touches) and
saves. A refused save (another writer changed that cell first) is counted as
a detected conflict; the writer reloads and goes on. Every successful save is
recorded with the row version it produced, so the check afterwards can tell
whether any update was lost.
"""

from __future__ import annotations

import json
import random
import sys
import time


def write_for(uri: str, writer: int, writers: int, seconds: float, shared_share: float,
              out_path: str) -> None:
    from gridplanner.io.plan_file.postgis import PlanConflictError, PostgisPlanStore

    rng = random.Random(writer)
    store = PostgisPlanStore(uri)
    plan = store.load()
    fids = sorted(plan.layers["cells"].fids())
    mine = fids[writer::writers] or fids
    shared = fids[:3]
    saves, conflicts, records = 0, 0, []
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        fid = rng.choice(shared if rng.random() < shared_share else mine)
        value = f"w{writer}-{n}"
        plan.layers["cells"].set_attributes(fid, {"name": value})
        try:
            store.save(plan)
        except PlanConflictError:
            conflicts += 1
            plan = store.load()
            continue
        saves += 1
        records.append([fid, value, store._snapshot.rows["cells"][fid][0]])
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"saves": saves, "conflicts": conflicts, "records": records}, f)


def check(uri: str, results: list[dict], initial_versions: dict[int, int]) -> dict:
    """Nothing lost: per cell, successful saves == version increase, and the
    stored name is the one the last successful save wrote."""
    import psycopg

    from gridplanner.io.plan_file.postgis import split_uri

    conninfo, schema = split_uri(uri)
    with psycopg.connect(conninfo) as con:
        rows = con.execute(f'SELECT fid, name, gp_version FROM "{schema}".cells').fetchall()
    stored = {int(f): (n, int(v)) for f, n, v in rows}
    by_fid: dict[int, list] = {}
    for r in results:
        for fid, value, version in r["records"]:
            by_fid.setdefault(int(fid), []).append((int(version), value))
    lost = 0
    for fid, writes in by_fid.items():
        name, version = stored[fid]
        if len(writes) != version - initial_versions[fid]:
            lost += abs(version - initial_versions[fid] - len(writes))
        if max(writes)[1] != name:
            lost += 1
    return {"saves": sum(r["saves"] for r in results),
            "conflicts": sum(r["conflicts"] for r in results), "lost": lost}


if __name__ == "__main__":
    uri, writer, writers, seconds, share, out = sys.argv[1:7]
    write_for(uri, int(writer), int(writers), float(seconds), float(share), out)

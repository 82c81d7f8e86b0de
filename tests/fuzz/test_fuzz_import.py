"""Fuzz: damaged and hostile variants of valid files of every format and kind,
imported through the real command line.

Every case must end with exit 0, 1 or 2; a failure prints exactly one line
on stderr, never "internal error", a traceback or "out of memory", and
leaves the plan byte-identical (as does every dry run); a success prints
nothing on stderr but warning lines, and a plan it saved opens again with
finite coordinates in every layer. The cases run in a child process under an address-space
limit, whose peak memory must stay bounded. ``make fuzz`` runs many more
cases (``GRIDPLANNER_FUZZ_CASES``); a failing case is reproduced from its
number (``GRIDPLANNER_FUZZ_ONLY=17``).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from factories import street_grid_plan

from gridplanner.cli import main
from gridplanner.io.plan_file.project import save_plan

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from mutate import mutate  # noqa: E402
from seeds import EXTRA_ARGS, make_seeds  # noqa: E402

CASES = int(os.environ.get("GRIDPLANNER_FUZZ_CASES", "120"))
ONLY = os.environ.get("GRIDPLANNER_FUZZ_ONLY")
FIRST_SEED = int(os.environ.get("GRIDPLANNER_FUZZ_SEED", "1400"))
BATCH = 150
#: Address space the child may take, and the peak resident memory it must stay under.
ADDRESS_LIMIT = 6 * 1024 ** 3
PEAK_BOUND_MB = 1500


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    seeds = make_seeds(root / "seeds")
    pristine = save_plan(street_grid_plan(), root / "pristine.gpkg")
    return root, seeds, pristine


def test_every_seed_imports_cleanly(corpus, capsys):
    root, seeds, pristine = corpus
    for kind, path in seeds:
        plan = root / "seed-check.gpkg"
        plan.write_bytes(pristine.read_bytes())
        code = main(["import", str(plan), kind, str(path), "--dry-run",
                     *EXTRA_ARGS.get(kind, [])])
        out, err = capsys.readouterr()
        assert code == 0, f"{kind} {path.name}: {err}"
        assert "imported" in out


def _cases(root: Path, seeds, pristine: Path) -> tuple[list[dict], dict[int, str]]:
    numbers = [int(ONLY)] if ONLY else range(CASES)
    cases, described = [], {}
    for n in numbers:
        kind, seed = seeds[n % len(seeds)]
        path, what = mutate(seed, root / "cases" / str(n), FIRST_SEED + n)
        # every third case saves the plan on success; the others are dry runs
        extra = ([] if n % 3 == 0 else ["--dry-run"]) + EXTRA_ARGS.get(kind, [])
        cases.append({"id": n, "kind": kind, "file": str(path), "plan": str(root / "plan.gpkg"),
                      "pristine": str(pristine), "extra": extra})
        described[n] = f"case {n} ({kind}, {what})"
    return cases, described


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))


def _run_batch(root: Path, batch: list[dict], index: int) -> tuple[list[dict], str]:
    cases_file, results_file = root / f"batch{index}.json", root / f"results{index}.jsonl"
    cases_file.write_text(json.dumps(batch))
    results_file.unlink(missing_ok=True)
    proc = subprocess.run([sys.executable, str(HERE / "runner.py"), str(cases_file),
                           str(results_file)], capture_output=True, text=True,
                          preexec_fn=_limit_memory, timeout=3600)
    lines = results_file.read_text().splitlines() if results_file.exists() else []
    note = "" if proc.returncode == 0 else (
        f"runner exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return [json.loads(line) for line in lines], note


def problems_of(result: dict) -> list[str]:
    """What is wrong with one case's outcome (empty when it behaved)."""
    code, err = result["code"], result["stderr"]
    lines = [line for line in err.splitlines() if line.strip()]
    wrong = []
    if code not in (0, 1, 2):
        wrong.append(f"exit {code!r}")
    for bad in ("internal error", "Traceback", "out of memory"):
        if bad in err:
            wrong.append(f"stderr holds {bad!r}")
    if any(not line.startswith("gridplanner import: ") for line in lines):
        wrong.append("raw output on stderr")  # a Python warning, GDAL's own messages
    if code in (1, 2) and len(lines) != 1:
        wrong.append(f"{len(lines)} lines on stderr")
    if (code in (1, 2) or "--dry-run" in result.get("extra", [])) and not result["plan_same"]:
        wrong.append("the plan changed")
    if code == 0 and any(not line.startswith("gridplanner import: warning: ") for line in lines):
        wrong.append("stderr after success")
    if result.get("reopened"):
        wrong.append(result["reopened"])
    if result["peak_mb"] > PEAK_BOUND_MB:
        wrong.append(f"peak memory {result['peak_mb']:.0f} MB")
    return wrong


@pytest.mark.timeout(1800)  # ~1 s a case on a quiet machine
def test_mutated_files_fail_cleanly(corpus):
    root, seeds, pristine = corpus
    cases, described = _cases(root, seeds, pristine)
    results, notes = [], []
    for index, start in enumerate(range(0, len(cases), BATCH)):
        batch = cases[start:start + BATCH]
        got, note = _run_batch(root, batch, index)
        results += got
        if len(got) < len(batch):
            dead = batch[len(got)]["id"]
            notes.append(f"{described[dead]}: the runner died ({note})")
    failures = [f"{described[r['id']]}: {', '.join(p)}: {r['stderr'].strip()[:300]}"
                for r in results if (p := problems_of(r))]
    codes = {c: sum(r["code"] == c for r in results) for c in (0, 1, 2)}
    peak = max((r["peak_mb"] for r in results), default=0)
    slowest = max(results, key=lambda r: r["seconds"], default=None)
    print(f"\nfuzz: {len(results)} cases, exits {codes}, peak {peak:.0f} MB, slowest "
          f"{slowest and described[slowest['id']]} {slowest and slowest['seconds']} s")
    assert not notes + failures, "\n".join((notes + failures)[:25])
    assert len(results) == len(cases)

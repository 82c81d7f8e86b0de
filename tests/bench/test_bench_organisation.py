"""Benchmarks of micro-grids and the Party organisation (run with --bench; they print,
never fail on time).

- micro-grids for 100 grids of a district (8 buildings each; target: a community of
  15 grids within 10 s, like the cell partition);
- micro-grid validation, organisation rules and tallies over a district of 1,000
  grids with a micro-grid layer, a Party-member household per micro-grid and
  5,000 register rows (target < 5 s each; the peer is validate_cells on the same
  district).
"""

from __future__ import annotations

import time

import pytest
from factories import district_plan

from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids
from gridplanner.analysis.grids.micro_validation import validate_micro_grids
from gridplanner.analysis.grids.validation import validate_cells
from gridplanner.analysis.people.organisation_rules import check_organisation
from gridplanner.analysis.people.organisation_tallies import organisation_by_cell

pytestmark = pytest.mark.bench


def _timed(fn):
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - start, time.process_time() - cpu


def test_bench_micro_grids_for_100_grids():
    plan = district_plan(staffed=False)
    codes = list(plan.cells.frame["code"].iloc[:100])
    result, seconds, cpu = _timed(lambda: generate_micro_grids(plan, codes))
    m = result.metrics
    print(f"\nmicro-grids for 100 grids ({int(result.micro['buildings'].sum())} buildings): "
          f"{seconds:.2f} s ({cpu:.2f} s CPU), {len(result.micro)} micro-grids, "
          f"{m['share_within'] * 100:.0f}% within 30–80 households; "
          f"per grid {seconds / 100 * 1000:.0f} ms")


@pytest.fixture(scope="module")
def district():
    plan = district_plan(staffed=True)
    micro = generate_micro_grids(plan, list(plan.cells.frame["code"].iloc[:200])).micro
    replace_micro_grids(plan, micro)
    fids = list(plan.layer("micro_grids").frame.index)
    plan.layer("party_households").add([{"name": f"户{m}", "micro_fid": m} for m in fids])
    cells = list(plan.cells.frame.index)
    plan.layer("volunteers").add([{"name": f"志{i}", "cell_fid": cells[i % len(cells)]}
                                  for i in range(2500)])
    plan.layer("party_members").add([{"name": f"党{i}", "cell_fid": cells[i % len(cells)]}
                                     for i in range(2500)])
    return plan


def test_bench_organisation_checks_and_tallies(district):
    plan = district
    _, peer, _ = _timed(lambda: validate_cells(plan))
    findings, micro_s, _ = _timed(lambda: validate_micro_grids(plan))
    rules, rules_s, _ = _timed(lambda: check_organisation(plan))
    tallies, tally_s, _ = _timed(lambda: organisation_by_cell(plan))
    print(f"\n{len(plan.cells)} grids, {len(plan.layer('micro_grids'))} micro-grids, "
          f"{len(plan.layer('party_households'))} Party-member households, 5,000 register rows:"
          f"\n  micro-grid validation {micro_s:.2f} s ({len(findings)} findings)"
          f"\n  organisation rules    {rules_s:.2f} s ({len(rules)} findings)"
          f"\n  organisation tallies  {tally_s:.2f} s ({int(tallies['volunteers'].sum())} "
          f"volunteers counted)"
          f"\n  peer: validate_cells  {peer:.2f} s (target < 5 s each)")

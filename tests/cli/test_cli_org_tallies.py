"""`gridplanner tallies --json` carries the organisation per grid, community and plan."""

from __future__ import annotations

import json

from factories_roster import cell_code, cell_fid, roster_plan

from gridplanner.analysis.grids.micro import generate_micro_grids, replace_micro_grids
from gridplanner.cli import main
from gridplanner.io.plan_file.project import save_plan


def test_tallies_json_has_organisation_per_row_and_total(tmp_path, capsys):
    plan = roster_plan()
    replace_micro_grids(plan, generate_micro_grids(plan).micro)
    first = int(plan.buildings.frame.index[0])
    plan.buildings.set_column("党员", {first: 4.0})
    west = cell_fid(plan, cell_code(0, 1))
    plan.layer("volunteers").add([{"name": "志1", "cell_fid": west}])
    plan.layer("party_members").add([{"name": "报到1", "community": "西湖社区"}])
    plan.layer("staff").add([{"name": "员1", "community": "东风社区"}])
    path = tmp_path / "p.gpkg"
    save_plan(plan, path)
    assert main(["tallies", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    row = next(r for r in data["rows"] if r["code"] == cell_code(0, 1))
    assert row["organisation"]["volunteers"] == 1
    assert set(row["organisation"]) == {"micro_grids", "party_members", "party_households",
                                        "households_cared", "party_groups",
                                        "reporting_members", "volunteers"}
    assert sum(r["organisation"]["micro_grids"] for r in data["rows"]) == len(
        plan.layer("micro_grids"))
    assert sum(r["organisation"]["party_members"] for r in data["rows"]) == 4
    assert data["total"]["organisation"]["staff"] == 1
    assert main(["tallies", str(path), "--by", "community", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    west_row = next(r for r in data["rows"] if r["name"] == "西湖社区")
    assert west_row["organisation"]["reporting_members"] == 1
    east_row = next(r for r in data["rows"] if r["name"] == "东风社区")
    assert east_row["organisation"]["staff"] == 1 and east_row["organisation"]["volunteers"] == 1

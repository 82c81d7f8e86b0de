"""`gridplanner export`: every format from one command; PDF waits for the print layout."""

from __future__ import annotations

import json

import openpyxl
import pytest
from factories_roster import roster_plan

from gridplanner.cli import main
from gridplanner.cli import roster as roster_cli
from gridplanner.errors import NotSupportedYetError
from gridplanner.io.plan_file.project import save_plan


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "plan.gpkg"
    save_plan(roster_plan(), path)
    return path


def test_export_every_format(plan_file, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    args = ["export", str(plan_file), "--xlsx", str(out / "r.xlsx"), "--csv", str(out / "r.csv"),
            "--gpkg", str(out / "r.gpkg"), "--shp", str(out / "shp"),
            "--geojson", str(out / "r.geojson"), "--html", str(out / "r.html"),
            "--lang", "en", "--json"]
    assert main(args) == 0
    written = json.loads(capsys.readouterr().out)["written"]
    for name in ("r.xlsx", "r.csv", "r.gpkg", "r.geojson", "r.html"):
        assert str(out / name) in written and (out / name).stat().st_size > 0
    assert (out / "shp" / "cells.cpg").exists()
    ws = openpyxl.load_workbook(out / "r.xlsx").active
    assert ws.cell(row=1, column=1).value == "Grid code" and ws.max_row == 7


def test_pdf_is_not_supported_yet(plan_file, tmp_path, capsys, monkeypatch):
    def missing():
        raise NotSupportedYetError("PDF export is not yet supported")

    monkeypatch.setattr(roster_cli, "pdf_exporter", missing)
    code = main(["export", str(plan_file), "--csv", str(tmp_path / "r.csv"),
                 "--pdf", str(tmp_path / "r.pdf"), "--paper", "a3", "--per", "cell"])
    captured = capsys.readouterr()
    assert code == 1
    assert "PDF export is not yet supported" in captured.err
    assert "Traceback" not in captured.err
    assert (tmp_path / "r.csv").exists() and not (tmp_path / "r.pdf").exists()


def test_pdf_exporter_is_plugged_in_with_its_options(plan_file, tmp_path, capsys, monkeypatch):
    calls = []

    def fake_export_pdf(plan, path, paper, per, orientation, lang):
        calls.append((len(plan.cells), path.name, paper, per, orientation, lang))
        path.write_bytes(b"%PDF-1.4")
        return path

    monkeypatch.setattr(roster_cli, "pdf_exporter", lambda: fake_export_pdf)
    assert main(["export", str(plan_file), "--pdf", str(tmp_path / "m.pdf"), "--paper", "a3",
                 "--per", "cell"]) == 0
    assert calls == [(12, "m.pdf", "a3", "cell", "auto", "zh_CN")]
    assert "wrote" in capsys.readouterr().out


def test_export_needs_a_format(plan_file, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export", str(plan_file)])
    assert exc.value.code == 2
    assert "at least one of" in capsys.readouterr().err


def test_export_into_a_missing_folder_is_one_line(plan_file, tmp_path, capsys):
    assert main(["export", str(plan_file), "--xlsx", str(tmp_path / "no" / "r.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err


def test_pdf_exporter_lookup_is_lazy():
    import importlib.util

    if importlib.util.find_spec("gridplanner.render.print_layout") is None:
        with pytest.raises(NotSupportedYetError, match="PDF export is not yet supported"):
            roster_cli.pdf_exporter()
    else:
        assert callable(roster_cli.pdf_exporter())

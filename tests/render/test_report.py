"""The coverage report: its text (pdftotext) holds the headline figure, every
community, the charts' labels, the centre table and the grids without a station."""

from __future__ import annotations

import shutil
import subprocess

import geopandas as gpd
import pytest
import shapely

from gridplanner.errors import ExportError
from gridplanner.render.report import build_report, export_report

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"),
                                reason="poppler-utils (pdftotext) not installed")


@pytest.fixture
def plan(grid_plan):
    x0, y0, x1, y1 = grid_plan.extent()
    half = (x0 + x1) / 2
    grid_plan.cells.add(gpd.GeoDataFrame(
        {"code": ["G-W", "G-E"], "community": ["东风社区", "西湖社区"]},
        geometry=[shapely.box(x0, y0, half, y1), shapely.box(half, y0, x1, y1)],
        crs=grid_plan.crs))
    fids = list(grid_plan.centres.frame.index)
    grid_plan.centres.set_attributes(fids[0], {"capacity": 100.0, "floor_area_m2": 850.0})
    grid_plan.centres.set_attributes(fids[1], {"status": "planned", "year": 2027})
    grid_plan.settings = grid_plan.settings.replaced(station_distance_m=100.0,
                                                     levels_m=(150.0, 300.0))
    return grid_plan


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def test_report_text_has_headline_communities_chart_labels_and_tables(plan, tmp_path):
    path = tmp_path / "report.pdf"
    report = export_report(plan, path, office="示范街道办事处", date="2026-12-03", sites=2)
    f = report.figures
    text = pdf_text(path)
    headline = f"{100 * f.share:.1f}%"
    assert f.minutes == 5  # 300 m is the 5-minute circle of GB 50180
    assert f"5分钟步行范围内居民占比 {headline}" in text
    assert "目标 85.0%" in text and "未达标" in text
    assert "示范街道办事处" in text and "2026-12-03" in text
    for name in ("东风社区", "西湖社区"):
        assert name in text
    # the charts' labels: the title, target line, a bar's value and the services
    assert "各社区5分钟步行覆盖率" in text and "目标线 85.0%" in text
    assert f"{100 * f.communities[0]['share']:.1f}%" in text
    assert "各类服务5分钟步行覆盖率" in text and "医疗卫生" in text
    # the centre table with capacity and status, the station rule, the sites
    assert "邻里中心" in text and "规划 2027" in text and "850" in text
    assert "超容量(户)" in text and f"{f.centres[0]['over_capacity']:,.0f}" in text
    assert "无党群服务站的网格" in text and "西湖社区 1 G-E" in text
    assert "建议新增服务点位" in text
    assert report.page_count >= 3


def test_report_in_english_with_a_comparison(plan, tmp_path):
    fids = list(plan.centres.frame.index)
    plan.centres.set_attributes(fids[1], {"scenarios": "2027 plan"})
    path = tmp_path / "report.pdf"
    export_report(plan, path, lang="en", scenario="2027 plan", compare="all", sites=0)
    text = pdf_text(path)
    assert "Residents within a 5-minute walk" in text
    assert "Scenarios compared: 2027 plan → all" in text
    assert "centres 2 → 2; communities with a centre 2 → 2 of 2" in text
    assert "Legend" in text and "gains coverage loses coverage" in text  # the gap map
    assert "No new site is needed or possible." in text
    assert "：" not in text and "，" not in text  # English punctuation in English


def test_report_without_centres_network_or_communities(grid_plan, tmp_path):
    plan = grid_plan
    plan.centres.remove(list(plan.centres.frame.index))
    report = export_report(plan, tmp_path / "none.pdf", sites=1)
    assert report.figures.share == 0.0 and "未达标" in pdf_text(tmp_path / "none.pdf")
    plan.network.remove(list(plan.network.frame.index))
    plan.boundaries.remove(list(plan.boundaries.frame.index))
    report = export_report(plan, tmp_path / "bare.pdf", sites=0)
    text = pdf_text(tmp_path / "bare.pdf")
    assert report.figures.coverage.method == "straight_line" and "按直线距离计算" in text
    assert "规划中尚无网格" in text


def test_a_page_renders_to_an_image(plan):
    report = build_report(plan, sites=0)
    image = report.render_image(1, dpi=40)
    assert image.width() == round(210 / 25.4 * 40)
    # the chart drew coloured bars: not every pixel is white
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height() // 2, 7)}
    assert len(colours) > 5


def test_report_refuses_a_plan_without_buildings_and_a_wrong_suffix(plan, tmp_path):
    with pytest.raises(ExportError, match=r"\.pdf"):
        export_report(plan, tmp_path / "r.docx")
    plan.buildings.remove(list(plan.buildings.frame.index))
    with pytest.raises(ExportError, match="no buildings"):
        export_report(plan, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()

"""Rebuild docs/screenshot-basemap.png: grids drawn over aerial imagery.

No real orthophoto can ship with gridplanner, so this script paints a
synthetic one from the demo plan itself (fields and trees, streets by their
width, roofs of varied colours, courtyards), writes it as a GeoTIFF with
overviews in the plan's CRS, adds it as a basemap and grabs the window:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_basemap_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
PIXEL_M = 0.6
STREET_WIDTH_M = {"primary": 24.0, "secondary": 18.0, "tertiary": 14.0, "residential": 9.0,
                  "service": 6.0, "footway": 3.0, "path": 2.5}


def synthetic_orthophoto(plan, path: Path, pixel_m: float = PIXEL_M) -> Path:
    """An RGB GeoTIFF of the plan's area that looks like an aerial photo of it."""
    import rasterio
    import shapely
    from affine import Affine
    from rasterio.enums import Resampling
    from rasterio.features import rasterize
    from scipy.ndimage import gaussian_filter

    x0, y0, x1, y1 = plan.extent()
    x0, y0, x1, y1 = x0 - 600, y0 - 600, x1 + 600, y1 + 600
    w, h = int((x1 - x0) / pixel_m), int((y1 - y0) / pixel_m)
    transform = Affine(pixel_m, 0, x0, 0, -pixel_m, y1)
    rng = np.random.default_rng(3)
    base = gaussian_filter(rng.normal(0, 1, (h, w)), 25)
    base = (base - base.min()) / (np.ptp(base) + 1e-9)
    grain = rng.normal(0, 7, (3, h, w))
    rgb = np.stack([70 + 60 * base, 95 + 45 * base, 55 + 25 * base]) + grain
    trees = gaussian_filter(rng.normal(0, 1, (h, w)), 4) > 0.05
    rgb[:, trees] = rgb[:, trees] * 0.7 + np.array([[30], [60], [25]])[:, [0]] * 0.3
    net = plan.network.frame
    width = net["highway"].astype("string").map(STREET_WIDTH_M).fillna(5.0).astype(float)
    shapes = [(shapely.buffer(g, wd / 2), 1) for g, wd in zip(net.geometry, width, strict=True)]
    streets = rasterize(shapes, (h, w), transform=transform, fill=0).astype(bool)
    rgb[:, streets] = np.array([[150], [148], [140]]) + grain[:, streets] * 0.4
    roofs = plan.buildings.frame.geometry
    palette = np.array([[178, 96, 74], [150, 150, 155], [110, 125, 150], [196, 170, 140]])
    ids = rasterize([(g, i + 1) for i, g in enumerate(roofs) if g is not None],
                    (h, w), transform=transform, fill=0)
    for i in range(1, len(roofs) + 1):
        mask = ids == i
        if mask.any():
            rgb[:, mask] = palette[i % len(palette)][:, None] + grain[:, mask] * 0.5
    shade = np.roll(ids > 0, (int(4 / pixel_m), int(4 / pixel_m)), axis=(0, 1)) & (ids == 0)
    rgb[:, shade] *= 0.6
    data = np.clip(rgb, 0, 255).astype("uint8")
    profile = {"driver": "GTiff", "width": w, "height": h, "count": 3, "dtype": "uint8",
               "crs": plan.crs.to_wkt(), "transform": transform, "tiled": True,
               "blockxsize": 256, "blockysize": 256, "compress": "deflate"}
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(data)
        ds.build_overviews([2, 4, 8, 16], Resampling.average)
    return path


def main() -> int:
    from gridplanner.analysis.grids.partition import generate_cells, replace_cells
    from gridplanner.io.basemap import resolve_basemap
    from gridplanner.io.plan_file.project import load_plan
    from gridplanner.qt.shell import i18n
    from gridplanner.qt.window.app import create_app
    from gridplanner.qt.window.main_window import MainWindow

    app = create_app()
    i18n.switch_language(app, "zh_CN")
    plan = load_plan(ROOT / "sample_maps" / "demo_subdistrict.gpkg")
    if not len(plan.cells):
        replace_cells(plan, generate_cells(plan, "balanced", seed=1).cells, None)
    folder = Path(tempfile.mkdtemp())
    tif = synthetic_orthophoto(plan, folder / "demo_orthophoto.tif")
    spec = resolve_basemap(str(tif)).with_changes(
        name="正射影像（合成）", attribution="合成正射影像 synthetic orthophoto")
    plan.set_basemaps([spec.to_dict()])
    styles = dict(plan.styles)
    styles["buildings"] = {**styles.get("buildings", {}), "visible": False}
    styles["network"] = {**styles.get("network", {}), "visible": False}
    styles["micro_grids"] = {**styles.get("micro_grids", {}), "visible": False}
    styles["cells"] = {**styles.get("cells", {}), "fill_alpha": 70, "outline_width": 2.0}
    plan.set_styles(styles)
    window = MainWindow(plan)
    window.resize(1600, 960)
    window.show()
    from PySide6.QtWidgets import QDockWidget

    for dock in window.findChildren(QDockWidget):  # the map and its two docks only
        if dock.objectName() not in ("LayersDock", "BasemapDock"):
            dock.hide()
    for _ in range(30):
        app.processEvents()
    community = plan.communities().iloc[0].geometry.bounds
    window.canvas.set_extent(community, margin=0.15)
    window.canvas.render_now()
    basemaps = window.canvas.basemaps
    while basemaps.pending():
        app.processEvents()
    for _ in range(10):
        app.processEvents()
    window.canvas.render_now()
    app.processEvents()
    out = ROOT / "docs" / "screenshot-basemap.png"
    window.grab().save(str(out))
    basemaps.shutdown()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

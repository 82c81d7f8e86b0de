"""Files as a sub-district office holds them, made in code.

Two communities side by side (CGCS2000 3-degree zone 117°E, EPSG:4548):
东风社区 (statistical code 110105001001) and 西湖社区 (110105001002), each
600 × 400 m, split into 2 × 2 grids of 300 × 200 m. The grids are
"hand-digitised": every side is moved by up to ``jitter`` metres, so
neighbours overlap or leave slivers. Buildings sit in rows well inside the
grids, named 1号楼, 2号楼 … per community; the building table keys on
those names, with a few keys that match nothing and one duplicate.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

CRS = "EPSG:4548"
X0, Y0 = 500_000.0, 4_420_000.0
COMMUNITIES = (("东风社区", "110105001001"), ("西湖社区", "110105001002"))
CELL_W, CELL_H = 300.0, 200.0


def community_boxes(overlap: float = 0.0) -> list[shapely.Polygon]:
    """The two community outlines; ``overlap`` m makes the first reach into the second."""
    return [shapely.box(X0, Y0, X0 + 600 + overlap, Y0 + 400),
            shapely.box(X0 + 600, Y0, X0 + 1200, Y0 + 400)]


def community_file(tmp_path: Path, overlap: float = 0.0) -> Path:
    path = tmp_path / "communities.shp"
    gdf = gpd.GeoDataFrame({"名称": [n for n, _ in COMMUNITIES],
                            "区划代码": [c for _, c in COMMUNITIES],
                            "级别": ["社区", "社区"]},
                           geometry=community_boxes(overlap), crs=CRS)
    pyogrio.write_dataframe(gdf, path, encoding="GBK")
    path.with_suffix(".cpg").unlink()
    return path


def cell_boxes(jitter: float = 0.4, seed: int = 7) -> list[tuple[str, shapely.Polygon]]:
    """(community, outline) of the eight grids, each side moved by up to ``jitter`` m."""
    rng = np.random.default_rng(seed)
    out = []
    for c, (name, _) in enumerate(COMMUNITIES):
        for row in range(2):
            for col in range(2):
                x = X0 + c * 600 + col * CELL_W
                y = Y0 + (1 - row) * CELL_H
                d = rng.uniform(-jitter, jitter, 4)
                out.append((name, shapely.box(x + d[0], y + d[1], x + CELL_W + d[2],
                                              y + CELL_H + d[3])))
    return out


def cells_file(tmp_path: Path, jitter: float = 0.4, codes: bool = True,
               wide_overlap: float = 0.0) -> Path:
    """A GBK shapefile (no .cpg) of the eight grids with 网格编码/网格名称/所属社区/网格类型.

    ``wide_overlap`` m stretches the first grid east over its neighbour.
    """
    path = tmp_path / "网格.shp"
    rows = cell_boxes(jitter)
    geoms = [g for _, g in rows]
    if wide_overlap:
        b = geoms[0].bounds
        geoms[0] = shapely.box(b[0], b[1], b[2] + wide_overlap, b[3])
    codes_col = [f"{COMMUNITIES[i // 4][1]}{i % 4 + 1:03d}" if codes else "" for i in
                 range(len(rows))]
    gdf = gpd.GeoDataFrame(
        {"网格编码": codes_col,
         "网格名称": [f"{name[:2]}第{i % 4 + 1}网格" if i % 4 != 3 else ""
                  for i, (name, _) in enumerate(rows)],
         "所属社区": [name for name, _ in rows],
         "网格类型": ["综合网格"] * 7 + ["专属网格"]},
        geometry=geoms, crs=CRS)
    pyogrio.write_dataframe(gdf, path, encoding="GBK")
    path.with_suffix(".cpg").unlink()
    return path


def building_rows() -> list[tuple[str, str, shapely.Polygon]]:
    """(community, name, footprint): 5 × 3 buildings per grid, away from the edges."""
    out = []
    for c, (name, _) in enumerate(COMMUNITIES):
        n = 0
        for row in range(2):
            for col in range(2):
                x = X0 + c * 600 + col * CELL_W
                y = Y0 + row * CELL_H
                for i in range(5):
                    for j in range(3):
                        n += 1
                        bx, by = x + 30 + i * 50, y + 30 + j * 55
                        out.append((name, f"{n}号楼", shapely.box(bx, by, bx + 20, by + 12)))
    return out


def buildings_file(tmp_path: Path) -> Path:
    """Building footprints with 楼栋名称 (unique per community only) and a 地址 field
    (unique); no household counts: the office's table has them."""
    path = tmp_path / "buildings.gpkg"
    rows = building_rows()
    gdf = gpd.GeoDataFrame(
        {"楼栋名称": [n for _, n, _ in rows],
         "地址": [f"{c}{n}" for c, n, _ in rows],
         "户数": [1] * len(rows)},
        geometry=[g for _, _, g in rows], crs=CRS)
    pyogrio.write_dataframe(gdf, path, layer="buildings")
    return path


def building_table(tmp_path: Path, suffix: str = ".xlsx") -> tuple[Path, pd.DataFrame]:
    """The office's building ledger (楼栋台账), keyed by 地址, with groups.

    Returns the file and the rows that should apply (matched, not duplicated).
    Two rows name no building (a typo, a demolished block) and one key appears
    twice: those three are reported and not applied.
    """
    rows = building_rows()
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({
        "地址": [f"{c}{n}" for c, n, _ in rows],
        "户数": rng.integers(10, 60, len(rows)),
        "人口": rng.integers(20, 150, len(rows)),
        "60岁以上": rng.integers(0, 30, len(rows)),
        "独居老人": rng.integers(0, 4, len(rows)),
        "低保户": rng.integers(0, 3, len(rows)),
    })
    good = frame.copy()
    dup = frame.iloc[[5]].copy()
    dup["户数"] = 999
    extra = pd.DataFrame({"地址": ["东风社区99号楼", "西湖社区 旧3号楼"], "户数": [5, 6],
                          "人口": [9, 9], "60岁以上": [1, 1], "独居老人": [0, 0],
                          "低保户": [0, 0]})
    table = pd.concat([frame.iloc[:6], dup, frame.iloc[6:], extra], ignore_index=True)
    good = good.drop(index=5)
    path = tmp_path / f"楼栋台账{suffix}"
    if suffix == ".xlsx":
        with pd.ExcelWriter(path) as writer:
            pd.DataFrame([["东风街道楼栋台账（2024年）"]]).to_excel(
                writer, index=False, header=False, startrow=0)
            table.to_excel(writer, index=False, startrow=2)
    else:
        path.write_bytes(table.to_csv(index=False).encode("gbk"))
    return path, good


def roster_files(tmp_path: Path) -> tuple[Path, Path]:
    """A workers .xlsx with 所属网格 (codes, and one short name) and 所属社区, and a
    branches .csv (GBK) with 所属社区 and 所属网格 as offices keep them."""
    workers = pd.DataFrame({
        "姓名": ["张伟", "王芳", "李强", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰"],
        "联系电话": [f"1380000{i:04d}" for i in range(9)],
        "岗位": ["网格长", "专职网格员", "专职网格员", "网格长", "专职网格员", "专职网格员",
               "专职网格员", "网格长", "专职网格员"],
        "所属社区": ["东风社区"] * 5 + ["西湖社区"] * 4,
        "所属网格": ["110105001001001", "110105001001001", "110105001001002", "", "",
                 "110105001002001", "第4网格", "", "不存在网格"],
    })
    wpath = tmp_path / "网格员花名册.xlsx"
    with pd.ExcelWriter(wpath) as writer:
        pd.DataFrame([["东风街道网格员花名册"]]).to_excel(writer, index=False, header=False)
        workers.to_excel(writer, index=False, startrow=1)
    branches = pd.DataFrame({
        "支部名称": ["东风一网格党支部", "东风二网格党支部", "东风三网格党支部", "西湖一网格党支部",
                 "西湖二网格党支部", "西湖三网格党支部"],
        "书记": ["甲", "乙", "丙", "丁", "戊", "己"],
        "正式党员数": [5, 1, 2, 2, 1, 1],
        "所属社区": ["东风社区", "东风社区", "东风社区", "西湖社区", "西湖社区", "西湖社区"],
        "所属网格": ["110105001001001", "", "", "", "", ""],
    })
    bpath = tmp_path / "党支部.csv"
    bpath.write_bytes(branches.to_csv(index=False).encode("gbk"))
    return wpath, bpath


def full_roster_files(tmp_path: Path) -> tuple[Path, Path]:
    """A leader, a full-time worker and a branch of 3 for every comprehensive grid."""
    codes = [f"{code}{i:03d}" for _, code in COMMUNITIES for i in range(1, 5)]
    codes = codes[:-1]  # 西湖's fourth grid is a dedicated one
    community = {c: COMMUNITIES[0][0] if c.startswith(COMMUNITIES[0][1]) else COMMUNITIES[1][0]
                 for c in codes}
    rows = [{"姓名": f"{role}{k + 1}", "联系电话": f"1390000{2 * k + j:04d}", "岗位": role,
             "所属社区": community[c], "所属网格": c}
            for k, c in enumerate(codes) for j, role in enumerate(("网格长", "专职网格员"))]
    wpath = tmp_path / "网格员花名册_全.xlsx"
    pd.DataFrame(rows).to_excel(wpath, index=False)
    branches = pd.DataFrame({"支部名称": [f"{community[c][:2]}第{c[-1]}网格党支部" for c in codes],
                             "正式党员数": [3] * len(codes),
                             "所属社区": [community[c] for c in codes], "所属网格": codes})
    bpath = tmp_path / "党支部_全.csv"
    bpath.write_bytes(branches.to_csv(index=False).encode("gbk"))
    return wpath, bpath

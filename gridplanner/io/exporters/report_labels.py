"""Words of the coverage report (PDF and Excel), in Simplified Chinese and English.

The report also runs from the command line, so like the other exports it
takes a ``lang`` code and looks its texts up here rather than in Qt's
translation.
"""

from __future__ import annotations

from gridplanner.io.labels import check_lang

REPORT_LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "社区生活圈步行覆盖评估报告",
        "subtitle": "党建+邻里中心与党群服务站布局",
        "office": "编制单位",
        "date": "日期",
        "scenario": "方案",
        "all_centres": "全部服务中心",
        "headline": "{minutes}分钟步行范围内居民占比 {share}",
        "headline_households": "{minutes}分钟步行范围内户数占比 {share}",
        "target": "目标 {target}",
        "met": "已达标",
        "not_met": "未达标，差 {gap} 个百分点",
        "method_network": "按步行路网距离计算：{minutes}分钟生活圈取{level}米；"
                          "按步速{speed}米/秒步行约{walk}分钟",
        "method_straight_line": "按直线距离计算（无步行路网）：{minutes}分钟生活圈取{level}米",
        "summary": "概况",
        "communities": "社区",
        "cells": "网格",
        "buildings": "楼栋",
        "households": "户数",
        "residents": "人口",
        "centres": "服务中心",
        "now": "现状（已建成及试点）",
        "plan": "规划建成后",
        "communities_with_centre": "有服务中心的社区",
        "share": "覆盖率",
        "by_community": "各社区{minutes}分钟步行覆盖率",
        "by_service": "各类服务{minutes}分钟步行覆盖率",
        "target_line": "目标线 {target}",
        "community": "社区",
        "service": "服务",
        "covered": "覆盖",
        "gap_map": "覆盖盲区图",
        "gap_note": "红色楼栋超出{level}米步行范围；黑框为无党群服务站的网格；紫色菱形为建议新增点位",
        "centre_table": "服务中心服务范围与容量（{level}米内最近的中心）",
        "name": "名称",
        "status": "状态",
        "year": "年份",
        "floor_area": "面积(㎡)",
        "capacity": "容量(户)",
        "allocated": "分配(户)",
        "over_capacity": "超容量(户)",
        "unallocated": "{level}米范围内有 {households} 户无容量可分配",
        "no_station": "无党群服务站的网格（一网格一阵地，{distance}米步行范围）",
        "no_station_none": "每个网格内或{distance}米步行范围内均有党群服务站。",
        "station_rule_off": "未启用“一网格一阵地”规则。",
        "code": "网格编码",
        "no_cells": "规划中尚无网格。",
        "no_station_short": "无党群服务站的网格",
        "no_cell": "网格外",
        "gains": "新增覆盖",
        "loses": "失去覆盖",
        "sites": "建议新增服务点位",
        "sites_none": "无需或无法新增点位。",
        "site_rank": "序号",
        "site_place": "位置",
        "site_households": "新增覆盖户数",
        "site_residents": "新增覆盖人口",
        "site_cells": "涉及网格",
        "sites_after": "新增后户数覆盖率 {before} → {after}",
        "comparison": "方案比较：{a} → {b}（{level}米）",
        "change": "变化",
        "comparison_totals": "覆盖率 {a} → {b}；服务中心 {ca} → {cb} 个；有服务中心的社区 {ka} → {kb}（共 {n} 个）",
        "gained": "新增覆盖楼栋 {n} 栋",
        "lost": "失去覆盖楼栋 {n} 栋",
        "page": "第 {n} 页",
        "total": "合计",
        "summary_sheet": "覆盖汇总",
        "centres_sheet": "服务中心",
        "no_station_sheet": "无党群服务站网格",
        "status_built": "已建成",
        "status_under_construction": "在建",
        "status_planned": "规划",
        "status_pilot": "试点",
        "service_childcare": "托育",
        "service_elderly_care": "养老",
        "service_health": "医疗卫生",
        "service_food": "生鲜食品",
        "service_culture": "文体活动",
        "service_public_affairs": "政务便民",
        "minutes_unit": "分钟",
        "colon": "：",
        "comma": "，",
        "semicolon": "；",
    },
    "en": {
        "title": "Walking coverage of the community life circles",
        "subtitle": "Neighbourhood centres and Party-mass service stations",
        "office": "Issued by",
        "date": "Date",
        "scenario": "Scenario",
        "all_centres": "all centres",
        "headline": "Residents within a {minutes}-minute walk: {share}",
        "headline_households": "Households within a {minutes}-minute walk: {share}",
        "target": "target {target}",
        "met": "target met",
        "not_met": "target not met, {gap} percentage points short",
        "method_network": "Walking distances along the network: the {minutes}-minute circle "
                          "is {level} m, a {walk}-minute walk at {speed} m/s",
        "method_straight_line": "Straight-line distances (no walking network): the "
                                "{minutes}-minute circle is {level} m",
        "summary": "Summary",
        "communities": "Communities",
        "cells": "Grids",
        "buildings": "Buildings",
        "households": "Households",
        "residents": "Residents",
        "centres": "Centres",
        "now": "Now (built and pilot)",
        "plan": "When the plan is built",
        "communities_with_centre": "Communities with a centre",
        "share": "Share",
        "by_community": "Share within {minutes} minutes per community",
        "by_service": "Share within {minutes} minutes per service",
        "target_line": "target {target}",
        "community": "Community",
        "service": "Service",
        "covered": "Covered",
        "gap_map": "Coverage gaps",
        "gap_note": "Red buildings are beyond {level} m; black outlines are grids without a "
                    "station; diamonds are suggested sites",
        "centre_table": "What each centre serves and its capacity (nearest within {level} m)",
        "name": "Name",
        "status": "Status",
        "year": "Year",
        "floor_area": "Floor area (m²)",
        "capacity": "Capacity (hh)",
        "allocated": "Allocated (hh)",
        "over_capacity": "Over capacity (hh)",
        "unallocated": "{households} households within {level} m find no centre with room",
        "no_station": "Grids without a Party-mass service station (within {distance} m)",
        "no_station_none": "Every grid has a station inside it or within {distance} m.",
        "station_rule_off": "The one-station-per-grid rule is off.",
        "code": "Grid code",
        "no_cells": "The plan has no grids yet.",
        "no_station_short": "Grid without a station",
        "no_cell": "outside any grid",
        "gains": "gains coverage",
        "loses": "loses coverage",
        "sites": "Suggested new sites",
        "sites_none": "No new site is needed or possible.",
        "site_rank": "No.",
        "site_place": "Place",
        "site_households": "Households added",
        "site_residents": "Residents added",
        "site_cells": "Grids",
        "sites_after": "Households covered {before} → {after}",
        "comparison": "Scenarios compared: {a} → {b} ({level} m)",
        "change": "Change",
        "comparison_totals": "Share {a} → {b}; centres {ca} → {cb}; communities with a centre "
                             "{ka} → {kb} of {n}",
        "gained": "{n} buildings gain coverage",
        "lost": "{n} buildings lose coverage",
        "page": "Page {n}",
        "total": "Total",
        "summary_sheet": "Coverage summary",
        "centres_sheet": "Centres",
        "no_station_sheet": "Grids without a station",
        "status_built": "built",
        "status_under_construction": "under construction",
        "status_planned": "planned",
        "status_pilot": "pilot",
        "service_childcare": "Childcare",
        "service_elderly_care": "Elderly care",
        "service_health": "Health",
        "service_food": "Fresh food",
        "service_culture": "Culture and sports",
        "service_public_affairs": "Public affairs",
        "minutes_unit": "min",
        "colon": ": ",
        "comma": ", ",
        "semicolon": "; ",
    },
}


def report_label(key: str, lang: str | None = "zh_CN", **values: object) -> str:
    """The report's text for ``key`` in ``lang``, formatted with ``values``."""
    table = REPORT_LABELS[check_lang(lang)]
    text = table.get(key, key)
    return text.format(**values) if values else text


def service_label(service: str, lang: str | None = "zh_CN") -> str:
    """A service's name in words (its own name when it is not a known one)."""
    return REPORT_LABELS[check_lang(lang)].get(f"service_{service}", service)


def status_label(status: str, lang: str | None = "zh_CN") -> str:
    return REPORT_LABELS[check_lang(lang)].get(f"status_{status}", status)


def percent(share: float) -> str:
    """A share as a percentage with one decimal: ``57.4%``."""
    return f"{100.0 * share:.1f}%"

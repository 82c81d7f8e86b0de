"""Header, column and legend labels for exports, in Simplified Chinese and English.

The io package cannot use Qt's translation, so exports take a ``lang`` code
("zh_CN", the default, or "en") and look their texts up here. Keys are the
stable machine names also used for GeoPackage / GeoJSON field names.
"""

from __future__ import annotations

from gridplanner.errors import ExportError

DEFAULT_LANG = "zh_CN"

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "community": "社区",
        "code": "网格编码",
        "name": "网格名称",
        "kind": "网格类型",
        "households": "户数",
        "residents": "人口",
        "leader": "网格长",
        "leader_phone": "网格长电话",
        "workers": "网格员及电话",
        "branch": "网格党支部",
        "secretary": "支部书记",
        "full_members": "正式党员数",
        "responsible_unit": "责任单位",
        "coverage": "{level}米覆盖率(%)",
        "no_community": "未分配社区",
        "cells": "网格",
        "centres": "服务中心",
        "coverage_layer": "步行覆盖",
        "gaps": "覆盖盲区",
        "legend": "图例",
        "within": "{level}米内",
        "beyond": "超出{level}米",
        "centre": "服务中心",
        "services": "服务",
        "comprehensive": "综合网格",
        "dedicated": "专属网格",
        "micro_grids": "微网格",
        "party_members": "居住党员",
        "party_households": "党员中心户",
        "households_cared": "联系户数",
        "party_groups": "党小组",
        "reporting_members": "双报到党员",
        "volunteers": "志愿者",
    },
    "en": {
        "community": "Community",
        "code": "Grid code",
        "name": "Grid name",
        "kind": "Grid type",
        "households": "Households",
        "residents": "Residents",
        "leader": "Grid leader",
        "leader_phone": "Leader phone",
        "workers": "Grid workers and phones",
        "branch": "Party branch",
        "secretary": "Branch secretary",
        "full_members": "Full Party members",
        "responsible_unit": "Responsible unit",
        "coverage": "Coverage {level} m (%)",
        "no_community": "No community",
        "cells": "Grid cells",
        "centres": "Service centres",
        "coverage_layer": "Walking coverage",
        "gaps": "Coverage gaps",
        "legend": "Legend",
        "within": "within {level} m",
        "beyond": "beyond {level} m",
        "centre": "Service centre",
        "services": "Services",
        "comprehensive": "Comprehensive",
        "dedicated": "Dedicated",
        "micro_grids": "Micro-grids",
        "party_members": "Resident Party members",
        "party_households": "Party-member households",
        "households_cared": "Households looked after",
        "party_groups": "Party groups",
        "reporting_members": "Reporting Party members",
        "volunteers": "Volunteers",
    },
}

ROLE_LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "leader": "网格长",
        "full_time": "专职网格员",
        "part_time": "兼职网格员",
        "steward": "楼栋长",
        "supervisor": "网格指导员",
    },
    "en": {
        "leader": "grid leader",
        "full_time": "full-time worker",
        "part_time": "part-time worker",
        "steward": "building steward",
        "supervisor": "grid supervisor",
    },
}

LANGUAGES: tuple[str, ...] = tuple(LABELS)


def check_lang(lang: str | None) -> str:
    """The language code to use; raises ExportError for an unknown one."""
    code = (lang or DEFAULT_LANG).replace("-", "_")
    if code.lower() in ("zh", "zh_cn", "cn"):
        code = "zh_CN"
    if code not in LABELS:
        raise ExportError(f"unknown export language {lang!r} (use {' or '.join(LANGUAGES)})")
    return code


def label(key: str, lang: str | None = DEFAULT_LANG, **values: object) -> str:
    """The label of ``key`` in ``lang``, formatted with ``values``."""
    table = LABELS[check_lang(lang)]
    text = table.get(key, key)
    return text.format(**values) if values else text


def role_label(role: str, lang: str | None = DEFAULT_LANG) -> str:
    """A worker role ("leader", "full_time" ...) in words."""
    return ROLE_LABELS[check_lang(lang)].get(role, role)


def level_text(metres: float) -> str:
    """A walking level for labels: ``300`` rather than ``300.0``."""
    return f"{metres:g}"

"""Roster and network findings read in the user's language, names and numbers kept."""

from __future__ import annotations

import pytest

from gridplanner.analysis.findings import Finding
from gridplanner.qt.shell import i18n
from gridplanner.qt.shell.finding_texts import describe


@pytest.fixture
def chinese(qapp):
    i18n.switch_language(qapp, "zh_CN")
    yield
    i18n.switch_language(qapp, "en")


def test_a_small_branch_in_chinese(chinese):
    f = Finding("branch_too_small", "error", "branch 北苑支部 has 2 full Party members, ...",
                params={"branch": "北苑支部", "members": 2, "minimum": 3})
    text = describe(f)
    assert "北苑支部" in text and "2" in text and "3" in text and "联合党支部" in text


def test_an_unstaffed_grid_before_staffing_begins(chinese):
    f = Finding("no_leader", "warning", "grid 001 has no grid leader (...)",
                params={"cell": "340199001001001", "started": False})
    assert describe(f) == "网格 340199001001001 没有网格长 （尚未向任何网格分配人员）"


def test_english_reads_like_the_core_message(qapp):
    i18n.switch_language(qapp, "en")
    f = Finding("worker_overloaded", "warning", "", params={"worker": "张三", "load": 620,
                                                             "limit": 500})
    assert describe(f) == "Grid worker 张三 looks after 620 households, more than 500"


def test_without_params_the_core_message_is_kept(chinese):
    f = Finding("dangling_end", "warning", "network line 7 ends without meeting another line")
    assert describe(f) == f.message


def test_every_roster_finding_carries_its_params():
    from factories_roster import roster_plan

    from gridplanner.analysis.people.roster_rules import check_roster

    plan = roster_plan()
    plan.assignments.remove(plan.assignments.fids())
    findings = check_roster(plan)
    assert findings and all(f.params for f in findings)
    assert all(describe(f) for f in findings)

"""Population groups: the people a community looks after, counted per building.

Offices keep, per building, how many older residents (60岁以上), elderly
living alone (独居老人), left-behind children (留守儿童), disabled
(残疾人), low-income households (低保户) and Party members (党员) live
there: whatever columns their ledger has. Each group is a float column of
the ``buildings`` layer named ``group_<name>`` (``group_独居老人``), saved
in the plan like any other column and totalled per cell, community and plan.
"""

from __future__ import annotations

from collections.abc import Iterable

GROUP_PREFIX = "group_"


def group_column(name: str) -> str:
    """The buildings column holding group ``name``."""
    return GROUP_PREFIX + str(name).strip()


def group_columns(columns: Iterable[object]) -> list[str]:
    """The group columns among ``columns``, in their order."""
    return [str(c) for c in columns if str(c).startswith(GROUP_PREFIX) and len(str(c)) > 6]


def group_name(column: str) -> str:
    """The group a column holds (``group_独居老人`` → ``独居老人``)."""
    return str(column).removeprefix(GROUP_PREFIX)

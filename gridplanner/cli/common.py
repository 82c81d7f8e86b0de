"""Helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from gridplanner.io.plan_file.project import load_plan, save_plan
from gridplanner.model.plan import Plan


def open_plan(path: str) -> Plan:
    return load_plan(Path(path))


def write_plan(plan: Plan, path: str) -> None:
    save_plan(plan, Path(path))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def _default(value: Any) -> Any:
    import numpy as np

    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def parse_float_list(text: str, what: str) -> list[float]:
    import argparse

    try:
        values = [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{what} must be numbers separated by commas") from None
    if not values or any(v <= 0 for v in values):
        raise argparse.ArgumentTypeError(f"{what} must be positive numbers")
    return values

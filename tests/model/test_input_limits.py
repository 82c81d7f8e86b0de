"""Input limits: plan settings with safe defaults, saved with the plan."""

from __future__ import annotations

import pytest

from gridplanner.errors import ModelError
from gridplanner.model.limits import InputLimits
from gridplanner.model.settings import Settings


def test_defaults_are_positive_and_round_trip_through_settings():
    s = Settings()
    assert s.input_limits == InputLimits()
    assert s.input_limits.max_file_bytes == 1024 * 1024 * 1024
    again = Settings.from_dict(s.replaced(input_limits=InputLimits(max_holes=7)).to_dict())
    assert again.input_limits.max_holes == 7
    assert again.input_limits.max_sheet_rows == InputLimits().max_sheet_rows


def test_older_settings_without_limits_get_the_defaults():
    data = Settings().to_dict()
    del data["input_limits"]
    assert Settings.from_dict(data).input_limits == InputLimits()


@pytest.mark.parametrize("bad", [0, -5, 2.5, "many", True, None])
def test_a_limit_must_be_a_positive_whole_number(bad):
    with pytest.raises(ModelError, match="max_holes"):
        InputLimits.from_value({"max_holes": bad}) if bad is not None else InputLimits(max_holes=bad)


def test_numeric_text_is_accepted_and_unknown_keys_ignored():
    limits = InputLimits.from_value({"max_sheet_rows": "1,000", "future_limit": 3})
    assert limits.max_sheet_rows == 1000
    assert limits.replaced(max_vertices="12").max_vertices == 12


@pytest.mark.parametrize("data", [[1, 2], "text", 3])
def test_settings_that_are_not_a_table_are_refused_with_a_reason(data):
    with pytest.raises(TypeError, match="table of named values"):
        Settings.from_dict(data)
    with pytest.raises(ModelError, match="table of limits"):
        InputLimits.from_value(data)

"""Input limits: how much of a file an import may read, checked before the work.

A hostile or damaged file can be tiny on disk and still ask for unbounded
memory (a 5 KB workbook whose one cell sits at XFD1048576, a polygon with
20,000 holes, a 2 GB CSV). Every importer checks these limits first — the
file size before reading, a sheet's declared size before its rows, feature
counts before the features, vertices and holes as the geometries arrive —
and refuses with a message that names the limit and the file.

The defaults leave room for a large city (a million buildings, two million
street segments) and are plan settings a planner can raise.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gridplanner.errors import ModelError

#: Field → what it limits, as messages name it.
LIMIT_TEXTS: dict[str, str] = {
    "max_file_mb": "MB read into memory",
    "max_features": "features in one file",
    "max_sheet_rows": "rows in one sheet",
    "max_sheet_columns": "columns in one sheet",
    "max_vertices": "vertices in one geometry",
    "max_holes": "holes in one polygon",
}


@dataclass(frozen=True)
class InputLimits:
    """The most an import reads; every field a positive whole number.

    Attributes
    ----------
    max_file_mb : size of a file (all its parts, or a zip's unpacked members)
        read into memory, in megabytes.
    max_features : features (rows) in one vector file.
    max_sheet_rows, max_sheet_columns : the size of one Excel or CSV sheet.
    max_vertices : vertices of one geometry.
    max_holes : holes (inner rings) of one polygon, summed over its parts.
    """

    max_file_mb: int = 1024
    max_features: int = 5_000_000
    max_sheet_rows: int = 200_000
    max_sheet_columns: int = 500
    max_vertices: int = 250_000
    max_holes: int = 2_000

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ModelError(f"input limit {f.name} ({LIMIT_TEXTS[f.name]}) must be a "
                                 f"positive whole number, not {value!r}")

    @property
    def max_file_bytes(self) -> int:
        """``max_file_mb`` in bytes."""
        return self.max_file_mb * 1024 * 1024

    def to_dict(self) -> dict[str, int]:
        """The limits as a plain dict (saved in the plan's settings JSON)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_value(cls, data: Any) -> InputLimits:
        """Limits from a saved dict; unknown keys are ignored, missing ones default.

        Raises
        ------
        ModelError
            When ``data`` is not a mapping or a value is not a positive whole number.
        """
        if isinstance(data, InputLimits):
            return data
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ModelError(f"input limits must be a table of limits, not {type(data).__name__}")
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{str(k): _whole(k, v) for k, v in data.items() if k in known})

    def replaced(self, **changes: Any) -> InputLimits:
        """A copy with some limits changed (values as numbers or numeric text)."""
        return dataclasses.replace(self, **{k: _whole(k, v) for k, v in changes.items()})


def _whole(key: object, value: Any) -> Any:
    """Numeric text and integral floats as int; anything else left for validation."""
    if isinstance(value, str):
        try:
            return int(value.replace(",", "").replace("_", "").strip())
        except ValueError:
            raise ModelError(f"input limit {key} must be a positive whole number, "
                             f"not {value!r}") from None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value

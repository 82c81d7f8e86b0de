"""Text cells that a spreadsheet must never run: formula injection guards.

A worker's name, a phone or a note beginning with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) is a formula to Excel and
WPS when it arrives in a CSV file, and to openpyxl when a string starting
with ``=`` is stored in a workbook. Exports therefore:

- in ``.xlsx``, store every text cell as a string (explicit string data
  type), so nothing is ever a formula and the text reads back unchanged;
- in ``.csv``, prefix such text with a single quote, as OWASP recommends
  (https://owasp.org/www-community/attacks/CSV_Injection). Text that
  already begins with quotes before such a character gets one more, so
  :func:`unguard_csv` — used by gridplanner's own CSV importers — removes
  exactly the quote that was added and every text reads back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_GUARD = "'"
#: Characters an .xlsx file cannot hold (XML 1.0 control characters).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def needs_guard(text: str) -> bool:
    """True when ``text`` (after any leading quotes) begins like a formula.

    Examples
    --------
    >>> needs_guard("=HYPERLINK(\\"http://x\\")"), needs_guard("'=1"), needs_guard("'note")
    (True, True, False)
    """
    return text.lstrip(CSV_GUARD).startswith(FORMULA_TRIGGERS)


def guard_csv(value: Any) -> Any:
    """``value`` as it goes into a CSV cell: text that a spreadsheet would run
    as a formula gets a leading single quote; anything else is unchanged."""
    if isinstance(value, str) and needs_guard(value):
        return CSV_GUARD + value
    return value


def unguard_csv(text: str) -> str:
    """The text :func:`guard_csv` was given: the one added quote removed.

    A quote that was not added by the guard (``'note``) is kept.
    """
    if text.startswith(CSV_GUARD) and needs_guard(text[1:]):
        return text[1:]
    return text


def guard_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell guarded for CSV (numbers untouched)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(guard_csv).astype(object)
    return out


def xlsx_text(text: str) -> str:
    """Text an .xlsx file can hold: XML control characters become U+FFFD."""
    return _ILLEGAL_XML.sub("\ufffd", text)


def append_row(ws: Any, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl worksheet with every text cell stored as text.

    openpyxl turns a string beginning with ``=`` into a formula on assignment;
    the string data type set here makes it a plain text cell instead.
    """
    from openpyxl.cell.cell import Cell

    row = []
    for value in values:
        if isinstance(value, str):
            cell = Cell(ws, value=xlsx_text(value))
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    ws.append(row)

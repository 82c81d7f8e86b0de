"""Reading spreadsheets users bring (.xlsx, .csv) within the input limits.

Both readers return the sheet as rows of raw cell values and refuse, with
the file, sheet, row or cell and the limit named, before a file can take
the machine's memory:

- ``.xlsx``: the unpacked size is checked against ``max_file_mb``, the
  sheet's declared dimension against ``max_sheet_rows`` and
  ``max_sheet_columns`` before any row is read, and the rows are then
  streamed (openpyxl read-only mode), each checked as it arrives — so a
  5 KB workbook whose one cell sits at XFD1048576 is refused at once;
- ``.csv``: the file size is checked before it is read; the text is split
  into records by the csv module alone, so a quoted line break stays in
  its cell and U+2028 (LINE SEPARATOR) is text, not a new row. A leading
  quote that gridplanner's CSV export added against formula injection is
  removed (:func:`gridplanner.io.cell_text.unguard_csv`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd

from gridplanner.errors import GridPlannerError, ImportDataError
from gridplanner.io.cell_text import unguard_csv
from gridplanner.io.importers.guards import check_file_size, limit_text
from gridplanner.model.limits import InputLimits

CSV_ENCODINGS = ("utf-8-sig", "gb18030")
_DELIMITERS = (",", "\t", ";", "|")


def column_letter(index: int) -> str:
    """Excel's column name of a 1-based column number (1 → A, 16384 → XFD)."""
    name = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _too_many_rows(where: str, row: int, limits: InputLimits) -> ImportDataError:
    return ImportDataError(f"{where}: row {row:,} holds data; "
                           f"{limit_text('max_sheet_rows', limits.max_sheet_rows)}")


def _too_many_columns(where: str, row: int, column: int, limits: InputLimits) -> ImportDataError:
    return ImportDataError(
        f"{where}: cell {column_letter(column)}{row} (column {column:,}) holds data; "
        f"{limit_text('max_sheet_columns', limits.max_sheet_columns)}")


# -- Excel -----------------------------------------------------------------------------
def read_xlsx_rows(path: Path, sheet: str | int | None, limits: InputLimits) -> list[list[Any]]:
    """The rows of one sheet of an .xlsx/.xlsm workbook (values, trailing blanks cut)."""
    from openpyxl import load_workbook

    check_file_size(path, limits)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises assorted errors on damaged files
        raise ImportDataError(f"{path}: not a readable Excel file ({_reason(exc)})") from exc
    try:
        ws = _worksheet(wb, path, sheet)
        where = f"{path} (sheet {ws.title})"
        _check_declared(ws, where, limits)
        return _stream_rows(ws, where, limits)
    except GridPlannerError:
        raise
    except Exception as exc:  # damaged XML inside the workbook
        raise ImportDataError(f"{path}: not a readable Excel file ({_reason(exc)})") from exc
    finally:
        wb.close()


def _reason(exc: BaseException) -> str:
    return str(exc).strip() or type(exc).__name__


def _worksheet(wb: Any, path: Path, sheet: str | int | None) -> Any:
    names = list(wb.sheetnames)
    if not names:
        raise ImportDataError(f"{path}: the workbook has no sheet")
    if sheet is None or sheet == "":
        return wb[names[0]]
    if isinstance(sheet, int) or str(sheet).isdigit() and str(sheet) not in names:
        index = int(sheet)
        if 0 <= index < len(names):
            return wb[names[index]]
    elif str(sheet) in names:
        return wb[str(sheet)]
    raise ImportDataError(f"{path}: has no sheet {sheet!r}; its sheets are: {', '.join(names)}")


def _check_declared(ws: Any, where: str, limits: InputLimits) -> None:
    """Refuse a sheet whose declared dimension (``<dimension ref="A1:XFD1048576">``)
    is over the limits, before reading a row."""
    rows, cols = ws.max_row, ws.max_column
    if (rows or 0) > limits.max_sheet_rows or (cols or 0) > limits.max_sheet_columns:
        ref = f"A1:{column_letter(cols or 1)}{rows or 1}"
        which = ("max_sheet_rows", limits.max_sheet_rows) if (rows or 0) > limits.max_sheet_rows \
            else ("max_sheet_columns", limits.max_sheet_columns)
        raise ImportDataError(f"{where}: the sheet declares {rows or 0:,} rows × {cols or 0:,} "
                              f"columns ({ref}); {limit_text(*which)}")


def _stream_rows(ws: Any, where: str, limits: InputLimits) -> list[list[Any]]:
    ws.reset_dimensions()  # the declaration may lie: check every row as it arrives
    rows: list[list[Any]] = []
    blank: list[Any] = []
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        width = len(values)
        while width and (values[width - 1] is None or values[width - 1] == ""):
            width -= 1
        if not width:
            continue  # blank rows are kept only before data (bounded by the row limit)
        if number > limits.max_sheet_rows:
            raise _too_many_rows(where, number, limits)
        if width > limits.max_sheet_columns:
            raise _too_many_columns(where, number, width, limits)
        rows.extend([blank] * (number - 1 - len(rows)))
        rows.append(list(values[:width]))
    return rows


# -- CSV -------------------------------------------------------------------------------
def read_csv_rows(path: Path, encoding: str | None,
                  limits: InputLimits) -> tuple[list[list[str]], str]:
    """The records of a CSV file as text cells, and the encoding used.

    UTF-8 (with or without BOM), else GB18030 (a superset of GBK), unless
    ``encoding`` is given. Blank records are left out.
    """
    check_file_size(path, limits)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportDataError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if encoding:
        candidates: tuple[str, ...] = (encoding,)
    elif data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    else:
        candidates = CSV_ENCODINGS
    for enc in candidates:
        try:
            text = data.decode(enc)
        except LookupError:
            raise ImportDataError(f"{path}: unknown text encoding {enc!r}") from None
        except UnicodeDecodeError as exc:
            if encoding:
                raise ImportDataError(f"{path}: the text is not valid {encoding} "
                                      f"(byte {exc.start:,}: {exc.reason})") from None
            continue
        used = "utf-8" if enc == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf") else enc
        del data
        return _csv_records(text.removeprefix("\ufeff"), path, limits), used
    raise ImportDataError(
        f"{path}: the text is neither UTF-8 nor GBK/GB18030; give the encoding explicitly")


def _csv_records(text: str, path: Path, limits: InputLimits) -> list[list[str]]:
    if "\x00" in text:
        raise ImportDataError(f"{path}: holds NUL characters; it is not a text (CSV) file")
    delimiter = guess_delimiter(text[:65536].split("\n")[:50])  # no copy of the whole text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= limits.max_sheet_rows:
                raise _too_many_rows(str(path), reader.line_num, limits)
            if len(record) > limits.max_sheet_columns:
                raise _too_many_columns(str(path), reader.line_num, len(record), limits)
            rows.append([unguard_csv(cell) for cell in record])
    except csv.Error as exc:
        raise ImportDataError(f"{path}: line {reader.line_num:,} cannot be read as CSV "
                              f"({exc})") from None
    if not rows:
        raise ImportDataError(f"{path}: the file is empty")
    return rows


def guess_delimiter(lines: list[str]) -> str:
    """The separator most lines share (comma, tab, semicolon or bar); comma if none."""
    best, best_score = ",", 0
    for candidate in _DELIMITERS:
        counts = [line.count(candidate) for line in lines] or [0]
        score = sum(1 for c in counts if c > 0) * 100 + max(counts)
        if max(counts) > 0 and score > best_score:
            best, best_score = candidate, score
    return best


# -- either ------------------------------------------------------------------------------
def read_sheet(path: Path, *, encoding: str | None = None, sheet: str | int | None = None,
               limits: InputLimits | None = None) -> tuple[pd.DataFrame, str | None]:
    """A sheet as a frame of raw cells (rows padded to one width), and the CSV
    encoding used (None for a workbook)."""
    limits = limits or InputLimits()
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows: list[list[Any]] = read_xlsx_rows(path, sheet, limits)
        used = None
    elif suffix == ".xls":
        return _read_xls(path, sheet, limits), None
    else:
        text_rows, used = read_csv_rows(path, encoding, limits)
        rows = list(text_rows)
    width = max((len(r) for r in rows), default=0)
    return pd.DataFrame([r + [None] * (width - len(r)) for r in rows], dtype=object), used


def _read_xls(path: Path, sheet: str | int | None, limits: InputLimits) -> pd.DataFrame:
    """An old-format .xls sheet through pandas (needs xlrd), size-checked first."""
    check_file_size(path, limits)
    try:
        frame = pd.read_excel(path, sheet_name=0 if sheet is None else sheet, dtype=object,
                              header=None)
    except ImportError:
        raise ImportDataError(f"{path}: old-format .xls workbooks cannot be read here; save "
                              "it as .xlsx in Excel or WPS and import that") from None
    except Exception as exc:  # xlrd raises assorted errors on damaged files
        raise ImportDataError(f"{path}: not a readable Excel file ({_reason(exc)})") from exc
    if len(frame) > limits.max_sheet_rows:
        raise _too_many_rows(str(path), len(frame), limits)
    if len(frame.columns) > limits.max_sheet_columns:
        raise _too_many_columns(str(path), 1, len(frame.columns), limits)
    return frame

"""Reading one sheet of a standards workbook from outside: bounded rows, headers, and cell values by kind.

A workbook is hostile input, like a set file: the sheet's claimed size is not trusted (rows are
read as they come, at most ``WorkbookLimits.rows``), formulas are refused (never calculated), every
text is bounded, and every problem is one line naming its cell (``Items!D7: ...``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from s11audit.safe_text import shown
from s11audit.standards.workbook import (
    BOOL, CODE, DATE, DESCRIPTOR, ENUM, ID, IDS, LINES, NUMBER, TEXT, Column, Sheet,
)
from s11audit.xlsx_parts import MB, PartLimits


@dataclass(frozen=True)
class WorkbookLimits(PartLimits):
    """How much of a standards workbook is read. Tests pass smaller limits to reach each check cheaply."""

    # The largest shipped set is a 60 KB workbook; a set file may be at most 2 MB of YAML.
    file_bytes: int = 10 * MB
    members: int = 200
    uncompressed_bytes: int = 60 * MB
    # Rows read per sheet (a set has at most a few hundred standards, criteria or items).
    rows: int = 5_000
    # Columns read per row: the widest sheet has 14 columns and one descriptor column per level.
    columns: int = 80
    # The longest text a set allows is 20,000 characters.
    cell_chars: int = 20_000
    # Problems collected before reading stops (the error lists the first 50).
    problems: int = 200


LIMITS = WorkbookLimits()
_INT = re.compile(r"[+-]?\d{1,15}")
_FLOAT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?")
_YES, _NO = ("yes", "y", "true"), ("no", "n", "false")


class TooManyProblems(Exception):
    """Raised when ``Problems`` is full: reading stops, the problems so far are reported."""


@dataclass
class Problems:
    limit: int
    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")
        if len(self.items) >= self.limit:
            raise TooManyProblems


@dataclass
class SheetRow:
    """One non-blank row: its number as Excel shows it and its values (None: blank) with their cells."""

    number: int
    values: dict[str, Any]
    cells: dict[str, str]  # column key -> cell reference, e.g. "D7"


def ref(sheet: str, cell: str) -> str:
    return f"{sheet}!{cell}"


def _number(text: str) -> int | float | None:
    text = text.strip()
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text) and math.isfinite(float(text)):
        return float(text)
    return None


def _as_text(value: Any) -> str | None:
    """A number Excel made from what was typed, back as the text typed (3 for "3", 2.5 for "2.5")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    return None


def convert(column: Column, value: Any, where: str, problems: Problems, limits: WorkbookLimits) -> Any:
    """The set's value for what a cell holds (None: not given); a problem added when it cannot be one."""
    name = column.key.replace("_", " ")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and len(value) > limits.cell_chars:
        problems.add(where, f"{name} is {len(value):,} characters long; at most {limits.cell_chars:,} are allowed")
        return None
    kind = column.kind
    if kind == BOOL:
        return _yes_no(name, value, where, problems)
    if kind == NUMBER:
        return _number_cell(name, value, where, problems)
    if kind == DATE and isinstance(value, (dt.datetime, dt.date)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if not isinstance(value, str):
        text = _as_text(value)
        if text is None:
            problems.add(where, f"{name} should be text, not {shown(value, 40)}; format the cell as text and type "
                                "the value again")
            return None
        value = text
    return _from_text(column, name, value, where, problems)


def _yes_no(name: str, value: Any, where: str, problems: Problems) -> bool | None:
    word = value.strip().casefold() if isinstance(value, str) else value
    if word is True or word in _YES:
        return True
    if word is False or word in _NO:
        return False
    problems.add(where, f"{name} is '{shown(value, 40)}'; write yes or no, or leave it blank")
    return None


def _number_cell(name: str, value: Any, where: str, problems: Problems) -> int | float | None:
    """The number a cell holds (as written: a problem is added, not the value dropped, when it is not one)."""
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if isinstance(value, str):
        number = _number(value)
    if number is None or (isinstance(number, float) and not math.isfinite(number)):
        problems.add(where, f"{name} is '{shown(value, 40)}', which is not a number; write a number such as 3 "
                            "or 2.5, or leave it blank")
    return number


def _from_text(column: Column, name: str, value: str, where: str, problems: Problems) -> Any:
    """The value of a text cell for a column of a text kind (text, ids, choices, lists)."""
    kind = column.kind
    if kind == TEXT:
        return value
    if kind in (ID, CODE, DATE):
        return value.strip()
    if kind == ENUM:
        wanted = value.strip().casefold()
        match = next((v for v in column.values if v.casefold() == wanted), None)
        if match is None:
            problems.add(where, f"{name} '{shown(value, 40)}' is not one of {', '.join(column.values)}")
        return match
    if kind == IDS:
        return [part.strip() for part in value.split(",") if part.strip()] or None
    if kind == LINES:
        parts = value.splitlines() if "\n" in value else value.split(" | ")
        return [part.strip() for part in parts if part.strip()] or None
    return value


def header_columns(spec: Sheet, header: tuple[Any, ...], problems: Problems) -> dict[int, Column]:
    """Which column of the sheet each position holds, from the header row; problems for unknown ones."""
    known = {column.key.casefold(): column for column in spec.columns}
    found: dict[int, Column] = {}
    seen: dict[str, str] = {}
    for index, title in enumerate(header):
        if title is None or (isinstance(title, str) and not title.strip()):
            continue
        cell = ref(spec.name, f"{get_column_letter(index + 1)}1")
        text = str(title).strip()
        key = text.casefold()
        if spec.descriptors and key.startswith(DESCRIPTOR.strip()):
            level = text.split(":", 1)[1].strip()
            column = Column(DESCRIPTOR + level, TEXT, 0)
        elif key in known:
            column = known[key]
        else:
            problems.add(cell, f"unknown column '{shown(text, 40)}'; the columns of this sheet are "
                               f"{', '.join(c.key for c in spec.columns)}"
                               f"{' and descriptor: <level>' if spec.descriptors else ''}")
            continue
        if column.key in seen:
            problems.add(cell, f"the column {column.key!r} is there twice (also {seen[column.key]}); delete one")
            continue
        seen[column.key] = cell
        found[index] = column
    missing = [c.key for c in spec.columns if c.key not in seen and not c.optional]
    if missing:
        problems.add(ref(spec.name, "1"), f"the header row has no column {', '.join(map(repr, missing))}; copy the "
                                          "header row from a new template (s11audit standards to-xlsx)")
    return found


def cell_value(cell: Any, where: str, problems: Problems) -> Any:
    """A cell's value as stored; a formula or an error value is a problem (never calculated)."""
    kind = getattr(cell, "data_type", None)
    value = getattr(cell, "value", None)
    if kind == "f":
        problems.add(where, f"holds a formula ({shown(value, 40)}); type the value itself, as formulas are never "
                            "calculated here")
        return None
    if kind == "e":
        problems.add(where, f"holds the error value {shown(value, 20)}; type the value itself")
        return None
    return value


def read_rows(sheet: Any, spec: Sheet, problems: Problems, limits: WorkbookLimits) -> list[SheetRow]:
    """The non-blank rows under the header, each value converted for its column."""
    # The size a sheet claims (A1:XFD1048576) is not trusted: rows are read as they come.
    sheet.reset_dimensions()
    rows = sheet.iter_rows(max_col=limits.columns)
    header = tuple(getattr(cell, "value", None) for cell in next(rows, ()))
    columns = header_columns(spec, header, problems)
    found: list[SheetRow] = []
    for number, cells in enumerate(rows, start=2):
        if number > limits.rows + 1:
            problems.add(ref(spec.name, str(number)), f"the sheet has more than {limits.rows:,} rows; a set needs far "
                                                      "fewer (delete the rows below your last one)")
            break
        values: dict[str, Any] = {}
        refs: dict[str, str] = {}
        for index, column in columns.items():
            if index >= len(cells):
                continue
            coordinate = f"{get_column_letter(index + 1)}{number}"
            where = ref(spec.name, coordinate)
            refs[column.key] = coordinate
            values[column.key] = convert(column, cell_value(cells[index], where, problems), where, problems, limits)
        if any(value is not None for value in values.values()):
            for index, column in columns.items():
                refs.setdefault(column.key, f"{get_column_letter(index + 1)}{number}")
                values.setdefault(column.key, None)
            found.append(SheetRow(number, values, refs))
    return found

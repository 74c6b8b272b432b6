"""The register of organisations expected to return in a cycle: read from CSV or XLSX, or typed in.

Headers are matched whatever their case, spacing or punctuation, with the names people use:
``Name``/``Organisation``, ``Reference``/``URN``/``ODS code``, ``Sector``, ``Type``, ``Contact name``,
``Email``. The type may be an id (``primary``) or its label (``Primary school``). A row that cannot
be read is reported with its row number (as a spreadsheet shows it) and the reason; the rows that
can be read are added in one transaction. The sector is taken from the file; when absent it comes
from the organisation type's kind ("Education" or "Agency").

A register file comes from outside (another team, a download, an email), so it is read as hostile
input: its size, rows, columns and cell lengths are bounded (:class:`RegisterLimits`), a workbook's
ZIP is checked before openpyxl inflates anything, text is decoded strictly (UTF-8, else the
Windows code page Excel saves CSV in), nothing is ever evaluated (a cell starting ``=`` is text) and
every failure is a :class:`RegisterError` naming the file. Values from the file shown in a message
go through :func:`~s11audit.safe_text.shown`.
"""

from __future__ import annotations

import csv
import io
import re
import stat
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from s11audit.business_unit.workspace import CycleRow, OrganisationEntry, OrganisationRow, Workspace, reference_key
from s11audit.organisations import AGENCY, EDUCATION, ORGANISATION_TYPES, TYPES_BY_ID
from s11audit.safe_text import shown
from s11audit.store.database import AuditFileError
from s11audit.xlsx_parts import PartLimits, part_problem

SECTOR_OF_KIND = {EDUCATION: "Education", AGENCY: "Agency"}
MB = 1024 * 1024

HEADERS = {
    "name": ("name", "organisation", "organisation name", "organization", "organization name", "school", "school name",
             "setting", "agency"),
    "reference": ("reference", "ref", "urn", "ods", "ods code", "code", "id", "organisation reference",
                  "reference number"),
    "sector": ("sector",),
    "org_type": ("type", "organisation type", "org type", "school type", "phase", "kind of organisation"),
    "contact_name": ("contact", "contact name", "lead", "safeguarding lead", "dsl", "name of contact"),
    "contact_email": ("email", "e mail", "contact email", "email address", "contact e mail"),
}
_TYPE_NAMES = {**{t.id: t.id for t in ORGANISATION_TYPES}, **{t.label: t.id for t in ORGANISATION_TYPES}}


def _plain(text: object) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text or "").casefold()).split())


_HEADER_OF = {_plain(alias): column for column, aliases in HEADERS.items() for alias in aliases}
_TYPE_OF = {_plain(name): type_id for name, type_id in _TYPE_NAMES.items()}


@dataclass(frozen=True)
class BadRow:
    row: int  # as the spreadsheet numbers it (the header is row 1)
    reason: str


@dataclass
class RegisterReport:
    added: list[OrganisationRow] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{len(self.added)} organisations added"
        if self.bad_rows:
            text += f"; {len(self.bad_rows)} rows could not be read:\n" + "\n".join(
                f"  row {b.row}: {b.reason}" for b in self.bad_rows)
        return text


class RegisterError(AuditFileError):
    """A register file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class RegisterLimits(PartLimits):
    """How much of a register file is read. Tests pass smaller limits to reach each check cheaply."""

    # A partnership registers hundreds to a few thousand organisations: 5,000 rows of CSV are under
    # 1 MB and 50,000 under 10 MB. 20 MB is far beyond any real register, yet small enough to read
    # into memory at once on any PC, and a wrong file (a video, a backup) is refused before reading.
    file_bytes: int = 20 * MB
    # A big county's partnership registers a few thousand schools, settings and agencies; 50,000 is
    # ten times that, and still a list a person could check.
    rows: int = 50_000
    # Columns after these are not read: a register uses six, exports from other systems a few dozen.
    columns: int = 100
    # Commas on one line of a CSV: the csv module makes a list of every cell of a row before we can
    # cut it, so a 20 MB line of commas would be 20 million cells. Quoted text counts too.
    commas: int = 10_000
    # A name, reference, type or contact longer than this is a bad row, not a value to store.
    cell_chars: int = 1_000
    # Rows passed over (blank ones) before giving up: Excel's last row; beyond it no spreadsheet wrote it.
    rows_scanned: int = 1_048_576
    # An .xlsx is a ZIP of XML parts: Excel writes about a dozen members, and the XML of 50,000
    # rows is well under 100 MB. Deflate packs XML 5 to 20 times; packing more than 100 times is
    # a ZIP bomb (zeros or repeated text), checked from 1 MB up so tiny parts never trip it.
    members: int = 1_000
    uncompressed_bytes: int = 100 * MB
    ratio: int = 100
    ratio_from_bytes: int = 1 * MB


LIMITS = RegisterLimits()
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_TEXT_SUFFIXES = (".csv", ".txt")
# Control characters never belong in a name or reference; they become spaces (then collapse).
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# How many of a header row's titles the error for a missing name or reference column lists.
_HEADER_TITLES_SHOWN = 12
_LABELS = {"name": "name", "reference": "reference", "sector": "sector", "org_type": "type",
           "contact_name": "contact name", "contact_email": "email"}


def _quoted(value: object) -> str:
    return f"'{shown(value, 80)}'"


# --- reading the file: bounded, strict, never evaluated -------------------------------------------

def _read_bytes(path: Path, limits: RegisterLimits) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise RegisterError(path, "is not a file: choose the register's CSV or Excel file.")
        if info.st_size > limits.file_bytes:
            raise RegisterError(path, f"is {_megabytes(info.st_size)}, more than a register can be "
                                      f"({_megabytes(limits.file_bytes)}): check it is the right file.")
        with path.open("rb") as stream:
            data = stream.read(limits.file_bytes + 1)  # bounded: the file may grow while we read it
    except OSError as exc:
        raise RegisterError(path, f"cannot be read ({shown(exc.strerror or exc)}).") from exc
    if len(data) > limits.file_bytes:
        raise RegisterError(path, f"is more than {_megabytes(limits.file_bytes)}: check it is the right file.")
    return data


def _megabytes(size: int) -> str:
    return f"{size / MB:,.1f} MB"


def _rows(path: Path, limits: RegisterLimits = LIMITS) -> list[list[object]]:
    suffix = path.suffix.lower()
    if suffix not in _WORKBOOK_SUFFIXES + _TEXT_SUFFIXES:
        raise RegisterError(path, "is not a register file: use a CSV (.csv) or Excel workbook (.xlsx).")
    data = _read_bytes(path, limits)
    if suffix in _WORKBOOK_SUFFIXES:
        return _workbook_rows(path, data, limits)
    return _csv_rows(path, data, limits)


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise RegisterError(path, "holds NUL bytes, so it is not a CSV text file (it may be a workbook, or text "
                                  "saved as 'Unicode text'). Save it from Excel as 'CSV UTF-8' or as .xlsx.")
    # Excel saves 'CSV UTF-8' with a byte-order mark and plain 'CSV' in the Windows code page.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RegisterError(path, "is not text in UTF-8 or the Windows code page. Save it from Excel as 'CSV UTF-8'.")


def _csv_rows(path: Path, data: bytes, limits: RegisterLimits) -> list[list[object]]:
    return _take(path, csv.reader(_lines(path, _decode(path, data), limits)), limits)


def _lines(path: Path, text: str, limits: RegisterLimits) -> Iterator[str]:
    """The lines of a CSV, each checked before the csv module splits it into cells."""
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if line.count(",") > limits.commas:
            raise RegisterError(path, f"line {number:,} has more than {limits.commas:,} commas: it is not a register.")
        yield line


def _take(path: Path, rows: Iterable[Sequence[object]], limits: RegisterLimits) -> list[list[object]]:
    """The rows, each cut to ``limits.columns``; refused when there are more than ``limits.rows``."""
    kept: list[list[object]] = []
    number, blank = 0, None
    try:
        for number, row in enumerate(rows, start=1):
            if number > limits.rows_scanned:
                raise RegisterError(path, f"has more than {limits.rows_scanned:,} rows, more than a spreadsheet holds.")
            if number <= limits.rows:
                kept.append(list(row[: limits.columns]))
            elif row is not blank:  # openpyxl fills a gap with one shared blank row: checked once
                if not _blank(row):  # blank rows past the end are harmless (a sheet formatted further down)
                    raise RegisterError(path, f"has more than {limits.rows:,} rows (row {number:,} is not empty): "
                                              "check it is the right file, or split it.")
                blank = row
    except csv.Error as exc:
        raise RegisterError(path, f"row {number + 1:,} cannot be read as CSV: {_csv_problem(exc)}") from exc
    return kept


def _blank(row: Sequence[object]) -> bool:
    return not row or row.count(None) + row.count("") == len(row)


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"a cell is longer than {csv.field_size_limit():,} characters."
    return f"{shown(exc)}."


def _workbook_rows(path: Path, data: bytes, limits: RegisterLimits) -> list[list[object]]:
    _check_zip(path, data, limits)
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about the parts it drops (styles, extensions); none matter to a register.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
            try:
                return _first_sheet_rows(path, workbook, limits)
            finally:
                workbook.close()
    except RegisterError:
        raise
    except Exception as exc:  # openpyxl and the XML parser raise many kinds for a damaged workbook
        raise RegisterError(path, f"cannot be read as an Excel workbook ({shown(exc)}).") from exc


def _first_sheet_rows(path: Path, workbook, limits: RegisterLimits) -> list[list[object]]:
    if not workbook.worksheets or not hasattr(workbook.worksheets[0], "reset_dimensions"):
        raise RegisterError(path, "has no worksheet: the register must be on the first sheet.")
    sheet = workbook.worksheets[0]
    # The size a sheet claims (A1:XFD1048576) is not trusted: rows are read as they come, and
    # ``data_only`` gives a formula's saved result, never evaluating it.
    sheet.reset_dimensions()
    return _take(path, sheet.iter_rows(max_col=limits.columns, values_only=True), limits)


def _check_zip(path: Path, data: bytes, limits: RegisterLimits) -> None:
    """Refuse a workbook whose ZIP would inflate past the limits, before openpyxl reads any of it."""
    problem = part_problem(data, limits, "a register")
    if problem:
        raise RegisterError(path, problem)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a URN typed as a number in Excel
    return " ".join(_CONTROLS.sub(" ", str(value)).split())


# --- from rows to organisations ---------------------------------------------------------------------

def _columns(path: Path, header: Sequence[object]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for position, title in enumerate(header):
        column = _HEADER_OF.get(_plain(title))
        if column is not None and column not in columns:
            columns[column] = position
    missing = [c for c in ("name", "reference") if c not in columns]
    if missing:
        titles = [shown(_text(t), 40) for t in header if _text(t)]
        listed = ", ".join(titles[:_HEADER_TITLES_SHOWN]) + (", ..." if len(titles) > _HEADER_TITLES_SHOWN else "")
        raise RegisterError(path, f"has no {' or '.join(missing)} column (the header row has: {listed}).")
    return columns


def _problem(cell: dict[str, str], org_type: str, seen: dict[str, int], limits: RegisterLimits) -> str:
    too_long = next((c for c, value in cell.items() if len(value) > limits.cell_chars), None)
    if too_long:
        return f"the {_LABELS[too_long]} is longer than {limits.cell_chars:,} characters"
    if not cell["name"]:
        return "no name"
    if not cell["reference"]:
        return "no reference"
    if cell.get("org_type") and not org_type:
        return f"unknown organisation type {_quoted(cell['org_type'])}"
    if reference_key(cell["reference"]) in seen:
        return f"reference {_quoted(cell['reference'])} is also on row {seen[reference_key(cell['reference'])]}"
    return ""


def read_register(path: Path | str, *, limits: RegisterLimits = LIMITS
                  ) -> tuple[list[tuple[int, OrganisationEntry]], list[BadRow]]:
    """Organisations from a register file with their row numbers, and the rows that could not be read.

    Raises :class:`RegisterError` (an ``AuditFileError``) naming the file when it cannot be read at all.
    """
    path = Path(path)
    rows = _rows(path, limits)
    header_index = next((i for i, row in enumerate(rows) if any(_text(cell) for cell in row)), None)
    if header_index is None:
        raise RegisterError(path, "is empty: a register needs a header row and one row per organisation.")
    columns = _columns(path, rows[header_index])
    entries: list[tuple[int, OrganisationEntry]] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}  # reference key -> row number
    for index in range(header_index + 1, len(rows)):
        row, number = rows[index], index + 1
        cell = {c: _text(row[p]) if p < len(row) else "" for c, p in columns.items()}
        if not any(cell.values()):
            continue
        org_type = _TYPE_OF.get(_plain(cell["org_type"]), "") if cell.get("org_type") else ""
        problem = _problem(cell, org_type, seen, limits)
        if problem:
            bad.append(BadRow(number, problem))
            continue
        seen[reference_key(cell["reference"])] = number
        sector = cell.get("sector") or (SECTOR_OF_KIND.get(TYPES_BY_ID[org_type].kind, "") if org_type else "")
        entries.append((number, OrganisationEntry(cell["name"], cell["reference"], sector, org_type,
                                                  cell.get("contact_name", ""), cell.get("contact_email", ""))))
    return entries, bad


def import_register(workspace: Workspace, cycle: CycleRow | str, path: Path | str, *,
                    limits: RegisterLimits = LIMITS) -> RegisterReport:
    """Add the organisations of a register file to a cycle; rows already registered are reported, not added.

    Raises :class:`RegisterError` naming the file when it cannot be read at all.
    """
    if not isinstance(cycle, CycleRow):
        cycle = workspace.cycle(cycle)
    entries, bad = read_register(path, limits=limits)
    registered = {reference_key(o.reference) for o in workspace.organisations(cycle.id)}
    new = []
    for number, entry in entries:
        if reference_key(entry.reference) in registered:
            bad.append(BadRow(number, f"reference {_quoted(entry.reference)} is already in the register of "
                                      f"{shown(cycle.name, 80)}"))
        else:
            new.append(entry)
    bad.sort(key=lambda b: b.row)
    return RegisterReport(workspace.add_organisations(cycle.id, new) if new else [], bad)


def entry(name: str, reference: str, org_type: str = "", sector: str = "", contact_name: str = "",
          contact_email: str = "") -> OrganisationEntry:
    """An organisation typed in by hand, with the sector defaulted from its type's kind."""
    if org_type and org_type not in TYPES_BY_ID:
        raise ValueError(f"unknown organisation type {org_type!r}")
    sector = sector or (SECTOR_OF_KIND[TYPES_BY_ID[org_type].kind] if org_type else "")
    return OrganisationEntry(name, reference, sector, org_type, contact_name, contact_email)


def add_organisation(workspace: Workspace, cycle: CycleRow, organisation: OrganisationEntry) -> OrganisationRow:
    return workspace.add_organisation(cycle.id, organisation)


def edit_organisation(workspace: Workspace, organisation_id: int, organisation: OrganisationEntry) -> OrganisationRow:
    return workspace.update_organisation(organisation_id, organisation)


def remove_organisation(workspace: Workspace, organisation_id: int) -> None:
    workspace.remove_organisation(organisation_id)

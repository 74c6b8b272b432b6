"""The register of organisations expected to return in a cycle: read from CSV or XLSX, or typed in.

Headers are matched whatever their case, spacing or punctuation, with the names people use:
``Name``/``Organisation``, ``Reference``/``URN``/``ODS code``, ``Sector``, ``Type``, ``Contact name``,
``Email``. The type may be an id (``primary``) or its label (``Primary school``). A row that cannot
be read is reported with its row number (as a spreadsheet shows it) and the reason; the rows that
can be read are added in one transaction. The sector is taken from the file; when absent it comes
from the organisation type's kind ("Education" or "Agency").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from s11audit.business_unit.workspace import CycleRow, OrganisationEntry, OrganisationRow, Workspace, reference_key
from s11audit.organisations import AGENCY, EDUCATION, ORGANISATION_TYPES, TYPES_BY_ID
from s11audit.store.database import AuditFileError

SECTOR_OF_KIND = {EDUCATION: "Education", AGENCY: "Agency"}

HEADERS = {
    "name": ("name", "organisation", "organisation name", "organization", "organization name", "school", "school name",
             "setting", "agency"),
    "reference": ("reference", "ref", "urn", "ods", "ods code", "code", "id", "organisation reference", "reference number"),
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


def _rows(path: Path) -> list[list[object]]:
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
            finally:
                workbook.close()
        if suffix in (".csv", ".txt"):
            with open(path, newline="", encoding="utf-8-sig") as stream:
                return list(csv.reader(stream))
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as exc:
        raise AuditFileError(path, f"cannot be read as a register ({exc}).") from exc
    except Exception as exc:  # openpyxl raises its own errors for files that are not workbooks
        raise AuditFileError(path, f"cannot be read as a workbook ({exc}).") from exc
    raise AuditFileError(path, "is not a register file: use a CSV (.csv) or Excel workbook (.xlsx).")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a URN typed as a number in Excel
    return " ".join(str(value).split())


def read_register(path: Path | str) -> tuple[list[tuple[int, OrganisationEntry]], list[BadRow]]:
    """Organisations from a register file with their row numbers, and the rows that could not be read."""
    path = Path(path)
    rows = _rows(path)
    header_index = next((i for i, row in enumerate(rows) if any(_text(cell) for cell in row)), None)
    if header_index is None:
        raise AuditFileError(path, "is empty: a register needs a header row and one row per organisation.")
    columns: dict[str, int] = {}
    for position, title in enumerate(rows[header_index]):
        column = _HEADER_OF.get(_plain(title))
        if column is not None and column not in columns:
            columns[column] = position
    missing = [c for c in ("name", "reference") if c not in columns]
    if missing:
        raise AuditFileError(path, f"has no {' or '.join(missing)} column (the header row has: "
                                   f"{', '.join(_text(t) for t in rows[header_index] if _text(t))}).")
    entries, bad, seen = [], [], {}
    for index in range(header_index + 1, len(rows)):
        row, number = rows[index], index + 1
        cell = {c: _text(row[p]) if p < len(row) else "" for c, p in columns.items()}
        if not any(cell.values()):
            continue
        org_type = ""
        if cell.get("org_type"):
            org_type = _TYPE_OF.get(_plain(cell["org_type"]), "")
        problem = ("no name" if not cell["name"] else "no reference" if not cell["reference"]
                   else f"unknown organisation type {cell['org_type']!r}" if cell.get("org_type") and not org_type
                   else f"reference {cell['reference']!r} is also on row {seen[reference_key(cell['reference'])]}"
                   if reference_key(cell["reference"]) in seen else "")
        if problem:
            bad.append(BadRow(number, problem))
            continue
        seen[reference_key(cell["reference"])] = number
        sector = cell.get("sector") or (SECTOR_OF_KIND.get(TYPES_BY_ID[org_type].kind, "") if org_type else "")
        entries.append((number, OrganisationEntry(cell["name"], cell["reference"], sector, org_type,
                                                  cell.get("contact_name", ""), cell.get("contact_email", ""))))
    return entries, bad


def import_register(workspace: Workspace, cycle: CycleRow | str, path: Path | str) -> RegisterReport:
    """Add the organisations of a register file to a cycle; rows already registered are reported, not added."""
    if not isinstance(cycle, CycleRow):
        cycle = workspace.cycle(cycle)
    entries, bad = read_register(path)
    registered = {reference_key(o.reference) for o in workspace.organisations(cycle.id)}
    new = []
    for number, entry in entries:
        if reference_key(entry.reference) in registered:
            bad.append(BadRow(number, f"reference {entry.reference!r} is already in the register of {cycle.name}"))
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

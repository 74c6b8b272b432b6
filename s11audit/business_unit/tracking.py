"""Response tracking for a cycle: who has returned, who is late, who to chase; records for findings.

Per registered organisation (:func:`statuses`):

- **returned**: it has a current return (any return matched to it that counts);
- **late**: returned, but its *first* return was signed after the cycle's due date. The rule is the
  sign-off time written inside the signed return (``sign_off.signed_at``; the import time when a
  return has none), on or before the end of the due date being on time. The signed time cannot be
  altered and does not depend on when the business unit gets round to importing; a correction sent
  after the deadline does not make an on-time organisation late, since the first return counts;
- **rejected**: no return stored, but files claiming its reference were rejected at import (the
  reasons are kept, to tell the organisation what to fix);
- **not returned**: nothing seen (a return waiting for a key decision also counts as not returned
  until a person accepts it).

Superseded returns stay in each organisation's history (``superseded`` counts them). Response rates
(returned and late over registered) are given overall, by sector and by type. The chase list is
every organisation not returned or only rejected, with its contact, as CSV or XLSX.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import case, func, select

from s11audit.business_unit.moderation import all_criterion_moderations
from s11audit.business_unit.models import (CURRENT, KEY_PENDING, SUPERSEDED, ImportedReturn, ImportLogEntry,
                                           RegisteredOrganisation)
from s11audit.business_unit.records import FINDINGS_PREFIX, Basis, ReturnRecord, record_from_stored
from s11audit.business_unit.workspace import CycleRow, OrganisationRow, Workspace, reference_key
from s11audit.figures import percent_text
from s11audit.organisations import type_label
from s11audit.reports.atomic import atomic_output, save_workbook

RETURNED, LATE, REJECTED, NOT_RETURNED = "returned", "late", "rejected", "not returned"


@dataclass(frozen=True)
class OrganisationStatus:
    organisation: OrganisationRow
    status: str  # RETURNED, LATE, REJECTED or NOT_RETURNED
    first_signed_at: dt.datetime | None = None
    superseded: int = 0  # earlier returns kept in its history
    key_pending: int = 0  # returns waiting for a person to accept or reject a new key
    rejected_reasons: tuple[str, ...] = ()

    @property
    def has_returned(self) -> bool:
        return self.status in (RETURNED, LATE)


@dataclass(frozen=True)
class Rate:
    returned: int
    expected: int

    @property
    def percent(self) -> float:
        return 100.0 * self.returned / self.expected if self.expected else 0.0

    def __str__(self) -> str:
        return f"{self.returned} of {self.expected} ({percent_text(self.percent)})"


@dataclass(frozen=True)
class ResponseRates:
    overall: Rate
    by_sector: dict[str, Rate]
    by_type: dict[str, Rate]  # by organisation type id ("" when the register gives none)
    late: int


def is_late(signed_at: dt.datetime | None, due_on: dt.date) -> bool:
    """Signed after the end of the due date (see the module docstring for why the signed time)."""
    return signed_at is not None and signed_at.date() > due_on


def statuses(workspace: Workspace, cycle: CycleRow) -> list[OrganisationStatus]:
    """The status of every organisation in the cycle's register, in register order (by name)."""
    session = workspace.session
    returns: dict[int, list[tuple]] = defaultdict(list)
    for org_id, ret_id, state, signed_at, imported_at in session.execute(
            select(ImportedReturn.organisation_id, ImportedReturn.id, ImportedReturn.state, ImportedReturn.signed_at,
                   ImportedReturn.imported_at)
            .where(ImportedReturn.cycle_id == cycle.id, ImportedReturn.organisation_id.is_not(None))):
        if org_id is not None:  # (the query keeps only matched returns)
            returns[org_id].append((ret_id, state, signed_at or imported_at))
    rejected: dict[str, list[str]] = defaultdict(list)
    for reference, reason in session.execute(select(ImportLogEntry.reference, ImportLogEntry.reason)
                                             .where(ImportLogEntry.cycle_id == cycle.id,
                                                    ImportLogEntry.outcome == "rejected")
                                             .order_by(ImportLogEntry.id)):
        if reference:
            rejected[reference_key(reference)].append(reason)
    found = []
    for organisation in workspace.organisations(cycle.id):
        mine = returns.get(organisation.id, [])
        counted = [r for r in mine if r[1] in (CURRENT, SUPERSEDED)]
        current = next((r[0] for r in mine if r[1] == CURRENT), None)
        first = min((r[2] for r in counted), default=None)
        reasons = tuple(rejected.get(reference_key(organisation.reference), ()))
        if current is not None:
            status = LATE if is_late(first, cycle.due_on) else RETURNED
        else:
            status = REJECTED if reasons else NOT_RETURNED
        found.append(OrganisationStatus(organisation, status, first, sum(r[1] == SUPERSEDED for r in mine),
                                        sum(r[1] == KEY_PENDING for r in mine), reasons))
    return found


def response_rates(found: list[OrganisationStatus]) -> ResponseRates:
    """Returned (on time or late) over registered: overall, by sector and by type."""
    def rate(group: list[OrganisationStatus]) -> Rate:
        return Rate(sum(s.has_returned for s in group), len(group))

    by_sector: dict[str, list] = defaultdict(list)
    by_type: dict[str, list] = defaultdict(list)
    for status in found:
        by_sector[status.organisation.sector].append(status)
        by_type[status.organisation.org_type].append(status)
    return ResponseRates(rate(found), {k: rate(v) for k, v in sorted(by_sector.items())},
                         {k: rate(v) for k, v in sorted(by_type.items())}, sum(s.status == LATE for s in found))


def chase_list(found: list[OrganisationStatus]) -> list[OrganisationStatus]:
    """Organisations not yet returned (nothing seen, or only rejected files), with their contacts."""
    return [s for s in found if not s.has_returned]


CHASE_COLUMNS = [("Organisation", 44), ("Reference", 14), ("Sector", 18), ("Type", 26), ("Contact name", 30),
                 ("Email", 34), ("Status", 14), ("Why rejected", 60)]


def _chase_row(status: OrganisationStatus) -> list[str]:
    o = status.organisation
    shown = (f"{status.status} (a return signed with a different key waits to be checked with them)"
             if status.key_pending else status.status)
    return [o.name, o.reference, o.sector, type_label(o.org_type) if o.org_type else "", o.contact_name,
            o.contact_email, shown, status.rejected_reasons[-1] if status.rejected_reasons else ""]


def _csv_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula when the CSV is opened."""
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def write_csv(out_path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """Rows of text as CSV for Excel (UTF-8 with BOM), no cell run as a formula, written atomically."""
    with atomic_output(out_path) as temp, open(temp, "w", newline="", encoding="utf-8-sig") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows([_csv_safe(v) for v in row] for row in rows)
    return out_path


def write_chase_list(found: list[OrganisationStatus], out_path: Path | str) -> Path:
    """The chase list as CSV or XLSX (by the file's suffix), written atomically."""
    out_path = Path(out_path)
    rows = [_chase_row(s) for s in chase_list(found)]
    if out_path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        from s11audit.reports import xlsx_print
        from s11audit.reports.xlsx import WRAP, _header, put_text

        workbook = Workbook()
        xlsx_print.use_print_font(workbook)
        sheet = xlsx_print.first_sheet(workbook)
        sheet.title = "Chase list"
        # Narrower than on screen, long text wrapped: printed landscape at a readable size.
        widths = (30, 12, 14, 18, 20, 28, 14, 40)
        _header(sheet, [(title, width) for (title, _), width in zip(CHASE_COLUMNS, widths, strict=True)])
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                put_text(sheet.cell(row=r, column=c), value)
                sheet.cell(row=r, column=c).alignment = WRAP
        sheet.auto_filter.ref = sheet.dimensions
        workbook.properties.title = f"Chase list: {len(rows)} organisation{'' if len(rows) == 1 else 's'} to chase"
        xlsx_print.print_ready(sheet, workbook.properties.title)
        save_workbook(workbook, out_path)
    else:
        write_csv(out_path, [title for title, _ in CHASE_COLUMNS], rows)
    return out_path


class StoredReturn(NamedTuple):
    """One current return as the workspace keeps it, read on the workspace's thread; made into a
    :class:`ReturnRecord` on any thread (:func:`records_from_stored`)."""

    return_id: int
    stored: str  # its findings content (schema 0005) or, where missing, its whole return.json, as JSON text
    sector: str
    moderated: dict[str, str]
    moderated_criteria: dict[str, str]


def stored_returns(workspace: Workspace, cycle: CycleRow, basis: Basis = "moderated") -> list[StoredReturn]:
    """Each organisation's current return as stored, with its sector from the register and (on the
    moderated basis) the business unit's moderated grades of standards and criteria. Ordered by name."""
    moderated = workspace.all_moderations(cycle.id) if basis == "moderated" else {}
    criteria = all_criterion_moderations(workspace, cycle.id) if basis == "moderated" else {}
    # What findings read of each return (schema 0005) where it is of this version (its text starts so:
    # checking it with SQLite's JSON functions would parse every return twice), else its whole content.
    findings = ImportedReturn.findings_content
    kept = case((func.substr(findings, 1, len(FINDINGS_PREFIX)) == FINDINGS_PREFIX, findings),
                else_=ImportedReturn.content)
    query = (select(ImportedReturn.id, kept, RegisteredOrganisation.sector)
             .join(RegisteredOrganisation, RegisteredOrganisation.id == ImportedReturn.organisation_id)
             .where(ImportedReturn.cycle_id == cycle.id, ImportedReturn.state == CURRENT)
             .order_by(RegisteredOrganisation.name, RegisteredOrganisation.id))
    return [StoredReturn(return_id, text, sector or "", moderated.get(return_id, {}), criteria.get(return_id, {}))
            for return_id, text, sector in workspace.session.execute(query)]


def records_from_stored(returns: list[StoredReturn]) -> list[ReturnRecord]:
    """The records of stored returns (plain data in, plain data out: any thread)."""
    return [record_from_stored(json.loads(r.stored), sector=r.sector, moderated=r.moderated,
                               moderated_criteria=r.moderated_criteria) for r in returns]


def records_for_cycle(workspace: Workspace, cycle: CycleRow, basis: Basis = "moderated") -> list[ReturnRecord]:
    """A :class:`ReturnRecord` for each organisation's current return, with its sector from the register.

    With ``basis="moderated"`` the business unit's moderated grades (of standards and criteria) are attached
    (records then give both grades; ``ReturnRecord.grade(sid, basis)`` chooses); with ``"self"`` none are
    attached. Ordered by organisation name.
    """
    return records_from_stored(stored_returns(workspace, cycle, basis))

"""Findings for one cycle of a workspace: its current returns, last cycle's for the change, the register
for the number expected. The one place the app, the command line and the reports get them from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.findings_model import Findings
from s11audit.business_unit.records import Basis, ReturnRecord
from s11audit.business_unit.tracking import records_for_cycle
from s11audit.business_unit.workspace import CycleRow, Workspace


def cycle_records(workspace: Workspace, cycle: CycleRow) -> list[ReturnRecord]:
    """The current returns of the cycle with self and moderated grades (findings choose by basis)."""
    return records_for_cycle(workspace, cycle, basis="moderated")


def cycle_findings(workspace: Workspace, cycle: CycleRow, basis: Basis = "self", sector: str | None = None,
                   org_type: str | None = None, records: list[ReturnRecord] | None = None,
                   reference_date: dt.date | None = None) -> Findings:
    """Findings of ``cycle`` on self-grades or moderated grades, optionally for one sector or type.

    The number expected is the number of organisations in the register (of that sector or type);
    when the cycle names a previous cycle, the change since then is included. The date items are
    counted back from the cycle's due date unless ``reference_date`` is given.
    """
    records = cycle_records(workspace, cycle) if records is None else records
    register = [o for o in workspace.organisations(cycle.id)
                if (sector is None or o.sector == sector) and (org_type is None or o.org_type == org_type)]
    previous = previous_set = previous_date = None
    if cycle.previous_id is not None:
        earlier = workspace.cycle(cycle.previous_id)
        previous, previous_set, previous_date = cycle_records(workspace, earlier), workspace.standards_set(earlier.id), \
            earlier.due_on
    return compute_findings(workspace.standards_set(cycle.id), records, basis=basis, previous=previous,
                            previous_set=previous_set, expected=len(register), sector=sector, org_type=org_type,
                            reference_date=reference_date or cycle.due_on, previous_reference_date=previous_date)


def filters_text(sector: str | None, org_type: str | None) -> str:
    from s11audit.organisations import type_label

    parts = ([f"Sector: {sector}"] if sector else []) + ([f"Type: {type_label(org_type)}"] if org_type else [])
    return "; ".join(parts)


def write_cycle_reports(workspace: Workspace, cycle: CycleRow, *, basis: Basis = "self", sector: str | None = None,
                        org_type: str | None = None, pdf: Path | None = None, xlsx: Path | None = None,
                        partnership: str = "") -> Findings:
    """Compute the cycle's findings and write the PDF and/or workbook (each atomically)."""
    from s11audit.reports.findings_pdf import write_findings_pdf
    from s11audit.reports.findings_xlsx import write_findings_xlsx

    records = cycle_records(workspace, cycle)
    findings = cycle_findings(workspace, cycle, basis=basis, sector=sector, org_type=org_type, records=records)
    filters = filters_text(sector, org_type)
    previous = workspace.cycle(cycle.previous_id).name if cycle.previous_id is not None else ""
    if pdf is not None:
        write_findings_pdf(findings, workspace.standards_set(cycle.id), pdf, partnership=partnership, cycle=cycle.name,
                           previous_cycle=previous, filters=filters)
    if xlsx is not None:
        kept = [r for r in records if (sector is None or r.sector == sector) and (org_type is None or r.org_type == org_type)]
        write_findings_xlsx(findings, workspace.standards_set(cycle.id), kept, xlsx, partnership=partnership,
                            cycle=cycle.name, filters=filters)
    return findings

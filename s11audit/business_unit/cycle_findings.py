"""Findings for one cycle of a workspace: its current returns, last cycle's for the change, the register
for the number expected. The one place the app, the command line and the reports get them from.

Reading and working out are apart, so the window can work out findings off the UI thread: what is
needed is read from the workspace on its own thread (:func:`read_for_findings`, the returns' stored
JSON as text, ~0.3 s at 10,000 returns) into a :class:`FindingsSource` of plain data; the source
parses the returns into records once (~2 s at 10,000) and works out findings for any basis, sector
and type from them, on whichever thread holds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.findings_model import Findings
from s11audit.business_unit.models import RegisteredOrganisation
from s11audit.business_unit.records import Basis, ReturnRecord
from s11audit.business_unit.tracking import StoredReturn, records_from_stored, stored_returns
from s11audit.business_unit.workspace import CycleRow, Workspace
from s11audit.standards import StandardsSet


@dataclass(frozen=True)
class CycleReading:
    """What findings need of one cycle, as read from its workspace (plain data)."""

    standards_set: StandardsSet
    due_on: dt.date
    register: tuple[tuple[str, str], ...]  # (sector, organisation type) of each organisation in the register
    returns: tuple[StoredReturn, ...]  # each current return as stored, ordered by organisation name


def read_cycle(workspace: Workspace, cycle: CycleRow) -> CycleReading:
    register = workspace.session.execute(select(RegisteredOrganisation.sector, RegisteredOrganisation.org_type)
                                         .where(RegisteredOrganisation.cycle_id == cycle.id)).all()
    return CycleReading(workspace.standards_set(cycle.id), cycle.due_on,
                        tuple((sector or "", org_type or "") for sector, org_type in register),
                        tuple(stored_returns(workspace, cycle, basis="moderated")))


class CalculationStopped(Exception):
    """Reading the returns was stopped (``cancelled`` said so): no findings."""


def _parsed(returns: tuple[StoredReturn, ...], cancelled: Callable[[], bool] | None,
            chunk: int = 500) -> list[ReturnRecord]:
    records: list[ReturnRecord] = []
    for start in range(0, len(returns), chunk):
        if cancelled is not None and cancelled():
            raise CalculationStopped
        records.extend(records_from_stored(list(returns[start:start + chunk])))
    return records


class FindingsSource:
    """A cycle's findings for any basis, sector and type, from plain data read beforehand.

    Used by one thread at a time: the returns are parsed into records the first time they are needed
    (:meth:`records`) and kept; :meth:`moderated` gives a new source with one record changed, so a
    source being worked on elsewhere is never changed under it.
    """

    def __init__(self, current: CycleReading, previous: CycleReading | None = None,
                 records: list[ReturnRecord] | None = None, previous_records: list[ReturnRecord] | None = None):
        self.current, self.previous = current, previous
        self._records, self._previous_records = records, previous_records
        self._items: dict[tuple, tuple] = {}  # (sector, type, reference date) -> item findings
        self._before: dict[tuple, Findings] = {}  # (basis, sector, type) -> last cycle's findings

    @property
    def parsed(self) -> bool:
        return self._records is not None and (self.previous is None or self._previous_records is not None)

    def records(self, cancelled: Callable[[], bool] | None = None) -> list[ReturnRecord]:
        """The current returns with self and moderated grades (findings choose by basis)."""
        if self._records is None:
            self._records = _parsed(self.current.returns, cancelled)
        return self._records

    def previous_records(self, cancelled: Callable[[], bool] | None = None) -> list[ReturnRecord] | None:
        if self.previous is None:
            return None
        if self._previous_records is None:
            self._previous_records = _parsed(self.previous.returns, cancelled)
        return self._previous_records

    def findings(self, basis: Basis = "self", sector: str | None = None, org_type: str | None = None,
                 reference_date: dt.date | None = None, cancelled: Callable[[], bool] | None = None) -> Findings:
        """Findings on self-grades or moderated grades, optionally for one sector or type.

        The number expected is the number of organisations in the register (of that sector or type);
        when the cycle names a previous cycle, the change since then is included. The date items are
        counted back from the cycle's due date unless ``reference_date`` is given.
        """
        current, previous = self.current, self.previous
        expected = sum(1 for s, t in current.register
                       if (sector is None or s == sector) and (org_type is None or t == org_type))
        records, previous_records = self.records(cancelled), self.previous_records(cancelled)
        day = reference_date or current.due_on
        before = None
        # last cycle's findings on this basis and filter: worked out once (its records are read with it)
        if previous is not None and previous_records is not None:
            before = self._before.get((basis, sector, org_type))
            if before is None:
                before = self._before[basis, sector, org_type] = compute_findings(
                    previous.standards_set, previous_records, basis=basis, sector=sector, org_type=org_type,
                    reference_date=previous.due_on)
        # Item findings depend only on which records are counted (answers are the same on either basis):
        # a filter that keeps every record (all of the cycle's returns are schools) shares them.
        kept_all = (sector is None and org_type is None) or all(
            (sector is None or r.sector == sector) and (org_type is None or r.org_type == org_type) for r in records)
        items_key = (None, None, day) if kept_all else (sector, org_type, day)
        found = compute_findings(current.standards_set, records, basis=basis, expected=expected, sector=sector,
                                 org_type=org_type, reference_date=day, items=self._items.get(items_key),
                                 before=before)
        self._items[items_key] = found.items
        return found

    def moderated(self, return_id: int, standards: Mapping[str, str], criteria: Mapping[str, str]) -> FindingsSource:
        """A source with return ``return_id``'s moderated grades replaced (the other records shared)."""
        at = [n for n, r in enumerate(self.current.returns) if r.return_id == return_id]
        if not at:
            return self
        n = at[0]
        returns = list(self.current.returns)
        returns[n] = returns[n]._replace(moderated=dict(standards), moderated_criteria=dict(criteria))
        records = None
        if self._records is not None:
            records = list(self._records)
            records[n] = replace(records[n], moderated=dict(standards), moderated_criteria=dict(criteria))
        changed = FindingsSource(replace(self.current, returns=tuple(returns)), self.previous, records,
                                 self._previous_records)
        changed._items, changed._before = dict(self._items), dict(self._before)  # a moderation changes neither
        return changed


def read_for_findings(workspace: Workspace, cycle: CycleRow) -> FindingsSource:
    """What the cycle's findings need, read now (on the workspace's thread), with the previous cycle's."""
    previous = read_cycle(workspace, workspace.cycle(cycle.previous_id)) if cycle.previous_id is not None else None
    return FindingsSource(read_cycle(workspace, cycle), previous)


def cycle_findings(workspace: Workspace, cycle: CycleRow, basis: Basis = "self", sector: str | None = None,
                   org_type: str | None = None, reference_date: dt.date | None = None) -> Findings:
    """Findings of ``cycle`` on self-grades or moderated grades (:meth:`FindingsSource.findings`)."""
    return read_for_findings(workspace, cycle).findings(basis, sector, org_type, reference_date)


def filters_text(sector: str | None, org_type: str | None) -> str:
    from s11audit.organisations import type_label

    parts = ([f"Sector: {sector}"] if sector else []) + ([f"Type: {type_label(org_type)}"] if org_type else [])
    return "; ".join(parts)


def write_cycle_reports(workspace: Workspace, cycle: CycleRow, *, basis: Basis = "self", sector: str | None = None,  # noqa: PLR0913  # keyword-only options, each with a default
                        org_type: str | None = None, pdf: Path | None = None, xlsx: Path | None = None,
                        partnership: str = "", docx: Path | None = None) -> Findings:
    """Compute the cycle's findings and write the PDF, workbook and/or Word document (each atomically). Unless
    they are for one sector or type, each opens with the annual report summary (``annual_summary``)."""
    from s11audit.business_unit.annual_summary import build_summary, read_summary_inputs
    from s11audit.reports.findings_pdf import write_findings_pdf
    from s11audit.reports.findings_xlsx import write_findings_xlsx

    source = read_for_findings(workspace, cycle)
    findings = source.findings(basis, sector, org_type)
    filters = filters_text(sector, org_type)
    inputs = read_summary_inputs(workspace, cycle)
    summary = build_summary(inputs, findings) if sector is None and org_type is None else None
    previous = workspace.cycle(cycle.previous_id).name if cycle.previous_id is not None else ""
    if pdf is not None:
        write_findings_pdf(findings, source.current.standards_set, pdf, partnership=partnership, cycle=cycle.name,
                           previous_cycle=previous, filters=filters, summary=summary,
                           author=inputs.settings.business_unit)
    if xlsx is not None:
        kept = [r for r in source.records()
                if (sector is None or r.sector == sector) and (org_type is None or r.org_type == org_type)]
        write_findings_xlsx(findings, source.current.standards_set, kept, xlsx, partnership=partnership,
                            cycle=cycle.name, filters=filters, summary=summary)
    if docx is not None:
        from s11audit.reports.findings_docx import write_findings_docx

        write_findings_docx(findings, source.current.standards_set, docx, summary, cycle=cycle.name,
                            previous_cycle=previous, filters=filters,
                            business_unit=inputs.settings.business_unit or partnership)
    return findings

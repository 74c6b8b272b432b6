"""Briefings: what the business unit tells an organisation about a standard when it sends a starting file.

Two kinds: the **recommendations** the organisation was given at the last peer audit (challenge)
day, and the **business unit's note** (e.g. learning from reviews and case audits). They are
written once, when the audit is started from a starting file or a peer audit template
(``AuditFile.start_audit(briefings=...)``), and only read afterwards
(``SelfAssessment.briefings(standard_id)``): the organisation answers them in its narrative,
evidence and actions, it does not edit them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from s11audit.standards import StandardsSet
from s11audit.store.models import Briefing

RECOMMENDATION = "recommendation"
BUSINESS_UNIT_NOTE = "business_unit_note"
KINDS = {RECOMMENDATION: "Recommendation from the last peer audit", BUSINESS_UNIT_NOTE: "Note from the business unit"}


@dataclass(frozen=True)
class BriefingRow:
    standard_id: str
    kind: str  # RECOMMENDATION or BUSINESS_UNIT_NOTE
    text: str
    source: str = ""  # where it comes from, e.g. "Peer audit day 2027, 12 March 2027"

    @property
    def heading(self) -> str:
        """The kind in words, e.g. "Recommendation from the last peer audit"."""
        return KINDS.get(self.kind, self.kind)


def write_briefings(session: Session, audit_id: int, briefings: Iterable[BriefingRow],
                    standards_set: StandardsSet) -> int:
    """Add the briefings for standards of ``standards_set`` (others and blank ones are left out), inside the
    caller's transaction; returns how many were written."""
    known = {s.id for s in standards_set.standards}
    written = 0
    for b in briefings:
        if b.kind not in KINDS:
            raise ValueError(f"unknown kind of briefing {b.kind!r}")
        if b.standard_id in known and b.text.strip():
            session.add(Briefing(audit_id=audit_id, standard_id=b.standard_id, kind=b.kind, text=b.text.strip(),
                                 source=b.source))
            written += 1
    return written


def read_briefings(session: Session, audit_id: int, standard_id: str | None = None) -> list[BriefingRow]:
    """An audit's briefings (of one standard, or all), in the order they were written."""
    query = select(Briefing).where(Briefing.audit_id == audit_id).order_by(Briefing.id)
    if standard_id is not None:
        query = query.where(Briefing.standard_id == standard_id)
    return [BriefingRow(b.standard_id, b.kind, b.text, b.source) for b in session.scalars(query)]


def copy_briefings(session: Session, from_audit_id: int, to_audit_id: int) -> None:
    """Copy an audit's briefings to its next version (reopening a signed audit)."""
    for b in session.scalars(select(Briefing).where(Briefing.audit_id == from_audit_id).order_by(Briefing.id)).all():
        session.add(Briefing(audit_id=to_audit_id, standard_id=b.standard_id, kind=b.kind, text=b.text,
                             source=b.source, created_at=b.created_at))

"""The workspace's retention periods (schema 0008): how long each kind of data is kept.

Read and written by ``Workspace.retention`` / ``Workspace.set_retention``; what falls past them is listed
and deleted by ``retention.py``. Kept apart from it so the workspace can offer these without importing
the preview and deletion code.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from s11audit.business_unit.models import (RETENTION_EVIDENCE, RETENTION_NARRATIVES, RETENTION_RETURNS,
                                           ImportLogEntry, RetentionPeriod, utcnow)

if TYPE_CHECKING:
    from s11audit.business_unit.workspace import Workspace

RETENTION_SET = "retention-set"  # the import log's outcome when the periods are changed
MAX_MONTHS = 1200  # a hundred years: anything longer is a typing mistake


@dataclass(frozen=True)
class RetentionPolicy:
    """Months after a cycle's end (its due date) that each kind of data is kept; None keeps it.

    ``evidence_months``: the evidence files of imported returns. ``narratives_months``: the narrative,
    example and comment text inside stored returns (``retention.NARRATIVE_FIELDS``; grades, answers and
    actions stay). ``returns_months``: whole returns, with everything that hangs off them."""

    evidence_months: int | None = None
    narratives_months: int | None = None
    returns_months: int | None = None

    def months(self, kind: str) -> int | None:
        return {RETENTION_EVIDENCE: self.evidence_months, RETENTION_NARRATIVES: self.narratives_months,
                RETENTION_RETURNS: self.returns_months}[kind]

    def words(self) -> str:
        """The periods in a line, e.g. "evidence files 24 months, narratives kept, whole returns 72 months"."""
        def period(months: int | None) -> str:
            return "kept" if months is None else f"{months} month{'' if months == 1 else 's'}"

        return (f"evidence files {period(self.evidence_months)}, narratives {period(self.narratives_months)}, "
                f"whole returns {period(self.returns_months)}")


def retention_policy(session: Session) -> RetentionPolicy:
    stored = {row.kind: row.months for row in session.scalars(select(RetentionPeriod))}
    return RetentionPolicy(stored.get(RETENTION_EVIDENCE), stored.get(RETENTION_NARRATIVES),
                           stored.get(RETENTION_RETURNS))


def store_retention_policy(workspace: Workspace, policy: RetentionPolicy) -> RetentionPolicy:
    """Keep ``policy`` in one transaction, with an import log entry saying who set what."""
    for kind in (RETENTION_EVIDENCE, RETENTION_NARRATIVES, RETENTION_RETURNS):
        months = policy.months(kind)
        if months is not None and (isinstance(months, bool) or not isinstance(months, int)
                                   or not 1 <= months <= MAX_MONTHS):
            raise workspace.refusal(f"a retention period is a whole number of months from 1 to {MAX_MONTHS}, "
                                    f"or none (kept); not {months!r} for {kind}.")
    old = workspace.retention()
    if old == policy:
        return policy
    with workspace.change() as session:
        for kind in (RETENTION_EVIDENCE, RETENTION_NARRATIVES, RETENTION_RETURNS):
            row = session.get(RetentionPeriod, kind)
            if row is None:
                row = RetentionPeriod(kind=kind)
                session.add(row)
            row.months, row.set_at, row.set_by = policy.months(kind), utcnow(), workspace.user
        session.add(ImportLogEntry(batch=f"retention-{uuid.uuid4().hex}", cycle_id=None, file_name="", reference="",
                                   outcome=RETENTION_SET, by=workspace.user,
                                   reason=f"retention periods set by {workspace.user}: {policy.words()} "
                                          f"(were: {old.words()})"))
    return policy

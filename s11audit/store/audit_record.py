"""What a full self-assessment and an annual compliance statement share: both are one ``audit`` row
written through one ``AuditWriter``, locked by one sign-off, with one audit trail."""

from __future__ import annotations

from sqlalchemy import select

from s11audit.store.models import TrailEntry
from s11audit.store.rows import TrailRow
from s11audit.store.session import AuditWriter
from s11audit.store.sign_off import AuditSignOff, SignatoryEntry


class AuditRecord:
    """Base of ``SelfAssessment`` and ``ComplianceStatement``: they set ``id``, ``_writer`` and ``sign_off``."""

    id: int
    _writer: AuditWriter
    sign_off: AuditSignOff

    @property
    def read_only(self) -> bool:
        """True when the file is open read-only or this audit has been signed off."""
        return self._writer.read_only or self._writer.is_signed

    @property
    def is_signed(self) -> bool:
        return self.sign_off.is_signed

    def sign(self, signatories: list[SignatoryEntry]) -> None:
        """Sign off and lock it; raises ``SignOffError`` listing everything that blocks it."""
        self.sign_off.sign(signatories)

    def signatories(self) -> list[SignatoryEntry]:
        return self.sign_off.signatories()

    def trail(self, limit: int | None = None) -> list[TrailRow]:
        """Its audit trail, newest first."""
        query = select(TrailEntry).where(TrailEntry.audit_id == self.id).order_by(TrailEntry.id.desc())
        if limit:
            query = query.limit(limit)
        return [TrailRow(t.at, t.user, t.what, t.old_value, t.new_value) for t in self._writer.session.scalars(query)]

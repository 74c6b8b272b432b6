"""The audit file's tables (SQLAlchemy 2.0 typed ORM).

One SQLite file holds one organisation, its audits (one per cycle, and a new version when a
signed audit is reopened), the standards snapshot each audit was started with, the answers,
the evidence files themselves, the action plan and the audit trail.
Schema changes go through Alembic (``store/migrations``); never edit a released revision.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class FileInfo(Base):
    """Key/value facts about the file itself (format, who created it with which version)."""

    __tablename__ = "file_info"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Organisation(Base):
    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    reference: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16))
    org_type: Mapped[str] = mapped_column(String(32))
    contact_name: Mapped[str] = mapped_column(Text, default="")
    contact_email: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class StandardsSnapshot(Base):
    """The standards set exactly as it was when an audit started."""

    __tablename__ = "standards_snapshot"
    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[str] = mapped_column(Text)  # canonical JSON of the resolved set


class Audit(Base):
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("standards_snapshot.id"))
    cycle: Mapped[str] = mapped_column(String(32))
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    # JSON of the organisation's details at sign-off ("" while unsigned): a signed audit keeps them.
    signed_organisation: Mapped[str] = mapped_column(Text, default="", server_default="")
    # "full" (a full self-assessment) or "statement" (an annual compliance statement, schema 0007), which
    # names the signed full audit it is based on.
    kind: Mapped[str] = mapped_column(String(16), default="full", server_default="full")
    baseline_audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id"))
    snapshot: Mapped[StandardsSnapshot] = relationship()


class StandardResponse(Base):
    """The organisation's judgement on one standard: grade (or N/A), narrative, best-practice example."""

    __tablename__ = "standard_response"
    __table_args__ = (UniqueConstraint("audit_id", "standard_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[str] = mapped_column(String(64))
    grade: Mapped[str | None] = mapped_column(String(64))
    not_applicable: Mapped[bool] = mapped_column(default=False)
    na_reason: Mapped[str] = mapped_column(Text, default="")
    narrative: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(Text, default="")


class ItemAnswer(Base):
    __tablename__ = "item_answer"
    __table_args__ = (UniqueConstraint("audit_id", "item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text)  # JSON
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(Text, default="")


class Evidence(Base):
    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    original_name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    media_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_by: Mapped[str] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    links: Mapped[list[EvidenceLink]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class EvidenceContent(Base):
    """The bytes of an evidence file, kept apart so listing evidence never loads them."""

    __tablename__ = "evidence_content"
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class EvidenceLink(Base):
    """Evidence supports a standard as a whole (``item_id`` empty) or one of its items."""

    __tablename__ = "evidence_link"
    __table_args__ = (UniqueConstraint("evidence_id", "standard_id", "item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(64), default="")


class Action(Base):
    __tablename__ = "action"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[str] = mapped_column(String(64))
    # The criterion of the standard the action is for (standards format 2, schema 0006); "" for the standard.
    criterion_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="not_started")
    progress_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(Text, default="")


class SignOffSignatory(Base):
    """One senior leader who signed an audit off, having confirmed they read the return."""

    __tablename__ = "sign_off_signatory"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    confirmed_read: Mapped[bool] = mapped_column()
    recorded_by: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class SigningKey(Base):
    """The organisation's Ed25519 key pair (raw 32-byte keys), made on its first sign-off."""

    __tablename__ = "signing_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)


class TrailEntry(Base):
    """One change: who changed what, when, from what to what."""

    __tablename__ = "trail_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(Text)
    what: Mapped[str] = mapped_column(Text)
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")


class Briefing(Base):
    """What the business unit sent with a starting file for one standard (schema 0005): last peer audit's
    recommendations or its note (e.g. learning from reviews and case audits). Read-only for the audit."""

    __tablename__ = "briefing"
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))  # "recommendation" or "business_unit_note"
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")  # e.g. "Peer audit day 2027 (2026/27)"
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class StatementStandard(Base):
    """An annual compliance statement's answer on one standard the baseline graded (schema 0007): its
    position ("" not yet answered, "same", "improved", "declined"), what changed, an optional new grade."""

    __tablename__ = "statement_standard"
    __table_args__ = (UniqueConstraint("audit_id", "standard_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[str] = mapped_column(String(64))
    position: Mapped[str] = mapped_column(String(16), default="", server_default="")
    narrative: Mapped[str] = mapped_column(Text, default="", server_default="")
    new_grade: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ActionProgress(Base):
    """How one of the baseline's open actions has progressed, as a statement reports it (schema 0007).
    The baseline's action is never changed: a slipped action keeps its due date and gets ``new_due_date``."""

    __tablename__ = "action_progress"
    __table_args__ = (UniqueConstraint("audit_id", "baseline_action_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    baseline_action_id: Mapped[int] = mapped_column(ForeignKey("action.id"))
    status: Mapped[str] = mapped_column(String(16), default="not_started", server_default="not_started")
    progress_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    completed_on: Mapped[dt.date | None] = mapped_column(Date)
    new_due_date: Mapped[dt.date | None] = mapped_column(Date)
    dropped_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

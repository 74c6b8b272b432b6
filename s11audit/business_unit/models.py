"""The business unit workspace's tables (SQLAlchemy 2.0 typed ORM).

One SQLite file (``.s11workspace``) holds the audit cycles, each cycle's register of expected
organisations, every return imported (current, superseded, unmatched or waiting for a key decision),
the evidence carried by returns, the signing key known for each organisation, the import log, the
business unit's moderation of returns and its peer audit days (schema 0002); a return's identity
is its signed content (schema 0003); moderation per criterion and the moderation trail (schema
0004); the part of each return findings read, kept beside it (schema 0005); the business unit's
details and each cycle's headline measures for the annual report summary (schema 0006); cycle kinds
(full audit or annual compliance statement) and the flag of a statement waiting for a decision
(schema 0007); retention periods and what retention has removed from a return (schema 0008).
Separate from ``store/models.py``: a workspace is not an audit file. Schema changes go through Alembic
(``business_unit/migrations``); never edit a released revision.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, Time,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# The states an imported return can be in.
CURRENT = "current"          # the organisation's return that counts for the cycle
SUPERSEDED = "superseded"    # an earlier (or older) return from the same organisation, kept in history
UNMATCHED = "unmatched"      # its reference is not in the register: waits for a person to match it
KEY_PENDING = "key_pending"  # signed by another key than the one known for the organisation
KEY_REJECTED = "key_rejected"  # a person decided the other key is not the organisation's
RETURN_STATES = (CURRENT, SUPERSEDED, UNMATCHED, KEY_PENDING, KEY_REJECTED)

# The kinds of cycle (schema 0007): a full audit, or an annual compliance statement based on a full cycle.
FULL_CYCLE = "full"
STATEMENT_CYCLE = "statement"
CYCLE_KINDS = (FULL_CYCLE, STATEMENT_CYCLE)


class Base(DeclarativeBase):
    pass


class FileInfo(Base):
    """Key/value facts about the file itself (its ``format``, who created it with which version)."""

    __tablename__ = "file_info"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Cycle(Base):
    """One audit cycle: the standards set every return must use (snapshot kept) and its dates."""

    __tablename__ = "cycle"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    set_id: Mapped[str] = mapped_column(String(64))
    set_version: Mapped[str] = mapped_column(String(64))
    set_title: Mapped[str] = mapped_column(Text)
    set_hash: Mapped[str] = mapped_column(String(64))
    set_content: Mapped[str] = mapped_column(Text)  # the resolved set as JSON
    opens_on: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("cycle.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Schema 0007: "full" or "statement"; a statement cycle's baseline is a full cycle.
    kind: Mapped[str] = mapped_column(String(16), default=FULL_CYCLE, server_default=FULL_CYCLE)
    baseline_cycle_id: Mapped[int | None] = mapped_column(
        ForeignKey("cycle.id", name="fk_cycle_baseline", ondelete="SET NULL"))


class RegisteredOrganisation(Base):
    """An organisation expected to return in a cycle."""

    __tablename__ = "registered_organisation"
    __table_args__ = (UniqueConstraint("cycle_id", "reference"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    reference: Mapped[str] = mapped_column(Text)
    sector: Mapped[str] = mapped_column(Text, default="")
    org_type: Mapped[str] = mapped_column(String(32), default="")
    contact_name: Mapped[str] = mapped_column(Text, default="")
    contact_email: Mapped[str] = mapped_column(Text, default="")


class ImportedReturn(Base):
    """A verified return as imported, with its ``return.json`` content kept as JSON text."""

    __tablename__ = "imported_return"
    __table_args__ = (UniqueConstraint("cycle_id", "sha256"), Index("ix_return_org_state", "organisation_id", "state"),
                      Index("ix_return_cycle_content", "cycle_id", "content_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("registered_organisation.id", ondelete="SET NULL"))
    sha256: Mapped[str] = mapped_column(String(64))  # of the file as it arrived
    # The signed content's identity (returns.verify.content_id): the same return whatever its ZIP bytes.
    content_id: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(Text)
    reference: Mapped[str] = mapped_column(Text)  # as written in the return
    name: Mapped[str] = mapped_column(Text)  # as written in the return
    key_fingerprint: Mapped[str] = mapped_column(String(32))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    audit_version: Mapped[int] = mapped_column(Integer, default=1)
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)  # return.json as JSON text
    # The part of it findings read (records.findings_content), as JSON text (schema 0005; filled in on
    # upgrade; read instead of ``content`` when a cycle's records are made).
    findings_content: Mapped[str | None] = mapped_column(Text)
    # Schema 0007: SHA-256 of return.json as signed (a statement names its baseline by it), and why the
    # return waits for a person's decision (a statement without its baseline, or another key), else "".
    return_sha256: Mapped[str | None] = mapped_column(String(64))
    flag: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Schema 0008: what retention has removed from the stored return, as JSON ({"narratives": "2031-04-01",
    # "evidence": "2029-04-01"}: the kind and the day), "" for a return as imported. Its grades, answers and
    # actions are never removed, so tracking, findings and moderation read it as before.
    redacted: Mapped[str] = mapped_column(Text, default="", server_default="")


class ReturnEvidence(Base):
    """An evidence file carried by an imported return (kept to carry forward into the next cycle)."""

    __tablename__ = "return_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("imported_return.id", ondelete="CASCADE"), index=True)
    evidence_id: Mapped[str] = mapped_column(Text)  # the id in return.json's evidence list
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class KnownKey(Base):
    """The signing key the business unit knows for an organisation's reference in a cycle.

    Per cycle, because an organisation that starts the next cycle in a new audit file (the business
    unit's starting file) signs with the new file's new key: only a change of key *within* a cycle
    is suspicious.
    """

    __tablename__ = "known_key"
    __table_args__ = (UniqueConstraint("cycle_id", "reference"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"))
    reference: Mapped[str] = mapped_column(Text)  # normalised (see workspace.reference_key)
    key_fingerprint: Mapped[str] = mapped_column(String(32))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(Text)


class ImportLogEntry(Base):
    """What happened to one file in one import (a batch): outcome word and the specific reason."""

    __tablename__ = "import_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch: Mapped[str] = mapped_column(String(64), index=True)
    cycle_id: Mapped[int | None] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    reference: Mapped[str] = mapped_column(Text, default="")  # as found in the file; untrusted if rejected
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    return_id: Mapped[int | None] = mapped_column(ForeignKey("imported_return.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    by: Mapped[str] = mapped_column(Text)


class Moderation(Base):
    """The business unit's moderated grade for one standard of one return, beside the self-grade."""

    __tablename__ = "moderation"
    __table_args__ = (UniqueConstraint("return_id", "standard_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("imported_return.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[str] = mapped_column(String(64))
    grade: Mapped[str] = mapped_column(String(64))  # a grade level id of the cycle's set
    comment: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CriterionModeration(Base):
    """The business unit's moderated grade for one criterion of one return (format 2 sets, schema 0004):
    the board's "moderated score" beside the organisation's self-score."""

    __tablename__ = "criterion_moderation"
    __table_args__ = (UniqueConstraint("return_id", "criterion_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("imported_return.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[str] = mapped_column(String(64))
    grade: Mapped[str] = mapped_column(String(64))  # a level id of the criterion's scale
    comment: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ModerationTrailEntry(Base):
    """One change to a moderated grade (of a standard or a criterion), written in the same
    transaction as the change (schema 0004): who, when, from what to what, and why."""

    __tablename__ = "moderation_trail"
    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("imported_return.id", ondelete="CASCADE"), index=True)
    target: Mapped[str] = mapped_column(String(16))  # "standard" or "criterion"
    target_id: Mapped[str] = mapped_column(String(64))
    old_grade: Mapped[str] = mapped_column(String(64), default="")  # "" when there was none
    new_grade: Mapped[str] = mapped_column(String(64), default="")  # "" when cleared
    comment: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# --- the peer audit (challenge) day (schema 0002) -----------------------------------------------


class PeerEvent(Base):
    """A peer audit day in a cycle: when, on which standards of the cycle's set, and the schedule.

    Challenge groups meet one after another: group 1 from ``starts_at`` for ``slot_minutes``, group 2
    in the next slot, and so on.
    """

    __tablename__ = "peer_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    held_on: Mapped[dt.date] = mapped_column(Date)
    standard_ids: Mapped[str] = mapped_column(Text)  # JSON list of the standards in focus, in the set's order
    starts_at: Mapped[dt.time] = mapped_column(Time)
    slot_minutes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PeerParticipant(Base):
    """A registered organisation of the event's cycle taking part, with its challenge group (if any)."""

    __tablename__ = "peer_participant"
    __table_args__ = (UniqueConstraint("event_id", "organisation_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("peer_event.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("registered_organisation.id", ondelete="CASCADE"))
    group_no: Mapped[int | None] = mapped_column(Integer)


class PeerRecord(Base):
    """One participant on one standard in focus: the business unit's note before the day, and on the
    day the challenge notes, the peer outcome (an outcome id of the set's scale) and recommendations."""

    __tablename__ = "peer_record"
    __table_args__ = (UniqueConstraint("event_id", "organisation_id", "standard_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("peer_event.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("registered_organisation.id", ondelete="CASCADE"))
    standard_id: Mapped[str] = mapped_column(String(64))
    business_unit_note: Mapped[str] = mapped_column(Text, default="")
    challenge_notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str | None] = mapped_column(String(64))
    recommendations: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(Text, default="")


class PeerAction(Base):
    """An action agreed on the day for one participant and standard, with its owner and due date."""

    __tablename__ = "peer_action"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("peer_event.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("registered_organisation.id", ondelete="CASCADE"))
    standard_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(Text, default="")


# --- the annual report summary (schema 0006) -----------------------------------------------------


class WorkspaceSetting(Base):
    """A fact the business unit gives about itself: its name, the signature block of its letters."""

    __tablename__ = "workspace_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class HeadlineMeasure(Base):
    """One headline measure chosen for a cycle's annual report summary, at its place in the order."""

    __tablename__ = "headline_measure"
    __table_args__ = (UniqueConstraint("cycle_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycle.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # "standard", "item" or "option"
    target_id: Mapped[str] = mapped_column(String(64))  # the standard's or item's id
    option: Mapped[str] = mapped_column(Text, default="")  # the option of a choice or multi-choice item
    wording: Mapped[str] = mapped_column(Text, default="")  # the board's own words after "91% of ... settings"


# --- retention (schema 0008) ---------------------------------------------------------------------

# The kinds of data with a retention period: evidence files of imported returns, the narrative, example and
# comment text inside stored returns, and whole returns.
RETENTION_EVIDENCE = "evidence"
RETENTION_NARRATIVES = "narratives"
RETENTION_RETURNS = "returns"
RETENTION_KINDS = (RETENTION_EVIDENCE, RETENTION_NARRATIVES, RETENTION_RETURNS)


class RetentionPeriod(Base):
    """How long the business unit keeps one kind of data (``RETENTION_KINDS``): months after the end of a
    cycle (its due date), or kept (``months`` null, as when there is no row)."""

    __tablename__ = "retention_period"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    months: Mapped[int | None] = mapped_column(Integer)
    set_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    set_by: Mapped[str] = mapped_column(Text, default="")

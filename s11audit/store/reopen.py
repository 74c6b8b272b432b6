"""Reopening a signed audit for changes: a new version that starts as a full copy of the signed one.

The signed version is kept exactly as it was (still readable and exportable); the copy carries
its grades, narratives, examples, item answers, evidence (details, bytes and links) and actions.
"""

from __future__ import annotations

from sqlalchemy import insert, literal, select
from sqlalchemy.orm import Session

from s11audit.store.briefings import copy_briefings
from s11audit.store.models import Action, Audit, Evidence, EvidenceContent, EvidenceLink, ItemAnswer, StandardResponse

_RESPONSE_FIELDS = ("standard_id", "grade", "not_applicable", "na_reason", "narrative", "example",
                    "updated_at", "updated_by")
_ANSWER_FIELDS = ("item_id", "value", "comment", "updated_at", "updated_by")
_EVIDENCE_FIELDS = ("name", "original_name", "description", "media_type", "size", "sha256", "added_by", "added_at")
_ACTION_FIELDS = ("standard_id", "criterion_id", "description", "owner", "due_date", "status", "progress_notes",
                  "created_at", "created_by")


def _copy(row: object, fields: tuple[str, ...]) -> dict:
    return {name: getattr(row, name) for name in fields}


def copy_evidence_bytes(session: Session, from_evidence_id: int, to_evidence_id: int) -> None:
    """Copy an evidence file's bytes to another evidence row inside SQLite, never loading them into memory."""
    session.execute(insert(EvidenceContent).from_select(
        ["evidence_id", "data"],
        select(literal(to_evidence_id), EvidenceContent.data).where(EvidenceContent.evidence_id == from_evidence_id)))


def new_version(session: Session, signed: Audit, user: str) -> Audit:
    """Add the next version of ``signed`` (in progress) with everything copied; the caller commits."""
    audit = Audit(snapshot_id=signed.snapshot_id, cycle=signed.cycle, version_no=signed.version_no + 1,
                  status="in_progress", parent_id=signed.id, created_by=user, signed_by="")
    session.add(audit)
    session.flush()
    for response in session.scalars(select(StandardResponse).where(StandardResponse.audit_id == signed.id)):
        session.add(StandardResponse(audit_id=audit.id, **_copy(response, _RESPONSE_FIELDS)))
    for answer in session.scalars(select(ItemAnswer).where(ItemAnswer.audit_id == signed.id)):
        session.add(ItemAnswer(audit_id=audit.id, **_copy(answer, _ANSWER_FIELDS)))
    for action in session.scalars(select(Action).where(Action.audit_id == signed.id).order_by(Action.id)):
        session.add(Action(audit_id=audit.id, **_copy(action, _ACTION_FIELDS)))
    for evidence in session.scalars(select(Evidence).where(Evidence.audit_id == signed.id).order_by(Evidence.id)).all():
        copy = Evidence(audit_id=audit.id, **_copy(evidence, _EVIDENCE_FIELDS))
        session.add(copy)
        session.flush()
        copy_evidence_bytes(session, evidence.id, copy.id)
        for link in evidence.links:
            session.add(EvidenceLink(evidence_id=copy.id, standard_id=link.standard_id, item_id=link.item_id))
    copy_briefings(session, signed.id, audit.id)
    session.flush()
    return audit

"""Deleting an organisation's returns completely, and what is deleted with a return (issue 17).

A return deleted here goes with everything that hangs off it: its evidence files, its moderated grades
(standards and criteria) and their trail, by the foreign keys' ON DELETE CASCADE; the import log keeps its
entries about the files, with the link to the return set to nothing. The workspace runs with SQLite's
``secure_delete`` on, so the deleted content is overwritten in the file at once; compacting the file
afterwards (``Workspace.compact``) rebuilds it without the free pages.

Which returns are an organisation's (:func:`organisation_returns`): in the organisation's cycle, every
return matched to it, whatever its state (current, superseded, waiting for a key decision, rejected), and
every return not matched to any organisation whose reference is the organisation's (an unmatched return,
or one waiting for a key decision before it was matched), because those are the same organisation's
returns waiting to be matched.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import LargeBinary, cast, delete, func, select
from sqlalchemy.orm import Session

from s11audit.business_unit.models import (CriterionModeration, ImportedReturn, ImportLogEntry, KnownKey, Moderation,
                                           PeerAction, PeerParticipant, PeerRecord, RegisteredOrganisation,
                                           ReturnEvidence)

if TYPE_CHECKING:
    from s11audit.business_unit.workspace import Workspace

DELETED = "deleted"  # the import log's outcome for returns deleted at the business unit's request
_IN_CHUNKS = 500  # ids per IN (...) list, well under SQLite's limit on bound values


@dataclass(frozen=True)
class RemovalReport:
    """What deleting an organisation's returns deletes (or deleted): its returns, their evidence files,
    ``bytes`` (the evidence files' bytes plus the stored returns' text), moderated grades (of standards and
    criteria), and the peer audit records, actions and places of the organisation."""

    returns: int
    evidence_files: int
    bytes: int
    moderations: int
    peer_records: int = 0


@dataclass(frozen=True)
class ReturnsMeasure:
    """What hangs off a set of returns: evidence files, their bytes, the returns' stored text, moderations."""

    evidence_files: int = 0
    evidence_bytes: int = 0
    text_bytes: int = 0
    moderations: int = 0


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[n:n + _IN_CHUNKS] for n in range(0, len(ids), _IN_CHUNKS)]


def measure_returns(session: Session, return_ids: list[int]) -> ReturnsMeasure:
    """Count what deleting these returns deletes with them (lengths from SQLite: no content is read)."""
    files = evidence = text = moderations = 0
    for chunk in _chunks(return_ids):
        count, size = session.execute(select(func.count(ReturnEvidence.id),
                                             func.coalesce(func.sum(func.length(ReturnEvidence.data)), 0))
                                      .where(ReturnEvidence.return_id.in_(chunk))).one()
        files, evidence = files + int(count), evidence + int(size)
        # length() of text counts characters, of a BLOB its bytes, which are what the file holds.
        text += int(session.scalar(select(func.coalesce(func.sum(
            func.length(cast(ImportedReturn.content, LargeBinary)) +
            func.coalesce(func.length(cast(ImportedReturn.findings_content, LargeBinary)), 0)), 0))
            .where(ImportedReturn.id.in_(chunk))) or 0)
        for table in (Moderation, CriterionModeration):
            moderations += int(session.scalar(select(func.count(table.id)).where(table.return_id.in_(chunk))) or 0)
    return ReturnsMeasure(files, evidence, text, moderations)


def delete_returns(session: Session, return_ids: list[int]) -> None:
    """Delete the returns with everything that hangs off them (ON DELETE CASCADE), in the caller's transaction."""
    if not return_ids:
        return
    session.flush()  # changes made in this transaction reach the file before the session forgets its objects
    for chunk in _chunks(return_ids):
        session.execute(delete(ImportedReturn).where(ImportedReturn.id.in_(chunk)), execution_options={
            "synchronize_session": False})
    session.expire_all()


def organisation_returns(session: Session, organisation: RegisteredOrganisation) -> list[int]:
    """The ids of the organisation's returns in its cycle (see the module docstring), oldest first."""
    from s11audit.business_unit.workspace import reference_key

    key = reference_key(organisation.reference)
    matched = session.scalars(select(ImportedReturn.id).where(ImportedReturn.organisation_id == organisation.id))
    waiting = [row.id for row in session.execute(
        select(ImportedReturn.id, ImportedReturn.reference).where(ImportedReturn.cycle_id == organisation.cycle_id,
                                                                  ImportedReturn.organisation_id.is_(None)))
        if reference_key(row.reference) == key]
    return sorted({*matched, *waiting})


def _peer_rows(session: Session, organisation_id: int) -> int:
    return sum(int(session.scalar(select(func.count(table.id)).where(table.organisation_id == organisation_id)) or 0)
               for table in (PeerParticipant, PeerRecord, PeerAction))


def preview(session: Session, organisation: RegisteredOrganisation) -> RemovalReport:
    """What :func:`remove_completely` would delete."""
    ids = organisation_returns(session, organisation)
    measure = measure_returns(session, ids)
    return RemovalReport(len(ids), measure.evidence_files, measure.evidence_bytes + measure.text_bytes,
                         measure.moderations, _peer_rows(session, organisation.id))


def remove_completely(workspace: Workspace, session: Session, organisation: RegisteredOrganisation) -> RemovalReport:
    """Delete the organisation from its cycle's register with its returns, their evidence and moderation, its
    peer audit records and the signing key known for its reference in the cycle, in the caller's transaction;
    the import log records it (counts, never the content)."""
    from s11audit.business_unit.workspace import reference_key

    report = preview(session, organisation)
    delete_returns(session, organisation_returns(session, organisation))
    session.execute(delete(KnownKey).where(KnownKey.cycle_id == organisation.cycle_id,
                                           KnownKey.reference == reference_key(organisation.reference)))
    session.add(ImportLogEntry(batch=f"deletion-{uuid.uuid4().hex}", cycle_id=organisation.cycle_id, file_name="",
                               reference=organisation.reference, outcome=DELETED, by=workspace.user,
                               reason=deletion_words(report, workspace.user)))
    session.execute(delete(RegisteredOrganisation).where(RegisteredOrganisation.id == organisation.id))
    return report


def deletion_words(report: RemovalReport, user: str) -> str:
    """The import log's reason for a deletion: what went, in counts (the reference is in its own column)."""
    def many(n: int, word: str) -> str:
        return f"{n:,} {word}{'' if n == 1 else 's'}"

    return (f"deleted at the business unit's request by {user}: the organisation's {many(report.returns, 'return')}, "
            f"{many(report.evidence_files, 'evidence file')}, {many(report.moderations, 'moderated grade')} and "
            f"{many(report.peer_records, 'peer audit record')} ({report.bytes:,} bytes), and it was taken off the "
            "register")

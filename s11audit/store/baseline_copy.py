"""A baseline held from the business unit's copy of a return, for an organisation whose audit file was lost.

An annual compliance statement is based on a signed full audit in the same audit file
(``AuditFile.start_statement``). When the organisation's file is lost, the business unit still holds
the return it imported; a starting file for a statement cycle (``business_unit/starting_files.py``)
puts that return into the new file as a *held baseline*: a signed full audit with the return's
answers, actions (all of them, in the return's order, so a statement names them by the same index),
evidence, signed-off organisation details and signatories, read-only like every signed audit. The
file keeps the SHA-256 of the return's ``return.json`` under ``return_sha256:<audit id>`` (the key
``export.record_written_return`` uses), so the statement names exactly the return the business unit
holds, and ``baseline_copy:<audit id>`` (JSON) to say where it came from; the audit trail says so too.

The file does not hold the key the return was signed with, so the statement is signed with the new
file's own key: the business unit sees it flagged "signed with a different key" and decides it. That
is intended (it is how the business unit learns the organisation changed files), never hidden.

``return_as_earlier`` reads a return's content into the plain ``Earlier`` that carry forward also
works from (``store/carry_forward.py``; a starting file for a full cycle carries it forward).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from s11audit.standards import StandardsSet
from s11audit.standards.loader import canonical_json
from s11audit.store.carry_forward import Earlier, EarlierAction, EarlierEvidence, add_judgements
from s11audit.store.database import AuditFileError
from s11audit.store.models import (
    Action,
    Audit,
    Evidence,
    EvidenceContent,
    EvidenceLink,
    FileInfo,
    SignOffSignatory,
    StandardsSnapshot,
    utcnow,
)
from s11audit.store.rows import OrganisationDetails, ResponseRow
from s11audit.store.session import Writer

# The same key ``export.RETURN_SHA256_KEY`` keeps a written return's hash under (a test checks they agree:
# the store cannot import ``export``, which imports the store).
RETURN_SHA256_KEY = "return_sha256:{audit_id}"
BASELINE_COPY_KEY = "baseline_copy:{audit_id}"
FROM_BUSINESS_UNIT = "the business unit's copy of the return"
_SHA256 = re.compile("[0-9a-f]{64}")
_STATEMENT_KIND = "compliance_statement"  # returns.KIND_STATEMENT (the store does not import the returns package)


@dataclass(frozen=True)
class BaselineCopy:
    """Where a held baseline came from (``AuditFile.baseline_copy``)."""

    audit_id: int
    cycle: str
    version_no: int
    return_sha256: str
    key_fingerprint: str  # the key the return was signed with ("" if not known); this file does not hold it
    source: str = FROM_BUSINESS_UNIT


# --- reading a return --------------------------------------------------------------------------------

def return_as_earlier(content: dict, evidence: list[dict], evidence_bytes: Callable[[object], bytes]) -> Earlier:
    """A return's content (``return.json``) as the plain earlier audit carry forward works from: every
    judgement (a criterion under its own id), answer, evidence file and action, in the return's order.
    ``evidence_bytes(evidence id)`` gives a file's bytes."""
    judged = [(s, "standard_id") for s in content.get("standards", [])]
    judged += [(c, "criterion_id") for s in content.get("standards", []) for c in s.get("criteria") or []]
    responses = tuple(
        ResponseRow(str(s.get(key)), s.get("grade"), bool(s.get("not_applicable")), s.get("na_reason") or "",
                    s.get("narrative") or "", s.get("example") or "")
        for s, key in judged)
    answers = tuple((str(a.get("item_id")), a.get("value"), a.get("comment") or "")
                    for a in content.get("item_answers", []) if a.get("value") is not None)
    files = tuple(
        EarlierEvidence(str(e.get("id")), e.get("name") or e.get("original_name") or "evidence",
                        e.get("original_name") or e.get("name") or "evidence", e.get("description") or "",
                        e.get("media_type") or "application/octet-stream", int(e.get("size") or 0),
                        e.get("sha256") or "", e.get("added_by") or "", utc_datetime(e.get("added_at")),
                        tuple((str(link.get("standard_id")), link.get("item_id") or "") for link in e.get("links", [])))
        for e in evidence)
    actions = tuple(
        EarlierAction(str(a.get("standard_id")), a.get("action") or "", a.get("owner") or "", _date(a.get("due_date")),
                      a.get("status") or "not_started", a.get("progress_notes") or "",
                      criterion_id=str(a.get("criterion_id") or ""))
        for a in content.get("action_plan", []))
    return Earlier(str(content.get("cycle", "")), int(content.get("audit_version") or 1), responses, answers,
                   files, actions, evidence_bytes=lambda entry: evidence_bytes(entry.key),
                   criterion_ids=frozenset(r.standard_id for r, (_, key) in zip(responses, judged, strict=True)
                                           if key == "criterion_id"))


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def utc_datetime(value: object) -> dt.datetime | None:
    """An ISO 8601 date and time from a return as the audit file keeps it (UTC, no offset); None if unreadable."""
    try:
        moment = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment and moment.tzinfo else moment


# --- holding it in the audit file ---------------------------------------------------------------------

@dataclass(frozen=True)
class ReturnToHold:
    """A signed full return as the business unit holds it: its content, evidence and identity."""

    content: dict
    evidence: list[dict]
    evidence_bytes: Callable[[object], bytes]
    return_sha256: str  # of its return.json as signed
    key_fingerprint: str = ""


def refusal(content: dict, standards_set: StandardsSet, return_sha256: str) -> str:
    """Why this return cannot be held as a baseline on ``standards_set`` ("" when it can)."""
    claimed = content.get("standards_set") or {}
    if content.get("kind") == _STATEMENT_KIND:
        return "the return is itself a compliance statement; a baseline is a signed full audit."
    if not _SHA256.fullmatch(return_sha256 or ""):
        return "the return's content hash is not known, so a statement could not name it as its baseline."
    if claimed.get("content_hash") != standards_set.content_hash:
        return (f"the {content.get('cycle')} return was made with another standards set (version "
                f"{claimed.get('version')}) than {standards_set.title} version {standards_set.version}.")
    if not (content.get("sign_off") or {}).get("signed_at"):
        return f"the {content.get('cycle')} return has no date of sign-off."
    return ""


def _snapshot(session: Session, standards_set: StandardsSet) -> StandardsSnapshot:
    snapshot = session.scalar(select(StandardsSnapshot)
                              .where(StandardsSnapshot.content_hash == standards_set.content_hash))
    if snapshot is None:
        snapshot = StandardsSnapshot(set_id=standards_set.id, version=standards_set.version, title=standards_set.title,
                                     content_hash=standards_set.content_hash,
                                     content=canonical_json(standards_set.content).decode("utf-8"))
        session.add(snapshot)
    return snapshot


def _signed_organisation(content: dict) -> str:
    theirs = content.get("organisation") or {}
    contact = theirs.get("contact") or {}
    details = OrganisationDetails(str(theirs.get("name") or ""), str(theirs.get("reference") or ""),
                                  str(theirs.get("kind") or ""), str(theirs.get("org_type") or ""),
                                  str(contact.get("name") or ""), str(contact.get("email") or ""))
    return json.dumps(asdict(details))


def _write_contents(writer: Writer, audit_id: int, earlier: Earlier) -> None:
    """Every judgement, answer, evidence file (bytes checked against their fingerprint) and action, as returned."""
    session, user, now = writer.session, writer.user, utcnow()
    read = earlier.evidence_bytes
    if read is None:  # (return_as_earlier always gives one)
        raise AuditFileError(writer.path, "the return's evidence files cannot be read.")
    add_judgements(writer, audit_id, earlier.responses, earlier.answers)
    for e in earlier.evidence:
        try:
            data = read(e)
        except KeyError:
            raise AuditFileError(writer.path, f"the business unit's copy of the return has no file for evidence "
                                              f"{e.name!r}.") from None
        if hashlib.sha256(data).hexdigest() != e.sha256:
            raise AuditFileError(writer.path, f"evidence {e.name!r} does not match the fingerprint recorded for it.")
        copy = Evidence(audit_id=audit_id, name=e.name, original_name=e.original_name, description=e.description,
                        media_type=e.media_type, size=len(data), sha256=e.sha256, added_by=e.added_by,
                        added_at=e.added_at or now)
        session.add(copy)
        session.flush()
        session.add(EvidenceContent(evidence_id=copy.id, data=data))
        for standard_id, item_id in e.links:
            session.add(EvidenceLink(evidence_id=copy.id, standard_id=standard_id, item_id=item_id or ""))
    # Every action, complete ones too and in the return's order: a statement names a baseline action by its
    # index in the return's action plan, and the action ids here keep that order.
    for a in earlier.actions:
        session.add(Action(audit_id=audit_id, standard_id=a.standard_id, description=a.description, owner=a.owner,
                           due_date=a.due_date, status=a.status, progress_notes=a.progress_notes, created_at=now,
                           created_by=user, criterion_id=a.criterion_id))
        session.flush()


def _signatories(session: Session, audit_id: int, content: dict, user: str) -> list[str]:
    names = []
    for s in (content.get("sign_off") or {}).get("signatories") or []:
        signed_on = _date(s.get("signed_on"))
        if signed_on is None:
            continue
        session.add(SignOffSignatory(audit_id=audit_id, role=str(s.get("role") or ""), name=str(s.get("name") or ""),
                                     signed_on=signed_on, confirmed_read=bool(s.get("confirmed_read")),
                                     recorded_by=user, recorded_at=utcnow()))
        names.append(f"{s.get('name')} ({s.get('role')}) on {signed_on}")
    return names


def hold_baseline(writer: Writer, standards_set: StandardsSet, held: ReturnToHold) -> int:
    """Put a signed full return into the audit file as a signed, read-only full audit (inside the caller's
    transaction); returns its audit id. Raises ``AuditFileError`` naming what is wrong with the return."""
    content, session = held.content, writer.session
    problem = refusal(content, standards_set, held.return_sha256)
    if problem:
        raise AuditFileError(writer.path, f"cannot hold the baseline: {problem}")
    earlier = return_as_earlier(content, held.evidence, held.evidence_bytes)
    signed_at = utc_datetime((content.get("sign_off") or {}).get("signed_at"))
    audit = Audit(snapshot=_snapshot(session, standards_set), cycle=earlier.cycle.strip() or "baseline",
                  version_no=earlier.version_no, status="in_progress", created_by=writer.user, signed_by="")
    session.add(audit)
    session.flush()
    _write_contents(writer, audit.id, earlier)
    names = _signatories(session, audit.id, content, writer.user)
    # Signed as the return was: the signed-off organisation details and time come from it, not from now.
    audit.status, audit.signed_at = "signed", signed_at
    audit.signed_organisation = _signed_organisation(content)
    session.add(FileInfo(key=RETURN_SHA256_KEY.format(audit_id=audit.id), value=held.return_sha256))
    session.add(FileInfo(key=BASELINE_COPY_KEY.format(audit_id=audit.id), value=json.dumps(
        {"source": FROM_BUSINESS_UNIT, "key_fingerprint": held.key_fingerprint})))
    signed = f"signed off on {signed_at:%Y-%m-%d}" if signed_at else "signed off"
    by = "; ".join(names) or "its signatories"
    writer.trail(audit.id, f"Baseline taken from {FROM_BUSINESS_UNIT}", "",
                 f"{audit.cycle} return (version {audit.version_no}), {signed} by {by}; content "
                 f"{held.return_sha256[:12]}…; held read-only as the baseline of the annual compliance statement, "
                 "because the organisation's own audit file was not available")
    writer.trail(audit.id, "Baseline signed with another key", "", key_note(held.key_fingerprint))
    session.flush()
    return audit.id


def key_note(key_fingerprint: str) -> str:
    """What a statement on a held baseline means for its signature, in words for the organisation's trail."""
    old = f" (key fingerprint {key_fingerprint})" if key_fingerprint else ""
    return (f"the baseline return was signed with the key of the organisation's earlier audit file{old}, which this "
            "file does not hold: a statement signed off in this file is signed with this file's new key, so the "
            "business unit will see it flagged \"signed with a different key\" than its baseline and decide it "
            "(that is expected: check the key fingerprint with them)")


def baseline_copy(session: Session, audit: Audit) -> BaselineCopy | None:
    """Where a held baseline came from, or None for an audit made in this file."""
    info = session.get(FileInfo, BASELINE_COPY_KEY.format(audit_id=audit.id))
    if info is None:
        return None
    try:
        facts = json.loads(info.value)
    except ValueError:
        facts = {}
    facts = facts if isinstance(facts, dict) else {}
    sha = session.get(FileInfo, RETURN_SHA256_KEY.format(audit_id=audit.id))
    return BaselineCopy(audit.id, audit.cycle, audit.version_no, sha.value if sha else "",
                        str(facts.get("key_fingerprint") or ""), str(facts.get("source") or FROM_BUSINESS_UNIT))

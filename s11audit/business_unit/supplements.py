"""Evidence a return lists but does not carry (a set's ``return_evidence: list``, issue 17): what moderation
sees of each file, asking the organisation for the files of one standard, and taking in the signed
evidence supplement that answers.

A listed file lives only in the return's stored ``return.json`` (``"included": false``, with its name,
size and SHA-256); no row is kept for it until its bytes arrive. A supplement is verified strictly
(``returns/supplement.py``: limits, schema, signature), then here against the return it names: signed by
that return's key, and every file one the return listed, with the SHA-256 and size it listed. Only then are
its bytes stored as that return's evidence (``ReturnEvidence``), one transaction with its log entry, so
moderation can open them like evidence the return carried.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from s11audit.business_unit import headlines
from s11audit.business_unit.models import ImportedReturn, ImportLogEntry, ReturnEvidence
from s11audit.business_unit.workspace import Workspace
from s11audit.returns.supplement import (REQUEST_EXTENSION, EvidenceRequest, RequestedFile, SupplementError,
                                         read_supplement)
from s11audit.safe_text import bounded, shown
from s11audit.store import AuditFileError

IN_RETURN = "in the return"
RECEIVED = "received in an evidence supplement"
KEPT = "kept by the organisation (ask for it)"
SUPPLEMENT_OUTCOME = "evidence"  # the import log's outcome word for a supplement taken in


@dataclass(frozen=True)
class EvidenceLine:
    """One evidence file of an imported return, as moderation shows it."""

    evidence_id: str
    name: str
    description: str
    media_type: str
    size: int | None
    sha256: str
    standard_ids: tuple[str, ...]
    listed: bool  # listed in the return but not carried in it
    held: bool  # its bytes are in the workspace (carried, or received in a supplement)

    @property
    def status(self) -> str:
        return RECEIVED if self.listed and self.held else IN_RETURN if self.held else KEPT


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def return_evidence(workspace: Workspace, return_id: int) -> list[EvidenceLine]:
    """Every evidence file of the return, in the return's order, with whether the workspace holds its bytes."""
    content = workspace.return_content(return_id)
    held = set(workspace.session.scalars(select(ReturnEvidence.evidence_id).where(
        ReturnEvidence.return_id == return_id)))
    lines = []
    for entry in content.get("evidence") or ():
        evidence_id = str(entry.get("id"))
        links = tuple(dict.fromkeys(_text(link.get("standard_id")) for link in entry.get("links") or ()))
        size = entry.get("size")
        lines.append(EvidenceLine(evidence_id, _text(entry.get("name")) or _text(entry.get("original_name")),
                                  _text(entry.get("description")), _text(entry.get("media_type")),
                                  size if isinstance(size, int) else None, _text(entry.get("sha256")), links,
                                  entry.get("included", True) is False, evidence_id in held))
    return lines


def evidence_data(workspace: Workspace, return_id: int, evidence_id: str) -> bytes:
    """The bytes of one evidence file the workspace holds for the return; refused (plainly) when it holds none."""
    data = workspace.session.scalar(select(ReturnEvidence.data).where(
        ReturnEvidence.return_id == return_id, ReturnEvidence.evidence_id == str(evidence_id)))
    if data is None:
        raise workspace.refusal(f"holds no file for evidence {evidence_id} of return {return_id}: the organisation "
                                "keeps it (ask for it with Request evidence…).")
    return bytes(data)


def wanted(workspace: Workspace, return_id: int, standard_id: str) -> list[EvidenceLine]:
    """The files linked to ``standard_id`` that the return lists and the workspace does not hold yet."""
    return [line for line in return_evidence(workspace, return_id)
            if line.listed and not line.held and standard_id in line.standard_ids]


def standards_to_ask_about(workspace: Workspace, return_id: int) -> list[tuple[str, str, int]]:
    """(standard id, its heading, files to ask for) for each standard with listed files not held, set order."""
    ret = workspace.session.get(ImportedReturn, return_id)
    if ret is None:
        raise workspace.refusal(f"has no imported return {return_id}.")
    counts: dict[str, int] = {}
    for line in return_evidence(workspace, return_id):
        if line.listed and not line.held:
            for standard_id in line.standard_ids:
                counts[standard_id] = counts.get(standard_id, 0) + 1
    standards_set = workspace.standards_set(ret.cycle_id)
    return [(s.id, " ".join(s.heading.split()), counts[s.id]) for s in standards_set.standards if s.id in counts]


def evidence_request(workspace: Workspace, return_id: int, standard_id: str) -> EvidenceRequest:
    """The request for the files of one standard that the return lists and the workspace does not hold."""
    ret = workspace.session.get(ImportedReturn, return_id)
    if ret is None:
        raise workspace.refusal(f"has no imported return {return_id}.")
    if not ret.return_sha256:
        raise workspace.refusal(f"does not know the content hash of the return from {ret.name} (it was imported "
                                "before s11audit kept it): import the return again, then ask for its evidence.")
    files = wanted(workspace, return_id, standard_id)
    if not files:
        raise workspace.refusal(f"already holds every evidence file the return from {ret.name} gives for standard "
                                f"{standard_id}, or the return lists none for it.")
    cycle = workspace.cycle(ret.cycle_id)
    standards_set = workspace.standards_set(ret.cycle_id)
    heading = next((" ".join(s.heading.split()) for s in standards_set.standards if s.id == standard_id), standard_id)
    return EvidenceRequest(
        cycle=cycle.name, organisation=ret.name, reference=ret.reference, return_sha256=ret.return_sha256,
        key_fingerprint=ret.key_fingerprint, standard_id=standard_id, standard=heading,
        files=tuple(RequestedFile(f.evidence_id, f.name, f.sha256, f.size) for f in files),
        requested_by=workspace.user, business_unit=headlines.settings(workspace).name_or_default,
        requested_at=dt.datetime.now(dt.UTC).replace(microsecond=0))


def request_file_name(request: EvidenceRequest) -> str:
    """A file name for the request: the organisation, the cycle and the standard."""
    from s11audit.business_unit.starting_files import starting_file_name

    stem = starting_file_name(f"{request.organisation} evidence {request.standard_id}", request.cycle)
    return stem.rsplit(".", 1)[0] + REQUEST_EXTENSION


def request_email(request: EvidenceRequest, file_name: str) -> str:
    """The text of the email to send with the request file."""
    names = "\n".join(f"  - {shown(f.name or f.id, 200)}" for f in request.files)
    count = len(request.files)
    files = "this evidence file" if count == 1 else f"these {count} evidence files"
    return (f"Subject: Evidence for standard {shown(request.standard, 200)} ({request.cycle} safeguarding audit)\n\n"
            f"Dear colleague,\n\n"
            f"Thank you for your {request.cycle} safeguarding self-assessment return. To moderate standard "
            f"{shown(request.standard, 200)} we would like to see {files}, which your return lists but does not "
            f"include:\n\n{names}\n\n"
            f"Please open your audit file in s11audit, choose File > Answer an evidence request…, choose the "
            f"attached file {file_name} and send us the evidence supplement it writes (.s11supplement). It holds "
            f"only the files above, signed with your audit's key (fingerprint {request.key_fingerprint}).\n\n"
            f"With thanks,\n{shown(request.business_unit, 200)}\n")


@dataclass(frozen=True)
class SupplementTaken:
    """What importing a supplement did: the return it belongs to and the files stored (by name)."""

    return_id: int
    organisation: str
    standard_id: str
    stored: tuple[str, ...]
    already_held: tuple[str, ...]

    def summary(self) -> str:
        told = (f"{len(self.stored)} evidence file{'' if len(self.stored) == 1 else 's'} from {self.organisation} "
                f"for standard {self.standard_id} stored with its return")
        if self.already_held:
            told += f"; {len(self.already_held)} already held"
        return told + "."


def import_supplement(workspace: Workspace, path: Path | str) -> SupplementTaken:
    """Verify an evidence supplement and store its files as the evidence of the return it names.

    Raises ``AuditFileError`` naming the supplement file with a plain reason when it is not a valid signed
    supplement, names no return in the workspace, is signed by another key than that return, or holds a file
    that return did not list (or not with the SHA-256 and size it listed). Nothing is stored then.
    """
    path = Path(path)
    try:
        supplement = read_supplement(path)
    except SupplementError as exc:
        raise AuditFileError(path, f"is not a valid evidence supplement: {exc.reason}.") from exc
    targets = list(workspace.session.scalars(select(ImportedReturn).where(
        ImportedReturn.return_sha256 == supplement.return_sha256).order_by(ImportedReturn.id)))
    if not targets:
        raise AuditFileError(path, f"is for a return this workspace does not hold (content hash "
                                   f"{supplement.return_sha256[:16]}…); import that return first.")
    ret = targets[0]
    if bytes(ret.public_key) != supplement.public_key:
        raise AuditFileError(path, f"is signed with key {supplement.fingerprint}, not the key of the return it names "
                                   f"({ret.key_fingerprint} from {shown(ret.name, 120)}): it was not imported.")
    listed = {str(e.get("id")): e for e in workspace.return_content(ret.id).get("evidence") or ()
              if e.get("included", True) is False}
    for entry in supplement.evidence:
        _check_listed(path, entry, listed.get(str(entry["id"])))
    return _store(workspace, path, supplement, targets)


def _check_listed(path: Path, entry: dict, listed: dict | None) -> None:
    label = f"evidence {bounded(str(entry['id']), 60)!r} ({shown(entry.get('name') or '', 120)})"
    if listed is None:
        raise AuditFileError(path, f"holds {label}, which is not a file the return lists as kept by the "
                                   "organisation: it was not imported.")
    if listed.get("sha256") != entry["sha256"] or listed.get("size") != entry["size"]:
        raise AuditFileError(path, f"holds {label} with SHA-256 {entry['sha256'][:16]}…, but the return listed "
                                   f"{_text(listed.get('sha256'))[:16]}…: it is not the file the return listed, "
                                   "so it was not imported.")


def _store(workspace: Workspace, path: Path, supplement, targets: list[ImportedReturn]) -> SupplementTaken:
    stored: list[str] = []
    already: list[str] = []
    held = {(r, e) for r, e in workspace.session.execute(select(ReturnEvidence.return_id, ReturnEvidence.evidence_id)
                                                         .where(ReturnEvidence.return_id.in_([t.id for t in targets])))}
    ret = targets[0]
    standard_id = str(supplement.content["standard_id"])
    with workspace.change() as session:
        for entry, data in supplement.files():
            evidence_id = str(entry["id"])
            name = str(entry.get("name") or entry.get("original_name") or evidence_id)
            new = [t for t in targets if (t.id, evidence_id) not in held]
            (stored if new else already).append(name)
            for target in new:
                session.add(ReturnEvidence(return_id=target.id, evidence_id=evidence_id, name=name,
                                           media_type=str(entry.get("media_type") or ""), sha256=entry["sha256"],
                                           data=data))
        session.add(ImportLogEntry(
            batch=f"supplement-{uuid.uuid4().hex}", cycle_id=ret.cycle_id, file_name=bounded(path.name, 1000),
            sha256="", reference=ret.reference, outcome=SUPPLEMENT_OUTCOME, return_id=ret.id, by=workspace.user,
            reason=f"{bounded(path.name, 200)}: evidence supplement for standard {bounded(standard_id, 200)}: "
                   f"{len(stored)} file{'' if len(stored) == 1 else 's'} stored ({bounded(', '.join(stored), 2000)})"))
    return SupplementTaken(ret.id, ret.name, standard_id, tuple(stored), tuple(already))

"""Exporting a signed audit: the signed return for the business unit, the PDF and the action plan.

This is the bridge between the store (which holds the audit and the organisation's signing key)
and the writers in ``returns`` and ``reports``, which take plain data and know nothing of SQLite.

An export is two steps: ``take_snapshot`` reads everything the writers need from the audit file
(quick, on the thread that owns the file), then ``Snapshot.write`` builds the return, PDF and
workbook from that copy without touching the store, so the app can run it on a worker thread.

An annual compliance statement (``store/statement.py``) is exported as a signed return of kind
``compliance_statement`` (``export_statement``, or ``take_statement_snapshot`` then
``StatementSnapshot.write``), signed with its set's statement declaration, with its PDF and action
progress workbook (``reports/statement_documents.py``) when asked. Every signed return written is
remembered in the audit file by the SHA-256 of its ``return.json`` (``record_written_return``: a
``file_info`` key per audit, no schema change), so a later statement names its baseline return by it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from s11audit import __version__
from s11audit.returns import KIND_STATEMENT, WrittenReturn, write_signed_return
from s11audit.returns.trail import trail_summary
from s11audit.standards import Standard, StandardsSet
from s11audit.standards.model import DEFAULT_STATEMENT_DECLARATION
from s11audit.store import AuditFile, AuditFileError, ComplianceStatement, ReadOnlyError
from s11audit.store.answers import shown
from s11audit.store.assessment import SelfAssessment
from s11audit.store.models import FileInfo
from s11audit.store.rows import ActionRow, EvidenceRow, OrganisationDetails, ResponseRow
from s11audit.store.sign_off import SignatoryEntry
from s11audit.store.statement import STATEMENT, ProgressRow


_log = logging.getLogger(__name__)


class ExportError(AuditFileError):
    """An audit that cannot be exported as a return (not signed off)."""


@dataclass(frozen=True)
class Exported:
    returned: Path | None = None
    pdf: Path | None = None
    xlsx: Path | None = None
    return_sha256: str | None = None  # of the return.json written (None when no return was written)


# The file_info key under which the SHA-256 of the return.json last exported for an audit is kept.
RETURN_SHA256_KEY = "return_sha256:{audit_id}"

# What the signatories of an annual compliance statement declare when its set gives no declaration of its
# own (a set's ``statement: declaration:``; the set's ``sign_off`` declaration speaks of a full self-assessment).
STATEMENT_DECLARATION = DEFAULT_STATEMENT_DECLARATION


@dataclass(frozen=True)
class _EvidenceRows:
    """Stands in for the store's evidence library: ``all_evidence()`` gives the rows read."""

    rows: tuple[EvidenceRow, ...]

    def all_evidence(self) -> list[EvidenceRow]:
        return list(self.rows)


@dataclass(frozen=True)
class _ActionRows:
    """Stands in for the store's action plan: ``all_actions()`` gives the rows read."""

    rows: tuple[ActionRow, ...]

    def all_actions(self) -> list[ActionRow]:
        return list(self.rows)


@dataclass(frozen=True)
class Snapshot:
    """One audit as read at one moment, with everything the return, PDF and workbook need.

    It offers the read side of ``SelfAssessment`` that the report writers use (``standards``,
    ``responses()``, ``answers()``, ``evidence.all_evidence()``, ``actions.all_actions()``, ``shown_answer``), so
    they are fed the same way from the store or from a snapshot.
    """

    path: Path
    organisation: OrganisationDetails
    standards_set: StandardsSet
    cycle: str
    org_type: str
    is_signed: bool
    evidence: _EvidenceRows
    actions: _ActionRows
    signatories: tuple[SignatoryEntry, ...] = ()
    fingerprint: str = ""
    public_key: bytes = b""
    sign_bytes: Callable[[bytes], bytes] | None = None
    return_json: dict | None = None
    evidence_files: tuple[tuple[str, bytes], ...] = ()
    sample: bool = False  # the app's sample audit: its PDF and workbook are marked SAMPLE
    _responses: dict = field(default_factory=dict)
    _answers: dict = field(default_factory=dict)

    @property
    def standards(self):
        return self.standards_set.standards_for(self.org_type)

    def responses(self) -> dict[str, ResponseRow]:
        return dict(self._responses)

    def answers(self) -> dict:
        return dict(self._answers)

    def shown_answer(self, item_id: str, value) -> str:
        return shown(self.standards_set.item(item_id), value, self.standards_set.grade_scale)

    def write(self, returned: Path | None = None, pdf: Path | None = None, xlsx: Path | None = None,
              progress: Callable[[int, Path], object] | None = None) -> Exported:
        """Write whichever outputs are asked for; the return needs a signed audit. Each file is
        written atomically: a failure leaves no partial file and raises ``ReturnError`` or
        ``ReportError`` naming it. ``progress(n, path)`` is called before the n-th file (from 0)."""
        step = iter(range(3))

        def starting(path: Path) -> None:
            if progress is not None:
                progress(next(step), path)

        written: WrittenReturn | None = None
        if returned is not None:
            starting(returned)
            if self.return_json is None or self.sign_bytes is None:
                raise ExportError(self.path,
                                  "this audit has not been signed off yet, so it cannot be sent as a return.")
            written = write_signed_return(returned, self.return_json, list(self.evidence_files),
                                          self.standards_set.content, self.public_key, self.sign_bytes)
        if pdf is not None:
            from s11audit.reports.pdf import write_return_pdf

            starting(pdf)
            write_return_pdf(self, self.organisation, pdf, sign_off=list(self.signatories) if self.is_signed else None,
                             fingerprint=self.fingerprint, sample=self.sample)
        if xlsx is not None:
            from s11audit.reports.xlsx import write_action_plan_xlsx

            starting(xlsx)
            write_action_plan_xlsx(self, self.organisation, xlsx, sample=self.sample)
        _log.info("Export of %s written: %s", self.path,
                  ", ".join(str(p) for p in (returned, pdf, xlsx) if p is not None))
        return Exported(returned, pdf, xlsx, written.return_sha256 if written else None)


def _judgement(target_id: str, key: str, responses: dict[str, ResponseRow]) -> dict:
    """One standard's or criterion's judgement as ``return.json`` holds it (``key`` names the id)."""
    response = responses.get(target_id) or ResponseRow(target_id)
    return {key: target_id, "grade": response.grade,
            "not_applicable": response.not_applicable, "na_reason": response.na_reason,
            "narrative": response.narrative, "example": response.example}


def _standard_entry(standard: Standard, responses: dict[str, ResponseRow], org_type: str) -> dict:
    """A standard's entry: its judgement and, for a standard with criteria (format 2), each criterion's
    judgement in the set's order. The key ``criteria`` is left out for a standard without criteria,
    so a format 1 set's return is as it always was."""
    entry = _judgement(standard.id, "standard_id", responses)
    if standard.criteria:
        entry["criteria"] = [_judgement(c.id, "criterion_id", responses) for c in standard.criteria_for(org_type)]
    return entry


def _action_entry(action) -> dict:
    entry = {"standard_id": action.standard_id, "action": action.description, "owner": action.owner,
             "due_date": action.due_date, "status": action.status, "progress_notes": action.progress_notes}
    if action.criterion_id:  # absent for an action on the standard as a whole (every format 1 action)
        entry["criterion_id"] = action.criterion_id
    return entry


def return_content(audit_file: AuditFile, assessment: SelfAssessment) -> tuple[dict, list[tuple[str, bytes]]]:
    """``return.json``'s content and the evidence bytes of a signed audit."""
    organisation = assessment.sign_off.organisation() or audit_file.organisation()
    standards_set = assessment.standards_set
    responses = assessment.responses()
    answers = assessment.answers()
    evidence = assessment.evidence.all_evidence()
    trail = assessment.trail()
    summary = next(a for a in audit_file.audits() if a.id == assessment.id)
    content = {
        "app_version": __version__,
        "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0),
        "organisation": {"name": organisation.name, "reference": organisation.reference, "kind": organisation.kind,
                         "org_type": organisation.org_type,
                         "contact": {"name": organisation.contact_name, "email": organisation.contact_email}},
        "cycle": assessment.cycle,
        "audit_version": summary.version_no,
        "standards_set": {"id": standards_set.id, "version": standards_set.version,
                          "content_hash": standards_set.content_hash},
        "standards": [_standard_entry(s, responses, assessment.org_type) for s in assessment.standards],
        "item_answers": [{"item_id": item_id, "value": value, "comment": ""}
                         for item_id, value in sorted(answers.items())],
        "evidence": [_evidence_entry(e, [{"standard_id": sid, "item_id": iid or None} for sid, iid in e.links])
                     for e in evidence],
        "action_plan": [_action_entry(a) for a in assessment.actions.all_actions()],
        "sign_off": {"declaration": standards_set.sign_off.declaration,
                     "signatories": [{"role": s.role, "name": s.name, "signed_on": s.signed_on,
                                      "confirmed_read": s.confirmed_read}
                                     for s in assessment.sign_off.signatories()],
                     "signed_at": assessment.sign_off.signed_at},
        "audit_trail": trail_summary({"at": t.at, "user": t.user, "action": t.what, "detail": t.new_value}
                                     for t in trail),
    }
    if audit_file.is_sample:
        # Only a sample carries the key (absent means a real return, as from every earlier version).
        # It is inside the signed return.json, so it cannot be taken out without breaking the signature.
        content["sample"] = True
    return content, _carried(content, standards_set, evidence, assessment.evidence.content)


def _evidence_entry(row: EvidenceRow, links: list[dict]) -> dict:
    return {"id": row.id, "name": row.name, "original_name": row.original_name, "description": row.description,
            "media_type": row.media_type, "added_by": row.added_by, "added_at": row.added_at, "links": links}


def _carried(content: dict, standards_set: StandardsSet, evidence: list[EvidenceRow],
             read: Callable[[int], bytes]) -> list[tuple[str, bytes]]:
    """The evidence bytes the return carries, as its set's ``return_evidence`` says (issue 17): every file
    (``files``, the default: the content is left as every return was); none, each entry marked
    ``included: false`` with its size and SHA-256 (``list``); or none and no entries (``none``)."""
    mode = standards_set.return_evidence
    if mode == "files":
        return [(str(e.id), read(e.id)) for e in evidence]
    content["return_evidence"] = mode
    if mode == "none":
        content["evidence"] = []
        return []
    by_id = {e.id: e for e in evidence}
    for entry in content["evidence"]:
        row = by_id[entry["id"]]
        entry.update(included=False, size=row.size, sha256=row.sha256)
    return []


def take_snapshot(audit_file: AuditFile, assessment: SelfAssessment, with_return: bool = True) -> Snapshot:
    """Read the audit for export. ``with_return`` also reads the return's content, the evidence bytes
    and the signing key (only for a signed audit). A compliance statement is refused (``export_statement``).

    The app writes from the snapshot on a worker thread; after a return was written it should call
    ``record_written_return`` on the file's own thread, as ``export`` does."""
    _refuse_statement(audit_file, assessment.id)
    held = audit_file.baseline_copy(assessment.id)
    if with_return and held is not None:
        # Signing it here would use this file's new key and replace the hash its statement names.
        raise ExportError(audit_file.path, f"the {assessment.cycle} audit is the business unit's copy of your "
                                           "return, held as the baseline of your statement: they already hold it, "
                                           "so it is not sent again (its PDF and action plan can still be written).")
    signed = assessment.is_signed
    has_key = signed and held is None  # a held baseline was signed with a key this file does not hold
    return_json: dict | None = None
    files: tuple[tuple[str, bytes], ...] = ()
    sign: Callable[[bytes], bytes] | None = None
    if with_return and signed:
        return_json, file_list = return_content(audit_file, assessment)
        files = tuple(file_list)
        sign = assessment.sign_off.signer()
    return Snapshot(
        path=audit_file.path, organisation=assessment.sign_off.organisation() or audit_file.organisation(),
        standards_set=assessment.standards_set,
        cycle=assessment.cycle, org_type=assessment.org_type, is_signed=signed,
        evidence=_EvidenceRows(tuple(assessment.evidence.all_evidence())),
        actions=_ActionRows(tuple(assessment.actions.all_actions())),
        signatories=tuple(assessment.sign_off.signatories()) if signed else (),
        fingerprint=assessment.sign_off.key_fingerprint() if has_key else held.key_fingerprint if held else "",
        public_key=assessment.sign_off.public_key_bytes() if has_key else b"",
        sign_bytes=sign, return_json=return_json, evidence_files=files, sample=audit_file.is_sample,
        _responses=assessment.responses(), _answers=assessment.answers())


def _refuse_statement(audit_file: AuditFile, audit_id: int) -> None:
    if audit_file.audit_kind(audit_id) == STATEMENT:
        raise ExportError(audit_file.path, "this is an annual compliance statement: it is exported by "
                                           "export_statement (its return, PDF and action progress workbook).")


def export(audit_file: AuditFile, assessment: SelfAssessment, returned: Path | None = None,
           pdf: Path | None = None, xlsx: Path | None = None) -> Exported:
    """Write whichever outputs are asked for; the return needs a signed audit. The SHA-256 of the
    ``return.json`` written is recorded in the file (``record_written_return``). An annual compliance
    statement (an audit of kind "statement") is written by ``export_statement``."""
    if audit_file.audit_kind(assessment.id) == STATEMENT:
        return export_statement(audit_file, audit_file.statement(assessment.id), returned, pdf, xlsx)
    if returned is not None and not assessment.is_signed:
        raise ExportError(audit_file.path, "this audit has not been signed off yet, so it cannot be sent as a return.")
    done = take_snapshot(audit_file, assessment, with_return=returned is not None).write(returned, pdf, xlsx)
    record_written_return(audit_file, assessment.id, done)
    return done


# --- the return's content hash, kept for a later statement -------------------------------------------

def record_written_return(audit_file: AuditFile, audit_id: int, exported: Exported) -> bool:
    """Keep the SHA-256 of the ``return.json`` just written for ``audit_id`` in the audit file (the last
    export's replaces an earlier one: each export has its own ``created_at``, so its own hash). A file
    open read-only cannot keep it: logged, and False. True when it was kept."""
    if exported.return_sha256 is None:
        return False
    key = RETURN_SHA256_KEY.format(audit_id=audit_id)
    try:
        with audit_file.writer.change() as session:
            row = session.get(FileInfo, key)
            if row is None:
                session.add(FileInfo(key=key, value=exported.return_sha256))
            else:
                row.value = exported.return_sha256
    except ReadOnlyError:
        _log.info("The return's content hash was not kept in %s: the file is open read-only", audit_file.path)
        return False
    return True


def written_return_sha256(audit_file: AuditFile, audit_id: int) -> str | None:
    """The SHA-256 of the ``return.json`` last exported for ``audit_id`` from this file, or None if unknown
    (never exported, or exported by a version of s11audit that did not keep it)."""
    row = audit_file.writer.session.get(FileInfo, RETURN_SHA256_KEY.format(audit_id=audit_id))
    return row.value if row is not None else None


# --- the annual compliance statement's return ---------------------------------------------------------

@dataclass(frozen=True)
class StatementSnapshot:
    """A signed compliance statement's return as read at one moment; ``write`` needs no store."""

    path: Path
    audit_id: int
    return_json: dict
    evidence_files: tuple[tuple[str, bytes], ...]
    standards_content: dict
    public_key: bytes
    sign_bytes: Callable[[bytes], bytes]
    sample: bool = False
    standards_set: StandardsSet | None = None  # for the documents' titles and grade words (immutable)
    baseline_grades: dict[str, str | None] = field(default_factory=dict)  # the baseline's grade per standard

    def write(self, returned: Path | None = None, pdf: Path | None = None, xlsx: Path | None = None,
              progress: Callable[[int, Path], None] | None = None) -> Exported:
        """Write the signed return and the statement's PDF and action progress workbook (each asked for,
        each atomically); raises ``ReturnError`` or ``ReportError`` naming the file on failure."""
        from s11audit.reports.statement_documents import write_statement_documents
        from s11audit.returns.keys import fingerprint

        written, sha256 = None, None
        if returned is not None:
            signed = write_signed_return(returned, self.return_json, list(self.evidence_files),
                                         self.standards_content, self.public_key, self.sign_bytes)
            written, sha256 = signed.path, signed.return_sha256
        if pdf is not None or xlsx is not None:
            write_statement_documents(self.return_json, pdf=pdf, xlsx=xlsx, standards_set=self.standards_set,
                                      baseline_grades=self.baseline_grades, evidence_files=self.evidence_files,
                                      fingerprint=fingerprint(self.public_key), progress=progress)
        _log.info("Export of the compliance statement in %s written: %s", self.path,
                  ", ".join(str(p) for p in (written, pdf, xlsx) if p is not None))
        return Exported(returned=written, pdf=pdf, xlsx=xlsx, return_sha256=sha256)


@dataclass(frozen=True)
class _Place:
    """Where an action a statement reports on is found in the returns: its index in the baseline return's
    action plan, or (``set_in``) in the action plan of the earlier statement that set it."""

    index: int
    action: ActionRow
    set_in: dict | None = None  # {"cycle", "content_sha256"} of that earlier statement's return
    order: int = 0  # 0 for the baseline, then each earlier statement in turn

    @property
    def link(self) -> str:
        """The ``item_id`` evidence of its completion is linked to in the return."""
        return f"action:{self.set_in['cycle']}:{self.index}" if self.set_in else f"action:{self.index}"


def _places(audit_file: AuditFile, statement: ComplianceStatement) -> dict[int, _Place]:
    """Every action the statement can report on, by its id in the file (see ``_Place``)."""
    places = {a.id: _Place(i, a) for i, a in enumerate(statement.baseline.actions.all_actions())}
    for order, (audit_id, cycle) in enumerate(statement.earlier_statements(), start=1):
        origin = {"cycle": cycle, "content_sha256": written_return_sha256(audit_file, audit_id)}
        for i, action in enumerate(audit_file.statement(audit_id).actions.all_actions()):
            places[action.id] = _Place(i, action, origin, order)
    return places


def _progress_entry(place: _Place, given: ProgressRow) -> dict:
    action = place.action
    named = {"index": place.index, "standard_id": action.standard_id, "criterion_id": action.criterion_id or None,
             "action": action.description, "due_date": action.due_date}
    if place.set_in is not None:
        named["set_in"] = place.set_in
    return {"baseline_action": named,
            "status": given.status, "progress_note": given.note, "completed_on": given.completed_on,
            "new_due_date": given.new_due_date, "dropped_reason": given.dropped_reason}


def statement_content(audit_file: AuditFile, statement: ComplianceStatement) -> tuple[dict, list[tuple[str, bytes]]]:
    """``return.json``'s content (kind ``compliance_statement``) and the evidence bytes of a signed statement.

    A baseline action is named by ``index``, its position in the baseline return's ``action_plan`` (the
    baseline's actions in the order ``return_content`` writes them); evidence of its completion is linked
    to ``"action:<index>"``. An action an earlier statement set is named by its index in that statement's
    ``action_plan`` and ``set_in`` (that statement's cycle and return.json hash); its evidence is linked to
    ``"action:<cycle>:<index>"``. ``standards`` and ``item_answers`` are empty: the statement's answers are
    in ``statement``, the baseline's grades in the baseline return.
    """
    organisation = statement.sign_off.organisation() or audit_file.organisation()
    standards_set = statement.standards_set
    summaries = {a.id: a for a in audit_file.audits()}
    baseline = summaries[statement.baseline_id]
    places = _places(audit_file, statement)
    progress = statement.all_progress()
    asked = {a.id for a in statement.open_actions()} | set(progress)
    unknown = sorted(asked - set(places))
    if unknown:
        raise ExportError(audit_file.path, f"the statement reports on action {unknown[0]}, which is not an action of "
                                           "its baseline audit or an earlier statement; the file may be damaged.")
    positions = statement.positions()
    evidence = statement.evidence.all_evidence()

    def target(item_id: str) -> str | None:
        if item_id.startswith("action:"):
            action_id = int(item_id.split(":", 1)[1]) if item_id.split(":", 1)[1].isdigit() else -1
            if action_id not in places:
                raise ExportError(audit_file.path, f"evidence is linked to {item_id}, which is not an action of the "
                                                   "baseline audit or an earlier statement; the file may be damaged.")
            return places[action_id].link
        return item_id or None

    content = {
        "kind": KIND_STATEMENT,
        "app_version": __version__,
        "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0),
        "organisation": {"name": organisation.name, "reference": organisation.reference, "kind": organisation.kind,
                         "org_type": organisation.org_type,
                         "contact": {"name": organisation.contact_name, "email": organisation.contact_email}},
        "cycle": statement.cycle,
        "audit_version": summaries[statement.id].version_no,
        "standards_set": {"id": standards_set.id, "version": standards_set.version,
                          "content_hash": standards_set.content_hash},
        "baseline": {"cycle": baseline.cycle, "audit_version": baseline.version_no,
                     "content_sha256": written_return_sha256(audit_file, baseline.id),
                     "signed_on": baseline.signed_at.date() if baseline.signed_at else None},
        "statement": {
            "standards": [{"standard_id": s.id, "position": positions[s.id].position,
                           "narrative": positions[s.id].narrative, "new_grade": positions[s.id].new_grade}
                          for s in statement.standards if s.id in positions and positions[s.id].position],
            "action_progress": [_progress_entry(places[i], progress.get(i) or ProgressRow(i))
                                for i in sorted(asked, key=lambda i: (places[i].order, places[i].index))],
        },
        "standards": [],
        "item_answers": [],
        "evidence": [_evidence_entry(e, [{"standard_id": sid, "item_id": target(iid)} for sid, iid in e.links])
                     for e in evidence],
        "action_plan": [_action_entry(a) for a in statement.actions.all_actions()],
        "sign_off": {"declaration": statement.declaration,  # the set's statement declaration
                     "signatories": [{"role": s.role, "name": s.name, "signed_on": s.signed_on,
                                      "confirmed_read": s.confirmed_read} for s in statement.signatories()],
                     "signed_at": statement.sign_off.signed_at},
        "audit_trail": trail_summary({"at": t.at, "user": t.user, "action": t.what, "detail": t.new_value}
                                     for t in statement.trail()),
    }
    if audit_file.is_sample:
        content["sample"] = True
    return content, _carried(content, standards_set, evidence, statement.evidence.content)


def take_statement_snapshot(audit_file: AuditFile, statement: ComplianceStatement) -> StatementSnapshot:
    """Read a signed statement for export (on the file's thread); raises ``ExportError`` when unsigned."""
    if not statement.is_signed:
        raise ExportError(audit_file.path, "this compliance statement has not been signed off yet, so it cannot be "
                                           "sent as a return.")
    content, files = statement_content(audit_file, statement)
    return StatementSnapshot(audit_file.path, statement.id, content, tuple(files), statement.standards_set.content,
                             statement.sign_off.public_key_bytes(), statement.sign_off.signer(), audit_file.is_sample,
                             statement.standards_set,
                             {sid: r.grade for sid, r in statement.baseline.responses().items()})


def export_statement(audit_file: AuditFile, statement: ComplianceStatement, returned: Path | None = None,
                     pdf: Path | None = None, xlsx: Path | None = None) -> Exported:
    """Write a signed compliance statement's return (``.s11return``, kind ``compliance_statement``) at
    ``returned`` and keep its content hash in the file, and its PDF and action progress workbook when asked;
    raises ``ExportError`` for an unsigned statement (also when nothing is asked for, which writes nothing),
    ``ReturnError`` or ``ReportError`` when a file cannot be written."""
    snapshot = take_statement_snapshot(audit_file, statement)
    if returned is None and pdf is None and xlsx is None:
        return Exported()
    done = snapshot.write(returned, pdf, xlsx)
    record_written_return(audit_file, statement.id, done)
    return done


# --- an evidence supplement: the files a business unit asks for (issue 17) ----------------------------

def audit_of_return(audit_file: AuditFile, return_sha256: str) -> int | None:
    """The audit whose last exported return's ``return.json`` has this SHA-256 (``written_return_sha256``)."""
    for audit in audit_file.audits():
        if written_return_sha256(audit_file, audit.id) == return_sha256:
            return audit.id
    return None


def export_supplement(audit_file: AuditFile, request_path: Path, out_path: Path) -> Path:
    """Answer an evidence request (``.s11request``) with a signed evidence supplement at ``out_path``.

    The request must name a return exported from this file (by its ``return.json`` SHA-256) signed with this
    file's key, and each file it asks for must be that audit's, unchanged since the return was sent. Raises
    ``ExportError`` (an ``AuditFileError``) with a plain reason, or ``ReturnError`` when the file cannot be
    written or the request cannot be read.
    """
    from s11audit.returns.supplement import read_request, write_supplement

    request = read_request(request_path)
    audit_id = audit_of_return(audit_file, request.return_sha256)
    if audit_id is None:
        raise ExportError(audit_file.path, f"the request {request_path.name} is for another audit: it asks about the "
                                           f"return with content hash {request.return_sha256[:16]}…, which was not "
                                           "exported from this file (only the last return exported from each audit "
                                           "is known). Check that you opened the audit file the return came from.")
    audit = (audit_file.statement(audit_id) if audit_file.audit_kind(audit_id) == STATEMENT
             else audit_file.assessment(audit_id))
    if not audit.is_signed or audit_file.baseline_copy(audit_id) is not None:
        raise ExportError(audit_file.path, f"the {audit.cycle} audit is not signed off with this file's key, so it "
                                           "cannot answer the request.")
    fingerprint = audit.sign_off.key_fingerprint()
    if fingerprint.replace(" ", "") != request.key_fingerprint.replace(" ", "").lower():
        raise ExportError(audit_file.path, f"the request names key {request.key_fingerprint}, but the {audit.cycle} "
                                           f"audit was signed with key {fingerprint}.")
    rows = {str(e.id): e for e in audit.evidence.all_evidence()}
    entries, files = [], []
    for wanted in request.files:
        row = rows.get(wanted.id)
        if row is None or row.sha256 != wanted.sha256:
            what = "is no longer in the audit" if row is None else "has changed since the return was sent"
            raise ExportError(audit_file.path, f"the request asks for {wanted.name or wanted.id!r}, which {what}.")
        entries.append({"id": row.id, "name": row.name, "original_name": row.original_name,
                        "description": row.description, "media_type": row.media_type})
        files.append((str(row.id), audit.evidence.content(row.id)))
    organisation = audit.sign_off.organisation() or audit_file.organisation()
    content: dict[str, object] = {
        "return_sha256": request.return_sha256, "cycle": audit.cycle, "standard_id": request.standard_id,
        "organisation": {"name": organisation.name, "reference": organisation.reference}, "evidence": entries}
    written = write_supplement(out_path, content, files, audit.sign_off.public_key_bytes(), audit.sign_off.signer())
    _log.info("Evidence supplement for %s written from %s: %s (%d files)", request.standard_id, audit_file.path,
              written, len(files))
    return written

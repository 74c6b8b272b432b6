"""Exporting a signed audit: the signed return for the business unit, the PDF and the action plan.

This is the bridge between the store (which holds the audit and the organisation's signing key)
and the writers in ``returns`` and ``reports``, which take plain data and know nothing of SQLite.

An export is two steps: ``take_snapshot`` reads everything the writers need from the audit file
(quick, on the thread that owns the file), then ``Snapshot.write`` builds the return, PDF and
workbook from that copy without touching the store, so the app can run it on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from s11audit import __version__
from s11audit.returns import write_return
from s11audit.returns.trail import trail_summary
from s11audit.standards import Standard, StandardsSet
from s11audit.store import AuditFile, AuditFileError
from s11audit.store.answers import shown
from s11audit.store.assessment import SelfAssessment
from s11audit.store.rows import ActionRow, EvidenceRow, OrganisationDetails, ResponseRow
from s11audit.store.sign_off import SignatoryEntry


_log = logging.getLogger(__name__)


class ExportError(AuditFileError):
    """An audit that cannot be exported as a return (not signed off)."""


@dataclass(frozen=True)
class Exported:
    returned: Path | None = None
    pdf: Path | None = None
    xlsx: Path | None = None


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

        if returned is not None:
            starting(returned)
            if self.return_json is None or self.sign_bytes is None:
                raise ExportError(self.path,
                                  "this audit has not been signed off yet, so it cannot be sent as a return.")
            write_return(returned, self.return_json, list(self.evidence_files), self.standards_set.content,
                         self.public_key, self.sign_bytes)
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
        return Exported(returned, pdf, xlsx)


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
        "evidence": [{"id": e.id, "name": e.name, "original_name": e.original_name, "description": e.description,
                      "media_type": e.media_type, "added_by": e.added_by, "added_at": e.added_at,
                      "links": [{"standard_id": sid, "item_id": iid or None} for sid, iid in e.links]}
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
    files = [(str(e.id), assessment.evidence.content(e.id)) for e in evidence]
    return content, files


def take_snapshot(audit_file: AuditFile, assessment: SelfAssessment, with_return: bool = True) -> Snapshot:
    """Read the audit for export. ``with_return`` also reads the return's content, the evidence bytes
    and the signing key (only for a signed audit)."""
    signed = assessment.is_signed
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
        fingerprint=assessment.sign_off.key_fingerprint() if signed else "",
        public_key=assessment.sign_off.public_key_bytes() if signed else b"",
        sign_bytes=sign, return_json=return_json, evidence_files=files, sample=audit_file.is_sample,
        _responses=assessment.responses(), _answers=assessment.answers())


def export(audit_file: AuditFile, assessment: SelfAssessment, returned: Path | None = None,
           pdf: Path | None = None, xlsx: Path | None = None) -> Exported:
    """Write whichever outputs are asked for; the return needs a signed audit."""
    if returned is not None and not assessment.is_signed:
        raise ExportError(audit_file.path, "this audit has not been signed off yet, so it cannot be sent as a return.")
    return take_snapshot(audit_file, assessment, with_return=returned is not None).write(returned, pdf, xlsx)

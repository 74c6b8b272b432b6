"""Exporting a signed audit: the signed return for the business unit, the PDF and the action plan.

This is the bridge between the store (which holds the audit and the organisation's signing key)
and the writers in ``returns`` and ``reports``, which take plain data and know nothing of SQLite.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from s11audit import __version__
from s11audit.returns import write_return
from s11audit.returns.trail import trail_summary
from s11audit.store import AuditFile, AuditFileError
from s11audit.store.assessment import SelfAssessment


class ExportError(AuditFileError):
    """An audit that cannot be exported as a return (not signed off)."""


@dataclass(frozen=True)
class Exported:
    returned: Path | None = None
    pdf: Path | None = None
    xlsx: Path | None = None


def return_content(audit_file: AuditFile, assessment: SelfAssessment) -> tuple[dict, list[tuple[str, bytes]]]:
    """``return.json``'s content and the evidence bytes of a signed audit."""
    organisation = audit_file.organisation()
    standards_set = assessment.standards_set
    responses = assessment.responses()
    answers = assessment.answers()
    evidence = assessment.evidence.list()
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
        "standards_set": {"id": standards_set.id, "version": standards_set.version, "content_hash": standards_set.content_hash},
        "standards": [{"standard_id": s.id, "grade": responses[s.id].grade if s.id in responses else None,
                       "not_applicable": s.id in responses and responses[s.id].not_applicable,
                       "na_reason": responses[s.id].na_reason if s.id in responses else "",
                       "narrative": responses[s.id].narrative if s.id in responses else "",
                       "example": responses[s.id].example if s.id in responses else ""}
                      for s in assessment.standards],
        "item_answers": [{"item_id": item_id, "value": value, "comment": ""} for item_id, value in sorted(answers.items())],
        "evidence": [{"id": e.id, "name": e.name, "original_name": e.original_name, "description": e.description,
                      "media_type": e.media_type, "added_by": e.added_by, "added_at": e.added_at,
                      "links": [{"standard_id": sid, "item_id": iid or None} for sid, iid in e.links]} for e in evidence],
        "action_plan": [{"standard_id": a.standard_id, "action": a.description, "owner": a.owner, "due_date": a.due_date,
                         "status": a.status, "progress_notes": a.progress_notes} for a in assessment.actions.list()],
        "sign_off": {"declaration": standards_set.sign_off.declaration,
                     "signatories": [{"role": s.role, "name": s.name, "signed_on": s.signed_on, "confirmed_read": s.confirmed_read}
                                     for s in assessment.sign_off.signatories()],
                     "signed_at": assessment.sign_off.signed_at},
        "audit_trail": trail_summary({"at": t.at, "user": t.user, "action": t.what, "detail": t.new_value} for t in trail),
    }
    files = [(str(e.id), assessment.evidence.content(e.id)) for e in evidence]
    return content, files


def export(audit_file: AuditFile, assessment: SelfAssessment, returned: Path | None = None,
           pdf: Path | None = None, xlsx: Path | None = None) -> Exported:
    """Write whichever outputs are asked for; the return needs a signed audit."""
    organisation = audit_file.organisation()
    if returned is not None:
        if not assessment.is_signed:
            raise ExportError(audit_file.path, "this audit has not been signed off yet, so it cannot be sent as a return.")
        content, files = return_content(audit_file, assessment)
        write_return(returned, content, files, assessment.standards_set.content, assessment.sign_off.public_key_bytes(),
                     assessment.sign_bytes)
    if pdf is not None:
        from s11audit.reports.pdf import write_return_pdf

        signed = assessment.is_signed
        write_return_pdf(assessment, organisation, pdf, sign_off=assessment.sign_off.signatories() if signed else None,
                         fingerprint=assessment.sign_off.key_fingerprint() if signed else "")
    if xlsx is not None:
        from s11audit.reports.xlsx import write_action_plan_xlsx

        write_action_plan_xlsx(assessment, organisation, xlsx)
    return Exported(returned, pdf, xlsx)

"""One self-assessment (an audit for one cycle): grades, narratives and item answers.

Evidence, the action plan and the sign-off hang off it as ``evidence``, ``actions`` and
``sign_off``. Every setter is one atomic change with its audit-trail entry; reads return plain
rows. All of them write through one ``AuditWriter``, which refuses every change once the audit is
signed off.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from s11audit.completeness import Completeness, check, not_applicable_rule
from s11audit.grading import derived_grade
from s11audit.standards import StandardsSet, set_from_snapshot
from s11audit.standards.model import Criterion, NotApplicable, Standard
from s11audit.store.actions import ActionPlan
from s11audit.store.briefings import BriefingRow, read_briefings
from s11audit.store.carry_forward import CarryForwardReport
from s11audit.store.answers import normalise, shown
from s11audit.store.audit_record import AuditRecord
from s11audit.store.database import AuditFileError
from s11audit.store.evidence import EvidenceLibrary
from s11audit.store.models import ItemAnswer, StandardResponse, utcnow
from s11audit.store.rows import ResponseRow
from s11audit.store.session import AuditWriter, Writer
from s11audit.store.sign_off import AuditSignOff


class SelfAssessment(AuditRecord):
    def __init__(self, writer: Writer, audit_id: int, cycle: str, snapshot: dict, org_type: str,
                 snapshot_hash: str = ""):
        self._writer = writer = AuditWriter(writer, audit_id)
        self.id = audit_id
        self.cycle = cycle
        self.standards_set: StandardsSet = set_from_snapshot(snapshot, snapshot_hash)
        self.org_type = org_type
        self.evidence = EvidenceLibrary(writer, audit_id, self.standards_set)
        self.actions = ActionPlan(writer, audit_id, self.standards_set)
        self.sign_off = AuditSignOff(writer, self.standards_set, self.completeness)
        # Set by ``AuditFile.start_audit`` when the audit was started from an earlier one.
        self.carried_forward: CarryForwardReport | None = None

    # --- sign-off (details in ``store/sign_off.py``; read_only, is_signed, sign, signatories and
    # trail come from ``AuditRecord``) -----------------------------------------------------------

    def key_fingerprint(self) -> str:
        return self.sign_off.key_fingerprint()

    def public_key_bytes(self) -> bytes:
        return self.sign_off.public_key_bytes()

    def sign_bytes(self, data: bytes) -> bytes:
        return self.sign_off.sign_bytes(data)

    @property
    def standards(self):
        return self.standards_set.standards_for(self.org_type)

    def _standard(self, standard_id: str):
        try:
            return self.standards_set.standard(standard_id)
        except KeyError:
            raise AuditFileError(self._writer.path, f"this audit has no standard {standard_id!r}.") from None

    def _target(self, target_id: str):
        """The standard or criterion ``target_id`` names (both are graded and hold a narrative)."""
        try:
            return self.standards_set.standard(target_id)
        except KeyError:
            pass
        try:
            return self.standards_set.criterion(target_id)
        except KeyError:
            raise AuditFileError(self._writer.path, f"this audit has no standard or criterion {target_id!r}.") from None

    def _target_name(self, target) -> str:
        if isinstance(target, Standard):
            return f"Standard {target.number} ({target.title})"
        return f"Criterion {target.number}"

    # --- standards and criteria: grade, not applicable, narrative, example -----------------------

    def responses(self) -> dict[str, ResponseRow]:
        """The judgement on every standard and criterion answered so far, by id."""
        rows = self._writer.session.scalars(select(StandardResponse).where(StandardResponse.audit_id == self.id))
        return {r.standard_id: _response_row(r) for r in rows}

    def response(self, standard_id: str) -> ResponseRow:
        row = self._response_orm(standard_id)
        return _response_row(row) if row else ResponseRow(standard_id)

    def _response_orm(self, standard_id: str) -> StandardResponse | None:
        return self._writer.session.scalar(select(StandardResponse).where(
            StandardResponse.audit_id == self.id, StandardResponse.standard_id == standard_id))

    def _set_response(self, session, target_id: str, **fields: Any) -> None:
        row = self._response_orm(target_id)
        if row is None:
            row = StandardResponse(audit_id=self.id, standard_id=target_id, grade=None, not_applicable=False,
                                   na_reason="", narrative="", example="")
            session.add(row)
        for key, value in fields.items():
            setattr(row, key, value)
        row.updated_at = utcnow()
        row.updated_by = self._writer.user
        session.flush()

    def _update_response(self, target_id: str, label: str, old_shown: str, new_shown: str, **fields: Any) -> None:
        target = self._target(target_id)
        with self._writer.change() as session:
            self._set_response(session, target_id, **fields)
            self._writer.trail(self.id, f"{self._target_name(target)}: {label}", old_shown, new_shown)
            if isinstance(target, Criterion) and "grade" in fields:
                self._derive(session, self.standards_set.standard_of_criterion(target_id))

    def _derive(self, session, standard: Standard) -> None:
        """Save the grade a standard's rule gives from its criteria, in the change that moved it."""
        if not standard.derived:
            return
        responses = self.responses()
        grade = derived_grade(standard, self.standards_set.grade_scale, self.org_type, responses)
        old = responses.get(standard.id) or ResponseRow(standard.id)
        if old.grade == grade and not old.not_applicable:
            return
        self._set_response(session, standard.id, grade=grade, not_applicable=False)
        self._writer.trail(self.id, f"{self._target_name(standard)}: grade worked out from its criteria",
                           self._grade_label(old), self._grade_label(ResponseRow(standard.id, grade)))

    def _grade_label(self, response: ResponseRow) -> str:
        scale = self.standards_set.scale_of(response.standard_id)
        if response.not_applicable:
            return scale.not_applicable_label
        return scale.level(response.grade).label if response.grade else ""

    def set_grade(self, standard_id: str, grade: str | None) -> None:
        """Choose the grade of a standard or criterion (or clear it with ``None``); choosing a grade
        ends "not applicable". A standard whose grade comes from its criteria cannot be graded by hand."""
        target = self._target(standard_id)
        scale = self.standards_set.scale_of(standard_id)
        if isinstance(target, Standard) and not target.graded:
            raise AuditFileError(self._writer.path,
                                 f"standard {target.number} is an information section and has no grade.")
        if isinstance(target, Standard) and target.derived:
            raise AuditFileError(self._writer.path, f"the grade of standard {target.number} is worked out from its "
                                                    "criteria; grade the criteria instead.")
        if grade is not None and not scale.has_level(grade):
            raise AuditFileError(self._writer.path, f"{grade!r} is not a grade of {scale.name}.")
        old = self.response(standard_id)
        if old.grade == grade and not old.not_applicable:
            return
        new_label = scale.level(grade).label if grade else ""
        self._update_response(standard_id, "grade", self._grade_label(old), new_label, grade=grade,
                              not_applicable=False)

    def set_not_applicable(self, standard_id: str, reason: str = "") -> None:
        target = self._target(standard_id)
        scale = self.standards_set.scale_of(standard_id)
        if not_applicable_rule(target) is NotApplicable.NOT_ALLOWED:
            what = "standard" if isinstance(target, Standard) else "criterion"
            raise AuditFileError(self._writer.path, f"{what} {target.number} may not be marked not applicable: "
                                                    "it applies to every organisation this audit is for.")
        old = self.response(standard_id)
        self._update_response(standard_id, "grade", self._grade_label(old), scale.not_applicable_label,
                              grade=None, not_applicable=True, na_reason=reason)

    def restore_judgement(self, standard_id: str, grade: str | None, not_applicable: bool, na_reason: str) -> None:
        """Put back a grade or N/A exactly as it was (used by undo). A standard whose grade comes from
        its criteria goes back to that grade (its saved grade is never chosen)."""
        target = self._target(standard_id)
        if not_applicable:
            self.set_not_applicable(standard_id, na_reason)
        elif isinstance(target, Standard) and target.derived:
            if self.response(standard_id).not_applicable:
                with self._writer.change() as session:
                    self._derive(session, target)
        else:
            self.set_grade(standard_id, grade)

    def set_na_reason(self, standard_id: str, reason: str) -> None:
        old = self.response(standard_id)
        if old.na_reason != reason:
            self._update_response(standard_id, "reason for not applicable", old.na_reason, reason, na_reason=reason)

    def set_narrative(self, standard_id: str, text: str) -> None:
        old = self.response(standard_id)
        if old.narrative != text:
            self._update_response(standard_id, "narrative", old.narrative, text, narrative=text)

    def set_example(self, standard_id: str, text: str) -> None:
        old = self.response(standard_id)
        if old.example != text:
            self._update_response(standard_id, "best-practice example", old.example, text, example=text)

    # --- criteria and checklist items ------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        rows = self._writer.session.scalars(select(ItemAnswer).where(ItemAnswer.audit_id == self.id))
        return {r.item_id: json.loads(r.value) for r in rows if r.value is not None}

    def answer(self, item_id: str) -> Any:
        row = self._answer_orm(item_id)
        return json.loads(row.value) if row and row.value is not None else None

    def _answer_orm(self, item_id: str) -> ItemAnswer | None:
        return self._writer.session.scalar(select(ItemAnswer).where(ItemAnswer.audit_id == self.id,
                                                                    ItemAnswer.item_id == item_id))

    def set_answer(self, item_id: str, value: Any) -> None:
        """Answer an item (``None`` clears it); raises ``AnswerError`` if the value does not fit."""
        try:
            item = self.standards_set.item(item_id)
        except KeyError:
            raise AuditFileError(self._writer.path, f"this audit has no item {item_id!r}.") from None
        scale = self.standards_set.grade_scale
        value = normalise(item, value, scale)
        old = self.answer(item_id)
        if old == value:
            return
        with self._writer.change() as session:
            row = self._answer_orm(item_id)
            if row is None:
                row = ItemAnswer(audit_id=self.id, item_id=item_id, comment="")
                session.add(row)
            row.value = None if value is None else json.dumps(value)
            row.updated_at = utcnow()
            row.updated_by = self._writer.user
            self._writer.trail(self.id, f"Item {item_id}: answer", shown(item, old, scale), shown(item, value, scale))

    def shown_answer(self, item_id: str, value: Any) -> str:
        return shown(self.standards_set.item(item_id), value, self.standards_set.grade_scale)

    # --- briefings from the business unit (read-only) -------------------------------------------

    def briefings(self, standard_id: str | None = None) -> list[BriefingRow]:
        """What the business unit sent with this audit for a standard (or all): last peer audit's
        recommendations and its notes, as ``BriefingRow(standard_id, kind, text, source)``; see
        ``store/briefings.py``. Empty for an audit not started from a starting file or template."""
        return read_briefings(self._writer.session, self.id, standard_id)

    # --- completeness and trail ------------------------------------------------------------------

    def completeness(self) -> Completeness:
        return check(self.standards_set, self.org_type, self.responses(), self.answers(),
                     self.evidence.all_evidence(), self.actions.all_actions())


def _response_row(r: StandardResponse) -> ResponseRow:
    return ResponseRow(r.standard_id, r.grade, r.not_applicable, r.na_reason, r.narrative, r.example, r.updated_at,
                       r.updated_by)

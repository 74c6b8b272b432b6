"""Carrying an earlier audit forward into a new cycle's audit, to be updated rather than retyped.

The earlier audit is either one in the same audit file (the organisation carries forward its own
last cycle) or a signed return the business unit holds (a starting file, see
``business_unit/starting_files.py``). Both are first read into the same plain form, ``Earlier``;
``choose`` is the one place that decides what still fits the new standards set, and ``carry_into``
writes it inside the caller's transaction.

What is carried: grades (and N/A with its reason), narratives, best-practice examples, item
answers, evidence files (bytes copied inside SQLite when they are in the same file) and the open
actions. Complete actions are not carried: they are done. Anything that no longer fits the new set
(a standard or item that is not in it or no longer applies to the organisation's type, a grade
that is not a level of the new scale, an answer the item no longer accepts) is left out and listed.

Criteria (standards format 2) follow the same rule: a criterion's grade, N/A and narrative are
carried where the criterion is in the new set, applies, and the grade is a level of its scale
there; an action or evidence link keeps its criterion on the same terms. A standard whose grade
comes from its criteria (or an information standard) never takes its earlier grade: a derived
grade is worked out again from the criteria carried (``grading.derived_grade``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from s11audit.grading import derived_grade
from s11audit.standards import StandardsSet
from s11audit.standards.model import NotApplicable
from s11audit.store.answers import AnswerError, normalise
from s11audit.store.models import (
    Action,
    Audit,
    Evidence,
    EvidenceContent,
    EvidenceLink,
    ItemAnswer,
    StandardResponse,
    utcnow,
)
from s11audit.store.reopen import copy_evidence_bytes
from s11audit.store.rows import ACTION_STATUSES, ResponseRow
from s11audit.store.session import Writer


@dataclass(frozen=True)
class EarlierEvidence:
    key: str  # the evidence's id in the earlier audit (as text)
    name: str
    original_name: str
    description: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: dt.datetime | None
    links: tuple[tuple[str, str], ...]  # (standard_id, item_id or "")


@dataclass(frozen=True)
class EarlierAction:
    standard_id: str
    description: str
    owner: str = ""
    due_date: dt.date | None = None
    status: str = "not_started"
    progress_notes: str = ""
    created_at: dt.datetime | None = None
    created_by: str = ""
    criterion_id: str = ""  # the criterion it is for (format 2), "" for the standard as a whole


@dataclass(frozen=True)
class Earlier:
    """An earlier audit as plain data: what ``choose`` judges and ``carry_into`` writes.

    ``evidence_bytes`` reads a file's bytes (from a return); ``None`` means the evidence is in the
    same audit file, and its bytes are copied inside SQLite.
    """

    cycle: str
    version_no: int
    responses: tuple[ResponseRow, ...]
    answers: tuple[tuple[str, Any, str], ...]  # (item_id, value, comment)
    evidence: tuple[EarlierEvidence, ...]
    actions: tuple[EarlierAction, ...]
    evidence_bytes: Callable[[EarlierEvidence], bytes] | None = field(default=None, compare=False)
    criterion_ids: frozenset[str] = frozenset()  # which response ids were criteria in the earlier set

    @property
    def label(self) -> str:
        return f"{self.cycle} (version {self.version_no})"


@dataclass(frozen=True)
class Carried:
    """What ``choose`` decided fits the new set, and what it left out (in words)."""

    responses: tuple[ResponseRow, ...]
    answers: tuple[tuple[str, Any, str], ...]
    evidence: tuple[EarlierEvidence, ...]
    actions: tuple[EarlierAction, ...]
    complete_actions: int
    left_out: tuple[str, ...]
    criteria: int = 0  # how many of ``responses`` are criteria's


@dataclass(frozen=True)
class CarryForwardReport:
    """What was carried forward from which cycle, for the person who started the audit."""

    from_cycle: str
    from_version: int
    standards: int
    answers: int
    evidence: int
    actions: int
    complete_actions: int = 0
    left_out: tuple[str, ...] = ()
    criteria: int = 0

    @property
    def carried(self) -> str:
        criteria = f"{_count(self.criteria, 'criterion').replace('criterions', 'criteria')}, " if self.criteria else ""
        return (f"{_count(self.standards, 'standard')} (grades, narratives and examples), {criteria}"
                f"{_count(self.answers, 'item answer')}, {_count(self.evidence, 'evidence file')} "
                f"and {_count(self.actions, 'open action')}")

    def summary(self) -> str:
        lines = [f"Carried forward from {self.from_cycle} (version {self.from_version}): {self.carried}."]
        if self.complete_actions:
            lines.append(f"{_count(self.complete_actions, 'complete action')} not carried forward (already done).")
        if self.left_out:
            lines.append("Left out because it does not fit the new standards set:")
            lines.extend(f"- {reason}" for reason in self.left_out)
        else:
            lines.append("Nothing was left out.")
        return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# --- reading an earlier audit ----------------------------------------------------------------------


def earlier_in_file(session: Session, audit: Audit) -> Earlier:
    """An earlier audit in the same audit file, as plain data."""
    responses = session.scalars(select(StandardResponse).where(StandardResponse.audit_id == audit.id)
                                .order_by(StandardResponse.id))
    answers = session.scalars(select(ItemAnswer).where(ItemAnswer.audit_id == audit.id).order_by(ItemAnswer.id))
    evidence = session.scalars(select(Evidence).options(selectinload(Evidence.links))
                               .where(Evidence.audit_id == audit.id).order_by(Evidence.id))
    actions = session.scalars(select(Action).where(Action.audit_id == audit.id).order_by(Action.id))
    return Earlier(
        cycle=audit.cycle, version_no=audit.version_no,
        responses=tuple(ResponseRow(r.standard_id, r.grade, r.not_applicable, r.na_reason, r.narrative, r.example)
                        for r in responses),
        answers=tuple((a.item_id, json.loads(a.value), a.comment) for a in answers if a.value is not None),
        evidence=tuple(EarlierEvidence(str(e.id), e.name, e.original_name, e.description, e.media_type, e.size,
                                       e.sha256, e.added_by, e.added_at,
                                       tuple((link.standard_id, link.item_id) for link in e.links)) for e in evidence),
        actions=tuple(EarlierAction(a.standard_id, a.description, a.owner, a.due_date, a.status, a.progress_notes,
                                    a.created_at, a.created_by, a.criterion_id or "") for a in actions),
        criterion_ids=frozenset(str(c.get("id")) for s in json.loads(audit.snapshot.content).get("standards", [])
                                for c in s.get("criteria") or []),
    )


def only_standards(earlier: Earlier, standard_ids: Iterable[str], standards_set: StandardsSet) -> Earlier:
    """The part of an earlier audit about the given standards only (a peer audit template carries the
    standards in focus and nothing else): their responses, the answers to their items, the evidence
    linked to them (with only those links) and their actions. Nothing else is kept or reported."""
    wanted = set(standard_ids)

    def item_wanted(item_id: str) -> bool:
        try:
            return standards_set.standard_of_item(item_id).id in wanted
        except KeyError:
            return False

    def owner(criterion_id: str) -> bool:  # a criterion of a standard in focus
        return (standards_set.is_criterion(criterion_id)
                and standards_set.standard_of_criterion(criterion_id).id in wanted)

    evidence = []
    for entry in earlier.evidence:
        links = tuple((sid, iid) for sid, iid in entry.links if sid in wanted)
        if links:
            evidence.append(replace(entry, links=links))
    return replace(earlier,
                   responses=tuple(r for r in earlier.responses if r.standard_id in wanted or owner(r.standard_id)),
                   answers=tuple(a for a in earlier.answers if item_wanted(a[0])),
                   evidence=tuple(evidence),
                   actions=tuple(a for a in earlier.actions if a.standard_id in wanted))


# --- deciding what fits ----------------------------------------------------------------------------


class _Fits:
    """Whether a standard, item, criterion or evidence link of an earlier audit is in the new set and applies."""

    def __init__(self, standards_set: StandardsSet, org_type: str):
        self.set, self.org_type = standards_set, org_type

    def standard(self, standard_id: str) -> bool:
        try:
            return self.set.standard(standard_id).applies(self.org_type)
        except KeyError:
            return False

    def item(self, item_id: str) -> bool:
        try:
            standard = self.set.standard_of_item(item_id)
        except KeyError:
            return False
        return standard.applies(self.org_type) and self.set.item(item_id).applies(self.org_type)

    def criterion(self, criterion_id: str, standard_id: str | None = None) -> bool:
        """In the new set and applying, and (when given) still a criterion of ``standard_id``."""
        try:
            standard = self.set.standard_of_criterion(criterion_id)
        except KeyError:
            return False
        return (standard.applies(self.org_type) and self.set.criterion(criterion_id).applies(self.org_type)
                and standard_id in (None, standard.id))

    def link(self, standard_id: str, target_id: str) -> bool:
        if not target_id:
            return self.standard(standard_id)
        if self.set.is_criterion(target_id):
            return self.criterion(target_id, standard_id)
        return self.item(target_id)


def _response(response: ResponseRow, fits: _Fits, was_criterion: bool, left_out: list[str]) -> ResponseRow | None:
    """An earlier standard's or criterion's response as it fits the new set, or ``None`` if it does not."""
    rid, standards_set = response.standard_id, fits.set
    is_criterion = standards_set.is_criterion(rid)
    what = "Criterion" if is_criterion or was_criterion else "Standard"
    if not (fits.criterion(rid) if is_criterion else fits.standard(rid)):
        if response.judged or response.narrative or response.example:
            left_out.append(f"{what} {rid}: not in the new set (or does not apply), so its grade and narrative "
                            "were left out.")
        return None
    scale = standards_set.scale_of(rid)
    if is_criterion:
        na_allowed = standards_set.criterion(rid).not_applicable is not NotApplicable.NOT_ALLOWED
    else:
        standard = standards_set.standard(rid)
        if standard.derived or not standard.graded:
            # A derived grade is worked out again from the criteria carried; an information section has none.
            return replace(response, grade=None)
        na_allowed = scale.not_applicable_allowed
    if response.grade is not None and not scale.has_level(response.grade):
        left_out.append(f"{what} {rid}: grade {response.grade!r} is not a grade of {scale.name}; "
                        "choose the grade again.")
        response = replace(response, grade=None)
    if response.not_applicable and not na_allowed:
        left_out.append(f"{what} {rid}: 'not applicable' is not allowed by {scale.name}.")
        response = replace(response, not_applicable=False, na_reason="")
    return response


def _rederive(responses: list[ResponseRow], standards_set: StandardsSet, org_type: str) -> list[ResponseRow]:
    """The responses with each derived standard's grade worked out from the criteria carried."""
    by_id = {r.standard_id: r for r in responses}
    for standard in standards_set.standards_for(org_type):
        if not standard.derived or (standard.id in by_id and by_id[standard.id].not_applicable):
            continue
        grade = derived_grade(standard, standards_set.grade_scale, org_type, by_id)
        if standard.id in by_id:
            by_id[standard.id] = replace(by_id[standard.id], grade=grade)
        elif grade is not None:
            by_id[standard.id] = ResponseRow(standard.id, grade)
    return list(by_id.values())


def choose(earlier: Earlier, standards_set: StandardsSet, org_type: str) -> Carried:
    """Split an earlier audit into what fits ``standards_set`` for this type of organisation and what does not."""
    scale = standards_set.grade_scale
    fits = _Fits(standards_set, org_type)
    left_out: list[str] = []

    carried = (_response(r, fits, r.standard_id in earlier.criterion_ids, left_out) for r in earlier.responses)
    responses = _rederive([r for r in carried if r is not None], standards_set, org_type)
    criteria = sum(1 for r in responses if standards_set.is_criterion(r.standard_id))

    answers = []
    for item_id, value, comment in earlier.answers:
        if not fits.item(item_id):
            left_out.append(f"Item {item_id}: not in the new set (or does not apply), so its answer was left out.")
            continue
        try:
            normalised = normalise(standards_set.item(item_id), value, scale)
        except AnswerError as exc:
            left_out.append(f"{exc} The earlier answer was left out.")
            continue
        if normalised is not None:
            answers.append((item_id, normalised, comment))

    evidence = []
    for entry in earlier.evidence:
        links = tuple((sid, iid) for sid, iid in entry.links if fits.link(sid, iid))
        dropped = [f"standard {sid}" + (f", {'criterion' if standards_set.is_criterion(iid) else 'item'} {iid}"
                                        if iid else "") for sid, iid in entry.links if (sid, iid) not in links]
        if entry.links and not links:
            left_out.append(f"Evidence {entry.name!r}: everything it supported ({'; '.join(dropped)}) is not in "
                            "the new set, so the file was left out.")
            continue
        if dropped:
            left_out.append(f"Evidence {entry.name!r}: carried, but no longer linked to {'; '.join(dropped)}.")
        evidence.append(replace(entry, links=links))

    actions, complete = [], 0
    for action in earlier.actions:
        if action.status == "complete":
            complete += 1
            continue
        if not fits.standard(action.standard_id):
            left_out.append(f"Action {action.description!r}: its standard {action.standard_id} is not in the new set.")
            continue
        kept = action
        if action.criterion_id and not fits.criterion(action.criterion_id, action.standard_id):
            left_out.append(f"Action {action.description!r}: its criterion {action.criterion_id} is not in the new "
                            f"set, so it was carried for standard {action.standard_id} as a whole.")
            kept = replace(kept, criterion_id="")
        if kept.status not in ACTION_STATUSES:
            kept = replace(kept, status="not_started")
        actions.append(kept)

    return Carried(tuple(responses), tuple(answers), tuple(evidence), tuple(actions), complete, tuple(left_out),
                   criteria)


# --- writing it into the new audit -----------------------------------------------------------------


class CarryForwardError(ValueError):
    """An earlier audit that cannot be carried forward (for example an evidence file that is damaged)."""


def add_judgements(writer: Writer, audit_id: int, responses: Iterable[ResponseRow],
                   answers: Iterable[tuple[str, object, str]]) -> None:
    """Add standards' judgements and items' answers to an audit (carried forward, or a return held as a
    baseline); the caller's transaction commits."""
    session, user, now = writer.session, writer.user, utcnow()
    for r in responses:
        session.add(StandardResponse(audit_id=audit_id, standard_id=r.standard_id, grade=r.grade,
                                     not_applicable=r.not_applicable, na_reason=r.na_reason, narrative=r.narrative,
                                     example=r.example, updated_at=now, updated_by=user))
    for item_id, value, comment in answers:
        session.add(ItemAnswer(audit_id=audit_id, item_id=item_id, value=json.dumps(value), comment=comment or "",
                               updated_at=now, updated_by=user))


def carry_into(writer: Writer, audit_id: int, earlier: Earlier, carried: Carried) -> CarryForwardReport:
    """Write what was chosen into the new audit, with audit-trail entries; the caller's transaction commits."""
    session, user, now = writer.session, writer.user, utcnow()
    add_judgements(writer, audit_id, carried.responses, carried.answers)
    for e in carried.evidence:
        copy = Evidence(audit_id=audit_id, name=e.name, original_name=e.original_name, description=e.description,
                        media_type=e.media_type, size=e.size, sha256=e.sha256, added_by=e.added_by,
                        added_at=e.added_at or now)
        session.add(copy)
        session.flush()
        if earlier.evidence_bytes is None:
            copy_evidence_bytes(session, int(e.key), copy.id)
        else:
            data = earlier.evidence_bytes(e)
            if hashlib.sha256(data).hexdigest() != e.sha256:
                raise CarryForwardError(f"evidence {e.name!r} does not match the fingerprint recorded for it.")
            session.add(EvidenceContent(evidence_id=copy.id, data=data))
        for standard_id, item_id in e.links:
            session.add(EvidenceLink(evidence_id=copy.id, standard_id=standard_id, item_id=item_id or ""))
    for a in carried.actions:
        session.add(Action(audit_id=audit_id, standard_id=a.standard_id, description=a.description, owner=a.owner,
                           due_date=a.due_date, status=a.status, progress_notes=a.progress_notes,
                           created_at=a.created_at or now, created_by=a.created_by or user,
                           criterion_id=a.criterion_id))
    report = CarryForwardReport(earlier.cycle, earlier.version_no, len(carried.responses) - carried.criteria,
                                len(carried.answers), len(carried.evidence), len(carried.actions),
                                carried.complete_actions, carried.left_out, carried.criteria)
    writer.trail(audit_id, "Carried forward", f"{earlier.cycle}, version {earlier.version_no}", report.carried)
    for reason in carried.left_out:
        writer.trail(audit_id, f"Left out when carrying forward from {earlier.cycle}", new=reason)
    session.flush()
    return report


def carry_forward(writer: Writer, audit_id: int, earlier: Earlier, standards_set: StandardsSet,
                  org_type: str) -> CarryForwardReport:
    """Choose what fits and write it into the new audit (inside the caller's transaction)."""
    return carry_into(writer, audit_id, earlier, choose(earlier, standards_set, org_type))

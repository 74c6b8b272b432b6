"""The annual compliance statement: the light return between full audits (issue 16, schema 0007).

A statement is an audit of kind ``"statement"`` in the organisation's audit file, based on a signed
full audit of the same file (its *baseline*, read-only here) and on the baseline's standards set.
It asks the questions that set gives in its ``statement`` section (``questions``, a
``StatementQuestions``: the words of each position, whether a new grade is asked, the prompts and the
declaration signed; a set without one asks the defaults):

- for each standard the baseline graded: is it still as at the baseline (``"same"``), ``"improved"``
  or ``"declined"`` (in the set's words); what changed (a narrative) when it changed; an optional new
  grade on the standard's own scale, unless the set does not ask for one;
- for each open action of the baseline, and each new action an earlier statement on the same baseline
  set (``open_actions``): its progress (``PROGRESS_STATUSES``), a progress note, the
  date it was completed, a new due date when it slipped (the action keeps its own), the
  reason when it was dropped, and evidence of completion;
- new actions where a standard declined, in the statement's own action plan (``actions``), and
  evidence in its own library (``evidence``); evidence of completion is linked to
  ``(standard_id, action_link(baseline_action_id))``, so one file can support several actions.

Every change is one transaction with its audit-trail entry, written through the statement's
``AuditWriter``, which refuses every change once the statement is signed off (``sign``, as for a
full audit, with the statement's completeness, ``missing``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from s11audit.completeness import Completeness, Gap, Missing
from s11audit.standards import StandardsSet
from s11audit.standards.model import DEFAULT_POSITION_LABELS, Standard, StatementQuestions
from s11audit.store.actions import ActionPlan
from s11audit.store.assessment import SelfAssessment
from s11audit.store.audit_record import AuditRecord
from s11audit.store.database import AuditFileError
from s11audit.store.evidence import EvidenceLibrary
from s11audit.store.models import Action, ActionProgress, Audit, StatementStandard, utcnow
from s11audit.store.rows import ActionRow, EvidenceFile, EvidenceRow
from s11audit.store.session import AuditWriter, Writer
from s11audit.store.sign_off import AuditSignOff

FULL = "full"
STATEMENT = "statement"

# The positions in the default words (a set may give its own: ``ComplianceStatement.position_label``).
POSITIONS: dict[str, str] = {"": "Not answered yet", **DEFAULT_POSITION_LABELS}
CHANGED = ("improved", "declined")

PROGRESS_STATUSES: dict[str, str] = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "complete": "Complete",
    "dropped": "Dropped",
}
CLOSED = ("complete", "dropped")  # a baseline action a later statement no longer asks about


def action_link(baseline_action_id: int) -> str:
    """The ``item_id`` of an evidence link to one baseline action (evidence of its completion)."""
    return f"action:{baseline_action_id}"


@dataclass(frozen=True)
class PositionRow:
    """The statement's answer on one standard (a default row while unanswered)."""

    standard_id: str
    position: str = ""
    narrative: str = ""
    new_grade: str | None = None
    updated_at: dt.datetime | None = None

    @property
    def changed(self) -> bool:
        return self.position in CHANGED

    @property
    def position_label(self) -> str:
        """The position in the default words (``ComplianceStatement.position_label``: in the set's)."""
        return POSITIONS.get(self.position, self.position)


@dataclass(frozen=True)
class ProgressRow:
    """One baseline action's progress as the statement reports it (a default row while unanswered)."""

    action_id: int  # the baseline action's id
    status: str = "not_started"
    note: str = ""
    completed_on: dt.date | None = None
    new_due_date: dt.date | None = None
    dropped_reason: str = ""
    updated_at: dt.datetime | None = None

    @property
    def slipped(self) -> bool:
        return self.new_due_date is not None

    @property
    def status_label(self) -> str:
        return PROGRESS_STATUSES.get(self.status, self.status)


class ComplianceStatement(AuditRecord):
    """One annual compliance statement; made by ``AuditFile.start_statement``, found by ``AuditFile.statement``."""

    def __init__(self, writer: Writer, audit_id: int, cycle: str, baseline: SelfAssessment):
        self._writer = AuditWriter(writer, audit_id)
        self.id = audit_id
        self.cycle = cycle
        self.baseline = baseline  # the signed full audit: read it, never change it (it is locked)
        self.standards_set: StandardsSet = baseline.standards_set
        self.org_type = baseline.org_type
        self.evidence = EvidenceLibrary(self._writer, audit_id, self.standards_set)
        self.actions = ActionPlan(self._writer, audit_id, self.standards_set)
        self.sign_off = AuditSignOff(self._writer, self.standards_set, self.completeness)

    @property
    def baseline_id(self) -> int:
        return self.baseline.id

    # --- what the set asks -------------------------------------------------------------------------

    @property
    def questions(self) -> StatementQuestions:
        """What this statement asks and the declaration it is signed with: its set's ``statement`` section
        (from the baseline's snapshot, so a later change to the set's file never changes it)."""
        return self.standards_set.statement

    @property
    def declaration(self) -> str:
        return self.questions.declaration

    @property
    def asks_new_grade(self) -> bool:
        return self.questions.ask_new_grade

    def position_label(self, position: str) -> str:
        """A position ("same", "improved", "declined", or "" when not answered) in the set's words."""
        return POSITIONS[""] if not position else self.questions.position_label(position)

    # --- standards: position, what changed, new grade --------------------------------------------

    @property
    def standards(self) -> list[Standard]:
        """The standards the statement asks about: those the baseline graded (not N/A, not information)."""
        graded = {sid for sid, r in self.baseline.responses().items() if r.grade is not None and not r.not_applicable}
        return [s for s in self.baseline.standards if s.graded and s.id in graded]

    def _standard(self, standard_id: str) -> Standard:
        for standard in self.standards:
            if standard.id == standard_id:
                return standard
        raise AuditFileError(self._writer.path, f"the statement does not ask about standard {standard_id!r}: "
                                                "only about the standards graded in its baseline audit.")

    def positions(self) -> dict[str, PositionRow]:
        rows = self._writer.session.scalars(select(StatementStandard).where(StatementStandard.audit_id == self.id))
        return {r.standard_id: _position_row(r) for r in rows}

    def position(self, standard_id: str) -> PositionRow:
        row = self._position_orm(standard_id)
        return _position_row(row) if row else PositionRow(standard_id)

    def _position_orm(self, standard_id: str) -> StatementStandard | None:
        return self._writer.session.scalar(select(StatementStandard).where(
            StatementStandard.audit_id == self.id, StatementStandard.standard_id == standard_id))

    def _update_position(self, standard: Standard, label: str, old: str, new: str, **fields: object) -> None:
        with self._writer.change() as session:
            row = self._position_orm(standard.id)
            if row is None:
                row = StatementStandard(audit_id=self.id, standard_id=standard.id, position="", narrative="",
                                        new_grade=None)
                session.add(row)
            for key, value in fields.items():
                setattr(row, key, value)
            row.updated_at = utcnow()
            self._writer.trail(self.id, f"Statement, standard {standard.number}: {label}", old, new)

    def set_position(self, standard_id: str, position: str) -> None:
        """Still as at the baseline (``"same"``), ``"improved"``, ``"declined"``, or ``""`` (not answered)."""
        standard = self._standard(standard_id)
        if position not in POSITIONS:
            raise AuditFileError(self._writer.path, f"{position!r} is not a statement position "
                                                    f"({', '.join(p for p in POSITIONS if p)}).")
        old = self.position(standard_id)
        if old.position != position:
            self._update_position(standard, "position", self.position_label(old.position),
                                  self.position_label(position), position=position)

    def set_narrative(self, standard_id: str, text: str) -> None:
        """What has changed since the baseline (needed when the position is improved or declined)."""
        standard = self._standard(standard_id)
        old = self.position(standard_id)
        if old.narrative != text:
            self._update_position(standard, "what changed", old.narrative, text, narrative=text)

    def set_new_grade(self, standard_id: str, grade: str | None) -> None:
        """An optional new grade on the standard's own scale (``None`` clears it); refused when the set's
        statement does not ask for one (``asks_new_grade``)."""
        standard = self._standard(standard_id)
        scale = self.standards_set.scale_of(standard_id)
        if grade is not None and not self.asks_new_grade:
            raise AuditFileError(self._writer.path, f"the annual compliance statement of {self.standards_set.title} "
                                                    "does not ask for a new grade.")
        if grade is not None and not scale.has_level(grade):
            raise AuditFileError(self._writer.path, f"{grade!r} is not a grade of {scale.name}.")
        old = self.position(standard_id)
        if old.new_grade != grade:
            self._update_position(standard, "new grade", scale.level(old.new_grade).label if old.new_grade else "",
                                  scale.level(grade).label if grade else "", new_grade=grade)

    # --- the baseline's open actions: progress ---------------------------------------------------

    def earlier_statements(self) -> list[tuple[int, str]]:
        """The signed statements made earlier on the same baseline, as (audit id, cycle), oldest first: of each
        earlier cycle its latest signed version (by the order they were started, not by comparing cycle
        names, which are free text; versions of this same cycle do not count)."""
        latest: dict[str, int] = {}
        for audit_id, cycle in self._writer.session.execute(
                select(Audit.id, Audit.cycle).where(
                    Audit.kind == STATEMENT, Audit.baseline_audit_id == self.baseline_id, Audit.status == "signed",
                    Audit.id < self.id, Audit.cycle != self.cycle).order_by(Audit.id)):
            latest[cycle] = audit_id
        return sorted(((audit_id, cycle) for cycle, audit_id in latest.items()), key=lambda pair: pair[0])

    def open_actions(self) -> list[ActionRow]:
        """The actions this statement reports on: the baseline's actions not complete in the baseline, then
        the new actions each earlier statement on the same baseline set (not complete in its own plan), less
        those an earlier statement reported completed or dropped."""
        earlier = self.earlier_statements()
        ids = [audit_id for audit_id, _ in earlier]
        closed = set(self._writer.session.scalars(
            select(ActionProgress.baseline_action_id).where(ActionProgress.audit_id.in_(ids),
                                                            ActionProgress.status.in_(CLOSED)))) if ids else set()
        actions = list(self.baseline.actions.all_actions())
        for audit_id, _ in earlier:
            actions += ActionPlan(self._writer, audit_id, self.standards_set).all_actions()
        return [a for a in actions if a.status != "complete" and a.id not in closed]

    def set_in(self) -> dict[int, str]:
        """For each action an earlier statement set (and this one reports on), that statement's cycle; the
        baseline's actions are not in it."""
        made = {audit_id: cycle for audit_id, cycle in self.earlier_statements()}
        if not made:
            return {}
        return {action_id: made[audit_id] for action_id, audit_id in self._writer.session.execute(
            select(Action.id, Action.audit_id).where(Action.audit_id.in_(list(made))))}

    def _open_action(self, action_id: int) -> ActionRow:
        for action in self.open_actions():
            if action.id == action_id:
                return action
        raise AuditFileError(self._writer.path, f"action {action_id} is not an open action of the baseline audit or "
                                                "of an earlier statement.")

    def _progress_orm(self, action_id: int) -> ActionProgress | None:
        return self._writer.session.scalar(select(ActionProgress).where(
            ActionProgress.audit_id == self.id, ActionProgress.baseline_action_id == action_id))

    def progress(self, action_id: int) -> ProgressRow:
        """The progress of a baseline action (``not_started`` with nothing else until it is given)."""
        row = self._progress_orm(action_id)
        return _progress_row(row) if row else ProgressRow(action_id)

    def all_progress(self) -> dict[int, ProgressRow]:
        rows = self._writer.session.scalars(select(ActionProgress).where(ActionProgress.audit_id == self.id))
        return {r.baseline_action_id: _progress_row(r) for r in rows}

    def _progress_problem(self, action: ActionRow, new: ProgressRow) -> str:
        """Why this progress cannot be saved ("" when it can)."""
        if new.status not in PROGRESS_STATUSES:
            return f"{new.status!r} is not an action progress ({', '.join(PROGRESS_STATUSES)})."
        for name, value in (("date completed", new.completed_on), ("new due date", new.new_due_date)):
            if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
                return f"the {name} must be a date."
        complete, dropped, number = new.status == "complete", new.status == "dropped", action.id
        rules = (
            (complete and new.completed_on is None,
             f"action {number} is marked complete: give the date it was completed."),
            (complete and new.completed_on is not None and new.completed_on > dt.date.today(),
             f"action {number} cannot have been completed on a date in the future."),
            (not complete and new.completed_on is not None,
             f"action {number} has a date completed but is not marked complete."),
            (dropped and not new.dropped_reason.strip(),
             f"action {number} is dropped: give the reason it was dropped."),
            (not dropped and bool(new.dropped_reason.strip()),
             f"action {number} has a reason for dropping it but is not marked dropped."),
            (new.new_due_date is not None and new.status in CLOSED,
             f"action {number} is {PROGRESS_STATUSES[new.status].lower()}: it needs no new due date."),
            (new.new_due_date is not None and action.due_date is not None and new.new_due_date <= action.due_date,
             f"the new due date of action {number} must be later than the date it was due ({action.due_date})."),
        )
        return next((message for broken, message in rules if broken), "")

    def update_progress(self, action_id: int, *, status: str, note: str = "", completed_on: dt.date | None = None,
                        new_due_date: dt.date | None = None, dropped_reason: str = "") -> ProgressRow:
        """Record a baseline action's progress whole: complete needs ``completed_on`` (not in the future);
        dropped needs ``dropped_reason``; a slipped action (not complete or dropped) gets ``new_due_date``,
        later than its due date, which the baseline action keeps."""
        action = self._open_action(action_id)
        new = ProgressRow(action_id, status, note, completed_on, new_due_date, dropped_reason)
        problem = self._progress_problem(action, new)
        if problem:
            raise AuditFileError(self._writer.path, problem)
        old = self.progress(action_id)
        if (old.status, old.note, old.completed_on, old.new_due_date, old.dropped_reason) == (
                status, note, completed_on, new_due_date, dropped_reason) and old.updated_at is not None:
            return old
        with self._writer.change() as session:
            row = self._progress_orm(action_id)
            if row is None:
                row = ActionProgress(audit_id=self.id, baseline_action_id=action_id, status="not_started",
                                     progress_note="", dropped_reason="")
                session.add(row)
            changes = (("progress", old.status_label, new.status_label, "status", status),
                       ("progress note", old.note, note, "progress_note", note),
                       ("date completed", old.completed_on, completed_on, "completed_on", completed_on),
                       ("new due date", old.new_due_date, new_due_date, "new_due_date", new_due_date),
                       ("reason dropped", old.dropped_reason, dropped_reason, "dropped_reason", dropped_reason))
            for label, old_shown, new_shown, field, value in changes:
                if getattr(row, field) != value:
                    setattr(row, field, value)
                    self._writer.trail(self.id, f"Statement, baseline action {action_id}: {label}", old_shown,
                                       new_shown)
            row.updated_at = utcnow()
            session.flush()
            saved = _progress_row(row)
        return saved

    # --- evidence of completion ------------------------------------------------------------------

    def add_completion_evidence(self, action_id: int, file: EvidenceFile, description: str = "") -> EvidenceRow:
        """Store a file in the statement's evidence, linked to a baseline action as evidence of its completion."""
        action = self._open_action(action_id)
        return self.evidence.add(file, [(action.standard_id, action_link(action_id))], description)

    def link_completion_evidence(self, evidence_id: int, action_id: int) -> None:
        """Link evidence already in the statement (stored once) to another baseline action."""
        action = self._open_action(action_id)
        self.evidence.link(evidence_id, action.standard_id, action_link(action_id))

    def completion_evidence(self, action_id: int) -> list[EvidenceRow]:
        link = action_link(action_id)
        return [e for e in self.evidence.all_evidence() if any(item == link for _, item in e.links)]

    # --- what stops sign-off ---------------------------------------------------------------------

    def _checks(self) -> list[tuple[str, Missing | None]]:
        """Every check of the statement as (standard id, what is missing or None when it is met)."""
        positions = self.positions()
        checks: list[tuple[str, Missing | None]] = []
        for standard in self.standards:
            answer = positions.get(standard.id) or PositionRow(standard.id)
            name = f"Standard {standard.number} ({standard.title})"
            checks.append((standard.id, None if answer.position else Missing(
                Gap.NO_POSITION, standard.id, "",
                f"{name}: {self.questions.position_question()}")))
            if answer.changed:
                checks.append((standard.id, None if answer.narrative.strip() else Missing(
                    Gap.CHANGE_NARRATIVE, standard.id, "",
                    f"{name}: say what has {answer.position} since the baseline")))
            if answer.position == "declined":
                checks.append((standard.id, None if self.actions.for_standard(standard.id) else Missing(
                    Gap.NEEDS_ACTION, standard.id, "", f"{name}: it declined, so it needs a new action")))
        progress, set_in = self.all_progress(), self.set_in()
        for action in self.open_actions():
            given = progress.get(action.id) or ProgressRow(action.id)
            unanswered = given.status == "not_started" and not given.note.strip()
            source = f"set in the {set_in[action.id]} statement" if action.id in set_in else "of the baseline"
            checks.append((action.standard_id, Missing(
                Gap.ACTION_PROGRESS, action.standard_id, action_link(action.id),
                f"Action {action.id} {source} ({_short(action.description)}): give its progress, or a note "
                "saying why it has not started") if unanswered else None))
        return checks

    def missing(self) -> tuple[Missing, ...]:
        """What stops sign-off, in order. The rule: every standard the baseline graded has a position; an
        improved or declined one says what changed; a declined one has at least one new action in the
        statement's action plan; every open baseline action has progress other than "not started", or a
        note saying why not. (Complete needs a date and dropped a reason: both are refused when saved.)
        Evidence of completion is welcome but not required."""
        return tuple(m for _, m in self._checks() if m is not None)

    def completeness(self) -> Completeness:
        """``missing`` as the ``Completeness`` a full audit has (sign-off and progress bars share it)."""
        checks = self._checks()
        per_standard: dict[str, tuple[int, int]] = {}
        for standard_id, gap in checks:
            done, total = per_standard.get(standard_id, (0, 0))
            per_standard[standard_id] = (done + (gap is None), total + 1)
        missing = tuple(m for _, m in checks if m is not None)
        return Completeness(len(checks) - len(missing), len(checks), missing, per_standard)


def copy_statement(session: Session, from_audit_id: int, to_audit_id: int) -> None:
    """Copy a statement's answers and action progress to its new version (``AuditFile.reopen_for_changes``;
    its actions and evidence are copied by ``reopen.new_version``); the caller commits."""
    for answer in session.scalars(select(StatementStandard).where(StatementStandard.audit_id == from_audit_id)).all():
        session.add(StatementStandard(audit_id=to_audit_id, standard_id=answer.standard_id, position=answer.position,
                                      narrative=answer.narrative, new_grade=answer.new_grade,
                                      updated_at=answer.updated_at))
    for progress in session.scalars(select(ActionProgress).where(ActionProgress.audit_id == from_audit_id)).all():
        session.add(ActionProgress(audit_id=to_audit_id, baseline_action_id=progress.baseline_action_id,
                                   status=progress.status, progress_note=progress.progress_note,
                                   completed_on=progress.completed_on, new_due_date=progress.new_due_date,
                                   dropped_reason=progress.dropped_reason, updated_at=progress.updated_at))
    session.flush()


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _position_row(r: StatementStandard) -> PositionRow:
    return PositionRow(r.standard_id, r.position, r.narrative, r.new_grade, r.updated_at)


def _progress_row(r: ActionProgress) -> ProgressRow:
    return ProgressRow(r.baseline_action_id, r.status, r.progress_note, r.completed_on, r.new_due_date,
                       r.dropped_reason, r.updated_at)


"""What a cycle of annual compliance statements says (issue 16): plain data, no Qt, no reports.

A statement cycle (``Cycle.kind == "statement"``) holds the organisations' statements, each naming its
baseline return (a return of the cycle's baseline full cycle) by the SHA-256 of its ``return.json``.
Several statement cycles can follow one baseline (baseline -> statement -> statement); each statement
reports only the baseline actions still open after the statements signed before it.

Two steps, as for full findings: ``read_statement_source`` reads what the figures need from the
workspace on the thread that owns it, into a ``StatementSource`` of plain data; its ``figures(as_of)``
works them out on any thread (``statement_figures`` does both). From the cycle's current statements:

- **confirming**: per standard, the share of the statements answering it that say "same" (still as at
  the baseline) or "improved" (``figures.percent_of``: whole numbers, half up);
- **declined**: who said a standard declined, what changed (their narrative), the baseline grade
  (when the workspace holds the baseline return) and the new grade they gave;
- **action progress** per standard and overall, over the baseline actions this statement reports on
  (``statement.action_progress``), each in one category (``action_category``): completed (on or before
  its original due date, or with no due date), completed late (``completed_on`` after the original due
  date), in progress on time (not complete, not past its due date: the new due date when it slipped,
  else the original), overdue (not complete and past that date) and dropped;
- per organisation its **action history**: each baseline action (as the baseline had it) with what each
  earlier statement on the same baseline said of it (the organisation's current statement in each
  earlier statement cycle of the same baseline cycle that names the same baseline return), and this
  statement's progress; an action closed in an earlier statement is listed (``reported`` False, with that
  statement's status) but not counted again; the statements' new actions, by cycle;
- the **chase list**: the overdue actions, with the organisation's contact from the register.

"Past its due date" is judged on ``as_of`` (today unless given); an earlier statement's categories on the
day it was signed. Flagged statements (baseline not held, or signed with another key than the baseline:
``ImportedReturn.flag``) are counted, and marked as flagged in the history, so the business unit sees what
its decision would change.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import select

from s11audit.business_unit.models import CURRENT, KEY_REJECTED, ImportedReturn, RegisteredOrganisation
from s11audit.business_unit.records import FINDINGS_PREFIX, date_or_none
from s11audit.business_unit.statement_results import (
    CATEGORIES,
    CATEGORY_WORDS,
    COMPLETED,
    COMPLETED_LATE,
    CONFIRMING,
    DROPPED,
    ON_TIME,
    OVERDUE,
    ActionStep,
    ChaseItem,
    Decline,
    EarlierProgress,
    OrganisationHistory,
    StandardConfirmation,
    StatementFigures,
    Tally,
    action_category,
)
from s11audit.business_unit.workspace import CycleRow, Workspace, reference_key
from s11audit.store.database import AuditFileError

__all__ = ["CATEGORIES", "CATEGORY_WORDS", "COMPLETED", "COMPLETED_LATE", "CONFIRMING", "DROPPED", "ON_TIME",
           "OVERDUE", "ActionStep", "ChaseItem", "Decline", "EarlierProgress", "HeldBaseline", "HeldStatement",
           "OrganisationHistory", "StandardConfirmation", "StatementFigures", "StatementSource", "Tally",
           "action_category", "read_statement_source", "statement_figures"]

CLOSED = ("complete", "dropped")


@dataclass(frozen=True)
class HeldBaseline:
    """What the figures read of a baseline return: its grades and the status of each action of its plan."""

    return_id: int
    grades: dict[str, str | None]
    statuses: tuple[str | None, ...]  # by the action's index in the return's action plan


@dataclass(frozen=True)
class HeldStatement:
    """One statement return as the figures need it (plain data, read once)."""

    return_id: int
    cycle: str
    name: str  # as registered (else as the return says)
    reference: str
    contact_name: str
    contact_email: str
    flag: str
    baseline_sha256: str  # the baseline return it names ("" when it names none)
    standards: tuple[dict, ...]  # statement.standards
    progress: tuple[dict, ...]  # statement.action_progress
    new_actions: tuple[dict, ...]  # its own action plan
    evidence: dict[str, tuple[str, ...]]  # "action:<index>" -> the names of the evidence linked to it
    signed_on: dt.date | None
    return_reference: str  # the reference the return itself gives (baseline returns are found by it)

    @property
    def key(self) -> tuple[str, str]:
        return reference_key(self.return_reference), self.baseline_sha256


@dataclass(frozen=True)
class StandardName:
    standard_id: str
    number: str
    title: str


@dataclass(frozen=True)
class StatementSource:
    """Everything a statement cycle's figures are made from, read from the workspace (plain data)."""

    cycle: str
    baseline_cycle: str
    standards: tuple[StandardName, ...]  # the set's standards, in order
    statements: tuple[HeldStatement, ...]  # the cycle's current statements
    baselines: dict[tuple[str, str], HeldBaseline]  # by (reference key, return.json SHA-256)
    earlier: tuple[tuple[str, tuple[HeldStatement, ...]], ...] = ()  # earlier statement cycles, oldest first

    def figures(self, as_of: dt.date | None = None) -> StatementFigures:
        """The figures judged on ``as_of`` (today unless given); see the module docstring."""
        figures = _Figures(self, as_of or dt.date.today())
        for statement in self.statements:
            figures.add(statement)
        return figures.done()


def _evidence_names(content: dict) -> dict[str, tuple[str, ...]]:
    """The names of the evidence files linked to each baseline action (``action:<index>``)."""
    names: dict[str, list[str]] = {}
    for item in content.get("evidence", []):
        for link in item.get("links") or []:
            if str(link.get("item_id") or "").startswith("action:"):
                names.setdefault(link["item_id"], []).append(item.get("name") or "")
    return {link: tuple(found) for link, found in names.items()}


class _Reader:
    """Reads a cycle's statements and the baselines they name, on the workspace's thread."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    def statements(self, cycle: CycleRow) -> tuple[HeldStatement, ...]:
        """The cycle's current statements, with the registered organisation's details, in one query."""
        found = []
        for return_id, name, reference, flag, text, registered, registered_as, contact_name, contact_email in \
                self.workspace.session.execute(
                    select(ImportedReturn.id, ImportedReturn.name, ImportedReturn.reference, ImportedReturn.flag,
                           ImportedReturn.content, RegisteredOrganisation.name, RegisteredOrganisation.reference,
                           RegisteredOrganisation.contact_name, RegisteredOrganisation.contact_email)
                    .outerjoin(RegisteredOrganisation, RegisteredOrganisation.id == ImportedReturn.organisation_id)
                    .where(ImportedReturn.cycle_id == cycle.id, ImportedReturn.state == CURRENT)
                    .order_by(ImportedReturn.id)):
            content = json.loads(text)
            part = content.get("statement") or {}
            found.append(HeldStatement(
                return_id, cycle.name, registered if registered is not None else name,
                registered_as if registered is not None else reference,
                contact_name or "", contact_email or "", flag or "",
                str((content.get("baseline") or {}).get("content_sha256") or ""), tuple(part.get("standards", [])),
                tuple(part.get("action_progress", [])), tuple(content.get("action_plan", [])),
                _evidence_names(content), date_or_none((content.get("sign_off") or {}).get("signed_at")), reference))
        return tuple(found)

    def baselines(self, baseline_id: int, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], HeldBaseline]:
        """The baseline cycle's returns that the statements name, by (reference key, return.json SHA-256);
        the first imported when one was imported twice. Read from what findings keep of each return
        (``records.findings_content``, a few KB), else from its whole content."""
        found: dict[tuple[str, str], HeldBaseline] = {}
        for return_id, reference, sha256, kept in self.workspace.session.execute(
                select(ImportedReturn.id, ImportedReturn.reference, ImportedReturn.return_sha256,
                       ImportedReturn.findings_content)
                .where(ImportedReturn.cycle_id == baseline_id, ImportedReturn.state != KEY_REJECTED,
                       ImportedReturn.return_sha256.is_not(None)).order_by(ImportedReturn.id)):
            key = (reference_key(reference), sha256 or "")
            if key not in wanted or key in found:
                continue
            if kept and kept.startswith(FINDINGS_PREFIX):
                stored = json.loads(kept)
                found[key] = HeldBaseline(return_id, dict(stored["grades"]),
                                          tuple(action[1] for action in stored["actions"]))
            else:
                content = self.workspace.return_content(return_id)
                found[key] = HeldBaseline(return_id, {s["standard_id"]: s.get("grade")
                                                      for s in content.get("standards", [])},
                                          tuple(a.get("status") for a in content.get("action_plan", [])))
        return found


def read_statement_source(workspace: Workspace, cycle: CycleRow | str) -> StatementSource:
    """Read what a statement cycle's figures need (on the thread that owns the workspace)."""
    if not isinstance(cycle, CycleRow):
        cycle = workspace.cycle(cycle)
    if not cycle.is_statement or cycle.baseline_id is None:
        raise AuditFileError(workspace.path, f"cycle {cycle.name} is a full audit cycle: statement figures are made "
                                             "only for an annual compliance statement cycle.")
    reader = _Reader(workspace)
    baseline_cycle = workspace.cycle(cycle.baseline_id)
    held = reader.statements(cycle)
    keys = {s.key for s in held if s.baseline_sha256}
    earlier = tuple((c.name, tuple(s for s in reader.statements(c) if s.key in keys))
                    for c in workspace.cycles()
                    if c.is_statement and c.baseline_id == cycle.baseline_id and c.id < cycle.id)
    standards = tuple(StandardName(s.id, s.number, s.title) for s in workspace.standards_set(cycle.id).standards)
    return StatementSource(cycle.name, baseline_cycle.name, standards, held,
                           reader.baselines(baseline_cycle.id, keys), earlier)


def statement_figures(workspace: Workspace, cycle: CycleRow | str, as_of: dt.date | None = None) -> StatementFigures:
    """The figures of a statement cycle from its current statements (see the module docstring)."""
    return read_statement_source(workspace, cycle).figures(as_of)


def _earlier_progress(statement: HeldStatement, entry: dict, as_of: dt.date) -> EarlierProgress:
    named = entry["baseline_action"]
    due, new_due = date_or_none(named.get("due_date")), date_or_none(entry.get("new_due_date"))
    completed = date_or_none(entry.get("completed_on"))
    return EarlierProgress(statement.cycle, entry["status"],
                           action_category(entry["status"], due, new_due, completed, statement.signed_on or as_of),
                           entry.get("progress_note") or "", completed, new_due, entry.get("dropped_reason") or "")


def _action_key(entry: dict) -> tuple[str, int]:
    """An action a statement reports on: ("", index) for the baseline's, (cycle, index) for one an earlier
    statement set (``baseline_action.set_in``)."""
    named = entry["baseline_action"]
    return str((named.get("set_in") or {}).get("cycle") or ""), named["index"]


@dataclass
class _History:
    """One organisation's earlier statements on the same baseline, by action (``_action_key``)."""

    progress: dict[tuple[str, int], list[tuple[HeldStatement, dict]]] = field(default_factory=dict)
    new_actions: list[tuple[str, tuple[dict, ...]]] = field(default_factory=list)

    def add(self, statement: HeldStatement) -> None:
        for entry in statement.progress:
            self.progress.setdefault(_action_key(entry), []).append((statement, entry))
        if statement.new_actions:
            self.new_actions.append((statement.cycle, statement.new_actions))


def _step(statement: HeldStatement, entry: dict, plans: dict[str, tuple[str | None, ...]], as_of: dt.date,
          earlier: list[tuple[HeldStatement, dict]], reported: bool) -> ActionStep:
    """One action's progress as ``statement`` gives it, beside its status in the plan that set it (the
    baseline's when held, or the earlier statement's: ``plans``, statuses by cycle, "" for the baseline)."""
    named = entry["baseline_action"]
    set_in, index = _action_key(entry)
    statuses = plans.get(set_in, ())
    due, new_due = date_or_none(named.get("due_date")), date_or_none(entry.get("new_due_date"))
    completed = date_or_none(entry.get("completed_on"))
    judged_on = as_of if reported else statement.signed_on or as_of
    link = f"action:{set_in}:{index}" if set_in else f"action:{index}"
    return ActionStep(statement.name, statement.reference, index, named["standard_id"], named.get("action") or "",
                      due, statuses[index] if 0 <= index < len(statuses) else None, entry["status"],
                      action_category(entry["status"], due, new_due, completed, judged_on),
                      entry.get("progress_note") or "", completed, new_due, entry.get("dropped_reason") or "",
                      statement.evidence.get(link, ()),
                      tuple(_earlier_progress(s, e, as_of) for s, e in earlier), reported,
                      "" if reported else statement.cycle, set_in)


class _Figures:
    """Adds one statement at a time to the figures."""

    def __init__(self, source: StatementSource, as_of: dt.date):
        self.source, self.as_of = source, as_of
        self.figures = StatementFigures(source.cycle, source.baseline_cycle, as_of, len(source.statements),
                                        sum(bool(s.flag) for s in source.statements),
                                        earlier_cycles=tuple(name for name, _ in source.earlier))
        self.titles = {s.standard_id: s for s in source.standards}
        self.positions: dict[str, dict[str, int]] = {}
        self.by_standard: dict[str, Tally] = {}
        self.histories: dict[tuple[str, str], _History] = {}
        for _, held in source.earlier:
            for statement in held:
                self.histories.setdefault(statement.key, _History()).add(statement)

    def _positions(self, statement: HeldStatement, baseline: HeldBaseline | None) -> None:
        for entry in statement.standards:
            sid, position = entry["standard_id"], entry["position"]
            counts = self.positions.setdefault(sid, {"same": 0, "improved": 0, "declined": 0})
            counts[position] = counts.get(position, 0) + 1
            if position == "declined":
                standard = self.titles.get(sid) or StandardName(sid, sid, "")
                self.figures.declines.append(Decline(
                    statement.name, statement.reference, sid, standard.number, standard.title,
                    entry.get("narrative") or "", baseline.grades.get(sid) if baseline is not None else None,
                    entry.get("new_grade")))

    def _steps(self, statement: HeldStatement, baseline: HeldBaseline | None, history: _History) -> list[ActionStep]:
        plans = {"": baseline.statuses if baseline is not None else (),
                 **{cycle: tuple(a.get("status") for a in actions) for cycle, actions in history.new_actions}}
        steps = [_step(statement, entry, plans, self.as_of, history.progress.get(_action_key(entry), []), True)
                 for entry in statement.progress]
        reported = {(step.set_in, step.index) for step in steps}
        for key, earlier in history.progress.items():
            last_statement, last = earlier[-1]
            if key not in reported and last["status"] in CLOSED:
                steps.append(_step(last_statement, last, plans, self.as_of, earlier[:-1], False))
        order = {cycle: n for n, cycle in enumerate(("", *self.figures.earlier_cycles, self.source.cycle))}
        return sorted(steps, key=lambda step: (order.get(step.set_in, len(order)), step.index))

    def add(self, statement: HeldStatement) -> None:
        figures = self.figures
        baseline = self.source.baselines.get(statement.key) if statement.baseline_sha256 else None
        history = self.histories.get(statement.key, _History()) if statement.baseline_sha256 else _History()
        self._positions(statement, baseline)
        steps = self._steps(statement, baseline, history)
        for step in steps:
            if not step.reported:
                continue
            self.by_standard[step.standard_id] = self.by_standard.get(step.standard_id, Tally()).plus(step.category)
            figures.progress = figures.progress.plus(step.category)
            if step.category == OVERDUE and step.due is not None:
                figures.chase.append(ChaseItem(statement.name, statement.reference, statement.contact_name,
                                               statement.contact_email, step.standard_id, step.action, step.due,
                                               (self.as_of - step.due).days))
        figures.histories.append(OrganisationHistory(
            statement.name, statement.reference, statement.return_id,
            baseline.return_id if baseline is not None else None, statement.flag, tuple(steps),
            statement.new_actions, tuple(history.new_actions)))

    def done(self) -> StatementFigures:
        figures, order = self.figures, [s.standard_id for s in self.source.standards]
        for standard in self.source.standards:
            answered = self.positions.get(standard.standard_id)
            if answered is not None:
                figures.confirmation.append(StandardConfirmation(
                    standard.standard_id, standard.number, standard.title, sum(answered.values()),
                    answered.get("same", 0), answered.get("improved", 0), answered.get("declined", 0)))
        figures.progress_by_standard = {sid: self.by_standard[sid] for sid in order if sid in self.by_standard}
        place = {sid: n for n, sid in enumerate(order)}
        figures.declines.sort(key=lambda d: (place.get(d.standard_id, len(order)), d.organisation.casefold()))
        figures.histories.sort(key=lambda h: h.organisation.casefold())
        figures.chase.sort(key=lambda c: (-c.days_overdue, c.organisation.casefold(), c.action))
        return figures

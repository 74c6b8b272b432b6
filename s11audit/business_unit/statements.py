"""What a cycle of annual compliance statements says (issue 16): plain data, no Qt, no reports.

A statement cycle (``Cycle.kind == "statement"``) holds the organisations' statements, each naming its
baseline return (a return of the cycle's baseline full cycle) by the SHA-256 of its ``return.json``.
From the cycle's current statements (``statement_figures``):

- **confirming**: per standard, the share of the statements answering it that say "same" (still as at
  the baseline) or "improved" (``figures.percent_of``: whole numbers, half up);
- **declined**: who said a standard declined, what changed (their narrative), the baseline grade
  (when the workspace holds the baseline return) and the new grade they gave;
- **action progress** per standard and overall, over the baseline actions still open at the baseline
  (``statement.action_progress``), each in one category (``action_category``): completed (on or before
  its original due date, or with no due date), completed late (``completed_on`` after the original due
  date), in progress on time (not complete, not past its due date: the new due date when it slipped,
  else the original), overdue (not complete and past that date) and dropped;
- per organisation its **action history**: each baseline action (as the baseline had it) beside this
  statement's progress, and the statement's new actions;
- the **chase list**: the overdue actions, with the organisation's contact from the register.

"Past its due date" is judged on ``as_of`` (today unless given). Flagged statements (baseline not held,
or signed with another key than the baseline: ``ImportedReturn.flag``) are counted, and marked as
flagged in the history, so the business unit sees what its decision would change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from s11audit.business_unit.models import CURRENT, KEY_REJECTED, ImportedReturn
from s11audit.business_unit.records import date_or_none
from s11audit.business_unit.workspace import CycleRow, ReturnRow, Workspace, reference_key
from s11audit.figures import percent_of
from s11audit.store.database import AuditFileError

# An action's progress, in the categories the business unit counts.
COMPLETED = "completed"
COMPLETED_LATE = "completed_late"
ON_TIME = "on_time"  # in progress (or not started) and not past its due date
OVERDUE = "overdue"
DROPPED = "dropped"
CATEGORIES = (COMPLETED, COMPLETED_LATE, ON_TIME, OVERDUE, DROPPED)
CATEGORY_WORDS = {COMPLETED: "completed", COMPLETED_LATE: "completed late", ON_TIME: "in progress on time",
                  OVERDUE: "overdue", DROPPED: "dropped"}
CONFIRMING = ("same", "improved")


def action_category(status: str, due_on: dt.date | None, new_due_on: dt.date | None, completed_on: dt.date | None,
                    as_of: dt.date) -> str:
    """One baseline action's progress category (see the module docstring)."""
    if status == "dropped":
        return DROPPED
    if status == "complete":
        return COMPLETED_LATE if due_on is not None and completed_on is not None and completed_on > due_on \
            else COMPLETED
    due = new_due_on or due_on
    return OVERDUE if due is not None and due < as_of else ON_TIME


@dataclass(frozen=True)
class Tally:
    """How many actions fall in each category (``CATEGORIES`` order)."""

    completed: int = 0
    completed_late: int = 0
    on_time: int = 0
    overdue: int = 0
    dropped: int = 0

    @property
    def total(self) -> int:
        return self.completed + self.completed_late + self.on_time + self.overdue + self.dropped

    def plus(self, category: str) -> Tally:
        values = {name: getattr(self, name) for name in CATEGORIES}
        values[category] += 1
        return Tally(**values)

    def percent(self, category: str) -> int | None:
        return percent_of(getattr(self, category), self.total)


@dataclass(frozen=True)
class StandardConfirmation:
    standard_id: str
    number: str
    title: str
    answered: int  # statements with a position for the standard
    same: int
    improved: int
    declined: int

    @property
    def confirming(self) -> int:
        return self.same + self.improved

    @property
    def percent_confirming(self) -> int | None:
        return percent_of(self.confirming, self.answered)


@dataclass(frozen=True)
class Decline:
    """An organisation's standard that declined: what they said changed, the grade before and after."""

    organisation: str
    reference: str
    standard_id: str
    number: str
    title: str
    narrative: str
    baseline_grade: str | None  # None when the workspace does not hold the baseline return
    new_grade: str | None


@dataclass(frozen=True)
class ActionStep:
    """One baseline action of one organisation: as the baseline had it, and this statement's progress."""

    organisation: str
    reference: str
    index: int  # its place in the baseline return's action plan
    standard_id: str
    action: str
    due_on: dt.date | None  # the baseline's due date (unchanged)
    baseline_status: str | None  # its status in the baseline return (None: the baseline is not held)
    status: str  # this statement's: not_started, in_progress, complete or dropped
    category: str
    progress_note: str
    completed_on: dt.date | None
    new_due_on: dt.date | None
    dropped_reason: str
    evidence: tuple[str, ...]  # names of the evidence files linked to it ("action:<index>")

    @property
    def due(self) -> dt.date | None:
        """The date it is due now: the new due date when it slipped, else the baseline's."""
        return self.new_due_on or self.due_on


@dataclass(frozen=True)
class OrganisationHistory:
    organisation: str
    reference: str
    return_id: int
    baseline_return_id: int | None  # None: the workspace does not hold the baseline return
    flag: str  # why the statement waits for a decision, else ""
    steps: tuple[ActionStep, ...]
    new_actions: tuple[dict, ...]  # the statement's own new actions (its action_plan entries)


@dataclass(frozen=True)
class ChaseItem:
    organisation: str
    reference: str
    contact_name: str
    contact_email: str
    standard_id: str
    action: str
    due_on: dt.date  # the date it was due (the new one when it slipped)
    days_overdue: int


@dataclass
class StatementFigures:
    cycle: str
    baseline_cycle: str
    as_of: dt.date
    statements: int
    flagged: int
    confirmation: list[StandardConfirmation] = field(default_factory=list)
    declines: list[Decline] = field(default_factory=list)
    progress_by_standard: dict[str, Tally] = field(default_factory=dict)
    progress: Tally = field(default_factory=Tally)
    histories: list[OrganisationHistory] = field(default_factory=list)
    chase: list[ChaseItem] = field(default_factory=list)


def _baseline_returns(workspace: Workspace, baseline_id: int) -> dict[tuple[str, str], int]:
    """The baseline cycle's returns by (reference key, return.json SHA-256), first imported first."""
    found: dict[tuple[str, str], int] = {}
    for return_id, reference, sha256 in workspace.session.execute(
            select(ImportedReturn.id, ImportedReturn.reference, ImportedReturn.return_sha256)
            .where(ImportedReturn.cycle_id == baseline_id, ImportedReturn.state != KEY_REJECTED,
                   ImportedReturn.return_sha256.is_not(None)).order_by(ImportedReturn.id)):
        if sha256:
            found.setdefault((reference_key(reference), sha256), return_id)
    return found


def _evidence_names(content: dict) -> dict[str, list[str]]:
    """The names of the evidence files linked to each baseline action (``action:<index>``)."""
    names: dict[str, list[str]] = {}
    for item in content.get("evidence", []):
        for link in item.get("links") or []:
            if str(link.get("item_id") or "").startswith("action:"):
                names.setdefault(link["item_id"], []).append(item.get("name") or "")
    return names


def _steps(content: dict, plan: list[dict], name: str, reference: str, as_of: dt.date) -> list[ActionStep]:
    """Each baseline action's progress in one statement, beside the baseline's own entry (when held)."""
    evidence = _evidence_names(content)
    steps = []
    for entry in (content.get("statement") or {}).get("action_progress", []):
        named = entry["baseline_action"]
        index = named["index"]
        due, new_due = date_or_none(named.get("due_date")), date_or_none(entry.get("new_due_date"))
        completed = date_or_none(entry.get("completed_on"))
        steps.append(ActionStep(name, reference, index, named["standard_id"], named.get("action") or "", due,
                                plan[index].get("status") if 0 <= index < len(plan) else None, entry["status"],
                                action_category(entry["status"], due, new_due, completed, as_of),
                                entry.get("progress_note") or "", completed, new_due,
                                entry.get("dropped_reason") or "", tuple(evidence.get(f"action:{index}", ()))))
    return steps


class _Figures:
    """Adds one statement at a time to the figures."""

    def __init__(self, workspace: Workspace, cycle: CycleRow, as_of: dt.date):
        self.workspace, self.as_of = workspace, as_of
        baseline_cycle = workspace.cycle(cycle.baseline_id) if cycle.baseline_id is not None else None
        self.standards_set = workspace.standards_set(cycle.id)
        self.baselines = _baseline_returns(workspace, baseline_cycle.id) if baseline_cycle is not None else {}
        self.rows = workspace.returns(cycle.id, states=[CURRENT])
        self.figures = StatementFigures(cycle.name, baseline_cycle.name if baseline_cycle is not None else "", as_of,
                                        len(self.rows), sum(bool(r.flag) for r in self.rows))
        self.positions: dict[str, dict[str, int]] = {}
        self.by_standard: dict[str, Tally] = {}

    def add(self, row: ReturnRow) -> None:
        workspace, figures = self.workspace, self.figures
        content = workspace.return_content(row.id)
        registered = workspace.organisation(row.organisation_id) if row.organisation_id is not None else None
        name = registered.name if registered is not None else row.name
        reference = registered.reference if registered is not None else row.reference
        sha256 = (content.get("baseline") or {}).get("content_sha256")
        baseline_id = self.baselines.get((reference_key(row.reference), sha256)) if sha256 else None
        baseline = workspace.return_content(baseline_id) if baseline_id is not None else {}
        grades = {s["standard_id"]: s.get("grade") for s in baseline.get("standards", [])}
        for entry in (content.get("statement") or {}).get("standards", []):
            sid, position = entry["standard_id"], entry["position"]
            counts = self.positions.setdefault(sid, {"same": 0, "improved": 0, "declined": 0})
            counts[position] = counts.get(position, 0) + 1
            if position == "declined":
                standard = self.standards_set.standard(sid)
                figures.declines.append(Decline(name, reference, sid, standard.number, standard.title,
                                                entry.get("narrative") or "", grades.get(sid) if baseline else None,
                                                entry.get("new_grade")))
        steps = _steps(content, baseline.get("action_plan", []), name, reference, self.as_of)
        for step in steps:
            self.by_standard[step.standard_id] = self.by_standard.get(step.standard_id, Tally()).plus(step.category)
            figures.progress = figures.progress.plus(step.category)
            if step.category == OVERDUE and step.due is not None:
                figures.chase.append(ChaseItem(name, reference, registered.contact_name if registered else "",
                                               registered.contact_email if registered else "", step.standard_id,
                                               step.action, step.due, (self.as_of - step.due).days))
        figures.histories.append(OrganisationHistory(name, reference, row.id, baseline_id, row.flag, tuple(steps),
                                                     tuple(content.get("action_plan", []))))

    def done(self) -> StatementFigures:
        figures, order = self.figures, [s.id for s in self.standards_set.standards]
        for standard in self.standards_set.standards:
            answered = self.positions.get(standard.id)
            if answered is not None:
                figures.confirmation.append(StandardConfirmation(
                    standard.id, standard.number, standard.title, sum(answered.values()), answered.get("same", 0),
                    answered.get("improved", 0), answered.get("declined", 0)))
        figures.progress_by_standard = {sid: self.by_standard[sid] for sid in order if sid in self.by_standard}
        place = {sid: n for n, sid in enumerate(order)}
        figures.declines.sort(key=lambda d: (place.get(d.standard_id, len(order)), d.organisation.casefold()))
        figures.histories.sort(key=lambda h: h.organisation.casefold())
        figures.chase.sort(key=lambda c: (-c.days_overdue, c.organisation.casefold(), c.action))
        return figures


def statement_figures(workspace: Workspace, cycle: CycleRow | str, as_of: dt.date | None = None) -> StatementFigures:
    """The figures of a statement cycle from its current statements (see the module docstring)."""
    if not isinstance(cycle, CycleRow):
        cycle = workspace.cycle(cycle)
    if not cycle.is_statement or cycle.baseline_id is None:
        raise AuditFileError(workspace.path, f"cycle {cycle.name} is a full audit cycle: statement figures are made "
                                             "only for an annual compliance statement cycle.")
    figures = _Figures(workspace, cycle, as_of or dt.date.today())
    for row in figures.rows:
        figures.add(row)
    return figures.done()

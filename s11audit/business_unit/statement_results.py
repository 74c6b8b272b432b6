"""The results of a statement cycle's figures (issue 16): plain data that ``statements.py`` makes and the
screens and reports show. How each figure is worked out is in ``statements.py``'s docstring."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from s11audit.figures import percent_of

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
    """One baseline action's progress category (the rule is in ``statements.py``'s docstring)."""
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
class EarlierProgress:
    """A baseline action's progress as an earlier statement on the same baseline reported it."""

    cycle: str
    status: str
    category: str  # judged on the day that statement was signed (else on the figures' ``as_of``)
    progress_note: str
    completed_on: dt.date | None
    new_due_on: dt.date | None
    dropped_reason: str


@dataclass(frozen=True)
class ActionStep:
    """One action of one organisation, of its baseline or set by an earlier statement on the same baseline
    (``set_in``): as that audit or statement had it, and this statement's progress."""

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
    earlier: tuple[EarlierProgress, ...] = ()  # what earlier statements on the same baseline said, oldest first
    reported: bool = True  # False: closed (complete or dropped) in an earlier statement, so not asked again;
    # its status, dates and category are then that statement's
    closed_in: str = ""  # when not reported: the cycle of the earlier statement that closed it
    set_in: str = ""  # the cycle of the earlier statement that set it ("" for an action of the baseline); its
    # ``index`` and ``baseline_status`` are then of that statement's action plan

    @property
    def label(self) -> str:
        """How the action is numbered in words: "3" (the baseline's third action), "2027/28 new action 1"."""
        return f"{self.set_in} new action {self.index + 1}" if self.set_in else str(self.index + 1)

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
    earlier_new_actions: tuple[tuple[str, tuple[dict, ...]], ...] = ()  # earlier statements' (cycle, actions)


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
    earlier_cycles: tuple[str, ...] = ()  # earlier statement cycles on the same baseline cycle, oldest first

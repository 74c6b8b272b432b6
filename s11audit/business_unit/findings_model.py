"""The shape of findings: frozen figures per standard, item and cycle (see ``findings`` for the rules)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from s11audit import dates
from s11audit.business_unit.records import Basis
from s11audit.standards import GradeScale, ItemType

NOT_APPLICABLE = "__na__"
NOT_GRADED = "__none__"


def percent(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


@dataclass(frozen=True)
class GradeFigures:
    """How many organisations got each grade of a standard (or a graded item)."""

    counts: tuple[tuple[str, int], ...]  # (level id, count), lowest level first
    not_applicable: int
    not_graded: int
    graded: int
    meeting: int

    @property
    def percent_meeting(self) -> float | None:
        return percent(self.meeting, self.graded)

    @property
    def below(self) -> int:
        return self.graded - self.meeting


def grade_figures(scale: GradeScale, counter: Counter) -> GradeFigures:
    levels = tuple((level.id, counter.get(level.id, 0)) for level in scale.levels)
    known = {level.id for level in scale.levels}
    graded = sum(n for _, n in levels)
    meets_rank = scale.rank(scale.meets)
    meeting = sum(n for rank, (_, n) in enumerate(levels) if rank >= meets_rank)
    unknown = sum(n for key, n in counter.items() if key not in known and key not in (NOT_APPLICABLE, NOT_GRADED))
    return GradeFigures(levels, counter.get(NOT_APPLICABLE, 0), counter.get(NOT_GRADED, 0) + unknown, graded, meeting)


@dataclass(frozen=True)
class Agreement:
    agreed: int
    moderated: int

    @property
    def percent(self) -> float | None:
        return percent(self.agreed, self.moderated)


@dataclass(frozen=True)
class CriterionFindings:
    """One criterion of a standard graded by criteria (format 2), on its own scale (see ``findings_criteria``)."""

    criterion_id: str
    standard_id: str
    number: str
    text: str
    scale_id: str
    grades: GradeFigures  # on the findings' basis
    mean_score: float | None  # of those graded, when the criterion's scale is scored
    agreement: Agreement  # moderated grades equal to the self-grade, of those moderated
    self_mean_moderated: float | None = None  # mean self-score of the moderated returns (scored scales)
    moderated_mean: float | None = None  # their mean moderated score
    group_id: str = ""

    @property
    def percent_meeting(self) -> float | None:
        return self.grades.percent_meeting


@dataclass(frozen=True)
class StandardFindings:
    standard_id: str
    number: str
    title: str
    grades: GradeFigures
    by_sector: tuple[tuple[str, GradeFigures], ...]
    by_type: tuple[tuple[str, GradeFigures], ...]
    actions: int
    open_actions: int
    agreement: Agreement
    group_id: str = ""  # the part of the set it sits in (format 2), "" when the set has no parts
    group_title: str = ""
    criteria: tuple[CriterionFindings, ...] = ()
    percent_score: float | None = None  # mean % score over the returns with one (scored scales)
    scored: int = 0  # returns with a % score

    @property
    def percent_meeting(self) -> float | None:
        return self.grades.percent_meeting


@dataclass(frozen=True)
class NumberSummary:
    n: int
    median: float
    minimum: float
    maximum: float
    mean: float


@dataclass(frozen=True)
class DateSummary:
    n: int
    recent: int  # within the item's window back from the reference date (two years when it gives none)
    oldest: dt.date
    newest: dt.date

    @property
    def percent_recent(self) -> float | None:
        return percent(self.recent, self.n)


@dataclass(frozen=True)
class ItemFindings:
    item_id: str
    standard_id: str
    label: str
    type: ItemType
    respondents: int  # organisations to whom the item applies
    answered: int
    yes: int = 0
    partly: int = 0
    no: int = 0
    numbers: NumberSummary | None = None
    dates: DateSummary | None = None
    choices: tuple[tuple[str, int], ...] = ()  # (choice, organisations choosing or ticking it)
    grades: GradeFigures | None = None
    within: str = ""  # date items: the item's window ("" is the two years findings always used)
    group_id: str = ""

    @property
    def choice_percents(self) -> tuple[tuple[str, float | None], ...]:
        """Each choice's share of those who answered; for multi-select, the % ticking each option."""
        return tuple((choice, percent(n, self.answered)) for choice, n in self.choices)

    @property
    def within_words(self) -> str:
        """The date window in words: "within two years", "within 12 months", "this academic year"."""
        if not self.within:
            return "within two years"
        if self.within == dates.ACADEMIC_YEAR:
            return "this academic year"
        return f"within {dates.describe(self.within)}"

    @property
    def percent_yes(self) -> float | None:
        return percent(self.yes, self.answered) if self.type is ItemType.YES_NO else None

    @property
    def percent_partly(self) -> float | None:
        return percent(self.partly, self.answered) if self.type is ItemType.YES_NO else None

    @property
    def headline(self) -> float | None:
        """The item's one figure in % (see the module docstring), or ``None``."""
        if self.type is ItemType.YES_NO:
            return self.percent_yes
        if self.type is ItemType.GRADED and self.grades:
            return self.grades.percent_meeting
        if self.type is ItemType.DATE and self.dates:
            return self.dates.percent_recent
        if self.type is ItemType.PERCENTAGE and self.numbers:
            return self.numbers.mean
        return None


@dataclass(frozen=True)
class Change:
    """A figure in both cycles. For an option of a choice or multi-choice item, ``id`` is the item's id,
    ``option`` the option and ``label`` "item label: option" (the % choosing or ticking it)."""

    id: str
    label: str
    previous: float
    current: float
    option: str = ""

    @property
    def points(self) -> float:
        return self.current - self.previous


@dataclass(frozen=True)
class Findings:
    set_id: str
    set_title: str
    set_version: str
    basis: Basis
    received: int
    expected: int | None
    by_sector: tuple[tuple[str, int], ...]  # returns received per sector, most first
    by_type: tuple[tuple[str, int], ...]
    standards: tuple[StandardFindings, ...]  # graded standards in the set's order (information ones have no grades)
    items: tuple[ItemFindings, ...]
    weakest: tuple[StandardFindings, ...]  # graded standards, weakest first
    agreement: Agreement
    standard_changes: tuple[Change, ...] = ()
    item_changes: tuple[Change, ...] = ()
    has_previous: bool = False
    reference_date: dt.date | None = None
    sector: str | None = None  # the filters the findings were computed with (None: all)
    org_type: str | None = None
    groups: tuple[tuple[str, str], ...] = ()  # the set's parts (id, title) in order; () without parts
    percent_score: float | None = None  # overall % score (scored scales; see findings_criteria)

    @property
    def response_rate(self) -> float | None:
        return percent(self.received, self.expected) if self.expected else None

    def standard(self, standard_id: str) -> StandardFindings:
        return next(s for s in self.standards if s.standard_id == standard_id)

    def item(self, item_id: str) -> ItemFindings:
        return next(i for i in self.items if i.item_id == item_id)

"""The shape of findings: frozen figures per standard, item and cycle (see ``findings`` for the rules)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

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
    recent: int  # on or after the reference date less two years
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
    choices: tuple[tuple[str, int], ...] = ()
    grades: GradeFigures | None = None

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
    id: str
    label: str
    previous: float
    current: float

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
    standards: tuple[StandardFindings, ...]  # in the set's order
    items: tuple[ItemFindings, ...]
    weakest: tuple[StandardFindings, ...]  # graded standards, weakest first
    agreement: Agreement
    standard_changes: tuple[Change, ...] = ()
    item_changes: tuple[Change, ...] = ()
    has_previous: bool = False
    reference_date: dt.date | None = None
    sector: str | None = None  # the filters the findings were computed with (None: all)
    org_type: str | None = None

    @property
    def response_rate(self) -> float | None:
        return percent(self.received, self.expected) if self.expected else None

    def standard(self, standard_id: str) -> StandardFindings:
        return next(s for s in self.standards if s.standard_id == standard_id)

    def item(self, item_id: str) -> ItemFindings:
        return next(i for i in self.items if i.item_id == item_id)

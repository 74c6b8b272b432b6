"""The peer audit day as plain data, for its reports: the schedule, the day summary, feedback, workbook.

The peer-audit core (events, challenge groups, recording) builds these; the reports need nothing
else, no database and no Qt. Pairs such as an agency and its sector, or an agreed action, are
named tuples, so plain tuples work too. The figures the reports share (agreement between a
self-grade and the peer outcome, counts per outcome per standard, what changed) are worked out
here once, so every report says the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

NOT_RECORDED = "Not recorded"
NOT_RECORDED_COLOUR = "#FFFFFF"


@dataclass(frozen=True)
class OutcomeLevel:
    """One level of the outcome scale from config, e.g. "Met with recommendations"."""

    id: str
    label: str
    colour: str  # "#RRGGBB"
    meets: bool  # counts as meeting the standard


@dataclass(frozen=True)
class Standard:
    """A standard in focus on the day."""

    id: str
    number: str
    title: str

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class Agency(NamedTuple):
    name: str
    sector: str


class AgreedAction(NamedTuple):
    action: str
    owner: str
    due: dt.date | None = None


@dataclass(frozen=True)
class ScheduleGroup:
    """A challenge group: its time slot and the agencies in it (ideally of different sectors)."""

    number: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    agencies: Sequence[Agency]  # (name, sector) pairs
    room: str = ""


@dataclass(frozen=True)
class PeerEvent:
    """The peer audit / challenge day: what, when, where, on which standards, on which outcome scale."""

    name: str
    day: dt.date
    partnership: str
    standards: Sequence[Standard]
    outcome_scale: Sequence[OutcomeLevel]  # best first, as in config
    venue: str = ""
    notes: str = ""
    business_unit: str = "The safeguarding children partnership business unit"

    def level(self, outcome_id: str | None) -> OutcomeLevel | None:
        return next((lv for lv in self.outcome_scale if lv.id == outcome_id), None)


@dataclass(frozen=True)
class AgencyOutcome:
    """What was recorded for one agency on one standard in focus."""

    agency: str
    sector: str
    group: int | None
    standard_id: str
    self_grade_label: str
    self_grade_colour: str  # "#RRGGBB"
    self_meets: bool | None  # None: no self-grade (not graded or not applicable)
    outcome_id: str | None  # None: not recorded yet
    challenge_notes: str = ""
    recommendations: str = ""
    actions: Sequence[AgreedAction] = ()  # (action, owner, due) triples


@dataclass(frozen=True)
class Change:
    """An agency and standard where the peer outcome and the self-grade disagree."""

    agency: str
    standard: Standard
    self_grade: str
    outcome: OutcomeLevel
    direction: str  # "Peer outcome lower" or "Peer outcome higher"
    challenge_notes: str


def agrees(event: PeerEvent, outcome: AgencyOutcome) -> bool | None:
    """A self-grade that meets agrees with an outcome that meets; one below with one that does not.

    None when there is nothing to compare: no self-grade or no outcome recorded.
    """
    level = event.level(outcome.outcome_id)
    if level is None or outcome.self_meets is None:
        return None
    return level.meets == outcome.self_meets


def agreement_label(event: PeerEvent, outcome: AgencyOutcome) -> str:
    return {True: "Yes", False: "No", None: "\u2013"}[agrees(event, outcome)]


def agencies_in_order(outcomes: Sequence[AgencyOutcome]) -> list[Agency]:
    """Each agency once, by group then name (agencies without a group last)."""
    seen: dict[str, AgencyOutcome] = {}
    for outcome in outcomes:
        seen.setdefault(outcome.agency, outcome)
    ordered = sorted(seen.values(), key=lambda o: (o.group is None, o.group or 0, o.agency.casefold()))
    return [Agency(o.agency, o.sector) for o in ordered]


def by_agency(outcomes: Sequence[AgencyOutcome]) -> dict[str, dict[str, AgencyOutcome]]:
    """agency → standard id → outcome."""
    table: dict[str, dict[str, AgencyOutcome]] = {}
    for outcome in outcomes:
        table.setdefault(outcome.agency, {})[outcome.standard_id] = outcome
    return table


class StandardCounts(NamedTuple):
    standard: Standard
    per_level: dict[str, int]  # outcome id → agencies (every level of the scale, zeros included)
    not_recorded: int
    agreed: int
    compared: int  # agencies with both a self-grade and an outcome

    @property
    def agreement(self) -> float | None:
        return 100 * self.agreed / self.compared if self.compared else None


def counts(event: PeerEvent, outcomes: Sequence[AgencyOutcome]) -> list[StandardCounts]:
    """Per standard in focus: agencies per outcome, not recorded, and agreement with self-grades."""
    result = []
    for standard in event.standards:
        mine = [o for o in outcomes if o.standard_id == standard.id]
        per_level = {lv.id: sum(1 for o in mine if o.outcome_id == lv.id) for lv in event.outcome_scale}
        verdicts = [agrees(event, o) for o in mine]
        result.append(StandardCounts(standard, per_level, sum(1 for o in mine if event.level(o.outcome_id) is None),
                                     sum(1 for v in verdicts if v), sum(1 for v in verdicts if v is not None)))
    return result


def changes(event: PeerEvent, outcomes: Sequence[AgencyOutcome]) -> list[Change]:
    """Where the peer outcome moved an agency across the line from its self-grade, in agency order."""
    standards = {s.id: s for s in event.standards}
    order = {a.name: i for i, a in enumerate(agencies_in_order(outcomes))}
    position = {s.id: i for i, s in enumerate(event.standards)}
    found = []
    for outcome in sorted(outcomes, key=lambda o: (order[o.agency], position.get(o.standard_id, 0))):
        if outcome.standard_id not in standards:
            continue
        level = event.level(outcome.outcome_id)
        if level is None or agrees(event, outcome) is not False:  # (no outcome recorded: nothing to compare)
            continue
        direction = "Peer outcome lower" if outcome.self_meets else "Peer outcome higher"
        found.append(Change(outcome.agency, standards[outcome.standard_id], outcome.self_grade_label, level,
                            direction, outcome.challenge_notes))
    return found


def day(value: dt.date) -> str:
    """A date as people write it: "7 March 2018"."""
    return f"{value:%d %B %Y}".lstrip("0")


def time(value: dt.datetime) -> str:
    return f"{value:%H:%M}"

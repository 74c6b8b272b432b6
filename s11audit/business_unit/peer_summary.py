"""After the peer audit day: the outcomes as plain data for the day summary, feedback and findings.

No reportlab and no Qt: ``day_summary`` reads the workspace once and returns frozen dataclasses
that the reports (``reports/peer_*``) and screens lay out.

Rules:

- **Agreement.** A self-grade at or above the set's ``meets`` grade agrees with a peer outcome
  that meets the standard (``peer_outcomes`` level with ``meets: true``); a self-grade below
  ``meets`` agrees with an outcome that does not. Without a self-grade (not graded or not
  applicable) or without an outcome there is nothing to compare (``agrees`` is ``None``).
- **Changed** is the opposite of agreement: the peer outcome moved the agency across the line
  (``"lower"``: it graded itself as meeting the standard and the challenge did not agree;
  ``"higher"``: the other way). ``None`` when there is nothing to compare.
- **Agreement rate** = agreed / compared, over agency-standard pairs with both a self-grade and an
  outcome (overall and per standard); ``None`` when nothing was compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from s11audit.business_unit.peer_audit import (EventRow, PeerActionRow, SelfGrade, event, participants, records,
                                               standards_in_focus)
from s11audit.business_unit.workspace import Workspace
from s11audit.standards import PeerOutcomeScale


@dataclass(frozen=True)
class OutcomeRow:
    """One agency on one standard in focus."""

    organisation_id: int
    agency: str
    sector: str
    group: int | None
    standard_id: str
    standard_heading: str  # "2. Listening to children"
    self_grade: SelfGrade
    self_grade_label: str  # "" without a self-grade; the N/A label when not applicable
    self_grade_colour: str  # "#RRGGBB", "" without a self-grade
    self_meets: bool | None
    outcome: str | None  # outcome id, None until recorded
    outcome_label: str
    outcome_colour: str
    outcome_meets: bool | None
    agrees: bool | None
    change: str | None  # "lower", "higher" or None (agrees, or nothing to compare)
    challenge_notes: str
    recommendations: str
    actions: tuple[PeerActionRow, ...]

    @property
    def changed(self) -> bool | None:
        return None if self.agrees is None else not self.agrees


@dataclass(frozen=True)
class AgencyFeedback:
    """Everything one agency is told after the day: its rows, one per standard in focus."""

    organisation_id: int
    agency: str
    reference: str
    sector: str
    group: int | None
    rows: tuple[OutcomeRow, ...]

    @property
    def has_recommendations(self) -> bool:
        return any(r.recommendations.strip() for r in self.rows)


@dataclass(frozen=True)
class StandardOutcomes:
    """Moderated outcomes for one standard in focus."""

    standard_id: str
    heading: str
    counts: tuple[tuple[str, int], ...]  # (outcome id, agencies) for every level of the scale, in its order
    not_recorded: int
    compared: int
    agreed: int

    @property
    def agreement_rate(self) -> float | None:
        return self.agreed / self.compared if self.compared else None


@dataclass(frozen=True)
class PeerFindings:
    """Findings with moderated outcomes: agreement, counts per outcome per standard, recommendations."""

    standards: tuple[StandardOutcomes, ...]
    compared: int
    agreed: int
    agencies_with_recommendations: tuple[str, ...]  # agency names, alphabetical

    @property
    def agreement_rate(self) -> float | None:
        return self.agreed / self.compared if self.compared else None


@dataclass(frozen=True)
class DaySummary:
    event: EventRow
    cycle: str
    scale: PeerOutcomeScale
    rows: tuple[OutcomeRow, ...]  # agencies (by group, then name) × standards in focus (set order)
    agencies: tuple[AgencyFeedback, ...]
    findings: PeerFindings

    @property
    def changes(self) -> tuple[OutcomeRow, ...]:
        """The rows where the peer outcome and the self-grade disagree."""
        return tuple(r for r in self.rows if r.changed)


def _self(standards_set, grade: SelfGrade) -> tuple[str, str, bool | None]:
    scale = standards_set.grade_scale
    if grade.not_applicable:
        return scale.not_applicable_label, "", None
    if grade.grade is None or not scale.has_level(grade.grade):
        return "", "", None
    level = scale.level(grade.grade)
    return level.label, level.colour, scale.meets_standard(grade.grade)


def _outcome_row(standards_set, person, record, heading: str) -> OutcomeRow:
    """One agency on one standard: its self-grade beside the peer outcome, and whether they agree."""
    scale = standards_set.peer_outcomes
    label, colour, self_meets = _self(standards_set, record.self_grade)
    level = scale.level(record.outcome) if record.outcome and scale.has_level(record.outcome) else None
    if level is None:
        outcome, agrees, change = (None, "", "", None), None, None
    else:
        outcome = (level.id, level.label, level.colour, level.meets)
        agrees = None if self_meets is None else level.meets == self_meets
        change = None if agrees in (None, True) else ("lower" if self_meets else "higher")
    return OutcomeRow(person.organisation_id, person.name, person.sector, person.group, record.standard_id, heading,
                      record.self_grade, label, colour, self_meets, *outcome, agrees, change, record.challenge_notes,
                      record.recommendations, record.actions)


def _standard_outcomes(standard_id: str, heading: str, rows: list[OutcomeRow],
                       scale: PeerOutcomeScale) -> StandardOutcomes:
    mine = [r for r in rows if r.standard_id == standard_id]
    return StandardOutcomes(
        standard_id, heading,
        tuple((level.id, sum(1 for r in mine if r.outcome == level.id)) for level in scale.levels),
        sum(1 for r in mine if r.outcome is None), sum(1 for r in mine if r.agrees is not None),
        sum(1 for r in mine if r.agrees))


def _peer_findings(per_standard: list[StandardOutcomes], agencies: tuple[AgencyFeedback, ...]) -> PeerFindings:
    return PeerFindings(tuple(per_standard), sum(s.compared for s in per_standard),
                        sum(s.agreed for s in per_standard),
                        tuple(sorted((a.agency for a in agencies if a.has_recommendations), key=str.casefold)))


def day_summary(workspace: Workspace, event_id: int) -> DaySummary:
    """The day's outcomes, per-agency feedback and findings with moderated outcomes, as plain data."""
    found = event(workspace, event_id)
    standards_set = workspace.standards_set(found.cycle_id)
    scale = standards_set.peer_outcomes
    headings = {s.id: s.heading for s in standards_in_focus(workspace, event_id)}
    people = {p.organisation_id: p for p in participants(workspace, event_id)}
    rows = [_outcome_row(standards_set, people[r.organisation_id], r, headings[r.standard_id])
            for r in records(workspace, event_id)]
    agencies = tuple(AgencyFeedback(p.organisation_id, p.name, p.reference, p.sector, p.group,
                                    tuple(r for r in rows if r.organisation_id == p.organisation_id))
                     for p in people.values())
    per_standard = [_standard_outcomes(sid, headings[sid], rows, scale) for sid in found.standard_ids]
    return DaySummary(found, workspace.cycle(found.cycle_id).name, scale, tuple(rows), agencies,
                      _peer_findings(per_standard, agencies))

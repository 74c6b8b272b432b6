"""How a standard's grade and % score follow from its criteria (standards format 2). Pure functions.

Shared by the store (which saves a derived grade in the same change as the criterion grade it
follows from), completeness, reports and findings, so the rule is written once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from s11audit.standards.model import GradeRule, GradeScale, Standard

if TYPE_CHECKING:  # rows are only read here; importing the store package would import grading again
    from s11audit.store.rows import ResponseRow


def _judged(standard: Standard, org_type: str, responses: Mapping[str, ResponseRow]) -> list[tuple]:
    """(criterion, grade) of the criteria that apply and are not marked not applicable; grade may be None."""
    judged = []
    for criterion in standard.criteria_for(org_type):
        response = responses.get(criterion.id)
        if response is not None and response.not_applicable:
            continue
        judged.append((criterion, response.grade if response is not None else None))
    return judged


def derived_grade(standard: Standard, scale: GradeScale, org_type: str,
                  responses: Mapping[str, ResponseRow]) -> str | None:
    """The grade a standard's rule gives from its criteria, or ``None`` while any criterion that
    counts is ungraded (or none counts). ``scale`` is the set's grade scale, the standard's own."""
    if not standard.derived:
        return None
    judged = _judged(standard, org_type, responses)
    if not judged or any(grade is None for _, grade in judged):
        return None
    if standard.grade_rule is GradeRule.LOWEST:
        return min((grade for _, grade in judged), key=scale.rank)
    if standard.grade_rule is GradeRule.MOST_COMMON:
        counts = Counter(grade for _, grade in judged)
        best = max(counts.values())
        return min((grade for grade, n in counts.items() if n == best), key=scale.rank)
    mean = sum(criterion.scale.percent(grade) for criterion, grade in judged) / len(judged)
    # The level nearest the mean, by each level's place on the scale; a tie goes to the lower level.
    return min(scale.levels, key=lambda level: (abs(scale.percent(level.id) - mean), scale.rank(level.id))).id


def standard_percent(standard: Standard, scale: GradeScale, org_type: str,
                     responses: Mapping[str, ResponseRow]) -> float | None:
    """A standard's % score: the mean of its criteria's (each a share of its scale) where it has
    criteria, else its own grade's place on the scale; ``None`` when not scored, graded or applicable."""
    if not standard.graded:
        return None
    if standard.criteria:
        judged = [(c, g) for c, g in _judged(standard, org_type, responses) if g is not None and c.scale.scored]
        return sum(c.scale.percent(g) for c, g in judged) / len(judged) if judged else None
    response = responses.get(standard.id)
    if not scale.scored or response is None or response.not_applicable or response.grade is None:
        return None
    return scale.percent(response.grade)


def audit_scores(standards: Iterable[Standard], scale: GradeScale, org_type: str,
                 responses: Mapping[str, ResponseRow]) -> tuple[dict[str, float], float | None]:
    """Each standard's % score (standards without one left out) and the overall score: the mean of
    the standards' scores, so every standard weighs the same however many criteria it has."""
    per_standard = {}
    for standard in standards:
        percent = standard_percent(standard, scale, org_type, responses)
        if percent is not None:
            per_standard[standard.id] = percent
    return per_standard, (sum(per_standard.values()) / len(per_standard) if per_standard else None)

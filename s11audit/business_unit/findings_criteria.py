"""Findings per criterion and % scores (standards format 2), gathered in the same pass as ``findings``.

The rules, in the users' words:
- A criterion's figures count the returns from organisations to whom its standard and the
  criterion apply. **Graded** are those with a grade on the chosen basis (the moderated grade where
  the business unit recorded one, on the moderated basis); **% meeting** is of those graded, at or
  above the meets level of the criterion's own scale. Not applicable (the criterion, or its whole
  standard) and not graded are shown in the spread of grades but left out of the percentage.
- The **mean score** is the mean of the graded levels' scores, when the criterion's scale is scored.
- **Moderated against self**: how many of a criterion's grades were moderated, how many moderated
  grades equal the self-grade, and (scored scales) the mean self-score and mean moderated score of
  those moderated returns.
- On the moderated basis, a standard whose grade **comes from its criteria** (and was not moderated
  itself) takes the grade its criteria give with their moderated grades where recorded
  (:func:`basis_grade`); agreement still counts only standards moderated themselves.
- A standard's **% score** is ``grading.standard_percent`` for each return (the mean of its criteria's
  places on their scales, or its own grade's place), averaged over the returns that have one;
  the **overall % score** is the mean of every such standard % score of every return (each graded
  standard of each return counts once). Only when the set's scale (or the criteria's) is scored. A
  standard without criteria gets its figure from its grade counts, so a format 1 set costs nothing
  per return.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict

from s11audit.business_unit.findings_model import (NOT_APPLICABLE, NOT_GRADED, Agreement, CriterionFindings,
                                                   grade_figures)
from s11audit.business_unit.records import Basis, ReturnRecord
from s11audit.grading import derived_grade
from s11audit.standards import StandardsSet
from s11audit.standards.model import Standard
from s11audit.store.rows import ResponseRow


def basis_grade(record: ReturnRecord, standard: Standard, standards_set: StandardsSet, basis: Basis) -> str | None:
    """The grade findings count for a standard on ``basis`` (see the module docstring)."""
    if (basis == "moderated" and standard.derived and standard.id not in record.moderated
            and standard.id not in record.not_applicable
            and any(c.id in record.moderated_criteria for c in standard.criteria)):
        responses = {c.id: ResponseRow(c.id, record.criterion_grade(c.id, basis), c.id in record.criteria_na)
                     for c in standard.criteria}
        return derived_grade(standard, standards_set.grade_scale, record.org_type, responses)
    return record.grade(standard.id, basis)


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


class CriteriaTally:
    """Criterion grades and % scores of every record, summed up at the end."""

    def __init__(self, standards_set: StandardsSet, basis: Basis):
        self.set = standards_set
        self.moderated_basis = basis == "moderated"
        self.counts: dict[str, Counter] = defaultdict(Counter)  # criterion id -> level id or marker -> n
        self.scores: dict[str, list[float]] = defaultdict(list)
        self.agreed: Counter = Counter()
        self.moderated: Counter = Counter()
        self.pairs: dict[str, list[tuple[float, float]]] = defaultdict(list)  # (self score, moderated score)
        self.percents: dict[str, list[float]] = defaultdict(list)  # standard id -> % score per return
        self.overall_sum, self.overall_n = 0.0, 0
        self.scored = standards_set.grade_scale.scored or any(
            c.scale.scored for s in standards_set.standards for c in s.criteria)
        scale = standards_set.grade_scale
        self.level_percent = {level.id: scale.percent(level.id) for level in scale.levels} if scale.scored else {}
        # Per criterion, its scale's scores and places (0-100) by level id, looked up once: these run for
        # every criterion of every return (10,000 returns: a quarter of a million times).
        self.facts: dict[str, tuple[bool, dict[str, float], dict[str, float]]] = {}
        for standard in standards_set.standards:
            for c in standard.criteria:
                levels = c.scale.levels
                self.facts[c.id] = (c.scale.scored, {level.id: level.score for level in levels},
                                    {level.id: c.scale.percent(level.id) for level in levels} if c.scale.scored else {})

    def add(self, record: ReturnRecord, graded: list[tuple[Standard, list]]) -> None:
        """One record; ``graded`` is each standard with criteria that applies, with the criteria that apply."""
        for standard, criteria in graded:
            standard_na = standard.id in record.not_applicable
            for criterion in criteria:
                self._criterion(record, criterion, standard_na)
            if self.scored and not standard_na:
                value = self._percent(record, standard, criteria)
                if value is not None:
                    self.percents[standard.id].append(value)

    def _criterion(self, record: ReturnRecord, criterion, standard_na: bool) -> None:
        cid = criterion.id
        if standard_na or cid in record.criteria_na:
            self.counts[cid][NOT_APPLICABLE] += 1
            return
        own = record.criteria.get(cid)
        mod = record.moderated_criteria.get(cid)
        scored, scores, _ = self.facts[cid]
        if mod is not None:
            self.moderated[cid] += 1
            self.agreed[cid] += mod == own
            if scored and own is not None and own in scores and mod in scores:
                self.pairs[cid].append((scores[own], scores[mod]))
        grade = mod if self.moderated_basis and mod is not None else own
        self.counts[cid][grade or NOT_GRADED] += 1
        if grade is not None and scored and grade in scores:
            self.scores[cid].append(scores[grade])

    def _percent(self, record: ReturnRecord, standard: Standard, criteria: list) -> float | None:
        """``grading.standard_percent`` of the record's grades on the basis (the same sum, in the same
        order), with each level's place looked up rather than worked out."""
        na, own, moderated = record.criteria_na, record.criteria, record.moderated_criteria
        total: float = 0
        n = 0
        for c in criteria:
            cid = c.id
            if cid in na:
                continue
            grade = moderated[cid] if self.moderated_basis and cid in moderated else own.get(cid)
            if grade is None:
                continue
            scored, _, places = self.facts[cid]
            if scored:
                place = places.get(grade)
                total += c.scale.percent(grade) if place is None else place  # an unknown level: as grading does
                n += 1
        return total / n if n else None

    def criteria_of(self, standard: Standard, group_id: str) -> tuple[CriterionFindings, ...]:
        found = []
        for c in standard.criteria:
            pairs = self.pairs.get(c.id, [])
            found.append(CriterionFindings(
                c.id, standard.id, c.number, c.text, c.scale.id, grade_figures(c.scale, self.counts[c.id]),
                _mean(self.scores.get(c.id, [])), Agreement(self.agreed[c.id], self.moderated[c.id]),
                _mean([a for a, _ in pairs]), _mean([b for _, b in pairs]), group_id))
        return tuple(found)

    def percent_of(self, standard: Standard, grade_counts: Counter) -> tuple[float | None, int]:
        """A standard's mean % score and how many returns have one (from its grade counts when it has
        no criteria); adds them to the overall figure."""
        if standard.criteria:
            values = self.percents.get(standard.id, [])
            total, n = sum(values), len(values)
        else:
            n = sum(grade_counts.get(level, 0) for level in self.level_percent)
            total = sum(grade_counts.get(level, 0) * value for level, value in self.level_percent.items())
        self.overall_sum += total
        self.overall_n += n
        return (total / n if n else None), n

    @property
    def overall_percent(self) -> float | None:
        return self.overall_sum / self.overall_n if self.overall_n else None

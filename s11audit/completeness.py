"""What is still missing before an audit is complete, in the order a person would fix it.

Computed from plain data (no database, no Qt) so the UI, the CLI and sign-off share one rule.
A standard is judged by its grade (or N/A) and what that grade needs (an action, evidence, an
example); a standard with graded criteria (standards format 2) by each of its criteria the same
way, its own grade being chosen or worked out from them; an information section only by its
required answers. ``hints`` are not missing, only worth a look (a date older than its item asks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from s11audit.dates import within_window
from s11audit.standards import StandardsSet
from s11audit.standards.model import Criterion, GradeScale, ItemType, NotApplicable, Requirement, Standard
from s11audit.store.rows import ActionRow, EvidenceRow, ResponseRow


class Gap(StrEnum):
    UNGRADED = "ungraded"
    NA_REASON = "na_reason"
    NEEDS_ACTION = "needs_action"
    NEEDS_EVIDENCE = "needs_evidence"
    NEEDS_EXAMPLE = "needs_example"
    UNANSWERED = "unanswered"
    OUT_OF_DATE = "out_of_date"  # a hint only: the date given is older than the item asks
    # An annual compliance statement's own gaps (``store/statement.py``; a declined standard with no new
    # action is NEEDS_ACTION).
    NO_POSITION = "no_position"
    CHANGE_NARRATIVE = "change_narrative"
    ACTION_PROGRESS = "action_progress"


@dataclass(frozen=True)
class Missing:
    gap: Gap
    standard_id: str
    item_id: str  # the item or criterion, "" for the standard itself
    message: str


@dataclass(frozen=True)
class Completeness:
    done: int
    total: int
    missing: tuple[Missing, ...]
    # standard id -> (checks done, checks in all): each grade or N/A given, each required answer, and each
    # reason, action, evidence or example a grade needs; done == total exactly when nothing is missing.
    per_standard: Mapping[str, tuple[int, int]]
    hints: tuple[Missing, ...] = ()

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else int(100 * self.done / self.total)

    @property
    def complete(self) -> bool:
        return not self.missing

    def for_standard(self, standard_id: str) -> list[Missing]:
        return [m for m in self.missing if m.standard_id == standard_id]


def not_applicable_rule(target: Standard | Criterion) -> NotApplicable:
    """Whether a standard or criterion may be marked not applicable (resolved when the set was built)."""
    return target.not_applicable


@dataclass(frozen=True)
class _Links:
    """What the organisation has linked: evidence and actions, to standards and to criteria."""

    evidence: frozenset[str]  # standard ids and criterion/item ids with evidence linked
    actions: frozenset[str]  # standard ids and criterion ids with an action

    @classmethod
    def of(cls, evidence: Iterable[EvidenceRow], actions: Iterable[ActionRow]) -> _Links:
        linked = {target for row in evidence for sid, iid in row.links for target in (sid, iid) if target}
        acted = {target for a in actions for target in (a.standard_id, getattr(a, "criterion_id", "")) if target}
        return cls(frozenset(linked), frozenset(acted))


def _judgement_checks(target: Standard | Criterion, standard_id: str, item_id: str, name: str, scale: GradeScale, *,
                      response: ResponseRow, links: _Links) -> list[tuple[bool, Missing]]:
    """Each thing one standard or criterion asks for, (met, what is missing if not): its grade (or N/A)
    first, then the reason, action, evidence or example that choice needs. Counting them one by one
    lets "Done" rise as soon as a grade is given, not only once everything it needs is there too."""
    target_id = item_id or standard_id
    if response.not_applicable:
        checks = [(True, Missing(Gap.UNGRADED, standard_id, item_id, f"{name}: not graded yet"))]
        if not_applicable_rule(target) is NotApplicable.REASON_REQUIRED:
            checks.append((bool(response.na_reason.strip()), Missing(
                Gap.NA_REASON, standard_id, item_id, f"{name}: marked not applicable without a reason")))
        return checks
    if response.grade is None:
        return [(False, Missing(Gap.UNGRADED, standard_id, item_id, f"{name}: not graded yet"))]
    checks = [(True, Missing(Gap.UNGRADED, standard_id, item_id, f"{name}: not graded yet"))]
    level = scale.level(response.grade)
    if level.needs_action:
        checks.append((target_id in links.actions, Missing(
            Gap.NEEDS_ACTION, standard_id, item_id,
            f"{name}: graded {level.label}, which needs an action; none added yet")))
    needs = {level.requires, getattr(target, "requires", None)} - {None}
    if Requirement.EVIDENCE in needs:
        checks.append((target_id in links.evidence, Missing(
            Gap.NEEDS_EVIDENCE, standard_id, item_id, f"{name}: {level.label} may only be chosen with evidence linked"
            if level.requires is Requirement.EVIDENCE else f"{name}: needs evidence linked")))
    if Requirement.EXAMPLE in needs:
        checks.append((bool(response.example.strip()), Missing(
            Gap.NEEDS_EXAMPLE, standard_id, item_id, f"{name}: {level.label} needs a best-practice example"
            if level.requires is Requirement.EXAMPLE else f"{name}: needs a best-practice example")))
    return checks


def _answered(value: Any) -> bool:
    return value is not None and value not in ([], "")


class _Checker:
    def __init__(self, standards_set: StandardsSet, org_type: str, responses: Mapping[str, ResponseRow],
                 answers: Mapping[str, Any], links: _Links, today: dt.date):
        self.set, self.org_type, self.responses, self.answers, self.links = (standards_set, org_type, responses,
                                                                             answers, links)
        self.today = today
        self.missing: list[Missing] = []
        self.hints: list[Missing] = []

    def response(self, target_id: str) -> ResponseRow:
        return self.responses.get(target_id) or ResponseRow(target_id)

    def standard(self, standard: Standard) -> tuple[int, int]:
        """(checks done, checks in all) for one standard, adding what is missing."""
        done = total = 0
        name = f"Standard {standard.number}"
        response = self.response(standard.id)
        checks: list[tuple[bool, Missing]] = []
        if (standard.graded and not standard.derived) or response.not_applicable:
            checks += _judgement_checks(standard, standard.id, "", name, self.set.grade_scale, response=response,
                                        links=self.links)
        elif standard.derived and response.grade is not None:
            # Worked out from its criteria: only what its grade needs (an action, evidence) is asked for here.
            checks += _judgement_checks(standard, standard.id, "", name, self.set.grade_scale, response=response,
                                        links=self.links)[1:]
        if not response.not_applicable:
            for criterion in standard.criteria_for(self.org_type):
                checks += _judgement_checks(criterion, standard.id, criterion.id,
                                            f"{name}, criterion {criterion.number}", criterion.scale,
                                            response=self.response(criterion.id), links=self.links)
        done, total = sum(met for met, _ in checks), len(checks)
        self.missing.extend(missing for met, missing in checks if not met)
        if response.not_applicable:
            return done, total
        items_done, items_total = self.items(standard, name)
        return done + items_done, total + items_total

    def items(self, standard: Standard, name: str) -> tuple[int, int]:
        done = total = 0
        for item in standard.items_for(self.org_type):
            value = self.answers.get(item.id)
            if (item.type is ItemType.DATE and item.within and value
                    and not within_window(value, item.within, self.today)):
                self.hints.append(Missing(Gap.OUT_OF_DATE, standard.id, item.id,
                                          f"{name}, item {item.id}: the date given ({value}) is older "
                                          "than it should be"))
            if not item.required:
                continue
            total += 1
            if _answered(value):
                done += 1
            else:
                self.missing.append(Missing(Gap.UNANSWERED, standard.id, item.id,
                                            f"{name}, item {item.id}: not answered"))
        return done, total


def check(
    standards_set: StandardsSet,
    org_type: str,
    responses: Mapping[str, ResponseRow],
    answers: Mapping[str, Any],
    evidence: Iterable[EvidenceRow],
    actions: Iterable[ActionRow],
    *,
    today: dt.date | None = None,
) -> Completeness:
    checker = _Checker(standards_set, org_type, responses, answers, _Links.of(evidence, actions),
                       today or dt.date.today())
    per_standard: dict[str, tuple[int, int]] = {}
    for standard in standards_set.standards_for(org_type):
        per_standard[standard.id] = checker.standard(standard)
    done = sum(d for d, _ in per_standard.values())
    total = sum(t for _, t in per_standard.values())
    return Completeness(done, total, tuple(checker.missing), per_standard, tuple(checker.hints))

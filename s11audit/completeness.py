"""What is still missing before an audit is complete, in the order a person would fix it.

Computed from plain data (no database, no Qt) so the UI, the CLI and sign-off share one rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from s11audit.standards import StandardsSet
from s11audit.standards.model import Requirement
from s11audit.store.rows import ActionRow, EvidenceRow, ResponseRow


class Gap(StrEnum):
    UNGRADED = "ungraded"
    NA_REASON = "na_reason"
    NEEDS_ACTION = "needs_action"
    NEEDS_EVIDENCE = "needs_evidence"
    NEEDS_EXAMPLE = "needs_example"
    UNANSWERED = "unanswered"


@dataclass(frozen=True)
class Missing:
    gap: Gap
    standard_id: str
    item_id: str
    message: str


@dataclass(frozen=True)
class Completeness:
    done: int
    total: int
    missing: tuple[Missing, ...]
    per_standard: Mapping[str, tuple[int, int]]  # standard id -> (checks done, checks in all)

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else int(100 * self.done / self.total)

    @property
    def complete(self) -> bool:
        return not self.missing

    def for_standard(self, standard_id: str) -> list[Missing]:
        return [m for m in self.missing if m.standard_id == standard_id]


def check(
    standards_set: StandardsSet,
    org_type: str,
    responses: Mapping[str, ResponseRow],
    answers: Mapping[str, Any],
    evidence: Iterable[EvidenceRow],
    actions: Iterable[ActionRow],
) -> Completeness:
    scale = standards_set.grade_scale
    evidenced = {sid for row in evidence for sid, _ in row.links}
    with_actions = {a.standard_id for a in actions}
    missing: list[Missing] = []
    per_standard: dict[str, tuple[int, int]] = {}
    done = total = 0
    for standard in standards_set.standards_for(org_type):
        s_done = s_total = 0
        response = responses.get(standard.id) or ResponseRow(standard.id)
        name = f"Standard {standard.number}"
        s_total += 1
        gaps: list[Missing] = []
        if response.not_applicable:
            if scale.not_applicable_reason_required and not response.na_reason.strip():
                gaps.append(Missing(Gap.NA_REASON, standard.id, "", f"{name}: marked not applicable without a reason"))
        elif response.grade is None:
            gaps.append(Missing(Gap.UNGRADED, standard.id, "", f"{name}: not graded yet"))
        else:
            level = scale.level(response.grade)
            if level.needs_action and standard.id not in with_actions:
                gaps.append(Missing(Gap.NEEDS_ACTION, standard.id, "", f"{name}: graded {level.label}, which needs an action; none added yet"))
            if level.requires is Requirement.EVIDENCE and standard.id not in evidenced:
                gaps.append(Missing(Gap.NEEDS_EVIDENCE, standard.id, "", f"{name}: {level.label} may only be chosen with evidence linked"))
            if level.requires is Requirement.EXAMPLE and not response.example.strip():
                gaps.append(Missing(Gap.NEEDS_EXAMPLE, standard.id, "", f"{name}: {level.label} needs a best-practice example"))
        s_done += not gaps
        missing.extend(gaps)
        if not response.not_applicable:
            for item in standard.items_for(org_type):
                if not item.required:
                    continue
                s_total += 1
                if answers.get(item.id) is None:
                    missing.append(Missing(Gap.UNANSWERED, standard.id, item.id, f"{name}, item {item.id}: not answered"))
                else:
                    s_done += 1
        per_standard[standard.id] = (s_done, s_total)
        done += s_done
        total += s_total
    return Completeness(done, total, tuple(missing), per_standard)

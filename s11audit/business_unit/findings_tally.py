"""The one pass over a cycle's records that ``findings.compute_findings`` summarises: grades, answers,
actions and agreement counted by organisation type and sector (no Qt, no SQLite).

Kept apart from the summary so the hot loops read on their own. Records are grouped by (type,
sector). A "plain" record (nothing marked not applicable, nothing moderated) is counted a standard or
item at a time over its whole group with ``map(dict.get, ...)``, which runs in C: 10,000 returns of
~70 answers each in a few tens of milliseconds. The others are counted one record at a time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import NamedTuple

from s11audit.business_unit.findings_criteria import basis_grade
from s11audit.business_unit.findings_model import NOT_APPLICABLE, NOT_GRADED
from s11audit.business_unit.records import Basis, ReturnRecord
from s11audit.standards import StandardsSet
from s11audit.standards.model import Standard


class TypePlan(NamedTuple):
    """What applies to every record of one organisation type, worked out once per type."""

    applicable: tuple[str, ...]  # graded standard ids that apply
    items: dict[str, str]  # item id -> standard id, of the items that apply (information standards too)
    information: tuple[str, ...]  # information standard ids that apply
    criteria: list[tuple[Standard, list]]  # graded standards with criteria, with the criteria that apply


def type_plans(standards_set: StandardsSet, kinds: Iterable[str]) -> dict[str, TypePlan]:
    """A plan for each organisation type in ``kinds``."""
    graded = tuple(s for s in standards_set.standards if s.graded)
    return {kind: _plan(standards_set.standards, graded, kind) for kind in kinds}


def _plan(every: Sequence[Standard], graded: Sequence[Standard], kind: str) -> TypePlan:
    return TypePlan(tuple(s.id for s in graded if s.applies(kind)),
                    {i.id: s.id for s in every if s.applies(kind) for i in s.items if i.applies(kind)},
                    tuple(s.id for s in every if not s.graded and s.applies(kind)),
                    [(s, s.criteria_for(kind)) for s in graded if s.applies(kind) and s.criteria])


def _plain_and_others(group: list[ReturnRecord]) -> tuple[list[ReturnRecord], list[ReturnRecord]]:
    """The "plain" records of a group (nothing marked not applicable, nothing moderated), and the others."""
    plain = [r for r in group if not (r.not_applicable or r.moderated or r.moderated_criteria)]
    if len(plain) == len(group):
        return plain, []
    return plain, [r for r in group if r.not_applicable or r.moderated or r.moderated_criteria]


def graded_counts(grades) -> Counter:
    """Grades counted, with no grade (None or "") counted as not graded."""
    counts = Counter(grades)
    ungraded = counts.pop(None, 0) + counts.pop("", 0)
    if ungraded:
        counts[NOT_GRADED] += ungraded
    return counts


GradeTable = dict[str, Counter]  # standard id -> grade or marker -> n


class ReturnsTally:
    """Counts gathered from the records, read by ``compute_findings`` when it builds the figures.

    ``count_answers`` is False when the caller has the item findings already: answers are then not
    collected at all.
    """

    def __init__(self, standards_set: StandardsSet, basis: Basis, count_answers: bool = True):
        self._set = standards_set
        self._basis = basis
        self._moderated_basis = basis == "moderated"
        self._derived = {s.id: s for s in standards_set.standards if s.graded and s.derived}
        self._count_answers = count_answers
        self.type_count: Counter = Counter()
        self.sector_count: Counter = Counter()
        self.na_count: Counter = Counter()  # (type, standard id) -> marked not applicable
        self.values: dict[str, list] = defaultdict(list)  # item id -> answers of respondents
        self.actions: Counter = Counter()  # standard id -> actions
        self.open_actions: Counter = Counter()  # standard id -> actions not complete
        self.agreed: Counter = Counter()  # standard id -> moderated grades equal to the self-grade
        self.moderated_n: Counter = Counter()  # standard id -> moderated grades
        self._grade_keys: list[tuple[str, str, str, str]] = []  # (standard, sector, type, grade or marker)
        self._grouped_grades: list[tuple[str, str, str, Counter]] = []  # (standard, sector, type, grade -> n)

    def add(self, records: Sequence[ReturnRecord], plans: dict[str, TypePlan]) -> None:
        """Count ``records``; ``plans`` has a plan for each of their types."""
        groups: dict[tuple[str, str], list[ReturnRecord]] = defaultdict(list)
        for record in records:
            groups[record.org_type, record.sector].append(record)
        for (kind, sector), group in groups.items():
            self._add_group(kind, sector, group, plans[kind])

    def _add_group(self, kind: str, sector: str, group: list[ReturnRecord], plan: TypePlan) -> None:
        self.type_count[kind] += len(group)
        self.sector_count[sector] += len(group)
        plain, others = _plain_and_others(group)
        if plain:
            self._add_plain(kind, sector, plain, plan)
        for record in others:
            self._add_record(kind, sector, record, plan)
        self.actions.update([a.standard_id for r in group for a in r.actions])
        self.open_actions.update([a.standard_id for r in group for a in r.actions if a.status != "complete"])

    def _add_plain(self, kind: str, sector: str, plain: list[ReturnRecord], plan: TypePlan) -> None:
        """Plain records, a standard or item at a time over the group (``map`` runs in C)."""
        grade_maps = [r.grades for r in plain]
        for sid in plan.applicable:
            self._grouped_grades.append((sid, sector, kind, graded_counts(map(dict.get, grade_maps, repeat(sid)))))
        if not self._count_answers:
            return
        values = self.values
        answer_maps = [r.answers for r in plain]
        for iid in plan.items:
            found = list(map(dict.get, answer_maps, repeat(iid)))
            values[iid].extend([value for value in found if value is not None] if None in found else found)

    def _add_record(self, kind: str, sector: str, record: ReturnRecord, plan: TypePlan) -> None:
        """A record with something marked not applicable or moderated, on its own."""
        na = record.not_applicable
        self._add_grades(kind, sector, record, plan.applicable)
        for sid in plan.information:  # only for who counts as a respondent to its items
            if sid in na:
                self.na_count[kind, sid] += 1
        if not self._count_answers:
            return
        items, values = plan.items, self.values
        for iid, value in record.answers.items():
            item_standard = items.get(iid)
            if item_standard is not None and value is not None and item_standard not in na:
                values[iid].append(value)

    def _add_grades(self, kind: str, sector: str, record: ReturnRecord, applicable: tuple[str, ...]) -> None:
        na, grades, moderated = record.not_applicable, record.grades, record.moderated
        grade_keys, na_count, moderated_n, agreed = self._grade_keys, self.na_count, self.moderated_n, self.agreed
        moderated_basis = self._moderated_basis
        from_criteria = moderated_basis and bool(record.moderated_criteria)  # derived standards' grades
        for sid in applicable:
            if sid in na:
                na_count[kind, sid] += 1
                grade_keys.append((sid, sector, kind, NOT_APPLICABLE))
                continue
            own = grades.get(sid)
            mod = moderated.get(sid)
            if mod is not None:
                moderated_n[sid] += 1
                if mod == own:
                    agreed[sid] += 1
            grade = mod if moderated_basis and mod is not None else own
            if from_criteria and mod is None and sid in self._derived:
                grade = basis_grade(record, self._derived[sid], self._set, self._basis)
            grade_keys.append((sid, sector, kind, grade or NOT_GRADED))

    def grade_tables(self) -> tuple[GradeTable, dict[str, dict[str, Counter]], dict[str, dict[str, Counter]]]:
        """The grade counts per standard: overall, by sector and by type."""
        overall: GradeTable = defaultdict(Counter)
        per_sector: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        per_type: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        for (sid, sector, kind, grade), n in Counter(self._grade_keys).items():
            overall[sid][grade] += n
            per_sector[sid][sector][grade] += n
            per_type[sid][kind][grade] += n
        for sid, sector, kind, counts in self._grouped_grades:
            overall[sid].update(counts)
            per_sector[sid][sector].update(counts)
            per_type[sid][kind].update(counts)
        return overall, per_sector, per_type

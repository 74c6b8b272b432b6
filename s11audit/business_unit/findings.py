"""Findings: what a cycle's returns say, computed from plain ``ReturnRecord``s (no Qt, no SQLite).

One pass over the records collects grades and answers into flat lists and counters; the figures
are summarised from those at the end, so 10,000 returns of a full set take well under a second.

The rules, in the users' words:
- **% meeting** a standard is the share of organisations *graded* on it whose grade is at or above
  the scale's "meets" level. Not applicable and not graded are shown in the distribution but left
  out of the percentage. Standards that do not apply to an organisation's type are left out whole.
- On the **moderated** basis the moderated grade counts where the business unit recorded one and
  the self-grade otherwise.
- A **checklist item** counts the organisations to whom it applies (its ``applies_to`` and its
  standard's, and the standard not marked not applicable) as *respondents*; percentages are of
  those respondents who answered. Answers to items that do not apply are ignored.
- The **headline figure** of an item, used for ranking and change since last cycle: % "yes" for
  yes/no, % meeting for graded, % within the item's window for dates (its ``within``; two years
  when it gives none), the mean for percentage items.
- A **multi-select** item gives the % of respondents ticking each option: of the organisations who
  answered the item (ticked at least one), so the options add up to more than 100 %.
- **Information** standards (format 2) are never graded: they are left out of the standards'
  figures (grades, % meeting, weakest, change); their items are counted like any other.
- **Criteria** (format 2): figures per criterion and % scores, see ``findings_criteria``. Standards
  and items carry their part (``group_id``) so reports can group them.
- **Change** is in percentage points, only where both cycles have the standard or item id and a
  figure; for choice and multi-choice items, per option (the % choosing or ticking it) where both
  cycles have the option.
- **Agreement** is the share of moderated standards whose moderated grade equals the self-grade.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import repeat

from s11audit.business_unit.findings_model import (
    NOT_APPLICABLE,
    NOT_GRADED,
    Agreement,
    Change,
    DateSummary,
    Findings,
    GradeFigures,
    ItemFindings,
    NumberSummary,
    StandardFindings,
    grade_figures,
    percent,
)
from s11audit.business_unit.findings_criteria import CriteriaTally, basis_grade
from s11audit.business_unit.records import Basis, ReturnRecord
from s11audit.dates import DEFAULT_WITHIN, window_start
from s11audit.standards import GradeScale, ItemType, StandardsSet

__all__ = ["Agreement", "Change", "DateSummary", "Findings", "GradeFigures", "ItemFindings",
           "NumberSummary", "StandardFindings", "compute_findings", "grade_figures", "percent"]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


_NUMBER_TYPES = (int, float)  # by exact type: True and False are not numbers here


def _numbers(values: list) -> NumberSummary | None:
    nums = list(map(float, [v for v in values if type(v) in _NUMBER_TYPES]))
    if not nums:
        return None
    return NumberSummary(len(nums), statistics.median(nums), min(nums), max(nums), statistics.fmean(nums))


def _dates(values: list, cutoff: dt.date) -> DateSummary | None:
    days: Counter = Counter()
    for text, n in Counter([str(value)[:10] for value in values]).items():  # each date read once
        try:
            days[dt.date.fromisoformat(text)] += n
        except ValueError:
            continue
    if not days:
        return None
    return DateSummary(days.total(), sum(n for d, n in days.items() if d >= cutoff), min(days), max(days))


def _item_findings(item, standard_id: str, respondents: int, values: list, scale: GradeScale,
                   today: dt.date, group_id: str = "") -> ItemFindings:
    kind = item.type
    base = {"item_id": item.id, "standard_id": standard_id, "label": item.label, "type": kind, "respondents": respondents,
            "within": item.within if kind is ItemType.DATE else "", "group_id": group_id}
    if kind is ItemType.YES_NO:
        counts = Counter(values)
        return ItemFindings(**base, answered=counts["yes"] + counts["partly"] + counts["no"], yes=counts["yes"],
                            partly=counts["partly"], no=counts["no"])
    if kind in (ItemType.NUMBER, ItemType.PERCENTAGE):
        summary = _numbers(values)
        return ItemFindings(**base, answered=summary.n if summary else 0, numbers=summary)
    if kind is ItemType.DATE:
        summary = _dates(values, window_start(item.within or DEFAULT_WITHIN, today))
        return ItemFindings(**base, answered=summary.n if summary else 0, dates=summary)
    if kind is ItemType.CHOICE:
        counts = Counter(values)
        choices = tuple((c, counts.get(c, 0)) for c in item.choices)
        return ItemFindings(**base, answered=sum(n for _, n in choices), choices=choices)
    if kind is ItemType.MULTI_CHOICE:
        ticked = [value for value in values if isinstance(value, list) and value]
        counts = Counter(choice for value in ticked for choice in set(value))
        return ItemFindings(**base, answered=len(ticked), choices=tuple((c, counts.get(c, 0)) for c in item.choices))
    if kind is ItemType.GRADED:
        figures = grade_figures(scale, Counter(values))
        return ItemFindings(**base, answered=figures.graded, grades=figures)
    return ItemFindings(**base, answered=sum(1 for v in values if str(v).strip()))


def _graded(grades) -> Counter:
    """Grades counted, with no grade (None or "") counted as not graded."""
    counts = Counter(grades)
    ungraded = counts.pop(None, 0) + counts.pop("", 0)
    if ungraded:
        counts[NOT_GRADED] += ungraded
    return counts


def _changes(current: list[tuple[str, str, float | None]], previous: dict[str, float | None]) -> tuple[Change, ...]:
    return tuple(Change(key, label, previous[key], figure) for key, label, figure in current
                 if figure is not None and previous.get(key) is not None)


_CHOICE_TYPES = (ItemType.CHOICE, ItemType.MULTI_CHOICE)


def _item_figures(items: Sequence[ItemFindings]) -> list[tuple[tuple[str, str], str, float | None]]:
    """Each item's headline figure, and for a choice or multi-choice item each option's % (keyed by
    (item id, option); option "" is the item's own figure)."""
    figures = []
    for f in items:
        figures.append(((f.item_id, ""), f.label, f.headline))
        if f.type in _CHOICE_TYPES:
            figures += [((f.item_id, choice), f"{f.label}: {choice}", share) for choice, share in f.choice_percents]
    return figures


def _item_changes(current: Sequence[ItemFindings], previous: Sequence[ItemFindings]) -> tuple[Change, ...]:
    before = {key: figure for key, _, figure in _item_figures(previous)}
    return tuple(Change(key[0], label, before[key], figure, key[1]) for key, label, figure in _item_figures(current)
                 if figure is not None and before.get(key) is not None)


def compute_findings(standards_set: StandardsSet, records: Sequence[ReturnRecord], *, basis: Basis = "self",
                     previous: Sequence[ReturnRecord] | None = None, previous_set: StandardsSet | None = None,
                     expected: int | None = None, sector: str | None = None, org_type: str | None = None,
                     reference_date: dt.date | None = None,
                     previous_reference_date: dt.date | None = None,
                     items: Sequence[ItemFindings] | None = None, before: Findings | None = None) -> Findings:
    """The findings of ``records`` against ``standards_set`` (see the module docstring for the rules).

    ``previous`` are last cycle's records (against ``previous_set``, by default the same set) for the
    change since last cycle; ``expected`` the number of organisations asked to return; ``sector`` and
    ``org_type`` keep only those records (in both cycles); ``reference_date`` (default today) is what
    "within the last two years" counts back from (for the previous cycle ``previous_reference_date``,
    by default a year before it).

    ``items`` (the item findings of the same records, sector and type, which no basis changes) and
    ``before`` (last cycle's findings on the same basis, sector and type) are used as given when a
    caller has them already (``cycle_findings.FindingsSource``: a basis or filter changed back and forth).
    """
    today = reference_date or dt.date.today()
    items_known = items
    scale = standards_set.grade_scale
    if sector is not None or org_type is not None:
        records = [r for r in records if (sector is None or r.sector == sector)
                   and (org_type is None or r.org_type == org_type)]
    every_standard = standards_set.standards
    standards = tuple(s for s in every_standard if s.graded)  # information standards have no grade figures
    item_standard = {item.id: s.id for s in every_standard for item in s.items}
    group_of = {s.id: s.group for s in every_standard}
    titles = {g.id: g.title for g in standards_set.groups}
    tally = CriteriaTally(standards_set, basis)
    derived = {s.id: s for s in standards if s.derived}

    # Per organisation type: the standards and items that apply (the same for every record of a type).
    plans: dict[str, tuple] = {}
    for kind in {record.org_type for record in records}:
        plans[kind] = (tuple(s.id for s in standards if s.applies(kind)),
                       {i.id: s.id for s in every_standard if s.applies(kind) for i in s.items if i.applies(kind)},
                       tuple(s.id for s in every_standard if not s.graded and s.applies(kind)),
                       [(s, s.criteria_for(kind)) for s in standards if s.applies(kind) and s.criteria])
    type_count: Counter = Counter()
    sector_count: Counter = Counter()
    na_count: Counter = Counter()  # (type, standard id) -> marked not applicable
    grade_keys: list[tuple[str, str, str, str]] = []  # (standard, sector, type, grade or marker)
    grouped_grades: list[tuple[str, str, str, Counter]] = []  # (standard, sector, type, grade -> n) of plain records
    values: dict[str, list] = defaultdict(list)
    actions: Counter = Counter()
    open_actions: Counter = Counter()
    agreed: Counter = Counter()
    moderated_n: Counter = Counter()
    moderated_basis = basis == "moderated"

    # Criteria, in the records' order (the % scores are summed in it).
    if any(plan[3] for plan in plans.values()):
        for record in records:
            graded = plans[record.org_type][3]
            if graded:
                tally.add(record, graded)

    # By (type, sector): a "plain" record (nothing marked not applicable, nothing moderated) counts its
    # grades and answers a standard or item at a time over the group; the others one record at a time.
    groups: dict[tuple[str, str], list[ReturnRecord]] = defaultdict(list)
    for record in records:
        groups[record.org_type, record.sector].append(record)
    for (kind, rsector), group in groups.items():
        applicable, applicable_items, information, _ = plans[kind]
        type_count[kind] += len(group)
        sector_count[rsector] += len(group)
        plain = [r for r in group if not (r.not_applicable or r.moderated or r.moderated_criteria)]
        if plain:
            # map(dict.get, ...) runs in C: 10,000 returns of ~70 answers each in a few tens of milliseconds.
            grade_maps = [r.grades for r in plain]
            for sid in applicable:
                grouped_grades.append((sid, rsector, kind, _graded(map(dict.get, grade_maps, repeat(sid)))))
            answer_maps = [r.answers for r in plain] if items_known is None else []
            for iid in applicable_items if items_known is None else ():
                found = list(map(dict.get, answer_maps, repeat(iid)))
                values[iid].extend([value for value in found if value is not None] if None in found else found)
        for record in group if len(plain) < len(group) else ():
            if not (record.not_applicable or record.moderated or record.moderated_criteria):
                continue
            na, grades, moderated = record.not_applicable, record.grades, record.moderated
            for sid in applicable:
                if sid in na:
                    na_count[kind, sid] += 1
                    grade_keys.append((sid, rsector, kind, NOT_APPLICABLE))
                    continue
                own = grades.get(sid)
                mod = moderated.get(sid)
                if mod is not None:
                    moderated_n[sid] += 1
                    if mod == own:
                        agreed[sid] += 1
                grade = mod if moderated_basis and mod is not None else own
                if moderated_basis and mod is None and record.moderated_criteria and sid in derived:
                    grade = basis_grade(record, derived[sid], standards_set, basis)
                grade_keys.append((sid, rsector, kind, grade or NOT_GRADED))
            for sid in information:  # only for who counts as a respondent to its items
                if sid in na:
                    na_count[kind, sid] += 1
            for iid, value in record.answers.items() if items_known is None else ():
                sid = applicable_items.get(iid)
                if sid is not None and value is not None and sid not in na:
                    values[iid].append(value)
        actions.update([a.standard_id for r in group for a in r.actions])
        open_actions.update([a.standard_id for r in group for a in r.actions if a.status != "complete"])

    overall: dict[str, Counter] = defaultdict(Counter)
    per_sector: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    per_type: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for (sid, rsector, kind, grade), n in Counter(grade_keys).items():
        overall[sid][grade] += n
        per_sector[sid][rsector][grade] += n
        per_type[sid][kind][grade] += n
    for sid, rsector, kind, counts in grouped_grades:
        overall[sid].update(counts)
        per_sector[sid][rsector].update(counts)
        per_type[sid][kind].update(counts)

    standard_findings = []
    for s in standards:
        percent_score, scored = tally.percent_of(s, overall[s.id])
        standard_findings.append(StandardFindings(
            s.id, s.number, s.title, grade_figures(scale, overall[s.id]),
            tuple((key, grade_figures(scale, c)) for key, c in sorted(per_sector[s.id].items())),
            tuple((key, grade_figures(scale, c)) for key, c in sorted(per_type[s.id].items())),
            actions[s.id], open_actions[s.id], Agreement(agreed[s.id], moderated_n[s.id]),
            s.group, titles.get(s.group, ""), tally.criteria_of(s, s.group), percent_score, scored))

    item_findings = list(items_known) if items_known is not None else []
    for s in every_standard if items_known is None else ():
        for item in s.items:
            respondents = sum(n - na_count[kind, s.id] for kind, n in type_count.items()
                              if s.applies(kind) and item.applies(kind))
            item_findings.append(_item_findings(item, item_standard[item.id], respondents, values.get(item.id, []),
                                                scale, today, group_of[s.id]))

    graded = [f for f in standard_findings if f.grades.graded]
    weakest = tuple(sorted(graded, key=lambda f: (f.percent_meeting, -f.grades.below)))
    findings = Findings(
        standards_set.id, standards_set.title, standards_set.version, basis, len(records), expected,
        tuple(sorted(sector_count.items(), key=lambda kv: (-kv[1], kv[0]))),
        tuple(sorted(type_count.items(), key=lambda kv: (-kv[1], kv[0]))),
        tuple(standard_findings), tuple(item_findings), weakest,
        Agreement(sum(agreed.values()), sum(moderated_n.values())), reference_date=today, sector=sector,
        org_type=org_type, groups=tuple((g.id, g.title) for g in standards_set.groups),
        percent_score=tally.overall_percent)
    if previous is None and before is None:
        return findings
    if before is None:
        before = compute_findings(previous_set or standards_set, previous, basis=basis, sector=sector,
                                  org_type=org_type,
                                  reference_date=previous_reference_date or _years_before(today, 1))
    return replace(
        findings, has_previous=True,
        standard_changes=_changes([(f.standard_id, f"{f.number}. {f.title}", f.percent_meeting) for f in standard_findings],
                                  {f.standard_id: f.percent_meeting for f in before.standards}),
        item_changes=_item_changes(item_findings, before.items))

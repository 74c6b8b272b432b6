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
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from s11audit.business_unit.findings_model import (
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
from s11audit.business_unit.findings_criteria import CriteriaTally
from s11audit.business_unit.findings_tally import ReturnsTally, TypePlan, type_plans
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


def _yes_no_figures(item, values: list, scale: GradeScale, today: dt.date) -> dict:
    counts = Counter(values)
    return {"answered": counts["yes"] + counts["partly"] + counts["no"], "yes": counts["yes"],
            "partly": counts["partly"], "no": counts["no"]}


def _number_figures(item, values: list, scale: GradeScale, today: dt.date) -> dict:
    summary = _numbers(values)
    return {"answered": summary.n if summary else 0, "numbers": summary}


def _date_figures(item, values: list, scale: GradeScale, today: dt.date) -> dict:
    summary = _dates(values, window_start(item.within or DEFAULT_WITHIN, today))
    return {"answered": summary.n if summary else 0, "dates": summary}


def _choice_figures(item, values: list, scale: GradeScale, today: dt.date) -> dict:
    counts = Counter(values)
    choices = tuple((c, counts.get(c, 0)) for c in item.choices)
    return {"answered": sum(n for _, n in choices), "choices": choices}


def _multi_choice_figures(item, values: list, scale: GradeScale, today: dt.date) -> dict:
    ticked = [value for value in values if isinstance(value, list) and value]
    counts = Counter(choice for value in ticked for choice in set(value))
    return {"answered": len(ticked), "choices": tuple((c, counts.get(c, 0)) for c in item.choices)}


def _graded_figures(item, values: list, scale: GradeScale, today: dt.date) -> dict:
    figures = grade_figures(scale, Counter(values))
    return {"answered": figures.graded, "grades": figures}


def _text_figures(item, values: list, scale: GradeScale, today: dt.date) -> dict:
    return {"answered": sum(1 for v in values if str(v).strip())}


# An item's figures by its type; any other type (text) counts only who answered.
_FIGURES = {ItemType.YES_NO: _yes_no_figures, ItemType.NUMBER: _number_figures,
            ItemType.PERCENTAGE: _number_figures, ItemType.DATE: _date_figures, ItemType.CHOICE: _choice_figures,
            ItemType.MULTI_CHOICE: _multi_choice_figures, ItemType.GRADED: _graded_figures}


def _item_findings(item, standard_id: str, respondents: int, values: list, scale: GradeScale, *,
                   today: dt.date, group_id: str = "") -> ItemFindings:
    kind = item.type
    figures = _FIGURES.get(kind, _text_figures)(item, values, scale, today)
    return ItemFindings(item_id=item.id, standard_id=standard_id, label=item.label, type=kind, respondents=respondents,
                        within=item.within if kind is ItemType.DATE else "", group_id=group_id, **figures)


def _changes(current: list[tuple[str, str, float | None]], previous: dict[str, float | None]) -> tuple[Change, ...]:
    return tuple(Change(key, label, figure_before, figure) for key, label, figure in current
                 if figure is not None and (figure_before := previous.get(key)) is not None)


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
    return tuple(Change(key[0], label, figure_before, figure, key[1]) for key, label, figure in _item_figures(current)
                 if figure is not None and (figure_before := before.get(key)) is not None)


def compute_findings(standards_set: StandardsSet, records: Sequence[ReturnRecord], *, basis: Basis = "self",  # noqa: PLR0913  # keyword-only options, each with a default
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
    records = _kept(records, sector, org_type)
    plans = type_plans(standards_set, {record.org_type for record in records})
    criteria = _criteria_tally(standards_set, basis, records, plans)
    tally = ReturnsTally(standards_set, basis, count_answers=items is None)
    tally.add(records, plans)
    standard_findings = _standard_findings(standards_set, tally, criteria)
    item_findings = list(items) if items is not None else _all_item_findings(standards_set, tally, today)
    findings = Findings(
        standards_set.id, standards_set.title, standards_set.version, basis, len(records), expected,
        _by_count(tally.sector_count), _by_count(tally.type_count),
        tuple(standard_findings), tuple(item_findings), _weakest(standard_findings),
        Agreement(sum(tally.agreed.values()), sum(tally.moderated_n.values())), reference_date=today, sector=sector,
        org_type=org_type, groups=tuple((g.id, g.title) for g in standards_set.groups),
        percent_score=criteria.overall_percent)
    if before is None:
        if previous is None:
            return findings
        before = compute_findings(previous_set or standards_set, previous, basis=basis, sector=sector,
                                  org_type=org_type,
                                  reference_date=previous_reference_date or _years_before(today, 1))
    return _with_changes(findings, before)


def _kept(records: Sequence[ReturnRecord], sector: str | None, org_type: str | None) -> Sequence[ReturnRecord]:
    """Only the records of ``sector`` and ``org_type`` (None: any)."""
    if sector is None and org_type is None:
        return records
    return [r for r in records if (sector is None or r.sector == sector)
            and (org_type is None or r.org_type == org_type)]


def _criteria_tally(standards_set: StandardsSet, basis: Basis, records: Sequence[ReturnRecord],
                    plans: dict[str, TypePlan]) -> CriteriaTally:
    """Criteria counted in the records' order (the % scores are summed in it)."""
    tally = CriteriaTally(standards_set, basis)
    if any(plan.criteria for plan in plans.values()):
        for record in records:
            graded = plans[record.org_type].criteria
            if graded:
                tally.add(record, graded)
    return tally


def _standard_findings(standards_set: StandardsSet, tally: ReturnsTally,
                       criteria: CriteriaTally) -> list[StandardFindings]:
    """The figures of each graded standard (information standards have none)."""
    scale = standards_set.grade_scale
    titles = {g.id: g.title for g in standards_set.groups}
    overall, per_sector, per_type = tally.grade_tables()
    found = []
    for s in standards_set.standards:
        if not s.graded:
            continue
        percent_score, scored = criteria.percent_of(s, overall[s.id])
        found.append(StandardFindings(
            s.id, s.number, s.title, grade_figures(scale, overall[s.id]),
            tuple((key, grade_figures(scale, c)) for key, c in sorted(per_sector[s.id].items())),
            tuple((key, grade_figures(scale, c)) for key, c in sorted(per_type[s.id].items())),
            tally.actions[s.id], tally.open_actions[s.id], Agreement(tally.agreed[s.id], tally.moderated_n[s.id]),
            s.group, titles.get(s.group, ""), criteria.criteria_of(s, s.group), percent_score, scored))
    return found


def _all_item_findings(standards_set: StandardsSet, tally: ReturnsTally, today: dt.date) -> list[ItemFindings]:
    """The figures of every item of every standard, information standards' included."""
    found = []
    for s in standards_set.standards:
        for item in s.items:
            respondents = sum(n - tally.na_count[kind, s.id] for kind, n in tally.type_count.items()
                              if s.applies(kind) and item.applies(kind))
            found.append(_item_findings(item, s.id, respondents, tally.values.get(item.id, []),
                                        standards_set.grade_scale, today=today, group_id=s.group))
    return found


def _by_count(counts: Counter) -> tuple[tuple[str, int], ...]:
    """Most first, then by name."""
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _weakest(standard_findings: list[StandardFindings]) -> tuple[StandardFindings, ...]:
    graded = [f for f in standard_findings if f.grades.graded]
    return tuple(sorted(graded, key=lambda f: (f.percent_meeting, -f.grades.below)))


def _with_changes(findings: Findings, before: Findings) -> Findings:
    """``findings`` with the change since ``before`` (last cycle's findings on the same basis and filters)."""
    return replace(
        findings, has_previous=True,
        standard_changes=_changes([(f.standard_id, f"{f.number}. {f.title}", f.percent_meeting)
                                   for f in findings.standards],
                                  {f.standard_id: f.percent_meeting for f in before.standards}),
        item_changes=_item_changes(findings.items, before.items))

"""The tidy data behind findings: one row per organisation and standard or checklist item.

What the findings workbook's "Data" sheet holds, for people who want to make their own tables.
Only what applies to the organisation's type is listed; a standard's row holds its grade on the
chosen basis, an item's row the answer as a person reads it and, for numbers, percentages and
dates, the value itself (so a spreadsheet can calculate with it).

Format 2: a standard graded by criteria is followed by one row per criterion (its id in "Item",
its grade on the chosen basis as "Answer"); an information standard has no row of its own, only
its items' rows; every row carries its part (``group``: the part's title) so reports can group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from s11audit.business_unit.findings_criteria import basis_grade
from s11audit.business_unit.records import Basis, ReturnRecord
from s11audit.organisations import type_label
from s11audit.standards import ItemType, StandardsSet
from s11audit.store.answers import YES_NO_LABELS

DATA_COLUMNS = ("Reference", "Organisation", "Sector", "Type", "Standard", "Item", "Question", "Answer")


@dataclass(frozen=True)
class DataRow:
    reference: str
    name: str
    sector: str
    org_type: str  # as people read it
    standard: str  # the standard's number
    item: str  # the item id, "" on a standard's own row
    question: str  # the item's label, or the standard's title
    answer: str  # as people read it ("" if not answered)
    value: float | int | dt.date | None = None  # numbers, percentages (as 0-100) and dates
    is_percentage: bool = False
    group: str = ""  # the title of the standard's part (format 2), "" when the set has no parts


def data_rows(standards_set: StandardsSet, records: Sequence[ReturnRecord], *,
              basis: Basis = "self") -> Iterator[DataRow]:
    """The rows, organisation by organisation, in the set's order of standards and items."""
    scale = standards_set.grade_scale
    labels = {level.id: level.label for level in scale.levels}
    parts = {group.id: group.title for group in standards_set.groups}
    plans: dict[str, list] = {}
    for record in records:
        kind = record.org_type
        plan = plans.get(kind)
        if plan is None:
            plan = plans[kind] = [(s, s.items_for(kind), s.criteria_for(kind)) for s in standards_set.standards_for(kind)]
        who = (record.reference, record.name, record.sector, type_label(kind))
        for standard, items, criteria in plan:
            part = parts.get(standard.group, "")
            if standard.graded:
                yield DataRow(*who, standard.number, "", standard.title,
                              _grade(record, standard, standards_set, basis, labels), group=part)
            na = standard.id in record.not_applicable
            for criterion in criteria:
                c_scale = criterion.scale
                grade = c_scale.not_applicable_label if na or criterion.id in record.criteria_na else \
                    _level_label(c_scale, record.criterion_grade(criterion.id, basis))
                yield DataRow(*who, standard.number, criterion.id, criterion.text, grade, group=part)
            for item in items:
                value = record.answers.get(item.id)
                yield DataRow(*who, standard.number, item.id, item.label, *_answer(item, value, labels), group=part)


def _grade(record: ReturnRecord, standard, standards_set: StandardsSet, basis: Basis, labels) -> str:
    if standard.id in record.not_applicable:
        return standards_set.grade_scale.not_applicable_label
    level = basis_grade(record, standard, standards_set, basis)
    return labels.get(level, level or "")


def _level_label(scale, level: str | None) -> str:
    if level is None:
        return ""
    return scale.level(level).label if scale.has_level(level) else level


def _answer(item, value, labels) -> tuple[str, float | int | dt.date | None, bool]:
    if value is None:
        return "", None, False
    kind = item.type
    if kind is ItemType.YES_NO:
        return YES_NO_LABELS.get(value, str(value)), None, False
    if kind in (ItemType.NUMBER, ItemType.PERCENTAGE) and isinstance(value, (int, float)) \
            and not isinstance(value, bool):
        shown = f"{value:g}%" if kind is ItemType.PERCENTAGE else f"{value:g}"
        return shown, value, kind is ItemType.PERCENTAGE
    if kind is ItemType.DATE:
        try:
            day = dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value), None, False
        return day.isoformat(), day, False
    if kind is ItemType.GRADED:
        return labels.get(value, str(value)), None, False
    if kind is ItemType.MULTI_CHOICE and isinstance(value, list):
        return "; ".join(map(str, value)), None, False
    return str(value), None, False

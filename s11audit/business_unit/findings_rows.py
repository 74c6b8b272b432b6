"""The tidy data behind findings: one row per organisation and standard or checklist item.

What the findings workbook's "Data" sheet holds, for people who want to make their own tables.
Only what applies to the organisation's type is listed; a standard's row holds its grade on the
chosen basis, an item's row the answer as a person reads it and, for numbers, percentages and
dates, the value itself (so a spreadsheet can calculate with it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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


def data_rows(standards_set: StandardsSet, records: Sequence[ReturnRecord], *,
              basis: Basis = "self") -> Iterator[DataRow]:
    """The rows, organisation by organisation, in the set's order of standards and items."""
    scale = standards_set.grade_scale
    labels = {level.id: level.label for level in scale.levels}
    plans: dict[str, list] = {}
    for record in records:
        kind = record.org_type
        plan = plans.get(kind)
        if plan is None:
            plan = plans[kind] = [(s, s.items_for(kind)) for s in standards_set.standards_for(kind)]
        who = (record.reference, record.name, record.sector, type_label(kind))
        for standard, items in plan:
            if standard.id in record.not_applicable:
                grade = scale.not_applicable_label
            else:
                level = record.grade(standard.id, basis)
                grade = labels.get(level, level or "")
            yield DataRow(*who, standard.number, "", standard.title, grade)
            for item in items:
                value = record.answers.get(item.id)
                yield DataRow(*who, standard.number, item.id, item.label, *_answer(item, value, labels))


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
    return str(value), None, False

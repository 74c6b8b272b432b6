"""The tidy data behind findings: one row per organisation and standard or checklist item.

What the findings workbook's "Data" sheet holds, for people who want to make their own tables.
Only what applies to the organisation's type is listed; a standard's row holds its grade on the
chosen basis, an item's row the answer as a person reads it and, for numbers, percentages and
dates, the value itself (so a spreadsheet can calculate with it).

Format 2: a standard graded by criteria is followed by one row per criterion (its id in "Item",
its grade on the chosen basis as "Answer"); an information standard has no row of its own, only
its items' rows; every row carries its part (``group``: the part's title) so reports can group.

At 10,000 returns this is a million rows: :func:`data_by_organisation` gives them an organisation at
a time (the questions shared by every organisation of a type, so a writer works out their cells
once), :func:`data_rows` the same as rows; both are generators, so the rows are never all held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from s11audit.business_unit.findings_criteria import basis_grade
from s11audit.business_unit.records import Basis, ReturnRecord
from s11audit.organisations import type_label
from s11audit.standards import ItemType, StandardsSet
from s11audit.store.answers import YES_NO_LABELS

DATA_COLUMNS = ("Reference", "Organisation", "Sector", "Type", "Standard", "Item", "Question", "Answer")


class DataRow(NamedTuple):
    """One row of the tidy data (a named tuple: a million of them are made for one workbook)."""

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


class Question(NamedTuple):
    """What a row is about: the same for every organisation of a type (columns Standard to Question, Part)."""

    standard: str  # the standard's number
    item: str  # the item or criterion id, "" on a standard's own row
    question: str  # the item's label, the criterion's text or the standard's title
    group: str  # the title of the standard's part, "" when the set has no parts


# (answer as people read it, value or None, is a percentage): DataRow's answer, value, is_percentage
Answer = tuple[str, float | int | dt.date | None, bool]
_STANDARD, _CRITERION, _ITEM = range(3)


def _plan(standards_set: StandardsSet, kind: str) -> tuple[tuple[Question, ...], list[tuple]]:
    """The questions an organisation of type ``kind`` answers, in order, and how to read each answer
    (what, standard, criterion or item, id). The same for every record of the type."""
    parts = {group.id: group.title for group in standards_set.groups}
    questions: list[Question] = []
    how: list[tuple] = []  # (what, standard, criterion or item or None, id)
    for standard in standards_set.standards_for(kind):
        part = parts.get(standard.group, "")
        if standard.graded:
            questions.append(Question(standard.number, "", standard.title, part))
            how.append((_STANDARD, standard, None, ""))
        for criterion in standard.criteria_for(kind):
            questions.append(Question(standard.number, criterion.id, criterion.text, part))
            how.append((_CRITERION, standard, criterion, criterion.id))
        for item in standard.items_for(kind):
            questions.append(Question(standard.number, item.id, item.label, part))
            how.append((_ITEM, standard, item, item.id))
    return tuple(questions), how


def data_by_organisation(standards_set: StandardsSet, records: Iterable[ReturnRecord], *, basis: Basis = "self"
                         ) -> Iterator[tuple[tuple[str, str, str, str], tuple[Question, ...], list[Answer]]]:
    """The tidy data an organisation at a time: (reference, name, sector, type as people read it), the
    questions (one tuple shared by every organisation of a type), and the answers, one per question.

    A generator: one organisation's answers are made at a time, so a caller writing them out never
    holds them all. :func:`data_rows` gives the same as rows.
    """
    labels = {level.id: level.label for level in standards_set.grade_scale.levels}
    plans: dict[str, tuple] = {}
    for record in records:
        kind = record.org_type
        plan = plans.get(kind)
        if plan is None:
            plan = plans[kind] = _plan(standards_set, kind)
        questions, how = plan
        na_standards, given = record.not_applicable, record.answers
        answers: list[Answer] = []
        for what, standard, part_of, key in how:
            if what == _ITEM:
                value = given.get(key)
                answers.append(_NO_ANSWER if value is None else _answer(part_of, value, labels))
            elif what == _CRITERION:
                scale = part_of.scale
                grade = scale.not_applicable_label if standard.id in na_standards or key in record.criteria_na \
                    else _level_label(scale, record.criterion_grade(key, basis))
                answers.append((grade, None, False))
            else:
                answers.append((_grade(record, standard, standards_set, basis, labels), None, False))
        yield (record.reference, record.name, record.sector, type_label(kind)), questions, answers


def data_rows(standards_set: StandardsSet, records: Iterable[ReturnRecord], *,
              basis: Basis = "self") -> Iterator[DataRow]:
    """The rows, organisation by organisation, in the set's order of standards and items (a generator)."""
    for who, questions, answers in data_by_organisation(standards_set, records, basis=basis):
        for (number, key, question, part), answer in zip(questions, answers, strict=True):
            yield DataRow(*who, number, key, question, *answer, part)


def data_row_count(standards_set: StandardsSet, records: Iterable[ReturnRecord]) -> int:
    """How many rows :func:`data_rows` gives for ``records``, without making them."""
    per_type: dict[str, int] = {}
    count = 0
    for record in records:
        kind = record.org_type
        if kind not in per_type:
            per_type[kind] = len(_plan(standards_set, kind)[0])
        count += per_type[kind]
    return count


def _grade(record: ReturnRecord, standard, standards_set: StandardsSet, basis: Basis, labels) -> str:
    if standard.id in record.not_applicable:
        return standards_set.grade_scale.not_applicable_label
    level = basis_grade(record, standard, standards_set, basis)
    return labels.get(level, level or "")


def _level_label(scale, level: str | None) -> str:
    if level is None:
        return ""
    return scale.level(level).label if scale.has_level(level) else level


# Looked up once here: an enum member's lookup costs more than the rest of a row's work.
_YES_NO, _NUMBER, _PERCENTAGE, _DATE, _GRADED, _MULTI_CHOICE = (
    ItemType.YES_NO, ItemType.NUMBER, ItemType.PERCENTAGE, ItemType.DATE, ItemType.GRADED, ItemType.MULTI_CHOICE)


_NO_ANSWER: Answer = ("", None, False)


def _answer(item, value, labels) -> Answer:
    if value is None:
        return _NO_ANSWER
    kind = item.type
    if kind is _YES_NO:
        return YES_NO_LABELS.get(value, str(value)), None, False
    if (kind is _NUMBER or kind is _PERCENTAGE) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return (f"{value:g}%", value, True) if kind is _PERCENTAGE else (f"{value:g}", value, False)
    if kind is _DATE:
        return _date_answer(value)
    if kind is _GRADED:
        return labels.get(value, str(value)), None, False
    if kind is _MULTI_CHOICE and isinstance(value, list):
        return "; ".join(map(str, value)), None, False
    return str(value), None, False


def _date_answer(value) -> Answer:
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value), None, False
    return day.isoformat(), day, False

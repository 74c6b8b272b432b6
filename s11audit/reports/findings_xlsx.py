"""The findings of an audit cycle as an Excel workbook (openpyxl write-only; the Data sheet streamed).

Sheets: "About" (cycle, set, returns received, basis), "Standards" (% meeting and the spread of
grades), "Criteria" (format 2 sets with criteria: per criterion figures on its own scale), "Items"
(checklist figures), "By sector" and "By type" (% meeting per standard), "Change"
(since the last cycle, when there is one) and "Data": one row per organisation and standard,
criterion or item, for people who want to build their own tables. A set with parts gets a "Part"
column; a scored scale a "% score"; date items with their own window a "Window" column. Headers frozen,
filters on, numbers stored as numbers (percentages as fractions with a % format, so Excel calculates with
them); text from returns goes through ``put_text`` and is never a formula. Every sheet prints as ``xlsx_print`` sets
out (fitted to the page width, header row repeated, title and page numbers), long text wrapped in
rows tall enough for it; whole standard numbers are numbers, so that they sort 1, 2, ..., 10.

The Data sheet has a million rows at 10,000 returns: its rows are made one organisation at a time
as the file is written (``findings_rows.data_by_organisation`` into ``xlsx_stream``), never held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from s11audit.business_unit.findings_model import Findings, GradeFigures
from s11audit.business_unit.findings_rows import DATA_COLUMNS, data_by_organisation, data_row_count
from s11audit.business_unit.records import ReturnRecord
from s11audit.figures import percent_text
from s11audit.organisations import type_label
from s11audit.reports import xlsx_print
from s11audit.reports.xlsx import HEADER_FILL, HEADER_FONT, WRAP, put_text
from s11audit.reports.xlsx_stream import CellFormats, save_with_streamed_rows
from s11audit.standards import ItemType, StandardsSet

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

PERCENT = "0.0%"
POINTS = '+0.0" pp";-0.0" pp";0.0" pp"'
DATE = "dd mmm yyyy"
DATA_WIDTHS = (12, 36, 20, 22, 10, 8, 50, 22)
WRAPPED_WIDTH = 28  # text in a column at least this wide wraps (titles, questions, choices)
TOP = Alignment(vertical="top")  # every cell: a row's figures level with the first line of its wrapped text
ITEM_TYPES = {ItemType.GRADED: "Graded", ItemType.YES_NO: "Yes/no", ItemType.NUMBER: "Number",
              ItemType.PERCENTAGE: "Percentage", ItemType.DATE: "Date", ItemType.TEXT: "Text",
              ItemType.CHOICE: "Choice", ItemType.MULTI_CHOICE: "Tick all that apply"}


def item_type_label(kind: ItemType) -> str:
    """An item type as people read it ("Yes/no", not ``yes_no``)."""
    return ITEM_TYPES.get(kind, str(kind).replace("_", " ").capitalize())


class _Sheet:
    """A write-only sheet with a styled, frozen, filtered header row, typed cells, wrapped long text
    in rows tall enough for it, and the print setup of every sheet (``xlsx_print``)."""

    def __init__(self, workbook: Workbook, title: str, columns: Sequence[tuple[str, float]]):
        self.sheet = workbook.create_sheet(title)
        self.document = workbook.properties.title or ""
        self.columns = len(columns)
        self.widths = [width for _, width in columns]
        self.rows = 1
        for index, (_, width) in enumerate(columns, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet.freeze_panes = "A2"
        # Set before the first row: a write-only sheet writes its properties (fit to page) as it starts.
        xlsx_print.page_setup(self.sheet, self.document, widths=self.widths, rows=1)
        # Room for the wrapped column names (long grade labels); rows are written as they are added.
        self.sheet.row_dimensions[1].height = xlsx_print.row_height(
            [(name, width, True) for name, width in columns]) or xlsx_print.LINE_POINTS + 3
        head = []
        for name, _ in columns:
            cell = WriteOnlyCell(self.sheet, name)
            cell.fill, cell.font = HEADER_FILL, HEADER_FONT
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            head.append(cell)
        self.sheet.append(head)

    def cell(self, value, number_format: str = "", width: float = 0):
        if isinstance(value, str):
            cell = WriteOnlyCell(self.sheet)
            put_text(cell, value)
            cell.alignment = WRAP if width >= WRAPPED_WIDTH else TOP
            return cell
        cell = WriteOnlyCell(self.sheet, value)
        cell.alignment = TOP
        if number_format and value is not None:
            cell.number_format = number_format
        return cell

    def add(self, values: Sequence, formats: Sequence[str] = ()) -> None:
        formats = tuple(formats) + ("",) * (len(values) - len(formats))
        self.rows += 1
        height = xlsx_print.row_height([(v, w, False) for v, w in zip(values, self.widths, strict=True)
                                        if w >= WRAPPED_WIDTH])
        if height:  # set before the row is written: a write-only sheet writes each row as it is added
            self.sheet.row_dimensions[self.rows].height = height
        self.sheet.append([self.cell(v, f, w) for v, f, w in zip(values, formats, self.widths, strict=True)])

    def finish(self) -> None:
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(self.columns)}{max(2, self.rows)}"
        self.sheet.print_area = f"A1:{get_column_letter(self.columns)}{self.rows}"


def _fraction(value: float | None) -> float | None:
    return None if value is None else value / 100


def _about(workbook, findings: Findings, set_: StandardsSet, *, partnership: str, cycle: str, filters: str,
           produced: dt.date) -> None:
    sheet = _Sheet(workbook, "About", [("Detail", 26), ("Value", 70)])
    basis = ("Moderated grades (self-grade where not moderated)" if findings.basis == "moderated"
             else "Self-assessed grades")
    rows = [("Partnership", partnership), ("Cycle", cycle), ("Standards set", f"{set_.title}, version {set_.version}"),
            ("Returns received", findings.received), ("Returns expected", findings.expected),
            ("Response rate", _fraction(findings.response_rate)), ("Grades counted", basis),
            ("Returns included", filters or "All"),
            ("Agreement of moderated grades", _fraction(findings.agreement.percent)),
            ("Dates counted back from", findings.reference_date or produced), ("Produced", produced)]
    if findings.percent_score is not None:
        rows.insert(-2, ("Overall % score", _fraction(findings.percent_score)))
    for label, value in rows:
        fmt = PERCENT if label in ("Response rate", "Agreement of moderated grades", "Overall % score") \
            else DATE if label in ("Produced", "Dates counted back from") else ""
        sheet.add([label, value], ["", fmt])
    sheet.finish()


def _grade_columns(set_: StandardsSet) -> list[tuple[str, float]]:
    scale = set_.grade_scale
    columns: list[tuple[str, float]] = [(level.label, 10) for level in scale.levels]
    return [*columns, (scale.not_applicable_label, 10), ("Not graded", 10)]


def _grade_values(figures: GradeFigures) -> list:
    return [n for _, n in figures.counts] + [figures.not_applicable, figures.not_graded]


def _standards(workbook, findings: Findings, set_: StandardsSet) -> None:
    columns: list[tuple[str, float]] = [("No.", 7), ("Standard", 46), ("Graded", 9), ("Meeting", 9), ("% meeting", 11),
                                        ("Rank (weakest 1)", 10)]
    columns += [*_grade_columns(set_), ("Actions", 9), ("Open actions", 9), ("Moderated", 10), ("Agreement", 11)]
    scored = findings.percent_score is not None
    columns += ([("% score", 10)] if scored else []) + ([("Part", 30)] if set_.groups else [])
    sheet = _Sheet(workbook, "Standards", columns)
    rank = {f.standard_id: index for index, f in enumerate(findings.weakest, start=1)}
    for f in findings.standards:
        values = [xlsx_print.sortable(f.number), f.title, f.grades.graded, f.grades.meeting,
                  _fraction(f.percent_meeting), rank.get(f.standard_id), *_grade_values(f.grades)]
        values += [f.actions, f.open_actions, f.agreement.moderated, _fraction(f.agreement.percent)]
        formats = ["", "", "", "", PERCENT] + [""] * (1 + len(_grade_values(f.grades)) + 3) + [PERCENT]
        if scored:
            values.append(_fraction(f.percent_score))
            formats.append(PERCENT)
        if set_.groups:
            values.append(f.group_title)
        sheet.add(values, formats)
    sheet.finish()


def _items(workbook, findings: Findings, set_: StandardsSet) -> None:
    windows = any(i.within for i in findings.items)
    columns = [("Standard", 9), ("Item", 8), ("Checklist item", 50), ("Type", 11), ("Respondents", 12),
               ("Answered", 10), ("% yes", 9), ("% partly", 9), ("% meeting", 10), ("Median", 9), ("Minimum", 9),
               ("Maximum", 9), ("Mean", 9), ("% within the window" if windows else "% within two years", 11),
               ("Oldest", 13), ("Newest", 13), ("Choices", 40)]
    columns += ([("Window", 18)] if windows else []) + ([("Part", 30)] if set_.groups else [])
    sheet = _Sheet(workbook, "Items", columns)
    numbers = {s.id: s.number for s in set_.standards}
    parts = {g.id: g.title for g in set_.groups}
    for i in findings.items:
        n, d = i.numbers, i.dates
        if i.type is ItemType.MULTI_CHOICE:  # % of those who answered ticking each option
            choices = "; ".join(f"{c}: {k} ({percent_text(share)})" for (c, k), (_, share)
                                in zip(i.choices, i.choice_percents, strict=True))
        else:
            choices = "; ".join(f"{c}: {k}" for c, k in i.choices)
        # A percentage item's figures are percentages, as fractions with a % format like the Data sheet's.
        scale, shown = (100, PERCENT) if i.type is ItemType.PERCENTAGE else (1, "")
        values = [xlsx_print.sortable(numbers.get(i.standard_id, i.standard_id)), i.item_id, i.label,
                  item_type_label(i.type), i.respondents, i.answered, _fraction(i.percent_yes),
                  _fraction(i.percent_partly), _fraction(i.grades.percent_meeting) if i.grades else None]
        values += [round(v / scale, 4) for v in (n.median, n.minimum, n.maximum, n.mean)] if n else [None] * 4
        values += [_fraction(d.percent_recent) if d else None, d.oldest if d else None, d.newest if d else None,
                   choices]
        formats = ["", "", "", "", "", "", PERCENT, PERCENT, PERCENT, shown, shown, shown, shown or "0.00", PERCENT,
                   DATE, DATE]
        if windows:
            values.append(i.within_words if i.type is ItemType.DATE else "")
        if set_.groups:
            values.append(parts.get(i.group_id, ""))
        sheet.add(values, formats)
    sheet.finish()


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _criteria(workbook, findings: Findings, set_: StandardsSet) -> None:
    """One row per criterion: its figures on its own scale, moderated against self."""
    rows = [(f, c) for f in findings.standards for c in f.criteria]
    levels: list[tuple[str, str, str]] = []  # (scale id, level id, label): a column per level of each scale
    for _, c in rows:
        for level in set_.criterion(c.criterion_id).scale.levels:
            if (c.scale_id, level.id, level.label) not in levels:
                levels.append((c.scale_id, level.id, level.label))
    columns = [("Standard", 9), ("Criterion", 9), ("Criterion text", 50), ("Graded", 9),
               ("Meeting", 9), ("% meeting", 11), ("Mean score", 10)] + [(label, 12) for _, _, label in levels]
    columns += [("Not applicable", 11), ("Not graded", 11), ("Moderated", 10), ("Agreement", 11),
                ("Mean self score (moderated)", 12), ("Mean moderated score", 12), ("Part", 30)]
    sheet = _Sheet(workbook, "Criteria", columns)
    for f, c in rows:
        counts = dict(c.grades.counts)
        values = [xlsx_print.sortable(f.number), c.number or c.criterion_id, c.text, c.grades.graded, c.grades.meeting,
                  _fraction(c.percent_meeting), _rounded(c.mean_score)]
        values += [counts.get(level_id) if scale_id == c.scale_id else None for scale_id, level_id, _ in levels]
        values += [c.grades.not_applicable, c.grades.not_graded, c.agreement.moderated, _fraction(c.agreement.percent),
                   _rounded(c.self_mean_moderated), _rounded(c.moderated_mean), f.group_title]
        formats = ["", "", "", "", "", PERCENT] + [""] * (len(levels) + 4) + [PERCENT]
        sheet.add(values, formats)
    sheet.finish()


def _breakdown(workbook, findings: Findings, set_: StandardsSet, title: str, attribute: str, label) -> None:
    # The standard's title wide enough for one line mostly: it is repeated on every sector's or type's row.
    columns = [("No.", 7), ("Standard", 64), (title.removeprefix("By ").capitalize(), 28), ("Graded", 9),
               ("Meeting", 9), ("% meeting", 11), *_grade_columns(set_)]
    sheet = _Sheet(workbook, title, columns)
    for f in findings.standards:
        for key, figures in getattr(f, attribute):
            sheet.add([xlsx_print.sortable(f.number), f.title, label(key), figures.graded, figures.meeting,
                       _fraction(figures.percent_meeting), *_grade_values(figures)], ["", "", "", "", "", PERCENT])
    sheet.finish()


def _change(workbook, findings: Findings, set_: StandardsSet) -> None:
    sheet = _Sheet(workbook, "Change", [("Of", 10), ("No.", 8), ("Standard or item", 56), ("Last cycle", 11),
                                        ("This cycle", 11), ("Change", 11)])
    numbers = {s.id: xlsx_print.sortable(s.number) for s in set_.standards}
    for kind, changes in (("Standard", findings.standard_changes), ("Item", findings.item_changes)):
        for c in changes:
            number = numbers.get(c.id, c.id) if kind == "Standard" else c.id
            sheet.add([kind, number, c.label, _fraction(c.previous), _fraction(c.current), round(c.points, 2)],
                      ["", "", "", PERCENT, PERCENT, POINTS])
    sheet.finish()


def _data(workbook, set_: StandardsSet, records: Sequence[ReturnRecord],
          basis) -> tuple[WriteOnlyWorksheet, CellFormats, Iterator[str]]:
    """The "Data" sheet's header, and what streams its rows when the workbook is saved (the sheet,
    its cell formats, the rows' XML): one row per organisation and standard, criterion or item
    (``findings_rows``), a million rows at 10,000 returns (``xlsx_stream``)."""
    sheet = workbook.create_sheet("Data")
    groups = bool(set_.groups)
    names, widths = DATA_COLUMNS + (("Part",) if groups else ()), DATA_WIDTHS + ((30,) if groups else ())
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    count = data_row_count(set_, records)  # the filter's and print area's range are written before the rows are made
    # Set before the header row is added (a write-only sheet writes its properties as it starts);
    # written by openpyxl around the streamed rows (``xlsx_stream``). Long questions are not wrapped
    # here (a million rows), so a printed question is cut at its column's edge.
    xlsx_print.page_setup(sheet, workbook.properties.title or "", widths=widths, rows=count + 1)
    head = []
    for name in names:
        cell = WriteOnlyCell(sheet, name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        head.append(cell)
    sheet.append(head)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{max(2, count + 1)}"
    cells = CellFormats(sheet)
    # The styles the rows use, registered now: the stylesheet is written before the rows are made.
    styles = cells.style(PERCENT), cells.style(DATE)
    return sheet, cells, _data_xml(cells, styles, data_by_organisation(set_, records, basis=basis), groups, count)


def _data_xml(cells: CellFormats, styles: tuple[int, int], organisations: Iterable, groups: bool,
              count: int) -> Iterator[str]:
    """Each organisation's rows as the sheet's XML, from row 2: text always as text (never a formula);
    numbers, percentages (as fractions, with a % format) and dates as values Excel calculates with."""
    text, number, date = cells.text, cells.number, cells.date
    percent, day = styles
    fixed: dict[int, tuple] = {}  # id of a type's questions -> (the questions, their cells' XML)
    n = 1
    for who, questions, answers in organisations:
        a, b, c, d = map(text, who)
        known = fixed.get(id(questions))
        if known is None:  # the questions are kept with their XML, so their id is never reused
            known = fixed[id(questions)] = (questions, [(_number(cells, q.standard), text(q.item), text(q.question),
                                                         text(q.group)) for q in questions])
        rows = []
        for (e, f, g, i), (shown, value, is_percentage) in zip(known[1], answers, strict=True):
            n += 1
            r = str(n)
            if value is None:
                h = text(shown)
            elif is_percentage:
                h = number(value, percent, 100)
            elif isinstance(value, dt.date):
                h = date(value, day)
            else:
                h = number(value)
            part = f'<c r="I{r}"{i}' if groups else ""
            rows.append(f'<row r="{r}"><c r="A{r}"{a}<c r="B{r}"{b}<c r="C{r}"{c}<c r="D{r}"{d}<c r="E{r}"{e}'
                        f'<c r="F{r}"{f}<c r="G{r}"{g}<c r="H{r}"{h}{part}</row>')
        yield "".join(rows)
    if n - 1 != count:
        raise RuntimeError(f"{n - 1} rows were made for the Data sheet, not the {count} counted")


def _number(cells: CellFormats, number: str) -> str:
    """A standard's number: a whole number as a number (so that it sorts 1, 2, ..., 10), else text."""
    value = xlsx_print.sortable(number)
    return cells.text(value) if isinstance(value, str) else cells.number(value)


def write_findings_xlsx(findings: Findings, standards_set: StandardsSet, records: Sequence[ReturnRecord],  # noqa: PLR0913  # keyword-only options, each with a default
                        out_path: Path | str, *, partnership: str = "", cycle: str = "", filters: str = "",
                        produced: dt.date | None = None, summary=None) -> Path:
    """Write the findings workbook to ``out_path`` atomically; returns the path.

    ``records`` are the returns the findings were computed from (the "Data" sheet lists them on the
    findings' basis, keeping only the findings' sector and type when they were filtered), streamed:
    the rows are made one by one as the file is compressed, never all held. The About sheet gives
    ``produced`` (default today) as the day it was made and the findings' reference date as what
    dates were counted back from. Raises ``ReportError`` naming the file if
    it cannot be written.
    """
    workbook = Workbook(write_only=True)
    xlsx_print.use_print_font(workbook)
    workbook.properties.title = f"Findings: {standards_set.title} {cycle}".strip()  # each page's header
    _about(workbook, findings, standards_set, partnership=partnership, cycle=cycle, filters=filters,
           produced=produced or dt.date.today())
    if summary is not None:  # the annual report summary (business_unit.annual_summary), after About
        from s11audit.reports.summary_parts import write_summary_sheet
        write_summary_sheet(workbook, summary)
    _standards(workbook, findings, standards_set)
    if any(f.criteria for f in findings.standards):
        _criteria(workbook, findings, standards_set)
    _items(workbook, findings, standards_set)
    _breakdown(workbook, findings, standards_set, "By sector", "by_sector", lambda key: key or "Not known")
    _breakdown(workbook, findings, standards_set, "By type", "by_type", type_label)
    if findings.has_previous:
        _change(workbook, findings, standards_set)
    kept = [r for r in records if (findings.sector is None or r.sector == findings.sector)
            and (findings.org_type is None or r.org_type == findings.org_type)]
    data = _data(workbook, standards_set, kept, findings.basis)
    workbook.properties.creator = partnership or "s11audit"
    workbook.properties.subject = standards_set.display_name
    return save_with_streamed_rows(workbook, *data, out_path)


__all__ = ["write_findings_xlsx"]

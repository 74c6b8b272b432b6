"""The "Grades" sheet of the action plan workbook for a standards format 2 set: a title row for each
part, one row per standard (bold) with each of its criteria below it, grades in their colours, %
scores where the set has them, how a standard's grade was reached, and an overall score."""

from __future__ import annotations

from openpyxl.styles import Alignment, PatternFill

from s11audit.reports.common import derived_note, judgement, readable_text, scores, shows_scores
from s11audit.reports.xlsx import NUMBER, WRAP, _put_number, header, put_text
from s11audit.reports.xlsx_print import font
from s11audit.store.rows import ResponseRow

COLUMNS = [("Number", 8), ("Standard or criterion", 60), ("Grade", 22), ("Score", 8),
           ("How graded, or reason not applicable", 36), ("Actions", 9), ("Evidence files", 9)]
PART_FILL = PatternFill("solid", fgColor="DCE4EE")
SCORE_FORMAT = "0%"
INDENTED = Alignment(wrap_text=True, vertical="top", indent=2)
TEXT_COLUMN, GRADE_COLUMN = 2, 3  # (1-based) "Standard or criterion" and "Grade"


class _Rows:
    """Writes the sheet's rows one after another."""

    def __init__(self, sheet, assessment):
        self.sheet, self.assessment = sheet, assessment
        self.row = 1
        self.responses = assessment.responses()
        self.actions = assessment.actions.all_actions()
        self.evidence = assessment.evidence.all_evidence()
        self.with_score = shows_scores(assessment.standards_set)
        self.percents, self.overall = scores(assessment, self.responses) if self.with_score else ({}, None)

    def _grade(self, column: int, label: str, colour: str) -> None:
        cell = self.sheet.cell(self.row, column)
        put_text(cell, label)
        cell.fill = PatternFill("solid", fgColor=colour.lstrip("#").upper())
        cell.font = font(bold=True, color=readable_text(colour).lstrip("#"))

    def _score(self, percent: float | None) -> None:
        if percent is not None:
            cell = self.sheet.cell(self.row, 4, round(percent / 100, 4))
            cell.number_format = SCORE_FORMAT

    def part(self, title: str) -> None:
        self.row += 1
        put_text(self.sheet.cell(self.row, 1), title)
        self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=len(COLUMNS))
        self.sheet.cell(self.row, 1).font = font(bold=True)
        for col in range(1, len(COLUMNS) + 1):
            self.sheet.cell(self.row, col).fill = PART_FILL

    def standard(self, standard) -> None:
        self.row += 1
        response = self.responses.get(standard.id) or ResponseRow(standard.id)
        grade = judgement(self.assessment, standard, response)
        _put_number(self.sheet.cell(self.row, 1), standard.number)
        put_text(self.sheet.cell(self.row, 2), standard.title)
        self._grade(GRADE_COLUMN, grade.label, grade.colour)
        self._score(self.percents.get(standard.id))
        if not standard.graded:
            note = "Information section: answered, not graded"
        else:
            note = response.na_reason if response.not_applicable else derived_note(standard)
        put_text(self.sheet.cell(self.row, 5), note)
        self.sheet.cell(self.row, 6, sum(1 for a in self.actions if a.standard_id == standard.id))
        self.sheet.cell(self.row, 7, sum(1 for e in self.evidence if e.linked_to_standard(standard.id)))
        for col in range(1, len(COLUMNS) + 1):
            cell = self.sheet.cell(self.row, col)
            cell.alignment = NUMBER if col == 1 else WRAP
            if col != GRADE_COLUMN:
                cell.font = font(bold=True)

    def criterion(self, criterion) -> None:
        self.row += 1
        response = self.responses.get(criterion.id) or ResponseRow(criterion.id)
        grade = judgement(self.assessment, criterion, response)
        _put_number(self.sheet.cell(self.row, 1), criterion.number)
        put_text(self.sheet.cell(self.row, 2), " ".join(criterion.text.split()))
        self._grade(GRADE_COLUMN, grade.label, grade.colour)
        if response.grade and not response.not_applicable and criterion.scale.scored \
                and criterion.scale.has_level(response.grade):
            self._score(criterion.scale.percent(response.grade))
        put_text(self.sheet.cell(self.row, 5), response.na_reason if response.not_applicable else "")
        self.sheet.cell(self.row, 6, sum(1 for a in self.actions if getattr(a, "criterion_id", "") == criterion.id))
        self.sheet.cell(self.row, 7, sum(1 for e in self.evidence if any(iid == criterion.id for _, iid in e.links)))
        for col in range(1, len(COLUMNS) + 1):
            self.sheet.cell(self.row, col).alignment = INDENTED if col == TEXT_COLUMN else WRAP

    def overall_score(self) -> None:
        if self.overall is None:
            return
        self.row += 2
        put_text(self.sheet.cell(self.row, 2), "Overall score (the mean of the standards' scores)")
        self.sheet.cell(self.row, 2).font = font(bold=True)
        self._score(self.overall)
        self.sheet.cell(self.row, 4).font = font(bold=True)


def write_grades(sheet, assessment) -> None:
    """Fill ``sheet`` with the grade of every standard and criterion of a format 2 audit."""
    header(sheet, COLUMNS)
    set_ = assessment.standards_set
    rows, part = _Rows(sheet, assessment), None
    for standard in assessment.standards:
        if standard.group and standard.group != part and set_.groups:
            part = standard.group
            rows.part(set_.group(part).title)
        rows.standard(standard)
        for criterion in standard.criteria_for(assessment.org_type):
            rows.criterion(criterion)
    rows.overall_score()

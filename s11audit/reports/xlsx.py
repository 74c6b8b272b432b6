"""The action plan as an Excel workbook, to track through the year (openpyxl).

Sheet "Action plan": one row per action, a status drop-down and RAG colours; sheet "Grades":
the grade given to each standard. Text typed by users is always stored as text, never a formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from s11audit.reports.atomic import save_workbook
from s11audit.reports.common import judgement, readable_text
from s11audit.store.rows import ACTION_STATUSES, ResponseRow

FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
HEADER_FONT = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")
# Excel's own "bad / neutral / good" colours: readable text on a light fill.
RAG_STYLES = {
    "red": (PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE"), Font(color="9C0006")),
    "amber": (PatternFill("solid", fgColor="FFEB9C", bgColor="FFEB9C"), Font(color="9C5700")),
    "green": (PatternFill("solid", fgColor="C6EFCE", bgColor="C6EFCE"), Font(color="006100")),
}
VALIDATED_ROWS = 1000  # the drop-down also covers rows added later in Excel

ACTION_COLUMNS = [("Standard", 34), ("Action", 50), ("Owner", 28), ("Due date", 13), ("Status", 14),
                  ("Progress notes", 50)]
GRADE_COLUMNS = [("Number", 9), ("Standard", 46), ("Grade", 16), ("Reason not applicable", 40), ("Actions", 10),
                 ("Evidence files", 14)]


def put_text(cell, value: str) -> None:
    """Store user text as a plain string, even when it starts like a formula (= + - @)."""
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _header(sheet, columns) -> None:
    for col, (title, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=col, value=title)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"


def _action_sheet(sheet, assessment) -> None:
    sheet.title = "Action plan"
    _header(sheet, ACTION_COLUMNS)
    standards = {s.id: s for s in assessment.standards_set.standards}
    actions = assessment.actions.list()
    for row, action in enumerate(actions, start=2):
        standard = standards.get(action.standard_id)
        put_text(sheet.cell(row, 1), standard.heading if standard else action.standard_id)
        put_text(sheet.cell(row, 2), action.description)
        put_text(sheet.cell(row, 3), action.owner)
        due = sheet.cell(row, 4, action.due_date)
        due.number_format = "dd mmm yyyy"
        put_text(sheet.cell(row, 5), action.status_label)
        put_text(sheet.cell(row, 6), action.progress_notes)
        for col in range(1, 7):
            sheet.cell(row, col).alignment = WRAP
    last = max(2, len(actions) + 1)
    sheet.auto_filter.ref = f"A1:F{last}"

    labels = ",".join(ACTION_STATUSES.values())
    validation = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True, showDropDown=False,
                                showErrorMessage=True, showInputMessage=True, promptTitle="Status",
                                prompt="Choose the action's status.", errorTitle="Status",
                                error=f"Choose one of: {labels.replace(',', ', ')}.")
    validation.add(f"E2:E{VALIDATED_ROWS}")
    sheet.add_data_validation(validation)

    # RAG as in the app: red when not started or overdue, amber in progress, green complete.
    done, started = ACTION_STATUSES["complete"], ACTION_STATUSES["in_progress"]
    red = f'OR($E2="{ACTION_STATUSES["not_started"]}",AND($E2<>"{done}",ISNUMBER($D2),$D2<TODAY()))'
    status_range = f"E2:E{VALIDATED_ROWS}"
    for colour, formula in (("red", red), ("amber", f'$E2="{started}"'), ("green", f'$E2="{done}"')):
        fill, font = RAG_STYLES[colour]
        sheet.conditional_formatting.add(status_range, FormulaRule(formula=[formula], fill=fill, font=font,
                                                                   stopIfTrue=True))


def _grades_sheet(sheet, assessment) -> None:
    _header(sheet, GRADE_COLUMNS)
    responses = assessment.responses()
    actions = assessment.actions.list()
    evidence = assessment.evidence.list()
    for row, standard in enumerate(assessment.standards, start=2):
        response = responses.get(standard.id) or ResponseRow(standard.id)
        grade = judgement(assessment, standard, response)
        put_text(sheet.cell(row, 1), standard.number)
        put_text(sheet.cell(row, 2), standard.title)
        cell = sheet.cell(row, 3)
        put_text(cell, grade.label)
        colour = grade.colour.lstrip("#").upper()
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.font = Font(bold=True, color=readable_text(grade.colour).lstrip("#"))
        put_text(sheet.cell(row, 4), response.na_reason if response.not_applicable else "")
        sheet.cell(row, 5, sum(1 for a in actions if a.standard_id == standard.id))
        sheet.cell(row, 6, sum(1 for e in evidence if e.linked_to_standard(standard.id)))
        for col in range(1, 7):
            sheet.cell(row, col).alignment = WRAP
    sheet.auto_filter.ref = f"A1:F{max(2, len(assessment.standards) + 1)}"


def write_action_plan_xlsx(assessment, organisation, out_path: Path | str) -> Path:
    """Write the action plan workbook for ``assessment`` to ``out_path`` atomically; returns the path.

    Raises ``ReportError`` (naming the file) if it cannot be written; no partial file is left.
    """
    workbook = Workbook()
    _action_sheet(workbook.active, assessment)
    _grades_sheet(workbook.create_sheet("Grades"), assessment)
    set_ = assessment.standards_set
    workbook.properties.title = f"Action plan {assessment.cycle}: {organisation.name}"
    workbook.properties.creator = organisation.name
    workbook.properties.subject = set_.display_name
    return save_workbook(workbook, out_path)

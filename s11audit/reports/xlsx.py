"""The action plan as an Excel workbook, to track through the year (openpyxl).

Sheet "Action plan": one row per action, a status drop-down and RAG colours; sheet "Grades":
the grade given to each standard. Text typed by users is always stored as text, never a formula.
Both sheets print as every workbook does (``xlsx_print``): one page wide, the header row repeated,
the title and page numbers on each page, rows as tall as their wrapped text, Arial throughout.

For a standards format 2 set the action plan also has a Part column (when the set has parts) and
a Criterion column (when it has criteria), and "Grades" (``xlsx_grades``) lists every criterion's
grade under its standard, with % scores where the set has them.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from s11audit import action_rag
from s11audit.reports.atomic import save_workbook
from s11audit.reports import xlsx_print
from s11audit.reports.common import CRITERIA_FORMAT, criterion_label, judgement, readable_text
from s11audit.reports.xlsx_print import font
from s11audit.store.rows import ACTION_STATUSES, ResponseRow

FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
HEADER_FONT = font(bold=True, color="FFFFFF")  # named: LibreOffice shows a nameless font as serif
WRAP = Alignment(wrap_text=True, vertical="top")
NUMBER = Alignment(wrap_text=True, vertical="top", horizontal="left")  # a standard's number, stored as a number or text
# Excel's own "bad / neutral / good" colours: readable text on a light fill.
RAG_STYLES = {
    "red": (PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE"), Font(color="9C0006")),  # over the cell's font
    "amber": (PatternFill("solid", fgColor="FFEB9C", bgColor="FFEB9C"), Font(color="9C5700")),
    "green": (PatternFill("solid", fgColor="C6EFCE", bgColor="C6EFCE"), Font(color="006100")),
}
SAMPLE_TITLE = "SAMPLE, not a real return"
VALIDATED_ROWS = 1000  # the drop-down also covers rows added later in Excel

# "No.": the standard's number, a number where it is whole, so that sorting gives 1, 2, ..., 10.
ACTION_COLUMNS = [("No.", 6), ("Standard", 30), ("Action", 50), ("Owner", 28), ("Due date", 13), ("Status", 14),
                  ("Progress notes", 50)]
GRADE_COLUMNS = [("Number", 9), ("Standard", 46), ("Grade", 16), ("Reason not applicable", 40), ("Actions", 10),
                 ("Evidence files", 14)]


def put_text(cell, value: str) -> None:
    """Store user text as a plain string, even when it starts like a formula (= + - @)."""
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _put_number(cell, number: str) -> None:
    """A standard's or criterion's number, a whole number stored as a number so that it sorts."""
    value = xlsx_print.sortable(number)
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def _header(sheet, columns) -> None:
    """The dark header row (frozen) and column widths."""
    for col, (title, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=col, value=title)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"


def header(sheet, columns) -> None:
    """The header row as ``_header`` gives it, and a first print setup (landscape A4, one page wide,
    the header row repeated); a finished sheet gets its whole setup from ``xlsx_print.print_ready``."""
    _header(sheet, columns)
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True


def fit_rows(sheet, first_row: int = 2) -> None:
    """Give each row the height its wrapped text needs (``xlsx_print.fit_rows``). Excel and
    LibreOffice do not work this out when they open a file, so without it a long action or
    criterion would print cut off."""
    xlsx_print.fit_rows(sheet, first_row)


def action_columns(standards_set) -> list[tuple[str, int]]:
    """The action plan's columns: Part and Criterion only where the set has parts and criteria."""
    if not standards_set.groups and not standards_set.has_criteria:
        return list(ACTION_COLUMNS)
    # Narrower columns, so that the two added ones still print at a readable size; wide enough that
    # a part's title or an owner's role takes two lines, so that 15 actions print on one A4 page.
    columns = [("No.", 6), ("Standard", 22), ("Action", 42), ("Owner", 24), ("Due date", 12), ("Status", 13),
               ("Progress notes", 34)]
    if standards_set.has_criteria:
        columns[2:2] = [("Criterion", 30)]
    if standards_set.groups:
        columns[0:0] = [("Part", 25)]
    return columns


def _action_sheet(sheet, assessment) -> None:
    sheet.title = "Action plan"
    set_ = assessment.standards_set
    columns = action_columns(set_)
    header(sheet, columns)
    col = {title: n for n, (title, _) in enumerate(columns, start=1)}
    standards = {s.id: s for s in set_.standards}
    actions = assessment.actions.all_actions()
    for row, action in enumerate(actions, start=2):
        standard = standards.get(action.standard_id)
        if "Part" in col and standard is not None and standard.group:
            put_text(sheet.cell(row, col["Part"]), set_.group(standard.group).title)
        _put_number(sheet.cell(row, col["No."]), standard.number if standard else "")
        put_text(sheet.cell(row, col["Standard"]), standard.title if standard else action.standard_id)
        if "Criterion" in col:
            put_text(sheet.cell(row, col["Criterion"]), criterion_label(set_, getattr(action, "criterion_id", "")))
        put_text(sheet.cell(row, col["Action"]), action.description)
        put_text(sheet.cell(row, col["Owner"]), action.owner)
        due = sheet.cell(row, col["Due date"], action.due_date)
        due.number_format = "dd mmm yyyy"
        put_text(sheet.cell(row, col["Status"]), action.status_label)
        put_text(sheet.cell(row, col["Progress notes"]), action.progress_notes)
        for n in range(1, len(columns) + 1):
            sheet.cell(row, n).alignment = NUMBER if n == col["No."] else WRAP
    last = max(2, len(actions) + 1)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    _status_rules(sheet, get_column_letter(col["Status"]), get_column_letter(col["Due date"]))


def _status_rules(sheet, status: str, due: str) -> None:
    """The status drop-down and the RAG colours of the status column (also for rows added later)."""
    labels = ",".join(ACTION_STATUSES.values())
    validation = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True, showDropDown=False,
                                showErrorMessage=True, showInputMessage=True, promptTitle="Status",
                                prompt="Choose the action's status.", errorTitle="Status",
                                error=f"Choose one of: {labels.replace(',', ', ')}.")
    validation.add(f"{status}2:{status}{VALIDATED_ROWS}")
    sheet.add_data_validation(validation)

    # RAG as in the app (s11audit.action_rag): red past its due date and not complete; amber not started
    # and due within AMBER_DAYS; green complete or in progress; not started and due later: no colour.
    done, started, waiting = (ACTION_STATUSES[k] for k in ("complete", "in_progress", "not_started"))
    dated = f"ISNUMBER(${due}2)"
    red = f'AND(${status}2<>"",${status}2<>"{done}",{dated},${due}2<TODAY())'
    amber = f'AND(${status}2="{waiting}",{dated},${due}2<=TODAY()+{action_rag.AMBER_DAYS})'
    green = f'OR(${status}2="{done}",${status}2="{started}")'
    status_range = f"{status}2:{status}{VALIDATED_ROWS}"
    for colour, formula in (("red", red), ("amber", amber), ("green", green)):
        fill, font = RAG_STYLES[colour]
        sheet.conditional_formatting.add(status_range, FormulaRule(formula=[formula], fill=fill, font=font,
                                                                   stopIfTrue=True))


def _grades_sheet(sheet, assessment) -> None:
    header(sheet, GRADE_COLUMNS)
    responses = assessment.responses()
    actions = assessment.actions.all_actions()
    evidence = assessment.evidence.all_evidence()
    for row, standard in enumerate(assessment.standards, start=2):
        response = responses.get(standard.id) or ResponseRow(standard.id)
        grade = judgement(assessment, standard, response)
        _put_number(sheet.cell(row, 1), standard.number)
        put_text(sheet.cell(row, 2), standard.title)
        cell = sheet.cell(row, 3)
        put_text(cell, grade.label)
        colour = grade.colour.lstrip("#").upper()
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.font = font(bold=True, color=readable_text(grade.colour).lstrip("#"))
        put_text(sheet.cell(row, 4), response.na_reason if response.not_applicable else "")
        sheet.cell(row, 5, sum(1 for a in actions if a.standard_id == standard.id))
        sheet.cell(row, 6, sum(1 for e in evidence if e.linked_to_standard(standard.id)))
        for col in range(1, 7):
            sheet.cell(row, col).alignment = NUMBER if col == 1 else WRAP
    sheet.auto_filter.ref = f"A1:F{max(2, len(assessment.standards) + 1)}"


def write_action_plan_xlsx(assessment, organisation, out_path: Path | str, sample: bool = False) -> Path:
    """Write the action plan workbook for ``assessment`` to ``out_path`` atomically; returns the path.

    ``sample`` (the app's sample audit) puts "SAMPLE, not a real return" first in the title, which
    is printed at the top of every page of both sheets.

    Raises ``ReportError`` (naming the file) if it cannot be written; no partial file is left.
    """
    workbook = Workbook()
    xlsx_print.use_print_font(workbook)
    _action_sheet(workbook.active, assessment)
    set_ = assessment.standards_set
    if set_.format_version >= CRITERIA_FORMAT:
        from s11audit.reports.xlsx_grades import write_grades

        write_grades(workbook.create_sheet("Grades"), assessment)
    else:
        _grades_sheet(workbook.create_sheet("Grades"), assessment)
    workbook.properties.title = f"Action plan {assessment.cycle}: {organisation.name}"
    if sample:
        workbook.properties.title = f"{SAMPLE_TITLE} \u2013 {workbook.properties.title}"
    for sheet in workbook.worksheets:
        xlsx_print.print_ready(sheet, workbook.properties.title)
    workbook.properties.creator = organisation.name
    workbook.properties.subject = set_.display_name
    return save_workbook(workbook, out_path)

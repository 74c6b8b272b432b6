"""The annual compliance statement as a workbook the organisation keeps and works from (openpyxl).

Sheet "Action progress": one row per action of the baseline still open when the statement was made (its
standard, text, due date, status on the day the statement was signed off in the action plan workbook's RAG
colours, progress note, date completed, new due date, reason dropped and evidence of completion); "New
actions": the statement's own action plan, with the action plan workbook's status drop-down and RAG
colours, to track through the year; "Standards": the baseline's grade, the position now, what changed and
the new grade. Every sheet prints as every workbook does (``xlsx_print``: landscape A4, one page wide, the
header row repeated, the title and page numbers on each page). User text is stored as text, never a formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from s11audit.reports import xlsx_print
from s11audit.reports.atomic import save_workbook
from s11audit.reports.common import readable_text
from s11audit.reports.statement_documents import DROPPED, DROPPED_COLOUR, KIND, Grade, StatementDocument
from s11audit.reports.xlsx import (
    ACTION_COLUMNS,
    NUMBER,
    RAG_STYLES,
    SAMPLE_TITLE,
    WRAP,
    _status_rules,
    action_columns,
    header,
    put_text,
)
from s11audit.reports.xlsx_print import font

DATE_FORMAT = "dd mmm yyyy"
POSITION_FILLS = {"improved": "C6EFCE", "declined": "FFC7CE"}  # Excel's "good" and "bad" fills, as the RAG's
PROGRESS_COLUMNS = [("Action no.", 7), ("No.", 5), ("Standard", 19), ("Action", 31), ("Due date", 12),
                    ("Status", 14), ("Progress note", 31), ("Completed on", 12), ("New due date", 12),
                    ("Reason dropped", 21), ("Evidence of completion", 22)]
STANDARD_COLUMNS = [("No.", 6), ("Standard", 34), ("Baseline grade", 15), ("Position", 20), ("What changed", 60),
                    ("New grade", 15)]


def _number(cell, number: str) -> None:
    """A standard's number, a whole number stored as a number so that it sorts (1, 2, ..., 10)."""
    value = xlsx_print.sortable(number)
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def _date(cell, value) -> None:
    cell.value = value
    cell.number_format = DATE_FORMAT


def _align(sheet, row: int, columns: int, number_columns: tuple[int, ...]) -> None:
    for col in range(1, columns + 1):
        sheet.cell(row, col).alignment = NUMBER if col in number_columns else WRAP


def _filter(sheet, columns: int, rows: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(2, rows + 1)}"


def _progress_columns(d: StatementDocument) -> list[tuple[str, int]]:
    columns = list(PROGRESS_COLUMNS)
    if any(p.criterion for p in d.progress):
        columns.insert(3, ("Criterion", 22))
    return columns


def _status_fill(cell, rag: str) -> None:
    """The status in the action plan workbook's RAG colours; a dropped action grey; not yet due plain."""
    if rag == DROPPED:
        cell.fill = PatternFill("solid", fgColor=DROPPED_COLOUR.lstrip("#"))
    elif rag in RAG_STYLES:
        fill, colour = RAG_STYLES[rag]
        cell.fill, cell.font = fill, font(color=colour.color)


def _progress_sheet(sheet, d: StatementDocument) -> None:
    sheet.title = "Action progress"
    columns = _progress_columns(d)
    header(sheet, columns)
    col = {title: n for n, (title, _) in enumerate(columns, start=1)}
    for row, p in enumerate(d.progress, start=2):
        sheet.cell(row, col["Action no."], p.index + 1 if not p.set_in else p.label)
        _number(sheet.cell(row, col["No."]), p.standard.number if p.standard else p.standard_id)
        put_text(sheet.cell(row, col["Standard"]), p.standard.title if p.standard and p.standard.title
                 else p.standard_label)
        if "Criterion" in col:
            put_text(sheet.cell(row, col["Criterion"]), p.criterion)
        put_text(sheet.cell(row, col["Action"]), p.action)
        _date(sheet.cell(row, col["Due date"]), p.due)
        put_text(sheet.cell(row, col["Status"]), p.status_text)
        put_text(sheet.cell(row, col["Progress note"]), p.note)
        _date(sheet.cell(row, col["Completed on"]), p.completed_on)
        _date(sheet.cell(row, col["New due date"]), p.new_due)
        put_text(sheet.cell(row, col["Reason dropped"]), p.dropped_reason)
        put_text(sheet.cell(row, col["Evidence of completion"]), "\n".join(p.evidence))
        _align(sheet, row, len(columns), (col["Action no."], col["No."]))
        _status_fill(sheet.cell(row, col["Status"]), p.rag)
    _filter(sheet, len(columns), len(d.progress))


def _new_actions_sheet(sheet, d: StatementDocument) -> None:
    columns = action_columns(d.standards_set) if d.standards_set is not None else list(ACTION_COLUMNS)
    header(sheet, columns)
    col = {title: n for n, (title, _) in enumerate(columns, start=1)}
    set_ = d.standards_set
    for row, action in enumerate(d.new_actions, start=2):
        if "Part" in col and set_ is not None:
            standard = next((s for s in set_.standards if s.id == action.standard_id), None)
            if standard is not None and standard.group:
                put_text(sheet.cell(row, col["Part"]), set_.group(standard.group).title)
        _number(sheet.cell(row, col["No."]), d.standard_number(action.standard_id))
        label = d.standard_label(action.standard_id)
        title = next((s.title for s in set_.standards if s.id == action.standard_id), label) if set_ else label
        put_text(sheet.cell(row, col["Standard"]), title)
        if "Criterion" in col:
            put_text(sheet.cell(row, col["Criterion"]), d.criterion_label(action.criterion_id))
        put_text(sheet.cell(row, col["Action"]), action.description)
        put_text(sheet.cell(row, col["Owner"]), action.owner)
        _date(sheet.cell(row, col["Due date"]), action.due_date)
        put_text(sheet.cell(row, col["Status"]), action.status_label)
        put_text(sheet.cell(row, col["Progress notes"]), action.progress_notes)
        _align(sheet, row, len(columns), (col["No."],))
    _filter(sheet, len(columns), len(d.new_actions))
    _status_rules(sheet, get_column_letter(col["Status"]), get_column_letter(col["Due date"]))


def _grade(cell, grade: Grade | None, missing: str) -> None:
    if grade is None:
        put_text(cell, missing)
        return
    put_text(cell, grade.label)
    cell.fill = PatternFill("solid", fgColor=grade.colour.lstrip("#").upper())
    cell.font = font(bold=True, color=readable_text(grade.colour).lstrip("#"))


def _standards_sheet(sheet, d: StatementDocument) -> None:
    header(sheet, STANDARD_COLUMNS)
    for row, s in enumerate(d.standards, start=2):
        _number(sheet.cell(row, 1), s.number)
        put_text(sheet.cell(row, 2), s.title or s.label)
        _grade(sheet.cell(row, 3), s.baseline, "Not known")
        position = sheet.cell(row, 4)
        put_text(position, s.position_label)
        if s.position in POSITION_FILLS:
            position.fill = PatternFill("solid", fgColor=POSITION_FILLS[s.position])
            position.font = font(bold=True)
        put_text(sheet.cell(row, 5), s.narrative)
        _grade(sheet.cell(row, 6), s.new_grade, "")
        _align(sheet, row, len(STANDARD_COLUMNS), (1,))
    _filter(sheet, len(STANDARD_COLUMNS), len(d.standards))


def write_statement_xlsx(document: StatementDocument, out_path: Path | str) -> Path:
    """Write the statement's workbook to ``out_path`` atomically; returns the path. A sample statement has
    "SAMPLE, not a real return" first in its title, printed at the top of every page. Raises ``ReportError``
    naming the file if it cannot be written (no partial file is left)."""
    d = document
    workbook = Workbook()
    xlsx_print.use_print_font(workbook)
    _progress_sheet(xlsx_print.first_sheet(workbook), d)
    _new_actions_sheet(workbook.create_sheet("New actions"), d)
    _standards_sheet(workbook.create_sheet("Standards"), d)
    title = d.title if not d.sample else f"{SAMPLE_TITLE} \u2013 {d.title}"
    workbook.properties.title = title
    workbook.properties.creator = d.organisation
    workbook.properties.subject = f"{KIND}, {d.set_title} (version {d.set_version})"
    for sheet in workbook.worksheets:
        xlsx_print.print_ready(sheet, title, landscape=True)
    return save_workbook(workbook, out_path)

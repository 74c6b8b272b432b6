"""All the peer audit day's outcomes and recommendations as an Excel workbook (openpyxl).

Sheets: "Outcomes" (one row per agency and standard in focus: self-grade, peer outcome in its
colour, whether they agree, challenge notes, recommendations), "Actions" (one row per action
agreed on the day, due dates as real dates) and "Summary" (agencies per outcome per standard and
the agreement rate). Headers frozen, filters on, long text wrapped in rows tall enough for it; every
sheet prints as ``xlsx_print`` sets out; everything typed on the day goes through ``put_text`` and
is never a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from s11audit.reports.atomic import save_workbook
from s11audit.reports.common import readable_text
from s11audit.reports.peer_audit_data import (
    NOT_RECORDED,
    AgencyOutcome,
    PeerEvent,
    agencies_in_order,
    agreement_label,
    counts,
)
from s11audit.reports import xlsx_print
from s11audit.reports.xlsx import HEADER_FILL, HEADER_FONT, WRAP, put_text

DATE = "dd mmm yyyy"
OUTCOME_COLUMNS = [("Agency", 30), ("Sector", 18), ("Group", 8), ("Standard", 34), ("Self-grade", 16),
                   ("Peer outcome", 20), ("Agreed", 9), ("Challenge notes", 50), ("Recommendations", 50)]
ACTION_COLUMNS = [("Agency", 30), ("Sector", 18), ("Standard", 34), ("Action", 50), ("Owner", 24), ("Due date", 13)]


def _sheet(workbook: Workbook, title: str, columns) -> Worksheet:
    sheet = workbook.create_sheet(title)
    for col, (name, width) in enumerate(columns, start=1):
        cell = sheet.cell(1, col, name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _put(sheet, row: int, col: int, value) -> None:
    cell = sheet.cell(row, col)
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value
    cell.alignment = WRAP


def _finish(sheet, columns: int, rows: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(2, rows)}"


def _paint(cell, colour: str) -> None:
    if colour:
        cell.fill = PatternFill("solid", fgColor=colour.lstrip("#").upper())
        cell.font = xlsx_print.font(bold=True, color=readable_text(colour).lstrip("#"))


def _ordered(event: PeerEvent, outcomes: Sequence[AgencyOutcome]) -> list[AgencyOutcome]:
    order = {a.name: i for i, a in enumerate(agencies_in_order(outcomes))}
    position = {s.id: i for i, s in enumerate(event.standards)}
    return sorted(outcomes, key=lambda o: (order[o.agency], position.get(o.standard_id, len(position))))


def _outcomes(workbook, event: PeerEvent, outcomes: Sequence[AgencyOutcome]) -> None:
    sheet = _sheet(workbook, "Outcomes", OUTCOME_COLUMNS)
    standards = {s.id: s for s in event.standards}
    rows = _ordered(event, outcomes)
    for row, outcome in enumerate(rows, start=2):
        standard = standards.get(outcome.standard_id)
        level = event.level(outcome.outcome_id)
        values = [outcome.agency, outcome.sector, outcome.group, standard.heading if standard else outcome.standard_id,
                  outcome.self_grade_label, level.label if level else NOT_RECORDED, agreement_label(event, outcome),
                  outcome.challenge_notes, outcome.recommendations]
        for col, value in enumerate(values, start=1):
            _put(sheet, row, col, value)
        _paint(sheet.cell(row, 5), outcome.self_grade_colour)
        if level:
            _paint(sheet.cell(row, 6), level.colour)
    _finish(sheet, len(OUTCOME_COLUMNS), len(rows) + 1)


def _actions(workbook, event: PeerEvent, outcomes: Sequence[AgencyOutcome]) -> None:
    sheet = _sheet(workbook, "Actions", ACTION_COLUMNS)
    standards = {s.id: s for s in event.standards}
    row = 1
    for outcome in _ordered(event, outcomes):
        standard = standards.get(outcome.standard_id)
        for action, owner, due in outcome.actions:
            row += 1
            values = [outcome.agency, outcome.sector, standard.heading if standard else outcome.standard_id,
                      action, owner, due]
            for col, value in enumerate(values, start=1):
                _put(sheet, row, col, value)
            sheet.cell(row, 6).number_format = DATE
    _finish(sheet, len(ACTION_COLUMNS), row)


def _summary(workbook, event: PeerEvent, outcomes: Sequence[AgencyOutcome]) -> None:
    levels = list(event.outcome_scale)
    columns = ([("Standard", 40)] + [(lv.label, 16) for lv in levels]
               + [(NOT_RECORDED, 13), ("Agreed", 10), ("Compared", 11), ("Agreement", 12)])
    sheet = _sheet(workbook, "Summary", columns)
    for col, level in enumerate(levels, start=2):
        _paint(sheet.cell(1, col), level.colour)
    figures = counts(event, outcomes)
    for row, figure in enumerate(figures, start=2):
        values = ([figure.standard.heading] + [figure.per_level[lv.id] for lv in levels]
                  + [figure.not_recorded, figure.agreed, figure.compared,
                     None if figure.agreement is None else figure.agreement / 100])
        for col, value in enumerate(values, start=1):
            _put(sheet, row, col, value)
        sheet.cell(row, len(values)).number_format = "0%"
    _finish(sheet, len(columns), len(figures) + 1)


def write_outcomes_xlsx(event: PeerEvent, outcomes: Sequence[AgencyOutcome], out_path: Path | str) -> Path:
    """Write the workbook atomically to ``out_path``; raises ``ReportError`` naming the file on failure."""
    workbook = Workbook()
    xlsx_print.use_print_font(workbook)
    workbook.remove(xlsx_print.first_sheet(workbook))
    _outcomes(workbook, event, outcomes)
    _actions(workbook, event, outcomes)
    _summary(workbook, event, outcomes)
    workbook.properties.title = f"Peer audit outcomes: {event.name}"
    for sheet in workbook.worksheets:
        xlsx_print.print_ready(sheet, workbook.properties.title)
    workbook.properties.creator = event.business_unit
    return save_workbook(workbook, out_path)

"""The findings of an annual compliance statement cycle as an Excel workbook, for the business unit.

Sheets: "About" (cycle, baseline, statements received and flagged, how progress is counted), "Standards"
(% confirming each standard), "Declined" (who, what changed, the grade before and after), "Progress" (per
standard and for all standards: counts and shares), "Overdue" (the chase list, with the organisation's
contact: this workbook stays with the business unit), "Action history" (tidy: one row per action per
organisation, with its baseline, each earlier statement's progress and this statement's) and "New
actions" (those the statements set). Header rows frozen and filtered, numbers and dates stored as such
(shares as fractions with a % format), text from returns through ``put_text`` (never a formula); every
sheet prints as ``xlsx_print`` sets out, wrapped rows tall enough for their text. Saved atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment

from s11audit.business_unit.statements import CATEGORIES, CATEGORY_WORDS, StatementFigures, Tally
from s11audit.reports import statement_findings as words
from s11audit.reports import xlsx_print
from s11audit.reports.atomic import save_workbook
from s11audit.reports.xlsx import NUMBER, WRAP, header, put_text

if TYPE_CHECKING:
    from s11audit.standards import StandardsSet

PERCENT = xlsx_print.PERCENT
DATE = "dd mmm yyyy"
TOP = Alignment(vertical="top")


def _fraction(value: float | None) -> float | None:
    return None if value is None else value / 100


def _sheet(workbook: Workbook, name: str, columns: Sequence[tuple[str, float]], rows: Sequence[Sequence],
           formats: dict[int, str] | None = None, pages_wide: int = 1) -> None:
    """A sheet with the dark, frozen, filtered header row, typed cells (text never a formula) and the print
    setup every workbook has (``pages_wide`` pages wide); ``formats`` gives a column (from 0) its number
    format."""
    sheet = workbook.create_sheet(name)
    header(sheet, list(columns))
    formats = formats or {}
    for r, values in enumerate(rows, start=2):
        for n, value in enumerate(values):
            cell = sheet.cell(row=r, column=n + 1)
            if isinstance(value, str):  # text wraps (and its row is made tall enough): none is cut off
                put_text(cell, value)
                cell.alignment = WRAP
            else:
                cell.value = value
                if value is not None and n in formats:
                    cell.number_format = formats[n]
                # A standard's number beside the text it numbers, as the action plan has it.
                cell.alignment = NUMBER if columns[n][0] == "No." else TOP
    sheet.auto_filter.ref = f"A1:{sheet.cell(row=1, column=len(columns)).column_letter}{max(2, len(rows) + 1)}"
    xlsx_print.print_ready(sheet, workbook.properties.title or name, pages_wide=pages_wide)


def _about(workbook: Workbook, figures: StatementFigures, partnership: str, standards_set: StandardsSet | None,
           produced: dt.date) -> None:
    rows: list[list] = [["Partnership", partnership], ["Cycle", figures.cycle], ["Kind", words.KIND],
                        ["Based on", words.basis_text(figures)], ["Baseline cycle", figures.baseline_cycle]]
    if standards_set is not None:
        rows.append(["Standards set", f"{standards_set.title}, version {standards_set.version}"])
    rows += [["Statements received", figures.statements], ["Flagged for a decision", figures.flagged],
             ["Baseline actions reported on", figures.progress.total], ["Overdue actions", len(figures.chase)],
             ["Progress as at", figures.as_of], ["Produced", produced]]
    rows += [[f"Progress: {name}", meaning] for name, meaning in words.category_definitions(figures)]
    sheet = workbook.create_sheet("About")
    header(sheet, [("Detail", 30), ("Value", 70)])
    for r, (label, value) in enumerate(rows, start=2):
        put_text(sheet.cell(row=r, column=1), label)
        cell = sheet.cell(row=r, column=2)
        if isinstance(value, str):
            put_text(cell, value)
        else:
            cell.value = value
            if isinstance(value, dt.date):
                cell.number_format = DATE
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=isinstance(value, str))
    xlsx_print.print_ready(sheet, workbook.properties.title or "About")


def _standards(workbook: Workbook, figures: StatementFigures) -> None:
    columns = [("No.", 7), ("Standard", 46), ("Answered", 10), ("Still as at the baseline", 12), ("Improved", 10),
               ("Declined", 10), ("Confirming", 11), ("% confirming", 12)]
    rows = [[xlsx_print.sortable(s.number), s.title, s.answered, s.same, s.improved, s.declined, s.confirming,
             _fraction(s.percent_confirming)] for s in figures.confirmation]
    _sheet(workbook, "Standards", columns, rows, {7: PERCENT})


def _declined(workbook: Workbook, figures: StatementFigures, grades: dict[str, str]) -> None:
    columns = [("Organisation", 24), ("Reference", 10), ("No.", 6), ("Standard", 28), ("What changed", 50),
               ("Baseline grade", 12), ("New grade", 11)]
    rows = [[d.organisation, d.reference, xlsx_print.sortable(d.number), d.title, d.narrative,
             words.grade_text(d.baseline_grade, grades, "baseline not held"),
             words.grade_text(d.new_grade, grades, "")] for d in figures.declines]
    _sheet(workbook, "Declined", columns, rows)


def _tally_values(tally: Tally) -> list:
    return ([getattr(tally, k) for k in CATEGORIES] + [tally.total]
            + [_fraction(tally.percent(k)) for k in CATEGORIES])


def _progress(workbook: Workbook, figures: StatementFigures, named: dict[str, tuple[str, str]]) -> None:
    columns = [("No.", 6), ("Standard", 34)] + [(CATEGORY_WORDS[k].capitalize(), 10) for k in CATEGORIES]
    columns += [("All actions", 9)] + [(f"% {CATEGORY_WORDS[k]}", 10) for k in CATEGORIES]
    rows = [[xlsx_print.sortable(named.get(sid, (sid, ""))[0] or sid), named.get(sid, (sid, ""))[1],
             *_tally_values(tally)] for sid, tally in figures.progress_by_standard.items()]
    rows.append(["", "All standards", *_tally_values(figures.progress)])
    first_share = 2 + len(CATEGORIES) + 1
    _sheet(workbook, "Progress", columns, rows, dict.fromkeys(range(first_share, first_share + len(CATEGORIES)),
                                                              PERCENT))


def _overdue(workbook: Workbook, figures: StatementFigures, numbers: dict[str, str]) -> None:
    columns = [("Organisation", 24), ("Reference", 10), ("Contact", 18), ("Email", 28), ("No.", 6),
               ("Action", 40), ("Due", 12), ("Days overdue", 9)]
    rows = [[c.organisation, c.reference, c.contact_name, c.contact_email,
             xlsx_print.sortable(numbers.get(c.standard_id, c.standard_id)), c.action, c.due_on, c.days_overdue]
            for c in figures.chase]
    _sheet(workbook, "Overdue", columns, rows, {6: DATE})


def _organisations(workbook: Workbook, figures: StatementFigures) -> None:
    """One row per statement: whether its baseline is held, why it is flagged, its actions in each category."""
    columns = [("Organisation", 28), ("Reference", 10), ("Baseline held", 9), ("Flagged for a decision", 44)]
    columns += [(CATEGORY_WORDS[k].capitalize(), 10) for k in CATEGORIES] + [("New actions", 9)]
    rows = []
    for history in figures.histories:
        tally = Tally()
        for step in history.steps:
            if step.reported:  # one closed in an earlier statement is counted there, as in the figures
                tally = tally.plus(step.category)
        rows.append([history.organisation, history.reference, "yes" if history.baseline_return_id else "no",
                     history.flag or "no", *(getattr(tally, k) for k in CATEGORIES),
                     len(words.new_actions(history, figures.cycle))])
    _sheet(workbook, "Organisations", columns, rows)


def _history(workbook: Workbook, figures: StatementFigures, numbers: dict[str, str]) -> None:
    """Tidy: one row per baseline action per organisation, across the cycles (printed two pages wide)."""
    earlier = words.earlier_cycles(figures)
    columns = [("Organisation", 24), ("Reference", 10), ("No.", 6), ("Action", 36), ("Due (baseline)", 12),
               (f"Baseline status ({figures.baseline_cycle})".strip(), 12)]
    columns += [(f"{name} progress", 28) for name in earlier]
    columns += [("Status", 11), ("Progress", 12), ("Progress note", 30), ("Completed on", 12), ("New due date", 12),
                ("Reason dropped", 24), ("Evidence of completion", 20), ("Reported in this statement", 10),
                ("Flagged for a decision", 9)]
    rows = []
    for history in figures.histories:
        for step in history.steps:
            stages = words.stages(step, figures.cycle, figures.earlier_cycles)
            by_cycle = {s.cycle: s for s in stages}
            row = [history.organisation, history.reference,
                   xlsx_print.sortable(numbers.get(step.standard_id, step.standard_id)), step.action, step.due_on,
                   f"none: set in the {step.set_in} statement" if step.set_in else
                   words.status_words(step.baseline_status) if step.baseline_status is not None else "not held"]
            row += [words.stage_text(by_cycle[name], step.due_on) if name in by_cycle else
                    "set in this statement" if name == step.set_in else "" for name in earlier]
            row += [words.status_words(step.status), CATEGORY_WORDS.get(step.category, step.category),
                    step.progress_note, step.completed_on, step.new_due_on, step.dropped_reason,
                    "; ".join(step.evidence), "yes" if stages[-1].reported else "no", "yes" if history.flag else "no"]
            rows.append(row)
    first = 6 + len(earlier)
    _sheet(workbook, "Action history", columns, rows, {4: DATE, first + 3: DATE, first + 4: DATE}, pages_wide=2)


def _new_actions(workbook: Workbook, figures: StatementFigures, numbers: dict[str, str]) -> None:
    columns = [("Organisation", 30), ("Reference", 12), ("Set in", 10), ("No.", 7), ("New action", 50),
               ("Owner", 20), ("Due", 13), ("Status", 12)]
    rows = []
    for history in figures.histories:
        for cycle, entry in words.new_actions(history, figures.cycle):
            sid = str(entry.get("standard_id") or "")
            rows.append([history.organisation, history.reference, cycle, xlsx_print.sortable(numbers.get(sid, sid)),
                         str(entry.get("action") or ""), str(entry.get("owner") or ""), words.action_due(entry),
                         words.action_status(entry)])
    _sheet(workbook, "New actions", columns, rows, {6: DATE})


def write_statement_xlsx(figures: StatementFigures, out_path: Path | str, *, partnership: str = "",
                         business_unit: str = "", standards_set: StandardsSet | None = None,
                         produced: dt.date | None = None) -> Path:
    """Write the statement findings workbook to ``out_path`` atomically; returns the path. Raises
    ``ReportError`` naming the file if it cannot be written."""
    workbook = Workbook()
    xlsx_print.use_print_font(workbook)
    workbook.remove(xlsx_print.first_sheet(workbook))
    workbook.properties.title = f"Findings: {words.title(figures)}"  # each printed page's header
    workbook.properties.creator = business_unit or partnership or "s11audit"
    workbook.properties.subject = f"{words.KIND} findings, based on {figures.baseline_cycle}"
    numbers = words.standard_numbers(figures, standards_set)
    _about(workbook, figures, partnership, standards_set, produced or dt.date.today())
    _standards(workbook, figures)
    _declined(workbook, figures, words.grade_labels(standards_set))
    _progress(workbook, figures, words.standards_named(figures, standards_set))
    _overdue(workbook, figures, numbers)
    _organisations(workbook, figures)
    _history(workbook, figures, numbers)
    _new_actions(workbook, figures, numbers)
    return save_workbook(workbook, out_path)


__all__ = ["write_statement_xlsx"]

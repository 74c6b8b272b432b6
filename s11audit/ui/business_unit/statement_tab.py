"""The Statement findings tab of the business unit's window (issue 16): what a cycle of annual compliance
statements says, shown in place of the Findings tab when the cycle on show is a statement cycle.

A summary line (statements received, flagged for a decision, the baseline, the day actions are judged on)
over four parts (``forms/statement_findings.ui``): the standards (% of organisations confirming each, and
the declines), action progress overall and per standard, each organisation's action history (its
baseline actions through every statement on the same baseline, and its new actions) and the chase list
of overdue actions (Copy emails, Copy list); and the PDF, workbook and Word document of the findings.

The figures are ``business_unit.statements``'s, in the words the documents use
(``reports.statement_findings``). What they need is read from the workspace on the UI thread into a
``StatementSource`` of plain data, kept until something changes (``BusinessUnitWindow.changed``);
the figures are worked out from it on a worker thread when the cycle holds more than
``StatementTab.CALCULATE_APART`` statements (a ``Calculation``, the window going on being used), else at
once. Actions are judged on today (``statement_as_of`` when set, as a test does).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from s11audit.business_unit import headlines
from s11audit.business_unit.statements import (
    CATEGORIES,
    CATEGORY_WORDS,
    COMPLETED,
    COMPLETED_LATE,
    DROPPED,
    OVERDUE,
    ActionStep,
    ChaseItem,
    Decline,
    OrganisationHistory,
    StandardConfirmation,
    StatementFigures,
    StatementSource,
    Tally,
    read_statement_source,
)
from s11audit.business_unit.workspace import CycleRow
from s11audit.figures import percent_text
from s11audit.reports import statement_findings as words
from s11audit.reports.common import numbered
from s11audit.safe_text import shown
from s11audit.store import AuditFileError
from s11audit.ui import file_dialogs
from s11audit.ui.background import Calculation
from s11audit.ui.bars import BarDelegate, PERCENT_ROLE
from s11audit.ui.business_unit.tables import rows_table
from s11audit.ui.business_unit.window_parts import WindowParts
from s11audit.ui.dialogs.crash import report_unexpected, show_error
from s11audit.ui.flow_layout import wrap_row
from s11audit.ui.generated.business_unit_window import BusinessUnitWindowForm
from s11audit.ui.generated.statement_findings import StatementFindingsForm
from s11audit.ui.row_table_model import Column, RowTableModel, date_key

TAB_TITLE = "Statement fin&dings"  # Alt+D, as the Findings tab it stands in for (never shown together)
CONFIRMING_COLUMN = 2  # the bar in the standards table
DECLINE_STANDARD_COLUMN, CHASE_DAYS_COLUMN = 1, 6
NUMBER_TIP = "The action's number in the baseline's action plan, or in the plan of the statement that set it"
THIS_STATEMENT = "this"  # the history column of the cycle on show (the others are earlier cycles' names)
# The cell of an action's progress, coloured by its category (the words say it too).
CATEGORY_COLOURS = {COMPLETED: "#DFF2E4", COMPLETED_LATE: "#FDF0D5", OVERDUE: "#FBE3E1", DROPPED: "#E9EDF2"}
OUTPUTS = {"pdf": (".pdf", "PDF documents (*.pdf)"), "xlsx": (".xlsx", "Excel workbooks (*.xlsx)"),
           "docx": (".docx", "Word documents (*.docx)")}
StatementKey = tuple[int, dt.date]  # (cycle, the day actions are judged on)


def _text(value: str) -> str:
    return value.casefold()


def _number_key(number: str) -> str:
    """A standard's number as a key that sorts 2 before 10 (and "1.2" before "1.10")."""
    return ".".join(f"{int(part):04}" if part.isdigit() else part for part in str(number).split("."))


def _day(value: dt.date | None) -> str:
    return words.day(value)


def _long_day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def standard_number(numbers: dict[str, str], standard_id: str) -> str:
    """A standard's number from the set, else the id the return gave (from outside: shown escaped)."""
    return numbers.get(standard_id) or shown(standard_id, 40)


# --- table models (plain rows made by the tab from the figures) ---------------------------------------------

class ConfirmationModel(RowTableModel[StandardConfirmation]):
    columns = (
        Column("Standard", lambda r: numbered(r.number, shown(r.title, 200)), lambda r: _number_key(r.number),
               tooltip=lambda r: numbered(r.number, shown(r.title, 400))),
        Column("Statements", lambda r: r.answered, header_tip="Statements that answered the standard"),
        Column("Confirming", lambda r: f"{percent_text(r.percent_confirming)} ({r.confirming} of {r.answered})",
               lambda r: -1 if r.percent_confirming is None else r.percent_confirming,
               header_tip="Still as at the baseline, or improved"),
        Column("Still as at the baseline", lambda r: r.same),
        Column("Improved", lambda r: r.improved),
        Column("Declined", lambda r: r.declined),
    )

    def more_data(self, row: StandardConfirmation, column: int, role: int) -> Any:
        if role == PERCENT_ROLE and column == CONFIRMING_COLUMN:
            return row.percent_confirming
        return None


DeclineRow = tuple[Decline, str]  # the decline and its grades before and after in words


class DeclinesModel(RowTableModel[DeclineRow]):
    columns = (
        Column("Organisation", lambda r: shown(r[0].organisation, 200), lambda r: _text(r[0].organisation)),
        Column("Standard", lambda r: numbered(shown(r[0].number, 40), shown(r[0].title, 200)),
               lambda r: _number_key(r[0].number)),
        Column("Grade before → after", lambda r: r[1]),
        Column("What changed", lambda r: shown(r[0].narrative, 400), lambda r: _text(r[0].narrative),
               tooltip=lambda r: shown(r[0].narrative, 2000)),
    )


ProgressRow = tuple[str, str, Tally]  # (sort key, standard in words, its tally); "" sorts "All standards" first


def _tally_column(category: str) -> Column:
    return Column(CATEGORY_WORDS[category].capitalize(), lambda r: words.count_and_percent(r[2], category),
                  lambda r: getattr(r[2], category))


class ProgressModel(RowTableModel[ProgressRow]):
    columns = (
        Column("Standard", lambda r: r[1], lambda r: r[0]),
        Column("Actions", lambda r: r[2].total, header_tip="Actions reported on in these statements"),
        *(_tally_column(category) for category in CATEGORIES),
    )

    def more_data(self, row: ProgressRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and not row[0]:  # the overall row
            font = QFont()
            font.setBold(True)
            return font
        return None


# The step, its standard's number, its stage by cycle and its place in the core's order (the baseline's actions,
# then those each earlier statement set).
HistoryRow = tuple[ActionStep, str, dict[str, words.Stage], int]


def _stage_column(cycle: str, header: str) -> Column:
    def stage(row: HistoryRow) -> words.Stage | None:
        return row[2].get(cycle)

    def display(row: HistoryRow) -> str:
        found = stage(row)
        if found is None:
            return "set in this statement" if row[0].set_in == cycle else ""
        return shown(words.stage_text(found, row[0].due_on, detail=False), 300)

    def tooltip(row: HistoryRow) -> str:
        found = stage(row)
        if found is None:
            return ("This statement set the action (a new action)" if row[0].set_in == cycle
                    else "Not reported in this cycle's statement")
        note = f"\nProgress note: {shown(found.progress_note, 1000)}" if found.progress_note else ""
        return shown(words.stage_text(found, row[0].due_on), 1000) + note

    return Column(header, display, lambda r: (CATEGORIES.index(s.category) if (s := stage(r)) else -1),
                  tooltip=tooltip)


class HistoryModel(RowTableModel[HistoryRow]):
    """One organisation's baseline actions: a column per earlier statement cycle, then this statement's."""

    def set_history(self, rows: Sequence[HistoryRow], earlier: Sequence[str], cycle: str) -> None:
        self.beginResetModel()
        self.columns = (
            Column("No.", lambda r: shown(r[0].label, 60), lambda r: r[3], header_tip=NUMBER_TIP),
            Column("Standard", lambda r: r[1], lambda r: _number_key(r[1])),
            Column("Action", lambda r: shown(r[0].action, 300), lambda r: _text(r[0].action),
                   tooltip=lambda r: shown(r[0].action, 2000)),
            Column("Baseline", lambda r: shown(words.baseline_text(r[0]), 200), lambda r: date_key(r[0].due_on)),
            *(_stage_column(name, name) for name in earlier),
            _stage_column(cycle, f"{cycle} (this statement)"),
            Column("New due date", lambda r: _day(r[0].new_due_on), lambda r: date_key(r[0].new_due_on)),
            Column("Reason dropped", lambda r: shown(r[0].dropped_reason, 300), lambda r: _text(r[0].dropped_reason),
                   tooltip=lambda r: shown(r[0].dropped_reason, 2000)),
            Column("Evidence", lambda r: shown(", ".join(r[0].evidence), 300)),
        )
        self.headers = tuple(c.header for c in self.columns)
        self.tips = {}
        self.this_column = 4 + len(earlier)
        self.cycle = cycle
        if self._order is not None and self._order[0] >= len(self.columns):  # fewer earlier cycles than before
            self._order = (0, Qt.SortOrder.AscendingOrder)
        self.rows = self._sorted(list(rows))
        self.endResetModel()

    def more_data(self, row: HistoryRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == getattr(self, "this_column", -1):
            stage = row[2].get(self.cycle)  # closed in an earlier statement: no colour, it is not this year's
            colour = CATEGORY_COLOURS.get(stage.category) if stage is not None and stage.reported else None
            return QColor(colour) if colour else None
        return None


NewActionRow = tuple[str, dict, str]  # (the statement cycle that set it, its action plan entry, standard number)


class NewActionsModel(RowTableModel[NewActionRow]):
    columns = (
        Column("Statement", lambda r: shown(r[0], 80)),
        Column("Standard", lambda r: r[2], lambda r: _number_key(r[2])),
        Column("Action", lambda r: shown(r[1].get("action") or "", 300), lambda r: _text(r[1].get("action") or ""),
               tooltip=lambda r: shown(r[1].get("action") or "", 2000)),
        Column("Owner", lambda r: shown(r[1].get("owner") or "", 120), lambda r: _text(r[1].get("owner") or "")),
        Column("Due", lambda r: _day(words.action_due(r[1])), lambda r: date_key(words.action_due(r[1]))),
        Column("Status", lambda r: words.action_status(r[1]).capitalize()),
    )


ChaseRow = tuple[ChaseItem, str]  # the overdue action and its standard's number


class ChaseModel(RowTableModel[ChaseRow]):
    columns = (
        Column("Organisation", lambda r: shown(r[0].organisation, 200), lambda r: _text(r[0].organisation)),
        Column("Contact", lambda r: shown(r[0].contact_name, 120), lambda r: _text(r[0].contact_name)),
        Column("Email", lambda r: shown(r[0].contact_email, 200), lambda r: _text(r[0].contact_email)),
        Column("Standard", lambda r: r[1], lambda r: _number_key(r[1])),
        Column("Action", lambda r: shown(r[0].action, 300), lambda r: _text(r[0].action),
               tooltip=lambda r: shown(r[0].action, 2000)),
        Column("Due", lambda r: _day(r[0].due_on), lambda r: date_key(r[0].due_on)),
        Column("Days overdue", lambda r: r[0].days_overdue),
    )


def chase_text(items: Sequence[ChaseItem], numbers: dict[str, str]) -> str:
    """The chase list as tab-separated lines with a heading line, to paste into a spreadsheet or an email."""
    lines = ["Organisation\tContact\tEmail\tStandard\tAction\tDue\tDays overdue"]
    for item in items:
        lines.append("\t".join((shown(item.organisation, 200), shown(item.contact_name, 120),
                                shown(item.contact_email, 200), standard_number(numbers, item.standard_id),
                                shown(item.action, 2000), _day(item.due_on), str(item.days_overdue))))
    return "\n".join(lines)


def chase_emails(items: Sequence[ChaseItem]) -> list[str]:
    """The contacts' email addresses, each once, in the chase list's order."""
    found: dict[str, str] = {}
    for item in items:
        email = shown(item.contact_email, 200).strip()
        if email:
            found.setdefault(email.casefold(), email)
    return list(found.values())


class _StatementCalculation(Calculation):
    def __init__(self, task: Callable[[Callable[[], bool]], StatementFigures], parent: QWidget | None,
                 key: StatementKey, generation: int):
        super().__init__(task, parent)
        self.key, self.generation = key, generation


# --- the tab ------------------------------------------------------------------------------------------------

class StatementTab(WindowParts):
    """Part of ``BusinessUnitWindow`` (a mixin): the Statement findings tab."""

    CALCULATE_APART = 1000  # statements in a cycle above which the figures are worked out on a worker thread
    statement_as_of: dt.date | None = None  # the day actions are judged on: today unless set (tests)

    def _build_statement_tab(self, form: BusinessUnitWindowForm) -> None:
        self.statement_form = sf = StatementFindingsForm(form.tabs)
        form.tabs.insertTab(form.tabs.indexOf(form.findingsTab) + 1, sf, TAB_TITLE)
        form.tabs.setTabVisible(form.tabs.indexOf(sf), False)
        self._statement_source: StatementSource | None = None  # the shown cycle's, until a change
        self._statement_source_cycle: int | None = None
        self._statement_figures: dict[StatementKey, StatementFigures] = {}
        self._statement_generation = 0
        self._statement_calculation: _StatementCalculation | None = None
        self.statement_shown: StatementFigures | None = None  # the figures on the tab now
        self._standard_numbers: dict[str, str] = {}  # of the figures shown, by standard id
        self._grade_labels: dict[str, str] = {}
        self.confirmation_model = ConfirmationModel(self)
        rows_table(sf.confirmationTable, self.confirmation_model, (430, 90, 190, 170, 90, 90))
        sf.confirmationTable.setItemDelegateForColumn(CONFIRMING_COLUMN, BarDelegate(sf.confirmationTable))
        self.declines_model = DeclinesModel(self)
        rows_table(sf.declinesTable, self.declines_model, (240, 240, 200, 300))
        self.progress_model = ProgressModel(self)
        rows_table(sf.progressTable, self.progress_model, (260, 80, 130, 150, 170, 120, 110))
        self.history_model = HistoryModel(self)
        self.history_model.set_history([], (), "")
        rows_table(sf.historyTable, self.history_model, ())
        self.new_actions_model = NewActionsModel(self)
        rows_table(sf.newActionsTable, self.new_actions_model, (110, 90, 340, 140, 110, 110))
        self.chase_model = ChaseModel(self)
        rows_table(sf.chaseTable, self.chase_model, (220, 130, 220, 80, 280, 100, 110))
        # In the core's orders: the longest overdue first, the declines by standard (then organisation).
        sf.chaseTable.sortByColumn(CHASE_DAYS_COLUMN, Qt.SortOrder.DescendingOrder)
        sf.declinesTable.sortByColumn(DECLINE_STANDARD_COLUMN, Qt.SortOrder.AscendingOrder)
        # Rows of buttons wrap with large text, as the window's own rows do (each row's Python side kept).
        self._statement_rows = [wrap_row(row) for row in (sf.chaseButtons, sf.statementOutputs)]
        sf.historyTable.setWordWrap(True)  # one organisation's few actions, each row as tall as its words
        sf.historyNote.hide()
        for splitter, top, bottom in ((sf.standardsSplitter, 3, 2), (sf.historySplitter, 3, 1)):
            splitter.setStretchFactor(0, top)  # the main table gets most of the room
            splitter.setStretchFactor(1, bottom)
        sf.organisationChooser.currentIndexChanged.connect(lambda _: self._show_history())
        sf.copyEmailsButton.clicked.connect(self.copy_chase_emails)
        sf.copyListButton.clicked.connect(self.copy_chase_list)
        sf.statementPdfButton.clicked.connect(lambda: self.write_statement_findings("pdf"))
        sf.statementXlsxButton.clicked.connect(lambda: self.write_statement_findings("xlsx"))
        sf.statementDocxButton.clicked.connect(lambda: self.write_statement_findings("docx"))
        form.tabs.currentChanged.connect(lambda _: self._show_statement())

    # --- which tab a cycle has, and when the figures are worked out ---------------------------------------

    def _refresh_statement(self, cycle: CycleRow) -> None:
        """A statement cycle shows Statement findings instead of Findings (and the other way round); the
        tab on show stays on show as the one standing in for it."""
        tabs, sf = self.form.tabs, self.statement_form
        findings, statement = tabs.indexOf(self.form.findingsTab), tabs.indexOf(sf)
        on_show = tabs.currentIndex()
        tabs.setTabVisible(statement, cycle.is_statement)
        tabs.setTabVisible(findings, not cycle.is_statement)
        if on_show in (findings, statement):
            tabs.setCurrentIndex(statement if cycle.is_statement else findings)
        self._show_statement()

    def _forget_statement(self) -> None:
        self._statement_source = self._statement_source_cycle = None
        self._statement_figures.clear()
        self._statement_generation += 1

    @property
    def statement_pending(self) -> bool:
        """The statement figures are being worked out on a worker thread."""
        return self._statement_calculation is not None

    def _statement_key(self, cycle: CycleRow) -> StatementKey:
        return cycle.id, self.statement_as_of or dt.date.today()

    def _show_statement(self) -> None:
        """Only while the tab is shown (filled when shown; kept until something changes)."""
        cycle = self.cycle
        if cycle is None or not cycle.is_statement or self.busy \
                or self.form.tabs.currentWidget() is not self.statement_form:
            return
        key = self._statement_key(cycle)
        if key in self._statement_figures:
            if self._statement_figures[key] is not self.statement_shown:  # on show already: selections kept
                self._display_statement(self._statement_figures[key])
            return
        if self._statement_calculation is not None:  # asked for again when the running one ends
            self.statement_form.statementSummary.setText("Working out the statement findings…")
            return
        if self._statement_source is None or self._statement_source_cycle != cycle.id:
            try:
                self._statement_source = read_statement_source(self.workspace, cycle)
            except AuditFileError as error:  # a cycle the figures cannot be made for: said in plain words
                self.statement_form.statementSummary.setText(str(error))
                return
            self._statement_source_cycle = cycle.id
        source, as_of = self._statement_source, key[1]
        if len(source.statements) <= self.CALCULATE_APART:
            self._statement_figures[key] = source.figures(as_of)
            self._display_statement(self._statement_figures[key])
            return
        calculation = _StatementCalculation(lambda cancelled: source.figures(as_of), self, key,
                                            self._statement_generation)
        calculation.finished.connect(self._statement_worked_out)
        self._statement_calculation = calculation
        self.statement_form.statementSummary.setText(
            f"Working out the findings of {len(source.statements):,} statements…")
        calculation.start()

    def _statement_worked_out(self) -> None:
        calculation, self._statement_calculation = self._statement_calculation, None
        if calculation is None:  # stopped as the window closed
            return
        calculation.deleteLater()
        if calculation.error is not None:
            error = calculation.error
            report_unexpected((type(error), error, error.__traceback__), "working out the statement findings")
            self.statement_form.statementSummary.setText(
                "The statement findings could not be worked out (see the message).")
            return
        if calculation.generation == self._statement_generation:
            self._statement_figures[calculation.key] = calculation.result
        self._show_statement()  # this result, or the one asked for meanwhile

    def _stop_statement(self) -> None:
        """Closing: a calculation running is stopped (its result is not wanted) before the window goes."""
        calculation, self._statement_calculation = self._statement_calculation, None
        if calculation is not None:
            calculation.stop()
            calculation.deleteLater()

    # --- showing the figures ------------------------------------------------------------------------------

    def _display_statement(self, figures: StatementFigures) -> None:
        self.statement_shown = figures
        standards_set = self.workspace.standards_set(self.shown_cycle().id)
        self._standard_numbers = words.standard_numbers(figures, standards_set)
        self._grade_labels = words.grade_labels(standards_set)
        sf = self.statement_form
        sf.statementSummary.setText(self._statement_summary(figures))
        self.confirmation_model.update_rows(figures.confirmation, lambda row: row.standard_id)
        self.declines_model.set_rows([(d, words.grade_change(d.baseline_grade, d.new_grade, self._grade_labels))
                                      for d in figures.declines])
        labels = words.standard_labels(figures, standards_set)
        self.progress_model.set_rows([("", "All standards", figures.progress)] + [
            (_number_key(standard_number(self._standard_numbers, sid)), labels.get(sid) or shown(sid, 40), tally)
            for sid, tally in figures.progress_by_standard.items()])
        sf.progressSummary.setText(self._progress_summary(figures))
        self.chase_model.set_rows([(c, standard_number(self._standard_numbers, c.standard_id))
                                   for c in figures.chase])
        people = len({c.reference.casefold() for c in figures.chase})
        sf.chaseSummary.setText(f"{len(figures.chase):,} overdue action{'' if len(figures.chase) == 1 else 's'} "
                                f"of {people:,} organisation{'' if people == 1 else 's'}, the longest overdue first."
                                if figures.chase else "No action is overdue.")
        for button in (sf.copyEmailsButton, sf.copyListButton):
            button.setEnabled(bool(figures.chase))
        self._fill_organisations(figures)

    @staticmethod
    def _progress_summary(figures: StatementFigures) -> str:
        tally = figures.progress
        if not tally.total:
            return "No statement reports on an action yet."
        counts = ", ".join(f"{count:,} {category}" for category, count, _ in words.tally_rows(tally))
        return (f"{tally.total:,} action{'' if tally.total == 1 else 's'} reported on in these statements: {counts}. "
                f"Judged as of {_long_day(figures.as_of)}; an action closed in an earlier statement is not counted "
                "again.")

    def _statement_summary(self, figures: StatementFigures) -> str:
        flagged = f"{figures.flagged:,} flagged, waiting for a decision on the Returns tab" if figures.flagged \
            else "none flagged"
        received = f"{figures.statements:,} statement{'' if figures.statements == 1 else 's'} received" \
            if figures.statements else "No statement received yet (import them on the Returns tab)"
        basis = words.basis_text(figures)  # "The full audit of 2026/27, and the earlier statement of 2027/28"
        return (f"{received}, {flagged}. Based on {basis[:1].lower()}{basis[1:]}. "
                f"Actions judged as of {_long_day(figures.as_of)}.")

    def _fill_organisations(self, figures: StatementFigures) -> None:
        """The organisations with a statement; the one chosen stays chosen."""
        chooser = self.statement_form.organisationChooser
        kept = chooser.currentData()
        chooser.blockSignals(True)
        chooser.clear()
        for history in figures.histories:
            flag = " – flagged for a decision" if history.flag else ""
            chooser.addItem(f"{shown(history.organisation, 120)} ({shown(history.reference, 40)}){flag}",
                            history.return_id)
        chooser.setCurrentIndex(max(0, chooser.findData(kept)))
        chooser.setEnabled(bool(figures.histories))
        chooser.blockSignals(False)
        self._show_history()

    def chosen_history(self) -> OrganisationHistory | None:
        figures, chosen = self.statement_shown, self.statement_form.organisationChooser.currentData()
        if figures is None:
            return None
        return next((h for h in figures.histories if h.return_id == chosen), None)

    def _show_history(self) -> None:
        figures, history, sf = self.statement_shown, self.chosen_history(), self.statement_form
        if figures is None:
            return
        numbers = self._standard_numbers
        rows: list[HistoryRow] = []
        for position, step in enumerate(history.steps if history is not None else ()):
            rows.append((step, standard_number(numbers, step.standard_id),
                         {stage.cycle: stage for stage in words.stages(step, figures.cycle)}, position))
        self.history_model.set_history(rows, figures.earlier_cycles, figures.cycle)
        self._size_history_columns(len(figures.earlier_cycles))
        new = words.new_actions(history, figures.cycle) if history is not None else []
        self.new_actions_model.set_rows([(cycle, entry, standard_number(numbers, str(entry.get("standard_id") or "")))
                                         for cycle, entry in new])
        note = self._history_note(history)
        sf.historyNote.setText(note)
        sf.historyNote.setVisible(bool(note))

    def _size_history_columns(self, earlier: int) -> None:
        from s11audit.ui.text_size import set_column_widths

        set_column_widths(self.statement_form.historyTable,
                          (50, 70, 270, 170, *([170] * earlier), 200, 110, 150, 150))
        self.statement_form.historyTable.resizeRowsToContents()  # wrapped: each action's words whole

    @staticmethod
    def _history_note(history: OrganisationHistory | None) -> str:
        if history is None:
            return ""
        parts = []
        if history.flag:
            flag = shown(history.flag, 400).rstrip()
            parts.append(f"Flagged for a decision: {flag}" + ("" if flag.endswith((".", "…")) else "."))
        if history.baseline_return_id is None:
            parts.append("The workspace does not hold the baseline return this statement names, so each action's "
                         "baseline status is not known.")
        if not history.steps:
            parts.append("The statement reports on no baseline action.")
        return " ".join(parts)

    # --- the chase list and the documents ------------------------------------------------------------------

    def _chase_items(self) -> list[ChaseItem]:
        return list(self.statement_shown.chase) if self.statement_shown is not None else []

    def copy_chase_emails(self) -> None:
        emails = chase_emails(self._chase_items())
        QGuiApplication.clipboard().setText("; ".join(emails))
        self.statement_form.chaseSummary.setText(
            f"{len(emails):,} email address{'' if len(emails) == 1 else 'es'} copied, to paste into an email.")

    def copy_chase_list(self) -> None:
        items = self._chase_items()
        QGuiApplication.clipboard().setText(chase_text(items, self._standard_numbers))
        self.statement_form.chaseSummary.setText(
            f"{len(items):,} overdue action{'' if len(items) == 1 else 's'} copied, to paste into an email or a "
            "spreadsheet.")

    def write_statement_findings(self, kind: str) -> None:
        """The PDF, workbook or Word document of the figures on show, written on a worker (plain data)."""
        from s11audit.reports.statement_findings import write_statement_reports

        figures, cycle = self.statement_shown, self.cycle
        if figures is None or cycle is None or self.busy:
            return
        suffix, file_filter = OUTPUTS[kind]
        stem = file_dialogs.file_stem(cycle.name, "cycle")
        path = file_dialogs.save_file_name(self, "Write the statement findings", f"{stem} statement findings{suffix}",
                                           file_filter)
        if not path:
            return
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        standards_set = self.workspace.standards_set(cycle.id)
        business_unit = headlines.settings(self.workspace).business_unit
        ran = self.run_job("Writing the statement findings", "The statement findings are being written",
                           lambda workspace, progress, cancelled: write_statement_reports(
                               figures, pdf=target if kind == "pdf" else None, xlsx=target if kind == "xlsx" else None,
                               docx=target if kind == "docx" else None, business_unit=business_unit,
                               standards_set=standards_set),
                           cancellable=False, changes=False)
        if ran is None:
            return
        _, error, _ = ran
        if error is not None:
            show_error(self, "Statement findings not written", error)
            return
        QMessageBox.information(self, "Statement findings written", str(target))

"""The list of designated safeguarding leads of a cycle (``business_unit.dsl_directory``) in a dialog.

Three lists over the same directory: every setting's DSL and deputies, who is due for refresher DSL
training on a chosen day (the list to invite), and the settings whose DSL changed since the previous
cycle; written as a workbook (all three) or as CSV (the list shown). The directory is read once when
the dialog opens (the cycle's current returns' stored answers, on the UI thread: a few hundred ms at
10,000 returns); changing the day only counts again. Names and contacts come from returns, so they
are shown through ``safe_text.shown``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from s11audit.business_unit.dsl_directory import (
    CHANGED_COLUMNS,
    REFRESHER_COLUMNS,
    Directory,
    changed_row,
    directory_columns,
    directory_row,
    refresher_row,
    write_directory,
)
from s11audit.reports import ReportError
from s11audit.safe_text import shown
from s11audit.ui import file_dialogs
from s11audit.ui.date_field import one_stop
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.dsl_directory_dialog import DslDirectoryDialogForm
from s11audit.ui.row_table_model import Column, RowTableModel

DIRECTORY, REFRESHER, CHANGED = "directory", "refresher", "changed"


def _text_column(title: str, n: int) -> Column:
    """Column ``n`` of rows of text: shown as one escaped line, sorted regardless of case."""

    def display(row: Sequence[str]) -> str:
        return shown(row[n], 200)

    def sort_key(row: Sequence[str]) -> str:
        return row[n].casefold()

    return Column(title, display, sort_key)


def _model(columns: list[tuple[str, int]], parent: QObject | None) -> RowTableModel:
    """A model over rows of text (as the files hold them), one column per (title, width)."""

    class Rows(RowTableModel):
        pass

    Rows.columns = tuple(_text_column(title, n) for n, (title, _) in enumerate(columns))
    return Rows(parent)


class DslDirectoryDialog(FormDialog[DslDirectoryDialogForm]):
    def __init__(self, parent: QWidget | None, directory: Directory):
        super().__init__(DslDirectoryDialogForm, parent)
        self.directory = directory
        form = self.form
        self.setWindowTitle(f"Designated safeguarding leads: {shown(directory.cycle, 80)}")
        since = f"DSL changed since {directory.previous_cycle}" if directory.previous_cycle else "DSL changed"
        for label, key in (("Every setting's DSL and deputies", DIRECTORY),
                           ("Due for refresher DSL training", REFRESHER), (since, CHANGED)):
            form.listChooser.addItem(label, key)
        day = directory.reference_date
        one_stop(form.on).setDate(QDate(day.year, day.month, day.day))
        self.models = {DIRECTORY: _model(directory_columns(directory), self),
                       REFRESHER: _model(REFRESHER_COLUMNS, self), CHANGED: _model(CHANGED_COLUMNS, self)}
        form.listChooser.currentIndexChanged.connect(self._show)
        form.on.dateChanged.connect(self._count_again)
        form.xlsxButton.clicked.connect(lambda: self.write(".xlsx"))
        form.csvButton.clicked.connect(lambda: self.write(".csv"))
        form.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        form.table.verticalHeader().hide()
        self._fill()
        self._show()

    @property
    def shown_list(self) -> str:
        return self.form.listChooser.currentData()

    def _fill(self) -> None:
        d = self.directory
        due, changed = d.due_refresher(), d.changed()
        self.models[DIRECTORY].set_rows([directory_row(e, d.reference_date) for e in d.entries])
        self.models[REFRESHER].set_rows([refresher_row(x) for x in due])
        self.models[CHANGED].set_rows([changed_row(e) for e in changed])
        people = sum(len(e.people) for e in d.entries)
        text = (f"{len(d.entries):,} settings returned in {d.cycle}, naming {people:,} DSLs and deputies. "
                f"{len(due):,} are due for refresher DSL training on {d.reference_date:%d %B %Y}".replace(" 0", " ")
                + " (last trained more than the training date's window before that day, or no date given).")
        if d.previous_cycle:
            text += f" {len(changed):,} settings have a different DSL from the one named in {d.previous_cycle}."
        self.form.summary.setText(shown(text, 1000))

    def _show(self) -> None:
        table = self.form.table
        table.setModel(self.models[self.shown_list])
        widths = {DIRECTORY: directory_columns(self.directory), REFRESHER: REFRESHER_COLUMNS,
                  CHANGED: CHANGED_COLUMNS}[self.shown_list]
        for n, (_, width) in enumerate(widths):
            table.setColumnWidth(n, min(320, 7 * width))

    def _count_again(self, day: QDate) -> None:
        self.directory = dataclasses.replace(self.directory, reference_date=dt.date(day.year(), day.month(), day.day()))
        self._fill()

    def write(self, suffix: str) -> None:
        due = suffix == ".csv" and self.shown_list == REFRESHER
        what = "DSL refresher training" if due else "DSL directory"
        name = f"{self.directory.cycle} {what}{suffix}".replace("/", "-")
        file_filter = "Excel workbooks (*.xlsx)" if suffix == ".xlsx" else "CSV files (*.csv)"
        path = file_dialogs.save_file_name(self, "Write the list of DSLs", name, file_filter)
        if not path:
            return
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        directory = self.directory
        if suffix == ".csv" and self.shown_list == CHANGED:  # the CSV is the list shown
            directory = dataclasses.replace(directory, entries=directory.changed())
        try:
            write_directory(directory, target, due_refresher=due)
        except ReportError as exc:
            QMessageBox.warning(self, "List not written", str(exc))
            return
        QMessageBox.information(self, "List written", str(target))

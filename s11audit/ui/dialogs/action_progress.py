"""One baseline action's progress in the annual compliance statement: status, progress note, the date it
was completed, a new due date when it slipped, the reason when it was dropped.

OK saves through ``ComplianceStatement.update_progress``; what the store refuses (complete without a
date, dropped without a reason, a new due date not after the old one...) is shown in the dialog, which
stays open. Fields that do not fit the chosen status are disabled, so the usual mistakes are not made.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from s11audit.store import ActionRow, AuditFileError
from s11audit.store.statement import PROGRESS_STATUSES, ComplianceStatement, ProgressRow
from s11audit.ui.date_field import one_stop, python_date
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.action_progress_dialog import ActionProgressDialogForm

SLIP_DAYS = 90  # a first guess for a new due date: a term after the old one


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class ActionProgressDialog(FormDialog[ActionProgressDialogForm]):
    def __init__(self, parent: QWidget | None, statement: ComplianceStatement, action: ActionRow):
        super().__init__(ActionProgressDialogForm, parent)
        self.statement, self.action = statement, action
        self.saved: ProgressRow | None = None
        form = self.form
        self.setWindowTitle(f"Progress of action {action.id}")
        self.set_ok_text("Save progress")
        standard = statement.standards_set.standard(action.standard_id)
        due = f"due {action.due_date:%d/%m/%Y}" if action.due_date else "no due date"
        form.actionText.setText(f"Standard {standard.number}: {action.description}\n"
                                f"Owner: {action.owner or 'not named'} · {due} in the baseline audit")
        for status, label in PROGRESS_STATUSES.items():
            form.status.addItem(label, status)
        for edit in (form.completedOn, form.newDueDate):
            one_stop(edit).setMinimumDate(QDate(2000, 1, 1))
        self._show(statement.progress(action.id))
        form.status.currentIndexChanged.connect(self._status_changed)
        form.slipped.toggled.connect(self._status_changed)
        self._status_changed()
        form.status.setFocus()

    def _show(self, progress: ProgressRow) -> None:
        form, today = self.form, dt.date.today()
        form.status.setCurrentIndex(max(0, form.status.findData(progress.status)))
        form.note.setPlainText(progress.note)
        form.completedOn.setDate(_qdate(progress.completed_on or today))
        later = (self.action.due_date or today) + dt.timedelta(days=SLIP_DAYS)
        form.newDueDate.setDate(_qdate(progress.new_due_date or later))
        form.slipped.setChecked(progress.new_due_date is not None)
        form.droppedReason.setText(progress.dropped_reason)

    def _status_changed(self, *_args) -> None:
        form = self.form
        status = form.status.currentData()
        form.completedOn.setEnabled(status == "complete")
        form.slipped.setEnabled(status in ("not_started", "in_progress"))
        form.newDueDate.setEnabled(form.slipped.isEnabled() and form.slipped.isChecked())
        form.droppedReason.setEnabled(status == "dropped")
        form.problem.clear()

    def accept(self) -> None:
        form = self.form
        status = form.status.currentData()
        try:
            self.saved = self.statement.update_progress(
                self.action.id, status=status, note=form.note.toPlainText().strip(),
                completed_on=python_date(form.completedOn.date()) if status == "complete" else None,
                new_due_date=python_date(form.newDueDate.date()) if form.newDueDate.isEnabled() else None,
                dropped_reason=form.droppedReason.text().strip() if status == "dropped" else "")
        except AuditFileError as error:
            problem = error.problem
            form.problem.setText(f"{problem[:1].upper()}{problem[1:]}")
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, statement: ComplianceStatement, action: ActionRow) -> ProgressRow | None:
        dialog = cls(parent, statement, action)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.saved if accepted else None

"""Add or edit one action of the action plan (used by the action plan and the completion screen)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from s11audit.store import ACTION_STATUSES, ActionRow
from s11audit.store.assessment import SelfAssessment
from s11audit.ui.dialogs.base import FormDialog

DEFAULT_DUE_DAYS = 90  # a term ahead: a realistic first guess that the user then changes


class ActionDialog(FormDialog):
    def __init__(self, parent: QWidget | None, assessment: SelfAssessment,
                 standard_id: str | None = None, action: ActionRow | None = None):
        super().__init__("action_dialog", parent)
        form = self.form
        self.setWindowTitle("Edit action" if action else "Add action")
        self.set_ok_text("Save action" if action else "Add action")
        standards = assessment.standards
        for standard in standards:
            form.standard.addItem(standard.heading, standard.id)
        chosen = action.standard_id if action else standard_id
        if chosen is not None and form.standard.findData(chosen) < 0:
            # An action on a standard outside this organisation's list stays editable.
            form.standard.addItem(assessment.standards_set.standard(chosen).heading, chosen)
        if chosen is not None:
            form.standard.setCurrentIndex(form.standard.findData(chosen))
        for status, label in ACTION_STATUSES.items():
            form.status.addItem(label, status)
        form.dueDate.setMinimumDate(QDate(2000, 1, 1))
        if action:
            form.description.setPlainText(action.description)
            form.owner.setText(action.owner)
            form.status.setCurrentIndex(form.status.findData(action.status))
            form.progressNotes.setPlainText(action.progress_notes)
            due = action.due_date
            form.noDueDate.setChecked(due is None)
        else:
            due = None
        form.dueDate.setDate(QDate(due) if due else QDate.currentDate().addDays(DEFAULT_DUE_DAYS))
        form.noDueDate.toggled.connect(self._no_due_toggled)
        self._no_due_toggled(form.noDueDate.isChecked())
        form.description.textChanged.connect(self._validate)
        self._validate()
        form.description.setFocus()

    def _no_due_toggled(self, checked: bool) -> None:
        self.form.dueDate.setEnabled(not checked)

    def problem(self) -> str:
        if self.form.standard.currentData() is None:
            return "Choose the standard this action is for."
        if not self.form.description.toPlainText().strip():
            return "Describe the action: what will be done."
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.form.problem.setText(problem)
        self.ok_button.setEnabled(not problem)

    def values(self) -> dict:
        form = self.form
        due: dt.date | None = None if form.noDueDate.isChecked() else form.dueDate.date().toPython()
        return {
            "standard_id": form.standard.currentData(),
            "description": form.description.toPlainText().strip(),
            "owner": form.owner.text().strip(),
            "due_date": due,
            "status": form.status.currentData(),
            "progress_notes": form.progressNotes.toPlainText().strip(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, assessment: SelfAssessment, standard_id: str | None = None,
            action: ActionRow | None = None) -> dict | None:
        """The action's fields (standard_id, description, owner, due_date, status, progress_notes), or None."""
        dialog = cls(parent, assessment, standard_id, action)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

"""Add or edit one action of the action plan (used by the action plan and the completion screen).

An action is for a standard as a whole or, where the standard is graded criterion by criterion
(standards format 2), for one of its criteria: the Criterion row lists them and is hidden for a
standard without criteria.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QWidget

from s11audit.store import ACTION_STATUSES, ActionRow
from s11audit.store.assessment import SelfAssessment
from s11audit.store.statement import ComplianceStatement
from s11audit.ui.date_field import one_stop, python_date
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.action_dialog import ActionDialogForm

if TYPE_CHECKING:
    from s11audit.ui.commands import ActionFields

DEFAULT_DUE_DAYS = 90  # a term ahead: a realistic first guess that the user then changes
CRITERION_CHARS = 90  # a criterion's heading in the list is cut to this many characters, ending in "…"


class ActionDialog(FormDialog[ActionDialogForm]):
    def __init__(self, parent: QWidget | None, assessment: SelfAssessment | ComplianceStatement,
                 standard_id: str | None = None, action: ActionRow | None = None, criterion_id: str = ""):
        super().__init__(ActionDialogForm, parent)
        form = self.form
        self._assessment = assessment
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
        form.standard.currentIndexChanged.connect(lambda _index: self._list_criteria(""))
        self._list_criteria(action.criterion_id if action else criterion_id)
        for status, label in ACTION_STATUSES.items():
            form.status.addItem(label, status)
        one_stop(form.dueDate).setMinimumDate(QDate(2000, 1, 1))
        if action:
            form.description.setPlainText(action.description)
            form.owner.setText(action.owner)
            form.status.setCurrentIndex(form.status.findData(action.status))
            form.progressNotes.setPlainText(action.progress_notes)
            due = action.due_date
            form.noDueDate.setChecked(due is None)
        else:
            due = None
        shown = QDate(due.year, due.month, due.day) if due else QDate.currentDate().addDays(DEFAULT_DUE_DAYS)
        form.dueDate.setDate(shown)
        form.noDueDate.toggled.connect(self._no_due_toggled)
        self._no_due_toggled(form.noDueDate.isChecked())
        form.description.textChanged.connect(self._validate)
        self._validate()
        form.description.setFocus()

    def _list_criteria(self, chosen: str) -> None:
        """The criteria of the chosen standard (that apply to this organisation), after "the standard as a whole"."""
        combo = self.form.criterion
        combo.clear()
        standard_id = self.form.standard.currentData()
        standard = self._assessment.standards_set.standard(standard_id) if standard_id is not None else None
        criteria = standard.criteria_for(self._assessment.org_type) if standard is not None else []
        if standard is not None:
            combo.addItem(f"Standard {standard.number} as a whole", "")
        for criterion in criteria:
            heading = criterion.heading
            text = heading if len(heading) <= CRITERION_CHARS else heading[:CRITERION_CHARS - 1] + "\u2026"
            combo.addItem(f"Criterion {text}", criterion.id)
            combo.setItemData(combo.count() - 1, criterion.text, Qt.ItemDataRole.ToolTipRole)
        if chosen and combo.findData(chosen) < 0 and standard is not None:
            combo.addItem(f"Criterion {chosen}", chosen)  # no longer applies to this organisation: kept
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        visible = combo.count() > 1
        self.form.formLayout.setRowVisible(self.form.criterion, visible)

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
        self.set_ok_enabled(not problem)

    def values(self) -> ActionFields:
        form = self.form
        due = None if form.noDueDate.isChecked() else python_date(form.dueDate.date())
        return {
            "standard_id": form.standard.currentData(),
            "criterion_id": form.criterion.currentData() or "",
            "description": form.description.toPlainText().strip(),
            "owner": form.owner.text().strip(),
            "due_date": due,
            "status": form.status.currentData(),
            "progress_notes": form.progressNotes.toPlainText().strip(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, assessment: SelfAssessment | ComplianceStatement,
            standard_id: str | None = None, action: ActionRow | None = None,
            criterion_id: str = "") -> ActionFields | None:
        """The action's fields (standard_id, criterion_id, description, owner, due_date, status,
        progress_notes), or None."""
        dialog = cls(parent, assessment, standard_id, action, criterion_id)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

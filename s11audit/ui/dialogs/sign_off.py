"""Signing the open audit off: what still blocks it, or the declaration and one row per signatory role.

A full audit is signed with its set's ``sign_off`` declaration; an annual compliance statement with the set's
statement declaration (``StatementQuestions.declaration``), and the dialogs call it a statement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from s11audit.completeness import Completeness
from s11audit.store.assessment import SelfAssessment
from s11audit.store.statement import ComplianceStatement
from s11audit.store.sign_off import SignatoryEntry, SignOffError, signatory_problems
from s11audit.ui.completeness_panel import CompletenessPanel
from s11audit.ui.date_field import one_stop, python_date
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.sign_off_dialog import SignOffDialogForm


# A full audit or an annual compliance statement: both have a set (declaration, signatories), completeness and sign().
Signable = SelfAssessment | ComplianceStatement


def _what(assessment: Signable) -> str:
    """What is being signed off, in the dialogs' words."""
    return "statement" if isinstance(assessment, ComplianceStatement) else "audit"


def declaration(assessment: Signable) -> str:
    """The declaration the signatories sign: the set's statement declaration for a statement."""
    if isinstance(assessment, ComplianceStatement):
        return assessment.declaration
    return assessment.standards_set.sign_off.declaration


@dataclass
class _Row:
    role: str
    name: QLineEdit
    signed_on: QDateEdit
    confirmed: QCheckBox


class SignOffDialog(FormDialog[SignOffDialogForm]):
    """OK signs the audit (or statement) off; a refusal is shown in the dialog, which stays open, and the list of
    what is wrong follows the fields from then on (a fixed problem leaves it as it is fixed)."""

    def __init__(self, parent: QWidget | None, assessment: Signable):
        super().__init__(SignOffDialogForm, parent)
        self.assessment = assessment
        self._gaps: list[str] | None = None  # what the audit lacks, once sign-off was refused; None before
        self.set_ok_text("&Sign off")
        form = self.form
        if isinstance(assessment, ComplianceStatement):
            self.setWindowTitle("Sign off the annual compliance statement")
            form.declarationLabel.setText("The statement's &declaration:")
            form.declaration.setAccessibleName("The statement's declaration")
        form.declaration.setPlainText(declaration(assessment))
        grid = form.signatoriesLayout
        self.rows: list[_Row] = []
        previous: QWidget = form.declaration
        for number, spec in enumerate(assessment.standards_set.sign_off.signatories):
            role_text = f"{spec.role} *" if spec.required else f"{spec.role} (optional)"
            label = QLabel(role_text, form.signatories)
            label.setProperty("role", "heading")
            name = QLineEdit(form.signatories)
            name.setObjectName(f"signatoryName{number}")
            name.setPlaceholderText("Full name")
            name.setMaxLength(200)
            name.setAccessibleName(f"Name of the {spec.role}{' (required)' if spec.required else ''}")
            label.setBuddy(name)
            signed_on = one_stop(QDateEdit(QDate.currentDate(), form.signatories))
            signed_on.setObjectName(f"signatoryDate{number}")
            signed_on.setMinimumDate(QDate(2000, 1, 1))
            signed_on.setAccessibleName(f"Date the {spec.role} signed")
            confirmed = QCheckBox("I have read this return", form.signatories)
            confirmed.setObjectName(f"signatoryConfirmed{number}")
            confirmed.setAccessibleName(f"The {spec.role} has read this return")
            # The role on its own line above its row, so long role names leave the name field room.
            grid.addWidget(label, 2 * number, 0, 1, 3)
            for column, widget in enumerate((name, signed_on, confirmed)):
                grid.addWidget(widget, 2 * number + 1, column)
            for widget in (name, signed_on, confirmed):
                QWidget.setTabOrder(previous, widget)
                previous = widget
            name.textChanged.connect(self._refresh_problems)
            signed_on.dateChanged.connect(self._refresh_problems)
            confirmed.toggled.connect(self._refresh_problems)
            self.rows.append(_Row(spec.role, name, signed_on, confirmed))
        grid.setColumnStretch(0, 1)
        QWidget.setTabOrder(previous, form.buttons)
        if self.rows:
            self.rows[0].name.setFocus()

    def entries(self) -> list[SignatoryEntry]:
        return [SignatoryEntry(row.role, row.name.text().strip(), python_date(row.signed_on.date()),
                               row.confirmed.isChecked()) for row in self.rows]

    def accept(self) -> None:
        try:
            self.assessment.sign(self.entries())
        except SignOffError as error:
            self._gaps = [m.message for m in error.missing]
            self._show_problems(list(error.blockers))
            return
        super().accept()

    def _show_problems(self, problems: list[str]) -> None:
        self.form.problem.setText(f"This {_what(self.assessment)} cannot be signed off yet:\n"
                                  + "\n".join(f"• {b[:1].upper()}{b[1:]}" for b in problems) if problems else "")

    def _refresh_problems(self) -> None:
        """After a refusal, list again what is still wrong as the signatories' fields change (the
        audit itself cannot change while the dialog is open, so its gaps are kept as they were)."""
        if self._gaps is not None:
            self._show_problems(self._gaps + signatory_problems(self.assessment.standards_set, self.entries())[0])


class NotReadyDialog(QDialog):
    """What still blocks sign-off, as the same list as the completeness panel: clicking an entry (or
    Enter on it) closes the dialog and goes to its place in the audit."""

    def __init__(self, parent: QWidget | None, assessment: Signable, report: Completeness):
        super().__init__(parent)
        self.setWindowTitle("Not ready to sign off")
        self.setAccessibleName("Not ready to sign off")
        self.jumped_to: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        count = len(report.missing)
        intro = QLabel(f"This {_what(assessment)} is not complete yet, so it cannot be signed off. "
                       f"{count} {'thing is' if count == 1 else 'things are'} still missing. "
                       "Click one to go to it.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.panel = CompletenessPanel(self)
        self.panel.set_completeness(report, assessment.standards_set)
        self.panel.heading.hide()
        self.panel.jump.connect(self._jump)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.panel.view.setFocus()
        self.panel.view.setCurrentIndex(self.panel.model.index(0))

    def _jump(self, standard_id: str, item_id: str) -> None:
        self.jumped_to = (standard_id, item_id)
        self.accept()


def sign_off(parent: QWidget, assessment: Signable, go_to: Callable[[str, str], object]) -> bool:
    """Sign the audit off through the dialog; if it is incomplete, list what blocks it instead, each
    entry going to its place. True when the audit was signed off."""
    report = assessment.completeness()
    if not report.complete:
        blockers = NotReadyDialog(parent, assessment, report)
        if blockers.exec() == QDialog.DialogCode.Accepted and blockers.jumped_to:
            go_to(*blockers.jumped_to)
        blockers.deleteLater()
        return False
    return SignOffDialog(parent, assessment).exec() == SignOffDialog.DialogCode.Accepted

"""Start an audit: which standards set (offered only those for this kind of organisation) and cycle,
and, when the file already holds an audit, whether to carry an earlier one forward (the core does it:
``AuditFile.start_audit(..., carry_forward_from=...)``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from s11audit.standards import StandardsSet
from s11audit.store import AuditSummary, CarryForwardReport
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.elide import elide_combo
from s11audit.ui.explanations import AUDIT_CYCLE, NEW_AUDIT, STANDARDS_SET, VERSION
from s11audit.ui.generated.new_audit_dialog import NewAuditDialogForm

ACADEMIC_YEAR_START_MONTH = 9  # September


def academic_year(day: dt.date) -> str:
    """The academic year a day falls in: 1 Sep 2026 to 31 Aug 2027 is "2026/27"."""
    start = day.year if day.month >= ACADEMIC_YEAR_START_MONTH else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def cycle_choices(today: dt.date) -> list[str]:
    """Previous, current and next academic year."""
    return [academic_year(today.replace(year=today.year + offset, day=1)) for offset in (-1, 0, 1)]


def describe(standards_set: StandardsSet) -> str:
    lines = [
        f"{standards_set.legal_basis}. Version {standards_set.version}, "
        f"in effect from {standards_set.effective_date.strftime('%d %B %Y').lstrip('0')}. "
        f"{len(standards_set.standards)} standards.",
    ]
    if standards_set.publisher:
        lines.append(f"Published by {standards_set.publisher}.")
    if standards_set.description:
        lines.append("")
        lines.append(" ".join(standards_set.description.split()))
    return "\n".join(lines)


def carry_forward_label(audit: AuditSummary) -> str:
    return f"Carry forward from {audit.cycle} (version {audit.version_no})"


def tell_carried_forward(parent: QWidget | None, report: CarryForwardReport | None) -> None:
    """After starting: what was carried forward and what was left out (nothing to say for an empty earlier audit)."""
    if report is None or not (report.standards or report.answers or report.evidence or report.actions
                              or report.complete_actions or report.left_out):
        return
    QMessageBox.information(parent, "Carried forward", report.summary())


class NewAuditDialog(FormDialog[NewAuditDialogForm]):
    def __init__(self, parent: QWidget | None, sets: list[StandardsSet], organisation: str,
                 existing: Sequence[AuditSummary] = (), today: dt.date | None = None):
        super().__init__(NewAuditDialogForm, parent)
        self.set_ok_text("Start audit")
        self._existing = {(a.set_id, a.cycle) for a in existing}
        form = self.form
        form.intro.setText(f"Choose the standards set the partnership asked {organisation} to complete, and the "
                           "audit cycle. The audit keeps its own copy of the set, so later changes to the set do "
                           "not alter it.")
        for widget, tip in ((form.setLabel, STANDARDS_SET), (form.standardsSet, STANDARDS_SET),
                            (form.setDetails, VERSION), (form.cycleLabel, AUDIT_CYCLE), (form.cycle, AUDIT_CYCLE)):
            widget.setToolTip(tip)
        form.intro.setToolTip(NEW_AUDIT)
        for standards_set in sets:
            form.standardsSet.addItem(standards_set.display_name, standards_set)
        if existing:
            # Next year's audit is usually against the same set as the last one.
            last = [i for i, s in enumerate(sets) if s.id == existing[-1].set_id]
            if last:
                form.standardsSet.setCurrentIndex(last[-1])
        choices = cycle_choices(today or dt.date.today())
        form.cycle.addItems(choices)
        form.cycle.setCurrentIndex(1)
        form.standardsSet.currentIndexChanged.connect(self._set_changed)
        elide_combo(form.standardsSet, 30)  # a long set name ends in "…"; the whole name is in its tooltip
        form.cycle.editTextChanged.connect(self._validate)
        self._offer_carry_forward(list(existing))
        self._set_changed()

    def _offer_carry_forward(self, existing: list[AuditSummary]) -> None:
        """Offer the earlier audits, newest first; carrying the latest forward is what most people want."""
        form = self.form
        self._earlier = {a.id: a for a in existing}
        for audit in reversed(existing):
            form.carryFrom.addItem(f"{audit.cycle}: {audit.set_title} (version {audit.version_no})", audit.id)
        elide_combo(form.carryFrom, 30)
        for widget in (form.carryForward, form.carryForwardHint):
            widget.setVisible(bool(existing))
        form.carryFrom.setVisible(len(existing) > 1)
        form.carryForward.setChecked(bool(existing))
        form.carryForward.toggled.connect(self._carry_changed)
        form.carryFrom.currentIndexChanged.connect(self._carry_changed)
        self._carry_changed()

    def _carry_changed(self) -> None:
        form = self.form
        chosen = self._earlier.get(form.carryFrom.currentData())
        if chosen is not None:
            form.carryForward.setText(carry_forward_label(chosen))
            form.carryForward.setAccessibleName(carry_forward_label(chosen))
        form.carryFrom.setEnabled(form.carryForward.isChecked())
        form.carryForwardHint.setEnabled(form.carryForward.isChecked())

    def carry_forward_from(self) -> int | None:
        """The id of the earlier audit to carry forward, or None to start empty."""
        if not self._earlier or not self.form.carryForward.isChecked():
            return None
        return self.form.carryFrom.currentData()

    def _set_changed(self) -> None:
        chosen = self.standards_set()
        self.form.setDetails.setPlainText(describe(chosen) if chosen else "")
        self._validate()

    def standards_set(self) -> StandardsSet | None:
        return self.form.standardsSet.currentData()

    def cycle(self) -> str:
        return " ".join(self.form.cycle.currentText().split())

    def problem(self) -> str:
        chosen = self.standards_set()
        if chosen is None:
            return ("No standards set on this computer is for this kind of organisation. Ask the partnership's "
                    "business unit for their standards file (see Help > Standards sets).")
        if not self.cycle():
            return "Enter the audit cycle, for example 2026/27."
        if (chosen.id, self.cycle()) in self._existing:
            return f"This file already holds a {chosen.title} audit for {self.cycle()}. Choose another cycle."
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.form.problem.setText(problem)
        self.set_ok_enabled(not problem)

    @classmethod
    def ask(cls, parent: QWidget | None, sets: list[StandardsSet], organisation: str,
            existing: Sequence[AuditSummary] = ()) -> tuple[StandardsSet, str, int | None] | None:
        """The set, the cycle and the earlier audit to carry forward (None: start empty); None if cancelled."""
        dialog = cls(parent, sets, organisation, existing)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.standards_set()
        if chosen is None:  # OK is enabled only once a set is chosen
            return None
        return chosen, dialog.cycle(), dialog.carry_forward_from()

"""Start an audit: which standards set (offered only those for this kind of organisation) and cycle."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QWidget

from s11audit.standards import StandardsSet
from s11audit.store import AuditSummary
from s11audit.ui.dialogs.base import FormDialog


def academic_year(day: dt.date) -> str:
    """The academic year a day falls in: 1 Sep 2026 to 31 Aug 2027 is "2026/27"."""
    start = day.year if day.month >= 9 else day.year - 1
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


class NewAuditDialog(FormDialog):
    def __init__(self, parent: QWidget | None, sets: list[StandardsSet], organisation: str,
                 existing: list[AuditSummary] = (), today: dt.date | None = None):
        super().__init__("new_audit_dialog", parent)
        self.set_ok_text("Start audit")
        self._existing = {(a.set_id, a.cycle) for a in existing}
        form = self.form
        form.intro.setText(f"Choose the standards set the partnership asked {organisation} to complete, and the "
                           "audit cycle. The audit keeps its own copy of the set, so later changes to the set do "
                           "not alter it.")
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
        form.cycle.editTextChanged.connect(self._validate)
        self._set_changed()

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
        self.ok_button.setEnabled(not problem)

    @classmethod
    def ask(cls, parent: QWidget | None, sets: list[StandardsSet], organisation: str,
            existing: list[AuditSummary] = ()) -> tuple[StandardsSet, str] | None:
        dialog = cls(parent, sets, organisation, existing)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.standards_set(), dialog.cycle()

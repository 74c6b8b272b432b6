"""The business unit's dialogs: a new audit cycle, an organisation in the register, moderating a return."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableWidgetItem, QWidget

from s11audit.business_unit.workspace import CycleRow, OrganisationEntry
from s11audit.organisations import KIND_LABELS, ORGANISATION_TYPES, TYPES_BY_ID
from s11audit.standards import StandardsSet
from s11audit.ui.dialogs.base import FormDialog

SECTORS = ("Education", "Health", "Police", "Local authority", "Probation and youth justice",
           "Voluntary and community", "Other")


def sector_for_type(org_type: str) -> str:
    """The sector a type usually belongs to, offered when the register gives none."""
    return {"health": "Health", "police": "Police", "local_authority": "Local authority",
            "district_council": "Local authority", "probation": "Probation and youth justice",
            "youth_justice": "Probation and youth justice", "voluntary_community": "Voluntary and community",
            "other": "Other"}.get(org_type, "Education" if org_type in TYPES_BY_ID else "")


class NewCycleDialog(FormDialog):
    def __init__(self, parent: QWidget | None, sets: list[StandardsSet], cycles: list[CycleRow]):
        super().__init__("new_cycle_dialog", parent)
        self.set_ok_text("&Create cycle")
        form = self.form
        self._sets = sets
        self._taken = {c.name.casefold() for c in cycles}
        for standards_set in sets:
            form.standardsSet.addItem(f"{standards_set.title}, version {standards_set.version}", standards_set.id)
        form.previousCycle.addItem("None (first audit)", None)
        for cycle in cycles:
            form.previousCycle.addItem(cycle.name, cycle.name)
        if cycles:
            form.previousCycle.setCurrentIndex(len(cycles))
        today = QDate.currentDate()
        form.opensOn.setDate(today)
        form.dueOn.setDate(today.addMonths(3))
        for signal in (form.cycleName.textChanged, form.opensOn.dateChanged, form.dueOn.dateChanged):
            signal.connect(self.validate)
        self.validate()
        form.cycleName.setFocus()

    def problem(self) -> str:
        name = self.form.cycleName.text().strip()
        if not name:
            return "Give the cycle a name, for example “Schools S175 2026/27”."
        if name.casefold() in self._taken:
            return f"There is already a cycle called “{name}”."
        if not self._sets:
            return "No standards set is available."
        if self.form.dueOn.date() < self.form.opensOn.date():
            return "The due date is before the cycle opens."
        return ""

    def values(self) -> tuple[str, StandardsSet, dt.date, dt.date, str | None]:
        form = self.form
        standards_set = self._sets[form.standardsSet.currentIndex()]
        return (form.cycleName.text().strip(), standards_set, form.opensOn.date().toPython(),
                form.dueOn.date().toPython(), form.previousCycle.currentData())


class OrganisationDialog(FormDialog):
    def __init__(self, parent: QWidget | None, kinds: tuple[str, ...], taken: set[str],
                 entry: OrganisationEntry | None = None):
        super().__init__("organisation_dialog", parent)
        form = self.form
        self.setWindowTitle("Add an organisation" if entry is None else "Change an organisation")
        self.set_ok_text("&Add" if entry is None else "&Save")
        self._taken = taken
        for org_type in ORGANISATION_TYPES:
            if not kinds or org_type.kind in kinds:
                form.orgType.addItem(f"{org_type.label} ({KIND_LABELS[org_type.kind].split(' (')[0]})", org_type.id)
        form.sector.addItems(SECTORS)
        form.sector.setCurrentText("")
        form.orgType.currentIndexChanged.connect(self._type_changed)
        if entry is not None:
            form.orgName.setText(entry.name)
            form.reference.setText(entry.reference)
            form.orgType.setCurrentIndex(max(0, form.orgType.findData(entry.org_type)))
            form.sector.setCurrentText(entry.sector)
            form.contactName.setText(entry.contact_name)
            form.contactEmail.setText(entry.contact_email)
        else:
            self._type_changed()
        for edit in (form.orgName, form.reference, form.contactEmail):
            edit.textChanged.connect(self.validate)
        self.validate()
        form.orgName.setFocus()

    def _type_changed(self) -> None:
        if not self.form.sector.currentText() or self.form.sector.currentText() in SECTORS:
            self.form.sector.setCurrentText(sector_for_type(self.form.orgType.currentData() or ""))

    def problem(self) -> str:
        form = self.form
        if not form.orgName.text().strip():
            return "Type the organisation's name."
        reference = form.reference.text().strip()
        if not reference:
            return "Type the organisation's reference (URN, ODS code or your own)."
        if " ".join(reference.split()).casefold() in self._taken:
            return f"Another organisation in this cycle already has the reference {reference}."
        email = form.contactEmail.text().strip()
        if email and ("@" not in email or " " in email):
            return "The contact email does not look like an email address."
        return ""

    def entry(self) -> OrganisationEntry:
        form = self.form
        return OrganisationEntry(form.orgName.text().strip(), form.reference.text().strip(),
                                 form.sector.currentText().strip(), form.orgType.currentData() or "",
                                 form.contactName.text().strip(), form.contactEmail.text().strip())


AGREE = "Agree"


class ModerationDialog(FormDialog):
    """One row per standard: the self-grade, the moderated grade ("Agree" keeps the self-grade) and why."""

    def __init__(self, parent: QWidget | None, standards_set: StandardsSet, organisation: str, content: dict,
                 moderated: dict[str, tuple[str, str]]):
        super().__init__("moderation_dialog", parent)
        form = self.form
        self.form.heading.setText(f"{organisation}: {standards_set.title}")
        scale = standards_set.grade_scale
        own = {s["standard_id"]: s for s in content.get("standards", [])}
        table = form.standardsTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(["Standard", "Their grade", "Moderated grade", "Comment"])
        standards = [s for s in standards_set.standards if s.id in own]
        table.setRowCount(len(standards))
        self.rows: list[tuple[str, str | None, QComboBox, QLineEdit]] = []
        for row, standard in enumerate(standards):
            given = own[standard.id]
            self_grade = None if given.get("not_applicable") else given.get("grade")
            shown = (scale.not_applicable_label if given.get("not_applicable")
                     else scale.level(self_grade).label if self_grade and scale.has_level(self_grade) else "Not graded")
            table.setItem(row, 0, QTableWidgetItem(standard.heading))
            table.setItem(row, 1, QTableWidgetItem(shown))
            chooser = QComboBox(table)
            chooser.setAccessibleName(f"Moderated grade for {standard.heading}")
            chooser.addItem(AGREE, None)
            for level in scale.levels:
                chooser.addItem(level.label, level.id)
            comment = QLineEdit(table)
            comment.setAccessibleName(f"Why, for {standard.heading}")
            comment.setPlaceholderText("Why the grade was moderated")
            if standard.id in moderated:
                grade, why = moderated[standard.id]
                chooser.setCurrentIndex(max(0, chooser.findData(grade)))
                comment.setText(why)
            table.setCellWidget(row, 2, chooser)
            table.setCellWidget(row, 3, comment)
            self.rows.append((standard.id, self_grade, chooser, comment))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(1, 130)
        table.setColumnWidth(2, 170)
        table.verticalHeader().hide()

    def choices(self) -> dict[str, tuple[str | None, str]]:
        """Standard id -> (moderated grade or None to agree, comment)."""
        return {sid: (chooser.currentData(), comment.text().strip()) for sid, _, chooser, comment in self.rows}

"""The business unit's dialogs: a new audit cycle, an organisation in the register and the business unit's
details (moderation: moderation_dialog.py; headline measures: headlines_dialog.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

from s11audit.business_unit.cycle_sets import YOUR_FOLDER, preferred_set
from s11audit.business_unit.models import FULL_CYCLE, STATEMENT_CYCLE
from s11audit.business_unit.workspace import CycleRow, OrganisationEntry
from s11audit.organisations import KIND_LABELS, ORGANISATION_TYPES, TYPES_BY_ID
from s11audit.safe_text import shown
from s11audit.standards import StandardsSet
from s11audit.ui.date_field import one_stop, python_date
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.elide import elide_combo
from s11audit.ui.generated.business_unit_details_dialog import BusinessUnitDetailsDialogForm
from s11audit.ui.generated.new_cycle_dialog import NewCycleDialogForm
from s11audit.ui.generated.organisation_dialog import OrganisationDialogForm

SECTORS = ("Education", "Health", "Police", "Local authority", "Probation and youth justice",
           "Voluntary and community", "Other")
SIGNATURE_LINES = 6  # most lines in the signature block of the business unit's letters
SIGNATURE_LINE_LENGTH = 500  # most characters in one line of the signature block


def sector_for_type(org_type: str) -> str:
    """The sector a type usually belongs to, offered when the register gives none."""
    return {"health": "Health", "police": "Police", "local_authority": "Local authority",
            "district_council": "Local authority", "probation": "Probation and youth justice",
            "youth_justice": "Probation and youth justice", "voluntary_community": "Voluntary and community",
            "other": "Other"}.get(org_type, "Education" if org_type in TYPES_BY_ID else "")


def _short_source(source: str) -> str:
    """"shipped" or "your folder: FILE" for the list; the full path is in the tooltip and below it."""
    if source.startswith(YOUR_FOLDER):
        return f"your folder: {Path(source[len(YOUR_FOLDER):]).name}"
    return "shipped" if source else ""


class NewCycleDialog(FormDialog[NewCycleDialogForm]):
    """A new cycle: its name, kind (a full audit, or an annual compliance statement based on an earlier full
    cycle, whose standards set it uses), standards set (offered first by what the register holds, each shown
    with its version and where it comes from), dates and previous cycle."""

    def __init__(self, parent: QWidget | None, sets: list[StandardsSet], cycles: list[CycleRow],
                 sources: dict[tuple[str, str], str] | None = None, org_types: Iterable[str] = (),
                 previous: StandardsSet | None = None, *,
                 set_of: Callable[[CycleRow], StandardsSet] | None = None):
        super().__init__(NewCycleDialogForm, parent)
        self.set_ok_text("&Create cycle")
        form = self.form
        self._sets = sets
        self._sources = sources or {}
        self._set_of = set_of  # a cycle's own set (kept in the workspace), for a baseline not among ``sets``
        self._taken = {c.name.casefold() for c in cycles}
        self._fill_sets(org_types, previous)
        self._fill_kinds(cycles)
        form.previousCycle.addItem("None (first audit)", None)
        for cycle in cycles:
            form.previousCycle.addItem(cycle.name, cycle.name)
        if cycles:
            form.previousCycle.setCurrentIndex(len(cycles))
        form.previousCycle.currentIndexChanged.connect(self._show_copy)
        self._show_copy()
        today = QDate.currentDate()
        for date_box in (form.opensOn, form.dueOn):
            one_stop(date_box)
        form.opensOn.setDate(today)
        form.dueOn.setDate(today.addMonths(3))
        for signal in (form.cycleName.textChanged, form.opensOn.dateChanged, form.dueOn.dateChanged,
                       form.statementKind.toggled, form.baselineCycle.currentIndexChanged):
            signal.connect(self.validate)
        self.validate()
        form.cycleName.setFocus()

    def _fill_sets(self, org_types: Iterable[str], previous: StandardsSet | None) -> None:
        form = self.form
        for standards_set in self._sets:
            source = self._sources.get(standards_set.key, "")
            where = _short_source(source)
            form.standardsSet.addItem(shown(f"{standards_set.title}, version {standards_set.version}"
                                            + (f" ({where})" if where else ""), 200), standards_set.id)
            form.standardsSet.setItemData(form.standardsSet.count() - 1, shown(source, 400),
                                          Qt.ItemDataRole.ToolTipRole)
        # Every set's title starts "Section ...": the box is as wide as the form allows, the entry
        # ends in "..." where it is cut and is whole in the tooltip and the open list.
        elide_combo(form.standardsSet, 40)
        form.standardsSet.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        preferred = preferred_set(self._sets, org_types, previous)
        if preferred is not None:
            form.standardsSet.setCurrentIndex(self._sets.index(preferred))
        self._chosen_set = form.standardsSet.currentIndex()  # the full audit's choice, kept while a statement shows
        form.standardsSet.currentIndexChanged.connect(self._show_source)
        self._show_source()

    def _fill_kinds(self, cycles: list[CycleRow]) -> None:
        """A statement is based on a full cycle (the latest offered first); with none, it cannot be chosen."""
        form = self.form
        self._full_cycles = [c for c in cycles if not c.is_statement]
        self._baseline_set: StandardsSet | None = None
        self._extra_set = False  # the baseline's set is added to the set box: it is not among ``sets``
        for cycle in self._full_cycles:
            form.baselineCycle.addItem(shown(f"{cycle.name} (due {cycle.due_on:%d %b %Y})", 200), cycle.id)
        form.baselineCycle.setCurrentIndex(len(self._full_cycles) - 1)
        elide_combo(form.baselineCycle, 40)
        form.baselineCycle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        form.statementKind.setEnabled(bool(self._full_cycles))
        form.statementKind.toggled.connect(self._show_kind)
        form.baselineCycle.currentIndexChanged.connect(self._show_kind)
        self._show_kind()

    def is_statement(self) -> bool:
        return self.form.statementKind.isChecked()

    def baseline(self) -> CycleRow | None:
        """The full cycle a statement is based on (None for a full audit)."""
        index = self.form.baselineCycle.currentIndex()
        return self._full_cycles[index] if self.is_statement() and 0 <= index < len(self._full_cycles) else None

    def kind(self) -> tuple[str, str | None]:
        """(kind, baseline cycle name) as ``Workspace.add_cycle`` takes them: ("full", None) or ("statement", NAME)."""
        baseline = self.baseline()
        return (STATEMENT_CYCLE, baseline.name) if baseline is not None else (FULL_CYCLE, None)

    def _show_kind(self) -> None:
        """For a statement: the baseline row shows and the set box shows the baseline's set, fixed."""
        form = self.form
        baseline = self.baseline()
        form.formLayout.setRowVisible(form.baselineCycle, self.is_statement())
        form.standardsSet.blockSignals(True)
        if self._extra_set:
            form.standardsSet.removeItem(len(self._sets))
            self._extra_set = False
        if baseline is None:
            form.standardsSet.setCurrentIndex(self._chosen_set)
            self._baseline_set = None
        else:
            if form.standardsSet.isEnabled():
                self._chosen_set = form.standardsSet.currentIndex()
            self._baseline_set = self._set_for(baseline)
        form.standardsSet.setEnabled(baseline is None)
        form.standardsSet.blockSignals(False)
        if not self._full_cycles:
            form.kindNote.setText("An annual compliance statement follows a full audit: create a full audit cycle "
                                  "first.")
        elif baseline is not None:
            form.kindNote.setText(f"Organisations say what changed since their return to {shown(baseline.name, 60)} "
                                  "and how its actions progressed.")
        else:
            form.kindNote.setText("")
        form.kindNote.setVisible(bool(form.kindNote.text()))
        self._show_source()
        self._fit()

    def _fit(self) -> None:
        """Taller when the rows a statement adds show, so no line is cut (never narrower than the person made it)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = max(self.sizeHint().height(), self.heightForWidth(self.width()))
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _set_for(self, baseline: CycleRow) -> StandardsSet | None:
        """The baseline's set, selected in the set box (added to it when it is not among the sets offered)."""
        box = self.form.standardsSet
        index = next((n for n, s in enumerate(self._sets) if s.content_hash == baseline.set_hash), None)
        if index is not None:
            box.setCurrentIndex(index)
            return self._sets[index]
        found = self._set_of(baseline) if self._set_of is not None else None
        box.addItem(shown(f"{baseline.set_title}, version {baseline.set_version} (kept with {baseline.name})", 200),
                    baseline.set_id)
        box.setCurrentIndex(len(self._sets))
        self._extra_set = True
        return found

    def _show_copy(self) -> None:
        """The register is copied from the previous cycle chosen (and the box says which); none without one."""
        previous = self.form.previousCycle.currentData()
        box = self.form.copyRegister
        box.setEnabled(previous is not None)
        box.setText(f"Copy the &register of {shown(previous, 60)} into the new cycle (correct it there)"
                    if previous is not None else "Copy a &register (choose a previous cycle)")

    def copy_register(self) -> bool:
        """Copy the previous cycle's register into the new cycle."""
        return self.form.previousCycle.currentData() is not None and self.form.copyRegister.isChecked()

    def _show_source(self) -> None:
        baseline = self.baseline()
        if baseline is not None:
            self.form.setSource.setText(f"An annual compliance statement uses the standards set of its baseline, "
                                        f"{shown(baseline.name, 60)}.")
            return
        index = self.form.standardsSet.currentIndex()
        source = self._sources.get(self._sets[index].key, "") if 0 <= index < len(self._sets) else ""
        if source.startswith(YOUR_FOLDER):
            source = f"From your standards folder: {source[len(YOUR_FOLDER):]}"
        self.form.setSource.setText(shown(source[:1].upper() + source[1:], 400))

    def problem(self) -> str:
        name = self.form.cycleName.text().strip()
        if not name:
            return "Give the cycle a name, for example “Schools S175 2026/27”."
        if name.casefold() in self._taken:
            return f"There is already a cycle called “{name}”."
        if not self._sets and not self.is_statement():
            return "No standards set is available."
        if self.is_statement() and self._baseline_set is None:
            return "The baseline's standards set cannot be read."
        if self.form.dueOn.date() < self.form.opensOn.date():
            return "The due date is before the cycle opens."
        return ""

    def values(self) -> tuple[str, StandardsSet, dt.date, dt.date, str | None]:
        """(name, standards set, opens on, due on, previous cycle name); for a statement the set is its
        baseline's (see :meth:`kind`)."""
        form = self.form
        standards_set = self._baseline_set if self.is_statement() and self._baseline_set is not None \
            else self._sets[form.standardsSet.currentIndex()]
        return (form.cycleName.text().strip(), standards_set, python_date(form.opensOn.date()),
                python_date(form.dueOn.date()), form.previousCycle.currentData())


class OrganisationDialog(FormDialog[OrganisationDialogForm]):
    def __init__(self, parent: QWidget | None, kinds: tuple[str, ...], taken: set[str],
                 entry: OrganisationEntry | None = None):
        super().__init__(OrganisationDialogForm, parent)
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


class BusinessUnitDetailsDialog(FormDialog[BusinessUnitDetailsDialogForm]):
    """The business unit's name and the signature block of its letters (``headlines.WorkspaceSettings``)."""

    def __init__(self, parent: QWidget | None, name: str, signature: tuple[str, ...]):
        super().__init__(BusinessUnitDetailsDialogForm, parent)
        self.set_ok_text("&Save")
        form = self.form
        form.unitName.setText(name)
        form.signature.setPlainText("\n".join(signature))
        form.signature.textChanged.connect(self.validate)
        self.validate()
        form.unitName.setFocus()

    def signature(self) -> list[str]:
        return [line.strip() for line in self.form.signature.toPlainText().splitlines() if line.strip()]

    def problem(self) -> str:
        if len(self.signature()) > SIGNATURE_LINES:
            return "Keep the signature block to six lines or fewer (name, role, contact)."
        if any(len(line) > SIGNATURE_LINE_LENGTH for line in self.signature()):
            return "A line of the signature block is longer than 500 characters."
        return ""

    def values(self) -> tuple[str, list[str]]:
        return self.form.unitName.text().strip(), self.signature()

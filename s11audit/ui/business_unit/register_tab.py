"""The Register tab of the business unit's window: the cycle's organisations with their status and
response rates, register import, adding/changing/removing organisations, the chase list, starting files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QDialog, QMessageBox

from s11audit.business_unit import tracking
from s11audit.business_unit.tracking import ResponseRates
from s11audit.business_unit.workspace import CycleRow, OrganisationRow
from s11audit.figures import percent_text
from s11audit.organisations import type_label
from s11audit.reports import ReportError
from s11audit.store import AuditFileError
from s11audit.ui import file_dialogs
from s11audit.ui.business_unit.dialogs import OrganisationDialog
from s11audit.ui.business_unit.tables import RegisterModel, rows_table
from s11audit.ui.business_unit.window_parts import WindowParts
from s11audit.ui.dialogs.crash import show_error
from s11audit.ui.generated.business_unit_window import BusinessUnitWindowForm
from s11audit.ui.row_table_model import RowSortProxy

STATUS_FILTERS = (("All organisations", None), ("Not returned", tracking.NOT_RETURNED), ("Returned", tracking.RETURNED),
                  ("Returned late", tracking.LATE), ("Rejected", tracking.REJECTED))
NAMES_LISTED = 10  # organisations named in the question before removing them ("…" for the rest)
BAD_ROWS_LISTED = 30  # unreadable register rows listed after an import ("… and n more")


class _StatusFilter(RowSortProxy):
    """The register's rows of one status (all with none); sorting is the register model's own."""

    status: str | None = None

    def __init__(self, register: RegisterModel, parent: QObject | None = None):
        super().__init__(parent)
        self.register = register  # the source model, typed (``sourceModel()`` is any model)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.status is None:
            return True
        return self.register.rows[source_row][1] == self.status


class RegisterTab(WindowParts):
    """Part of ``BusinessUnitWindow`` (a mixin): the Register tab."""

    def _build_register_tab(self, form: BusinessUnitWindowForm) -> None:
        self.register_model = RegisterModel(self)
        self.register_proxy = _StatusFilter(self.register_model, self)
        rows_table(form.registerTable, self.register_model, (260, 120, 130, 170, 120, 150, 150), self.register_proxy)
        for label, status in STATUS_FILTERS:
            form.statusFilter.addItem(label, status)
        form.statusFilter.currentIndexChanged.connect(self._filter_register)
        form.importRegisterButton.clicked.connect(self.import_register)
        form.addOrganisationButton.clicked.connect(self.add_organisation)
        form.removeOrganisationButton.clicked.connect(self.remove_organisation)
        form.registerTable.doubleClicked.connect(lambda _: self.edit_organisation())
        form.startingFilesButton.clicked.connect(self.write_starting_files)
        form.chaseListButton.clicked.connect(self.write_chase_list)

    def _refresh_register(self, cycle: CycleRow) -> ResponseRates:
        """Statuses, the cycle's summary and response rates, the register's rows (changed ones only)."""
        form = self.form
        self.statuses = tracking.statuses(self.workspace, cycle)
        rates = tracking.response_rates(self.statuses)
        overall = rates.overall
        form.cycleSummary.setText(f"Due {cycle.due_on:%d %B %Y} · {overall.returned} of {overall.expected} returned"
                                  + (f" ({percent_text(overall.percent)})" if overall.expected else "")
                                  + (f", {rates.late} late" if rates.late else ""))
        self.register_model.update_rows([(s.organisation, s.status, s.first_signed_at) for s in self.statuses],
                                        lambda row: row[0].id)
        by_sector = [f"{sector or 'No sector'} {rate}" for sector, rate in rates.by_sector.items()]
        by_type = [f"{type_label(t) if t else 'No type'} {rate}" for t, rate in rates.by_type.items()]
        form.responseRates.setText(f"Response rates: overall {overall}\nBy sector: " + "  ·  ".join(by_sector)
                                   + "\nBy type: " + "  ·  ".join(by_type))
        return rates

    def _filter_register(self) -> None:
        self.register_proxy.status = self.form.statusFilter.currentData()
        self.register_proxy.invalidateFilter()

    def _selected_organisations(self) -> list[OrganisationRow]:
        selected = self.form.registerTable.selectionModel().selectedRows()
        rows = {self.register_proxy.mapToSource(i).row() for i in selected}
        return [self.register_model.rows[r][0] for r in sorted(rows)]

    def _taken_references(self, except_id: int | None = None) -> set[str]:
        return {" ".join(o.reference.split()).casefold() for o in self.workspace.organisations(self.shown_cycle().id)
                if o.id != except_id}

    def _kinds(self) -> tuple[str, ...]:
        standards_set = self.workspace.standards_set(self.shown_cycle().id)
        return tuple(standards_set.organisation_kinds)

    def add_organisation(self) -> None:
        dialog = OrganisationDialog(self, self._kinds(), self._taken_references())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            cycle_id = self.shown_cycle().id
            self._apply(lambda: self.workspace.add_organisation(cycle_id, dialog.entry()), "Cannot add it")

    def edit_organisation(self) -> None:
        chosen = self._selected_organisations()
        if len(chosen) != 1:
            return
        dialog = OrganisationDialog(self, self._kinds(), self._taken_references(chosen[0].id), chosen[0])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(lambda: self.workspace.update_organisation(chosen[0].id, dialog.entry()), "Cannot change it")

    def remove_organisation(self) -> None:
        chosen = self._selected_organisations()
        if not chosen:
            return
        names = "\n".join(f"• {o.name}" for o in chosen[:NAMES_LISTED]) + ("\n…" if len(chosen) > NAMES_LISTED else "")
        if QMessageBox.question(self, "Remove from the register", f"Remove from this cycle's register?\n\n{names}") \
                != QMessageBox.StandardButton.Yes:
            return

        def remove() -> None:
            for organisation in chosen:
                self.workspace.remove_organisation(organisation.id)

        self._apply(remove, "Cannot remove it")

    def import_register(self) -> None:
        from s11audit.business_unit.register import import_register

        path = file_dialogs.open_file_name(self, "Import the register",
                                           "Registers (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)")
        if not path:
            return
        try:
            report = import_register(self.workspace, self.shown_cycle(), Path(path))
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot import the register", str(error))
            return
        self.refresh()
        text = f"{len(report.added)} organisations added to the register."
        if report.bad_rows:
            text += f"\n\n{len(report.bad_rows)} rows could not be read:\n" + "\n".join(
                f"• Row {p.row}: {p.reason}" for p in report.bad_rows[:BAD_ROWS_LISTED])
            if len(report.bad_rows) > BAD_ROWS_LISTED:
                text += f"\n… and {len(report.bad_rows) - BAD_ROWS_LISTED} more"
        QMessageBox.information(self, "Register imported", text)

    def write_chase_list(self) -> None:
        path = file_dialogs.save_file_name(self, "Write the chase list", f"{self.shown_cycle().name} chase list.xlsx",
                                           "Excel workbooks (*.xlsx);;CSV files (*.csv)")
        if not path:
            return
        try:
            tracking.write_chase_list(self.statuses, Path(path))
        except (AuditFileError, ReportError) as error:
            QMessageBox.warning(self, "Cannot write the chase list", str(error))
            return
        count = len(tracking.chase_list(self.statuses))
        QMessageBox.information(self, "Chase list written", f"{count} organisations not yet returned:\n\n{path}")

    def write_starting_files(self) -> None:
        from s11audit.business_unit.cycle_starting_files import starting_files_for_cycle

        chosen = self._selected_organisations() or [row[0] for row in self.register_model.rows]
        if not chosen:
            return
        folder = file_dialogs.existing_directory(self, f"Write starting files for {len(chosen)} organisations")
        if not folder:
            return
        cycle, ids = self.shown_cycle(), [o.id for o in chosen]
        ran = self.run_job("Writing starting files", "Starting files are being written",
                           lambda workspace, progress, cancelled: starting_files_for_cycle(
                               workspace, cycle, ids, Path(folder), progress=progress, cancelled=cancelled))
        if ran is None:
            return
        result, error, _ = ran
        if error is not None:
            show_error(self, "Starting files not written", error)
            return
        written = [r for r in result if r.written]
        carried = sum(1 for r in written if r.carried_forward is not None)
        baselines = sum(1 for r in written if r.baseline is not None)
        failed = [r for r in result if not r.written]
        text = f"{len(written)} starting file{'' if len(written) == 1 else 's'} written to {folder}"
        text += f" ({carried} with last cycle's return carried forward)." if carried else "."
        if baselines:  # a statement cycle (starting_files.py): the baseline is held, the statement started
            text += ("\n\nEach holds the organisation's baseline return with its compliance statement started. A "
                     "statement made in one is signed with that file's new key, so it will be flagged \"signed with "
                     "a different key\" when you import it: check the key fingerprint with the organisation.")
        if failed:
            text += "\n\nNot written:\n" + "\n".join(f"• {r.organisation.name}: {r.problem}" for r in failed[:20])
        QMessageBox.information(self, "Starting files", text)

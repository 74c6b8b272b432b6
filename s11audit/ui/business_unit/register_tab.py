"""The Register tab of the business unit's window: the cycle's organisations with their status and
response rates, register import, adding/changing/removing organisations (with their returns deleted
completely when asked), the chase list, starting files; and the workspace's retention periods (the line in
the window's status bar and File > Retention…), whose deletions run as jobs followed by compacting the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QDialog, QMessageBox

from s11audit.business_unit import tracking
from s11audit.business_unit.tracking import ResponseRates
from s11audit.business_unit.deletion import RemovalReport
from s11audit.business_unit.retention_policy import RetentionPolicy
from s11audit.business_unit.workspace import CycleRow, OrganisationRow, Workspace
from s11audit.figures import percent_text
from s11audit.organisations import type_label
from s11audit.reports import ReportError
from s11audit.store import AuditFileError
from s11audit.store.database import CompactReport
from s11audit.ui import file_dialogs
from s11audit.ui.business_unit.dialogs import OrganisationDialog
from s11audit.ui.business_unit.remove_organisation_dialog import RemoveOrganisationDialog, plural, total
from s11audit.ui.business_unit.retention_dialog import RetentionDialog, kept_text
from s11audit.ui.file_sizes import files_text, size_text
from s11audit.ui.business_unit.tables import RegisterModel, rows_table
from s11audit.ui.business_unit.window_parts import WindowParts
from s11audit.ui.dialogs.crash import show_error
from s11audit.ui.elide import ElidedLabel
from s11audit.ui.generated.business_unit_window import BusinessUnitWindowForm
from s11audit.ui.row_table_model import RowSortProxy

if TYPE_CHECKING:
    from s11audit.business_unit.retention import RetentionPreview  # imported when retention is first used

STATUS_FILTERS = (("All organisations", None), ("Not returned", tracking.NOT_RETURNED), ("Returned", tracking.RETURNED),
                  ("Returned late", tracking.LATE), ("Rejected", tracking.REJECTED))
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
        # How long the workspace keeps personal data, in view on every tab (File > Retention… changes it).
        self.retention_line = ElidedLabel()
        self.retention_line.setAccessibleName("How long this workspace keeps evidence, narratives and returns")
        self.statusBar().addWidget(self.retention_line, 1)
        self._show_retention()

    def _show_retention(self) -> None:
        self.retention_line.setText(kept_text(self.workspace.retention()))

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
        """Remove the chosen organisations from the register; asked, also delete their returns, evidence and
        moderation completely, then compact the file, as a job."""
        chosen = self._selected_organisations()
        if not chosen or self.busy:
            return
        previews = [self.workspace.deletion_preview(o.id) for o in chosen]
        dialog = RemoveOrganisationDialog(self, [o.name for o in chosen], previews)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        delete = dialog.delete_returns()
        dialog.deleteLater()
        if not accepted:
            return
        if not delete:
            def remove() -> None:
                for organisation in chosen:
                    self.workspace.remove_organisation(organisation.id)

            self._apply(remove, "Cannot remove it")
            return
        self._delete_organisations([o.id for o in chosen])

    def _delete_organisations(self, ids: list[int]) -> None:
        def work(workspace: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> object:
            removed: list[RemovalReport] = []
            for done, organisation_id in enumerate(ids):
                if cancelled():  # between organisations: each is deleted whole or not at all
                    return removed, None
                progress(done, len(ids), "Deleting the organisation's returns, evidence and moderation…")
                removed.append(workspace.remove_organisation(organisation_id, delete_returns=True))
            return removed, _compact(workspace, progress, cancelled)

        ran = self.run_job("Deleting completely", "Organisations are being deleted", work)
        if ran is None:
            return
        result, error, _ = ran
        if error is not None:
            show_error(self, "Not deleted", error)
            return
        removed, compacted = result
        deleted = total(removed)
        removed_text = f"{len(removed)} of {len(ids)}" if len(removed) < len(ids) else f"{len(ids)}"
        text = (f"{removed_text} organisation{'' if len(ids) == 1 else 's'} removed from the register. Deleted "
                f"completely: {plural(deleted.returns, 'return')}, {plural(deleted.evidence_files, 'evidence file')} "
                f"and {plural(deleted.moderations, 'moderated grade')} ({size_text(deleted.bytes)}).")
        QMessageBox.information(self, "Deleted completely", text + "\n\n" + _compacted_text(compacted))

    # --- retention ---------------------------------------------------------------------------------

    def show_retention(self) -> None:
        """File > Retention…: the periods, what is past them; keep the periods and, asked, apply them."""
        if self.busy:
            return
        workspace = self.workspace
        dialog = RetentionDialog(self, workspace.retention(), lambda policy: preview_for(workspace, policy))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        policy, preview, save_only = dialog.policy(), dialog.preview, dialog.save_only
        dialog.deleteLater()
        if not accepted:
            return
        if not self._apply(lambda: workspace.set_retention(policy), "Cannot keep the periods", returns_changed=False):
            return
        self._show_retention()
        if save_only or not preview.items:
            return
        if QMessageBox.question(self, "Apply retention",
                                f"Delete {files_text(preview.files, preview.bytes)} past the retention periods "
                                f"({plural(len(preview.items), 'item')}) from this "
                                "workspace for good?\n\nThis cannot be undone.") != QMessageBox.StandardButton.Yes:
            return
        self._apply_retention(preview)

    def _apply_retention(self, preview: RetentionPreview) -> None:
        from s11audit.business_unit import retention

        def work(workspace: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> object:
            progress(0, 0, "Deleting what is past the retention periods…")
            report = retention.apply_retention(workspace, preview)  # one transaction: all of it or nothing
            return report, _compact(workspace, progress, cancelled)

        ran = self.run_job("Applying retention", "Retention is being applied", work)
        if ran is None:
            return
        result, error, _ = ran
        if error is not None:
            show_error(self, "Retention not applied", error)
            return
        report, compacted = result
        left = "was left as it is" if report.skipped == 1 else "were left as they are"
        skipped = f" {plural(report.skipped, 'item')} changed since the preview and {left}." if report.skipped else ""
        QMessageBox.information(self, "Retention applied",
                                f"{files_text(report.files, report.bytes)} deleted, past the retention periods."
                                f"{skipped}\n\n" + _compacted_text(compacted))

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


Progress = Callable[[int, int, str], None]


def preview_for(workspace: Workspace, policy: RetentionPolicy, today: dt.date | None = None) -> RetentionPreview:
    """What is past ``policy``'s periods in ``workspace`` on ``today`` (default today; nothing is changed)."""
    from s11audit.business_unit import retention

    return retention.preview_retention(workspace, today, policy)


def _compact(workspace: Workspace, progress: Progress, cancelled: Callable[[], bool]) -> CompactReport | None:
    """Compact the file after a deletion (so nothing deleted can be read from it), unless cancelled first."""
    if cancelled():
        return None
    return workspace.compact(lambda done, total: progress(done, total, "Compacting the workspace file…"))


def _compacted_text(compacted: CompactReport | None) -> str:
    if compacted is None:
        return ("The workspace file was not compacted (stopped). What was deleted has been overwritten in the file; "
                "it is compacted the next time something is deleted.")
    saved = max(0, compacted.bytes_before - compacted.bytes_after)
    return (f"The workspace file was compacted so that nothing deleted can be read from it: it is {size_text(saved)} "
            "smaller.")

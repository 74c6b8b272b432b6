"""The business unit's window for one workspace: cycles, register and responses, returns, findings.

Everything is done by the Qt-free core (``s11audit.business_unit``); this window lays it out, asks
for files and runs the long jobs (imports, starting files, reports) off the UI thread through
``ui.background.run_in_background``. Dropping return files or folders on the window imports them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QTableView,
    QWidget,
)

from s11audit.business_unit import tracking
from s11audit.business_unit.cycle_findings import cycle_findings, write_cycle_reports
from s11audit.business_unit.workspace import CycleRow, ReturnRow, Workspace
from s11audit.reports import ReportError
from s11audit.safe_text import shown
from s11audit.organisations import type_label
from s11audit.standards import StandardsSet
from s11audit.store import AuditFileError
from s11audit.ui.background import run_in_background
from s11audit.ui.business_unit.dialogs import NewCycleDialog, OrganisationDialog
from s11audit.ui.business_unit.moderation_dialog import ModerationDialog
from s11audit.ui.business_unit.findings_view import ItemsModel, StandardsModel, prepare_table
from s11audit.ui.business_unit.peer_view import PeerView
from s11audit.ui.business_unit.tables import ROW_ROLE, STATUS_LABELS, RegisterModel, ReturnsModel
from s11audit.ui.forms import load_form

RETURN_FILTER = "Signed returns (*.s11return)"
STATUS_FILTERS = (("All organisations", None), ("Not returned", tracking.NOT_RETURNED), ("Returned", tracking.RETURNED),
                  ("Returned late", tracking.LATE), ("Rejected", tracking.REJECTED))


class _StatusFilter(QSortFilterProxyModel):
    status: str | None = None

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt's name
        if self.status is None:
            return True
        return self.sourceModel().rows[source_row][1] == self.status


def _rows_table(table: QTableView, model, widths: tuple[int, ...], proxy: QSortFilterProxyModel | None = None):
    proxy = proxy or QSortFilterProxyModel(table)
    proxy.setSourceModel(model)
    table.setModel(proxy)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return proxy


class BusinessUnitWindow(QMainWindow):
    def __init__(self, workspace: Workspace, sets: list[StandardsSet], parent: QWidget | None = None,
                 sources: dict[tuple[str, str], str] | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.sets = sets
        self.sources = sources or {}  # where each set comes from (cycle_sets.set_sources), for the New cycle dialog
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"{workspace.path.stem} – business unit – s11audit")
        self.setAcceptDrops(True)
        self.form = form = load_form("business_unit_window", self)
        self.setCentralWidget(form)
        self._menus()
        self.register_model = RegisterModel(self)
        self.register_proxy = _rows_table(form.registerTable, self.register_model, (260, 120, 130, 170, 120, 150, 150),
                                          _StatusFilter(self))
        self.returns_model = ReturnsModel(self)
        self.returns_proxy = _rows_table(form.returnsTable, self.returns_model, (240, 110, 70, 150, 150, 250, 170))
        self.standards_model = StandardsModel(self)
        prepare_table(form.standardsTable, self.standards_model, 2, {0: 320, 1: 70, 2: 190, 3: 250, 4: 125, 5: 200})
        self.items_model = ItemsModel(self)
        prepare_table(form.itemsTable, self.items_model, 3, {0: 420, 1: 80, 2: 100, 3: 130, 4: 300})
        for label, status in STATUS_FILTERS:
            form.statusFilter.addItem(label, status)
        form.basisChooser.addItem("Self-grades", "self")
        form.basisChooser.addItem("Moderated grades", "moderated")
        form.statusFilter.currentIndexChanged.connect(self._filter_register)
        form.cycleChooser.currentIndexChanged.connect(self.refresh)
        form.newCycleButton.clicked.connect(self.new_cycle)
        form.importRegisterButton.clicked.connect(self.import_register)
        form.addOrganisationButton.clicked.connect(self.add_organisation)
        form.removeOrganisationButton.clicked.connect(self.remove_organisation)
        form.registerTable.doubleClicked.connect(lambda _: self.edit_organisation())
        form.startingFilesButton.clicked.connect(self.write_starting_files)
        form.chaseListButton.clicked.connect(self.write_chase_list)
        form.importFilesButton.clicked.connect(self.choose_returns)
        form.importFolderButton.clicked.connect(self.choose_folder)
        form.matchButton.clicked.connect(self.match_return)
        form.acceptKeyButton.clicked.connect(lambda: self._decide_key(accept=True))
        form.rejectKeyButton.clicked.connect(lambda: self._decide_key(accept=False))
        form.moderateButton.clicked.connect(self.moderate)
        form.returnsTable.doubleClicked.connect(lambda _: self.moderate())
        form.returnsTable.selectionModel().selectionChanged.connect(self._update_buttons)
        for chooser in (form.basisChooser, form.sectorFilter, form.typeFilter):
            chooser.currentIndexChanged.connect(self._show_findings)
        form.findingsPdfButton.clicked.connect(lambda: self.write_findings("pdf"))
        form.findingsXlsxButton.clicked.connect(lambda: self.write_findings("xlsx"))
        self.peer = PeerView(self, form, workspace)
        self.resize(1280, 820)
        self._fill_cycles()

    # --- menus and the cycle ----------------------------------------------------------------------

    def _menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        for text, slot, keys in (("&New cycle…", self.new_cycle, None),
                                 ("&Import returns…", self.choose_returns, QKeySequence("Ctrl+I")),
                                 ("Import a &folder of returns…", self.choose_folder, None),
                                 (None, None, None),
                                 ("&Close workspace", self.close, QKeySequence(QKeySequence.StandardKey.Close))):
            if text is None:
                menu.addSeparator()
                continue
            action = QAction(text, self)
            action.triggered.connect(slot)
            if keys is not None:
                action.setShortcut(keys)
            menu.addAction(action)

    def _fill_cycles(self, select: int | None = None) -> None:
        chooser = self.form.cycleChooser
        chooser.blockSignals(True)
        chooser.clear()
        for cycle in self.workspace.cycles():
            chooser.addItem(f"{cycle.name} ({cycle.set_title})", cycle.id)
        if select is not None:
            chooser.setCurrentIndex(max(0, chooser.findData(select)))
        else:
            chooser.setCurrentIndex(chooser.count() - 1)
        chooser.blockSignals(False)
        self.refresh()

    @property
    def cycle(self) -> CycleRow | None:
        cycle_id = self.form.cycleChooser.currentData()
        return self.workspace.cycle(cycle_id) if cycle_id is not None else None

    def refresh(self) -> None:
        cycle = self.cycle
        form = self.form
        for widget in (form.tabs, form.importRegisterButton):
            widget.setEnabled(cycle is not None)
        if cycle is None:
            form.cycleSummary.setText("Start by creating an audit cycle: New cycle…")
            return
        self.statuses = tracking.statuses(self.workspace, cycle)
        rates = tracking.response_rates(self.statuses)
        overall = rates.overall
        form.cycleSummary.setText(f"Due {cycle.due_on:%d %B %Y} · {overall.returned} of {overall.expected} returned"
                                  + (f" ({overall.percent:.0f}%)" if overall.expected else "")
                                  + (f", {rates.late} late" if rates.late else ""))
        self.register_model.set_rows([(s.organisation, s.status, s.first_signed_at) for s in self.statuses])
        by_sector = [f"{sector or 'No sector'} {rate}" for sector, rate in rates.by_sector.items()]
        by_type = [f"{type_label(t) if t else 'No type'} {rate}" for t, rate in rates.by_type.items()]
        form.responseRates.setText(f"Response rates: overall {overall}\nBy sector: " + "  ·  ".join(by_sector)
                                   + "\nBy type: " + "  ·  ".join(by_type))
        kept = self._selected_return()
        self.returns_model.set_rows(self.workspace.returns(cycle.id))
        if kept is not None:  # keep the same return selected after a change (a moderation, a match)
            for row in range(self.returns_proxy.rowCount()):
                if self.returns_proxy.index(row, 0).data(ROW_ROLE).id == kept.id:
                    form.returnsTable.selectRow(row)
                    break
        self._fill_filters(rates)
        self._show_findings()
        if hasattr(self, "peer"):
            self.peer.fill(cycle)
        self._update_buttons()

    def new_cycle(self) -> None:
        cycle = self.cycle
        register = [o.org_type for o in self.workspace.organisations(cycle.id)] if cycle is not None else []
        previous = self.workspace.standards_set(cycle.id) if cycle is not None else None
        dialog = NewCycleDialog(self, self.sets, self.workspace.cycles(), self.sources, register, previous)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, standards_set, opens_on, due_on, previous = dialog.values()
        try:
            cycle = self.workspace.add_cycle(name, standards_set, due_on, opens_on=opens_on, previous=previous)
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot create the cycle", str(error))
            return
        self._fill_cycles(cycle.id)

    # --- register ---------------------------------------------------------------------------------

    def _filter_register(self) -> None:
        self.register_proxy.status = self.form.statusFilter.currentData()
        self.register_proxy.invalidateFilter()

    def _selected_organisations(self) -> list:
        rows = {self.register_proxy.mapToSource(i).row() for i in self.form.registerTable.selectionModel().selectedRows()}
        return [self.register_model.rows[r][0] for r in sorted(rows)]

    def _taken_references(self, except_id: int | None = None) -> set[str]:
        return {" ".join(o.reference.split()).casefold() for o in self.workspace.organisations(self.cycle.id)
                if o.id != except_id}

    def _kinds(self) -> tuple[str, ...]:
        standards_set = self.workspace.standards_set(self.cycle.id)
        return tuple(standards_set.organisation_kinds)

    def add_organisation(self) -> None:
        dialog = OrganisationDialog(self, self._kinds(), self._taken_references())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(lambda: self.workspace.add_organisation(self.cycle.id, dialog.entry()), "Cannot add it")

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
        names = "\n".join(f"• {o.name}" for o in chosen[:10]) + ("\n…" if len(chosen) > 10 else "")
        if QMessageBox.question(self, "Remove from the register", f"Remove from this cycle's register?\n\n{names}") \
                != QMessageBox.StandardButton.Yes:
            return
        self._apply(lambda: [self.workspace.remove_organisation(o.id) for o in chosen], "Cannot remove it")

    def _apply(self, change, title: str) -> bool:
        try:
            change()
        except AuditFileError as error:
            QMessageBox.warning(self, title, str(error))
            return False
        self.refresh()
        return True

    def import_register(self) -> None:
        from s11audit.business_unit.register import import_register

        path, _ = QFileDialog.getOpenFileName(self, "Import the register", "",
                                              "Registers (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)")
        if not path:
            return
        try:
            report = import_register(self.workspace, self.cycle, Path(path))
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot import the register", str(error))
            return
        self.refresh()
        text = f"{len(report.added)} organisations added to the register."
        if report.bad_rows:
            text += f"\n\n{len(report.bad_rows)} rows could not be read:\n" + "\n".join(
                f"• Row {p.row}: {p.reason}" for p in report.bad_rows[:30])
            if len(report.bad_rows) > 30:
                text += f"\n… and {len(report.bad_rows) - 30} more"
        QMessageBox.information(self, "Register imported", text)

    def write_chase_list(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Write the chase list", f"{self.cycle.name} chase list.xlsx",
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
        folder = QFileDialog.getExistingDirectory(self, f"Write starting files for {len(chosen)} organisations")
        if not folder:
            return
        cycle, ids = self.cycle, [o.id for o in chosen]
        result, error, _ = run_in_background(
            self, "Writing starting files",
            lambda progress, cancelled: starting_files_for_cycle(self.workspace, cycle, ids, Path(folder),
                                                                 progress=progress, cancelled=cancelled))
        if error is not None:
            QMessageBox.warning(self, "Starting files not written", str(error))
            return
        written = [r for r in result if r.written]
        carried = sum(1 for r in written if r.carried_forward is not None)
        failed = [r for r in result if not r.written]
        text = f"{len(written)} starting files written to {folder}"
        text += f" ({carried} with last cycle's return carried forward)." if carried else "."
        if failed:
            text += "\n\nNot written:\n" + "\n".join(f"• {r.organisation.name}: {r.problem}" for r in failed[:20])
        QMessageBox.information(self, "Starting files", text)

    # --- returns ----------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.cycle is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def choose_returns(self) -> None:
        if self.cycle is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, "Import returns", "", RETURN_FILTER)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        if self.cycle is None:
            return
        folder = QFileDialog.getExistingDirectory(self, "Import every return in a folder")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        from s11audit.business_unit.importing import import_returns

        cycle = self.cycle
        report, error, _ = run_in_background(
            self, "Importing returns",
            lambda progress, stop: import_returns(self.workspace, cycle, paths, progress=progress, cancelled=stop))
        self.refresh()
        self.form.tabs.setCurrentWidget(self.form.returnsTab)
        if error is not None:
            QMessageBox.warning(self, "Import stopped", str(error))
            return
        self.form.importReport.clear()
        for outcome in report.files:
            # Names and reasons come from files we do not control: one escaped, bounded line each.
            who = f" ({shown(outcome.organisation, 80)})" if outcome.organisation else ""
            self.form.importReport.addItem(f"{shown(outcome.path.name, 120)}{who}: {outcome.outcome}. "
                                           f"{shown(outcome.reason, 400)}".strip())
        summary = report.summary() + ("\n\nThe import was cancelled; the returns already imported are kept."
                                      if report.cancelled else "")
        QMessageBox.information(self, "Import finished", summary)

    def _selected_return(self) -> ReturnRow | None:
        rows = self.form.returnsTable.selectionModel().selectedRows()
        return self.returns_proxy.data(rows[0], ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        chosen = self._selected_return()
        form = self.form
        form.matchButton.setEnabled(chosen is not None and chosen.state == "unmatched")
        form.acceptKeyButton.setEnabled(chosen is not None and chosen.state == "key_pending")
        form.rejectKeyButton.setEnabled(chosen is not None and chosen.state == "key_pending")
        form.moderateButton.setEnabled(chosen is not None and chosen.state == "current")

    def match_return(self) -> None:
        chosen = self._selected_return()
        if chosen is None or chosen.state != "unmatched":
            return
        organisations = self.workspace.organisations(self.cycle.id)
        labels = [f"{o.name} ({o.reference})" for o in organisations]
        label, ok = QInputDialog.getItem(self, "Match to an organisation",
                                         f"The return from “{chosen.name}” (reference {chosen.reference or 'none'}) "
                                         "matches no reference in the register. Which organisation sent it?",
                                         labels, 0, False)
        if ok and label:
            organisation = organisations[labels.index(label)]
            self._apply(lambda: self.workspace.match_return(chosen.id, organisation.id), "Cannot match it")

    def _decide_key(self, accept: bool) -> None:
        chosen = self._selected_return()
        if chosen is None or chosen.state != "key_pending":
            return
        if accept:
            question = (f"The return from {chosen.name} is signed with a different key ({chosen.key_fingerprint}) from "
                        "the one seen before for this organisation. Accept it only if the organisation confirms the "
                        "fingerprint (for example after a new computer or a new audit file).\n\nAccept the new key?")
            if QMessageBox.question(self, "Accept a new signing key", question) != QMessageBox.StandardButton.Yes:
                return
        self._apply(lambda: (self.workspace.accept_key if accept else self.workspace.reject_key)(chosen.id),
                    "Cannot record the decision")

    def moderate(self) -> None:
        chosen = self._selected_return()
        if chosen is None or chosen.state != "current":
            return
        standards_set = self.workspace.standards_set(self.cycle.id)
        content = self.workspace.return_content(chosen.id)
        current = {sid: (m.grade, m.comment) for sid, m in self.workspace.moderations(chosen.id).items()}
        criteria = {cid: (m.grade, m.comment) for cid, m in self.workspace.criterion_moderations(chosen.id).items()}
        dialog = ModerationDialog(self, standards_set, chosen.name, content, current, criteria)
        dialog.form.letterButton.clicked.connect(lambda: self._save_moderation(chosen.id, dialog) and
                                                 self.write_feedback_letter(chosen))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._save_moderation(chosen.id, dialog)

    def _save_moderation(self, return_id: int, dialog: ModerationDialog) -> bool:
        # Standards and criteria through the workspace's setters, changed rows only (each leaves a trail entry).
        return self._apply(lambda: dialog.save(self.workspace, return_id), "Cannot save the moderation")

    def write_feedback_letter(self, chosen: ReturnRow) -> None:
        from s11audit.reports.feedback_letter import Moderated, write_feedback_letter

        path, _ = QFileDialog.getSaveFileName(self, "Write the feedback letter", f"{chosen.name} feedback.pdf",
                                              "PDF documents (*.pdf)")
        if not path:
            return
        try:
            moderations = {sid: Moderated(m.grade, m.comment) for sid, m in self.workspace.moderations(chosen.id).items()}
            write_feedback_letter(self.workspace.standards_set(self.cycle.id), self.workspace.return_content(chosen.id),
                                  moderations, self.cycle.name, Path(path))
        except (AuditFileError, ReportError) as error:
            QMessageBox.warning(self, "Cannot write the letter", str(error))
            return
        QMessageBox.information(self, "Feedback letter written", path)

    # --- findings ---------------------------------------------------------------------------------

    def _fill_filters(self, rates) -> None:
        form = self.form
        sectors = [(sector, sector) for sector in rates.by_sector if sector]
        types = [(org_type, type_label(org_type)) for org_type in rates.by_type if org_type]
        for chooser, values, everyone in ((form.sectorFilter, sectors, "All sectors"),
                                          (form.typeFilter, types, "All types")):
            kept = chooser.currentData()
            chooser.blockSignals(True)
            chooser.clear()
            chooser.addItem(everyone, None)
            for value, label in values:
                chooser.addItem(label, value)
            chooser.setCurrentIndex(max(0, chooser.findData(kept)))
            chooser.blockSignals(False)

    def _findings(self):
        form = self.form
        return cycle_findings(self.workspace, self.cycle, basis=form.basisChooser.currentData(),
                              sector=form.sectorFilter.currentData(), org_type=form.typeFilter.currentData())

    def _show_findings(self) -> None:
        if self.cycle is None:
            return
        findings = self._findings()
        self.standards_model.set_findings(findings, self.workspace.standards_set(self.cycle.id))
        self.items_model.set_findings(findings)
        weakest = ", ".join(f"{s.number}. {s.title}" for s in findings.weakest[:3])
        agreement = findings.agreement.percent
        self.form.findingsSummary.setText(
            f"{findings.received} returns" + (f" of {findings.expected} expected" if findings.expected else "")
            + (f". Weakest: {weakest}" if weakest else "")
            + (f". Moderation agreed with the self-grade in {agreement:.0f}% of {findings.agreement.moderated} "
               "moderated standards" if agreement is not None else "") + "." + self._peer_findings_text())

    def _peer_findings_text(self) -> str:
        """The cycle's peer audit days in the findings: agreement, outcomes per standard, recommendations."""
        from s11audit.business_unit.peer_audit import events
        from s11audit.business_unit.peer_summary import day_summary

        lines = []
        for found in events(self.workspace, self.cycle.id):
            summary = day_summary(self.workspace, found.id)
            peer = summary.findings
            if not peer.compared and not any(s.counts for s in peer.standards):
                continue
            rate = f"{100 * peer.agreement_rate:.0f}% of {peer.compared}" if peer.agreement_rate is not None else "none yet"
            per_standard = "; ".join(
                f"{s.heading}: " + ", ".join(f"{summary.scale.level(o).label} {n}" for o, n in s.counts if n)
                for s in peer.standards if any(n for _, n in s.counts))
            lines.append(f"\n{found.name}: peer outcomes agreed with the self-grade in {rate}"
                         + (f"; {per_standard}" if per_standard else "")
                         + f"; {len(peer.agencies_with_recommendations)} agencies with recommendations.")
        return "".join(lines)

    def write_findings(self, kind: str) -> None:
        suffix, file_filter = (".pdf", "PDF documents (*.pdf)") if kind == "pdf" else (".xlsx", "Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, "Write the findings", f"{self.cycle.name} findings{suffix}", file_filter)
        if not path:
            return
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        form, cycle = self.form, self.cycle
        options = dict(basis=form.basisChooser.currentData(), sector=form.sectorFilter.currentData(),
                       org_type=form.typeFilter.currentData(), **{kind: target})
        _, error, _ = run_in_background(self, "Writing the findings",
                                        lambda progress, cancelled: write_cycle_reports(self.workspace, cycle, **options),
                                        cancellable=False)
        if error is not None:
            QMessageBox.warning(self, "Findings not written", str(error))
            return
        QMessageBox.information(self, "Findings written", str(target))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.workspace.close()
        super().closeEvent(event)

    @staticmethod
    def status_label(status: str) -> str:
        return STATUS_LABELS.get(status, status)

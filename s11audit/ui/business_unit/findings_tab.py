"""The Findings tab of the business unit's window: per standard and per item, by basis, sector and type,
and the findings PDF, workbook and Word document.

Findings are worked out only while the tab is shown and kept per (cycle, basis, sector, type) until
something changes (``BusinessUnitWindow.changed``). What they need is read from the workspace on the
UI thread into a ``FindingsSource`` of plain data (the returns' stored JSON as text: ~0.3 s at 10,000
returns), kept per cycle and given a new record per moderation. The first time, a cycle of more than
``FindingsTab.CALCULATE_APART`` returns is parsed into records and worked out on a worker thread (a
``Calculation``: ~1-2 s at 10,000 returns) while the window goes on being used, the summary saying the
figures are being worked out. One calculation runs at a time; a result asked for meanwhile is worked out
after it, and a result that a change has made stale is dropped. Once the records are parsed (and for a
smaller cycle), findings are worked out at once on the UI thread: ~0.3 s at 10,000 returns, less than a
thread's round trip costs in a busy window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from s11audit.business_unit import headlines
from s11audit.business_unit import tracking
from s11audit.business_unit.annual_summary import SummaryInputs, build_summary, read_summary_inputs
from s11audit.business_unit.cycle_findings import (CalculationStopped, FindingsSource, read_for_findings,
                                                     write_cycle_reports)
from s11audit.business_unit.findings_model import Findings
from s11audit.business_unit.records import Basis
from s11audit.business_unit.tracking import ResponseRates
from s11audit.business_unit.workspace import CycleRow
from s11audit.figures import percent_text
from s11audit.organisations import type_label
from s11audit.ui import file_dialogs
from s11audit.ui.background import Calculation
from s11audit.store import AuditFileError
from s11audit.ui.business_unit.dialogs import BusinessUnitDetailsDialog
from s11audit.ui.business_unit.findings_view import ItemsModel, StandardsModel, prepare_table, summary_html
from s11audit.ui.business_unit.headlines_dialog import HeadlinesDialog
from s11audit.ui.business_unit.window_parts import WindowParts
from s11audit.ui.dialogs.crash import report_unexpected, show_error
from s11audit.ui.generated.business_unit_window import BusinessUnitWindowForm

FindingsKey = tuple[int, Basis, str | None, str | None]  # (cycle, basis, sector, type)
WEAKEST_NAMED = 3  # weakest standards named in the findings' summary line


class _FindingsCalculation(Calculation):
    """A findings calculation with what it was asked for: its key and the generation it started in."""

    def __init__(self, task: Callable[[Callable[[], bool]], Findings], parent: QWidget | None, key: FindingsKey,
                 generation: int):
        super().__init__(task, parent)
        self.key, self.generation = key, generation


class FindingsTab(WindowParts):
    """Part of ``BusinessUnitWindow`` (a mixin): the Findings tab."""

    CALCULATE_APART = 1000  # returns in a cycle above which findings are worked out on a worker thread

    def _build_findings_tab(self, form: BusinessUnitWindowForm) -> None:
        self._source: FindingsSource | None = None  # the shown cycle's, until a change
        self._source_cycle: int | None = None
        self._findings_cache: dict[FindingsKey, Findings] = {}  # per (cycle, basis, sector, type), until a change
        self._generation = 0  # a change makes results of calculations started before it stale
        self._calculation: _FindingsCalculation | None = None
        self._summary_inputs: SummaryInputs | None = None  # the shown cycle's, until a change
        self.standards_model = StandardsModel(self)
        prepare_table(form.standardsTable, self.standards_model, 2, {0: 320, 1: 70, 2: 190, 3: 250, 4: 125, 5: 200})
        self.items_model = ItemsModel(self)
        prepare_table(form.itemsTable, self.items_model, 3, {0: 420, 1: 80, 2: 100, 3: 130, 4: 300})
        form.basisChooser.addItem("Self-grades", "self")
        form.basisChooser.addItem("Moderated grades", "moderated")
        for chooser in (form.basisChooser, form.sectorFilter, form.typeFilter):
            chooser.currentIndexChanged.connect(self._show_findings)
        form.tabs.currentChanged.connect(lambda _: self._show_findings())
        form.findingsPdfButton.clicked.connect(lambda: self.write_findings("pdf"))
        form.headlinesButton.clicked.connect(self.choose_headlines)
        form.findingsXlsxButton.clicked.connect(lambda: self.write_findings("xlsx"))
        form.findingsDocxButton.clicked.connect(lambda: self.write_findings("docx"))

    def _forget_findings(self) -> None:
        self._source = self._source_cycle = self._summary_inputs = None
        self._findings_cache.clear()
        self._generation += 1

    def _record_moderated(self, return_id: int) -> None:
        """After a moderation: that return's record gets its moderated grades again (the others are kept)."""
        self._findings_cache.clear()
        self._generation += 1
        if self._source is not None:
            standards = {sid: m.grade for sid, m in self.workspace.moderations(return_id).items()}
            criteria = {cid: m.grade for cid, m in self.workspace.criterion_moderations(return_id).items()}
            self._source = self._source.moderated(return_id, standards, criteria)

    def _fill_filters(self, rates: ResponseRates) -> None:
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

    def _findings_key(self, cycle: CycleRow) -> FindingsKey:
        form = self.form
        return (cycle.id, form.basisChooser.currentData(), form.sectorFilter.currentData(),
                form.typeFilter.currentData())

    @property
    def findings_pending(self) -> bool:
        """Findings are being worked out on a worker thread."""
        return self._calculation is not None

    def _show_findings(self) -> None:
        """Only while the Findings tab is shown (it is filled when shown; kept until something changes)."""
        cycle = self.cycle
        if cycle is None or self.busy or self.form.tabs.currentWidget() is not self.form.findingsTab:
            return
        key = self._findings_key(cycle)
        if key in self._findings_cache:
            self._display_findings(self._findings_cache[key])
            return
        if self._calculation is not None:  # asked for again when the running one ends
            self.form.findingsSummary.setText("Working out the findings…")
            return
        if self._source is None or self._source_cycle != key[0]:
            self._source, self._source_cycle = read_for_findings(self.workspace, cycle), key[0]
        source = self._source
        _, basis, sector, org_type = key
        if source.parsed or len(source.current.returns) <= self.CALCULATE_APART:
            self._findings_cache[key] = source.findings(basis, sector, org_type)
            self._display_findings(self._findings_cache[key])
            return

        def task(cancelled: Callable[[], bool]) -> Findings:
            return source.findings(basis, sector, org_type, cancelled=cancelled)

        calculation = _FindingsCalculation(task, self, key, self._generation)
        calculation.finished.connect(self._findings_worked_out)
        self._calculation = calculation
        self.form.findingsSummary.setText(f"Working out the findings of {len(source.current.returns):,} returns…")
        calculation.start()

    def _findings_worked_out(self) -> None:
        calculation, self._calculation = self._calculation, None
        if calculation is None:  # stopped as the window closed
            return
        calculation.deleteLater()
        if isinstance(calculation.error, CalculationStopped):
            return
        if calculation.error is not None:
            error = calculation.error
            report_unexpected((type(error), error, error.__traceback__), "working out the findings")
            self.form.findingsSummary.setText("The findings could not be worked out (see the message).")
            return
        if calculation.generation == self._generation:
            self._findings_cache[calculation.key] = calculation.result
        self._show_findings()  # this result, or the one asked for meanwhile

    def _stop_findings(self) -> None:
        """Closing: a calculation running is stopped (its result is not wanted) before the window goes."""
        calculation, self._calculation = self._calculation, None
        if calculation is not None:
            calculation.stop()
            calculation.deleteLater()

    def _display_findings(self, findings: Findings) -> None:
        self._show_summary(findings)
        self.standards_model.set_findings(findings, self.workspace.standards_set(self.shown_cycle().id))
        self.items_model.set_findings(findings)
        weakest = ", ".join(f"{s.number}. {s.title}" for s in findings.weakest[:WEAKEST_NAMED])
        agreement = findings.agreement.percent
        self.form.findingsSummary.setText(
            f"{findings.received} returns" + (f" of {findings.expected} expected" if findings.expected else "")
            + (f". Weakest: {weakest}" if weakest else "")
            + (f". Moderation agreed with the self-grade in {percent_text(agreement)} of "
               f"{findings.agreement.moderated} moderated standards" if agreement is not None else "")
            + "." + self._peer_findings_text())

    def _peer_findings_text(self) -> str:
        """The cycle's peer audit days in the findings: agreement, outcomes per standard, recommendations."""
        from s11audit.business_unit.peer_audit import events
        from s11audit.business_unit.peer_summary import day_summary

        lines = []
        for found in events(self.workspace, self.shown_cycle().id):
            summary = day_summary(self.workspace, found.id)
            peer = summary.findings
            if not peer.compared and not any(s.counts for s in peer.standards):
                continue
            rate = (f"{percent_text(100 * peer.agreement_rate)} of {peer.compared}"
                    if peer.agreement_rate is not None else "none yet")
            per_standard = "; ".join(
                f"{s.heading}: " + ", ".join(f"{summary.scale.level(o).label} {n}" for o, n in s.counts if n)
                for s in peer.standards if any(n for _, n in s.counts))
            lines.append(f"\n{found.name}: peer outcomes agreed with the self-grade in {rate}"
                         + (f"; {per_standard}" if per_standard else "")
                         + f"; {len(peer.agencies_with_recommendations)} agencies with recommendations.")
        return "".join(lines)

    def write_findings(self, kind: str) -> None:
        suffix, file_filter = {"pdf": (".pdf", "PDF documents (*.pdf)"), "xlsx": (".xlsx", "Excel workbooks (*.xlsx)"),
                               "docx": (".docx", "Word documents (*.docx)")}[kind]
        cycle = self.shown_cycle()
        stem = file_dialogs.file_stem(cycle.name, "cycle")  # "2026/27" would be a folder
        path = file_dialogs.save_file_name(self, "Write the findings", f"{stem} findings{suffix}", file_filter)
        if not path:
            return
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        form = self.form
        options = dict(basis=form.basisChooser.currentData(), sector=form.sectorFilter.currentData(),
                       org_type=form.typeFilter.currentData(), **{kind: target})
        ran = self.run_job("Writing the findings", "The findings are being written",
                           lambda workspace, progress, cancelled: write_cycle_reports(workspace, cycle, **options),
                           cancellable=False, changes=False)
        if ran is None:
            return
        _, error, _ = ran
        if error is not None:
            show_error(self, "Findings not written", error)
            return
        QMessageBox.information(self, "Findings written", str(target))

    # --- the annual report summary ----------------------------------------------------------------

    def _show_summary(self, findings: Findings) -> None:
        """The annual report summary of the findings shown (of all sectors and types only)."""
        if findings.sector is not None or findings.org_type is not None:
            self.form.annualSummary.setHtml(summary_html(None))
            return
        cycle = self.shown_cycle()
        if self._summary_inputs is None or self._summary_inputs.cycle != cycle.name:
            self._summary_inputs = read_summary_inputs(self.workspace, cycle,
                                                       tracking.response_rates(self.statuses))
        self.form.annualSummary.setHtml(summary_html(build_summary(self._summary_inputs, findings)))

    def choose_headlines(self) -> None:
        """The Headline measures dialog for the shown cycle; saved measures show in the summary at once."""
        cycle = self.cycle
        if cycle is None or self.busy:
            return
        offered = headlines.choices(self.workspace.standards_set(cycle.id))
        dialog = HeadlinesDialog(self, cycle.name, offered, headlines.measures(self.workspace, cycle.id))
        if dialog.exec() != HeadlinesDialog.DialogCode.Accepted:
            return
        try:  # the findings stay as they are: only the summary changes
            headlines.set_measures(self.workspace, cycle.id, dialog.measures())
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot save the measures", str(error))
            return
        self._summary_inputs = None
        self._show_findings()

    def edit_details(self) -> None:
        """The business unit's name and signature block (letters, reports)."""
        if self.busy:
            return
        details = headlines.settings(self.workspace)
        dialog = BusinessUnitDetailsDialog(self, details.business_unit, details.signature)
        if dialog.exec() != BusinessUnitDetailsDialog.DialogCode.Accepted:
            return
        name, signature = dialog.values()
        try:
            headlines.set_settings(self.workspace, name, signature)
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot save the details", str(error))
            return
        self._summary_inputs = None
        self._show_findings()

"""The Findings tab of the business unit's window: per standard and per item, by basis, sector and type,
and the findings PDF and workbook.

Findings are worked out only while the tab is shown, from the cycle's records kept by the window, and
kept per (cycle, basis, sector, type) until something changes (``BusinessUnitWindow.changed``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from s11audit.business_unit.cycle_findings import cycle_findings, cycle_records, write_cycle_reports
from s11audit.organisations import type_label
from s11audit.ui.business_unit.findings_view import ItemsModel, StandardsModel, prepare_table
from s11audit.ui.dialogs.crash import show_error


class FindingsTab:
    """Part of ``BusinessUnitWindow`` (a mixin): the Findings tab."""

    def _build_findings_tab(self, form) -> None:
        self._records: dict[int, list] = {}  # per cycle (tracking.records_for_cycle), until a change
        self._findings_cache: dict[tuple, object] = {}  # per (cycle, basis, sector, type), until a change
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
        form.findingsXlsxButton.clicked.connect(lambda: self.write_findings("xlsx"))

    def _forget_findings(self) -> None:
        self._records.clear()
        self._findings_cache.clear()

    def _record_moderated(self, return_id: int) -> None:
        """After a moderation: that return's record gets its moderated grades again (the others are kept)."""
        self._findings_cache.clear()
        chosen = self.workspace.return_row(return_id)
        records = self._records.get(chosen.cycle_id)
        if records is None:
            return
        at = [n for n, r in enumerate(records) if r.reference == chosen.reference and r.name == chosen.name]
        if len(at) != 1:  # not told apart by reference and name: read them all again when needed
            del self._records[chosen.cycle_id]
            return
        standards = {sid: m.grade for sid, m in self.workspace.moderations(return_id).items()}
        criteria = {cid: m.grade for cid, m in self.workspace.criterion_moderations(return_id).items()}
        records[at[0]] = replace(records[at[0]], moderated=standards, moderated_criteria=criteria)

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
        form, cycle = self.form, self.cycle
        key = (cycle.id, form.basisChooser.currentData(), form.sectorFilter.currentData(), form.typeFilter.currentData())
        if key not in self._findings_cache:
            if cycle.id not in self._records:
                self._records[cycle.id] = cycle_records(self.workspace, cycle)
            self._findings_cache[key] = cycle_findings(self.workspace, cycle, basis=key[1], sector=key[2],
                                                       org_type=key[3], records=self._records[cycle.id])
        return self._findings_cache[key]

    def _show_findings(self) -> None:
        """Only while the Findings tab is shown (it is filled when shown; kept until something changes)."""
        if self.cycle is None or self.busy or self.form.tabs.currentWidget() is not self.form.findingsTab:
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

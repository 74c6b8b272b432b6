"""The Returns tab of the business unit's window: importing returns (files, a folder; dropping them on
the window is in window.py), matching, the decisions a return waits for (a different signing key, or a
statement flagged because its baseline is not held or was signed with another key: Accept or Reject,
each after a question saying what it means), moderation and the feedback letter, and the evidence a return
lists but does not carry (issue 17): Request evidence… writes the request for one standard's files and shows
the email to send with it; Import evidence supplement… takes in the signed files the organisation sends back."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QInputDialog, QLabel, QMessageBox, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from s11audit.business_unit import headlines, supplements
from s11audit.business_unit.workspace import CycleRow, ReturnRow
from s11audit.reports import ReportError
from s11audit.safe_text import shown
from s11audit.store import AuditFileError
from s11audit.ui import file_dialogs
from s11audit.ui.business_unit.moderation_dialog import ModerationDialog
from s11audit.ui.business_unit.tables import ROW_ROLE, ReturnsModel, decision_words, rows_table, waits_for
from s11audit.ui.business_unit.window_parts import WindowParts
from s11audit.ui.dialogs.crash import show_error
from s11audit.ui.generated.business_unit_window import BusinessUnitWindowForm

RETURN_FILTER = "Signed returns (*.s11return)"
REQUEST_FILTER = "Evidence requests (*.s11request)"
SUPPLEMENT_FILTER = "Evidence supplements (*.s11supplement)"


class ReturnsTab(WindowParts):
    """Part of ``BusinessUnitWindow`` (a mixin): the Returns tab."""

    def _build_returns_tab(self, form: BusinessUnitWindowForm) -> None:
        self.returns_model = ReturnsModel(self)
        self.returns_proxy = rows_table(form.returnsTable, self.returns_model,
                                        (240, 110, 70, 150, 150, 250, 300, 170))
        form.importFilesButton.clicked.connect(self.choose_returns)
        form.importFolderButton.clicked.connect(self.choose_folder)
        form.matchButton.clicked.connect(self.match_return)
        form.acceptButton.clicked.connect(lambda: self.decide(accept=True))
        form.rejectButton.clicked.connect(lambda: self.decide(accept=False))
        form.moderateButton.clicked.connect(self.moderate)
        form.requestEvidenceButton.clicked.connect(self.request_evidence)
        form.importSupplementButton.clicked.connect(self.choose_supplements)
        form.returnsTable.doubleClicked.connect(lambda _: self.moderate())
        form.returnsTable.selectionModel().selectionChanged.connect(self._update_buttons)

    def _refresh_returns(self, cycle: CycleRow) -> None:
        """The cycle's returns, changed rows only; the selected return stays selected."""
        kept = self._selected_return()
        self.returns_model.update_rows(self.workspace.returns(cycle.id), lambda row: row.id)
        if kept is not None and self._selected_return() is None:  # the model was reset (another cycle)
            for row in range(self.returns_proxy.rowCount()):
                if self.returns_proxy.index(row, 0).data(ROW_ROLE).id == kept.id:
                    self.form.returnsTable.selectRow(row)
                    break

    def choose_returns(self) -> None:
        if self.cycle is None:
            return
        paths = file_dialogs.open_file_names(self, "Import returns", RETURN_FILTER)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        if self.cycle is None:
            return
        folder = file_dialogs.existing_directory(self, "Import every return in a folder")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        from s11audit.business_unit.importing import import_returns, outcome_words

        cycle = self.cycle
        if cycle is None or self.busy:
            return
        ran = self.run_job("Importing returns", "An import is running",
                           lambda workspace, progress, stop: import_returns(workspace, cycle, paths, progress=progress,
                                                                            cancelled=stop))
        if ran is None:
            return
        report, error, _ = ran
        self.form.tabs.setCurrentWidget(self.form.returnsTab)
        if error is not None:
            show_error(self, "Import stopped", error)
            return
        self.form.importReport.clear()
        for outcome in report.files:
            # Names and reasons come from files we do not control: one escaped, bounded line each.
            who = f" ({shown(outcome.organisation, 80)})" if outcome.organisation else ""
            self.form.importReport.addItem(f"{shown(outcome.path.name, 120)}{who}: {outcome_words(outcome.outcome)}. "
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
        waiting = waits_for(chosen) if chosen is not None else ""
        form.acceptButton.setEnabled(bool(waiting))
        form.rejectButton.setEnabled(bool(waiting))
        note = decision_words(chosen) if chosen is not None else ""
        form.decisionNote.setText(note)
        form.decisionNote.setVisible(bool(note))
        form.moderateButton.setEnabled(chosen is not None and chosen.state == "current")
        form.requestEvidenceButton.setEnabled(chosen is not None)
        form.importSupplementButton.setEnabled(self.cycle is not None)

    def match_return(self) -> None:
        chosen = self._selected_return()
        if chosen is None or chosen.state != "unmatched":
            return
        organisations = self.workspace.organisations(self.shown_cycle().id)
        labels = [f"{o.name} ({o.reference})" for o in organisations]
        label, ok = QInputDialog.getItem(self, "Match to an organisation",
                                         f"The return from “{chosen.name}” (reference {chosen.reference or 'none'}) "
                                         "matches no reference in the register. Which organisation sent it?",
                                         labels, 0, False)
        if ok and label:
            organisation = organisations[labels.index(label)]
            self._apply(lambda: self.workspace.match_return(chosen.id, organisation.id), "Cannot match it")

    def decide(self, accept: bool) -> None:
        """Accept or reject what the selected return waits for (its new key first, then a statement's flag),
        once the person has answered the question saying what that means."""
        chosen = self._selected_return()
        waiting = waits_for(chosen) if chosen is not None else ""
        if chosen is None or not waiting:
            return
        title, question = (_key_question if waiting == "key" else _flag_question)(chosen, accept)
        if not self._confirm(title, question):
            return
        workspace = self.workspace
        act = {("key", True): workspace.accept_key, ("key", False): workspace.reject_key,
               ("flag", True): workspace.clear_flag, ("flag", False): workspace.reject_flagged}[(waiting, accept)]
        self._apply(lambda: act(chosen.id), "Cannot record the decision")

    def _confirm(self, title: str, question: str) -> bool:
        # Plain text: the organisation's name and the flag come from the return and must not be read as markup.
        box = QMessageBox(QMessageBox.Icon.Question, title, question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def moderate(self) -> None:
        chosen = self._selected_return()
        if chosen is None or chosen.state != "current":
            return
        standards_set = self.workspace.standards_set(self.shown_cycle().id)
        content = self.workspace.return_content(chosen.id)
        current = {sid: (m.grade, m.comment) for sid, m in self.workspace.moderations(chosen.id).items()}
        criteria = {cid: (m.grade, m.comment) for cid, m in self.workspace.criterion_moderations(chosen.id).items()}
        dialog = ModerationDialog(self, standards_set, chosen.name, content, current, criteria,
                                  evidence=supplements.return_evidence(self.workspace, chosen.id))
        dialog.evidenceButton.clicked.connect(lambda: self.save_evidence(chosen, dialog))

        def save_and_write_letter() -> None:
            if self._save_moderation(chosen.id, dialog):
                self.write_feedback_letter(chosen)

        dialog.form.letterButton.clicked.connect(save_and_write_letter)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._save_moderation(chosen.id, dialog)

    def save_evidence(self, chosen: ReturnRow, parent: QWidget) -> None:
        """Save a copy of one evidence file the workspace holds for the return (carried, or from a supplement)."""
        held = [line for line in supplements.return_evidence(self.workspace, chosen.id) if line.held]
        if not held:
            return
        labels = [f"{shown(line.name, 120)} ({line.status})" for line in held]
        label, ok = QInputDialog.getItem(parent, "Save evidence", "Which evidence file?", labels, 0, False)
        if not ok or not label:
            return
        line = held[labels.index(label)]
        path = file_dialogs.save_file_name(parent, "Save the evidence file", file_dialogs.file_stem(line.name))
        if not path:
            return
        try:
            Path(path).write_bytes(supplements.evidence_data(self.workspace, chosen.id, line.evidence_id))
        except (AuditFileError, OSError) as error:
            QMessageBox.warning(parent, "Cannot save the evidence file", str(error))

    def request_evidence(self) -> None:
        """Ask the organisation for the files of one standard that the selected return lists but does not
        include: write the request file and show the email to send with it."""
        from s11audit.returns import ReturnError
        from s11audit.returns.supplement import write_request

        chosen = self._selected_return()
        if chosen is None:
            return
        choices = supplements.standards_to_ask_about(self.workspace, chosen.id)
        if not choices:
            QMessageBox.information(self, "Request evidence", f"The return from {shown(chosen.name, 120)} lists no "
                                    "evidence that the workspace does not already hold: there is nothing to ask for.")
            return
        labels = [f"{shown(heading, 150)} ({count} file{'' if count == 1 else 's'})" for _, heading, count in choices]
        label, ok = QInputDialog.getItem(self, "Request evidence", f"The return from {shown(chosen.name, 120)} lists "
                                         "evidence it does not include. Ask for the files of which standard?",
                                         labels, 0, False)
        if not ok or not label:
            return
        try:
            request = supplements.evidence_request(self.workspace, chosen.id, choices[labels.index(label)][0])
            suggested = supplements.request_file_name(request)
            path = file_dialogs.save_file_name(self, "Save the evidence request", suggested, REQUEST_FILTER)
            if not path:
                return
            written = write_request(path, request)
        except (AuditFileError, ReturnError) as error:
            QMessageBox.warning(self, "Cannot request the evidence", str(error))
            return
        _show_email(self, written, supplements.request_email(request, written.name))

    def choose_supplements(self) -> None:
        paths = file_dialogs.open_file_names(self, "Import evidence supplements", SUPPLEMENT_FILTER)
        if paths:
            self.import_supplements([Path(p) for p in paths])

    def import_supplements(self, paths: list[Path]) -> None:
        """Take in each supplement (checked strictly, each refused with its reason) and say what was stored."""
        lines = []
        for path in paths:
            try:
                lines.append(supplements.import_supplement(self.workspace, path).summary())
            except AuditFileError as error:
                lines.append(f"Refused: {error}")
        # Names and reasons come from files we do not control: one escaped, bounded paragraph each, never markup.
        QMessageBox.information(self, "Evidence supplements",
                                "".join(f"<p>{escape(shown(line, 600))}</p>" for line in lines))

    def _save_moderation(self, return_id: int, dialog: ModerationDialog) -> bool:
        # Standards and criteria through the workspace's setters, changed rows only (each leaves a trail entry).
        # A moderation changes no row of the tables; only that return's record for the findings.
        return self._apply(lambda: dialog.save(self.workspace, return_id), "Cannot save the moderation",
                           returns_changed=False, moderated=return_id)

    def write_feedback_letter(self, chosen: ReturnRow) -> None:
        from s11audit.reports.feedback_letter import Moderated, write_feedback_letter

        path = file_dialogs.save_file_name(self, "Write the feedback letter", f"{chosen.name} feedback.pdf",
                                           "PDF documents (*.pdf)")
        if not path:
            return
        cycle = self.shown_cycle()
        try:
            moderations = {sid: Moderated(m.grade, m.comment)
                           for sid, m in self.workspace.moderations(chosen.id).items()}
            details = headlines.settings(self.workspace)  # the business unit's name and signature block
            write_feedback_letter(self.workspace.standards_set(cycle.id), self.workspace.return_content(chosen.id),
                                  moderations, cycle.name, Path(path), business_unit=details.name_or_default,
                                  signature="\n".join(details.signature))
        except (AuditFileError, ReportError) as error:
            QMessageBox.warning(self, "Cannot write the letter", str(error))
            return
        QMessageBox.information(self, "Feedback letter written", path)


def _key_question(chosen: ReturnRow, accept: bool) -> tuple[str, str]:
    """The question before deciding on a return signed with a different key than the organisation's earlier ones."""
    name = shown(chosen.name, 120)
    about = (f"The return from {name} is signed with a different key than this organisation's earlier returns "
             f"(key fingerprint {chosen.key_fingerprint}). The key fingerprint is a check that a return came from "
             "the organisation's own audit file; it changes with a new audit file or computer. Check with them that "
             "they sent it: accept only if the key fingerprint on their return's PDF is the same.")
    if accept:
        return "Accept a new signing key", f"{about}\n\nAccept the new key?"
    return "Reject the return", (f"{about}\n\nRejecting it means the return is kept in the history but never "
                                 "counts, and returns signed with this key wait for a decision too.\n\nReject it?")


def _flag_question(chosen: ReturnRow, accept: bool) -> tuple[str, str]:
    """The question before deciding on a flagged statement (its baseline not held, or another key than it)."""
    about = (f"The annual compliance statement from {shown(chosen.name, 120)} was flagged when it was imported: "
             f"{shown(chosen.flag, 600).rstrip('. ')}.\n\nUntil you decide, it counts in the cycle's figures.")
    if accept:
        return "Accept the statement", (f"{about}\n\nAccepting it means it counts as it is, like any other "
                                         "statement, and the flag is cleared.\n\nAccept the statement?")
    return "Reject the statement", (f"{about}\n\nRejecting it means it is kept, with the reason it was flagged, "
                                    "but never counts: not in the response rates, the figures or the findings. "
                                    "An earlier return of theirs that it replaced counts again, and the "
                                    "organisation shows as rejected until it sends another.\n\nReject the "
                                    "statement?")


def _show_email(parent: QWidget, written: Path, email: str) -> None:
    """The request written, and the email to send with it in a box the officer can copy from."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Evidence request written")
    layout = QVBoxLayout(dialog)
    intro = QLabel(f"The request is saved as {written}. Send it to the organisation, attached to an email such as "
                   "this one (select it and copy it into your email):")
    intro.setWordWrap(True)
    intro.setTextFormat(Qt.TextFormat.PlainText)
    text = QPlainTextEdit(email)
    text.setObjectName("requestEmail")
    text.setReadOnly(True)
    text.setAccessibleName("The email to send with the evidence request")
    text.setMinimumSize(560, 300)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    for widget in (intro, text, buttons):
        layout.addWidget(widget)
    dialog.exec()
    dialog.deleteLater()

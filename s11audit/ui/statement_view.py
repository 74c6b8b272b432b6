"""The annual compliance statement screen: the light return between full audits (issue 16).

On the *Standards* tab, each standard the baseline audit graded, with its baseline grade and narrative
read-only beside the statement's questions (still as at the baseline / improved / declined, what
changed, an optional new grade: in the words of the set's ``statement`` section, the new grade hidden
when the set does not ask for one) and the new actions for it. On the *Baseline actions* tab, the
baseline's open actions with their progress this year (``dialogs/action_progress.py``) and evidence of
completion. Beside both, what is still to do (``ComplianceStatement.missing``), Sign off (the full
audit's dialog, with the statement's signatories) and Export.

Every change is written to the audit file at once through ``store.statement.ComplianceStatement`` (no
undo here: each answer is one click or one field to change back); what the store refuses is shown in
a message box and the screen shows what was saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QListWidgetItem,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from s11audit.personal_data import second_looks_in_file
from s11audit.store import ActionRow, AuditFile, AuditFileError, read_evidence_file
from s11audit.store.statement import ComplianceStatement, PositionRow
from s11audit.ui import file_dialogs
from s11audit.ui.completeness_panel import CompletenessPanel
from s11audit.ui.dialogs import personal_data
from s11audit.ui.generated.statement_view import StatementViewForm
from s11audit.ui.personal_data_hint import PersonalDataHint
from s11audit.ui.text_autosave import AutoSave
from s11audit.ui.text_size import set_column_widths
from s11audit.ui.wrapped_labels import fit, keep_whole

ACTION_COLUMNS = ("Standard", "Action", "Owner", "Original\ndue date", "Status", "New\ndue date", "Evidence")
# Pixels at normal text; the words wrap within them. The action never gets less than its width: in a
# narrow window the table scrolls sideways rather than squeeze the action to a letter a line.
WRAPPED_WIDTHS = {1: 300, 2: 160, 4: 150, 6: 130}  # action, owner, status, evidence
NEW_ACTIONS_HEIGHT = 80  # pixels: two or three actions; the room left goes to the baseline's narrative
POSITION_BUTTONS = ("same", "improved", "declined")
# The Alt key of each question whatever words the set gives it (those of the default words).
ALT_KEYS = {"same": "t", "improved": "i", "declined": "d", "narrative": "w"}


def heading(statement: ComplianceStatement) -> str:
    return f"Annual compliance statement {statement.cycle} based on the {statement.baseline.cycle} audit"


def with_alt_key(text: str, key: str) -> str:
    """``text`` (from the set: its "&" shown as such) with ``key`` as its Alt key: underlined at the first
    word starting with it, else at its first place in the text, else added after it as " (&K)"."""
    escaped = text.replace("&", "&&")
    lowered = escaped.lower()
    starts = [m.start() for m in re.finditer(r"\b\w", lowered) if lowered[m.start()] == key]
    at = starts[0] if starts else lowered.find(key)
    if at < 0:
        return f"{escaped} (&{key.upper()})"
    return f"{escaped[:at]}&{escaped[at:]}"


def _date(value) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


class StatementView(QWidget):
    """The statement on show; ``signed`` after it is signed off, ``changed`` after every saved change."""

    signed = Signal()
    changed = Signal()

    def __init__(self, audit_file: AuditFile, statement: ComplianceStatement, parent: QWidget | None = None,
                 folder: Callable[[], Path] | None = None):
        super().__init__(parent)
        self.audit_file, self.statement = audit_file, statement
        self._folder = folder or Path.home
        self._current = ""
        self._loading = False
        self.baseline_actions: list[ActionRow] = []  # the rows of the actions table, in order
        self.form = form = StatementViewForm(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        keep_whole(form)  # the prompts wrap, and a tab page does not pass their height on
        # The main window's header names the statement (``heading``); here, what to do.
        form.statementHeading.setText(
            f"For each standard graded in the {statement.baseline.cycle} baseline audit, "
            f"{statement.questions.position_question()}, and give the progress of each action that was still open. "
            "Changes are saved as you make them.")
        self.still_to_do = CompletenessPanel(form.stillToDoHolder)
        form.stillToDoLayout.addWidget(self.still_to_do)
        self.still_to_do.jump.connect(self.go_to)
        self._build_standards()
        self._build_actions()
        self._ask_the_sets_questions()
        form.signOffButton.clicked.connect(self.sign_off)
        form.exportButton.clicked.connect(self.export)
        self.refresh()
        form.standardList.setCurrentRow(0)
        self._lock_if_read_only()

    # --- building ----------------------------------------------------------------------------------

    def _build_standards(self) -> None:
        form = self.form
        self.positions = QButtonGroup(self)
        for number, button in enumerate((form.sameButton, form.improvedButton, form.declinedButton)):
            self.positions.addButton(button, number)
        self.positions.idClicked.connect(self._position_chosen)
        for standard in self.statement.standards:
            item = QListWidgetItem(standard.heading)
            item.setData(Qt.ItemDataRole.UserRole, standard.id)
            form.standardList.addItem(item)
        form.standardLayout.setStretchFactor(form.baselineBox, 3)  # the baseline's narrative is the longer read
        form.standardLayout.setStretchFactor(form.positionBox, 1)
        form.newActions.setMaximumHeight(NEW_ACTIONS_HEIGHT)
        form.standardList.setWordWrap(True)  # long titles wrap rather than scroll sideways
        form.standardList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form.standardList.currentRowChanged.connect(self._standard_chosen)
        self.narrative_saver = AutoSave(form.whatChanged)
        self.narrative_saver.save.connect(self._save_narrative)
        # Personal data (issue 17): a quiet line under the box when what is typed seems to name a child.
        self.narrative_hint = PersonalDataHint(form.whatChanged, "what changed")
        form.positionLayout.insertWidget(form.positionLayout.indexOf(form.whatChanged) + 1, self.narrative_hint)
        form.newGrade.currentIndexChanged.connect(self._grade_chosen)
        form.addActionButton.clicked.connect(self.add_action)

    def _build_actions(self) -> None:
        table = self.form.actionsTable
        table.setColumnCount(len(ACTION_COLUMNS))
        table.setHorizontalHeaderLabels(list(ACTION_COLUMNS))
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setStretchLastSection(True)  # room left over goes to the last column, never taken from the action
        header.setSectionResizeMode(header.ResizeMode.ResizeToContents)
        for column in WRAPPED_WIDTHS:
            header.setSectionResizeMode(column, header.ResizeMode.Interactive)
        set_column_widths(table, WRAPPED_WIDTHS)
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())  # rows follow the wrapped text
        table.doubleClicked.connect(lambda _index: self.update_progress())
        self.form.updateProgressButton.clicked.connect(self.update_progress)
        self.form.addEvidenceButton.clicked.connect(self.add_evidence)

    def _ask_the_sets_questions(self) -> None:
        """The words of the set's statement questions (``StatementQuestions``); no new grade if not asked."""
        form, questions = self.form, self.statement.questions
        for key, button in zip(POSITION_BUTTONS, (form.sameButton, form.improvedButton, form.declinedButton),
                               strict=True):
            button.setText(with_alt_key(questions.position_label(key), ALT_KEYS[key]))
        form.whatChangedLabel.setText(with_alt_key(questions.narrative_prompt, ALT_KEYS["narrative"]))
        form.whatChanged.setAccessibleName(questions.narrative_prompt.rstrip(":"))
        form.newGradeLabel.setVisible(questions.ask_new_grade)
        form.newGrade.setVisible(questions.ask_new_grade)
        earlier = " and the new actions of earlier statements" if self.statement.earlier_statements() else ""
        form.actionsIntro.setText(f"The actions of the baseline audit{earlier} that were still open. "
                                  f"{questions.action_progress_prompt}")
        for label in (form.whatChangedLabel, form.actionsIntro):
            fit(label)

    def _lock_if_read_only(self) -> None:
        locked = self.statement.read_only
        form = self.form
        for widget in (form.sameButton, form.improvedButton, form.declinedButton, form.newGrade,
                       form.addActionButton, form.updateProgressButton, form.addEvidenceButton, form.signOffButton):
            widget.setEnabled(not locked)
        form.whatChanged.setReadOnly(locked)
        form.exportButton.setEnabled(self.statement.is_signed)

    # --- what is shown -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show what is saved: the list of standards, the actions table and what is still to do."""
        positions = self.statement.positions()
        responses = self.statement.baseline.responses()
        form = self.form
        for row in range(form.standardList.count()):
            item = form.standardList.item(row)
            standard_id = item.data(Qt.ItemDataRole.UserRole)
            standard = self.statement.standards_set.standard(standard_id)
            answer = positions.get(standard_id) or PositionRow(standard_id)
            grade = self._grade_label(standard_id, responses[standard_id].grade)
            now = self.statement.position_label(answer.position)
            item.setText(f"{standard.heading}\n    Baseline: {grade} · Now: {now}")
        self._fill_actions()
        self._show_still_to_do()
        self.changed.emit()

    def _grade_label(self, standard_id: str, grade: str | None) -> str:
        if grade is None:
            return "not graded"
        return self.statement.standards_set.scale_of(standard_id).level(grade).label

    def _show_still_to_do(self) -> None:
        panel = self.still_to_do
        panel.set_completeness(self.statement.completeness(), self.statement.standards_set)
        panel.complete_label.setText("\u2713 Everything is answered: the statement can be signed off."
                                     if not self.statement.is_signed else "\u2713 Signed off.")

    def _standard_chosen(self, row: int) -> None:
        self.narrative_saver.flush_pending()  # what was typed belongs to the standard it was typed for
        item = self.form.standardList.item(row)
        if item is None:
            return
        self._current = item.data(Qt.ItemDataRole.UserRole)
        self._show_standard(self._current)

    def _show_standard(self, standard_id: str) -> None:
        form, statement = self.form, self.statement
        standard = statement.standards_set.standard(standard_id)
        baseline = statement.baseline.responses()[standard_id]
        answer = statement.position(standard_id)
        self._loading = True
        try:
            form.standardTitle.setText(f"<b>{standard.heading}</b>")
            form.baselineGrade.setText(f"Grade at the baseline: {self._grade_label(standard_id, baseline.grade)}")
            form.baselineNarrative.setPlainText(baseline.narrative or "(no narrative was given)")
            self.positions.setExclusive(False)
            for key, button in zip(POSITION_BUTTONS, self.positions.buttons(), strict=True):
                button.setChecked(answer.position == key)
            self.positions.setExclusive(True)
            self.narrative_saver.show_text(answer.narrative)
            form.newGrade.clear()
            form.newGrade.addItem("No new grade", None)
            for level in statement.standards_set.scale_of(standard_id).levels:
                form.newGrade.addItem(level.label, level.id)
            form.newGrade.setCurrentIndex(max(0, form.newGrade.findData(answer.new_grade)))
            self._fill_new_actions(standard_id)
        finally:
            self._loading = False

    def _fill_new_actions(self, standard_id: str) -> None:
        listed = self.form.newActions
        listed.clear()
        for action in self.statement.actions.for_standard(standard_id):
            due = f" (due {_date(action.due_date)})" if action.due_date else ""
            listed.addItem(f"{action.description}{due}")
        if not listed.count():
            listed.addItem("None yet. A standard that declined needs one.")

    def _fill_actions(self) -> None:
        table, statement = self.form.actionsTable, self.statement
        self.baseline_actions = statement.open_actions()
        progress, set_in = statement.all_progress(), statement.set_in()
        current = table.currentRow()
        table.setRowCount(len(self.baseline_actions))
        for row, action in enumerate(self.baseline_actions):
            given = progress.get(action.id)
            status = given.status_label if given else "Not given yet"
            if given and given.completed_on:
                status += f" on {_date(given.completed_on)}"
            if given and given.dropped_reason:
                status += f": {given.dropped_reason}"
            evidence = ", ".join(e.original_name or e.name for e in statement.completion_evidence(action.id))
            number = statement.standards_set.standard(action.standard_id).number
            where = f"Standard {number}" + (f" (new in the {set_in[action.id]} statement)" if action.id in set_in
                                            else "")
            cells = (where, action.description, action.owner, _date(action.due_date), status,
                     _date(given.new_due_date) if given else "", evidence)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        table.setCurrentCell(min(max(current, 0), len(self.baseline_actions) - 1), 0)

    # --- changes -------------------------------------------------------------------------------------

    def _save(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except AuditFileError as error:
            QMessageBox.warning(self, "Change not saved", str(error))
            self.refresh()
            return False
        self.refresh()
        return True

    def _position_chosen(self, number: int) -> None:
        if not self._loading and self._current:
            standard_id = self._current
            self._save(lambda: self.statement.set_position(standard_id, POSITION_BUTTONS[number]))

    def _save_narrative(self, text: str) -> None:
        if not self._loading and self._current and not self.statement.read_only:
            standard_id = self._current
            if text != self.statement.position(standard_id).narrative:
                self._save(lambda: self.statement.set_narrative(standard_id, text))

    def _grade_chosen(self, _index: int) -> None:
        if not self._loading and self._current and self.statement.asks_new_grade:
            standard_id, grade = self._current, self.form.newGrade.currentData()
            self._save(lambda: self.statement.set_new_grade(standard_id, grade))

    def add_action(self) -> None:
        from s11audit.ui.dialogs.action_dialog import ActionDialog

        fields = ActionDialog.ask(self, self.statement, self._current or None)
        if fields is not None:
            self._save(lambda: self.statement.actions.add(**fields))
            self._fill_new_actions(self._current)

    def current_action(self) -> ActionRow | None:
        row = self.form.actionsTable.currentRow()
        return self.baseline_actions[row] if 0 <= row < len(self.baseline_actions) else None

    def update_progress(self) -> None:
        from s11audit.ui.dialogs.action_progress import ActionProgressDialog

        action = self.current_action()
        if action is not None and not self.statement.read_only:
            if ActionProgressDialog.ask(self, self.statement, action) is not None:
                self.refresh()
            self.form.actionsTable.setFocus()

    def add_evidence(self) -> None:
        action = self.current_action()
        if action is None or self.statement.read_only:
            return
        # Personal data (issue 17): the notice the first time evidence is added to this statement.
        if personal_data.before_adding_evidence(self, self.audit_file, self.statement.id):
            path = file_dialogs.open_file_name(self, f"Evidence that action {action.id} is complete",
                                               "All files (*)")
            if path:
                self._add_completion_evidence(action.id, path)
        self.form.actionsTable.setFocus()

    def _add_completion_evidence(self, action_id: int, path: str) -> None:
        """Read and hash the file on a worker (a large file would freeze the window; the worker touches no
        database), then, when its name or text seems to name a child, ask before attaching it here."""
        from s11audit.ui.background import run_in_background
        from s11audit.ui.dialogs.crash import show_error

        def read(_progress, _cancelled):
            file = read_evidence_file(path)
            return file, second_looks_in_file(file.name, file.data, file.media_type)

        result, error, _ = run_in_background(self, "Reading the evidence file", read, cancellable=False)
        if error is not None:  # a file that cannot be read: a plain message; a fault of ours: the crash report
            show_error(self, "Change not saved", error)
            return
        file, hints = result
        if not hints or personal_data.attach_anyway(self, file.name, hints):
            self._save(lambda: self.statement.add_completion_evidence(action_id, file))

    # --- going to what is missing, sign-off and export -------------------------------------------

    def go_to(self, standard_id: str, item_id: str) -> None:
        form = self.form
        if item_id.startswith("action:"):
            form.statementTabs.setCurrentWidget(form.actionsTab)
            action_id = int(item_id.split(":", 1)[1])
            rows = [a.id for a in self.baseline_actions]
            if action_id in rows:
                form.actionsTable.setCurrentCell(rows.index(action_id), 0)
            form.actionsTable.setFocus()
            return
        form.statementTabs.setCurrentWidget(form.standardsTab)
        for row in range(form.standardList.count()):
            if form.standardList.item(row).data(Qt.ItemDataRole.UserRole) == standard_id:
                form.standardList.setCurrentRow(row)
        answer = self.statement.position(standard_id)
        if not answer.position:
            form.sameButton.setFocus()
        elif answer.changed and not answer.narrative.strip():
            form.whatChanged.setFocus()
        else:
            form.addActionButton.setFocus()

    def sign_off(self) -> None:
        from s11audit.ui.dialogs.sign_off import sign_off

        self.narrative_saver.flush_pending()
        if not self.statement.read_only and sign_off(self, self.statement, self.go_to):
            self.signed.emit()

    def export(self) -> bool:
        return export_statement(self, self.audit_file, self.statement, self._folder())


def export_statement(parent: QWidget, audit_file: AuditFile, statement: ComplianceStatement, folder: Path) -> bool:
    """Choose where, then write the signed statement's return (and its PDF and action progress workbook when
    ticked) on a worker thread behind a progress dialog."""
    from s11audit.ui.dialogs.export import ExportDialog

    stem = re.sub(r'[<>:"\\|?*\x00-\x1f]', "", f"{audit_file.organisation().name} statement {statement.cycle}"
                  .replace("/", "-")).strip() or "statement"
    dialog = ExportDialog(parent, folder, stem, workbook="action progress")
    dialog.setWindowTitle("Export the compliance statement")
    for box, text, name in ((dialog.form.writePdf, "Also write the statement as a &PDF beside it",
                             "Also write the statement as a PDF"),
                            (dialog.form.writeXlsx, "Also write the &action progress workbook beside it",
                             "Also write the action progress workbook")):
        box.setText(text)
        box.setAccessibleName(name)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    targets = dialog.targets() if accepted and dialog.return_path() is not None else None
    dialog.deleteLater()
    if targets is None:
        return False
    returned, pdf, xlsx = targets
    # The statement is read here, on the thread that owns the file; the worker only writes the return from
    # that copy, and the hash of what it wrote is kept in the file back here (a connection is one thread's).
    from s11audit.export import Exported, record_written_return, take_statement_snapshot

    try:
        snapshot = take_statement_snapshot(audit_file, statement)
    except AuditFileError as error:
        QMessageBox.warning(parent, "Export failed", f"The statement was not exported.\n\n{error}")
        return False
    result = _run(parent, lambda: snapshot.write(returned, pdf, xlsx))
    if isinstance(result, Exported):
        record_written_return(audit_file, statement.id, result)
    return result is not None


def _run(parent: QWidget, write: Callable[[], object]) -> object | None:
    """Run ``write`` on a worker thread behind a progress dialog; its result, or None after a message."""
    from s11audit.ui.background import run_in_background
    from s11audit.ui.dialogs.export import failure_text

    result, failure, _ = run_in_background(parent, "Exporting", lambda _progress, _cancelled: write(),
                                           cancellable=False)
    if failure is not None:
        QMessageBox.warning(parent, "Export failed", f"The statement was not exported.\n\n{failure_text(failure)}")
        return None
    written = [str(p) for p in (getattr(result, name, None) for name in ("returned", "pdf", "xlsx")) if p]
    QMessageBox.information(parent, "Exported", "Written:\n\n" + "\n".join(written))
    return result

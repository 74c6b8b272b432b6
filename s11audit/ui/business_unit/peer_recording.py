"""Recording the peer audit day, one challenge group at a time.

On the left, every agency of the group against every standard in focus, with its own grade and the
outcome recorded so far; on the right, the selected one: the agency's own grade (and where it comes
from), the business unit's note, the challenge notes, the peer outcome on the set's outcome scale,
the recommendations and the actions agreed with owners. Everything saves as it is typed (after a
pause, and when a field is left), through the core's one-transaction setters
(``business_unit.peer_audit``). Alt+Down / Alt+Up move to the next or previous row, so a note-taker
never needs the mouse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QVBoxLayout, QWidget

from s11audit.business_unit import peer_audit
from s11audit.business_unit.peer_audit import PeerActionRow, PeerRecordRow, SelfGrade
from s11audit.business_unit.workspace import Workspace
from s11audit.reports.common import readable_text
from s11audit.standards.model import PeerOutcome, PeerOutcomeScale
from s11audit.store import AuditFileError
from s11audit.ui.generated.peer_recording import PeerRecordingForm
from s11audit.ui.row_table_model import RowTableModel
from s11audit.ui.text_autosave import AutoSave
from s11audit.ui.text_size import set_column_widths

NOT_RECORDED = "Not recorded"
AGENCY, STANDARD, OWN_GRADE, OUTCOME = range(4)  # the records table's columns
ACTION_WORDS, ACTION_OWNER, ACTION_DUE = range(3)  # the agreed actions table's columns


class RecordsModel(RowTableModel):
    headers = ("Agency", "Standard", "Own grade", "Outcome")

    def __init__(self, names: dict[int, str], standards: dict[str, str], grade_label: Callable[[SelfGrade], str],
                 outcome_scale: PeerOutcomeScale, parent: QObject | None = None):
        super().__init__(parent)
        self.names, self.standards = names, standards
        self.grade_label, self.scale = grade_label, outcome_scale

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row: PeerRecordRow = self.rows[index.row()]
        column = index.column()
        outcome = self.scale.level(row.outcome) if row.outcome and self.scale.has_level(row.outcome) else None
        # The tooltip is the whole name or standard where the column cuts it.
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, outcome)
        if column == OUTCOME and outcome is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(outcome.colour)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(readable_text(outcome.colour))
        return None

    def _text(self, row: PeerRecordRow, column: int, outcome: PeerOutcome | None) -> str:
        if column == AGENCY:
            return self.names.get(row.organisation_id, "")
        if column == STANDARD:
            return self.standards.get(row.standard_id, row.standard_id)
        if column == OWN_GRADE:
            return self.grade_label(row.self_grade)
        return outcome.label if outcome else NOT_RECORDED


class PeerRecordingDialog(QDialog):
    def __init__(self, parent: QWidget | None, workspace: Workspace, event_id: int, group: int | None):
        super().__init__(parent)
        self.workspace, self.event_id, self.group = workspace, event_id, group
        self.peer_event = peer_audit.event(workspace, event_id)
        self.form = form = PeerRecordingForm(self)
        self._lay_out(form)
        self.setWindowTitle(f"{self.peer_event.name}: group {group}" if group else self.peer_event.name)
        self.resize(1360, 820)
        standards_set = workspace.standards_set(self.peer_event.cycle_id)
        self.grade_scale = standards_set.grade_scale
        self.scale = peer_audit.outcome_scale(workspace, event_id)
        people = [p for p in peer_audit.participants(workspace, event_id) if group is None or p.group == group]
        self.organisation_ids = [p.organisation_id for p in people]
        names = {p.organisation_id: f"{p.name} ({p.sector})" if p.sector else p.name for p in people}
        standards = {s.id: f"{s.number}. {s.title}" for s in standards_set.standards}
        self.model = RecordsModel(names, standards, self.grade_label, self.scale, self)
        self._prepare_tables(form)
        self._connect(form)
        self._loading = False
        self.current: tuple[int, str] | None = None  # (organisation, standard) of the row shown
        self._reload()
        form.rowsTable.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))
        if self.model.rows:
            form.rowsTable.selectRow(0)

    def _lay_out(self, form: PeerRecordingForm) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(form)
        # Everything is saved as it is typed, so the only button is Close (Escape closes too).
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close: everything is already saved")
        self.close_button.setAutoDefault(False)  # Return in the lists and fields never closes the dialog
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QWidget.setTabOrder(form.removeActionButton, self.close_button)

    def _prepare_tables(self, form: PeerRecordingForm) -> None:
        """The records table, the outcome choices and the agreed actions table."""
        form.rowsTable.setModel(self.model)
        header = form.rowsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        set_column_widths(form.rowsTable, (230, 190, 110))
        form.rowsTable.verticalHeader().hide()
        # Agencies' names and standards' titles are long: wrap them rather than cut them off.
        form.rowsTable.setWordWrap(True)
        form.rowsTable.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        form.actionsLabel.setWordWrap(True)
        form.outcome.addItem(NOT_RECORDED, None)
        for level in self.scale.levels:
            form.outcome.addItem(level.label, level.id)
            form.outcome.setItemData(form.outcome.count() - 1, level.meaning, Qt.ItemDataRole.ToolTipRole)
        form.actionsTable.setColumnCount(3)
        form.actionsTable.setHorizontalHeaderLabels(["Action", "Owner", "Due date"])
        due_header = form.actionsTable.horizontalHeaderItem(ACTION_DUE)  # made by setHorizontalHeaderLabels
        if due_header is not None:
            due_header.setToolTip("Type the date as dd/mm/yyyy, for example 31/03/2027")
        form.actionsTable.horizontalHeader().setSectionResizeMode(ACTION_WORDS, QHeaderView.ResizeMode.Stretch)
        form.actionsTable.setColumnWidth(ACTION_OWNER, 180)
        form.actionsTable.setColumnWidth(ACTION_DUE, 120)

    def _connect(self, form: PeerRecordingForm) -> None:
        """Saving as the fields are typed in or chosen, the action buttons and Alt+Down / Alt+Up."""
        self.notes_saver = AutoSave(form.challengeNotes)
        self.notes_saver.save.connect(lambda text: self._save(peer_audit.set_challenge_notes, text))
        self.recommendations_saver = AutoSave(form.recommendations)
        self.recommendations_saver.save.connect(lambda text: self._save(peer_audit.set_recommendations, text))
        form.outcome.activated.connect(lambda _: self._save(peer_audit.set_outcome, form.outcome.currentData()))
        form.addActionButton.clicked.connect(self.add_action)
        form.removeActionButton.clicked.connect(self.remove_action)
        form.actionsTable.itemChanged.connect(self._action_edited)
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.step_row(1))
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.step_row(-1))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.form.challengeNotes.setFocus()  # the note-taker starts typing at once

    # --- reading -----------------------------------------------------------------------------------

    def grade_label(self, grade: SelfGrade) -> str:
        if grade.not_applicable:
            text = self.grade_scale.not_applicable_label
        elif grade.grade and self.grade_scale.has_level(grade.grade):
            text = self.grade_scale.level(grade.grade).label
        else:
            text = "No return yet"
        return f"{text} ({grade.cycle})" if grade.from_previous_cycle else text

    def _reload(self) -> None:
        rows = peer_audit.records(self.workspace, self.event_id, self.organisation_ids)
        self.model.set_rows(rows)

    def _row(self, number: int) -> PeerRecordRow | None:
        return self.model.rows[number] if 0 <= number < len(self.model.rows) else None

    def _show(self, number: int) -> None:
        self._flush()
        row = self._row(number)
        self.current = (row.organisation_id, row.standard_id) if row else None
        form = self.form
        for widget in (form.challengeNotes, form.outcome, form.recommendations, form.actionsTable,
                       form.addActionButton, form.removeActionButton):
            widget.setEnabled(row is not None)
        if row is None:
            return
        self._loading = True
        try:
            form.heading.setText(f"{self.model.names[row.organisation_id]}: {self.model.standards[row.standard_id]}")
            source = (f" (from its {row.self_grade.cycle} return: no return for this cycle yet)"
                      if row.self_grade.from_previous_cycle else "")
            form.selfGrade.setText(f"Its own grade: {self.grade_label(row.self_grade)}{source}")
            form.businessUnitNote.setText(f"From the business unit: {row.business_unit_note}"
                                          if row.business_unit_note else "")
            form.businessUnitNote.setVisible(bool(row.business_unit_note))
            self.notes_saver.show_text(row.challenge_notes)
            form.outcome.setCurrentIndex(max(0, form.outcome.findData(row.outcome)))
            self.recommendations_saver.show_text(row.recommendations)
            self._show_actions(row.actions)
            form.problem.setText("")
        finally:
            self._loading = False

    def _show_actions(self, actions: Sequence[PeerActionRow]) -> None:
        table = self.form.actionsTable
        table.blockSignals(True)
        table.setRowCount(len(actions))
        for r, action in enumerate(actions):
            due = action.due_on.strftime("%d/%m/%Y") if action.due_on else ""
            for c, text in enumerate((action.action, action.owner, due)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, action.id)
                table.setItem(r, c, item)
        table.blockSignals(False)

    # --- writing (each a transaction in the core) ----------------------------------------------

    def _save(self, setter: Callable[..., object], value: object) -> bool:
        if self._loading or self.current is None:
            return False
        try:
            setter(self.workspace, self.event_id, *self.current, value)
        except AuditFileError as error:
            self.form.problem.setText(str(error))
            return False
        self.form.problem.setText("")
        self._refresh_current()
        return True

    def _refresh_current(self) -> None:
        if self.current is None:  # no row shown: nothing to read again
            return
        organisation_id, standard_id = self.current
        number = self.form.rowsTable.currentIndex().row()
        fresh = peer_audit.records(self.workspace, self.event_id, [organisation_id])
        found = next((r for r in fresh if r.standard_id == standard_id), None)
        if found is not None and 0 <= number < len(self.model.rows):
            self.model.rows[number] = found
            self.model.dataChanged.emit(self.model.index(number, AGENCY), self.model.index(number, OUTCOME))

    def _flush(self) -> None:
        self.notes_saver.flush_pending()
        self.recommendations_saver.flush_pending()

    def step_row(self, step: int) -> None:
        number = self.form.rowsTable.currentIndex().row() + step
        if 0 <= number < self.model.rowCount():
            self.form.rowsTable.selectRow(number)

    def add_action(self) -> None:
        if self.current is None:
            return
        try:
            peer_audit.add_action(self.workspace, self.event_id, *self.current, "New action")
        except AuditFileError as error:
            self.form.problem.setText(str(error))
            return
        self._refresh_current()
        self._show_current_actions()
        table = self.form.actionsTable
        table.setCurrentCell(table.rowCount() - 1, ACTION_WORDS)
        added = table.item(table.rowCount() - 1, ACTION_WORDS)  # the new action, on the last row
        if added is not None:
            table.editItem(added)

    def remove_action(self) -> None:
        item = self.form.actionsTable.currentItem()
        if item is None:
            return
        try:
            peer_audit.remove_action(self.workspace, item.data(Qt.ItemDataRole.UserRole))
        except AuditFileError as error:
            self.form.problem.setText(str(error))
            return
        self.form.problem.setText("")
        self._refresh_current()
        self._show_current_actions()

    def _show_current_actions(self) -> None:
        """The agreed actions of the row shown, read again after one was added or removed."""
        row = self._row(self.form.rowsTable.currentIndex().row())
        if row is not None:
            self._show_actions(row.actions)

    def _action_edited(self, item: QTableWidgetItem) -> None:
        action_id, column, text = item.data(Qt.ItemDataRole.UserRole), item.column(), item.text().strip()
        due_on: dt.date | None = None
        if column not in (ACTION_WORDS, ACTION_OWNER):
            try:  # only the typed date: a ValueError from anywhere else is a fault, not the user's typing
                due_on = dt.datetime.strptime(text, "%d/%m/%Y").date() if text else None
            except ValueError:
                self.form.problem.setText(f"“{text}” is not a date: type it as dd/mm/yyyy, for example 31/03/2027.")
                return
        try:
            if column == ACTION_WORDS:
                peer_audit.update_action(self.workspace, action_id, action=text)
            elif column == ACTION_OWNER:
                peer_audit.update_action(self.workspace, action_id, owner=text)
            else:
                peer_audit.update_action(self.workspace, action_id, due_on=due_on)
        except AuditFileError as error:
            self.form.problem.setText(str(error))
            return
        self.form.problem.setText("")
        self._refresh_current()

    def done(self, result: int) -> None:
        self._flush()
        super().done(result)

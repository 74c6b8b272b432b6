"""The action plan: every action of the audit in one sortable, filterable table, with add/edit/remove.

Also lists the standards graded at a level that needs an action but with none yet, each with a
button to add one, because an audit cannot be signed off until they have one.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from s11audit.completeness import Gap
from s11audit.store import ACTION_STATUSES, ActionRow
from s11audit.ui.action_plan_model import ActionRole, ActionsFilter, ActionsModel, Column, overdue
from s11audit.ui.commands import AddAction, EditAction, RemoveAction
from s11audit.ui.dialogs.action_dialog import ActionDialog
from s11audit.ui.document import AuditDocument
from s11audit.ui.elide import elide_combo
from s11audit.ui.flow_layout import wrap_row
from s11audit.ui.generated.action_plan_view import ActionPlanViewForm
from s11audit.ui.text_size import set_column_widths

ALL = None


class ActionPlanView(QWidget):
    def __init__(self, document: AuditDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.form = ActionPlanViewForm(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        form = self.form
        standards = document.assessment.standards
        self.model = ActionsModel(standards, self)
        self.proxy = ActionsFilter(self)
        self.proxy.setSourceModel(self.model)
        table = form.actionsTable
        table.setModel(self.proxy)
        table.sortByColumn(Column.STANDARD, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Actions are read, not skimmed: wrap them, up to about four lines a row.
        table.verticalHeader().setMaximumSectionSize(4 * table.fontMetrics().lineSpacing() + 12)
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        self.proxy.layoutChanged.connect(table.resizeRowsToContents)
        self.proxy.modelReset.connect(table.resizeRowsToContents)
        set_column_widths(table, {Column.STANDARD: 230, Column.ACTION: 300, Column.OWNER: 150, Column.DUE: 110,
                                  Column.STATUS: 210})  # larger with the text size, never narrower than the heading

        form.standardFilter.addItem("All standards", ALL)
        for standard in standards:
            form.standardFilter.addItem(standard.heading, standard.id)
        form.statusFilter.addItem("All statuses", ALL)
        for status, label in ACTION_STATUSES.items():
            form.statusFilter.addItem(label, status)
        form.statusFilter.addItem("Overdue", "overdue")
        form.standardFilter.currentIndexChanged.connect(self._apply_filters)
        form.statusFilter.currentIndexChanged.connect(self._apply_filters)
        form.searchBox.textChanged.connect(self._apply_filters)
        elide_combo(form.standardFilter, 24)  # standards' headings are long
        # With large text a straight row is wider than the screen. The Python side of each wrapping
        # row is kept here: without a reference PySide6 may drop it and leave Qt a layout with no code.
        self._wrapping_rows = [wrap_row(row) for row in (form.filterRow, form.buttonRow)]

        form.addButton.clicked.connect(lambda _checked=False: self.add_action())
        form.editButton.clicked.connect(self.edit_selected)
        form.removeButton.clicked.connect(self.remove_selected)
        table.activated.connect(self._activated)  # Enter or double-click
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        document.changed.connect(self.refresh)
        self._notice_buttons: list[QPushButton] = []
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the plan is shown, focus is on the list of actions, not on the first filter
        (Qt's choice); afterwards the tab keeps whatever had focus in it last."""
        super().showEvent(event)
        if self.focusWidget() is None:
            self.form.actionsTable.setFocus()

    # --- showing ---------------------------------------------------------------------------------

    def refresh(self, _standard_id: str = "") -> None:
        selected = self.selected_action()
        self.model.set_rows(self.document.assessment.actions.all_actions())
        self._show_needs_action()
        self._update_summary()
        if selected is not None:
            self.select_action(selected.id)
        self._update_buttons()

    def _show_needs_action(self) -> None:
        rows = self.form.needsActionRows
        while rows.count():
            item = rows.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()  # removed at once from view; deleted when control returns to the event loop
                old.deleteLater()
        self._notice_buttons = []
        missing = [m for m in self.document.assessment.completeness().missing if m.gap == Gap.NEEDS_ACTION]
        for gap in missing:
            standard = self._standard(gap.standard_id)
            row = QWidget(self.form.needsActionNotice)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(gap.message, row)
            label.setWordWrap(True)
            button = QPushButton(f"Add action for standard {standard.number}…", row)
            button.setAccessibleName(f"Add action for {standard.heading}")
            button.setEnabled(not self.document.read_only)
            button.clicked.connect(lambda _=False, sid=gap.standard_id: self.add_action(sid))
            row_layout.addWidget(label, 1)
            row_layout.addWidget(button)
            rows.addWidget(row)
            row.show()  # at once, not when the layout gets round to it, so focus can move to its button
            self._notice_buttons.append(button)
        self.form.needsActionNotice.setVisible(bool(missing))
        # Buttons made after the form joined the end of the focus chain; put them before the filters.
        chain = [*self._notice_buttons, self.form.standardFilter]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _standard(self, standard_id: str):
        return self.document.assessment.standards_set.standard(standard_id)

    def _update_summary(self) -> None:
        rows = self.model.rows()
        if not rows:
            text = "No actions yet."
        else:
            late = sum(overdue(a, self.model.today) for a in rows)
            done = sum(a.status == "complete" for a in rows)
            text = f"{len(rows)} action{'s' if len(rows) != 1 else ''}, {done} complete, {late} overdue"
            shown = self.proxy.rowCount()
            if shown != len(rows):
                text += f" ({shown} shown)"
        self.form.summary.setText(text)

    def _apply_filters(self) -> None:
        form = self.form
        self.proxy.set_filters(form.standardFilter.currentData(), form.statusFilter.currentData(),
                               form.searchBox.text())
        form.actionsTable.resizeRowsToContents()
        self._update_summary()
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.document.read_only
        chosen = self.selected_action() is not None
        self.form.addButton.setEnabled(writable)
        self.form.editButton.setEnabled(writable and chosen)
        self.form.removeButton.setEnabled(writable and chosen)

    # --- selection -------------------------------------------------------------------------------

    def selected_action(self) -> ActionRow | None:
        rows = self.form.actionsTable.selectionModel().selectedRows()
        return rows[0].data(ActionRole) if rows else None

    def select_action(self, action_id: int) -> None:
        source_row = self.model.row_of(action_id)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.form.actionsTable.selectRow(index.row())
            self.form.actionsTable.scrollTo(index)

    # --- editing ---------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if not self.document.read_only:
            self.edit_action(index.data(ActionRole))

    def add_action(self, standard_id: str | None = None) -> None:
        if standard_id is None:
            standard_id = self.form.standardFilter.currentData()
        values = ActionDialog.ask(self, self.document.assessment, standard_id)
        if values is None:
            return
        command = AddAction(self.document, **values)
        if self.document.push(command) and command.action_id is not None:
            self.select_action(command.action_id)

    def edit_selected(self) -> None:
        action = self.selected_action()
        if action is not None:
            self.edit_action(action)

    def edit_action(self, action: ActionRow) -> None:
        values = ActionDialog.ask(self, self.document.assessment, action=action)
        if values is None:
            return
        changes = {key: value for key, value in values.items() if getattr(action, key) != value}
        if changes and self.document.push(EditAction(self.document, action, **changes)):
            self.select_action(action.id)

    def remove_selected(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        answer = QMessageBox.question(
            self, "Remove action",
            f"Remove this action from {self.model.heading(action.standard_id)}?\n\n“{action.description}”\n\n"
            "You can put it back with Edit > Undo.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.document.push(RemoveAction(self.document, action))

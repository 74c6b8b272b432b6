"""The actions of one standard, on its page: the list and Add action / Edit / Remove.

An action for one of the standard's criteria says so before its description ("Criterion 1.2: ...").

The whole action plan has its own screen (``action_plan.py``); this is the slice for one standard,
so a user who grades a standard below the line can add the action it needs without leaving the
page. Adding and editing use the shared action dialog; every change is an undoable command.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from s11audit import action_rag
from s11audit.standards import Standard
from s11audit.store import ActionRow
from s11audit.ui.colours import swatch_icon
from s11audit.ui.commands import AddAction, EditAction, RemoveAction
from s11audit.ui.document import AuditDocument
from s11audit.ui.list_views import FittingTreeView
from s11audit.ui.row_table_model import RowTableModel

RAG_COLOURS = {"red": "#C0392B", "amber": "#E67E22", "green": "#27AE60", "not_due": "#B0BEC5"}
RAG_WORDS = {"red": "red: past its due date",
             "amber": f"amber: not started and due within {action_rag.AMBER_DAYS} days",
             "green": "green: complete or on track", "not_due": "not yet due"}
HEADERS = ("Action", "Owner", "Due", "Status")
ACTION_COLUMN, OWNER_COLUMN, DUE_COLUMN, STATUS_COLUMN = range(len(HEADERS))


class ActionsModel(RowTableModel[ActionRow]):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ActionRow] = []
        self._today = dt.date.today()
        self.criteria: dict[str, str] = {}  # criterion id -> number, for actions on one criterion
        self.tips = {STATUS_COLUMN: f"The action's status and how urgent it is. {action_rag.RULE}"}

    def set_rows(self, rows: Sequence[ActionRow]) -> None:
        if rows == self.rows:
            return
        self.beginResetModel()
        self.rows = list(rows)
        self._today = dt.date.today()
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        rag = row.rag(self._today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, rag, role)
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS_COLUMN:
            return swatch_icon(RAG_COLOURS[rag])
        if role == Qt.ItemDataRole.AccessibleTextRole and column == STATUS_COLUMN:
            return f"{row.status_label}, {RAG_WORDS[rag]}"
        return None

    def _text(self, row: ActionRow, column: int, rag: str, role: int) -> str:
        """What a cell shows (``DisplayRole``) or its tooltip."""
        if column == ACTION_COLUMN and row.criterion_id:
            return f"Criterion {self.criteria.get(row.criterion_id, row.criterion_id)}: {row.description}"
        if column == ACTION_COLUMN:
            return row.description
        if column == OWNER_COLUMN:
            return row.owner or "No owner yet"
        if column == DUE_COLUMN:
            return row.due_date.strftime("%d %b %Y").lstrip("0") if row.due_date else "No date"
        return row.status_label if role == Qt.ItemDataRole.DisplayRole else f"{row.status_label} ({RAG_WORDS[rag]})"


class StandardActions(QWidget):
    def __init__(self, document: AuditDocument, standard: Standard, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.standard = standard
        number = standard.number
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel("No actions for this standard yet. Add one for anything you will do to meet "
                                  "the standard fully.")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.model = ActionsModel(self)
        self.model.criteria = {c.id: c.number or c.id for c in standard.criteria}
        self.view = FittingTreeView(self.model, f"Actions for standard {number}", shares={1: 0.25})
        self.view.activated.connect(lambda _index: self._edit())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add action\u2026")
        self.add_button.setAccessibleName(f"Add an action to standard {number}")
        self.edit_button = QPushButton("Edit\u2026")
        self.edit_button.setAccessibleName(f"Edit the selected action of standard {number}")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(f"Remove the selected action of standard {number}")
        self.remove_button.setToolTip("Remove the selected action (Undo puts it back)")
        slots = ((self.add_button, self.add_action), (self.edit_button, self._edit), (self.remove_button, self._remove))
        for button, slot in slots:
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._read_only = document.read_only
        self.add_button.setEnabled(not self._read_only)

    def refresh(self) -> None:
        selected = self._selected()
        self.model.set_rows(self.document.assessment.actions.for_standard(self.standard.id))
        count = len(self.model.rows)
        self.view.setVisible(count > 0)
        self.empty_label.setVisible(count == 0)
        if selected is not None:
            for row, action in enumerate(self.model.rows):
                if action.id == selected.id:
                    self.view.setCurrentIndex(self.model.index(row, 0))
        self._enable()

    def _selected(self) -> ActionRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self) -> None:
        has = self._selected() is not None and not self._read_only
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def add_action(self, criterion_id: str = "") -> None:
        """Ask for a new action (for one criterion, if given) and add it as an undoable command."""
        from s11audit.ui.dialogs.action_dialog import ActionDialog

        ask = functools.partial(ActionDialog.ask, self, self.document.assessment, standard_id=self.standard.id)
        result = ask(criterion_id=criterion_id) if criterion_id else ask()
        if result:
            self.document.push(AddAction(self.document, **result))

    def _edit(self) -> None:
        action = self._selected()
        if action is None or self._read_only:
            return
        from s11audit.ui.dialogs.action_dialog import ActionDialog

        result = ActionDialog.ask(self, self.document.assessment, action=action)
        if not result:
            return
        changes = {key: value for key, value in result.items() if getattr(action, key) != value}
        if changes:
            self.document.push(EditAction(self.document, action, **changes))

    def _remove(self) -> None:
        action = self._selected()
        if action is not None and not self._read_only:
            self.document.push(RemoveAction(self.document, action))

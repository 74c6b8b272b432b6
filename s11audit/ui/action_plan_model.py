"""Qt models behind the action plan table: plain ActionRow lists in, sorting and filtering on top."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import (QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt)
from PySide6.QtGui import QBrush, QColor

from s11audit import action_rag
from s11audit.action_rag import RAG_ORDER, RAG_WORDS
from s11audit.standards import Standard
from s11audit.store import ActionRow

_Index = QModelIndex | QPersistentModelIndex

ActionRole = Qt.ItemDataRole.UserRole
SortRole = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    STANDARD = 0
    ACTION = 1
    OWNER = 2
    DUE = 3
    STATUS = 4
    NOTES = 5


HEADERS = {Column.STANDARD: "Standard", Column.ACTION: "Action", Column.OWNER: "Owner", Column.DUE: "Due date",
           Column.STATUS: "Status", Column.NOTES: "Progress notes"}

# Light fills with dark text of the same hue: well above 4.5:1 contrast, and the word is shown too,
# so nobody has to tell colours apart. "Not yet due" has no colour of its own: a pale grey.
RAG_COLOURS = {
    "red": (QColor("#F6D0CC"), QColor("#6B1410")),
    "amber": (QColor("#FBE2B6"), QColor("#5B3A00")),
    "green": (QColor("#CFEBD6"), QColor("#114D22")),
    "not_due": (QColor("#ECEFF1"), QColor("#37474F")),
}
STATUS_TIP = f"The action's status and how urgent it is. {action_rag.RULE}"
NO_DATE_SORT = dt.date.max.toordinal()  # actions without a due date sort after dated ones


def one_line(text: str) -> str:
    return " ".join(text.split())


def due_text(due: dt.date | None) -> str:
    return due.strftime("%d %b %Y").lstrip("0") if due else "No due date"


def overdue(action: ActionRow, today: dt.date) -> bool:
    return action_rag.overdue(action.status, action.due_date, today)


def status_text(action: ActionRow, today: dt.date) -> str:
    text = f"{action.status_label} – {RAG_WORDS[action.rag(today)]}"
    return text + " (overdue)" if overdue(action, today) else text


class ActionsModel(QAbstractTableModel):
    def __init__(self, standards: list[Standard], parent=None):
        super().__init__(parent)
        self._rows: list[ActionRow] = []
        self._headings = {s.id: s.heading for s in standards}
        self._order = {s.id: index for index, s in enumerate(standards)}
        self._criteria = {c.id: c.number or c.id for s in standards for c in s.criteria}
        self.today = dt.date.today()

    def set_rows(self, rows: list[ActionRow], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.today = today or dt.date.today()
        self.endResetModel()

    def rows(self) -> list[ActionRow]:
        return list(self._rows)

    def row_of(self, action_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == action_id), -1)

    def heading(self, standard_id: str) -> str:
        return self._headings.get(standard_id, standard_id)

    def where(self, action: ActionRow) -> str:
        """The standard an action is for and, if it is for one criterion, which."""
        heading = self.heading(action.standard_id)
        if action.criterion_id:
            return f"{heading} \u2014 criterion {self._criteria.get(action.criterion_id, action.criterion_id)}"
        return heading

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.STATUS:
            return STATUS_TIP
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        action = self._rows[index.row()]
        column = Column(index.column())
        if role == ActionRole:
            return action
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(action, column)
        if role == SortRole:
            return self._sort_key(action, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {Column.ACTION: action.description, Column.NOTES: action.progress_notes,
                    Column.STANDARD: self.where(action), Column.STATUS: STATUS_TIP}.get(column) or None
        if column == Column.STATUS and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            fill, text = RAG_COLOURS[action.rag(self.today)]
            return QBrush(fill if role == Qt.ItemDataRole.BackgroundRole else text)
        return None

    def _display(self, action: ActionRow, column: Column) -> str:
        if column == Column.STANDARD:
            return self.where(action)
        if column == Column.ACTION:
            return one_line(action.description)
        if column == Column.OWNER:
            return action.owner
        if column == Column.DUE:
            return due_text(action.due_date)
        if column == Column.STATUS:
            return status_text(action, self.today)
        return one_line(action.progress_notes)

    def _sort_key(self, action: ActionRow, column: Column):
        if column == Column.STANDARD:
            return self._order.get(action.standard_id, len(self._order))
        if column == Column.DUE:
            return action.due_date.toordinal() if action.due_date else NO_DATE_SORT
        if column == Column.STATUS:
            # Most urgent first: red, amber, not yet due, then green; within each, the earliest due.
            due = action.due_date.toordinal() if action.due_date else NO_DATE_SORT
            return RAG_ORDER[action.rag(self.today)] * 10_000_000 + due
        return self._display(action, column).casefold()


class ActionsFilter(QSortFilterProxyModel):
    """Shows the actions of one standard and/or status, matching the search words."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._standard_id: str | None = None
        self._status: str | None = None
        self._words: list[str] = []
        self._actions: ActionsModel | None = None  # the source model, typed

    def setSourceModel(self, sourceModel: QAbstractItemModel, /) -> None:
        super().setSourceModel(sourceModel)
        self._actions = sourceModel if isinstance(sourceModel, ActionsModel) else None

    def set_filters(self, standard_id: str | None, status: str | None, search: str) -> None:
        self.beginFilterChange()
        self._standard_id, self._status, self._words = standard_id, status, search.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self._actions
        if model is None:
            return True  # a source other than the actions: nothing to filter by
        action = model.data(model.index(source_row, 0, source_parent), ActionRole)
        if self._standard_id is not None and action.standard_id != self._standard_id:
            return False
        if self._status == "overdue":
            if not overdue(action, model.today):
                return False
        elif self._status is not None and action.status != self._status:
            return False
        haystack = " ".join((model.where(action), action.description, action.owner,
                             action.progress_notes)).casefold()
        return all(word in haystack for word in self._words)

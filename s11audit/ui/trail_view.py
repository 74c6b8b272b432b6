"""The audit trail: who changed what and when, newest first, read-only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView,
                               QVBoxLayout, QWidget)

from s11audit.store import TrailRow
from s11audit.ui.document import AuditDocument
from s11audit.ui.row_table_model import RowTableModel

_Index = QModelIndex | QPersistentModelIndex

HEADERS = ("When", "Who", "What", "From", "To")
WHAT_COLUMN = HEADERS.index("What")  # from here on a cell's text may be long: its tooltip shows it whole


def local_time(at: dt.datetime) -> str:
    """The store keeps UTC; people read their own clock."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%d %b %Y %H:%M").lstrip("0")


def _one_line(text: str) -> str:
    return " ".join(text.split())


class TrailModel(RowTableModel[TrailRow]):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[TrailRow] = []

    def set_rows(self, rows: Sequence[TrailRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        values = (local_time(row.at), row.user, row.what, row.old_value, row.new_value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _one_line(values[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() >= WHAT_COLUMN:
            return values[index.column()] or None
        return None


class TrailView(QWidget):
    def __init__(self, document: AuditDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.model = TrailModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        intro = QLabel("Every change to this audit, newest first: when it was made, who made it, and the value "
                       "before and after. Nobody can edit this list.")
        intro.setWordWrap(True)
        search_label = QLabel("Se&arch:")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search the audit trail")
        self.search.setPlaceholderText("A name, a standard number or words from a change")
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.summary = QLabel()
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.summary)

        self.table = QTableView()
        self.table.setAccessibleName("Audit trail")
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 150, 360, 220)):
            self.table.setColumnWidth(column, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 9, 9, 9)
        layout.addWidget(intro)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        self.proxy.modelReset.connect(self._update_summary)
        self.proxy.layoutChanged.connect(self._update_summary)
        self.proxy.rowsInserted.connect(self._update_summary)
        self.proxy.rowsRemoved.connect(self._update_summary)
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _standard_id: str = "") -> None:
        self.model.set_rows(self.document.assessment.trail())

    def _update_summary(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = f"{total} change{'s' if total != 1 else ''}"
        self.summary.setText(text if shown == total else f"{shown} of {text} shown")

"""What is still missing before the self-assessment is complete, as a list to work through.

The list comes from ``completeness.check`` (shared with the CLI and sign-off) and is handed in as
plain rows. Clicking an entry or pressing Enter on it emits ``jump(standard_id, item_id)``;
moving through the list with the arrow keys does not, so a keyboard user can read it first.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from s11audit.completeness import Completeness, Gap
from s11audit.standards import StandardsSet

COMPLETE_TEXT = "Everything is complete"
_ROOT = QModelIndex()  # the invisible root: the parent Qt passes by default


@dataclass(frozen=True)
class MissingRow:
    text: str
    tooltip: str
    standard_id: str
    item_id: str
    gap: Gap


def missing_rows(completeness: Completeness, standards_set: StandardsSet) -> list[MissingRow]:
    rows = []
    for missing in completeness.missing:
        if missing.item_id and standards_set.is_criterion(missing.item_id):
            tooltip = standards_set.criterion(missing.item_id).heading
        elif missing.item_id.startswith("action:"):  # a compliance statement's baseline action: its own words
            tooltip = missing.message
        elif missing.item_id:
            tooltip = standards_set.item(missing.item_id).text
        else:
            tooltip = standards_set.standard(missing.standard_id).heading
        rows.append(MissingRow(missing.message, tooltip, missing.standard_id, missing.item_id, missing.gap))
    return rows


class MissingModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[MissingRow] = []

    def set_rows(self, rows: list[MissingRow]) -> None:
        if rows == self.rows:
            return
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.text}\n{row.tooltip}\nClick or press Enter to go there."
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return row.tooltip
        return None


class CompletenessPanel(QWidget):
    jump = Signal(str, str)  # standard id, item id ("" for the standard itself)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.model = MissingModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Still to do")
        self.view.setAccessibleDescription("What is missing before the self-assessment is complete. "
                                           "Press Enter on an entry to go to it.")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(True)
        self.heading.setBuddy(self.view)
        # ``activated`` covers Enter and (by platform) double-click; ``clicked`` covers a single click.
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)
        layout.addWidget(self.view, 1)
        self.complete_label = QLabel(f"\u2713 {COMPLETE_TEXT}")
        self.complete_label.setStyleSheet("color: #1E6B3A; font-weight: bold; padding: 8px 0;")
        self.complete_label.setWordWrap(True)
        layout.addWidget(self.complete_label)
        layout.addStretch(0)

    def set_completeness(self, completeness: Completeness, standards_set: StandardsSet) -> None:
        rows = missing_rows(completeness, standards_set)
        current = self.view.currentIndex()
        keep = self.model.rows[current.row()] if current.isValid() and current.row() < len(self.model.rows) else None
        self.model.set_rows(rows)
        count = len(rows)
        self.heading.setText(f"Still to do ({count})" if count else "Still to do")
        self.view.setVisible(bool(count))
        self.complete_label.setVisible(not count)
        if keep is not None and keep in rows:
            self.view.setCurrentIndex(self.model.index(rows.index(keep)))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.rows[index.row()]
            self.jump.emit(row.standard_id, row.item_id)

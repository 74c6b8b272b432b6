"""A read-only list of rows that sizes itself to its rows, for lists inside a scrolling page.

The evidence and action lists sit in the standard's page, which scrolls as a whole; a list with
its own small scroll area inside it hides rows, so it grows to show up to ``max_rows`` rows.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget


class FittingTreeView(QTreeView):
    def __init__(self, model: QAbstractItemModel, name: str, stretch_column: int = 0, max_rows: int = 8,
                 shares: dict[int, float] | None = None, parent: QWidget | None = None):
        """``shares``: columns given a fixed share of the width (long text that would otherwise
        squeeze the stretching column); the rest fit their contents."""
        super().__init__(parent)
        self._max_rows = max_rows
        self._shares = shares or {}
        self._stretch_column = stretch_column if 0 <= stretch_column < model.columnCount() else None
        self.setModel(model)
        self.setAccessibleName(name)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(False)
        for column in range(model.columnCount()):
            if column == stretch_column:
                mode = QHeaderView.ResizeMode.Stretch
            elif column in self._shares:
                mode = QHeaderView.ResizeMode.Interactive
            else:
                mode = QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        model.modelReset.connect(self.fit_rows)
        model.rowsInserted.connect(self.fit_rows)
        model.rowsRemoved.connect(self.fit_rows)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        header = self.header()
        width = self.viewport().width()
        # The shared columns give way, down to half their share, so the stretching column is never
        # narrower than its own heading (a heading cut mid-word reads as a fault).
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self._stretch_column and c not in self._shares and not header.isSectionHidden(c))
        shared = sum(self._shares.values()) * width
        room = width - others - shared
        needed = header.sectionSizeHint(self._stretch_column) if self._stretch_column is not None else 0
        scale = 1.0
        if self._shares and shared and room < needed:
            scale = max(0.5, (shared - (needed - room)) / shared)
        for column, share in self._shares.items():
            header.resizeSection(column, int(width * share * scale))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_rows()

    def fit_rows(self, *_args) -> None:
        count = self.model().rowCount()
        row_height = max(self.sizeHintForRow(0) if count else 0, self.fontMetrics().height() + 8)
        shown = max(1, min(count, self._max_rows))
        self.setFixedHeight(self.header().sizeHint().height() + row_height * shown + 2 * self.frameWidth() + 2)

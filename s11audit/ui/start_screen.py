"""The start screen: what the app is for, new and open buttons, recent files, standards warnings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from s11audit.ui.generated.start_screen import StartScreenForm

if TYPE_CHECKING:  # the standards loader (YAML, JSON schema) is read after the first paint
    from s11audit.standards import SkippedFile

PathRole = Qt.ItemDataRole.UserRole

_Index = QModelIndex | QPersistentModelIndex


class RecentFilesModel(QAbstractListModel):
    """Recent audit files as rows: the file's name, with its folder beneath."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._paths: list[Path] = []

    def set_paths(self, paths: list[Path]) -> None:
        self.beginResetModel()
        self._paths = list(paths)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._paths)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        path = self._paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{path.stem}    ({path.parent})"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return str(path)
        if role == PathRole:
            return path
        return None


class StartScreen(QWidget):
    new_file_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = StartScreenForm(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.recent_model = RecentFilesModel(self)
        self.form.recentList.setModel(self.recent_model)
        self.form.newFileButton.clicked.connect(self.new_file_requested)
        self.form.openFileButton.clicked.connect(self.open_requested)
        # ``activated`` is Enter on the keyboard and double-click with the mouse.
        self.form.recentList.activated.connect(self._open_index)
        self.show_skipped([])

    def _open_index(self, index: QModelIndex) -> None:
        path = index.data(PathRole)
        if path is not None:
            self.recent_chosen.emit(path)

    def show_recent(self, paths: list[Path]) -> None:
        self.recent_model.set_paths(paths)
        self.form.recentList.setVisible(bool(paths))
        self.form.recentLabel.setVisible(bool(paths))
        self.form.recentEmpty.setVisible(not paths)
        if paths:
            view = self.form.recentList
            view.setCurrentIndex(self.recent_model.index(0))
            # As tall as its rows (at most eight), so the screen does not end in an empty box.
            view.setMaximumHeight(view.sizeHintForRow(0) * len(paths) + 2 * view.frameWidth() + 4)

    def show_skipped(self, skipped: list[SkippedFile]) -> None:
        """List standards files that were not loaded; the app still works with the valid sets."""
        self.form.skippedBox.setVisible(bool(skipped))
        if not skipped:
            self.form.skippedText.clear()
            return
        lines = [f"• {item.path.name}: {skipped_reason(item)}\n   ({item.path})" for item in skipped]
        lines.append("\nThe other standards sets can be used as normal. Ask whoever gave you the file for a "
                     "corrected copy.")
        self.form.skippedText.setText("\n".join(lines))


def skipped_reason(item: SkippedFile) -> str:
    """The loader's reason without the file name it starts with, and "line N" spelled out."""
    prefix = f"{item.path.name}:"
    reason = item.reason[len(prefix):].strip() if item.reason.startswith(prefix) else item.reason
    return re.sub(r"^(\d+):\s*", r"line \1: ", reason)

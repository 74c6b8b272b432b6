"""Word-wrapped labels that keep room for every line.

Qt gives a word-wrapped label the height it needs for its width only where every layout up to the window
passes that question on (height for width); inside a tab page it does not, so at a larger text size a
prompt that wraps to two lines is given one and cut. ``keep_whole`` sets the label's minimum height to
what its text needs at its width whenever it is resized or its font changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget


class _WholeHeight(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange) and isinstance(watched, QLabel):
            fit(watched)
        return False


def fit(label: QLabel) -> None:
    """Give a word-wrapped label the height its text needs at its present width (after ``setText`` too)."""
    needed = label.heightForWidth(label.width())
    if needed > 0 and label.minimumHeight() != needed:
        label.setMinimumHeight(needed)


def keep_whole(top: QWidget) -> None:
    """Every word-wrapped label under ``top`` keeps the height its text needs (see the module docstring)."""
    for label in top.findChildren(QLabel):
        if label.wordWrap():
            label.installEventFilter(_WholeHeight(label))

"""Saving typed text without a Save button: after a pause in typing, and when the field is left.

Users write long narratives over days and never press Save, so a text field saves itself
``SAVE_DELAY_MS`` after typing stops, when it loses focus and when it is hidden (switching
standard, closing the window). The saves go through ``SetStandardText``/``SetAnswer``, and
``SetStandardText`` merges consecutive saves, so one undo reverts a burst of typing.

``GrowingTextEdit`` is a plain-text editor that grows with its text (up to a limit), so a long
narrative reads in the page's own scroll area rather than in a small box.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

SAVE_DELAY_MS = 700


class AutoSave(QObject):
    """Watches a QPlainTextEdit or QLineEdit and emits ``save(text)`` when its text should be kept."""

    save = Signal(str)

    def __init__(self, editor: QPlainTextEdit | QLineEdit, delay_ms: int = SAVE_DELAY_MS):
        super().__init__(editor)
        self._editor = editor
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        editor.textChanged.connect(self._edited)
        editor.installEventFilter(self)

    def text(self) -> str:
        editor = self._editor
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    @property
    def pending(self) -> bool:
        """True while typed text is waiting to be saved."""
        return self._timer.isActive()

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._timer.start()

    def flush(self) -> None:
        """Save now if anything is waiting."""
        self._timer.stop()
        self.save.emit(self.text())

    def flush_pending(self) -> None:
        if self.pending:
            self.flush()

    def show_text(self, text: str) -> None:
        """Show the stored text, unless the user is in the middle of typing over it."""
        if self.pending or self.text() == text:
            return
        self._loading = True
        try:
            if isinstance(self._editor, QPlainTextEdit):
                self._editor.setPlainText(text)
            else:
                self._editor.setText(text)
        finally:
            self._loading = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusOut, QEvent.Type.Hide):
            self.flush_pending()
        return False


class GrowingTextEdit(QPlainTextEdit):
    """A word-wrapped plain-text editor whose height follows its text between two limits."""

    def __init__(self, min_lines: int = 6, max_lines: int = 30, parent: QWidget | None = None):
        super().__init__(parent)
        self._min_lines = min_lines
        self._max_lines = max_lines
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)  # Tab moves on to the next control, as keyboard users expect
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        return lines * self.fontMetrics().lineSpacing() + frame + 4

    def _fit(self, *_args) -> None:
        # The plain-text layout measures its size in wrapped lines, which is what we need.
        lines = int(self.document().size().height())
        wanted = max(self._min_lines, min(self._max_lines, lines + 1))
        height = self._height_for(wanted)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

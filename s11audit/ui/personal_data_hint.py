"""A quiet line under a text box when what is typed looks like it names a child (issue 17).

Shown under the narrative of a standard and the "what changed" of a compliance statement: it never
stops the typing or the saving; it looks again ``HINT_DELAY_MS`` after typing pauses, so a long
narrative costs nothing per key.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from s11audit.personal_data import second_looks

HINT_DELAY_MS = 400
HINT_STYLE = "color: #7E5109; background: #FEF5E7; border-left: 4px solid #E59866; padding: 4px 8px;"


class PersonalDataHint(QLabel):
    """Watches ``editor`` and says what in its text looks like personal data; hidden when nothing does."""

    def __init__(self, editor: QPlainTextEdit, name: str, parent: QWidget | None = None,
                 delay_ms: int = HINT_DELAY_MS):
        super().__init__(parent)
        self._editor = editor
        self.setWordWrap(True)
        self.setStyleSheet(HINT_STYLE)
        self.setAccessibleName(f"Personal data check of the {name}")
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.check_now)
        editor.textChanged.connect(self._edited)

    def _edited(self) -> None:
        self._timer.start()  # again: the look waits for a pause in typing

    def check_now(self) -> None:
        """Look at the text now (after a pause in typing, or when a stored text is shown)."""
        self._timer.stop()
        hints = second_looks(self._editor.toPlainText())
        kinds: list[str] = []
        for hint in hints:
            if hint.what not in kinds:
                kinds.append(hint.what)
        if kinds:
            listed = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
            self.setText(f"\u26a0 This text looks like it includes {listed}: check it is needed. Initials or "
                         "\u201cChild A\u201d are enough for an audit.")
        self.setVisible(bool(kinds))

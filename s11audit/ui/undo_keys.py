"""Ctrl+Z and Ctrl+Y in a text box: the box's own typing first, then the audit's undo history.

A text box takes Ctrl+Z for itself (Qt gives it the key before any menu shortcut), so after choosing
Not applicable and clicking into a box, Ctrl+Z did nothing although Edit > Undo offered "Undo Not
applicable". Here a box of the main window keeps Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) while it has
typing of its own to undo or redo; once it has none, the key undoes or redoes the last change to the
audit, as Edit > Undo and Edit > Redo would. Boxes in dialogs are left alone: their changes are not
in the audit's history until the dialog is closed with OK.

A filter is put on each text box of the window the first time it gets focus (``QApplication.focusChanged``),
so no Python code runs for the app's other events.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from s11audit.ui.qapp import running_app

_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
              | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)
UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
_WATCHED = "_s11audit_undo_keys"  # a property marking boxes that already have the filter

TextBox = QLineEdit | QPlainTextEdit | QTextEdit


def which(event: QKeyEvent) -> str:
    """"undo", "redo" or "" for a key press (the platform's own undo and redo keys count too)."""
    keys = QKeySequence(event.modifiers() & _MODIFIERS | Qt.Key(event.key()))
    if keys in UNDO_KEYS or event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if keys in REDO_KEYS or event.matches(QKeySequence.StandardKey.Redo):
        return "redo"
    return ""


def own_history(box: TextBox, step: str) -> bool:
    """Whether the box itself has typing to undo (or redo)."""
    if isinstance(box, QLineEdit):
        return box.isUndoAvailable() if step == "undo" else box.isRedoAvailable()
    document = box.document()
    return document.isUndoAvailable() if step == "undo" else document.isRedoAvailable()


def _text_box(widget: QWidget | None) -> TextBox | None:
    """The editable text box that has focus: the widget itself, or the box whose viewport it is."""
    for candidate in (widget, widget.parentWidget() if widget is not None else None):
        if isinstance(candidate, (QLineEdit, QPlainTextEdit, QTextEdit)) and not candidate.isReadOnly():
            return candidate
    return None


class UndoKeys(QObject):
    """Gives a main window's text boxes the audit's undo once their own is used up."""

    def __init__(self, window: QWidget, group: QUndoGroup):
        super().__init__(window)
        self._window = window
        self._group = group

    def watch(self, _old: QWidget | None, new: QWidget | None) -> None:
        box = _text_box(new)
        if box is not None and box.window() is self._window and not box.property(_WATCHED):
            box.setProperty(_WATCHED, True)
            box.installEventFilter(self)

    def step(self, box: TextBox, step: str) -> None:
        """Undo or redo the box's own typing if it has any, else the audit's last change."""
        if own_history(box, step):
            box.undo() if step == "undo" else box.redo()
        elif step == "undo" and self._group.canUndo():
            self._group.undo()
        elif step == "redo" and self._group.canRedo():
            self._group.redo()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(watched, TextBox) \
                or not isinstance(event, QKeyEvent):  # PySide6 hands both kinds over as QKeyEvent
            return False
        step = which(event)
        if not step or watched.isReadOnly():
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the box as a key press (below), never to a menu shortcut
            return True
        # Handled here rather than by the box, so that Ctrl+Y and Ctrl+Shift+Z redo on every platform.
        self.step(watched, step)
        return True


def install(window: QWidget, group: QUndoGroup) -> UndoKeys:
    """Watch the text boxes of ``window`` as they get focus; the undo history is ``group``'s active stack."""
    keys = UndoKeys(window, group)
    app = running_app()
    app.focusChanged.connect(keys.watch)  # a method of a child of the window: gone with the window
    keys.watch(None, app.focusWidget())
    return keys

"""The open self-assessment as the windows share it: the core object, its undo stack and signals.

Every edit goes through ``AuditDocument.push`` as an undoable command. The command writes to the
audit file at once (autosave); a write that fails is reported through ``failed`` and is not put on
the undo stack, so what the screen shows and what the file holds never drift apart.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from s11audit.store import AuditFile
from s11audit.store.assessment import SelfAssessment


class AuditDocument(QObject):
    changed = Signal(str)  # the standard id that changed, or "" when anything may have
    failed = Signal(str)  # a change could not be saved (disk full, read-only file): tell the user loudly
    refused = Signal(str)  # a value that does not fit its item: the editor shows it beside the field

    def __init__(self, audit_file: AuditFile, assessment: SelfAssessment, parent: QObject | None = None):
        super().__init__(parent)
        self.audit_file = audit_file
        self.assessment = assessment
        self.undo_stack = QUndoStack(self)
        self.closed = False

    def close(self) -> None:
        """The audit is being taken off the screen: views with work still queued (pages built one per
        turn of the event loop) check ``closed`` and stop, so nothing reaches the file afterwards."""
        self.closed = True

    @property
    def read_only(self) -> bool:
        return self.assessment.read_only

    def push(self, command: QUndoCommand) -> bool:
        """Run an edit; returns False (and emits ``failed``) if it could not be saved.

        An edit that would change nothing is not run, so it never becomes an empty undo step.
        """
        if self.closed:  # a field flushing its text as its window is taken down, after the file was closed
            return False
        missing = object()
        if getattr(command, "old", missing) == getattr(command, "new", missing) is not missing:
            return True
        self.undo_stack.push(command)
        return not getattr(command, "failed_message", "")

    def forget_history(self) -> None:
        """After a change that cannot be undone (removing evidence), earlier steps may refer to
        what is gone, so the undo history is cleared rather than left to fail later."""
        self.undo_stack.clear()

    def report(self, message: str) -> None:
        self.failed.emit(message)

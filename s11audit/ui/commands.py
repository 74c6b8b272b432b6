"""Undoable edits (QUndoCommand), each one atomic change to the audit file.

Commands record the old value when created and write through the core; undo writes the old value
back (another autosaved change, with its own audit-trail entry). A command whose write fails
marks itself obsolete so the undo stack drops it, and reports the message through the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypedDict

from PySide6.QtGui import QUndoCommand

from s11audit.store import ActionRow, AnswerError, AuditFileError
from s11audit.ui.document import AuditDocument

_TEXT_MERGE_ID = 1100


class ActionFields(TypedDict):
    """An action's fields as the action dialog gives them (``ActionDialog.values``) and ``AddAction`` takes them."""

    standard_id: str
    criterion_id: str
    description: str
    owner: str
    due_date: dt.date | None
    status: str
    progress_notes: str


class _Edit(QUndoCommand):
    """Runs ``apply(new)`` on redo and ``apply(old)`` on undo, reporting failures."""

    def __init__(self, document: AuditDocument, text: str, standard_id: str):
        super().__init__(text)
        self.document = document
        self.standard_id = standard_id
        self.failed_message = ""

    def _run(self, action: Callable[[], object], first: bool) -> None:
        try:
            action()
        except (AuditFileError, AnswerError) as exc:
            self.failed_message = str(exc)
            if first:
                self.setObsolete(True)
            if isinstance(exc, AnswerError):
                self.document.refused.emit(self.failed_message)
            else:
                self.document.report(self.failed_message)
        self.document.changed.emit(self.standard_id)


def _owner(document: AuditDocument, target_id: str) -> str:
    """The standard a change belongs to: a criterion's standard, so its page is the one refreshed."""
    standards_set = document.assessment.standards_set
    return standards_set.standard_of_criterion(target_id).id if standards_set.is_criterion(target_id) else target_id


def _what(document: AuditDocument, target_id: str) -> str:
    is_criterion = document.assessment.standards_set.is_criterion(target_id)
    return f"criterion {target_id}" if is_criterion else f"standard {target_id}"


class SetJudgement(_Edit):
    """Choose a grade, clear it (``None``) or mark the standard not applicable."""

    def __init__(self, document: AuditDocument, standard_id: str, grade: str | None,
                 not_applicable: bool = False, na_reason: str | None = None):
        old = document.assessment.response(standard_id)
        scale = document.assessment.standards_set.scale_of(standard_id)  # a criterion has its own scale
        label = scale.not_applicable_label if not_applicable else (scale.level(grade).label if grade else "no grade")
        super().__init__(document, f"Grade {_what(document, standard_id)}: {label}", _owner(document, standard_id))
        self.target_id = standard_id
        self.old = (old.grade, old.not_applicable, old.na_reason)
        self.new = (grade, not_applicable, old.na_reason if na_reason is None else na_reason)
        self._done = False

    def redo(self) -> None:
        self._run(lambda: self.document.assessment.restore_judgement(self.target_id, *self.new), not self._done)
        self._done = True

    def undo(self) -> None:
        self._run(lambda: self.document.assessment.restore_judgement(self.target_id, *self.old), False)


_TEXT_SETTERS = {
    "narrative": "set_narrative",
    "example": "set_example",
    "na_reason": "set_na_reason",
}
_TEXT_NAMES = {"narrative": "narrative", "example": "best-practice example", "na_reason": "reason for not applicable"}


class SetStandardText(_Edit):
    """Narrative, best-practice example or N/A reason; consecutive saves of one field merge."""

    def __init__(self, document: AuditDocument, standard_id: str, field: str, new: str):
        super().__init__(document, f"Edit {_TEXT_NAMES[field]} of {_what(document, standard_id)}",
                         _owner(document, standard_id))
        self.target_id = standard_id
        self.field = field
        self.old = getattr(document.assessment.response(standard_id), field)
        self.new = new
        self._done = False

    def _set(self, value: str) -> None:
        getattr(self.document.assessment, _TEXT_SETTERS[self.field])(self.target_id, value)

    def redo(self) -> None:
        self._run(lambda: self._set(self.new), not self._done)
        self._done = True

    def undo(self) -> None:
        self._run(lambda: self._set(self.old), False)

    def id(self) -> int:
        return _TEXT_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetStandardText) or (other.target_id, other.field) != (self.target_id, self.field):
            return False
        if other.failed_message:
            return False
        self.new = other.new
        return True


class SetAnswer(_Edit):
    def __init__(self, document: AuditDocument, item_id: str, value: Any):
        standard = document.assessment.standards_set.standard_of_item(item_id)
        super().__init__(document, f"Answer item {item_id}", standard.id)
        self.item_id = item_id
        self.old = document.assessment.answer(item_id)
        self.new = value
        self._done = False

    def redo(self) -> None:
        self._run(lambda: self.document.assessment.set_answer(self.item_id, self.new), not self._done)
        self._done = True

    def undo(self) -> None:
        self._run(lambda: self.document.assessment.set_answer(self.item_id, self.old), False)


class AddAction(_Edit):
    def __init__(self, document: AuditDocument, standard_id: str, description: str, *, owner: str = "",
                 due_date: dt.date | None = None, status: str = "not_started", progress_notes: str = "",
                 criterion_id: str = ""):
        super().__init__(document, f"Add action to standard {standard_id}", standard_id)
        self.fields = ActionFields(standard_id=standard_id, description=description, owner=owner, due_date=due_date,
                                   status=status, progress_notes=progress_notes, criterion_id=criterion_id)
        self.action_id: int | None = None
        self._done = False

    def redo(self) -> None:
        def add() -> None:
            self.action_id = self.document.assessment.actions.add(**self.fields, action_id=self.action_id).id
        self._run(add, not self._done)
        self._done = True

    def undo(self) -> None:
        action_id = self.action_id
        if action_id is not None:  # None only if adding failed, and then the stack has dropped the command
            self._run(lambda: self.document.assessment.actions.remove(action_id), False)


class EditAction(_Edit):
    def __init__(self, document: AuditDocument, action: ActionRow, **changes: Any):
        super().__init__(document, f"Edit action {action.id}", changes.get("standard_id", action.standard_id))
        self.action_id = action.id
        self.old = {key: getattr(action, key) for key in changes}
        self.new = changes
        self.old_standard = action.standard_id
        self._done = False

    def redo(self) -> None:
        self._run(lambda: self.document.assessment.actions.update(self.action_id, **self.new), not self._done)
        self._done = True
        if self.old_standard != self.standard_id:
            self.document.changed.emit(self.old_standard)

    def undo(self) -> None:
        self._run(lambda: self.document.assessment.actions.update(self.action_id, **self.old), False)
        if self.old_standard != self.standard_id:
            self.document.changed.emit(self.old_standard)


class RemoveAction(_Edit):
    def __init__(self, document: AuditDocument, action: ActionRow):
        super().__init__(document, f"Remove action {action.id}", action.standard_id)
        self.action = action
        self._done = False

    def redo(self) -> None:
        self._run(lambda: self.document.assessment.actions.remove(self.action.id), not self._done)
        self._done = True

    def undo(self) -> None:
        a = self.action
        self._run(lambda: self.document.assessment.actions.add(a.standard_id, a.description, a.owner, a.due_date,
                                                               a.status, a.progress_notes, action_id=a.id,
                                                               criterion_id=a.criterion_id), False)


class EvidenceEdit(_Edit):
    """Rename, describe, link or unlink an evidence file (adding and removing are not undoable)."""

    def __init__(self, document: AuditDocument, text: str, standard_id: str,
                 do: Callable[[], None], undo: Callable[[], None]):
        super().__init__(document, text, standard_id)
        self._do, self._undo = do, undo
        self._done = False

    def redo(self) -> None:
        self._run(self._do, not self._done)
        self._done = True

    def undo(self) -> None:
        self._run(self._undo, False)


def rename_evidence(document: AuditDocument, evidence_id: int, old: str, new: str,
                    standard_id: str = "") -> EvidenceEdit:
    library = document.assessment.evidence
    return EvidenceEdit(document, f"Rename evidence to {new}", standard_id,
                        lambda: library.rename(evidence_id, new), lambda: library.rename(evidence_id, old))


def describe_evidence(document: AuditDocument, evidence_id: int, old: str, new: str,
                      standard_id: str = "") -> EvidenceEdit:
    library = document.assessment.evidence
    return EvidenceEdit(document, "Describe evidence", standard_id,
                        lambda: library.describe(evidence_id, new), lambda: library.describe(evidence_id, old))


def link_evidence(document: AuditDocument, evidence_id: int, standard_id: str, item_id: str = "") -> EvidenceEdit:
    library = document.assessment.evidence
    return EvidenceEdit(document, "Link evidence", standard_id,
                        lambda: library.link(evidence_id, standard_id, item_id),
                        lambda: library.unlink(evidence_id, standard_id, item_id))


def unlink_evidence(document: AuditDocument, evidence_id: int, standard_id: str, item_id: str = "") -> EvidenceEdit:
    library = document.assessment.evidence
    return EvidenceEdit(document, "Unlink evidence", standard_id,
                        lambda: library.unlink(evidence_id, standard_id, item_id),
                        lambda: library.link(evidence_id, standard_id, item_id))

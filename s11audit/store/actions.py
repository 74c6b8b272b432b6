"""The action plan: what the organisation will do where a standard falls short."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from s11audit.standards import StandardsSet
from s11audit.store.database import AuditFileError
from s11audit.store.models import Action
from s11audit.store.rows import ACTION_STATUSES, ActionRow
from s11audit.store.session import Writer

EDITABLE = ("standard_id", "criterion_id", "description", "owner", "due_date", "status", "progress_notes")


class ActionPlan:
    def __init__(self, writer: Writer, audit_id: int, standards_set: StandardsSet):
        self._writer = writer
        self._audit_id = audit_id
        self._set = standards_set

    def _check(self, fields: dict[str, Any]) -> None:
        path = self._writer.path
        if "standard_id" in fields:
            try:
                self._set.standard(fields["standard_id"])
            except KeyError:
                raise AuditFileError(path, "an action must belong to a standard of this audit, "
                                           f"not {fields['standard_id']!r}.") from None
        if fields.get("criterion_id"):
            try:
                owner = self._set.standard_of_criterion(fields["criterion_id"])
            except KeyError:
                raise AuditFileError(path, f"this audit has no criterion {fields['criterion_id']!r}.") from None
            if "standard_id" in fields and owner.id != fields["standard_id"]:
                raise AuditFileError(path, f"criterion {fields['criterion_id']!r} belongs to standard {owner.number}, "
                                           f"not {fields['standard_id']!r}.")
        if "description" in fields and not str(fields["description"]).strip():
            raise AuditFileError(path, "an action needs a description of what will be done.")
        if "status" in fields and fields["status"] not in ACTION_STATUSES:
            raise AuditFileError(path, f"{fields['status']!r} is not an action status ({', '.join(ACTION_STATUSES)}).")
        if fields.get("due_date") is not None and not isinstance(fields["due_date"], dt.date):
            raise AuditFileError(path, "an action's due date must be a date.")

    def _get(self, action_id: int) -> Action:
        row = self._writer.session.get(Action, action_id)
        if row is None or row.audit_id != self._audit_id:
            raise AuditFileError(self._writer.path, f"holds no action number {action_id} in this audit.")
        return row

    def all_actions(self) -> list[ActionRow]:
        rows = self._writer.session.scalars(select(Action).where(Action.audit_id == self._audit_id).order_by(Action.id))
        return [_row(r) for r in rows]

    def for_standard(self, standard_id: str) -> list[ActionRow]:
        return [a for a in self.all_actions() if a.standard_id == standard_id]

    def add(self, standard_id: str, description: str, owner: str = "", due_date: dt.date | None = None,
            status: str = "not_started", progress_notes: str = "", *, action_id: int | None = None,
            criterion_id: str = "") -> ActionRow:
        """Add an action for a standard (or one of its criteria); ``action_id`` puts back one that was
        removed (undo)."""
        fields = dict(standard_id=standard_id, criterion_id=criterion_id, description=description, owner=owner,
                      due_date=due_date, status=status, progress_notes=progress_notes)
        self._check(fields)
        with self._writer.change() as session:
            row = Action(id=action_id, audit_id=self._audit_id, created_by=self._writer.user, **fields)
            session.add(row)
            session.flush()
            number = self._set.standard(standard_id).number
            where = f"criterion {self._set.criterion(criterion_id).number}" if criterion_id else f"standard {number}"
            self._writer.trail(self._audit_id, f"Action added to {where}", new=description)
        return _row(row)

    def update(self, action_id: int, **fields: Any) -> ActionRow:
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"cannot change {', '.join(sorted(unknown))} of an action")
        self._check(fields)
        with self._writer.change():
            row = self._get(action_id)
            for key, value in fields.items():
                old = getattr(row, key)
                if old != value:
                    setattr(row, key, value)
                    label = key.replace("_", " ")
                    old_shown, new_shown = old, value
                    if key == "status":
                        old_shown, new_shown = ACTION_STATUSES.get(old, old), ACTION_STATUSES[value]
                    self._writer.trail(self._audit_id, f"Action {action_id}: {label}", old_shown, new_shown)
        return _row(row)

    def remove(self, action_id: int) -> ActionRow:
        with self._writer.change() as session:
            row = self._get(action_id)
            removed = _row(row)
            self._writer.trail(self._audit_id, f"Action {action_id} removed", old=row.description)
            session.delete(row)
        return removed


def _row(r: Action) -> ActionRow:
    return ActionRow(r.id, r.standard_id, r.description, r.owner, r.due_date, r.status, r.progress_notes, r.created_at,
                     r.created_by, r.criterion_id or "")

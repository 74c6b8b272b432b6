"""Plain, immutable rows the store hands out: the UI, reports and the CLI never see ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from s11audit import action_rag

ACTION_STATUSES: dict[str, str] = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "complete": "Complete",
}


@dataclass(frozen=True)
class OrganisationDetails:
    name: str
    reference: str
    kind: str
    org_type: str
    contact_name: str = ""
    contact_email: str = ""


@dataclass(frozen=True)
class AuditSummary:
    id: int
    cycle: str
    set_id: str
    set_version: str
    set_title: str
    version_no: int
    status: str
    created_at: dt.datetime
    signed_at: dt.datetime | None = None
    parent_id: int | None = None  # the signed version this one was reopened from

    @property
    def is_signed(self) -> bool:
        return self.status == "signed"

    @property
    def label(self) -> str:
        suffix = f", version {self.version_no}" if self.version_no > 1 else ""
        return f"{self.cycle}: {self.set_title}{suffix}"


@dataclass(frozen=True)
class ResponseRow:
    standard_id: str
    grade: str | None = None
    not_applicable: bool = False
    na_reason: str = ""
    narrative: str = ""
    example: str = ""
    updated_at: dt.datetime | None = None
    updated_by: str = ""

    @property
    def judged(self) -> bool:
        return self.not_applicable or self.grade is not None


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    name: str
    original_name: str
    description: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: dt.datetime
    links: tuple[tuple[str, str], ...] = field(default=())  # (standard_id, item_id or "")

    def linked_to_standard(self, standard_id: str) -> bool:
        return any(sid == standard_id for sid, _ in self.links)


@dataclass(frozen=True)
class ActionRow:
    id: int
    standard_id: str
    description: str
    owner: str = ""
    due_date: dt.date | None = None
    status: str = "not_started"
    progress_notes: str = ""
    created_at: dt.datetime | None = None
    created_by: str = ""
    criterion_id: str = ""  # the criterion of the standard it is for, "" for the standard as a whole

    def rag(self, today: dt.date | None = None) -> str:
        """"red", "amber", "green" or "not_due" by status and due date (the rule: ``action_rag``)."""
        return action_rag.rag(self.status, self.due_date, today or dt.date.today())

    @property
    def status_label(self) -> str:
        return ACTION_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class TrailRow:
    at: dt.datetime
    user: str
    what: str
    old_value: str
    new_value: str


@dataclass(frozen=True)
class EvidenceFile:
    """An evidence file read from disk, ready to be stored."""

    name: str
    data: bytes
    sha256: str
    media_type: str

    @property
    def size(self) -> int:
        return len(self.data)


Answer = Any

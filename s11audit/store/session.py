"""The one database session of an open audit file, and how every change is written.

Each change is one transaction: it is committed (and on disk, see ``database``) before the call
returns, together with its audit-trail entry. A failure rolls the whole change back and is turned
into a message naming the file, so nothing is ever half-saved.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from s11audit.store.database import AuditFileError, ReadOnlyError, close_engine
from s11audit.store.models import Audit, TrailEntry


def storage_problem(path: Path, exc: BaseException) -> AuditFileError:
    """A user-facing message for a failed write (disk full, file gone, I/O error)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return AuditFileError(path, "could not be saved: the disk is full. Free some space; your last change "
                                    "was not saved, everything before it is safe.")
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(path, "cannot be changed: it is read-only.")
    if "disk i/o" in text or "unable to open" in text:
        return AuditFileError(path, "could not be saved: the file could not be written (was it on a drive "
                                    "that was removed?). Your last change was not saved.")
    return AuditFileError(path, f"could not be saved ({exc}). Your last change was not saved.")


class Writer:
    """Shared by the parts of an open audit file that change it."""

    def __init__(self, session: Session, path: Path, user: str, read_only: bool):
        self.session = session
        self.path = path
        self.user = user
        self.read_only = read_only

    def check_writable(self, locked_reason: str = "") -> None:
        if self.read_only:
            raise ReadOnlyError(self.path, "is open read-only; changes cannot be saved.")
        if locked_reason:
            raise ReadOnlyError(self.path, locked_reason)

    @contextmanager
    def change(self, locked_reason: str = "") -> Iterator[Session]:
        """One atomic change: commit on success, roll back everything on any failure."""
        self.check_writable(locked_reason)
        try:
            yield self.session
            self.session.commit()
        except (DBAPIError, sqlite3.Error, OSError) as exc:
            self.session.rollback()
            raise storage_problem(self.path, exc) from exc
        except BaseException:
            self.session.rollback()
            raise

    def trail(self, audit_id: int | None, what: str, old: object = "", new: object = "") -> None:
        self.session.add(TrailEntry(audit_id=audit_id, user=self.user, what=what,
                                    old_value=_shown(old), new_value=_shown(new)))


class AuditWriter(Writer):
    """The writer for one audit: the single place that refuses every change once it is signed off.

    The self-assessment, its evidence library and its action plan all write through one of these.
    """

    def __init__(self, writer: Writer, audit_id: int):
        super().__init__(writer.session, writer.path, writer.user, writer.read_only)
        self.audit_id = audit_id

    def signed_at(self) -> dt.datetime | None:
        audit = self.session.get(Audit, self.audit_id)
        return audit.signed_at if audit is not None and audit.status == "signed" else None

    @property
    def is_signed(self) -> bool:
        audit = self.session.get(Audit, self.audit_id)
        return audit is not None and audit.status == "signed"

    def locked_reason(self) -> str:
        if not self.is_signed:
            return ""
        when = self.signed_at()
        on = f" on {when.day} {when:%B %Y}" if when else ""
        return (f"this audit was signed off{on} and cannot be changed; "
                "reopen it for changes to start a new version.")

    def check_writable(self, locked_reason: str = "") -> None:
        super().check_writable(locked_reason or self.locked_reason())


_SHOWN_CHARACTERS = 500  # the most of an old or new value an audit-trail entry keeps, "..." included


def _shown(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS - 3] + "..."


class OpenFile:
    """What every open s11audit file (an audit file, a business unit's workspace) shares: its one
    session and ``writer``, the user's name, read-only or not, the backup made if it was upgraded;
    closed with ``close()`` or by leaving a ``with`` block."""

    def __init__(self, path: Path, engine: Engine, user: str, read_only: bool, upgraded_backup: Path | None):
        self.path = path
        self._engine = engine
        self.read_only = read_only
        self.upgraded_backup = upgraded_backup
        self._session = Session(engine, expire_on_commit=False)
        self.writer = Writer(self._session, path, user, read_only)

    @property
    def user(self) -> str:
        return self.writer.user

    def close(self) -> None:
        """Release the file and its lock. Anything that still reaches for the file afterwards (a late
        timer of a window being taken down) gets an error rather than silently opening the file
        again and holding its lock, which would make the next opening see it "in use"."""
        self._session.close()
        close_engine(self._engine)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

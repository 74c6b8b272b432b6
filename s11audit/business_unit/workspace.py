"""The business unit's workspace (``.s11workspace``): cycles, registers, imported returns, moderation.

One SQLite file, opened like an audit file (``store.database.open_engine`` with the workspace's own
migrations and format mark, so an audit file is refused as a workspace and the other way round).
Every change is one transaction through ``store.session.Writer``: committed before the call returns,
rolled back whole on failure and reported as an ``AuditFileError`` naming the file.

Where a return sits (``models.RETURN_STATES``) is decided here, by :meth:`Workspace.place`, whether
it has just been imported, matched by hand or had its key accepted: a newer return (higher audit
version, then later sign-off) from the same organisation becomes current and the earlier one is
kept as superseded; an older one is kept as superseded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from s11audit import __version__
from s11audit.business_unit import deletion, moderation
from s11audit.business_unit.deletion import RemovalReport
from s11audit.business_unit.retention_policy import RetentionPolicy, retention_policy, store_retention_policy
from s11audit.business_unit.models import (CURRENT, CYCLE_KINDS, FULL_CYCLE, KEY_PENDING, KEY_REJECTED,
                                           STATEMENT_CYCLE, SUPERSEDED, UNMATCHED, Cycle, FileInfo, ImportedReturn,
                                           ImportLogEntry, KnownKey, Moderation, RegisteredOrganisation, utcnow)
from s11audit.standards import StandardsSet
from s11audit.standards.loader import set_from_snapshot
from s11audit.store.database import AuditFileError, CompactReport, FileKind, compact, open_engine
from s11audit.store.session import OpenFile

EXTENSION = ".s11workspace"
WORKSPACE = FileKind("business unit workspace", "s11audit-workspace", Path(__file__).parent / "migrations",
                     head="0008")


def reference_key(reference: str) -> str:
    """How references are compared: spacing and case do not matter (``urn 1234`` is ``URN  1234``)."""
    return " ".join(str(reference).split()).casefold()


# --- plain rows handed out (never ORM objects, so callers cannot write behind the Writer's back) ----

@dataclass(frozen=True)
class CycleRow:
    id: int
    name: str
    set_id: str
    set_version: str
    set_title: str
    set_hash: str
    opens_on: dt.date | None
    due_on: dt.date
    previous_id: int | None
    kind: str = FULL_CYCLE  # "full" or "statement" (schema 0007)
    baseline_id: int | None = None  # a statement cycle's baseline (a full cycle)

    @property
    def is_statement(self) -> bool:
        return self.kind == STATEMENT_CYCLE

    @property
    def kind_words(self) -> str:
        return "an annual compliance statement cycle" if self.is_statement else "a full audit cycle"


@dataclass(frozen=True)
class OrganisationEntry:
    """An organisation as typed in or read from a register file."""

    name: str
    reference: str
    sector: str = ""
    org_type: str = ""
    contact_name: str = ""
    contact_email: str = ""


@dataclass(frozen=True)
class OrganisationRow(OrganisationEntry):
    id: int = 0
    cycle_id: int = 0


@dataclass(frozen=True)
class ReturnRow:
    id: int
    cycle_id: int
    organisation_id: int | None
    sha256: str
    file_name: str
    reference: str
    name: str
    key_fingerprint: str
    audit_version: int
    signed_at: dt.datetime | None
    created_at: dt.datetime | None
    imported_at: dt.datetime
    imported_by: str
    state: str
    # Why it waits for a person's decision (a statement whose baseline is not held, or signed with another
    # key than its baseline; schema 0007), else "".
    flag: str = ""


@dataclass(frozen=True)
class ModerationRow:
    return_id: int
    standard_id: str
    grade: str
    comment: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class LogRow:
    batch: str
    cycle_id: int | None
    file_name: str
    reference: str
    outcome: str
    reason: str
    return_id: int | None
    at: dt.datetime


def _cycle_row(c: Cycle) -> CycleRow:
    return CycleRow(c.id, c.name, c.set_id, c.set_version, c.set_title, c.set_hash, c.opens_on, c.due_on, c.previous_id,
                    c.kind or FULL_CYCLE, c.baseline_cycle_id)


ORGANISATION_COLUMNS = (RegisteredOrganisation.name, RegisteredOrganisation.reference, RegisteredOrganisation.sector,
                        RegisteredOrganisation.org_type, RegisteredOrganisation.contact_name,
                        RegisteredOrganisation.contact_email, RegisteredOrganisation.id,
                        RegisteredOrganisation.cycle_id)


def _organisation_row(o: RegisteredOrganisation) -> OrganisationRow:
    return OrganisationRow(*(getattr(o, column.key) for column in ORGANISATION_COLUMNS))


RETURN_COLUMNS = (ImportedReturn.id, ImportedReturn.cycle_id, ImportedReturn.organisation_id, ImportedReturn.sha256,
                  ImportedReturn.file_name, ImportedReturn.reference, ImportedReturn.name,
                  ImportedReturn.key_fingerprint, ImportedReturn.audit_version, ImportedReturn.signed_at,
                  ImportedReturn.created_at, ImportedReturn.imported_at, ImportedReturn.imported_by,
                  ImportedReturn.state, ImportedReturn.flag)


def _return_row(r: ImportedReturn) -> ReturnRow:
    return ReturnRow(*(getattr(r, column.key) for column in RETURN_COLUMNS))


def is_newer(candidate: tuple[int, dt.datetime | None], than: tuple[int, dt.datetime | None]) -> bool:
    """Which of two returns of one organisation counts: (audit version, signed at), higher version then later
    sign-off."""
    floor = dt.datetime.min
    return (candidate[0], candidate[1] or floor) > (than[0], than[1] or floor)


def _is_newer(candidate: ImportedReturn, than: ImportedReturn) -> bool:
    return is_newer((candidate.audit_version, candidate.signed_at), (than.audit_version, than.signed_at))


@cache
def _set_of(content: str, content_hash: str) -> StandardsSet:
    return set_from_snapshot(json.loads(content), content_hash)


class Workspace(OpenFile):
    """A business unit's workspace file, open for as long as this object lives (a context manager)."""

    # --- opening and closing ---------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, user: str) -> Workspace:
        path = Path(path)
        engine, _ = open_engine(path, create=True, kind=WORKSPACE)
        workspace = cls(path, engine, user, False, None)
        with workspace.change() as session:
            session.add(FileInfo(key="created_with", value=f"s11audit {__version__}"))
        return workspace

    @classmethod
    def open(cls, path: Path | str, user: str, read_only: bool = False) -> Workspace:
        path = Path(path)
        engine, backup = open_engine(path, read_only=read_only, kind=WORKSPACE)
        return cls(path, engine, user, read_only, backup)

    def change(self) -> AbstractContextManager[Session]:
        """One transaction: committed on success, rolled back whole on failure (``AuditFileError``)."""
        return self.writer.change()

    def compact(self, progress: Callable[[int, int], None] | None = None) -> CompactReport:
        """Rebuild the file without its free pages, so nothing deleted is left in it (``database.compact``:
        ``progress(done, total)`` in pages). Run it after deleting; it may take a while on a large file."""
        self.writer.check_writable()
        self._session.commit()  # ends the session's read transaction: VACUUM needs none open
        return compact(self._engine, progress)

    def retention(self) -> RetentionPolicy:
        """How long each kind of data is kept, in months after a cycle's due date (None: kept)."""
        return retention_policy(self._session)

    def set_retention(self, policy: RetentionPolicy) -> RetentionPolicy:
        """Set the retention periods (one transaction, recorded in the import log); see ``retention.py``."""
        return store_retention_policy(self, policy)

    def _refuse(self, problem: str) -> AuditFileError:
        return AuditFileError(self.path, problem)

    refusal = _refuse  # for the modules of this package that write through the workspace

    # --- cycles ----------------------------------------------------------------------------------

    def add_cycle(self, name: str, standards_set: StandardsSet, due_on: dt.date, opens_on: dt.date | None = None,
                  previous: str | None = None, copy_register: bool = False, *, kind: str = FULL_CYCLE,
                  baseline: str | None = None) -> CycleRow:
        """Open an audit cycle for ``standards_set`` (a snapshot of the set is kept with it).

        With ``copy_register`` the previous cycle's register is copied into the new cycle in the same
        transaction (names, references, sectors, types and contacts; the business unit corrects it there).
        ``kind`` is ``"full"`` (a full audit) or ``"statement"`` (an annual compliance statement), which
        needs ``baseline``, the name of an earlier full cycle on the same standards set (a statement is
        made against its baseline audit's set)."""
        name = name.strip()
        baseline_id = self._baseline_for(name, kind, baseline, standards_set)
        if not name:
            raise self._refuse("a cycle needs a name (for example 2026/27).")
        if self._session.scalar(select(Cycle.id).where(Cycle.name == name)) is not None:
            raise self._refuse(f"already has a cycle called {name!r}.")
        if opens_on is not None and opens_on > due_on:
            raise self._refuse(f"cycle {name!r} cannot be due ({due_on}) before it opens ({opens_on}).")
        previous_id = self.cycle(previous).id if previous else None
        with self.change() as session:
            cycle = Cycle(name=name, set_id=standards_set.id, set_version=standards_set.version,
                          set_title=standards_set.title, set_hash=standards_set.content_hash,
                          set_content=json.dumps(standards_set.content, sort_keys=True, ensure_ascii=False),
                          opens_on=opens_on, due_on=due_on, previous_id=previous_id, kind=kind,
                          baseline_cycle_id=baseline_id)
            session.add(cycle)
            session.flush()
            if copy_register and previous_id is not None:
                session.add_all([RegisteredOrganisation(cycle_id=cycle.id, **self._fields(o))
                                 for o in self.organisations(previous_id)])
        return _cycle_row(cycle)

    def _baseline_for(self, name: str, kind: str, baseline: str | None, standards_set: StandardsSet) -> int | None:
        """The id of a statement cycle's baseline (checked), or None for a full cycle (which names none)."""
        if kind not in CYCLE_KINDS:
            raise self._refuse(f"a cycle is a full audit (\"{FULL_CYCLE}\") or an annual compliance statement "
                               f"(\"{STATEMENT_CYCLE}\"), not {kind!r}.")
        if kind == FULL_CYCLE:
            if baseline:
                raise self._refuse(f"cycle {name!r} is a full audit cycle, which has no baseline: only an annual "
                                   "compliance statement cycle is based on an earlier full cycle.")
            return None
        if not baseline or not baseline.strip():
            raise self._refuse(f"the annual compliance statement cycle {name!r} needs a baseline: the name of the "
                               "earlier full audit cycle it follows.")
        found = self._session.scalar(select(Cycle).where(Cycle.name == baseline.strip()))
        if found is None:
            known = ", ".join(c.name for c in self.cycles() if not c.is_statement) or "none yet"
            raise self._refuse(f"has no cycle {baseline.strip()!r} to be the baseline of {name!r} (full audit "
                               f"cycles: {known}).")
        if (found.kind or FULL_CYCLE) != FULL_CYCLE:
            raise self._refuse(f"cycle {found.name!r} is itself an annual compliance statement cycle: the baseline "
                               f"of {name!r} must be a full audit cycle.")
        if found.set_hash != standards_set.content_hash:
            raise self._refuse(f"the annual compliance statement cycle {name!r} must use its baseline's standards "
                               f"set ({found.set_title}, version {found.set_version}, as cycle {found.name!r}): "
                               "a statement is made against its baseline audit's set.")
        return found.id

    def cycles(self) -> list[CycleRow]:
        return [_cycle_row(c) for c in self._session.scalars(select(Cycle).order_by(Cycle.created_at, Cycle.id))]

    def cycle(self, name_or_id: str | int) -> CycleRow:
        """A cycle by name (or id); an unknown one is refused with the names that exist."""
        column = Cycle.id if isinstance(name_or_id, int) else Cycle.name
        found = self._session.scalar(select(Cycle).where(column == name_or_id))
        if found is None:
            known = ", ".join(c.name for c in self.cycles()) or "none yet"
            raise self._refuse(f"has no cycle {name_or_id!r} (cycles: {known}).")
        return _cycle_row(found)

    def standards_set(self, cycle_id: int) -> StandardsSet:
        """The cycle's standards set, rebuilt from the snapshot kept when the cycle was added."""
        cycle = self._session.get(Cycle, cycle_id)
        if cycle is None:
            raise self._refuse(f"has no cycle {cycle_id}.")
        return _set_of(cycle.set_content, cycle.set_hash)

    # --- the register ----------------------------------------------------------------------------

    def organisations(self, cycle_id: int) -> list[OrganisationRow]:
        # Columns, not ORM objects: 10,000 organisations in ~0.1 s rather than ~0.5 s.
        query = (select(*ORGANISATION_COLUMNS).where(RegisteredOrganisation.cycle_id == cycle_id)
                 .order_by(RegisteredOrganisation.name, RegisteredOrganisation.id))
        return [OrganisationRow(*row) for row in self._session.execute(query)]

    def organisation(self, organisation_id: int) -> OrganisationRow:
        found = self._session.get(RegisteredOrganisation, organisation_id)
        if found is None:
            raise self._refuse(f"has no registered organisation {organisation_id}.")
        return _organisation_row(found)

    def _registered_keys(self, cycle_id: int, except_id: int | None = None) -> set[str]:
        return {reference_key(reference) for other_id, reference in self._session.execute(
            select(RegisteredOrganisation.id, RegisteredOrganisation.reference)
            .where(RegisteredOrganisation.cycle_id == cycle_id)) if other_id != except_id}

    def _check_entry(self, entry: OrganisationEntry, registered: set[str]) -> None:
        if not entry.name.strip():
            raise self._refuse("an organisation in the register needs a name.")
        if not entry.reference.strip():
            raise self._refuse(f"{entry.name.strip()} needs a reference (URN, ODS code or similar).")
        if reference_key(entry.reference) in registered:
            raise self._refuse(f"the register already has an organisation with reference {entry.reference.strip()!r}.")

    @staticmethod
    def _fields(entry: OrganisationEntry) -> dict:
        return {"name": entry.name.strip(), "reference": entry.reference.strip(), "sector": entry.sector.strip(),
                "org_type": entry.org_type.strip(), "contact_name": entry.contact_name.strip(),
                "contact_email": entry.contact_email.strip()}

    def add_organisations(self, cycle_id: int, entries: Iterable[OrganisationEntry]) -> list[OrganisationRow]:
        """Add organisations to a cycle's register in one transaction (all or none)."""
        self.cycle(cycle_id)
        entries = list(entries)
        registered = self._registered_keys(cycle_id)
        for entry in entries:
            self._check_entry(entry, registered)
            registered.add(reference_key(entry.reference))
        with self.change() as session:
            added = [RegisteredOrganisation(cycle_id=cycle_id, **self._fields(e)) for e in entries]
            session.add_all(added)
            session.flush()
            self._match_waiting(session, cycle_id, added)
        return [_organisation_row(o) for o in added]

    def add_organisation(self, cycle_id: int, entry: OrganisationEntry) -> OrganisationRow:
        return self.add_organisations(cycle_id, [entry])[0]

    def update_organisation(self, organisation_id: int, entry: OrganisationEntry) -> OrganisationRow:
        existing = self.organisation(organisation_id)
        self._check_entry(entry, self._registered_keys(existing.cycle_id, except_id=organisation_id))
        with self.change() as session:
            row = session.get(RegisteredOrganisation, organisation_id)
            if row is None:
                raise self._refuse(f"has no registered organisation {organisation_id}.")
            for key, value in self._fields(entry).items():
                setattr(row, key, value)
        return _organisation_row(row)

    def remove_organisation(self, organisation_id: int, delete_returns: bool = False) -> RemovalReport:
        """Take an organisation off the register.

        Without ``delete_returns`` any returns it had wait to be matched again (kept), and the report counts
        only its peer audit records, which go with it. With ``delete_returns`` its returns in the cycle (every
        state, and unmatched ones with its reference: ``deletion.organisation_returns``), their evidence and
        moderation, its peer audit records and the signing key known for its reference in the cycle are
        deleted too, in one transaction, recorded in the import log as deleted at the business unit's request
        (counts only). Deleted content is overwritten in the file (``secure_delete``); call :meth:`compact`
        afterwards to rebuild the file without the free pages."""
        self.organisation(organisation_id)
        with self.change() as session:
            organisation = session.get(RegisteredOrganisation, organisation_id)
            if organisation is None:
                raise self._refuse(f"has no registered organisation {organisation_id}.")
            if delete_returns:
                return deletion.remove_completely(self, session, organisation)
            kept = RemovalReport(0, 0, 0, 0, deletion.preview(session, organisation).peer_records)
            for ret in session.scalars(select(ImportedReturn).where(ImportedReturn.organisation_id == organisation_id)):
                ret.organisation_id = None
                if ret.state in (CURRENT, SUPERSEDED):
                    ret.state = UNMATCHED
            session.delete(organisation)
        return kept

    def deletion_preview(self, organisation_id: int) -> RemovalReport:
        """What ``remove_organisation(organisation_id, delete_returns=True)`` would delete (nothing is changed)."""
        organisation = self._session.get(RegisteredOrganisation, organisation_id)
        if organisation is None:
            raise self._refuse(f"has no registered organisation {organisation_id}.")
        return deletion.preview(self._session, organisation)

    def _match_waiting(self, session: Session, cycle_id: int, added: list[RegisteredOrganisation]) -> None:
        """Returns imported before their organisation was registered are matched once it is."""
        by_key = {reference_key(o.reference): o for o in added}
        waiting = session.scalars(select(ImportedReturn).where(ImportedReturn.cycle_id == cycle_id,
                                                               ImportedReturn.state == UNMATCHED)
                                  .order_by(ImportedReturn.id)).all()
        for ret in waiting:
            organisation = by_key.get(reference_key(ret.reference))
            if organisation is not None:
                ret.organisation_id = organisation.id
                self.place(session, ret)

    # --- returns ---------------------------------------------------------------------------------

    def returns(self, cycle_id: int, states: Iterable[str] | None = None,
                organisation_id: int | None = None) -> list[ReturnRow]:
        """The cycle's imported returns (without their content), oldest import first."""
        query = select(*RETURN_COLUMNS).where(ImportedReturn.cycle_id == cycle_id)
        if states is not None:
            query = query.where(ImportedReturn.state.in_(list(states)))
        if organisation_id is not None:
            query = query.where(ImportedReturn.organisation_id == organisation_id)
        return [ReturnRow(*tuple(row)) for row in self._session.execute(query.order_by(ImportedReturn.id))]

    def return_row(self, return_id: int) -> ReturnRow:
        return _return_row(self._get_return(return_id))

    def return_content(self, return_id: int) -> dict:
        """The return's ``return.json`` content as imported."""
        content = self._session.scalar(select(ImportedReturn.content).where(ImportedReturn.id == return_id))
        if content is None:
            raise self._refuse(f"has no imported return {return_id}.")
        return json.loads(content)

    def _get_return(self, return_id: int) -> ImportedReturn:
        found = self._session.get(ImportedReturn, return_id)
        if found is None:
            raise self._refuse(f"has no imported return {return_id}.")
        return found

    def known_key(self, cycle_id: int, reference: str) -> str | None:
        """The fingerprint of the key known for an organisation's reference in a cycle, if any."""
        return self._session.scalar(select(KnownKey.key_fingerprint).where(
            KnownKey.cycle_id == cycle_id, KnownKey.reference == reference_key(reference)))

    def key_differs(self, session: Session, cycle_id: int, reference: str, fingerprint: str) -> bool:
        """A return for this reference was signed with another key before in the cycle."""
        known = session.scalar(select(KnownKey.key_fingerprint).where(
            KnownKey.cycle_id == cycle_id, KnownKey.reference == reference_key(reference)))
        return known is not None and known != fingerprint

    def remember_key(self, session: Session, ret: ImportedReturn) -> None:
        """Record the return's key as the one known for its reference in its cycle (first seen, or accepted)."""
        key = session.scalar(select(KnownKey).where(KnownKey.cycle_id == ret.cycle_id,
                                                    KnownKey.reference == reference_key(ret.reference)))
        if key is None:
            session.add(KnownKey(cycle_id=ret.cycle_id, reference=reference_key(ret.reference),
                                 key_fingerprint=ret.key_fingerprint, public_key=ret.public_key, recorded_by=self.user))
        elif key.key_fingerprint != ret.key_fingerprint:
            key.key_fingerprint, key.public_key = ret.key_fingerprint, ret.public_key
            key.recorded_at, key.recorded_by = utcnow(), self.user

    def place(self, session: Session, ret: ImportedReturn) -> str:
        """Set a return's state from its organisation's other returns; says what happened.

        ``"unmatched"`` (no organisation), ``"current"`` (first or newer; an earlier current return
        becomes superseded) or ``"older"`` (kept as superseded behind a newer current return).
        """
        if ret.organisation_id is None:
            ret.state = UNMATCHED
            return "unmatched"
        current = session.scalar(select(ImportedReturn).where(ImportedReturn.organisation_id == ret.organisation_id,
                                                              ImportedReturn.state == CURRENT,
                                                              ImportedReturn.id != ret.id))
        if current is not None and not _is_newer(ret, current):
            ret.state = SUPERSEDED
            return "older"
        if current is not None:
            current.state = SUPERSEDED
        ret.state = CURRENT
        return "current"

    def match_return(self, return_id: int, organisation_id: int) -> ReturnRow:
        """Match an unmatched return to a registered organisation of its cycle (by a person)."""
        ret = self._get_return(return_id)
        organisation = self.organisation(organisation_id)
        if organisation.cycle_id != ret.cycle_id:
            raise self._refuse(f"{organisation.name} is registered in another cycle than this return.")
        if ret.state not in (UNMATCHED, KEY_PENDING):
            raise self._refuse(f"return {return_id} from {ret.name} is already matched ({ret.state}).")
        with self.change() as session:
            ret.organisation_id = organisation_id
            if ret.state == UNMATCHED:
                self.place(session, ret)
        return _return_row(ret)

    def clear_flag(self, return_id: int) -> ReturnRow:
        """A person has decided on a flagged statement (its baseline not held, or another key than the
        baseline's): it counts as it is placed, and the flag is cleared."""
        ret = self._get_return(return_id)
        if not ret.flag:
            raise self._refuse(f"return {return_id} from {ret.name} is not flagged for a decision.")
        with self.change():
            ret.flag = ""
        return _return_row(ret)

    def reject_flagged(self, return_id: int) -> ReturnRow:
        """A person decides a flagged statement does not count (its baseline not held, or another key than
        the baseline's): it is kept as rejected (``KEY_REJECTED``, never counted) with its flag saying why,
        and an earlier return of the organisation that it had replaced counts again. The decision goes in
        the import log as outcome "rejected" (who, when, why), so tracking shows the organisation as
        rejected with the reason until it sends another return."""
        import uuid

        ret = self._get_return(return_id)
        if not ret.flag:
            raise self._refuse(f"return {return_id} from {ret.name} is not flagged for a decision.")
        if ret.state == KEY_REJECTED:
            raise self._refuse(f"return {return_id} from {ret.name} is already rejected.")
        with self.change() as session:
            if ret.state == CURRENT and ret.organisation_id is not None:
                earlier = session.scalars(select(ImportedReturn).where(
                    ImportedReturn.organisation_id == ret.organisation_id, ImportedReturn.state == SUPERSEDED,
                    ImportedReturn.id != ret.id)).all()
                newest = None
                for candidate in earlier:
                    if newest is None or _is_newer(candidate, newest):
                        newest = candidate
                if newest is not None:
                    newest.state = CURRENT
            ret.state = KEY_REJECTED
            session.add(ImportLogEntry(batch=f"decision-{uuid.uuid4().hex}", cycle_id=ret.cycle_id,
                                       file_name=ret.file_name, sha256=ret.sha256, reference=ret.reference,
                                       outcome="rejected", return_id=ret.id, by=self.user,
                                       reason=f"{ret.file_name}: rejected by {self.user} after it was flagged for a "
                                              f"decision ({ret.flag}); it is kept but does not count"))
        return _return_row(ret)

    def accept_key(self, return_id: int) -> ReturnRow:
        """A person confirms the new key is the organisation's: it becomes the known key."""
        ret = self._get_return(return_id)
        if ret.state != KEY_PENDING:
            raise self._refuse(f"return {return_id} from {ret.name} is not waiting to be checked for a different "
                               "signing key.")
        with self.change() as session:
            self.remember_key(session, ret)
            self.place(session, ret)
        return _return_row(ret)

    def reject_key(self, return_id: int) -> ReturnRow:
        """A person decides the key is not the organisation's: the return is kept but never counts."""
        ret = self._get_return(return_id)
        if ret.state != KEY_PENDING:
            raise self._refuse(f"return {return_id} from {ret.name} is not waiting to be checked for a different "
                               "signing key.")
        with self.change():
            ret.state = KEY_REJECTED
        return _return_row(ret)

    # --- moderation ------------------------------------------------------------------------------

    def set_moderation(self, return_id: int, standard_id: str, grade: str, comment: str = "") -> ModerationRow:
        """Record (or change) the moderated grade for one standard of a return, with a comment."""
        ret = self._get_return(return_id)
        standards_set = self.standards_set(ret.cycle_id)
        try:
            standard = standards_set.standard(standard_id)
        except KeyError:
            raise self._refuse(f"the standards set {standards_set.title!r} has no standard {standard_id!r}.") from None
        if not standard.graded:
            raise self._refuse(f"standard {standard.number} is an information section and has no grade to moderate.")
        levels = [level.id for level in standards_set.grade_scale.levels]
        if grade not in levels:
            raise self._refuse(f"{grade!r} is not a grade of {standards_set.title!r} ({', '.join(levels)}).")
        with self.change() as session:
            row = session.scalar(select(Moderation).where(Moderation.return_id == return_id,
                                                          Moderation.standard_id == standard_id))
            old = row.grade if row is not None else None
            if row is None:
                row = Moderation(return_id=return_id, standard_id=standard_id)
                session.add(row)
            row.grade, row.comment, row.by, row.at = grade, comment, self.user, utcnow()
            moderation.add_trail(session, self.user, return_id, moderation.STANDARD, standard_id, old=old, new=grade,
                                 comment=comment)
        return ModerationRow(return_id, standard_id, row.grade, row.comment, row.by, row.at)

    def clear_moderation(self, return_id: int, standard_id: str) -> None:
        with self.change() as session:
            row = session.scalar(select(Moderation).where(Moderation.return_id == return_id,
                                                          Moderation.standard_id == standard_id))
            if row is not None:
                moderation.add_trail(session, self.user, return_id, moderation.STANDARD, standard_id, old=row.grade,
                                     new=None)
                session.delete(row)

    # Per criterion (format 2 sets) and the trail of every change: see ``moderation.py``.
    def set_criterion_moderation(self, return_id: int, criterion_id: str, grade: str,
                                 comment: str = "") -> moderation.CriterionModerationRow:
        return moderation.set_criterion_moderation(self, return_id, criterion_id, grade, comment)

    def clear_criterion_moderation(self, return_id: int, criterion_id: str) -> None:
        moderation.clear_criterion_moderation(self, return_id, criterion_id)

    def criterion_moderations(self, return_id: int) -> dict[str, moderation.CriterionModerationRow]:
        return moderation.criterion_moderations(self, return_id)

    def moderation_trail(self, return_id: int) -> list[moderation.ModerationTrailRow]:
        return moderation.moderation_trail(self, return_id)

    def moderations(self, return_id: int) -> dict[str, ModerationRow]:
        """The moderated grades of a return, by standard id."""
        rows = self._session.scalars(select(Moderation).where(Moderation.return_id == return_id))
        return {m.standard_id: ModerationRow(m.return_id, m.standard_id, m.grade, m.comment, m.by, m.at) for m in rows}

    def all_moderations(self, cycle_id: int) -> dict[int, dict[str, str]]:
        """Every moderated grade of a cycle's returns: return id -> standard id -> grade."""
        return moderation.grades_by_return(self._session, Moderation, Moderation.standard_id, cycle_id)

    # --- the import log --------------------------------------------------------------------------

    def import_log(self, cycle_id: int | None = None, batch: str | None = None) -> list[LogRow]:
        query = select(ImportLogEntry)
        if cycle_id is not None:
            query = query.where(ImportLogEntry.cycle_id == cycle_id)
        if batch is not None:
            query = query.where(ImportLogEntry.batch == batch)
        return [LogRow(e.batch, e.cycle_id, e.file_name, e.reference, e.outcome, e.reason, e.return_id, e.at)
                for e in self._session.scalars(query.order_by(ImportLogEntry.id))]

    @property
    def session(self) -> Session:
        """For the importer and tracking in this package only; everything else uses the methods above."""
        return self._session

"""Importing signed returns into a workspace cycle: verify, check the set, match, supersede, log.

Each file is verified (signature, hashes, format) and read in one pass
(``returns.verify.verify_and_read``); its standards set must be the cycle's, by id and content hash,
and the ``standards.json`` it carries must be that set; the app's sample audit (``"sample": true``
in its signed ``return.json``) is refused, naming the file (``ContentChecker.sample_refusal``); a
return whose cycle names another year (the first four-digit year of ``2025/26`` against
``2026/27``) is refused, so last year's return made against the same set is not counted this
year. Then, under **one SAVEPOINT per return** (the return, its evidence, the known key, any
return it supersedes and its import log entry), it is stored and placed by the rule of
``Workspace.place``:

- matched to the register by reference (spacing and case ignored), else kept ``unmatched`` for a
  person to match (``Workspace.match_return``);
- signed by another key than the one known for that reference in the cycle: kept ``key_pending``
  for a person to ``accept_key`` or ``reject_key``; the first key seen for a reference in a cycle
  becomes the known one (per cycle: a new cycle's audit file, e.g. a starting file, has a new key);
- newer than the organisation's current return (higher audit version, then later sign-off): it
  becomes current and the earlier one superseded; older: kept as superseded;
- an annual compliance statement (``"kind": "compliance_statement"``) is imported only into a statement
  cycle and a full return only into a full cycle (``ContentChecker.kind_refusal``, naming the cycle's
  kind). A statement is placed like any return and **flagged for a decision** (``ImportedReturn.flag``,
  outcome ``flagged`` where it would be ``imported``, ``FileOutcome.flag``, ``ReturnRow.flag``) when the
  baseline cycle holds no return from its organisation (by reference) whose ``return.json`` SHA-256
  (``ImportedReturn.return_sha256``, schema 0007) is its ``baseline.content_sha256``, when it names no
  such hash, or when it was signed with another key than that baseline return; ``Workspace.clear_flag``
  records the decision;
- the same return already imported into the cycle: a duplicate, nothing changes. A return's
  identity is its signed content (the signer's key and ``return.json``, ``verify.content_id``), so
  the same return in other ZIP bytes is a duplicate too; the same file's bytes (SHA-256) are
  recognised before it is even verified.

Before it is stored, what the return says is checked against the cycle's set
(``return_checks.py``): every standard, grade, item and answer must belong to the set; for a
format 2 set every criterion grade and N/A too, and a derived standard's grade must be the one its
criteria give. The criteria are kept in the stored ``return.json`` content (``records.py`` reads them).

**Every file gets an outcome and the batch goes on.** A rejected file is logged with its specific
reason and nothing else is stored; what the log keeps from the file is bounded text, so the log
write never fails on a file's content. A fault in s11audit itself while handling one file is
logged with its traceback, its SAVEPOINT is rolled back, that file is marked ``failed`` and the
next file is tried. Only a failure to save (the workspace's disk is full or unwritable) rolls that
return back whole and stops the import; returns saved before it stay.

**Near the floor** (issue 12): ``return.json`` is parsed once and stored as the canonical JSON its
identity is hashed from; what the cycle holds (stored files and contents, known keys, current
returns, the register) is read once per import and kept up to date in memory, so no file costs a
query; rows are written as plain SQL (``_Rows``); the ``standards.json`` every return carries is
inflated and hashed once per import (``verify.Digests``: the same stored bytes are the same member).
Files are committed in batches of ``BATCH_FILES`` or ``BATCH_SECONDS``, whichever comes first, so a
kill -9 leaves each return and its
log entry whole or absent: at most the last batch is lost, never part of a return. A batch that
cannot be committed turns its files' outcomes to ``failed``, so the report says what is stored.
Cancelling commits what was done. Returns are read one at a time and nothing of them stays in the
session, evidence one file at a time, so memory stays flat over 10,000 files.

**Examining on worker processes** (``import_workers.py``): a large batch is verified, read and
checked on worker processes (spawned; plain data both ways) while this process stores each
result in the files' order, so outcomes, duplicates within the batch (decided here against what is
stored, whatever a worker saw), progress and cancelling are as in process. A pool that cannot start
or breaks is logged and the rest of the batch is examined in process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from s11audit.business_unit import import_workers
from s11audit.business_unit.import_workers import Checks, CycleSet, Examined, Rejected, Signed
from s11audit.business_unit.models import (CURRENT, KEY_PENDING, KEY_REJECTED, SUPERSEDED,
                                           UNMATCHED as UNMATCHED_STATE, Cycle,
                                           ImportedReturn, ImportLogEntry, KnownKey, RegisteredOrganisation,
                                           ReturnEvidence, utcnow)
from s11audit.business_unit.workspace import CycleRow, Workspace, is_newer, reference_key
from s11audit.returns.container import ContainerError, open_container
from s11audit.returns.format import EXTENSION
from s11audit.safe_text import bounded
from s11audit.standards import StandardsError
from s11audit.store.database import AuditFileError
from s11audit.store.session import storage_problem

_log = logging.getLogger(__name__)
# How much of a value from a file the import log and report keep (names, references, reasons).
_NAME_LIMIT, _REASON_LIMIT, _PATH_LIMIT = 500, 2000, 4096
# A batch is committed after this many files or this many seconds, whichever comes first: a commit
# (and its fsync) per return was a third of the time, and a kill loses at most one batch, whole.
BATCH_FILES, BATCH_SECONDS = 200, 1.0

# Outcomes of one file, in the words the import report uses.
IMPORTED = "imported"        # now the organisation's current return
OLDER = "older"              # kept as superseded (in its history): the organisation has a newer return
UNMATCHED = "unmatched"      # kept: no organisation in the register has its reference
KEY_PENDING_OUTCOME = "key-pending"  # kept: signed by another key than the one known
FLAGGED = "flagged"          # a statement imported as current, flagged for a decision (baseline not held, other key)
DUPLICATE = "duplicate"      # the same file was imported before; nothing changed
REJECTED = "rejected"        # not stored: the reason says why
FAILED = "failed"            # could not be saved (the import stopped), or a fault in s11audit (it went on)
STORED = (IMPORTED, OLDER, UNMATCHED, KEY_PENDING_OUTCOME, FLAGGED)
# How the import report (window and command line) names an outcome: plain words where the code is not.
OUTCOME_WORDS = {OLDER: "older, kept in the history", KEY_PENDING_OUTCOME: "waiting: signed with a different key",
                 FLAGGED: "imported, flagged for a decision"}


def outcome_words(outcome: str) -> str:
    return OUTCOME_WORDS.get(outcome, outcome)

Progress = Callable[[int, int, str], object]


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file. ``organisation`` and ``reference`` are as the file gives them (bounded
    text, untrusted when rejected); show them through ``safe_text.shown``."""

    path: Path
    outcome: str
    reason: str
    organisation: str = ""
    reference: str = ""
    return_id: int | None = None
    flag: str = ""  # why a stored statement waits for a decision (its baseline not held, another key), else ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", bounded(self.reason, _REASON_LIMIT))
        object.__setattr__(self, "organisation", bounded(self.organisation or "", _NAME_LIMIT))
        object.__setattr__(self, "reference", bounded(self.reference or "", _NAME_LIMIT))


@dataclass
class ImportReport:
    """What happened to every file of one import (one ``batch`` in the workspace's import log)."""

    batch: str
    total: int
    files: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    stopped: str = ""  # why the import stopped early on a saving failure

    def count(self, outcome: str) -> int:
        return sum(f.outcome == outcome for f in self.files)

    @property
    def rejected(self) -> list[FileOutcome]:
        return [f for f in self.files if f.outcome in (REJECTED, FAILED)]

    def summary(self) -> str:
        parts = [f"{self.count(o)} {label}" for o, label in (
            (IMPORTED, "imported"), (OLDER, "older than a return already imported (kept in the history)"),
            (UNMATCHED, "unmatched"),
            (KEY_PENDING_OUTCOME, "signed with a different key than before (check with the organisation)"),
            (DUPLICATE, "duplicates"), (REJECTED, "rejected"), (FAILED, "failed"))]
        flagged = sum(bool(f.flag) for f in self.files)
        if flagged:
            parts.append(f"{flagged} statement{'' if flagged == 1 else 's'} flagged for a decision (baseline not "
                         "held or signed with another key)")
        text = f"{len(self.files)} of {self.total} files: " + ", ".join(parts)
        if self.cancelled:
            text += "; cancelled before the rest"
        if self.stopped:
            text += f"; stopped: {self.stopped}"
        return text


def return_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to import: files as given, folders searched (with subfolders) for ``*.s11return``."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == EXTENSION and p.is_file()))
        else:
            found.append(path)
    return found


def _fault(exc: Exception) -> str:
    from s11audit.logs import where

    kind = getattr(exc, "kind", "") or type(exc).__name__  # import_workers.WorkerFault: the worker's exception
    return (f"s11audit could not import this file because of a fault in s11audit itself ({kind}); "
            f"the details are in {where()}. The other files were imported as usual.")


class _Known:
    """What the cycle already holds, read once per import and kept up to date as each return is stored
    (so no file costs a query): stored files and signed contents, known keys, current returns."""

    def __init__(self, connection, cycle_id: int):
        table = ImportedReturn.__table__.c
        self.files: dict[str, int] = {}
        self.contents: dict[str, int] = {}
        self.current: dict[int, tuple[int, int, dt.datetime | None]] = {}  # organisation -> (id, version, signed)
        for row in connection.execute(select(table.id, table.sha256, table.content_id, table.organisation_id,
                                             table.state, table.audit_version, table.signed_at)
                                      .where(table.cycle_id == cycle_id).order_by(table.id)):
            self.files[row.sha256] = row.id
            if row.content_id:
                self.contents[row.content_id] = row.id
            if row.state == CURRENT and row.organisation_id is not None:
                self.current.setdefault(row.organisation_id, (row.id, row.audit_version, row.signed_at))
        keys = KnownKey.__table__.c
        self.keys: dict[str, str] = dict(connection.execute(
            select(keys.reference, keys.key_fingerprint).where(keys.cycle_id == cycle_id)).all())


_RETURNS = ImportedReturn.__table__


class _Baselines:
    """For a statement cycle: the returns its baseline cycle holds, read once per import, by organisation
    reference and the SHA-256 of their ``return.json``, to flag a statement whose baseline is not held or
    which was signed with another key than its baseline (``flag``), unless the business unit accepted that
    key for the organisation on an earlier statement of the same baseline. Nothing for a full cycle."""

    def __init__(self, connection, workspace: Workspace, cycle: CycleRow):
        self.statements, self.cycle_name = cycle.is_statement, ""
        self.held: dict[tuple[str, str], str] = {}  # (reference key, return.json SHA-256) -> key fingerprint
        self.accepted: set[tuple[str, str]] = set()  # (reference key, key fingerprint)
        if not cycle.is_statement or cycle.baseline_id is None:  # (a baseline cycle removed: nothing is held)
            return
        self.cycle_name = workspace.cycle(cycle.baseline_id).name
        table = _RETURNS.c
        for reference, sha256, fingerprint in connection.execute(
                select(table.reference, table.return_sha256, table.key_fingerprint)
                .where(table.cycle_id == cycle.baseline_id, table.state != KEY_REJECTED,
                       table.return_sha256.is_not(None))
                .order_by(table.id)):
            self.held.setdefault((reference_key(reference), sha256), fingerprint)
        # A key the business unit already accepted for the organisation on a statement of the same baseline
        # (its flag cleared): an organisation that lost its audit file signs every later statement with it.
        self.accepted = {(reference_key(reference), fingerprint) for reference, fingerprint in connection.execute(
            select(table.reference, table.key_fingerprint).join(Cycle.__table__, Cycle.__table__.c.id == table.cycle_id)
            .where(Cycle.__table__.c.baseline_cycle_id == cycle.baseline_id, table.cycle_id != cycle.id,
                   table.state == CURRENT, table.flag == ""))}

    def flag(self, content_text: str, reference: str, fingerprint: str) -> str:
        """Why a statement (its ``return.json`` as stored) waits for a decision, in plain words, or "" (always
        "" in a full cycle, which takes no statements)."""
        if not self.statements:
            return ""
        content = json.loads(content_text)
        if content.get("kind") != "compliance_statement":
            return ""
        baseline = content.get("baseline") or {}
        named = f"its baseline ({bounded(str(baseline.get('cycle') or '?'), 40)} audit, version " \
                f"{baseline.get('audit_version')})"
        where = f"cycle {self.cycle_name}" if self.cycle_name else "the baseline cycle"
        sha256 = baseline.get("content_sha256")
        if not sha256:
            return (f"{named} is not named by its content hash (its audit file has no record of that return), so "
                    f"it cannot be matched to this organisation's return in {where}: check it by hand")
        held = self.held.get((reference_key(reference), sha256))
        if held is None:
            return (f"{named} is not among this organisation's returns in {where} (content {sha256[:12]}…): import "
                    "that return, or check with the organisation which audit the statement follows")
        if held != fingerprint and (reference_key(reference), fingerprint) not in self.accepted:
            return (f"signed with a different key (key fingerprint {fingerprint}) than its baseline return in {where} "
                    f"({held}): check with the organisation that they sent it")
        return ""


class _Rows:
    """The writes of each file, on the session's own SQLite connection, inside its transaction.

    SQLAlchemy's machinery for each statement cost as much as the statements (five a return), so the
    rows are written as plain SQL made once per table from its columns; datetimes are stored the way
    SQLAlchemy stores them (its own converter for the column type), so the ORM reads them back as usual.
    """

    def __init__(self, connection):
        self.cursor = connection.connection.driver_connection.cursor()
        when = _RETURNS.c.signed_at.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
        if when is None:  # SQLite's DateTime always has one; without it the rows would not read back as datetimes
            raise RuntimeError("the workspace's database stores datetimes without converting them")
        self.when = when
        self._sql: dict[tuple, str] = {}

    def insert(self, model, **values) -> int:
        table, columns = model.__table__.name, tuple(values)
        sql = self._sql.get((table, columns))
        if sql is None:
            sql = self._sql[(table, columns)] = (f"INSERT INTO {table} ({', '.join(columns)}) "
                                                 f"VALUES ({', '.join(':' + c for c in columns)})")
        self.cursor.execute(sql, values)
        return self.cursor.lastrowid

    def supersede(self, return_id: int) -> None:
        self.cursor.execute(f"UPDATE {ImportedReturn.__tablename__} SET state = ? WHERE id = ?",
                            (SUPERSEDED, return_id))

    def now(self) -> str:
        return self.when(utcnow())

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Everything written inside is kept whole or, on any exception, not at all (the batch goes on)."""
        self.cursor.execute("SAVEPOINT import_file")
        try:
            yield
        except BaseException:
            self.cursor.execute("ROLLBACK TO import_file")
            self.cursor.execute("RELEASE import_file")
            raise
        self.cursor.execute("RELEASE import_file")


class _Importer:
    """Stores examined files in batches: one transaction for up to ``BATCH_FILES`` files or
    ``BATCH_SECONDS``, a SAVEPOINT per return inside it (a return that fails leaves nothing of itself)."""

    def __init__(self, workspace: Workspace, cycle: CycleRow):
        self.workspace = workspace
        self.cycle = cycle
        self.batch = uuid.uuid4().hex
        session = workspace.session
        content = session.execute(select(Cycle.set_content).where(Cycle.id == cycle.id)).scalar_one()
        self.cycle_set = CycleSet(cycle.name, cycle.set_id, cycle.set_version, cycle.set_hash, content, cycle.kind)
        try:
            self.checks = Checks(self.cycle_set)
        except StandardsError as exc:
            raise AuditFileError(workspace.path,
                                 f"cycle {cycle.name}'s standards set cannot be read ({exc.summary})") from exc
        self.connection = self._storing(session.connection)
        self.register = {reference_key(ref): org_id for org_id, ref in self.connection.execute(
            select(RegisteredOrganisation.id, RegisteredOrganisation.reference)
            .where(RegisteredOrganisation.cycle_id == cycle.id))}
        self.known = self._storing(_Known, self.connection, cycle.id)
        self.rows = _Rows(self.connection)
        self.baselines = self._storing(_Baselines, self.connection, workspace, cycle)
        self.pending: list[int] = []  # indexes in the report of the files whose rows are not committed yet
        self.started = time.monotonic()

    # --- writing ----------------------------------------------------------------------------------

    def _storing(self, write, *args):
        """Run a database step; a failure of the disk or file becomes the ``AuditFileError`` that stops the import."""
        try:
            return write(*args)
        except (DBAPIError, sqlite3.Error) as exc:
            raise storage_problem(self.workspace.path, exc) from exc

    def due(self) -> bool:
        return len(self.pending) >= BATCH_FILES or time.monotonic() - self.started >= BATCH_SECONDS

    def commit(self, report: ImportReport) -> None:
        """Commit the batch; if that fails, the batch's files are failed (none of them is stored) and it raises."""
        try:
            if self.pending and not self.connection.connection.driver_connection.in_transaction:
                # SQLite rolls a transaction back itself on some failures (disk full, I/O error).
                raise AuditFileError(self.workspace.path, "could not be saved: the file could not be written. "
                                                          "The returns of the last batch were not saved.")
            self._storing(self.workspace.session.commit)
        except AuditFileError as exc:
            self.lose_batch(report, exc)
            raise
        self.workspace.session.expunge_all()  # nothing of the import stays in memory
        self.pending.clear()
        self.started = time.monotonic()
        self.connection = self._storing(self.workspace.session.connection)
        self.rows = _Rows(self.connection)

    def lose_batch(self, report: ImportReport, exc: AuditFileError) -> None:
        """The batch could not be saved: roll it back and fail its files, so the report says what is stored."""
        try:
            self.workspace.session.rollback()
        except Exception:  # noqa: BLE001 - already failing; the rollback is best effort
            _log.warning("Rolling back a failed import batch failed too", exc_info=True)
        for index in self.pending:
            report.files[index] = FileOutcome(report.files[index].path, FAILED, f"could not be saved: {exc.problem}")
        self.pending.clear()

    # --- one file -----------------------------------------------------------------------------------

    def one(self, examined: Examined) -> FileOutcome:
        path, sha256 = examined.path, examined.sha256
        if sha256 and sha256 in self.known.files:
            return self._duplicate(path, self.known.files[sha256], sha256, "the same file")
        if examined.refused:
            return self.reject(path, examined.reference, examined.refused, examined.name, sha256)
        signed = examined.signed
        if signed is None:  # only a file whose bytes are stored already (a duplicate, above) is not read
            raise RuntimeError(f"{path.name} was neither refused nor read when it was examined")
        if signed.content_id in self.known.contents:
            return self._duplicate(path, self.known.contents[signed.content_id], sha256,
                                   "the same signed return (in another file)")
        if examined.problem:
            return self.reject(path, examined.reference, examined.problem, examined.name, sha256)
        return self.store(path, examined, signed)

    def _duplicate(self, path: Path, return_id: int, sha256: str, what: str) -> FileOutcome:
        name, reference = self._storing(lambda: self.connection.execute(
            select(_RETURNS.c.name, _RETURNS.c.reference).where(_RETURNS.c.id == return_id)).one())
        return self.log(FileOutcome(path, DUPLICATE, f"{what} was imported before (return {return_id}); nothing "
                                    "changed", name, reference, return_id), sha256)

    def store(self, path: Path, examined: Examined, signed: Signed) -> FileOutcome:
        """The return (``signed``, as ``examined``), its evidence, its key, the return it supersedes and its
        log entry, under one SAVEPOINT."""
        reference = examined.reference
        known, key = self.known, reference_key(reference)
        organisation_id = self.register.get(key)
        known_key = known.keys.get(key)
        current = known.current.get(organisation_id) if organisation_id is not None else None
        if known_key is not None and known_key != signed.fingerprint:
            state, supersedes = KEY_PENDING, None
        elif organisation_id is None:
            state, supersedes = UNMATCHED_STATE, None
        elif current is not None and not is_newer((signed.audit_version, signed.signed_at), current[1:]):
            state, supersedes = SUPERSEDED, None
        else:
            state, supersedes = CURRENT, current
        flag = self.baselines.flag(signed.content, reference, signed.fingerprint)
        rows, user = self.rows, self.workspace.user
        try:
            with rows.savepoint():
                return_id = rows.insert(
                    ImportedReturn, cycle_id=self.cycle.id, organisation_id=organisation_id, sha256=examined.sha256,
                    content_id=signed.content_id, file_name=bounded(path.name, _PATH_LIMIT), reference=reference,
                    name=examined.name, key_fingerprint=signed.fingerprint, public_key=signed.public_key,
                    audit_version=signed.audit_version, signed_at=rows.when(signed.signed_at),
                    created_at=rows.when(signed.created_at), imported_at=rows.now(), imported_by=user, state=state,
                    content=signed.content, findings_content=signed.findings,
                    return_sha256=signed.return_sha256 or None, flag=flag)
                self._store_evidence(rows, path, signed, return_id)
                if known_key is None:
                    rows.insert(KnownKey, cycle_id=self.cycle.id, reference=key, key_fingerprint=signed.fingerprint,
                                public_key=signed.public_key, recorded_at=rows.now(), recorded_by=user)
                if supersedes is not None:
                    rows.supersede(supersedes[0])
                outcome = FileOutcome(path, *self._flagged(flag, *self._described(
                    state, signed, reference, known_key, supersedes is not None)), examined.name, reference, return_id,
                    flag)
                self._log_entry(rows, outcome, examined.sha256)
        except (DBAPIError, sqlite3.Error) as exc:
            raise storage_problem(self.workspace.path, exc) from exc
        known.files[examined.sha256] = known.contents[signed.content_id] = return_id
        if known_key is None:
            known.keys[key] = signed.fingerprint
        if state == CURRENT:
            known.current[organisation_id] = (return_id, signed.audit_version, signed.signed_at)
        return outcome

    @staticmethod
    def _store_evidence(rows: _Rows, path: Path, signed: Signed, return_id: int) -> None:
        """Each evidence file, read again through the checked container and written one at a time."""
        if not signed.evidence:
            return
        try:
            with open_container(path) as container:  # verified just now; one opening for all its files
                for evidence_id, name, media_type, sha256, member in signed.evidence:
                    data = container.read(member)
                    if hashlib.sha256(data).hexdigest() != sha256:
                        raise Rejected(f"evidence {member} changed while it was being imported")
                    rows.insert(ReturnEvidence, return_id=return_id, evidence_id=evidence_id, name=name,
                                media_type=media_type, sha256=sha256, data=data)
                    del data  # its bytes are in the transaction; free them before the next
        except ContainerError as exc:
            raise Rejected(f"the file changed while it was being imported ({exc.reason})") from exc
        except OSError as exc:
            raise Rejected(f"the file changed while it was being imported (it cannot be read: "
                            f"{exc.strerror or exc})") from exc

    def _described(self, state: str, signed: Signed, reference: str, known_key: str | None,
                   replaces: bool = False) -> tuple[str, str]:
        """The outcome and its reason, in the words of the user guide ("Key fingerprints and replaced returns")."""
        if state == KEY_PENDING:
            return KEY_PENDING_OUTCOME, (f"signed with a different key than this organisation's earlier returns (key "
                                         f"fingerprint {signed.fingerprint}, not {known_key}): check with them that "
                                         "they sent it, then accept or reject the new key")
        if state == UNMATCHED_STATE:
            return UNMATCHED, (f"no organisation in the register of {self.cycle.name} has reference {reference!r}; "
                               "match it by hand")
        version = f"version {signed.audit_version}" + (f", signed {signed.signed_at:%d %b %Y}" if signed.signed_at
                                                       else "")
        if state == SUPERSEDED:
            return OLDER, (f"{version}: the organisation has already sent a newer return, so this one is kept in its "
                           "history and not counted")
        if replaces:
            return IMPORTED, f"{version}; replaces an earlier return from the same organisation (kept in its history)"
        return IMPORTED, version

    @staticmethod
    def _flagged(flag: str, outcome: str, reason: str) -> tuple[str, str]:
        """A flagged statement's outcome: ``flagged`` where it would be ``imported``, the flag in the reason."""
        if not flag:
            return outcome, reason
        return (FLAGGED if outcome == IMPORTED else outcome), f"{reason}; flagged for a decision: {flag}"

    def reject(self, path: Path, reference: str, reason: str, name: str = "", sha256: str = "") -> FileOutcome:
        return self.log(FileOutcome(path, REJECTED, reason, name, reference), sha256)

    def failed(self, path: Path, exc: Exception) -> FileOutcome:
        """A fault in s11audit while handling one file: logged in full, recorded, and the batch goes on.

        The file's own SAVEPOINT has been rolled back already; the rest of the batch stays."""
        _log.error("Unexpected error while importing %s", path, exc_info=exc)
        outcome = FileOutcome(path, FAILED, _fault(exc))
        try:
            return self.log(outcome)
        except AuditFileError:
            return outcome

    def log(self, outcome: FileOutcome, sha256: str = "") -> FileOutcome:
        self._storing(self._log_entry, self.rows, outcome, sha256)
        return outcome

    def _log_entry(self, rows: _Rows, outcome: FileOutcome, sha256: str) -> None:
        # Everything from the file is bounded text already (FileOutcome), so this write never fails on content.
        rows.insert(ImportLogEntry, batch=self.batch, cycle_id=self.cycle.id,
                    file_name=bounded(str(outcome.path), _PATH_LIMIT), sha256=sha256, reference=outcome.reference,
                    outcome=outcome.outcome, reason=outcome.reason, return_id=outcome.return_id, at=rows.now(),
                    by=self.workspace.user)


def _one_file(importer: _Importer, report: ImportReport, examiner: import_workers.InProcess, index: int,
              path: Path) -> bool:
    """Import one file into the report; False when the import must stop (the workspace cannot be saved)."""
    try:
        outcome = importer.one(examiner.get(index, path))
    except AuditFileError as exc:
        report.files.append(FileOutcome(path, FAILED, f"could not be saved: {exc.problem}"))
        report.stopped = exc.problem
        return False
    except Rejected as exc:  # a file that changed under us while its evidence was being stored
        outcome = importer.reject(path, "", str(exc))
    except Exception as exc:  # noqa: BLE001 - a fault of ours in one file must not stop the batch
        outcome = importer.failed(path, exc)
    report.files.append(outcome)
    importer.pending.append(len(report.files) - 1)
    return True


def import_returns(workspace: Workspace, cycle: CycleRow | str, paths: Iterable[Path | str],
                   progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Import return files (and folders of them) into a cycle; see the module docstring for the rules.

    ``progress(done, total, file name)`` is called after each file; ``cancelled()`` is asked before each
    file and stops the import there (everything imported so far stays). Never raises for a bad return
    file; a workspace that cannot be written to stops the import (``ImportReport.stopped``).
    """
    if not isinstance(cycle, CycleRow):
        cycle = workspace.cycle(cycle)
    workspace.writer.check_writable()
    files = return_files(paths)
    importer = _Importer(workspace, cycle)
    report = ImportReport(importer.batch, len(files))
    _log.info("Import batch %s into cycle %s of %s started: %d files", importer.batch, cycle.name, workspace.path,
              len(files))
    try:
        examiner = import_workers.examiner(importer.checks, files, importer.known.files)
        try:
            for done, path in enumerate(files, start=1):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                if not _one_file(importer, report, examiner, done - 1, path):
                    break
                if progress is not None:
                    progress(done, len(files), path.name)
                if importer.due():
                    importer.commit(report)
        finally:
            examiner.close()  # cancels what was not started; nothing of an unstored file is kept
        importer.commit(report)
    except AuditFileError as exc:  # a batch could not be committed: its files are failed in the report
        report.stopped = report.stopped or exc.problem
    _log_batch_end(report)
    return report


def _log_batch_end(report: ImportReport) -> None:
    """The batch's counts for the log (no names or reasons: those come from files we do not control)."""
    counts: dict[str, int] = {}
    for outcome in report.files:
        counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
    _log.info("Import batch %s ended%s: %d of %d files done (%s)", report.batch,
              " (cancelled)" if report.cancelled else " (stopped)" if report.stopped else "", len(report.files),
              report.total, ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items())) or "none")

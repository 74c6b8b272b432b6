"""Importing signed returns into a workspace cycle: verify, check the set, match, supersede, log.

Each file is verified (signature, hashes, format) and read in one pass
(``returns.verify.verify_and_read``); its standards set must be the cycle's, by id and content hash,
and the ``standards.json`` it carries must be that set; a return whose cycle names another year
(the first four-digit year of ``2025/26`` against ``2026/27``) is refused, so last year's return made
against the same set is not counted this year. Then, in **one transaction per return** (the
return, its evidence, the known key, any return it supersedes and its import log entry), it is
stored and placed (``Workspace.place``):

- matched to the register by reference (spacing and case ignored), else kept ``unmatched`` for a
  person to match (``Workspace.match_return``);
- signed by another key than the one known for that reference in the cycle: kept ``key_pending``
  for a person to ``accept_key`` or ``reject_key``; the first key seen for a reference in a cycle
  becomes the known one (per cycle: a new cycle's audit file, e.g. a starting file, has a new key);
- newer than the organisation's current return (higher audit version, then later sign-off): it
  becomes current and the earlier one superseded; older: kept as superseded;
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
logged with its traceback, that file is marked ``failed`` and the next file is tried. Only a
failure to save (the workspace's disk is full or unwritable) rolls that return back whole and
stops the import; returns saved before it stay. Returns are read one at a time and dropped from
the session once saved, evidence one file at a time, so memory stays flat over 10,000 files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from s11audit.business_unit.models import (KEY_PENDING, Cycle, ImportedReturn, ImportLogEntry, RegisteredOrganisation,
                                           ReturnEvidence)
from s11audit.business_unit.return_checks import ContentChecker
from s11audit.business_unit.workspace import CycleRow, Workspace, reference_key
from s11audit.returns.container import ContainerError, open_container
from s11audit.returns.format import EXTENSION, STANDARDS_MEMBER, json_bytes
from s11audit.returns.verify import SignedReturn, verify_and_read
from s11audit.safe_text import bounded, shown
from s11audit.standards import StandardsError
from s11audit.standards.loader import content_hash, set_from_snapshot
from s11audit.store.database import AuditFileError

_log = logging.getLogger(__name__)
# How much of a value from a file the import log and report keep (names, references, reasons).
_NAME_LIMIT, _REASON_LIMIT, _PATH_LIMIT = 500, 2000, 4096

# Outcomes of one file, in the words the import report uses.
IMPORTED = "imported"        # now the organisation's current return
OLDER = "older"              # kept as superseded: the organisation has a newer return
UNMATCHED = "unmatched"      # kept: no organisation in the register has its reference
KEY_PENDING_OUTCOME = "key-pending"  # kept: signed by another key than the one known
DUPLICATE = "duplicate"      # the same file was imported before; nothing changed
REJECTED = "rejected"        # not stored: the reason says why
FAILED = "failed"            # could not be saved (the import stopped), or a fault in s11audit (it went on)
STORED = (IMPORTED, OLDER, UNMATCHED, KEY_PENDING_OUTCOME)

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

    def of(self, outcome: str) -> list[FileOutcome]:
        return [f for f in self.files if f.outcome == outcome]

    @property
    def rejected(self) -> list[FileOutcome]:
        return [f for f in self.files if f.outcome in (REJECTED, FAILED)]

    def summary(self) -> str:
        parts = [f"{self.count(o)} {label}" for o, label in (
            (IMPORTED, "imported"), (OLDER, "older (kept as superseded)"), (UNMATCHED, "unmatched"),
            (KEY_PENDING_OUTCOME, "waiting for a key decision"), (DUPLICATE, "duplicates"), (REJECTED, "rejected"),
            (FAILED, "failed"))]
        text = f"{len(self.files)} of {self.total} files: " + ", ".join(parts)
        if self.cancelled:
            text += "; cancelled before the rest"
        if self.stopped:
            text += f"; stopped: {self.stopped}"
        return text


class _Rejected(Exception):
    pass


_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def first_year(cycle_name: str) -> str | None:
    """The first four-digit year in a cycle name: ``2026/27``, ``2026-2027`` and ``S175 2026/27`` all give 2026."""
    found = _YEAR.search(str(cycle_name or ""))
    return found.group(1) if found else None


def return_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to import: files as given, folders searched (with subfolders) for ``*.s11return``."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == EXTENSION and p.is_file()))
        else:
            found.append(path)
    return found


def _sha256(path: Path) -> str:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _when(value: object) -> dt.datetime | None:
    """An ISO datetime from a return, as naive UTC (how the workspace stores times)."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


class _Importer:
    def __init__(self, workspace: Workspace, cycle: CycleRow):
        self.workspace = workspace
        self.cycle = cycle
        self.batch = uuid.uuid4().hex
        content = workspace.session.get(Cycle, cycle.id).set_content
        # The bytes s11audit writes for this set; any other standards.json is hashed the slow way.
        set_content = json.loads(content)
        self.standards_sha256 = hashlib.sha256(json_bytes(set_content)).hexdigest()
        self.known_standards = {self.standards_sha256: set_content}
        try:
            self.checker = ContentChecker(set_from_snapshot(json.loads(content), cycle.set_hash))
        except StandardsError as exc:
            raise AuditFileError(workspace.path, f"cycle {cycle.name}'s standards set cannot be read ({exc.summary})") from exc
        self.register = {reference_key(ref): org_id for org_id, ref in workspace.session.execute(
            select(RegisteredOrganisation.id, RegisteredOrganisation.reference)
            .where(RegisteredOrganisation.cycle_id == cycle.id))}

    def check_set(self, signed: SignedReturn) -> None:
        claimed = signed.content["standards_set"]  # schema-checked: id, version, content_hash are text
        cycle = self.cycle
        if claimed.get("id") != cycle.set_id:
            raise _Rejected(f"it was made against the standards set {shown(claimed['id'], 60)!r} (version "
                            f"{shown(claimed['version'], 30)}), but cycle {cycle.name} uses {cycle.set_id!r} "
                            f"(version {cycle.set_version})")
        if claimed.get("content_hash") != cycle.set_hash:
            raise _Rejected(f"it was made against a different version of {cycle.set_id!r} (version "
                            f"{shown(claimed['version'], 30)}, content {claimed['content_hash'][:12]}…) than "
                            f"cycle {cycle.name} uses (version {cycle.set_version}, content {cycle.set_hash[:12]}…)")
        year, cycle_year = first_year(signed.content.get("cycle")), first_year(cycle.name)
        if year and cycle_year and year != cycle_year:
            raise _Rejected(f"it is a return for cycle {shown(signed.content['cycle'], 40)}, not {cycle.name} "
                            "(last year's return, or the wrong cycle chosen for the import)")
        listed = {m["name"]: m["sha256"] for m in signed.manifest["members"]}
        if listed.get(STANDARDS_MEMBER) != self.standards_sha256 and content_hash(signed.standards) != cycle.set_hash:
            raise _Rejected("the standards set it carries (standards.json) is not the set it says it was made against")
        problem = self.checker.problem(signed.content)
        if problem:
            raise _Rejected(problem)

    def one(self, path: Path) -> FileOutcome:
        if not path.is_file():
            return self.reject(path, "", "the file does not exist" if not path.exists() else "it is not a file")
        try:
            sha256 = _sha256(path)
        except OSError as exc:
            return self.reject(path, "", f"the file cannot be read ({exc.strerror or exc})")
        duplicate = self._duplicate(path, ImportedReturn.sha256 == sha256, sha256, "the same file")
        if duplicate is not None:
            return duplicate
        verification, signed = verify_and_read(path, known_standards=self.known_standards)
        if signed is None:
            return self.reject(path, verification.reference or "", f"not a valid signed return: {verification.reason}",
                               verification.organisation or "", sha256)
        organisation = signed.content["organisation"]  # schema-checked: name and reference are text
        name, reference = organisation["name"], organisation["reference"].strip()
        duplicate = self._duplicate(path, ImportedReturn.content_id == signed.content_id, sha256,
                                    "the same signed return (in another file)")
        if duplicate is not None:
            return duplicate
        try:
            self.check_set(signed)
            if not reference:
                raise _Rejected("the return gives no organisation reference, so it cannot be matched to the register")
        except _Rejected as exc:
            return self.reject(path, reference, str(exc), name, sha256)
        return self.store(path, signed, sha256, name, reference)

    def _duplicate(self, path: Path, same, sha256: str, what: str) -> FileOutcome | None:
        existing = self.workspace.session.execute(
            select(ImportedReturn.id, ImportedReturn.name, ImportedReturn.reference)
            .where(ImportedReturn.cycle_id == self.cycle.id, same)).first()
        if existing is None:
            return None
        return self.log(FileOutcome(path, DUPLICATE, f"{what} was imported before (return {existing.id}); nothing "
                                    "changed", existing.name, existing.reference, existing.id), sha256)

    def store(self, path: Path, signed: SignedReturn, sha256: str, name: str, reference: str) -> FileOutcome:
        workspace, content = self.workspace, signed.content
        with workspace.change() as session:
            ret = ImportedReturn(
                cycle_id=self.cycle.id, organisation_id=self.register.get(reference_key(reference)), sha256=sha256,
                content_id=signed.content_id, file_name=bounded(path.name, _PATH_LIMIT), reference=reference,
                name=name, key_fingerprint=signed.fingerprint, public_key=signed.public_key,
                audit_version=content["audit_version"], signed_at=_when(content["sign_off"].get("signed_at")),
                created_at=_when(content.get("created_at")), imported_by=workspace.user, state=KEY_PENDING,
                content=json.dumps(content, ensure_ascii=False))
            session.add(ret)
            session.flush()
            self._store_evidence(session, path, signed, ret.id)
            if workspace.key_differs(session, self.cycle.id, reference, signed.fingerprint):
                known = workspace.known_key(self.cycle.id, reference)
                outcome = FileOutcome(path, KEY_PENDING_OUTCOME, f"signed with key {signed.fingerprint}, not the key "
                                      f"{known} known for {reference}; accept or reject the new key", name, reference, ret.id)
            else:
                workspace.remember_key(session, ret)
                placed = workspace.place(session, ret)
                outcome = FileOutcome(path, *self._described(placed, ret), name, reference, ret.id)
            self._log_entry(session, outcome, sha256)
        session.expunge_all()  # keep memory flat over thousands of returns
        return outcome

    @staticmethod
    def _store_evidence(session, path: Path, signed: SignedReturn, return_id: int) -> None:
        """Each evidence file, read again through the checked container and written one at a time."""
        if not signed.evidence:
            return
        try:
            with open_container(path) as container:  # verified just now; one opening for all its files
                for entry in signed.evidence:
                    row = ReturnEvidence(return_id=return_id, evidence_id=str(entry["id"]), name=entry.get("name") or "",
                                         media_type=entry.get("media_type") or "", sha256=entry["sha256"],
                                         data=container.read(entry["member"]))
                    if hashlib.sha256(row.data).hexdigest() != entry["sha256"]:
                        raise _Rejected(f"evidence {entry['member']} changed while it was being imported")
                    session.add(row)
                    session.flush()
                    session.expunge(row)  # its bytes are in the transaction; free them before the next
        except ContainerError as exc:
            raise _Rejected(f"the file changed while it was being imported ({exc.reason})") from exc

    def _described(self, placed: str, ret: ImportedReturn) -> tuple[str, str]:
        version = f"version {ret.audit_version}" + (f", signed {ret.signed_at:%d %b %Y}" if ret.signed_at else "")
        if placed == "unmatched":
            return UNMATCHED, f"no organisation in the register of {self.cycle.name} has reference {ret.reference!r}; match it by hand"
        if placed == "older":
            return OLDER, f"{version}: the organisation already has a newer return; kept as superseded"
        return IMPORTED, version

    def reject(self, path: Path, reference: str, reason: str, name: str = "", sha256: str = "") -> FileOutcome:
        return self.log(FileOutcome(path, REJECTED, reason, name, reference), sha256)

    def failed(self, path: Path, exc: Exception) -> FileOutcome:
        """A fault in s11audit while handling one file: logged in full, recorded, and the batch goes on."""
        _log.error("Unexpected error while importing %s", path, exc_info=exc)
        self.workspace.session.rollback()
        self.workspace.session.expunge_all()
        from s11audit.logs import where

        outcome = FileOutcome(path, FAILED, f"s11audit could not import this file because of a fault in s11audit itself "
                                            f"({type(exc).__name__}); the details are in {where()}. The other files "
                                            "were imported as usual.")
        try:
            return self.log(outcome)
        except AuditFileError:
            return outcome

    def log(self, outcome: FileOutcome, sha256: str = "") -> FileOutcome:
        with self.workspace.change() as session:
            self._log_entry(session, outcome, sha256)
        return outcome

    def _log_entry(self, session, outcome: FileOutcome, sha256: str) -> None:
        # Everything from the file is bounded text already (FileOutcome), so this write never fails on content.
        session.add(ImportLogEntry(batch=self.batch, cycle_id=self.cycle.id, file_name=bounded(str(outcome.path), _PATH_LIMIT),
                                   sha256=sha256, reference=outcome.reference, outcome=outcome.outcome,
                                   reason=outcome.reason, return_id=outcome.return_id, by=self.workspace.user))


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
    for done, path in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        try:
            report.files.append(importer.one(path))
        except AuditFileError as exc:
            report.files.append(FileOutcome(path, FAILED, f"could not be saved: {exc.problem}"))
            report.stopped = exc.problem
            break
        except _Rejected as exc:  # a file that changed under us while its evidence was being stored
            report.files.append(importer.reject(path, "", str(exc)))
        except Exception as exc:  # noqa: BLE001 - a fault of ours in one file must not stop the batch
            report.files.append(importer.failed(path, exc))
        if progress is not None:
            progress(done, len(files), path.name)
    return report

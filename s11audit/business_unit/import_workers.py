"""Examining return files for an import, in this process or on worker processes (issue 12).

Examining a file is everything about it that needs no workspace (``Checks.examine``): read and hash it,
verify its signature and read it (``returns.verify.verify_and_read``), check it against the cycle's
standards set (``return_checks.py``), and make the canonical ``return.json`` and findings text that
are stored. It is pure CPU on plain data (about 5 ms a return), so a large batch is examined on worker
processes while the importing process stores the results in the files' order (``importing.py``):
outcomes, duplicates within the batch, progress and cancelling are decided there, as before.

- **When**: ``POOL_MIN_FILES`` files or more on a machine with two CPUs or more; one worker fewer
  than the CPUs, at most ``MAX_WORKERS`` (``worker_count``): this process examines files too, and
  on two CPUs one worker was faster than two (2,000 returns in 5.7-9.0 s against 7.5-11.2 s, the
  machine shared). Starting a worker costs about 0.7 s of CPU (a fresh Python: spawned, not forked,
  the same on Windows), so smaller batches are examined in process.
- **In order, bounded**: at most ``WORKER_FILES`` files per worker are examined ahead of the one
  being stored (``AHEAD`` a worker submitted at a time), so memory stays flat whatever the batch
  size. While the importing process waits for the next file's result it examines files itself,
  taken from the far end of that window (never submitted, so each file is examined once), so it is
  never idle, also while the workers start.
- **Plain data both ways**: a worker gets the cycle's set (``CycleSet``) and the SHA-256 of the
  files the cycle holds once, in its initializer, then a path per file, and returns an ``Examined``.
  A fault in a worker while examining one file comes back as that file's ``WorkerFault`` (the
  import fails that file, logs the worker's traceback and goes on). A pool that cannot start or
  breaks (no permission to start processes, a frozen program without ``freeze_support``, a worker
  killed) is logged and the rest of the batch is examined in process.
- **Light workers**: a worker does not import SQLAlchemy or Alembic: ``s11audit.store``'s package
  ``__init__`` (0.9 s of imports) is not run there, only the two plain modules the checks read
  (``store.rows``, ``store.answers``; ``_without_the_store_package``). Nothing at this module's top
  level imports them either. A worker peaks at about 40 MB. It ends when the importing process
  does, even killed (``_exit_with_parent``), and a kill -9 of the importing process still leaves
  each return whole or absent: only that process writes.
- **Frozen program**: the PyInstaller build must call ``multiprocessing.freeze_support()`` first
  thing in its entry script, before reading its arguments (``__main__.py`` and ``ui/app.py`` do).
- **Cancelling** (``close``): tasks not started are cancelled and the pool shut down; the at most
  few files being examined finish and are thrown away; nothing of them was stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import re
import sys
import threading
import traceback
import types
from collections.abc import Collection, Sequence
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from s11audit.business_unit.records import findings_json
from s11audit.returns.format import RETURN_MEMBER, STANDARDS_MEMBER, json_bytes
from s11audit.returns.verify import Digests, SignedReturn, verify_and_read
from s11audit.safe_text import shown
from s11audit.standards.loader import content_hash, set_from_snapshot

_log = logging.getLogger(__name__)
# A batch of at least this many files is examined on worker processes (when there are two CPUs or
# more): below it, starting the workers (about 0.7 s of CPU each) costs more than they save.
POOL_MIN_FILES = 300
MAX_WORKERS = 2
# Files examined and not stored yet, per worker (bounds memory), and of those submitted to a worker
# at a time (keeps it busy; the rest of the window is this process's while it waits).
WORKER_FILES, AHEAD = 128, 6


class Rejected(Exception):
    """A file that does not fit the cycle; the message says why."""


_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def first_year(cycle_name: object) -> str | None:
    """The first four-digit year in a cycle name: ``2026/27``, ``2026-2027`` and ``S175 2026/27`` all give 2026."""
    found = _YEAR.search(str(cycle_name or ""))
    return found.group(1) if found else None


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


@dataclass(frozen=True)
class CycleSet:
    """What checking a return against a cycle needs, as plain data."""

    name: str
    set_id: str
    set_version: str
    set_hash: str
    set_content: str  # the cycle's set as JSON text (``Cycle.set_content``)
    kind: str = "full"  # the cycle's kind: "full" or "statement" (a statement cycle takes only statements)


class Checks:
    """The checks of one file that need no workspace: verified and read once, then checked against the set."""

    def __init__(self, cycle: CycleSet):
        self.cycle = cycle
        content = json.loads(cycle.set_content)
        # The bytes s11audit writes for this set; any other standards.json is hashed the slow way.
        self.standards_sha256 = hashlib.sha256(json_bytes(content)).hexdigest()
        self.known_standards = {self.standards_sha256: content}
        self.digests = Digests()  # standards.json is the same bytes in every return: inflated and hashed once
        from s11audit.business_unit.return_checks import ContentChecker  # see _without_the_store_package

        self.checker = ContentChecker(set_from_snapshot(json.loads(cycle.set_content), cycle.set_hash))

    def check_set(self, signed: SignedReturn) -> None:
        claimed = signed.content["standards_set"]  # schema-checked: id, version, content_hash are text
        cycle = self.cycle
        if claimed.get("id") != cycle.set_id:
            raise Rejected(f"it was made against the standards set {shown(claimed['id'], 60)!r} (version "
                           f"{shown(claimed['version'], 30)}), but cycle {cycle.name} uses {cycle.set_id!r} "
                           f"(version {cycle.set_version})")
        if claimed.get("content_hash") != cycle.set_hash:
            raise Rejected(f"it was made against a different version of {cycle.set_id!r} (version "
                           f"{shown(claimed['version'], 30)}, content {claimed['content_hash'][:12]}…) than "
                           f"cycle {cycle.name} uses (version {cycle.set_version}, content {cycle.set_hash[:12]}…)")
        year, cycle_year = first_year(signed.content.get("cycle")), first_year(cycle.name)
        if year and cycle_year and year != cycle_year:
            raise Rejected(f"it is a return for cycle {shown(signed.content['cycle'], 40)}, not {cycle.name} "
                           "(last year's return, or the wrong cycle chosen for the import)")
        listed = {m["name"]: m["sha256"] for m in signed.manifest["members"]}
        if listed.get(STANDARDS_MEMBER) != self.standards_sha256 and content_hash(signed.standards) != cycle.set_hash:
            raise Rejected("the standards set it carries (standards.json) is not the set it says it was made against")
        problem = self.checker.problem(signed.content)
        if problem:
            raise Rejected(problem)

    def examine(self, path: Path, stored_files: Collection[str] = ()) -> Examined:
        """Everything about one file that needs no workspace, as plain data (see :class:`Examined`).

        A file whose SHA-256 is in ``stored_files`` is not verified: it is a duplicate whatever it holds.
        """
        if not path.is_file():
            return Examined(path, refused="the file does not exist" if not path.exists() else "it is not a file")
        try:
            sha256 = _sha256(path)
        except OSError as exc:
            return Examined(path, refused=f"the file cannot be read ({exc.strerror or exc})")
        if sha256 in stored_files:
            return Examined(path, sha256)
        verification, signed = verify_and_read(path, known_standards=self.known_standards, digests=self.digests)
        if signed is None:
            return Examined(path, sha256, f"not a valid signed return: {verification.reason}",
                             verification.organisation or "", verification.reference or "")
        organisation = signed.content["organisation"]  # schema-checked: name and reference are text
        name, reference = organisation["name"], organisation["reference"].strip()
        problem = ""
        try:
            refusal = (self.checker.sample_refusal(signed.content, path.name)
                       or self.checker.kind_refusal(signed.content, path.name, self.cycle.kind, self.cycle.name))
            if refusal:
                raise Rejected(refusal)
            self.check_set(signed)
            if not reference:
                raise Rejected("the return gives no organisation reference, so it cannot be matched to the register")
        except Rejected as exc:
            problem = str(exc)
        content = signed.content
        evidence = tuple((str(e["id"]), e.get("name") or "", e.get("media_type") or "", e["sha256"], e["member"])
                         for e in signed.evidence)
        return Examined(path, sha256, "", name, reference, Signed(
            signed.content_id, signed.fingerprint, signed.public_key, signed.canonical.decode("utf-8"),
            findings_json(content), content["audit_version"], _when(content["sign_off"].get("signed_at")),
            _when(content.get("created_at")), evidence,
            next((m["sha256"] for m in signed.manifest["members"] if m["name"] == RETURN_MEMBER), "")), problem)


@dataclass(frozen=True)
class Signed:
    """What is stored of a verified return: its identity, key, ``return.json`` (canonical JSON text) and evidence."""

    content_id: str
    fingerprint: str
    public_key: bytes
    content: str
    findings: str  # what findings read of it (records.findings_json), stored beside it
    audit_version: int
    signed_at: dt.datetime | None
    created_at: dt.datetime | None
    evidence: tuple[tuple[str, str, str, str, str], ...]  # (id, name, media type, SHA-256, member)
    return_sha256: str = ""  # of return.json's bytes as signed (the manifest's entry): how a statement names it


@dataclass(frozen=True)
class Examined:
    """One file examined: ``refused`` (unreadable or not a valid signed return) before its identity is known,
    else the signed return and ``problem``, why it does not fit the cycle (said only if it is not a duplicate)."""

    path: Path
    sha256: str = ""
    refused: str = ""
    name: str = ""
    reference: str = ""
    signed: Signed | None = None
    problem: str = ""




# --- where files are examined ----------------------------------------------------------------------

class WorkerFault(Exception):
    """A fault in s11audit while a worker process examined one file; ``details`` is the worker's traceback."""

    def __init__(self, kind: str, details: str):
        super().__init__(f"{kind} in an import worker process:\n{details}")
        self.kind = kind


def worker_count() -> int:
    """How many worker processes examine a large batch: a CPU is left to this process, which examines
    files too while it waits (on two CPUs one worker beat two: each costs 0.7 s of CPU to start), and
    none on a machine with one CPU (the batch is examined in process)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(0, min(MAX_WORKERS, cpus - 1))


class InProcess:
    """Files examined one by one in this process, against what the cycle holds as it is stored."""

    def __init__(self, checks: Checks, stored_files: Collection[str]):
        self.checks, self.stored_files = checks, stored_files

    def get(self, index: int, path: Path) -> Examined:
        return self.checks.examine(path, self.stored_files)

    def close(self) -> None:
        pass


class OnWorkers(InProcess):
    """Files examined on worker processes and handed back in order (see the module docstring).

    The workers take files from the front of a window of ``WORKER_FILES`` files a worker beyond the
    one being stored, a few at a time (``AHEAD`` a worker submitted); this process, while it waits,
    takes them from the window's far end. No task is ever cancelled while the pool runs (Python 3.11
    cannot mark a broken pool's cancelled tasks failed, and would leave the others waiting)."""

    def __init__(self, checks: Checks, stored_files: Collection[str], files: Sequence[Path], workers: int):
        super().__init__(checks, stored_files)
        self.files, self.window, self.ahead = files, workers * WORKER_FILES, workers * AHEAD
        self.futures: dict[int, Future] = {}  # submitted files not stored yet
        self.here: dict[int, Examined | Exception] = {}  # examined by this process (or its fault)
        self.next = 0  # the next file to submit
        self.storing = 0  # the file being stored
        self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start,
            initargs=(checks.cycle, frozenset(stored_files)))
        self._submit()  # starts the workers
        if self.pool is not None:
            _log.info("Examining %d files on %d worker processes", len(files), workers)

    def get(self, index: int, path: Path) -> Examined:
        self.storing = index
        self._submit()
        future = self.futures.pop(index, None)
        if future is not None:
            while not future.done() and self._examine_from_the_end():
                pass
            try:
                result = future.result()
            except BrokenExecutor as exc:
                self._stop_pool("the worker processes stopped", exc)
            else:
                if result[0] == "fault":
                    raise WorkerFault(result[1], result[2])
                return replace(result[1], path=path)
        if index in self.here:
            examined = self.here.pop(index)
            if isinstance(examined, Exception):
                raise examined
            return examined
        return super().get(index, path)  # not submitted (or the pool stopped): examined here

    def _examine_from_the_end(self) -> bool:
        """Examine here the last file of the window not submitted yet; False when there is none."""
        last = min(len(self.files), self.storing + self.window) - 1
        while last >= self.next and last in self.here:
            last -= 1
        if last < self.next:
            return False
        try:
            self.here[last] = super().get(last, self.files[last])
        except Exception as exc:  # noqa: BLE001 - raised again when its turn comes, as in process
            self.here[last] = exc
        return True

    def _submit(self) -> None:
        while self.pool is not None and len(self.futures) < self.ahead and \
                self.next < min(len(self.files), self.storing + self.window):
            if self.next not in self.here:
                try:
                    self.futures[self.next] = self.pool.submit(_examine, str(self.files[self.next]))
                except Exception as exc:  # noqa: BLE001 - no processes (permission, frozen program, shutting down)
                    self._stop_pool("worker processes could not be started", exc)
                    return
            self.next += 1

    def _stop_pool(self, why: str, exc: BaseException) -> None:
        _log.warning("Import: %s (%s: %s); examining the rest of the batch in this process", why,
                     type(exc).__name__, exc, exc_info=exc)
        self.close()
        self.futures.clear()  # their files are examined here when their turn comes

    def close(self) -> None:
        """Cancel what has not started and stop the workers (waiting only for the few files being examined)."""
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def examiner(checks: Checks, files: Sequence[Path], stored_files: Collection[str]) -> InProcess:
    """Where the files of one import are examined: on workers for a large batch, else in this process."""
    workers = worker_count()
    if len(files) < POOL_MIN_FILES or workers < 1:
        return InProcess(checks, stored_files)
    return OnWorkers(checks, stored_files, files, workers)


# --- in a worker process -------------------------------------------------------------------------------

_worker: tuple[Checks, frozenset[str]] | None = None


def _start(cycle: CycleSet, stored_files: frozenset[str]) -> None:
    """A worker's initializer: the checks of the cycle's set, made once."""
    global _worker  # noqa: PLW0603  # a pool initializer's state: set once in each worker process
    _exit_with_parent()
    _without_the_store_package()
    _worker = (Checks(cycle), stored_files)


def _examine(path: str) -> tuple:
    """One file examined in a worker: ("ok", Examined) or ("fault", exception type, traceback)."""
    try:
        if _worker is None:  # _start did not run in this process: a fault, like unpacking None would be
            raise TypeError("the import worker was not started")
        checks, stored_files = _worker
        return "ok", checks.examine(Path(path), stored_files)
    except Exception as exc:  # noqa: BLE001 - that file's failure, not the pool's
        return "fault", type(exc).__name__, traceback.format_exc()


def _without_the_store_package() -> None:
    """Let ``s11audit.store.rows`` and ``.answers`` (plain modules) be imported without the package's
    ``__init__``, which imports the audit file's SQLAlchemy models and Alembic (0.9 s a worker)."""
    if "s11audit.store" in sys.modules:
        return
    spec = importlib.util.find_spec("s11audit.store")
    if spec is None or spec.submodule_search_locations is None:  # an importer without package paths
        return  # the package is imported as usual: a slower start, the same checks
    package = types.ModuleType(spec.name)
    package.__spec__, package.__path__, package.__file__ = spec, list(spec.submodule_search_locations), spec.origin
    sys.modules[spec.name] = package


def _exit_with_parent() -> None:
    """End this worker when the importing process ends, even by kill -9 (no orphan keeps working)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()

"""Opening an audit file: SQLite settings, the single-owner lock, schema checks and upgrades.

SQLite settings, chosen deliberately:

- ``journal_mode=DELETE``: the file on disk is always one self-contained file between edits, so a
  user who copies or emails it never leaves half of it behind (WAL would add ``-wal``/``-shm``
  files holding recent edits).
- ``synchronous=FULL``: every commit is on the disk before the call returns, so an edit survives a
  crash or power cut straight after it.
- ``locking_mode=EXCLUSIVE`` plus ``BEGIN EXCLUSIVE`` at open: the app holds the write lock for as
  long as the file is open, so a second copy of the app (or any other program) cannot write to it;
  it is refused with a clear message instead.
- ``foreign_keys=ON``: links between answers, evidence and actions are enforced.
- ``busy_timeout``: a short wait for a lock held briefly by a virus scanner or backup tool.
- ``secure_delete=ON``: deleted content (a return, an evidence file, a narrative past its retention period)
  is overwritten with zeros in the file at once, not left readable in free pages until the file is next
  rebuilt; :func:`compact` then rebuilds the file without the free pages (issue 17).
- ``journal_size_limit=0``: with ``locking_mode=EXCLUSIVE`` SQLite keeps the ``-journal`` file between
  transactions and only clears its header, so it would go on holding the pages as they were before the
  last change (deleted content included) for as long as the file is open; the limit truncates it to
  nothing after every transaction.

Refusing a file changes nothing on disk. Opening a file read-write lets SQLite write to it (a 0-byte
file becomes a 4,096-byte database the moment it is locked), so an existing file is first checked
without writing a byte (:func:`_check_before_opening`): its header is read as plain bytes, then its
tables through a read-only connection, and only a file that passes is opened read-write.

Alembic is imported only when a file needs upgrading (or a newer schema must be told from a
damaged one): a file already at its kind's ``head`` revision opens without it, which keeps a quarter
of a second off opening an audit (issue 15). tests/core/test_store.py checks ``head`` against Alembic.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import urllib.parse
import weakref
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection, StaticPool

from s11audit.safe_text import shown

if TYPE_CHECKING:
    from alembic.config import Config

_log = logging.getLogger(__name__)

FILE_FORMAT = "s11audit-audit-file"
BUSY_TIMEOUT_MS = 1500
SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100  # SQLite's database header: https://www.sqlite.org/fileformat.html
_WAL_VERSION = 2  # header bytes 18 and 19 (write and read format versions): 1 rollback journal, 2 WAL


class AuditFileError(Exception):
    """A problem with an audit file that the user can understand and act on."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")


class FileInUseError(AuditFileError):
    pass


class NewerFileError(AuditFileError):
    pass


class ReadOnlyError(AuditFileError):
    pass


@dataclass(frozen=True)
class FileKind:
    """A kind of s11audit SQLite file: what users call it, its format mark, its migrations and the newest
    of them (``head``, the revision this version of s11audit writes; a test matches it to Alembic's)."""

    noun: str
    format: str
    migrations: Path
    head: str


AUDIT_FILE = FileKind("audit file", FILE_FORMAT, Path(__file__).parent / "migrations", head="0007")


def _alembic_config(kind: FileKind = AUDIT_FILE) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(kind.migrations))
    return config


def head_revision(kind: FileKind = AUDIT_FILE) -> str:
    """The newest migration, as Alembic reads it from the migrations folder."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(kind)).get_current_head() or ""


def known_revisions(kind: FileKind = AUDIT_FILE) -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config(kind)).walk_revisions()}


def _uri(path: Path, query: str) -> str:
    # A name may hold '#', '?' or '%' ("Audit #2.s11audit"): unquoted, SQLite would read them as the
    # end of the name or an escape, and open (or create) another file.
    return f"file:{urllib.parse.quote(path.as_posix(), safe='/:')}?{query}"


class _Connector:
    """Makes the engine's one SQLite connection, until the file is closed (:func:`close_engine`).

    After that, anything still reaching for the file (a late timer of a window being taken down)
    gets an error instead of silently opening the file again and holding its exclusive lock."""

    def __init__(self, path: Path, uri: str):
        self.path, self.uri, self.closed = path, uri, False

    def __call__(self) -> sqlite3.Connection:
        if self.closed:
            raise AuditFileError(self.path, "has been closed; open it again to use it.")
        return sqlite3.connect(self.uri, uri=True, check_same_thread=False, isolation_level=None)


_CONNECTORS: weakref.WeakKeyDictionary[Engine, _Connector] = weakref.WeakKeyDictionary()


def close_engine(engine: Engine) -> None:
    """Close the file for good: its connection is closed and no new one can be made."""
    connector = _CONNECTORS.get(engine)
    if connector is not None:
        connector.closed = True
    engine.dispose()


def _make_engine(path: Path, read_only: bool) -> Engine:
    connector = _Connector(path, _uri(path, f"mode={'ro' if read_only else 'rw'}"))
    engine = create_engine("sqlite+pysqlite://", creator=connector, poolclass=StaticPool)
    _CONNECTORS[engine] = connector

    @event.listens_for(engine, "connect")
    def _settings(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA foreign_keys=ON",
            f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
            "PRAGMA locking_mode=EXCLUSIVE",
            "PRAGMA synchronous=FULL",
            # The file may come from outside (a starting file from the business unit): its schema
            # may not run functions with side effects, and damaged pages are noticed early.
            "PRAGMA trusted_schema=OFF",
            "PRAGMA cell_size_check=ON",
            # Deleted means deleted: see the module docstring (secure_delete, journal_size_limit).
            "PRAGMA secure_delete=ON",
            "PRAGMA journal_size_limit=0",
        ):
            cursor.execute(pragma)
        if not read_only:
            cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def _explain(path: Path, exc: Exception, kind: FileKind = AUDIT_FILE) -> AuditFileError:
    message = str(getattr(exc, "orig", exc)).lower()
    if "locked" in message or "busy" in message:
        return FileInUseError(path, "is open in another copy of s11audit (or another program is using it). "
                                    "Close it there first, then open it again.")
    if "not a database" in message or "malformed" in message or "file is encrypted" in message:
        return AuditFileError(path, f"is not an s11audit {kind.noun}, or it is damaged.")
    if "readonly" in message or "read-only" in message:
        return ReadOnlyError(path, "cannot be changed: it is read-only.")
    if "unable to open" in message:
        return AuditFileError(path, "cannot be opened: check the file exists and you may read and write it.")
    return AuditFileError(path, f"cannot be opened ({exc}).")


def _sqlite_of(raw: PoolProxiedConnection, path: Path) -> sqlite3.Connection:
    """The sqlite3 connection under the pool's proxy (None only once it has been closed)."""
    sqlite = raw.driver_connection
    if sqlite is None:
        raise AuditFileError(path, "has been closed; open it again to use it.")
    return sqlite


def _claim(engine: Engine, path: Path, read_only: bool, kind: FileKind = AUDIT_FILE) -> None:
    """Take the file's lock for as long as it is open, or fail if someone else holds it."""
    try:
        raw = engine.raw_connection()
        try:
            sqlite = _sqlite_of(raw, path)
            sqlite.execute("SELECT count(*) FROM sqlite_master").fetchall()
            if not read_only:
                # With locking_mode=EXCLUSIVE the lock taken here is kept until the file is closed.
                sqlite.execute("BEGIN EXCLUSIVE")
                sqlite.execute("COMMIT")
        finally:
            raw.close()
    except (DBAPIError, sqlite3.Error) as exc:
        raise _explain(path, exc, kind) from exc


def backup_path(path: Path, revision: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-upgrade-from-schema-{revision}-{stamp}{path.suffix}")


def _backup(engine: Engine, path: Path, revision: str) -> Path:
    target = backup_path(path, revision)
    raw = engine.raw_connection()
    dest = sqlite3.connect(target)
    try:
        _sqlite_of(raw, path).backup(dest)
    finally:
        dest.close()
        raw.close()
    return target


def open_engine(path: Path, *, create: bool = False, read_only: bool = False,
                kind: FileKind = AUDIT_FILE) -> tuple[Engine, Path | None]:
    """Open (or create) an audit file (or another ``kind`` of s11audit file) at the newest schema.

    Returns the engine and, if the file was upgraded, the path of the backup made first.
    """
    path = Path(path)
    if create:
        if path.exists():
            raise AuditFileError(path, "already exists; choose another name or open it instead.")
        try:
            sqlite3.connect(path).close()
        except sqlite3.Error as exc:
            raise AuditFileError(path, f"cannot be created here ({exc}).") from exc
    elif not path.exists():
        raise AuditFileError(path, "does not exist (it may have been moved or deleted).")
    else:
        _check_before_opening(path, kind)
    engine = _make_engine(path, read_only)
    try:
        _claim(engine, path, read_only, kind)
        backup = _upgrade(engine, path, create, read_only, kind)
    except Exception:
        engine.dispose()
        raise
    _log.info("%s the %s %s%s%s", "Created" if create else "Opened", kind.noun, path,
              " (read-only)" if read_only else "", f"; upgraded, the old file kept as {backup}" if backup else "")
    return engine, backup


def _upgrade(engine: Engine, path: Path, create: bool, read_only: bool, kind: FileKind = AUDIT_FILE) -> Path | None:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current = _revision_of(conn) if "alembic_version" in tables else None
    except (DBAPIError, sqlite3.Error) as exc:
        raise _explain(path, exc, kind) from exc
    if not create:
        refusal = _refusal(path, kind, tables, current, lambda: _format_of(engine))
        if refusal is not None:
            raise refusal
    if current == kind.head:
        return None
    if read_only:
        raise ReadOnlyError(path, "uses an older file format and must be upgraded, but it is read-only. "
                                  "Copy it somewhere you can write to, then open the copy.")
    backup = _backup(engine, path, current) if isinstance(current, str) else None  # a known revision
    from alembic import command

    config = _alembic_config(kind)
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if create:
                conn.execute(text("INSERT INTO file_info (key, value) VALUES ('format', :f)"), {"f": kind.format})
    except (DBAPIError, sqlite3.Error) as exc:
        raise AuditFileError(path, f"could not be upgraded ({exc}); the file is unchanged"
                                   + (f" and a backup is at {backup}." if backup else ".")) from exc
    return backup


def _revision_of(conn: Connection) -> object:
    """The schema revision Alembic recorded in the file (what its MigrationContext reads), or None."""
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _format_of(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT value FROM file_info WHERE key = 'format'")).scalar()
    except (DBAPIError, sqlite3.Error):
        return None


def _refusal(path: Path, kind: FileKind, tables: set[str], current: object,
             found_format: Callable[[], object]) -> AuditFileError | None:
    """Why a file with these tables and schema revision is not an openable ``kind`` file, if it is not.

    One rule for the check before opening and the one after; ``found_format`` reads the file's
    format mark only once the tables say there is one. Both are read from a file that may come from
    outside, so they may be any SQLite value, not only text.
    """
    if "file_info" not in tables or current is None:
        return AuditFileError(path, f"is not an s11audit {kind.noun} (it is a database made by another program).")
    if found_format() != kind.format:  # an audit file opened as a workspace is refused, and so on
        return AuditFileError(path, f"is not an s11audit {kind.noun} (it is another kind of s11audit file).")
    if current != kind.head and current not in known_revisions(kind):
        return NewerFileError(path, f"was saved by a newer version of s11audit (file schema {shown(current)}). "
                                    "Install the latest s11audit to open it; this file has not been changed.")
    return None


# --- the check before opening: nothing is written ---------------------------------------------------

def _check_before_opening(path: Path, kind: FileKind) -> None:
    """Refuse a file that is not an openable ``kind`` file without writing to it or beside it."""
    header = _read_header(path)
    if not header:
        raise AuditFileError(path, f"is empty: it is not an s11audit {kind.noun} "
                                   "(it may be a failed download or copy).")
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_HEADER):
        raise AuditFileError(path, f"is not an s11audit {kind.noun}.")
    # A crash while the file grew can leave it shorter than its header says; the journal beside it
    # restores it, so that is left to SQLite.
    if _declared_size(header) > path.stat().st_size and not Path(f"{path}-journal").exists():
        raise AuditFileError(path, f"is not an s11audit {kind.noun}, or it is damaged: it is shorter than "
                                   "it says it is (it may be a failed download or copy).")
    _check_tables(path, kind, wal=_WAL_VERSION in (header[18], header[19]))


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(_HEADER_SIZE)
    except OSError as exc:
        raise AuditFileError(path, f"cannot be read ({exc.strerror or exc}).") from exc


def _declared_size(header: bytes) -> int:
    """The size in bytes the header says the file has, or 0 where the header does not say."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # SQLite trusts the page count only while it was written by the same change as the counter.
    valid = header[24:28] == header[92:96]
    return page_size * pages if valid else 0


def _check_tables(path: Path, kind: FileKind, wal: bool) -> None:
    """Read the tables, schema revision and format mark through a connection that cannot write.

    ``mode=ro`` still takes SQLite's shared lock, so a file open in another copy is refused as in
    use. A file in WAL mode (never ours: we use journal_mode=DELETE) is read ``immutable``, because
    a read-only connection would still create its -wal and -shm files.
    """
    uri = _uri(path, "immutable=1" if wal else "mode=ro")
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise _explain(path, exc, kind) from exc
    try:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        current = (_scalar(connection, "SELECT version_num FROM alembic_version")
                   if "alembic_version" in tables else None)
        refusal = _refusal(path, kind, tables, current,
                           lambda: _scalar(connection, "SELECT value FROM file_info WHERE key = 'format'"))
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            # A change was cut short (a crash): only the read-write opening can roll it back, and
            # must, so the file is checked again there, after SQLite has restored it.
            return
        raise _explain(path, exc, kind) from exc
    finally:
        connection.close()
    if refusal is not None:
        raise refusal


def _scalar(connection: sqlite3.Connection, sql: str) -> object:
    row = connection.execute(sql).fetchone()
    return row[0] if row else None


# --- compacting: the file rebuilt without its free pages (issue 17) ----------------------------------

@dataclass(frozen=True)
class CompactReport:
    """The file's size in bytes before and after it was compacted."""

    bytes_before: int
    bytes_after: int


_VM_STEPS_PER_ENTRY = 5  # SQLite virtual machine steps VACUUM takes per row or index entry (measured: 4.5)
# VACUUM copies every table into a new database (virtual machine steps: progress is reported), then copies
# that database's pages back over the file and writes it to the disk (no steps: nothing can be reported). The
# share of the pages counted for the first part: it took a fifth to a quarter of the time on workspaces of 300
# returns (4 MB without large evidence files, 57 and 113 MB with them).
_COPY_SHARE = 0.25


def _file_bytes(sqlite: sqlite3.Connection) -> int:
    """The size of the database as SQLite sees it (the file's size: journal_mode=DELETE)."""
    pages = sqlite.execute("PRAGMA page_count").fetchone()[0]
    return int(pages) * int(sqlite.execute("PRAGMA page_size").fetchone()[0])


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _segments(sqlite: sqlite3.Connection, pages: int) -> list[tuple[int, float]]:
    """Per table, in the order VACUUM copies them: the virtual machine steps its copy takes (its rows and their
    index entries) and the pages it is counted for (its BLOBs' pages, e.g. evidence files, which take
    steps only per row, plus a share of the other pages by steps)."""
    page_size = int(sqlite.execute("PRAGMA page_size").fetchone()[0])
    tables = [row[0] for row in sqlite.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND rootpage > 0")]
    measured = []
    for table in tables:
        rows = int(sqlite.execute(f"SELECT count(*) FROM {_quoted(table)}").fetchone()[0])
        indexes = len(sqlite.execute(f"PRAGMA index_list({_quoted(table)})").fetchall())
        blobs = [row[1] for row in sqlite.execute(f"PRAGMA table_info({_quoted(table)})")
                 if str(row[2]).upper() == "BLOB"]
        # length() of a BLOB is read from the row's header: its pages are not read.
        size = sum(int(sqlite.execute(f"SELECT coalesce(sum(length({_quoted(c)})), 0) FROM {_quoted(table)}")
                       .fetchone()[0]) for c in blobs)
        measured.append((rows * (1 + indexes) * _VM_STEPS_PER_ENTRY, size / page_size))
    steps = sum(m[0] for m in measured) or 1
    rest = max(0.0, pages - sum(m[1] for m in measured))
    return [(table_steps, blob_pages + rest * table_steps / steps) for table_steps, blob_pages in measured]


def compact(engine: Engine, progress: Callable[[int, int], None] | None = None) -> CompactReport:
    """Rebuild the file without its free pages (SQLite's VACUUM), so nothing deleted is left in it.

    ``secure_delete`` already overwrites deleted content with zeros; compacting also gives the space back
    and leaves no trace of how the file was laid out before. No transaction may be open (the caller ends
    its session's first); the exclusive lock on the file is kept throughout. ``progress(done, total)`` is
    called with steps counted in pages of the file: monotonic, from 0 and ending at ``total``. SQLite reports
    progress only while it copies the tables into a new database (a quarter of the steps, shared among the
    tables by their rows and the size of their evidence files); copying that back over the file and writing
    it to the disk, most of the time, reports nothing, so the count rests at a quarter and then jumps to the
    end: a screen should show that it is still working (a busy indicator) rather than only the count.
    """
    connector = _CONNECTORS.get(engine)
    path = connector.path if connector is not None else Path("?")
    raw = engine.raw_connection()
    try:
        sqlite = _sqlite_of(raw, path)
        if sqlite.in_transaction:
            raise AuditFileError(path, "cannot be compacted while a change is being saved.")
        before = _file_bytes(sqlite)
        total = max(1, before // int(sqlite.execute("PRAGMA page_size").fetchone()[0]))
        _vacuum(sqlite, total, _segments(sqlite, total) if progress is not None else [], progress)
        after = _file_bytes(sqlite)
    except sqlite3.Error as exc:
        message = str(exc).lower()
        hint = (" There is not enough free disk space: compacting needs about twice the file's size free."
                if "full" in message else f" ({exc})")
        raise AuditFileError(path, "could not be compacted; it is unchanged." + hint) from exc
    finally:
        raw.close()
    _log.info("Compacted %s: %d bytes before, %d after", path, before, after)
    return CompactReport(before, after)


def _vacuum(sqlite: sqlite3.Connection, total: int, segments: list[tuple[int, float]],
            progress: Callable[[int, int], None] | None) -> None:
    if progress is None:
        sqlite.execute("VACUUM")
        return
    steps = sum(table_steps for table_steps, _ in segments)
    weight = sum(table_pages for _, table_pages in segments) or 1.0
    period = max(50, steps // 2000)  # a few thousand calls over the whole copy
    calls, shown_done = 0, 0

    def done_after(step: int) -> int:
        """Pages counted done after ``step`` steps of the copy: table by table, in proportion within one."""
        counted = 0.0
        for table_steps, table_pages in segments:
            if step < table_steps:
                counted += table_pages * step / table_steps
                break
            counted, step = counted + table_pages, step - table_steps
        return int(total * _COPY_SHARE * counted / weight)

    def handler() -> int:
        nonlocal calls, shown_done
        calls += 1
        done = min(total - 1, done_after(calls * period))
        if done > shown_done:
            shown_done = done
            progress(done, total)
        return 0  # never interrupts: a VACUUM cut short would only be rolled back

    progress(0, total)
    sqlite.set_progress_handler(handler, period)
    try:
        sqlite.execute("VACUUM")
    finally:
        sqlite.set_progress_handler(None, 0)
    progress(total, total)

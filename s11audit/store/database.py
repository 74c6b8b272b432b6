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
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

FILE_FORMAT = "s11audit-audit-file"
BUSY_TIMEOUT_MS = 1500


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
    """A kind of s11audit SQLite file: what users call it, its format mark and its migrations."""

    noun: str
    format: str
    migrations: Path


AUDIT_FILE = FileKind("audit file", FILE_FORMAT, Path(__file__).parent / "migrations")


def _alembic_config(kind: FileKind = AUDIT_FILE) -> Config:
    config = Config()
    config.set_main_option("script_location", str(kind.migrations))
    return config


def head_revision(kind: FileKind = AUDIT_FILE) -> str:
    return ScriptDirectory.from_config(_alembic_config(kind)).get_current_head() or ""


def known_revisions(kind: FileKind = AUDIT_FILE) -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config(kind)).walk_revisions()}


def _make_engine(path: Path, read_only: bool) -> Engine:
    uri = f"file:{path.as_posix()}?mode={'ro' if read_only else 'rw'}"
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None),
        poolclass=StaticPool,
    )

    @event.listens_for(engine, "connect")
    def _settings(dbapi_connection, _record):  # noqa: ANN001
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA foreign_keys=ON",
            f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
            "PRAGMA locking_mode=EXCLUSIVE",
            "PRAGMA synchronous=FULL",
        ):
            cursor.execute(pragma)
        if not read_only:
            cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):  # noqa: ANN001
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


def _claim(engine: Engine, path: Path, read_only: bool, kind: FileKind = AUDIT_FILE) -> None:
    """Take the file's lock for as long as it is open, or fail if someone else holds it."""
    try:
        raw = engine.raw_connection()
        try:
            sqlite = raw.driver_connection
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
        raw.driver_connection.backup(dest)
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
    engine = _make_engine(path, read_only)
    try:
        _claim(engine, path, read_only, kind)
        backup = _upgrade(engine, path, create, read_only, kind)
    except Exception:
        engine.dispose()
        raise
    return engine, backup


def _upgrade(engine: Engine, path: Path, create: bool, read_only: bool, kind: FileKind = AUDIT_FILE) -> Path | None:
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names())
    except (DBAPIError, sqlite3.Error) as exc:
        raise _explain(path, exc, kind) from exc
    if not create:
        if "file_info" not in tables or current is None:
            raise AuditFileError(path, f"is not an s11audit {kind.noun} (it is a database made by another program).")
        if not _format_matches(engine, kind):
            raise AuditFileError(path, f"is not an s11audit {kind.noun} (it is another kind of s11audit file).")
        if current not in known_revisions(kind):
            raise NewerFileError(path, f"was saved by a newer version of s11audit (file schema {current}). "
                                       "Install the latest s11audit to open it; this file has not been changed.")
    head = head_revision(kind)
    if current == head:
        return None
    if read_only:
        raise ReadOnlyError(path, "uses an older file format and must be upgraded, but it is read-only. "
                                  "Copy it somewhere you can write to, then open the copy.")
    backup = _backup(engine, path, current) if current else None
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


def _format_matches(engine: Engine, kind: FileKind) -> bool:
    """The file says it is of this kind (an audit file opened as a workspace is refused, and so on)."""
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT value FROM file_info WHERE key = 'format'")).scalar()
    except (DBAPIError, sqlite3.Error):
        return False
    return found == kind.format

"""Refusing to open a file changes nothing on disk: not a byte of it, and no file beside it.

Each kind of file that is not an openable audit file (or workspace) is refused with a message
naming it, and afterwards the file has the same size and SHA-256 and the folder holds no SQLite
-journal, -wal or -shm file.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from s11audit.business_unit.workspace import Workspace
from s11audit.store import AuditFile, AuditFileError, NewerFileError
from s11audit.store.database import SQLITE_HEADER

SIDECARS = ("-journal", "-wal", "-shm")


def _fingerprint(path: Path) -> tuple[int, str, set[str]]:
    return path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest(), {p.name for p in path.parent.iterdir()}


def _real_audit_bytes(tmp_path: Path) -> bytes:
    source = tmp_path / "source" / "real.s11audit"
    source.parent.mkdir()
    AuditFile.create(source, _organisation(), "u").close()
    return source.read_bytes()


def _organisation():
    from s11audit.store import OrganisationDetails
    return OrganisationDetails("Northfield Community Health NHS Trust", "RXY", "agency", "health")


def _empty(tmp_path, path):
    path.write_bytes(b"")


def _random_bytes(tmp_path, path):
    path.write_bytes(random.Random(11).randbytes(20_000))


def _text_file(tmp_path, path):
    path.write_text("Minutes of the safeguarding board\n" * 200, encoding="utf-8")


def _sqlite_header_then_junk(tmp_path, path):
    path.write_bytes(SQLITE_HEADER + random.Random(12).randbytes(8192))


def _truncated_audit_file(tmp_path, path):
    real = _real_audit_bytes(tmp_path)
    path.write_bytes(real[: len(real) // 2])


def _truncated_inside_the_header(tmp_path, path):
    path.write_bytes(_real_audit_bytes(tmp_path)[:60])


def _damaged_schema_page(tmp_path, path):
    # Page 1 after the header holds the list of tables; garbage there is "malformed" to SQLite.
    real = bytearray(_real_audit_bytes(tmp_path))
    real[100:4096] = random.Random(13).randbytes(3996)
    path.write_bytes(bytes(real))


def _another_programs_database(tmp_path, path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
        db.execute("INSERT INTO customers VALUES (1, 'Acme')")
    db.close()


def _another_programs_wal_database(tmp_path, path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE customers (id INTEGER)")
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for suffix in SIDECARS:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _workspace(tmp_path, path):
    Workspace.create(path, "u").close()


def _newer_schema(tmp_path, path):
    path.write_bytes(_real_audit_bytes(tmp_path))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    db.close()


def _without_organisation(tmp_path, path):
    path.write_bytes(_real_audit_bytes(tmp_path))
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM organisation")
    db.close()


KINDS = {
    "empty": (_empty, AuditFileError, "is empty: it is not an s11audit audit file"),
    "random bytes": (_random_bytes, AuditFileError, "is not an s11audit audit file"),
    "text file": (_text_file, AuditFileError, "is not an s11audit audit file"),
    "SQLite header then junk": (_sqlite_header_then_junk, AuditFileError, "not an s11audit audit file"),
    "truncated audit file": (_truncated_audit_file, AuditFileError, "damaged"),
    "truncated inside the header": (_truncated_inside_the_header, AuditFileError, "is not an s11audit audit file"),
    "damaged list of tables": (_damaged_schema_page, AuditFileError, "damaged"),
    "another program's database": (_another_programs_database, AuditFileError, "another program"),
    "another program's WAL database": (_another_programs_wal_database, AuditFileError, "another program"),
    "workspace opened as audit file": (_workspace, AuditFileError, "another kind of s11audit file"),
    "newer schema": (_newer_schema, NewerFileError, "newer version of s11audit"),
    # Refused after opening (by AuditFile.open), so this checks the read-write opening writes nothing.
    "audit file without an organisation": (_without_organisation, AuditFileError, "holds no organisation"),
}


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_refusal_leaves_the_file_as_it_was(tmp_path, kind, read_only):
    make, error, message = KINDS[kind]
    path = tmp_path / "audit" / "received.s11audit"
    path.parent.mkdir()
    make(tmp_path, path)
    before = _fingerprint(path)
    with pytest.raises(error, match=message) as caught:
        AuditFile.open(path, "u", read_only=read_only)
    assert caught.value.path == path and "received.s11audit" in str(caught.value)
    assert _fingerprint(path) == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(SIDECARS)]


@pytest.mark.parametrize("kind", ["empty", "text file", "truncated audit file", "another program's database"])
def test_refusal_as_a_workspace_leaves_the_file_as_it_was(tmp_path, kind):
    make, _, _ = KINDS[kind]
    path = tmp_path / "work" / "unit.s11workspace"
    path.parent.mkdir()
    make(tmp_path, path)
    before = _fingerprint(path)
    with pytest.raises(AuditFileError, match="not an s11audit business unit workspace") as caught:
        Workspace.open(path, "u")
    assert "unit.s11workspace" in str(caught.value)
    assert _fingerprint(path) == before


def test_audit_file_opened_as_workspace_is_left_alone(tmp_path):
    path = tmp_path / "work" / "agency.s11audit"
    path.parent.mkdir()
    path.write_bytes(_real_audit_bytes(tmp_path))
    before = _fingerprint(path)
    with pytest.raises(AuditFileError, match="another kind of s11audit file"):
        Workspace.open(path, "u")
    assert _fingerprint(path) == before


def test_a_good_file_still_opens_after_the_check(tmp_path):
    path = tmp_path / "good.s11audit"
    path.write_bytes(_real_audit_bytes(tmp_path))
    with AuditFile.open(path, "u") as audit_file:
        assert audit_file.organisation().reference == "RXY"


@pytest.mark.parametrize("name", ["Audit #2.s11audit", "100%41 done.s11audit", pytest.param(
    "what?.s11audit", marks=pytest.mark.skipif(sys.platform == "win32", reason="Windows names cannot hold '?'"))])
def test_a_name_a_uri_would_misread_opens_that_file_and_no_other(tmp_path, name):
    """'#', '?' and '%' end or escape a URI: unquoted, SQLite opened (and filled) a file called 'Audit '."""
    folder = tmp_path / "named"
    folder.mkdir()
    AuditFile.create(folder / name, _organisation(), "u").close()
    with AuditFile.open(folder / name, "u") as audit_file:
        assert audit_file.organisation().reference == "RXY"
    assert [p.name for p in folder.iterdir()] == [name]


INTERRUPTED_CHANGE = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size=1")  # so the change spills into the file before it is committed
db.execute("BEGIN")
db.execute("CREATE TABLE half_done (x)")
db.execute("INSERT INTO half_done SELECT randomblob(1000) FROM (WITH RECURSIVE n(i) AS "
           "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i FROM n)")
os._exit(0)  # a crash: the change is neither committed nor rolled back
"""


def _claim_a_bigger_size(path: Path) -> None:
    """As if the crash came after the header said the file grew but before the new pages were written."""
    with open(path, "r+b") as file:
        header = bytearray(file.read(100))
        header[28:32] = (10**6).to_bytes(4, "big")  # pages
        header[92:96] = header[24:28]  # the page count is current
        file.seek(0)
        file.write(header)


@pytest.mark.parametrize("header_grown", [False, True], ids=["file grown", "header says grown"])
def test_a_change_cut_short_by_a_crash_is_still_rolled_back_on_opening(tmp_path, header_grown):
    """The check before opening cannot roll back (it never writes); the opening after it does."""
    path = tmp_path / "crashed.s11audit"
    path.write_bytes(_real_audit_bytes(tmp_path))
    subprocess.run([sys.executable, "-c", INTERRUPTED_CHANGE, str(path)], check=True, timeout=60)
    assert Path(f"{path}-journal").exists()
    if header_grown:
        _claim_a_bigger_size(path)
    with AuditFile.open(path, "u") as audit_file:
        assert audit_file.organisation().reference == "RXY"
    assert not Path(f"{path}-journal").exists()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()

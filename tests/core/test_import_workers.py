"""Examining an import's files on worker processes (issue 12, ``import_workers.py``): the same outcomes and
stored rows as in process, a fault in a worker fails only its file, cancelling leaves whole returns, and
duplicates within a batch are found whichever process examined them. The pool is forced on small batches."""

from __future__ import annotations

import datetime as dt
import json
import logging
import multiprocessing
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit import import_workers
from s11audit.business_unit.importing import (DUPLICATE, FAILED, IMPORTED, KEY_PENDING_OUTCOME, OLDER, REJECTED,
                                              STORED, UNMATCHED, import_returns)
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.returns import generate_private_key
from tests.core import import_worker_faults

FILES = 12
ROOT = Path(__file__).resolve().parents[2]


def _organisation(n: int) -> Organisation:
    return Organisation(f"School {n}", f"URN 4{n:05d}", "Education", "primary", "DSL", "d@x")


def _rezipped(path, out):
    """The same signed return in other ZIP bytes (another compression level): same content, other SHA-256."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info), compress_type=info.compress_type, compresslevel=1)
    return out


@pytest.fixture
def inbox(tmp_path, s175_set):
    """A folder of returns with every outcome: imported, older, unmatched, key pending, rejected,
    duplicates of the same file and of the same content in other bytes, all in one batch."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n in range(FILES):
        write_one(folder, s175_set, _organisation(n), with_evidence=n % 4 == 0)
    write_one(folder, s175_set, _organisation(1), audit_version=2)  # newer: the v1 becomes superseded
    write_one(folder, s175_set, _organisation(2), audit_version=2, key=generate_private_key())  # another key
    # v1 after it: older
    write_one(folder, s175_set, _organisation(4), audit_version=2, file_name="URN-400004-a-v2.s11return")
    (folder / "URN-400003-v1_copy.s11return").write_bytes((folder / "URN-400003-v1.s11return").read_bytes())
    _rezipped(folder / "URN-400005-v1.s11return", folder / "URN-400005-v1_rezipped.s11return")
    (folder / "zz-junk.s11return").write_bytes(b"not a return")
    return folder


def _workspace(path, s175_set):
    with Workspace.create(path, user="Business Unit") as workspace:
        cycle = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        workspace.add_organisations(cycle.id, [OrganisationEntry(_organisation(n).name, _organisation(n).reference)
                                               for n in range(0, FILES - 2)])  # the last two are unmatched
    return path


def _import(path, folder, **kwargs):
    with Workspace.open(path, user="Business Unit") as workspace:
        return import_returns(workspace, "2026/27", [folder], **kwargs)


def _rows(path):
    """Everything the import stored, without the times and the batch id."""
    db = sqlite3.connect(path)
    try:
        returns = db.execute("SELECT id, organisation_id, sha256, content_id, file_name, reference, name, "
                             "key_fingerprint, audit_version, signed_at, state, content, findings_content "
                             "FROM imported_return ORDER BY id").fetchall()
        evidence = db.execute("SELECT return_id, evidence_id, sha256, length(data) FROM return_evidence "
                              "ORDER BY id").fetchall()
        keys = db.execute("SELECT reference, key_fingerprint FROM known_key ORDER BY id").fetchall()
        log = db.execute("SELECT file_name, sha256, reference, outcome, reason, return_id FROM import_log "
                         "ORDER BY id").fetchall()
        return returns, evidence, keys, log
    finally:
        db.close()


def _outcomes(report, folder):
    return [(f.path.relative_to(folder).as_posix(), f.outcome, f.reason, f.reference, f.return_id)
            for f in report.files]


@pytest.fixture
def on_workers(monkeypatch):
    """Every batch goes through the pool (one worker, or the count a test sets)."""
    monkeypatch.setattr(import_workers, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(import_workers, "worker_count", lambda: 1)


@pytest.fixture
def only_workers(on_workers, monkeypatch):
    """The importing process examines nothing itself while it waits: every file goes through a worker."""
    monkeypatch.setattr(import_workers.OnWorkers, "_examine_from_the_end", lambda self: False)


def test_the_pool_gives_the_same_outcomes_and_rows_as_in_process(tmp_path, s175_set, inbox, monkeypatch, caplog):
    with monkeypatch.context() as in_process_only:
        in_process_only.setattr(import_workers, "OnWorkers", None)  # would fail if used
        in_process = _import(_workspace(tmp_path / "in-process.s11workspace", s175_set), inbox)
    monkeypatch.setattr(import_workers, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(import_workers, "worker_count", lambda: 1)
    monkeypatch.setattr(import_workers.OnWorkers, "_examine_from_the_end", lambda self: False)  # all on the worker
    with caplog.at_level(logging.INFO, logger="s11audit.business_unit.import_workers"):
        pooled = _import(_workspace(tmp_path / "pooled.s11workspace", s175_set), inbox)
    assert "on 1 worker processes" in caplog.text
    assert _outcomes(pooled, inbox) == _outcomes(in_process, inbox)
    assert {f.outcome for f in pooled.files} == {IMPORTED, OLDER, UNMATCHED, KEY_PENDING_OUTCOME, DUPLICATE, REJECTED}
    assert _rows(tmp_path / "pooled.s11workspace") == _rows(tmp_path / "in-process.s11workspace")
    assert multiprocessing.active_children() == []  # the workers have stopped


def test_duplicates_within_a_batch_are_found_whichever_worker_examined_them(tmp_path, s175_set, inbox,
                                                                           only_workers, monkeypatch):
    monkeypatch.setattr(import_workers, "worker_count", lambda: 2)
    path = _workspace(tmp_path / "unit.s11workspace", s175_set)
    report = _import(path, inbox)
    outcome = {f.path.name: f for f in report.files}
    first, copy = outcome["URN-400003-v1.s11return"], outcome["URN-400003-v1_copy.s11return"]
    assert (first.outcome, copy.outcome) == (IMPORTED, DUPLICATE) and copy.return_id == first.return_id
    assert "the same file" in copy.reason
    first, other_bytes = outcome["URN-400005-v1.s11return"], outcome["URN-400005-v1_rezipped.s11return"]
    assert (first.outcome, other_bytes.outcome) == (IMPORTED, DUPLICATE) and other_bytes.return_id == first.return_id
    assert "the same signed return (in another file)" in other_bytes.reason
    returns, _, _, _ = _rows(path)
    assert len(returns) == len({row[3] for row in returns}) == report.count(IMPORTED) + report.count(OLDER) + \
        report.count(UNMATCHED) + report.count(KEY_PENDING_OUTCOME)
    # imported again: every file is a duplicate now (the workers are told what the cycle holds)
    again = _import(path, inbox)
    assert {f.outcome for f in again.files} == {DUPLICATE, REJECTED}


def test_a_fault_in_a_worker_fails_only_that_file_and_the_batch_goes_on(tmp_path, s175_set, inbox, only_workers,
                                                                       monkeypatch, caplog):
    (inbox / "URN-400007-v1.s11return").rename(inbox / "URN-400007-v1-explode.s11return")
    monkeypatch.setattr(import_workers, "_examine", import_worker_faults.examine)
    with caplog.at_level(logging.ERROR):
        report = _import(_workspace(tmp_path / "unit.s11workspace", s175_set), inbox)
    assert len(report.files) == report.total and not report.stopped
    [failed] = [f for f in report.files if f.outcome == FAILED]
    assert failed.path.name == "URN-400007-v1-explode.s11return"
    assert "fault in s11audit itself (TypeError)" in failed.reason
    assert "import worker process" in caplog.text and "TypeError" in caplog.text  # the worker's traceback
    assert report.count(IMPORTED) + report.count(OLDER) + report.count(UNMATCHED) + \
        report.count(KEY_PENDING_OUTCOME) == FILES + 2  # every other return was stored


def test_cancelling_through_the_pool_stops_and_leaves_whole_returns(tmp_path, s175_set, inbox, on_workers):
    path = _workspace(tmp_path / "unit.s11workspace", s175_set)
    done = []
    report = _import(path, inbox, progress=lambda n, total, name: done.append(n), cancelled=lambda: len(done) >= 6)
    assert report.cancelled and len(report.files) == 6 and done == [1, 2, 3, 4, 5, 6]
    assert multiprocessing.active_children() == []  # the pool was shut down
    returns, evidence, keys, log = _rows(path)
    stored = [f for f in report.files if f.outcome in STORED]
    assert sorted(r[0] for r in returns) == sorted(f.return_id for f in stored)
    assert len(log) == 6  # each file's entry, nothing of the rest
    for row in returns:  # each stored return has all its evidence
        assert sum(e[0] == row[0] for e in evidence) == len(json.loads(row[11])["evidence"])
    assert len(keys) == len({r[5] for r in returns})


def test_a_pool_that_cannot_start_leaves_the_batch_to_this_process(tmp_path, s175_set, inbox, on_workers,
                                                                   monkeypatch, caplog):
    class NoProcesses(import_workers.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            raise PermissionError("no permission to start processes")

    monkeypatch.setattr(import_workers, "ProcessPoolExecutor", NoProcesses)
    with caplog.at_level(logging.WARNING):
        report = _import(_workspace(tmp_path / "unit.s11workspace", s175_set), inbox)
    assert "worker processes could not be started" in caplog.text
    assert len(report.files) == report.total and not report.count(FAILED)


def test_a_worker_imports_no_database_code():
    """A worker's start is its imports: the checks need neither SQLAlchemy nor Alembic (0.9 s a worker)."""
    code = ("import json, sys\n"
            "from s11audit.business_unit import import_workers as w\n"
            "from s11audit.standards import discover\n"
            "s = discover().find('s175-kcsie2025')\n"
            "w._start(w.CycleSet('2026/27', s.id, s.version, s.content_hash, json.dumps(s.content)), frozenset())\n"
            "print(sorted(m for m in ('sqlalchemy', 'alembic', 's11audit.store.models') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"

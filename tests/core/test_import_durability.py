"""Importing in batches: a kill -9 mid-import leaves every return whole or absent and the log as stored;
a batch that cannot be committed fails its files in the report; caches kept over a batch stay right."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit import importing
from s11audit.business_unit.importing import (DUPLICATE, FAILED, IMPORTED, KEY_PENDING_OUTCOME, OLDER, REJECTED,
                                              STORED, UNMATCHED, import_returns)
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.returns import generate_private_key

FILES = 24
CHILD = """
import sys, time
from s11audit.business_unit import importing
importing.BATCH_FILES = 5
from s11audit.business_unit.workspace import Workspace

def progress(done, total, name):
    if done == 3:
        print("IMPORTING", flush=True)
    time.sleep(0.03)  # so the kill lands with some batches committed and others not

with Workspace.open(sys.argv[1], user="child") as workspace:
    importing.import_returns(workspace, "2026/27", [sys.argv[2]], progress=progress)
print("FINISHED", flush=True)
"""


def _organisation(n: int) -> Organisation:
    return Organisation(f"School {n}", f"URN 3{n:05d}", "Education", "primary", "DSL", "d@x")


@pytest.fixture
def inbox(tmp_path, s175_set):
    """A workspace whose register has half the organisations, and a folder of returns for all of them."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, user="Business Unit") as workspace:
        cycle = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        workspace.add_organisations(cycle.id, [OrganisationEntry(_organisation(n).name, _organisation(n).reference)
                                               for n in range(0, FILES, 2)])
    for n in range(FILES - 2):
        write_one(folder, s175_set, _organisation(n), with_evidence=n % 3 == 0)
    (folder / "zz-junk.s11return").write_bytes(b"not a return")
    write_one(folder, s175_set, _organisation(0), audit_version=2, key=generate_private_key())  # a key change
    return path, folder


def _check_whole(path):
    """Every stored return has all its evidence, its known key and exactly one log entry; no entry points nowhere."""
    db = sqlite3.connect(path)
    try:
        returns = db.execute("SELECT id, content, state FROM imported_return").fetchall()
        for return_id, content, _ in returns:
            evidence = db.execute("SELECT count(*) FROM return_evidence WHERE return_id = ?", (return_id,)).fetchone()
            assert evidence[0] == len(json.loads(content)["evidence"])
            logged = db.execute("SELECT outcome FROM import_log WHERE return_id = ? AND outcome != 'duplicate'",
                                (return_id,)).fetchall()
            assert len(logged) == 1 and logged[0][0] in STORED
        stored = {row[0] for row in returns}
        pointed = {row[0] for row in db.execute("SELECT return_id FROM import_log WHERE return_id IS NOT NULL")}
        assert pointed == stored
        keys = db.execute("SELECT count(DISTINCT reference) FROM known_key").fetchone()[0]
        references = db.execute("SELECT count(DISTINCT reference) FROM imported_return").fetchone()[0]
        assert keys == references
        current = db.execute("SELECT organisation_id, count(*) FROM imported_return WHERE state = 'current' "
                             "GROUP BY organisation_id").fetchall()
        assert all(count == 1 for _, count in current)
        return len(returns), db.execute("SELECT count(*) FROM import_log").fetchone()[0]
    finally:
        db.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_mid_import_leaves_each_return_whole_or_absent(inbox):
    path, folder = inbox
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(folder)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "IMPORTING"
        try:
            child.wait(timeout=0.25)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    stored, logged = _check_whole(path)
    assert 0 < stored < FILES - 1 and logged >= stored
    # Nothing half-done blocks the next import: every file is now stored, a duplicate or refused.
    with Workspace.open(path, user="Business Unit") as workspace:
        report = import_returns(workspace, "2026/27", [folder])
    assert report.count(DUPLICATE) == stored and report.count(REJECTED) == 1 and not report.stopped
    assert _check_whole(path)[0] == FILES - 1


def test_outcomes_within_one_batch_see_the_returns_stored_before_them(tmp_path, s175_set):
    """Known keys, current returns and duplicates are kept in memory over a batch: each file still sees the last."""
    out = tmp_path / "returns"
    out.mkdir()
    school = _organisation(1)
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as workspace:
        cycle = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        workspace.add_organisation(cycle.id, OrganisationEntry(school.name, school.reference))
        v1 = write_one(out, s175_set, school, audit_version=1)
        v3 = write_one(out, s175_set, school, audit_version=3)
        v2 = write_one(out, s175_set, school, audit_version=2)
        other_key = write_one(out, s175_set, school, audit_version=4, key=generate_private_key())
        stranger = write_one(out, s175_set, _organisation(2))
        report = import_returns(workspace, cycle, [v1, v3, v2, v1, other_key, stranger])
        assert [f.outcome for f in report.files] == [IMPORTED, IMPORTED, OLDER, DUPLICATE, KEY_PENDING_OUTCOME,
                                                     UNMATCHED]
        states = {r.file_name: r.state for r in workspace.returns(cycle.id)}
        assert states == {v1.name: "superseded", v3.name: "current", v2.name: "superseded",
                          other_key.name: "key_pending", stranger.name: "unmatched"}
        assert len(workspace.import_log(batch=report.batch)) == 6
        # The next import starts from what is stored.
        again = import_returns(workspace, cycle, [v2, write_one(out, s175_set, school, audit_version=5)])
        assert [f.outcome for f in again.files] == [DUPLICATE, IMPORTED]


def test_a_batch_that_cannot_be_committed_fails_its_files(tmp_path, s175_set, monkeypatch):
    out = tmp_path / "returns"
    out.mkdir()
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as workspace:
        cycle = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        files = [write_one(out, s175_set, _organisation(n)) for n in range(5)]
        monkeypatch.setattr(importing, "BATCH_FILES", 3)
        commit = workspace.session.commit
        commits = []

        def second_commit_fails():
            commits.append(1)
            if len(commits) == 2:
                raise sqlite3.OperationalError("database or disk is full")
            commit()

        monkeypatch.setattr(workspace.session, "commit", second_commit_fails)
        report = import_returns(workspace, cycle, files)
        monkeypatch.undo()
        assert [f.outcome for f in report.files] == [UNMATCHED] * 3 + [FAILED] * 2
        assert "disk is full" in report.stopped and "could not be saved" in report.files[3].reason
        assert len(workspace.returns(cycle.id)) == 3 and len(workspace.import_log(batch=report.batch)) == 3

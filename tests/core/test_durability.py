"""An edit survives the process being killed the moment the edit call returns."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from s11audit.store import AuditFile

CHILD = """
import sys, time
from s11audit.standards import discover
from s11audit.store import AuditFile
audit_file = AuditFile.open(sys.argv[1], "child")
assessment = audit_file.latest_assessment()
assessment.set_narrative("1", "Written just before the crash")
assessment.set_grade("1", "blue")
print("EDITED", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_edit_survives_sigkill(agency_file, s11_set):
    agency_file.start_audit(s11_set, "2026/27")
    path = agency_file.path
    agency_file.close()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "EDITED"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with AuditFile.open(path, "parent") as reopened:
        response = reopened.latest_assessment().response("1")
        assert (response.narrative, response.grade) == ("Written just before the crash", "blue")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()

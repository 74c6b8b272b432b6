"""The log file and ``-v``: the command line says what it does on stderr when asked, always writes it
to the log file in the user's data folder (named in ``--help``), and never logs what the user wrote."""

from __future__ import annotations

import logging
import sys

import pytest

from s11audit.cli import main
from s11audit.logs import log_path, no_stream_is_none, start_logging
from s11audit.sample import make_sample
from s11audit.store import AuditFile


@pytest.fixture(autouse=True)
def quiet_afterwards():
    yield
    start_logging(0)  # later tests get the plain set-up: no stderr handler, INFO to the file


def log_text() -> str:
    return log_path().read_text(encoding="utf-8") if log_path().exists() else ""


def test_help_names_the_log_file(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--help"])
    assert ended.value.code == 0
    out = capsys.readouterr().out
    assert f"Log file: {log_path()}" in out
    assert "-v, --verbose" in out


def test_verbose_prints_info_on_stderr_and_the_log_keeps_it_either_way(capsys, tmp_path):
    first, second = tmp_path / "a.s11workspace", tmp_path / "b.s11workspace"
    assert main(["-v", "workspace", "new", str(first)]) == 0
    err = capsys.readouterr().err
    assert f"INFO s11audit.store.database: Created the business unit workspace {first}" in err.splitlines()

    assert main(["workspace", "new", str(second)]) == 0
    assert "INFO" not in capsys.readouterr().err  # quiet without -v ...
    logged = log_text()
    assert f"INFO s11audit.store.database [MainThread]: Created the business unit workspace {first}" in logged
    assert f"Created the business unit workspace {second}" in logged  # ... but in the log all the same


def test_verbose_after_the_command_and_twice_for_detail(capsys, tmp_path):
    workspace = tmp_path / "unit.s11workspace"
    assert main(["workspace", "new", str(workspace)]) == 0
    assert main(["cycle", "add", str(workspace), "--name", "2026/27", "--set", "s11-wt2023",
                 "--due", "2027-03-31"]) == 0
    empty = tmp_path / "no returns here"
    empty.mkdir()
    capsys.readouterr()
    assert main(["import", str(empty), "--into", str(workspace), "--cycle", "2026/27", "-vv"]) == 2
    err = capsys.readouterr().err
    assert "DEBUG s11audit.cli: s11audit" in err  # -vv: the details too
    started = [line for line in err.splitlines() if "Import batch" in line]
    assert len(started) == 2
    assert started[0].startswith("INFO s11audit.business_unit.importing: Import batch ")
    assert started[0].endswith(f"into cycle 2026/27 of {workspace} started: 0 files")
    assert started[1].endswith("ended: 0 of 0 files done (none)")
    assert "Import batch" in log_text() and "DEBUG s11audit.cli" in log_text()


def test_an_export_is_logged_with_paths_not_with_what_the_audit_says(capsys, tmp_path, s11_set):
    audit = make_sample(tmp_path / "agency.s11audit", s11_set, signed=True)
    returned = tmp_path / "agency.s11return"
    assert main(["-v", "export", str(audit), "--return", str(returned)]) == 0
    assert f"Export of {audit} written: {returned}" in capsys.readouterr().err
    with AuditFile.open(audit, user="test", read_only=True) as audit_file:
        narratives = [r.narrative for r in audit_file.latest_assessment().responses().values() if r.narrative]
        organisation = audit_file.organisation().name
    logged = log_text()
    assert f"Opened the audit file {audit} (read-only)" in logged and f"Export of {audit} written" in logged
    assert narratives and not [n for n in narratives if n in logged]
    assert organisation not in logged


def test_an_unexpected_error_in_a_command_is_logged_in_full(capsys, tmp_path, monkeypatch):
    from s11audit import returns

    def broken(path, *args, **kwargs):
        raise ZeroDivisionError("a fault of s11audit")

    monkeypatch.setattr(returns, "verify_return", broken)
    with pytest.raises(ZeroDivisionError):
        main(["verify", str(tmp_path / "x.s11return")])
    logged = log_text()
    assert "CRITICAL s11audit.crash [MainThread]: Unexpected error (command verify)" in logged
    assert "Traceback (most recent call last)" in logged and "ZeroDivisionError: a fault of s11audit" in logged


def test_no_stderr_at_all_breaks_nothing(monkeypatch, tmp_path):
    """The windowed build: sys.stderr and sys.stdout are None."""
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    start_logging(2)
    logging.getLogger("s11audit.test").info("said to no stderr")
    logging.getLogger("s11audit.test").error("an error with nowhere to print it")
    logging.lastResort.handle(logging.makeLogRecord({"msg": "last resort with no stderr"}))
    assert "said to no stderr" in log_text()
    no_stream_is_none()
    print("goes nowhere")
    sys.stderr.write("goes nowhere either\n")
    assert sys.stderr is not None and sys.stdout is not None
    sys.stderr.close()
    sys.stdout.close()

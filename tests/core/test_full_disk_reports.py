"""A workbook written to a full disk: one clear message naming the file, nothing left behind, no noise.

``Workbook.save(path)`` used to leave its ``zipfile.ZipFile`` open when the disk filled up, so Python
later printed "Exception ignored in: <function ZipFile.__del__ ...> OSError: [Errno 28] No space
left on device" under our own message. A full disk is simulated for one folder: every file opened
for writing there refuses to take bytes, as the operating system does when the disk is full.
"""

from __future__ import annotations

import builtins
import errno
import gc
import io
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.tracking import write_chase_list
from s11audit.cli import main
from s11audit.reports import ReportError
from s11audit.reports.atomic import save_workbook
from s11audit.reports.findings_xlsx import write_findings_xlsx
from s11audit.reports.peer_audit_data import PeerEvent
from s11audit.reports.peer_outcomes_xlsx import write_outcomes_xlsx
from s11audit.reports.xlsx import write_action_plan_xlsx
from s11audit.sample import make_sample
from s11audit.store import AuditFile
from tests.core.test_findings import TODAY, make_set, records
from tests.core.test_peer_reports import DAY, GOOD, SCALE, STANDARDS, _outcome

FULL = "No space left on device"


class _FullDiskFile(io.FileIO):
    """A file on a full disk: it opens, but no byte can be written to it."""

    def write(self, data):
        raise OSError(errno.ENOSPC, FULL)


def _fill(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """From now on the disk under ``folder`` is full: files opened there for writing take no bytes."""
    real_open = io.open

    def opening(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file).parent == folder and set(mode) & set("wax+"):
            return _FullDiskFile(file, mode.replace("b", "").replace("t", ""))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", opening)  # zipfile and pathlib open through io.open
    monkeypatch.setattr(builtins, "open", opening)
    return folder


@pytest.fixture
def unraisable(monkeypatch):
    """What Python would print as "Exception ignored in: ...", collected here instead of printed."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda info: seen.append(f"{info.object!r}: {info.exc_value!r}"))
    return seen


@pytest.fixture
def full(tmp_path, monkeypatch):
    folder = tmp_path / "full"
    folder.mkdir()
    return _fill(monkeypatch, folder)


def _nothing_else_happened(folder: Path, unraisable: list[str], kept: tuple[str, ...] = ()) -> None:
    gc.collect()  # an unclosed ZipFile would be finalised here and try to write to the disk again
    assert unraisable == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(kept)  # no partial or temporary file


def test_the_simulated_full_disk_catches_a_plain_save(full, unraisable):
    """The tests below can fail: a plain ``Workbook.save(path)`` to this disk leaves the noise."""
    with pytest.raises(OSError, match=FULL):
        Workbook().save(full / "plain.xlsx")
    gc.collect()
    assert any("ZipFile" in entry and "No space left" in entry for entry in unraisable)
    unraisable.clear()


def test_save_workbook_to_a_full_disk(full, unraisable):
    workbook = Workbook()
    workbook.active["A1"] = "x" * 100_000  # more than one write's worth
    with pytest.raises(ReportError, match=FULL) as caught:
        save_workbook(workbook, full / "plan.xlsx")
    assert str(full / "plan.xlsx") in str(caught.value)
    del workbook
    _nothing_else_happened(full, unraisable)


def test_a_full_disk_leaves_the_previous_file_as_it_was(tmp_path, monkeypatch, unraisable):
    old = tmp_path / "plan.xlsx"
    save_workbook(Workbook(), old)
    before = old.read_bytes()
    _fill(monkeypatch, tmp_path)
    with pytest.raises(ReportError, match=r"plan\.xlsx"):
        save_workbook(Workbook(), old)
    assert old.read_bytes() == before
    _nothing_else_happened(tmp_path, unraisable, kept=("plan.xlsx",))


def _action_plan(tmp_path: Path, shipped_sets, out: Path) -> None:
    path = make_sample(tmp_path / "sample.s11audit", shipped_sets["s11-wt2023"])
    with AuditFile.open(path, "u", read_only=True) as audit_file:
        write_action_plan_xlsx(audit_file.latest_assessment(), audit_file.organisation(), out)


def _findings(tmp_path: Path, shipped_sets, out: Path) -> None:
    findings = compute_findings(make_set(), records(), expected=5, reference_date=TODAY)
    write_findings_xlsx(findings, make_set(), records(), out, partnership="Northshire SCP")


def _peer_outcomes(tmp_path: Path, shipped_sets, out: Path) -> None:
    event = PeerEvent("Peer audit day", DAY, "Midshire SCP", STANDARDS, SCALE)
    write_outcomes_xlsx(event, [_outcome(("Midshire Police", "Police", 1), "s2", GOOD, "met")], out)


def _chase_list(tmp_path: Path, shipped_sets, out: Path) -> None:
    write_chase_list([], out)


@pytest.mark.parametrize("write", [_action_plan, _findings, _peer_outcomes, _chase_list],
                         ids=["action plan", "findings", "peer outcomes", "chase list"])
def test_every_workbook_report_to_a_full_disk(tmp_path, shipped_sets, monkeypatch, unraisable, write):
    folder = tmp_path / "out"
    folder.mkdir()
    _fill(monkeypatch, folder)
    with pytest.raises(ReportError, match=FULL) as caught:
        write(tmp_path, shipped_sets, folder / "report.xlsx")
    assert str(folder / "report.xlsx") in str(caught.value)
    _nothing_else_happened(folder, unraisable)


def test_cli_export_to_a_full_disk(tmp_path, monkeypatch, capsys, unraisable):
    audit = tmp_path / "school.s11audit"
    assert main(["sample", "--signed", "--set", "s175-kcsie2025", str(audit)]) == 0
    returns = tmp_path / "returns"
    returns.mkdir()
    folder = tmp_path / "full"
    folder.mkdir()
    _fill(monkeypatch, folder)
    capsys.readouterr()
    code = main(["export", str(audit), "--return", str(returns / "school.s11return"),
                 "--xlsx", str(folder / "plan.xlsx")])
    gc.collect()
    err = capsys.readouterr().err
    assert code == 2
    assert str(folder / "plan.xlsx") in err and FULL in err
    assert "Exception ignored" not in err and "Traceback" not in err
    _nothing_else_happened(folder, unraisable)

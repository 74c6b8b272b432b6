"""Importing signed returns into a workspace cycle, and the import/cycle/workspace commands."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import zipfile

import pytest

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit.importing import (DUPLICATE, FAILED, IMPORTED, KEY_PENDING_OUTCOME, OLDER, REJECTED,
                                              UNMATCHED, import_returns)
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.cli import main
from s11audit.returns import generate_private_key, verify_return

DUE = dt.date(2027, 3, 31)
SCHOOL = Organisation("St Aidan's CE Primary School", "URN 124578", "Education", "primary", "Helen Morris",
                      "dsl@staidans.example.sch.uk")
OTHER = Organisation("Brookhurst Academy", "URN 200001", "Education", "secondary", "Mark Ellis",
                     "dsl@brookhurst.example")


@pytest.fixture
def workspace(tmp_path, s175_set):
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as opened:
        cycle = opened.add_cycle("2026/27", s175_set, DUE)
        opened.add_organisation(cycle.id, OrganisationEntry(SCHOOL.name, "urn  124578", "Education", "primary"))
        yield opened


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "returns"
    folder.mkdir()
    return folder


def _states(workspace):
    return {(r.file_name, r.state) for r in workspace.returns(workspace.cycle("2026/27").id)}


def test_a_valid_return_is_imported_and_matched_by_reference(workspace, out, s175_set):
    path = write_one(out, s175_set, SCHOOL)
    report = import_returns(workspace, "2026/27", [path])
    [outcome] = report.files
    assert outcome.outcome == IMPORTED and outcome.reference == "URN 124578"
    [row] = workspace.returns(workspace.cycle("2026/27").id)
    assert row.state == "current" and row.organisation_id is not None
    assert row.key_fingerprint == verify_return(path).fingerprint
    assert workspace.return_content(row.id)["organisation"]["name"] == SCHOOL.name
    assert workspace.known_key(workspace.cycle("2026/27").id, SCHOOL.reference) == row.key_fingerprint
    [log] = workspace.import_log(batch=report.batch)
    assert (log.outcome, log.return_id) == (IMPORTED, row.id)


def test_not_a_zip_and_tampered_returns_are_rejected_with_reasons(workspace, out, s175_set):
    junk = out / "junk.s11return"
    junk.write_bytes(b"this is not a zip")
    good = write_one(out, s175_set, SCHOOL)
    tampered = out / "tampered.s11return"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "return.json":
                data = data.replace(b'"audit_version": 1', b'"audit_version": 7')
            target.writestr(info, data)
    good.unlink()
    report = import_returns(workspace, "2026/27", [out])
    reasons = {o.path.name: (o.outcome, o.reason) for o in report.files}
    assert reasons["junk.s11return"][0] == REJECTED and "not a ZIP archive" in reasons["junk.s11return"][1]
    assert reasons["tampered.s11return"][0] == REJECTED
    assert "return.json has changed" in reasons["tampered.s11return"][1]
    assert workspace.returns(workspace.cycle("2026/27").id) == []
    assert {e.outcome for e in workspace.import_log()} == {REJECTED}


def test_a_return_for_another_standards_set_or_version_is_rejected(workspace, out, s11_set, s175_set):
    agency = Organisation("Northfield Trust", "URN 124578", "Health", "health", "", "")
    wrong_set = write_one(out, s11_set, agency, file_name="agency.s11return")
    other_version = dataclasses.replace(s175_set, version="2025.9", content_hash="f" * 64)
    wrong_version = write_one(out, other_version, SCHOOL, file_name="old.s11return")
    report = import_returns(workspace, "2026/27", [wrong_set, wrong_version])
    first, second = report.files
    assert first.outcome == REJECTED and "'s11-wt2023'" in first.reason and "s175-kcsie2025" in first.reason
    assert second.outcome == REJECTED and "different version" in second.reason and "2025.9" in second.reason


def test_an_identical_reimport_is_a_duplicate_and_changes_nothing(workspace, out, s175_set):
    path = write_one(out, s175_set, SCHOOL)
    import_returns(workspace, "2026/27", [path])
    before = workspace.returns(workspace.cycle("2026/27").id)
    report = import_returns(workspace, "2026/27", [path])
    assert [o.outcome for o in report.files] == [DUPLICATE]
    assert workspace.returns(workspace.cycle("2026/27").id) == before


def test_a_newer_return_supersedes_and_an_older_one_is_kept_as_superseded(workspace, out, s175_set):
    v1 = write_one(out, s175_set, SCHOOL, audit_version=1)
    v2 = write_one(out, s175_set, SCHOOL, audit_version=2)
    assert [o.outcome for o in import_returns(workspace, "2026/27", [v1, v2]).files] == [IMPORTED, IMPORTED]
    assert _states(workspace) == {(v1.name, "superseded"), (v2.name, "current")}


def test_an_older_return_after_a_newer_one_stays_superseded(workspace, out, s175_set):
    v1 = write_one(out, s175_set, SCHOOL, audit_version=1)
    v2 = write_one(out, s175_set, SCHOOL, audit_version=2)
    report = import_returns(workspace, "2026/27", [v2, v1])
    assert [o.outcome for o in report.files] == [IMPORTED, OLDER]
    assert _states(workspace) == {(v1.name, "superseded"), (v2.name, "current")}


def test_same_version_signed_later_supersedes(workspace, out, s175_set):
    early = write_one(out, s175_set, SCHOOL, signed_at=dt.datetime(2027, 2, 1, 9), file_name="early.s11return")
    late = write_one(out, s175_set, SCHOOL, signed_at=dt.datetime(2027, 2, 9, 9), file_name="late.s11return")
    import_returns(workspace, "2026/27", [late, early])
    assert _states(workspace) == {("early.s11return", "superseded"), ("late.s11return", "current")}


def test_an_unmatched_return_waits_then_is_matched_by_hand(workspace, out, s175_set):
    path = write_one(out, s175_set, OTHER)
    [outcome] = import_returns(workspace, "2026/27", [path]).files
    assert outcome.outcome == UNMATCHED and "URN 200001" in outcome.reason
    cycle = workspace.cycle("2026/27")
    organisation = workspace.add_organisation(cycle.id, OrganisationEntry("Brookhurst (typed differently)", "URN 999"))
    matched = workspace.match_return(outcome.return_id, organisation.id)
    assert (matched.state, matched.organisation_id) == ("current", organisation.id)


def test_registering_an_organisation_later_matches_its_waiting_return(workspace, out, s175_set):
    [outcome] = import_returns(workspace, "2026/27", [write_one(out, s175_set, OTHER)]).files
    cycle = workspace.cycle("2026/27")
    workspace.add_organisation(cycle.id, OrganisationEntry(OTHER.name, OTHER.reference))
    assert workspace.return_row(outcome.return_id).state == "current"


@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_a_return_signed_by_another_key_waits_for_a_decision(workspace, out, s175_set, decision):
    v1 = write_one(out, s175_set, SCHOOL, audit_version=1)
    v2 = write_one(out, s175_set, SCHOOL, audit_version=2, key=generate_private_key())
    first, second = import_returns(workspace, "2026/27", [v1, v2]).files
    assert second.outcome == KEY_PENDING_OUTCOME and "signed with a different key" in second.reason
    assert _states(workspace) == {(v1.name, "current"), (v2.name, "key_pending")}
    if decision == "accept":
        workspace.accept_key(second.return_id)
        assert _states(workspace) == {(v1.name, "superseded"), (v2.name, "current")}
        known = workspace.known_key(workspace.cycle("2026/27").id, SCHOOL.reference)
        assert known == workspace.return_row(second.return_id).key_fingerprint
    else:
        workspace.reject_key(second.return_id)
        assert _states(workspace) == {(v1.name, "current"), (v2.name, "key_rejected")}
        known = workspace.known_key(workspace.cycle("2026/27").id, SCHOOL.reference)
        assert known == workspace.return_row(first.return_id).key_fingerprint


def test_folders_are_searched_with_progress_and_cancel(workspace, out, s175_set):
    (out / "sub").mkdir()
    write_one(out, s175_set, SCHOOL)
    write_one(out / "sub", s175_set, OTHER)
    (out / "notes.txt").write_text("not a return")
    seen = []
    report = import_returns(workspace, "2026/27", [out], progress=lambda done, total, name: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)] and report.count(IMPORTED) + report.count(UNMATCHED) == 2
    cancelled = import_returns(workspace, "2026/27", [out], cancelled=lambda: True)
    assert cancelled.cancelled and cancelled.files == []


def test_evidence_is_kept_with_the_return(workspace, out, s175_set):
    from sqlalchemy import select

    from s11audit.business_unit.models import ReturnEvidence

    [outcome] = import_returns(workspace, "2026/27", [write_one(out, s175_set, SCHOOL, with_evidence=True)]).files
    data = workspace.session.scalars(select(ReturnEvidence.data)
                                     .where(ReturnEvidence.return_id == outcome.return_id)).all()
    assert len(data) == 2 and all(SCHOOL.name.encode() in d for d in data)


def test_a_failure_mid_import_leaves_the_workspace_as_before_that_return(workspace, out, s175_set, monkeypatch):
    v1 = write_one(out, s175_set, SCHOOL, audit_version=1)
    v2 = write_one(out, s175_set, SCHOOL, audit_version=2, with_evidence=True)
    v3 = write_one(out, s175_set, OTHER)
    import_returns(workspace, "2026/27", [v1])
    before = (_states(workspace), len(workspace.import_log()))
    from s11audit.business_unit import importing

    def log_entry_fails(self, rows, outcome, sha256):
        # The last write of a return: its row, evidence and the earlier return marked superseded are written.
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(importing._Importer, "_log_entry", log_entry_fails)
    report = import_returns(workspace, "2026/27", [v2, v3])
    assert [o.outcome for o in report.files] == [FAILED] and "could not be saved" in report.files[0].reason
    assert report.stopped
    monkeypatch.undo()
    assert (_states(workspace), len(workspace.import_log())) == before
    from sqlalchemy import func, select

    from s11audit.business_unit.models import ReturnEvidence
    assert workspace.session.scalar(select(func.count()).select_from(ReturnEvidence)) == 0
    # Nothing half-done blocks a retry.
    assert [o.outcome for o in import_returns(workspace, "2026/27", [v2]).files] == [IMPORTED]


def test_cli_workspace_cycle_register_import_and_exit_codes(tmp_path, out, s175_set, capsys):
    path = tmp_path / "cli.s11workspace"
    assert main(["workspace", "new", str(path)]) == 0
    assert main(["workspace", "new", str(path)]) == 2
    assert main(["cycle", "add", str(path), "--name", "2026/27", "--set", "no-such-set", "--due", "2027-03-31"]) == 2
    assert main(["cycle", "add", str(path), "--name", "2026/27", "--set", "s175-kcsie2025", "--due", "2027-03-31"]) == 0
    register = tmp_path / "register.csv"
    register.write_text(f"Name,URN,Type\n{SCHOOL.name},{SCHOOL.reference},primary\n")
    assert main(["register", "import", str(path), "--cycle", "2026/27", str(register)]) == 0
    good = write_one(out, s175_set, SCHOOL)
    capsys.readouterr()
    assert main(["import", str(good), "--into", str(path), "--cycle", "2026/27"]) == 0
    assert "imported" in capsys.readouterr().out
    assert main(["import", str(good), "--into", str(path), "--cycle", "2026/27"]) == 0  # a duplicate
    bad = out / "bad.s11return"
    bad.write_bytes(b"nope")
    assert main(["import", str(out), "--into", str(path), "--cycle", "2026/27"]) == 1
    assert "rejected" in capsys.readouterr().out
    assert main(["import", str(good), "--into", str(path), "--cycle", "1999"]) == 2
    assert main(["import", str(good), "--into", str(tmp_path / "missing.s11workspace"), "--cycle", "2026/27"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["cycle", "add", str(path), "--name", "x", "--set", "s175-kcsie2025", "--due", "31/03/2027"])
    assert exit_info.value.code == 2


def test_verify_and_read_gives_what_verify_return_and_read_return_give(out, s175_set):
    from s11audit.returns import read_return
    from s11audit.returns.verify import verify_and_read

    path = write_one(out, s175_set, SCHOOL, with_evidence=True)
    verification, signed = verify_and_read(path)
    assert verification == verify_return(path)
    expected = read_return(path)
    assert (signed.content, signed.manifest, signed.standards, signed.fingerprint) == \
        (expected.content, expected.manifest, expected.standards, expected.fingerprint)
    junk = out / "junk.s11return"
    junk.write_bytes(b"junk")
    verification, signed = verify_and_read(junk)
    assert signed is None and verification == verify_return(junk) and verification.code == "not-a-zip"


def test_last_years_return_on_the_same_set_is_rejected(workspace, out, s175_set):
    old = write_one(out, s175_set, SCHOOL, cycle="2025/26", file_name="old.s11return")
    same_year = write_one(out, s175_set, SCHOOL, cycle="2026-2027", file_name="same.s11return")
    first, second = import_returns(workspace, "2026/27", [old, same_year]).files
    assert first.outcome == REJECTED and "cycle 2025/26, not 2026/27" in first.reason
    assert second.outcome == IMPORTED


def test_a_new_key_in_the_next_cycle_is_not_flagged(workspace, out, s175_set):
    import_returns(workspace, "2026/27", [write_one(out, s175_set, SCHOOL, file_name="a.s11return")])
    cycle = workspace.add_cycle("2027/28", s175_set, dt.date(2028, 3, 31), previous="2026/27")
    workspace.add_organisation(cycle.id, OrganisationEntry(SCHOOL.name, SCHOOL.reference))
    next_year = write_one(out, s175_set, SCHOOL, cycle="2027/28", key=generate_private_key(), file_name="b.s11return")
    assert [o.outcome for o in import_returns(workspace, cycle, [next_year]).files] == [IMPORTED]

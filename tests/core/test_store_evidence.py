"""Evidence files copied into the audit file: round trip, limits, links and damage detection."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from s11audit.store import AuditFile, EvidenceError, read_evidence_file


@pytest.fixture
def assessment(agency_file, s11_set):
    return agency_file.start_audit(s11_set, "2026/27")


def test_round_trip_keeps_bytes_and_hash(tmp_path, assessment, agency_file):
    original = tmp_path / "Training log 2026.csv"
    data = os.urandom(300_000)
    original.write_bytes(data)
    row = assessment.evidence.add_path(original, links=[("5", ""), ("5", "5.2")], description="Training log")
    assert row.sha256 == hashlib.sha256(data).hexdigest()
    assert (row.name, row.original_name, row.size, row.media_type) == (
        "Training log 2026.csv", "Training log 2026.csv", 300_000, "text/csv")
    assert row.added_by == "Test User" and row.added_at is not None
    original.unlink()  # copied in, not linked: the original can go
    agency_file.close()
    with AuditFile.open(agency_file.path, "u") as reopened:
        library = reopened.latest_assessment().evidence
        [kept] = library.all_evidence()
        assert set(kept.links) == {("5", ""), ("5", "5.2")}
        assert library.content(kept.id) == data
        (tmp_path / "out").mkdir()
        extracted = library.extract(kept.id, tmp_path / "out")
        assert extracted.read_bytes() == data and extracted.name == "Training log 2026.csv"


def test_rename_describe_link_unlink_remove(assessment):
    row = assessment.evidence.add(read_evidence_file(__file__), links=[("1", "")])
    library = assessment.evidence
    library.rename(row.id, "Board report.pdf")
    library.describe(row.id, "Annual report to the board")
    library.link(row.id, "2")
    library.link(row.id, "2", "2.1")
    library.link(row.id, "2")  # already linked: no duplicate
    [again] = library.all_evidence()
    assert (again.name, again.description) == ("Board report.pdf", "Annual report to the board")
    assert set(again.links) == {("1", ""), ("2", ""), ("2", "2.1")}
    assert [e.id for e in library.for_standard("2")] == [row.id]
    library.unlink(row.id, "1")
    assert library.for_standard("1") == []
    library.remove(row.id)
    assert library.all_evidence() == []
    assert {"Evidence added", "Evidence renamed", "Evidence removed"} <= {t.what for t in assessment.trail()}


def test_too_large_file_is_refused_with_the_limit(tmp_path):
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"0" * 2_000_000)
    with pytest.raises(EvidenceError, match=r"scan\.pdf: is 1\.9 MB, larger than the 1\.0 MB allowed"):
        read_evidence_file(big, limit=1024 * 1024)


def test_unreadable_file_is_refused(tmp_path):
    with pytest.raises(EvidenceError, match="cannot be read"):
        read_evidence_file(tmp_path / "missing.docx")
    with pytest.raises(EvidenceError, match="cannot be read"):
        read_evidence_file(tmp_path)  # a folder


def test_damaged_evidence_is_detected(assessment, agency_file):
    row = assessment.evidence.add(read_evidence_file(__file__), links=[("1", "")])
    agency_file.close()
    with sqlite3.connect(agency_file.path) as db:
        db.execute("UPDATE evidence_content SET data = ? WHERE evidence_id = ?", (b"tampered", row.id))
    db.close()
    with AuditFile.open(agency_file.path, "u") as reopened, pytest.raises(EvidenceError, match="damaged"):
        reopened.latest_assessment().evidence.content(row.id)


def test_removing_evidence_removes_its_bytes(assessment, agency_file):
    row = assessment.evidence.add(read_evidence_file(__file__), links=[("1", "")])
    assessment.evidence.remove(row.id)
    count = agency_file._session.connection().exec_driver_sql("SELECT count(*) FROM evidence_content").scalar()
    assert count == 0

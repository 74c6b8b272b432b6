"""The audit file: create, reopen, migrate, refuse what it must, and record who changed what."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from s11audit.standards import load_file
from s11audit.store import (
    AnswerError,
    AuditFile,
    AuditFileError,
    FileInUseError,
    NewerFileError,
    OrganisationDetails,
    ReadOnlyError,
)
from s11audit.store.database import head_revision

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_create_and_reopen_keeps_everything(tmp_path, s11_set):
    path = tmp_path / "trust.s11audit"
    details = OrganisationDetails("Northfield NHS Trust", "RXY", "agency", "health", "Priya Shah", "p@example.org")
    with AuditFile.create(path, details, user="Priya") as audit_file:
        assessment = audit_file.start_audit(s11_set, "2026/27")
        assessment.set_grade("2", "amber")
        assessment.set_narrative("2", "We ask children what they think.\n\nSecond paragraph.")
        assessment.set_answer("2.4", "yes")
        assessment.set_answer("1.4", dt.date(2026, 9, 30))
        assessment.set_answer("5.2", "87.5%")
        assessment.actions.add("2", "Set up a youth forum", owner="Head of Participation",
                               due_date=dt.date(2027, 3, 31))
    with AuditFile.open(path, user="Someone else") as audit_file:
        assert audit_file.organisation() == details
        [summary] = audit_file.audits()
        assert (summary.cycle, summary.set_id, summary.set_version) == ("2026/27", "s11-wt2023", s11_set.version)
        assessment = audit_file.latest_assessment()
        response = assessment.response("2")
        assert response.grade == "amber" and response.narrative.endswith("Second paragraph.")
        assert response.updated_by == "Priya"
        assert assessment.answers() == {"2.4": "yes", "1.4": "2026-09-30", "5.2": 87.5}
        [action] = assessment.actions.all_actions()
        assert action.description == "Set up a youth forum" and action.due_date == dt.date(2027, 3, 31)


def test_trail_records_who_changed_what(agency_file, s11_set):
    assessment = agency_file.start_audit(s11_set, "2026/27")
    assessment.set_grade("3", "green")
    assessment.set_grade("3", "amber")
    latest = assessment.trail()[0]
    assert latest.user == "Test User"
    assert "Standard 3" in latest.what and "grade" in latest.what
    assert (latest.old_value, latest.new_value) == ("Green", "Amber")


def test_unchanged_value_writes_no_trail(agency_file, s11_set):
    assessment = agency_file.start_audit(s11_set, "2026/27")
    assessment.set_narrative("1", "Text")
    before = len(assessment.trail())
    assessment.set_narrative("1", "Text")
    assert len(assessment.trail()) == before


def test_snapshot_keeps_the_set_the_audit_started_with(tmp_path, s11_set):
    path = tmp_path / "a.s11audit"
    with AuditFile.create(path, OrganisationDetails("Police", "P1", "agency", "police"), "u") as audit_file:
        audit_file.start_audit(s11_set, "2026/27")
    changed = tmp_path / "changed.yaml"
    source = (Path(__file__).parents[2] / "standards" / "s11-wt2023.yaml").read_text("utf-8")
    changed.write_text(source.replace("Listening to children", "Hearing children"), "utf-8")
    assert load_file(changed).content_hash != s11_set.content_hash
    with AuditFile.open(path, "u") as audit_file:
        kept = audit_file.latest_assessment().standards_set
        assert kept.content_hash == s11_set.content_hash
        assert "Listening to children" in kept.standard("2").title


def test_answers_are_checked_against_their_item(agency_file, s11_set):
    assessment = agency_file.start_audit(s11_set, "2026/27")
    with pytest.raises(AnswerError, match="outside the allowed range"):
        assessment.set_answer("5.2", 140)
    with pytest.raises(AnswerError, match="not a date"):
        assessment.set_answer("1.4", "last Tuesday")
    with pytest.raises(AnswerError, match="not one of the choices"):
        assessment.set_answer("5.4", "Weekly-ish")
    with pytest.raises(AuditFileError, match="not a grade"):
        assessment.set_grade("1", "purple")
    assert assessment.answers() == {}


def test_same_cycle_and_set_cannot_be_started_twice(agency_file, s11_set):
    agency_file.start_audit(s11_set, "2026/27")
    with pytest.raises(AuditFileError, match="already holds"):
        agency_file.start_audit(s11_set, "2026/27")


def test_set_for_other_kind_of_organisation_is_refused(agency_file, s175_set):
    with pytest.raises(AuditFileError, match="not for this kind of organisation"):
        agency_file.start_audit(s175_set, "2026/27")


def test_second_opening_of_an_open_file_is_refused(agency_file):
    with pytest.raises(FileInUseError, match="open in another copy of s11audit"):
        AuditFile.open(agency_file.path, "Another user")


def test_second_process_is_refused_while_first_has_it_open(agency_file):
    import subprocess
    import sys

    code = ("import sys\nfrom s11audit.store import AuditFile, FileInUseError\n"
            "try:\n    AuditFile.open(sys.argv[1], 'other')\nexcept FileInUseError as e:\n    print('REFUSED', e)\n")
    # The child's output says what happened; its exit code does not matter.
    result = subprocess.run([sys.executable, "-c", code, str(agency_file.path)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert "REFUSED" in result.stdout and agency_file.path.name in result.stdout


def test_file_is_released_on_close(agency_file):
    agency_file.close()
    with AuditFile.open(agency_file.path, "next") as reopened:
        assert reopened.organisation().name.startswith("Northfield")


def test_not_an_audit_file(tmp_path):
    junk = tmp_path / "notes.s11audit"
    junk.write_bytes(b"These are my notes, not a database." * 100)
    with pytest.raises(AuditFileError, match="not an s11audit audit file") as caught:
        AuditFile.open(junk, "u")
    assert "notes.s11audit" in str(caught.value)


def test_database_of_another_program(tmp_path):
    other = tmp_path / "other.s11audit"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE customers (id INTEGER)")
    db.close()
    with pytest.raises(AuditFileError, match="another program"):
        AuditFile.open(other, "u")


def test_missing_file(tmp_path):
    with pytest.raises(AuditFileError, match="does not exist"):
        AuditFile.open(tmp_path / "gone.s11audit", "u")


def test_create_refuses_to_overwrite(agency_file):
    agency_file.close()
    with pytest.raises(AuditFileError, match="already exists"):
        AuditFile.create(agency_file.path, OrganisationDetails("X", "", "agency", "police"), "u")


def test_newer_schema_is_refused_and_left_alone(agency_file):
    path = agency_file.path
    agency_file.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerFileError, match="newer version of s11audit"):
        AuditFile.open(path, "u")
    assert path.read_bytes() == before


def test_old_schema_file_is_backed_up_and_upgraded(tmp_path):
    path = tmp_path / "old.s11audit"
    shutil.copy(FIXTURES / "schema1.s11audit", path)
    assert _revision(path) == "0001"
    with AuditFile.open(path, "u") as audit_file:
        backup = audit_file.upgraded_backup
        assert backup is not None and backup.exists() and "before-upgrade" in backup.name
        assert audit_file.organisation().name == "Old Town Police"
        assert audit_file.organisation().contact_name == ""
        assessment = audit_file.latest_assessment()
        assert assessment.response("1").grade == "amber"
        assert assessment.response("1").example == ""
        assert assessment.answer("1.4") == "2025-09-15"
        [evidence] = assessment.evidence.all_evidence()
        assert assessment.evidence.content(evidence.id) == b"hello world\n\n"
        assert assessment.actions.all_actions()[0].description == "Report to the board monthly"
        assessment.set_example("1", "New column works")
    assert _revision(path) == head_revision()
    assert _revision(backup) == "0001"


def test_read_only_open_refuses_changes(agency_file, s11_set):
    agency_file.start_audit(s11_set, "2026/27").set_grade("1", "green")
    agency_file.close()
    with AuditFile.open(agency_file.path, "viewer", read_only=True) as viewer:
        assessment = viewer.latest_assessment()
        assert assessment.response("1").grade == "green"
        with pytest.raises(ReadOnlyError, match="read-only"):
            assessment.set_grade("1", "red")
        with pytest.raises(ReadOnlyError):
            assessment.actions.add("1", "Anything")
    with AuditFile.open(agency_file.path, "u") as again:
        assert again.latest_assessment().response("1").grade == "green"


def test_full_disk_loses_only_the_failed_change(agency_file, s11_set):
    """SQLite's max_page_count makes the file 'full', as a full disk would."""
    from s11audit.store import EvidenceFile

    assessment = agency_file.start_audit(s11_set, "2026/27")
    assessment.set_narrative("1", "Saved before the disk filled up")
    session = agency_file._session
    pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
    session.connection().exec_driver_sql(f"PRAGMA max_page_count={pages + 2}")
    session.commit()
    big = EvidenceFile("big.bin", b"x" * 200_000, "0" * 64, "application/octet-stream")
    with pytest.raises(AuditFileError, match="disk is full") as caught:
        assessment.evidence.add(big, links=[("1", "")])
    assert "agency.s11audit" in str(caught.value)
    assert assessment.evidence.all_evidence() == []
    assessment_trail = [t.what for t in assessment.trail()]
    assert "Evidence added" not in assessment_trail
    path = agency_file.path
    agency_file.close()
    with AuditFile.open(path, "u") as reopened:
        assert reopened.latest_assessment().response("1").narrative == "Saved before the disk filled up"
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_sqlite_settings_are_deliberate(agency_file):
    connection = agency_file._session.connection()

    def pragma(name: str):
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

    assert pragma("foreign_keys") == 1
    assert pragma("journal_mode") == "delete"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("locking_mode") == "exclusive"
    assert pragma("busy_timeout") > 0


def test_a_closed_audit_file_is_never_opened_again_by_a_late_caller(tmp_path, s175_set):
    """A timer of a window being taken down once reached the closed file's session, which silently
    opened the file again and held its lock, so reopening it said "in use"."""
    path = tmp_path / "late.s11audit"
    audit_file = AuditFile.create(path, OrganisationDetails("Late School", "URN 1", "education", "primary"), "Lead")
    assessment = audit_file.start_audit(s175_set, "2026/27")
    audit_file.close()
    with pytest.raises(AuditFileError, match="has been closed"):
        _ = assessment.read_only  # reads the audit's state from the file
    with AuditFile.open(path, "Lead") as reopened:
        assert reopened.latest_assessment().standards_set.id == s175_set.id


def test_each_kind_of_file_names_alembics_newest_migration_as_its_head():
    from s11audit.business_unit.workspace import WORKSPACE
    from s11audit.store.database import AUDIT_FILE

    assert AUDIT_FILE.head == head_revision(AUDIT_FILE)
    assert WORKSPACE.head == head_revision(WORKSPACE)


def test_a_file_at_the_newest_schema_opens_without_alembic(agency_file):
    """Alembic (a quarter of a second to import) is only needed to upgrade an older file."""
    import subprocess
    import sys

    path = agency_file.path
    agency_file.close()
    code = ("import sys; from s11audit.store import AuditFile\n"
            "with AuditFile.open(sys.argv[1], 'Reader') as f: f.organisation()\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))")
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         check=False, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"

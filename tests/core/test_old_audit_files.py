"""Files made before standards format 2 keep working: an audit file at schema 0005 on the S175 set's
format 1 version (``fixtures/schema5.s11audit``, made by ``fixtures/make_schema5_fixture.py``), and
format 1 sets, which still load, sign and export as they always did."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from s11audit.export import export
from s11audit.returns import read_return, verify_return
from s11audit.sample import make_sample
from s11audit.standards.build import scale_default
from s11audit.standards.model import NotApplicable
from s11audit.store import AuditFile, AuditFileError
from s11audit.store.database import head_revision

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLD_S175_HASH = "8a9d8c874b3d45a20a747d4edea74a31158190e836ecf78edc5efba2fa777ba4"  # s175-kcsie2025 2026.1


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as db:
        revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    db.close()
    return revision


@pytest.fixture
def schema5(tmp_path) -> Path:
    path = tmp_path / "St Aidans.s11audit"
    shutil.copy(FIXTURES / "schema5.s11audit", path)
    return path


def test_schema5_file_is_backed_up_upgraded_and_keeps_its_signed_audit(schema5):
    assert _revision(schema5) == "0005"
    with AuditFile.open(schema5, "Helen Morris") as audit_file:
        backup = audit_file.upgraded_backup
        assert backup is not None and backup.exists() and "before-upgrade-from-schema-0005" in backup.name
        assessment = audit_file.latest_assessment()
        assert assessment.is_signed and assessment.read_only
        assert [s.role for s in assessment.signatories()] == [
            s.role for s in assessment.standards_set.sign_off.signatories]
        actions = assessment.actions.all_actions()
        assert actions and all(a.criterion_id == "" for a in actions)
        assert {a.standard_id for a in actions} <= {s.id for s in assessment.standards}
        assert assessment.evidence.all_evidence() and all(assessment.evidence.content(e.id)
                                                          for e in assessment.evidence.all_evidence())
        assert [b.standard_id for b in assessment.briefings()] == ["7", "8"]
        assert assessment.completeness().complete
        grades = {r.grade for r in assessment.responses().values()}
        assert len(grades) >= 2
    assert _revision(schema5) == head_revision() == "0007"
    assert _revision(backup) == "0005"


def test_an_audit_on_the_old_s175_version_keeps_its_own_rules(schema5, s175_set):
    """The audit holds a snapshot of S175 2026.1 (format 1): the shipped 2026.4 does not change it."""
    with AuditFile.open(schema5, "Helen Morris") as audit_file:
        old = audit_file.latest_assessment().standards_set
    assert (old.version, old.content_hash, old.format_version) == ("2026.1", OLD_S175_HASH, 1)
    assert (s175_set.version, s175_set.format_version) == ("2026.4", 2) and s175_set.content_hash != OLD_S175_HASH
    assert old.groups == () and s175_set.groups
    assert {s.not_applicable for s in old.standards} == {NotApplicable.REASON_REQUIRED}  # as format 1 always allowed
    assert s175_set.standard("1").not_applicable is NotApplicable.NOT_ALLOWED


def test_schema5_audit_exports_its_return_pdf_and_workbook(schema5, tmp_path):
    out = {suffix: tmp_path / f"return{suffix}" for suffix in (".s11return", ".pdf", ".xlsx")}
    with AuditFile.open(schema5, "Helen Morris") as audit_file:
        assessment = audit_file.latest_assessment()
        actions = assessment.actions.all_actions()
        export(audit_file, assessment, out[".s11return"], out[".pdf"], out[".xlsx"])
    assert verify_return(out[".s11return"]).valid
    signed = read_return(out[".s11return"])
    assert signed.content["standards_set"] == {"id": "s175-kcsie2025", "version": "2026.1",
                                               "content_hash": OLD_S175_HASH}
    assert len(signed.content["standards"]) == 12 and not any("criteria" in s for s in signed.content["standards"])
    assert len(signed.content["action_plan"]) == len(actions)
    assert not any("criterion_id" in a for a in signed.content["action_plan"])  # as a 0005 return had them
    text = " ".join("".join(page.extract_text() for page in PdfReader(out[".pdf"]).pages).split())
    assert "St Aidan" in text and signed.fingerprint in text
    sheet = load_workbook(out[".xlsx"])["Action plan"]
    assert sheet.max_row == len(actions) + 1 and [sheet.cell(1, n).value for n in (1, 2)] == ["No.", "Standard"]


def test_schema5_audit_is_reopened_and_carried_into_the_new_s175(schema5, s175_set):
    with AuditFile.open(schema5, "Helen Morris") as audit_file:
        signed = audit_file.latest_assessment()
        reopened = audit_file.reopen_for_changes(signed.id)
        reopened.set_not_applicable("1", "Still allowed in 2026.1, with a reason")  # the old audit's own rule
        reopened.actions.add("2", "Second deputy DSL trained by March", owner="Helen Morris")
        assert reopened.actions.all_actions()[-1].criterion_id == ""

        next_cycle = audit_file.start_audit(s175_set, "2027/28", carry_forward_from=signed.id)
        assert next_cycle.standards_set.version == "2026.4"
        assert next_cycle.response("3").narrative == signed.response("3").narrative
        with pytest.raises(AuditFileError, match="may not be marked not applicable"):
            next_cycle.set_not_applicable("1", "We have no governors")
        next_cycle.set_not_applicable("12", "A further education college: the RSHE curriculum duty does not apply")
        assert next_cycle.response("12").not_applicable


def test_a_format_1_set_still_loads_as_before(s11_set):
    assert s11_set.format_version == 1 and s11_set.groups == () and not s11_set.has_criteria
    assert all(s.graded and not s.derived and s.group == "" for s in s11_set.standards)
    assert {s.not_applicable for s in s11_set.standards} == {scale_default(s11_set.grade_scale)}
    assert not any(item.within for s in s11_set.standards for item in s.items)


def test_a_format_1_set_audit_signs_and_exports(s11_set, tmp_path):
    path = make_sample(tmp_path / "agency.s11audit", s11_set, signed=True)
    out = tmp_path / "agency.s11return"
    with AuditFile.open(path, "Priya Shah") as audit_file:
        assessment = audit_file.latest_assessment()
        done = export(audit_file, assessment, out, tmp_path / "agency.pdf", tmp_path / "agency.xlsx")
    assert done.returned == out and verify_return(out).valid
    content = read_return(out).content
    assert content["standards_set"]["version"] == s11_set.version
    assert not any("criteria" in s for s in content["standards"])
    assert not any("criterion_id" in a for a in content["action_plan"])
    assert load_workbook(tmp_path / "agency.xlsx").sheetnames == ["Action plan", "Grades"]

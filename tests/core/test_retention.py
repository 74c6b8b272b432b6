"""Retention (issue 17): the workspace's periods, the preview of what is past them, applying exactly that preview
(logged, counts only), narratives redacted with grades, findings and moderation intact, an old (schema 0007)
workspace upgraded, and an audit file's old evidence (never the latest audit's, nor a live baseline's)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from benchmarks.make_returns import Organisation
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.models import ImportedReturn, ReturnEvidence
from s11audit.business_unit.records import record_from_content
from s11audit.business_unit.retention import (RETENTION, RetentionItem, RetentionPolicy, apply_retention,
                                              months_after, preview_retention)
from s11audit.business_unit.retention_policy import RETENTION_SET
from s11audit.business_unit.tracking import records_for_cycle
from s11audit.business_unit.workspace import WORKSPACE, OrganisationEntry, Workspace
from s11audit.sample import make_sample, sign_sample
from s11audit.store import AuditFile, AuditFileError
from s11audit.store.database import head_revision
from tests.core.test_deletion import EVIDENCE, NARRATIVE, OTHER, SCHOOL, found, write_distinct
from tests.core.statement_support import downgrade_workspace

OLD_DUE, NEW_DUE = dt.date(2024, 3, 31), dt.date(2026, 3, 31)
TODAY = dt.date(2026, 12, 1)  # 32 months after the old cycle's end, 8 after the new one's
THIRD = Organisation("Castleford Special School", "URN 300003", "Education", "special", "", "")


@pytest.fixture
def workspace(tmp_path, s175_set):
    """Two cycles, 2023/24 (due 31 March 2024) and 2025/26 (due 31 March 2026), each with two returns with
    evidence; the old cycle's St Aidan's return has a distinctive narrative and evidence file."""
    out = tmp_path / "returns"
    out.mkdir()
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as opened:
        for name, due in (("2023/24", OLD_DUE), ("2025/26", NEW_DUE)):
            cycle = opened.add_cycle(name, s175_set, due)
            opened.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, o.sector, o.org_type)
                                                for o in (SCHOOL, OTHER)])
            folder = out / name.replace("/", "-")
            folder.mkdir()
            distinct = (NARRATIVE, EVIDENCE) if name == "2023/24" else ("new narrative", "new evidence")
            import_returns(opened, name, [write_distinct(folder, s175_set, SCHOOL, *distinct, cycle=name),
                                          write_distinct(folder, s175_set, OTHER, "other", "other", cycle=name)])
        yield opened


def _ids(workspace, cycle: str) -> list[int]:
    return [r.id for r in workspace.returns(workspace.cycle(cycle).id)]


def test_periods_are_kept_checked_and_logged(workspace):
    assert workspace.retention() == RetentionPolicy()
    policy = RetentionPolicy(evidence_months=24, narratives_months=36)
    assert workspace.set_retention(policy) == policy
    assert workspace.retention() == policy
    [entry] = [e for e in workspace.import_log() if e.outcome == RETENTION_SET]
    assert entry.reason == ("retention periods set by Business Unit: evidence files 24 months, narratives 36 months, "
                            "whole returns kept (were: evidence files kept, narratives kept, whole returns kept)")
    for bad in (0, -3, 1201, 2.5, True):
        with pytest.raises(AuditFileError, match="whole number of months"):
            workspace.set_retention(RetentionPolicy(returns_months=bad))  # type: ignore[arg-type]
    assert workspace.retention() == policy


def test_age_is_counted_from_the_cycles_due_date():
    assert months_after(dt.date(2024, 3, 31), 24) == dt.date(2026, 3, 31)
    assert months_after(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert months_after(dt.date(2023, 12, 15), 1) == dt.date(2024, 1, 15)


def test_the_preview_is_exactly_what_is_deleted_and_the_log_records_it(workspace):
    workspace.set_retention(RetentionPolicy(evidence_months=12, narratives_months=24))
    old, new = _ids(workspace, "2023/24"), _ids(workspace, "2025/26")
    # On the day the narratives' period ends nothing of them is listed yet; the day after, it is.
    assert {i.kind for i in preview_retention(workspace, dt.date(2026, 3, 31)).items} == {"evidence"}
    preview = preview_retention(workspace, TODAY)
    assert {(i.kind, i.return_id) for i in preview.items} == {(k, r) for k in ("evidence", "narratives") for r in old}
    assert preview.counts == {"evidence": 2, "narratives": 2, "returns": 0}
    evidence_bytes = {r: sum(len(e.data) for e in workspace.session.scalars(
        select(ReturnEvidence).where(ReturnEvidence.return_id == r))) for r in old}
    assert preview.files == 4 and preview.bytes == sum(evidence_bytes.values()) + sum(
        i.bytes for i in preview.items if i.kind == "narratives")
    item = next(i for i in preview.items if i.kind == "evidence")
    assert (item.cycle, item.what, item.files) == ("2023/24", "2 evidence files", 2)
    before = {r.reference: r for r in records_for_cycle(workspace, workspace.cycle("2023/24"))}
    grades = {r: record_from_content(workspace.return_content(r)).grades for r in old}

    report = apply_retention(workspace, preview, TODAY)
    assert (report.items, report.files, report.bytes, report.skipped) == (4, 4, preview.bytes, 0)
    assert report.counts == {"evidence": 2, "narratives": 2, "returns": 0}
    assert workspace.session.scalar(select(ReturnEvidence.id).where(ReturnEvidence.return_id.in_(old))) is None
    assert len(workspace.session.scalars(select(ReturnEvidence).where(ReturnEvidence.return_id.in_(new))).all()) == 4
    logged = [e for e in workspace.import_log(workspace.cycle("2023/24").id) if e.outcome == RETENTION]
    assert sorted(e.reason for e in logged) == sorted([
        f"retention: 4 evidence files of 2 returns deleted ({sum(evidence_bytes.values()):,} bytes), past the "
        "12-month retention period for evidence files after the cycle's due date; applied by Business Unit",
        f"retention: narratives, examples and comments of 2 returns removed "
        f"({sum(i.bytes for i in preview.items if i.kind == 'narratives'):,} bytes), past the 24-month retention "
        "period for narratives after the cycle's due date; applied by Business Unit"])
    # Grades, findings' records and moderation work on the redacted returns as before.
    for r in old:
        content = workspace.return_content(r)
        assert content["redacted"] == {"evidence": TODAY.isoformat(), "narratives": TODAY.isoformat()}
        assert content["evidence"] == [] and all(s["narrative"] == "" for s in content["standards"])
        assert record_from_content(content).grades == grades[r]
    assert {r.reference: r for r in records_for_cycle(workspace, workspace.cycle("2023/24"))} == before
    levels = workspace.standards_set(workspace.cycle("2023/24").id).grade_scale.levels
    assert workspace.set_moderation(old[0], "1", levels[0].id, "checked").grade == levels[0].id
    assert preview_retention(workspace, TODAY).items == []  # nothing left to do
    workspace.compact()
    assert found(workspace.path, NARRATIVE, EVIDENCE) == set()
    assert found(workspace.path, "new narrative", "new evidence") == {"new narrative", "new evidence"}


def test_items_changed_since_the_preview_are_skipped_and_counted(workspace):
    workspace.set_retention(RetentionPolicy(evidence_months=12))
    preview = preview_retention(workspace, TODAY)
    assert preview.evidence == 2
    school = next(o for o in workspace.organisations(workspace.cycle("2023/24").id) if o.reference == SCHOOL.reference)
    workspace.remove_organisation(school.id, delete_returns=True)  # one return gone since the preview
    forged = dataclasses.replace(preview.items[1], files=1)
    report = apply_retention(workspace, dataclasses.replace(preview, items=[preview.items[0], forged]), TODAY)
    assert (report.items, report.skipped) == (0, 2)
    report = apply_retention(workspace, preview, TODAY)
    assert (report.items, report.skipped, report.counts["evidence"]) == (1, 1, 1)


def test_whole_returns_go_but_a_live_baseline_keeps_its_returns(workspace, s175_set):
    workspace.set_retention(RetentionPolicy(evidence_months=1, returns_months=24))
    old = _ids(workspace, "2023/24")
    statement = workspace.add_cycle("2026/27 statement", s175_set, dt.date(2027, 3, 31), kind="statement",
                                    baseline="2023/24")
    preview = preview_retention(workspace, TODAY)
    assert {i.kind for i in preview.items if i.return_id in old} == {"evidence"}  # kept as a live baseline
    # Once the statement cycle is past its own period too, the baseline's returns go whole.
    later = months_after(statement.due_on, 25)
    preview = preview_retention(workspace, later)
    whole = [i for i in preview.items if i.kind == "returns"]
    assert sorted(i.return_id for i in whole) == sorted(old + _ids(workspace, "2025/26"))
    assert not [i for i in preview.items if i.kind == "evidence" and i.return_id in old]
    assert isinstance(whole[0], RetentionItem) and whole[0].what.startswith("the whole return with 2 evidence files")
    report = apply_retention(workspace, preview, later)
    assert report.counts["returns"] == 4 and workspace.returns(workspace.cycle("2023/24").id) == []
    assert [c.name for c in workspace.cycles()] == ["2023/24", "2025/26", "2026/27 statement"]
    assert workspace.session.scalar(select(ImportedReturn.id)) is None


def test_a_schema_0007_workspace_opens_and_upgrades(workspace):

    workspace.set_retention(RetentionPolicy(evidence_months=12))
    path, ids = workspace.path, _ids(workspace, "2023/24")
    workspace.close()
    downgrade_workspace(path, "0007")
    db = sqlite3.connect(path)
    assert "redacted" not in {row[1] for row in db.execute("PRAGMA table_info(imported_return)")}
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0007"
    assert db.execute("SELECT count(*) FROM return_evidence").fetchone()[0] == 8
    db.close()
    with Workspace.open(path, "Business Unit") as reopened:
        assert reopened.upgraded_backup is not None
        assert reopened.retention() == RetentionPolicy()
        assert _ids(reopened, "2023/24") == ids
        assert reopened.deletion_preview(reopened.organisations(reopened.cycle("2023/24").id)[0].id).evidence_files == 2
        reopened.set_retention(RetentionPolicy(narratives_months=12))
        assert preview_retention(reopened, TODAY).narratives == 2
    db = sqlite3.connect(path)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision(WORKSPACE) == "0008"
    db.close()


# --- an organisation's audit file ---------------------------------------------------------------------

def test_audit_file_evidence_retention_spares_the_latest_audit_and_a_live_baseline(tmp_path, s11_set):
    path = make_sample(tmp_path / "made.s11audit", s11_set, sample=False, signed=True, cycle="2024/25")
    far = dt.date.today() + dt.timedelta(days=3650)
    with AuditFile.open(path, "Officer") as audit_file:
        [first] = audit_file.audits()
        evidence = {first.id: len(audit_file.assessment(first.id).evidence.all_evidence())}
        assert evidence[first.id] > 0
        # The only audit, the latest full and signed one: never listed, however old.
        assert audit_file.evidence_retention_preview(1, far) == []
        second = audit_file.reopen_for_changes(first.id)
        assert audit_file.evidence_retention_preview(1, far) == []  # still the latest signed full audit
        sign_sample(second)
        listed = audit_file.evidence_retention_preview(1, far)
        assert {e.audit_id for e in listed} == {first.id} and len(listed) == evidence[first.id]
        assert listed[0].cycle == "2024/25" and listed[0].size > 0 and listed[0].months == 1
        assert audit_file.evidence_retention_preview(1) == []  # signed today: not yet a month ago
        # A statement is based on the latest signed version, which is kept anyway; its own evidence is kept
        # while it is unsigned.
        audit_file.start_statement(second.id, "2025/26")
        assert {e.audit_id for e in audit_file.evidence_retention_preview(1, far)} == {first.id}
        files, size = audit_file.delete_old_evidence(listed, far)
        assert (files, size) == (len(listed), sum(e.size for e in listed))
        assert audit_file.assessment(first.id).evidence.all_evidence() == []
        assert len(audit_file.assessment(second.id).evidence.all_evidence()) == evidence[first.id]
        assert audit_file.delete_old_evidence(listed, far) == (0, 0)  # nothing listed is left
        audit_file.set_evidence_retention_months(24)
        assert audit_file.evidence_retention_months() == 24
        audit_file.set_evidence_retention_months(None)
        assert audit_file.evidence_retention_months() is None
        [entry] = [t for t in audit_file.assessment(first.id).trail() if "retention" in t.what]
        assert entry.what == "Evidence deleted under the retention period"
        assert entry.old_value == f"{files} evidence files ({size:,} bytes)"
        assert "deliberate exception" in entry.new_value and "return already sent is unaffected" in entry.new_value
        report = audit_file.compact()
        assert report.bytes_after < report.bytes_before


# --- the command line ------------------------------------------------------------------------------

def test_cli_sets_previews_applies_removes_and_compacts(workspace, tmp_path, s11_set, capsys):
    from s11audit.cli import main

    path = workspace.path
    workspace.close()
    assert main(["retention", str(path), "--set", "evidence=12", "narratives=keep"]) == 0
    printed = capsys.readouterr().out
    assert "evidence files 12 months, narratives kept, whole returns kept" in printed
    assert "Past their retention period: evidence of" in printed and "2023/24" in printed
    assert main(["retention", str(path), "--set", "evidence=twelve"]) == 2
    assert "whole number" in capsys.readouterr().err
    assert main(["retention", str(path), "--apply", "--yes"]) == 0
    printed = capsys.readouterr().out
    assert "Deleted: " in printed and "Compacted: " in printed
    assert found(path, EVIDENCE) == set()
    assert main(["register", "remove", str(path), "--cycle", "2025/26", "--reference", "urn 124578",
                 "--delete-returns"]) == 0
    assert "Deleted St Aidan's CE Primary School from 2025/26: 1 return," in capsys.readouterr().out
    assert found(path, "new narrative", "new evidence") == set()
    assert main(["register", "remove", str(path), "--cycle", "2025/26", "--reference", "nobody"]) == 2
    capsys.readouterr()
    audit = make_sample(tmp_path / "made.s11audit", s11_set, sample=False)
    for file in (path, audit):
        assert main(["compact", str(file)]) == 0
        assert f"Compacted {file}: " in capsys.readouterr().out

"""The annual compliance statement in the organisation's audit file (issue 16, store layer, schema 0007).

A signed full audit (the sample's, on the Working Together set: actions 1, 2 and 5 open, 3 and 4
complete) is the baseline; the statement next year completes one action with evidence, lets one
slip to a new date, drops one with a reason and declines one standard with a new action.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from s11audit.completeness import Gap
from s11audit.sample import SIGNATORY_NAMES, make_sample
from s11audit.store import AuditFile, AuditFileError, ReadOnlyError, SignatoryEntry, SignOffError
from s11audit.store.database import head_revision
from s11audit.store.evidence import read_evidence_file
from s11audit.store.statement import ComplianceStatement, action_link

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = dt.date.today()


def _baseline_id(audit_file: AuditFile) -> int:
    return audit_file.audits()[0].id


def _signatories(statement: ComplianceStatement) -> list[SignatoryEntry]:
    return [SignatoryEntry(role.role, SIGNATORY_NAMES[i], TODAY, True)
            for i, role in enumerate(statement.standards_set.sign_off.signatories)]


def _fill(statement: ComplianceStatement, tmp_path: Path) -> None:
    """The year's statement: every standard answered, standard 6 declined with a new action; action 1
    complete with evidence, action 2 slipped, action 5 dropped."""
    for standard in statement.standards:
        statement.set_position(standard.id, "same")
    statement.set_position("3", "improved")
    statement.set_narrative("3", "Information sharing relaunched; the March audit found it consistent in all teams.")
    statement.set_new_grade("3", "green")
    statement.set_position("6", "declined")
    statement.set_narrative("6", "Two recruitment files this year had no reference on file.")
    statement.set_new_grade("6", "red")
    statement.actions.add("6", "Audit every recruitment file opened since April", owner="HR Business Partner",
                          due_date=TODAY + dt.timedelta(days=90))
    statement.update_progress(1, status="complete", note="Relaunched at the all-staff briefing.",
                              completed_on=TODAY - dt.timedelta(days=30))
    report = tmp_path / "Relaunch briefing.txt"
    report.write_text("Minutes of the relaunch briefing", encoding="utf-8")
    statement.add_completion_evidence(1, read_evidence_file(report), "Briefing minutes")
    statement.update_progress(2, status="in_progress", note="Half the teams audited.",
                              new_due_date=dt.date(2027, 9, 30))
    statement.update_progress(5, status="dropped", dropped_reason="The partnership replaced it with a joint audit.")


def test_a_statement_is_started_from_the_signed_audit_and_completed(audit_path, tmp_path):
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        baseline_id = _baseline_id(audit_file)
        statement = audit_file.start_statement(baseline_id, "2027/28")
        assert audit_file.audit_kind(statement.id) == "statement" and audit_file.audit_kind(baseline_id) == "full"
        assert statement.baseline.is_signed and statement.baseline_id == baseline_id
        assert [s.id for s in statement.standards] == [str(n) for n in range(1, 10)]
        assert [a.id for a in statement.open_actions()] == [1, 2, 5]
        assert {m.gap for m in statement.missing()} == {Gap.NO_POSITION, Gap.ACTION_PROGRESS}
        assert len(statement.missing()) == 9 + 3

        _fill(statement, tmp_path)
        assert statement.missing() == ()
        assert statement.completeness().complete and statement.completeness().percent == 100
        slipped = statement.progress(2)
        assert slipped.slipped and slipped.new_due_date == dt.date(2027, 9, 30)
        assert statement.baseline.actions.all_actions()[1].due_date == dt.date(2027, 3, 1)  # keeps its old date
        [evidence] = statement.completion_evidence(1)
        assert evidence.links == (("3", action_link(1)),) and statement.evidence.content(evidence.id)
        trail = {row.what: (row.old_value, row.new_value) for row in reversed(statement.trail())}
        assert trail["Statement, baseline action 5: progress"] == ("Not started", "Dropped")
        assert trail["Statement, standard 6: position"] == ("Still as at the baseline", "Declined")

        statement.sign(_signatories(statement))
        assert statement.is_signed and statement.read_only
        with pytest.raises(ReadOnlyError, match="signed off"):
            statement.set_position("1", "improved")
        with pytest.raises(ReadOnlyError, match="signed off"):
            statement.update_progress(2, status="complete", completed_on=TODAY)


def test_missing_names_each_rule(audit_path):
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        statement = audit_file.start_statement(_baseline_id(audit_file), "2027/28")
        for standard in statement.standards:
            statement.set_position(standard.id, "same")
        statement.set_position("6", "declined")
        statement.update_progress(1, status="not_started", note="Waiting for the new intranet in May.")
        statement.update_progress(2, status="in_progress")
        missing = {(m.gap, m.standard_id, m.item_id) for m in statement.missing()}
        assert missing == {(Gap.CHANGE_NARRATIVE, "6", ""), (Gap.NEEDS_ACTION, "6", ""),
                           (Gap.ACTION_PROGRESS, "8", action_link(5))}
        with pytest.raises(SignOffError, match="it declined, so it needs a new action"):
            statement.sign(_signatories(statement))


def test_progress_is_checked(audit_path):
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        statement = audit_file.start_statement(_baseline_id(audit_file), "2027/28")
        refused = [
            (dict(status="complete"), "give the date it was completed"),
            (dict(status="complete", completed_on=TODAY + dt.timedelta(days=1)), "in the future"),
            (dict(status="dropped", dropped_reason="  "), "give the reason it was dropped"),
            (dict(status="in_progress", completed_on=TODAY), "not marked complete"),
            (dict(status="in_progress", new_due_date=dt.date(2027, 3, 1)), r"later than the date it was due"),
            (dict(status="complete", completed_on=TODAY, new_due_date=dt.date(2028, 1, 1)), "needs no new due date"),
            (dict(status="finished"), "is not an action progress"),
        ]
        for fields, message in refused:
            with pytest.raises(AuditFileError, match=message):
                statement.update_progress(2, **fields)
        with pytest.raises(AuditFileError, match="not an open action of the baseline"):
            statement.update_progress(3, status="in_progress")  # complete in the baseline
        with pytest.raises(AuditFileError, match="only about the standards graded"):
            statement.set_position("99", "same")
        with pytest.raises(AuditFileError, match="not a statement position"):
            statement.set_position("1", "worse")
        with pytest.raises(AuditFileError, match="is not a grade of"):
            statement.set_new_grade("1", "purple")
        assert statement.progress(2).status == "not_started" and statement.all_progress() == {}


def test_a_statement_needs_a_signed_full_audit_and_one_per_cycle(tmp_path, shipped_sets, audit_path):
    unsigned = make_sample(tmp_path / "unsigned.s11audit", shipped_sets["s11-wt2023"], sample=False)
    with AuditFile.open(unsigned, "Priya Shah") as audit_file:
        with pytest.raises(AuditFileError, match="has not been signed off"):
            audit_file.start_statement(_baseline_id(audit_file), "2027/28")
        with pytest.raises(AuditFileError, match="holds no audit number 42"):
            audit_file.start_statement(42, "2027/28")
        assert len(audit_file.audits()) == 1
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        baseline_id = _baseline_id(audit_file)
        with pytest.raises(AuditFileError, match="later cycle than its baseline"):
            audit_file.start_statement(baseline_id, "2026/27")
        statement = audit_file.start_statement(baseline_id, "2027/28")
        with pytest.raises(AuditFileError, match="already holds a compliance statement for 2027/28"):
            audit_file.start_statement(baseline_id, "2027/28")
        with pytest.raises(AuditFileError, match="is itself a compliance statement"):
            audit_file.start_statement(statement.id, "2028/29")
        with pytest.raises(AuditFileError, match="is a full audit, not a compliance statement"):
            audit_file.statement(baseline_id)
        with pytest.raises(AuditFileError, match="already holds"):
            audit_file.start_audit(statement.standards_set, "2027/28")
        with pytest.raises(AuditFileError, match="is a compliance statement; carry forward"):
            audit_file.start_audit(statement.standards_set, "2028/29", carry_forward_from=statement.id)


def test_everything_is_there_after_closing_and_the_next_statement_asks_only_what_is_open(audit_path, tmp_path):
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        statement = audit_file.start_statement(_baseline_id(audit_file), "2027/28")
        _fill(statement, tmp_path)
        statement.sign(_signatories(statement))
        statement_id = statement.id
    with AuditFile.open(audit_path, "Helen Morris") as audit_file:
        statement = audit_file.statement(statement_id)
        assert statement.is_signed and statement.missing() == ()
        assert statement.position("6").position == "declined" and statement.position("6").new_grade == "red"
        assert statement.position("3").narrative.startswith("Information sharing relaunched")
        assert statement.progress(1).completed_on == TODAY - dt.timedelta(days=30)
        assert statement.progress(5).dropped_reason.startswith("The partnership")
        assert [a.description for a in statement.actions.all_actions()] == [
            "Audit every recruitment file opened since April"]
        assert len(statement.completion_evidence(1)) == 1
        assert statement.signatories() == _signatories(statement)

        second = audit_file.start_statement(statement.baseline_id, "2028/29")
        # 1 completed and 5 dropped last year; last year's new action (6) is asked about too.
        assert [a.id for a in second.open_actions()] == [2, 6] and second.set_in() == {6: "2027/28"}
        assert second.positions() == {} and second.all_progress() == {}

        reopened = audit_file.reopen_for_changes(statement_id)
        again = audit_file.statement(reopened.id)
        assert again.positions() == statement.positions() and again.all_progress().keys() == {1, 2, 5}
        assert len(again.actions.all_actions()) == 1 and len(again.completion_evidence(1)) == 1
        again.set_position("6", "same")
        assert not again.read_only


def test_an_old_file_upgrades_with_full_audits(tmp_path):
    old = tmp_path / "St Aidans.s11audit"
    shutil.copy(FIXTURES / "schema5.s11audit", old)
    with AuditFile.open(old, "Helen Morris") as audit_file:
        assert audit_file.upgraded_backup is not None
        audits = audit_file.audits()
        assert audits and {audit_file.audit_kind(a.id) for a in audits} == {"full"}
        baseline = audit_file.latest_assessment()
        assert baseline is not None and baseline.is_signed
        statement = audit_file.start_statement(baseline.id, "2027/28")
        assert statement.standards and statement.open_actions() == [
            a for a in baseline.actions.all_actions() if a.status != "complete"]
    with sqlite3.connect(old) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision() == "0007"
        assert db.execute("SELECT kind, baseline_audit_id FROM audit ORDER BY id").fetchall() == [
            ("full", None), ("statement", baseline.id)]
    db.close()


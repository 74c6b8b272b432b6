"""Starting files for an annual compliance statement cycle (issue 16): for an organisation whose audit file
was lost, the business unit's copy of its baseline return is held read-only in the new file with the
statement already started on it; the statement names that return, so the business unit links it, and is
signed with the new file's key, so it is flagged for that (and only that) for a decision.

Northfield's 2026/27 return (the sample's audit: actions 1 to 5, of which 1, 2 and 5 are open) is in the
workspace; Riverside's is not, so Riverside gets no starting file and is told why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile

import pytest

from s11audit.business_unit import statements
from s11audit.business_unit.cycle_starting_files import starting_files_for_cycle
from s11audit.business_unit.importing import FLAGGED, IMPORTED, import_returns
from s11audit.business_unit.starting_files import StartingFileError, write_statement_starting_file
from s11audit.business_unit.workspace import Workspace
from s11audit.export import RETURN_SHA256_KEY, ExportError, export, export_statement, written_return_sha256
from s11audit.returns import read_return
from s11audit.store import AuditFile, AuditFileError, ReadOnlyError
from s11audit.store import baseline_copy as held_baselines
from s11audit.store.baseline_copy import ReturnToHold
from tests.core.statement_support import NORTHFIELD, RIVERSIDE, baseline_and_statement_cycles, sign_statement
from tests.core.test_statement_import import _made, _register

TODAY = dt.date.today()


def _sha256_of_return_json(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return hashlib.sha256(archive.read("return.json")).hexdigest()


@pytest.fixture(scope="module")
def made(tmp_path_factory, shipped_sets):
    """Northfield's signed 2026/27 baseline return and the statement its own (now lost) file made."""
    return _made(tmp_path_factory.mktemp("lost file"), NORTHFIELD, shipped_sets["s11-wt2023"], True)


@pytest.fixture
def workspace(tmp_path, shipped_sets, made):
    wt = shipped_sets["s11-wt2023"]
    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        full, _ = baseline_and_statement_cycles(workspace, wt, _register)
        assert [f.outcome for f in import_returns(workspace, full, [made[0]]).files] == [IMPORTED]
        yield workspace


def _write(workspace: Workspace, folder):
    cycle = workspace.cycle("2027/28")
    ids = [o.id for o in workspace.organisations(cycle.id)]
    return starting_files_for_cycle(workspace, cycle, ids, folder)


def test_the_starting_file_holds_the_baseline_read_only_and_starts_the_statement(workspace, made, tmp_path):
    northfield, riverside = _write(workspace, tmp_path / "out")
    returned = read_return(made[0])
    sha256 = _sha256_of_return_json(made[0])
    [held_row] = workspace.returns(workspace.cycle("2026/27").id)
    assert northfield.written and northfield.carried_forward is None and northfield.baseline is not None
    assert (northfield.baseline.cycle, northfield.baseline.version_no, northfield.baseline.return_sha256,
            northfield.baseline.key_fingerprint) == ("2026/27", 1, sha256, held_row.key_fingerprint)
    assert not riverside.written and not riverside.path.exists()
    assert riverside.problem == (
        f"the workspace holds no return from {RIVERSIDE.name} in cycle 2026/27 (the baseline of this statement "
        "cycle), so there is no baseline to start its statement on. It can start the statement in its own audit "
        "file, or send its full audit for that cycle first.")

    with AuditFile.open(northfield.path, "Priya Shah") as audit_file:
        baseline_summary, statement_summary = audit_file.audits()
        assert (baseline_summary.cycle, baseline_summary.status, audit_file.audit_kind(baseline_summary.id)) == (
            "2026/27", "signed", "full")
        assert (statement_summary.cycle, statement_summary.status, audit_file.audit_kind(statement_summary.id)) == (
            "2027/28", "in_progress", "statement")
        baseline = audit_file.assessment(baseline_summary.id)
        statement = audit_file.statement(statement_summary.id)
        assert statement.baseline_id == baseline.id and baseline.read_only and not statement.read_only
        assert written_return_sha256(audit_file, baseline.id) == sha256

        # Answers, actions, evidence, signatories and signed-off details as the return had them.
        content = returned.content
        graded = {s["standard_id"]: (s["grade"], s["narrative"]) for s in content["standards"]}
        assert {sid: (r.grade, r.narrative) for sid, r in baseline.responses().items()} == graded
        assert [(a.standard_id, a.description, a.status, a.due_date.isoformat() if a.due_date else None)
                for a in baseline.actions.all_actions()] == [
            (a["standard_id"], a["action"], a["status"], a["due_date"]) for a in content["action_plan"]]
        assert sorted((e.name, e.sha256) for e in baseline.evidence.all_evidence()) == sorted(
            (e["name"], e["sha256"]) for e in returned.evidence)
        assert [(s.role, s.name, s.signed_on.isoformat()) for s in baseline.signatories()] == [
            (s["role"], s["name"], s["signed_on"]) for s in content["sign_off"]["signatories"]]
        assert baseline.sign_off.organisation().name == content["organisation"]["name"] == NORTHFIELD.name
        assert sorted(a.id for a in statement.open_actions()) == [1, 2, 5]

        # The trail says where the baseline came from and what the new key means.
        what = {t.what: t.new_value for t in baseline.trail()}
        assert "2026/27 return (version 1)" in what["Baseline taken from the business unit's copy of the return"]
        assert held_row.key_fingerprint in what["Baseline signed with another key"]
        note = {t.what: t.new_value for t in statement.trail()}[
            "Statement based on the business unit's copy of the baseline return"]
        assert 'flagged "signed with a different key"' in note and "decide it" in note


def test_the_held_baseline_refuses_changes(workspace, tmp_path):
    [northfield] = [r for r in _write(workspace, tmp_path / "out") if r.written]
    with AuditFile.open(northfield.path, "Priya Shah") as audit_file:
        baseline = audit_file.assessment(audit_file.audits()[0].id)
        grade_before = baseline.responses()["1"].grade
        with pytest.raises(ReadOnlyError, match="was signed off"):
            baseline.set_grade("1", "red")
        with pytest.raises(ReadOnlyError, match="was signed off"):
            baseline.actions.add("1", "Something new")
        with pytest.raises(AuditFileError, match="is the business unit's copy of your return, held as the baseline "
                                                 "of your compliance statement: it cannot be reopened"):
            audit_file.reopen_for_changes(baseline.id)
        assert baseline.responses()["1"].grade == grade_before and len(audit_file.audits()) == 2
        copy = audit_file.baseline_copy(baseline.id)
        assert copy is not None and copy.source == "the business unit's copy of the return"
        assert audit_file.baseline_copy(audit_file.audits()[1].id) is None
        # Not sent again as a return (signed with this file's new key, it would replace the hash the
        # statement names); its PDF can still be written.
        with pytest.raises(ExportError, match="is the business unit's copy of your return, held as the baseline"):
            export(audit_file, baseline, returned=tmp_path / "again.s11return")
        assert not (tmp_path / "again.s11return").exists()
        export(audit_file, baseline, pdf=tmp_path / "baseline.pdf")
        assert (tmp_path / "baseline.pdf").stat().st_size > 1000


def test_the_statement_links_to_the_held_baseline_and_is_flagged_only_for_the_new_key(workspace, tmp_path):
    [northfield] = [r for r in _write(workspace, tmp_path / "out") if r.written]
    out = tmp_path / "Northfield statement.s11return"
    with AuditFile.open(northfield.path, "Priya Shah") as audit_file:
        statement = audit_file.statement(audit_file.audits()[1].id)
        for standard in statement.standards:
            statement.set_position(standard.id, "same")
        due = {a.id: a.due_date for a in statement.open_actions()}
        statement.update_progress(1, status="complete", note="Done.", completed_on=min(due[1], TODAY))
        statement.update_progress(2, status="in_progress", note="Half done.",
                                  new_due_date=due[2] + dt.timedelta(days=200))
        statement.update_progress(5, status="dropped", dropped_reason="Replaced by a joint audit.")
        assert statement.missing() == ()
        sign_statement(statement)
        new_key = statement.sign_off.key_fingerprint()
        export_statement(audit_file, statement, out)
    assert read_return(out).content["baseline"]["content_sha256"] == northfield.baseline.return_sha256

    [outcome] = import_returns(workspace, "2027/28", [out]).files
    assert outcome.outcome == FLAGGED
    assert outcome.flag == (f"signed with a different key (key fingerprint {new_key}) than its baseline return in "
                            f"cycle 2026/27 ({northfield.baseline.key_fingerprint}): check with the organisation that "
                            "they sent it")
    figures = statements.statement_figures(workspace, "2027/28")
    [history] = figures.histories
    [baseline_row] = workspace.returns(workspace.cycle("2026/27").id)
    assert (history.organisation, history.baseline_return_id) == (NORTHFIELD.name, baseline_row.id)
    assert history.flag == outcome.flag
    assert [(s.index, s.status) for s in history.steps] == [(0, "complete"), (1, "in_progress"), (4, "dropped")]
    assert figures.progress.total == 3 and figures.flagged == 1


def test_what_cannot_be_held_as_a_baseline(workspace, made, tmp_path, shipped_sets):
    wt = shipped_sets["s11-wt2023"]
    statement_return = read_return(made[1])
    held = ReturnToHold(statement_return.content, statement_return.evidence, statement_return.evidence_bytes,
                        "a" * 64)
    with AuditFile.create(tmp_path / "new.s11audit", NORTHFIELD, "Officer") as audit_file:
        with pytest.raises(AuditFileError, match="is itself a compliance statement"):
            audit_file.hold_baseline_from_return(wt, held)
        baseline = read_return(made[0])
        unnamed = ReturnToHold(baseline.content, baseline.evidence, baseline.evidence_bytes, "")
        with pytest.raises(AuditFileError, match="content hash is not known"):
            audit_file.hold_baseline_from_return(wt, unnamed)
        assert audit_file.audits() == []
    # Another organisation's baseline is never put in a starting file.
    with pytest.raises(StartingFileError, match="the baseline return is from"):
        write_statement_starting_file(tmp_path / "riverside.s11audit", RIVERSIDE, wt, "2027/28",
                                      _stored(baseline, "b" * 64))
    assert not (tmp_path / "riverside.s11audit").exists()


def _stored(signed, sha256: str):
    from s11audit.business_unit.cycle_starting_files import StoredReturn

    return StoredReturn(signed.content, {str(e["id"]): signed.evidence_bytes(e["id"]) for e in signed.evidence},
                        sha256, "")


def test_the_file_keeps_the_hash_where_an_export_keeps_it():
    assert held_baselines.RETURN_SHA256_KEY == RETURN_SHA256_KEY

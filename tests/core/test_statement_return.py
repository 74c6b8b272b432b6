"""The annual compliance statement as a signed return (issue 16): kind ``compliance_statement``.

The baseline is the sample's signed full audit on the Working Together set (actions 1 to 5 in its
action plan, in that order: 1, 2 and 5 open, 3 and 4 complete). The statement next year completes
action 1 with evidence, lets action 2 slip, drops action 5, improves standard 3 and declines
standard 6 with a new action. The expected fields below are written out by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from s11audit.cli import main
from s11audit.export import (STATEMENT_DECLARATION, ExportError, export, export_statement, take_snapshot,
                             written_return_sha256)
from s11audit.returns import ReturnError, read_return, schema, verify_return, write_return
from s11audit.sample import SIGNATORY_NAMES, fill_statement, following_cycle
from s11audit.store import AuditFile, SignatoryEntry
from s11audit.store.evidence import read_evidence_file
from s11audit.store.statement import ComplianceStatement

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = dt.date.today()
ACTION_1 = "Review and relaunch information sharing arrangements in every team"
ACTION_2 = "Audit and report on information sharing arrangements in every team"
ACTION_5 = "Audit and report on working together with partners and early help arrangements in every team"


def _sign(statement: ComplianceStatement) -> None:
    statement.sign([SignatoryEntry(role.role, SIGNATORY_NAMES[i], TODAY, True)
                    for i, role in enumerate(statement.standards_set.sign_off.signatories)])


def _fill(statement: ComplianceStatement, tmp_path: Path) -> None:
    for standard in statement.standards:
        statement.set_position(standard.id, "same")
    statement.set_position("3", "improved")
    statement.set_narrative("3", "Information sharing relaunched.")
    statement.set_new_grade("3", "green")
    statement.set_position("6", "declined")
    statement.set_narrative("6", "Two recruitment files had no reference.")
    statement.set_new_grade("6", "red")
    statement.actions.add("6", "Audit every recruitment file", owner="HR Business Partner",
                          due_date=dt.date(2028, 3, 31))
    statement.update_progress(1, status="complete", note="Relaunched.", completed_on=TODAY - dt.timedelta(days=30))
    minutes = tmp_path / "Relaunch briefing.txt"
    minutes.write_text("Minutes of the relaunch briefing", encoding="utf-8")
    statement.add_completion_evidence(1, read_evidence_file(minutes), "Briefing minutes")
    statement.update_progress(2, status="in_progress", note="Half the teams audited.",
                              new_due_date=dt.date(2027, 9, 30))
    statement.update_progress(5, status="dropped", dropped_reason="Replaced by a joint audit.")


def _return_json_sha256(audit_path: Path) -> str:
    with zipfile.ZipFile(audit_path) as archive:
        return hashlib.sha256(archive.read("return.json")).hexdigest()


def test_a_statement_return_names_its_baseline_and_reports_progress(audit_path, tmp_path):
    baseline_out, statement_out = tmp_path / "baseline.s11return", tmp_path / "statement.s11return"
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        baseline = audit_file.audits()[0]
        exported_baseline = export(audit_file, audit_file.assessment(baseline.id), returned=baseline_out)
        assert exported_baseline.return_sha256 == _return_json_sha256(baseline_out)
        assert written_return_sha256(audit_file, baseline.id) == exported_baseline.return_sha256
        statement = audit_file.start_statement(baseline.id, "2027/28")
        _fill(statement, tmp_path)
        _sign(statement)
        exported = export_statement(audit_file, statement, statement_out)
        assert exported.returned == statement_out and exported.return_sha256 == _return_json_sha256(statement_out)
        assert written_return_sha256(audit_file, statement.id) == exported.return_sha256
        fingerprint = statement.sign_off.key_fingerprint()

    verification = verify_return(statement_out)
    assert verification.valid and verification.kind == "compliance_statement"
    assert verification.cycle == "2027/28" and verification.fingerprint == fingerprint
    signed = read_return(statement_out)
    content = signed.content
    assert signed.kind == "compliance_statement" and content["kind"] == "compliance_statement"
    assert content["audit_version"] == 1 and "sample" not in content
    assert content["baseline"] == {"cycle": "2026/27", "audit_version": 1,
                                   "content_sha256": _return_json_sha256(baseline_out),
                                   "signed_on": TODAY.isoformat()}
    same = {"position": "same", "narrative": "", "new_grade": None}
    assert content["statement"]["standards"] == [
        {"standard_id": "1", **same}, {"standard_id": "2", **same},
        {"standard_id": "3", "position": "improved", "narrative": "Information sharing relaunched.",
         "new_grade": "green"},
        {"standard_id": "4", **same}, {"standard_id": "5", **same},
        {"standard_id": "6", "position": "declined", "narrative": "Two recruitment files had no reference.",
         "new_grade": "red"},
        {"standard_id": "7", **same}, {"standard_id": "8", **same}, {"standard_id": "9", **same}]
    assert content["statement"]["action_progress"] == [
        {"baseline_action": {"index": 0, "standard_id": "3", "criterion_id": None, "action": ACTION_1,
                             "due_date": "2026-10-02"},
         "status": "complete", "progress_note": "Relaunched.",
         "completed_on": (TODAY - dt.timedelta(days=30)).isoformat(), "new_due_date": None, "dropped_reason": ""},
        {"baseline_action": {"index": 1, "standard_id": "3", "criterion_id": None, "action": ACTION_2,
                             "due_date": "2027-03-01"},
         "status": "in_progress", "progress_note": "Half the teams audited.", "completed_on": None,
         "new_due_date": "2027-09-30", "dropped_reason": ""},
        {"baseline_action": {"index": 4, "standard_id": "8", "criterion_id": None, "action": ACTION_5,
                             "due_date": "2027-03-01"},
         "status": "dropped", "progress_note": "", "completed_on": None, "new_due_date": None,
         "dropped_reason": "Replaced by a joint audit."}]
    # ``index`` is the action's place in the baseline return's action_plan, as the business unit reads it.
    baseline_plan = read_return(baseline_out).content["action_plan"]
    for entry in content["statement"]["action_progress"]:
        named = entry["baseline_action"]
        listed = baseline_plan[named["index"]]
        assert (listed["standard_id"], listed["action"], listed["due_date"]) == (
            named["standard_id"], named["action"], named["due_date"])
    assert content["action_plan"] == [{"standard_id": "6", "action": "Audit every recruitment file",
                                       "owner": "HR Business Partner", "due_date": "2028-03-31",
                                       "status": "not_started", "progress_notes": ""}]
    [evidence] = content["evidence"]
    assert evidence["links"] == [{"standard_id": "3", "item_id": "action:0"}]
    assert signed.evidence_bytes(evidence["id"]) == b"Minutes of the relaunch briefing"
    assert content["standards"] == [] and content["item_answers"] == []
    assert content["sign_off"]["declaration"] == STATEMENT_DECLARATION
    assert [s["name"] for s in content["sign_off"]["signatories"]] == SIGNATORY_NAMES[:len(
        content["sign_off"]["signatories"])]
    assert signed.standards == read_return(baseline_out).standards  # the baseline's set, carried whole
    quick = schema._quick("return.json")  # the quick check still reads the whole schema and passes it
    assert quick is not None and quick(content) and schema.problem("return.json", content) is None


def test_an_unsigned_statement_is_refused(audit_path, tmp_path):
    target = tmp_path / "statement.s11return"
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        statement = audit_file.start_statement(audit_file.audits()[0].id, "2027/28")
        with pytest.raises(ExportError, match="has not been signed off yet"):
            export_statement(audit_file, statement, target)
        with pytest.raises(ExportError, match="has not been signed off yet"):
            export(audit_file, audit_file.assessment(statement.id), returned=target)
        _fill(statement, tmp_path)
        _sign(statement)
        with pytest.raises(ExportError, match="is exported by export_statement"):
            take_snapshot(audit_file, audit_file.assessment(statement.id))
        # export() hands a statement to export_statement: its return, PDF and action progress workbook.
        done = export(audit_file, audit_file.assessment(statement.id), returned=target, pdf=tmp_path / "s.pdf",
                      xlsx=tmp_path / "s.xlsx")
    assert (done.returned, done.pdf, done.xlsx) == (target, tmp_path / "s.pdf", tmp_path / "s.xlsx")
    assert verify_return(target).valid and (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert "Action progress" in load_workbook(tmp_path / "s.xlsx").sheetnames


def test_tampering_is_refused_and_an_incomplete_statement_is_never_written(audit_path, tmp_path):
    out = tmp_path / "statement.s11return"
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        statement = audit_file.start_statement(audit_file.audits()[0].id, "2027/28")
        _fill(statement, tmp_path)
        _sign(statement)
        export_statement(audit_file, statement, out)
        signer, public_key = statement.sign_off.signer(), statement.sign_off.public_key_bytes()
    tampered = tmp_path / "tampered.s11return"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "return.json":
                data = data.replace(b'"status": "dropped"', b'"status": "complete"')
            target.writestr(info, data)
    result = verify_return(tampered)
    assert not result.valid and result.code == "member-changed" and "return.json" in result.reason

    signed = read_return(out)
    content = {k: v for k, v in signed.content.items() if k not in ("format", "evidence")}
    for broken, message in (({k: v for k, v in content.items() if k != "baseline"}, "has no baseline"),
                            ({k: v for k, v in content.items() if k != "statement"}, "has no statement"),
                            ({**content, "kind": "interim"}, "kind is"),
                            ({**content, "statement": {**content["statement"], "standards": [
                                {"standard_id": "1", "position": "worse"}]}}, "position")):
        with pytest.raises(ReturnError, match=message):
            write_return(tmp_path / "broken.s11return", {**broken, "evidence": []}, [], signed.standards,
                         public_key, signer)
    assert not (tmp_path / "broken.s11return").exists()


def test_full_returns_are_as_before_and_an_old_file_names_no_baseline_hash(tmp_path, audit_path):
    out = tmp_path / "baseline.s11return"
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        export(audit_file, audit_file.latest_assessment(), returned=out)
    signed = read_return(out)
    assert "kind" not in signed.content and "baseline" not in signed.content and "statement" not in signed.content
    assert signed.kind == "full_audit" and verify_return(out).kind == "full_audit"

    old = tmp_path / "St Aidans.s11audit"
    shutil.copy(FIXTURES / "schema5.s11audit", old)
    with AuditFile.open(old, "Helen Morris") as audit_file:
        baseline = audit_file.latest_assessment()
        assert baseline is not None and written_return_sha256(audit_file, baseline.id) is None
        statement = audit_file.start_statement(baseline.id, following_cycle(baseline.cycle))
        fill_statement(statement, audit_file.organisation().name)
        _sign(statement)
        export_statement(audit_file, statement, tmp_path / "old.s11return")
    content = read_return(tmp_path / "old.s11return").content
    assert content["baseline"]["content_sha256"] is None and content["baseline"]["cycle"] == baseline.cycle


def test_following_cycle():
    assert following_cycle("2026/27") == "2027/28"
    assert following_cycle("2099/00") == "2100/01"
    assert following_cycle("2026-2027") == "2027-2028"
    assert following_cycle("Spring") == "Spring (statement)"


def test_cli_start_progress_and_export(tmp_path, capsys):
    audit = tmp_path / "agency.s11audit"
    assert main(["sample", "--signed", "--set", "s11-wt2023", str(audit)]) == 0
    baseline_out, statement_out = tmp_path / "baseline.s11return", tmp_path / "statement.s11return"
    assert main(["export", str(audit), "--return", str(baseline_out)]) == 0
    assert main(["statement", "progress", str(audit)]) == 1
    assert "no annual compliance statement started yet" in capsys.readouterr().out

    assert main(["statement", "start", str(audit), "--cycle", "2026/27"]) == 2
    assert "later cycle than its baseline" in capsys.readouterr().err
    assert main(["statement", "start", str(audit), "--cycle", "2027/28"]) == 0
    out = capsys.readouterr().out
    assert "Started the 2027/28 annual compliance statement" in out and "based on the 2026/27 audit" in out
    assert main(["statement", "progress", str(audit)]) == 1
    out = capsys.readouterr().out
    assert "2027/28 annual compliance statement" in out and "0% complete" in out
    assert "say whether it is still as at the baseline" in out and "give its progress" in out
    assert main(["progress", str(audit)]) == 1  # the latest audit is the statement
    assert "2027/28 annual compliance statement" in capsys.readouterr().out
    assert main(["export", str(audit), "--return", str(statement_out)]) == 2
    assert "has not been signed off yet" in capsys.readouterr().err

    with AuditFile.open(audit, "Priya Shah") as audit_file:
        statement = audit_file.statement(audit_file.audits()[-1].id)
        fill_statement(statement, "Northfield")
        _sign(statement)
    assert main(["statement", "progress", str(audit)]) == 0
    assert "100% complete" in capsys.readouterr().out
    assert main(["export", str(audit), "--pdf", str(tmp_path / "s.pdf"), "--xlsx", str(tmp_path / "s.xlsx")]) == 0
    out = capsys.readouterr().out
    assert f"PDF: {tmp_path / 's.pdf'}" in out and f"Action progress workbook: {tmp_path / 's.xlsx'}" in out
    assert (tmp_path / "s.pdf").exists() and (tmp_path / "s.xlsx").exists()
    assert main(["export", str(audit), "--return", str(statement_out)]) == 0
    out = capsys.readouterr().out
    assert "Signed return (annual compliance statement)" in out and "no record" not in out
    content = read_return(statement_out).content
    assert content["baseline"]["content_sha256"] == _return_json_sha256(baseline_out)
    assert main(["verify", str(statement_out)]) == 0
    assert "annual compliance statement" in capsys.readouterr().out
    assert main(["statement", "start", str(tmp_path / "missing.s11audit"), "--cycle", "2027/28"]) == 2


def test_cli_sample_statement(tmp_path, capsys):
    audit = tmp_path / "sample.s11audit"
    assert main(["sample", "--statement", "--set", "s11-wt2023", str(audit)]) == 0
    assert "signed annual compliance statement for 2027/28" in capsys.readouterr().out
    assert main(["statement", "progress", str(audit)]) == 0
    out = tmp_path / "sample.s11return"
    assert main(["export", str(audit), "--return", str(out)]) == 0
    assert "no record of the 2026/27 audit's return being exported" in capsys.readouterr().out
    signed = read_return(out)
    content = signed.content
    assert content["sample"] is True and content["organisation"]["name"].startswith("SAMPLE")
    assert content["cycle"] == "2027/28" and content["baseline"]["cycle"] == "2026/27"
    progress = {e["baseline_action"]["index"]: e for e in content["statement"]["action_progress"]}
    assert [(e["status"], e["new_due_date"] is not None) for e in progress.values()] == [
        ("complete", False), ("in_progress", True), ("dropped", False)]
    completed = next(i for i, e in progress.items() if e["status"] == "complete")
    [evidence] = content["evidence"]
    assert [link["item_id"] for link in evidence["links"]] == [f"action:{completed}"]
    positions = {s["position"] for s in content["statement"]["standards"]}
    assert positions == {"same", "improved", "declined"}
    [declined] = [s for s in content["statement"]["standards"] if s["position"] == "declined"]
    assert [a["standard_id"] for a in content["action_plan"]] == [declined["standard_id"]]
    assert declined["narrative"] and declined["new_grade"]


def test_the_business_unit_refuses_a_statement_as_a_full_return(audit_path, tmp_path, shipped_sets):
    """A statement (no grades of its own) is refused by a full audit cycle with a reason naming the cycle's kind,
    and never counted as an organisation that graded nothing."""
    from s11audit.business_unit.importing import import_returns
    from s11audit.business_unit.workspace import OrganisationEntry, Workspace

    out = tmp_path / "statement.s11return"
    with AuditFile.open(audit_path, "Priya Shah") as audit_file:
        statement = audit_file.start_statement(audit_file.audits()[-1].id, "2027/28")
        _fill(statement, tmp_path)
        _sign(statement)
        export_statement(audit_file, statement, returned=out)
        organisation = audit_file.organisation()
    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        cycle = workspace.add_cycle("2027/28", shipped_sets["s11-wt2023"], TODAY + dt.timedelta(days=30))
        workspace.add_organisations(cycle.id, [OrganisationEntry(organisation.name, organisation.reference, "",
                                                                 organisation.org_type, "", "")])
        [outcome] = import_returns(workspace, "2027/28", [out]).files
        assert outcome.outcome == "rejected"
        assert outcome.reason == ("statement.s11return is an annual compliance statement, not a full "
                                  "self-assessment: cycle 2027/28 is a full audit cycle, which takes only full "
                                  "self-assessments (import statements into an annual compliance statement cycle); "
                                  "it was not imported")
        assert workspace.returns(cycle.id) == []

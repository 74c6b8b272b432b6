"""Starting files and findings for a cycle, from what the workspace holds of the previous cycle."""

from __future__ import annotations

import datetime as dt

from s11audit.business_unit.cycle_findings import cycle_findings
from s11audit.business_unit.cycle_starting_files import starting_files_for_cycle
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.export import export
from s11audit.sample import make_sample
from s11audit.store import AuditFile, OrganisationDetails

SCHOOL = OrganisationDetails("Oakfield Primary School", "URN 100001", "education", "primary", "Ann Head",
                             "ann@example.org")
OTHER = OrganisationDetails("Hillside Academy", "URN 100002", "education", "secondary")


def _return(tmp_path, organisation, standards_set, cycle, seed=1):
    tmp_path.mkdir(exist_ok=True)
    audit = make_sample(tmp_path / f"{organisation.reference}.s11audit", standards_set, organisation, cycle=cycle,
                        seed=seed, signed=True, sample=False)
    with AuditFile.open(audit, "t", read_only=True) as audit_file:
        assessment = audit_file.latest_assessment()
        evidence = [(e.name, e.sha256) for e in assessment.evidence.all_evidence()]
        export(audit_file, assessment, returned=tmp_path / f"{organisation.reference}.s11return")
    return tmp_path / f"{organisation.reference}.s11return", evidence


def test_starting_files_carry_last_cycles_return_and_findings_compare(tmp_path, s175_set):
    returned, evidence = _return(tmp_path, SCHOOL, s175_set, "2025/26")
    assert evidence
    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        last = workspace.add_cycle("2025/26", s175_set, dt.date(2026, 3, 31))
        workspace.add_organisations(last.id, [OrganisationEntry(SCHOOL.name, SCHOOL.reference, "Education", "primary")])
        assert import_returns(workspace, last, [returned]).count("imported") == 1
        this = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31), previous="2025/26")
        added = workspace.add_organisations(this.id, [
            OrganisationEntry(SCHOOL.name, SCHOOL.reference, "Education", "primary", "Ann Head", "ann@example.org"),
            OrganisationEntry(OTHER.name, OTHER.reference, "Education", "secondary")])
        steps = []
        results = starting_files_for_cycle(workspace, this, [o.id for o in added], tmp_path / "out",
                                           progress=lambda done, total, text: steps.append((done, total)))
        assert steps[0] == (0, 2) and steps[-1] == (2, 2)
        # The second cycle's findings compare with the first: the same return gives no change.
        imported_again, _ = _return(tmp_path / "again", SCHOOL, s175_set, "2026/27")
        import_returns(workspace, this, [imported_again])
        findings = cycle_findings(workspace, this)
        assert findings.has_previous and findings.expected == 2 and findings.received == 1
        assert all(abs(change.points) < 1e-9 for change in findings.standard_changes)
    carried, empty = results
    assert carried.written and carried.carried_forward is not None and empty.written and empty.carried_forward is None
    with AuditFile.open(carried.path, "Ann Head", read_only=True) as audit_file:
        assert audit_file.organisation().contact_email == "ann@example.org"
        assessment = audit_file.latest_assessment()
        assert assessment.cycle == "2026/27"
        assert sorted((e.name, e.sha256) for e in assessment.evidence.all_evidence()) == sorted(evidence)
        assert any(r.narrative for r in assessment.responses().values())
    with AuditFile.open(empty.path, "x", read_only=True) as audit_file:
        assert audit_file.latest_assessment().responses() == {}


def test_findings_command(tmp_path, s175_set, capsys):
    from s11audit.cli import main

    returned, _ = _return(tmp_path, SCHOOL, s175_set, "2026/27")
    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        cycle = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        workspace.add_organisations(cycle.id, [
            OrganisationEntry(SCHOOL.name, SCHOOL.reference, "Education", "primary"),
            OrganisationEntry(OTHER.name, OTHER.reference, "Education", "secondary")])
        import_returns(workspace, cycle, [returned])
    pdf, xlsx = tmp_path / "f.pdf", tmp_path / "f.xlsx"
    assert main(["findings", str(tmp_path / "unit.s11workspace"), "--cycle", "2026/27", "--pdf", str(pdf),
                 "--xlsx", str(xlsx), "--partnership", "Northshire Safeguarding Children Partnership"]) == 0
    out = capsys.readouterr().out
    assert "findings from 1 return of 2 expected" in out and pdf.read_bytes().startswith(b"%PDF")
    assert xlsx.read_bytes().startswith(b"PK")
    assert main(["findings", str(tmp_path / "unit.s11workspace"), "--cycle", "nope", "--pdf", str(pdf)]) == 2
    assert main(["findings", str(tmp_path / "unit.s11workspace"), "--cycle", "2026/27"]) == 2

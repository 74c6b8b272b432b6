"""Deletion that deletes (issue 17): an organisation removed with its returns, evidence and moderation leaves
nothing of them in the workspace file once it is compacted; secure_delete is on for every file; compacting
reports its progress."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import text

from benchmarks.make_returns import Organisation, private_key, return_content
from s11audit.business_unit.deletion import DELETED, RemovalReport
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.returns import public_key_of, signer, write_return
from s11audit.sample import make_sample
from s11audit.store import AuditFile

SCHOOL = Organisation("St Aidan's CE Primary School", "URN 124578", "Education", "primary", "Helen Morris",
                      "dsl@staidans.example.sch.uk")
OTHER = Organisation("Brookhurst Academy", "URN 200001", "Education", "secondary", "Mark Ellis",
                     "dsl@brookhurst.example")
NARRATIVE = "Quillon Marchbanks-Oduya, year 4, was referred on 3 May"  # a distinctive made-up child
EVIDENCE = "Case review minutes: Zephyrine Abernathy-Kolawole (DOB 02/02/2016)"


def write_distinct(out: Path, standards_set, organisation: Organisation, narrative: str, evidence: str,
                   audit_version: int = 1, cycle: str = "2026/27", name: str = "") -> Path:
    """A signed return whose first graded standard's narrative and first evidence file hold the given texts."""
    content, files = return_content(standards_set, organisation, random.Random(f"{organisation.reference}"),
                                    cycle=cycle, audit_version=audit_version, with_evidence=True)
    graded = next(entry for entry in content["standards"] if entry["grade"])
    graded["narrative"] = narrative
    files = [(files[0][0], evidence.encode("utf-8")), *files[1:]]
    key = private_key(organisation.reference)
    path = out / (name or f"{organisation.reference}-v{audit_version}.s11return".replace(" ", "-"))
    return write_return(path, content, files, standards_set.content, public_key_of(key), signer(key))


def found(path: Path, *needles: str) -> set[str]:
    """Which of the texts are in the file's bytes or its -journal's (UTF-8, as SQLite keeps text)."""
    data = path.read_bytes()
    journal = Path(f"{path}-journal")
    data += journal.read_bytes() if journal.exists() else b""
    return {needle for needle in needles if needle.encode("utf-8") in data}


@pytest.fixture
def workspace(tmp_path, s175_set):
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as opened:
        cycle = opened.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        opened.add_organisations(cycle.id, [OrganisationEntry(SCHOOL.name, SCHOOL.reference, "Education", "primary"),
                                            OrganisationEntry(OTHER.name, OTHER.reference, "Education", "secondary")])
        yield opened


def _organisation(workspace, reference: str):
    cycle = workspace.cycle("2026/27")
    return next(o for o in workspace.organisations(cycle.id) if o.reference == reference)


def test_an_organisation_deleted_with_its_returns_leaves_nothing_in_the_file(workspace, tmp_path, s175_set):
    out = tmp_path / "returns"
    out.mkdir()
    v1 = write_distinct(out, s175_set, SCHOOL, NARRATIVE, EVIDENCE, audit_version=1)
    v2 = write_distinct(out, s175_set, SCHOOL, NARRATIVE + " (again)", EVIDENCE, audit_version=2)
    other = write_distinct(out, s175_set, OTHER, "Brookhurst kept narrative", "Brookhurst kept evidence")
    import_returns(workspace, "2026/27", [v1, v2, other])
    cycle = workspace.cycle("2026/27")
    school = _organisation(workspace, SCHOOL.reference)
    [superseded, current] = workspace.returns(cycle.id, organisation_id=school.id)
    assert (superseded.state, current.state) == ("superseded", "current")
    workspace.set_moderation(current.id, "1", workspace.standards_set(cycle.id).grade_scale.levels[0].id,
                             "Moderated: " + NARRATIVE)
    workspace.close()
    # The test can fail: before deleting, both texts are in the file.
    assert found(workspace.path, NARRATIVE, EVIDENCE) == {NARRATIVE, EVIDENCE}

    with Workspace.open(workspace.path, "Business Unit") as reopened:
        school = _organisation(reopened, SCHOOL.reference)
        preview = reopened.deletion_preview(school.id)
        assert (preview.returns, preview.evidence_files, preview.moderations) == (2, 4, 1)
        assert preview.bytes > 2 * len(EVIDENCE)
        report = reopened.remove_organisation(school.id, delete_returns=True)
        assert report == preview
        compacted = reopened.compact()
        assert compacted.bytes_after < compacted.bytes_before
        # While the file is still open (its -journal kept by the exclusive lock) and after it is closed.
        assert found(reopened.path, NARRATIVE, EVIDENCE) == set()
        assert [o.reference for o in reopened.organisations(cycle.id)] == [OTHER.reference]
        [kept] = reopened.returns(cycle.id)
        assert kept.reference == OTHER.reference
        assert reopened.known_key(cycle.id, SCHOOL.reference) is None
        [entry] = [e for e in reopened.import_log(cycle.id) if e.outcome == DELETED]
        assert entry.reference == SCHOOL.reference and entry.reason == (
            "deleted at the business unit's request by Business Unit: the organisation's 2 returns, 4 evidence "
            f"files, 1 moderated grade and 0 peer audit records ({report.bytes:,} bytes), and it was taken off the "
            "register")
        assert all(NARRATIVE not in e.reason for e in reopened.import_log())
    assert found(workspace.path, NARRATIVE, EVIDENCE, "Brookhurst kept") == {"Brookhurst kept"}


def test_an_unmatched_return_with_the_reference_goes_too_and_removal_alone_keeps_returns(workspace, tmp_path,
                                                                                         s175_set):
    out = tmp_path / "returns"
    out.mkdir()
    stranger = Organisation("Brookhurst Academy Trust", "urn  200001", "Education", "secondary", "", "")
    other = write_distinct(out, s175_set, OTHER, "kept", "kept")
    import_returns(workspace, "2026/27", [other])
    cycle = workspace.cycle("2026/27")
    brookhurst = _organisation(workspace, OTHER.reference)
    # Taken off the register without deleting: its return waits to be matched, as before.
    kept = workspace.remove_organisation(brookhurst.id)
    assert kept == RemovalReport(0, 0, 0, 0, 0)
    [waiting] = workspace.returns(cycle.id)
    assert (waiting.state, waiting.organisation_id) == ("unmatched", None)
    # Registered again under another spelling of the reference, with a second unmatched return of its own.
    import_returns(workspace, "2026/27", [write_distinct(out, s175_set, stranger, "x", "y", name="late.s11return")])
    [again] = workspace.add_organisations(cycle.id, [OrganisationEntry("Brookhurst", "URN 200001 ")])
    assert {r.state for r in workspace.returns(cycle.id)} <= {"current", "superseded", "unmatched", "key_pending"}
    school = _organisation(workspace, SCHOOL.reference)
    assert workspace.deletion_preview(school.id).returns == 0
    report = workspace.remove_organisation(again.id, delete_returns=True)
    assert report.returns == 2 and workspace.returns(cycle.id) == []


def test_secure_delete_is_on_for_workspaces_and_audit_files(workspace, tmp_path, s11_set):
    assert workspace.session.execute(text("PRAGMA secure_delete")).scalar() == 1
    assert workspace.session.execute(text("PRAGMA journal_size_limit")).scalar() == 0
    path = make_sample(tmp_path / "made.s11audit", s11_set, sample=False)
    with AuditFile.open(path, "Officer") as audit_file:
        assert audit_file.writer.session.execute(text("PRAGMA secure_delete")).scalar() == 1
        assert audit_file.writer.session.execute(text("PRAGMA journal_size_limit")).scalar() == 0
        report = audit_file.compact()
        assert report.bytes_after <= report.bytes_before
        assert audit_file.organisation().name  # the session goes on working after compacting


def test_compact_progress_is_monotonic_and_ends_at_the_total(workspace, tmp_path, s175_set):
    out = tmp_path / "returns"
    out.mkdir()
    import_returns(workspace, "2026/27", [write_distinct(out, s175_set, SCHOOL, NARRATIVE, EVIDENCE),
                                          write_distinct(out, s175_set, OTHER, "b", "c")])
    steps: list[tuple[int, int]] = []
    report = workspace.compact(lambda done, total: steps.append((done, total)))
    total = steps[-1][1]
    assert steps[0] == (0, total) and steps[-1] == (total, total) and len(steps) > 2
    assert all(t == total for _, t in steps)
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    assert total == report.bytes_before // 4096
    assert workspace.cycle("2026/27").name == "2026/27"  # still open and usable


def test_a_read_only_workspace_is_not_compacted(workspace):
    workspace.close()
    from s11audit.store.database import ReadOnlyError

    with Workspace.open(workspace.path, "Business Unit", read_only=True) as opened, pytest.raises(ReadOnlyError):
        opened.compact()

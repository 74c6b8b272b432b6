"""Starting files the business unit sends each organisation: from last cycle's signed return, or empty."""

from __future__ import annotations

import hashlib
import os

import pytest

from s11audit.business_unit import starting_files
from s11audit.business_unit.starting_files import (
    StartingFileEntry,
    StartingFileError,
    starting_file_name,
    write_starting_file,
    write_starting_files,
)
from s11audit.export import export
from s11audit.returns import read_return
from s11audit.sample import EXAMPLE_ORGANISATIONS, make_sample
from s11audit.store import AuditFile, OrganisationDetails

SCHOOL = EXAMPLE_ORGANISATIONS["education"]


@pytest.fixture(scope="module")
def last_return(tmp_path_factory, shipped_sets):
    """A real signed return for 2026/27, exported from a signed sample audit."""
    folder = tmp_path_factory.mktemp("returns")
    path = make_sample(folder / "school.s11audit", shipped_sets["s175-kcsie2025"], signed=True, sample=False)
    with AuditFile.open(path, "Helen Morris") as audit_file:
        export(audit_file, audit_file.latest_assessment(), returned=folder / "school.s11return")
    return read_return(folder / "school.s11return")


def _leftovers(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith((".partial", "-journal")))


def test_a_starting_file_carries_last_cycles_return_forward(tmp_path, s175_set, last_return):
    path = write_starting_file(tmp_path / "St Aidans 2027-28.s11audit", SCHOOL, s175_set, "2027/28", last_return)
    content = last_return.content
    with AuditFile.open(path, "Helen Morris") as audit_file:
        assert audit_file.organisation() == SCHOOL
        [summary] = audit_file.audits()
        assert (summary.cycle, summary.set_id, summary.set_version) == ("2027/28", s175_set.id, s175_set.version)
        audit = audit_file.assessment(summary.id)
        assert not audit.read_only
        responses = audit.responses()
        for entry in content["standards"]:
            assert responses[entry["standard_id"]].grade == entry["grade"]
            assert responses[entry["standard_id"]].narrative == entry["narrative"]
        assert audit.answers() == {a["item_id"]: a["value"] for a in content["item_answers"]}
        evidence = audit.evidence.all_evidence()
        assert sorted(hashlib.sha256(audit.evidence.content(e.id)).hexdigest() for e in evidence) == \
               sorted(e["sha256"] for e in last_return.evidence)
        assert {e.name: {(s, i) for s, i in e.links} for e in evidence} == {
            e["name"]: {(link["standard_id"], link["item_id"] or "") for link in e["links"]}
            for e in last_return.evidence}
        open_actions = [(a["standard_id"], a["action"]) for a in content["action_plan"] if a["status"] != "complete"]
        assert open_actions and len(open_actions) < len(content["action_plan"])
        assert [(a.standard_id, a.description) for a in audit.actions.all_actions()] == open_actions
        assert any(t.what == "Carried forward" and "2026/27" in t.old_value for t in audit.trail())
    assert _leftovers(tmp_path) == []


def test_without_a_previous_return_the_audit_starts_empty(tmp_path, s11_set):
    agency = OrganisationDetails("Northfield Community Health NHS Trust", "RXY", "agency", "health", "Priya Shah")
    path = write_starting_file(tmp_path / "trust.s11audit", agency, s11_set, "2027/28")
    with AuditFile.open(path, "Priya Shah") as audit_file:
        assert audit_file.organisation() == agency
        audit = audit_file.latest_assessment()
        assert audit.cycle == "2027/28" and audit.standards_set.id == s11_set.id
        assert audit.responses() == {} and audit.answers() == {}
        assert audit.evidence.all_evidence() == [] and audit.actions.all_actions() == []


def test_an_existing_file_is_never_replaced_unless_asked(tmp_path, s175_set):
    path = tmp_path / "school.s11audit"
    path.write_bytes(b"someone's audit")
    with pytest.raises(StartingFileError, match="already exists"):
        write_starting_file(path, SCHOOL, s175_set, "2027/28")
    assert path.read_bytes() == b"someone's audit"
    write_starting_file(path, SCHOOL, s175_set, "2027/28", overwrite=True)
    with AuditFile.open(path, "x") as audit_file:
        assert audit_file.latest_assessment().cycle == "2027/28"


def test_a_failure_leaves_no_partial_file(tmp_path, s175_set, last_return, monkeypatch):
    def damaged(entry):
        return b"not the file that was signed"

    real = starting_files.earlier_from_return

    def with_damaged_evidence(previous):
        earlier = real(previous)
        return type(earlier)(earlier.cycle, earlier.version_no, earlier.responses, earlier.answers, earlier.evidence,
                             earlier.actions, evidence_bytes=damaged)

    monkeypatch.setattr(starting_files, "earlier_from_return", with_damaged_evidence)
    target = tmp_path / "school.s11audit"
    with pytest.raises(StartingFileError, match="fingerprint"):
        write_starting_file(target, SCHOOL, s175_set, "2027/28", last_return)
    assert os.listdir(tmp_path) == []


def test_the_wrong_kind_of_set_is_refused_without_leaving_a_file(tmp_path, s11_set):
    with pytest.raises(StartingFileError, match="not for this kind of organisation"):
        write_starting_file(tmp_path / "school.s11audit", SCHOOL, s11_set, "2027/28")
    assert os.listdir(tmp_path) == []


def test_another_organisations_return_is_never_carried_forward(tmp_path, s175_set, last_return):
    other = OrganisationDetails("Hill Top Infant School", "URN 100200", "education", "primary")
    with pytest.raises(StartingFileError, match="previous return is from"):
        write_starting_file(tmp_path / "hill top.s11audit", other, s175_set, "2027/28", last_return)
    assert os.listdir(tmp_path) == []
    # The same organisation is recognised by its reference even if its name was written differently.
    renamed = OrganisationDetails("St Aidan's CE Primary", "urn  124578", "education", "primary")
    write_starting_file(tmp_path / "st aidans.s11audit", renamed, s175_set, "2027/28", last_return)


def test_several_at_once_with_a_result_for_each(tmp_path, s175_set, last_return):
    other = OrganisationDetails('Hill Top: "Infant" School?', "URN 100200", "education", "primary")
    (tmp_path / starting_file_name(other.name, "2027/28")).write_bytes(b"already sent")
    results = write_starting_files(tmp_path, [StartingFileEntry(SCHOOL, last_return), StartingFileEntry(other)],
                                   s175_set, "2027/28")
    assert [r.written for r in results] == [True, False]
    assert results[0].path.name == "St Aidan's Church of England Primary School 2027_28.s11audit"
    assert results[0].carried_forward is not None and results[0].carried_forward.evidence == len(last_return.evidence)
    assert "already exists" in results[1].problem
    assert results[1].path.name == "Hill Top_ _Infant_ School_ 2027_28.s11audit"


@pytest.mark.parametrize(("name", "expected"), [
    ("St Mary's C of E Primary", "St Mary's C of E Primary 2027_28.s11audit"),
    ("CON", "CON 2027_28.s11audit"),  # the cycle makes it an ordinary name
    ("", "organisation 2027_28.s11audit"),
    ("  Trust. ", "Trust 2027_28.s11audit"),
    ("A/B\\C:D*E?F", "A_B_C_D_E_F 2027_28.s11audit"),
])
def test_file_names_are_safe_for_windows(name, expected):
    assert starting_file_name(name, "2027/28") == expected

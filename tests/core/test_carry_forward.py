"""Carrying an organisation's own earlier audit forward into the next cycle, inside its audit file."""

from __future__ import annotations

import copy
import hashlib

import pytest

from s11audit.sample import make_sample
from s11audit.standards import set_from_snapshot
from s11audit.store import AuditFile, AuditFileError
from s11audit.store import carry_forward as carry_forward_module


def _changed_set(standards_set):
    """Next year's set: standard 12 and item 2.3 gone, "partly met" renamed, at most 1 deputy DSL allowed."""
    content = copy.deepcopy(standards_set.content)
    content["version"] = "2027.1"
    content["standards"] = [s for s in content["standards"] if s["id"] != "12"]
    for level in content["grade_scale"]["levels"]:
        if level["id"] == "partly_met":
            level["id"] = "partly"
    for standard in content["standards"]:
        if "descriptors" in standard:  # not the information section
            standard["descriptors"]["partly"] = standard["descriptors"].pop("partly_met")
        standard["items"] = [i for i in standard["items"] if i["id"] != "2.3"]
        for item in standard["items"]:
            if item["id"] == "2.4":
                item["max"] = 0
    return set_from_snapshot(content)


@pytest.fixture
def signed_sample(tmp_path, s175_set):
    return make_sample(tmp_path / "school.s11audit", s175_set, signed=True)


def _blobs(assessment) -> dict[str, str]:
    return {e.name: hashlib.sha256(assessment.evidence.content(e.id)).hexdigest()
            for e in assessment.evidence.all_evidence()}


def test_everything_still_fitting_is_carried_forward(signed_sample, s175_set):
    with AuditFile.open(signed_sample, "Helen Morris") as audit_file:
        last = audit_file.latest_assessment()
        new = audit_file.start_audit(s175_set, "2027/28", carry_forward_from=last.id)
        report = new.carried_forward

        assert new.cycle == "2027/28" and not new.is_signed
        assert new.responses().keys() == last.responses().keys()
        for standard_id, old in last.responses().items():
            carried = new.responses()[standard_id]
            assert (carried.grade, carried.not_applicable, carried.na_reason, carried.narrative, carried.example) == \
                   (old.grade, old.not_applicable, old.na_reason, old.narrative, old.example)
        assert new.answers() == last.answers()

        # Evidence: same files, byte for byte, linked to the same standards and items.
        assert _blobs(new) == _blobs(last)
        assert ({e.name: e.links for e in new.evidence.all_evidence()}
                == {e.name: e.links for e in last.evidence.all_evidence()})
        assert {e.id for e in new.evidence.all_evidence()}.isdisjoint({e.id for e in last.evidence.all_evidence()})

        # Open actions only: complete ones are done.
        open_before = [(a.standard_id, a.description, a.status) for a in last.actions.all_actions()
                       if a.status != "complete"]
        complete_before = [a for a in last.actions.all_actions() if a.status == "complete"]
        assert complete_before, "the sample should have a complete action to leave behind"
        assert [(a.standard_id, a.description, a.status) for a in new.actions.all_actions()] == open_before

        assert (report.from_cycle, report.from_version) == ("2026/27", 1)
        assert report.standards == len(last.responses()) and report.answers == len(last.answers())
        assert report.evidence == len(last.evidence.all_evidence()) and report.actions == len(open_before)
        assert report.complete_actions == len(complete_before) and report.left_out == ()
        assert "Nothing was left out." in report.summary()
        trail = new.trail()
        assert any(t.what == "Carried forward" and "2026/27" in t.old_value for t in trail)
        # The earlier, signed audit is untouched.
        assert last.is_signed and len(last.actions.all_actions()) == len(open_before) + len(complete_before)


def test_what_no_longer_fits_the_new_set_is_left_out_and_listed(signed_sample, s175_set):
    next_set = _changed_set(s175_set)
    with AuditFile.open(signed_sample, "Helen Morris") as audit_file:
        last = audit_file.latest_assessment()
        new = audit_file.start_audit(next_set, "2027/28", carry_forward_from=last.id)
        report = new.carried_forward
        responses = new.responses()

        assert "12" not in responses and "12" in last.responses()
        assert any(reason.startswith("Standard 12:") for reason in report.left_out)
        # Grades that are not levels of the new scale are left out; the narrative stays.
        partly = [sid for sid, r in last.responses().items() if r.grade == "partly_met" and sid != "12"]
        assert partly
        for standard_id in partly:
            assert responses[standard_id].grade is None
            assert responses[standard_id].narrative == last.responses()[standard_id].narrative
            assert any(reason.startswith(f"Standard {standard_id}: grade 'partly_met'") for reason in report.left_out)
        kept = [sid for sid, r in last.responses().items() if r.grade in ("fully_met", "not_met") and sid != "12"]
        assert all(responses[sid].grade == last.responses()[sid].grade for sid in kept)

        answers = new.answers()
        assert "2.3" not in answers and any(reason.startswith("Item 2.3:") for reason in report.left_out)
        assert last.answers()["2.4"] > 0
        assert "2.4" not in answers and any("2.4" in reason and "range" in reason for reason in report.left_out)
        # Graded items answered "partly_met" no longer normalise under the new scale; the others do.
        partly_items = [item_id for item_id, value in last.answers().items() if value == "partly_met"]
        assert partly_items and not set(partly_items) & set(answers)
        assert answers["1.2"] == last.answers()["1.2"]
        assert not any(a.standard_id == "12" for a in new.actions.all_actions())
        assert all(link_sid != "12" for e in new.evidence.all_evidence() for link_sid, _ in e.links)
        assert "Left out because it does not fit" in report.summary()
        left_out_trail = [t for t in new.trail() if t.what.startswith("Left out when carrying forward from 2026/27")]
        assert len(left_out_trail) == len(report.left_out)


def test_a_failure_while_carrying_forward_leaves_no_new_audit(signed_sample, s175_set, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(carry_forward_module, "copy_evidence_bytes", broken)
    with AuditFile.open(signed_sample, "Helen Morris") as audit_file:
        before = audit_file.audits()
        with pytest.raises(AuditFileError):
            audit_file.start_audit(s175_set, "2027/28", carry_forward_from=before[-1].id)
        assert audit_file.audits() == before
    with AuditFile.open(signed_sample, "Helen Morris") as audit_file:
        assert audit_file.audits() == before


def test_an_unknown_audit_cannot_be_carried_forward(school_file, s175_set):
    with pytest.raises(AuditFileError, match="no audit number 99"):
        school_file.start_audit(s175_set, "2027/28", carry_forward_from=99)
    assert school_file.audits() == []


def test_an_audit_in_progress_can_be_carried_forward_too(school_file, s175_set):
    first = school_file.start_audit(s175_set, "2026/27")
    first.set_narrative("1", "Started last year.")
    second = school_file.start_audit(s175_set, "2027/28", carry_forward_from=first.id)
    assert second.response("1").narrative == "Started last year."
    assert second.carried_forward.standards == 1
    assert school_file.start_audit(s175_set, "2028/29").carried_forward is None
